"""Sentence boundaries inside a block: enough to keep a fact's context within its sentence."""
from __future__ import annotations

import bisect
import re

from ..model import Rendering

# A full stop ends a sentence unless it follows one of these (et al., Fig., e.g. ...).
_NO_BREAK = re.compile(r"(?:\bet al|\b[Ff]igs?|\b[Tt]ab|\be\.g|\bi\.e|\bvs|\bapprox|\bca|\bNo|"
                       r"\bDr|\bMr|\bMrs|\bMs|\bSt|\bRef|\bEq|\b[A-Z])$")
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


def boundaries(rendering: Rendering, text: str) -> tuple[int, ...]:
    """Start offsets of the sentences of `text`, a block text of `rendering` (always begins
    with 0). Most extractors split the same prose blocks, so each block text is split once: the
    starts are kept in the rendering's memo."""
    memo = rendering.memo.get("sentences")
    if memo is None:
        memo = rendering.memo["sentences"] = {}
    starts = memo.get(text)
    if starts is None:
        found = [0]
        for m in _END.finditer(text):
            if not _NO_BREAK.search(text, max(0, m.start() - 8), m.start()):
                found.append(m.end())
        starts = memo[text] = tuple(found)
    return starts


def sentence_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def sentence_span(starts, offset: int, length: int) -> tuple[int, int]:
    """Start and end of the sentence holding `offset` in a text of `length` characters."""
    k = sentence_of(starts, offset)
    return starts[k], starts[k + 1] if k + 1 < len(starts) else length
