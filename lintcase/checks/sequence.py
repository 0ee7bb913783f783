"""sequence: numbered things are first mentioned in the order of their numbers.

Reads the body text (paragraphs and list items outside the abstract, in document order) of
every rendering:

- `citations`: numeric citations. Reference 4 first cited after reference 5 breaks the order of
  a list numbered by first citation. Lists numbered another way (alphabetically) break it all
  the time; when more than `max_share` of the numbers come late the rendering is left alone.
- `callouts`: figure and table callouts ("Figure 3" called out before "Figure 2").

Captions and tables are left out: a reference first cited in a table takes its number where
the table is called out, and a figure's caption names the figure itself.
"""
from __future__ import annotations

from ..facts import facts
from ..model import Article, Fact, Rendering
from .kit.cites import RENDERINGS_OPTION, Merged, labels
from .kit.options import with_defaults
from .kit.slots import location

FIELDS = ("what", "where", "target", "name", "first_author", "renderings")
OPTIONS = {
    "type": "object",
    "properties": {
        "renderings": RENDERINGS_OPTION,
        "test": {"enum": ["citations", "callouts"]},
        "max_share": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.2,
                      "description": "Stay quiet when more than this share of the numbers are "
                                     "out of order (the list follows another order)."},
    },
    "required": ["test"],
    "additionalProperties": False,
}
BODY = ("paragraph", "list-item")


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    merged = Merged()
    wanted = options["renderings"]
    for r in (r for r in article.renderings if r.kind in wanted):
        if options["test"] == "citations":
            firsts = _citation_firsts(r)
        else:
            firsts = _callout_firsts(r)
        for kind, seq in firsts.items():
            _out_of_order(kind, seq, options["max_share"], merged)
    yield from merged.hits()


def _citation_firsts(r: Rendering) -> dict[str, list[tuple[int, Fact]]]:
    by_label = labels(r)
    if not by_label:
        return {}
    found = [f for f in facts(r, "citation") if f.value.style == "numeric"]
    # A number first cited in a table or caption takes its place where that is called out.
    elsewhere = {k for f in found if f.block.kind not in BODY for k in f.value.keys}
    seq = []
    for f in found:
        if f.block.kind in BODY and not f.block.in_abstract:
            seq.extend((int(k), f) for k in f.value.keys if k in by_label and k not in elsewhere)
    return {"reference": seq}


def _callout_firsts(r: Rendering) -> dict[str, list[tuple[int, Fact]]]:
    out: dict[str, list] = {}
    for f in facts(r, "callout"):
        if f.block.kind in BODY and not f.block.in_abstract:
            out.setdefault(f.value.kind, []).append((int(f.value.number), f))
    return out


def _out_of_order(kind: str, seq: list[tuple[int, Fact]], max_share: float, merged: Merged):
    """Each number first mentioned after a higher one, with the place of that higher one."""
    seen: dict[int, Fact] = {}
    late: list[tuple[int, Fact, int]] = []
    top = 0
    for n, f in seq:
        if n in seen:
            continue
        # Numbers of one group ("(14–16)", "Figures 1 and 3") share a place: no order among them.
        if n < top and seen[top] is not f and not (seen[top].block is f.block
                                                   and seen[top].start == f.start):
            late.append((n, f, top))
        seen[n] = f
        top = max(top, n)
    if not late or len(late) > max(1, max_share * len(seen)):
        return
    # One finding per rendering: a moved paragraph puts many numbers out of order at once.
    n, f, higher = late[0]
    other = seen[higher]
    more = f" (and {len(late) - 1} more)" if len(late) > 1 else ""
    merged.add(("order", kind), location(f), location(other),
               *(location(g) for _, g, _ in late[1:5]),
               what=f"{kind} {n}", target=f"{kind} {higher}{more}",
               where=other.block.section_name or other.block.kind)
