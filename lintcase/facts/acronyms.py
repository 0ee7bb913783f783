"""Acronyms: words written in capitals ("CT", "HER", "PFS"), whether defined or not.

Value ("acronym", short form) for each whole word of two to eight capitals (a plural "s"
allowed: "CTs" is "CT"). Words with digits (HER2, CDK4, BRCA1) are names of genes, proteins
and strains, not abbreviations, and Roman numerals (II, IV) are numbers; both are left out.
`NO_DEFINITION_NEEDED` is the shipped list of abbreviations every reader knows (see the file).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Fact, Rendering
from .common import make_fact, prose_blocks

LIST_FILE = Path(__file__).with_name("common_abbreviations.yaml")  # shipped as package data
# The look-behind sits after the first capital, so it is only tried where a capital is.
ACRONYM = re.compile(r"(?P<sf>[A-Z](?<![\w\-‐/.][A-Z])[A-Z]{1,7})s?(?![\w\-‐/]|\.\w)")
_ROMAN = re.compile(r"[IVXLC]+")
_SEQUENCE = re.compile(r"[ACGTUN]{5,}")  # a DNA motif ("CAAATGAA"), not an abbreviation
_CITED = re.compile(r"\s*,?\s*(?:19|20)\d\d\b")  # "(NCI, 2025)": an author of a citation


@lru_cache(maxsize=1)
def no_definition_needed() -> frozenset[str]:
    data = yaml.safe_load(LIST_FILE.read_text(encoding="utf-8"))
    return frozenset(str(a) for a in data["abbreviations"])


def extract(rendering: Rendering) -> list[Fact]:
    out = []
    for block, starts in prose_blocks(rendering):
        text = block.text.text
        for m in ACRONYM.finditer(text):
            sf = m.group("sf")
            if _ROMAN.fullmatch(sf) or _CITED.match(text, m.end()) or _SEQUENCE.fullmatch(sf):
                continue
            out.append(make_fact(rendering, block, starts, "acronym", ("acronym", sf),
                                 m.start(), m.end("sf")))
    return out
