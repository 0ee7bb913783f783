"""define: abbreviations are defined once, with one meaning, and then used.

Reads the `abbreviation` facts (Schwartz–Hearst definitions, uses, long forms written out) of
one rendering — the reference rendering, as in `align`, so an article with a JATS and a PDF
rendering is reported once. Three reports, one per rule:

- `meanings`: one short form defined with two different long forms ("PR" as progesterone
  receptor and as partial response): the reader cannot tell which is meant. Long forms that
  differ only in case, spacing, hyphens, a plural, British/American spelling, added words or
  an abbreviation inside are the same (`abbreviations.same_meaning`).
- `redefined`: a short form defined again with the same meaning in the body. The abstract,
  captions, footnotes and tables are left out: journals ask for definitions there again.
- `long-form-after`: the long form written out again in the body after its definition.
"""
from __future__ import annotations

import re

from ..facts import facts
from ..facts.abbreviations import meaning, same_meaning
from ..model import Article, Fact, Rendering
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.prefer import PREFER_OPTION, by_preference
from .kit.slots import location, place

FIELDS = ("short", "long", "other", "places", "count")

OPTIONS = {
    "type": "object",
    "properties": {
        "test": {"enum": ["meanings", "redefined", "long-form-after"]},
        "prefer": PREFER_OPTION,
        "min_words": {"type": "integer", "minimum": 1, "default": 1,
                      "description": "long-form-after: only long forms of at least this many "
                                     "words (a one-word long form is often just the word)."},
    },
    "required": ["test"],
    "additionalProperties": False,
}

BODY = ("paragraph", "list-item")
# Back matter and glossaries list abbreviations without defining them in the text.
_BACK = re.compile(r"abbreviation|acknowledg|funding|conflict|competing|contribution|supplement|"
                   r"availability|ethic|consent|glossary|disclosure|declaration", re.I)


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    rendering = by_preference(article.renderings, options)[0]
    found = [f for f in facts(rendering, "abbreviation") if not _BACK.search(f.block.section_name)]
    report = options["test"]
    if report == "meanings":
        yield from _meanings(found)
    elif report == "redefined":
        yield from _redefined(found)
    else:
        yield from _long_form_after(rendering, found, options["min_words"])


def _definitions(found: list[Fact]) -> dict[str, list[Fact]]:
    by_short: dict[str, list[Fact]] = {}
    for f in found:
        if f.value[0] == "definition":
            by_short.setdefault(f.value[1], []).append(f)
    return by_short


def _meanings(found: list[Fact]):
    by_short = _definitions(found)
    spelled = {sf: defs[0].value[2] for sf, defs in by_short.items()}
    for short, defs in by_short.items():
        groups: dict[tuple[str, str], list[Fact]] = {}
        for f in defs:
            key = (meaning(f.value[2], spelled), f.value[2])
            key = next((k for k in groups if same_meaning(k, key)), key)
            groups.setdefault(key, []).append(f)
        if len(groups) < 2:
            continue
        firsts = [members[0] for members in groups.values()]
        yield Hit(tuple(location(f) for members in groups.values() for f in members),
                  {"short": short, "long": firsts[0].value[2], "other": firsts[1].value[2],
                   "places": _places(firsts), "count": len(groups)},
                  evidence=f"{short}:" + "|".join(sorted(k for k, _ in groups)))


def _in_body(f: Fact) -> bool:
    return f.block.kind in BODY and not f.block.in_abstract


def _redefined(found: list[Fact]):
    for short, defs in _definitions(found).items():
        body = [f for f in defs if _in_body(f)]
        keys = {meaning(f.value[2]) for f in defs}
        if len(body) < 2 or len(keys) > 1:
            continue  # two meanings are `meanings`' finding, not this one
        yield Hit(tuple(location(f) for f in body),
                  {"short": short, "long": body[0].value[2], "other": body[1].value[2],
                   "places": _places(body), "count": len(body)}, evidence=short)


def _long_form_after(rendering: Rendering, found: list[Fact], min_words: int):
    order = {id(b): i for i, b in enumerate(rendering.blocks)}
    def at(f): return (order[id(f.block)], f.start)
    first: dict[str, Fact] = {}
    for short, defs in _definitions(found).items():
        body = sorted((f for f in defs if _in_body(f)), key=at)
        if body:
            first[short] = body[0]
    late: dict[str, list[Fact]] = {}
    for f in found:
        if f.value[0] != "long-form" or not _in_body(f) or f.value[1] not in first:
            continue
        d = first[f.value[1]]
        if at(f) > at(d) and len(f.value[2].split()) >= min_words:
            late.setdefault(f.value[1], []).append(f)
    for short, uses in late.items():
        d = first[short]
        yield Hit((location(d), *(location(f) for f in sorted(uses, key=at))),
                  {"short": short, "long": d.value[2], "other": uses[0].value[2],
                   "places": _places(uses), "count": len(uses)}, evidence=short)


def _places(fs: list[Fact]) -> str:
    seen: list[str] = []
    for f in fs:
        if place(f) not in seen:
            seen.append(place(f))
    return ", ".join(seen)
