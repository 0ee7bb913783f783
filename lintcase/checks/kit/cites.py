"""What `resolve` and `sequence` share: reference lookup by label, where an entry is, and
findings merged across renderings (the same missing entry in the JATS and the PDF is one
finding with a place in each)."""
from __future__ import annotations

import re

from ...facts import facts
from ...model import Location, Reference, Rendering
from .hit import Hit
from .prefer import KINDS_IN_ORDER
from .names import names_reference

# The option `resolve` and `sequence` share: which renderings to check.
RENDERINGS_OPTION = {
    "type": "array", "items": {"enum": KINDS_IN_ORDER},
    "default": ["jats", "html", "text"],
    "description": "Which renderings to check. PDF text is left out by default: its reference "
                   "lists and captions are read too unreliably (page footers as entries, lists "
                   "cut at page breaks, tables as prose)."}


def labels(r: Rendering) -> dict[str, int]:
    """Reference number -> index in the list. A numbered list uses its labels; a JATS list
    with no labels at all is numbered by position (numeric citations then count entries)."""
    refs = r.references
    if any(ref.label for ref in refs):
        out = {}
        for i, ref in enumerate(refs):
            m = re.fullmatch(r"\[?(\d{1,4})[.\]]?", ref.label.strip())
            if m:
                out.setdefault(str(int(m.group(1))), i)
        return out
    if r.kind == "jats" and refs and any(f.value.style == "numeric" for f in facts(r, "citation")):
        return {str(i + 1): i for i in range(len(refs))}
    return {}


def resolved(name: str, year: str, ref: Reference) -> bool:
    """An author-year key names this entry: its first author and its year."""
    if ref.year[:4] != year and year not in ref.text.text:
        return False
    return names_reference(name, ref)


def ref_location(r: Rendering, ref: Reference) -> Location:
    return Location.at(r, ref.text, 0, min(len(ref.text), 80), "References")


class Merged:
    """Hits keyed by evidence; a key met in another rendering adds its places to the same hit."""

    def __init__(self):
        self._hits: dict = {}

    def add(self, key: tuple, *locations: Location, **fields) -> None:
        if key in self._hits:
            locs = self._hits[key][0]
            locs.extend(loc for loc in locations if loc not in locs)
            return
        self._hits[key] = (list(locations), fields)

    def hits(self):
        for key, (locs, fields) in self._hits.items():
            fields = {"what": "", "where": "", "target": "", "name": "", "first_author": "",
                      **fields, "renderings": "/".join(sorted({loc.rendering for loc in locs}))}
            yield Hit(tuple(locs), fields, evidence="|".join(map(str, key)))
