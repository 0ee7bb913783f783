"""Check kinds: generic comparisons that rules parameterise.

A check kind is a module (or a package) with a docstring, an OPTIONS JSON Schema for its
`options:` block and a generator `run(article, options)` yielding `Hit`s. The engine, not the
check, turns a Hit into a Finding by stamping the rule's code, name, severity and message
template. Every module and package directly in this package is a check kind, except `kit`, which
holds what the kinds share.
"""
from __future__ import annotations

import importlib
import pkgutil

from .kit.hit import Hit

__all__ = ["Hit", "KIND_NAMES", "load"]

SHARED = "kit"
KIND_NAMES = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name != SHARED))


def load(kind: str):
    if kind not in KIND_NAMES:
        raise KeyError(kind)
    return importlib.import_module(f"{__name__}.{kind}")
