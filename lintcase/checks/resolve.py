"""resolve: citations, links and callouts have targets; every reference and figure is cited.

Reads the `citation` and `callout` facts of every rendering. One report per rule:

- `citation-unresolved`: a citation names a reference the list does not hold ("(21)" with 20
  entries, "(ASCO, 2025)" with no ASCO entry).
- `reference-uncited`: an entry of the list that no citation names.
- `named-author`: the sentence names an author ("Hu et al. demonstrated … (9)") who is not the
  first author of the entry it cites.
- `link-target`: a JATS xref whose rid is no element of the document.
- `callout-unresolved`: "Figure 6" or "Table 3" with no such figure or table.
- `not-called-out`: a figure or table that the text never mentions.

A defect seen in several renderings is one finding with a place in each. Where a rendering's
extraction is likely blind (most references look uncited, references are not parsed), the check
stays quiet rather than guess.
"""
from __future__ import annotations

import re

from ..facts import facts
from ..facts.citations import caption_number, fold, names_reference
from ..model import Article, Location, Rendering
from ._cites import RENDERINGS_OPTION, Merged, labels, ref_location, resolved
from .slots import location

FIELDS = ("what", "where", "target", "name", "first_author", "renderings")
REPORTS = ("citation-unresolved", "reference-uncited", "named-author", "link-target",
           "callout-unresolved", "not-called-out")
OPTIONS = {
    "type": "object",
    "properties": {
        "renderings": RENDERINGS_OPTION,
        "report": {"enum": list(REPORTS)},
        "min_cited": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5,
                      "description": "reference-uncited: stay quiet unless at least this share "
                                     "of the list is seen cited (else the citations are unread)."},
        "names": {"enum": ["people", "single", "all"], "default": "all",
                  "description": "citation-unresolved, author-year: “people” are citations "
                                 "written with “et al.” or two names; “single” are one name "
                                 "(an organisation, an acronym, or a lone surname)."},
        "kinds": {"type": "array", "items": {"enum": ["figure", "table"]},
                  "default": ["figure", "table"]},
    },
    "required": ["report"],
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    report = options["report"]
    merged = Merged()
    wanted = options.get("renderings", ["jats", "html", "text"])
    for r in (r for r in article.renderings if r.kind in wanted):
        if report == "citation-unresolved":
            _unresolved(r, merged, options.get("names", "all"))
        elif report == "reference-uncited":
            _uncited(r, merged, options.get("min_cited", 0.5))
        elif report == "named-author":
            _named(r, merged)
        elif report == "link-target":
            _link_targets(r, merged)
        else:
            _callouts(r, merged, report, options.get("kinds", ["figure", "table"]))
    yield from merged.hits()


def _unresolved(r: Rendering, merged: Merged, names: str) -> None:
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


def _uncited(r: Rendering, merged: Merged, min_cited: float) -> None:
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


def _named(r: Rendering, merged: Merged) -> None:
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


def _link_targets(r: Rendering, merged: Merged) -> None:
    if not r.anchors:
        return
    for b in r.blocks:
        for start, end, kind, rid in b.links:
            for target in rid.split():
                if target not in r.anchors:
                    loc = Location.at(r, b.text, start, end, b.label and f"{b.label} caption"
                                      or b.section_name or b.kind)
                    merged.add(("link", target), loc, what=kind or "xref", target=target)


def _callouts(r: Rendering, merged: Merged, report: str, kinds: list) -> None:
    captions: dict[tuple[str, str], object] = {}
    unlabelled = set()
    for b in r.blocks:
        if b.kind == "caption":
            num = caption_number(b.label)
            if num:
                captions.setdefault(num, b)
            elif not b.label:
                unlabelled.add(b.ident[:3])
    found = [f for f in facts(r, "callout") if f.value[0] in kinds]
    if report == "callout-unresolved":
        for f in found:
            kind, n, target = f.value
            have = [int(k[1]) for k in captions if k[0] == kind]
            if target in r.anchors:
                continue  # the source links it to an element the reader may not show
            if have and (kind, n) not in captions and (int(n) > max(have) or r.kind == "jats"
                                                        and not unlabelled):
                merged.add(("callout", kind, n), location(f), what=f"{kind.capitalize()} {n}",
                           where=f"{len(have)} {kind}s")
        return
    if not found:
        return  # no callout read at all: the text may name them in a way we do not read
    called = {f.value[:2] for f in found if not (f.block.kind == "caption"
                                                 and caption_number(f.block.label) == f.value[:2])}
    linked = {f.value[2] for f in found} | set(r.linked) \
        | {t for b in r.blocks for _, _, _, t in b.links}
    for (kind, n), b in captions.items():
        if kind in kinds and (kind, n) not in called and not (b.ident and b.ident in linked):
            merged.add(("uncalled", kind, n), Location.at(r, b.text, 0, min(len(b.text), 60),
                                                          f"{b.label} caption"),
                       what=f"{kind.capitalize()} {n}", where=r.kind)
