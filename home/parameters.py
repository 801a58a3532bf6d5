"""Values read from a query string or a URL path, checked before anything looks them up.

Every public view passes the codes, slugs, identifiers and numbers it reads from ``request.GET``
or from its path through :func:`text` or :func:`integer` before they reach the database or a
response: a value with a control character (PostgreSQL cannot store NUL, XML cannot carry most
C0 characters), a value longer than anything stored, or a number that is not one is refused with
:class:`BadValue`, which says what was wrong and what is accepted. Each surface answers it in its
own protocol: a 404 for a path that cannot name anything, OAI-PMH's error codes, the partner API's
422 JSON, a form error on a page. Free text that readers type (``q``) is cleaned instead of
refused (``search.analysis.clean_query``).
"""

import re

from django.utils.translation import gettext_lazy as _

#: C0 and C1 control characters, DEL, surrogates and the two non-characters XML forbids.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
#: Longer than any code, slug or identifier the site stores.
MAX_LENGTH = 200
_DIGITS = re.compile(rf"-?[0-9]{{1,{MAX_LENGTH}}}")


class BadValue(ValueError):
    """A parameter value no lookup could match; ``str()`` says what is wrong and what is accepted."""

    def __init__(self, message):
        self.message = str(message)  # in the language active where the value was refused
        super().__init__(self.message)

    def __str__(self):
        return str(self.message)


def text(value, *, max_length=MAX_LENGTH):
    """``value`` if it may be looked up: printable, and at most ``max_length`` characters."""
    if not isinstance(value, str):
        raise BadValue(_("Expected text."))
    if CONTROL_CHARACTERS.search(value):
        raise BadValue(_("Contains a control character; only printable characters are accepted."))
    if len(value) > max_length:
        raise BadValue(
            _("Longer than %(limit)s characters; at most %(limit)s are accepted.") % {"limit": max_length}
        )
    return value


def integer(value, *, minimum=None, maximum=None):
    """``value`` as an int: ASCII digits with an optional minus sign, within the bounds given.

    ``str.isdigit()`` is no test: it accepts "²", which ``int()`` then refuses.
    """
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    elif isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        number = int(value.strip())
    else:
        raise BadValue(_("Not a whole number; use digits 0-9 only."))
    if (minimum is not None and number < minimum) or (maximum is not None and number > maximum):
        if maximum is None:
            message = _("Out of range; %(minimum)s or more is accepted.") % {"minimum": minimum}
        elif minimum is None:
            message = _("Out of range; %(maximum)s or less is accepted.") % {"maximum": maximum}
        else:
            message = _("Out of range; %(minimum)s to %(maximum)s is accepted.") % {
                "minimum": minimum,
                "maximum": maximum,
            }
        raise BadValue(message)
    return number


def safe_echo(value, *, max_length=MAX_LENGTH):
    """``value`` as it may be repeated in a response (XML, a page): control characters shown as
    U+FFFD, cut to ``max_length`` characters."""
    shown = CONTROL_CHARACTERS.sub("\ufffd", str(value))
    return shown if len(shown) <= max_length else shown[: max_length - 1] + "…"
