"""What every extractor does around a regex match: context, sentence, span, Fact."""
from __future__ import annotations

from ..model import Block, Fact, Rendering
from .sentences import boundaries, sentence_of

PROSE = ("paragraph", "caption", "list-item", "footnote")
CONTEXT_CHARS = 80


def prose_blocks(rendering: Rendering):
    """Blocks whose words are statements (not headings or tables), with sentence starts."""
    for block in rendering.blocks:
        if block.kind in PROSE:
            yield block, boundaries(rendering, block.text.text)


def make_fact(rendering: Rendering, block: Block, starts: list[int], kind: str, value,
              start: int, end: int) -> Fact:
    text = block.text.text
    k = sentence_of(starts, start)
    s0 = starts[k]
    s1 = starts[k + 1] if k + 1 < len(starts) else len(text)
    return Fact(kind=kind, value=value, surface=text[start:end],
                context=text[max(s0, start - CONTEXT_CHARS):start],
                after=text[end:min(s1, end + CONTEXT_CHARS)],
                span=block.text.span(start, end), rendering=rendering, block=block,
                start=start, end=end, sentence=k)
