"""variants: how one term is written across a rendering — one way, and defined before use.

Reads one rendering (the reference rendering, as in `define`: JATS first), because a PDF text
splits and joins words at line ends. Three reports, one per rule:

- `spellings`: one term written two ways ("follow-up"/"followup", "HER-2"/"HER2", "data set"/
  "dataset"), from the `spelling` facts. Only a joined form against a hyphenated or spaced one
  is reported: hyphen against space is the compound-modifier rule of English ("a follow-up
  visit", "to follow up"), and case alone changes at sentence starts and in names.
- `before-definition`: an abbreviation used in the body before the body defines it.
- `undefined`: a word in capitals that is never defined in the article, not in its
  abbreviation list, and not on the shipped list of abbreviations that need no definition.
"""
from __future__ import annotations

import re

from ..facts import facts
from ..facts.acronyms import no_definition_needed
from ..model import Article, Fact, Rendering
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.prefer import PREFER_OPTION, by_preference
from .kit.slots import location, place

FIELDS = ("short", "one", "other", "places", "count")

OPTIONS = {
    "type": "object",
    "properties": {
        "test": {"enum": ["spellings", "before-definition", "undefined"]},
        "prefer": PREFER_OPTION,
        "min_uses": {"type": "integer", "minimum": 1, "default": 1,
                     "description": "undefined: only abbreviations used at least this often."},
    },
    "required": ["test"],
    "additionalProperties": False,
}

BODY = ("paragraph", "list-item")
# "Austin, TX)", "Silicon Valley, CA, USA": a state in an address, not an abbreviation to define.
_ADDRESS = re.compile(r"\s*(?:,\s*(?:USA|U\.S\.A\.|United States)\b|\d{5}\b|[),;])")
_GLOSSARY = re.compile(r"abbreviation|glossary|acronym|nomenclature", re.I)
_BACK = re.compile(r"acknowledg|funding|conflict|competing|contribution|supplement|availability|"
                   r"ethic|consent|disclosure|declaration|reference|statement", re.I)


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    rendering = by_preference(article.renderings, options)[0]
    report = options["test"]
    if report == "spellings":
        yield from _spellings(facts(rendering, "spelling"))
    elif report == "before-definition":
        yield from _before_definition(rendering)
    else:
        yield from _undefined(rendering, options["min_uses"])


def _spellings(found: list[Fact]):
    groups: dict[str, dict[str, list[Fact]]] = {}
    for f in found:
        groups.setdefault(f.value.key, {}).setdefault(f.value.written.casefold(), []).append(f)
    for key, spellings in groups.items():
        shapes = {fs[0].value.shape for fs in spellings.values()}
        if "joined" not in shapes or len(shapes) < 2:
            continue
        firsts = [fs[0] for fs in spellings.values()]
        yield Hit(tuple(location(f) for f in firsts),
                  {"one": firsts[0].value.written, "other": firsts[1].value.written, "short": key,
                   "places": _places(firsts), "count": sum(map(len, spellings.values()))},
                  evidence="spelling:" + key)


def _in_body(f: Fact) -> bool:
    return (f.block.kind in BODY and not f.block.in_abstract
            and not _BACK.search(f.block.section_name) and not _GLOSSARY.search(f.block.section_name))


def _before_definition(rendering: Rendering):
    order = {id(b): i for i, b in enumerate(rendering.blocks)}
    def at(f): return (order[id(f.block)], f.start)
    body = sorted((f for f in facts(rendering, "abbreviation") if _in_body(f)), key=at)
    first_def = {}
    for f in body:
        if f.value[0] == "definition":
            first_def.setdefault(f.value[1], f)
    early: dict[str, list[Fact]] = {}
    for f in body:
        d = first_def.get(f.value[1]) if f.value[0] == "use" else None
        if d is not None and at(f) < at(d) and f.value[1] not in no_definition_needed():
            early.setdefault(f.value[1], []).append(f)
    for short, uses in early.items():
        d = first_def[short]
        yield Hit((location(uses[0]), location(d)),
                  {"short": short, "one": place(uses[0]), "other": place(d),
                   "places": _places(uses), "count": len(uses)}, evidence="early:" + short)


def _undefined(rendering: Rendering, min_uses: int):
    known = set(no_definition_needed()) | _defined(rendering)
    uses: dict[str, list[Fact]] = {}
    for f in facts(rendering, "acronym"):
        sf = f.value[1]
        if sf not in known and _in_body(f) and not _address(f):
            uses.setdefault(sf, []).append(f)
    for sf, fs in uses.items():
        if len(fs) >= min_uses:
            yield Hit((location(fs[0]),), {"short": sf, "one": place(fs[0]), "other": "",
                                           "places": _places(fs), "count": len(fs)},
                      evidence="undefined:" + sf)


# Look-behinds after the first character, so that they are tried only where a match can start.
_LISTED = re.compile(r"([A-Z](?<![\w-][A-Z])[\w-]{1,9})s?\s*(?:[,:=;–—]|\s-)\s*[\w(]")
_BRACKETED = re.compile(r"\[(?<=[a-z] \[)([A-Z][A-Z0-9]{1,9})s?\]")  # "Data Deficient [DD]"


def _address(f: Fact) -> bool:
    return len(f.surface) == 2 and f.context.endswith(", ") and bool(_ADDRESS.match(f.after))


def _defined(rendering: Rendering) -> set[str]:
    """Short forms the article defines: in its text, in an abbreviation list, or in table and
    figure footnotes written "CT, computed tomography" / "CT: …" / "CT = …"."""
    out = {f.value[1] for f in facts(rendering, "abbreviation") if f.value[0] == "definition"}
    out |= {sf[:-1] for sf in out if sf.endswith("s")}  # "transcription factors (TFs)"
    for b in rendering.blocks:
        if "[" in b.text.text:
            out.update(_BRACKETED.findall(b.text.text))
        if _GLOSSARY.search(b.section_name) or b.kind in ("footnote", "table", "caption"):
            out.update(m.group(1) for m in _LISTED.finditer(b.text.text))
    return out


def _places(fs: list[Fact]) -> str:
    seen: list[str] = []
    for f in fs:
        if place(f) not in seen:
            seen.append(place(f))
    return ", ".join(seen)
