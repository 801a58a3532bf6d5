# ruff: noqa: E501 - queries and their documents in three languages, one specification per block
"""A relevance set with graded judgments, built by the project itself, for vi, en and km.

For each language, queries of two to four words (Khmer: words typed with a space between them,
and a few phrases typed as Khmer writes them, without spaces) and, per query, documents built
to carry a known grade:

- **3**: the query's words together and in order in the body; the title is unrelated (a title
  with the phrase is grade 3 too, but the set's own documents never have one);
- **2**: every word present but scattered: one word in the title and the others far apart in the
  body (the trap: a title match outweighs a phrase in the body), or all of them apart in the body;
- **1**: only some of the words, or (Vietnamese) the same letters with other tone marks than the
  reader typed (“thần” typed, “thân” written): a phrase of the wrong words, found only through
  the folded form, which must rank below every document with the reader's words.

Around them, distractor documents from ``bench/corpus.py`` (newsroom text on the same themes,
320 per language). Every document is judged against every query of its language by the rules
above (:func:`grade`), so a distractor that happens to hold a query's words is judged like any
other; distractors that would hold a query's phrase are left out, and at most
``DISTRACTOR_GRADE2_CAP`` of them per query may hold all its words, so that each query has a
bounded set of relevant documents.

Vietnamese documents come in three Unicode forms, in turn: NFC, NFD and the legacy mixed form
(precomposed base vowel and a combining tone mark: “ô” + U+0323 for “ộ”), and a quarter of the
corpus sentences use the old tone placement (“hoà”, “uỷ”).

Khmer phrases typed without spaces (``spaced=False``) are one unit for the reader, as they are for
the search engine, which requires the phrase: scattered words are judged 1 for them, not 2.

Judgments use their own tokenisation (words, Vietnamese tone marks normalised, English Snowball
stems, Khmer orthographic syllables), not the search engine's. The only thing taken from
:mod:`search.analysis` is the list of English stop words, which defines what an English query
requires.

    from tests.search.relevance_set import build
    relevance = build()            # .documents: [Doc], .queries: [Query]

:func:`index`, :func:`run` and :func:`remove` put the set into the search index, run its queries
and take it out again (``tests/search/test_phrase_relevance.py``, ``bench/relevance_bench.py``).
"""

import math
import random
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from functools import lru_cache

from bench.corpus import Corpus

LANGUAGES = ("vi", "en", "km")
DISTRACTORS = 320  # per language
DISTRACTOR_GRADE2_CAP = 5  # distractors per query that may hold all its words
OBJECT_ID_BASE = 1_900_000_000_000  # object ids of the set's search documents: far above any page's
SEED = 1079
KEY_NAMESPACE = uuid.UUID("3b0f0b7a-5c8e-4d0e-9a55-7c1d79b1e079")


@dataclass(frozen=True)
class Doc:
    key: str
    language: str
    title: str
    body: str


@dataclass
class Query:
    language: str
    text: str
    judgments: dict = field(default_factory=dict)  # {doc key: grade 1-3}; unjudged: 0


@dataclass
class RelevanceSet:
    documents: list
    queries: list

    def by_language(self, language):
        return (
            [doc for doc in self.documents if doc.language == language],
            [query for query in self.queries if query.language == language],
        )


# --------------------------------------------------------------------------------------------
# Queries and the material of their documents
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Spec:
    text: str  # what the reader types
    phrase: str  # how the words stand together in a document
    fragments: tuple  # ((fragment, a title with it, a sentence with it), ...), together all words
    sentences: tuple = ()  # sentences with the phrase (default: the language's carriers)
    near: tuple = ()  # Vietnamese: the same letters, other tone marks (grade 1)
    spaced: bool = True  # Khmer: typed with spaces between the words
    words: tuple = ()  # Khmer: the words (default: the text split at spaces)
    common: tuple = ()  # words so common that filler text may hold them


# fmt: off
CARRIERS = {
    "vi": (
        "Hội nghị tập trung thảo luận về {} và các giải pháp thực hiện trong thời gian tới.",
        "Tài liệu hướng dẫn chi tiết về {} đã được phát tới từng thôn, ấp.",
        "Nhiều ý kiến cho rằng {} cần được các cấp, các ngành quan tâm hơn nữa.",
        "Chương trình phát thanh tuần này dành trọn thời lượng cho chủ đề {}.",
        "Đoàn công tác đã đến từng nhà để trò chuyện với bà con về {}.",
    ),
    "en": (
        "The conference focused on {} and how to put it into practice in the villages.",
        "A new handbook on {} has been sent to every hamlet.",
        "Several delegates said that {} deserves more attention from all agencies.",
        "This week's radio programme is devoted entirely to {}.",
        "Officials went from house to house to talk to residents about {}.",
    ),
    "km": (
        "សន្និសីទបានផ្ដោតលើ{} និងវិធីអនុវត្តនៅតាមភូមិ។",
        "សៀវភៅណែនាំថ្មីអំពី{} ត្រូវបានចែកជូនគ្រប់ភូមិ។",
        "តំណាងជាច្រើនបានលើកឡើងថា {} ត្រូវការការយកចិត្តទុកដាក់បន្ថែមទៀត។",
        "កម្មវិធីវិទ្យុសប្ដាហ៍នេះឧទ្ទិសទាំងស្រុងដល់ប្រធានបទ{}។",
        "មន្ត្រីបានចុះពីផ្ទះមួយទៅផ្ទះមួយ ដើម្បីពន្យល់ប្រជាជនអំពី{}។",
    ),
}

_CHILD_VI = ("trẻ em", "Trẻ em vùng cao vui đến trường", "Nhiều trẻ em ở bản được tặng áo ấm trước mùa đông.")
_RIGHT_KM = ("សិទ្ធិ", "សិទ្ធិកាន់កាប់ដីធ្លីរបស់កសិករ", "កសិករត្រូវបានណែនាំអំពីសិទ្ធិប្រើប្រាស់ដី។")
_CHILD_KM = ("កុមារ", "មណ្ឌលថែទាំកុមារថ្មីបើកនៅឃុំ", "កុមារតូចៗបានលេងនៅទីធ្លាសាលាពេលព្រឹក។")
_PEOPLE_KM = ("មនុស្ស", "មនុស្សរាប់ពាន់នាក់ចូលរួមពិធីបុណ្យអុំទូក", "មនុស្សរាប់រយនាក់បានមកទស្សនាពិព័រណ៍កសិកម្ម។")
_VIOLENCE_KM = ("អំពើហិង្សា", "អំពើហិង្សានៅសាលារៀន", "សាលាបានចាត់វិធានការប្រឆាំងអំពើហិង្សារវាងសិស្ស។")
_IN_KM = ("ក្នុង", "ភ្លៀងធ្លាក់ខ្លាំងក្នុងរដូវវស្សា", "ទឹកទន្លេឡើងខ្ពស់ក្នុងខែកញ្ញា។")
_FAMILY_KM = ("គ្រួសារ", "គ្រួសារកសិករចិញ្ចឹមត្រីក្នុងស្រះ", "គ្រួសារជាច្រើនបានបញ្ជូនកូនត្រឡប់ទៅសាលាវិញ។")

SPECS = {
    "vi": (
        _Spec("quyền trẻ em", "quyền trẻ em", (
            ("quyền", "Quyền lợi của người lao động khi nghỉ việc",
             "Người dân được hướng dẫn thực hiện quyền khiếu nại theo quy định."),
            _CHILD_VI)),
        _Spec("bạo lực gia đình", "bạo lực gia đình", (
            ("bạo lực", "Ngăn chặn bạo lực học đường", "Nhà trường kiên quyết xử lý các hành vi bạo lực giữa học sinh."),
            ("gia đình", "Gia đình trẻ vượt khó làm giàu", "Nhiều gia đình đã đưa con trở lại lớp học."))),
        _Spec("người khuyết tật", "người khuyết tật", (
            ("người", "Người giữ lửa nghề dệt thổ cẩm", "Hơn hai trăm người dân đã dự buổi đối thoại."),
            ("khuyết tật", "Khuyết tật không ngăn được ước mơ",
             "Cậu bé bị khuyết tật vận động từ nhỏ nhưng vẫn học giỏi."))),
        _Spec("trợ giúp pháp lý", "trợ giúp pháp lý", (
            ("trợ giúp", "Trợ giúp ngư dân sau bão", "Đoàn viên thanh niên trợ giúp bà con dọn dẹp nhà cửa sau lũ."),
            ("pháp lý", "Hoàn thiện hồ sơ pháp lý cho dự án", "Hồ sơ pháp lý của công trình đã được hoàn thiện."))),
        _Spec("bình đẳng giới", "bình đẳng giới", (
            ("bình đẳng", "Bình đẳng trong tiếp cận dịch vụ y tế", "Mọi học sinh đều được đối xử bình đẳng trong lớp học."),
            ("giới", "Tuần tra bảo vệ đường biên giới", "Lực lượng biên phòng tuần tra dọc đường biên giới."))),
        _Spec("dân tộc thiểu số", "dân tộc thiểu số", (
            ("dân tộc", "Bảo tồn trang phục dân tộc", "Lễ hội mang đậm bản sắc văn hóa dân tộc."),
            ("thiểu số", "Ý kiến thiểu số cũng được lắng nghe",
             "Chỉ một thiểu số hộ dân chưa đồng thuận với phương án."))),
        _Spec("tập huấn cán bộ", "tập huấn cán bộ", (
            ("tập huấn", "Tập huấn kỹ thuật trồng lúa cho nông dân",
             "Nông dân được tập huấn kỹ thuật chăm sóc cây cà phê."),
            ("cán bộ", "Cán bộ hưu trí vui xuân", "Các cán bộ hưu trí đã về thăm trường cũ.")),
            sentences=("Tỉnh chú trọng tập huấn cán bộ tư pháp cấp xã về kỹ năng hòa giải.",
                       "Kinh phí tập huấn cán bộ được bố trí từ ngân sách tỉnh.")),
        _Spec("loa truyền thanh", "loa truyền thanh", (
            ("loa", "Loa kéo gây ồn ào khu dân cư", "Tiếng loa kéo từ quán nước làm phiền hàng xóm."),
            ("truyền thanh", "Nâng cấp đài truyền thanh huyện", "Đài truyền thanh huyện vừa được trang bị máy phát mới."))),
        _Spec("họp báo", "họp báo", (
            ("họp", "Họp mặt đồng hương dịp Tết", "Các hội viên họp định kỳ vào cuối tháng."),
            ("báo", "Báo Xuân đến với bạn đọc", "Bạn đọc có thể đặt mua báo tại bưu điện xã.")),
            sentences=("Ủy ban nhân dân tỉnh tổ chức họp báo thông tin về kết quả thực hiện kế hoạch.",
                       "Tại buổi họp báo, phóng viên đặt nhiều câu hỏi về giá đất.")),
        _Spec("phổ biến", "phổ biến", (
            ("phổ", "Phổ cập bơi cho học sinh tiểu học", "Xã đạt chuẩn phổ cập giáo dục trung học cơ sở."),
            ("biến", "Ứng phó với biến đổi khí hậu", "Người dân chủ động ứng phó với biến đổi khí hậu.")),
            sentences=("Xã tổ chức phổ biến kiến thức pháp luật cho bà con vào mỗi tối thứ Bảy.",
                       "Hình thức tuyên truyền qua mạng đã trở nên phổ biến ở các thôn.",
                       "Sở Tư pháp phổ biến luật mới cho cán bộ cơ sở."),
            near=("Du khách thích dạo phố biển Hà Tiên vào buổi chiều.",
                  "Khu phố biển về đêm rực rỡ ánh đèn.")),
        _Spec("tinh thần", "tinh thần", (
            ("tinh", "Tinh gọn bộ máy cấp xã", "Huyện đã hoàn thành việc tinh gọn bộ máy hành chính."),
            ("thần", "Thi công thần tốc cầu dân sinh", "Cây cầu dân sinh được thi công thần tốc trước mùa mưa.")),
            sentences=("Các em được tư vấn để chăm sóc sức khỏe tinh thần sau mùa thi.",
                       "Đoàn viên đến thăm, động viên tinh thần các hộ bị ảnh hưởng bởi lũ."),
            near=("Tình thân giữa các thế hệ được vun đắp qua bữa cơm chung.",
                  "Ông bà luôn nhắc con cháu giữ gìn tình thân.")),
        _Spec("bảo vệ trẻ em", "bảo vệ trẻ em", (
            ("bảo vệ", "Bảo vệ rừng đầu nguồn", "Lực lượng kiểm lâm bảo vệ rừng phòng hộ ven sông."),
            _CHILD_VI),
            near=("Mỗi khi bão về trẻ em ở các xã ven biển được nghỉ học.",)),
        _Spec("tra tấn", "tra tấn", (
            ("tra", "Tra cứu thủ tục hành chính trực tuyến", "Người dân có thể tra cứu hồ sơ trên cổng dịch vụ công."),
            ("tấn", "Thu hoạch hàng trăm tấn lúa", "Mỗi héc-ta cho năng suất bảy tấn lúa.")),
            sentences=("Công ước chống tra tấn nghiêm cấm mọi hành vi tra tấn trong mọi hoàn cảnh.",
                       "Cán bộ trại giam được tập huấn về phòng, chống tra tấn.")),
        _Spec("hòa giải", "hòa giải", (
            ("hòa", "Đặc sản xôi nếp Hòa Bình", "Du khách đến Hòa Bình thưởng thức xôi nếp nương."),
            ("giải", "Giải bóng đá thiếu niên khởi tranh", "Đội bóng của xã giành giải nhất.")),
            sentences=("Tổ hoà giải ở thôn đã hoà giải thành công nhiều vụ mâu thuẫn.",
                       "Các hòa giải viên được bồi dưỡng kỹ năng hòa giải.")),
        # Typed without diacritics: every spelling matches (the documents of “trợ giúp pháp lý”).
        _Spec("tro giup phap ly", "trợ giúp pháp lý", ()),
    ),
    "en": (
        _Spec("rights of the child", "the rights of the child", (
            ("rights", "Water rights for farmers along the canal",
             "Farmers discussed water rights for the dry season."),
            ("child", "Child care centre opens in the commune", "Every child received a school bag."))),
        _Spec("legal aid", "legal aid", (
            ("legal", "New legal deadline for land records",
             "The commune explained the legal procedure for registering land."),
            ("aid", "Flood aid reaches island families", "Food aid was delivered to families cut off by the flood."))),
        _Spec("domestic violence", "domestic violence", (
            ("domestic", "Domestic tourism picks up after the holidays",
             "Domestic flights to the province were full during the festival."),
            ("violence", "Violence on screen: what parents should know",
             "The film contains scenes of violence unsuitable for young viewers."))),
        _Spec("persons with disabilities", "persons with disabilities", (
            ("persons", "Three persons rescued from the river", "Three persons were rescued from the river."),
            ("disabilities", "Spotting learning disabilities in the classroom",
             "Teachers learned to spot learning disabilities early."))),
        _Spec("gender equality", "gender equality", (
            ("gender", "Gender and age in the new census", "The census form now records gender and age."),
            ("equality", "Equality of access to clean water", "The plan aims at equality of access to clean water."))),
        _Spec("human trafficking", "human trafficking", (
            ("human", "Human resources for the new hospital", "The hospital is short of human resources."),
            ("trafficking", "Drug trafficking ring broken up",
             "Police broke up a drug trafficking ring near the border."))),
        _Spec("ethnic minorities", "ethnic minorities", (
            ("ethnic", "Ethnic dishes at the spring fair", "Visitors tasted ethnic dishes at the fair."),
            ("minorities", "Minor repairs to the commune road", "Workers carried out minor repairs on the bridge.")),
            sentences=("The province has drawn up a plan for ethnic minorities living in the highlands.",
                       "Radio programmes for ethnic minorities are broadcast every evening.")),
        _Spec("press briefing", "press briefing", (
            ("press", "Sugar cane press repaired for the harvest",
             "The old sugar cane press was repaired for the harvest."),
            ("briefing", "Weather briefing for fishermen",
             "Fishermen attended a weather briefing before the storm season.")),
            sentences=("The provincial press briefing answered questions on land prices.",
                       "Reporters asked about the new hospital at the press briefing.")),
        _Spec("photo exhibition", "photo exhibition", (
            ("photo", "New photo ID cards for residents", "Residents received new photo ID cards."),
            ("exhibition", "Exhibition hall renovated", "The exhibition hall will reopen next month.")),
            sentences=("A photo exhibition on the lives of fishermen opened at the cultural house.",
                       "Pupils visited the photo exhibition after class.")),
        _Spec("convention against torture", "the Convention against Torture", (
            ("convention", "Convention centre opens downtown", "The new convention centre hosted a trade fair."),
            ("against", "Vaccination against measles", "Children were vaccinated against measles."),
            ("torture", "Torture cells of a colonial prison open to visitors", "The museum documents torture in colonial-era prisons."))),
        _Spec("right to education", "the right to education", (
            ("right", "Turn right at the market", "Turn right at the market to reach the commune office."),
            ("education", "Education fair for school leavers", "An education fair was held for school leavers."))),
        _Spec("child marriage", "child marriage", (
            ("child", "Child care centre opens in the commune", "Every child received a school bag."),
            ("marriage", "Marriage registration goes online", "Couples can now register their marriage online."))),
        _Spec("access to information", "access to information", (
            ("access", "Road access restored after landslide",
             "Road access to the village was restored after the landslide."),
            ("information", "Tourist information kiosk opens", "A tourist information kiosk opened at the bus station."))),
    ),
    "km": (
        _Spec("សិទ្ធិ កុមារ", "សិទ្ធិកុមារ", (_RIGHT_KM, _CHILD_KM)),
        _Spec("អំពើហិង្សា ក្នុង គ្រួសារ", "អំពើហិង្សាក្នុងគ្រួសារ", (_VIOLENCE_KM, _IN_KM, _FAMILY_KM),
              common=("ក្នុង",)),
        _Spec("ជន ពិការ", "ជនពិការ", (
            ("ជន", "ជនជាតិចាមប្រារព្ធបុណ្យ", "ជនជាតិចាមរស់នៅតាមដងទន្លេ។"),
            ("ពិការ", "ការពារពិការភាពពីកំណើត", "គ្រូពេទ្យពន្យល់ពីមូលហេតុនៃពិការភាពពីកំណើត។"))),
        _Spec("ជំនួយ ផ្លូវ ច្បាប់", "ជំនួយផ្លូវច្បាប់", (
            ("ជំនួយ", "ជំនួយស្បៀងដល់គ្រួសាររងទឹកជំនន់", "អាជ្ញាធរបានចែកជំនួយស្បៀងដល់អ្នកភូមិ។"),
            ("ផ្លូវ", "ផ្លូវថ្មីទៅសាលារៀន", "ផ្លូវបេតុងថ្មីតភ្ជាប់ភូមិទៅផ្សារ។"),
            ("ច្បាប់", "ច្បាប់ចរាចរណ៍ថ្មី", "អ្នកបើកបរត្រូវគោរពច្បាប់ចរាចរណ៍។"))),
        _Spec("សមភាព យេនឌ័រ", "សមភាពយេនឌ័រ", (
            ("សមភាព", "សមភាពក្នុងការទទួលទឹកស្អាត", "ផែនការនេះធានាសមភាពក្នុងការទទួលបានទឹកស្អាត។"),
            ("យេនឌ័រ", "ទិន្នន័យតាមអាយុ និងយេនឌ័រ", "ជំរឿនថ្មីកត់ត្រាអាយុ និងយេនឌ័ររបស់ប្រជាជន។"))),
        _Spec("ជនជាតិ ភាគតិច", "ជនជាតិភាគតិច", (
            ("ជនជាតិ", "ម្ហូបជនជាតិនៅពិព័រណ៍និទាឃរដូវ", "ភ្ញៀវបានភ្លក់ម្ហូបប្រពៃណីរបស់ជនជាតិនានា។"),
            ("ភាគតិច", "សំឡេងភាគតិចក្នុងកិច្ចប្រជុំ", "មានតែគ្រួសារភាគតិចប៉ុណ្ណោះដែលមិនទាន់យល់ព្រម។"))),
        _Spec("ការ ជួញដូរ មនុស្ស", "ការជួញដូរមនុស្ស", (
            ("ការ", "ការដាំដុះស្រូវរដូវប្រាំង", "ការដាំដុះស្រូវរដូវប្រាំងទទួលបានទិន្នផលល្អ។"),
            ("ជួញដូរ", "ជួញដូរគ្រឿងញៀនតាមព្រំដែន", "នគរបាលបានបង្ក្រាបក្រុមជួញដូរគ្រឿងញៀន។"),
            _PEOPLE_KM), common=("ការ",)),
        _Spec("សន្និសីទ សារព័ត៌មាន", "សន្និសីទសារព័ត៌មាន", (
            ("សន្និសីទ", "សន្និសីទវិទ្យាសាស្ត្រកសិកម្ម", "សន្និសីទអំពីពូជស្រូវថ្មីបានបញ្ចប់។"),
            ("សារព័ត៌មាន", "និស្សិតសារព័ត៌មានចុះកម្មសិក្សា", "និស្សិតសារព័ត៌មានបានចុះកម្មសិក្សានៅខេត្ត។"))),
        _Spec("វិទ្យុ សហគមន៍", "វិទ្យុសហគមន៍", (
            ("វិទ្យុ", "វិទ្យុចាស់របស់លោកតា", "លោកតាស្ដាប់វិទ្យុរៀងរាល់ព្រឹក។"),
            ("សហគមន៍", "ព្រៃសហគមន៍ត្រូវបានថែរក្សា", "អ្នកភូមិរួមគ្នាថែរក្សាព្រៃសហគមន៍។")),
            sentences=("វិទ្យុសហគមន៍ផ្សាយជាភាសាខ្មែររៀងរាល់ល្ងាច។",
                       "ក្រុមយុវជនបានបង្កើតវិទ្យុសហគមន៍នៅវត្ត។")),
        _Spec("ការ ប្រឆាំង ទារុណកម្ម", "ការប្រឆាំងទារុណកម្ម", (
            ("ការ", "ការដាំដុះស្រូវរដូវប្រាំង", "ការដាំដុះស្រូវរដូវប្រាំងទទួលបានទិន្នផលល្អ។"),
            ("ប្រឆាំង", "ប្រឆាំងគ្រោះរាំងស្ងួត", "កសិករប្រឆាំងនឹងគ្រោះរាំងស្ងួតដោយជីកស្រះ។"),
            ("ទារុណកម្ម", "ហាមឃាត់ទារុណកម្មលើសត្វ", "ច្បាប់ថ្មីហាមឃាត់ទារុណកម្មលើសត្វ។")), common=("ការ",)),
        _Spec("សិទ្ធិ ទទួល ការ អប់រំ", "សិទ្ធិទទួលការអប់រំ", (
            _RIGHT_KM,
            ("ទទួល", "ភូមិទេសចរណ៍ទទួលភ្ញៀវ", "ភូមិនេះទទួលភ្ញៀវទេសចររាប់ពាន់នាក់។"),
            ("ការ", "ការដាំដុះស្រូវរដូវប្រាំង", "ការដាំដុះស្រូវរដូវប្រាំងទទួលបានទិន្នផលល្អ។"),
            ("អប់រំ", "មជ្ឈមណ្ឌលអប់រំបរិស្ថាន", "សិស្សបានទស្សនាមជ្ឈមណ្ឌលអប់រំបរិស្ថាន។")), common=("ការ",)),
        _Spec("អាពាហ៍ពិពាហ៍ កុមារ", "អាពាហ៍ពិពាហ៍កុមារ", (
            ("អាពាហ៍ពិពាហ៍", "ពិធីអាពាហ៍ពិពាហ៍តាមប្រពៃណី", "ពិធីអាពាហ៍ពិពាហ៍ប្រពៃណីខ្មែររៀបចំរយៈពេលបីថ្ងៃ។"),
            _CHILD_KM)),
        # Phrases typed as Khmer writes them: one unit, scattered words are grade 1.
        _Spec("សិទ្ធិមនុស្ស", "សិទ្ធិមនុស្ស", (_RIGHT_KM, _PEOPLE_KM), spaced=False, words=("សិទ្ធិ", "មនុស្ស")),
        _Spec("អំពើហិង្សាក្នុងគ្រួសារ", "អំពើហិង្សាក្នុងគ្រួសារ", (_VIOLENCE_KM, _IN_KM, _FAMILY_KM),
              spaced=False, words=("អំពើហិង្សា", "ក្នុង", "គ្រួសារ"), common=("ក្នុង",)),
    ),
}
# fmt: on


# --------------------------------------------------------------------------------------------
# Judging: words, tone marks, stems and syllables, independently of the search engine
# --------------------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_]+")
_TONES = {"\u0300": "2", "\u0301": "1", "\u0303": "4", "\u0309": "3", "\u0323": "5"}
_KHMER_RUN = re.compile("[\u1780-\u17d3\u17dd\u17e0-\u17e9]+")
_KHMER_BASE = re.compile("[\u1780-\u17b3\u17e0-\u17e9]")
COENG = "\u17d2"


@lru_cache(maxsize=200_000)
def _vi_exact(word):
    """A Vietnamese word with its marks, wherever the tone mark was typed (“hoà” = “hòa”)."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tone = "".join(_TONES.get(c, "") for c in decomposed)
    rest = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return rest + tone


@lru_cache(maxsize=200_000)
def _folded(word):
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=200_000)
def _en(word):
    word = word.casefold()
    return _stemmer().stemWord(word) if word.isascii() and word.isalpha() else word


@lru_cache(maxsize=200_000)
def _tokens(text):
    return tuple(_WORD.findall(unicodedata.normalize("NFC", text)))


@lru_cache(maxsize=200_000)
def _khmer_syllables(run):
    run = unicodedata.normalize("NFC", run).replace(COENG + "\u178a", COENG + "\u178f")  # ស្ដ = ស្ត
    parts = []
    for index, character in enumerate(run):
        if (_KHMER_BASE.match(character) and not (index and run[index - 1] == COENG)) or not parts:
            parts.append(character)
        else:
            parts[-1] += character
    return tuple(parts)


def _contains(run, part):
    return part in run


def _stop_words():
    from search.analysis import ENGLISH_STOP_WORDS

    return ENGLISH_STOP_WORDS


@lru_cache(maxsize=4096)
def _text_tokens(language, text):
    """A text's words as the judges compare them: English stems, Vietnamese (exact, folded)."""
    if language == "en":
        return tuple(_en(w) for w in _tokens(text))
    return tuple((_vi_exact(w), _folded(w)) for w in _tokens(text))


@lru_cache(maxsize=4096)
def _text_sets(language, text):
    """The distinct words of a text: English ``(stems, stems)``, Vietnamese ``(exact, folded)``."""
    tokens = _text_tokens(language, text)
    if language == "en":
        return frozenset(tokens), frozenset(tokens)
    return frozenset(t[0] for t in tokens), frozenset(t[1] for t in tokens)


def _joined(syllables):
    """Syllables as ``|a|b|``: a sequence of syllables is inside another when its string is."""
    return "|" + "|".join(syllables) + "|"


@lru_cache(maxsize=4096)
def _text_runs(text):
    return tuple(_joined(_khmer_syllables(run)) for run in _KHMER_RUN.findall(text))


class _Judge:
    """How one query judges documents of its language. Vietnamese: a word typed with marks is
    present when written with the same marks (wherever the tone mark sits), a word typed without
    them in any spelling; English: by Snowball stem, stop words not required; Khmer: by
    orthographic syllables, inside one run of Khmer text."""

    def __init__(self, language, spec):
        self.language, self.spec = language, spec
        if language == "km":
            self.words = spec.words or tuple(spec.text.split())
            self.word_syllables = [_joined(_khmer_syllables(word)) for word in self.words]
            self.phrase_syllables = _joined(_khmer_syllables("".join(self.words)))
            return
        typed = _tokens(spec.text)
        if language == "en":
            self.phrase = [_en(w) for w in typed]
            self.required = [i for i, w in enumerate(typed) if w.casefold() not in _stop_words()]
            return
        # (marked, key): the exact form for words typed with marks, else the folded one
        self.phrase = [
            (True, _vi_exact(w)) if _folded(w) != w.casefold() else (False, _folded(w)) for w in typed
        ]
        self.folded = [_folded(w) for w in typed]
        self.required = list(range(len(typed)))

    # --- what a text holds ---------------------------------------------------------------
    def _doc_tokens(self, text):
        return _text_tokens(self.language, text)

    def _match(self, token, position):
        if self.language == "en":
            return token == self.phrase[position]
        marked, key = self.phrase[position]
        return token[0] == key if marked else token[1] == key

    def _runs(self, text):
        return _text_runs(text)

    def _present(self, position, text):
        if self.language == "en":
            return self.phrase[position] in _text_sets(self.language, text)[0]
        exact, folded = _text_sets(self.language, text)
        marked, key = self.phrase[position]
        return key in (exact if marked else folded)

    def words_in(self, text):
        """``(positions of the query's required words present as typed, ... in any spelling)``."""
        if self.language == "km":
            runs = self._runs(text)
            found = {
                i
                for i, syllables in enumerate(self.word_syllables)
                if any(_contains(r, syllables) for r in runs)
            }
            return found, found
        exact = {i for i in self.required if self._present(i, text)}
        if self.language == "en":
            return exact, exact
        folded = _text_sets(self.language, text)[1]
        return exact, {i for i in self.required if self.folded[i] in folded}

    def phrase_in(self, text):
        if self.language == "km":
            return any(_contains(run, self.phrase_syllables) for run in self._runs(text))
        if not all(self._present(i, text) for i in range(len(self.phrase))):
            return False
        tokens, size = self._doc_tokens(text), len(self.phrase)
        return any(
            all(self._match(tokens[start + j], j) for j in range(size))
            for start in range(len(tokens) - size + 1)
        )

    def grade(self, doc, extra=()):
        """The document's grade; ``extra``: more of its texts (metadata), each apart from the rest."""
        texts = [doc.title, doc.body, *extra]
        if any(self.phrase_in(text) for text in texts):
            return 3
        exact, anything = set(), set()
        for text in texts:
            found, spelled = self.words_in(text)
            exact |= found
            anything |= spelled
        if self.language == "km" and not self.spec.spaced:
            return 1 if anything else 0
        required = set(range(len(self.words))) if self.language == "km" else set(self.required)
        if exact == required:
            return 2
        return 1 if anything else 0

    def mentions(self, text):
        """Whether ``text`` holds any of the query's words in any spelling, the common ones aside."""
        common = set(self.spec.common)
        if self.language == "km":
            runs = self._runs(text)
            return any(
                any(_contains(r, syllables) for r in runs)
                for word, syllables in zip(self.words, self.word_syllables, strict=True)
                if word not in common
            )
        if self.language == "en":
            return any(self._present(i, text) for i in self.required)
        folded = _text_sets(self.language, text)[1]
        return any(self.folded[i] in folded for i in self.required)


def grade(language, query_text, doc, extra=()):
    """The grade of ``doc`` for the query of ``language`` typed as ``query_text``; ``extra``: more
    texts of the document (its metadata), each judged apart (no phrase runs from one into the
    next) but counted for the words it holds."""
    return _judge(language, query_text).grade(doc, extra)


@lru_cache(maxsize=64)
def _judge(language, query_text):
    spec = next(spec for spec in SPECS[language] if spec.text == query_text)
    return _Judge(language, spec)


# --------------------------------------------------------------------------------------------
# Unicode forms of Vietnamese
# --------------------------------------------------------------------------------------------
def legacy_form(text):
    """The mixed form of older keyboards and converted documents: vowel marks precomposed with
    their vowel (“ô”, “ư”, “ă”), the tone mark as a combining character after it (U+0323)."""
    out = []
    for character in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", character)
        tones = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        out.append(base + tones)
    return "".join(out)


FORMS = ("NFC", "NFD", "legacy")


def _in_form(text, form):
    if form == "legacy":
        return legacy_form(text)
    return unicodedata.normalize(form, text)


# --------------------------------------------------------------------------------------------
# Building the set
# --------------------------------------------------------------------------------------------
class _Builder:
    def __init__(self, language, seed):
        self.language = language
        self.corpus = Corpus(language, seed)
        self.rng = random.Random(f"relevance:{language}:{seed}")  # noqa: S311 (test data, not secrets)
        self.judges = [_Judge(language, spec) for spec in SPECS[language]]
        self.documents, self.intended = [], {}  # intended: key -> (query number, grade)
        self.forms = 0

    def _neutral(self, judge, text):
        """Neither a word of ``judge``'s query nor any query's phrase."""
        return not judge.mentions(text) and not any(other.phrase_in(text) for other in self.judges)

    def _filler(self, judge, count):
        sentences = []
        while len(sentences) < count:
            sentence = self.corpus.sentence()
            if self._neutral(judge, sentence):
                sentences.append(sentence)
        return sentences

    def _title(self, judge):
        while True:
            title = self.corpus.title()
            if self._neutral(judge, title):
                return title

    def _add(self, key, title, sentences, number=None, intended=None):
        if self.language == "vi":
            form = FORMS[self.forms % len(FORMS)]
            self.forms += 1
            title, sentences = _in_form(title, form), [_in_form(s, form) for s in sentences]
        doc = Doc(key=key, language=self.language, title=title, body=" ".join(sentences))
        self.documents.append(doc)
        if intended is not None:
            self.intended[key] = (number, intended)
        return doc

    def _spread(self, judge, parts, gap=3):
        """``parts`` far apart: filler sentences before, between and after them."""
        body = self._filler(judge, self.rng.randint(0, 1))
        for index, part in enumerate(parts):
            if index:
                body += self._filler(judge, gap + self.rng.randint(0, 2))
            body.append(part)
        return body + self._filler(judge, self.rng.randint(1, 2))

    def query_documents(self, number, spec):
        judge = self.judges[number]
        prefix = f"{self.language}-q{number:02d}"
        if not spec.fragments:  # a query that shares another query's documents
            return
        sentences = spec.sentences or tuple(c.format(spec.phrase) for c in CARRIERS[self.language])
        picks = self.rng.sample(sentences, min(3, len(sentences)))
        for n, sentence in enumerate(picks):
            body = self._filler(judge, self.rng.randint(1, 3)) + [sentence]
            body += self._filler(judge, self.rng.randint(1, 3))
            self._add(f"{prefix}-phrase{n}", self._title(judge), body, number, 3)
        fragments = spec.fragments
        scattered_grade = 2 if spec.spaced else 1  # a Khmer phrase typed as one unit
        for n, (_fragment, title, _sentence) in enumerate(fragments):
            others = [sentence for i, (_f, _t, sentence) in enumerate(fragments) if i != n]
            self._add(f"{prefix}-title{n}", title, self._spread(judge, others), number, scattered_grade)
        scattered = [sentence for _f, _t, sentence in fragments]
        body = self._spread(judge, scattered)
        self._add(f"{prefix}-scattered", self._title(judge), body, number, scattered_grade)
        self._add(f"{prefix}-some", self._title(judge), self._spread(judge, scattered[:1]), number, 1)
        for n, sentence in enumerate(spec.near):
            body = self._filler(judge, 2) + [sentence] + self._filler(judge, 2)
            self._add(f"{prefix}-near{n}", self._title(judge), body, number, 1)

    def distractors(self, count):
        """Corpus documents, sentence by sentence: a sentence that would give the document a query's
        phrase, or all the words of a query that already has its share of such distractors, is
        passed over (and a title that leaves no sentence possible is drawn again)."""
        relevant = [0] * len(self.judges)
        for made in range(count):
            for _title in range(50):
                title, sentences, grades = self._distractor(relevant)
                if sentences:
                    break
            else:
                raise RuntimeError(f"{self.language}: no sentence fits distractor {made}")
            for i, g in enumerate(grades):
                relevant[i] += g == 2
            self._add(f"{self.language}-d{made:03d}", title, sentences)

    def _distractor(self, relevant):
        title = self.corpus.title()
        if any(judge.phrase_in(title) for judge in self.judges):
            return title, [], []
        wanted, sentences, grades = self.rng.randint(2, 5), [], [0] * len(self.judges)
        for _attempt in range(40):
            if len(sentences) == wanted:
                break
            candidate = [*sentences, self.corpus.sentence()]
            probe = Doc("probe", self.language, title, " ".join(candidate))
            new = [judge.grade(probe) for judge in self.judges]
            if 3 in new or any(
                g == 2 and old < 2 and relevant[i] >= DISTRACTOR_GRADE2_CAP
                for i, (g, old) in enumerate(zip(new, grades, strict=True))
            ):
                continue
            sentences, grades = candidate, new
        return title, sentences, grades

    def queries(self):
        queries = []
        for number, (spec, judge) in enumerate(zip(SPECS[self.language], self.judges, strict=True)):
            judgments = {}
            for doc in self.documents:
                value = judge.grade(doc)
                if value:
                    judgments[doc.key] = value
            for key, (owner, intended) in self.intended.items():
                if owner == number and judgments.get(key, 0) != intended:
                    raise AssertionError(
                        f"{self.language} {spec.text!r}: {key} was built as grade {intended} "
                        f"but holds grade {judgments.get(key, 0)}"
                    )
            queries.append(Query(self.language, spec.text, judgments))
        return queries


@lru_cache(maxsize=4)
def build(seed=SEED, distractors=DISTRACTORS):
    """The relevance set: documents and judged queries for vi, en and km (deterministic)."""
    documents, queries = [], []
    for language in LANGUAGES:
        builder = _Builder(language, seed)
        for number, spec in enumerate(SPECS[language]):
            builder.query_documents(number, spec)
        builder.distractors(distractors)
        documents += builder.documents
        queries += builder.queries()
    return RelevanceSet(documents, queries)


# --------------------------------------------------------------------------------------------
# Measures
# --------------------------------------------------------------------------------------------
def dcg(grades):
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades))


def ndcg(ranked, judgments, k=10):
    """NDCG@k of ``ranked`` document keys; unjudged documents count as grade 0."""
    ideal = dcg(sorted(judgments.values(), reverse=True)[:k])
    return dcg([judgments.get(key, 0) for key in ranked[:k]]) / ideal if ideal else 1.0


def recall(ranked, judgments, k=10, minimum=2):
    """Share of the documents of grade ``minimum`` or more found in the top ``k``, out of as many
    as fit there."""
    relevant = {key for key, g in judgments.items() if g >= minimum}
    if not relevant:
        return 1.0
    return len(relevant & set(ranked[:k])) / min(k, len(relevant))


def order_violations(ranked, judgments):
    """Pairs ``(higher, lower)`` of judged documents in the wrong order (a grade-2 document above
    a grade-3 one, ...), and the documents of grade 2 or more missing from ``ranked``."""
    position = {key: index for index, key in enumerate(ranked)}
    missing = sorted(key for key, g in judgments.items() if g >= 2 and key not in position)
    found = sorted((position[key], key) for key in judgments if key in position)
    wrong = []
    for index, (_rank, above) in enumerate(found):
        for _rank2, below in found[index + 1 :]:
            if judgments[above] < judgments[below]:
                wrong.append((above, below))
    return wrong, missing


# --------------------------------------------------------------------------------------------
# Into the search index and out again
# --------------------------------------------------------------------------------------------
def object_ids(relevance):
    return {doc.key: OBJECT_ID_BASE + number for number, doc in enumerate(relevance.documents)}


def search_documents(relevance, locales):
    """The set as :class:`search.backends.Document`\\ s, made as the site makes a page's
    (``search.sources._document``: the same analysis of title and text), with object ids far
    above any page's. ``locales``: ``{language code: Locale}``."""
    from wagtail.models import Page

    from search import sources

    ids = object_ids(relevance)
    documents = []
    for doc in relevance.documents:
        stand_in = Page(pk=ids[doc.key], translation_key=uuid.uuid5(KEY_NAMESPACE, doc.key))
        documents.append(
            sources._document(
                stand_in,
                kind="page",
                locale=locales[doc.language],
                title=doc.title,
                text=doc.body,
                url=f"/relevance/{doc.key}/",
            )
        )
    return documents


def index(relevance, locales):
    """Store the set in the configured search index; returns what :func:`remove` needs."""
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import Page

    from search.backends import get_index

    get_index().store(search_documents(relevance, locales))
    content_type = ContentType.objects.get_for_model(Page).pk
    return [(content_type, object_id) for object_id in object_ids(relevance).values()]


def remove(identities):
    from search.backends import get_index

    get_index().store([], remove=identities)


def run(relevance, locales, *, limit=50, only_the_set=True):
    """Run every query; ``{(language, text): [document keys, best first]}``. With ``only_the_set``
    false the whole index is searched, and its other documents appear as ``"#<SearchDocument pk>"``."""
    from search import analysis
    from search.backends import SearchRequest, get_index
    from search.models import SearchDocument

    keys = {object_id: key for key, object_id in object_ids(relevance).items()}
    restriction = (
        ("SELECT object_id FROM search_searchdocument WHERE object_id >= %s", [OBJECT_ID_BASE])
        if only_the_set
        else None
    )
    results = {}
    for query in relevance.queries:
        request = SearchRequest(
            groups=analysis.analyse_query(query.text, english=query.language == "en"),
            locale_id=locales[query.language].pk,
            limit=limit,
            object_filter=restriction,
        )
        ids = get_index().search(request).ids
        objects = dict(SearchDocument.objects.filter(pk__in=ids).values_list("pk", "object_id"))
        results[(query.language, query.text)] = [keys.get(objects[pk], f"#{pk}") for pk in ids]
    return results


def report(relevance, results, k=10, *, require_all=True):
    """Per language: mean NDCG@k, recall@k (grade 2 or more) and the share of queries whose graded
    order is kept: every grade above every lower one among the documents found, and (with
    ``require_all``) every document of grade 2 or more found."""
    figures = {}
    for language in LANGUAGES:
        queries = [q for q in relevance.queries if q.language == language]
        per_query = []
        for query in queries:
            ranked_all = results[(language, query.text)]
            ranked = [key for key in ranked_all if key in query.judgments]
            wrong, missing = order_violations(ranked, query.judgments)
            per_query.append(
                {
                    "query": query.text,
                    "ndcg": round(ndcg(ranked_all, query.judgments, k), 4),
                    "recall": round(recall(ranked_all, query.judgments, k), 4),
                    "order_kept": not wrong and not (missing and require_all),
                    "wrong_pairs": len(wrong),
                    "missing": len(missing),
                }
            )
        count = len(per_query) or 1
        figures[language] = {
            "queries": len(per_query),
            f"ndcg@{k}": round(sum(q["ndcg"] for q in per_query) / count, 4),
            f"recall@{k}": round(sum(q["recall"] for q in per_query) / count, 4),
            "graded_order_kept": round(sum(q["order_kept"] for q in per_query) / count, 4),
            "per_query": per_query,
        }
    return figures
