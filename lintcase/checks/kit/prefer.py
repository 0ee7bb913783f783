"""Which rendering a check takes for its reference: the shared `prefer` option."""
from __future__ import annotations

from ...model import RENDERING_KINDS

KINDS_IN_ORDER = list(RENDERING_KINDS)
# The option every check that reads one rendering (or compares against one) shares.
PREFER_OPTION = {"type": "array", "items": {"enum": KINDS_IN_ORDER}, "default": KINDS_IN_ORDER,
                 "description": "Which rendering is the reference, in order of preference."}


def by_preference(renderings, options: dict) -> list:
    """The renderings, the preferred reference first (then by path, for a stable order)."""
    prefer = options["prefer"]
    return sorted(renderings, key=lambda r: (prefer.index(r.kind) if r.kind in prefer
                                             else len(prefer), r.path))
