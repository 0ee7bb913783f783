"""Quantities compared across places: a unit's dimension, the numbers a statement gives (a size's
dimensions "4.2 × 3.1 cm" together) and whether two statements give the same value."""
from __future__ import annotations

import re

from ...facts import labs
from ...facts.durations import IN_DAYS, same_duration
from ...model import Fact

# Physical units that the analyte table leaves out, with their factor to one base unit.
PHYSICAL = {"mm": ("length", 1), "cm": ("length", 10), "µm": ("length", 1e-3),
            "μm": ("length", 1e-3), "mg": ("weight", 1), "g": ("weight", 1e3),
            "kg": ("weight", 1e6), "µg": ("weight", 1e-3), "μg": ("weight", 1e-3),
            "mcg": ("weight", 1e-3), "mL": ("volume", 1), "ml": ("volume", 1),
            "L": ("volume", 1e3), "Gy": ("radiation", 1), "cGy": ("radiation", 0.01),
            "mg/day": ("daily", 1), "mg/d": ("daily", 1), "°C": ("celsius", 1),
            "°F": ("fahrenheit", 1)}
_N = r"\d+(?:\.\d+)?"
_UNIT = r"(?:\s*(?:cm|mm|µm|μm))?"
# The dimensions of a size before and after the one a quantity fact holds: "4.2 × [3.1 cm]".
_BY = r"(?:[×x]|by)"
_BEFORE = re.compile(rf"((?:{_N}{_UNIT}\s*{_BY}\s*)+)$")
_AFTER = re.compile(rf"^(?:\s*{_BY}\s*{_N}{_UNIT})+")
_NUMBER = re.compile(_N)


def dimension(unit: str):
    """(dimension, factor to its base unit), or None for a unit compared with nothing."""
    return labs.base_value(1.0, unit) or PHYSICAL.get(unit)


def printed(n) -> str:
    return "-".join(f"{x:g}" for x in n) if isinstance(n, tuple) else f"{n:g}"


def size_span(f: Fact) -> tuple[int, int]:
    """Where the statement is in its block: a size with all its dimensions ("4.2 × 3.1 cm")."""
    if isinstance(f.value[1], tuple) or f.value[2] not in ("cm", "mm", "µm", "μm"):
        return f.start, f.end
    m, n = _BEFORE.search(f.context), _AFTER.match(f.after)
    return f.start - (len(m.group()) if m else 0), f.end + (len(n.group()) if n else 0)


def size_text(f: Fact) -> str:
    a, b = size_span(f)
    return f.block.text.text[a:b]


def extent(f: Fact) -> list[tuple[float, int]]:
    """(value, printed decimals) of each number the statement gives: a range's two ends, a
    size's dimensions, or the one value."""
    shown = size_text(f)
    if shown.endswith(f.value[2]):  # the unit's own digits are no value: "× 10⁹/L"
        shown = shown[:len(shown) - len(f.value[2])]
    return [(float(x), len(x.partition(".")[2])) for x in _NUMBER.findall(shown)]


def same_value(f: Fact, g: Fact) -> bool:
    """The two statements give one value: in f's unit rounded to f's printed decimals, or in
    g's unit to g's: equal sizes (dimensions in any order), a value inside the other's range,
    or a single value that is one of a size's dimensions."""
    factor = dimension(g.value[2])[1] / dimension(f.value[2])[1]  # g's unit in f's
    mine, theirs = extent(f), extent(g)
    ranges = isinstance(f.value[1], tuple), isinstance(g.value[1], tuple)
    if any(ranges):  # one inside the other
        inner, outer, k = (mine, theirs, factor) if ranges[1] else (theirs, mine, 1 / factor)
        return len(outer) == 2 and all(outer[0][0] * k <= x <= outer[1][0] * k
                                       for x, _ in inner)

    def equal(a, b) -> bool:
        return round(b[0] * factor, a[1]) == round(a[0], a[1]) or \
            round(a[0] / factor, b[1]) == round(b[0], b[1])
    if len(mine) > 1 and len(theirs) > 1:
        return len(mine) == len(theirs) and all(
            equal(a, b) for a, b in zip(sorted(mine), sorted(theirs)))
    return any(equal(a, b) for a in mine for b in theirs)


def role(b) -> str:
    """What a block is to the article: the abstract, a caption or the body."""
    return "abstract" if b.in_abstract else "caption" if b.kind == "caption" else "body"


def place(f: Fact) -> str:
    """Where a statement is: the abstract, a caption or the body."""
    return role(f.block)


def same(f: Fact, g: Fact) -> bool:
    """Two statements of a quantity, a term or a stage give one value."""
    if f.kind == "staging":
        return _same_stage(f.value, g.value)
    if f.kind == "duration":
        return _same_span(f.value, g.value)
    return same_value(f, g) if f.kind == "quantity" else f.value == g.value


def span(f: Fact) -> tuple[int, int]:
    return size_span(f) if f.kind == "quantity" else (f.start, f.end)


def text(f: Fact) -> str:
    return size_text(f) if f.kind == "quantity" else f.surface


def _same_span(a: tuple, b: tuple) -> bool:
    """Two durations name one length of time (in one unit, the same number; across units
    within 10%: "2 years" is "24 months", "12 weeks" is "3 months"), or one lies inside the
    other's range ("3 weeks" in "2-4 weeks")."""
    if len(a) == len(b) == 2:  # across units within 10%: 12 weeks is 3 months, 7 months not a year
        da, db = a[1] * IN_DAYS[a[0]], b[1] * IN_DAYS[b[0]]
        return same_duration(a, b) or a[0] != b[0] and abs(da - db) <= 0.1 * max(da, db)
    (lo_a, hi_a), (lo_b, hi_b) = ((x[1] * IN_DAYS[x[0]], x[-1] * IN_DAYS[x[0]]) for x in (a, b))
    return lo_a <= hi_b * 1.03 and lo_b <= hi_a * 1.03


_TNM_PART = re.compile(r"([TNM])(is|X|\d)([a-d]?)")


def _same_stage(a, b) -> bool:
    """One stage, the less specific written without its subgroup or its M: "stage III" and
    "IIIA", "T1N0" and "T1aN0M0"."""
    if a[0] == "group":
        x, y = sorted((a[2], b[2]), key=len)
        return y.startswith(x) and (x == y or y[len(x)] in "ABC")
    pa, pb = ({k: (n, s) for k, n, s in _TNM_PART.findall(v[2])} for v in (a, b))
    return all(pa[k][0] == pb[k][0] and (not pa[k][1] or not pb[k][1] or pa[k][1] == pb[k][1])
               for k in pa.keys() & pb.keys())
