"""Author lists of two renderings compared the way a reader would: by surname and first initial.

Rendering noise that is not a difference: diacritics, full given names against initials,
"Surname AB" against "A. B. Surname", affiliation markers glued to a name. Real differences: a
changed letter in a surname, an author missing or added, a changed order. In PDF text an
author the list lacks is reported only when the surname is nowhere in the front matter (author
lines printed in two columns are often extracted in part).
"""
from __future__ import annotations

from difflib import SequenceMatcher

from ...model import Location, Rendering, Text
from .hit import Hit
from .metawords import plain, words

EXTRACTED = ("pdftext", "pdf", "text")


def key(name: Text) -> tuple[str, str]:
    """(surname, first initial) of a name as a reader compares it."""
    parts = [w for w, _, _ in words(name)]
    if not parts:
        return "", ""
    raw = name.text.split()
    if len(parts) >= 2 and raw and raw[-1].isupper() and len(raw[-1]) <= 3 and len(parts[0]) > 1:
        return parts[0], parts[1][:1]  # "Borugă O": surname first, initials after
    return parts[-1], parts[0][:1] if len(parts) > 1 else ""


def author_differences(ref: Rendering, other: Rendering):
    a, b = list(ref.meta.authors), list(other.meta.authors)
    ka, kb = [key(n) for n in a], [key(n) for n in b]
    used: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for i, (sur, ini) in enumerate(ka):
        j = next((j for j, k in enumerate(kb) if j not in used and k[0] == sur), None)
        if j is None:
            j = next((j for j, k in enumerate(kb) if j not in used and _near(k[0], sur)), None)
        if j is None:
            if _missing(other, sur):
                yield _hit(ref, a[i], other, None, a[i].text, "missing", b)
            continue
        used.add(j)
        pairs.append((i, j))
        if kb[j][0] != sur or (ini and kb[j][1] and kb[j][1] != ini):
            yield _hit(ref, a[i], other, b[j], a[i].text, b[j].text, b)
    if other.kind not in EXTRACTED:
        for j in sorted(set(range(len(b))) - used):
            yield _hit(other, b[j], ref, None, b[j].text, "missing", a)
    order = [j for _, j in pairs]
    if order != sorted(order):
        i, j = next((i, j) for (i, j), k in zip(pairs, sorted(order)) if j != k)
        yield _hit(ref, a[i], other, b[j], f"{a[i].text} (author {i + 1})",
                   f"author {j + 1}", b, "order")


def _near(x: str, y: str) -> bool:
    """One surname spelled with a letter or two changed."""
    return min(len(x), len(y)) >= 4 and SequenceMatcher(None, x, y).ratio() >= 0.75


def _missing(other: Rendering, surname: str) -> bool:
    if other.kind not in EXTRACTED:
        return True
    src = other.source.text[:20000] if other.source is not None else ""
    return surname not in plain(src)


def _hit(r: Rendering, name: Text, o: Rendering, oname: Text | None, value: str, shown: str,
         olist: list, what: str = "name") -> Hit:
    here = Location.at(r, name, 0, len(name.text), "Authors")
    target = oname if oname is not None else (olist[0] if olist else None)
    there = Location.at(o, target, 0, len(target.text), "Authors") if target is not None else here
    return Hit((here, there), {"field": "author" if what == "name" else "author order",
                               "value": value, "other": shown, "rendering": r.kind,
                               "other_rendering": o.kind},
               evidence=f"author-{what}:{value}|{shown}")
