"""Check kinds: generic comparisons that rules parameterise.

A check kind is a module with a docstring, an OPTIONS JSON Schema for its `options:` block and a
generator `run(article, options)` yielding `Hit`s. The engine, not the check, turns a Hit into a
Finding by stamping the rule's code, name, severity and message template.
"""
from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field

from ..model import Location


@dataclass(frozen=True)
class Hit:
    """What a check found: the places involved and the fields its message template uses."""

    locations: tuple[Location, ...]
    fields: dict = field(default_factory=dict)
    evidence: str = ""  # normalised words that identify the problem (for fingerprints)


# Every module of this package except the helpers below is a check kind.
_HELPERS = {"slots"}
KIND_NAMES = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__)
                          if not m.name.startswith("_") and m.name not in _HELPERS))


KINDS_IN_ORDER = ["jats", "html", "pdf", "pdftext", "text"]
# The option every check that reads one rendering (or compares against one) shares.
PREFER_OPTION = {"type": "array", "items": {"enum": KINDS_IN_ORDER}, "default": KINDS_IN_ORDER,
                 "description": "Which rendering is the reference, in order of preference."}


def by_preference(renderings, options: dict) -> list:
    """The renderings, the preferred reference first (then by path, for a stable order)."""
    prefer = options.get("prefer", KINDS_IN_ORDER)
    return sorted(renderings, key=lambda r: (prefer.index(r.kind) if r.kind in prefer
                                             else len(prefer), r.path))


def load(kind: str):
    if kind not in KIND_NAMES:
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind}")
