"""Language activation that leaves language-neutral URLs alone; compression for text only."""

from django.middleware.gzip import GZipMiddleware
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


#: Media types worth compressing: text, and the text formats the site serves (JSON, XML, feeds,
#: JSON-LD, the web manifest, SVG). Photographs, PDFs, audio and video are compressed already:
#: gzip only costs the server time and the reader nothing saved (and breaks byte ranges).
COMPRESSIBLE = ("text/", "application/json", "application/xml", "application/javascript", "image/svg+xml")
COMPRESSIBLE_SUFFIXES = ("+json", "+xml")


def compressible(content_type):
    media_type = content_type.split(";", 1)[0].strip().lower()
    return media_type.startswith(COMPRESSIBLE) or media_type.endswith(COMPRESSIBLE_SUFFIXES)


class TextGZipMiddleware(GZipMiddleware):
    """Django's GZip for text only (it compresses whatever it is given)."""

    def process_response(self, request, response):
        if not compressible(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
