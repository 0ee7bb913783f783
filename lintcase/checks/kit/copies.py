"""How two copies of a sentence differ (for the `reused` check): one short changed stretch, and
whether that change is a contradiction (numbers, antonymous words) or only grammar or spacing."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

# Words whose change is grammar, not content.
STOP = frozenset("a an the of in on at to for with by from and or but as is are was were be been "
                 "this that these those it its their his her our we which who whom than then "
                 "also both all any each more most".split())

def one_change(a: tuple, b: tuple, options: dict):
    """(i1, i2, j1, j2) of the one changed stretch, () when equal, None when not a copy."""
    if a == b:
        return ()
    sm = SequenceMatcher(None, a, b, autojunk=False)
    ops = [op for op in sm.get_opcodes() if op[0] != "equal"]
    shared = sum(size for _, _, size in sm.get_matching_blocks())
    if len(ops) != 1 or ops[0][0] != "replace" or shared < options["min_shared"] * max(len(a), len(b)):
        return None
    _, i1, i2, j1, j2 = ops[0]
    if i2 - i1 > options["max_changed"] or j2 - j1 > options["max_changed"]:
        return None
    one, other = a[i1:i2], b[j1:j2]
    if all(w in STOP for w in one + other) or _same_number(one, other) or _inflected(one, other):
        return None
    if "".join(one) == "".join(other):
        return None  # "CD 83"/"CD83": spacing
    return i1, i2, j1, j2


def numbers_differ(one: tuple, other: tuple) -> bool:
    digits = [re.findall(r"\d+", " ".join(side)) for side in (one, other)]
    return all(digits) and digits[0] != digits[1]


def antonymous(one: tuple, other: tuple) -> bool:
    """Two words built on one stem with different prefixes, as terms that exclude each other
    often are ("hypoechoic"/"anechoic", "epidermis"/"dermis", "increased"/"decreased",
    "anterior"/"posterior"): a shared ending of four letters or more, different beginnings."""
    if len(one) != 1 or len(other) != 1:
        return False
    a, b = one[0], other[0]
    end = 0
    while end < min(len(a), len(b)) and a[-1 - end] == b[-1 - end]:
        end += 1
    return end >= 4 and a[:1] != b[:1] and end < min(len(a), len(b)) + 1


def _same_number(one: tuple, other: tuple) -> bool:
    try:
        return len(one) == len(other) == 1 and float(one[0]) == float(other[0])
    except ValueError:
        return False


def _inflected(one: tuple, other: tuple) -> bool:
    """"nodule"/"nodules", "was"/"were": number and tense, not content."""
    if len(one) != len(other) or len(one) != 1:
        return False
    x, y = sorted((one[0], other[0]), key=len)
    return y in (x + "s", x + "es", x + "d", x + "ed")
