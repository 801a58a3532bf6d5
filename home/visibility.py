"""What the public may see: the one rule every public surface derives from.

Page serving, listings and "related" blocks, menus, the sitemap, feeds, search documents and
their facets, the partner API, OAI-PMH, IIIF, exports, figures, documents, images and their
files all ask here rather than deciding for themselves.

**Pages** are public when they are live and neither they nor an ancestor carry a view
restriction (login, password or groups): ``Page.objects.live().public()``. Nothing else hides a
live page: a library product under embargo is simply not published yet (Wagtail's scheduled
publishing, see ``library.models.ProductPage.embargo_until``), and expiry unpublishes
(``publish_scheduled``). A restricted page is served only to whom its restriction admits (Wagtail's
own check; a session that has not confirmed a required second factor counts as anonymous, see
``newsroom.accounts``), and is never listed, indexed or harvested.

**Other content** declares its own condition with the model, which :func:`visible` applies after
the page rule: a model with a classmethod ``public_objects(queryset)`` (exhibition items: published,
with valid consent, and shown in a public exhibition) is filtered through it.

**Images** are withheld when any model declaring ``withheld_images()`` names them (a photograph of
people whose consent is missing, expired or withdrawn): no public page, card, figure, social image,
structured data, IIIF response or file serves them. **Documents** are public when Wagtail's
collection rules allow it and a public page links or attaches them (Wagtail's reference index, built
from what is published). **Files** in storage are served by ``newsroom.media`` after asking
:func:`public_file`; originals of images are never public.

The answers that depend on content only are kept per content generation (``home.page_cache``),
and per day, because consent ends on a date without anything being saved.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, Page, ReferenceIndex

from . import page_cache


def public_pages(queryset=None):
    """The live pages nobody has restricted (the queryset's own model)."""
    queryset = Page.objects.all() if queryset is None else queryset
    return queryset.live().public()


def page_is_public(page):
    return bool(page and page.live and public_pages(Page.objects.filter(pk=page.pk)).exists())


def visible(queryset):
    """``queryset`` narrowed to what the public may see, by the rule of its model."""
    model = queryset.model
    if issubclass(model, Page):
        queryset = public_pages(queryset)
    rule = getattr(model, "public_objects", None)
    return rule(queryset) if rule else queryset


def is_visible(instance):
    if instance is None:
        return False
    return visible(type(instance).objects.filter(pk=instance.pk)).exists()


def _today_key(name):
    return f"{name}:{timezone.localdate().isoformat()}"


# --- images ----------------------------------------------------------------------------------


def _image_withholders():
    return [model for model in apps.get_models() if callable(getattr(model, "withheld_images", None))]


def withheld_image_ids():
    """Ids of every image the public may not see today."""

    def compute():
        ids = set()
        for model in _image_withholders():
            ids.update(model.withheld_images())
        return frozenset(ids)

    return page_cache.per_generation(_today_key("withheld-images"), compute)


def image_is_public(image):
    image_id = getattr(image, "pk", image)
    return image_id is not None and image_id not in withheld_image_ids()


def public_image(image):
    """``image`` if the public may see it, otherwise ``None`` (so a template shows nothing)."""
    return image if image is not None and image_is_public(image) else None


# --- documents ---------------------------------------------------------------------------------


def _collection_is_public(collection_id):
    restricted = page_cache.per_generation(
        "restricted-collections",
        lambda: [
            (path, depth)
            for path, depth in CollectionViewRestriction.objects.values_list(
                "collection__path", "collection__depth"
            )
        ],
    )
    if not restricted:
        return True
    path = Collection.objects.filter(pk=collection_id).values_list("path", flat=True).first() or ""
    return not any(path.startswith(prefix) for prefix, _depth in restricted)


def _offering_pages(document):
    """Live pages whose row (their published content) links or attaches ``document``, by
    Wagtail's reference index."""
    referring = ReferenceIndex.objects.filter(
        to_content_type=ContentType.objects.get_for_model(get_document_model()),
        to_object_id=str(document.pk),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("object_id", flat=True)
    ids = [int(object_id) for object_id in referring if object_id.isdigit()]
    return Page.objects.filter(pk__in=ids).live()


def document_is_public(document):
    """Anyone may download it: its collection has no view restriction and a public page offers it."""
    if document is None or not _collection_is_public(document.collection_id):
        return False
    return public_pages(_offering_pages(document)).exists()


def document_is_offered_to(document, request, *, collection=True):
    """May this request download ``document``? When a page it may see offers it (a public page,
    or a private one whose restrictions admit the request: Wagtail's own check, with the user the
    session counts as) and the document's collection admits it too. A document no such page
    offers (one attached to a draft or an embargoed product, or to nothing) answers like a
    document that never existed. ``collection=False`` leaves the collection's restriction to
    Wagtail's own download view, which answers it with its sign-in or password page."""
    if document is None:
        return False
    if collection and not all(
        restriction.accept_request(request) for restriction in document.collection.get_view_restrictions()
    ):
        return False
    for page in _offering_pages(document):
        if all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
            return True
    return False


# --- files in storage ----------------------------------------------------------------------------


def file_holder(name):
    """The image or document whose stored file (original, rendition, document or its thumbnail)
    is ``name``; ``None`` when nothing holds it."""
    Image = get_image_model()
    Rendition = Image.get_rendition_model()
    Document = get_document_model()
    image_id = Rendition.objects.filter(file=name).values_list("image_id", flat=True).first()
    if image_id is not None:
        return Image.objects.filter(pk=image_id).first()
    image = Image.objects.filter(file=name).first()
    if image is not None:
        return image
    return Document.objects.filter(Q(file=name) | Q(thumbnail=name)).first()


def public_file(name, request=None, *, holder=None):
    """May the public (or, for a document's file, this request) fetch this stored file? ``None``
    when no image, rendition or document holds it (then nobody may: it answers 404 like a file
    that never existed)."""
    holder = holder or file_holder(name)
    if holder is None:
        return None
    if isinstance(holder, get_image_model()):
        if holder.file.name == name:
            return False  # originals are for editors; pages show renditions
        return image_is_public(holder)
    return document_is_offered_to(holder, request) if request else document_is_public(holder)
