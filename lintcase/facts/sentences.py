"""Sentence boundaries inside a block: enough to keep a fact's context within its sentence."""
from __future__ import annotations

import bisect
import re

# A full stop ends a sentence unless it follows one of these (et al., Fig., e.g. ...).
_NO_BREAK = re.compile(r"(?:\bet al|\b[Ff]igs?|\b[Tt]ab|\be\.g|\bi\.e|\bvs|\bapprox|\bca|\bNo|"
                       r"\bDr|\bMr|\bMrs|\bMs|\bSt|\bRef|\bEq|\b[A-Z])$")
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")


# Most extractors split the same prose blocks, so each block text is split once; the runner
# empties this with the facts cache after each chunk.
_cache: dict[str, tuple[int, ...]] = {}


def boundaries(text: str) -> tuple[int, ...]:
    """Start offsets of the sentences of `text` (always begins with 0)."""
    starts = _cache.get(text)
    if starts is None:
        found = [0]
        for m in _END.finditer(text):
            if not _NO_BREAK.search(text, max(0, m.start() - 8), m.start()):
                found.append(m.end())
        starts = _cache[text] = tuple(found)
    return starts


def clear_cache() -> None:
    _cache.clear()


def sentence_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1
