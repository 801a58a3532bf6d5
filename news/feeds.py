"""RSS 2.0 and Atom feeds of articles: per language, per section, and per filter."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from home import visibility

from . import listing
from .forms import ArticleFilterForm
from .models import ArticlePage

FEED_SIZE = 30


class ArticleFeed(Feed):
    """Newest live articles of the active language, narrowed by the same filters as the sections."""

    feed_type = Rss201rev2Feed

    def get_object(self, request):
        self.request = request
        self.locale = Locale.objects.filter(language_code=get_language()).first()
        if self.locale is None:
            raise Http404
        self.form = ArticleFilterForm(request.GET or None, locale=self.locale)
        return None

    def base_queryset(self):
        return visibility.public_pages(ArticlePage.objects.filter(locale=self.locale))

    def title(self):
        terms = ", ".join(str(term) for term in self.form.selected_terms())
        name = _("Human rights communication portal")
        return f"{name} · {terms}" if terms else name

    def link(self):
        site = Site.find_for_request(self.request)
        return site.root_page.localized.get_url(self.request) if site else f"/{get_language()}/"

    def description(self):
        return _("News and articles about human rights")

    def items(self):
        articles = listing.apply_filters(self.base_queryset(), self.form.cleaned_filters())
        return list(
            articles.select_related("organisation")
            .prefetch_related("authors", "conventions")
            .order_by("-date", "-first_published_at", "-pk")[:FEED_SIZE]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.locale_id}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        published = item.first_published_at
        if published and published.date() == item.date:
            return published
        return timezone.make_aware(datetime.combine(item.date, time(7, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        return ", ".join(person.name for person in item.authors.all()) or (
            item.organisation.name if item.organisation else None
        )

    def item_categories(self, item):
        return [convention.code for convention in item.conventions.all()]


class AtomArticleFeed(ArticleFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description


class SectionRssFeed(ArticleFeed):
    """The feed of one news section (and its sub-sections)."""

    def __init__(self, section):
        super().__init__()
        self.section = section

    def get_object(self, request):
        super().get_object(request)
        self.locale = self.section.locale
        self.form = ArticleFilterForm(request.GET or None, locale=self.locale)
        return self.section

    def base_queryset(self):
        return self.section.articles()

    def title(self):
        terms = ", ".join(str(term) for term in self.form.selected_terms())
        return f"{self.section.title} · {terms}" if terms else self.section.title

    def link(self):
        return self.section.get_url(self.request)


class SectionAtomFeed(SectionRssFeed):
    feed_type = Atom1Feed
    subtitle = ArticleFeed.description
