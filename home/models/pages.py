"""Page types of the site core."""

from django.db import models
from django.http import Http404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from newsroom.permissions import RolePermissionsMixin

from .. import provinces, visibility
from ..blocks import (
    RICH_TEXT_FEATURES,
    BodyBlock,
    ReportingCycleBlock,
    RightsSectionBlock,
    TimelineEventBlock,
)
from ..tagging import localized_terms, related_sections
from .mixins import PAGE_CONTENT_PANELS, PAGE_TRANSLATABLE_FIELDS, HeroMixin, SeoMixin


class HomePage(RolePermissionsMixin, SeoMixin, HeroMixin, Page):
    """The root of each language's tree."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = PAGE_CONTENT_PANELS + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    template = "home/home_page.html"

    def structured_data(self, context, common):
        """The front page names the site and its search (a sitelinks search box)."""
        request = context.get("request")
        search = reverse("search") if request is not None else ""
        data = {"@type": "WebSite", "name": common["publisher"]["name"]}
        if search:
            data["potentialAction"] = {
                "@type": "SearchAction",
                "target": {
                    "@type": "EntryPoint",
                    "urlTemplate": request.build_absolute_uri(search) + "?q={search_term_string}",
                },
                "query-input": "required name=search_term_string",
            }
        return data

    class Meta:
        verbose_name = _("home page")


class StandardPage(RolePermissionsMixin, SeoMixin, HeroMixin, Page):
    """A general page: about the programme, contact, how to take part."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = PAGE_CONTENT_PANELS + [
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = HomePage.translatable_fields

    template = "home/standard_page.html"

    class Meta:
        verbose_name = _("standard page")


class ConventionIndexPage(RolePermissionsMixin, SeoMixin, Page):
    """The seven core conventions, in treaty order."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = PAGE_CONTENT_PANELS + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    subpage_types = ["home.ConventionPage"]
    max_count_per_parent = 1
    template = "home/convention_index_page.html"

    def structured_data(self, context, common):
        return {"@type": "CollectionPage"}

    class Meta:
        verbose_name = _("convention index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = (
            visibility.public_pages(ConventionPage.objects.child_of(self))
            .select_related("convention")
            .order_by("convention__sort_order")
        )
        context["convention_pages"] = [(page, page.localized_convention) for page in pages]
        return context


class ConventionPage(RolePermissionsMixin, SeoMixin, HeroMixin, Page):
    """What one convention protects, Viet Nam's history with it, and what the portal holds on it."""

    convention = models.ForeignKey(
        "home.Convention", verbose_name=_("convention"), on_delete=models.PROTECT, related_name="+"
    )
    summary = RichTextField(_("summary"), features=RICH_TEXT_FEATURES, blank=True)
    rights = StreamField(
        [("section", RightsSectionBlock())], blank=True, verbose_name=_("rights it protects")
    )
    timeline = StreamField(
        [("event", TimelineEventBlock())],
        blank=True,
        verbose_name=_("Viet Nam's timeline"),
        help_text=_("Signature, ratification and entry into force are added automatically."),
    )
    reporting = StreamField(
        [("cycle", ReportingCycleBlock())], blank=True, verbose_name=_("reporting to the treaty body")
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("more"))

    content_panels = PAGE_CONTENT_PANELS + [
        FieldPanel("convention"),
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("rights"),
        FieldPanel("timeline"),
        FieldPanel("reporting"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("rights"),
        index.SearchField("body"),
        index.FilterField("convention_id"),
    ]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        TranslatableField("rights"),
        TranslatableField("timeline"),
        TranslatableField("reporting"),
        TranslatableField("body"),
        SynchronizedField("convention"),
        SynchronizedField("hero_image"),
    ]
    parent_page_types = ["home.ConventionIndexPage"]
    subpage_types = []
    template = "home/convention_page.html"

    def structured_data(self, context, common):
        """A page about one treaty, named as schema.org Legislation with its dates."""
        convention = self.convention
        treaty = {
            "@type": "Legislation",
            "name": convention.name,
            "alternateName": convention.code.upper(),
            "legislationType": "International treaty",
        }
        if convention.adopted:
            treaty["legislationDate"] = convention.adopted.isoformat()
        if convention.entry_into_force:
            treaty["legislationDateOfApplicability"] = convention.entry_into_force.isoformat()
        return {"@type": "WebPage", "about": treaty}

    class Meta:
        verbose_name = _("convention page")

    @cached_property
    def localized_convention(self):
        return localized_terms([self.convention], self.locale)[0]

    def get_meta_description(self):
        return self.search_description or strip_tags(self.summary)[:300]

    def timeline_events(self):
        """The convention's own dates and the editors' events, oldest first."""
        convention = self.localized_convention
        events = [
            (convention.adopted, _("Adopted by the UN General Assembly")),
            (convention.entry_into_force, _("Entered into force")),
            (convention.vn_signature, _("Signed by Viet Nam")),
            (convention.vn_ratification, _("Ratified by Viet Nam")),
            (convention.vn_accession, _("Viet Nam acceded")),
        ]
        events += [(block.value["date"], block.value["event"]) for block in self.timeline]
        return sorted(((day, text) for day, text in events if day), key=lambda event: event[0])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["convention"] = self.localized_convention
        context["related_sections"] = related_sections(
            locale=self.locale, conventions=[self.convention.translation_key]
        )
        return context


class ProvinceIndexPage(RolePermissionsMixin, RoutablePageMixin, SeoMixin, Page):
    """The 34 provinces and cities, the 63 former units, and a page for each of them."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = PAGE_CONTENT_PANELS + [FieldPanel("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
    ]
    subpage_types = []
    max_count_per_parent = 1
    template = "home/province_index_page.html"

    def structured_data(self, context, common):
        """The directory is a collection; a province's page and its figures are about the place."""
        unit = context.get("unit")
        if unit is None:
            return {"@type": "CollectionPage"}
        return {
            "@type": "WebPage",
            "name": unit.name,
            "about": {"@type": "AdministrativeArea", "name": unit.name, "containedInPlace": "Viet Nam"},
        }

    class Meta:
        verbose_name = _("province index page")

    @path("")
    def index_route(self, request):
        units = list(provinces.for_locale(self.locale).prefetch_related("predecessors"))
        return self.render(
            request,
            context_overrides={
                "current_units": [unit for unit in units if unit.is_current],
                "former_units": [unit for unit in units if not unit.is_current],
            },
        )

    @path("<slug:slug>/")
    def province_route(self, request, slug):
        unit = provinces.get_by_slug(slug, self.locale)
        if unit is None:
            raise Http404
        return self.render(
            request,
            template="home/province_page.html",
            context_overrides={
                "unit": unit,
                "predecessors": list(unit.predecessors.order_by("name")) if unit.is_current else [],
                "related_sections": related_sections(locale=self.locale, provinces_=[unit.translation_key]),
            },
        )

    @path("<slug:slug>/figures/", name="figures")
    def figures_route(self, request, slug):
        """The province in figures: its published library products by convention and by type."""
        from library.charts import bar_chart
        from library.figures import province_figures

        unit = provinces.get_by_slug(slug, self.locale)
        if unit is None:
            raise Http404
        tables = province_figures(unit, self.locale)
        return self.render(
            request,
            template="home/province_figures.html",
            context_overrides={
                "unit": unit,
                "tables": [(title, rows, bar_chart(rows)) for title, rows in tables],
            },
        )

    def sitemap_subpages(self):
        for unit in provinces.for_locale(self.locale):
            yield "province_route", (), {"slug": unit.slug}
            yield "figures", (), {"slug": unit.slug}

    def province_url(self, unit, request=None):
        return self.get_url(request) + self.reverse_subpage("province_route", kwargs={"slug": unit.slug})
