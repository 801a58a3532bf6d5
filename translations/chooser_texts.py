"""Choosers that name what they choose in each person's admin language.

Wagtail 8.0 writes some choosers' texts once, in the language of whoever first opened such a form
or chooser after a restart (in practice Vietnamese, for Khmer and English editors too):

* ``AdminSnippetChooser`` writes its texts ("Choose organisation", "Edit this organisation") when
  the widget is built, and Wagtail builds a model's form once and keeps it. :class:`SnippetChooser`
  works them out each time they are shown; a snippet viewset uses it through
  ``chooser_viewset_class = SnippetChooserViewSet``.
* ``AdminPageChooser`` limited to one page type appends the type to its "Choose a page" text when
  it is built ("Choose a page (Library product)"), and a ``PageChooserBlock`` builds its widget
  once. :class:`translations.blocks.PageChooserBlock` (the article body's product block) gives
  it a :class:`PageChooser` that works the text out when shown.
* ``ChooserViewSet.search_tab_label`` is ``gettext("Search")`` evaluated when the module is
  imported, and the image and document choosers' views are given it when their URLs are built:
  the "Search" tab beside "Upload" kept that language. :func:`choosers` registers Wagtail's image
  and document chooser viewsets again, with the lazy label, ahead of upstream's, at the same
  addresses (under their own namespaces, so URL names stay unique: upstream's names reverse to the
  same paths, which reach these views first).

Delete each part when upstream makes its text lazy: the tests
``tests/translations/test_admin_language.py::test_snippet_chooser_texts_follow_the_admin_language``,
``::test_page_chooser_text_follows_the_admin_language`` and
``::test_chooser_search_tab_follows_the_admin_language`` notice.
"""

from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy

from wagtail import hooks
from wagtail.admin.widgets import AdminPageChooser
from wagtail.documents import get_document_model_string
from wagtail.documents.views.chooser import DocumentChooserViewSet
from wagtail.images import get_image_model
from wagtail.images.views.chooser import ImageChooserViewSet
from wagtail.models import Page
from wagtail.snippets.views import chooser
from wagtail.snippets.widgets import AdminSnippetChooser


def _text(msgid):
    def shown(widget):
        return gettext(msgid) % {"object": widget.model._meta.verbose_name}

    # Wagtail's __init__ assigns the text once; it is worked out on reading instead.
    return property(shown, lambda widget, value: None)


TEXTS = {
    "choose_one_text": _text("Choose %(object)s"),
    "choose_another_text": _text("Choose another %(object)s"),
    "link_to_chosen_text": _text("Edit this %(object)s"),
}
SnippetChooser = type("SnippetChooser", (AdminSnippetChooser,), dict(TEXTS))


class SnippetChooserViewSet(chooser.SnippetChooserViewSet):
    base_widget_class = SnippetChooser
    search_tab_label = gettext_lazy("Search")

    @cached_property
    def widget_class(self):
        # The viewset's widget class sets the texts as class attributes: put the properties back.
        widget_class = super().widget_class
        return type(widget_class.__name__, (widget_class,), dict(TEXTS))


class PageChooser(AdminPageChooser):
    """Wagtail's page chooser, its "Choose a page (type)" worked out when shown."""

    def _choose_one_text(self):
        text = gettext("Choose a page")
        models = getattr(self, "target_models", None) or []  # read by __init__ before it sets them
        if len(models) == 1 and models[0] is not Page:
            text += " (" + capfirst(models[0]._meta.verbose_name) + ")"
        return text

    choose_one_text = property(_choose_one_text, lambda widget, value: None)


class LazySearchTab:
    search_tab_label = gettext_lazy("Search")
    register_widget = False  # upstream's viewset registers the form widget


class ImageChooser(LazySearchTab, ImageChooserViewSet):
    pass


class DocumentChooser(LazySearchTab, DocumentChooserViewSet):
    pass


@hooks.register("register_admin_viewset", order=-1)
def choosers():
    return [
        ImageChooser("newsroom_images_chooser", model=get_image_model(), url_prefix="images/chooser"),
        DocumentChooser(
            "newsroom_documents_chooser", model=get_document_model_string(), url_prefix="documents/chooser"
        ),
    ]
