# The same input formats in every admin language (see cms/formats/vi/formats.py).
from cms.formats.vi.formats import DATE_INPUT_FORMATS, DATETIME_INPUT_FORMATS  # noqa: F401
