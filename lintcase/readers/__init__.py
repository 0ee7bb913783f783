"""Readers: bytes of one file -> one Rendering. One package per format; readers never judge.

The format is sniffed from the content, never from the file name (the seed JATS file ends in
``.txt``). A file that cannot be read raises `ReadError` naming the line and the reason. Each
rendering kind's reader is named in `READERS`, so a new format is one module and one line there.
"""
from __future__ import annotations

import codecs
import importlib
import re
from pathlib import Path
from typing import Callable, NamedTuple

from .. import archives
from ..model import Rendering, Source
from .common import SECTION_NUMBER, ReadError
from .text.sniff import looks_like_pdf_text

__all__ = ["MAX_BYTES", "MAX_PDF_BYTES", "READERS", "ReadError", "Reader", "SECTION_NUMBER",
           "decode", "read", "sniff"]


_XML_DECL_ENCODING = re.compile(rb'^<\?xml[^>]*encoding=["\']([A-Za-z0-9._-]+)["\']')
# UTF-16 without a byte-order mark, recognised by its first characters "<?" (XML 1.0, Appendix F)
_UTF16_XML_START = ((b"<\x00?\x00", "utf-16-le"), (b"\x00<\x00?", "utf-16-be"))
# Larger files are no article (the largest of 1,200 real JATS articles is 3.3 MB); refusing them
# before reading keeps memory bounded on a hostile or mistaken input.
MAX_BYTES = 20 * 2**20
# A PDF carries its figures: a 100-page article with images is easily 50 MB, while its text
# (what lintcase reads) stays small; pypdfium2 reads pages lazily.
MAX_PDF_BYTES = 200 * 2**20
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


_WIDE_STARTS = tuple(b for b, enc in _BOMS if enc != "utf-8") + tuple(s for s, _ in _UTF16_XML_START)


def decode(path: str, data: bytes) -> str:
    """Bytes -> str: BOM, then the XML declaration's encoding, then UTF-8 (strict).

    Line endings are normalised to LF; a CR-only file keeps its line count that way.
    """
    encoding = "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            encoding = enc
            break
    else:
        for start, enc in _UTF16_XML_START:
            if data.startswith(start):
                encoding = enc
                break
        else:
            if b"\x00" in data:  # UTF-16/32 carry a BOM or start "<?"; a NUL otherwise: binary
                i = data.index(b"\x00")
                line = data.count(b"\n", 0, i) + 1
                head = data[:400]
                half = len(head) // 2
                wide = half and max(head[0::2].count(0), head[1::2].count(0)) >= 0.9 * half
                reason = ("contains NUL bytes: UTF-16 without a byte-order mark? save it as UTF-8"
                          if wide else "contains NUL bytes: a binary file, not a rendering")
                raise ReadError(path, reason, line, i - (data.rfind(b"\n", 0, i) + 1) + 1)
            m = _XML_DECL_ENCODING.match(data.lstrip()[:200])
            if m:
                encoding = m.group(1).decode("ascii").lower()
                if encoding.replace("-", "").replace("_", "").startswith(("utf16", "utf32", "ucs")):
                    # the declaration was readable as ASCII, so the bytes are not UTF-16/32
                    raise ReadError(path, f"declares encoding {encoding!r} but is not encoded "
                                          "that way (no byte-order mark, no NUL bytes)", 1,
                                    data.lstrip().index(m.group(1)) + 1)
    try:
        text = data.decode(encoding)
    except LookupError:
        raise ReadError(path, f"unknown encoding {encoding!r} in the XML declaration", 1, 1)
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise ReadError(path, f"not valid {encoding}: byte 0x{data[e.start]:02x} "
                              f"cannot be decoded", line, col)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def sniff(data: bytes) -> str:
    """The rendering kind of a file's content: a registered reader that recognises it, else
    jats, html, pdf, pdftext or text."""
    for kind, reader in READERS.items():
        if reader.recognise and reader.load(reader.recognise)(data[:200000]):
            return kind
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"%PDF-"):
        return "pdf"
    low = head.lower()
    if low.startswith(b"<?xml") or low.startswith(b"<!doctype") or low.startswith(b"<"):
        if b"<html" in low or low.startswith(b"<!doctype html"):
            return "html"
        if re.search(rb"<article[\s>]", data[:200000]) or b"jats" in low or b"nlm" in low:
            return "jats"
        return "xml"
    return "pdftext" if looks_like_pdf_text(data[:200000]) else "text"


class Reader(NamedTuple):
    """Where a rendering kind's reader lives, as "module:function" under this package, imported
    on first use (a run reads no reader module it does not need).

    The function is called as ``reader(source, data=raw bytes, kind=kind)`` and raises only
    ReadError; a `binary` reader (PDF: its bytes are not text) gets the file's path in place of a
    decoded Source.
    """

    target: str
    binary: bool = False
    # "module:function" of a test `function(head: bytes) -> bool` that recognises the format
    # from a file's first bytes, asked before the built-in sniffing (for formats added later;
    # the built-in kinds are told apart by sniff() itself).
    recognise: str = ""

    def load(self, target: str = "") -> Callable[..., Rendering]:
        module, function = (target or self.target).split(":")
        return getattr(importlib.import_module(f"{__name__}.{module}"), function)


# Rendering kind -> its reader; the kinds are model.RENDERING_KINDS (a test holds them equal).
READERS: dict[str, Reader] = {
    "jats": Reader("jats.reader:read_jats"),
    "html": Reader("html.reader:read_html"),
    "pdf": Reader("pdf:read_pdf", binary=True),  # pypdfium2 when the extra is installed
    "pdftext": Reader("text.reader:read_text"),
    "text": Reader("text.reader:read_text"),
}


def _starts_as_pdf(path: str) -> bool:
    try:
        with open(path, "rb") as f:
            return f.read(1024).lstrip().startswith(b"%PDF-")
    except OSError:
        return False


def raw(path: str) -> bytes:
    """A file's bytes, or an archive member's ("delivery.zip!PMC1/article.xml"), refused
    when larger than any article (MAX_BYTES; MAX_PDF_BYTES for a PDF). Raises ReadError."""
    member = archives.member(path)
    try:
        if member:
            data = archives.read(path, MAX_PDF_BYTES)
            size = len(data)
            limit = MAX_PDF_BYTES if data[:1024].lstrip().startswith(b"%PDF-") else MAX_BYTES
        else:
            size = Path(path).stat().st_size
            limit = MAX_PDF_BYTES if _starts_as_pdf(path) else MAX_BYTES
        if size > limit:
            raise ReadError(path, f"file is {size / 2**20:.1f} MB, larger than any article: "
                                  f"lintcase reads renderings up to {limit // 2**20} MB")
        return data if member else Path(path).read_bytes()
    except OSError as e:
        raise ReadError(path, f"cannot open: {e.strerror or e}")


def read(path: str | Path) -> Rendering:
    """Read one file (or archive member) into a Rendering, or raise ReadError."""
    path = str(path)
    data = raw(path)
    if not data.strip():
        raise ReadError(path, "empty file", 1, 1)
    wide = data.startswith(_WIDE_STARTS)
    # sniff UTF-16/32 on its UTF-8 form: the byte patterns below are ASCII
    kind = sniff(decode(path, data).encode("utf-8", "surrogatepass") if wide else data)
    if kind == "xml":
        raise ReadError(path, "XML, but not a JATS/NLM article (no <article> element)", 1, 1)
    reader = READERS[kind]
    if reader.binary:  # a ReadError naming the extra when pypdfium2 is not installed
        return reader.load()(path, data=data, kind=kind)
    text = decode(path, data)
    if not text.strip():  # only a byte-order mark, or white space in UTF-16
        raise ReadError(path, "empty file", 1, 1)
    return reader.load()(Source(path, text), data=data, kind=kind)
