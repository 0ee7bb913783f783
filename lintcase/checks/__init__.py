"""Check kinds: generic comparisons that rules parameterise.

A check kind is a module with a docstring, an OPTIONS JSON Schema for its `options:` block and a
generator `run(article, options)` yielding `Hit`s. The engine, not the check, turns a Hit into a
Finding by stamping the rule's code, name, severity and message template.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from ..model import Location


@dataclass(frozen=True)
class Hit:
    """What a check found: the places involved and the fields its message template uses."""

    locations: tuple[Location, ...]
    fields: dict = field(default_factory=dict)
    evidence: str = ""  # normalised words that identify the problem (for fingerprints)


KIND_NAMES = ("align", "agree", "exclusive", "pattern", "define", "timeline", "variants")


def load(kind: str):
    if kind not in KIND_NAMES:
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind}")
