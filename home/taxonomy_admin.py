"""Admin for the shared vocabularies: a "Taxonomy" menu group and an accent-insensitive province chooser."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.choosers import BaseFilterForm, LocaleFilterMixin
from wagtail.snippets.views.chooser import ChooseResultsView, ChooseView, SnippetChooserViewSet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup

from search.folding import fold
from translations import chooser_texts
from translations.breadcrumbs import SnippetViewSet
from translations.listing_columns import boolean_column

from .models import Channel, ContentArea, Convention, Organisation, Person, ProductType, Province, Topic


class ProvinceFilterForm(LocaleFilterMixin, BaseFilterForm):
    """Finds "Bắc Giang" from "bac giang", "Bac Giang" or an alias such as "Bắc Cạn"."""

    q = forms.CharField(
        label=_("Search term"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query and fold(query):
            objects = objects.filter(search_text__contains=fold(query))
            self.is_searching = True
            self.search_query = query
        return objects


class ProvinceChooserMixin:
    filter_form_class = ProvinceFilterForm
    ordering = ["valid_until", "name"]

    def get_object_list(self):
        return Province.objects.select_related("successor", "locale")


class ProvinceChooseView(ProvinceChooserMixin, ChooseView):
    pass


class ProvinceChooseResultsView(ProvinceChooserMixin, ChooseResultsView):
    pass


class ProvinceChooserViewSet(SnippetChooserViewSet):
    choose_view_class = ProvinceChooseView
    choose_results_view_class = ProvinceChooseResultsView


class ProvinceIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("successor")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        return queryset.filter(search_text__contains=fold(self.search_query))


class ProvinceViewSet(SnippetViewSet):
    model = Province
    icon = "site"
    menu_order = 20
    chooser_viewset_class = ProvinceChooserViewSet
    index_view_class = ProvinceIndexView
    search_fields = ["search_text"]
    search_backend_name = None
    list_display = ["__str__", "kind", "code", "valid_until"]
    list_filter = ["kind"]


class ConventionViewSet(SnippetViewSet):
    model = Convention
    icon = "doc-full"
    menu_order = 10
    list_display = ["code", "name", "vn_became_party"]


class ContentAreaViewSet(SnippetViewSet):
    model = ContentArea
    icon = "folder-open-inverse"
    menu_order = 30


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_order = 40


class ProductTypeViewSet(SnippetViewSet):
    model = ProductType
    icon = "media"
    menu_order = 50


class ChannelViewSet(SnippetViewSet):
    model = Channel
    icon = "radio-full"
    menu_order = 60
    list_display = ["name", "code", boolean_column(Channel, "is_digital")]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    # Its chooser (on every article, product and exhibition item) in each person's language.
    chooser_viewset_class = chooser_texts.SnippetChooserViewSet
    icon = "group"
    menu_order = 10
    list_display = ["name", "kind", "province"]
    list_filter = ["kind"]


class PersonViewSet(SnippetViewSet):
    model = Person
    icon = "user"
    menu_order = 20
    list_display = ["name", "role", "organisation"]


class PeopleGroup(SnippetViewSetGroup):
    menu_label = _("People and organisations")
    menu_icon = "group"
    menu_order = 240
    items = (OrganisationViewSet, PersonViewSet)


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 250
    items = (
        ConventionViewSet,
        ProvinceViewSet,
        ContentAreaViewSet,
        TopicViewSet,
        ProductTypeViewSet,
        ChannelViewSet,
    )
