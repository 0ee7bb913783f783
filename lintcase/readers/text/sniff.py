"""Is this plain text extracted from a PDF? The readers' `sniff()` asks before any text reader
is imported; a leaf module so that the readers package and the text reader both can use it."""
from __future__ import annotations

import re

_PDF_MARKERS = [re.compile(p, re.M) for p in (
    r"^OPEN ACCESS\s*$", r"^(?:EDITED|REVIEWED) BY\b|^(?:Edited|Reviewed) by:",
    r"^\*?\s*CORRESPONDENCE\b|^\*\s*Correspondence:",
    r"^(?:RECEIVED|ACCEPTED|PUBLISHED)\s+\d|^(?:Received|Accepted|Published):?\s+\d",
    r"\bdoi:\s*10\.\d{4,}/", r"^(?:FIGURE|Figure|Fig\.?)\s+\d+\b",
    r"^\d(?:\.\d)?\.?\s+(?:Introduction|Background|Methods|Materials|Results|Discussion|Case)",
    r"^(?:COPYRIGHT|CITATION|KEYWORDS)\s*$")]


def looks_like_pdf_text(data: bytes) -> bool:
    """Text extracted from a PDF: page breaks, or several kinds of PDF front matter."""
    head = data[:200000].decode("utf-8", "replace")
    if "\f" in head and head.count("\n") >= 20:
        return True
    return sum(1 for p in _PDF_MARKERS if p.search(head)) >= 3
