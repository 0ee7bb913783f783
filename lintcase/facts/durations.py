"""Durations: "44 months", "twenty-six months", "2 years", "10-day" -> value (unit, number).

Number words go through text2num, which raises on anything that is not a number, so "second
biopsy" or "a month" never become a number and spans stay exactly on the digits or words.
"""
from __future__ import annotations

import re

from text_to_num import text2num

from ..model import Fact, Rendering
from .common import make_fact, prose_blocks

UNITS = {"hour": "hour", "hr": "hour", "h": "hour", "day": "day", "week": "week", "wk": "week",
         "month": "month", "mo": "month", "year": "year", "yr": "year"}
_WORD = (r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
         r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
         r"sixty|seventy|eighty|ninety|hundred)")
NUMBER = rf"(?:\d+(?:\.\d+)?|{_WORD}(?:[\s-]+(?:and\s+)?{_WORD})*)"
DURATION = re.compile(
    rf"(?<![\w.-])(?P<n>{NUMBER})(?:\s*(?:-|–|to)\s*(?P<n2>{NUMBER}))?[\s-]?"
    rf"(?P<u>hours?|hrs?|h|days?|weeks?|wks?|months?|mo|years?|yrs?)(?![\w-]*old)\b",
    re.IGNORECASE)
# Days per unit, to compare "2 years" with "24 months" (months and years by the calendar).
IN_DAYS = {"hour": 1 / 24, "day": 1, "week": 7, "month": 365.25 / 12, "year": 365.25}


def number(s: str) -> float | None:
    """'26' -> 26, 'twenty-six' -> 26, anything else -> None."""
    s = s.strip()
    if s[:1].isdigit():
        return float(s)
    try:
        return float(text2num(s.lower().replace("-", " ").replace(" and ", " "), "en"))
    except ValueError:
        return None


def extract(rendering: Rendering) -> list[Fact]:
    out = []
    for block, starts in prose_blocks(rendering):
        for m in DURATION.finditer(block.text.text):
            n = number(m.group("n"))
            if n is None or (m.group("u").lower() == "h" and not m.group("n")[:1].isdigit()):
                continue
            unit = UNITS[m.group("u").lower().rstrip("s") or "h"]
            hi = number(m.group("n2")) if m.group("n2") else None
            value = (unit, n) if hi is None else (unit, n, hi)
            out.append(make_fact(rendering, block, starts, "duration", value, m.start(), m.end()))
    return out


def same_duration(a: tuple, b: tuple) -> bool:
    """Equal when they name the same length of time, whatever the unit (±3%)."""
    if a[0] == b[0]:
        return a[1:] == b[1:]
    if len(a) != len(b):
        return False
    da = [x * IN_DAYS[a[0]] for x in a[1:]]
    db = [x * IN_DAYS[b[0]] for x in b[1:]]
    return all(abs(x - y) <= 0.03 * max(x, y) for x, y in zip(da, db))


def show(value: tuple) -> str:
    unit, *ns = value
    n = "–".join(f"{x:g}" for x in ns)
    return f"{n} {unit}{'' if ns[-1] == 1 else 's'}"
