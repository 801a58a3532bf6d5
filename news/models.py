"""News sections and articles."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home import schema_org, term_index, visibility
from home.models import HeroMixin, SeoMixin, TaggedPageMixin
from home.models.mixins import PAGE_CONTENT_PANELS, PAGE_TRANSLATABLE_FIELDS
from home.tagging import localized_terms
from newsroom.forms import OrganisationPageForm
from newsroom.permissions import RolePermissionsMixin

from . import listing
from .blocks import ArticleBodyBlock
from .forms import ArticleFilterForm

PER_PAGE = 20


class ArticleIndexPage(RolePermissionsMixin, RoutablePageMixin, SeoMixin, Page):
    """A news section: the portal's own, an outlet's or a province's. Lists articles below it."""

    intro = models.TextField(_("introduction"), blank=True)
    organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("outlet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when this section belongs to one newspaper, broadcaster or department."),
    )
    province = models.ForeignKey(
        "home.Province",
        verbose_name=_("province"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Set when this section covers one province."),
    )

    content_panels = PAGE_CONTENT_PANELS + [
        FieldPanel("intro"),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("province")]),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        SynchronizedField("organisation"),
        SynchronizedField("province"),
    ]
    subpage_types = ["news.ArticlePage", "news.ArticleIndexPage"]
    organisation_field = "organisation"
    template = "news/article_index_page.html"

    def structured_data(self, context, common):
        return {"@type": "CollectionPage"}

    class Meta:
        verbose_name = _("news section")
        verbose_name_plural = _("news sections")

    def articles(self):
        """Live public articles anywhere below this section, in its language, newest first."""
        return (
            visibility.public_pages(ArticlePage.objects.descendant_of(self))
            .filter(locale_id=self.locale_id)
            .order_by("-date", "-first_published_at", "-pk")
        )

    def filtered(self, request):
        form = ArticleFilterForm(request.GET or None, locale=self.locale)
        return form, listing.apply_filters(self.articles(), form.cleaned_filters())

    @path("")
    def index_route(self, request):
        form, articles = self.filtered(request)
        paginator = Paginator(listing.with_cards(articles), PER_PAGE)
        try:
            page_obj = paginator.page(request.GET.get("page") or 1)
        except PageNotAnInteger:
            page_obj = paginator.page(1)
        except EmptyPage as error:
            if int(request.GET.get("page")) < 1:
                page_obj = paginator.page(1)
            else:
                raise Http404 from error
        return self.render(
            request,
            context_overrides={
                "form": form,
                "page_obj": page_obj,
                "articles": page_obj.object_list,
                "is_filtered": bool(_query_without_page(request)) or page_obj.number > 1,
                "query_string": _query_without_page(request),
            },
        )

    @path("feed/rss/", name="rss")
    def rss_route(self, request):
        from .feeds import SectionRssFeed

        return SectionRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom_route(self, request):
        from .feeds import SectionAtomFeed

        return SectionAtomFeed(self)(request)


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


class ArticlePage(RolePermissionsMixin, SeoMixin, HeroMixin, TaggedPageMixin, Page):
    """A news item, feature or explainer."""

    standfirst = models.TextField(_("standfirst"), help_text=_("One or two sentences under the headline."))
    hero_caption = models.CharField(_("hero image caption"), max_length=500, blank=True)
    hero_credit = models.CharField(_("hero image credit"), max_length=255, blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"))
    date = models.DateField(_("publication date"), default=timezone.localdate)
    authors = ParentalManyToManyField("home.Person", verbose_name=_("authors"), blank=True, related_name="+")
    organisation = models.ForeignKey(
        "home.Organisation",
        verbose_name=_("publishing organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    base_form_class = OrganisationPageForm
    organisation_field = "organisation"
    content_panels = PAGE_CONTENT_PANELS + [
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [
                FieldPanel("hero_image"),
                FieldRowPanel([FieldPanel("hero_caption"), FieldPanel("hero_credit")]),
            ],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("date"), FieldPanel("organisation")]), FieldPanel("authors")],
            heading=_("Publication"),
        ),
        MultiFieldPanel(TaggedPageMixin.tagging_panels, heading=_("Tags")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = (
        PAGE_TRANSLATABLE_FIELDS
        + [
            TranslatableField("standfirst"),
            TranslatableField("hero_caption"),
            TranslatableField("body"),
            SynchronizedField("hero_credit"),
            SynchronizedField("hero_image"),
            SynchronizedField("date"),
            SynchronizedField("authors"),
            SynchronizedField("organisation"),
        ]
        + TaggedPageMixin.tagging_translatable_fields
    )
    parent_page_types = ["news.ArticleIndexPage"]
    subpage_types = []
    template = "news/article_page.html"

    related_section_title = _("Articles")
    related_section_order = 10
    listing_date_field = "date"

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def get_meta_description(self):
        return self.search_description or self.standfirst

    @cached_property
    def tags(self):
        """The article's terms in its own language: conventions, areas, topics, provinces."""
        return term_index.tags_of(
            self, self.locale_id, conventions=True, content_areas=True, topics=True, provinces=True
        )

    def structured_data(self, context, common):
        """schema.org NewsArticle: never without an author or a publisher (the publishing
        organisation, else the portal), dates with their time and offset."""
        publisher = schema_org.organisation(context.get("organisation")) or common["publisher"]
        authors = [{"@type": "Person", "name": person.name} for person in context.get("authors", [])]
        modified = self.last_published_at or self.latest_revision_created_at
        data = {
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "datePublished": schema_org.moment(self.date, self.first_published_at),
            "dateModified": schema_org.moment(modified) or schema_org.moment(self.date),
            "mainEntityOfPage": common["url"],
            "author": authors or [publisher],
            "publisher": publisher,
        }
        keywords = [term.code for term in self.tags["conventions"]] + [str(p) for p in self.tags["provinces"]]
        if keywords:
            data["keywords"] = keywords
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["authors"] = localized_terms(self.authors.all(), self.locale_id)
        context["organisation"] = term_index.related_term(self, "organisation", self.locale_id)
        context["related_articles"] = listing.remembered_related_articles(self)
        context["section"] = self.get_parent()  # for its URL: no need for its specific type
        return context
