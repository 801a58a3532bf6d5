"""Small builders for schema.org data, shared by the page types' ``structured_data``."""

from datetime import datetime, time

from django.utils import timezone


def moment(value, published=None):
    """An ISO 8601 date-time with its offset (search engines read a bare date as midnight UTC).
    A publication *date* takes the time of ``published`` when that is the same day, otherwise
    the start of the day where the site is."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return timezone.localtime(value).isoformat(timespec="seconds")
    if published is not None and timezone.localtime(published).date() == value:
        return timezone.localtime(published).isoformat(timespec="seconds")
    return timezone.make_aware(datetime.combine(value, time.min)).isoformat(timespec="seconds")


def organisation(term):
    """A schema.org Organization for a ``home.Organisation`` term (``None`` for none)."""
    if term is None:
        return None
    data = {"@type": "Organization", "name": term.name}
    if getattr(term, "website", ""):
        data["url"] = term.website
    return data


def place(name, address=""):
    data = {"@type": "Place", "name": name}
    if address:
        data["address"] = address
    return data
