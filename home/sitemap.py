"""`/sitemap.xml`: every live public page in every language, with hreflang alternates.

Wagtail's own sitemap lists the descendants of the site's root page only, which misses the en and
km trees (they are the root page's translations, beside it). This one walks every translation of
the root and adds each page's existing translations as ``xhtml:link`` alternates, and the
sub-routes that routable pages declare (provinces, their figures, exhibition items).
"""

from collections import defaultdict

from django.contrib.sitemaps import Sitemap
from django.db.models import Q

from wagtail.models import Page, Site

from . import visibility


class PageSitemap(Sitemap):
    limit = 5000

    def __init__(self, request):
        self.request = request

    def site(self):
        return Site.find_for_request(self.request) or Site.objects.get(is_default_site=True)

    def items(self):
        roots = self.site().root_page.get_translations(inclusive=True)
        tree = Q()
        for root in roots:
            tree |= Q(path__startswith=root.path)
        return (
            visibility.public_pages(Page.objects.filter(tree))
            .select_related("locale")
            .order_by("locale__language_code", "path")
        )

    def location(self, page):
        return page.get_url(self.request)

    def lastmod(self, page):
        return page.last_published_at or page.latest_revision_created_at

    def get_urls(self, page=1, site=None, protocol=None):
        protocol = self.request.scheme
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        pages = [url["item"] for url in urls]
        translations = defaultdict(list)
        for page_obj in visibility.public_pages(
            Page.objects.filter(translation_key__in={p.translation_key for p in pages})
        ).select_related("locale"):
            translations[page_obj.translation_key].append(page_obj)
        for url in urls:
            siblings = translations[url["item"].translation_key]
            url["alternates"] = self._alternates(siblings, "")
        return urls + self._subpage_urls(urls, translations)

    def _alternates(self, siblings, suffix):
        if len(siblings) < 2:
            return []
        return [
            {
                "lang_code": other.locale.language_code,
                "location": self._absolute(other.get_url(self.request) + suffix),
            }
            for other in sorted(siblings, key=lambda p: p.locale.language_code)
        ]

    def _absolute(self, path):
        return f"{self.request.scheme}://{self.request.get_host()}{path}"

    def _subpage_urls(self, urls, translations):
        """The public sub-routes of routable pages (each province and its figures, each exhibition
        item), which Wagtail's pages alone do not list. A page type declares them in
        ``sitemap_subpages()``: ``(route name, args, kwargs)``, the same in every language."""
        extra = []
        for url in urls:
            page = url["item"]
            if not hasattr(page.specific_class, "sitemap_subpages"):
                continue
            page = page.specific
            siblings = translations[page.translation_key]
            for name, args, kwargs in page.sitemap_subpages():
                suffix = page.reverse_subpage(name, args=args, kwargs=kwargs)
                extra.append(
                    {
                        **url,
                        "location": self._absolute(page.get_url(self.request) + suffix),
                        "alternates": self._alternates(siblings, suffix),
                    }
                )
        return extra

    def get_domain(self, site=None):
        return self.request.get_host()
