"""Link targets and figure and table callouts: every target exists, every float is called out."""
from __future__ import annotations

from ...facts import facts
from ...facts.citations import caption_number
from ...model import Location, Rendering
from ..kit.cites import Merged
from ..kit.slots import location


def link_targets(r: Rendering, merged: Merged) -> None:
    if not r.anchors:
        return
    for b in r.blocks:
        for start, end, kind, rid in b.links:
            for target in rid.split():
                if target not in r.anchors:
                    loc = Location.at(r, b.text, start, end, b.label and f"{b.label} caption"
                                      or b.section_name or b.kind)
                    merged.add(("link", target), loc, what=kind or "xref", target=target)


def callouts(r: Rendering, merged: Merged, report: str, kinds: list) -> None:
    captions: dict[tuple[str, str], object] = {}
    unlabelled = set()
    for b in r.blocks:
        if b.kind == "caption":
            num = caption_number(b.label)
            if num:
                captions.setdefault(num, b)
            elif not b.label:
                unlabelled.add(b.ident[:3])
    found = [f for f in facts(r, "callout") if f.value.kind in kinds]
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
    called = {(f.value.kind, f.value.number) for f in found
              if not (f.block.kind == "caption"
                      and caption_number(f.block.label) == (f.value.kind, f.value.number))}
    linked = {f.value.target for f in found} | set(r.linked) \
        | {t for b in r.blocks for _, _, _, t in b.links}
    for (kind, n), b in captions.items():
        if kind in kinds and (kind, n) not in called and not (b.ident and b.ident in linked):
            merged.add(("uncalled", kind, n), Location.at(r, b.text, 0, min(len(b.text), 60),
                                                          f"{b.label} caption"),
                       what=f"{kind.capitalize()} {n}", where=r.kind)
