"""statistics: reported numbers that must agree with each other within one document.

`test: p-value` recomputes the p value of a t, F, χ², r or z statistic from its degrees of
freedom and compares it with the reported one, counting every value that rounds to the printed
statistic (as statcheck does); `decisions` includes, isolates or leaves out the reports whose p
lies on the other side of .05 (decision errors). `test: percentage` checks "12 of 40 (30%)" and
"30% (12/40)": the percentage is the share within one unit of its last digit. `test: interval`
checks that a confidence interval holds its point estimate and that its bounds are in order;
`ratio-interval` that a ratio's interval is about symmetric around it on the log scale;
`restated` that an interval stated twice with the same subject has the same numbers;
`breakdown` that a total's two sexes add up to it (and their percentages to 100); `grim`
that a mean of counts printed with its n is some whole number divided by n; `table-shares`
that the shares of a table column's breakdown are its counts' shares of the column's total;
`sum` that a sum written out with its result ("20 hours + 35 hours + 29 hours", "a total of
85 hours") adds up; `list` that a count names as many things as its list ("five broken limbs
(humerus, wrist, ankle, and femur)").
"""
from __future__ import annotations

from ..facts.registry import facts
from ..model import Article, Location
from .kit import restated
from .kit import shares
from .kit import statproblems as problems
from .kit.hit import Hit
from .kit.options import with_defaults

FIELDS = ("stated", "expected", "rendering")
OPTIONS = {
    "type": "object",
    "properties": {
        "test": {"enum": ["p-value", "percentage", "interval", "ratio-interval", "restated",
                          "breakdown", "grim", "abstract-in-body", "table-shares", "sum",
                          "list"]},
        "asymmetry": {"type": "number", "minimum": 0, "default": 0.4,
                      "description": "ratio-interval: the shift of the estimate from the log-scale "
                                     "centre, as a share of the half-width, reported from here "
                                     "(exact and profile-likelihood intervals are somewhat "
                                     "asymmetric)."},
        "decisions": {"enum": ["include", "only", "exclude"], "default": "include",
                      "description": "p-value: whether reports whose p lies on the other side of "
                                     ".05 than the statistic allows (decision errors) are "
                                     "reported, reported alone, or left to another rule."},
    },
    "required": ["test"],
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    test = options["test"]
    for r in article.renderings:
        if test == "restated":
            yield from _restated(r)
            continue
        found = {"p-value": lambda: problems.p_values(r, options["decisions"]),
                 "percentage": lambda: problems.percentages(r),
                 "interval": lambda: problems.intervals(r),
                 "ratio-interval": lambda: problems.ratio_intervals(r, options["asymmetry"]),
                 "breakdown": lambda: problems.breakdowns(r), "grim": lambda: problems.grim(r),
                 "abstract-in-body": lambda: problems.abstract_in_body(r),
                 "table-shares": lambda: shares.table_shares(r),
                 "sum": lambda: problems.sums(r), "list": lambda: problems.lists(r)}[test]()
        for f, stated, expected in found:
            yield _hit(f, stated, expected)


def _hit(f, stated: str, expected: str) -> Hit:
    rows = f if isinstance(f, tuple) else (f,)  # a breakdown's rows, together
    f = rows[0]
    where = tuple(Location.at(g.rendering, g.block.text, g.start, g.end, g.block.section_name)
                  for g in rows)
    return Hit(where, {"stated": stated, "expected": expected, "rendering": f.rendering.kind},
               evidence=f"{f.kind}:{f.surface}")


def _restated(r):
    """One interval stated twice (the abstract and the results, a caption and the text) with
    one of its numbers changed: the words before both name the same subject."""
    for a, b in restated.changed_copies(facts(r, "interval")):
        yield _twice(a, b)


def _twice(a, b) -> Hit:
    here = Location.at(a.rendering, a.block.text, a.start, a.end, a.block.section_name)
    there = Location.at(b.rendering, b.block.text, b.start, b.end, b.block.section_name)
    return Hit((here, there), {"stated": a.surface, "expected": b.surface,
                               "rendering": a.rendering.kind},
               evidence=f"{a.kind}:{a.surface}|{b.surface}")


