"""Text with its origin: a source file, spans in it, and strings that map back to them.

Every string a reader produces is a `Text`: the characters plus a piecewise map back to
character offsets in the decoded source, so any sub-string can be turned into a `Span`
(path, line, column, end line, end column) even when the characters came from an entity
reference, a joined hyphenation or a line that was glued to the next one.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

@dataclass(frozen=True, order=True)
class Span:
    """A region of a source file; lines and columns are 1-based, columns count characters."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int


class Source:
    """The decoded text of one input file and its line-start table (offset -> line/column).

    `pages` is set by readers of paged formats (a PDF): the offset where each page starts, so a
    location can name its page; empty for every other source.
    """

    __slots__ = ("path", "text", "_starts", "pages")

    def __init__(self, path: str, text: str):
        self.path = path
        self.text = text
        self.pages: tuple[int, ...] = ()
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column), both 1-based, of a character offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_offset(self, line: int) -> int:
        """Character offset of the start of a 1-based line."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    def span(self, start: int, end: int) -> Span:
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Span(self.path, line, col, end_line, end_col)


@dataclass(frozen=True)
class Text:
    """A string and where each of its characters came from.

    `pieces` holds (text_offset, source_offset, verbatim) triples sorted by text_offset. In a
    verbatim piece character i of the text is character i of the source from source_offset on;
    a non-verbatim piece (an entity such as ``&ndash;``, an inserted space) maps every one of its
    characters to the piece's source position.
    """

    text: str
    source: Source = field(repr=False, compare=False)
    pieces: tuple[tuple[int, int, bool], ...] = field(repr=False, compare=False)

    def __str__(self) -> str:
        return self.text

    def __len__(self) -> int:
        return len(self.text)

    def source_offset(self, i: int, end: bool = False) -> int:
        """Source offset of text offset i (for an end offset, the end of the previous char)."""
        if not self.pieces:
            return 0
        if end and i > 0:
            k = bisect.bisect_right(self.pieces, (i - 1, float("inf"), True)) - 1
            t0, s0, verbatim = self.pieces[max(k, 0)]
            return s0 + (i - t0) if verbatim else s0 + 1
        k = bisect.bisect_right(self.pieces, (i, float("inf"), True)) - 1
        t0, s0, verbatim = self.pieces[max(k, 0)]
        return s0 + (i - t0) if verbatim else s0

    def span(self, start: int = 0, end: int | None = None) -> Span:
        end = len(self.text) if end is None else end
        s = self.source_offset(start)
        e = self.source_offset(end, end=True) if end > start else s
        return self.source.span(s, max(s, e))

    def slice(self, start: int, end: int) -> "Text":
        """The sub-text [start, end) keeping its source map."""
        out = TextBuilder(self.source)
        out.extend(self, start, end)
        return out.build()

    def strip(self) -> "Text":
        s = self.text
        a = len(s) - len(s.lstrip())
        b = len(s.rstrip())
        return self if (a == 0 and b == len(s)) else self.slice(a, max(a, b))


class TextBuilder:
    """Builds a `Text` piece by piece while a reader walks its source."""

    def __init__(self, source: Source):
        self.source = source
        self._parts: list[str] = []
        self._pieces: list[tuple[int, int, bool]] = []
        self._len = 0

    def __len__(self) -> int:
        return self._len

    def add(self, s: str, source_offset: int, verbatim: bool = True) -> None:
        if not s:
            return
        last = self._pieces[-1] if self._pieces else None
        contiguous = (
            last is not None and verbatim and last[2]
            and last[1] + (self._len - last[0]) == source_offset
        )
        if not contiguous:
            self._pieces.append((self._len, source_offset, verbatim))
        self._parts.append(s)
        self._len += len(s)

    def extend(self, text: Text, start: int = 0, end: int | None = None) -> None:
        end = len(text.text) if end is None else end
        if start >= end:
            return
        pieces = text.pieces
        k = max(bisect.bisect_right(pieces, (start, float("inf"), True)) - 1, 0)
        while k < len(pieces) and pieces[k][0] < end:
            t0, s0, verbatim = pieces[k]
            t1 = pieces[k + 1][0] if k + 1 < len(pieces) else len(text.text)
            a, b = max(t0, start), min(t1, end)
            if a < b:
                self.add(text.text[a:b], s0 + (a - t0) if verbatim else s0, verbatim)
            k += 1

    def last_char(self) -> str:
        return self._parts[-1][-1] if self._parts else ""

    def build(self) -> Text:
        return Text("".join(self._parts), self.source, tuple(self._pieces))


def verbatim_text(source: Source, start: int, end: int) -> Text:
    """The source's own characters [start, end) as a Text."""
    b = TextBuilder(source)
    b.add(source.text[start:end], start)
    return b.build()


def excerpt(s: str, start: int, end: int, width: int = 60) -> str:
    """The words around [start, end), on one line, with the target in «…»."""
    a = max(0, start - width)
    b = min(len(s), end + width)
    if a > 0:
        a = s.find(" ", a, start) + 1 or a
    if b < len(s):
        b = s.rfind(" ", end, b) if s.rfind(" ", end, b) > end else b
    out = s[a:start] + "«" + s[start:end] + "»" + s[end:b]
    out = " ".join(out.split())
    return ("…" if a > 0 else "") + out + ("…" if b < len(s) else "")
