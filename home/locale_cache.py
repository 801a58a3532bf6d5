"""Locales looked up by language code without a query each time.

Wagtail looks up the active ``Locale`` by language code wherever it needs one (``Page.localized``,
``Locale.get_active()``, routing), one query per call: four per page on this site. The rows change
only when an administrator adds or removes a language, so they are kept per process and forgotten
whenever any locale is saved or deleted.
"""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Locale
from wagtail.models.i18n import LocaleManager

_by_code = {}
_code_by_id = {}
_original = LocaleManager.get_for_language


def get_for_language(self, language_code):
    locale = _by_code.get(language_code)
    if locale is None:
        locale = _original(self, language_code)
        _by_code[language_code] = locale
    return locale


def language_code(locale_id):
    """The language code of a locale id (for permission checks on many pages at once)."""
    code = _code_by_id.get(locale_id)
    if code is None:
        _code_by_id.update(Locale.objects.values_list("id", "language_code"))
        code = _code_by_id.get(locale_id)
    return code


def forget(**kwargs):
    _by_code.clear()
    _code_by_id.clear()


def install():
    LocaleManager.get_for_language = get_for_language
    post_save.connect(forget, sender=Locale, dispatch_uid="locale_cache_save")
    post_delete.connect(forget, sender=Locale, dispatch_uid="locale_cache_delete")
