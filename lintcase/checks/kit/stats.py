"""The arithmetic of reported statistics, with rounding taken into account as statcheck and
GRIM do: a printed number stands for every value that rounds to it, and a report is
inconsistent only when no such values make it true. scipy.special gives the distributions
(imported on first use: most documents hold no test statistic)."""
from __future__ import annotations

import math

from ...facts.printed import decimals, share_consistent  # noqa: F401 (used here and by callers)

ALPHA = 0.05


def bounds(s: str) -> tuple[float, float]:
    """Every value that prints as s (half a unit of its last digit either side)."""
    x, half = float(s), 0.5 * 10 ** -decimals(s)
    return x - half, x + half


def p_value(s: str) -> float:
    """'.045', '0,03', '1.2 × 10-5', '3e-4' as a number."""
    s = s.replace(",", ".").replace(" ", "")
    for times in ("×10^", "×10", "x10^", "x10", "*10^", "*10"):
        if times in s:
            mant, exp = s.split(times, 1)
            return float(mant or 1) * 10 ** float(exp)
    return float(s)


def _p_of(test: str, dfs: tuple, x: float) -> float:
    from scipy import special
    x = abs(x)
    if test == "t":
        return float(2 * special.stdtr(dfs[0], -x))
    if test == "F":
        return float(special.fdtrc(dfs[0], dfs[1], x))
    if test == "chi2":
        return float(special.chdtrc(dfs[0], x))
    if test == "r":
        if x >= 1:
            return 0.0
        t = x * math.sqrt(dfs[0] / (1 - x * x))
        return float(2 * special.stdtr(dfs[0], -t))
    return float(2 * special.ndtr(-x))  # z


def p_range(test: str, dfs: tuple, stat: str, one_tailed: bool = False) -> tuple[float, float]:
    """The p values (two-tailed; halved when the text says one-tailed) of every statistic that
    prints as `stat`: (smallest, largest)."""
    lo, hi = bounds(stat)
    if lo < 0 < hi:
        lo, hi = 0.0, max(-lo, hi)
    ps = sorted(_p_of(test, dfs, v) for v in (lo, hi))
    if one_tailed:
        return ps[0] / 2, ps[1]
    return ps[0], ps[1]


def p_consistent(rel: str, printed: str, pmin: float, pmax: float) -> bool:
    """Whether a reported p ('=', '<' or '>' a printed value) can be one of [pmin, pmax]."""
    v = p_value(printed)
    if rel == "<":
        return pmin < v + 1e-12
    if rel == ">":
        return pmax > v - 1e-12
    exponent = any(c in printed for c in "eE×x*")
    unit = v * 0.1 if exponent else 10 ** -decimals(printed)
    # rounded (half a unit either side) or cut (up to a whole unit below the true value)
    return pmin <= v + unit + 1e-12 and pmax >= v - 0.5 * unit - 1e-12


def decision_error(rel: str, printed: str, pmin: float, pmax: float) -> bool:
    """The report puts p on the other side of .05 than every value the statistic allows."""
    v = p_value(printed)
    says_significant = rel in ("<", "=") and v <= ALPHA
    says_not = (rel == ">" and v >= ALPHA) or (rel == "=" and v > ALPHA)
    return (says_significant and pmin > ALPHA) or (says_not and pmax < ALPHA)


def total_bounds(k: int, pct: str, most: int = 10 ** 7) -> tuple[int, int]:
    """The least and most totals of which the count k is its printed share (rounded or cut);
    `most` where any larger total would do too (a share within a unit of 0)."""
    unit = 10 ** -decimals(pct)
    lo = math.ceil(100 * k / (float(pct) + unit) - 1e-9)
    hi = math.floor(100 * k / (float(pct) - unit) + 1e-9) if float(pct) > unit else most
    return lo, hi


def common_total(shares: list[tuple[int, str]]) -> int:
    """The smallest total of which every count is its printed share (rounded or cut), or 0."""
    lo, hi = 1, 10 ** 7
    for k, pct in shares:
        if k == 0:
            continue
        a, b = total_bounds(k, pct)
        lo, hi = max(lo, a), min(hi, b)
    return next((n for n in range(lo, min(hi, lo + 10 ** 5) + 1)
                 if all(share_consistent(k, n, p) for k, p in shares)), 0)


def inside(est: str, lo: str, hi: str) -> str:
    """'' when the interval holds the estimate; else what is wrong."""
    e, a, b = float(est), float(lo), float(hi)
    if a > b:
        return "its lower bound is above its upper bound"
    slack = 0.5 * 10 ** -max(decimals(est), decimals(lo), decimals(hi))
    if e < a - slack or e > b + slack:
        return "the estimate lies outside it"
    return ""


RATIOS = ("OR", "aOR", "RR", "aRR", "HR", "aHR", "IRR", "PR", "odds ratio", "risk ratio",
          "hazard ratio", "relative risk")


def log_asymmetry(est: str, lo: str, hi: str) -> float:
    """How far a ratio's estimate is from its interval's centre on the log scale (where a Wald
    interval of a ratio is symmetric), as a share of the interval's half-width, after the
    rounding of all three numbers is allowed for: 0 when some values that print as these are
    symmetric."""
    e, a, b = bounds(est), bounds(lo), bounds(hi)
    if min(e[0], a[0], b[0]) <= 0 or a[1] >= b[0]:
        return 0.0
    centre = (math.sqrt(a[0] * b[0]), math.sqrt(a[1] * b[1]))
    if e[1] < centre[0]:
        off = math.log(centre[0] / e[1])
    elif e[0] > centre[1]:
        off = math.log(e[0] / centre[1])
    else:
        return 0.0
    return off / ((math.log(float(hi)) - math.log(float(lo))) / 2)


def breakdown(n: int, a: int, b: int, pa: str, pb: str) -> str:
    """'' when a + b is the total and the two percentages (when printed) are their shares and
    sum to 100 within rounding; else what is wrong."""
    if a + b != n:
        return f"{a} + {b} = {a + b}, not {n}"
    for k, pct in ((a, pa), (b, pb)):
        if pct and not share_consistent(k, n, pct):
            return f"{k} of {n} is {100 * k / n:.{decimals(pct) + 1}f}%, not {pct}%"
    return ""


def explicit_sum(terms: tuple, total: str) -> str:
    """'' when the printed terms add up to the printed result; else what is wrong. Whole
    numbers are taken as exact (counts, whole hours); a number with decimals may be rounded by
    half its last digit, and the sum by as much as its terms' roundings add up to."""
    found = sum(float(t) for t in terms)
    slack = sum(0.5 * 10 ** -decimals(x) for x in (*terms, total) if decimals(x))
    if abs(found - float(total)) <= slack + 1e-9:
        return ""
    d = max(decimals(x) for x in (*terms, total))
    return f"{' + '.join(terms)} = {found:.{d}f}, not {total}"


def grim(mean: str, n: int) -> bool | None:
    """Whether a mean of whole numbers printed as `mean` can come from n of them (some k/n
    rounds to it; Brown & Heathers' GRIM test); None when n is too large for the test to tell
    (n at or above 10 to the power of the mean's decimals: every value is possible)."""
    d = decimals(mean)
    if n <= 0 or n >= 10 ** d:
        return None
    lo, hi = bounds(mean)
    k = math.ceil(lo * n - 1e-9)
    return k / n <= hi + 1e-12
