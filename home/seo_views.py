"""robots.txt and the sitemap view."""

from django.contrib.sitemaps.views import sitemap as django_sitemap
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .sitemap import PageSitemap


@require_safe
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        "Disallow: /documents/",
        f"Sitemap: {request.scheme}://{request.get_host()}/sitemap.xml",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_safe
def sitemap(request):
    return django_sitemap(request, {"pages": PageSitemap(request)})


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page says: send them to the hashed static file."""
    return HttpResponsePermanentRedirect(static("img/favicon.ico"))
