"""RSS 2.0 and Atom feeds of articles: per language, per section, and per filter."""

import copy
import uuid
from datetime import datetime, time
from urllib.parse import urlencode

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

    def __call__(self, request, *args, **kwargs):
        # The URLconf holds one shared instance and the methods below keep the request, locale and
        # form on ``self``: answer each request from a copy so concurrent threads never mix them.
        return super(ArticleFeed, copy.copy(self)).__call__(request, *args, **kwargs)

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

    def feed_url(self):
        """The self link: the request's path with its recognised, valid filters in field order (so
        a filtered feed names itself, and junk or invalid parameters do not make new feeds)."""
        filters = self.form.cleaned_filters()
        query = urlencode(
            [(name, self.form.cleaned_data[name]) for name in self.form.fields if name in filters]
        )
        return f"{self.request.path}?{query}" if query else self.request.path

    def feed_guid(self):
        """Atom's feed id: the absolute self link, distinct for each language, section and filter."""
        return self.request.build_absolute_uri(self.feed_url())

    def author_name(self):
        """The feed's author (RFC 4287 4.1.1): the site's name in the feed's language."""
        return _("Human rights")

    def items(self):
        articles = listing.apply_filters(self.base_queryset(), self.form.cleaned_filters())
        return list(
            articles.select_related("organisation", "locale")
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
        """A valid urn:uuid (RFC 4122), stable across requests and distinct per language: the UUID
        named by the language code in the article's translation key as namespace."""
        return uuid.uuid5(item.translation_key, item.locale.language_code).urn

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        published = item.first_published_at
        if published and published.date() == item.date:
            return published
        return timezone.make_aware(datetime.combine(item.date, time(7, 0)))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    def item_author_name(self, item):
        """The authors, else the publishing organisation, else the site (every Atom entry has one)."""
        return (
            ", ".join(person.name for person in item.authors.all())
            or (item.organisation.name if item.organisation else None)
            or self.author_name()
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
