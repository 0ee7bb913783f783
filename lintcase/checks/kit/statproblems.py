"""The single-place problems of the statistics kind, one generator per test: each yields
(fact, what the text states, what the arithmetic expects) for the kind to report."""
from __future__ import annotations

import re

from ...facts.registry import facts
from ...facts.statistics import COUNT_WORDS
from . import restated, stats

NAMES = {"t": "t", "F": "F", "chi2": "χ²", "r": "r", "z": "z"}


def p_values(r, decisions: str):
    for f in facts(r, "statistic"):
        test, dfs, stat, rel, p, one = f.value
        pmin, pmax = stats.p_range(test, dfs, stat, one)
        wrong = stats.decision_error(rel, p, pmin, pmax)
        if wrong and decisions == "exclude" or not wrong and (
                decisions == "only" or stats.p_consistent(rel, p, pmin, pmax)):
            continue
        df = ", ".join(f"{d:g}" for d in dfs)
        stated = f"{NAMES[test]}" + (f"({df})" if df else "") + f" = {stat}, p {rel} {p}"
        expected = f"p = {fmt(pmin)}" if fmt(pmin) == fmt(pmax) else \
            f"p between {fmt(pmin)} and {fmt(pmax)}"
        if one:
            expected += " (one-tailed allowed)"
        yield (f, stated, expected + (" — the other side of .05" if wrong else ""))


def fmt(p: float) -> str:
    return f"{p:.2g}" if p < 0.001 else f"{p:.3f}"


def percentages(r):
    for f in facts(r, "proportion"):
        k, n, pct = f.value
        if not stats.share_consistent(k, n, pct):
            yield (f, f"{k} of {n} = {pct}%", f"{100 * k / n:.{stats.decimals(pct) + 1}f}%")


def intervals(r):
    for f in facts(r, "interval"):
        label, est, lo, hi = f.value
        wrong = stats.inside(est, lo, hi)
        if wrong:
            yield (f, f"{label + ' ' if label else ''}{est} ({lo} to {hi})", wrong)


def ratio_intervals(r, limit: float):
    for f in facts(r, "interval"):
        label, est, lo, hi = f.value
        if label not in stats.RATIOS or stats.inside(est, lo, hi):
            continue  # an estimate outside its interval is LC503's
        shift = stats.log_asymmetry(est, lo, hi)
        if shift >= limit:
            yield (f, f"{label} {est} ({lo} to {hi})",
                       f"the estimate is {shift:.0%} of the half-width off the interval's "
                       f"centre on the log scale (about {centre(lo, hi)} expected)")


def centre(lo: str, hi: str) -> str:
    return f"{(float(lo) * float(hi)) ** 0.5:.{max(stats.decimals(lo), stats.decimals(hi))}f}"


def breakdowns(r):
    for f in facts(r, "breakdown"):
        n, a, b, pa, pb = f.value
        wrong = stats.breakdown(n, a, b, pa, pb)
        if wrong:
            yield (f, f.surface, wrong)


def sums(r):
    for f in facts(r, "sum"):
        terms, total, _ = f.value
        wrong = stats.explicit_sum(terms, total)
        if wrong:
            yield (f, f.surface, wrong)


_WORDS = {n: w for w, n in COUNT_WORDS.items()}  # 5 -> "five"


def lists(r):
    """A count in words whose list in brackets names more things than it counts. Fewer is not
    reported: the list then often names kinds of what is counted, not each ("five cultures
    (blood, urine and sputum)", "six cycles (cisplatin, etoposide and bleomycin)"); without a
    serial comma, the list must exceed the count by two."""
    for f in facts(r, "listed"):
        k, what, items, serial = f.value
        # without a comma before the last "and", the last two may be one name ("Croatia,
        # Serbia, Bosnia and Herzegovina", "... hematoxylin and eosin")
        if len(items) - (0 if serial else 1) > k:
            yield (f, f.surface, f"{_WORDS.get(len(items), len(items))} {what} listed, "
                                 f"not {_WORDS[k]}")


def grim(r):
    for f in facts(r, "mean"):
        mean, n, what = f.value
        if stats.grim(mean, n) is False:
            yield (f, f"mean number of {what} {mean} with n = {n}",
                       f"no count of {n} whole numbers has a mean that rounds to {mean}")


# a table of the supplementary material cited in the body: "Table S7", "Tables 2 and S3",
# "S2 Table" (PLOS), "Supplementary Table 2", "Supplementary Material", "Additional file 1",
# "Appendix Table A2", "Web Table 2", "eTable 3"
_SUPPLEMENT_TABLE = re.compile(
    r"\bTables?\s+(?:[A-Z]?\d+[a-z]?\s*(?:,|and|&)\s*)*S\d+\b|\bS\d+\s+Tables?\b|"
    r"\bSupplementa(?:l|ry)\s+(?:Tables?|Materials?|Data|Information|Files?)\b|"
    r"\bAdditional\s+files?\s+\d+|\b(?:Appendix|Web|Online)\s+Tables?\b|\beTables?\s*\d",
    re.IGNORECASE)
_BACKGROUND = re.compile(r"\b(?:background|introduction|context|objectives?|aims?|purpose)\b",
                         re.IGNORECASE)


def abstract_in_body(r):
    """A result the abstract states (an interval, a count with its percentage, a statistic)
    whose numbers the body, tables and captions included, never print together; not where
    the body cites a table of the supplementary material (the result may be there)."""
    body = " ".join(b.text.text for b in r.blocks if not b.in_abstract)
    if len(body) < 1000:
        return  # no body to look in (an abstract-only record, a letter)
    tables = {b.ident for b in r.blocks if b.kind == "table"}
    if r.kind == "jats" and any(b.kind == "caption" and b.label.lower().startswith("table")
                                and b.ident not in tables for b in r.blocks):
        return  # a table printed as a picture (JATS keeps the rows of the others)
    if _SUPPLEMENT_TABLE.search(body):
        return  # results in a table of the supplementary material, which is not read
    printed = restated.numbers_in(body)
    for kind in ("interval", "proportion", "statistic"):
        for f in facts(r, kind):
            if not f.block.in_abstract or _BACKGROUND.search(f.block.section_name):
                continue  # the background's figures are others' results
            wanted = restated.numbers_of(f)
            if wanted and not all(n in printed for n in wanted):
                yield (f, f.surface, "not found in the body, tables or captions")
