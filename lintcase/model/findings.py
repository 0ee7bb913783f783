"""What a run reports: findings with their locations, and inputs that could not be read."""
from __future__ import annotations

import bisect
from dataclasses import dataclass

from .document import Rendering
from .text import Text, excerpt


SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True, order=True)
class Location:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rendering: str
    section: str
    excerpt: str
    page: int | None = None  # 1-based page of a PDF rendering; None for unpaged sources

    @classmethod
    def at(cls, rendering: Rendering, text: Text, start: int, end: int, section: str) -> "Location":
        sp = text.span(start, end)
        pages = text.source.pages
        page = bisect.bisect_right(pages, text.source_offset(start)) if pages else None
        return cls(sp.path, sp.line, sp.column, sp.end_line, sp.end_column,
                   rendering.kind, section, excerpt(text.text, start, end), page)


@dataclass(frozen=True, order=True)
class Finding:
    """One problem. `fields` keeps the message's template arguments for dashboards."""

    article: str
    rule: str
    name: str
    severity: str
    message: str
    locations: tuple[Location, ...]
    fields: tuple[tuple[str, str], ...] = ()
    fingerprint: str = ""

    def sort_key(self):
        first = self.locations[0] if self.locations else None
        return (first.path if first else "", first.line if first else 0,
                first.column if first else 0, self.rule, self.message)


@dataclass(frozen=True)
class InputError:
    """A file that could not be read, or a rule that failed on a document."""

    path: str
    line: int
    column: int
    reason: str
    code: str = "LC901"
