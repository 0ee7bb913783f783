"""Whether a name given in the text ("Hu et al.", "(WHO, 2020)") is the first author of a
reference entry: judging a citation against the list, on names the citation facts fold."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ...facts.citations import fold

_SMALL = {"of", "for", "and", "the", "on", "in", "de", "des", "du", "la", "et", "&"}


def acronym(name: str) -> str:
    """"National Cancer Institute" → "nci"; "American Society of Clinical Oncology" → "asco"."""
    words = re.findall(r"[A-Za-z][\w'’]*", name)
    return "".join(w[0] for w in words if w.lower() not in _SMALL).lower()


def names_reference(name: str, ref) -> bool:
    """Whether `name` ("Arends", "De Cicco", "WHO", "National Cancer Institute") is the first
    author of `ref`. The printed entry is the fallback when the reader could not split the
    authors, so an entry we cannot parse never makes a citation look wrong."""
    want = fold(name)
    if not want:
        return False
    first = ref.authors[0] if ref.authors else ""
    surname = first.rsplit(" ", 1)[0] if re.search(r"\s[A-Z]{1,4}$", first) else first
    last = surname.split()[-1] if surname.split() else ""  # "Os" of "Van Os"
    if want in (fold(surname), fold(first), fold(last)) or _similar(want, fold(surname)):
        return True
    head = re.split(r"[(.]\s*(?:19|20)\d\d|\.\s", ref.text.text, maxsplit=1)[0][:120]
    if fold(head).startswith(want):
        return True
    if name.replace("/", "").isupper() and len(want) >= 2:  # "(WHO, 2020)", "(NCI, 2025)"
        return want in (acronym(first), acronym(head)) or want in fold(head)
    return not ref.authors and want in fold(ref.text.text[:120])


def _similar(want: str, surname: str) -> bool:
    """"Metha" for "Mehta", "Kumar" for "Vijay Kumar": a misspelt or shortened name of the same
    author, which is a typo, not a citation of the wrong work."""
    if len(want) >= 4 and len(surname) >= 4 and (want in surname or surname in want):
        return True
    return SequenceMatcher(None, want, surname).ratio() >= 0.8
