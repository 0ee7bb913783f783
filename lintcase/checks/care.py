"""care: a case report has an item the CARE reporting guideline asks for.

Only case reports are checked (article type, or "case report" in the title). What is looked
for, and where: the title (`title`: a regex it must match), keywords in the metadata
(`keywords`), an abstract with at least two headed parts (`structured_abstract`), or prose
anywhere in the article, its notes and back matter (`text`: a regex some block must match).
The finding points at the title, the one place every case report has.
"""
from __future__ import annotations

import regex

from ..model import Article, Location, Rendering
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.prefer import PREFER_OPTION, by_preference

FIELDS = ("item",)
OPTIONS = {
    "type": "object",
    "properties": {
        "item": {"type": "string", "description": "What is missing, for the message."},
        "test": {"enum": ["title", "keywords", "structured_abstract", "text"]},
        "regex": {"type": "string", "default": "."},
        "prefer": PREFER_OPTION,
    },
    "required": ["item", "test"],
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    if not any(_case_report(r) for r in article.renderings):
        return
    # The reference rendering that has a title: the XML knows its notes and back matter best.
    r = next((r for r in by_preference(article.renderings, options) if r.meta.title), None)
    if r is None or _present(r, options):
        return
    t = r.meta.title
    yield Hit((Location.at(r, t, 0, len(t.text), "Title"),), {"item": options["item"]},
              evidence=options["item"])


_CASE_TITLE = regex.compile(r"\bcase\s+reports?\b", regex.I)


def _case_report(r: Rendering) -> bool:
    """Stricter than `is_case_report`: "a case of Ward 8", "a case-control study" are not."""
    kind = r.meta.article_type.lower().replace("-", " ")
    title = r.meta.title.text if r.meta.title is not None else ""
    return "case report" in kind or _CASE_TITLE.search(title) is not None


def _present(r: Rendering, options: dict) -> bool:
    look, rx = options["test"], regex.compile(options["regex"], regex.I)
    if look == "title":
        return rx.search(r.meta.title.text, timeout=1) is not None
    if look == "keywords":
        return bool(r.meta.keywords)
    if look == "structured_abstract":
        parts = {b.section[1] for b in r.blocks if b.in_abstract and len(b.section) > 1}
        return len(parts) >= 2
    texts = [b.text.text for b in r.blocks] + [b.section_name for b in r.blocks]
    texts += [n.text for n in r.meta.notes] + [f.text for f in r.meta.funding]
    return any(rx.search(s, timeout=1) for s in texts)
