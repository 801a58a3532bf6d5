"""Security headers on every response (cached pages too: this runs outside the page cache).

Public pages get a strict Content-Security-Policy: scripts, styles, fonts and images from the
site itself only (nothing inline but one library style, allowed by its hash), no plugins, no
framing. The admin keeps Wagtail's own scripts and may frame its own previews (same origin
only). No page is meant to be embedded elsewhere; partners reuse content through the API,
OAI-PMH and IIIF, which other sites read, not frame.
"""

from django.conf import settings

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

#: The one inline style the public pages need: OpenSeadragon (``static/vendor``) adds a ``<style>``
#: element of its own when a deep-zoom viewer opens (no focus outline on touch screens). Its exact
#: text is allowed by its hash, nothing else inline; ``tests/newsroom/test_headers.py`` recomputes
#: the hash from the vendored file, so an update of the library that changes it is noticed.
OPENSEADRAGON_STYLE_HASH = "sha256-9xTiqzfwFaL2SGb1rmr8gysEwVVjIvqWAgmZgqFqpEE="


def _sources(*extra):
    return " ".join(("'self'", *[source for source in extra if source]))


def public_policy():
    media = getattr(settings, "CSP_MEDIA_ORIGIN", "")
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            f"style-src 'self' '{OPENSEADRAGON_STYLE_HASH}'",
            f"img-src {_sources('data:', 'blob:', media)}",
            f"media-src {_sources(media)}",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


ADMIN_POLICY = "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.public = public_policy()
        self.admin_prefixes = ("/admin/",)

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefixes):
            response.setdefault("Content-Security-Policy", ADMIN_POLICY)
        else:
            response.setdefault("Content-Security-Policy", self.public)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
