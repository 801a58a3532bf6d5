from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from home import health, seo_views
from library import oai
from library.api import api as library_api
from news.feeds import ArticleFeed, AtomArticleFeed
from newsroom import media
from newsroom.invitations import InvitationView
from search import views as search_views
from translations import views as translation_views

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("robots.txt", seo_views.robots_txt, name="robots_txt"),
    path("favicon.ico", seo_views.favicon, name="favicon"),
    path("sitemap.xml", seo_views.sitemap, name="sitemap"),
    path("api/v1/", library_api.urls),
    path("oai/", oai.endpoint, name="oai"),
    path("iiif/", include("exhibitions.iiif")),
    # Before the admin's own URLs: people following an invitation are not signed in yet.
    path("admin/invitation/<uidb64>/<token>/", InvitationView.as_view(), name="newsroom_invitation"),
    # The page chooser and two reports, replaced at Wagtail's own addresses (newsroom/admin_urls.py).
    path("admin/", include("newsroom.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

# Every stored file, through the view that checks who may see it (newsroom.media).
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:name>", media.serve, name="media")]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("untranslated/<int:page_id>/", translation_views.untranslated, name="untranslated"),
    path("feeds/rss/", ArticleFeed(), name="feed_rss"),
    path("feeds/atom/", AtomArticleFeed(), name="feed_atom"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
