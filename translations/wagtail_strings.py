"""Wagtail admin strings missing from Wagtail's own Vietnamese catalogue, translated in ours.

Our catalogues (LOCALE_PATHS) take precedence over the apps', so a string listed here and
translated in ``translations/locale`` shows translated in Wagtail's admin. Found by using the
admin in Vietnamese: the snippet chooser read "Choose cơ quan, tổ chức".
"""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS = [
    gettext_noop("Choose %(object)s"),
    gettext_noop("Choose another %(object)s"),
]
