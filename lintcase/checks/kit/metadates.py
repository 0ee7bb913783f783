"""Metadata comparisons shared by the metadata check: the message fields of a difference, and
history dates compared at the precision both renderings give."""
from __future__ import annotations

from ...model import Location, Rendering
from .hit import Hit


def fields(name: str, value: str, other_value: str, ref: Rendering, other: Rendering) -> dict:
    return {"field": name, "value": value, "other": other_value, "rendering": ref.kind,
            "other_rendering": other.kind}


def dates(ref: Rendering, other: Rendering):
    """A history date of one kind that none of the other rendering's dates of that kind match."""
    theirs: dict[str, list] = {}
    for kind, iso, text in other.meta.dates:
        theirs.setdefault(kind, []).append((iso, text))
    mine: dict[str, list] = {}
    for kind, iso, text in ref.meta.dates:
        mine.setdefault(kind, []).append((iso, text))
    for kind in ("received", "revised", "accepted", "published"):
        if kind not in mine or kind not in theirs:
            continue
        for iso, text in theirs[kind]:
            if any(_same_date(iso, m) for m, _ in mine[kind]):
                continue
            m_iso, m_text = mine[kind][0]
            yield Hit((Location.at(ref, m_text, 0, len(m_text.text), f"{kind} date"),
                       Location.at(other, text, 0, len(text.text), f"{kind} date")),
                      fields(f"{kind} date", m_iso, iso, ref, other),
                      evidence=f"{kind}:{m_iso}|{iso}")


def _same_date(a: str, b: str) -> bool:
    """Equal at the precision both give (a year agrees with any day of that year)."""
    n = min(len(a), len(b))
    return a[:n] == b[:n]
