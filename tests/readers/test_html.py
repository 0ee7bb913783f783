"""The HTML reader on the two publisher pages of the corpus triples, checked against their JATS.

Measured (JATS beside each page): fpsyg-05-01582 (Frontiers) has 34 <p> in <body>, 30 outside
figure captions; the page gives 30 body paragraphs (+4 figure captions, + Acknowledgments and two
author biographies, which JATS keeps in <back>). journal.pone.0115884 (PLOS ONE) has 25 <p> in
<body>, 20 outside captions; the page gives 20 (+5 captions, + Acknowledgments and Author
Contributions). Reference lists: 97 and 25 entries, as in the JATS.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import etree

from lintcase.model import Source
from lintcase.readers import ReadError, read
from lintcase.readers.html.reader import read_html

TRIPLES = Path("/work/shared/corpus/triples")
FRONTIERS, PLOS = "fpsyg-05-01582", "journal.pone.0115884"
BACK_SECTIONS = {"Acknowledgments", "Author Biography", "Author Contributions"}
# Page furniture that is in the page source and must never reach a block.
FURNITURE = {
    FRONTIERS: ["Write a comment", "Edited by", "Google Scholar", "CrossRef Full Text",
                "Pubmed Abstract", "FIGURE 1", "Comparative Cognition, Messerli"],
    PLOS: ["Submit your Manuscript", "Reader Comments", "Subject Areas", "PowerPoint slide",
           "PubMed/NCBI", "View Article", "Competing interests", "Data Availability",
           "doi:10.1371/journal.pone.0115884.g001"],
}


def _norm(s: str) -> str:
    """Compare ignoring whitespace and quote styles (the page and the XML differ in both).

    PLOS also prints the XML's "∼" (U+223C) as "~": a real rendering difference, not ours."""
    return re.sub(r"[\s\"'“”‘’]", "", s).replace("∼", "~")


@pytest.fixture(scope="module", params=[FRONTIERS, PLOS])
def pair(request):
    folder = TRIPLES / request.param
    path = folder / "article.html"
    if not path.exists():
        pytest.skip("corpus not available")
    return request.param, read(path), etree.parse(str(folder / "article.xml"))


def _body_paragraphs(r):
    return [b for b in r.blocks if b.kind == "paragraph" and not b.in_abstract
            and b.section[:1] != () and b.section[0] not in BACK_SECTIONS]


def _jats_body_p(xml):
    ps = xml.find(".//body").iter("p")
    return [p for p in ps if not any(a.tag == "caption" for a in p.iterancestors())]


def test_reads_as_html(pair):
    _, r, _ = pair
    assert r.kind == "html" and r.source is not None and r.path.endswith("article.html")


def test_body_paragraph_count_matches_jats(pair):
    _, r, xml = pair
    assert len(_body_paragraphs(r)) == len(_jats_body_p(xml))
    all_p = len(xml.find(".//body").findall(".//p"))
    body_and_captions = len(_body_paragraphs(r)) + sum(b.kind == "caption" for b in r.blocks)
    assert abs(body_and_captions - all_p) <= 1


def test_first_body_paragraph_is_the_jats_one(pair):
    _, r, xml = pair
    first_jats = "".join(_jats_body_p(xml)[0].itertext())
    assert _norm(_body_paragraphs(r)[0].text.text) == _norm(first_jats)


def test_abstract_is_one_paragraph_under_abstract(pair):
    _, r, xml = pair
    abstract = [b for b in r.blocks if b.in_abstract]
    assert [b.section for b in abstract] == [("Abstract",)]
    jats_abstract = "".join(xml.find(".//abstract").itertext())
    assert _norm(abstract[0].text.text) in _norm(jats_abstract) or _norm(jats_abstract).endswith(
        _norm(abstract[0].text.text)[-200:])


def test_no_page_furniture(pair):
    name, r, _ = pair
    everything = "\n".join(b.text.text for b in r.blocks)
    for phrase in FURNITURE[name]:
        assert phrase in r.source.text, phrase  # the page does contain it ...
        assert phrase not in everything, phrase  # ... but no block does


def test_doi_and_title_match_jats(pair):
    _, r, xml = pair
    doi = xml.find(".//article-meta/article-id[@pub-id-type='doi']").text
    assert r.meta.doi.text == doi
    title = "".join(xml.find(".//title-group/article-title").itertext())
    assert _norm(r.meta.title.text) == _norm(title)


def test_reference_count_matches_jats(pair):
    _, r, xml = pair
    assert len(r.references) == len(xml.findall(".//ref"))
    assert all(ref.text.text and ref.ident for ref in r.references)


def test_citations_point_at_reference_links(pair):
    name, r, _ = pair
    first = _body_paragraphs(r)[0 if name == PLOS else 1]
    cited = [first.text.text[a:b] for a, b in first.citations]
    if name == PLOS:
        assert cited == ["[1]", "[2]", "[3]", "[3]", "[4]"]
    else:
        assert cited[:3] == ["Miklósi et al., 2004", "Hare and Tomasello, 2005", "Fitch et al., 2010"]


def _at(r, text, phrase):
    """(line, column) of a phrase of a Text, checked against the source line itself."""
    i = text.text.index(phrase)
    sp = text.span(i, i + len(phrase))
    line = r.source.text.split("\n")[sp.line - 1]
    assert line[sp.column - 1:].startswith(phrase[:20]), (sp, line)
    return sp.line, sp.column


def test_spans_frontiers():
    r = read(TRIPLES / FRONTIERS / "article.html")
    body = _body_paragraphs(r)
    assert _at(r, body[0].text, "Cooperation is a fundamental") == (285, 17)
    # a phrase after a collapsed line break: "studying the cognitive" starts line 288
    assert _at(r, body[0].text, "of animal species")[0] == 289
    assert _at(r, r.meta.doi, "10.3389") == (57, 44)
    caption = next(b for b in r.blocks if b.label == "Figure 1")
    assert caption.text.text.startswith("Life at the Wolf Science Center")
    assert _at(r, caption.text, "Life at the Wolf")[0] == 433


def test_spans_plos_with_entity():
    r = read(TRIPLES / PLOS / "article.html")
    para = next(b for b in r.blocks if "McGuire & team" in b.text.text)
    i = para.text.text.index("&")
    sp = para.text.span(i, i + 1)  # the character came from "&amp;"
    line = r.source.text.split("\n")[sp.line - 1]
    assert sp.line == 493 and line[sp.column - 1:].startswith("&amp;")
    assert _at(r, para.text, "McGuire")[0] == 493
    intro = _body_paragraphs(r)[0]
    assert _at(r, intro.text, "The Indonesian island") == (436, 180)


def test_sections_and_captions_plos():
    r = read(TRIPLES / PLOS / "article.html")
    sections = {b.section for b in r.blocks}
    assert ("Results", "Taxonomy") in sections and ("Materials and Methods",) in sections
    labels = [b.label for b in r.blocks if b.kind == "caption"]
    assert labels == ["Figure 1", "Figure 2", "Figure 3", "Table 1", "S1 Movie"]
    movie = next(b for b in r.blocks if b.label == "S1 Movie")
    assert movie.text.text.startswith("Video showing") and movie.text.text.endswith("(MOV)")


def test_meta_plos():
    m = read(TRIPLES / PLOS / "article.html").meta
    assert [a.text for a in m.authors] == ["Djoko T. Iskandar", "Ben J. Evans", "Jimmy A. McGuire"]
    assert len(m.affiliations) == 3 and m.journal.text == "PLOS ONE"
    assert (m.volume.text, m.elocation.text, m.article_type) == ("9", "e115884", "Research Article")
    dates = {(k, iso) for k, iso, _ in m.dates}
    assert {("received", "2014-05-17"), ("accepted", "2014-11-23"), ("published", "2014-12-31")} <= dates
    assert m.keywords == ()  # the generic site "keywords" meta is not the article's


def test_meta_frontiers():
    r = read(TRIPLES / FRONTIERS / "article.html")
    m = r.meta
    assert [a.text for a in m.authors] == ["Friederike Range", "Zsófia Virányi"]
    assert _at(r, m.authors[0], "Friederike") == (62, 54)
    assert len(m.affiliations) == 2
    assert (m.volume.text, m.elocation.text) == ("5", "1582")
    assert [k.text for k in m.keywords][:2] == ["Domestication", "evolution"]
    dates = {(k, iso) for k, iso, _ in m.dates}
    assert {("received", "2014-07-24"), ("accepted", "2014-12-21"), ("published", "2015-01-15")} <= dates


def test_box_title_becomes_section_frontiers():
    r = read(TRIPLES / FRONTIERS / "article.html")
    box = next(b for b in r.blocks if b.section[-1].startswith("KEY CONCEPT 1"))
    assert box.section == ("Introduction", "KEY CONCEPT 1. Social tolerance")
    assert box.text.text.startswith("Social tolerance refers to")


def test_reference_fields():
    f = read(TRIPLES / FRONTIERS / "article.html").references
    b2 = next(x for x in f if x.ident == "B2")
    assert (b2.authors, b2.year, b2.volume, b2.pages) == (("Boitani L.", "Ciucci P."), "1995", "7", "49-72")
    assert b2.title == "Comparative social ecology of feral dogs and wolves"
    assert b2.doi == "10.1080/08927014.1995.9522969"
    assert next(x for x in f if x.ident == "B5").pmid == "23090682"
    p = read(TRIPLES / PLOS / "article.html").references
    assert (p[0].label, p[0].doi, p[0].source, p[0].volume) == ("1", "10.1006/mpev.2000.0778",
                                                                "Mol Phylogenet Evol", "16")
    assert "Google Scholar" not in p[0].text.text and "View Article" not in p[0].text.text


# --- synthetic pages: unknown publishers and bad input ----------------------------------------

GENERIC = """<!doctype html><html><head><title>x</title>
<meta name="citation_title" content="A &amp; B">
</head><body>
<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies.</p></div>
<nav><ul><li>Home</li><li>Journals</li></ul></nav>
<article>
<h2>1. Introduction</h2>
<p>Values ranged (14&ndash;16) and&nbsp;more
   text on a second line <a href="#r1">[1]</a>.</p>
<div class="share-tools"><p>Share on Twitter and Facebook today.</p></div>
<h2>2. Methods</h2><p>We measured things.<p>And other things.
<ol class="references"><li id="r1">Smith J (2001) A title. J Things 3:1-9. doi:10.1000/xyz.</li></ol>
</article>
<footer><p>Copyright 2024 The Publisher. All rights reserved here.</p></footer>
</body></html>"""


def test_generic_page_reads_only_the_article():
    r = read_html(Source("g.html", GENERIC))
    texts = [b.text.text for b in r.blocks]
    assert texts[0] == "1. Introduction"  # as printed; the section path drops the number
    assert texts[1] == "Values ranged (14–16) and\xa0more text on a second line [1]."
    assert not any("cookie" in t or "Share" in t or "Copyright" in t or "Home" in t for t in texts)
    assert r.blocks[1].section == ("Introduction",)
    assert [b.section for b in r.blocks if b.kind == "paragraph"][-1] == ("Methods",)
    assert r.meta.title.text == "A & B"
    para = r.blocks[1]
    a, b = para.citations[0]
    assert para.text.text[a:b] == "[1]"
    dash = para.text.text.index("–")
    sp = para.text.span(dash, dash + 1)  # one character from the 7 of "&ndash;"
    assert (sp.line, sp.column, sp.end_line, sp.end_column) == (8, 21, 8, 22)
    assert GENERIC.split("\n")[7][20:27] == "&ndash;"
    sp = para.text.span(0, 6)
    assert (sp.line, sp.column) == (8, 4)
    assert len(r.references) == 1 and r.references[0].doi == "10.1000/xyz"


@pytest.mark.parametrize("page", [
    "<html><body><p>Only one paragraph here.</p></body></html>",
    "<html><body><div><p>unclosed <b>bold <i>italic</div></span></p></p><li>x",
    "<p>" + "<div>" * 5000 + "deep" + "</div>" * 10,
    "<html><body>&bogus; &#xFFFFFFF; &#0; <![CDATA[x]]> <!-- c --> <?pi?> text</body></html>",
    "<html><head><meta name='citation_doi' content='doi:10.1/a'></head><body></body></html>",
    "plain words, no markup at all",
])
def test_bad_input_never_crashes(page):
    try:
        r = read_html(Source("bad.html", page))
    except ReadError:
        return
    assert r.kind == "html"
    for b in r.blocks:
        b.text.span()


def test_unknown_entity_kept_as_written():
    r = read_html(Source("e.html", "<html><body><p>a &bogus; b &lt; c</p></body></html>"))
    assert r.blocks[0].text.text == "a &bogus; b < c"


MDPI_TABLES = ["doi_10.3390_agronomy6010017", "doi_10.3390_molecules21020178",
               "doi_10.3390_molecules21020186", "doi_10.3390_molecules21020188",
               "doi_10.3390_molecules21020189"]


def _cell_rows(path: Path) -> list[tuple[str, ...]]:
    """Each table row's cells, white space dropped (the JATS keeps a space before a cell's end
    tag where the page has none, and runs two lines of a cell together where the page has a
    <br>)."""
    r = read(path)
    return [tuple("^" if a < 0 else re.sub(r"\s", "", b.text.text[a:e]) for a, e, _ in b.cells)
            for b in r.blocks if b.kind == "table"]


@pytest.mark.parametrize("folder", MDPI_TABLES)
def test_html_table_rows_have_the_cells_of_the_jats_rows(folder):
    """Block.cells from the page (MDPI, cells spanning columns and rows included) are the JATS
    rows' cells, one a column, row by row."""
    if not (TRIPLES / folder).is_dir():
        pytest.skip("corpus not available")
    page, jats = _cell_rows(TRIPLES / folder / "article.html"), \
        _cell_rows(TRIPLES / folder / "article.xml")
    assert page and len(page) == len(jats)
    assert page == jats


def _page_rows(tmp_path: Path, body: str) -> list:
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>T</title></head><body><article>{body}</article></body>"
                    "</html>", encoding="utf-8")
    r = read(page)
    return [(b.ident, tuple("^" if a < 0 else b.text.text[a:e] for a, e, _ in b.cells))
            for b in r.blocks if b.kind == "table"]


def test_rows_of_two_tables_are_told_apart(tmp_path):
    """Each row carries its table's ident (as JATS rows carry their table-wrap's), so two
    tables of one page are never read as one breakdown."""
    rows = _page_rows(tmp_path, "<table><tr><td>A</td><td>10 (50%)</td></tr></table><p>Text.</p>"
                                "<table id='t2'><tr><td>B</td><td>6 (75%)</td></tr></table>")
    assert [i for i, _ in rows] == ["table-1", "t2"]


def test_a_row_cut_by_a_block_in_a_cell_has_no_cells(tmp_path):
    rows = _page_rows(tmp_path, "<table><tr><td>Sex</td><td><p>Note</p>tail</td><td>9</td></tr>"
                                "<tr><td>Age</td><td>40</td><td>7</td></tr></table>")
    assert all(cells == () for _, cells in rows[:-1]) and rows[-1][1] == ("Age", "40", "7")


def test_a_row_without_text_takes_the_cells_spanning_into_it(tmp_path):
    rows = _page_rows(tmp_path, "<table><tr><td rowspan='2'>R</td><td>a</td></tr><tr><td></td>"
                                "</tr><tr><td>x</td><td>y</td></tr></table>")
    assert [c for _, c in rows] == [("R", "a"), ("x", "y")]
