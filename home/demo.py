"""Demo content for the site core: the home page and general pages in vi, with en and km.

Everything is generated here (text and images); nothing is downloaded. Idempotent: pages are
found by slug and updated in place, images by title.
"""

import io
import math

from PIL import Image as PILImage
from PIL import ImageDraw

from django.core.files.images import ImageFile

from wagtail.models import Collection, Locale, Page, Site

from translations.localize import TranslationMemory, translate

from .models import CustomImage, HomePage, StandardPage

TARGET_LANGUAGES = ("en", "km")


def t(vi, en, km):
    return {"vi": vi, "en": en, "km": km}


def listed_per_language(listing_page, method, noun):
    """What the public listing of ``listing_page`` shows in each language, for seed_demo's summary:
    ``"6 products listed in vi, 5 in en, 3 in km"``. It counts with the listing's own ``method``
    (``"products"``, ``"articles"``: the one rule of ``home.visibility``), so the summary is what /vi/, /en/ and /km/ list, never what
    the demo meant to publish."""
    counts = []
    for code in ("vi", *TARGET_LANGUAGES):
        translation = listing_page.get_translations(inclusive=True).filter(locale__language_code=code).first()
        listed = getattr(translation.specific, method)().count() if translation and translation.live else 0
        counts.append(f"{listed} {noun} listed in {code}" if code == "vi" else f"{listed} in {code}")
    return ", ".join(counts)


HOME = {
    "slug": t("trang-chu", "home", "km-home"),
    "title": t(
        "Cổng thông tin truyền thông về quyền con người",
        "Human rights communication portal",
        "វិបផតថលផ្សព្វផ្សាយអំពីសិទ្ធិមនុស្ស",
    ),
    "intro": t(
        "Tin tức, tài liệu, triển lãm và kho sản phẩm truyền thông về quyền con người của các tỉnh, "
        "thành phố, bằng tiếng Việt, tiếng Anh và tiếng Khmer.",
        "News, explainers, exhibitions and a shared library of human rights communication products "
        "from the provinces, in Vietnamese, English and Khmer.",
        "ព័ត៌មាន ឯកសារ ការតាំងពិពណ៌ និងបណ្ណាល័យរួមនៃផលិតផលផ្សព្វផ្សាយអំពីសិទ្ធិមនុស្សរបស់ខេត្តនានា ជាភាសាវៀតណាម អង់គ្លេស និងខ្មែរ។",
    ),
    "body": [
        ("heading", t("Vì sao có cổng thông tin này", "Why this portal exists", "ហេតុអ្វីមានវិបផតថលនេះ")),
        (
            "paragraph",
            t(
                "<p>Thực hiện Quyết định số 1079/QĐ-TTg của Thủ tướng Chính phủ, các tỉnh xây dựng kế hoạch "
                "tuyên truyền về quyền con người và chia sẻ sản phẩm truyền thông với nhau.</p>",
                "<p>Under the Prime Minister's Decision 1079/QĐ-TTg, every province runs a plan for "
                "communication about human rights and shares its communication products with the others.</p>",
                "<p>អនុវត្តតាមសេចក្ដីសម្រេចលេខ ១០៧៩/QĐ-TTg របស់នាយករដ្ឋមន្ត្រី ខេត្តនីមួយៗរៀបចំផែនការ"
                "ផ្សព្វផ្សាយអំពីសិទ្ធិមនុស្ស និងចែករំលែកផលិតផលផ្សព្វផ្សាយជាមួយគ្នា។</p>",
            ),
        ),
        (
            "quote",
            {
                "quote": t(
                    "Mọi người sinh ra đều được tự do và bình đẳng về nhân phẩm và quyền.",
                    "All human beings are born free and equal in dignity and rights.",
                    "មនុស្សទាំងអស់កើតមកមានសេរីភាព និងសមភាពក្នុងសេចក្ដីថ្លៃថ្នូរ និងសិទ្ធិ។",
                ),
                "attribution": t(
                    "Tuyên ngôn Quốc tế Nhân quyền, Điều 1",
                    "Universal Declaration of Human Rights, Article 1",
                    "សេចក្ដីប្រកាសជាសកលស្ដីពីសិទ្ធិមនុស្ស មាត្រា ១",
                ),
            },
        ),
    ],
}

PAGES = [
    {
        "slug": t("gioi-thieu", "about", "about"),
        "title": t("Giới thiệu", "About the portal", "អំពីវិបផតថល"),
        "intro": t(
            "Cổng thông tin do các cơ quan báo chí, phát thanh, truyền hình và sở, ngành của tỉnh cùng "
            "biên tập.",
            "The portal is edited jointly by the province's newspapers, broadcasters and departments.",
            "វិបផតថលនេះត្រូវបានកែសម្រួលរួមគ្នាដោយកាសែត វិទ្យុ ទូរទស្សន៍ និងមន្ទីរនានារបស់ខេត្ត។",
        ),
        "body": [
            ("heading", t("Nội dung", "What you will find", "អ្វីដែលអ្នកនឹងរកឃើញ")),
            (
                "paragraph",
                t(
                    "<p>Tin bài, trang giới thiệu bảy công ước quốc tế cơ bản về quyền con người mà Việt Nam "
                    "là thành viên, triển lãm ảnh và tư liệu, và kho sản phẩm truyền thông dùng chung.</p>",
                    "<p>News and articles, pages on the seven core international human rights conventions "
                    "Viet Nam is party to, photo and archive exhibitions, and a shared library of "
                    "communication products.</p>",
                    "<p>ព័ត៌មាន និងអត្ថបទ ទំព័រអំពីអនុសញ្ញាអន្តរជាតិស្នូលទាំងប្រាំពីរស្ដីពីសិទ្ធិមនុស្ស"
                    "ដែលវៀតណាមជាភាគី ការតាំងពិពណ៌រូបថត និងឯកសារ និងបណ្ណាល័យរួមនៃផលិតផលផ្សព្វផ្សាយ។</p>",
                ),
            ),
            (
                "fact_box",
                {
                    "title": t("Ba ngôn ngữ", "Three languages", "បីភាសា"),
                    "body": t(
                        "<p>Mọi nội dung được đăng bằng tiếng Việt và được dịch sang tiếng Anh "
                        "và tiếng Khmer.</p>",
                        "<p>Everything is published in Vietnamese and translated into English and Khmer.</p>",
                        "<p>ខ្លឹមសារទាំងអស់ត្រូវបានផ្សព្វផ្សាយជាភាសាវៀតណាម ហើយបកប្រែជាភាសាអង់គ្លេស និងខ្មែរ។</p>",
                    ),
                },
            ),
            (
                "figure",
                {
                    "alt": t(
                        "Áp phích minh họa với các hình tròn đồng tâm màu đỏ và vàng",
                        "Illustrated poster with concentric red and gold circles",
                        "ផ្ទាំងរូបភាពដែលមានរង្វង់ពណ៌ក្រហម និងមាសច្រើនជាន់",
                    ),
                    "caption": t(
                        "Áp phích minh họa của cổng thông tin.",
                        "The portal's illustrative poster.",
                        "ផ្ទាំងរូបភាពរបស់វិបផតថល។",
                    ),
                },
            ),
        ],
    },
    {
        "slug": t("lien-he", "contact", "contact"),
        "title": t("Liên hệ", "Contact", "ទំនាក់ទំនង"),
        "intro": t(
            "Gửi tin bài, đề nghị hợp tác hoặc góp ý cho ban biên tập.",
            "Send news, partnership proposals or feedback to the editorial board.",
            "ផ្ញើព័ត៌មាន សំណើភាពជាដៃគូ ឬមតិយោបល់ទៅក្រុមនិពន្ធ។",
        ),
        "body": [
            (
                "paragraph",
                t(
                    "<p>Ban biên tập làm việc từ thứ Hai đến thứ Sáu, 7 giờ 30 đến 17 giờ.</p>",
                    "<p>The editorial board works Monday to Friday, 7:30 to 17:00.</p>",
                    "<p>ក្រុមនិពន្ធធ្វើការពីថ្ងៃច័ន្ទ ដល់ថ្ងៃសុក្រ ម៉ោង ៧:៣០ ដល់ ១៧:០០។</p>",
                ),
            ),
        ],
    },
]


def poster_image(title, alt_text, *, seed=0, size=(1200, 800)):
    """A generated poster (concentric circles on a gradient), stored once per title."""
    existing = CustomImage.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = size
    canvas = PILImage.new("RGB", size, (155, 28, 28))
    draw = ImageDraw.Draw(canvas)
    for y in range(height):
        shade = int(40 * y / height)
        draw.line([(0, y), (width, y)], fill=(155 - shade, 28 + seed % 40, 28 + shade))
    cx, cy = width * (0.35 + 0.1 * math.sin(seed)), height / 2
    for ring in range(9, 0, -1):
        radius = ring * min(width, height) / 20
        colour = (245, 200 - ring * 8, 60) if ring % 2 else (255, 250, 240)
        draw.ellipse([cx - radius, cy - radius, cx + radius, cy + radius], outline=colour, width=10)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=82)
    image = CustomImage(title=title, alt_text=alt_text, credit="Nhân quyền CMS")
    image.file.save(f"demo-{seed}.jpg", ImageFile(buffer, name=f"demo-{seed}.jpg"), save=False)
    image.save()
    return image


def _body(blocks, language, image):
    stream = []
    for kind, value in blocks:
        if kind in {"heading"}:
            stream.append(("heading", {"text": value[language], "level": "h2"}))
        elif kind == "paragraph":
            stream.append(("paragraph", value[language]))
        elif kind == "quote":
            stream.append(
                ("quote", {"quote": value["quote"][language], "attribution": value["attribution"][language]})
            )
        elif kind == "fact_box":
            stream.append(("fact_box", {"title": value["title"][language], "body": value["body"][language]}))
        elif kind == "figure":
            stream.append(
                (
                    "image",
                    {
                        "image": {"image": image, "alt_text": value["alt"][language], "decorative": False},
                        "caption": value["caption"][language],
                    },
                )
            )
    return stream


def _remember(memory, spec):
    for key in ("slug", "title", "intro"):
        memory.add(spec[key]["vi"], {lang: spec[key][lang] for lang in TARGET_LANGUAGES})
    for _kind, value in spec["body"]:
        units = [value] if "vi" in value else list(value.values())
        for unit in units:
            memory.add(unit["vi"], {lang: unit[lang] for lang in TARGET_LANGUAGES})


def ensure_structure():
    """Locales, the root collection and the root page: what migrations create, rebuilt if flushed."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("vi", "en", "km")}
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(instance=Page(title="Root", slug="root", locale=locales["vi"]))
    return locales


def _save(page, parent=None):
    if page.pk is None:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_home(locales, image):
    """The vi HomePage as the default site's root (replacing Wagtail's welcome page)."""
    vi = locales["vi"]
    home = HomePage.objects.filter(locale=vi, depth=2).first()
    root = Page.get_first_root_node()
    if home is None:
        home = HomePage(locale=vi, slug=HOME["slug"]["vi"], title=HOME["title"]["vi"])
        root.add_child(instance=home)
    home.title, home.intro = HOME["title"]["vi"], HOME["intro"]["vi"]
    home.hero_image = image
    home.body = _body(HOME["body"], "vi", image)
    _save(home)
    site = Site.objects.filter(is_default_site=True).first() or Site(hostname="localhost", port=80)
    if site.root_page_id != home.pk:
        old_root = site.root_page if site.pk else None
        site.root_page, site.is_default_site, site.site_name = home, True, "Nhân quyền"
        site.save()
        if old_root and old_root.pk != home.pk and not isinstance(old_root.specific, HomePage):
            old_root.delete()
    return home


def seed(stdout):
    locales = ensure_structure()
    image = poster_image("Áp phích cổng thông tin", "Áp phích minh họa với các hình tròn đồng tâm", seed=1)
    home = ensure_home(locales, image)
    memory = TranslationMemory()
    _remember(memory, HOME)
    pages = [home]
    for spec in PAGES:
        _remember(memory, spec)
        page = StandardPage.objects.filter(locale=locales["vi"], slug=spec["slug"]["vi"]).first()
        page = page or StandardPage(locale=locales["vi"], slug=spec["slug"]["vi"])
        page.title, page.intro = spec["title"]["vi"], spec["intro"]["vi"]
        page.body, page.show_in_menus = _body(spec["body"], "vi", image), True
        pages.append(_save(page, parent=home))
    missing = []
    for page in pages:
        for code in TARGET_LANGUAGES:
            _target, gaps = translate(page, locales[code], memory)
            missing.extend(gaps)
    stdout.write(f"site core: {len(pages)} pages in vi, translated into {', '.join(TARGET_LANGUAGES)}")
    return missing
