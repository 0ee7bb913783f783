"""timeline: the dates and offsets of a case fit on one time line (facts/timeline.py builds it).

Three reports, each from one rendering (the reference rendering, as in `define`, so a JATS and
a PDF text of one article are reported once):

- `offset`: an offset written next to an absolute date contradicts it — "four months after
  treatment initiation (September 2022)" when treatment began in March 2022. A "later" offset
  may count from the event just before it or from that event's own anchor; only when no
  candidate fits is it a finding.
- `history`: an offset counted from a dated anchor ends after the article was accepted
  (or published, when no acceptance date is given): "follow-up for 50 months since the start
  of therapy" (March 2022) runs to May 2026 in an article accepted in February 2026.
- `order`: a sentence that says it comes next ("Subsequently", "Then", "Thereafter" …)
  dates its event before the date narrated just before it.

Tolerance: `tolerance` months (default 1) beyond the stated precision, because authors round
offsets ("46 months") and a month-precision date covers the whole month.
"""
from __future__ import annotations

import re

from ..facts import facts
from ..facts.timeline import Entry, build, sentence, when
from ..model import Article, Location, Rendering
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.prefer import PREFER_OPTION, by_preference
from .kit.slots import location

FIELDS = ("reason", "offset", "stated", "expected", "base", "limit")
REPORTS = ["offset", "history", "order"]

OPTIONS = {
    "type": "object",
    "properties": {
        "report": {"type": "array", "items": {"enum": REPORTS}, "default": REPORTS},
        "tolerance": {"type": "number", "minimum": 0, "default": 1,
                      "description": "Months of slack beyond the stated precision."},
        "case_reports_only": {"type": "boolean", "default": True},
        "prefer": PREFER_OPTION,
    },
    "additionalProperties": False,
}

_NEXT = re.compile(r"^\W*(?:subsequently|then|thereafter|afterwards?|later|next|after that|"
                   r"following this)(?![\w-])", re.I)


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    if options["case_reports_only"] and not article.is_case_report:
        return
    rendering = by_preference(article.renderings, options)[0]
    if not facts(rendering, "date"):
        return  # no absolute date, nothing to put offsets against
    entries = build(rendering)
    slack = options["tolerance"]
    reports = options["report"]
    if "offset" in reports:
        yield from _offsets(entries, slack)
    if "history" in reports:
        yield from _history(rendering, entries, slack)
    if "order" in reports:
        yield from _order(entries, slack)


def _offsets(entries: list[Entry], slack: float):
    for e in entries:
        if e.origin != "offset" or e.stated is None or not e.expected:
            continue
        if min(e.when.gap(x) for x in e.expected) < slack:
            continue
        fields = {"offset": e.fact.surface, "stated": e.stated.surface,
                  "expected": e.expected[-1].show(), "base": e.bases[-1].surface, "limit": ""}
        fields["reason"] = (f"“{fields['offset']}” counted from {fields['base']} is "
                            f"{fields['expected']}, but {fields['stated']} is written next to it")
        yield Hit((location(e.fact), location(e.stated), *(location(b) for b in e.bases)),
                  fields, evidence=f"offset:{e.fact.surface}|{e.stated.surface}")


def _history(rendering: Rendering, entries: list[Entry], slack: float):
    limit = _limit(rendering)
    if limit is None:
        return
    kind, end, text = limit
    for e in entries:
        if (e.origin != "offset" or e.stated is not None or len(e.expected) != 1
                or e.fact.value.anchor in ("later", "earlier")):
            continue
        if e.expected[0].lo - end.hi < slack or when(e.bases[0].value.iso).lo > end.lo:
            continue  # in time, or counted from a projection ("by 2050")
        fields = {"offset": e.fact.surface, "stated": "", "expected": e.expected[0].show(),
                  "base": e.bases[0].surface, "limit": f"{kind} on {end.show()}"}
        fields["reason"] = (f"“{fields['offset']}” counted from {fields['base']} runs to "
                            f"{fields['expected']}, after the article was {fields['limit']}")
        history = Location.at(rendering, text, 0, len(text.text), f"history ({kind})")
        yield Hit((location(e.fact), location(e.bases[0]), history), fields,
                  evidence=f"history:{e.fact.surface}")


def _limit(rendering: Rendering):
    """The last date the text can speak of: acceptance, else publication."""
    found = {kind.split()[0]: (iso, text) for kind, iso, text in rendering.meta.dates}
    for kind in ("accepted", "published"):
        if kind in found and (w := when(found[kind][0])):
            return kind, w, found[kind][1]
    return None


def _order(entries: list[Entry], slack: float):
    previous = None
    for e in entries:
        if e.when is None or (e.origin == "offset" and e.stated is None):
            continue  # only dates the text states
        if previous is not None and _comes_next(e, previous) and \
                previous.when.lo - e.when.hi >= slack:
            s0, _ = sentence(e.fact)
            word = e.fact.block.text.text[s0:e.fact.start].split()[0].strip(",")
            fields = {"offset": "", "stated": e.fact.surface, "expected": "",
                      "base": previous.fact.surface, "limit": ""}
            fields["reason"] = (f"“{word}” introduces {e.fact.surface}, before "
                                f"{previous.fact.surface} narrated just before it")
            yield Hit((location(e.fact), location(previous.fact)), fields,
                      evidence=f"order:{previous.fact.surface}|{e.fact.surface}")
        previous = e


def _comes_next(e: Entry, previous: Entry) -> bool:
    """The sentence of `e` opens with a word that puts it after the sentence before."""
    if previous.fact.block.section != e.fact.block.section or "paragraph" != \
            e.fact.block.kind or previous.fact.block.kind != "paragraph":
        return False  # captions and tables are not narrated in order
    if previous.fact.block is e.fact.block and previous.fact.sentence == e.fact.sentence:
        return False
    s0, _ = sentence(e.fact)
    return bool(_NEXT.match(e.fact.block.text.text[s0:e.fact.start]))
