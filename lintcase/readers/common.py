"""What every reader shares: the one exception a reader raises, and section numbering.

A leaf module: the format packages import these from here, not from the readers package, whose
`read()` imports them (that would be a cycle).
"""
from __future__ import annotations

import re


class ReadError(Exception):
    """A file that cannot be read as any rendering: path, line (0 when unknown), reason."""

    def __init__(self, path: str, reason: str, line: int = 0, column: int = 0):
        super().__init__(f"{path}:{line}:{column}: {reason}")
        self.path, self.reason, self.line, self.column = path, reason, line, column


def guarded(read, source, what: str):
    """read(source), with any failure but a ReadError turned into one: the parsers and the
    heuristics have no documented failure modes, and a file they trip on must still end as one
    clear input error naming the file, never a crash of the run."""
    try:
        return read(source)
    except ReadError:
        raise
    except (Exception, RecursionError) as e:  # noqa: BLE001 - bad input ends as a ReadError
        raise ReadError(source.path, f"cannot read the {what}: {type(e).__name__}: {e}")


# "2.1 ", "IV. ", "B. " before a section title: numbering, not part of the title.
SECTION_NUMBER = re.compile(r"^\s*(?:[0-9]+(?:\.[0-9]+)*\.?|[IVX]+\.|[A-Z]\.)\s+")


def span_count(value: str) -> int:
    """A colspan or rowspan attribute as a count (1 when missing or absurd)."""
    return int(value) if value.strip().isdigit() and 0 < int(value) < 1000 else 1


def row_cells(own, spans: dict) -> tuple:
    """Block.cells of a table row: `own` is the row's cells in order as (start, end, header,
    colspan, rowspan) in the row's text; `spans` carries, per column, the cells of earlier rows
    that span down into this one (rows left, header), and is updated for the rows below."""
    out: list = []
    own = iter(own)
    cell = next(own, None)
    while cell is not None or len(out) in spans:
        col = len(out)
        if col in spans:  # a cell of an earlier row spans down into this column
            left, was_head = spans[col]
            out.append((-1, -1, was_head))
            if left <= 1:
                del spans[col]
            else:
                spans[col] = (left - 1, was_head)
            continue
        a, b, is_head, across, down = cell
        for i in range(across):
            out.append((a, max(a, b), is_head))
            if down > 1:
                spans[col + i] = (down - 1, is_head)
        cell = next(own, None)
    return tuple(out)
