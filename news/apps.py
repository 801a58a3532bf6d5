from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """News sections and articles from provincial newsrooms, with feeds."""

    name = "news"
    verbose_name = _("News")
