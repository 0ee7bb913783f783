"""DOI and PMID syntax, and the band of PMIDs issued around a publication year.

The bands come from `pmid_years.csv`, measured on the (year, PMID) pairs of real reference
lists by `bench/pmid_table.py` (its header says from how many references). A PMID is
implausible for a year when it lies below every band from `tolerance` years before that year
on: it was issued before the work could exist. A PMID above its year's band is no evidence,
since old works do get PMIDs late (back-scanned journals).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

DOI = re.compile(r"10\.\d{4,9}/\S+")
TABLE = Path(__file__).with_name("pmid_years.csv")


def doi_problem(doi: str) -> str:
    """Why a DOI field is not a DOI ("" when it is one)."""
    d = doi.strip()
    if re.match(r"(?:https?://|doi:|www\.)", d, re.I):
        return "a resolver prefix belongs outside the identifier"
    if any(c.isspace() for c in d):
        return "it contains a space"
    if not d.startswith("10."):
        return "a DOI starts with “10.”"
    if not DOI.fullmatch(d):
        return "a DOI is “10.”, a registrant code of 4 to 9 digits, “/” and a suffix"
    if d[-1] in ".,;:":
        return f"it ends with “{d[-1]}”"
    if re.search(r"[–—‐]", d):
        return "it contains a typographic dash where the DOI has a hyphen"
    return ""


def pmid_problem(pmid: str) -> str:
    p = pmid.strip()
    if not p.isdigit():
        return "a PMID is a number"
    if p.startswith("0"):
        return "a PMID has no leading zero"
    if len(p) > 8:
        return "PMIDs have at most 8 digits"
    return ""


@lru_cache(maxsize=1)
def bands() -> dict[int, tuple[int, int]]:
    out = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and line[0].isdigit():
            year, low, high, _ = line.split(",")
            out[int(year)] = (int(low), int(high))
    return out


# Before this year PubMed's numbering does not follow publication years (records of the early
# 1990s carry lower PMIDs than some of the 1970s, see pmid_years.csv): no test there.
ORDERED_FROM = 1997


def implausible(pmid: int, year: int, tolerance: int) -> str:
    """The year around which the PMID was issued, when it was issued before a work of `year`
    could exist (below every band from `tolerance` years before `year` on); else "".

    A PMID above the band is not reported: journals' back issues are indexed years later
    (articles of Evolution from the 1980s carry PMIDs of 2017)."""
    table = bands()
    last = max(table)
    if year < ORDERED_FROM or year > last + 10:
        return ""
    lows = [table[y][0] for y in table if y >= min(year - tolerance, last)]
    return issued_around(pmid) if pmid < min(lows) else ""


def issued_around(pmid: int) -> str:
    """The latest year whose band starts at or below the PMID, as a readable guess."""
    table = bands()
    years = [y for y in sorted(table) if table[y][0] <= pmid]
    return str(years[-1]) if years else f"before {min(table)}"
