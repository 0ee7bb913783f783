"""Typed facts, extracted once per rendering and shared by every rule.

Each extractor is a function `extract(rendering) -> list[Fact]` registered under a fact kind.
Results are kept in the rendering's memo (renderings are immutable), so ten rules asking for
durations cost one extraction, and they go when the rendering goes.
"""
from __future__ import annotations

from .registry import EXTRACTORS, facts

__all__ = ["EXTRACTORS", "facts"]
