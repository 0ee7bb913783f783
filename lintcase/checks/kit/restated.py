"""One interval stated twice with one of its numbers changed: which pairs of interval facts
are copies of one result (the same label, two of three numbers equal, the same subject)."""
from __future__ import annotations

import re

# An interval restated: its label and two of its three numbers equal, the third changed.
_SAME = [((0, 2, 3), 1), ((0, 1, 3), 2), ((0, 1, 2), 3)]
_WORD = re.compile(r"[^\W\d_]{4,}")
_COMMON = {"with", "than", "that", "this", "were", "was", "group", "groups", "compared", "model",
           "risk", "ratio", "odds", "hazard", "patients", "significantly", "significant", "after",
           "adjusted", "higher", "lower", "increased", "decreased", "associated", "between"}


def changed_copies(found: list):
    """(a, b) for each pair of interval facts that state one result with one number changed."""
    seen = set()
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if a.block is b.block and a.sentence == b.sentence or (b.value, a.value) in seen:
                continue
            for same, differs in _SAME:
                if all(a.value[k] == b.value[k] for k in same) and \
                        a.value[differs] != b.value[differs] and same_subject(a, b):
                    seen.add((a.value, b.value))
                    yield a, b


def same_subject(a, b) -> bool:
    """The words before the two statements share at least two content words."""
    wa, wb = (set(w.lower() for w in _WORD.findall(f.context[-60:])) - _COMMON for f in (a, b))
    return len(wa & wb) >= 2


_NUMBER = re.compile(r"(?<![\d.])\d+(?:[.,]\d+)?(?![\d])")


def _plain(x: str) -> str:
    """A number as compared: a thousands comma dropped ("12,000"), a decimal comma a point,
    the zeros its decimals end with left out ("0.30" is printed "0.3" elsewhere)."""
    x = x.replace(",", "") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", x) else x.replace(",", ".")
    return x.rstrip("0").rstrip(".") if "." in x else x


def numbers_in(text: str) -> set[str]:
    """Every number printed in a text (a trailing full stop and decimal zeros left out)."""
    return {_plain(m.group()) for m in _NUMBER.finditer(text.replace("\u2212", "-"))}


def numbers_of(f) -> list[str]:
    """The numbers that make a result: an interval's estimate and bounds, a count, its total
    and percentage, a statistic and its p (signs and thousands separators dropped)."""
    v = f.value
    if f.kind == "interval":
        raw = v[1:4]
    elif f.kind == "proportion":
        raw = (str(v[0]), str(v[1]), v[2])
    else:
        raw = (v[2], v[4])
    return [_plain(x.lstrip("-")) for x in raw
            if re.fullmatch(r"-?\d+(?:[.,]\d+)?", x)]
