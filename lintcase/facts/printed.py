"""Numbers as printed: how many decimals a number shows, and whether a count is its printed
share of a total. Shared by the table extractor (facts.tables) and the checks' arithmetic
(checks/kit/stats)."""
from __future__ import annotations


def decimals(s: str) -> int:
    s = s.strip().lstrip("-")
    return len(s.split(".", 1)[1]) if "." in s else 0


def share_consistent(k: int, n: int, pct: str) -> bool:
    """k of n printed as pct percent: within one unit of its last digit (rounded or cut)."""
    unit = 10 ** -decimals(pct)
    return abs(100 * k / n - float(pct)) < unit + 1e-9
