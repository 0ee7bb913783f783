"""Citations against the reference list: unresolved citations, uncited entries, and a named
author who is not the cited entry's first author."""
from __future__ import annotations

import re

from ...facts import facts
from ...facts.citations import fold
from ...model import Rendering
from ..kit.cites import Merged, labels, ref_location, resolved
from ..kit.names import names_reference
from ..kit.slots import location


def unresolved(r: Rendering, merged: Merged, names: str) -> None:
    by_label = labels(r)
    idents = {x.ident for x in r.references}
    for f in facts(r, "citation"):
        style, keys, targets, _, how = f.value
        if targets and all(t in r.anchors or t in idents
                           for t in targets) or how in ("narrative", "name"):
            continue
        if style == "numeric" and by_label:
            top = max(int(k) for k in by_label)
            missing = [k for k in keys if k not in by_label]
            if r.kind in ("pdftext", "text", "pdf"):  # a gap inside the list may be unread
                missing = [k for k in missing if int(k) > top]
            if how == "paren" and len(keys) < 2 or how != "link" and len(missing) == len(keys):
                continue  # "(45)", "(211–337)": as often counts and values as citations
            if missing and (targets == () or not r.anchors):
                last = r.references[max(by_label.values())]  # where the list ends
                merged.add(("numeric", tuple(missing)), location(f), ref_location(r, last),
                           what=", ".join(missing), where=f"a list of {top} entries")
        elif style == "author-year" and not by_label and r.references and f.block.kind != "table":
            if re.match(r"\d", f.after):
                continue  # "(WHO, 2015)1": the source is given in a footnote
            for name, year in keys:
                people = bool(re.search(rf"{re.escape(name)}\s+(?:et\s*al|and\s|&)", f.surface))
                if names != "all" and people != (names == "people"):
                    continue
                if not 1900 <= int(year) <= 2030 or \
                        any(resolved(name, year, ref) for ref in r.references):
                    continue
                if not _not_an_author(r, name, f):  # its scan of every paragraph comes last
                    near = _where_it_would_be(r, name)
                    merged.add(("author-year", name, year), location(f), ref_location(r, near),
                               what=f"{name}, {year}",
                               where=f"a list of {len(r.references)} entries")


def _where_it_would_be(r: Rendering, name: str):
    """The entry an alphabetical list would hold the missing one before (else the last)."""
    want = fold(name)
    return next((ref for ref in r.references if fold(ref.text.text[:40]) > want),
                r.references[-1])


_BINOMIAL = re.compile(r"\b[A-Z][a-z]*\.? [a-z]{3,}\s*$")


def _not_an_author(r: Rendering, name: str, f) -> bool:
    """"Stichopathes lutkeni (Brook, 1889)" names a species' authority; "(Benin 2012)" a place
    and season when "Benin" also stands alone in the text ("trials in Benin")."""
    if _BINOMIAL.search(f.block.text.text[max(0, f.start - 40):f.start]):
        return True
    if " " in name.strip() or name.isupper():
        return False
    alone = re.compile(rf"\b{re.escape(name)}\b(?!\s*(?:et\s*al|,?\s*\(?(?:19|20)\d\d|and\s|&))")
    return any(alone.search(b.text.text) for b in r.blocks if b.kind in ("paragraph", "list-item"))


def uncited(r: Rendering, merged: Merged, min_cited: float) -> None:
    refs = r.references
    if len(refs) < 3:
        return
    cited = {i for i, ref in enumerate(refs) if ref.ident and ref.ident in r.linked}
    by_label = labels(r)
    by_ident: dict[str, list[int]] = {}
    for i, ref in enumerate(refs):
        if ref.ident:
            by_ident.setdefault(ref.ident, []).append(i)
    for f in facts(r, "citation"):
        style, keys, targets, _, _ = f.value
        for t in targets:
            cited.update(by_ident.get(t, ()))
        if style == "numeric":
            cited.update(by_label[k] for k in keys if k in by_label)
            cited.update(_range_between(targets, keys, by_ident))
        elif style == "author-year" and not by_label:
            cited.update(i for i, ref in enumerate(refs) for name, year in keys
                         if resolved(name, year, ref))
    if len(cited) < min_cited * len(refs):
        return
    for i, ref in enumerate(refs):
        if i not in cited:
            name = ref.label or (ref.authors[0] if ref.authors else ref.text.text[:40])
            merged.add(("uncited", ref.label or ref.text.text[:60]), ref_location(r, ref),
                       what=f"reference {name}" if ref.label else name,
                       where=f"{len(cited)} of {len(refs)} entries cited")


def named_author(r: Rendering, merged: Merged) -> None:
    by_label = labels(r)
    by_id = {ref.ident: ref for ref in r.references if ref.ident}
    for f in facts(r, "citation"):
        style, keys, targets, named, how = f.value
        if not named or how in ("narrative", "name"):
            continue
        cited = [by_id[t] for t in targets if t in by_id]
        if not cited and style == "numeric":
            cited = [r.references[by_label[k]] for k in keys if k in by_label]
        if style == "author-year" and len({k[0] for k in keys}) > 1:
            continue  # several works in one link group: which one is which is unclear
        if cited and not any(names_reference(named, ref) for ref in cited):
            first = cited[0].authors[0] if cited[0].authors else cited[0].text.text[:30]
            merged.add(("named", named, tuple(ref.label or ref.ident for ref in cited)),
                       location(f), ref_location(r, cited[0]), what=named,
                       target=", ".join(ref.label or ref.ident for ref in cited),
                       name=named, first_author=first)


def _range_between(targets, keys, by_ident) -> range:
    """The entries inside a range whose ends alone are linked ("[<xref>4</xref>–<xref>7</xref>]"
    cites 5 and 6 too): those between the two linked entries in list order, when the list holds
    exactly as many entries there as the range has numbers."""
    ends = [by_ident.get(t, (None,))[0] for t in (targets[:1] + targets[-1:])]
    if len(targets) < 2 or None in ends or len(keys) <= len(targets):
        return range(0)
    first, last = ends
    return range(first, last + 1) if last - first + 1 == len(keys) else range(0)
