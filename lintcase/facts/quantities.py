"""Quantities and percentages with their subject, unit and any reference range.

"estrogen receptor (ER) at 90%" -> ("estrogen receptor (ER)", 90, "%", ""),
"CEA at 8.3 ng/mL (normal <3.4)" -> ("CEA", 8.3, "ng/mL", "<3.4"), "Ki-67 index of 80%" ->
("Ki-67 index", 80, "%", ""), "HER2 2+" -> ("HER2", 2, "+", "").

A number counts only when a unit of the whitelist (units.yaml) follows it: quantulum3 made
"a CT" one centavo and "8.3 ng/mL" a bare number. Text is never NFKC-normalised, so 10⁹/L stays.
A bracket after the value is a reference range only when it says so ("normal", "reference",
"<3.4"): a bare "(14–16)" is a citation range.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Fact, Rendering
from .common import PROSE, make_fact, prose_blocks

UNITS_FILE = Path(__file__).with_name("units.yaml")
_NUM = r"\d+(?:\.\d+)?"
_RANGE = re.compile(
    rf"\s*[(\[](?:(?:normal|reference|ref\.?|normal range|reference range|range|NR|RR|"
    rf"normal value|upper limit|ULN)\s*[:,]?\s*(?P<a>(?:[<>≤≥]\s*)?{_NUM}(?:\s*[-–]\s*{_NUM})?)"
    rf"|(?P<b>[<>≤≥]\s*{_NUM}))[^)\]]{{0,20}}[)\]]", re.IGNORECASE)
# Words between a subject and its value: "ER at 90%", "CEA was 8.3 ng/mL", "Ki-67 of 80%".
_LINK = re.compile(r"(?:\s*(?:[:=~≈]|(?<!\w)(?:at|of|was|were|is|are|to|from|by|reached|"
                   r"measured|approximately|about|around|a value of|levels? of|elevated|"
                   r"increased|decreased|rose|fell|raised|rang(?:e|es|ed|ing) (?:from|between))"
                   r"(?!\w)))*\s*$", re.IGNORECASE)
_TOKEN = re.compile(r"\([^()]{1,30}\)|[^\s(),;:=]+")
_STOP = {"and", "or", "with", "the", "a", "an", "for", "in", "on", "showed", "revealed",
         "positive", "negative", "was", "were", "is", "are", "of", "at", "by", "as", "to",
         "had", "has", "her", "his", "their", "its", "which", "that", "while", "but", "than",
         "whereas", "including", "both", "also", "only", "from", "after", "before", "can",
         "could", "may", "might", "will", "would", "reach", "reached", "reaching", "range",
         "ranges", "ranged", "ranging", "up", "nearly", "over", "under", "below", "above",
         "about", "approximately", "accounts", "accounted", "follows", "into", "within"}
_NUMERIC = re.compile(r"[<>≤≥~]?\d")


@lru_cache(maxsize=1)
def quantity_pattern() -> re.Pattern:
    units = yaml.safe_load(UNITS_FILE.read_text(encoding="utf-8"))["units"]
    alternation = "|".join(re.escape(u) for u in sorted(set(units), key=len, reverse=True))
    return re.compile(
        rf"(?<![\w.,/^-])(?P<n>{_NUM})(?:\s*(?:[-–]|to)\s*(?P<n2>{_NUM}))?"
        rf"\s*(?P<u>{alternation})(?![\w/²³⁹+])")


def extract(rendering: Rendering) -> list[Fact]:
    out = []
    pattern = quantity_pattern()
    for block, starts in prose_blocks(rendering, (*PROSE, "table")):  # a table row too
        text = block.text.text
        for m in pattern.finditer(text):
            unit = m.group("u")
            if unit == "+" and (m.group("n2") or m.start("u") != m.end("n")):
                continue  # a score is written "2+", not "2 +" (which is arithmetic)
            subject = subject_before(text, m.start())
            if unit == "+" and not subject:
                continue
            n = float(m.group("n"))
            value_n = n if not m.group("n2") else (n, float(m.group("n2")))
            rng = _RANGE.match(text, m.end())
            reference = " ".join((rng.group("a") or rng.group("b")).split()) if rng else ""
            value = (subject, value_n, unit, reference)
            out.append(make_fact(rendering, block, starts, "quantity", value, m.start(), m.end()))
    return out


def subject_before(text: str, start: int) -> str:
    """The noun phrase just before a value: up to five words, stopping at a function word."""
    a = max(0, start - 80)
    head = text[a:start]
    cut = max(head.rfind(". "), head.rfind("; "), head.rfind(", "), head.rfind(": "))
    if cut >= 0:
        head = head[cut + 2:]
    head = _LINK.sub("", head)
    tokens = _TOKEN.findall(head)
    kept: list[str] = []
    for tok in reversed(tokens):
        if tok.lower() in _STOP or len(kept) == 5 or _NUMERIC.match(tok):
            break
        kept.append(tok)
    while kept and kept[-1].startswith("("):
        kept.pop()  # a bracket cannot open the subject
    return " ".join(reversed(kept))


def same_value(a: tuple, b: tuple) -> bool:
    """Two quantity values are the same reading: equal number(s) and unit (subjects may be
    written differently: "estrogen receptor (ER)" and "ER" fill one slot)."""
    return a[1] == b[1] and a[2] == b[2]


def show(value: tuple) -> str:
    n, unit = value[1], value[2]
    ns = n if isinstance(n, tuple) else (n,)
    return "–".join(f"{x:g}" for x in ns) + ("" if unit in ("%", "+") else " ") + unit
