"""Language activation that leaves language-neutral URLs alone."""

from django.middleware.locale import LocaleMiddleware

#: Paths outside the /vi/ /en/ /km/ trees. A 404 there is final: Django's LocaleMiddleware would
#: otherwise redirect it to /vi/<path>, turning an API's or a harvester's 404 into a 302.
LANGUAGE_NEUTRAL = (
    "/api/",
    "/oai/",
    "/iiif/",
    "/documents/",
    "/admin/",
    "/healthz",
    "/readyz",
    "/sitemap.xml",
    "/robots.txt",
    "/favicon.ico",
    "/static/",
    "/media/",
)


class PortalLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path.startswith(LANGUAGE_NEUTRAL):
            return response
        return super().process_response(request, response)
