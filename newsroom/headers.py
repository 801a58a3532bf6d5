"""Security headers on every response (cached pages too: this runs outside the page cache).

Public pages get a strict Content-Security-Policy: scripts, styles, fonts and images from the
site itself only (nothing inline), no plugins, no framing. The admin keeps Wagtail's own scripts
and may frame its own previews (same origin only). No page is meant to be embedded elsewhere;
partners reuse content through the API, OAI-PMH and IIIF, which other sites read, not frame.
"""

from django.conf import settings

PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"


def _sources(*extra):
    return " ".join(("'self'", *[source for source in extra if source]))


def public_policy():
    media = getattr(settings, "CSP_MEDIA_ORIGIN", "")
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
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
