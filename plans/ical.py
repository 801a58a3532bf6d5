"""iCalendar (RFC 5545) for the public events calendar, written without a dependency.

Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 character (3.1); text is
escaped (3.3.11); all-day events are ``VALUE=DATE`` with an exclusive end (3.6.1); timed events are
given in UTC. Each event's UID is its translation key, the same in every language, so a calendar
subscribed in Vietnamese and one in Khmer show one event.
"""

from datetime import UTC, datetime, timedelta

from django.utils import timezone

PRODID = "-//Nhan quyen CMS//Plans calendar//VI"


def escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line):
    """One content line folded into lines of at most 75 octets (continuations start with a space)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    pieces, current, limit = [], b"", 75
    for char in line:
        encoded = char.encode()
        if len(current) + len(encoded) > limit:
            pieces.append(current.decode())
            current, limit = b"", 74  # the leading space of a continuation counts
        current += encoded
    pieces.append(current.decode())
    return "\r\n ".join(pieces)


def _utc(day, moment):
    local = timezone.make_aware(datetime.combine(day, moment))
    return local.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, url, stamp):
    lines = ["BEGIN:VEVENT", f"UID:{event.translation_key}@plans", f"DTSTAMP:{stamp}"]
    last = event.ends_on or event.date
    if event.starts_at:
        lines.append(f"DTSTART:{_utc(event.date, event.starts_at)}")
        if event.ends_at:
            lines.append(f"DTEND:{_utc(last, event.ends_at)}")
        else:
            lines.append("DURATION:PT1H")
    else:
        lines.append(f"DTSTART;VALUE=DATE:{event.date:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}")
    lines.append(f"SUMMARY:{escape(event.title)}")
    if event.place:
        lines.append(f"LOCATION:{escape(event.place)}")
    description = "\n".join(part for part in (event.notes, str(event.organiser)) if part)
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    lines.append(f"CATEGORIES:{escape(event.get_kind_display())}")
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VEVENT")
    return lines


def calendar(name, events, url, language):
    stamp = timezone.now().astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape(name)}",
        f"X-WR-TIMEZONE:{timezone.get_current_timezone_name()}",
    ]
    for event in events:
        lines.extend(event_lines(event, url, stamp))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
