"""What each content type gives the search index: one :class:`~search.backends.Document` per public
object per language, or nothing when the public may not see it.

Indexed: articles, conventions, library products, exhibitions, exhibition items and the site's
other pages (standard pages and section pages), when ``home.visibility`` says the public may see
them: drafts, scheduled (embargoed) products, private pages (view restrictions on the page or an
ancestor), items withheld for consent and items no public exhibition shows are never indexed.
Items with time-limited consent are indexed with ``visible_until``, so they disappear on the
right day without a re-index.

A document keeps apart what readers may see in a snippet (``text``: what the authors wrote) and
what only identifies or tags the object (``metadata``: identifier, type, producer, conventions,
provinces, an item's place, creator and source, as ``[(key, value)]`` with keys from
:data:`METADATA`), shown labelled beside the snippet; and the text of attached files
(``attachments``, from a page's ``search_attachments()``), shown only when the reader's words are
found nowhere else. All three are matched.
"""

import itertools

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index as wagtail_index

from home import visibility

from . import analysis
from .backends import Document

TEXT_LIMIT = 20_000  # characters of plain text kept for snippets and analysed for the index

#: Page models indexed, with their kind (used as a facet and shown on results).
PAGE_KINDS = {
    "news.ArticlePage": "article",
    "library.ProductPage": "product",
    "home.ConventionPage": "convention",
    "exhibitions.ExhibitionPage": "exhibition",
    "home.StandardPage": "page",
    "home.ConventionIndexPage": "page",
    "home.ProvinceIndexPage": "page",
    "news.ArticleIndexPage": "page",
    "library.LibraryPage": "page",
    "exhibitions.ExhibitionIndexPage": "page",
}
#: Dates used for "newest first" and the year facet.
DATE_FIELDS = {"article": "date", "product": "published_on", "exhibition": "start_date"}
ITEM_KIND = "item"
#: Labels of the metadata a document may have, by the key stored with each value; shown in the
#: reader's language, in this order.
METADATA = {
    "identifier": _("Identifier"),
    "type": _("Type"),
    "producer": _("Producing organisation"),
    "place": _("Place"),
    "creator": _("Creator or photographer"),
    "source": pgettext_lazy("provenance", "Source"),
    "convention": _("Conventions"),
    "province": _("Provinces"),
}
#: Fields of a model's ``search_fields`` that identify the object rather than say something:
#: matched as metadata, never shown inside a snippet.
METADATA_FIELDS = {"identifier": "identifier"}


def page_models():
    return {apps.get_model(label): kind for label, kind in PAGE_KINDS.items()}


def kind_of(model):
    if model._meta.label == "exhibitions.ExhibitionItem":
        return ITEM_KIND
    return PAGE_KINDS.get(model._meta.label)


def _plain(value):
    return " ".join(strip_tags(str(value or "")).split())


def _field_text(instance, search_field):
    """The searchable text of one of the model's ``search_fields``."""
    name = search_field.field_name
    if name == "title":
        return ""
    try:
        model_field = type(instance)._meta.get_field(name)
    except Exception:
        model_field = None
    value = getattr(instance, name, "")
    if callable(value):
        value = value()
    if isinstance(model_field, StreamField):
        return " ".join(_plain(text) for text in model_field.get_searchable_content(value))
    if isinstance(model_field, RichTextField):
        return _plain(value)
    return _plain(value)


def _texts(instance):
    """What the authors wrote in the model's searchable fields (not its metadata fields)."""
    parts = []
    for search_field in type(instance).get_search_fields():
        if search_field.field_name in METADATA_FIELDS:
            continue
        if isinstance(search_field, wagtail_index.SearchField):
            text = _field_text(instance, search_field)
            if text and text not in parts:
                parts.append(text)
    return " ".join(parts)


def _hex(keys):
    return {key.hex for key in keys}


class TermNames:
    """Names of taxonomy terms in a language, loaded once per model and language (a few hundred
    rows at most): a rebuild shares one instance; each single update makes a fresh one."""

    def __init__(self):
        self._names = {}

    def name(self, term, locale):
        key = (type(term), locale.pk)
        if key not in self._names:
            rows = type(term).objects.filter(locale=locale).values_list("translation_key", "name")
            self._names[key] = dict(rows)
        return self._names[key].get(term.translation_key, term.name)


def _tag_metadata(locale, names, conventions=(), provinces=(), others=()):
    """``[(key, value)]`` of what an object is tagged with, names in its own language, so a reader
    finds a product by its convention ("CRC", "quyền trẻ em"), province, type or producer; ``others``
    are ``(key, term)``."""
    pairs = [(key, names.name(term, locale)) for key, term in others if term is not None]
    for convention in conventions:
        name = names.name(convention, locale)
        pairs.append(("convention", f"{convention.code} – {name}" if convention.code else name))
    pairs += [("province", names.name(province, locale)) for province in provinces]
    return list(dict.fromkeys(pairs))


def _field_metadata(instance):
    """``[(key, value)]`` of the instance's own metadata fields (a product's identifier)."""
    pairs = []
    for search_field in type(instance).get_search_fields():
        key = METADATA_FIELDS.get(search_field.field_name)
        if key:
            pairs.append((key, _plain(getattr(instance, search_field.field_name, ""))))
    return [pair for pair in pairs if pair[1]]


def _attachments(page, found=None):
    """``[(name, text)]`` of the page's attached files, from its ``search_attachments()`` (or, in a
    rebuild, ``found``: what its model's ``search_attachments_for()`` gave for a batch)."""
    if found is not None:
        pairs = found.get(page.pk, ())
    else:
        method = getattr(page, "search_attachments", None)
        pairs = method() if callable(method) else ()
    return [(str(name or ""), str(text or "")) for name, text in pairs or ()]


def _tag_facets(instance, conventions, provinces):
    facets = {("convention", key) for key in _hex(c.translation_key for c in conventions)}
    for province in provinces:
        facets.add(("province_tagged", province.translation_key.hex))
        facets.add(("province", (province.successor or province).translation_key.hex))
    return facets


def _document(
    instance, *, kind, locale, title, text, url, date=None, facets=(), metadata=(), attachments=(), **extra
):
    """A document: ``text`` is what a snippet shows; ``metadata`` (``[(label, value)]``) and
    ``attachments`` (``[(name, text)]``) are matched too, each analysed on its own."""
    english = locale.language_code == "en"
    text = text[:TEXT_LIMIT]
    metadata = [(label, value) for label, value in metadata if value]
    attachments = [(name, body[:TEXT_LIMIT]) for name, body in attachments if body]
    fields = analysis.index_fields(
        title,
        [text, " ".join(value for _label, value in metadata), *(body for _name, body in attachments)],
        english=english,
    )
    all_facets = {("kind", kind), *facets}
    if date:
        all_facets.add(("year", str(date.year)))
    return Document(
        content_type_id=ContentType.objects.get_for_model(type(instance)).pk,
        object_id=instance.pk,
        locale_id=locale.pk,
        translation_key=instance.translation_key,
        kind=kind,
        title=title[:500],
        text=text,
        url=url[:500],
        date=date,
        facets=all_facets,
        metadata=[list(pair) for pair in metadata],
        attachments=[list(pair) for pair in attachments],
        **fields,
        **extra,
    )


class ParentUrls:
    """Page addresses for a rebuild: each parent's address is computed once (Wagtail's full
    ``get_url_parts``), then a child's is its parent's plus its slug."""

    def __init__(self):
        self._parents = {}

    def url(self, page):
        parent_path = page.path[: -page.steplen]
        if parent_path not in self._parents:
            parent = Page.objects.get(path=parent_path)
            parts = parent.get_url_parts()
            self._parents[parent_path] = parts[2] if parts else None
        base = self._parents[parent_path]
        return f"{base}{page.slug}/" if base else None


def page_document(page, *, public=None, names=None, urls=None, attachments=None):
    """The document of a page, or ``None`` when it is not a live public page of an indexed type.
    ``attachments``, in a rebuild: ``{page pk: [(name, text)]}`` found for a batch of pages."""
    page = page.specific
    kind = kind_of(type(page))
    if kind is None:
        return None
    if not (public if public is not None else visibility.page_is_public(page)):
        return None
    if urls is not None:
        url = urls.url(page)
    else:
        parts = page.get_url_parts()
        url = parts[2] if parts else None
    if url is None:
        return None
    date_field = DATE_FIELDS.get(kind)
    day = getattr(page, date_field, None) if date_field else None
    if day is None and page.last_published_at:
        day = page.last_published_at.date()
    facets, metadata = set(), _field_metadata(page)
    if hasattr(page, "conventions"):
        conventions, provinces = (
            list(page.conventions.all()),
            [tag.province for tag in page.province_tags.all()],
        )
        facets |= _tag_facets(page, conventions, provinces)
        others = [("type", page.product_type), ("producer", page.producer)] if kind == "product" else []
        metadata += _tag_metadata(page.locale, names or TermNames(), conventions, provinces, others)
    if kind == "product":
        facets.add(("type", page.product_type.translation_key.hex))
    summary = page.search_description or ""
    text = " ".join(filter(None, [summary, _texts(page)]))
    return _document(
        page,
        kind=kind,
        locale=page.locale,
        title=page.title,
        text=text,
        url=url,
        date=day,
        facets=facets,
        metadata=metadata,
        attachments=_attachments(page, attachments),
    )


def item_url(item, exhibitions=None):
    """The item's page under the first live public exhibition in its language that shows it."""
    from exhibitions.models import ExhibitionPage

    if exhibitions is None:
        exhibitions = visibility.public_pages(
            ExhibitionPage.objects.filter(locale_id=item.locale_id)
        ).order_by("pk")
    for exhibition in exhibitions:
        if exhibition.locale_id == item.locale_id and item.translation_key in exhibition.item_keys():
            return exhibition.url + exhibition.reverse_subpage("item", args=[str(item.translation_key)])
    return None


def item_document(item, exhibitions=None, names=None, *, public=None):
    if not (public if public is not None else visibility.is_visible(item)):
        return None
    url = item_url(item, exhibitions)
    if url is None:
        return None
    needs_consent = item.identifiable_people or item.child_present
    conventions, provinces = list(item.conventions.all()), list(item.provinces.select_related("successor"))
    metadata = [(key, " ".join((getattr(item, key) or "").split())) for key in ("place", "creator", "source")]
    metadata += _tag_metadata(item.locale, names or TermNames(), conventions, provinces)
    return _document(
        item,
        kind=ITEM_KIND,
        locale=item.locale,
        title=item.title,
        text=" ".join(filter(None, [item.caption, item.transcription])),
        url=url,
        date=item.date_from,
        facets=_tag_facets(item, conventions, provinces),
        metadata=metadata,
        visible_until=item.consent_until if needs_consent else None,
    )


def document_for(instance):
    """The document of any indexed object, or ``None`` (then it must not be in the index)."""
    if kind_of(type(instance)) == ITEM_KIND:
        return item_document(instance)
    if isinstance(instance, Page):
        return page_document(instance)
    return None


def _chunks(iterable, size):
    """Lists of up to ``size`` items of ``iterable``, in order."""
    iterator = iter(iterable)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def all_documents(batch=500):
    """Every document of the site, model by model, for a rebuild."""
    from exhibitions.models import ExhibitionItem, ExhibitionPage

    public_ids = set(visibility.public_pages().values_list("pk", flat=True))
    names, urls = TermNames(), ParentUrls()
    for model in page_models():
        queryset = model.objects.live().select_related("locale").order_by("pk")
        if hasattr(model, "conventions"):
            queryset = queryset.prefetch_related("conventions", "province_tags__province__successor")
        if model._meta.label == "library.ProductPage":
            queryset = queryset.select_related("product_type", "producer")
        many_attachments = getattr(model, "search_attachments_for", None)
        for pages in _chunks(queryset.iterator(chunk_size=batch), batch):
            found = many_attachments(pages) if many_attachments else None
            for page in pages:
                document = page_document(
                    page, public=page.pk in public_ids, names=names, urls=urls, attachments=found
                )
                if document:
                    yield document
    exhibitions = list(visibility.public_pages(ExhibitionPage.objects.all()).order_by("pk"))
    items = ExhibitionItem.objects.public().select_related("locale").prefetch_related("conventions")
    for item in items.order_by("pk").iterator(chunk_size=batch):
        document = item_document(item, exhibitions, names, public=True)
        if document:
            yield document
