"""Named values of the fact kinds that checks read field by field.

Each is a NamedTuple with the fields in the order of the plain tuple it replaces, so equality,
hashing and sorting are those of the tuple (a Date equals ("day", "2020-01-02")). Kinds whose
value has no fixed shape (an abbreviation is ("use", short) or ("definition", short, long); a
duration (unit, n) or (unit, n, upper)) keep plain tuples.
"""
from __future__ import annotations

from typing import NamedTuple


class Date(NamedTuple):
    precision: str  # day | month | year
    iso: str        # "2020-01-02", "2020-01", "2020"


class Relative(NamedTuple):
    unit: str
    amount: float
    anchor: str     # the words it counts from: "after surgery", "later"


class Term(NamedTuple):
    category: str
    form: str


class Spelling(NamedTuple):
    key: str        # the word without hyphens and spaces, casefolded
    written: str    # as the text writes it
    shape: str      # hyphenated | joined | spaced | ...


class Citation(NamedTuple):
    style: str      # numeric | author-year | unknown
    keys: tuple     # labels ("3", "4") or (name, year) pairs
    targets: tuple  # ids of the elements its links point at
    named: str      # an author the sentence names ("Hu et al. showed … (9)")
    how: str        # link | paren | bracket | narrative | name | ...


class Callout(NamedTuple):
    kind: str       # figure | table
    number: str
    target: str     # the id its link points at, or ""
