"""For readers: a page that has no translation in their language."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from home import visibility


def untranslated(request, page_id):
    """Instead of a 404: say the page is not available in this language and link the languages it
    is available in. If the translation exists after all, go there."""
    page = visibility.public_pages().filter(pk=page_id).first()
    if page is None:
        raise Http404
    versions = {
        version.locale.language_code: version
        for version in visibility.public_pages()
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    }
    # Only versions with an address: the tree's root and pages outside every site have none, and a
    # guessed id answers the same 404 as one that never existed.
    versions = {code: version for code, version in versions.items() if version.url}
    if not versions:
        raise Http404
    if get_language() in versions:
        return redirect(versions[get_language()].url)
    names = dict(settings.LANGUAGES)
    available = [
        (code, names[code], versions[code]) for code, _name in settings.LANGUAGES if code in versions
    ]
    context = {"available": available, "title": page.title}
    return TemplateResponse(request, "translations/untranslated.html", context, status=200)
