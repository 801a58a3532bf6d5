"""IIIF endpoints: the Image API 3.0 for item images and Presentation 3.0 manifests for exhibitions.

Only what the public may see is served: images of published items whose consent is valid today,
manifests of live public exhibitions. Anything else is a 404, exactly like an identifier that
never existed. Responses may be cached by browsers and proxies, never past the end of the day
an item's consent runs out.
"""

import hashlib
import os
import shutil
import tempfile
import uuid
from datetime import datetime, time, timedelta
from pathlib import Path

from PIL import Image

from django.conf import settings
from django.core.cache import cache
from django.http import Http404, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect, JsonResponse
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from home import visibility

from . import iiif_image
from .models import ExhibitionItem, ExhibitionPage

PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
IMAGE_PROFILE = "http://iiif.io/api/image/3/level1.json"
MAX_AGE = 3600
CACHED_BYTES_LIMIT = 2 * 1024 * 1024
LANGUAGES = [code for code, _name in settings.LANGUAGES]


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
    body = iiif_image.info(_service_id(request, item.translation_key), width, height)
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
    spec = f"{region}/{size}/{rotation}/{quality}.{format}"
    cache_key = "iiif:img:" + hashlib.sha256(f"{item.image.get_file_hash()}:{spec}".encode()).hexdigest()
    data = cache.get(cache_key)
    if data is None:
        with Image.open(source_path(item.image)) as opened:
            data = iiif_image.render(opened, wanted)
        if len(data) <= CACHED_BYTES_LIMIT:
            cache.set(cache_key, data, 24 * 3600)
    response = HttpResponse(data, content_type=wanted.content_type)
    response["Link"] = f'<{_service_id(request, item.translation_key)}/{spec}>;rel="canonical"'
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


def _image_body(request, item, width, height):
    service = _service_id(request, item.translation_key)
    scale = min(1.0, iiif_image.MAX_WIDTH / width, iiif_image.MAX_HEIGHT / height)
    return {
        "id": f"{service}/full/max/0/default.jpg",
        "type": "Image",
        "format": "image/jpeg",
        "width": int(width * scale),
        "height": int(height * scale),
        "service": [{"id": service, "type": "ImageService3", "profile": "level1"}],
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
        "thumbnail": [
            {
                "id": f"{_service_id(request, key)}/full/400,/0/default.jpg",
                "type": "Image",
                "format": "image/jpeg",
                "service": [{"id": _service_id(request, key), "type": "ImageService3", "profile": "level1"}],
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
    if first.credit:
        canvas["requiredStatement"] = {"label": _labels("Credit"), "value": {"none": [first.credit]}}
    return canvas


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
        "homepage": [
            {
                "id": request.build_absolute_uri(page.url),
                "type": "Text",
                "label": {language: [page.title]},
                "format": "text/html",
                "language": [language],
            }
            for language, page in by_language.items()
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


urlpatterns = [
    path("manifests/<str:key>.json", manifest, name="iiif_manifest"),
    path("3/<str:identifier>", base, name="iiif_base"),
    path("3/<str:identifier>/info.json", info_json, name="iiif_info"),
    path(
        "3/<str:identifier>/<str:region>/<str:size>/<str:rotation>/<str:quality>.<str:format>",
        image,
        name="iiif_image",
    ),
]
