"""PDF files read directly, with pypdfium2 (the optional extra: ``pip install 'lintcase[pdf]'``).

Each page's text comes in PDFium's reading order (two columns one after the other), laid out as
pdftotext lays out its output (`layout`: blank lines between blocks, line-end hyphens, accents
on their letters, lost ligatures restored), and the pages, joined with form feeds, go through
the PDF-text reader (`readers.text.reader`), so running heads, page numbers, hyphenation,
captions and references get the same treatment. The rendering's kind is "pdf".

Where a finding sits: the rendering's `Source` is the extracted text, so spans count lines and
columns in it; `Source.pages` holds the offset where each page starts, and `Location.at` turns
it into `page` (1-based position in the file, not the printed label). docs/pdf-vs-pdftotext.md
compares the findings with those on pdftotext's output.
"""
from __future__ import annotations

import bisect
import ctypes
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from itertools import accumulate

from ..model import Rendering, Source
from .common import ReadError
from .pdfglyphs import Page, restore_glyphs
from .text.reader import read_text

EXTRA_MISSING = ("a PDF file: install the PDF extra (pip install 'lintcase[pdf]') "
                 "or check the text extracted from it")
# PDFium's load errors (FPDF_ERR_* in fpdfview.h) as a reader would want them explained
_LOAD_ERRORS = {
    0: "a PDF file without pages",
    2: "a PDF file that cannot be opened",
    3: "a PDF file, but damaged: PDFium finds no readable PDF structure (truncated or corrupt?)",
    4: "a PDF file, encrypted: it opens only with a password; check an unprotected copy",
    5: "a PDF file, encrypted with a security handler that PDFium does not support; "
       "check an unprotected copy",
    6: "a PDF file, but damaged: a page cannot be loaded",
}
_MARKS = ("\u0002", "\ufffe")  # PDFium's mark for a hyphen that ended a line it joined
_LINE = re.compile("([^\r\n\u0002\ufffe]*)(\r\n|\r|\n|\u0002|\ufffe|$)")
# a symbol, or a digit before two lower-case letters, that starts a lower-case word
_SUSPECT = re.compile(r"""[^\s\w()\[\]{}/\-–—'"‘’“”.,;:·•](?=[a-z])|(?<!\w)\d(?=[a-z]{2})""")
# spacing accents and the combining marks they stand for; a cedilla and an ogonek hang below
_ACCENTS = {"\u00b4": "\u0301", "\u02d9": "\u0307", "\u02c7": "\u030c", "\u00a8": "\u0308",
            "\u02dc": "\u0303", "\u02c6": "\u0302", "\u02da": "\u030a", "\u02dd": "\u030b",
            "\u02d8": "\u0306", "\u00af": "\u0304", "\u00b8": "\u0327", "\u02db": "\u0328"}
_ACCENT = re.compile("[" + "".join(_ACCENTS) + "]")
_BELOW = ("\u00b8", "\u02db")
_CONTROLS = re.compile("[\u0000\u0001\u0003-\u0008\u000b\u000c\u000e-\u001f]")


def read_pdf(path: str, data: bytes, kind: str = "pdf") -> Rendering:
    """The PDF's text as a "pdf" Rendering whose Source knows where each page starts. (`kind` is
    the readers' registry convention: this reader makes only "pdf".)"""
    try:
        return _read_pdf(path, data)
    except ReadError:
        raise
    except Exception as e:  # the readers' contract: bad input is a ReadError, not a traceback
        raise ReadError(path, f"a PDF file that cannot be read: {type(e).__name__}: {e}")


def _read_pdf(path: str, data: bytes) -> Rendering:
    pages = [clean_page(p) for p in restore_glyphs(extract_pages(path, data))]
    text, starts = join_pages(pages)
    if not text.strip():
        raise ReadError(path, f"a PDF file of {len(pages)} page(s) without a text layer "
                              "(scanned images?): run OCR on it or check its extracted text")
    source = Source(path, text)
    source.pages = starts
    return read_text(source, "pdf")


def extract_pages(path: str, data: bytes) -> list[Page]:
    """Every page's text and unmapped characters; ReadError for what PDFium refuses."""
    try:
        import pypdfium2 as pdfium
    except ImportError:  # the extra is not installed: say which one
        raise ReadError(path, EXTRA_MISSING) from None
    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        reason = _LOAD_ERRORS.get(getattr(e, "err_code", None))
        raise ReadError(path, reason or f"a PDF file, but damaged: PDFium cannot load it ({e})")
    try:
        return [_page_text(doc, i, path, pdfium) for i in range(len(doc))]
    finally:
        doc.close()


def _page_text(doc, i: int, path: str, pdfium) -> Page:
    try:
        page = doc[i]
        try:
            textpage = page.get_textpage()
            try:
                return layout(textpage, pdfium.raw)
            finally:
                textpage.close()
        finally:
            page.close()
    except pdfium.PdfiumError as e:
        raise ReadError(path, f"a PDF file, but damaged: page {i + 1} cannot be read ({e})")


def layout(textpage, raw) -> Page:
    """The page's text in PDFium's order, one visual line a line, with a blank line where the
    lines leave a visual break (a larger gap, a jump to the next column, a change of font
    size), as pdftotext separates blocks: the text reader reads blank lines as boundaries."""
    text = textpage.get_text_range()
    acc = list(accumulate((1 + (ord(c) > 0xFFFF) for c in text), initial=0))
    u16 = acc.__getitem__  # PDFium counts text in UTF-16 units
    text = _attach_accents(textpage, raw, text, acc)
    lines = [(m.start(), m.group(1) + ("-" if m.group(2) in _MARKS else ""),
              _geometry(textpage, raw, m.group(1), m.start(), u16))
             for m in _LINE.finditer(text) if m.group()]
    lines = _head_first(lines)
    return _assemble(lines, _unmapped(textpage, raw, text, u16))


def _assemble(lines: list, unmapped: dict[int, tuple[str, str]]) -> Page:
    """The lines joined, a blank line at each break; unmapped characters' offsets in the result."""
    pitch = _pitch([g for _, _, g in lines])
    out, found, pos = [], [], 0
    for k, (start, line, geo) in enumerate(lines):
        if k and _breaks(lines[k - 1][2], geo, pitch):
            out.append("")
            pos += 1
        found += [(pos + i - start, key) for i, key in unmapped.items()
                  if start <= i < start + len(line)]
        out.append(line)
        pos += len(line) + 1
    return "\n".join(out), found


@dataclass(frozen=True)
class Geometry:
    """A line's left and right edges, bottom and font box height (PDF units, y upwards)."""

    left: float
    right: float
    bottom: float
    size: float


def _geometry(textpage, raw, body: str, start: int, u16) -> Geometry | None:
    """The line's first, middle and last visible characters' boxes (the median of three is not
    fooled by one superscript); None when PDFium gives no box (generated characters)."""
    idx = [i for i, c in enumerate(body) if not c.isspace()]
    if not idx:
        return None
    boxes = []
    for i in (idx[0], idx[len(idx) // 2], idx[-1]):
        ci = raw.FPDFText_GetCharIndexFromTextIndex(textpage, u16(start + i))
        rect = raw.FS_RECTF()
        if ci < 0 or not raw.FPDFText_GetLooseCharBox(textpage, ci, rect):
            return None
        boxes.append((rect.left, rect.right, rect.bottom, rect.top - rect.bottom))
    mid = sorted(boxes, key=lambda b: b[3])[1]
    return Geometry(boxes[0][0], boxes[-1][1], mid[2], mid[3])


def _head_first(lines: list) -> list:
    """PDFium gives a running head last when the PDF draws it last; pdftotext, like a reader,
    gives it first. A few trailing lines that sit above the page's first line move to the top."""
    top = next((g for _, _, g in lines if g is not None), None)
    k = len(lines)
    while top is not None and k > 0 and len(lines) - k < 6:
        g = lines[k - 1][2]
        if g is None or g.bottom < top.bottom + 0.5 * top.size:
            break
        k -= 1
    return lines[k:] + lines[:k] if 0 < k < len(lines) else lines


def _pitch(geo: list[Geometry | None]) -> dict[float, float]:
    """The usual distance from one line to the next, in font-box heights, for each font size
    (rounded) on the page: a title's leading is not the body text's."""
    ratios = defaultdict(list)
    for a, b in zip(geo, geo[1:]):
        if a and b and a.size > 0 and abs(a.size - b.size) <= 0.1 * a.size \
                and 0 < a.bottom - b.bottom < 3 * a.size:
            ratios[round(a.size)].append((a.bottom - b.bottom) / a.size)
    return {size: sorted(r)[len(r) // 2] for size, r in ratios.items() if len(r) >= 2}


def _breaks(a: Geometry | None, b: Geometry | None, pitch: dict[float, float]) -> bool:
    """Whether line b starts a new block after line a."""
    if a is None or b is None:
        return False
    size = max(a.size, b.size)
    if size <= 0:
        return False
    if abs(a.size - b.size) > 0.2 * size:  # another font size: a heading, caption, footnote
        return True
    dy = a.bottom - b.bottom  # > 0: b is below a
    if dy < -0.5 * size:  # back up the page: the next column, or a float placed after
        return True
    if abs(dy) < 0.5 * size:  # side by side: table cells
        return b.left > a.right + 0.5 * size
    return dy > 1.35 * pitch.get(round(a.size), 1.2) * size


def _attach_accents(textpage, raw, text: str, acc: list[int]) -> str:
    """PDFium gives an accent that the PDF draws as a glyph of its own apart from its letter
    ("Ostojic ´"); put it on the letter beneath it ("Ostojić"), as pdftotext does. The text
    keeps its length: the accent's place becomes a space."""
    chars = list(text)
    for m in _ACCENT.finditer(text):
        q = _accented(textpage, raw, acc, m.start(), m.group() in _BELOW)
        if q is None or not chars[q].isalpha():
            continue
        composed = unicodedata.normalize("NFC", chars[q] + _ACCENTS[m.group()])
        if len(composed) == 1:
            chars[q], chars[m.start()] = composed, " "
    return "".join(chars)


def _accented(textpage, raw, acc: list[int], i: int, below: bool) -> int | None:
    """The text index of the character under (or, for a cedilla, above) the accent at i."""
    ci = raw.FPDFText_GetCharIndexFromTextIndex(textpage, acc[i])
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    if ci < 0 or not raw.FPDFText_GetCharBox(textpage, ci, left, right, bottom, top):
        return None
    h = max(top.value - bottom.value, 1.0)
    y = top.value + h if below else bottom.value - h
    base = raw.FPDFText_GetCharIndexAtPos(textpage, (left.value + right.value) / 2, y, 1.0, h)
    if base < 0 or base == ci:
        return None
    t = raw.FPDFText_GetTextIndexFromCharIndex(textpage, base)
    q = bisect.bisect_left(acc, t)
    return q if 0 <= t and q < len(acc) - 1 and acc[q] == t else None


def _unmapped(textpage, raw, text: str, u16) -> dict[int, tuple[str, str]]:
    """Characters PDFium could not map to Unicode (it gives the font's raw code: "+e" for "The"
    in some fonts), looked for among the suspicious ones, a symbol or digit that starts a
    lower-case word. {index in text: (font name, character)}."""
    out = {}
    for m in _SUSPECT.finditer(text):
        ci = raw.FPDFText_GetCharIndexFromTextIndex(textpage, u16(m.start()))
        if ci >= 0 and raw.FPDFText_HasUnicodeMapError(textpage, ci):
            buf = ctypes.create_string_buffer(128)
            raw.FPDFText_GetFontInfo(textpage, ci, buf, 128, None)
            out[m.start()] = (buf.value.decode("latin-1"), m.group())
    return out


def clean_page(text: str) -> str:
    """No control characters: a form feed inside a page would start a false page."""
    return _CONTROLS.sub(" ", text)


def join_pages(pages: list[str]) -> tuple[str, tuple[int, ...]]:
    """Pages laid out as pdftotext does (each ends with a line break and a form feed, so even
    a one-page PDF reads as paged text), and the offset at which each page starts."""
    parts, starts, pos = [], [], 0
    for p in pages:
        chunk = (p if p.endswith("\n") or not p else p + "\n") + "\f"
        starts.append(pos)
        parts.append(chunk)
        pos += len(chunk)
    return "".join(parts), tuple(starts)
