from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ExhibitionItem


class ExhibitionItemViewSet(SnippetViewSet):
    model = ExhibitionItem
    icon = "image"
    menu_label = _("Exhibition items")
    add_to_admin_menu = True
    menu_order = 255
    list_display = ["title", "kind", "date_text", "source", "consent_held"]
    list_filter = ["kind", "child_present", "consent_held"]


register_snippet(ExhibitionItemViewSet)
