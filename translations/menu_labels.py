"""Admin menu labels that Wagtail and wagtail-localize translate once per process.

Wagtail builds its menus' items once and keeps them; two items get a label already translated
when they are built, in the language of whoever first opened the admin after a restart, and keep
it for everyone (the other labels are lazy and follow each person's admin language):

* Wagtail 8.0's help menu item "What's new in Wagtail %(version)s" (``gettext_lazy(...) % ...``
  formats at once);
* wagtail-localize 1.14's reports menu item "Translations" (``gettext``, not ``gettext_lazy``).

Wagtail's public ``construct_help_menu`` and ``construct_reports_menu`` hooks give each request
its own list of items: we put in it a copy of each of these items labelled in the request's
language (the kept item itself is never changed). Delete this module, and its import in
``translations/wagtail_hooks.py``, when upstream labels them lazily:
``tests/translations/test_admin_language.py::test_menu_labels_follow_the_admin_language`` notices.
"""

import copy

from django.urls import reverse
from django.utils.translation import gettext

from wagtail import hooks
from wagtail.utils.version import get_main_version


def _relabelled(menu_items, matches, label):
    for position, item in enumerate(menu_items):
        if matches(item):
            menu_items[position] = copy.copy(item)
            menu_items[position].label = label


@hooks.register("construct_help_menu")
def whats_new_in_the_admin_language(request, menu_items):
    version = get_main_version(include_patch=False)
    _relabelled(
        menu_items,
        lambda item: item.name == f"whats-new-in-wagtail-{version}",
        gettext("What's new in Wagtail %(version)s") % {"version": version},
    )


@hooks.register("construct_reports_menu")
def localize_report_in_the_admin_language(request, menu_items):
    url = reverse("wagtail_localize:translations_report")
    _relabelled(menu_items, lambda item: getattr(item, "url", None) == url, gettext("Translations"))
