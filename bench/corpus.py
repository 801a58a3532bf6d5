# ruff: noqa: E501 - vocabulary in three languages, written one pool per block (like */demo*.py)
"""Newsroom-like text in Vietnamese, English and Khmer, for benchmarks and relevance tests.

Real provincial newsroom text about the human-rights communication plans (Decision 1079/QĐ-TTg):
training of officials, press briefings, contests, exhibitions, commune loudspeakers and radio in
minority languages, legal aid, children, gender equality, people with disabilities, ethnic
minorities and the seven UN conventions Viet Nam is party to (ICCPR, ICESCR, CEDAW, ICERD, CRC,
CRPD, CAT). Sentences are composed from templates (several dozen per language) whose slots are
filled from vocabulary written for each language: actors, actions, events, topics, audiences,
places, times and numbers. Slots may hold slots (a place is a commune of a province), so the
number of distinct sentences runs into the billions (:func:`capacity`), while the templates keep
the function words and collocations of real text (“bạo lực gia đình”, “legal aid”, “សិទ្ធិកុមារ”).
Content words are drawn with Zipf-like weights: each pool lists its most common entries first
and the entry of rank *r* is drawn with weight 1/r, as in real text.

Khmer is written as Khmer is: no spaces between the words of a phrase, a space between phrases
and clauses, Khmer digits, sentences ending with ``។``. In the vocabulary below ``_`` marks a word
boundary inside a phrase; it is removed from the text and used by :meth:`Corpus.words`.

Vietnamese text mixes the two tone-mark placements newsrooms use (“hòa”/“hoà”, “ủy”/“uỷ”) in
about a quarter of its sentences; it is always NFC.

    >>> corpus = Corpus("vi", seed=1)
    >>> corpus.title(), corpus.sentence(), corpus.paragraph(3)

``python bench/corpus.py`` prints how many distinct sentences each language can produce, the
self-check (:func:`self_check`) and a few samples.
"""

import math
import random
import re
import unicodedata
from collections import Counter
from functools import cache

LANGUAGES = ("vi", "en", "km")
ZIPF_EXPONENT = 1.0
_SLOT = re.compile(r"\{([a-z_]+?)\d*\}")  # {topic}, {topic2}: the same pool, drawn again
_KHMER = re.compile("[\u1780-\u17ff]")
_KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
_VIETNAMESE_MARKS = re.compile("[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]")


class Uniform(tuple):
    """A pool whose entries are equally likely (numbers, months, weekdays)."""


def _pool(text, uniform=False):
    """Entries separated by ``|`` or line breaks, most common first."""
    entries = tuple(item.strip() for line in text.strip().splitlines() for item in line.split("|"))
    entries = tuple(item for item in entries if item)
    return Uniform(entries) if uniform else entries


def _numbers(low, high, step=1):
    return Uniform(str(value) for value in range(low, high + 1, step))


def _folded(pool):
    """Vietnamese names as English text writes them: without diacritics (“Tan Lap”)."""
    decomposed = (unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d")) for name in pool)
    return type(pool)("".join(c for c in name if not unicodedata.combining(c)) for name in decomposed)


# Shared numeric pools (formatted per language when drawn).
NUMBERS = {
    "few": _numbers(2, 40),
    "people": Uniform([*map(str, range(20, 100)), *map(str, range(100, 3001, 10))]),
    "many": Uniform([*map(str, range(1000, 10000, 50)), *map(str, range(10000, 200001, 500))]),
    "percent": _numbers(3, 95),
    "year": _numbers(2019, 2026),
    "day": _numbers(1, 28),
    "month": _numbers(1, 12),
    "docno": _numbers(12, 360),
    "hour": _numbers(6, 20),
}

# --------------------------------------------------------------------------------------------
# Vietnamese
# --------------------------------------------------------------------------------------------
# fmt: off
VI = {
    "actor": _pool("""
        Sở Tư pháp | Ủy ban nhân dân tỉnh | Sở Thông tin và Truyền thông | Hội Liên hiệp Phụ nữ tỉnh
        Ủy ban nhân dân xã | Tỉnh đoàn | Ban Dân tộc tỉnh | Sở Lao động – Thương binh và Xã hội
        Trung tâm Trợ giúp pháp lý nhà nước | Sở Giáo dục và Đào tạo | Công an tỉnh | Hội Nông dân tỉnh
        Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh | Đài Phát thanh và Truyền hình tỉnh | Báo tỉnh
        Ban Tuyên giáo Tỉnh ủy | Hội Luật gia tỉnh | Phòng Tư pháp | Bộ Tư pháp | Bộ Ngoại giao
        Bộ Công an | Bộ Thông tin và Truyền thông | Trường Chính trị tỉnh | Hội Bảo trợ người khuyết tật và trẻ mồ côi
        Hội Người khuyết tật tỉnh | Hội Cựu chiến binh tỉnh | Liên đoàn Lao động tỉnh | Sở Y tế
        Sở Văn hóa, Thể thao và Du lịch | Viện Kiểm sát nhân dân tỉnh | Tòa án nhân dân tỉnh
        Đoàn Luật sư tỉnh | Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh | Trung tâm Công tác xã hội tỉnh
        Hội Người mù tỉnh | Quỹ Bảo trợ trẻ em tỉnh | Ban Chỉ đạo nhân quyền tỉnh | Bộ đội Biên phòng tỉnh
        Trung tâm Văn hóa tỉnh | Ủy ban nhân dân phường
    """),
    "speaker": _pool("""
        Giám đốc Sở Tư pháp | Phó Chủ tịch Ủy ban nhân dân tỉnh | đại diện Bộ Ngoại giao | báo cáo viên
        Chủ tịch Hội Liên hiệp Phụ nữ tỉnh | Phó Giám đốc Sở Thông tin và Truyền thông | trợ giúp viên pháp lý
        Trưởng Ban Dân tộc tỉnh | Chủ tịch Ủy ban nhân dân xã | luật sư | chuyên gia của UNICEF
        Phó Trưởng Ban Tuyên giáo Tỉnh ủy | đại diện Bộ Tư pháp | Bí thư Tỉnh đoàn | Trưởng phòng Tư pháp
        hiệu trưởng nhà trường | Chủ tịch Hội Người khuyết tật tỉnh | đại diện Công an tỉnh | nhà báo
    """),
    "spokesperson": _pool("""
        người phát ngôn của Ủy ban nhân dân tỉnh | lãnh đạo Sở Tư pháp | Phó Chủ tịch Ủy ban nhân dân tỉnh
        người phát ngôn Bộ Ngoại giao | đại diện Công an tỉnh | lãnh đạo Sở Thông tin và Truyền thông
        lãnh đạo Sở Lao động – Thương binh và Xã hội | Chánh Văn phòng Ủy ban nhân dân tỉnh
    """),
    "organise": _pool("""
        tổ chức | đã tổ chức | phối hợp tổ chức | vừa tổ chức | triển khai | khai mạc | sẽ tổ chức | chủ trì tổ chức
    """),
    "event": _pool("""
        hội nghị tập huấn | lớp bồi dưỡng | buổi tuyên truyền | hội thảo | buổi họp báo | tọa đàm
        cuộc thi tìm hiểu pháp luật | triển lãm ảnh | buổi truyền thông | đợt tuyên truyền lưu động
        buổi đối thoại chính sách | diễn đàn trẻ em | buổi sinh hoạt chuyên đề | hội nghị phổ biến pháp luật
        buổi trợ giúp pháp lý lưu động | lớp tập huấn kỹ năng | chương trình giao lưu | chiến dịch truyền thông
        hội thi tuyên truyền viên giỏi | ngày hội | buổi chiếu phim tài liệu | hội nghị sơ kết | cuộc thi viết
        hội nghị tổng kết | buổi nói chuyện chuyên đề
    """),
    "event_plural": _pool("""
        hội nghị tập huấn | lớp bồi dưỡng | buổi tuyên truyền | buổi trợ giúp pháp lý lưu động | hội thảo
        buổi truyền thông trực tiếp | đợt tuyên truyền lưu động | buổi đối thoại | buổi sinh hoạt chuyên đề
    """),
    "topic": _pool("""
        quyền con người | quyền trẻ em | bình đẳng giới | phòng, chống bạo lực gia đình | trợ giúp pháp lý
        quyền của người khuyết tật | chính sách dân tộc | phòng, chống mua bán người | {convention}
        {law} | bảo vệ trẻ em trên môi trường mạng | phòng, chống xâm hại trẻ em | quyền được giáo dục
        quyền tự do tín ngưỡng, tôn giáo | quyền tiếp cận thông tin | an sinh xã hội | quyền của người cao tuổi
        phòng, chống tảo hôn và hôn nhân cận huyết thống | quyền của người lao động | kỹ năng sống cho học sinh
        cơ chế Rà soát định kỳ phổ quát (UPR) | quyền của đồng bào dân tộc thiểu số | quyền tham gia của trẻ em
        hòa giải ở cơ sở | quyền được chăm sóc sức khỏe | phòng, chống tra tấn | xây dựng gia đình hạnh phúc
        quyền có việc làm của người khuyết tật | phòng, chống bạo lực trên cơ sở giới | quyền bầu cử, ứng cử
    """),
    "convention": _pool("""
        Công ước về quyền trẻ em | Công ước về xóa bỏ mọi hình thức phân biệt đối xử với phụ nữ (CEDAW)
        Công ước về quyền của người khuyết tật | Công ước chống tra tấn | Công ước quốc tế về các quyền dân sự và chính trị
        Công ước quốc tế về các quyền kinh tế, xã hội và văn hóa | Công ước quốc tế về xóa bỏ mọi hình thức phân biệt chủng tộc
        Công ước CRC | Công ước CEDAW | Công ước CRPD | Công ước CAT | Công ước ICCPR | Công ước ICESCR | Công ước ICERD
    """),
    "convention_fact": _pool("""
        Công ước về quyền trẻ em (CRC) từ năm 1990 | Công ước CEDAW từ năm 1982
        Công ước về quyền của người khuyết tật (CRPD) từ năm 2015 | Công ước chống tra tấn (CAT) từ năm 2015
        Công ước quốc tế về các quyền dân sự và chính trị (ICCPR) từ năm 1982
        Công ước quốc tế về các quyền kinh tế, xã hội và văn hóa (ICESCR) từ năm 1982
        Công ước quốc tế về xóa bỏ mọi hình thức phân biệt chủng tộc (ICERD) từ năm 1982
    """),
    "convention_short": _pool("Công ước CRC | Công ước CEDAW | Công ước CRPD | Công ước CAT | Công ước ICCPR | Công ước ICESCR | Công ước ICERD"),
    "law": _pool("""
        Luật Trẻ em | Luật Phòng, chống bạo lực gia đình | Luật Bình đẳng giới | Luật Trợ giúp pháp lý
        Luật Người khuyết tật | Luật Tiếp cận thông tin | Luật Phòng, chống mua bán người | Luật Hòa giải ở cơ sở
        Luật Tín ngưỡng, tôn giáo | Luật Người cao tuổi | Luật Phổ biến, giáo dục pháp luật | Hiến pháp năm 2013
        Bộ luật Lao động | Luật Hôn nhân và gia đình | Luật Giáo dục
    """),
    "audience": _pool("""
        cán bộ, công chức cấp xã | học sinh | phụ nữ và trẻ em gái | người khuyết tật | đồng bào dân tộc thiểu số
        đoàn viên, thanh niên | báo cáo viên pháp luật | phóng viên, biên tập viên | người cao tuổi
        hội viên nông dân | giáo viên | người lao động | già làng, trưởng bản | người có uy tín trong cộng đồng
        cha mẹ học sinh | công an xã | người dân vùng biên giới | ngư dân | chức sắc, chức việc tôn giáo | sinh viên
        công nhân khu công nghiệp | tuyên truyền viên pháp luật | hòa giải viên ở cơ sở | cộng tác viên trẻ em
        sư sãi, achar chùa Khmer
    """),
    "group": _pool("""
        trẻ em | người khuyết tật | phụ nữ | đồng bào dân tộc thiểu số | người cao tuổi | trẻ em có hoàn cảnh đặc biệt
        nạn nhân bạo lực gia đình | người lao động di cư | nạn nhân bị mua bán trở về | người nghèo
        học sinh khuyết tật | trẻ em gái | người bị tạm giữ, tạm giam | người sống với HIV
    """),
    "beneficiary": _pool("""
        người nghèo | người khuyết tật | trẻ em | đồng bào dân tộc thiểu số | người cao tuổi cô đơn
        nạn nhân bạo lực gia đình | người có công với cách mạng | trẻ em có hoàn cảnh đặc biệt | phụ nữ đơn thân
        học sinh nghèo vượt khó | nạn nhân bị mua bán | người bị buộc tội là người chưa thành niên
    """),
    "place": _pool("""
        xã {commune} | {province_full} | xã {commune}, {province_full} | phường {ward} | ấp {few}, xã {commune}
        thôn {hamlet}, xã {commune} | bản {hamlet}, xã {commune} | các xã biên giới | các xã vùng sâu, vùng xa
        trường {school} | huyện {commune} | thị trấn {commune} | chùa {pagoda}, xã {commune}
        nhà văn hóa xã {commune}
    """),
    "commune_place": _pool("xã {commune} | phường {ward} | thị trấn {commune} | xã {commune}, {province_full}"),
    "commune": _pool("""
        Tri Tôn | Châu Thành | Trà Cú | Tân Lập | Vĩnh Châu | Mường Nhé | Ea Súp | Cầu Kè | Tịnh Biên | Phước Long
        An Phú | Mỹ Xuyên | Hòa Bình | Kế Sách | Thạnh Phú | Sín Chéng | Tà Xùa | Hòn Đất | Giang Thành
        Ngọc Hiển | Năm Căn | Krông Pắc | Đắk Glei | Sa Thầy | Bắc Hà | Mèo Vạc | Đồng Văn | Quản Bạ
        Si Ma Cai | Mường Tè | Phong Thổ | Tuần Giáo | Bình Liêu | Ba Chẽ | Kỳ Sơn | Quế Phong | Nam Trà My
        A Lưới | Hướng Hóa | Tiểu Cần | Duyên Hải | Gò Quao | Thới Bình | Long Hưng | Đông Hải | Vĩnh Thạnh
        Ia Grai | Chư Sê | Lắk | Đam Rông | Lạc Dương
    """),
    "ward": _pool("""
        Bến Thành | Long Xuyên | Sóc Trăng | Phú Lợi | Châu Đốc | Rạch Giá | Trà Vinh | Buôn Ma Thuột
        Pleiku | Đà Lạt | Hội An | Bắc Giang | Thủ Dầu Một | Cao Lãnh | Vị Thanh | Tân An
    """),
    "hamlet": _pool("""
        Tân Hòa | Đông Sơn | Phú Mỹ | Sóc Tràm | Bưng Sen | Ô Chum | Pác Nặm | Nà Hẩu | Phiêng Luông | Tà Lùng
        Kon Klor | Buôn Đôn | Plei Ơi | Trà Sét | Kà Tum | Sà Lôn | Tha La | Cây Gòn
    """),
    "school": _pool("""
        Trung học cơ sở {commune} | Tiểu học {commune} | Phổ thông Dân tộc nội trú tỉnh
        Trung học phổ thông {commune} | Phổ thông Dân tộc bán trú {commune}
    """),
    "pagoda": _pool("Sóc Ven | Ô Dung | Kh'Leang | Âng | Chén Kiểu | Xà Tón | Dơi | Hang | Phnô Đôn | Sà Lôn"),
    "province": _pool("""
        An Giang | Cần Thơ | Vĩnh Long | Cà Mau | Đắk Lắk | Gia Lai | Lâm Đồng | Hà Nội | Hồ Chí Minh | Đồng Tháp
        Tây Ninh | Lào Cai | Điện Biên | Sơn La | Lai Châu | Thanh Hóa | Nghệ An | Quảng Trị | Huế | Đà Nẵng
        Quảng Ngãi | Khánh Hòa | Đồng Nai | Tuyên Quang | Cao Bằng | Lạng Sơn | Quảng Ninh | Thái Nguyên
        Phú Thọ | Bắc Ninh | Hưng Yên | Hải Phòng | Ninh Bình | Hà Tĩnh
    """),
    "province_full": _pool("""
        tỉnh An Giang | thành phố Cần Thơ | tỉnh Vĩnh Long | tỉnh Cà Mau | tỉnh Đắk Lắk | tỉnh Gia Lai
        tỉnh Lâm Đồng | thành phố Hà Nội | Thành phố Hồ Chí Minh | tỉnh Đồng Tháp | tỉnh Tây Ninh | tỉnh Lào Cai
        tỉnh Điện Biên | tỉnh Sơn La | tỉnh Lai Châu | tỉnh Thanh Hóa | tỉnh Nghệ An | tỉnh Quảng Trị
        thành phố Huế | thành phố Đà Nẵng | tỉnh Quảng Ngãi | tỉnh Khánh Hòa | tỉnh Đồng Nai | tỉnh Tuyên Quang
        tỉnh Cao Bằng | tỉnh Lạng Sơn | tỉnh Quảng Ninh | tỉnh Thái Nguyên | tỉnh Phú Thọ | tỉnh Bắc Ninh
        tỉnh Hưng Yên | thành phố Hải Phòng | tỉnh Ninh Bình | tỉnh Hà Tĩnh
    """),
    "area": _pool("""
        vùng đồng bào dân tộc thiểu số | vùng sâu, vùng xa | khu vực biên giới | vùng ven biển | các xã đặc biệt khó khăn
        vùng đồng bào Khmer | các bản vùng cao | khu công nghiệp | vùng thường xuyên ngập lũ | các xã đảo
    """),
    "ethnic": _pool("""
        đồng bào Khmer | đồng bào Mông | đồng bào Ê Đê | đồng bào Chăm | đồng bào Thái | đồng bào Dao
        đồng bào Gia Rai | đồng bào Ba Na | đồng bào Tày | đồng bào Nùng | đồng bào Xơ Đăng | đồng bào Cơ Tu
        đồng bào M'nông | đồng bào Raglai | đồng bào Hrê | đồng bào Hoa
    """),
    "language": _pool("""
        tiếng Khmer | tiếng Mông | tiếng Ê Đê | tiếng Chăm | tiếng Thái | tiếng Gia Rai | tiếng Ba Na | tiếng Dao
        tiếng Tày | tiếng Xơ Đăng | tiếng Cơ Tu | tiếng M'nông | tiếng Hoa | song ngữ Việt – Khmer
    """),
    "channel": _pool("""
        hệ thống loa truyền thanh cơ sở | trang thông tin điện tử | mạng xã hội | sóng phát thanh của tỉnh
        bản tin | pa nô, áp phích | tờ gấp | các nhóm Zalo của thôn | sóng truyền hình địa phương | loa di động
        cụm loa không dây | trang fanpage của xã | sổ tay hỏi – đáp pháp luật | bảng tin điện tử ở trụ sở xã
    """),
    "channel_local": _pool("""
        đài truyền thanh | hệ thống loa | cụm loa không dây | đài truyền thanh – truyền hình | trang thông tin điện tử
    """),
    "material": _pool("""
        tờ gấp | cuốn sổ tay | áp phích | video clip | bộ tài liệu | tin bài | phóng sự | cuốn sách hỏi – đáp
        tiểu phẩm | bài phát thanh | đoạn phim hoạt hình | bộ tranh cổ động | cẩm nang
    """),
    "exhibits": _pool("""
        bức ảnh | tư liệu | hiện vật | tranh cổ động | tác phẩm báo chí | ấn phẩm | bức tranh của học sinh
    """),
    "activity": _pool("""
        công tác tuyên truyền | phổ biến, giáo dục pháp luật | truyền thông | hoạt động trợ giúp pháp lý
        các hoạt động hưởng ứng | đối thoại với người dân | kiểm tra, giám sát | tập huấn cho cán bộ cơ sở
        hoạt động giáo dục ngoại khóa | cung cấp thông tin chính thống
    """),
    "problem": _pool("""
        bạo lực gia đình | xâm hại trẻ em | tảo hôn | mua bán người | trẻ em bỏ học | lao động trẻ em
        phân biệt đối xử với người khuyết tật | định kiến giới | tin giả trên mạng xã hội | lừa đảo qua mạng
        đuối nước ở trẻ em | hôn nhân cận huyết thống | kỳ thị người sống với HIV | bạo lực học đường
        xâm hại trẻ em trên môi trường mạng | xuất cảnh trái phép
    """),
    "violation": _pool("""
        bạo lực gia đình | xâm hại trẻ em | tảo hôn | vi phạm quyền trẻ em | mua bán người | sử dụng lao động trẻ em
        phân biệt đối xử | đăng tin sai sự thật | lừa đảo trên mạng
    """),
    "solution": _pool("""
        phù hợp với từng địa bàn | để nâng cao hiệu quả tuyên truyền | nhằm phát hiện sớm các vụ việc
        để bảo vệ nạn nhân | nhằm hỗ trợ kịp thời cho người dân | để tăng cường phối hợp liên ngành
        gắn với phong tục, tập quán của đồng bào | để huy động cộng đồng cùng tham gia
    """),
    "duty": _pool("""
        tuyên truyền sâu rộng đến người dân | báo cáo kết quả thực hiện | bố trí kinh phí cho các hoạt động
        cập nhật tài liệu tuyên truyền | tổ chức tập huấn cho đội ngũ báo cáo viên | rà soát các văn bản liên quan
        phối hợp cung cấp thông tin cho báo chí | lồng ghép nội dung vào các chương trình phát thanh
        xây dựng mô hình điểm | kiểm tra việc thực hiện tại cơ sở
    """),
    "deadline": _pool("""
        trước ngày {day}/{month} | trong quý {quarter} | trong năm {year} | hằng quý | trước ngày 15/12 hằng năm | định kỳ 6 tháng
    """),
    "document": _pool("""
        Kế hoạch số {docno}/KH-UBND | Quyết định số 1079/QĐ-TTg của Thủ tướng Chính phủ | Chỉ thị số 41-CT/TW
        Kế hoạch thực hiện Đề án | Công văn số {docno}/STP-PBGDPL | Quyết định số {docno}/QĐ-UBND
        Chương trình hành động của tỉnh | kế hoạch tuyên truyền năm {year}
    """),
    "plan": _pool("""
        kế hoạch tuyên truyền về quyền con người | Đề án theo Quyết định 1079/QĐ-TTg
        chương trình phổ biến, giáo dục pháp luật | kế hoạch thực hiện Chiến lược quốc gia về bình đẳng giới
        chương trình bảo vệ trẻ em | kế hoạch trợ giúp người khuyết tật | chương trình mục tiêu quốc gia
        kế hoạch hành động vì trẻ em | chương trình truyền thông về công tác dân tộc
    """),
    "phase": _pool("2021–2025 | 2026–2030 | 2022–2025 | 2021–2030 | 2023–2025", uniform=True),
    "time": _pool("""
        vừa qua | sáng {day}/{month} | chiều {day}/{month} | ngày {day}/{month} | trong tháng {month}
        đầu năm {year} | trong năm {year} | sáng {weekday} | chiều {weekday} | cuối tháng {month}
        trong quý {quarter} | tối {weekday}
    """),
    "period": _pool("""
        năm {year} | 6 tháng đầu năm {year} | quý {quarter} năm {year} | giai đoạn 2021–2025 | từ đầu năm đến nay
        9 tháng năm {year} | năm học {year} | hai năm qua
    """),
    "date": _pool("ngày {day}/{month} | ngày {day} tháng {month} | cuối tháng {month} | ngày {day}/{month}/{year}"),
    "weekday": _pool("thứ Hai | thứ Ba | thứ Tư | thứ Năm | thứ Sáu | thứ Bảy | Chủ nhật", uniform=True),
    "quarter": _pool("I | II | III | IV", uniform=True),
    "slot_time": _pool("{hour} giờ sáng | {hour} giờ chiều | {hour} giờ tối | {hour} giờ 30"),
    "award": _pool("""
        giải Nhất | giải Nhì | giải Ba | giải Khuyến khích | giấy khen | bằng khen | giải đặc biệt | giải tập thể
    """),
    "winners": _pool("""
        tập thể | cá nhân | thí sinh | học sinh | tác giả | đội thi | tuyên truyền viên
    """),
    "contest": _pool("""
        {contest_name} | hội thi hòa giải viên giỏi | cuộc thi sáng tác tranh cổ động | cuộc thi ảnh
        cuộc thi trắc nghiệm trực tuyến | hội thi báo cáo viên pháp luật giỏi
    """),
    "contest_name": _pool("""
        Cuộc thi tìm hiểu {topic} | Cuộc thi viết về {topic} | Hội thi tuyên truyền về {topic}
        Cuộc thi ảnh “{theme}” | Cuộc thi video “{theme}”
    """),
    "theme": _pool("""
        Vì một tuổi thơ bình yên | Bình đẳng để phát triển | Nói không với bạo lực | Chung tay vì người khuyết tật
        Quyền của em | Sắc màu các dân tộc | Ngôi nhà an toàn | Tiếng nói trẻ em
    """),
    "report_title": _pool("""
        {theme} | Đường đến trường | Những người giữ lửa ở bản | Loa xã giữa mùa nước nổi | Trợ giúp pháp lý nơi biên giới
        Tiếng nói của em | Khi phụ nữ được lên tiếng | Cánh cửa mở cho người khuyết tật
    """),
    "media": _pool("""
        Đài Phát thanh và Truyền hình tỉnh | Báo tỉnh | Đài Truyền hình Việt Nam | Báo Nhân Dân | Đài Tiếng nói Việt Nam
        Báo Pháp luật Việt Nam | Báo Dân tộc và Phát triển | phóng viên thường trú
    """),
    "prize": _pool("giải A | giải B | giải C | giải Khuyến khích | giải Nhất"),
    "award_event": _pool("""
        Giải Báo chí tỉnh năm {year} | Liên hoan Phát thanh toàn quốc | Giải Báo chí quốc gia | Giải Báo chí về quyền con người
    """),
    "right": _pool("""
        quyền được học tập | quyền tiếp cận thông tin | quyền được chăm sóc sức khỏe | quyền được bảo vệ
        quyền tham gia | quyền có việc làm | quyền được trợ giúp pháp lý | quyền sử dụng tiếng nói, chữ viết của dân tộc mình
        quyền tiếp cận công lý | quyền bình đẳng
    """),
    "measure": _pool("""
        cấp thẻ bảo hiểm y tế miễn phí | cải tạo lối đi tiếp cận tại trụ sở xã | mở lớp học nghề miễn phí
        bố trí phiên dịch tại các buổi làm việc | thành lập tổ hỗ trợ tại cộng đồng | in tài liệu chữ nổi
        lắp đặt biển chỉ dẫn song ngữ | tổ chức khám sức khỏe định kỳ | hỗ trợ sách vở, đồ dùng học tập
        ban hành quy chế phối hợp
    """),
    "support": _pool("""
        trợ cấp xã hội hằng tháng | học nghề miễn phí | vay vốn ưu đãi | thẻ bảo hiểm y tế | tư vấn pháp lý miễn phí
        xe lăn và dụng cụ trợ giúp | học bổng | nhà ở | sinh kế | chăm sóc sức khỏe tâm lý
    """),
    "facility": _pool("""
        tủ sách pháp luật | điểm tư vấn pháp luật miễn phí | địa chỉ tin cậy ở cộng đồng | câu lạc bộ phụ nữ
        hệ thống loa truyền thanh ứng dụng công nghệ thông tin | nhóm trẻ em nòng cốt | tổ hòa giải | nhà tạm lánh
    """),
    "units": _pool("xã, phường | trường học | thôn, ấp | cơ quan, đơn vị | huyện | xã biên giới | cơ sở giáo dục"),
    "model": _pool("""
        câu lạc bộ gia đình hạnh phúc | địa chỉ tin cậy ở cộng đồng | tổ hòa giải kiểu mẫu | câu lạc bộ trẻ em
        điểm tư vấn pháp luật miễn phí | câu lạc bộ phụ nữ với pháp luật | dân vận khéo | nhóm trẻ em nòng cốt
        ngày pháp luật ở thôn | loa xã phát bằng tiếng dân tộc
    """),
    "campaign": _pool("""
        Tháng hành động vì trẻ em | Ngày Pháp luật Việt Nam 9/11 | Ngày Quyền con người Việt Nam 10/12
        Tháng hành động quốc gia về phòng, chống bạo lực gia đình | Ngày Quốc tế người khuyết tật 3/12
        Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới
        Ngày Toàn dân phòng, chống mua bán người 30/7 | Ngày Quốc tế Thiếu nhi 1/6 | Ngày Quốc tế Phụ nữ 8/3
    """),
    "partner": _pool("""
        UNICEF | Quỹ Dân số Liên hợp quốc (UNFPA) | Chương trình Phát triển Liên hợp quốc (UNDP)
        Tổ chức Lao động quốc tế (ILO) | UN Women | Tổ chức Plan International | Tổ chức Cứu trợ trẻ em
        Liên minh châu Âu | các nhà hảo tâm
    """),
    "hotline": _pool("""
        Tổng đài quốc gia bảo vệ trẻ em 111 | đường dây nóng của Trung tâm Trợ giúp pháp lý | công an xã
        đường dây nóng 1900 969680 | cộng tác viên trẻ em ở thôn | Hội Liên hiệp Phụ nữ xã
    """),
    "finding": _pool("""
        nhiều hộ dân đã biết địa chỉ tìm đến khi bị bạo lực | tài liệu tuyên truyền đã đến được từng hộ
        loa truyền thanh ở một số thôn đã xuống cấp | người dân còn ngại trình báo các vụ việc
        số trẻ em bỏ học giảm rõ rệt | nhiều cán bộ cơ sở chưa nắm vững quy định mới
        chương trình phát thanh bằng tiếng dân tộc được bà con đón nhận
    """),
    "skill": _pool("""
        viết tin, bài | nói trước công chúng | tư vấn, hòa giải | xử lý tình huống | truyền thông trên mạng xã hội
        phỏng vấn | hỗ trợ nạn nhân | sử dụng ngôn ngữ ký hiệu | làm chương trình phát thanh
    """),
    "person": _pool("""
        Ông {surname} {middle_m} {given_m} | Bà {surname} {middle_f} {given_f} | Anh {surname} {middle_m} {given_m}
        Chị {surname} {middle_f} {given_f}
    """, uniform=True),
    "surname": _pool("Nguyễn | Trần | Lê | Phạm | Hoàng | Huỳnh | Phan | Vũ | Võ | Đặng | Bùi | Đỗ | Thạch | Sơn | Danh | Lâm"),
    "middle_m": _pool("Văn | Minh | Hữu | Đức | Quốc | Thanh | Hoàng | Công", uniform=True),
    "middle_f": _pool("Thị | Ngọc | Thu | Thanh | Minh | Kim | Hồng", uniform=True),
    "given_m": _pool("An | Bình | Hùng | Dũng | Sơn | Tuấn | Nam | Phúc | Long | Quang | Khánh | Hải | Sang | Sa Rết | Sóc Kha", uniform=True),
    "given_f": _pool("Hoa | Lan | Mai | Hương | Thảo | Hạnh | Nga | Hiền | Trang | Linh | Chanh Đa | Sa Rin | Phượng", uniform=True),
    "role": _pool("""
        Chủ tịch Ủy ban nhân dân xã | cán bộ tư pháp – hộ tịch xã | trưởng ấp | giáo viên | người có uy tín
        Chủ tịch Hội Phụ nữ xã | phóng viên | trợ giúp viên pháp lý | học sinh lớp 9 | người khuyết tật
        cán bộ văn hóa xã | phụ huynh học sinh | trưởng thôn | già làng | thành viên tổ hòa giải
    """),
    "quote": _pool("""
        Chúng tôi sẽ tiếp tục {activity} về {topic} cho {audience}
        Từ khi có {facility}, bà con đã mạnh dạn hơn khi gặp {problem}
        Các em đã biết cách tự bảo vệ mình trước {problem}
        Tôi hiểu rõ hơn về {topic} sau {event}
        Nghe loa xã bằng {language}, bà con dễ hiểu và dễ nhớ hơn
        Chúng tôi mong có thêm nhiều {event_plural} như thế này ở {place}
    """),
}

VI_SENTENCES = _pool("""
    {actor} {organise} {event} về {topic} cho {people} {audience} tại {place}.
    {time}, {actor} {organise} {event} về {topic} cho {audience} trên địa bàn {province_full}.
    Tại {event}, {speaker} đã giới thiệu những nội dung cơ bản của {topic} và {topic2}.
    Theo {document}, {actor} có trách nhiệm {duty} {deadline}.
    Trong {period}, {actor} đã tổ chức {few} {event_plural}, thu hút {many} lượt người tham gia.
    Nhiều {audience} cho biết {event} đã giúp họ hiểu rõ hơn về {topic}.
    {speaker} nhấn mạnh {topic} là nội dung trọng tâm trong kế hoạch năm {year} của {actor}.
    Nội dung tuyên truyền về {topic} được phát trên {channel} bằng {language} để {ethnic} dễ tiếp cận.
    {actor} đề nghị các địa phương tăng cường {activity} về {topic} trên {channel}.
    Qua đó góp phần nâng cao nhận thức của {audience} tại {place} về {topic}.
    Năm {year}, Trung tâm Trợ giúp pháp lý nhà nước {province_full} đã thụ lý {people} vụ việc cho {beneficiary}.
    Các đại biểu đã trao đổi về tình trạng {problem} tại {place} và đề xuất giải pháp {solution}.
    {actor} đã trao {award} cho {few} {winners} xuất sắc tại {contest}.
    Triển lãm giới thiệu {people} {exhibits} về {topic}, mở cửa đến hết {date}.
    Theo thống kê của {actor}, {period} toàn tỉnh ghi nhận {few} vụ {problem}, giảm {percent}% so với cùng kỳ.
    Việt Nam là thành viên của {convention_fact}, và {actor} đã lồng ghép nội dung này vào {plan} năm {year}.
    Tại buổi họp báo {time}, {spokesperson} đã trả lời câu hỏi của phóng viên về {topic}.
    Mỗi tuần, {channel_local} của {commune_place} phát {few} chương trình về {topic}.
    {actor} đã biên soạn {people} {material} về {topic} bằng {language}.
    {contest_name} nhận được {many} bài dự thi của {audience} đến từ {few} {units}.
    Lớp tập huấn tại {place} trang bị cho {people} học viên kiến thức về {topic} và kỹ năng {skill}.
    Những năm qua, tình trạng {problem} ở {area} vẫn còn diễn biến phức tạp, nhất là tại {place}.
    Để bảo đảm {right} của {group}, {actor} đã {measure}.
    {group} tại {place} được hỗ trợ {support} theo quy định của {law}.
    {time}, hội nghị của {actor} đã đánh giá kết quả thực hiện {plan} giai đoạn {phase} và triển khai nhiệm vụ năm {year}.
    Theo {speaker}, việc tuyên truyền về {topic} qua {channel} phù hợp với điều kiện của {area}.
    Các tình huống pháp lý về {topic} trong {material} của {actor} được xây dựng gần gũi với đời sống, giúp {audience} dễ nhớ, dễ áp dụng.
    Đến nay, {few} {units} trên địa bàn {province_full} đã có {facility}.
    {actor} phối hợp với {actor2} kiểm tra việc thực hiện {law} tại {few} {units}.
    {event} về {topic} tại {place} được thực hiện với sự hỗ trợ của {partner}.
    Đây là hoạt động thiết thực của {actor} tại {place} hưởng ứng {campaign} năm {year}.
    Phát biểu tại {event}, {speaker} đề nghị {audience} tích cực tham gia {activity} về {topic}.
    {many} hộ gia đình tại {place} đã được tiếp cận thông tin về {topic} qua {channel}.
    Từ đầu năm đến nay, {actor} đã phát hiện, xử lý {few} trường hợp {violation} tại {place}.
    Nhiều mô hình hay như {model} đã được nhân rộng tại {place}.
    Dịp này, {actor} đã trao tặng {people} suất quà cho {beneficiary} tại {place}.
    Báo cáo viên đã phân tích các quy định của {law} liên quan đến {topic} và trả lời câu hỏi của {audience}.
    Người dân tại {place} có thể liên hệ {hotline} để được tư vấn, hỗ trợ về {topic} miễn phí.
    {person}, {role}, cho biết: “{quote}”.
    Sau {few} ngày học tập, {people} học viên của {event} về {topic} đã được cấp giấy chứng nhận.
    {province_full} hiện có {many} người khuyết tật, trong đó {percent}% được hưởng trợ cấp xã hội hằng tháng.
    Kết quả kiểm tra tại {place} cho thấy {finding}.
    {actor} yêu cầu các cơ quan, đơn vị {duty} trước {date}.
    Việc thực hiện {convention_short} được {actor} lồng ghép vào {plan} năm {year}.
    Phóng sự “{report_title}” về {topic} của {media} đã đoạt {prize} tại {award_event}.
    Chương trình phát thanh bằng {language} được phát vào lúc {slot_time} hằng ngày trên {channel_local} của {commune_place}.
    Nhờ được hỗ trợ {support}, nhiều {group} ở {place} đã ổn định cuộc sống.
    Đoàn công tác của {actor} đã làm việc với {actor2} về {topic} {time}.
""")

VI_TITLES = _pool("""
    {province}: Tập huấn về {topic} cho {audience}
    Tập huấn {topic} cho {audience}
    {event} về {topic} tại {place}
    Nâng cao nhận thức về {topic} cho {ethnic}
    {people} {audience} tham gia {contest}
    Phát động {contest_name}
    Trao giải {contest_name}
    Khai mạc triển lãm ảnh về {topic}
    Đưa {topic} đến với {ethnic}
    {province}: Chung tay phòng, chống {problem}
    Trợ giúp pháp lý cho {beneficiary} ở {place}
    Loa xã góp phần tuyên truyền {topic}
    Bảo đảm {right} của {group}
    {province} đẩy mạnh tuyên truyền {topic}
    Giảm tình trạng {problem} ở {area}
    Tăng cường {activity} về {topic}
    Họp báo thông tin về {topic}
    Phát thanh bằng {language} về {topic}
    {group} ở {place} được hỗ trợ {support}
""")

# --------------------------------------------------------------------------------------------
# English
# --------------------------------------------------------------------------------------------
EN = {
    "actor": _pool("""
        the Department of Justice | the Provincial People's Committee | the Department of Information and Communications
        the Provincial Women's Union | the Commune People's Committee | the Provincial Youth Union
        the Provincial Ethnic Affairs Committee | the Department of Labour, Invalids and Social Affairs
        the State Legal Aid Centre | the Department of Education and Training | the Provincial Police
        the Provincial Farmers' Association | the Provincial Fatherland Front Committee
        the Provincial Radio and Television Station | the provincial newspaper
        the Propaganda Department of the Provincial Party Committee | the Provincial Lawyers' Association
        the District Justice Office | the Ministry of Justice | the Ministry of Foreign Affairs
        the Ministry of Public Security | the Ministry of Information and Communications | the Provincial Political School
        the Association for the Support of Disabled People and Orphans | the Provincial Disabled People's Association
        the Provincial Veterans' Association | the Provincial Labour Federation | the Department of Health
        the Department of Culture, Sports and Tourism | the Provincial People's Procuracy | the Provincial People's Court
        the Provincial Bar Association | the Legal Dissemination Council | the Provincial Social Work Centre
        the Provincial Association of the Blind | the Provincial Child Protection Fund
        the Provincial Steering Committee on Human Rights | the Border Guard Command | the Provincial Cultural Centre
        the Ward People's Committee
    """),
    "speaker": _pool("""
        the Director of the Department of Justice | the Vice Chairman of the Provincial People's Committee
        a representative of the Ministry of Foreign Affairs | the rapporteur | the President of the Provincial Women's Union
        the Deputy Director of the Department of Information and Communications | a legal aid officer
        the Head of the Provincial Ethnic Affairs Committee | the Chairman of the Commune People's Committee | a lawyer
        a UNICEF specialist | the Deputy Head of the Propaganda Department | a representative of the Ministry of Justice
        the Secretary of the Provincial Youth Union | the head of the District Justice Office | the school principal
        the President of the Provincial Disabled People's Association | a representative of the Provincial Police | a journalist
    """),
    "spokesperson": _pool("""
        the spokesperson of the Provincial People's Committee | the leadership of the Department of Justice
        the Vice Chairman of the Provincial People's Committee | the spokesperson of the Ministry of Foreign Affairs
        a representative of the Provincial Police | the leadership of the Department of Information and Communications
        the leadership of the Department of Labour, Invalids and Social Affairs | the Chief of Office of the Provincial People's Committee
    """),
    "organise": _pool("""
        held | organised | co-organised | has just held | launched | opened | will hold | chaired
    """),
    "event": _pool("""
        a training conference | a refresher course | an awareness session | a workshop | a press briefing | a round-table discussion
        a legal knowledge contest | a photo exhibition | a communication event | a mobile awareness campaign
        a policy dialogue | a children's forum | a themed meeting | a conference on legal dissemination
        a mobile legal aid session | a skills training course | an exchange programme | a media campaign
        a contest for outstanding communicators | a community festival | a documentary screening | a mid-term review conference
        a writing contest | a year-end review conference | a themed talk
    """),
    "event_plural": _pool("""
        training conferences | refresher courses | awareness sessions | mobile legal aid sessions | workshops
        face-to-face communication sessions | mobile awareness campaigns | dialogues | themed meetings
    """),
    "topic": _pool("""
        human rights | the rights of the child | gender equality | the prevention of domestic violence | legal aid
        the rights of persons with disabilities | ethnic minority policy | the fight against human trafficking | {convention}
        {law} | child protection online | the prevention of child abuse | the right to education
        freedom of belief and religion | the right of access to information | social security | the rights of older persons
        the prevention of child marriage and consanguineous marriage | workers' rights | life skills for pupils
        the Universal Periodic Review (UPR) | the rights of ethnic minorities | children's participation
        grassroots mediation | the right to health care | the prevention of torture | building happy families
        the right to work of persons with disabilities | the prevention of gender-based violence | the right to vote and stand for election
    """),
    "convention": _pool("""
        the Convention on the Rights of the Child | the Convention on the Elimination of All Forms of Discrimination against Women (CEDAW)
        the Convention on the Rights of Persons with Disabilities | the Convention against Torture
        the International Covenant on Civil and Political Rights | the International Covenant on Economic, Social and Cultural Rights
        the International Convention on the Elimination of All Forms of Racial Discrimination
        the CRC | CEDAW | the CRPD | the CAT | the ICCPR | the ICESCR | the ICERD
    """),
    "convention_fact": _pool("""
        the Convention on the Rights of the Child (CRC) since 1990 | CEDAW since 1982
        the Convention on the Rights of Persons with Disabilities (CRPD) since 2015 | the Convention against Torture (CAT) since 2015
        the International Covenant on Civil and Political Rights (ICCPR) since 1982
        the International Covenant on Economic, Social and Cultural Rights (ICESCR) since 1982
        the International Convention on the Elimination of All Forms of Racial Discrimination (ICERD) since 1982
    """),
    "convention_short": _pool("the CRC | CEDAW | the CRPD | the CAT | the ICCPR | the ICESCR | the ICERD"),
    "law": _pool("""
        the Law on Children | the Law on Domestic Violence Prevention and Control | the Law on Gender Equality | the Law on Legal Aid
        the Law on Persons with Disabilities | the Law on Access to Information | the Law on Human Trafficking Prevention
        the Law on Grassroots Mediation | the Law on Belief and Religion | the Law on the Elderly
        the Law on Legal Dissemination and Education | the 2013 Constitution | the Labour Code
        the Law on Marriage and Family | the Law on Education
    """),
    "audience": _pool("""
        commune officials | pupils | women and girls | persons with disabilities | ethnic minority people
        young people | legal rapporteurs | reporters and editors | older persons | farmers | teachers | workers
        village elders | respected community leaders | parents | commune police officers | people in border areas
        fishermen | religious dignitaries | university students | factory workers | legal communicators
        grassroots mediators | child protection volunteers | monks and achars of Khmer pagodas
    """),
    "group": _pool("""
        children | persons with disabilities | women | ethnic minority people | older persons | children in special circumstances
        survivors of domestic violence | migrant workers | returned trafficking victims | poor households
        pupils with disabilities | girls | people in pre-trial detention | people living with HIV
    """),
    "beneficiary": _pool("""
        poor people | persons with disabilities | children | ethnic minority people | older people living alone
        survivors of domestic violence | war veterans' families | children in special circumstances | single mothers
        pupils from poor families | trafficking survivors | juvenile defendants
    """),
    "place": _pool("""
        {commune} commune | {province_full} | {commune} commune, {province_full} | {ward} ward | hamlet {few}, {commune} commune
        {hamlet} village, {commune} commune | border communes | remote communes | {commune} {school}
        {commune} district | {commune} town | {pagoda} pagoda, {commune} commune | the {commune} commune cultural house
    """),
    "commune_place": _pool("{commune} commune | {ward} ward | {commune} town | {commune} commune, {province_full}"),
    "commune": _folded(VI["commune"]),
    "ward": _folded(VI["ward"]),
    "hamlet": _folded(VI["hamlet"]),
    "school": _pool("""
        lower secondary school | primary school | ethnic boarding school | upper secondary school | semi-boarding school
    """),
    "pagoda": _folded(VI["pagoda"]),
    "province": _pool("""
        An Giang | Can Tho | Vinh Long | Ca Mau | Dak Lak | Gia Lai | Lam Dong | Hanoi | Ho Chi Minh City | Dong Thap
        Tay Ninh | Lao Cai | Dien Bien | Son La | Lai Chau | Thanh Hoa | Nghe An | Quang Tri | Hue | Da Nang
        Quang Ngai | Khanh Hoa | Dong Nai | Tuyen Quang | Cao Bang | Lang Son | Quang Ninh | Thai Nguyen
        Phu Tho | Bac Ninh | Hung Yen | Hai Phong | Ninh Binh | Ha Tinh
    """),
    "province_full": _pool("""
        An Giang province | Can Tho city | Vinh Long province | Ca Mau province | Dak Lak province | Gia Lai province
        Lam Dong province | Hanoi | Ho Chi Minh City | Dong Thap province | Tay Ninh province | Lao Cai province
        Dien Bien province | Son La province | Lai Chau province | Thanh Hoa province | Nghe An province
        Quang Tri province | Hue city | Da Nang city | Quang Ngai province | Khanh Hoa province | Dong Nai province
        Tuyen Quang province | Cao Bang province | Lang Son province | Quang Ninh province | Thai Nguyen province
        Phu Tho province | Bac Ninh province | Hung Yen province | Hai Phong city | Ninh Binh province | Ha Tinh province
    """),
    "area": _pool("""
        ethnic minority areas | remote areas | border areas | coastal areas | the most disadvantaged communes
        Khmer communities | highland villages | industrial zones | flood-prone areas | island communes
    """),
    "ethnic": _pool("""
        Khmer people | Hmong people | Ede people | Cham people | Thai people | Dao people | Jarai people | Bahnar people
        Tay people | Nung people | Xo Dang people | Co Tu people | M'nong people | Raglai people | Hre people | Hoa people
    """),
    "language": _pool("""
        Khmer | Hmong | Ede | Cham | Thai | Jarai | Bahnar | Dao | Tay | Xo Dang | Co Tu | M'nong | Chinese
        both Vietnamese and Khmer
    """),
    "channel": _pool("""
        commune loudspeakers | the provincial web portal | social media | provincial radio | newsletters
        posters and billboards | leaflets | village Zalo groups | local television | mobile loudspeakers
        wireless loudspeaker clusters | the commune's Facebook page | question-and-answer handbooks
        electronic notice boards at the commune office
    """),
    "channel_local": _pool("""
        radio station | loudspeaker system | wireless loudspeaker cluster | radio and television station | web portal
    """),
    "material": _pool("""
        leaflets | handbooks | posters | video clips | sets of materials | news stories | reports | question-and-answer booklets
        short plays | radio programmes | animated films | sets of campaign posters | guides
    """),
    "exhibits": _pool("""
        photographs | documents | artefacts | campaign posters | press works | publications | paintings by pupils
    """),
    "activity": _pool("""
        awareness raising | legal dissemination and education | communication | legal aid activities
        commemorative activities | dialogue with residents | inspection and supervision | training for grassroots officials
        extracurricular education | the provision of official information
    """),
    "problem": _pool("""
        domestic violence | child abuse | child marriage | human trafficking | school dropout | child labour
        discrimination against persons with disabilities | gender stereotypes | fake news on social media | online fraud
        child drowning | consanguineous marriage | stigma against people living with HIV | school violence
        online child sexual abuse | illegal emigration
    """),
    "violation": _pool("""
        domestic violence | child abuse | child marriage | violations of children's rights | human trafficking | child labour
        discrimination | spreading false information | online fraud
    """),
    "solution": _pool("""
        suited to each locality | to make communication more effective | to detect cases early | to protect victims
        to support residents promptly | to strengthen inter-agency cooperation | that respect local customs
        to mobilise the whole community
    """),
    "duty": _pool("""
        reach every household with information | report on implementation | allocate funds for the activities
        update communication materials | train the team of legal rapporteurs | review the relevant regulations
        provide information to the press | include the content in radio programmes | build pilot models
        inspect implementation at the grassroots
    """),
    "deadline": _pool("""
        by {day} {month_name} | in the {quarter} quarter | in {year} | every quarter | by 15 December each year | every six months
    """),
    "document": _pool("""
        Plan No. {docno}/KH-UBND | Decision No. 1079/QD-TTg of the Prime Minister | Directive No. 41-CT/TW
        the plan to implement the Project | Official Letter No. {docno}/STP-PBGDPL | Decision No. {docno}/QD-UBND
        the provincial action programme | the {year} communication plan
    """),
    "plan": _pool("""
        the human rights communication plan | the Project under Decision 1079/QD-TTg | the legal education programme
        the plan to implement the National Strategy on Gender Equality | the child protection programme
        the plan to support persons with disabilities | the national target programme | the action plan for children
        the communication programme on ethnic affairs
    """),
    "phase": VI["phase"],
    "time": _pool("""
        recently | on the morning of {day} {month_name} | on the afternoon of {day} {month_name} | on {day} {month_name}
        in {month_name} | early in {year} | in {year} | on {weekday} morning | on {weekday} afternoon
        at the end of {month_name} | in the {quarter} quarter | on {weekday} evening
    """),
    "period": _pool("""
        in {year} | in the first half of {year} | in the {quarter} quarter of {year} | between 2021 and 2025 | since the start of the year
        in the first nine months of {year} | in the {year} school year | over the past two years
    """),
    "date": _pool("{day} {month_name} | {day} {month_name} {year} | the end of {month_name}"),
    "weekday": _pool("Monday | Tuesday | Wednesday | Thursday | Friday | Saturday | Sunday", uniform=True),
    "month_name": _pool(
        "January | February | March | April | May | June | July | August | September | October | November | December",
        uniform=True,
    ),
    "quarter": _pool("first | second | third | fourth", uniform=True),
    "slot_time": _pool("{hour}:00 | {hour}:30 | {hour}:15 | {hour}:45"),
    "award": _pool("""
        first prizes | second prizes | third prizes | consolation prizes | certificates of merit | letters of commendation
        special prizes | team prizes
    """),
    "winners": _pool("teams | individuals | contestants | pupils | authors | groups | communicators"),
    "contest": _pool("""
        {contest_name} | the contest for good mediators | the poster design contest | the photo contest
        the online quiz | the contest for good legal rapporteurs
    """),
    "contest_name": _pool("""
        the contest on {topic} | the writing contest on {topic} | the communication contest on {topic}
        the photo contest “{theme}” | the video contest “{theme}”
    """),
    "theme": _pool("""
        A Peaceful Childhood | Equal to Grow | Say No to Violence | Hand in Hand with Persons with Disabilities
        My Rights | Colours of Our Peoples | A Safe Home | Children's Voices
    """),
    "report_title": _pool("""
        {theme} | The Road to School | Keepers of the Flame in the Highlands | Loudspeakers in the Flood Season
        Legal Aid on the Border | Her Voice | When Women Speak Up | An Open Door for Persons with Disabilities
    """),
    "media": _pool("""
        the Provincial Radio and Television Station | the provincial newspaper | Viet Nam Television | Nhan Dan newspaper
        the Voice of Viet Nam | the Viet Nam Law newspaper | the Ethnic and Development newspaper | a resident correspondent
    """),
    "prize": _pool("an A prize | a B prize | a C prize | a consolation prize | the first prize"),
    "award_event": _pool("""
        the {year} Provincial Press Awards | the National Radio Festival | the National Press Awards | the Human Rights Press Awards
    """),
    "right": _pool("""
        the right to education | the right of access to information | the right to health care | the right to protection
        the right to participate | the right to work | the right to legal aid | the right to use their own language
        access to justice | equality
    """),
    "measure": _pool("""
        issued free health insurance cards | built ramps at the commune office | opened free vocational classes
        provided interpreters at meetings | set up community support teams | printed materials in Braille
        put up bilingual signs | organised regular health check-ups | provided books and school supplies
        adopted coordination rules
    """),
    "support": _pool("""
        monthly social allowances | free vocational training | preferential loans | health insurance cards | free legal advice
        wheelchairs and assistive devices | scholarships | housing | livelihood support | psychological care
    """),
    "facility": _pool("""
        a legal bookcase | a free legal advice point | a trusted address in the community | a women's club
        an IT-based loudspeaker system | a core children's group | a mediation team | a shelter
    """),
    "units": _pool("communes and wards | schools | villages | agencies | districts | border communes | educational institutions"),
    "model": _pool("""
        happy family clubs | trusted addresses in the community | model mediation teams | children's clubs
        free legal advice points | women and the law clubs | skilful mass mobilisation | core children's groups
        village law days | loudspeakers broadcasting in minority languages
    """),
    "campaign": _pool("""
        the Action Month for Children | Viet Nam Law Day (9 November) | Viet Nam Human Rights Day (10 December)
        the National Action Month on Domestic Violence Prevention | the International Day of Persons with Disabilities (3 December)
        the Action Month for Gender Equality and the Prevention of Gender-Based Violence
        the Day against Human Trafficking (30 July) | International Children's Day (1 June) | International Women's Day (8 March)
    """),
    "partner": _pool("""
        UNICEF | the United Nations Population Fund (UNFPA) | the United Nations Development Programme (UNDP)
        the International Labour Organization (ILO) | UN Women | Plan International | Save the Children
        the European Union | private donors
    """),
    "hotline": _pool("""
        the national child protection hotline 111 | the Legal Aid Centre hotline | the commune police
        the 1900 969680 hotline | the child protection volunteer in the village | the commune Women's Union
    """),
    "finding": _pool("""
        many households now know where to turn when facing violence | the materials have reached every household
        loudspeakers in some villages need repair | residents are still reluctant to report cases
        school dropout has fallen markedly | many grassroots officials do not yet know the new regulations
        radio programmes in minority languages are well received
    """),
    "skill": _pool("""
        news writing | public speaking | counselling and mediation | handling difficult situations | social media communication
        interviewing | supporting victims | sign language | producing radio programmes
    """),
    "person": _pool("""
        Mr {surname} {middle_m} {given_m} | Ms {surname} {middle_f} {given_f} | Mrs {surname} {middle_f} {given_f}
    """, uniform=True),
    "surname": _folded(VI["surname"]),
    "middle_m": _folded(VI["middle_m"]),
    "middle_f": _folded(VI["middle_f"]),
    "given_m": _folded(VI["given_m"]),
    "given_f": _folded(VI["given_f"]),
    "role": _pool("""
        Chairman of the Commune People's Committee | a commune justice officer | the hamlet head | a teacher | a respected elder
        President of the commune Women's Union | a reporter | a legal aid officer | a ninth-grade pupil | a person with a disability
        the commune culture officer | a parent | the village head | a village elder | a member of the mediation team
    """),
    "quote": _pool("""
        We will continue {activity} on {topic} for {audience}
        Since we have {facility}, people speak up more when they face {problem}
        The children now know how to protect themselves from {problem}
        I understand {topic} much better after {event}
        Hearing the loudspeakers in {language}, people understand and remember more easily
        We hope for more {event_plural} like this in {place}
    """),
}

EN_SENTENCES = _pool("""
    {actor} {organise} {event} on {topic} for {people} {audience} in {place}.
    {time}, {actor} {organise} {event} on {topic} for {audience} in {province_full}.
    At {event}, {speaker} presented the main provisions of {topic} and {topic2}.
    Under {document}, {actor} is responsible for making sure officials {duty} {deadline}.
    {period}, {actor} held {few} {event_plural}, reaching {many} people.
    Many {audience} said that {event} had helped them understand {topic} better.
    {speaker} stressed that {topic} is a priority of the {year} plan of {actor}.
    The messages on {topic} are broadcast on {channel} in {language} so that {ethnic} can follow them easily.
    {actor} asked localities to step up {activity} on {topic} through {channel}.
    This has helped raise awareness of {topic} among {audience} in {place}.
    In {year}, the State Legal Aid Centre of {province_full} took on {people} cases for {beneficiary}.
    Participants discussed {problem} in {place} and proposed solutions {solution}.
    {actor} awarded {award} to {few} outstanding {winners} at {contest}.
    The exhibition presents {people} {exhibits} on {topic} and is open until {date}.
    According to {actor}, {period} the province recorded {few} cases of {problem}, {percent}% fewer than a year earlier.
    Viet Nam has been a party to {convention_fact}, and {actor} built it into {plan} in {year}.
    At the press briefing {time}, {spokesperson} answered reporters' questions about {topic}.
    Every week the {channel_local} of {commune_place} broadcasts {few} programmes on {topic}.
    {actor} produced {people} {material} on {topic} in {language}.
    {contest_name} received {many} entries from {audience} in {few} {units}.
    The course in {place} gave {people} participants knowledge of {topic} and skills in {skill}.
    In recent years {problem} in {area} has remained a serious concern, especially in {place}.
    To guarantee {right} of {group}, {actor} {measure}.
    {group} in {place} receive {support} under {law}.
    {time}, a conference of {actor} reviewed the implementation of {plan} for {phase} and set out tasks for {year}.
    According to {speaker}, communication on {topic} through {channel} suits the conditions of {area}.
    Legal case studies on {topic} in the {material} of {actor} are drawn from daily life, so that {audience} remember and apply them easily.
    So far {few} {units} in {province_full} have set up {facility}.
    {actor} and {actor2} inspected the implementation of {law} in {few} {units}.
    {event} on {topic} in {place} was carried out with support from {partner}.
    This is a practical contribution of {actor} in {place} to {campaign} {year}.
    Speaking at {event}, {speaker} called on {audience} to take an active part in {activity} on {topic}.
    {many} households in {place} have received information on {topic} through {channel}.
    Since the start of the year {actor} has detected and handled {few} cases of {violation} in {place}.
    Good models such as {model} have been replicated in {place}.
    On this occasion {actor} presented {people} gifts to {beneficiary} in {place}.
    The rapporteur analysed the provisions of {law} on {topic} and answered questions from {audience}.
    Residents of {place} can contact {hotline} for free advice and support on {topic}.
    “{quote},” said {person}, {role}.
    After {few} days of study, {people} participants of {event} on {topic} received certificates.
    {province_full} has {many} persons with disabilities, {percent}% of whom receive a monthly social allowance.
    The inspection in {place} found that {finding}.
    {actor} asked agencies to {duty} by {date}.
    In {year}, {actor} built the implementation of {convention_short} into {plan}.
    The report “{report_title}” on {topic} by {media} won {prize} at {award_event}.
    A radio programme in {language} is broadcast every day at {slot_time} by the {channel_local} of {commune_place}.
    Thanks to {support}, many {group} in {place} have a more stable life.
    A delegation of {actor} worked with {actor2} on {topic} {time}.
""")

EN_TITLES = _pool("""
    {province}: training on {topic} for {audience}
    Training on {topic} for {audience}
    {event} on {topic} in {place}
    Raising awareness of {topic} among {ethnic}
    {people} {audience} take part in {contest}
    Launch of {contest_name}
    Prizes awarded in {contest_name}
    Photo exhibition on {topic} opens
    Bringing {topic} to {ethnic}
    {province} joins hands against {problem}
    Legal aid for {beneficiary} in {place}
    Commune loudspeakers spread the word on {topic}
    Guaranteeing {right} of {group}
    {province} steps up communication on {topic}
    Reducing {problem} in {area}
    More {activity} on {topic}
    Press briefing on {topic}
    Radio in {language} on {topic}
    {group} in {place} receive {support}
""")

# --------------------------------------------------------------------------------------------
# Khmer: ``_`` joins the words of a phrase (removed from the text), a space separates phrases.
# --------------------------------------------------------------------------------------------
KM = {
    "actor": _pool("""
        មន្ទីរ_យុត្តិធម៌_ខេត្ត | គណៈកម្មាធិការ_ប្រជាជន_ខេត្ត | មន្ទីរ_ព័ត៌មាន_និង_គមនាគមន៍ | សហភាព_នារី_ខេត្ត
        គណៈកម្មាធិការ_ប្រជាជន_ឃុំ | សម្ព័ន្ធ_យុវជន_ខេត្ត | គណៈកម្មការ_ជនជាតិ_ខេត្ត
        មន្ទីរ_ការងារ_យុទ្ធជន_និង_សង្គមកិច្ច | មជ្ឈមណ្ឌល_ជំនួយ_ផ្លូវ_ច្បាប់_រដ្ឋ | មន្ទីរ_អប់រំ_និង_បណ្តុះបណ្តាល
        ស្នងការ_នគរបាល_ខេត្ត | សមាគម_កសិករ_ខេត្ត | រណសិរ្ស_មាតុភូមិ_ខេត្ត | ស្ថានីយ_វិទ្យុ_និង_ទូរទស្សន៍_ខេត្ត
        កាសែត_ខេត្ត | មន្ទីរ_ឃោសនា_នៃ_គណៈកម្មាធិការ_បក្ស_ខេត្ត | សមាគម_អ្នក_ច្បាប់_ខេត្ត | ការិយាល័យ_យុត្តិធម៌_ស្រុក
        ក្រសួង_យុត្តិធម៌ | ក្រសួង_ការបរទេស | ក្រសួង_សន្តិសុខ_សាធារណៈ | ក្រសួង_ព័ត៌មាន_និង_គមនាគមន៍
        សាលា_នយោបាយ_ខេត្ត | សមាគម_គាំពារ_ជន_ពិការ_និង_កុមារ_កំព្រា | សមាគម_ជន_ពិការ_ខេត្ត
        សមាគម_អតីត_យុទ្ធជន_ខេត្ត | សហព័ន្ធ_ការងារ_ខេត្ត | មន្ទីរ_សុខាភិបាល | មន្ទីរ_វប្បធម៌_កីឡា_និង_ទេសចរណ៍
        អយ្យការ_ប្រជាជន_ខេត្ត | តុលាការ_ប្រជាជន_ខេត្ត | គណៈ_មេធាវី_ខេត្ត | ក្រុមប្រឹក្សា_ផ្សព្វផ្សាយ_ច្បាប់_ខេត្ត
        មជ្ឈមណ្ឌល_ការងារ_សង្គម_ខេត្ត | សមាគម_ជន_ពិការ_ភ្នែក_ខេត្ត | មូលនិធិ_គាំពារ_កុមារ_ខេត្ត
        គណៈកម្មាធិការ_ដឹកនាំ_ការងារ_សិទ្ធិ_មនុស្ស_ខេត្ត | បញ្ជាការដ្ឋាន_កងការពារ_ព្រំដែន | មជ្ឈមណ្ឌល_វប្បធម៌_ខេត្ត
        គណៈកម្មាធិការ_ប្រជាជន_សង្កាត់
    """),
    "speaker": _pool("""
        ប្រធាន_មន្ទីរ_យុត្តិធម៌ | អនុប្រធាន_គណៈកម្មាធិការ_ប្រជាជន_ខេត្ត | តំណាង_ក្រសួង_ការបរទេស | អ្នក_ធ្វើ_បទបង្ហាញ
        ប្រធាន_សហភាព_នារី_ខេត្ត | អនុប្រធាន_មន្ទីរ_ព័ត៌មាន_និង_គមនាគមន៍ | មន្ត្រី_ជំនួយ_ផ្លូវ_ច្បាប់
        ប្រធាន_គណៈកម្មការ_ជនជាតិ_ខេត្ត | ប្រធាន_គណៈកម្មាធិការ_ប្រជាជន_ឃុំ | មេធាវី | អ្នក_ជំនាញ_របស់_អង្គការ_យូនីសេហ្វ
        អនុប្រធាន_មន្ទីរ_ឃោសនា | តំណាង_ក្រសួង_យុត្តិធម៌ | លេខាធិការ_សម្ព័ន្ធ_យុវជន_ខេត្ត | ប្រធាន_ការិយាល័យ_យុត្តិធម៌
        នាយក_សាលា | ប្រធាន_សមាគម_ជន_ពិការ_ខេត្ត | តំណាង_ស្នងការ_នគរបាល_ខេត្ត | អ្នក_សារព័ត៌មាន
    """),
    "spokesperson": _pool("""
        អ្នក_នាំ_ពាក្យ_គណៈកម្មាធិការ_ប្រជាជន_ខេត្ត | ថ្នាក់ដឹកនាំ_មន្ទីរ_យុត្តិធម៌ | អនុប្រធាន_គណៈកម្មាធិការ_ប្រជាជន_ខេត្ត
        អ្នក_នាំ_ពាក្យ_ក្រសួង_ការបរទេស | តំណាង_ស្នងការ_នគរបាល_ខេត្ត | ថ្នាក់ដឹកនាំ_មន្ទីរ_ព័ត៌មាន_និង_គមនាគមន៍
        ថ្នាក់ដឹកនាំ_មន្ទីរ_ការងារ_យុទ្ធជន_និង_សង្គមកិច្ច | ប្រធាន_ការិយាល័យ_គណៈកម្មាធិការ_ប្រជាជន_ខេត្ត
    """),
    "organise": _pool("""
        បាន_រៀបចំ | បាន_សហការ_រៀបចំ | ទើប_បាន_រៀបចំ | បាន_ដាក់_ឱ្យ_អនុវត្ត | បាន_បើក | នឹង_រៀបចំ | បាន_ធ្វើ_ជា_អធិបតី
    """),
    "event": _pool("""
        សន្និសីទ_បណ្តុះបណ្តាល | វគ្គ_បណ្តុះបណ្តាល | វគ្គ_ផ្សព្វផ្សាយ | សិក្ខាសាលា | សន្និសីទ_សារព័ត៌មាន | កិច្ច_ពិភាក្សា_តុ_មូល
        ការ_ប្រកួត_ស្វែងយល់_ច្បាប់ | ការ_តាំងពិពណ៌_រូបថត | កម្មវិធី_ទំនាក់ទំនង | វគ្គ_ផ្សព្វផ្សាយ_ចល័ត
        កិច្ច_សន្ទនា_គោលនយោបាយ | វេទិកា_កុមារ | កិច្ច_ប្រជុំ_តាម_ប្រធានបទ | សន្និសីទ_ផ្សព្វផ្សាយ_ច្បាប់
        ការ_ផ្ដល់_ជំនួយ_ផ្លូវ_ច្បាប់_ចល័ត | វគ្គ_បណ្តុះបណ្តាល_ជំនាញ | កម្មវិធី_ផ្លាស់ប្ដូរ_បទពិសោធន៍ | យុទ្ធនាការ_ផ្សព្វផ្សាយ
        ការ_ប្រកួត_អ្នក_ផ្សព្វផ្សាយ_ពូកែ | ពិធី_បុណ្យ_សហគមន៍ | ការ_បញ្ចាំង_ខ្សែភាពយន្ត_ឯកសារ | សន្និសីទ_បូកសរុប_ពាក់កណ្ដាល_អាណត្តិ
        ការ_ប្រកួត_សរសេរ | សន្និសីទ_បូកសរុប_ប្រចាំ_ឆ្នាំ | កិច្ច_ពិភាក្សា_តាម_ប្រធានបទ
    """),
    "event_plural": _pool("""
        សន្និសីទ_បណ្តុះបណ្តាល | វគ្គ_បណ្តុះបណ្តាល | វគ្គ_ផ្សព្វផ្សាយ | ការ_ផ្ដល់_ជំនួយ_ផ្លូវ_ច្បាប់_ចល័ត | សិក្ខាសាលា
        វគ្គ_ផ្សព្វផ្សាយ_ផ្ទាល់ | យុទ្ធនាការ_ចល័ត | កិច្ច_សន្ទនា | កិច្ច_ប្រជុំ_តាម_ប្រធានបទ
    """),
    "topic": _pool("""
        សិទ្ធិ_មនុស្ស | សិទ្ធិ_កុមារ | សមភាព_យេនឌ័រ | ការ_បង្ការ_អំពើ_ហិង្សា_ក្នុង_គ្រួសារ | ជំនួយ_ផ្លូវ_ច្បាប់
        សិទ្ធិ_ជន_ពិការ | គោលនយោបាយ_ជនជាតិ | ការ_ប្រឆាំង_ការ_ជួញដូរ_មនុស្ស | {convention} | {law}
        ការ_ការពារ_កុមារ_នៅ_លើ_ប្រព័ន្ធ_អ៊ីនធឺណិត | ការ_បង្ការ_ការ_រំលោភ_បំពាន_លើ_កុមារ | សិទ្ធិ_ទទួល_ការ_អប់រំ
        សេរីភាព_ជំនឿ_និង_សាសនា | សិទ្ធិ_ទទួល_បាន_ព័ត៌មាន | សន្តិសុខ_សង្គម | សិទ្ធិ_មនុស្ស_ចាស់
        ការ_បង្ការ_អាពាហ៍ពិពាហ៍_កុមារ | សិទ្ធិ_កម្មករ | ជំនាញ_ជីវិត_សម្រាប់_សិស្ស
        យន្តការ_ត្រួតពិនិត្យ_តាម_កាលកំណត់_ជា_សកល | សិទ្ធិ_ជនជាតិ_ភាគតិច | ការ_ចូលរួម_របស់_កុមារ
        ការ_សម្រុះសម្រួល_នៅ_មូលដ្ឋាន | សិទ្ធិ_ទទួល_ការ_ថែទាំ_សុខភាព | ការ_ប្រឆាំង_ទារុណកម្ម | ការ_កសាង_គ្រួសារ_សុភមង្គល
        សិទ្ធិ_ការងារ_របស់_ជន_ពិការ | ការ_បង្ការ_អំពើ_ហិង្សា_ផ្អែក_លើ_យេនឌ័រ | សិទ្ធិ_បោះឆ្នោត
    """),
    "convention": _pool("""
        អនុសញ្ញា_ស្ដីពី_សិទ្ធិ_កុមារ | អនុសញ្ញា_ស្ដីពី_ការ_លុបបំបាត់_រាល់_ទម្រង់_នៃ_ការ_រើសអើង_ប្រឆាំង_នឹង_ស្ត្រី
        អនុសញ្ញា_ស្ដីពី_សិទ្ធិ_ជន_ពិការ | អនុសញ្ញា_ប្រឆាំង_នឹង_ទារុណកម្ម | កតិកាសញ្ញា_អន្តរជាតិ_ស្ដីពី_សិទ្ធិ_ពលរដ្ឋ និង_សិទ្ធិ_នយោបាយ
        កតិកាសញ្ញា_អន្តរជាតិ_ស្ដីពី_សិទ្ធិ_សេដ្ឋកិច្ច សង្គមកិច្ច និង_វប្បធម៌
        អនុសញ្ញា_អន្តរជាតិ_ស្ដីពី_ការ_លុបបំបាត់_រាល់_ទម្រង់_នៃ_ការ_រើសអើង_ជាតិសាសន៍
    """),
    "convention_fact": _pool("""
        អនុសញ្ញា_ស្ដីពី_សិទ្ធិ_កុមារ តាំង_ពី_ឆ្នាំ១៩៩០ | អនុសញ្ញា_ស្ដីពី_ការ_លុបបំបាត់_ការ_រើសអើង_ប្រឆាំង_នឹង_ស្ត្រី តាំង_ពី_ឆ្នាំ១៩៨២
        អនុសញ្ញា_ស្ដីពី_សិទ្ធិ_ជន_ពិការ តាំង_ពី_ឆ្នាំ២០១៥ | អនុសញ្ញា_ប្រឆាំង_នឹង_ទារុណកម្ម តាំង_ពី_ឆ្នាំ២០១៥
        កតិកាសញ្ញា_អន្តរជាតិ_ស្ដីពី_សិទ្ធិ_ពលរដ្ឋ និង_សិទ្ធិ_នយោបាយ តាំង_ពី_ឆ្នាំ១៩៨២
        កតិកាសញ្ញា_អន្តរជាតិ_ស្ដីពី_សិទ្ធិ_សេដ្ឋកិច្ច សង្គមកិច្ច និង_វប្បធម៌ តាំង_ពី_ឆ្នាំ១៩៨២
        អនុសញ្ញា_អន្តរជាតិ_ស្ដីពី_ការ_លុបបំបាត់_ការ_រើសអើង_ជាតិសាសន៍ តាំង_ពី_ឆ្នាំ១៩៨២
    """),
    "convention_short": _pool("""
        អនុសញ្ញា_សិទ្ធិ_កុមារ | អនុសញ្ញា_ស្ដីពី_ស្ត្រី | អនុសញ្ញា_សិទ្ធិ_ជន_ពិការ | អនុសញ្ញា_ប្រឆាំង_ទារុណកម្ម
        កតិកាសញ្ញា_សិទ្ធិ_ពលរដ្ឋ_និង_នយោបាយ | កតិកាសញ្ញា_សិទ្ធិ_សេដ្ឋកិច្ច សង្គមកិច្ច និង_វប្បធម៌ | អនុសញ្ញា_ស្ដីពី_ការ_រើសអើង_ជាតិសាសន៍
    """),
    "law": _pool("""
        ច្បាប់_ស្ដីពី_កុមារ | ច្បាប់_ស្ដីពី_ការ_បង្ការ_អំពើ_ហិង្សា_ក្នុង_គ្រួសារ | ច្បាប់_ស្ដីពី_សមភាព_យេនឌ័រ
        ច្បាប់_ស្ដីពី_ជំនួយ_ផ្លូវ_ច្បាប់ | ច្បាប់_ស្ដីពី_ជន_ពិការ | ច្បាប់_ស្ដីពី_ការ_ទទួល_បាន_ព័ត៌មាន
        ច្បាប់_ស្ដីពី_ការ_ប្រឆាំង_ការ_ជួញដូរ_មនុស្ស | ច្បាប់_ស្ដីពី_ការ_សម្រុះសម្រួល_នៅ_មូលដ្ឋាន | ច្បាប់_ស្ដីពី_ជំនឿ_និង_សាសនា
        ច្បាប់_ស្ដីពី_មនុស្ស_ចាស់ | ច្បាប់_ស្ដីពី_ការ_ផ្សព្វផ្សាយ_និង_អប់រំ_ច្បាប់ | រដ្ឋធម្មនុញ្ញ_ឆ្នាំ២០១៣ | ក្រម_ការងារ
        ច្បាប់_ស្ដីពី_អាពាហ៍ពិពាហ៍_និង_គ្រួសារ | ច្បាប់_ស្ដីពី_ការ_អប់រំ
    """),
    "audience": _pool("""
        មន្ត្រី_ថ្នាក់_ឃុំ | សិស្សានុសិស្ស | ស្ត្រី_និង_ក្មេង_ស្រី | ជន_ពិការ | ជនជាតិ_ភាគតិច | យុវជន
        អ្នក_ផ្សព្វផ្សាយ_ច្បាប់ | អ្នក_យក_ព័ត៌មាន_និង_អ្នក_និពន្ធ | មនុស្ស_ចាស់ | កសិករ | គ្រូបង្រៀន | កម្មករ
        ចាស់_ទុំ_ក្នុង_ភូមិ | អ្នក_មាន_ឥទ្ធិពល_ក្នុង_សហគមន៍ | មាតាបិតា_សិស្ស | នគរបាល_ឃុំ | ប្រជាជន_នៅ_តំបន់_ព្រំដែន
        អ្នក_នេសាទ | អ្នក_ដឹកនាំ_សាសនា | និស្សិត | កម្មករ_រោងចក្រ | អ្នក_ឃោសនា_ច្បាប់ | អ្នក_សម្រុះសម្រួល_នៅ_មូលដ្ឋាន
        អ្នក_ស្ម័គ្រចិត្ត_ការពារ_កុមារ | ព្រះសង្ឃ_និង_អាចារ្យ_វត្ត_ខ្មែរ
    """),
    "group": _pool("""
        កុមារ | ជន_ពិការ | ស្ត្រី | ជនជាតិ_ភាគតិច | មនុស្ស_ចាស់ | កុមារ_ដែល_មាន_កាលៈទេសៈ_ពិសេស
        ជនរងគ្រោះ_ដោយ_អំពើ_ហិង្សា_ក្នុង_គ្រួសារ | កម្មករ_ចំណាកស្រុក | ជនរងគ្រោះ_ពី_ការ_ជួញដូរ | គ្រួសារ_ក្រីក្រ
        សិស្ស_ពិការ | ក្មេង_ស្រី | ជន_ជាប់_ឃុំ_បណ្ដោះអាសន្ន | អ្នក_ផ្ទុក_មេរោគ_អេដស៍
    """),
    "beneficiary": _pool("""
        ប្រជាជន_ក្រីក្រ | ជន_ពិការ | កុមារ | ជនជាតិ_ភាគតិច | មនុស្ស_ចាស់_ដែល_រស់នៅ_តែ_ម្នាក់_ឯង
        ជនរងគ្រោះ_ដោយ_អំពើ_ហិង្សា_ក្នុង_គ្រួសារ | គ្រួសារ_អតីត_យុទ្ធជន | កុមារ_ដែល_មាន_កាលៈទេសៈ_ពិសេស | ម្ដាយ_ទោល
        សិស្ស_មក_ពី_គ្រួសារ_ក្រីក្រ | ជនរងគ្រោះ_ពី_ការ_ជួញដូរ | អនីតិជន_ដែល_ត្រូវ_ចោទ_ប្រកាន់
    """),
    "place": _pool("""
        ឃុំ{commune} | {province_full} | ឃុំ{commune} {province_full} | សង្កាត់{ward} | ភូមិ_លេខ{few} ឃុំ{commune}
        ភូមិ{hamlet} ឃុំ{commune} | ឃុំ_តាម_ព្រំដែន | ឃុំ_ដាច់_ស្រយាល | សាលា{school} ឃុំ{commune}
        ស្រុក{commune} | ក្រុង{commune} | វត្ត{pagoda} ឃុំ{commune} | មណ្ឌល_វប្បធម៌_ឃុំ{commune}
    """),
    "commune_place": _pool("ឃុំ{commune} | សង្កាត់{ward} | ក្រុង{commune} | ឃុំ{commune} {province_full}"),
    "commune": _pool("""
        ទ្រីតុន | ចូវថាញ់ | ត្រាគូ | តឹនឡឹប | វិញចូវ | មឿងញេ | អៀស៊ុប | កូវកែ | ទីនបៀន | ភឿកឡុង
        អានភូ | មីស៊ុយៀន | ហ័របិញ | កេសាច | ថាញ់ភូ | ហុនដាត | យ៉ាងថាញ់ | ង៉ុកហៀន | នាំកាន | ទៀវកឹន
        យូយិនហាយ | ហ្គោក្វាវ | ថើយបិញ | ឡុងហ៊ឹង | ដុងហាយ | វិញថាញ់ | ក្រុងប៉ាក់ | សាថ្វាយ | បាក់ហា | មេវ៉ាក់
    """),
    "ward": _pool("ឡុងស៊ុយៀន | ឃ្លាំង | ចូវដុក | រ៉ាចយ៉ា | ព្រះត្រពាំង | បួនមេធួត | ផ្លីគូ | ដាឡាត់ | កាវឡាញ់ | វីថាញ់"),
    "hamlet": _pool("""
        សុក្រាំ | ត្រពាំងស្រង៉ែ | ព្រៃទប់ | អូរចំ | ចំការស្វាយ | បឹងសេន | ពោធិ៍ | ដូនតី | ត្រពាំងខ្ពស់
        ស្វាយតោង | ព្រែកចាក | អូរតាម៉ុក
    """),
    "school": _pool("""
        អនុវិទ្យាល័យ | បឋមសិក្សា | ប្រជាជាតិ_ដាក់_អន្តេវាសិក | វិទ្យាល័យ | ពាក់កណ្ដាល_អន្តេវាសិក
    """),
    "pagoda": _pool("សុខវេន | អូរដុង | ខ្លាំង | អង្គ | ចិនគៀវ | សាទុន | ប្រចៀវ | រូង | ភ្នំដុន | សាឡុន"),
    "province": _pool("""
        អានយ៉ាង | កឹនធើ | វិញឡុង | កាម៉ៅ | ដាក់ឡាក់ | យ៉ាឡាយ | ឡឹមដុង | ហាណូយ | ហូជីមិញ | ដុងថាប | តៃនិញ
        ឡាវកាយ | ឌៀនបៀន | សឺនឡា | ឡាយចូវ | ថាញ់ហ័រ | ង៉េអាន | ក្វាងទ្រី | ហ្វេ | ដាណាំង | ក្វាងង៉ាយ | ខាញ់ហ័រ
        ដុងណៃ | ទ្វៀនក្វាង | កាវបាង | ឡាងសឺន | ក្វាងនិញ | ថៃង្វៀន | ភូថូ | បាក់និញ | ហ៊ឹងអៀន | ហៃផុង
        និញបិញ | ហាទីញ
    """),
    "province_full": _pool("""
        ខេត្ត_អានយ៉ាង | ទីក្រុង_កឹនធើ | ខេត្ត_វិញឡុង | ខេត្ត_កាម៉ៅ | ខេត្ត_ដាក់ឡាក់ | ខេត្ត_យ៉ាឡាយ | ខេត្ត_ឡឹមដុង
        ទីក្រុង_ហាណូយ | ទីក្រុង_ហូជីមិញ | ខេត្ត_ដុងថាប | ខេត្ត_តៃនិញ | ខេត្ត_ឡាវកាយ | ខេត្ត_ឌៀនបៀន | ខេត្ត_សឺនឡា
        ខេត្ត_ឡាយចូវ | ខេត្ត_ថាញ់ហ័រ | ខេត្ត_ង៉េអាន | ខេត្ត_ក្វាងទ្រី | ទីក្រុង_ហ្វេ | ទីក្រុង_ដាណាំង | ខេត្ត_ក្វាងង៉ាយ
        ខេត្ត_ខាញ់ហ័រ | ខេត្ត_ដុងណៃ | ខេត្ត_ទ្វៀនក្វាង | ខេត្ត_កាវបាង | ខេត្ត_ឡាងសឺន | ខេត្ត_ក្វាងនិញ | ខេត្ត_ថៃង្វៀន
        ខេត្ត_ភូថូ | ខេត្ត_បាក់និញ | ខេត្ត_ហ៊ឹងអៀន | ទីក្រុង_ហៃផុង | ខេត្ត_និញបិញ | ខេត្ត_ហាទីញ
    """),
    "area": _pool("""
        តំបន់_ជនជាតិ_ភាគតិច | តំបន់_ដាច់_ស្រយាល | តំបន់_ព្រំដែន | តំបន់_ឆ្នេរ_សមុទ្រ | ឃុំ_ដែល_ជួប_ការ_លំបាក_ខ្លាំង
        សហគមន៍_ខ្មែរ | ភូមិ_នៅ_តំបន់_ខ្ពង់រាប | តំបន់_ឧស្សាហកម្ម | តំបន់_ដែល_ងាយ_រង_ទឹកជំនន់ | ឃុំ_កោះ
    """),
    "ethnic": _pool("""
        ជនជាតិ_ខ្មែរ | ជនជាតិ_ម៉ុង | ជនជាតិ_អេដេ | ជនជាតិ_ចាម | ជនជាតិ_ថៃ | ជនជាតិ_ដាវ | ជនជាតិ_យ៉ារ៉ាយ | ជនជាតិ_បាណា
        ជនជាតិ_តាយ | ជនជាតិ_នុង | ជនជាតិ_សូដាង | ជនជាតិ_កូទូ | ជនជាតិ_ម្នង | ជនជាតិ_រ៉ាក្លាយ | ជនជាតិ_ហ្រេ | ជនជាតិ_ហ្វា
    """),
    "language": _pool("""
        ភាសា_ខ្មែរ | ភាសា_ម៉ុង | ភាសា_អេដេ | ភាសា_ចាម | ភាសា_ថៃ | ភាសា_យ៉ារ៉ាយ | ភាសា_បាណា | ភាសា_ដាវ | ភាសា_តាយ
        ភាសា_សូដាង | ភាសា_កូទូ | ភាសា_ម្នង | ភាសា_ចិន | ពីរ_ភាសា_វៀតណាម_និង_ខ្មែរ
    """),
    "channel": _pool("""
        ឧបករណ៍_បំពង_សំឡេង_ឃុំ | វិបផតថល_របស់_ខេត្ត | បណ្ដាញ_សង្គម | វិទ្យុ_ខេត្ត | ព្រឹត្តិបត្រ_ព័ត៌មាន
        ផ្ទាំង_ប៉ាណូ_និង_ផ្ទាំង_រូបភាព | ខិត្តប័ណ្ណ | ក្រុម_ហ្សាឡូ_របស់_ភូមិ | ទូរទស្សន៍_មូលដ្ឋាន | ឧបករណ៍_បំពង_សំឡេង_ចល័ត
        ប្រព័ន្ធ_ឧបករណ៍_បំពង_សំឡេង_ឥត_ខ្សែ | ទំព័រ_ហ្វេសប៊ុក_របស់_ឃុំ | សៀវភៅ_សំណួរ_ចម្លើយ_អំពី_ច្បាប់
        ក្ដារ_ព័ត៌មាន_អេឡិចត្រូនិក_នៅ_សាលា_ឃុំ
    """),
    "channel_local": _pool("""
        ស្ថានីយ_វិទ្យុ | ប្រព័ន្ធ_ឧបករណ៍_បំពង_សំឡេង | ឧបករណ៍_បំពង_សំឡេង_ឥត_ខ្សែ | ស្ថានីយ_វិទ្យុ_និង_ទូរទស្សន៍ | វិបផតថល
    """),
    "material": _pool("""
        ខិត្តប័ណ្ណ | សៀវភៅ_ណែនាំ | ផ្ទាំង_រូបភាព | វីដេអូ_ខ្លី | ឯកសារ | អត្ថបទ_ព័ត៌មាន | របាយការណ៍_ព័ត៌មាន
        សៀវភៅ_សំណួរ_ចម្លើយ | ល្ខោន_ខ្លី | កម្មវិធី_វិទ្យុ | ភាពយន្ត_គំនូរ_ជីវចល | ផ្ទាំង_រូបភាព_ឃោសនា | សៀវភៅ_មគ្គុទ្ទេសក៍
    """),
    "exhibits": _pool("""
        រូបថត | ឯកសារ | វត្ថុ_បុរាណ | ផ្ទាំង_រូបភាព_ឃោសនា | ស្នាដៃ_សារព័ត៌មាន | សៀវភៅ_បោះពុម្ព | គំនូរ_របស់_សិស្ស
    """),
    "activity": _pool("""
        ការ_ផ្សព្វផ្សាយ | ការ_ផ្សព្វផ្សាយ_និង_អប់រំ_ច្បាប់ | ការ_ទំនាក់ទំនង | សកម្មភាព_ជំនួយ_ផ្លូវ_ច្បាប់ | សកម្មភាព_ឆ្លើយតប
        ការ_សន្ទនា_ជាមួយ_ប្រជាជន | ការ_ត្រួតពិនិត្យ_និង_តាមដាន | ការ_បណ្តុះបណ្តាល_មន្ត្រី_មូលដ្ឋាន | ការ_អប់រំ_ក្រៅ_ម៉ោង
        ការ_ផ្ដល់_ព័ត៌មាន_ផ្លូវការ
    """),
    "problem": _pool("""
        អំពើ_ហិង្សា_ក្នុង_គ្រួសារ | ការ_រំលោភ_បំពាន_លើ_កុមារ | អាពាហ៍ពិពាហ៍_កុមារ | ការ_ជួញដូរ_មនុស្ស | ការ_បោះបង់_ការ_សិក្សា
        ពលកម្ម_កុមារ | ការ_រើសអើង_ជន_ពិការ | គំនិត_ប្រកាន់_យេនឌ័រ | ព័ត៌មាន_ក្លែងក្លាយ_លើ_បណ្ដាញ_សង្គម | ការ_បោកប្រាស់_តាម_អ៊ីនធឺណិត
        ការ_លង់ទឹក_របស់_កុមារ | អាពាហ៍ពិពាហ៍_សាច់_ញាតិ_ជិត | ការ_រើសអើង_អ្នក_ផ្ទុក_មេរោគ_អេដស៍ | អំពើ_ហិង្សា_នៅ_សាលា_រៀន
        ការ_រំលោភ_បំពាន_ផ្លូវ_ភេទ_លើ_កុមារ_តាម_អ៊ីនធឺណិត | ការ_ឆ្លង_ដែន_ខុស_ច្បាប់
    """),
    "violation": _pool("""
        អំពើ_ហិង្សា_ក្នុង_គ្រួសារ | ការ_រំលោភ_បំពាន_លើ_កុមារ | អាពាហ៍ពិពាហ៍_កុមារ | ការ_រំលោភ_សិទ្ធិ_កុមារ | ការ_ជួញដូរ_មនុស្ស
        ការ_ប្រើ_ពលកម្ម_កុមារ | ការ_រើសអើង | ការ_ផ្សាយ_ព័ត៌មាន_មិន_ពិត | ការ_បោកប្រាស់_តាម_អ៊ីនធឺណិត
    """),
    "solution": _pool("""
        ដែល_សមស្រប_នឹង_មូលដ្ឋាន_នីមួយៗ | ដើម្បី_លើក_កម្ពស់_ប្រសិទ្ធភាព_នៃ_ការ_ផ្សព្វផ្សាយ | ដើម្បី_រក_ឃើញ_ករណី_ឱ្យ_បាន_ឆាប់
        ដើម្បី_ការពារ_ជនរងគ្រោះ | ដើម្បី_ជួយ_ប្រជាជន_ឱ្យ_បាន_ទាន់_ពេល | ដើម្បី_ពង្រឹង_កិច្ច_សហការ_អន្តរ_ស្ថាប័ន
        ដែល_គោរព_ទំនៀមទម្លាប់_មូលដ្ឋាន | ដើម្បី_កៀរគរ_សហគមន៍_ទាំង_មូល
    """),
    "duty": _pool("""
        ផ្សព្វផ្សាយ_ឱ្យ_បាន_ទូលំទូលាយ_ដល់_ប្រជាជន | រាយការណ៍_លទ្ធផល_នៃ_ការ_អនុវត្ត | បែងចែក_ថវិកា_សម្រាប់_សកម្មភាព
        ធ្វើ_បច្ចុប្បន្នភាព_ឯកសារ_ផ្សព្វផ្សាយ | បណ្តុះបណ្តាល_ក្រុម_អ្នក_ផ្សព្វផ្សាយ_ច្បាប់ | ពិនិត្យ_ឡើង_វិញ_នូវ_បទប្បញ្ញត្តិ_ពាក់ព័ន្ធ
        ផ្ដល់_ព័ត៌មាន_ដល់_អ្នក_សារព័ត៌មាន | បញ្ចូល_ខ្លឹមសារ_ទៅ_ក្នុង_កម្មវិធី_វិទ្យុ | កសាង_គំរូ_សាកល្បង
        ត្រួតពិនិត្យ_ការ_អនុវត្ត_នៅ_មូលដ្ឋាន
    """),
    "deadline": _pool("""
        មុន_ថ្ងៃទី{day} ខែ{month_name} | ក្នុង_ត្រីមាស_ទី{quarter} | ក្នុង_ឆ្នាំ{year} | រៀងរាល់_ត្រីមាស | មុន_ថ្ងៃទី១៥ ខែធ្នូ_ជា_រៀងរាល់_ឆ្នាំ
        រៀងរាល់_ប្រាំមួយ_ខែ_ម្ដង
    """),
    "document": _pool("""
        ផែនការ_លេខ {docno}/KH-UBND | សេចក្ដីសម្រេច_លេខ ១០៧៩/QĐ-TTg របស់_នាយករដ្ឋមន្ត្រី | សេចក្ដីណែនាំ_លេខ ៤១-CT/TW
        ផែនការ_អនុវត្ត_គម្រោង | លិខិត_លេខ {docno}/STP-PBGDPL | សេចក្ដីសម្រេច_លេខ {docno}/QĐ-UBND
        កម្មវិធី_សកម្មភាព_របស់_ខេត្ត | ផែនការ_ផ្សព្វផ្សាយ_ឆ្នាំ{year}
    """),
    "plan": _pool("""
        ផែនការ_ផ្សព្វផ្សាយ_អំពី_សិទ្ធិ_មនុស្ស | គម្រោង_តាម_សេចក្ដីសម្រេច ១០៧៩ | កម្មវិធី_អប់រំ_ច្បាប់
        ផែនការ_អនុវត្ត_យុទ្ធសាស្ត្រ_ជាតិ_ស្ដីពី_សមភាព_យេនឌ័រ | កម្មវិធី_ការពារ_កុមារ | ផែនការ_ជួយ_ជន_ពិការ
        កម្មវិធី_គោលដៅ_ជាតិ | ផែនការ_សកម្មភាព_សម្រាប់_កុមារ | កម្មវិធី_ផ្សព្វផ្សាយ_អំពី_កិច្ចការ_ជនជាតិ
    """),
    "phase": _pool("២០២១–២០២៥ | ២០២៦–២០៣០ | ២០២២–២០២៥ | ២០២១–២០៣០ | ២០២៣–២០២៥", uniform=True),
    "time": _pool("""
        នា_ពេល_ថ្មីៗ_នេះ | នា_ព្រឹក_ថ្ងៃទី{day} ខែ{month_name} | នា_រសៀល_ថ្ងៃទី{day} ខែ{month_name} | នៅ_ថ្ងៃទី{day} ខែ{month_name}
        ក្នុង_ខែ{month_name} | នៅ_ដើម_ឆ្នាំ{year} | ក្នុង_ឆ្នាំ{year} | នា_ព្រឹក_ថ្ងៃ{weekday} | នា_រសៀល_ថ្ងៃ{weekday}
        នៅ_ចុង_ខែ{month_name} | ក្នុង_ត្រីមាស_ទី{quarter} | នា_ល្ងាច_ថ្ងៃ{weekday}
    """),
    "period": _pool("""
        ឆ្នាំ{year} | ឆមាស_ទី១ ឆ្នាំ{year} | ត្រីមាស_ទី{quarter} ឆ្នាំ{year} | ដំណាក់កាល ២០២១–២០២៥ | រយៈពេល_ចាប់_ពី_ដើម_ឆ្នាំ_មក
        ប្រាំបួន_ខែ_ដើម_ឆ្នាំ{year} | ឆ្នាំ_សិក្សា{year} | ពីរ_ឆ្នាំ_ចុងក្រោយ_នេះ
    """),
    "date": _pool("ថ្ងៃទី{day} ខែ{month_name} | ថ្ងៃទី{day} ខែ{month_name} ឆ្នាំ{year} | ចុង_ខែ{month_name}"),
    "weekday": _pool("ច័ន្ទ | អង្គារ | ពុធ | ព្រហស្បតិ៍ | សុក្រ | សៅរ៍ | អាទិត្យ", uniform=True),
    "month_name": _pool("មករា | កុម្ភៈ | មីនា | មេសា | ឧសភា | មិថុនា | កក្កដា | សីហា | កញ្ញា | តុលា | វិច្ឆិកា | ធ្នូ", uniform=True),
    "quarter": _pool("១ | ២ | ៣ | ៤", uniform=True),
    "slot_time": _pool("ម៉ោង {hour} | ម៉ោង {hour} កន្លះ | ម៉ោង {hour} និង ១៥ នាទី"),
    "award": _pool("""
        រង្វាន់_លេខ_មួយ | រង្វាន់_លេខ_ពីរ | រង្វាន់_លេខ_បី | រង្វាន់_លើក_ទឹកចិត្ត | លិខិត_សរសើរ | ប័ណ្ណ_កិត្តិយស
        រង្វាន់_ពិសេស | រង្វាន់_សមូហភាព
    """),
    "winners": _pool("ក្រុម | បុគ្គល | បេក្ខជន | សិស្ស | អ្នក_និពន្ធ | ក្រុម_ប្រកួត | អ្នក_ផ្សព្វផ្សាយ"),
    "contest": _pool("""
        {contest_name} | ការ_ប្រកួត_អ្នក_សម្រុះសម្រួល_ពូកែ | ការ_ប្រកួត_គូរ_ផ្ទាំង_រូបភាព_ឃោសនា | ការ_ប្រកួត_រូបថត
        ការ_ប្រកួត_តាម_អនឡាញ | ការ_ប្រកួត_អ្នក_ផ្សព្វផ្សាយ_ច្បាប់_ពូកែ
    """),
    "contest_name": _pool("""
        ការ_ប្រកួត_ស្វែងយល់_អំពី_{topic} | ការ_ប្រកួត_សរសេរ_អំពី_{topic} | ការ_ប្រកួត_ផ្សព្វផ្សាយ_អំពី_{topic}
        ការ_ប្រកួត_រូបថត «{theme}» | ការ_ប្រកួត_វីដេអូ «{theme}»
    """),
    "theme": _pool("""
        កុមារភាព_ប្រកប_ដោយ_សន្តិភាព | សមភាព_ដើម្បី_អភិវឌ្ឍ | ទេ_ចំពោះ_អំពើ_ហិង្សា | ដៃ_គ្នា_ដើម្បី_ជន_ពិការ
        សិទ្ធិ_របស់_ខ្ញុំ | ពណ៌_នៃ_ជនជាតិ | ផ្ទះ_ដែល_មាន_សុវត្ថិភាព | សំឡេង_កុមារ
    """),
    "report_title": _pool("""
        {theme} | ផ្លូវ_ទៅ_សាលា_រៀន | អ្នក_ថែរក្សា_ភ្លើង_នៅ_ភូមិ | ឧបករណ៍_បំពង_សំឡេង_ក្នុង_រដូវ_ទឹកជំនន់
        ជំនួយ_ផ្លូវ_ច្បាប់_នៅ_តំបន់_ព្រំដែន | សំឡេង_របស់_នាង | នៅ_ពេល_ស្ត្រី_បញ្ចេញ_មតិ | ទ្វារ_បើក_ចំហ_សម្រាប់_ជន_ពិការ
    """),
    "media": _pool("""
        ស្ថានីយ_វិទ្យុ_និង_ទូរទស្សន៍_ខេត្ត | កាសែត_ខេត្ត | ទូរទស្សន៍_វៀតណាម | កាសែត_ញ៉ានយ៉ាន | វិទ្យុ_សំឡេង_វៀតណាម
        កាសែត_ច្បាប់_វៀតណាម | កាសែត_ជនជាតិ_និង_អភិវឌ្ឍន៍ | អ្នក_យក_ព័ត៌មាន_ប្រចាំ_ខេត្ត
    """),
    "prize": _pool("រង្វាន់ A | រង្វាន់ B | រង្វាន់ C | រង្វាន់_លើក_ទឹកចិត្ត | រង្វាន់_លេខ_មួយ"),
    "award_event": _pool("""
        ពានរង្វាន់_សារព័ត៌មាន_ខេត្ត_ឆ្នាំ{year} | មហោស្រព_វិទ្យុ_ជាតិ | ពានរង្វាន់_សារព័ត៌មាន_ជាតិ | ពានរង្វាន់_សារព័ត៌មាន_អំពី_សិទ្ធិ_មនុស្ស
    """),
    "right": _pool("""
        សិទ្ធិ_ទទួល_ការ_អប់រំ | សិទ្ធិ_ទទួល_បាន_ព័ត៌មាន | សិទ្ធិ_ទទួល_ការ_ថែទាំ_សុខភាព | សិទ្ធិ_ទទួល_ការ_ការពារ
        សិទ្ធិ_ចូលរួម | សិទ្ធិ_ការងារ | សិទ្ធិ_ទទួល_ជំនួយ_ផ្លូវ_ច្បាប់ | សិទ្ធិ_ប្រើ_ភាសា_កំណើត | សិទ្ធិ_ទទួល_បាន_យុត្តិធម៌
        សិទ្ធិ_សមភាព
    """),
    "measure": _pool("""
        ចេញ_ប័ណ្ណ_ធានា_រ៉ាប់រង_សុខភាព_ដោយ_ឥត_គិត_ថ្លៃ | សាងសង់_ផ្លូវ_ជម្រាល_នៅ_សាលា_ឃុំ | បើក_ថ្នាក់_វិជ្ជាជីវៈ_ឥត_គិត_ថ្លៃ
        ផ្ដល់_អ្នក_បកប្រែ_នៅ_ក្នុង_កិច្ច_ប្រជុំ | បង្កើត_ក្រុម_គាំទ្រ_សហគមន៍ | បោះពុម្ព_ឯកសារ_ជា_អក្សរ_ស្ទាប
        ដាក់_ស្លាក_សញ្ញា_ពីរ_ភាសា | រៀបចំ_ការ_ពិនិត្យ_សុខភាព_ទៀងទាត់ | ផ្ដល់_សៀវភៅ_និង_សម្ភារៈ_សិក្សា
        អនុម័ត_បទបញ្ជា_សហការ
    """),
    "support": _pool("""
        ប្រាក់_ឧបត្ថម្ភ_សង្គម_ប្រចាំ_ខែ | ការ_បណ្តុះបណ្តាល_វិជ្ជាជីវៈ_ឥត_គិត_ថ្លៃ | ប្រាក់_កម្ចី_អនុគ្រោះ | ប័ណ្ណ_ធានា_រ៉ាប់រង_សុខភាព
        ការ_ប្រឹក្សា_ផ្លូវ_ច្បាប់_ឥត_គិត_ថ្លៃ | រទេះ_រុញ_និង_ឧបករណ៍_ជំនួយ | អាហារូបករណ៍ | លំនៅឋាន | ការ_គាំទ្រ_ជីវភាព
        ការ_ថែទាំ_ផ្លូវ_ចិត្ត
    """),
    "facility": _pool("""
        ទូ_សៀវភៅ_ច្បាប់ | ចំណុច_ប្រឹក្សា_ច្បាប់_ឥត_គិត_ថ្លៃ | អាសយដ្ឋាន_ដែល_អាច_ទុកចិត្ត_បាន_ក្នុង_សហគមន៍ | ក្លឹប_នារី
        ប្រព័ន្ធ_ឧបករណ៍_បំពង_សំឡេង_ប្រើ_បច្ចេកវិទ្យា_ព័ត៌មាន | ក្រុម_កុមារ_ស្នូល | ក្រុម_សម្រុះសម្រួល | ផ្ទះ_សុវត្ថិភាព
    """),
    "units": _pool("ឃុំ_និង_សង្កាត់ | សាលា_រៀន | ភូមិ | ស្ថាប័ន_និង_អង្គភាព | ស្រុក | ឃុំ_តាម_ព្រំដែន | គ្រឹះស្ថាន_អប់រំ"),
    "model": _pool("""
        ក្លឹប_គ្រួសារ_សុភមង្គល | អាសយដ្ឋាន_ដែល_អាច_ទុកចិត្ត_បាន | ក្រុម_សម្រុះសម្រួល_គំរូ | ក្លឹប_កុមារ
        ចំណុច_ប្រឹក្សា_ច្បាប់_ឥត_គិត_ថ្លៃ | ក្លឹប_នារី_និង_ច្បាប់ | ការ_កៀរគរ_ប្រជាជន_យ៉ាង_ប៉ិនប្រសប់ | ក្រុម_កុមារ_ស្នូល
        ទិវា_ច្បាប់_នៅ_ភូមិ | ឧបករណ៍_បំពង_សំឡេង_ផ្សាយ_ជា_ភាសា_ជនជាតិ
    """),
    "campaign": _pool("""
        ខែ_សកម្មភាព_ដើម្បី_កុមារ | ទិវា_ច្បាប់_វៀតណាម ៩ វិច្ឆិកា | ទិវា_សិទ្ធិ_មនុស្ស_វៀតណាម ១០ ធ្នូ
        ខែ_សកម្មភាព_ជាតិ_ស្ដីពី_ការ_បង្ការ_អំពើ_ហិង្សា_ក្នុង_គ្រួសារ | ទិវា_អន្តរជាតិ_ជន_ពិការ ៣ ធ្នូ
        ខែ_សកម្មភាព_ដើម្បី_សមភាព_យេនឌ័រ_និង_ការ_បង្ការ_អំពើ_ហិង្សា_ផ្អែក_លើ_យេនឌ័រ
        ទិវា_ប្រឆាំង_ការ_ជួញដូរ_មនុស្ស ៣០ កក្កដា | ទិវា_កុមារ_អន្តរជាតិ ១ មិថុនា | ទិវា_នារី_អន្តរជាតិ ៨ មីនា
    """),
    "partner": _pool("""
        អង្គការ_យូនីសេហ្វ | មូលនិធិ_ប្រជាជន_នៃ_អង្គការ_សហប្រជាជាតិ | កម្មវិធី_អភិវឌ្ឍន៍_នៃ_អង្គការ_សហប្រជាជាតិ
        អង្គការ_ពលកម្ម_អន្តរជាតិ | អង្គការ_សហប្រជាជាតិ_ទទួល_បន្ទុក_ស្ត្រី | អង្គការ_ផ្លែន_អន្តរជាតិ | អង្គការ_សង្គ្រោះ_កុមារ
        សហភាព_អឺរ៉ុប | សប្បុរសជន
    """),
    "hotline": _pool("""
        ខ្សែ_ទូរស័ព្ទ_ជាតិ_ការពារ_កុមារ ១១១ | ខ្សែ_ទូរស័ព្ទ_បន្ទាន់_របស់_មជ្ឈមណ្ឌល_ជំនួយ_ផ្លូវ_ច្បាប់ | នគរបាល_ឃុំ
        ខ្សែ_ទូរស័ព្ទ ១៩០០ ៩៦៩៦៨០ | អ្នក_ស្ម័គ្រចិត្ត_ការពារ_កុមារ_នៅ_ភូមិ | សហភាព_នារី_ឃុំ
    """),
    "finding": _pool("""
        គ្រួសារ_ជាច្រើន_បាន_ដឹង_ពី_កន្លែង_ដែល_ត្រូវ_ទៅ_ពេល_រង_អំពើ_ហិង្សា | ឯកសារ_ផ្សព្វផ្សាយ_បាន_ទៅ_ដល់_គ្រប់_គ្រួសារ
        ឧបករណ៍_បំពង_សំឡេង_នៅ_ភូមិ_ខ្លះ_ត្រូវ_ការ_ជួសជុល | ប្រជាជន_នៅ_តែ_ស្ទាក់ស្ទើរ_ក្នុង_ការ_រាយការណ៍_ករណី
        ចំនួន_កុមារ_បោះបង់_ការ_សិក្សា_បាន_ថយចុះ_គួរ_ឱ្យ_កត់សម្គាល់ | មន្ត្រី_មូលដ្ឋាន_ជាច្រើន_មិន_ទាន់_យល់_ច្បាស់_ពី_បទប្បញ្ញត្តិ_ថ្មី
        កម្មវិធី_វិទ្យុ_ជា_ភាសា_ជនជាតិ_ត្រូវ_បាន_ប្រជាជន_ស្វាគមន៍
    """),
    "skill": _pool("""
        សរសេរ_ព័ត៌មាន | និយាយ_នៅ_មុខ_សាធារណជន | ប្រឹក្សា_និង_សម្រុះសម្រួល | ដោះស្រាយ_ស្ថានការណ៍_លំបាក
        ទំនាក់ទំនង_តាម_បណ្ដាញ_សង្គម | សម្ភាសន៍ | ជួយ_ជនរងគ្រោះ | ភាសា_សញ្ញា | ផលិត_កម្មវិធី_វិទ្យុ
    """),
    "person": _pool("លោក {surname} {given_m} | លោកស្រី {surname} {given_f} | អ្នកស្រី {surname} {given_f}", uniform=True),
    "surname": _pool("ថាច់ | សឺន | ដាញ់ | កឹម | លី | ចៅ | ឡឹម | គឹម | ត្រឹង | ង្វៀន | ទ្រឿង | ឡេ"),
    "given_m": _pool("វណ្ណា | សុផល | បូរ៉ា | សំណាង | ដារ៉ា | សុវណ្ណ | វិចិត្រ | ចាន់ធូ | សារ៉េត | សុខខា | វិសាល", uniform=True),
    "given_f": _pool("ចន្ទា | សុភា | ធារី | រតនា | ស្រីមុំ | ពិសី | សាវឿន | សុខឃីម | ចាន់ដា | សុខា | ស្រីនាង", uniform=True),
    "role": _pool("""
        ប្រធាន_គណៈកម្មាធិការ_ប្រជាជន_ឃុំ | មន្ត្រី_យុត្តិធម៌_ឃុំ | មេ_ភូមិ | គ្រូបង្រៀន | អ្នក_មាន_ឥទ្ធិពល_ក្នុង_ភូមិ
        ប្រធាន_សហភាព_នារី_ឃុំ | អ្នក_យក_ព័ត៌មាន | មន្ត្រី_ជំនួយ_ផ្លូវ_ច្បាប់ | សិស្ស_ថ្នាក់_ទី៩ | ជន_ពិការ
        មន្ត្រី_វប្បធម៌_ឃុំ | មាតាបិតា_សិស្ស | អនុ_ប្រធាន_ភូមិ | ចាស់_ទុំ_ក្នុង_ភូមិ | សមាជិក_ក្រុម_សម្រុះសម្រួល
    """),
    "quote": _pool("""
        យើង_នឹង_បន្ត {activity} អំពី {topic} ជូន {audience}
        តាំង_ពី_មាន {facility} ប្រជាជន_ហ៊ាន_និយាយ_ច្រើន_ជាង_មុន_ពេល_ជួប {problem}
        ឥឡូវ_នេះ_កុមារ_ចេះ_ការពារ_ខ្លួន_ពី {problem}
        ខ្ញុំ_យល់_កាន់តែ_ច្បាស់_អំពី {topic} បន្ទាប់_ពី {event}
        ពេល_ស្ដាប់_ឧបករណ៍_បំពង_សំឡេង_ជា_{language} ប្រជាជន_ងាយ_យល់_និង_ងាយ_ចាំ
        យើង_សង្ឃឹម_ថា_នឹង_មាន {event_plural} បែប_នេះ_ច្រើន_ទៀត_នៅ_{place}
    """),
}

KM_SENTENCES = _pool("""
    {actor} {organise} {event} ស្ដីពី_{topic} ជូន {audience} ចំនួន {people} នាក់ នៅ_{place}។
    {time} {actor} {organise} {event} ស្ដីពី_{topic} សម្រាប់ {audience} នៅ_{province_full}។
    នៅ_ក្នុង {event} {speaker} បាន_ណែនាំ_ខ្លឹមសារ_សំខាន់ៗ_នៃ {topic} និង {topic2}។
    យោង_តាម {document} {actor} មាន_ភារកិច្ច {duty} {deadline}។
    ក្នុង {period} {actor} បាន_រៀបចំ {event_plural} ចំនួន {few} លើក ដោយ_មាន_អ្នក_ចូលរួម_ជាង {many} នាក់។
    {audience} ជាច្រើន_បាន_និយាយ_ថា {event} បាន_ជួយ_ឱ្យ_ពួកគេ_យល់_កាន់តែ_ច្បាស់_អំពី {topic}។
    {speaker} បាន_សង្កត់ធ្ងន់_ថា {topic} គឺ_ជា_អាទិភាព_នៃ_ផែនការ_ឆ្នាំ{year} របស់ {actor}។
    ខ្លឹមសារ_ផ្សព្វផ្សាយ_អំពី {topic} ត្រូវ_បាន_ចាក់_ផ្សាយ_តាម {channel} ជា_{language} ដើម្បី_ឱ្យ {ethnic} ងាយ_ស្រួល_ស្ដាប់_យល់។
    {actor} បាន_ស្នើ_ឱ្យ_មូលដ្ឋាន_នានា_ពង្រឹង {activity} អំពី {topic} តាម {channel}។
    ការងារ_នេះ_បាន_រួម_ចំណែក_លើក_កម្ពស់_ការ_យល់ដឹង_របស់ {audience} នៅ_{place} អំពី {topic}។
    ក្នុង_ឆ្នាំ{year} មជ្ឈមណ្ឌល_ជំនួយ_ផ្លូវ_ច្បាប់_រដ្ឋ_{province_full} បាន_ទទួល_ករណី_ចំនួន {people} សម្រាប់ {beneficiary}។
    អ្នក_ចូលរួម_បាន_ពិភាក្សា_អំពី {problem} នៅ_{place} និង_បាន_ស្នើ_ដំណោះស្រាយ {solution}។
    {actor} បាន_ប្រគល់ {award} ជូន {winners} ឆ្នើម_ចំនួន {few} នៅ_ក្នុង {contest}។
    ការ_តាំងពិពណ៌_បង្ហាញ {exhibits} ចំនួន {people} អំពី {topic} ហើយ_បើក_រហូត_ដល់ {date}។
    យោង_តាម {actor} ក្នុង {period} ខេត្ត_បាន_កត់ត្រា_ករណី {problem} ចំនួន {few} ករណី ថយចុះ {percent}% បើ_ធៀប_នឹង_រយៈពេល_ដូចគ្នា។
    វៀតណាម_ជា_រដ្ឋ_ភាគី_នៃ {convention_fact} ហើយ {actor} បាន_បញ្ចូល_ខ្លឹមសារ_នេះ_ទៅ_ក្នុង {plan} ឆ្នាំ{year}។
    នៅ_ក្នុង_សន្និសីទ_សារព័ត៌មាន {time} {spokesperson} បាន_ឆ្លើយ_សំណួរ_របស់_អ្នក_សារព័ត៌មាន_អំពី {topic}។
    រៀងរាល់_សប្ដាហ៍ {channel_local} របស់ {commune_place} ចាក់_ផ្សាយ_កម្មវិធី_ចំនួន {few} អំពី {topic}។
    {actor} បាន_រៀបរៀង {material} ចំនួន {people} អំពី {topic} ជា_{language}។
    {contest_name} បាន_ទទួល_ស្នាដៃ_ចំនួន {many} ពី {audience} មក_ពី {units} ចំនួន {few}។
    វគ្គ_បណ្តុះបណ្តាល_នៅ_{place} បាន_ផ្ដល់_ចំណេះដឹង_អំពី {topic} និង_ជំនាញ {skill} ដល់_សិក្ខាកាម_ចំនួន {people} នាក់។
    ប៉ុន្មាន_ឆ្នាំ_ចុងក្រោយ_នេះ {problem} នៅ {area} នៅ_តែ_ជា_កង្វល់ ជាពិសេស_នៅ_{place}។
    ដើម្បី_ធានា {right} របស់ {group} {actor} បាន {measure}។
    {group} នៅ_{place} ទទួល_បាន {support} តាម {law}។
    {time} សន្និសីទ_របស់ {actor} បាន_វាយតម្លៃ_ការ_អនុវត្ត {plan} ដំណាក់កាល {phase} និង_បាន_ដាក់_ចេញ_ភារកិច្ច_សម្រាប់_ឆ្នាំ{year}។
    យោង_តាម {speaker} ការ_ផ្សព្វផ្សាយ_អំពី {topic} តាម {channel} គឺ_សមស្រប_នឹង_លក្ខខណ្ឌ_របស់ {area}។
    ករណី_សិក្សា_ផ្លូវ_ច្បាប់_អំពី {topic} ក្នុង {material} របស់ {actor} ត្រូវ_បាន_ដក_ស្រង់_ពី_ជីវភាព_ប្រចាំ_ថ្ងៃ ដើម្បី_ឱ្យ {audience} ងាយ_ចងចាំ_និង_ងាយ_អនុវត្ត។
    រហូត_មក_ដល់_ពេល_នេះ {units} ចំនួន {few} នៅ_{province_full} បាន_បង្កើត {facility}។
    {actor} និង {actor2} បាន_ត្រួតពិនិត្យ_ការ_អនុវត្ត {law} នៅ {units} ចំនួន {few}។
    {event} ស្ដីពី_{topic} នៅ_{place} ត្រូវ_បាន_អនុវត្ត_ដោយ_មាន_ការ_គាំទ្រ_ពី {partner}។
    នេះ_ជា_ការ_ចូលរួម_ជាក់ស្ដែង_របស់ {actor} នៅ_{place} ក្នុង {campaign} ឆ្នាំ{year}។
    ថ្លែង_នៅ_ក្នុង {event} {speaker} បាន_អំពាវនាវ_ឱ្យ {audience} ចូលរួម_យ៉ាង_សកម្ម_ក្នុង {activity} អំពី {topic}។
    គ្រួសារ_ចំនួន {many} នៅ_{place} បាន_ទទួល_ព័ត៌មាន_អំពី {topic} តាម {channel}។
    ចាប់_ពី_ដើម_ឆ្នាំ_មក {actor} បាន_រក_ឃើញ_និង_ដោះស្រាយ_ករណី {violation} ចំនួន {few} ករណី នៅ_{place}។
    គំរូ_ល្អៗ_ដូចជា {model} ត្រូវ_បាន_ពង្រីក_នៅ_{place}។
    ក្នុង_ឱកាស_នេះ {actor} បាន_ប្រគល់_អំណោយ_ចំនួន {people} កញ្ចប់ ជូន {beneficiary} នៅ_{place}។
    អ្នក_ធ្វើ_បទបង្ហាញ_បាន_វិភាគ_បទប្បញ្ញត្តិ_នៃ {law} អំពី {topic} និង_បាន_ឆ្លើយ_សំណួរ_របស់ {audience}។
    ប្រជាជន_នៅ_{place} អាច_ទាក់ទង {hotline} ដើម្បី_ទទួល_បាន_ការ_ប្រឹក្សា_និង_ជំនួយ_អំពី {topic} ដោយ_ឥត_គិត_ថ្លៃ។
    {person} {role} បាន_ឱ្យ_ដឹង_ថា «{quote}»។
    បន្ទាប់_ពី_ការ_សិក្សា {few} ថ្ងៃ សិក្ខាកាម_ចំនួន {people} នាក់ នៃ {event} ស្ដីពី_{topic} បាន_ទទួល_វិញ្ញាបនបត្រ។
    {province_full} មាន_ជន_ពិការ_ចំនួន {many} នាក់ ក្នុង_នោះ {percent}% ទទួល_បាន_ប្រាក់_ឧបត្ថម្ភ_សង្គម_ប្រចាំ_ខែ។
    ការ_ត្រួតពិនិត្យ_នៅ_{place} បាន_បង្ហាញ_ថា {finding}។
    {actor} បាន_ស្នើ_ឱ្យ_ស្ថាប័ន_នានា {duty} មុន {date}។
    ក្នុង_ឆ្នាំ{year} {actor} បាន_បញ្ចូល_ការ_អនុវត្ត {convention_short} ទៅ_ក្នុង {plan}។
    របាយការណ៍_ព័ត៌មាន «{report_title}» អំពី {topic} របស់ {media} បាន_ទទួល {prize} នៅ_ក្នុង {award_event}។
    កម្មវិធី_វិទ្យុ_ជា_{language} ត្រូវ_បាន_ចាក់_ផ្សាយ_ជា_រៀងរាល់_ថ្ងៃ_នៅ {slot_time} តាម {channel_local} របស់ {commune_place}។
    ដោយ_សារ {support} {group} ជាច្រើន_នៅ_{place} មាន_ជីវភាព_ប្រសើរ_ជាង_មុន។
    គណៈប្រតិភូ_របស់ {actor} បាន_ធ្វើ_ការ_ជាមួយ {actor2} អំពី {topic} {time}។
""")

KM_TITLES = _pool("""
    {province_full}៖ វគ្គ_បណ្តុះបណ្តាល_អំពី_{topic} ជូន {audience}
    វគ្គ_បណ្តុះបណ្តាល_អំពី_{topic} ជូន {audience}
    {event} ស្ដីពី_{topic} នៅ_{place}
    លើក_កម្ពស់_ការ_យល់ដឹង_អំពី_{topic} ជូន {ethnic}
    {audience} ចំនួន {people} នាក់ ចូលរួម {contest}
    ដាក់_ឱ្យ_ដំណើរការ {contest_name}
    ប្រគល់_រង្វាន់ {contest_name}
    បើក_ការ_តាំងពិពណ៌_រូបថត_អំពី_{topic}
    នាំ {topic} ទៅ_ដល់ {ethnic}
    {province_full} រួម_ដៃ_គ្នា_ប្រឆាំង {problem}
    ជំនួយ_ផ្លូវ_ច្បាប់_សម្រាប់ {beneficiary} នៅ_{place}
    ឧបករណ៍_បំពង_សំឡេង_ឃុំ_ផ្សព្វផ្សាយ_អំពី_{topic}
    ធានា {right} របស់ {group}
    {province_full} ពង្រឹង_ការ_ផ្សព្វផ្សាយ_អំពី_{topic}
    កាត់បន្ថយ {problem} នៅ {area}
    ពង្រឹង {activity} អំពី_{topic}
    សន្និសីទ_សារព័ត៌មាន_អំពី_{topic}
    វិទ្យុ_ជា_{language} អំពី_{topic}
    {group} នៅ_{place} ទទួល_បាន {support}
""")
# fmt: on

LEXICONS = {
    "vi": (VI, VI_SENTENCES, VI_TITLES),
    "en": (EN, EN_SENTENCES, EN_TITLES),
    "km": (KM, KM_SENTENCES, KM_TITLES),
}


# --------------------------------------------------------------------------------------------
# The generator
# --------------------------------------------------------------------------------------------
def _pools(language):
    return {**NUMBERS, **LEXICONS[language][0]}


@cache
def _cumulative(language, name):
    pool = _pools(language)[name]
    if isinstance(pool, Uniform):
        return None
    weights = [1 / (rank**ZIPF_EXPONENT) for rank in range(1, len(pool) + 1)]
    total, cumulative = 0.0, []
    for weight in weights:
        total += weight
        cumulative.append(total)
    return cumulative


def _format_number(language, name, value):
    if name in ("few", "people", "many") and int(value) >= 1000:
        value = f"{int(value):,}".replace(",", {"vi": ".", "en": ",", "km": "."}[language])
    return value.translate(_KHMER_DIGITS) if language == "km" else value


_OLD_STYLE = {
    new: old
    for vowel, targets in (("o", "ae"), ("u", "y"))
    for target in targets
    for tone in "\u0300\u0301\u0309\u0303\u0323"
    for new, old in [
        (
            unicodedata.normalize("NFC", vowel + tone + target),
            unicodedata.normalize("NFC", vowel + target + tone),
        ),
        (
            unicodedata.normalize("NFC", vowel.upper() + tone + target),
            unicodedata.normalize("NFC", vowel.upper() + target + tone),
        ),
    ]
}
_OLD_STYLE_PATTERN = re.compile(f"({'|'.join(_OLD_STYLE)})(?![^\\W\\d_])")


def old_style_tones(text):
    """Vietnamese with the tone mark on the last vowel of “oa, oe, uy” (“hoà”, “uỷ”), as many
    newsrooms still write it; only where that pair ends the syllable (not “hoàng”)."""
    return _OLD_STYLE_PATTERN.sub(lambda match: _OLD_STYLE[match.group(1)], text)


def _strip_punctuation(piece):
    """A word without the punctuation around it (Khmer vowel signs are marks, not punctuation)."""
    start, end = 0, len(piece)
    while start < end and unicodedata.category(piece[start])[0] in "PS":
        start += 1
    while end > start and unicodedata.category(piece[end - 1])[0] in "PS":
        end -= 1
    return piece[start:end]


def _capitalise(text):
    """Upper-case the first letter, after any opening quote; a sentence opening with a number
    stays as it is."""
    index = len(text) - len(text.lstrip('“"«'))
    return text[:index] + text[index : index + 1].upper() + text[index + 1 :]


def _english_articles(text):
    return re.sub(r"\b([Aa]) (?=[aeioAEIO]|un[^i]|hour)", lambda m: m.group(1) + "n ", text)


class Corpus:
    """Seeded generator of newsroom text in one language (``vi``, ``en`` or ``km``)."""

    def __init__(self, language, seed=0):
        if language not in LEXICONS:
            raise ValueError(f"no vocabulary for {language!r}; choose one of {LANGUAGES}")
        self.language = language
        self.rng = random.Random(f"bench.corpus:{language}:{seed}")
        self._pools = _pools(language)
        _slots, self._sentences, self._titles = LEXICONS[language]

    # --- drawing ---------------------------------------------------------------------------
    def _draw(self, name):
        pool = self._pools[name]
        cumulative = _cumulative(self.language, name)
        if cumulative is None:
            value = pool[self.rng.randrange(len(pool))]
        else:
            value = self.rng.choices(pool, cum_weights=cumulative)[0]
        if name in NUMBERS:
            return _format_number(self.language, name, value)
        return value

    def _fill(self, template):
        return _SLOT.sub(lambda match: self._fill(self._draw(match.group(1))), template)

    def _finish(self, raw, *, sentence):
        if self.language == "km":
            text = raw.replace("_", "")
            return " ".join(text.split())
        text = " ".join(raw.split()).replace(" ,", ",")
        if self.language == "en":
            text = _english_articles(text)
        if self.language == "vi" and self.rng.random() < 0.25:
            text = old_style_tones(text)
        return _capitalise(text)

    def _raw_sentence(self):
        return self._fill(self._sentences[self.rng.randrange(len(self._sentences))])

    # --- the public interface ---------------------------------------------------------------
    def sentence(self):
        """One sentence, ending with its full stop (``។`` in Khmer)."""
        return self._finish(self._raw_sentence(), sentence=True)

    def title(self):
        """A short headline: no final full stop, first letter capitalised."""
        return self._finish(self._fill(self._titles[self.rng.randrange(len(self._titles))]), sentence=False)

    def paragraph(self, sentences=None):
        """``sentences`` sentences (default three to six) as one paragraph."""
        count = sentences if sentences is not None else self.rng.randint(3, 6)
        return " ".join(self.sentence() for _ in range(count))

    def paragraphs(self, count=None, sentences=None):
        count = count if count is not None else self.rng.randint(3, 6)
        return [self.paragraph(sentences) for _ in range(count)]

    def words(self, count=100):
        """``count`` words of running text, in order, without punctuation. In Khmer a word is what
        the vocabulary joins with ``_`` or separates by a space (Khmer itself shows no boundary)."""
        words = []
        while len(words) < count:
            raw = self._raw_sentence()
            pieces = re.split(r"[\s_]+", raw) if self.language == "km" else raw.split()
            for piece in pieces:
                word = _strip_punctuation(piece)
                if word:
                    words.append(word)
        return words[:count]


# --------------------------------------------------------------------------------------------
# How much it can say, and whether it says it right
# --------------------------------------------------------------------------------------------
def _slot_count(language, name, seen=()):
    pool = _pools(language)[name]
    if name in seen:  # a pool that contains itself would be infinite; none does
        raise ValueError(f"{language}: slot {name!r} contains itself")
    return sum(_template_count(language, value, (*seen, name)) for value in pool)


@cache
def _template_count(language, template, seen=()):
    return math.prod(_slot_count(language, name, seen) for name in _SLOT.findall(template))


def capacity(language, kind="sentence"):
    """How many distinct sentences (or titles, ``kind="title"``) the templates can produce: the
    sum over templates of the product of their slots' sizes, nested slots multiplied out."""
    _slots, sentences, titles = LEXICONS[language]
    return sum(
        _template_count(language, template) for template in (sentences if kind == "sentence" else titles)
    )


def zipf_slope(words, top=300):
    """Least-squares slope of log(frequency) against log(rank) over the ``top`` commonest words:
    about -1 for natural text."""
    counts = [count for _word, count in Counter(word.casefold() for word in words).most_common(top)]
    xs = [math.log(rank) for rank in range(1, len(counts) + 1)]
    ys = [math.log(count) for count in counts]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    covariance = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return covariance / sum((x - mean_x) ** 2 for x in xs)


def language_problems(language, text, *, sentence=True):
    """What is wrong with ``text`` as a sentence (or title) of ``language``: a list, empty if fine."""
    problems = []
    if "{" in text or "}" in text or "_" in text:
        problems.append("unfilled slot or word marker")
    if unicodedata.normalize("NFC", text) != text:
        problems.append("not NFC")
    khmer = len(_KHMER.findall(text))
    letters = sum(character.isalpha() for character in text)
    if language == "km":
        if khmer < 0.9 * letters:
            problems.append("not Khmer script")
        if re.search("[0-9]", text):
            problems.append("Arabic digits in Khmer")
        if sentence and not text.endswith("។"):
            problems.append("no ។ at the end")
        if re.search(r"[\u1780-\u17d3]{90,}", text):
            problems.append("a run of more than 90 Khmer characters without a space")
    else:
        if khmer:
            problems.append("Khmer script")
        if sentence and not text.rstrip("”»").endswith("."):
            problems.append("no full stop at the end")
        if not (text.lstrip('“"')[:1].isupper() or text[:1].isdigit()):
            problems.append("not capitalised")
        if language == "en" and re.search("[^\\x00-\\x7f–“”’]", text):
            problems.append("non-English letters")
        if language == "vi" and not _VIETNAMESE_MARKS.search(unicodedata.normalize("NFD", text)):
            problems.append("no Vietnamese diacritics")
    if not sentence and (text.endswith(".") or text.endswith("។") or len(text) > 160):
        problems.append("not a headline")
    return problems


def self_check(languages=LANGUAGES, samples=1000, seed=0):
    """Generate ``samples`` sentences and titles per language; raise ``AssertionError`` on any
    problem; return per language the capacity, the share of distinct sentences, the Zipf slope
    and the commonest words."""
    report = {}
    for language in languages:
        corpus = Corpus(language, seed)
        sentences = [corpus.sentence() for _ in range(samples)]
        titles = [corpus.title() for _ in range(samples // 4)]
        problems = [
            (text, problem)
            for texts, is_sentence in ((sentences, True), (titles, False))
            for text in texts
            for problem in language_problems(language, text, sentence=is_sentence)
        ]
        assert not problems, f"{language}: {problems[:5]}"
        distinct = len(set(sentences)) / len(sentences)
        assert distinct >= 0.95, f"{language}: only {distinct:.1%} of {samples} sentences are distinct"
        words = corpus.words(20000)
        slope = zipf_slope(words)
        assert -1.8 < slope < -0.5, f"{language}: word frequencies are not Zipf-like (slope {slope:.2f})"
        report[language] = {
            "templates": len(LEXICONS[language][1]),
            "title_templates": len(LEXICONS[language][2]),
            "capacity": capacity(language),
            "title_capacity": capacity(language, "title"),
            "distinct_share": round(distinct, 4),
            "zipf_slope": round(slope, 2),
            "top_words": [word for word, _count in Counter(w.casefold() for w in words).most_common(12)],
        }
    return report


if __name__ == "__main__":
    import json

    print(json.dumps(self_check(), ensure_ascii=False, indent=2))
    for code in LANGUAGES:
        sample = Corpus(code, seed=7)
        print(f"\n[{code}] {sample.title()}\n{sample.paragraph(4)}")
