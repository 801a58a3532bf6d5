"""Demo content for the convention pages and the province index, in vi with en and km.

The convention facts themselves (names, dates, treaty bodies) come from the reference data; this
module adds editor-style text: a summary, the rights each convention protects and, where it is on
public record, a recent review by the treaty body.
"""

from datetime import date

from wagtail.models import Locale

from translations.localize import TranslationMemory, translate

from .demo import TARGET_LANGUAGES, t
from .models import Convention, ConventionIndexPage, ConventionPage, HomePage, ProvinceIndexPage
from .reference_data import load

INDEX = {
    "slug": t("cong-uoc", "conventions", "conventions"),
    "title": t("Bảy công ước cơ bản", "The seven core conventions", "អនុសញ្ញាស្នូលទាំងប្រាំពីរ"),
    "intro": t(
        "Việt Nam là thành viên của bảy công ước quốc tế cơ bản về quyền con người. Mỗi trang giải thích "
        "công ước bảo vệ những quyền gì và quá trình Việt Nam thực hiện.",
        "Viet Nam is party to seven core international human rights treaties. Each page explains what "
        "the convention protects and how Viet Nam implements it.",
        "វៀតណាមជាភាគីនៃសន្ធិសញ្ញាអន្តរជាតិស្នូលចំនួនប្រាំពីរស្ដីពីសិទ្ធិមនុស្ស។ ទំព័រនីមួយៗពន្យល់ពី"
        "សិទ្ធិដែលអនុសញ្ញាការពារ និងរបៀបដែលវៀតណាមអនុវត្ត។",
    ),
}

PROVINCES = {
    "slug": t("tinh-thanh", "provinces", "provinces"),
    "title": t("Tỉnh, thành phố", "Provinces and cities", "ខេត្ត និងក្រុង"),
    "intro": t(
        "34 đơn vị hành chính cấp tỉnh từ ngày 1/7/2025 và 63 đơn vị trước đó. Nội dung gắn với tỉnh cũ "
        "được hiển thị cùng tỉnh mới sau sáp nhập.",
        "The 34 provincial-level units since 1 July 2025 and the 63 before. Content tagged with a former "
        "province is shown with the province it merged into.",
        "អង្គភាពរដ្ឋបាលថ្នាក់ខេត្តចំនួន ៣៤ ចាប់ពីថ្ងៃទី១ ខែកក្កដា ឆ្នាំ២០២៥ និង ៦៣ ពីមុន។ ខ្លឹមសារដែល"
        "ភ្ជាប់ជាមួយខេត្តចាស់ត្រូវបានបង្ហាញជាមួយខេត្តដែលវាបានរួមបញ្ចូល។",
    ),
}

CONVENTIONS = {
    "ICCPR": {
        "title": t("Quyền dân sự và chính trị", "Civil and political rights", "សិទ្ធិពលរដ្ឋ និងសិទ្ធិនយោបាយ"),
        "slug": t("iccpr", "iccpr", "iccpr"),
        "summary": t(
            "<p>Công ước bảo vệ quyền sống, tự do và an ninh cá nhân, quyền được xét xử công bằng, tự do "
            "tư tưởng, tín ngưỡng, biểu đạt và lập hội, và quyền tham gia quản lý nhà nước.</p>",
            "<p>The Covenant protects the rights to life, liberty and security of person, a fair trial, "
            "freedom of thought, belief, expression and association, and to take part in public affairs.</p>",
            "<p>កតិកាសញ្ញានេះការពារសិទ្ធិរស់រានមានជីវិត សេរីភាព និងសន្តិសុខផ្ទាល់ខ្លួន សិទ្ធិទទួលបានការ"
            "កាត់ក្ដីដោយយុត្តិធម៌ សេរីភាពគំនិត ជំនឿ ការបញ្ចេញមតិ និងការបង្កើតសមាគម និងសិទ្ធិចូលរួម"
            "ក្នុងកិច្ចការសាធារណៈ។</p>",
        ),
        "rights": [
            (
                t("Quyền được sống và tự do", "Life and liberty", "សិទ្ធិរស់រានមានជីវិត និងសេរីភាព"),
                t("Điều 6–11", "Articles 6–11", "មាត្រា ៦–១១"),
                t(
                    "<p>Không ai bị tước đoạt tính mạng một cách tùy tiện; không ai bị bắt giữ tùy tiện.</p>",
                    "<p>No one shall be arbitrarily deprived of life; no one shall be arbitrarily arrested.</p>",
                    "<p>គ្មាននរណាម្នាក់ត្រូវបានដកហូតជីវិតដោយបំពាន និងគ្មាននរណាម្នាក់ត្រូវចាប់ខ្លួនដោយបំពានឡើយ។</p>",
                ),
            ),
            (
                t("Xét xử công bằng", "Fair trial", "ការកាត់ក្ដីដោយយុត្តិធម៌"),
                t("Điều 14–15", "Articles 14–15", "មាត្រា ១៤–១៥"),
                t(
                    "<p>Mọi người đều bình đẳng trước tòa án và được xét xử công khai, công bằng.</p>",
                    "<p>All persons are equal before the courts and entitled to a fair and public hearing.</p>",
                    "<p>មនុស្សគ្រប់រូបស្មើគ្នានៅចំពោះមុខតុលាការ និងមានសិទ្ធិទទួលការកាត់ក្ដីដោយយុត្តិធម៌ និងជាសាធារណៈ។</p>",
                ),
            ),
        ],
        "review": (
            t("Báo cáo định kỳ lần thứ ba", "Third periodic report", "របាយការណ៍តាមកាលកំណត់លើកទីបី"),
            date(2019, 3, 12),
        ),
    },
    "ICESCR": {
        "title": t(
            "Quyền kinh tế, xã hội và văn hóa",
            "Economic, social and cultural rights",
            "សិទ្ធិសេដ្ឋកិច្ច សង្គមកិច្ច និងវប្បធម៌",
        ),
        "slug": t("icescr", "icescr", "icescr"),
        "summary": t(
            "<p>Công ước bảo vệ quyền làm việc, an sinh xã hội, mức sống thích đáng, sức khỏe, giáo dục "
            "và tham gia đời sống văn hóa.</p>",
            "<p>The Covenant protects the rights to work, social security, an adequate standard of living, "
            "health, education and to take part in cultural life.</p>",
            "<p>កតិកាសញ្ញានេះការពារសិទ្ធិការងារ សន្តិសុខសង្គម កម្រិតជីវភាពសមរម្យ សុខភាព ការអប់រំ និងការចូលរួមក្នុងជីវិតវប្បធម៌។</p>",
        ),
        "rights": [
            (
                t("Làm việc và an sinh", "Work and social security", "ការងារ និងសន្តិសុខសង្គម"),
                t("Điều 6–9", "Articles 6–9", "មាត្រា ៦–៩"),
                t(
                    "<p>Mọi người có quyền làm việc trong điều kiện công bằng, thuận lợi và được hưởng an sinh xã hội.</p>",
                    "<p>Everyone has the right to work in just and favourable conditions and to social security.</p>",
                    "<p>មនុស្សគ្រប់រូបមានសិទ្ធិធ្វើការក្នុងលក្ខខណ្ឌយុត្តិធម៌ និងអំណោយផល និងទទួលបានសន្តិសុខសង្គម។</p>",
                ),
            ),
            (
                t("Sức khỏe và giáo dục", "Health and education", "សុខភាព និងការអប់រំ"),
                t("Điều 12–14", "Articles 12–14", "មាត្រា ១២–១៤"),
                t(
                    "<p>Mọi người có quyền được hưởng tiêu chuẩn sức khỏe cao nhất có thể đạt được và quyền học tập.</p>",
                    "<p>Everyone has the right to the highest attainable standard of health and to education.</p>",
                    "<p>មនុស្សគ្រប់រូបមានសិទ្ធិទទួលបានស្តង់ដារសុខភាពខ្ពស់បំផុតតាមលទ្ធភាព និងសិទ្ធិទទួលការអប់រំ។</p>",
                ),
            ),
        ],
    },
    "CEDAW": {
        "title": t("Quyền của phụ nữ", "Women's rights", "សិទ្ធិស្ត្រី"),
        "slug": t("cedaw", "cedaw", "cedaw"),
        "summary": t(
            "<p>Công ước yêu cầu các quốc gia xóa bỏ phân biệt đối xử với phụ nữ trong chính trị, giáo dục, "
            "việc làm, y tế, hôn nhân và gia đình.</p>",
            "<p>The Convention requires states to end discrimination against women in political life, "
            "education, employment, health, marriage and the family.</p>",
            "<p>អនុសញ្ញានេះតម្រូវឱ្យរដ្ឋនានាលុបបំបាត់ការរើសអើងប្រឆាំងនឹងស្ត្រីក្នុងជីវិតនយោបាយ ការអប់រំ "
            "ការងារ សុខភាព អាពាហ៍ពិពាហ៍ និងគ្រួសារ។</p>",
        ),
        "rights": [
            (
                t("Bình đẳng trong đời sống công", "Equality in public life", "សមភាពក្នុងជីវិតសាធារណៈ"),
                t("Điều 7–9", "Articles 7–9", "មាត្រា ៧–៩"),
                t(
                    "<p>Phụ nữ có quyền bầu cử, ứng cử và tham gia hoạch định chính sách như nam giới.</p>",
                    "<p>Women have the same rights as men to vote, stand for election and shape policy.</p>",
                    "<p>ស្ត្រីមានសិទ្ធិដូចបុរសក្នុងការបោះឆ្នោត ឈរឈ្មោះបោះឆ្នោត និងចូលរួមរៀបចំគោលនយោបាយ។</p>",
                ),
            ),
        ],
    },
    "ICERD": {
        "title": t("Xóa bỏ phân biệt chủng tộc", "Ending racial discrimination", "ការលុបបំបាត់ការរើសអើងជាតិសាសន៍"),
        "slug": t("icerd", "icerd", "icerd"),
        "summary": t(
            "<p>Công ước cấm mọi sự phân biệt, loại trừ hay hạn chế dựa trên chủng tộc, màu da, dòng dõi "
            "hoặc nguồn gốc dân tộc.</p>",
            "<p>The Convention prohibits any distinction, exclusion or restriction based on race, colour, "
            "descent or national or ethnic origin.</p>",
            "<p>អនុសញ្ញានេះហាមឃាត់ការបែងចែក ការដកចេញ ឬការរឹតត្បិតណាមួយដោយផ្អែកលើពូជសាសន៍ ពណ៌សម្បុរ "
            "ពង្សាវតារ ឬដើមកំណើតជាតិ ឬជនជាតិ។</p>",
        ),
        "rights": [
            (
                t("Bình đẳng trước pháp luật", "Equality before the law", "សមភាពនៅចំពោះមុខច្បាប់"),
                t("Điều 5", "Article 5", "មាត្រា ៥"),
                t(
                    "<p>Mọi người, không phân biệt dân tộc, được bình đẳng trước pháp luật.</p>",
                    "<p>Everyone, without distinction as to ethnic origin, is equal before the law.</p>",
                    "<p>មនុស្សគ្រប់រូប ដោយគ្មានការប្រកាន់ពូជសាសន៍ ស្មើគ្នានៅចំពោះមុខច្បាប់។</p>",
                ),
            ),
        ],
    },
    "CRC": {
        "title": t("Quyền trẻ em", "Children's rights", "សិទ្ធិកុមារ"),
        "slug": t("crc", "crc", "crc"),
        "summary": t(
            "<p>Công ước bảo vệ quyền của mọi trẻ em được sống, phát triển, được bảo vệ và được tham gia; "
            "lợi ích tốt nhất của trẻ em là điều cần quan tâm hàng đầu.</p>",
            "<p>The Convention protects every child's rights to survival, development, protection and "
            "participation; the best interests of the child are a primary consideration.</p>",
            "<p>អនុសញ្ញានេះការពារសិទ្ធិរបស់កុមារគ្រប់រូបក្នុងការរស់រានមានជីវិត ការអភិវឌ្ឍ ការការពារ "
            "និងការចូលរួម ហើយផលប្រយោជន៍ល្អបំផុតរបស់កុមារគឺជាការពិចារណាចម្បង។</p>",
        ),
        "rights": [
            (
                t("Được bảo vệ", "Protection", "ការការពារ"),
                t("Điều 19, 32–36", "Articles 19, 32–36", "មាត្រា ១៩, ៣២–៣៦"),
                t(
                    "<p>Trẻ em được bảo vệ khỏi mọi hình thức bạo lực, bóc lột và xâm hại.</p>",
                    "<p>Children are protected from all forms of violence, exploitation and abuse.</p>",
                    "<p>កុមារត្រូវបានការពារពីអំពើហិង្សា ការកេងប្រវ័ញ្ច និងការរំលោភបំពានគ្រប់ទម្រង់។</p>",
                ),
            ),
            (
                t("Được tham gia", "Participation", "ការចូលរួម"),
                t("Điều 12–13", "Articles 12–13", "មាត្រា ១២–១៣"),
                t(
                    "<p>Trẻ em có quyền bày tỏ ý kiến về mọi vấn đề liên quan đến mình.</p>",
                    "<p>Children have the right to express their views on all matters affecting them.</p>",
                    "<p>កុមារមានសិទ្ធិបញ្ចេញមតិលើគ្រប់បញ្ហាដែលពាក់ព័ន្ធនឹងខ្លួន។</p>",
                ),
            ),
        ],
        "review": (
            t(
                "Báo cáo định kỳ lần thứ năm và sáu",
                "Fifth and sixth periodic reports",
                "របាយការណ៍តាមកាលកំណត់លើកទីប្រាំ និងទីប្រាំមួយ",
            ),
            date(2022, 5, 18),
        ),
    },
    "CRPD": {
        "title": t("Quyền của người khuyết tật", "Rights of persons with disabilities", "សិទ្ធិជនពិការ"),
        "slug": t("crpd", "crpd", "crpd"),
        "summary": t(
            "<p>Công ước bảo đảm người khuyết tật được hưởng đầy đủ và bình đẳng mọi quyền con người, "
            "bao gồm quyền tiếp cận, sống độc lập và hòa nhập cộng đồng.</p>",
            "<p>The Convention ensures persons with disabilities enjoy all human rights fully and equally, "
            "including accessibility, independent living and inclusion in the community.</p>",
            "<p>អនុសញ្ញានេះធានាថាជនពិការទទួលបានសិទ្ធិមនុស្សទាំងអស់ពេញលេញ និងស្មើភាព រួមទាំង"
            "លទ្ធភាពចូលដំណើរការ ការរស់នៅដោយឯករាជ្យ និងការដាក់បញ្ចូលក្នុងសហគមន៍។</p>",
        ),
        "rights": [
            (
                t("Tiếp cận", "Accessibility", "លទ្ធភាពចូលដំណើរការ"),
                t("Điều 9", "Article 9", "មាត្រា ៩"),
                t(
                    "<p>Người khuyết tật được tiếp cận môi trường vật chất, giao thông, thông tin và truyền thông.</p>",
                    "<p>Persons with disabilities have access to buildings, transport, information and communication.</p>",
                    "<p>ជនពិការមានលទ្ធភាពចូលដំណើរការអគារ ការដឹកជញ្ជូន ព័ត៌មាន និងការទំនាក់ទំនង។</p>",
                ),
            ),
        ],
    },
    "CAT": {
        "title": t("Chống tra tấn", "Against torture", "ការប្រឆាំងទារុណកម្ម"),
        "slug": t("cat", "cat", "cat"),
        "summary": t(
            "<p>Công ước cấm tuyệt đối tra tấn trong mọi hoàn cảnh và yêu cầu phòng ngừa, điều tra, xử lý "
            "và bồi thường cho nạn nhân.</p>",
            "<p>The Convention prohibits torture absolutely, in all circumstances, and requires prevention, "
            "investigation, prosecution and redress for victims.</p>",
            "<p>អនុសញ្ញានេះហាមឃាត់ទារុណកម្មដាច់ខាតក្នុងគ្រប់កាលៈទេសៈ ហើយតម្រូវឱ្យមានការបង្ការ "
            "ការស៊ើបអង្កេត ការផ្ដន្ទាទោស និងការផ្ដល់សំណងដល់ជនរងគ្រោះ។</p>",
        ),
        "rights": [
            (
                t("Cấm tuyệt đối", "Absolute prohibition", "ការហាមឃាត់ដាច់ខាត"),
                t("Điều 2", "Article 2", "មាត្រា ២"),
                t(
                    "<p>Không có hoàn cảnh đặc biệt nào được viện dẫn để biện minh cho tra tấn.</p>",
                    "<p>No exceptional circumstances whatsoever may be invoked as a justification of torture.</p>",
                    "<p>គ្មានកាលៈទេសៈពិសេសណាមួយអាចយកមកធ្វើជាហេតុផលសម្រាប់ទារុណកម្មបានឡើយ។</p>",
                ),
            ),
        ],
        "review": (t("Báo cáo quốc gia lần đầu", "Initial report", "របាយការណ៍ដំបូង"), date(2018, 11, 15)),
    },
}


def _remember(memory, spec):
    for key in ("slug", "title", "intro", "summary"):
        if key in spec:
            memory.add(spec[key]["vi"], {lang: spec[key][lang] for lang in TARGET_LANGUAGES})
    for section in spec.get("rights", []):
        for unit in section:
            memory.add(unit["vi"], {lang: unit[lang] for lang in TARGET_LANGUAGES})
    if "review" in spec:
        unit = spec["review"][0]
        memory.add(unit["vi"], {lang: unit[lang] for lang in TARGET_LANGUAGES})


def _child(parent, model, slug, vi):
    page = model.objects.child_of(parent).filter(locale=vi).first()
    return page or model(locale=vi, slug=slug)


def _publish(page, parent):
    if page.pk is None:
        parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed(stdout):
    report = load()
    stdout.write(f"reference data: {report}")
    vi = Locale.objects.get(language_code="vi")
    home = HomePage.objects.get(locale=vi, depth=2)
    memory = TranslationMemory()
    pages = []

    index = _child(home, ConventionIndexPage, INDEX["slug"]["vi"], vi)
    index.title, index.intro, index.show_in_menus = INDEX["title"]["vi"], INDEX["intro"]["vi"], True
    pages.append(_publish(index, home))
    _remember(memory, INDEX)

    for code, spec in CONVENTIONS.items():
        convention = Convention.objects.get(locale=vi, code=code)
        page = ConventionPage.objects.child_of(index).filter(locale=vi, convention=convention).first()
        page = page or ConventionPage(locale=vi, slug=spec["slug"]["vi"], convention=convention)
        page.title, page.summary = spec["title"]["vi"], spec["summary"]["vi"]
        page.rights = [
            ("section", {"title": title["vi"], "articles": articles["vi"], "body": body["vi"]})
            for title, articles, body in spec["rights"]
        ]
        if "review" in spec:
            label, reviewed = spec["review"]
            page.reporting = [
                (
                    "cycle",
                    {
                        "cycle": label["vi"],
                        "reviewed": reviewed,
                        "submitted": None,
                        "next_due": None,
                        "outcome_url": "",
                        "notes": "",
                    },
                )
            ]
        pages.append(_publish(page, index))
        _remember(memory, spec)

    directory = _child(home, ProvinceIndexPage, PROVINCES["slug"]["vi"], vi)
    directory.title, directory.intro, directory.show_in_menus = (
        PROVINCES["title"]["vi"],
        PROVINCES["intro"]["vi"],
        True,
    )
    pages.append(_publish(directory, home))
    _remember(memory, PROVINCES)

    missing = []
    for page in pages:
        for code in TARGET_LANGUAGES:
            _target, gaps = translate(page, Locale.objects.get(language_code=code), memory)
            missing.extend(gaps)
    stdout.write(f"conventions: {len(CONVENTIONS)} convention pages and the province index in vi, en, km")
    return missing
