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
that a mean of counts printed with its n is some whole number divided by n.
"""
from __future__ import annotations

from ..facts.registry import facts
from ..model import Article, Location
from .kit import restated, stats
from .kit.hit import Hit
from .kit.options import with_defaults

FIELDS = ("stated", "expected", "rendering")
OPTIONS = {
    "type": "object",
    "properties": {
        "test": {"enum": ["p-value", "percentage", "interval", "ratio-interval", "restated",
                          "breakdown", "grim"]},
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
NAMES = {"t": "t", "F": "F", "chi2": "χ²", "r": "r", "z": "z"}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    test = options["test"]
    for r in article.renderings:
        if test == "p-value":
            yield from _p_values(r, options["decisions"])
        elif test == "percentage":
            yield from _percentages(r)
        elif test == "interval":
            yield from _intervals(r)
        elif test == "ratio-interval":
            yield from _ratio_intervals(r, options["asymmetry"])
        elif test == "breakdown":
            yield from _breakdowns(r)
        elif test == "grim":
            yield from _grim(r)
        else:
            yield from _restated(r)


def _hit(f, stated: str, expected: str) -> Hit:
    where = Location.at(f.rendering, f.block.text, f.start, f.end, f.block.section_name)
    return Hit((where,), {"stated": stated, "expected": expected, "rendering": f.rendering.kind},
               evidence=f"{f.kind}:{f.surface}")


def _p_values(r, decisions: str):
    for f in facts(r, "statistic"):
        test, dfs, stat, rel, p, one = f.value
        pmin, pmax = stats.p_range(test, dfs, stat, one)
        wrong = stats.decision_error(rel, p, pmin, pmax)
        if wrong and decisions == "exclude" or not wrong and (
                decisions == "only" or stats.p_consistent(rel, p, pmin, pmax)):
            continue
        df = ", ".join(f"{d:g}" for d in dfs)
        stated = f"{NAMES[test]}" + (f"({df})" if df else "") + f" = {stat}, p {rel} {p}"
        expected = f"p = {_fmt(pmin)}" if _fmt(pmin) == _fmt(pmax) else \
            f"p between {_fmt(pmin)} and {_fmt(pmax)}"
        if one:
            expected += " (one-tailed allowed)"
        yield _hit(f, stated, expected + (" — the other side of .05" if wrong else ""))


def _fmt(p: float) -> str:
    return f"{p:.2g}" if p < 0.001 else f"{p:.3f}"


def _percentages(r):
    for f in facts(r, "proportion"):
        k, n, pct = f.value
        if not stats.share_consistent(k, n, pct):
            yield _hit(f, f"{k} of {n} = {pct}%", f"{100 * k / n:.{stats.decimals(pct) + 1}f}%")


def _intervals(r):
    for f in facts(r, "interval"):
        label, est, lo, hi = f.value
        wrong = stats.inside(est, lo, hi)
        if wrong:
            yield _hit(f, f"{label + ' ' if label else ''}{est} ({lo} to {hi})", wrong)


def _ratio_intervals(r, limit: float):
    for f in facts(r, "interval"):
        label, est, lo, hi = f.value
        if label not in stats.RATIOS or stats.inside(est, lo, hi):
            continue  # an estimate outside its interval is LC503's
        shift = stats.log_asymmetry(est, lo, hi)
        if shift >= limit:
            yield _hit(f, f"{label} {est} ({lo} to {hi})",
                       f"the estimate is {shift:.0%} of the half-width off the interval's "
                       f"centre on the log scale (about {_centre(lo, hi)} expected)")


def _centre(lo: str, hi: str) -> str:
    return f"{(float(lo) * float(hi)) ** 0.5:.{max(stats.decimals(lo), stats.decimals(hi))}f}"


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


def _breakdowns(r):
    for f in facts(r, "breakdown"):
        n, a, b, pa, pb = f.value
        wrong = stats.breakdown(n, a, b, pa, pb)
        if wrong:
            yield _hit(f, f.surface, wrong)


def _grim(r):
    for f in facts(r, "mean"):
        mean, n, what = f.value
        if stats.grim(mean, n) is False:
            yield _hit(f, f"mean number of {what} {mean} with n = {n}",
                       f"no count of {n} whole numbers has a mean that rounds to {mean}")
