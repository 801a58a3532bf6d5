"""For readers: a page that has no translation in their language."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.models import Page

from library.models import embargoed_pages


def untranslated(request, page_id):
    """Instead of a 404: say the page is not available in this language and link the languages it
    is available in. If the translation exists after all, go there."""
    page = Page.objects.live().public().exclude(pk__in=embargoed_pages()).filter(pk=page_id).first()
    if page is None:
        raise Http404
    versions = {
        version.locale.language_code: version
        for version in Page.objects.live()
        .public()
        .exclude(pk__in=embargoed_pages())
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    }
    if get_language() in versions:
        return redirect(versions[get_language()].url)
    names = dict(settings.LANGUAGES)
    available = [
        (code, names[code], versions[code]) for code, _name in settings.LANGUAGES if code in versions
    ]
    context = {"available": available, "title": page.title}
    return TemplateResponse(request, "translations/untranslated.html", context, status=200)
