"""Where another rendering states the reference's title. A PDF text's reader often takes another
line for the title (a journal name, "Observational Study", "Contents lists available at
ScienceDirect", an "Edited by" column) or finds none (a title over two lines under the
publisher's masthead); the title is then looked for on the first page itself: the stretch of
its front matter (Meta.front) or of an early block whose words match the title's words best."""
from __future__ import annotations

from difflib import SequenceMatcher

from ...model import Rendering, Text
from . import metawords as mw

FIRST_BLOCKS = 40  # the first page's blocks, about
FOUND = 0.85  # a stretch this like the title is the title (an abstract sentence is less)


def title_in_text(title: Text, other: Rendering, min_similarity: float) -> Text | None:
    """The other rendering's title: its reader's, when it shares enough words with `title`,
    else the best-matching stretch of its first blocks, else None."""
    keys = [w for w, _, _ in mw.words(title)]
    own = other.meta.title
    if own is not None and own.text and mw.similar(keys, [w for w, _, _ in mw.words(own)]) \
            >= min_similarity:
        return own
    best, score = None, 0.0
    if other.meta.front is not None:  # the front matter: the title with one word changed is
        best, score = _search(keys, [other.meta.front])  # still the title there
        if best is not None and score * len(keys) >= len(keys) - max(1, 0.15 * len(keys)) - 1e-9:
            return best
    best, score = _search(keys, [b.text for b in other.blocks[:FIRST_BLOCKS]])
    return best if best is not None and score >= FOUND else None


def _search(keys: list[str], texts: list[Text]) -> tuple[Text | None, float]:
    best, score = None, 0.0
    for text in texts:
        ws = mw.words(text)
        found = _best_window(keys, [w for w, _, _ in ws])
        if found and found[0] > score:
            i, j = _to_edges(text, ws, *found[1:])
            best, score = text.slice(ws[i][1], ws[j - 1][2]), found[0]
    return best, score


def _to_edges(text: Text, ws: list, i: int, j: int, head: int, tail: int) -> tuple[int, int]:
    """The stretch words[i:j] widened over title words that matched nothing at its ends (a
    changed first or last word), when the widening stays on one line of the source and reaches
    that line's edge, as a title's words do."""
    src = text.source.text
    if head and i - head >= 0:
        a, b = text.source_offset(ws[i - head][1]), text.source_offset(ws[i][1])
        if "\n" not in src[a:b] and not src[src.rfind("\n", 0, a) + 1:a].strip():
            i -= head
    if tail and j + tail <= len(ws):
        a, b = text.source_offset(ws[j - 1][2], end=True), \
            text.source_offset(ws[j + tail - 1][2], end=True)
        stop = src.find("\n", b)
        if "\n" not in src[a:b] and not src[b:len(src) if stop < 0 else stop].strip():
            j += tail
    return i, j


def _best_window(keys: list[str], words: list[str]):
    """(similarity, i, j, head, tail): the stretch words[i:j] most like `keys`, and how many of
    the keys before its first match and after its last matched nothing."""
    if not keys or not words:
        return None
    n, best = len(keys), None
    wanted = set(keys)
    for i in range(len(words)):
        if words[i] not in wanted:
            continue
        j = min(len(words), i + n + 2)
        sm = SequenceMatcher(None, keys, words[i:j], autojunk=False)
        blocks = sm.get_matching_blocks()
        size = sum(b.size for b in blocks)
        if not size:
            continue
        used = [b for b in blocks if b.size]
        last = used[-1].b + used[-1].size
        score = size / max(n, last)
        if best is None or score > best[0]:
            head = used[0].a if used[0].b == 0 else 0
            best = (score, i, i + last, head, n - used[-1].a - used[-1].size)
    return best
