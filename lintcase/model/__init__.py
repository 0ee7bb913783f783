"""The data every stage passes on: immutable records, nothing that parses or judges.

`text` holds where strings come from (Source, Span, Text), `document` what a reader makes of a
file (Block, Meta, Rendering, Article, Fact), `findings` what a run reports. Every public name is
importable from `lintcase.model` itself.
"""
from __future__ import annotations

from .document import (BLOCK_KINDS, KIND_RANK, KINDS, RENDERING_KINDS, Article, Block, Fact,
                       Meta, Reference, Rendering)
from .findings import SEVERITIES, Finding, InputError, Location
from .text import Source, Span, Text, TextBuilder, excerpt, verbatim_text

__all__ = ["BLOCK_KINDS", "KIND_RANK", "KINDS", "RENDERING_KINDS", "SEVERITIES", "Article", "Block",
           "Fact", "Finding", "InputError", "Location", "Meta", "Reference", "Rendering", "Source", "Span",
           "Text", "TextBuilder", "excerpt", "verbatim_text"]
