"""IIIF endpoints: the Image API 3.0 for item images, Presentation 3.0 manifests for exhibitions
and a collection of every exhibition's manifest.

Only what the public may see is served: images of published items whose consent is valid today,
manifests of live public exhibitions. Anything else is a 404, exactly like an identifier that
never existed. Responses may be cached by browsers and proxies, never past the end of the day
an item's consent runs out.

Rights: every canvas, manifest and collection states its ``rights`` as a Creative Commons or
RightsStatements.org URI (:func:`rights_uri` reads an item's free-text rights field; a whole
takes its parts' licence when they all agree, otherwise "In Copyright"), and a
``requiredStatement`` to show with it: the item's credit line, the exhibition's organisation, or
the portal's name, in each language.
"""

import hashlib
import os
import re
import shutil
import tempfile
import uuid
from datetime import datetime, time, timedelta
from pathlib import Path

from PIL import Image

from django.conf import settings
from django.core.cache import cache
from django.db.models import F
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from wagtail.models import Page, Site

from home import visibility
from home.models import Organisation

from . import iiif_image
from .models import ExhibitionIndexPage, ExhibitionItem, ExhibitionPage

PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
IMAGE_PROFILE = iiif_image.PROFILE_URI
MAX_AGE = 3600
CACHED_BYTES_LIMIT = 2 * 1024 * 1024
LANGUAGES = [code for code, _name in settings.LANGUAGES]

# Rights URIs as IIIF wants them: the http:// forms Creative Commons and RightsStatements.org define.
IN_COPYRIGHT = "http://rightsstatements.org/vocab/InC/1.0/"
CC_LICENCES = {"by", "by-sa", "by-nd", "by-nc", "by-nc-sa", "by-nc-nd"}
CC_VERSIONS = {"1.0", "2.0", "2.5", "3.0", "4.0"}
RIGHTS_STATEMENTS = {
    name.lower(): name
    for name in (
        "InC",
        "InC-OW-EU",
        "InC-EDU",
        "InC-NC",
        "InC-RUU",
        "NoC-CR",
        "NoC-NC",
        "NoC-OKLR",
        "NoC-US",
        "CNE",
        "UND",
        "NKC",
    )
}
_SEP = r"[\s_-]*"
_CC_URI = re.compile(r"creativecommons\.org/licenses/([a-z-]+)/(\d\.\d)", re.IGNORECASE)
_CC_PUBLIC_URI = re.compile(r"creativecommons\.org/publicdomain/(zero|mark)/1\.0", re.IGNORECASE)
_RS_URI = re.compile(r"rightsstatements\.org/(?:vocab|page)/([a-z-]+)/1\.0", re.IGNORECASE)
_CC0 = re.compile(rf"\bcc{_SEP}(?:0|zero)\b", re.IGNORECASE)
_CC_NAME = re.compile(
    rf"\bcc{_SEP}(by(?:{_SEP}(?:nc|nd|sa)\b)*)(?:{_SEP}v?(\d\.\d))?"
    rf"|creative{_SEP}commons{_SEP}(attribution(?:{_SEP}(?:non{_SEP}commercial|share{_SEP}alike|"
    rf"no{_SEP}derivatives|no{_SEP}derivs))*)(?:{_SEP}(\d\.\d))?",
    re.IGNORECASE,
)
_PUBLIC_DOMAIN = re.compile(rf"public{_SEP}domain|\bpdm\b", re.IGNORECASE)


def _cc_licence(terms, version):
    terms = re.sub(r"[\s_-]", "", terms.lower())
    conditions = {
        "nc": "nc" in terms[2:] or "noncommercial" in terms,
        "sa": "sa" in terms[2:] or "sharealike" in terms,
        "nd": "nd" in terms[2:] or "noderiv" in terms,
    }
    code = "-".join(["by"] + [name for name in ("nc", "sa", "nd") if conditions[name]])
    version = version or "4.0"
    if code not in CC_LICENCES or version not in CC_VERSIONS:
        return None
    return f"http://creativecommons.org/licenses/{code}/{version}/"


def rights_uri(text):
    """The rights URI for an item's free-text rights: a Creative Commons licence or public-domain
    tool, or a RightsStatements.org statement, whether written as a URI or by name ("CC BY 4.0",
    "CC-BY-SA-4.0", "CC0", "Public domain"); anything else, empty included, is "In Copyright"
    (reuse needs the holder's permission), never an open licence nobody granted."""
    text = (text or "").strip()
    if match := _CC_URI.search(text):
        code, version = match.group(1).lower(), match.group(2)
        if code in CC_LICENCES and version in CC_VERSIONS:
            return f"http://creativecommons.org/licenses/{code}/{version}/"
    elif match := _CC_PUBLIC_URI.search(text):
        return f"http://creativecommons.org/publicdomain/{match.group(1).lower()}/1.0/"
    elif match := _RS_URI.search(text):
        name = RIGHTS_STATEMENTS.get(match.group(1).lower())
        if name:
            return f"http://rightsstatements.org/vocab/{name}/1.0/"
    elif _CC0.search(text):
        return "http://creativecommons.org/publicdomain/zero/1.0/"
    elif match := _CC_NAME.search(text):
        terms, version = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
        return _cc_licence(terms, version) or IN_COPYRIGHT
    elif _PUBLIC_DOMAIN.search(text):
        return "http://creativecommons.org/publicdomain/mark/1.0/"
    return IN_COPYRIGHT


def combined_rights(uris):
    """The rights of a whole (manifest, collection): its parts' URI when they all share one,
    otherwise (mixed licences, or no parts) "In Copyright", which no part contradicts."""
    uris = set(uris)
    return uris.pop() if len(uris) == 1 else IN_COPYRIGHT


def _key(identifier):
    try:
        return uuid.UUID(identifier)
    except ValueError:
        raise Http404("No such image") from None


def _shown_item(identifier):
    item = (
        ExhibitionItem.objects.public()
        .filter(translation_key=_key(identifier))
        .select_related("image")
        .order_by("pk")
        .first()
    )
    if item is None:
        raise Http404("No such image")
    return item


def _max_age(items):
    """Seconds a response may be cached: an hour, or less when consent ends before then."""
    seconds = MAX_AGE
    now = timezone.localtime()
    for item in items:
        if item.consent_until and (item.identifiable_people or item.child_present):
            end = timezone.make_aware(datetime.combine(item.consent_until + timedelta(days=1), time()))
            seconds = min(seconds, max(0, int((end - now).total_seconds())))
    return seconds


def _public(response, items, *, vary_accept=False):
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = f"public, max-age={_max_age(items)}"
    if vary_accept:
        response["Vary"] = "Accept"
    return response


def source_path(image):
    """A local path to the image's original: the file itself, or a copy of an object-storage
    file kept under ``IIIF_SOURCE_CACHE`` (downloaded once, then reused by every tile)."""
    try:
        return Path(image.file.path)
    except NotImplementedError:  # object storage (S3) has no local path: copy it, below
        pass
    folder = Path(getattr(settings, "IIIF_SOURCE_CACHE", Path(tempfile.gettempdir()) / "iiif-sources"))
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{image.get_file_hash()}{Path(image.file.name).suffix.lower()}"
    if not target.exists():
        with tempfile.NamedTemporaryFile(dir=folder, delete=False) as partial, image.file.open("rb") as src:
            shutil.copyfileobj(src, partial, length=1024 * 1024)
        os.replace(partial.name, target)
    return target


def dimensions(image):
    """Width and height as displayed (after EXIF orientation), cached by the file's hash."""
    key = f"iiif:size:{image.get_file_hash()}"
    size = cache.get(key)
    if size is None:
        with Image.open(source_path(image)) as opened:
            size = iiif_image.oriented_size(opened)
        cache.set(key, size, None)
    return tuple(size)


def _service_id(request, key):
    return request.build_absolute_uri(reverse("iiif_base", args=[str(key)]))


@require_safe
def base(request, identifier):
    _shown_item(identifier)
    return HttpResponseRedirect(reverse("iiif_info", args=[identifier]), status=303)


@require_safe
def info_json(request, identifier):
    item = _shown_item(identifier)
    width, height = dimensions(item.image)
    body = iiif_image.info(
        _service_id(request, item.translation_key), width, height, rights=rights_uri(item.rights)
    )
    wants_ld = "application/ld+json" in request.headers.get("Accept", "")
    content_type = (
        'application/ld+json;profile="http://iiif.io/api/image/3/context.json"'
        if wants_ld
        else "application/json"
    )
    response = JsonResponse(body, content_type=content_type, json_dumps_params={"ensure_ascii": False})
    response["Link"] = f'<{IMAGE_PROFILE}>;rel="profile"'
    return _public(response, [item], vary_accept=True)


@require_safe
def image(request, identifier, region, size, rotation, quality, format):
    item = _shown_item(identifier)
    width, height = dimensions(item.image)
    try:
        wanted = iiif_image.parse(region, size, rotation, quality, format, width=width, height=height)
    except iiif_image.BadRequest as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    spec = iiif_image.canonical(wanted, width, height)
    cache_key = "iiif:img:" + hashlib.sha256(f"{item.image.get_file_hash()}:{spec}".encode()).hexdigest()
    data = cache.get(cache_key)
    if data is None:
        with Image.open(source_path(item.image)) as opened:
            data = iiif_image.render(opened, wanted)
        if len(data) <= CACHED_BYTES_LIMIT:
            cache.set(cache_key, data, 24 * 3600)
    response = HttpResponse(data, content_type=wanted.content_type)
    response["Link"] = (
        f'<{_service_id(request, item.translation_key)}/{spec}>;rel="canonical", '
        f'<{IMAGE_PROFILE}>;rel="profile"'
    )
    return _public(response, [item])


def _language_map(values):
    """``{"vi": ["…"], "en": ["…"]}`` from ``{language: text}``, leaving out empty texts."""
    return {language: [text] for language, text in values.items() if text}


def _labels(message):
    """The same interface string in every site language, as a IIIF language map."""
    values = {}
    for language in LANGUAGES:
        with translation.override(language):
            values[language] = gettext(message)
    return _language_map(values)


def _portal_name(request):
    """The portal's name in each language: its home page's public translations' titles."""
    site = Site.find_for_request(request)
    if site is not None:
        homes = visibility.public_pages(
            Page.objects.filter(translation_key=site.root_page.translation_key)
        ).select_related("locale")
        names = _language_map({home.locale.language_code: home.title for home in homes})
        if names:
            return names
    return {"none": [(site and site.site_name) or settings.WAGTAIL_SITE_NAME]}


def _attribution(request, organisation=None):
    """A ``requiredStatement``: "Attribution" and the organisation responsible (in each language
    it is translated into), or the portal's name when there is none."""
    names = {}
    if organisation is not None:
        for version in Organisation.objects.filter(
            translation_key=organisation.translation_key, locale__language_code__in=LANGUAGES
        ).select_related("locale"):
            names[version.locale.language_code] = version.name
    return {"label": _labels("Attribution"), "value": _language_map(names) or _portal_name(request)}


def _collection_label():
    return _labels("Exhibitions")


def _image_service(request, key):
    return [{"id": _service_id(request, key), "type": "ImageService3", "profile": iiif_image.PROFILE}]


def _image_body(request, item, width, height):
    service = _service_id(request, item.translation_key)
    scale = min(1.0, iiif_image.MAX_WIDTH / width, iiif_image.MAX_HEIGHT / height)
    return {
        "id": f"{service}/full/max/0/default.jpg",
        "type": "Image",
        "format": "image/jpeg",
        "width": int(width * scale),
        "height": int(height * scale),
        "service": _image_service(request, item.translation_key),
    }


def _canvas(request, manifest_id, key, versions):
    """A canvas for one item; ``versions`` maps language codes to that item's shown translations."""
    first = next(iter(versions.values()))
    width, height = dimensions(first.image)
    canvas_id = f"{manifest_id}/canvas/{key}"
    metadata = []
    for label, field in (
        ("Date", "date_text"),
        ("Place", "place"),
        ("Creator or photographer", "creator"),
        ("Source", "source"),
        ("Reference code", "reference_code"),
        ("Rights", "rights"),
    ):
        value = _language_map({lang: getattr(item, field) for lang, item in versions.items()})
        if value:
            if field in ("creator", "source", "reference_code", "rights"):
                value = {"none": [getattr(first, field)]}
            metadata.append({"label": _labels(label), "value": value})
    canvas = {
        "id": canvas_id,
        "type": "Canvas",
        "label": _language_map({lang: item.title for lang, item in versions.items()}),
        "width": width,
        "height": height,
        "metadata": metadata,
        "rights": rights_uri(first.rights),
        "thumbnail": [
            {
                "id": f"{_service_id(request, key)}/full/400,/0/default.jpg",
                "type": "Image",
                "format": "image/jpeg",
                "service": _image_service(request, key),
            }
        ],
        "items": [
            {
                "id": f"{canvas_id}/page",
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": f"{canvas_id}/page/image",
                        "type": "Annotation",
                        "motivation": "painting",
                        "body": _image_body(request, first, width, height),
                        "target": canvas_id,
                    }
                ],
            }
        ],
    }
    summary = _language_map(
        {lang: " ".join(filter(None, [item.caption, item.transcription])) for lang, item in versions.items()}
    )
    if summary:
        canvas["summary"] = summary
    credit = first.credit or first.image.credit
    if credit:
        canvas["requiredStatement"] = {"label": _labels("Credit"), "value": {"none": [credit]}}
    return canvas


def _homepages(request, pages):
    """IIIF ``homepage``: the HTML page in each language, ``pages`` as ``{language: page}``."""
    return [
        {
            "id": request.build_absolute_uri(page.url),
            "type": "Text",
            "label": {language: [page.title]},
            "format": "text/html",
            "language": [language],
        }
        for language, page in pages.items()
    ]


def build_manifest(request, pages):
    """The Presentation 3.0 manifest of one exhibition, from its live translations."""
    by_language = {page.locale.language_code: page for page in pages}
    source = by_language.get(settings.LANGUAGE_CODE) or pages[0]
    manifest_id = request.build_absolute_uri(reverse("iiif_manifest", args=[str(source.translation_key)]))
    keys = source.item_keys()
    versions = {}
    for item in (
        ExhibitionItem.objects.public()
        .filter(translation_key__in=keys)
        .select_related("image", "locale")
        .order_by("pk")
    ):
        versions.setdefault(item.translation_key, {}).setdefault(item.locale.language_code, item)
    canvases = {key: _canvas(request, manifest_id, key, versions[key]) for key in keys if key in versions}
    structures = []
    for number, block in enumerate(source.sections):
        titles = {}
        for language, page in by_language.items():
            match = next((b for b in page.sections if b.id == block.id), None)
            titles[language] = (match or block).value["title"]
        members = [
            {"id": canvases[item.translation_key]["id"], "type": "Canvas"}
            for item in block.value["items"]
            if item is not None and item.translation_key in canvases
        ]
        if members:
            structures.append(
                {
                    "id": f"{manifest_id}/range/{number + 1}",
                    "type": "Range",
                    "label": _language_map(titles),
                    "items": members,
                }
            )
    manifest = {
        "@context": PRESENTATION_CONTEXT,
        "id": manifest_id,
        "type": "Manifest",
        "label": _language_map({lang: page.title for lang, page in by_language.items()}),
        "summary": _language_map(
            {lang: strip_tags(page.introduction).strip() for lang, page in by_language.items()}
        ),
        "metadata": [
            {"label": _labels("Curator"), "value": {"none": [source.curator]}},
        ]
        if source.curator
        else [],
        "rights": combined_rights(canvas["rights"] for canvas in canvases.values()),
        "requiredStatement": _attribution(request, source.organisation),
        "homepage": _homepages(request, by_language),
        "partOf": [
            {
                "id": request.build_absolute_uri(reverse("iiif_collection")),
                "type": "Collection",
                "label": _collection_label(),
            }
        ],
        "items": list(canvases.values()),
    }
    if structures:
        manifest["structures"] = structures
    first = next(iter(canvases.values()), None)
    if first:
        manifest["thumbnail"] = first["thumbnail"]
    return manifest, [item for group in versions.values() for item in group.values()]


@require_safe
def manifest(request, key):
    pages = list(
        visibility.public_pages(ExhibitionPage.objects.filter(translation_key=_key(key))).select_related(
            "locale"
        )
    )
    if not pages:
        raise Http404("No such exhibition")
    body, items = build_manifest(request, pages)
    response = JsonResponse(
        body,
        content_type=f'application/ld+json;profile="{PRESENTATION_CONTEXT}"',
        json_dumps_params={"ensure_ascii": False},
    )
    return _public(response, items)


def build_collection(request):
    """The Presentation 3.0 collection of every public exhibition's manifest, newest first."""
    exhibitions = {}
    for page in (
        visibility.public_pages(ExhibitionPage.objects.all())
        .select_related("locale")
        .order_by(F("start_date").desc(nulls_last=True), "path")
    ):
        exhibitions.setdefault(page.translation_key, {}).setdefault(page.locale.language_code, page)
    sources = {
        key: pages.get(settings.LANGUAGE_CODE) or next(iter(pages.values()))
        for key, pages in exhibitions.items()
    }
    item_keys = {key: source.item_keys() for key, source in sources.items()}
    item_rights = dict(
        ExhibitionItem.objects.public()
        .filter(translation_key__in={k for keys in item_keys.values() for k in keys})
        .order_by("-pk")
        .values_list("translation_key", "rights")
    )
    references, rights = [], []
    for key, pages in exhibitions.items():
        shown = [rights_uri(item_rights[k]) for k in item_keys[key] if k in item_rights]
        rights.append(combined_rights(shown))
        references.append(
            {
                "id": request.build_absolute_uri(reverse("iiif_manifest", args=[str(key)])),
                "type": "Manifest",
                "label": _language_map({lang: page.title for lang, page in pages.items()}),
            }
        )
    indexes = {}
    for index in visibility.public_pages(ExhibitionIndexPage.objects.all()).select_related("locale"):
        indexes.setdefault(index.locale.language_code, index)
    return {
        "@context": PRESENTATION_CONTEXT,
        "id": request.build_absolute_uri(reverse("iiif_collection")),
        "type": "Collection",
        "label": _collection_label(),
        "summary": _language_map({lang: index.intro for lang, index in indexes.items()}),
        "rights": combined_rights(rights),
        "requiredStatement": _attribution(request),
        "homepage": _homepages(request, indexes),
        "items": references,
    }


@require_safe
def collection(request):
    response = JsonResponse(
        build_collection(request),
        content_type=f'application/ld+json;profile="{PRESENTATION_CONTEXT}"',
        json_dumps_params={"ensure_ascii": False},
    )
    return _public(response, [])


urlpatterns = [
    path("collections/exhibitions.json", collection, name="iiif_collection"),
    path("manifests/<str:key>.json", manifest, name="iiif_manifest"),
    path("3/<str:identifier>", base, name="iiif_base"),
    path("3/<str:identifier>/info.json", info_json, name="iiif_info"),
    path(
        "3/<str:identifier>/<str:region>/<str:size>/<str:rotation>/<str:quality>.<str:format>",
        image,
        name="iiif_image",
    ),
]
