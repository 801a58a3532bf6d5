"""Hypothesis strategies for what an outside tester sends: values, parameter lists and the query
strings and paths that carry them, byte for byte.

Values mix the site's own scripts (Vietnamese with its marks, Khmer) with what breaks code that
assumes tidy input: NUL and other control characters, lone surrogates (sent as the bytes
``surrogatepass`` gives, which are not valid UTF-8), combining marks on their own or stacked,
right-to-left and zero-width characters, digits that ``str.isdigit`` accepts but ``int`` refuses
(``²``), numbers that overflow (``9`` × 400, ``1e400``), negative and fractional numbers, other
types written as text (``[]``, ``{"a": 1}``, ``true``, ``null``), and very long values.
"""

import functools
from urllib.parse import quote_from_bytes

from hypothesis import strategies as st

CONTROL = st.characters(min_codepoint=0, max_codepoint=0x1F) | st.sampled_from(
    ["\x00", "\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\u200b", "\u200e", "\u202e", "\ufffe"]
)
SURROGATE = st.characters(categories=["Cs"])
COMBINING = st.characters(categories=["Mn", "Me"]) | st.sampled_from(["\u0301", "\u0323", "\u0303", "\u17d2"])
SCRIPT = st.sampled_from(list("aăâđêôơưAĐẠẶỆỲỹ ០១២កខគងចឆញដឋណតថទនបផពមយរលវសហឡអ់ិ្ៗ"))
ANY = st.characters(codec="utf-8") | SURROGATE
ALPHABET = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    SCRIPT,
    CONTROL,
    COMBINING,
    SURROGATE,
    ANY,
)
#: Characters that mean something in a query string or a path when sent unencoded.
SYNTAX = st.sampled_from(
    ["&", "=", "%", "%%", "%zz", "%0", "+", "#", "?", ";", "/", "..", "\\", "%2F", "%25"]
)

NUMBERS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.integers(min_value=10**18, max_value=10**60).map(lambda n: str(n)),
    st.integers(min_value=100, max_value=5000).map(lambda n: "9" * n),
    st.sampled_from(
        [
            "0",
            "-0",
            "-1",
            "1.5",
            "1e400",
            "-1e400",
            "1e-400",
            "NaN",
            "nan",
            "inf",
            "-Infinity",
            "0x10",
            "0o7",
            "1_000",
            " 3",
            "3 ",
            "+3",
            "²",
            "³³",
            "٣",
            "१२",
            "１２",
            "Ⅻ",
            "⑤",
            "2025²",
            "2147483648",
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
        ]
    ),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
)
WRONG_TYPES = st.sampled_from(
    ["", " ", "[]", "[1, 2]", "{}", '{"a": 1}', "true", "false", "null", "None", "undefined", "0,1", "a,b"]
)


def text(max_size=40):
    return st.text(alphabet=ALPHABET, max_size=max_size)


class Repeated(str):
    """A long value made of ``unit`` repeated ``times``, which ``encode`` encodes as fast."""

    def __new__(cls, unit, times):
        value = super().__new__(cls, unit * times)
        value.unit, value.times = unit, times
        return value


def long_text():
    """A value of a few hundred to 65,537 characters, made by repeating a short one (cheap to
    generate, expensive to handle carelessly)."""
    return st.builds(
        Repeated,
        st.text(alphabet=ALPHABET, min_size=1, max_size=8),
        st.sampled_from([300, 1024, 4097, 8193, 20_000, 65_537]),
    )


def values(known=()):
    """A parameter value: one the view knows (``known``) mostly, or a hostile one."""
    return _values(tuple(sorted(known)))


@functools.cache
def _values(known):
    hostile = st.one_of(
        text(),
        NUMBERS,
        WRONG_TYPES,
        long_text(),
        st.builds(
            lambda a, b, c: a + b + c, text(8), st.sampled_from(["\x00", "\ud800", "\u0301" * 40]), text(8)
        ),
    )
    if not known:
        return hostile
    known = st.sampled_from(known)
    mutated = st.builds(lambda value, tail: value + tail, known, st.one_of(text(4), SYNTAX, st.just("\x00")))
    return st.one_of(known, known, mutated, hostile)


def names(known=()):
    """A parameter name: a known one mostly (so that repeats of it come up), or a stranger."""
    return _names(tuple(sorted(known)))


@functools.cache
def _names(known):
    strangers = st.one_of(text(12), st.sampled_from(["", "page[]", "q[0]", "__proto__", "a" * 300, "%00"]))
    if not known:
        return strangers
    known = st.sampled_from(known)
    return st.one_of(known, known, known, known.map(lambda name: name + "[]"), strangers)


def encode(value):
    """``value`` as it travels in a URL: UTF-8 (lone surrogates as the bytes they would be),
    percent-encoded."""
    if isinstance(value, Repeated):
        return encode(value.unit) * value.times
    return quote_from_bytes(value.encode("utf-8", "surrogatepass"), safe="")


@st.composite
def query_string(draw, params, *, max_pairs=6):
    """A query string built from ``params`` (``{name: known values}``): known names with known,
    mutated and hostile values, repeated names, strangers, and now and then raw syntax
    characters (an unencoded ``&`` or ``%``, a dangling ``=``)."""
    parts = []
    for _ in range(draw(st.integers(min_value=0, max_value=max_pairs))):
        name = draw(names(params))
        value = draw(values(params.get(name, ())))
        shape = draw(st.sampled_from(["pair", "pair", "pair", "pair", "bare", "empty", "raw"]))
        if shape == "bare":
            parts.append(encode(name))
        elif shape == "empty":
            parts.append(f"{encode(name)}=")
        elif shape == "raw":
            parts.append(f"{encode(name)}={draw(SYNTAX)}{encode(value)}")
        else:
            parts.append(f"{encode(name)}={encode(value)}")
    return "&".join(parts)


def segment(known=()):
    """One path segment: a known slug, a mutated one, or hostile text (percent-encoded)."""
    hostile = st.one_of(text(20), NUMBERS, long_text().map(lambda value: value[:5000]))
    choices = [hostile.map(encode), SYNTAX]
    if known:
        known = st.sampled_from(sorted(known))
        choices = [known, known, known.map(lambda slug: slug + encode("\x00")), *choices]
    return st.one_of(choices)
