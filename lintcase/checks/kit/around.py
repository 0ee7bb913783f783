"""The subject of a statement told by the words around it: two statements of a value or a term
speak of one thing when the content words on either side are largely the same ("a 4.2 cm mass
in the left lobe" and "the mass in the left lobe measured 4.2 cm")."""
from __future__ import annotations

import re

from ...facts.sentences import boundaries, sentence_span

# Number words read as digits where statements are compared ("three days" is "3 days").
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}


def sentence_bounds(f) -> tuple[int, int]:
    """Start and end of the sentence holding the statement f, in its block's text."""
    text = f.block.text.text
    return sentence_span(boundaries(f.rendering, text), f.start, len(text))


_CONTENT = re.compile(r"[^\W\d_]{3,}")
_STOP = frozenset("""the and was were with for from that this which her his their its had has
have been after before during then than into onto over under per about approximately also both
measuring measured measure sized size showed shows revealed revealing demonstrated found noted
there these those who whom while when where our are not patient case figure fig image arrow
arrows""".split())


def content(text: str, leave_out=frozenset(), long_forms=None) -> list[str]:
    """Content words, lower case, a plural's s dropped ("nodules" is "nodule"); an
    abbreviation the article defines is read as its long form ("STA": superficial temporal
    artery), so that both spellings of one thing have the same words."""
    if long_forms:
        text = " ".join(long_forms.get(w, w) for w in re.split(r"(\W+)", text))
    return [w[:-1] if w.endswith("s") and not w.endswith(("ss", "us", "is")) else w
            for w in map(str.lower, _CONTENT.findall(text))
            if w not in _STOP and w not in leave_out]


_CLAUSE = re.compile(r"[,;:()\[\]]")


def words_around(f, window: int, leave_out=frozenset(), clause: bool = False, long_forms=None):
    """(the content words within `window` on each side, the first word after) or None; with
    `clause`, only the words up to the nearest comma, colon, semicolon or bracket."""
    context, after = f.context, f.after
    if clause:
        context, after = _CLAUSE.split(context)[-1], _CLAUSE.split(after)[0]
    before = content(context, leave_out, long_forms)[-window:]
    after = content(after, leave_out, long_forms)[:window]
    words = frozenset(before + after)
    return (words, after[0] if after else "") if words else None


def same_subject(a, b, least: int) -> bool:
    """More than `least` content words shared; or `least`, when they are half the words of the
    shorter side or the first word after is the same ("a 4.4 cm cavitary lesion")."""
    shared = len(a[0] & b[0])
    return shared > least or shared == least and (
        2 * shared >= min(len(a[0]), len(b[0])) or a[1] == b[1] != "")
