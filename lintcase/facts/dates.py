"""Dates at their stated precision, and relative time expressions.

`date`: "February 21, 2022" -> ("day", "2022-02-21"), "March 2022" -> ("month", "2022-03"),
"in 2013" -> ("year", "2013"). A small regex, because the libraries we tried guess: dateparser
reads "at 90%" as 1990 and "(14–16)" as 2016, datefinder takes "she may 2 times" for a date.
So months must be capitalised and carry a year, and a bare year needs a preposition before it
("in 2013"), which keeps citation years "(Smith, 2013)" and counts ("2013 patients") out.

`relative`: "four months after treatment initiation" -> ("month", 4, "after treatment
initiation"), "twenty-six months later" -> ("month", 26, "later"), "after 4 months of treatment"
-> ("month", 4, "after treatment"): the duration plus the words that anchor it, for a timeline.

`day`: a numbered day of the course, "on day 8", "(day 7)", "on hospital day 24", "on
postoperative day 2", "POD 3" -> ("day", 8): when an event happened, as a case report counts.
A range ("days 3-5", "day 3 to 5") is not one day, nor "twice a day 2 weeks apart", "30 mg/day
3 days" or "one day 2 weeks later".
"""
from __future__ import annotations

import re

from ..model import Fact, Rendering
from .common import make_fact, prose_blocks
from .durations import DURATION, UNITS, number
from .values import Date, Relative

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
        r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# A year is not a year when a unit, a percent sign, a decimal or another digit follows it.
_NOT_AFTER = r"(?![\d.,]\d|\s*(?:%|[-–]\d)|\s+(?:patients|cases|subjects|participants|samples|"\
             r"individuals|people|women|men|children|mg|g|kg|ml|mL|m|cm|mm|km|bp|kb|cells))"
DATE = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<m1>{_MON})\s+(?P<d1>{_DAY}),?\s+(?P<y1>{_YEAR})"          # February 21, 2022
    rf"|(?P<d2>{_DAY})\s+(?P<m2>{_MON}),?\s+(?P<y2>{_YEAR})"        # 21 February 2022
    rf"|(?P<m3>{_MON})(?:\s+of)?,?\s+(?P<y3>{_YEAR})"               # March 2022, May of 2019
    rf"|(?P<y4>{_YEAR})-(?P<m4>0[1-9]|1[0-2])-(?P<d4>0[1-9]|[12]\d|3[01])"  # 2022-02-21
    rf"|(?:[Ii]n|[Ss]ince|[Ff]rom|[Uu]ntil|[Tt]ill|[Bb]y|[Dd]uring|[Bb]efore|[Aa]fter|"
    rf"[Ee]arly|[Ll]ate|[Mm]id|[Bb]etween|[Tt]hrough|[Yy]ear|[Ss]ummer|[Ww]inter|[Ss]pring|"
    rf"[Aa]utumn|[Ff]all)[\s-](?P<y5>{_YEAR})"                        # in 2013
    rf")(?![\w-])" + _NOT_AFTER)

# Words that anchor a relative expression: "4 months after surgery", "two weeks later".
_ANCHOR_AFTER = re.compile(
    r"\s+(?P<rel>later|earlier|afterwards?|before|after|prior to|following|post-?|since|from|"
    r"into)\b(?P<what>(?:\s+(?!(?:and|but|when|which|that|with|she|he|they|we)\b)[\w-]+){0,4})")
_STOPS_AT_END = re.compile(r"(?:\s+(?:of|the|a|an|her|his|their|in|on|at|to|for|was|were))+$")
_ANCHOR_BEFORE = re.compile(r"\b(?P<rel>[Aa]fter|[Ww]ithin|[Bb]efore)\s+$")
_OF = re.compile(r"\s+of\s+(?P<what>(?:[\w-]+\s+){0,2}?[\w-]+?)(?=[,.;)]|\s+(?:and|with|the|"
                 r"she|he|we|a|an|her|his|was|were|had|showed|revealed)\b|$)")


DAY = re.compile(
    r"(?<![\w/-])(?<!\ba )(?<!\bper )(?<!\beach )(?<!\bevery )(?<!\bsame )(?<!\bone )"
    r"(?<!\bother )(?<!\bnext )(?<!\bfollowing )(?<!\bprevious )"
    r"(?:(?:(?:post-?operative|hospital|illness)\s+)?[Dd]ay|POD)[\s-]*(?P<n>\d{1,3})"
    r"(?![\w-]|[.,]\d|\s*(?:[-–,]|to|and|or|through)\s*\d|\s*(?:hours?|h|days?|weeks?|months?|"
    r"years?|doses?)\b|\s*(?-i:mg|g|mL|ml)\b)", re.IGNORECASE)


def days(rendering: Rendering) -> list[Fact]:
    out = []
    for block, starts in prose_blocks(rendering):
        if any(s in block.text.text for s in ("ay", "AY", "POD", "pod", "Pod")):
            for m in DAY.finditer(block.text.text):
                out.append(make_fact(rendering, block, starts, "day", ("day", int(m.group("n"))),
                                     m.start(), m.end()))
    return out


def extract(rendering: Rendering) -> list[Fact]:
    out = []
    for block, starts in prose_blocks(rendering):
        for m in DATE.finditer(block.text.text):
            value = date_value(m)
            if value:
                start = m.start("y5") if m.group("y5") else m.start()
                out.append(make_fact(rendering, block, starts, "date", Date(*value), start, m.end()))
    return out


def date_value(m: re.Match) -> tuple[str, str] | None:
    g = m.groupdict()
    for k in "1234":
        if g[f"y{k}"] and g.get(f"d{k}"):
            mon = g[f"m{k}"]
            month = int(mon) if mon.isdigit() else MONTHS[mon.rstrip(".").lower()]
            day = int(re.match(r"\d+", g[f"d{k}"]).group())
            return "day", f"{g[f'y{k}']}-{month:02d}-{day:02d}"
    if g["y3"]:
        return "month", f"{g['y3']}-{MONTHS[g['m3'].rstrip('.').lower()]:02d}"
    if g["y5"]:
        return "year", g["y5"]
    return None


def relative(rendering: Rendering) -> list[Fact]:
    """Durations anchored to an event: value (unit, n, anchor words)."""
    out = []
    for block, starts in prose_blocks(rendering):
        text = block.text.text
        for m in DURATION.finditer(text):
            n = number(m.group("n"))
            if n is None or m.group("n2") or m.group("u").lower() == "h":
                continue
            unit = UNITS[m.group("u").lower().rstrip("s")]
            anchor, end = _anchor(text, m.start(), m.end())
            if anchor:
                out.append(make_fact(rendering, block, starts, "relative", Relative(unit, n, anchor),
                                     m.start(), end))
    return out


def _anchor(text: str, start: int, end: int) -> tuple[str, int]:
    """The anchoring words of a duration at [start, end) and the end of the expression."""
    before = _ANCHOR_BEFORE.search(text, max(0, start - 8), start)
    if before and before.group("rel").lower() == "after":
        of = _OF.match(text, end)
        if of:
            return f"after {of.group('what')}", of.end()
    after = _ANCHOR_AFTER.match(text, end)
    if after and not before:
        rel = after.group("rel").lower()
        what = _STOPS_AT_END.sub("", after.group("what"))
        if rel in ("later", "earlier", "afterward", "afterwards"):
            return rel, after.start("rel") + len(rel)
        if what.strip():
            return f"{rel} {what.strip()}", after.start("what") + len(what)
    return "", end
