"""Demo exhibition: generated photographs and a scanned document, in vi with en and km, on tour."""

import io
import random
from datetime import date, timedelta

from PIL import Image, ImageDraw, ImageFilter, ImageFont

from django.conf import settings
from django.core.files.images import ImageFile
from django.utils import timezone

from wagtail.models import Locale

from home.demo import poster_image, t
from home.models import Convention, CustomImage, HomePage, Organisation, Province
from translations.localize import TranslationMemory, translate

from .models import ExhibitionIndexPage, ExhibitionItem, ExhibitionPage, ExhibitionVenue

INDEX = {
    "slug": t("trien-lam", "exhibitions", "exhibitions"),
    "title": t("Triển lãm", "Exhibitions", "ការតាំងពិពណ៌"),
    "intro": t(
        "Triển lãm ảnh và tư liệu lưu trữ về quyền con người, trực tuyến và lưu động đến các xã.",
        "Photo and archive exhibitions about human rights, online and travelling to the communes.",
        "ការតាំងពិពណ៌រូបថត និងឯកសារបណ្ណសារអំពីសិទ្ធិមនុស្ស តាមអនឡាញ និងចល័តទៅកាន់ឃុំនានា។",
    ),
}
EXHIBITION = {
    "slug": t("tre-em-qua-anh", "childhood-in-pictures", "childhood-in-pictures"),
    "title": t("Tuổi thơ qua ống kính", "Childhood in pictures", "កុមារភាពតាមរយៈរូបថត"),
    "introduction": t(
        "<p>Ba mươi năm thực hiện Công ước về quyền trẻ em ở đồng bằng sông Cửu Long, qua ảnh và tư liệu.</p>",
        "<p>Thirty years of the Convention on the Rights of the Child in the Mekong Delta, in photographs and documents.</p>",
        "<p>សាមសិបឆ្នាំនៃការអនុវត្តអនុសញ្ញាស្ដីពីសិទ្ធិកុមារនៅតំបន់ដីសណ្ដទន្លេមេគង្គ តាមរយៈរូបថត និងឯកសារ។</p>",
    ),
    "sections": [
        (t("Đến trường", "Going to school", "ទៅសាលារៀន"), [0, 1]),
        (t("Tư liệu", "From the archive", "ពីបណ្ណសារ"), [2, 3]),
    ],
}
ITEMS = [
    {
        "kind": "photo",
        "title": t("Lớp học song ngữ", "A bilingual class", "ថ្នាក់រៀនពីរភាសា"),
        "caption": t(
            "Học sinh Khmer và Kinh học cùng lớp.",
            "Khmer and Kinh pupils in one class.",
            "សិស្សខ្មែរ និងគិញរៀនក្នុងថ្នាក់តែមួយ។",
        ),
        "date_text": t("2019", "2019", "២០១៩"),
        "date_from": date(2019, 1, 1),
        "date_to": date(2019, 12, 31),
        "place": t("Tri Tôn, An Giang", "Tri Ton, An Giang", "ទ្រីតុន អានយ៉ាង"),
        "creator": "Nguyễn Văn Minh",
        "identifiable_people": True,
        "child_present": True,
        "consent_held": True,
        "consent_until": 3650,
    },
    {
        "kind": "photo",
        "title": t("Con đường đến trường", "The road to school", "ផ្លូវទៅសាលារៀន"),
        "caption": t(
            "Mùa nước nổi, các em đi học bằng xuồng.",
            "In the flood season, children go to school by boat.",
            "នៅរដូវទឹកជំនន់ កុមារទៅសាលារៀនដោយទូក។",
        ),
        "date_text": t("khoảng thập niên 1990", "c. 1990s", "ប្រហែលទសវត្សរ៍ ១៩៩០"),
        "date_from": date(1990, 1, 1),
        "date_to": date(1999, 12, 31),
        "place": t("Châu Đốc", "Chau Doc", "មាត់ជ្រូក"),
        "creator": "Lê Thị Hoa",
        "identifiable_people": False,
        "child_present": False,
        "consent_held": False,
        "consent_until": None,
    },
    {
        "kind": "document",
        "title": t(
            "Quyết định phê chuẩn năm 1990", "The 1990 ratification decision", "សេចក្ដីសម្រេចផ្ដល់សច្ចាប័នឆ្នាំ ១៩៩០"
        ),
        "caption": t("Bản chụp tư liệu lưu trữ.", "A scan from the archive.", "ការស្កេនពីបណ្ណសារ។"),
        "transcription": t(
            "Phê chuẩn Công ước về quyền trẻ em.",
            "Ratification of the Convention on the Rights of the Child.",
            "ការផ្ដល់សច្ចាប័នលើអនុសញ្ញាស្ដីពីសិទ្ធិកុមារ។",
        ),
        "date_text": t("28/2/1990", "28/2/1990", "២៨/២/១៩៩០"),
        "date_from": date(1990, 2, 28),
        "date_to": date(1990, 2, 28),
        "place": t("Hà Nội", "Hanoi", "ហាណូយ"),
        "creator": "",
        "identifiable_people": False,
        "child_present": False,
        "consent_held": False,
        "consent_until": None,
    },
    {
        "kind": "photo",
        "title": t("Ngày hội thiếu nhi", "Children's festival", "ពិធីបុណ្យកុមារ"),
        "caption": t(
            "Ảnh chờ xác nhận đồng ý của gia đình.",
            "Awaiting the family's consent.",
            "កំពុងរង់ចាំការយល់ព្រមពីគ្រួសារ។",
        ),
        "date_text": t("2024", "2024", "២០២៤"),
        "date_from": date(2024, 6, 1),
        "date_to": date(2024, 6, 1),
        "place": t("Long Xuyên", "Long Xuyen", "ឡុងស្វៀន"),
        "creator": "Nguyễn Văn Minh",
        "identifiable_people": True,
        "child_present": False,
        "consent_held": False,
        "consent_until": None,
    },
]
VENUES = [
    ("Nhà văn hóa xã Tri Tôn", "Tri Tôn, An Giang", -120, -60),
    ("Trường THCS Châu Đốc", "Châu Đốc, An Giang", -10, 20),
    ("Thư viện tỉnh An Giang", "Long Xuyên, An Giang", 40, 90),
]


SCAN_LINES = [
    "HỘI ĐỒNG NHÀ NƯỚC",
    "NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "",
    "QUYẾT ĐỊNH",
    "phê chuẩn Công ước về quyền trẻ em",
    "",
    "Điều 1. Phê chuẩn Công ước về quyền trẻ em",
    "được Đại hội đồng Liên hợp quốc thông qua",
    "ngày 20 tháng 11 năm 1989.",
    "",
    "Điều 2. Bộ Ngoại giao có trách nhiệm làm thủ tục",
    "theo quy định của Công ước.",
    "",
    "Hà Nội, ngày 28 tháng 2 năm 1990",
]
# Our self-hosted Vietnamese face holds only the letters Vietnamese adds to Latin; draw each
# character with the face that has it.
_VIETNAMESE = {0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169, 0x1A0, 0x1A1, 0x1AF, 0x1B0}


def _face(character):
    code = ord(character)
    return (
        "vietnamese" if code in _VIETNAMESE or 0x1EA0 <= code <= 0x1EF9 or 0x300 <= code <= 0x323 else "latin"
    )


def _draw_text(draw, xy, text, fonts):
    x, y = xy
    run, face = "", None
    for character in text + "\0":
        wanted = _face(character) if character != "\0" else None
        if wanted != face and run:
            draw.text((x, y), run, font=fonts[face], fill=(45, 38, 30))
            x += draw.textlength(run, font=fonts[face])
            run = ""
        face = wanted or face
        run += character if character != "\0" else ""


def archive_scan(title, alt_text, *, seed=0, size=(2400, 3300)):
    """A generated high-resolution scan of a typed document on aged paper, for deep zoom."""
    existing = CustomImage.objects.filter(title=title).first()
    if existing:
        return existing
    rng = random.Random(seed)  # noqa: S311 - jitter in a demo picture
    width, height = size
    noise = Image.effect_noise((width // 8, height // 8), 18).resize(size).filter(ImageFilter.GaussianBlur(2))
    paper = Image.merge(
        "RGB", [noise.point(lambda v, base=base: base - 24 + v // 6) for base in (236, 226, 200)]
    )
    draw = ImageDraw.Draw(paper)
    fonts_dir = settings.BASE_DIR / "static" / "fonts"
    fonts = {
        face: ImageFont.truetype(str(fonts_dir / f"noto-sans-{face}-wght-normal.woff2"), 64)
        for face in ("latin", "vietnamese")
    }
    y = 260
    for line in SCAN_LINES:
        if line:
            _draw_text(draw, (240 + rng.randint(-3, 3), y), line, fonts)
        y += 150
    cx, cy = width - 700, y + 80
    for radius, line_width in ((260, 14), (200, 6)):
        draw.ellipse(
            [cx - radius, cy - radius, cx + radius, cy + radius], outline=(176, 40, 40), width=line_width
        )
    draw.line([(240, y + 380), (1100, y + 300)], fill=(30, 30, 90), width=8)
    buffer = io.BytesIO()
    paper.save(buffer, format="JPEG", quality=85)
    image = CustomImage(title=title, alt_text=alt_text, credit="Nhân quyền CMS")
    image.file.save(f"scan-{seed}.jpg", ImageFile(buffer, name=f"scan-{seed}.jpg"), save=False)
    image.save()
    return image


def _add(memory, unit):
    memory.add(unit["vi"], {"en": unit["en"], "km": unit["km"]})


def seed(stdout):
    vi = Locale.objects.get(language_code="vi")
    locales = [Locale.objects.get(language_code=code) for code in ("en", "km")]
    memory = TranslationMemory()
    crc = Convention.objects.get(locale=vi, code="CRC")
    an_giang = Province.objects.get(locale=vi, reference="current-an-giang")
    newspaper = Organisation.objects.get(locale=vi, slug="bao-an-giang")
    items, missing = [], []
    for number, spec in enumerate(ITEMS):
        if spec["kind"] == "document":
            image = archive_scan(f"Tư liệu lưu trữ {number + 1}", spec["title"]["vi"], seed=40 + number)
        else:
            image = poster_image(f"Triển lãm {number + 1}", spec["title"]["vi"], seed=40 + number)
        item = ExhibitionItem.objects.filter(locale=vi, title=spec["title"]["vi"]).first() or ExhibitionItem(
            locale=vi
        )
        for field in ("title", "caption", "transcription", "date_text", "place"):
            if field in spec:
                setattr(item, field, spec[field]["vi"])
                _add(memory, spec[field])
        item.kind, item.image, item.creator = spec["kind"], image, spec["creator"]
        item.organisation = newspaper
        item.date_from, item.date_to = spec["date_from"], spec["date_to"]
        item.source, item.credit, item.rights = "Lưu trữ tỉnh An Giang", "© Báo An Giang", "CC BY 4.0"
        item.identifiable_people, item.child_present = spec["identifiable_people"], spec["child_present"]
        item.consent_held = spec["consent_held"]
        item.consent_until = (
            timezone.localdate() + timedelta(days=spec["consent_until"]) if spec["consent_until"] else None
        )
        item.save()
        item.conventions.set([crc])
        item.provinces.set([an_giang])
        item.save()
        item.save_revision().publish()
        items.append(item)
        for locale in locales:
            missing.extend(translate(item, locale, memory)[1])

    home = HomePage.objects.get(locale=vi, depth=2)
    index = ExhibitionIndexPage.objects.child_of(home).filter(locale=vi).first() or ExhibitionIndexPage(
        locale=vi, slug=INDEX["slug"]["vi"]
    )
    index.title, index.intro, index.show_in_menus = INDEX["title"]["vi"], INDEX["intro"]["vi"], True
    if index.pk is None:
        home.add_child(instance=index)
    index.save_revision().publish()
    for key in ("slug", "title", "intro"):
        _add(memory, INDEX[key])

    page = ExhibitionPage.objects.child_of(index).filter(locale=vi).first() or ExhibitionPage(
        locale=vi, slug=EXHIBITION["slug"]["vi"]
    )
    page.title, page.introduction, page.curator = (
        EXHIBITION["title"]["vi"],
        EXHIBITION["introduction"]["vi"],
        "Nguyễn Văn Minh",
    )
    # The hero travels furthest (cards, link previews): never a photograph of people who need consent.
    hero = next(item for item in items if not (item.identifiable_people or item.child_present))
    page.start_date, page.hero_image = date(2025, 6, 1), hero.image
    page.organisation = newspaper
    page.sections = [
        ("section", {"title": title["vi"], "text": "", "items": [items[i] for i in indexes]})
        for title, indexes in EXHIBITION["sections"]
    ]
    page.conventions.set([crc])
    today = timezone.localdate()
    page.venues = [
        ExhibitionVenue(
            name=name,
            address=address,
            province=an_giang,
            start_date=today + timedelta(days=a),
            end_date=today + timedelta(days=b),
        )
        for name, address, a, b in VENUES
    ]
    if page.pk is None:
        index.add_child(instance=page)
    page.save_revision().publish()
    for key in ("slug", "title", "introduction"):
        _add(memory, EXHIBITION[key])
    for title, _indexes in EXHIBITION["sections"]:
        _add(memory, title)
    for name, address, _a, _b in VENUES:
        memory.add(name, {"en": name, "km": name})
        memory.add(address, {"en": address, "km": address})
    for target in (index, page):
        for locale in locales:
            missing.extend(translate(target, locale, memory)[1])
    stdout.write(f"exhibitions: 1 exhibition with {len(items)} items and {len(VENUES)} venues in vi, en, km")
    return missing
