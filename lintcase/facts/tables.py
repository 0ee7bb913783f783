"""Counts with their shares in the columns of a table, where the rows are one breakdown of the
column's total: the structure only; whether the shares are right is the check's arithmetic.

    |             | Local cases (n = 35) |
    | Sex         |                      |
    | Female      | 16 (45.7%)           |  -> share: the breakdown of column 1 from row 1, "n",
    | Male        | 19 (54.3%)           |     total 35, "Female", 16, "45.7"; then "Male" ...

A breakdown is a run of rows whose cells in one column are each a count with its share
("16 (45.7%)", "16 (45.7)", or "16" beside "45.7%"; "45.7 (16)" where the table says "% (n)"
and nowhere "n (%)"), starting after a row that is not (a
heading, a mean, an empty cell), and known to be whole by one of two signs:
- "n": its first rows' counts add up to the n the column's heading states ("(n = 35)",
  "Out of 32");
- "100": the whole run's shares add up to 100 within their rounding (its counts are then the
  total, as when a column's percentages leave out the missing answers), when the table says
  it counts ("n (%)", "No.", "number") and the counts do not add up to about 100 too (then
  both numbers may be shares or rounded measures: a composition and its spread);
- "rows": neither, but two rows or more of a table that counts; whether they are whole is
  left to the check (every row but one a share of the counts' sum or of the column's n says
  so).
Rows a run must not mix in end it: a mean, median, range or score; a "Total" row; a row that
states its own n ("Record of past TST (n = 295)"). Shares that
are a row's (each row's shares across the columns add up to 100, or those of neighbouring
columns are their counts' shares of another cell of the row: "Tested 99 (55.0) | Positive 53
(53.5) | Negative 46 (46.5)") are not a column's breakdown and are left out, and so is every
table whose caption or notes speak of weighting (weighted percentages are not shares of the
counts).
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..model import Block, Fact, Rendering
from .common import make_fact
from .printed import decimals, share_consistent

_COUNT = r"(?P<k>\d{1,3}(?:,\d{3})+|\d+)"
SHARE = re.compile(rf"{_COUNT}\s*[(\[]\s*(?P<p>\d+(?:\.\d+)?)\s*%?\s*[)\]]")
COUNT = re.compile(_COUNT)
PERCENT = re.compile(r"[(\[]?\s*(?P<p>\d+(?:\.\d+)?)\s*%\s*[)\]]?")
# the share first, its count in brackets ("96 (459)"), where the table says "% (n)" and
# nowhere "n (%)" (a capital "% (N)" may give each row's denominator, not its count)
SHARE_FIRST = re.compile(rf"(?P<p>\d+(?:\.\d+)?)\s*%?\s*[(\[]\s*{_COUNT}\s*[)\]]")
PCT_FIRST = re.compile(r"%(?:\s+of)?(?:\s+[a-z]+)?\s*[(\[]\s*n\s*[)\]]")
N_FIRST = re.compile(r"\b[nN]\s*[(\[]\s*%\s*[)\]]")
N_HEAD = re.compile(r"\b(?:[nN]\s*=|[Oo]ut of)\s*(\d{1,3}(?:,\d{3})+|\d+)\b")
N_LABEL = re.compile(r"\b[nN]\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)\b")  # a row stating its own n
NOT_COUNTED = re.compile(r"\b(?:mean|median|sd|s\.d\.|iqr|range|average|sem?|ci|quartiles?|"
                         r"min(?:imum)?|max(?:imum)?|score|rate|ratio|index)\b|±", re.I)
TOTAL = re.compile(r"^\s*(?:total|all|overall|sum)\b", re.I)
WEIGHTED = re.compile(r"\bweight(?:ed|ing)\b", re.I)
# a table that says it counts: "n (%)", "No.", "number of", "frequency"; a column stating its
# n says so too. Without it, "43 (90)" may be a rounded measure and its share, not a count.
COUNTING = re.compile(r"(?<![\w.])(?:[nN]|No\.?|[Nn]umbers?|[Ff]requenc(?:y|ies)|[Cc]ounts?)(?![\w])")


class Share(NamedTuple):
    """One row of a column's breakdown: `breakdown` names the table, column and first row;
    `total` is the column's n ("n") or the rows' counts added up ("100", "rows"); `column_n` the n
    the column's heading states (0 when none) and `other_n` the n of the table's other columns
    and their sum (the populations a share may be taken of)."""

    breakdown: tuple[str, int, int]
    basis: str
    total: int
    column_n: int
    other_n: tuple[int, ...]
    label: str
    count: int
    share: str
    row_counts: tuple[int, ...] = ()  # the row's cells that are a number alone (its own n?)


def whole_shares(shares: list[str]) -> bool:
    """Printed percentages that add up to 100 within their rounding."""
    slack = sum(0.5 * 10 ** -decimals(p) for p in shares)
    return abs(sum(float(p) for p in shares) - 100) <= slack + 1e-9


def _cell(block: Block, col: int) -> tuple[str, int, int]:
    if col >= len(block.cells):
        return "", -1, -1
    a, b, _ = block.cells[col]
    return (block.text.text[a:b].strip(), a, b) if a >= 0 else ("", -1, -1)


def _item(block: Block, col: int, share_first: bool = False):
    """(count, share as printed, start, end) of the row's cell in column `col`, or None."""
    text, a, b = _cell(block, col)
    m = (SHARE_FIRST if share_first else SHARE).fullmatch(text)
    if m:
        return int(m.group("k").replace(",", "")), m.group("p"), a, b
    if COUNT.fullmatch(text):
        nxt, c, d = _cell(block, col + 1)
        p = PERCENT.fullmatch(nxt)
        if p and "%" in nxt and c > b:
            return int(text.replace(",", "")), p.group("p"), a, d
    return None


def _tables(rendering: Rendering):
    """Each table's rows (consecutive 'table' blocks with one ident) and the text of its
    caption and notes (the caption before the rows, the footnotes right after them)."""
    blocks = rendering.blocks
    i = 0
    while i < len(blocks):
        if blocks[i].kind != "table" or not blocks[i].cells:
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].kind == "table" and blocks[j].ident == blocks[i].ident:
            j += 1
        notes = [b.text.text for b in blocks[:i] if b.kind == "caption" and
                 b.ident == blocks[i].ident]
        k = j
        while k < len(blocks) and blocks[k].kind == "footnote":
            notes.append(blocks[k].text.text)
            k += 1
        yield [b for b in blocks[i:j] if b.cells], " ".join(notes)
        i = j


def _row_shares(items: list) -> frozenset:
    """The columns whose shares are the row's, not a column's breakdown: every share of the
    row when they add up to 100; or neighbouring count columns (no other count between them;
    a count's "%" may sit in a cell of its own) whose counts add up to another cell's count of
    the row and are each their share of it ("Tested 99 (55.0) | Positive 53 (53.5) | Negative
    46 (46.5)": 53 and 46 of the 99 tested)."""
    cols = [c for c in range(1, len(items)) if items[c]]
    if len(cols) >= 2 and \
            abs(sum(float(items[c][1]) for c in cols) - 100) <= len(cols) * 0.5:
        return frozenset(cols)
    counts = {items[c][0] for c in cols}
    for i in range(len(cols)):
        for j in range(i + 2, len(cols) + 1):
            run = cols[i:j]
            shares = [items[c][:2] for c in run]
            total = sum(k for k, _ in shares)
            if total in counts and all(k and share_consistent(k, total, p) for k, p in shares):
                return frozenset(run)
    return frozenset()


def _column_n(head: list[Block], col: int) -> int:
    for block in head:
        m = N_HEAD.search(_cell(block, col)[0])
        if m:
            return int(m.group(1).replace(",", ""))
    return 0


def extract(rendering: Rendering) -> list[Fact]:
    out: list[Fact] = []
    for rows, notes in _tables(rendering):
        if len(rows) < 3 or WEIGHTED.search(notes) or any(WEIGHTED.search(b.text.text)
                                                          for b in rows):
            continue
        head = [b for b in rows if all(h for _, _, h in b.cells)] or rows[:1]
        body = [b for b in rows if not any(b is h for h in head)]  # by identity: rows may repeat
        width = max(len(b.cells) for b in body) if body else 0
        counting = bool(COUNTING.search(notes) or any(COUNTING.search(b.text.text) for b in head))
        said = notes + " " + " ".join(b.text.text for b in rows)  # a heading may be a body row
        share_first = bool(PCT_FIRST.search(said)) and not N_FIRST.search(said)
        ns = {col: _column_n(head, col) for col in range(1, width)}
        # each body row once: its label, its cells read as counts with shares, whether its
        # shares are the row's own
        grid, plain = [], {}
        for i, block in enumerate(body):
            items = [_item(block, col, share_first) for col in range(width)]
            label = _cell(block, 0)[0]
            ends = bool(NOT_COUNTED.search(label) or TOTAL.match(label) or N_LABEL.search(label))
            grid.append((i, block, label, items, ends, _row_shares(items)))
            plain[i] = tuple(int(t.replace(",", "")) for t in
                             (_cell(block, c)[0] for c in range(1, width)) if COUNT.fullmatch(t))
        for col in range(1, width):
            n = ns[col]
            others = [m for c, m in ns.items() if m and c != col]
            others = tuple(sorted({*others, sum(others)} - {0}))
            run: list = []
            for i, block, label, items, ends, row_shares in grid + [(0, None, "", [None] * width,
                                                                      True, frozenset())]:
                # a row stating its own n has its own total (`ends`), like a mean or a Total
                if items[col] is None or ends:
                    out += _breakdown(rendering, (rows[0].ident, col, n, others, counting),
                                      run, plain)
                    run = []
                elif col not in row_shares:
                    run.append((i, block, label, items[col]))
    return out


def _breakdown(rendering: Rendering, where: tuple, run: list, plain: dict) -> list[Fact]:
    ident, col, n, others, counting = where
    if len(run) < 2:
        return []
    whole, basis, total = [], "", 0
    counted = 0
    for j, (_, _, _, item) in enumerate(run):
        counted += item[0]
        if n and counted == n and j >= 1:
            whole, basis, total = run[:j + 1], "n", n
            break
    if not whole:
        counted = sum(item[0] for *_, item in run)
        labels = " ".join(label for _, _, label, _ in run)
        if not 95 <= counted <= 105 and (counting or COUNTING.search(labels)):
            if whole_shares([item[1] for *_, item in run]):
                whole, basis, total = run, "100", counted
            elif len(run) >= 2:
                whole, basis, total = run, "rows", counted
    out = []
    if not total:
        return out
    for i, block, label, (k, p, a, b) in whole:
        value = Share((ident, col, run[0][0]), basis, total, n, others, label, k, p, plain[i])
        out.append(make_fact(rendering, block, [0], "share", value, a, b))
    return out
