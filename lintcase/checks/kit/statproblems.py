"""The single-place problems of the statistics kind, one generator per test: each yields
(fact, what the text states, what the arithmetic expects) for the kind to report."""
from __future__ import annotations

import re

from ...facts.registry import facts
from ...facts.tables import whole_shares
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


def table_shares(r):
    """A table's breakdown of a column's total (facts.tables) whose shares are not the counts'
    shares of it. A count of 0 with a share above 0 is reported on its own (0 is 0% of any
    total) and left out of the rest, where the share is printed in the count's cell with its
    "%" ("0 (7%)"), or the other rows (two with a count or more) are all shares of one total:
    any, where a "%" column of its own gives the share, else the column's n or the counts'
    sum ("0 (28)" may be a median and its range; a "%" column may be another question's). No finding when one total gives every share of the breakdown (the shares
    are of the column's n or of the counts added up, missing answers in or out), nor when
    more than half the rows are off (the shares are then of some other population, as a table
    giving each column's shares of the whole cohort). The total is the column's n, the
    counts' sum, or (three rows or more) the one total every row but one is a share of. In a
    run of rows not known to be whole, one row is reported when every other row is a share of
    the counts' sum or of the column's n (two rows with a count or more; with fewer than four,
    of the column's n only when the odd share is another column's n's: two or three items may
    each be of those who answered it). Two rows whose shares add up to 100 and whose counts
    are those shares of no one total are reported together. When every row is off, the
    column is reported once, and only
    when its counts add up to the column's n and its shares to 100, and no total or one a few
    from the n gives the shares (a count revised and the shares not)."""
    sets: dict = {}
    for f in facts(r, "share"):
        sets.setdefault(f.value.breakdown, []).append(f)
    for found in sets.values():
        zero = [f for f in found if f.value.count == 0 and float(f.value.share) <= 100 and
                not stats.share_consistent(0, 1, f.value.share)]
        rest = [(g.value.count, g.value.share) for g in found if g not in zero]
        one = stats.common_total(rest) if sum(k > 0 for k, _ in rest) >= 2 else 0
        zero = [f for f in zero if _OWN_SHARE.search(f.surface) or one and (
            "%" in f.surface or one in (found[0].value.total, found[0].value.column_n))]
        for f in zero:  # no total tells against it: none of anything is none of it
            yield (f, f"{f.value.label}: {f.surface}",
                   f"0 is 0% of any total, not {f.value.share}%")
        found = [f for f in found if f not in zero]
        if len(found) < 2:
            continue
        v = found[0].value
        shares = [(f.value.count, f.value.share) for f in found]
        common = stats.common_total(shares)
        if common and (common in (v.total, v.column_n) or v.basis == "rows"):
            continue
        totals = [t for t in (v.total, v.column_n) if t]
        if len(found) >= 3 and not common and v.basis != "n":  # with "n" the total is known
            totals += [t for i in range(len(shares))
                       if (t := stats.common_total(shares[:i] + shares[i + 1:]))]
        total = min(totals, key=lambda t: sum(not _fits(k, t, p) for k, p in shares))
        wrong = [f for f in found if not _fits(f.value.count, total, f.value.share)]
        if v.basis == "rows" and (total not in (v.total, v.column_n) or len(wrong) != 1 or
                                  sum(k > 0 for k, _ in shares) < 2):
            continue  # not known to be shares of one total
        if v.basis == "rows" and sum(k > 0 for k, _ in shares) < 4 and total != v.total and \
                not any(_fits(wrong[0].value.count, t, wrong[0].value.share)
                        for t in v.other_n):
            continue  # two or three items each of the column's n, one of those who answered
        if len(found) == 2 and len(wrong) == 2 and v.basis == "100" and not common:
            yield _two_rows(*found)  # which of the two counts is wrong, no number tells
            continue
        if wrong and len(wrong) * 2 <= len(found):
            for f in wrong:
                yield (f, f"{f.value.label}: {f.surface}", _share_off(f.value, total))
        elif len(wrong) == len(found) and v.basis == "n" and \
                whole_shares([p for _, p in shares]) and \
                (not common or abs(common - total) <= max(2, total // 20)):
            f = found[0]
            k, pct = f.value.count, f.value.share
            of = f"; the shares are of {common}" if common else ""
            yield (tuple(found), f"{f.value.label}: {f.surface} …",  # every row's place
                   f"these {len(found)} rows' counts add up to the column's n, {total}, and "
                   f"their shares to 100, but {k} of {total} is "
                   f"{100 * k / total:.{stats.decimals(pct) + 1}f}%, not {pct}%{of}")


# A share printed in its count's own cell, with its "%": "0 (7%)" (a "%" column of its own
# may be another question's: "Missing answers 0 | Agree 65%").
_OWN_SHARE = re.compile(r"\(\s*\d+(?:[.,·]\d+)?\s*%\s*\)")


def _two_rows(a, b):
    """Two rows whose shares add up to 100 (their counts are then the whole) with counts that
    are those shares of no one total: a count revised, its share not."""
    (k, p), (m, q) = (a.value.count, a.value.share), (b.value.count, b.value.share)
    s = k + m
    d = stats.decimals(p) + 1
    return ((a, b), f"{a.value.label}: {a.surface}; {b.value.label}: {b.surface}",
            f"the two rows' shares add up to 100, so their counts are the whole, {s}; but "
            f"{k} of {s} is {100 * k / s:.{d}f}% and {m} of {s} is {100 * m / s:.{d}f}%, and "
            f"no total makes {k} {p}% and {m} {q}%: one count or one share was changed")


def _fits(k: int, n: int, pct: str) -> bool:
    """k of n printed as pct, a trailing zero of a second decimal read as padding too ("28.10"
    for 28.1; "4.0" is not 4, which would allow anything from 3 to 5)."""
    return n > 0 and stats.share_consistent(k, n, pct) or \
        n > 0 and stats.decimals(pct) >= 2 and pct.endswith("0") and \
        stats.share_consistent(k, n, pct[:-1])


def _share_off(v, total: int) -> str:
    k, pct = v.count, v.share
    why = (f"the rows' counts add up to the column's n, {total}" if v.basis == "n" and
           total == v.column_n else
           f"the column's n is {total} and the rows' shares add up to 100"
           if total == v.column_n and v.basis == "100" else
           f"the rows' counts add up to {total} and their shares to 100"
           if total == v.total and v.basis == "100" else
           f"the rows' counts add up to {total} and the other rows' shares are of it"
           if total == v.total else f"the other rows' shares are all of {total}")
    other = next((t for t in v.other_n if stats.share_consistent(k, t, pct)), 0)
    also = f"; {pct}% is {k} of {other}, another column's n or the table's" if other else ""
    return f"{k} of {total} is {100 * k / total:.{stats.decimals(pct) + 1}f}%, not {pct}% ({why}{also})"


def grim(r):
    for f in facts(r, "mean"):
        mean, n, what = f.value
        if stats.grim(mean, n) is False:
            yield (f, f"mean number of {what} {mean} with n = {n}",
                       f"no count of {n} whole numbers has a mean that rounds to {mean}")


_BACKGROUND = re.compile(r"\b(?:background|introduction|context|objectives?|aims?|purpose)\b",
                         re.IGNORECASE)


def abstract_in_body(r):
    """A result the abstract states (an interval, a count with its percentage, a statistic)
    whose numbers the body, tables and captions included, never print together."""
    body = " ".join(b.text.text for b in r.blocks if not b.in_abstract)
    if len(body) < 1000:
        return  # no body to look in (an abstract-only record, a letter)
    tables = {b.ident for b in r.blocks if b.kind == "table"}
    if r.kind == "jats" and any(b.kind == "caption" and b.label.lower().startswith("table")
                                and b.ident not in tables for b in r.blocks):
        return  # a table printed as a picture (JATS keeps the rows of the others)
    printed = restated.numbers_in(body)
    for kind in ("interval", "proportion", "statistic"):
        for f in facts(r, kind):
            if not f.block.in_abstract or _BACKGROUND.search(f.block.section_name):
                continue  # the background's figures are others' results
            wanted = restated.numbers_of(f)
            if wanted and not all(n in printed for n in wanted):
                yield (f, f.surface, "not found in the body, tables or captions")
