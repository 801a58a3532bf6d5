"""Demo library: the library page in vi/en/km and products of many kinds, languages and provinces."""

import io
from datetime import date

from wagtail.models import Locale

from home.demo import listed_per_language, t
from home.models import Channel, Convention, HomePage, Organisation, PageProvince, ProductType, Province
from news.demo import ORGANISATIONS
from search.folding import slugify_folded
from translations.localize import TranslationMemory, translate

from .languages import ensure_languages
from .models import Language, LibraryPage, ProductPage

LIBRARY = {
    "slug": t("library", "library", "library"),
    "title": t("Thư viện sản phẩm truyền thông", "Library of communication products", "បណ្ណាល័យផលិតផលផ្សព្វផ្សាយ"),
    "intro": t(
        "Kho dùng chung các sản phẩm truyền thông về quyền con người của các tỉnh: bài viết, phóng sự, "
        "kịch truyền thanh, video, tờ rơi, áp phích, sách. Tìm, lọc, tải về và dùng lại theo giấy phép.",
        "The provinces' shared store of human rights communication products: articles, reports, radio "
        "dramas, videos, leaflets, posters and books. Search, filter, download and reuse under their licence.",
        "ឃ្លាំងរួមនៃផលិតផលផ្សព្វផ្សាយអំពីសិទ្ធិមនុស្សរបស់ខេត្តនានា៖ អត្ថបទ របាយការណ៍ ល្ខោនវិទ្យុ វីដេអូ "
        "ខិត្តប័ណ្ណ ផ្ទាំងរូបភាព និងសៀវភៅ។ ស្វែងរក ត្រង ទាញយក និងប្រើឡើងវិញតាមអាជ្ញាប័ណ្ណ។",
    ),
}

PRODUCTS = [
    {
        "title": t(
            "Kịch truyền thanh: Quyền được đến trường",
            "Radio drama: The right to go to school",
            "ល្ខោនវិទ្យុ៖ សិទ្ធិទៅសាលារៀន",
        ),
        "description": t(
            "<p>Vở kịch 15 phút kể về một em bé người Khmer được trở lại trường học.</p>",
            "<p>A 15-minute drama about a Khmer girl who goes back to school.</p>",
            "<p>ល្ខោនរយៈពេល ១៥ នាទី អំពីក្មេងស្រីខ្មែរម្នាក់ដែលបានត្រឡប់ទៅសាលារៀនវិញ។</p>",
        ),
        "type": "radio-drama",
        "channels": ["radio", "loudspeaker"],
        "languages": ["vie", "khm"],
        "conventions": ["CRC"],
        "provinces": ["current-an-giang"],
        "producer": "dai-phat-thanh-truyen-hinh-an-giang",
        "published_on": date(2026, 6, 1),
        "duration_minutes": 15,
        "translate": ["en", "km"],
    },
    {
        "title": t(
            "Tờ rơi: Phòng, chống mua bán người",
            "Leaflet: Preventing human trafficking",
            "ខិត្តប័ណ្ណ៖ ការបង្ការការជួញដូរមនុស្ស",
        ),
        "description": t(
            "<p>Tờ gấp song ngữ Việt - Khmer phát tại các xã biên giới.</p>",
            "<p>A Vietnamese-Khmer folded leaflet handed out in border communes.</p>",
            "<p>ខិត្តប័ណ្ណពីរភាសា វៀតណាម-ខ្មែរ ចែកនៅឃុំតាមព្រំដែន។</p>",
        ),
        "type": "leaflet",
        "channels": ["exhibition"],
        "languages": ["vie", "khm"],
        "conventions": ["ICCPR", "CRC"],
        "provinces": ["former-89"],
        "producer": "bao-an-giang",
        "published_on": date(2025, 3, 10),
        "page_count": 2,
        "translate": ["en", "km"],
    },
    {
        "title": t(
            "Video: Người khuyết tật và quyền tiếp cận",
            "Video: Disability and accessibility",
            "វីដេអូ៖ ជនពិការ និងលទ្ធភាពចូលដំណើរការ",
        ),
        "description": t(
            "<p>Phóng sự ngắn về lối đi cho xe lăn ở các trụ sở xã.</p>",
            "<p>A short report on wheelchair access to commune offices.</p>",
            "<p>របាយការណ៍ខ្លីអំពីផ្លូវសម្រាប់រទេះរុញនៅការិយាល័យឃុំ។</p>",
        ),
        "type": "video",
        "channels": ["tv", "social"],
        "languages": ["vie"],
        "conventions": ["CRPD"],
        "provinces": ["former-91"],
        "producer": "dai-phat-thanh-truyen-hinh-an-giang",
        "published_on": date(2024, 12, 3),
        "duration_minutes": 6,
        "translate": ["en"],
    },
    {
        "title": t(
            "Áp phích Ngày Nhân quyền thế giới", "Human Rights Day poster", "ផ្ទាំងរូបភាពទិវាសិទ្ធិមនុស្សអន្តរជាតិ"
        ),
        "description": t(
            "<p>Áp phích khổ A2 bằng tiếng Việt, tiếng Anh và tiếng Khmer.</p>",
            "<p>An A2 poster in Vietnamese, English and Khmer.</p>",
            "<p>ផ្ទាំងរូបភាពទំហំ A2 ជាភាសាវៀតណាម អង់គ្លេស និងខ្មែរ។</p>",
        ),
        "type": "poster",
        "channels": ["e-board", "portal"],
        "languages": ["vie", "eng", "khm"],
        "conventions": ["ICCPR", "ICESCR"],
        "provinces": ["current-an-giang"],
        "producer": "bao-an-giang",
        "published_on": date(2025, 12, 1),
        "page_count": 1,
        "translate": ["en", "km"],
    },
    {
        "title": t(
            "Sách hỏi đáp về Công ước CEDAW", "Questions and answers on CEDAW", "សៀវភៅសំណួរ-ចម្លើយអំពីអនុសញ្ញា CEDAW"
        ),
        "description": t(
            "<p>Cuốn sách 60 trang giải thích Công ước bằng ngôn ngữ dễ hiểu.</p>",
            "<p>A 60-page book explaining the Convention in plain language.</p>",
            "<p>សៀវភៅ ៦០ ទំព័រ ពន្យល់អនុសញ្ញាដោយភាសាងាយយល់។</p>",
        ),
        "type": "book",
        "channels": ["print"],
        "languages": ["vie"],
        "conventions": ["CEDAW"],
        "provinces": ["former-24"],
        "producer": "bao-an-giang",
        "published_on": date(2023, 3, 8),
        "page_count": 60,
        "translate": [],
    },
    {
        "title": t(
            "Tiểu phẩm tiếng Mông: Không tảo hôn",
            "Hmong-language skit: No to child marriage",
            "ល្ខោនខ្លីភាសាម៉ុង៖ ទេ ចំពោះអាពាហ៍ពិពាហ៍កុមារ",
        ),
        "description": t(
            "<p>Tiểu phẩm do đội văn nghệ xã biểu diễn bằng tiếng Mông.</p>",
            "<p>A skit performed in Hmong by a commune arts troupe.</p>",
            "<p>ល្ខោនខ្លីសម្ដែងជាភាសាម៉ុងដោយក្រុមសិល្បៈឃុំ។</p>",
        ),
        "type": "skit",
        "channels": ["loudspeaker", "social"],
        "languages": ["hmn"],
        "conventions": ["CRC", "CEDAW"],
        "provinces": ["former-02"],
        "producer": None,
        "published_on": date(2024, 5, 20),
        "duration_minutes": 12,
        "translate": ["en"],
    },
]


def leaflet_pdf(title):
    """A two-page demo PDF (generated, not downloaded), stored once per title."""
    from PIL import Image, ImageDraw

    from django.core.files.base import ContentFile

    from home.models import CustomDocument

    existing = CustomDocument.objects.filter(title=title).first()
    if existing:
        return existing
    pages = []
    for number, colour in enumerate([(155, 28, 28), (11, 79, 156)], start=1):
        page = Image.new("RGB", (595, 842), (255, 250, 240))
        draw = ImageDraw.Draw(page)
        draw.rectangle([40, 40, 555, 300], fill=colour)
        for line in range(8):
            draw.rectangle([40, 340 + line * 50, 555 - (line % 3) * 90, 360 + line * 50], fill=(60, 60, 60))
        draw.text((60, 60), f"{number}/2", fill=(255, 255, 255))
        pages.append(page)
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:])
    document = CustomDocument(title=title)
    document.file.save("to-roi-demo.pdf", ContentFile(buffer.getvalue()), save=False)
    document.save()
    return document


def seed(stdout):
    from django.apps import apps

    ensure_languages(apps.get_model("library", "Language"))
    vi = Locale.objects.get(language_code="vi")
    locales = {code: Locale.objects.get(language_code=code) for code in ("en", "km")}
    memory = TranslationMemory()
    home = HomePage.objects.get(locale=vi, depth=2)
    library = LibraryPage.objects.child_of(home).filter(locale=vi).first() or LibraryPage(
        locale=vi, slug="library"
    )
    library.title, library.intro, library.show_in_menus = LIBRARY["title"]["vi"], LIBRARY["intro"]["vi"], True
    if library.pk is None:
        home.add_child(instance=library)
    library.save_revision().publish()
    for key in ("slug", "title", "intro"):
        memory.add(LIBRARY[key]["vi"], {code: LIBRARY[key][code] for code in locales})
    for organisation in ORGANISATIONS:
        memory.add(organisation["name"]["vi"], {code: organisation["name"][code] for code in locales})
    missing = []
    for locale in locales.values():
        missing.extend(translate(library, locale, memory)[1])

    for spec in PRODUCTS:
        product = ProductPage.objects.child_of(library).filter(locale=vi, title=spec["title"]["vi"]).first()
        product = product or ProductPage(locale=vi, title=spec["title"]["vi"])
        product.slug = product.slug or slugify_folded(spec["title"]["vi"])
        product.description = spec["description"]["vi"]
        product.product_type = ProductType.objects.get(locale=vi, code=spec["type"])
        product.producer = Organisation.objects.filter(locale=vi, slug=spec["producer"]).first()
        product.published_on = product.produced_on = spec["published_on"]
        product.duration_minutes = spec.get("duration_minutes")
        product.page_count = spec.get("page_count")
        product.attribution = product.producer.name if product.producer else ""
        product.state_funded = True
        product.funding_programme = "Đề án 1079"
        if spec["type"] == "leaflet":
            product.attachments = [("document", leaflet_pdf("Tờ rơi phòng, chống mua bán người (PDF)"))]
        product.channels.set(Channel.objects.filter(locale=vi, code__in=spec["channels"]))
        product.languages.set(Language.objects.filter(code__in=spec["languages"]))
        product.conventions.set(Convention.objects.filter(locale=vi, code__in=spec["conventions"]))
        if product.pk is None:
            library.add_child(instance=product)
        PageProvince.objects.filter(page=product).delete()
        for reference in spec["provinces"]:
            PageProvince.objects.create(
                page=product, province=Province.objects.get(locale=vi, reference=reference)
            )
        product.save_revision().publish()
        for key in ("title", "description"):
            memory.add(spec[key]["vi"], {code: spec[key][code] for code in spec["translate"]})
        memory.add(product.slug, {code: slugify_folded(spec["title"]["en"]) for code in spec["translate"]})
        for code in spec["translate"]:
            missing.extend(translate(product, locales[code], memory)[1])
    # Not every product is translated (the demo shows the "not yet translated" states): the summary
    # says what each language's library lists.
    stdout.write(f"library: {listed_per_language(library, 'products', 'products')}")
    return missing
