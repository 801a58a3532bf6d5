"""Snippet screens' breadcrumbs in each person's admin language.

Wagtail 8.0's ``SnippetViewSet.breadcrumbs_items`` labels the first crumbs with ``gettext`` ("Home",
"Snippets") and hands them to the views when their URLs are built, once per process: the listing,
edit and history screens of every snippet kept the language of whoever first opened the admin
(Vietnamese in the Khmer admin). :class:`SnippetViewSet` gives them lazy labels; the project's
snippet viewsets derive from it. Delete this module when upstream labels them lazily:
``tests/translations/test_admin_language.py::test_snippet_breadcrumbs_follow_the_admin_language``
notices.
"""

from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy

from wagtail.snippets.views import snippets


class SnippetViewSet(snippets.SnippetViewSet):
    @property
    def breadcrumbs_items(self):
        # Upstream's rule, with lazy labels.
        breadcrumbs = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")}]
        show_all = getattr(settings, "WAGTAILSNIPPETS_MENU_SHOW_ALL", False)
        if show_all or not self.get_menu_item_is_registered():
            snippets_index = reverse_lazy("wagtailsnippets:index")
            breadcrumbs.append({"url": snippets_index, "label": gettext_lazy("Snippets")})
        return breadcrumbs
