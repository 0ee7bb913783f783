"""The JATS reader: exact line/column through entities and inline markup, no DTD, no network."""
from __future__ import annotations

import pytest

from conftest import XML_SEED
from lintcase.model import Source
from lintcase.readers import ReadError, read
from lintcase.readers.jats.reader import read_jats


def jats(tmp_path, xml: str, name="a.xml"):
    p = tmp_path / name
    p.write_text(xml, encoding="utf-8")
    return read(p)


def located(r, block, needle):
    text = block.text.text
    i = text.index(needle)
    sp = block.text.span(i, i + len(needle))
    line = r.source.text.split("\n")[sp.line - 1]
    return sp, line[sp.column - 1:sp.end_column - 1]


def test_seed_spans_are_exact():
    r = read(XML_SEED)
    assert r.kind == "jats" and r.meta.doi.text == "10.3389/fonc.2026.1742907"
    outcomes = next(b for b in r.blocks if b.section == ("Abstract", "Outcomes") and b.kind == "paragraph")
    sp, src = located(r, outcomes, "treated for 44 months")
    assert (sp.line, sp.column, src) == (119, 25, "treated for 44 months")
    case = next(b for b in r.blocks if b.section == ("Case presentation",) and b.kind == "paragraph")
    # after several &#x...; references and <xref> elements on the same line
    sp, src = located(r, case, "follow-up for 46 months")
    assert (sp.line, src) == (169, "follow-up for 46 months")
    fig2 = next(b for b in r.blocks if b.label == "Figure 2")
    assert fig2.kind == "caption" and "invades the epidermis" in fig2.text.text


def test_named_entities_without_dtd_are_resolved(tmp_path):
    r = jats(tmp_path, '<article><body><sec><title>T</title>\n<p>Ranges (14&ndash;16) and &alpha;&nbsp;'
                       'cells &amp; more</p></sec></body></article>')
    p = next(b for b in r.blocks if b.kind == "paragraph")
    assert p.text.text == "Ranges (14–16) and α cells & more"  # no-break space is white space
    sp, src = located(r, p, "16")
    assert (sp.line, src) == (2, "16")
    sp, _ = located(r, p, "–")
    assert r.source.text.split("\n")[1][sp.column - 1:].startswith("&ndash;")


def test_namespaces_and_doctype(tmp_path):
    xml = ('<?xml version="1.0"?>\n<!DOCTYPE article PUBLIC "-//NLM//DTD Journal Publishing DTD v3.0 20080202//EN"'
           ' "journalpublishing3.dtd">\n<article xmlns:xlink="http://www.w3.org/1999/xlink" '
           'xmlns:mml="http://www.w3.org/1998/Math/MathML"><front><article-meta><article-id '
           'pub-id-type="doi">10.1/x</article-id></article-meta></front><body><p>See <xref ref-type="bibr" '
           'rid="b1">1</xref> and <mml:math><mml:mi>x</mml:mi></mml:math>.</p></body></article>')
    r = jats(tmp_path, xml)
    [p] = [b for b in r.blocks if b.kind == "paragraph"]
    assert p.text.text == "See 1 and x." and p.citations == ((4, 5),)
    assert r.meta.doi.text == "10.1/x"


def test_entity_declarations_are_refused(tmp_path):
    bomb = ('<?xml version="1.0"?>\n<!DOCTYPE article [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<article><body><p>&b;</p></body></article>')
    with pytest.raises(ReadError) as e:
        jats(tmp_path, bomb)
    assert "declares entities" in e.value.reason and e.value.line == 2


def test_external_entity_is_never_read(tmp_path):
    xxe = ('<?xml version="1.0"?>\n<!DOCTYPE article SYSTEM "http://example.invalid/x.dtd">\n'
           '<article><body><p>&xxe;</p></body></article>')
    r = jats(tmp_path, xxe)
    assert [b.text.text for b in r.blocks] == ["&xxe;"]


def test_malformed_names_line_and_column(tmp_path):
    with pytest.raises(ReadError) as e:
        read_jats(Source("m.xml", "<article>\n<p>a</b>\n</article>"))
    assert (e.value.line, e.value.column) == (2, 7) and "mismatched tag" in e.value.reason


def test_element_citation_fields_are_separate_words(tmp_path):
    # <element-citation> holds its fields with nothing between them (PMC's NLM style); the
    # entry's text reads them as words, and a type style inside a field joins its neighbours
    r = jats(tmp_path, """<article><front><article-meta><title-group><article-title>T
    </article-title></title-group></article-meta></front><back><ref-list><ref id="r1">
    <element-citation><person-group person-group-type="author"><name><surname>Siegel</surname>
    <given-names>JD</given-names></name><collab>Advisory Committee</collab></person-group><article-title>2007
    guideline for <italic>E</italic>. coli</article-title><source>Am J Infect Control</source><year>2007</year><volume>35</volume><fpage>65</fpage></element-citation>
    </ref></ref-list></back></article>""")
    text = r.references[0].text.text
    assert "Committee 2007 guideline for E. coli Am J Infect Control 2007 35 65" in text
    assert text.startswith("Siegel JD")
    span = r.references[0].text.span(text.index("Control 2007") + 8, text.index("Control 2007") + 12)
    assert r.source.text.splitlines()[span.line - 1][span.column - 1:span.end_column - 1] == "2007"


def test_figures_and_tables_in_floats_group_are_read(tmp_path):
    """Publishers that keep floats apart (<floats-group> after <back>: 230 of the 1,200 corpus
    articles) still have their captions and tables read, at exact places, with their links."""
    from conftest import ROOT
    case = ROOT / "tests" / "cases" / "LC403" / "pass" / "ajas-footnote-marker.xml"
    r = read(case)
    caption = next(b for b in r.blocks if b.kind == "caption")
    assert caption.label == "Table 1"
    assert caption.text.text.startswith("Composition of the experimental diets")
    sp, src = located(r, caption, "(as-fed basis, %)")
    assert src == "(as-fed basis, %)"
    assert [(k, t) for _, _, k, t in caption.links] == [("table-fn", "tfn1")]
    assert any(b.kind == "table" for b in r.blocks) and any(b.kind == "footnote" for b in r.blocks)


@pytest.mark.parametrize("paragraph,expected", [
    # doi:10.1038/s41598-018-30239-6 (Scientific Reports, CC BY 4.0), shortened
    ('were used, respectively.<disp-formula id="Equ2"><mml:math><mml:mi>N</mml:mi></mml:math>'
     '</disp-formula>The resulting ammonium sulphate solutions',
     "were used, respectively. The resulting ammonium sulphate solutions"),
    # doi:10.3390/s8106165 (Sensors, MDPI, CC BY), shortened
    ('the mixing model<disp-formula><mml:math><mml:mtext>soil</mml:mtext></mml:math>'
     '</disp-formula>where, <italic>ε</italic><sub>m</sub> is', "the mixing model where, εm is"),
    ('as shown<fig id="f1"><caption><p>A figure.</p></caption></fig>below.', "as shown below."),
])
def test_a_displayed_item_inside_a_paragraph_keeps_the_text_around_it_apart(tmp_path, paragraph,
                                                                             expected):
    r = jats(tmp_path, '<article xmlns:mml="http://www.w3.org/1998/Math/MathML"><body><sec>'
                       f'<title>Methods</title><p>{paragraph}</p></sec></body></article>')
    assert next(b for b in r.blocks if b.kind == "paragraph").text.text == expected


def test_table_rows_keep_one_cell_a_column(tmp_path):
    """Block.cells: a cell spanning columns stands in each; a column a cell of an earlier row
    spans down into is (-1, -1); heading cells (thead, th) are marked."""
    r = jats(tmp_path, '<article><body><sec><title>Results</title><table-wrap id="T1">'
             '<label>Table 1</label><table><thead><tr><th rowspan="2">Group</th>'
             '<th colspan="2">Local cases (n = 35)</th></tr><tr><th>n</th><th>%</th></tr>'
             '</thead><tbody><tr><td>Female</td><td>16</td><td>45.7%</td></tr>'
             '<tr><td rowspan="2">Male</td><td>19</td><td/></tr><tr><td>7</td><td>x</td></tr>'
             '</tbody></table></table-wrap></sec></body></article>')
    rows = [b for b in r.blocks if b.kind == "table"]

    def cells(b):
        return [(b.text.text[s:e] if s >= 0 else None, h) for s, e, h in b.cells]

    assert cells(rows[0]) == [("Group", True), ("Local cases (n = 35)", True),
                              ("Local cases (n = 35)", True)]
    assert cells(rows[1]) == [(None, True), ("n", True), ("%", True)]
    assert cells(rows[2]) == [("Female", False), ("16", False), ("45.7%", False)]
    assert cells(rows[3]) == [("Male", False), ("19", False), ("", False)]
    assert cells(rows[4]) == [(None, False), ("7", False), ("x", False)]
