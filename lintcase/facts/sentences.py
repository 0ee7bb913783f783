"""Sentence boundaries inside a block: enough to keep a fact's context within its sentence."""
from __future__ import annotations

import bisect
import re

# A full stop ends a sentence unless it follows one of these (et al., Fig., e.g. ...).
_NO_BREAK = re.compile(r"(?:\bet al|\b[Ff]igs?|\b[Tt]ab|\be\.g|\bi\.e|\bvs|\bapprox|\bca|\bNo|"
                       r"\bDr|\bMr|\bMrs|\bMs|\bSt|\bRef|\bEq|\b[A-Z])$")
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def boundaries(text: str) -> list[int]:
    """Start offsets of the sentences of `text` (always begins with 0)."""
    starts = [0]
    for m in _END.finditer(text):
        if not _NO_BREAK.search(text, max(0, m.start() - 8), m.start()):
            starts.append(m.end())
    return starts


def sentence_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1
