"""The align kind's options and message fields (a leaf, so the comparison reads its
defaults without importing the kind's entry module)."""
from __future__ import annotations

from ..kit.prefer import PREFER_OPTION

FIELDS = ("reference", "other", "ref_words", "other_words", "difference")

OPTIONS = {
    "type": "object",
    "properties": {
        "anchor": {"type": "integer", "minimum": 3, "maximum": 12, "default": 5},
        "prefer": PREFER_OPTION,
        "edge": {"type": "integer", "minimum": 1, "default": 8,
                 "description": "Words of the other rendering looked at before/after a paragraph."},
        "many": {"type": "integer", "minimum": 1, "default": 3,
                 "description": "A paragraph with more differences than this is reported as one "
                                "garbled paragraph (test: garbled), not word by word."},
        "test": {"enum": ["words", "garbled"], "default": "words",
                 "description": "words: each difference in paragraphs with at most `many`; "
                                "garbled: one finding per paragraph with more."},
    },
    "additionalProperties": False,
}
