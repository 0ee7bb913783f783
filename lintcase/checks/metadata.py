"""metadata: one metadata field says the same in every rendering that has it.

The preferred rendering (JATS first) is the reference; each other rendering that has the field
is compared with it. A rendering without the field says nothing: a field missing from PDF text
is nearly always extraction, not a defect. Text fields (title, keywords) are compared word by
word after removing rendering noise, and each differing stretch is reported with its place in
both renderings. Authors are compared by surname and first initial.
"""
from __future__ import annotations

from ..model import Article, Location, Rendering
from .kit import metawords as mw
from .kit.metatitle import title_in_text
from .kit.affiliations import differences as affiliation_differences
from .kit.authors import EXTRACTED, author_differences
from .kit.hit import Hit
from .kit.metadates import dates as _dates, fields as _fields
from .kit.options import with_defaults
from .kit.prefer import PREFER_OPTION, by_preference

FIELDS = ("field", "value", "other", "rendering", "other_rendering")
OPTIONS = {
    "type": "object",
    "properties": {
        "test": {"enum": ["title", "authors", "doi", "volume", "elocation", "keywords", "dates",
                          "affiliations"]},
        "min_similarity": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5,
                           "description": "Below this share of shared words the other "
                                          "rendering's field is taken for an extraction error."},
        "prefer": PREFER_OPTION,
    },
    "required": ["test"],
    "additionalProperties": False,
}
LABELS = {"title": "Title", "authors": "Authors", "doi": "DOI", "volume": "Volume",
          "elocation": "Article number", "keywords": "Keywords", "dates": "History",
          "affiliations": "Affiliation"}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    name = options["test"]
    ordered = by_preference(article.renderings, options)
    renderings = [r for r in ordered if _has(r, name)]
    if name == "title" and renderings:  # a PDF's title is looked for in its text when its
        renderings += [r for r in ordered if r not in renderings]  # reader found none
    if len(renderings) < 2:
        return
    ref = renderings[0]
    for other in renderings[1:]:
        if name == "title":
            found = title_in_text(ref.meta.title, other, options["min_similarity"])
            if found:
                yield from _words(ref, other, ref.meta.title, found, options)
        elif name == "authors":
            for hit in author_differences(ref, other):
                yield hit
        elif name == "keywords":
            yield from _keywords(ref, other)
        elif name == "dates":
            yield from _dates(ref, other)
        elif name == "affiliations":
            yield from _affiliations(ref, other, options)
        else:
            yield from _identifier(ref, other, name)


def _has(r: Rendering, name: str) -> bool:
    value = getattr(r.meta, name)
    return bool(value) if isinstance(value, tuple) else value is not None and bool(value.text)


def _words(ref: Rendering, other: Rendering, a, b, options: dict):
    wa, wb = mw.words(a), mw.words(b)
    ka, kb = [w[0] for w in wa], [w[0] for w in wb]
    if mw.similar(ka, kb) < options["min_similarity"]:
        return  # the other rendering's "title" is some other line: extraction, not a defect
    for i1, i2, j1, j2 in mw.differences(ka, kb, mw.lossy(b)):
        here = mw.place(ref, a, wa, i1, i2, "Title")
        there = mw.place(other, b, wb, j1, j2, "Title")
        value, shown = mw.shown(a, wa, i1, i2), mw.shown(b, wb, j1, j2)
        yield Hit((here, there), _fields("title", value, shown, ref, other),
                  evidence=f"title:{value}|{shown}")


def _identifier(ref: Rendering, other: Rendering, name: str):
    a, b = getattr(ref.meta, name), getattr(other.meta, name)
    if _norm_id(a.text, name) == _norm_id(b.text, name):
        return
    yield Hit((_at(ref, a, name), _at(other, b, name)),
              _fields(name, a.text.strip(), b.text.strip(), ref, other),
              evidence=f"{name}:{a.text.strip()}|{b.text.strip()}")


def _norm_id(s: str, name: str) -> str:
    s = "".join(s.split()).casefold().rstrip(".,;")
    return s.lstrip("e").lstrip("0") if name == "elocation" else s


def _at(r: Rendering, text, name: str) -> Location:
    return Location.at(r, text, 0, len(text.text), LABELS[name])


def _keywords(ref: Rendering, other: Rendering):
    """Keywords are a set: a word in one rendering's keywords that the other's lack."""
    seen_a = {w for k in ref.meta.keywords for w, _, _ in mw.words(k)}
    seen_b = {w for k in other.meta.keywords for w, _, _ in mw.words(k)}
    # A PDF's keyword line is read in part when it wraps into a column: only what it has is
    # checked against the reference, never what it lacks.
    sides = [(other.meta.keywords, seen_a, other, ref)]
    if other.kind not in EXTRACTED:
        sides.insert(0, (ref.meta.keywords, seen_b, ref, other))
    for mine, theirs, r, o in sides:
        for k in mine:
            if len(k.text.split()) > 6:
                continue  # a sentence the reader ran on into, not a keyword
            missing = [w for w, _, _ in mw.words(k) if w not in theirs]
            if missing and "".join(missing) not in "".join(sorted(theirs)):
                first = o.meta.keywords[0]
                yield Hit((_at(r, k, "keywords"), _at(o, first, "keywords")),
                          _fields("keywords", k.text, "no such keyword", r, o),
                          evidence=f"keywords:{k.text}|{o.kind}")


def _affiliations(ref: Rendering, other: Rendering, options: dict):
    """Each reference affiliation against its most similar partner in the other rendering."""
    found = affiliation_differences(ref, other, options["min_similarity"])
    for a, wa, i1, i2, b, wb, j1, j2 in found:
        value, shown = mw.shown(a, wa, i1, i2), mw.shown(b, wb, j1, j2)
        yield Hit((mw.place(ref, a, wa, i1, i2, "Affiliation"),
                   mw.place(other, b, wb, j1, j2, "Affiliation")),
                  _fields("affiliation", value, shown, ref, other),
                  evidence=f"affiliation:{value}|{shown}")
