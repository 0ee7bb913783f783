"""count: the counts the metadata declares (figures, tables, references, equations) match what
the document contains.

Figures and tables are counted by their caption numbers ("Figure 3", "Table 2"; supplementary
"Figure S1" and appendix items are not counted), references by the entries of the reference
list, equations by display formulas. A document whose captions carry no numbers is not checked
for that count: what it contains cannot be counted reliably.
"""
from __future__ import annotations

import re

from ..model import Article, Location, Rendering
from .kit.hit import Hit
from .kit.options import with_defaults

FIELDS = ("what", "declared", "found")
OPTIONS = {
    "type": "object",
    "properties": {"test": {"enum": ["fig-count", "table-count", "ref-count", "equation-count"]}},
    "required": ["test"],
    "additionalProperties": False,
}
LABEL = {"fig-count": re.compile(r"fig(?:ure)?s?\.?\s*(\d+)$", re.I),
         "table-count": re.compile(r"tables?\.?\s*(\d+)$", re.I)}
WHAT = {"fig-count": "figures", "table-count": "tables", "ref-count": "references",
        "equation-count": "equations"}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    name = options["test"]
    for r in article.renderings:
        declared = dict(r.meta.counts).get(name)
        place = dict(r.meta.count_places).get(name)
        if declared is None or place is None:
            continue
        found, where = _found(r, name)
        held = dict(r.meta.contents).get(name)
        found = held if held is not None else found  # the reader counted the elements
        if found is None or found == declared:
            continue
        here = Location.at(r, place, 0, len(place.text), "counts")
        locations = (here, where) if where is not None else (here,)
        yield Hit(locations, {"what": WHAT[name], "declared": str(declared), "found": str(found)},
                  evidence=f"{name}:{declared}|{found}")


def _found(r: Rendering, name: str):
    """(how many the document contains, the place of the first of them) or (None, None)."""
    if name == "ref-count":
        refs = r.references
        first = refs[0] if refs else None
        return len(refs), _at(r, first.text, "References") if first else None
    if name == "equation-count":
        forms = [b for b in r.blocks if b.kind == "formula"]
        return len(forms), _at(r, forms[0].text, forms[0].section_name) if forms else None
    captions = [b for b in r.blocks if b.kind in ("caption", "table")]
    numbers, first = set(), None
    for b in captions:
        m = LABEL[name].match(b.label.strip())
        if m:
            numbers.add(int(m.group(1)))
            first = first or b
        elif not b.label and b.kind == "caption":
            return None, None  # an unnumbered caption: cannot tell what it is
    return len(numbers), _at(r, first.text, first.label) if first else None


def _at(r: Rendering, text, section: str) -> Location:
    return Location.at(r, text, 0, min(len(text.text), 60), section)
