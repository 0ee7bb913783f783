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
        if best is not None and score >= 1 - max(1, 0.15 * len(keys)) / len(keys):
            return best
    best, score = _search(keys, [b.text for b in other.blocks[:FIRST_BLOCKS]])
    return best if best is not None and score >= FOUND else None


def _search(keys: list[str], texts: list[Text]) -> tuple[Text | None, float]:
    best, score = None, 0.0
    for text in texts:
        ws = mw.words(text)
        found = _best_window(keys, [w for w, _, _ in ws])
        if found and found[0] > score:
            i, j = found[1], found[2]
            best, score = text.slice(ws[i][1], ws[j - 1][2]), found[0]
    return best, score


def _best_window(keys: list[str], words: list[str]):
    """(similarity, i, j): the stretch words[i:j] most like `keys`."""
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
        last = max(b.b + b.size for b in blocks if b.size)
        score = size / max(n, last)
        if best is None or score > best[0]:
            best = (score, i, i + last)
    return best
