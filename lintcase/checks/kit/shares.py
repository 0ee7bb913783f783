"""Counts with their shares in a table's columns (facts.tables) checked against each other: the
arithmetic of LC510. Each generator yields (fact or facts, what the table states, what the
arithmetic expects)."""
from __future__ import annotations

import math
import re

from ...facts.registry import facts
from ...facts.tables import whole_shares
from . import stats


def table_shares(r):
    """A table's breakdown of a column's total whose shares are not the counts' shares of it.
    Rows that no total can give are reported on their own and left out of the rest: a count
    of 0 with a share above 0 (0 is 0% of any total), where the share is printed in the
    count's cell with its "%" ("0 (7%)"), or the other rows (two with a count or more) are all
    shares of one total: any, where a "%" column of its own gives the share, else the column's
    n or the counts' sum ("0 (28)" may be a median and its range; a "%" column may be another
    question's); and a count above 0 printed as 0% of a total larger than any the column's
    other rows can be of ("5 (0%)" beside "6 (17%)"; with its "%": "233 (0)" may be a measure
    and its spread). No finding when one total gives every
    share of the breakdown (the shares are of the column's n or of the counts added up,
    missing answers in or out), nor when more than half the rows are off (the shares are then
    of some other population, as a table giving each column's shares of the whole cohort).
    The total is the column's n, the counts' sum, or (three rows or more) the one total every
    row but one is a share of; where two such totals each leave a different row off and
    neither is the column's n or the counts' sum, the one the counts add up to once the odd
    row is mended is taken, and where that does not decide, both rows are reported together. In a run of rows not known to be whole, one row is
    reported when every other row is a share of the counts' sum or of the column's n (two
    rows with a count or more; with fewer than four, of the column's n only when the odd
    share is another column's n's: two or three items may each be of those who answered it),
    or when every other share of the whole table (six or more) is of one total. Two rows whose
    shares add up to 100 and whose counts are those shares of no one total are reported
    together. When every row is off, the column is reported once, and only when its counts add
    up to the column's n and its shares to 100, and no total or one a few from the n gives the
    shares (a count revised and the shares not)."""
    sets: dict = {}
    for f in facts(r, "share"):
        sets.setdefault(f.value.breakdown, []).append(f)
    reported: set = set()
    for found in sets.values():
        for hit in _column(found):
            reported.update(hit[0] if isinstance(hit[0], tuple) else (hit[0],))
            yield hit
    by_table: dict = {}
    for found in sets.values():
        by_table.setdefault(found[0].value.breakdown[0], []).extend(found)
    for cells in by_table.values():
        yield from _table_odd_one(cells, reported)


def _column(found: list):
    odd = _impossible(found)
    yield from odd
    found = [f for f in found if not any(f is hit[0] for hit in odd)]
    if len(found) < 2:
        return
    v = found[0].value
    shares = [(f.value.count, f.value.share) for f in found]
    common = stats.common_total(shares)
    if common and (common in (v.total, v.column_n) or v.basis == "rows"):
        return
    totals = [t for t in (v.total, v.column_n) if t]
    if len(found) >= 3 and not common and v.basis != "n":  # with "n" the total is known
        totals += [t for i in range(len(shares))
                   if (t := stats.common_total(shares[:i] + shares[i + 1:]))]
    total, wrong, other = _which_total(found, totals)
    if v.basis == "rows" and (total not in (v.total, v.column_n) or len(wrong) != 1 or
                              sum(k > 0 for k, _ in shares) < 2):
        return  # not known to be shares of one total (the whole table may tell: below)
    if v.basis == "rows" and sum(k > 0 for k, _ in shares) < 4 and total != v.total and \
            not any(_fits(wrong[0].value.count, t, wrong[0].value.share) for t in v.other_n):
        return  # two or three items each of the column's n, one of those who answered
    if len(found) == 2 and len(wrong) == 2 and v.basis == "100" and not common:
        yield _two_rows(*found)  # which of the two counts is wrong, no number tells
    elif other and wrong and len(wrong) * 2 <= len(found):
        yield _either(wrong[0], total, other[0], other[1])
    elif wrong and len(wrong) * 2 <= len(found):
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


def _which_total(found: list, totals: list[int]):
    """The total the fewest rows are off from, with those rows; and, where another total
    leaves as few rows off but not the same one, that total and its odd row (no number
    tells which was changed) unless the first is the column's n or the counts' sum, or the
    counts, the odd row mended, add up to one of them and not the other."""
    if not totals:
        return 0, [], None
    off = {t: [f for f in found if not _fits(f.value.count, t, f.value.share)] for t in totals}
    total = min(totals, key=lambda t: len(off[t]))
    wrong = off[total]
    rivals = [t for t in totals if len(off[t]) == len(wrong) == 1 and off[t] != wrong]
    v = found[0].value
    if not rivals or v.basis == "rows" or total in (v.total, v.column_n):
        return total, wrong, None

    def gap(t: int) -> float:  # the counts' sum, the odd row's count mended, against the
        (odd,) = off[t]         # totals from t up that the other rows' shares allow
        rest = [f for f in found if f is not odd]
        near = [u for u in range(t, t + max(3, t // 20) + 1)
                if all(_fits(f.value.count, u, f.value.share) for f in rest)] or [t]
        counted = sum(f.value.count for f in rest)
        return min(abs(counted + float(odd.value.share) * u / 100 - u) for u in near)
    slack = 1 + len(found) / 2  # each count's share is rounded
    best = min([total, *rivals], key=gap)
    close = [t for t in [total, *rivals] if gap(t) <= gap(best) + slack and t != best]
    if not close:
        return best, off[best], None
    return best, off[best], (close[0], off[close[0]][0])


def _either(a, ta: int, tb: int, b):
    """Two rows each the odd one out of another total: one count or share was changed."""
    def say(f, t):
        k, p = f.value.count, f.value.share
        return f"{k} of {t} is {100 * k / t:.{stats.decimals(p) + 1}f}%, not {p}%"
    return ((a, b), f"{a.value.label}: {a.surface}; {b.value.label}: {b.surface}",
            f"no one total gives every row's share: the other rows are of {ta}, where "
            f"{say(a, ta)}, or of {tb}, where {say(b, tb)}; one count or one share was changed")


def _impossible(found: list) -> list:
    """The rows no total can give, beside the column's others: 0 with a share above 0, a
    count above 0 with a share of 0 too small for any total the other rows allow."""
    out = []
    zero = [f for f in found if f.value.count == 0 and float(f.value.share) <= 100 and
            not stats.share_consistent(0, 1, f.value.share)]
    rest = [(g.value.count, g.value.share) for g in found if g not in zero]
    one = stats.common_total(rest) if sum(k > 0 for k, _ in rest) >= 2 else 0
    for f in zero:  # no total tells against it: none of anything is none of it
        if _OWN_SHARE.search(f.surface) or one and (
                "%" in f.surface or one in (found[0].value.total, found[0].value.column_n)):
            out.append((f, f"{f.value.label}: {f.surface}",
                        f"0 is 0% of any total, not {f.value.share}%"))
    for f in found:
        k, p = f.value.count, f.value.share
        if k == 0 or float(p) > 0 or "%" not in f.surface:
            continue  # "233 (0)" may be a measure and its spread
        unit = 10 ** -stats.decimals(p)
        least = math.floor(100 * k / unit) + 1  # k of fewer is at least one unit
        most = max([f.value.total, f.value.column_n] + [
            math.floor(100 * g.value.count / (float(g.value.share) - unit))
            for g in found if g.value.count and float(g.value.share) > unit])
        if any(m >= least for m in f.value.row_counts):
            continue  # the row states a number that may be its own total ("tested 1,480")
        if sum(g.value.count > 0 and float(g.value.share) > unit for g in found) >= 1 and \
                least > most:
            out.append((f, f"{f.value.label}: {f.surface}",
                        f"{k} is {p}% only of a total above {least - 1}; the column's other "
                        f"rows are of at most {most}"))
    return out


def _table_odd_one(cells: list, reported: set):
    """One share off the total every other share of the table (six or more, counts above 0)
    is of, in a column whose rows are not known to be one total's (a table of items each of
    the whole cohort: "Neutropenia 2 (3%) | 5 (7%)", "Anaemia 8 (11%) | 22 (29%)")."""
    live = [f for f in cells if f.value.count > 0 and float(f.value.share) <= 100]
    if len(live) < 7 or len({f.value.column_n for f in cells} - {0}) > 1:
        return  # columns stating different n are shares of different totals
    bounds = [_range(f) for f in live]
    lo, hi = max(b[0] for b in bounds), min(b[1] for b in bounds)
    if lo <= hi:
        return  # one total gives them all
    odd = [i for i, (a, b) in enumerate(_others(bounds)) if a <= b]
    if len(odd) != 1:
        return
    f = live[odd[0]]
    if f in reported or f.value.basis != "rows" or any(
            _fits(f.value.count, t, f.value.share)
            for t in (f.value.column_n, *f.value.other_n, *f.value.row_counts) if t):
        return  # a share of its column's n, another column's or a number of its row
    others = [(g.value.count, g.value.share) for g in live if g is not f]
    total = stats.common_total(others)
    if total and not _fits(f.value.count, total, f.value.share):
        k, p = f.value.count, f.value.share
        most = _others(bounds)[odd[0]][1]
        of = f"{total}" if most == total else f"one total from {total} to {most}"
        yield (f, f"{f.value.label}: {f.surface}",
               f"{k} of {total} is {100 * k / total:.{stats.decimals(p) + 1}f}%, not {p}% "
               f"(the table's other {len(others)} shares are all of {of})")


def _others(bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """For each range, the intersection of all the others (largest low, smallest high)."""
    n = len(bounds)
    lo_before, hi_before = [0] * (n + 1), [10 ** 9] * (n + 1)
    lo_after, hi_after = [0] * (n + 1), [10 ** 9] * (n + 1)
    for i, (a, b) in enumerate(bounds):
        lo_before[i + 1], hi_before[i + 1] = max(lo_before[i], a), min(hi_before[i], b)
    for i in range(n - 1, -1, -1):
        a, b = bounds[i]
        lo_after[i], hi_after[i] = max(lo_after[i + 1], a), min(hi_after[i + 1], b)
    return [(max(lo_before[i], lo_after[i + 1]), min(hi_before[i], hi_after[i + 1]))
            for i in range(n)]


def _range(f) -> tuple[int, int]:
    """The totals of which the row's count is its printed share (rounded or cut)."""
    return stats.total_bounds(f.value.count, f.value.share, most=10 ** 9)


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


