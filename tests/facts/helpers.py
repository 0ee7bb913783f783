"""Run one extractor on hand-written sentences: each sentence becomes a one-paragraph rendering."""
from __future__ import annotations

from lintcase.model import Block, Meta, Rendering, Source, verbatim_text


def rendering(*paragraphs: str, section: tuple[str, ...] = ("Case presentation",),
              article_type: str = "case-report") -> Rendering:
    text = "\n".join(paragraphs)
    source = Source("test.txt", text)
    blocks, at = [], 0
    for p in paragraphs:
        blocks.append(Block("paragraph", section, verbatim_text(source, at, at + len(p))))
        at += len(p) + 1
    return Rendering("test.txt", "text", Meta(article_type=article_type), tuple(blocks),
                     source=source)


def values(extract, *paragraphs: str) -> list:
    return [f.value for f in extract(rendering(*paragraphs))]


def surfaces(extract, *paragraphs: str) -> list:
    return [f.surface for f in extract(rendering(*paragraphs))]
