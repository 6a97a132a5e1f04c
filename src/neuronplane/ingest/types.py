"""Column types of text values (CSV): which type a value fits without losing anything, the
type a sample infers, the wider type a later value needs, and missing-value markers.

One rule decides all three: `fits(value, type)`. A value fits a type when PostgreSQL reads
it into that type and nothing of what it says is lost: "00501" (a zip code), "007" or
"+14155550123" (a phone number) read as bigint would come back as 501, 7 and 14155550123,
so they do not fit it, and a number with more significant digits than a double keeps does
not fit double precision.
"""

from __future__ import annotations

import re
from typing import Any

_INT = re.compile(r"^[+-]?\d+$")
_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")
_SPECIAL_FLOAT = re.compile(r"^[+-]?(nan|inf|infinity)$", re.IGNORECASE)
_BOOL = re.compile(r"^(true|false)$", re.IGNORECASE)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TS = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?$")
_TSTZ = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?"
                   r"(Z|[+-]\d{2}(:?\d{2})?)$")

DOUBLE_DIGITS = 15  # significant decimal digits a double precision keeps exactly
INT_BOUNDS = {"integer": 2**31, "bigint": 2**63}

# The order in which a sample's values are tried: the first type they all fit wins.
INFERENCE_ORDER = ("bigint", "double precision", "numeric", "boolean", "date", "timestamp",
                   "timestamptz", "text")

# A later value that does not fit its column moves it along its chain, to the first type the
# value fits.
WIDENING = {
    "integer": ("bigint", "numeric", "text"),
    "bigint": ("numeric", "text"),
    "double precision": ("numeric", "text"),
    "numeric": ("text",),
}

# Types whose input can silently change a value (007 -> 7): CSV values beyond the sample
# are checked against these before the load is committed.
CHECKED_TYPES = frozenset({"integer", "bigint", "numeric", "double precision"})

# Strings that mean "no value" in real exports (R writes NA); "" is COPY's own default.
MISSING_MARKERS = ("NA", "N/A", "null", "NULL")


class Widen(Exception):
    """A value that does not fit its column: the load starts again with a wider type."""

    def __init__(self, index: int, from_type: str, to_type: str, reason: str) -> None:
        super().__init__(index, from_type, to_type, reason)
        self.index, self.from_type, self.type, self.reason = index, from_type, to_type, reason


def _significant_digits(value: str) -> int:
    mantissa = re.split(r"[eE]", value, maxsplit=1)[0]
    return len(mantissa.lstrip("+-").replace(".", "").lstrip("0")) or 1


def problem(value: str, typ: str) -> str | None:
    """Why value does not fit typ, or None when it does."""
    if typ == "text":
        return None
    if typ in ("integer", "bigint", "numeric", "double precision"):
        if _SPECIAL_FLOAT.match(value) and typ == "double precision":
            return None
        if not _NUMBER.match(value):
            return f"is not a number ({typ})"
        if value.startswith("+"):
            return f"has a leading + that {typ} drops"
        digits = value.lstrip("-")
        if len(digits) > 1 and digits[0] == "0" and digits[1].isdigit():
            return f"has a leading zero that {typ} drops"
        if typ in INT_BOUNDS:
            if not _INT.match(value):
                return f"is not a whole number ({typ})"
            if value == "-0":
                return f"is -0, which {typ} reads as 0"
            bound = INT_BOUNDS[typ]
            if not -bound <= int(value) < bound:
                return f"is out of range for {typ}"
        elif typ == "double precision" and _significant_digits(value) > DOUBLE_DIGITS:
            return f"has more significant digits than {typ} keeps"
        return None
    pattern = {"boolean": _BOOL, "date": _DATE, "timestamp": _TS, "timestamptz": _TSTZ}.get(typ)
    if pattern is None or not pattern.match(value):
        return f"is not a {typ}"
    return None


def fits(value: str, typ: str) -> bool:
    return problem(value, typ) is None


def text_type(values: list[str]) -> str:
    """The first type of INFERENCE_ORDER that every non-empty value fits."""
    values = [v for v in values if v != ""]
    if not values:
        return "text"
    for typ in INFERENCE_ORDER:
        if all(fits(v, typ) for v in values):
            return typ
    return "text"


def widen(typ: str, value: str) -> str:
    """The first type along typ's chain that value fits (text at the end of every chain)."""
    for wider in WIDENING.get(typ, ("text",)):
        if fits(value, wider):
            return wider
    return "text"


def value_type(values: list[Any]) -> str:
    """The type of a JSON member from the values seen."""
    kinds = {type(v) for v in values if v is not None}
    if not kinds:
        return "text"
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int}:
        return "bigint" if all(-(2**63) <= v < 2**63 for v in values if v is not None) \
            else "numeric"
    if kinds <= {int, float}:
        return "double precision"
    if kinds & {dict, list}:
        return "jsonb"
    return "text"


def missing_marker(columns: list[list[str]]) -> tuple[str | None, list[int], list[str]]:
    """(marker, columns it makes typed, markers seen) from a sample's values per column.

    A marker is chosen when some column whose other values all fit a type other than text
    holds it, and every such column agrees on the same one. COPY takes one NULL string for
    all columns, so a marker is not chosen when a column that would be typed also holds
    empty fields (they would stop reading as NULL) or another marker."""
    seen: set[str] = set()
    chosen: dict[int, set[str]] = {}
    empty_in_typed = False
    for i, values in enumerate(columns):
        markers = {v for v in values if v in MISSING_MARKERS}
        seen |= markers
        rest = [v for v in values if v not in MISSING_MARKERS and v != ""]
        if rest and text_type(rest) != "text":
            if markers:
                chosen[i] = markers
            if "" in values:
                empty_in_typed = True
    union = set().union(*chosen.values()) if chosen else set()
    if len(union) != 1 or empty_in_typed:
        return None, [], sorted(seen)
    return union.pop(), sorted(chosen), sorted(seen)
