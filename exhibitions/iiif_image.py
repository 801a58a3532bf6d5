"""IIIF Image API 3.0 for exhibition items: the request grammar and the image operations.

Pure functions, tested without a server: :func:`parse` turns the four path segments and the
format into a :class:`Request` (or raises :class:`BadRequest`, which the view turns into a 400),
:func:`render` applies it to a Pillow image and :func:`canonical` gives its canonical form.

Compliance: level 2 in full (percent regions, ``!w,h`` and percent sizes, rotation by multiples
of 90°, the colour, gray and bitonal qualities, PNG as well as JPEG; the official validator's level
0-2 tests pass, tests/conformance/test_iiif.py), plus what ``info.json`` lists beyond it:
upscaling with ``^`` within the server's limits, mirroring, WebP output, and the canonical and
profile ``Link`` headers. Arbitrary rotation, GIF, TIFF, PDF and JPEG 2000 are not offered.
"""

import io
import math
import re
from dataclasses import dataclass

from PIL import Image, ImageOps

#: Largest image the server will produce, in pixels per side and in area.
MAX_WIDTH = 4096
MAX_HEIGHT = 4096
MAX_AREA = MAX_WIDTH * MAX_HEIGHT
TILE_SIZE = 512

#: The compliance level ``info.json`` claims, and its profile document (for ``Link`` headers).
PROFILE = "level2"
PROFILE_URI = f"http://iiif.io/api/image/3/{PROFILE}.json"
FORMATS = {"jpg": ("JPEG", "image/jpeg"), "png": ("PNG", "image/png"), "webp": ("WEBP", "image/webp")}
QUALITIES = ("default", "color", "gray", "bitonal")
#: Beyond level 2 (which has jpg and png; every quality but ``default`` is listed, as 3.0 asks).
EXTRA_FORMATS = ["webp"]
EXTRA_QUALITIES = ["color", "gray", "bitonal"]
EXTRA_FEATURES = ["canonicalLinkHeader", "mirroring", "profileLinkHeader", "sizeUpscaling"]
_NUMBER = r"\d+(?:\.\d+)?"
_PCT_REGION = re.compile(rf"^pct:({_NUMBER}),({_NUMBER}),({_NUMBER}),({_NUMBER})$")
_PX_REGION = re.compile(r"^(\d+),(\d+),(\d+),(\d+)$")
_PCT_SIZE = re.compile(rf"^pct:({_NUMBER})$")
_WH_SIZE = re.compile(r"^(!)?(\d*),(\d*)$")


class BadRequest(ValueError):
    """The request is not valid IIIF Image API syntax, or asks for something out of range."""


@dataclass(frozen=True)
class Request:
    region: tuple  # (x, y, w, h) in pixels of the full image
    size: tuple  # (w, h) of the output before rotation
    rotation: int  # 0, 90, 180 or 270
    mirror: bool
    quality: str
    format: str

    @property
    def content_type(self):
        return FORMATS[self.format][1]


def parse_region(text, width, height):
    """``full``, ``square``, ``x,y,w,h`` or ``pct:x,y,w,h``, clipped to the image."""
    if text == "full":
        return (0, 0, width, height)
    if text == "square":
        side = min(width, height)
        return ((width - side) // 2, (height - side) // 2, side, side)
    match = _PX_REGION.match(text)
    if match:
        x, y, w, h = (int(value) for value in match.groups())
    else:
        match = _PCT_REGION.match(text)
        if not match:
            raise BadRequest(f"Region {text!r} is not full, square, x,y,w,h or pct:x,y,w,h.")
        px, py, pw, ph = (float(value) for value in match.groups())
        if px > 100 or py > 100:
            raise BadRequest("A percent region starts inside the image (at most 100).")
        x, y = round(px * width / 100), round(py * height / 100)
        w, h = round(pw * width / 100), round(ph * height / 100)
    if w <= 0 or h <= 0:
        raise BadRequest("A region has a width and a height greater than zero.")
    if x >= width or y >= height:
        raise BadRequest("The region lies outside the image.")
    return (x, y, min(w, width - x), min(h, height - y))


def parse_size(text, region_width, region_height):
    """The output size for a region: ``max``, ``w,``, ``,h``, ``w,h``, ``!w,h``, ``pct:n``,
    each optionally prefixed by ``^`` to allow upscaling (within the server's limits)."""
    upscale = text.startswith("^")
    body = text[1:] if upscale else text
    ratio = region_width / region_height
    if body == "max":
        scale = 1.0
        if upscale:
            scale = min(MAX_WIDTH / region_width, MAX_HEIGHT / region_height)
        scale = min(scale, MAX_WIDTH / region_width, MAX_HEIGHT / region_height)
        scale = min(scale, math.sqrt(MAX_AREA / (region_width * region_height)))
        width = min(MAX_WIDTH, max(1, round(region_width * scale)))
        height = min(MAX_HEIGHT, max(1, round(region_height * scale)))
        return (width, height)
    match = _PCT_SIZE.match(body)
    if match:
        percent = float(match.group(1))
        if percent <= 0:
            raise BadRequest("A percent size is greater than zero.")
        width, height = round(region_width * percent / 100), round(region_height * percent / 100)
    else:
        match = _WH_SIZE.match(body)
        if not match or not (match.group(2) or match.group(3)):
            raise BadRequest(f"Size {text!r} is not max, w,, ,h, w,h, !w,h or pct:n.")
        confined, w_text, h_text = match.groups()
        w, h = int(w_text or 0), int(h_text or 0)
        if (w_text and w == 0) or (h_text and h == 0):
            raise BadRequest("A size is greater than zero.")
        if confined:
            if not (w_text and h_text):
                raise BadRequest("!w,h needs both a width and a height.")
            scale = min(w / region_width, h / region_height)
            width, height = round(region_width * scale), round(region_height * scale)
        elif w_text and h_text:
            width, height = w, h
        elif w_text:
            width, height = w, round(w / ratio)
        else:
            width, height = round(h * ratio), h
    width, height = max(1, width), max(1, height)
    if not upscale and (width > region_width or height > region_height):
        raise BadRequest("A size larger than the region needs the ^ prefix.")
    if width > MAX_WIDTH or height > MAX_HEIGHT or width * height > MAX_AREA:
        raise BadRequest(f"The largest image served is {MAX_WIDTH}×{MAX_HEIGHT} pixels.")
    return (width, height)


def parse_rotation(text):
    mirror = text.startswith("!")
    degrees = text[1:] if mirror else text
    if degrees not in {"0", "90", "180", "270", "0.0", "90.0", "180.0", "270.0"}:
        raise BadRequest("Rotation is 0, 90, 180 or 270, optionally after ! to mirror.")
    return int(float(degrees)), mirror


def parse(region, size, rotation, quality, format_, *, width, height):
    if format_ not in FORMATS:
        raise BadRequest(f"Format is one of {', '.join(FORMATS)}.")
    if quality not in QUALITIES:
        raise BadRequest(f"Quality is one of {', '.join(QUALITIES)}.")
    box = parse_region(region, width, height)
    output = parse_size(size, box[2], box[3])
    degrees, mirror = parse_rotation(rotation)
    return Request(box, output, degrees, mirror, quality, format_)


def canonical(request, width, height):
    """The canonical ``region/size/rotation/quality.format`` of a parsed request on an image of
    ``width`` × ``height`` (Image API 3.0, 4.7): ``full`` or ``x,y,w,h``; ``max`` or ``w,h``, with
    ``^`` when upscaled; the rotation as an integer after ``!`` when mirrored."""
    x, y, w, h = request.region
    region = "full" if request.region == (0, 0, width, height) else f"{x},{y},{w},{h}"
    out_w, out_h = request.size
    upscaled = out_w > w or out_h > h
    largest = parse_size("^max" if upscaled else "max", w, h)
    size = "max" if request.size == largest else f"{out_w},{out_h}"
    rotation = f"{'!' if request.mirror else ''}{request.rotation}"
    return f"{region}/{'^' if upscaled else ''}{size}/{rotation}/{request.quality}.{request.format}"


def oriented_size(image):
    """Width and height of a Pillow image as it is displayed (after its EXIF orientation)."""
    orientation = image.getexif().get(0x0112, 1)
    width, height = image.size
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def render(image, request):
    """Apply ``request`` to an opened Pillow ``image``; returns the encoded bytes."""
    full_width, _height = oriented_size(image)
    x, y, w, h = request.region
    out_w, out_h = request.size
    scale = out_w / w
    if image.format == "JPEG" and scale < 0.5:
        # Let libjpeg decode at 1/2, 1/4 or 1/8 scale: far less work for tiles and thumbnails.
        raw_w, raw_h = image.size
        image.draft("RGB", (math.ceil(raw_w * scale), math.ceil(raw_h * scale)))
    image = ImageOps.exif_transpose(image)
    ratio = image.width / full_width
    box = (x * ratio, y * ratio, (x + w) * ratio, (y + h) * ratio)
    image = image.crop(tuple(round(value) for value in box))
    if image.size != (out_w, out_h):
        image = image.resize((out_w, out_h), Image.Resampling.LANCZOS, reducing_gap=3.0)
    if request.mirror:
        image = ImageOps.mirror(image)
    if request.rotation:
        image = image.rotate(-request.rotation, expand=True)
    if request.quality == "gray":
        image = image.convert("L")
    elif request.quality == "bitonal":
        image = image.convert("1")
    elif image.mode not in ("RGB", "L") or (request.format == "jpg" and image.mode != "RGB"):
        image = image.convert("RGBA" if request.format != "jpg" and "A" in image.mode else "RGB")
    buffer = io.BytesIO()
    pil_format = FORMATS[request.format][0]
    # PNG keeps zlib's default level: its "optimize" (level 9 and filter trials) takes ten times as
    # long for 15 % less, over 7 s for a full-size 8-megapixel scan (past clients' timeouts).
    options = {"quality": 85} if pil_format in ("JPEG", "WEBP") else {}
    if pil_format == "JPEG":
        options.update(optimize=True, progressive=True)
    image.save(buffer, format=pil_format, **options)
    return buffer.getvalue()


def info(service_id, width, height, rights=None):
    """The ``info.json`` document of an image; ``rights`` is its licence or rights statement URI."""
    scale_factors = [1]
    while max(width, height) / scale_factors[-1] > TILE_SIZE:
        scale_factors.append(scale_factors[-1] * 2)
    sizes = []
    for factor in reversed(scale_factors):
        w, h = math.ceil(width / factor), math.ceil(height / factor)
        if w <= MAX_WIDTH and h <= MAX_HEIGHT:
            sizes.append({"width": w, "height": h})
    document = {
        "@context": "http://iiif.io/api/image/3/context.json",
        "id": service_id,
        "type": "ImageService3",
        "protocol": "http://iiif.io/api/image",
        "profile": PROFILE,
        "width": width,
        "height": height,
        "maxWidth": MAX_WIDTH,
        "maxHeight": MAX_HEIGHT,
        "maxArea": MAX_AREA,
        "sizes": sizes,
        "tiles": [{"width": TILE_SIZE, "height": TILE_SIZE, "scaleFactors": scale_factors}],
        "extraFormats": EXTRA_FORMATS,
        "extraQualities": EXTRA_QUALITIES,
        "extraFeatures": EXTRA_FEATURES,
    }
    if rights:
        document["rights"] = rights
    return document
