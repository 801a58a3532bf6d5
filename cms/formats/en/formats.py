# The English admin and site write dates day first, as Vietnamese and Khmer do (5 December 2026,
# 05/12/2026), with a 24-hour clock; Django's own English formats are American (Dec. 5, 2026,
# 12/05/2026, 3 p.m.).
DATE_FORMAT = "j F Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j F Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday

# The same input formats in every admin language (see cms/formats/vi/formats.py).
from cms.formats.vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: E402, F401
