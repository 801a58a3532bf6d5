"""Product identifiers such as ``AG-2026-000123``: the installation's prefix, a year and a
sequence number. Only the server issues them (``library.models.IdentifierSequence``); anything
that does not have this shape cannot name a product, so it is answered without a lookup."""

import re

PATTERN = re.compile(r"[A-Z]{2,8}-[0-9]{4}-[0-9]{6,9}")
EXAMPLE = "AG-2026-000123"


def is_identifier(value):
    """Whether ``value`` has the shape of an identifier (not whether one was issued)."""
    return isinstance(value, str) and PATTERN.fullmatch(value) is not None
