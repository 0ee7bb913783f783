"""What every extractor does around a regex match: context, sentence, span, Fact."""
from __future__ import annotations

from ..model import Block, Fact, Rendering
from .sentences import boundaries, sentence_of, sentence_span

PROSE = ("paragraph", "caption", "list-item", "footnote")
CONTEXT_CHARS = 80
# Latin letters that Unicode does not decompose into a base letter and a mark, as names are
# written without them ("Đorđević" cited as "Dordevic", "Kozłowski" as "Kozlowski").
LATIN = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o", "Ł": "L",
                       "ł": "l", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ß": "ss",
                       "Þ": "Th", "þ": "th", "ı": "i", "Ħ": "H", "ħ": "h"})


FOOTNOTE_LINKS = frozenset({"fn", "table-fn"})


def blanked(block: Block, kinds=FOOTNOTE_LINKS) -> str:
    """The block's text with the text of its links of `kinds` (a JATS xref's ref-type) turned
    to spaces, offsets kept: a footnote marker is no prose ("Table 4<xref fn>2</xref>" is not
    Table 42; "(%)<xref table-fn>1)</xref>" closes no bracket)."""
    text = block.text.text
    for a, b, kind, _ in block.links if kinds else ():  # most pattern rules blank nothing
        if kind in kinds:
            text = text[:a] + " " * (b - a) + text[b:]
    return text


def prose_blocks(rendering: Rendering, kinds=PROSE):
    """Blocks whose words are statements (not headings or tables), with sentence starts."""
    for block in rendering.blocks:
        if block.kind in kinds:
            yield block, boundaries(rendering, block.text.text)


def make_fact(rendering: Rendering, block: Block, starts: list[int], kind: str, value,
              start: int, end: int) -> Fact:
    text = block.text.text
    s0, s1 = sentence_span(starts, start, len(text))
    return Fact(kind=kind, value=value, surface=text[start:end],
                context=text[max(s0, start - CONTEXT_CHARS):start],
                after=text[end:min(s1, end + CONTEXT_CHARS)],
                span=block.text.span(start, end), rendering=rendering, block=block,
                start=start, end=end, sentence=sentence_of(starts, start))
