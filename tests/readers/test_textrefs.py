"""Reference lists of PDF text as pdftotext lays them out: entries split, joined and kept."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintcase.model import Source
from lintcase.readers import read
from lintcase.readers.text.reader import read_text

CORPUS = Path("/work/shared/corpus")
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not available")
HEAD = "A study of things\n\nIntroduction\n\nSome text of the article.\n\f"


def refs(body: str):
    return read_text(Source("t.pdftotext.txt", HEAD + "References\n" + body), "pdftext").references


def test_tail_that_opens_like_a_group_author_stays_in_its_numbered_entry():
    found = refs("1. Gericke M, Pinches A. Microbial production of gold nanoparticles. Gold\n"
                 "Bull. 2006;39:22–8.\n"
                 "2. Iravani S. Green synthesis of metal nanoparticles using plants. Green\n"
                 "Chem. 2011;13:2638.\n")
    assert [r.label for r in found] == ["1", "2"]
    assert found[0].text.text.endswith("Gold Bull. 2006;39:22–8.")


def test_two_names_open_an_entry_whose_year_comes_lines_later():
    found = refs("Jyoti K, Singh A. Green synthesis of silver particles. J Genet Eng. 2016;14:311–7.\n"
                 "Carmen Z, Daniel S. Textile organic dyes—characteristics, pollut‑\n"
                 "ing effects and separation procedures from industrial\n"
                 "effluents—a critical overview. London:\n"
                 "InTech; 2012.\n")
    assert len(found) == 2
    assert found[1].text.text.startswith("Carmen Z, Daniel S.")
    assert found[1].year == "2012"


def test_a_line_of_plain_words_inside_an_open_entry_is_not_a_heading():
    found = refs("Dutta J, Lal N, Kaashyap M, Gupta PP (2010) Efficiency of three\n"
                 "PCR based marker systems for detecting DNA polymorphism in\n"
                 "Cicer arietinum L. Genet Eng Biotech J 5\n"
                 "Grativol C, Lira-Medeiros CF, Hemerly AS (2011)\n"
                 "High efficiency of inter-simple sequence repeats. Mol Biol Rep 38:4245–4256\n")
    assert [r.authors[0] for r in found] == ["Dutta J", "Grativol C"]


def test_page_counter_between_pages_of_the_list_is_dropped():
    found = refs("Newman, D.J.; Cragg, G.M. Natural products as sources of new drugs.\n"
                 "J. Nat. Prod. 2012, 75, 311–335.\n"
                 "11 of 12\n"
                 "Ayisi, N.K.; Nyadedzor, C. Comparative in vitro effects of AZT and extracts.\n"
                 "Antivir. Res. 2003, 58, 25–33.\n")
    assert len(found) == 2
    assert "11 of 12" not in " ".join(r.text.text for r in found)


@needs_corpus
def test_corpus_lists_are_read_whole():
    """Entry counts of the PDF text match the JATS list on pairs whose lists the reader used to
    cut short (a heading-like line inside an entry, a page counter, names without a year)."""
    for pair in ("PMC4569613", "PMC6150305", "PMC12077731"):
        xml = read(CORPUS / "pairs" / pair / "article.xml")
        pdf = read(CORPUS / "pairs" / pair / "article.pdftotext.txt")
        assert abs(len(pdf.references) - len(xml.references)) <= 1, pair
