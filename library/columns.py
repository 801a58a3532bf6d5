"""The columns of a library product file, in one place: what the export writes (``COLUMNS``, in this
order) and what the import reads (``IMPORTED``, the same list without the columns the site sets).

Both ``library.export`` and ``library.importer`` take their columns from here, so an exported file
always imports back: a column added to the export is one the import accepts, and the reverse.
"""

#: Every column of an exported file, in its order.
COLUMNS = [
    "identifier",
    "title",
    "description",
    "url",
    "language",
    "product_type",
    "channels",
    "content_languages",
    "conventions",
    "convention_articles",
    "provinces",
    "producer",
    "commissioner",
    "produced_on",
    "published_on",
    "duration_minutes",
    "page_count",
    "licence",
    "attribution",
    "reprint_allowed",
    "rebroadcast_allowed",
    "embargo_until",
    "state_funded",
    "funding_programme",
    "last_published_at",
]

#: Exported for the reader, set by the site: the import accepts these columns and ignores them.
INFORMATIONAL = ("url", "language", "last_published_at")

#: The columns the import reads, in the export's order.
IMPORTED = [column for column in COLUMNS if column not in INFORMATIONAL]
