"""Demo plan: An Giang's plan under Decision 1079/QĐ-TTg, its agencies and some activities.

The plan's wording is the Vietnamese text of An Giang's plan (Kế hoạch số 355/KH-UBND ngày
05/4/2024, period 2023–2028) as quoted in issue 23; the English and Khmer renderings are short
working translations. What the plan does not say is left for administrators to fill in: the size
of each audience group (without it a training target shows the number trained, with no share).
Idempotent: rows are found by their codes, names and titles and updated in place.
"""

from datetime import date, time

from wagtail.models import Locale

from home.demo import t
from home.models import Convention, HomePage, Organisation, Province
from translations.localize import TranslationMemory, translate

from .models import (
    Attendance,
    AudienceGroup,
    CalendarPage,
    Contribution,
    Event,
    Measure,
    Plan,
    PlanAgency,
    PressBriefing,
    QuizPage,
    ReviewPoint,
    Steward,
    Target,
    Training,
)

AUDIENCES = [
    (
        "can-bo-quyen-con-nguoi",
        t("Cán bộ làm công tác quyền con người", "Officials doing human-rights work", "មន្ត្រីធ្វើការងារសិទ្ធិមនុស្ស"),
    ),
    (
        "can-bo-chu-chot-to-chuc-chinh-tri-xa-hoi",
        t(
            "Cán bộ chủ chốt của các tổ chức chính trị - xã hội cấp tỉnh",
            "Key officials of provincial political-social organisations",
            "មន្ត្រីស្នូលនៃអង្គការនយោបាយ-សង្គមថ្នាក់ខេត្ត",
        ),
    ),
    (
        "phong-vien-bien-tap-vien",
        t("Phóng viên, biên tập viên", "Reporters and editors", "អ្នកយកព័ត៌មាន និងអ្នកកែសម្រួល"),
    ),
]

AGENCIES = [
    {
        "slug": "so-thong-tin-va-truyen-thong-an-giang",
        "name": t(
            "Sở Thông tin và Truyền thông tỉnh An Giang",
            "An Giang Department of Information and Communications",
            "មន្ទីរព័ត៌មាន និងទំនាក់ទំនងខេត្តអានយ៉ាង",
        ),
        "short_name": t("Sở TTTT", "DIC", "មន្ទីរព័ត៌មាន"),
        "duties": t(
            "Cơ quan thường trực, tham mưu Ủy ban nhân dân tỉnh triển khai Kế hoạch; chủ trì giao ban báo chí; "
            "tổng hợp, báo cáo kết quả thực hiện.",
            "Standing agency: advises the People's Committee, chairs the press briefings and assembles the reports.",
            "ភ្នាក់ងារអចិន្ត្រៃយ៍៖ ផ្ដល់យោបល់ដល់គណៈកម្មាធិការប្រជាជន ដឹកនាំកិច្ចប្រជុំសារព័ត៌មាន និងចងក្រងរបាយការណ៍។",
        ),
    },
    {
        "slug": "so-tu-phap-an-giang",
        "name": t("Sở Tư pháp tỉnh An Giang", "An Giang Department of Justice", "មន្ទីរយុត្តិធម៌ខេត្តអានយ៉ាង"),
        "short_name": t("Sở Tư pháp", "DOJ", "មន្ទីរយុត្តិធម៌"),
        "duties": t(
            "Phổ biến, giáo dục pháp luật về quyền con người; tập huấn cho cán bộ làm công tác quyền con người.",
            "Legal education on human rights; training for officials doing human-rights work.",
            "អប់រំច្បាប់ស្ដីពីសិទ្ធិមនុស្ស និងបណ្ដុះបណ្ដាលមន្ត្រីធ្វើការងារសិទ្ធិមនុស្ស។",
        ),
    },
    {
        "slug": "so-lao-dong-thuong-binh-va-xa-hoi-an-giang",
        "name": t(
            "Sở Lao động - Thương binh và Xã hội tỉnh An Giang",
            "An Giang Department of Labour, Invalids and Social Affairs",
            "មន្ទីរការងារ យុទ្ធជនពិការ និងសង្គមកិច្ចខេត្តអានយ៉ាង",
        ),
        "short_name": t("Sở LĐTBXH", "DOLISA", "មន្ទីរការងារ"),
        "duties": t(
            "Truyền thông về quyền của trẻ em, phụ nữ, người khuyết tật và quyền lao động.",
            "Communication on the rights of children, women, people with disabilities and labour rights.",
            "ផ្សព្វផ្សាយអំពីសិទ្ធិកុមារ ស្ត្រី ជនពិការ និងសិទ្ធិការងារ។",
        ),
    },
    {
        "slug": "so-ngoai-vu-an-giang",
        "name": t(
            "Sở Ngoại vụ tỉnh An Giang", "An Giang Department of Foreign Affairs", "មន្ទីរការបរទេសខេត្តអានយ៉ាង"
        ),
        "short_name": t("Sở Ngoại vụ", "DOFA", "មន្ទីរការបរទេស"),
        "duties": t(
            "Thông tin đối ngoại về quyền con người; theo dõi việc thực hiện khuyến nghị UPR.",
            "External information on human rights; follows up the UPR recommendations.",
            "ព័ត៌មានការបរទេសអំពីសិទ្ធិមនុស្ស និងតាមដានការអនុវត្តអនុសាសន៍ UPR។",
        ),
    },
]

PLAN = {
    "title": t(
        "Kế hoạch triển khai Đề án truyền thông về quyền con người ở Việt Nam trên địa bàn tỉnh An Giang "
        "giai đoạn 2023 - 2028",
        "Plan for the human rights communication programme in An Giang, 2023–2028",
        "ផែនការអនុវត្តគម្រោងផ្សព្វផ្សាយអំពីសិទ្ធិមនុស្សនៅខេត្តអានយ៉ាង ឆ្នាំ ២០២៣-២០២៨",
    ),
    "issuing_body": t(
        "Ủy ban nhân dân tỉnh An Giang",
        "An Giang Provincial People's Committee",
        "គណៈកម្មាធិការប្រជាជនខេត្តអានយ៉ាង",
    ),
    "summary": t(
        "Triển khai Quyết định số 1079/QĐ-TTg ngày 14/9/2022 của Thủ tướng Chính phủ. Các cơ quan báo cáo kết "
        "quả trước ngày 10/12 hằng năm; báo cáo sơ kết 03 năm, tổng kết 5 năm.",
        "Carries out the Prime Minister's Decision 1079/QĐ-TTg of 14/9/2022. Agencies report before 10 December "
        "each year; a 3-year interim and a 5-year final review.",
        "អនុវត្តសេចក្ដីសម្រេចលេខ ១០៧៩/QĐ-TTg ចុះថ្ងៃទី ១៤/៩/២០២២ របស់នាយករដ្ឋមន្ត្រី។ ភ្នាក់ងាររាយការណ៍មុនថ្ងៃទី ១០ ធ្នូ "
        "ជារៀងរាល់ឆ្នាំ ការពិនិត្យពាក់កណ្ដាលអាណត្តិ ៣ ឆ្នាំ និងការពិនិត្យចុងក្រោយ ៥ ឆ្នាំ។",
    ),
}

TARGETS = [
    {
        "code": "ngon-ngu-va-nen-tang-so",
        "measure": Measure.LANGUAGE_OR_DIGITAL,
        "threshold": 15,
        "threshold_max": 20,
        "wording": t(
            "Sản phẩm truyền thông bằng tiếng dân tộc, tiếng nước ngoài và sản phẩm truyền thông trên nền tảng "
            "số chiếm từ 15-20% tổng số sản phẩm truyền thông về quyền con người",
            "Products in ethnic-minority or foreign languages and products on digital platforms make up 15–20% "
            "of all human rights communication products",
            "ផលិតផលជាភាសាជនជាតិ ភាសាបរទេស និងផលិតផលលើវេទិកាឌីជីថល មានចំនួន ១៥-២០% នៃផលិតផលទាំងអស់",
        ),
        "short": t(
            "Tiếng dân tộc, tiếng nước ngoài, nền tảng số: 15-20%",
            "Minority or foreign languages, or digital: 15–20%",
            "ភាសាជនជាតិ ភាសាបរទេស ឬឌីជីថល៖ ១៥-២០%",
        ),
    },
    {
        "code": "tren-khong-gian-mang",
        "measure": Measure.ONLINE,
        "threshold": 100,
        "wording": t(
            "100% sản phẩm truyền thông của Đề án được số hóa, kết nối, sử dụng chung và phổ biến trên không "
            "gian mạng",
            "100% of the programme's products are digitised, shared and published online",
            "១០០% នៃផលិតផលរបស់គម្រោងត្រូវបានធ្វើឌីជីថល ចែករំលែក និងផ្សព្វផ្សាយលើអ៊ីនធឺណិត",
        ),
        "short": t("Trên không gian mạng: 100%", "Published online: 100%", "ផ្សព្វផ្សាយលើអ៊ីនធឺណិត៖ ១០០%"),
    },
    {
        "code": "tap-huan-can-bo-quyen-con-nguoi",
        "measure": Measure.TRAINED,
        "threshold": 100,
        "audience": "can-bo-quyen-con-nguoi",
        "wording": t(
            "100% cán bộ làm công tác quyền con người được cập nhật thông tin tình hình công tác quyền con người "
            "ở Việt Nam và của tỉnh, tập huấn kiến thức, kỹ năng truyền thông về quyền con người",
            "100% of officials doing human-rights work are briefed on human rights in Viet Nam and the province "
            "and trained in human rights communication",
            "១០០% នៃមន្ត្រីធ្វើការងារសិទ្ធិមនុស្សទទួលបានព័ត៌មាន និងការបណ្ដុះបណ្ដាលផ្នែកផ្សព្វផ្សាយសិទ្ធិមនុស្ស",
        ),
        "short": t(
            "Tập huấn cán bộ làm công tác quyền con người: 100%",
            "Officials doing human-rights work trained: 100%",
            "មន្ត្រីសិទ្ធិមនុស្សបានបណ្ដុះបណ្ដាល៖ ១០០%",
        ),
    },
    {
        "code": "tap-huan-can-bo-chu-chot",
        "measure": Measure.TRAINED,
        "threshold": 70,
        "audience": "can-bo-chu-chot-to-chuc-chinh-tri-xa-hoi",
        "wording": t(
            "70% cán bộ chủ chốt của các tổ chức chính trị - xã hội cấp tỉnh được cập nhật thông tin tình hình "
            "công tác quyền con người ở Việt Nam và của tỉnh, tập huấn kiến thức, kỹ năng truyền thông về quyền "
            "con người",
            "70% of key officials of provincial political-social organisations are briefed and trained in human "
            "rights communication",
            "៧០% នៃមន្ត្រីស្នូលនៃអង្គការនយោបាយ-សង្គមថ្នាក់ខេត្តទទួលបានព័ត៌មាន និងការបណ្ដុះបណ្ដាល",
        ),
        "short": t(
            "Tập huấn cán bộ chủ chốt tổ chức chính trị - xã hội: 70%",
            "Key officials of political-social organisations trained: 70%",
            "មន្ត្រីស្នូលអង្គការនយោបាយ-សង្គមបានបណ្ដុះបណ្ដាល៖ ៧០%",
        ),
    },
    {
        "code": "co-che-phat-ngon",
        "measure": Measure.SPOKESPERSON,
        "threshold": 100,
        "per_agency_minimum": 4,
        "wording": t(
            "100% cơ quan hành chính nhà nước trên địa bàn tỉnh thực hiện cơ chế phát ngôn và cung cấp thông tin "
            "định kỳ cho báo chí về công tác quyền con người",
            "100% of state administrative agencies in the province run the spokesperson mechanism and inform the "
            "press regularly about human rights work",
            "១០០% នៃស្ថាប័នរដ្ឋបាលរដ្ឋអនុវត្តយន្តការអ្នកនាំពាក្យ និងផ្ដល់ព័ត៌មានជាទៀងទាត់ដល់សារព័ត៌មាន",
        ),
        "short": t(
            "Cơ quan nhà nước thực hiện cơ chế phát ngôn (hằng quý): 100%",
            "State agencies informing the press (quarterly): 100%",
            "ស្ថាប័នរដ្ឋផ្ដល់ព័ត៌មានដល់សារព័ត៌មាន (ប្រចាំត្រីមាស)៖ ១០០%",
        ),
    },
    {
        "code": "giao-ban-bao-chi",
        "measure": Measure.BRIEFINGS,
        "threshold": 12,
        "wording": t(
            "Tổ chức giao ban báo chí hàng tháng, cung cấp thông tin về công tác quyền con người",
            "Monthly press briefings that include information on human rights work",
            "កិច្ចប្រជុំសារព័ត៌មានប្រចាំខែ ដែលផ្ដល់ព័ត៌មានអំពីការងារសិទ្ធិមនុស្ស",
        ),
        "short": t(
            "Giao ban báo chí hàng tháng: 12 lần/năm",
            "Monthly press briefings: 12 a year",
            "កិច្ចប្រជុំសារព័ត៌មានប្រចាំខែ៖ ១២ ដង/ឆ្នាំ",
        ),
    },
]

#: Appendix VII: the steward of each convention (and of the UPR).
STEWARDS = [
    ("ICCPR", None, "so-tu-phap-an-giang"),
    ("CEDAW", None, "so-lao-dong-thuong-binh-va-xa-hoi-an-giang"),
    ("CRC", None, "so-lao-dong-thuong-binh-va-xa-hoi-an-giang"),
    ("CRPD", None, "so-lao-dong-thuong-binh-va-xa-hoi-an-giang"),
    (
        None,
        t(
            "Cơ chế Rà soát định kỳ phổ quát (UPR)",
            "Universal Periodic Review (UPR)",
            "យន្តការត្រួតពិនិត្យតាមកាលកំណត់ជាសកល (UPR)",
        ),
        "so-ngoai-vu-an-giang",
    ),
]

CALENDAR = {
    "slug": t("lich-su-kien", "events", "events"),
    "title": t("Lịch sự kiện", "Events", "ព្រឹត្តិការណ៍"),
    "intro": t(
        "Ngày Nhân quyền thế giới, hội thi tìm hiểu và các sự kiện truyền thông về quyền con người.",
        "Human Rights Day, quizzes and other human rights communication events.",
        "ទិវាសិទ្ធិមនុស្សអន្តរជាតិ ការប្រកួតស្វែងយល់ និងព្រឹត្តិការណ៍ផ្សព្វផ្សាយផ្សេងៗ។",
    ),
}

EVENTS = [
    {
        "kind": Event.Kind.HUMAN_RIGHTS_DAY,
        "date": date(2026, 12, 10),
        "starts_at": time(7, 30),
        "ends_at": time(11, 0),
        "organiser": "so-tu-phap-an-giang",
        "title": t(
            "Hưởng ứng Ngày Nhân quyền thế giới (10/12)",
            "Human Rights Day (10 December)",
            "ទិវាសិទ្ធិមនុស្សអន្តរជាតិ (១០ ធ្នូ)",
        ),
        "place": t(
            "Hội trường Ủy ban nhân dân tỉnh, Long Xuyên",
            "Provincial People's Committee hall, Long Xuyên",
            "សាលគណៈកម្មាធិការប្រជាជនខេត្ត ឡុងស្វៀន",
        ),
        "notes": t(
            "Mít tinh, trao giải hội thi tìm hiểu về quyền con người năm 2026.",
            "Rally and prizes of the 2026 human rights quiz.",
            "ការជួបជុំ និងការប្រគល់រង្វាន់ការប្រកួតស្វែងយល់អំពីសិទ្ធិមនុស្សឆ្នាំ ២០២៦។",
        ),
    },
    {
        "kind": Event.Kind.CONTEST,
        "date": date(2026, 11, 1),
        "ends_on": date(2026, 12, 5),
        "organiser": "so-tu-phap-an-giang",
        "title": t(
            "Hội thi tìm hiểu về quyền con người năm 2026",
            "2026 human rights quiz",
            "ការប្រកួតស្វែងយល់អំពីសិទ្ធិមនុស្សឆ្នាំ ២០២៦",
        ),
        "place": t("Trực tuyến", "Online", "តាមអ៊ីនធឺណិត"),
        "notes": t("Trả lời trên cổng thông tin.", "Answer on the portal.", "ឆ្លើយនៅលើវិបផតថល។"),
    },
]

QUIZ = {
    "slug": t("hoi-thi-tim-hieu-quyen-con-nguoi-2026", "human-rights-quiz-2026", "human-rights-quiz-2026"),
    "title": t(
        "Hội thi tìm hiểu về quyền con người năm 2026",
        "2026 human rights quiz",
        "ការប្រកួតស្វែងយល់អំពីសិទ្ធិមនុស្សឆ្នាំ ២០២៦",
    ),
    "intro": t(
        "Ba câu hỏi về quyền con người và các công ước quốc tế mà Việt Nam là thành viên.",
        "Three questions on human rights and the conventions Viet Nam is party to.",
        "សំណួរបីអំពីសិទ្ធិមនុស្ស និងអនុសញ្ញាដែលវៀតណាមជាភាគី។",
    ),
    "purpose": t(
        "Ban tổ chức dùng câu trả lời để chấm điểm và trao giải; tên và số điện thoại chỉ dùng để liên hệ người đoạt giải.",
        "The organisers use the answers to score the quiz and award prizes; names and phone numbers are used "
        "only to contact the winners.",
        "អ្នករៀបចំប្រើចម្លើយដើម្បីដាក់ពិន្ទុ និងប្រគល់រង្វាន់ ឈ្មោះ និងលេខទូរស័ព្ទប្រើតែដើម្បីទាក់ទងអ្នកឈ្នះ។",
    ),
    "thank_you": t("Cảm ơn bạn đã tham gia!", "Thank you for taking part!", "សូមអរគុណចំពោះការចូលរួម!"),
    "questions": [
        {
            "question": t(
                "Ngày Nhân quyền thế giới là ngày nào?",
                "When is Human Rights Day?",
                "ទិវាសិទ្ធិមនុស្សអន្តរជាតិគឺថ្ងៃណា?",
            ),
            "choices": [
                t("10/12", "10 December", "១០ ធ្នូ"),
                t("1/6", "1 June", "១ មិថុនា"),
                t("2/9", "2 September", "២ កញ្ញា"),
            ],
            "correct": 1,
            "explanation": t(
                "Ngày 10/12/1948, Đại hội đồng Liên hợp quốc thông qua Tuyên ngôn Quốc tế Nhân quyền.",
                "On 10 December 1948 the UN General Assembly adopted the Universal Declaration of Human Rights.",
                "នៅថ្ងៃទី ១០ ធ្នូ ១៩៤៨ មហាសន្និបាតអង្គការសហប្រជាជាតិបានអនុម័តសេចក្ដីប្រកាសជាសកលស្ដីពីសិទ្ធិមនុស្ស។",
            ),
        },
        {
            "question": t(
                "Công ước nào bảo vệ quyền của trẻ em?",
                "Which convention protects the rights of the child?",
                "អនុសញ្ញាណាការពារសិទ្ធិកុមារ?",
            ),
            "choices": [t("CEDAW", "CEDAW", "CEDAW"), t("CRC", "CRC", "CRC"), t("CAT", "CAT", "CAT")],
            "correct": 2,
            "explanation": t("", "", ""),
        },
        {
            "question": t(
                "Việt Nam đã là thành viên của bao nhiêu công ước quốc tế cơ bản về quyền con người?",
                "How many core international human rights conventions is Viet Nam party to?",
                "តើវៀតណាមជាភាគីនៃអនុសញ្ញាស្នូលអន្តរជាតិស្ដីពីសិទ្ធិមនុស្សប៉ុន្មាន?",
            ),
            "choices": [t("5", "5", "៥"), t("7", "7", "៧"), t("9", "9", "៩")],
            "correct": 2,
            "explanation": t("", "", ""),
        },
    ],
}


def _remember(memory, *specs):
    for spec in specs:
        if spec["vi"]:
            memory.add(spec["vi"], {code: spec[code] for code in ("en", "km")})


def _organisations(vi, province, memory):
    found = {}
    for spec in AGENCIES:
        organisation, _created = Organisation.objects.update_or_create(
            locale=vi,
            slug=spec["slug"],
            defaults={
                "name": spec["name"]["vi"],
                "short_name": spec["short_name"]["vi"],
                "kind": Organisation.Kind.DEPARTMENT,
                "province": province,
            },
        )
        _remember(memory, spec["name"], spec["short_name"])
        found[spec["slug"]] = organisation
    return found


def _plan(vi, province, agencies, audiences, memory):
    plan = Plan.objects.filter(locale=vi, number="355/KH-UBND").first() or Plan(
        locale=vi, number="355/KH-UBND"
    )
    plan.province = province
    plan.title, plan.issuing_body, plan.summary = (
        PLAN["title"]["vi"],
        PLAN["issuing_body"]["vi"],
        PLAN["summary"]["vi"],
    )
    plan.issued_on, plan.starts_on, plan.ends_on = date(2024, 4, 5), date(2023, 1, 1), date(2028, 12, 31)
    plan.coordinator = agencies["so-thong-tin-va-truyen-thong-an-giang"]
    plan.report_due_day, plan.report_due_month = 10, 12
    _remember(memory, PLAN["title"], PLAN["issuing_body"], PLAN["summary"])
    targets = {target.code: target for target in plan.targets.all()} if plan.pk else {}
    plan.targets = [
        _target(targets.get(spec["code"]) or Target(locale=vi), spec, audiences, memory) for spec in TARGETS
    ]
    existing = {row.organisation_id: row for row in plan.agencies.all()} if plan.pk else {}
    rows = []
    for spec in AGENCIES:
        organisation = agencies[spec["slug"]]
        row = existing.get(organisation.pk) or PlanAgency(locale=vi, organisation=organisation)
        row.duties = spec["duties"]["vi"]
        row.is_state_agency = True
        _remember(memory, spec["duties"])
        rows.append(row)
    for slug, duties in (
        (
            "bao-an-giang",
            t(
                "Đăng tải tin, bài về quyền con người.",
                "Publishes news and articles on human rights.",
                "ចុះផ្សាយព័ត៌មាន និងអត្ថបទអំពីសិទ្ធិមនុស្ស។",
            ),
        ),
        (
            "dai-phat-thanh-truyen-hinh-an-giang",
            t(
                "Sản xuất chương trình phát thanh, truyền hình bằng tiếng Việt và tiếng Khmer.",
                "Produces radio and television programmes in Vietnamese and Khmer.",
                "ផលិតកម្មវិធីវិទ្យុ និងទូរទស្សន៍ជាភាសាវៀតណាម និងខ្មែរ។",
            ),
        ),
    ):
        organisation = Organisation.objects.filter(locale=vi, slug=slug).first()
        if organisation is None:
            continue
        row = existing.get(organisation.pk) or PlanAgency(locale=vi, organisation=organisation)
        row.duties, row.is_state_agency = duties["vi"], False
        _remember(memory, duties)
        rows.append(row)
    plan.agencies = rows
    stewards = []
    existing = list(plan.stewards.all()) if plan.pk else []
    for index, (code, mechanism, slug) in enumerate(STEWARDS):
        row = existing[index] if index < len(existing) else Steward(locale=vi)
        row.convention = Convention.objects.get(locale=vi, code=code) if code else None
        row.mechanism = mechanism["vi"] if mechanism else ""
        row.organisation = agencies[slug]
        if mechanism:
            _remember(memory, mechanism)
        stewards.append(row)
    plan.stewards = stewards
    plan.review_points = [
        ReviewPoint(kind=ReviewPoint.Kind.INTERIM, year=2025, due_on=date(2025, 12, 10)),
        ReviewPoint(kind=ReviewPoint.Kind.FINAL, year=2028, due_on=date(2028, 12, 10)),
    ]
    plan.full_clean()
    plan.save()
    return plan


def _target(target, spec, audiences, memory):
    target.code, target.measure = spec["code"], spec["measure"]
    target.wording, target.short = spec["wording"]["vi"], spec["short"]["vi"]
    target.threshold, target.threshold_max = spec["threshold"], spec.get("threshold_max")
    target.by_year = 2028
    target.audience = audiences.get(spec.get("audience"))
    target.per_agency_minimum = spec.get("per_agency_minimum")
    _remember(memory, spec["wording"], spec["short"])
    return target


def _activities(vi, plan, agencies, audiences, memory):
    dic, justice = agencies["so-thong-tin-va-truyen-thong-an-giang"], agencies["so-tu-phap-an-giang"]
    training, _created = Training.objects.update_or_create(
        locale=vi,
        plan=plan,
        title="Tập huấn kỹ năng truyền thông về quyền con người năm 2026",
        defaults={"date": date(2026, 5, 20), "place": "Long Xuyên", "organiser": justice},
    )
    training.attendance = [
        Attendance(audience=audiences["can-bo-quyen-con-nguoi"], invited=60, attended=54, first_time=40),
        Attendance(
            audience=audiences["can-bo-chu-chot-to-chuc-chinh-tri-xa-hoi"],
            invited=30,
            attended=26,
            first_time=26,
        ),
    ]
    training.save()
    for month in range(1, 12):
        PressBriefing.objects.update_or_create(
            locale=vi,
            plan=plan,
            organiser=dic,
            date=date(2026, month, 5),
            kind=PressBriefing.Kind.BRIEFING,
            defaults={"title": f"Giao ban báo chí tháng {month}/2026", "place": "Long Xuyên"},
        )
    for slug in ("so-tu-phap-an-giang", "so-lao-dong-thuong-binh-va-xa-hoi-an-giang"):
        for quarter in (1, 2, 3, 4):
            PressBriefing.objects.update_or_create(
                locale=vi,
                plan=plan,
                organiser=agencies[slug],
                date=date(2026, quarter * 3 - 1, 15),
                kind=PressBriefing.Kind.STATEMENT,
                defaults={
                    "title": f"Cung cấp thông tin cho báo chí quý {quarter}/2026",
                    "spokesperson": "Phó Giám đốc Sở",
                },
            )
    events = []
    for spec in EVENTS:
        event = Event.objects.filter(locale=vi, plan=plan, title=spec["title"]["vi"]).first() or Event(
            locale=vi, plan=plan
        )
        event.title, event.place, event.notes = spec["title"]["vi"], spec["place"]["vi"], spec["notes"]["vi"]
        event.kind, event.date, event.ends_on = spec["kind"], spec["date"], spec.get("ends_on")
        event.starts_at, event.ends_at = spec.get("starts_at"), spec.get("ends_at")
        event.organiser = agencies[spec["organiser"]]
        event.full_clean()
        event.save()
        _remember(memory, spec["title"], spec["place"], spec["notes"])
        events.append(event)
    Contribution.objects.get_or_create(
        plan=plan,
        agency=justice,
        year=2026,
        revision=1,
        defaults={
            "activities": "Tổ chức 01 lớp tập huấn cho 80 cán bộ; cung cấp thông tin cho báo chí hằng quý.",
            "results": "Hoàn thành chỉ tiêu cung cấp thông tin định kỳ cho báo chí.",
        },
    )
    return events


def _pages(vi, plan, agencies, memory):
    home = HomePage.objects.get(locale=vi, depth=2)
    calendar = CalendarPage.objects.child_of(home).filter(locale=vi).first() or CalendarPage(
        locale=vi, slug=CALENDAR["slug"]["vi"]
    )
    calendar.title, calendar.intro = CALENDAR["title"]["vi"], CALENDAR["intro"]["vi"]
    calendar.province, calendar.show_in_menus = plan.province, True
    if calendar.pk is None:
        home.add_child(instance=calendar)
    calendar.save_revision().publish()
    _remember(memory, CALENDAR["slug"], CALENDAR["title"], CALENDAR["intro"])
    quiz = QuizPage.objects.child_of(calendar).filter(locale=vi).first() or QuizPage(
        locale=vi, slug=QUIZ["slug"]["vi"]
    )
    quiz.title, quiz.intro = QUIZ["title"]["vi"], QUIZ["intro"]["vi"]
    quiz.purpose, quiz.thank_you = QUIZ["purpose"]["vi"], QUIZ["thank_you"]["vi"]
    quiz.plan, quiz.organiser = plan, agencies["so-tu-phap-an-giang"]
    quiz.opens_on, quiz.closes_on = date(2026, 11, 1), date(2026, 12, 5)
    quiz.ask_name = quiz.ask_contact = True
    quiz.questions = [
        (
            "question",
            {
                "question": spec["question"]["vi"],
                "choices": [choice["vi"] for choice in spec["choices"]],
                "correct": spec["correct"],
                "explanation": spec["explanation"]["vi"],
            },
        )
        for spec in QUIZ["questions"]
    ]
    for spec in QUIZ["questions"]:
        _remember(memory, spec["question"], spec["explanation"], *spec["choices"])
    _remember(memory, QUIZ["slug"], QUIZ["title"], QUIZ["intro"], QUIZ["purpose"], QUIZ["thank_you"])
    if quiz.pk is None:
        calendar.add_child(instance=quiz)
    quiz.save_revision().publish()
    return calendar, quiz


def seed(stdout):
    vi = Locale.objects.get(language_code="vi")
    locales = [Locale.objects.get(language_code=code) for code in ("en", "km")]
    memory = TranslationMemory()
    province = Province.objects.get(locale=vi, reference="current-an-giang")
    audiences = {}
    for code, name in AUDIENCES:
        audiences[code], _created = AudienceGroup.objects.update_or_create(
            locale=vi, code=code, defaults={"name": name["vi"]}
        )
        _remember(memory, name)
    agencies = _organisations(vi, province, memory)
    plan = _plan(vi, province, agencies, audiences, memory)
    events = _activities(vi, plan, agencies, audiences, memory)
    calendar, quiz = _pages(vi, plan, agencies, memory)
    missing = []
    for locale in locales:
        for instance in [*audiences.values(), *agencies.values(), plan, *events, calendar, quiz]:
            missing.extend(translate(instance, locale, memory)[1])
    stdout.write(
        f"plans: An Giang's plan with {len(TARGETS)} targets, {len(events)} events and a quiz in vi, en and km"
    )
    return missing
