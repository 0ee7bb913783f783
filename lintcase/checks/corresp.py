"""corresp: the corresponding author's e-mail address is the same in every rendering.

The preferred rendering that gives correspondence addresses (JATS `<corresp>` and the
corresponding authors' `<email>`, HTML `citation_author_email`, the e-mail addresses printed on
the first page of PDF text) is the reference. An address of the reference that another
rendering does not print anywhere, or an address another rendering prints on its first page
that the reference has nowhere, is reported. Addresses are compared without case, and PDF text
is searched with line breaks and hyphens removed (long addresses wrap).
"""
from __future__ import annotations

import re

from ..model import Article, Location, Rendering, Text
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.prefer import PREFER_OPTION, by_preference

FIELDS = ("value", "rendering", "other_rendering")
OPTIONS = {
    "type": "object",
    "properties": {"prefer": PREFER_OPTION},
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    renderings = by_preference(article.renderings, options)
    ref = next((r for r in renderings if r.meta.emails), None)
    if ref is None:
        return
    for other in renderings:
        # a rendering that prints no address at the top (some PDFs print none) says nothing
        if other is ref or not _EMAIL.search(_top(other)):
            continue
        yield from _absent(ref, other, ref.meta.emails)
        yield from _absent(other, ref, other.meta.emails)


_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+(?:\.[\w\-]+)+")


def _top(r: Rendering) -> str:
    text = r.source.text if r.source is not None else ""
    return text[:20000] if r.kind not in ("jats", "html") else " ".join(
        t.text for t in r.meta.emails + r.meta.notes)


def _squeezed(r: Rendering) -> str:
    """Everything the rendering says, squeezed: its source, and (for marked-up sources, where
    an address may be written with character references) its read text."""
    parts = [r.source.text if r.source is not None else ""]
    if r.kind in ("jats", "html"):
        parts += [t.text for t in r.meta.emails + r.meta.notes] + [b.text.text for b in r.blocks]
    return re.sub(r"[\s\-‐]+", "", " ".join(parts)).casefold()


def _absent(here: Rendering, there: Rendering, emails: tuple[Text, ...]):
    seen = _squeezed(there)
    for e in emails:
        key = re.sub(r"[\s\-‐]+", "", e.text).casefold()
        if key and key not in seen:
            yield Hit((Location.at(here, e, 0, len(e.text), "Correspondence"), _place(there)),
                      {"value": e.text, "rendering": here.kind, "other_rendering": there.kind},
                      evidence=f"email:{key}")


def _place(r: Rendering) -> Location:
    """The rendering's own correspondence address, else the first address it prints."""
    if r.meta.emails:
        e = r.meta.emails[0]
        return Location.at(r, e, 0, len(e.text), "Correspondence")
    from ..model import verbatim_text
    m = _EMAIL.search(r.source.text)
    end = m.start() + len(m.group().split()[0]) if m else 0
    return Location.at(r, verbatim_text(r.source, m.start() if m else 0, end), 0,
                       end - (m.start() if m else 0), "Correspondence")
