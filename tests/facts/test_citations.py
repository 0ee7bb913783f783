"""Citations and callouts on hand-written sentences, traps included."""
from __future__ import annotations

import dataclasses

import pytest

from helpers import rendering
from lintcase.checks.kit.names import names_reference
from lintcase.facts import citations
from lintcase.model import Reference


def numbered(*paragraphs: str):
    """A rendering whose reference list is numbered (so numbers in brackets may be citations)."""
    r = rendering(*paragraphs)
    return dataclasses.replace(r, references=(Reference(r.blocks[0].text, label="1"),))


def cites(text: str, with_numbers: bool = True) -> list[tuple[str, tuple]]:
    r = numbered(text) if with_numbers else rendering(text)
    return [(f.surface, f.value[:2]) for f in citations.extract(r)]


@pytest.mark.parametrize("text,expected", [
    ("It ranges from 0.7% to 6.4% (1, 2).", [("(1, 2)", ("numeric", ("1", "2")))]),
    ("Survival is short (14–16).", [("(14–16)", ("numeric", ("14", "15", "16")))]),
    ("As reported [3,5-7].", [("[3,5-7]", ("numeric", ("3", "5", "6", "7")))]),
    ("It was confirmed (refs. 4, 9).", [("(refs. 4, 9)", ("numeric", ("4", "9")))]),
    # traps: statistics, years, counts with thousands, ratios, value ranges, equations, lists
    ("The groups differed (n = 12) (p < 0.05) in 2013 (2013).", []),
    ("F(1, 277) = 8.09 and 25(OH)D were measured.", []),
    ("Of the insertions (17,522) most were found in B.", []),
    ("Ratios of N (100–0, 75–25, 50–50) and widths (65–117) were used.", []),
    ("It follows from Eq. (3) and step (2).", []),
    ("Treatment was (1) surgery and (2) radiotherapy.", []),
])
def test_numeric_citations(text, expected):
    assert cites(text) == expected


def test_numbers_are_not_citations_when_the_list_is_not_numbered():
    assert cites("Survival is short (14–16).", with_numbers=False) == []


@pytest.mark.parametrize("text,expected", [
    ("Clinical studies show it (Arends et al., 2021).", [(("Arends", "2021"),)]),
    ("As seen (Zhang et al., 2019; Lu et al., 2019a, b).", [(("Zhang", "2019"), ("Lu", "2019"))]),
    ("Guidelines exist (WHO, 2020).", [(("WHO", "2020"),)]),
    ("Diet matters (De Cicco et al., 2021).", [(("De Cicco", "2021"),)]),
    ("Care is needed (Cleveland Clinic, 2025).", [(("Cleveland Clinic", "2025"),)]),
    ("It is known (e.g., Smith & Jones, 2010).", [(("Smith", "2010"),)]),
    # traps: months, a table, a species authority has its own filter in the check
    ("It started (January, 2020) as shown (Table 1, 2019).", []),
])
def test_author_year_citations(text, expected):
    assert [v[1] for _, v in cites(text, with_numbers=False)] == expected


def test_a_named_author_before_a_citation_is_kept():
    [f] = citations.extract(numbered("Hu et al. demonstrated that survival is only 25 months (9)."))
    assert f.value[3] == "Hu"


def test_the_named_author_stops_at_the_previous_citation():
    facts = citations.extract(numbered("Found by Weber et al. [20] and Charness and Gneezy [28]."))
    assert [f.value[3] for f in facts] == ["Weber", ""]


def test_a_word_ending_in_a_particle_is_not_a_particle():
    [f] = citations.extract(numbered("Beetles occur in dung, while Sileshi et al. [25] found them."))
    assert f.value[3] == "Sileshi"


def callouts(text: str) -> list[tuple]:
    return [f.value[:2] for f in citations.callouts(rendering(text))]


@pytest.mark.parametrize("text,expected", [
    ("As in Figure 1 and Figs. 2–4.", [("figure", "1"), ("figure", "2"), ("figure", "3"),
                                      ("figure", "4")]),
    ("Shown (Fig. 5A) and (Figure 6(b)).", [("figure", "5"), ("figure", "6")]),
    ("Listed in Tables 1 and 3.", [("table", "1"), ("table", "3")]),
    # traps: supplementary items, other works, a panel letter closing a parenthesis
    ("See Figure S1, Supplementary Figure 6 and Additional file 1: Figure 7.", []),
    ("As in Table 2 of ref. 5 and Fig. 4 in Burgess et al.", []),
    ("Inhibited (Fig. 3c), 10–50 μM ABA strongly inhibited growth.", [("figure", "3")]),
    ("As shown in Figure 2, 86–124 plants survived.", [("figure", "2")]),
])
def test_callouts(text, expected):
    assert callouts(text) == expected


@pytest.mark.parametrize("label,expected", [
    ("Figure 2", ("figure", "2")), ("FIG. 3", ("figure", "3")), ("Table 1", ("table", "1")),
    ("Figure S1", None), ("Supplementary Table 2", None), ("Figure A1", None), ("", None),
])
def test_caption_numbers(label, expected):
    assert citations.caption_number(label) == expected


@pytest.mark.parametrize("name,entry,authors,expected", [
    ("Hu", "Hu SC, Chen GS. Cutaneous metastases. (2008)", ("Hu SC", "Chen GS"), True),
    ("NCI", "National Cancer Institute. (2025). Definition.", ("National Cancer Institute",), True),
    ("De Cicco", "De Cicco, P., Catani, M. V. (2021). Nutrition.", ("De Cicco P",), True),
    ("Metha", "Mehta RG, Murillo G. Cancer chemoprevention.", ("Mehta RG",), True),
    ("Os", "Van Os H, Stam P. RECORD.", ("Van Os H",), True),
    ("Herceg", "Nicorescu I, Nguyen B. Pulsed light.", ("Nicorescu I",), False),
    ("ASCO/SIO", "Osmosis. (2025). Carcinomatosis.", ("Osmosis",), False),
    # names written without letters that do not decompose: doi:10.3390/microorganisms5030040
    # (MDPI, CC BY 4.0) cites "Dordevic et al." for Đorđević; doi:10.1111/ele.70435 (Wiley)
    # cites "Kozlowski 2012" for Kozłowski
    ("Dordevic", "Đorđević T.M., Šiler-Marinković S.S. Effect of fungal.", ("Đorđević T.M.",),
     True),
    ("Kozlowski", "Kozłowski, T. T. 2012. Seed biology.", ("Kozłowski TT",), True),
    ("Ozdemir", "Kozłowski, T. T. 2012. Seed biology.", ("Kozłowski TT",), False),
])
def test_names_reference(name, entry, authors, expected):
    ref = Reference(rendering(entry).blocks[0].text, authors=authors)
    assert names_reference(name, ref) is expected


@pytest.mark.parametrize("paragraph,expected", [
    # doi:10.1038/srep43991 (Scientific Reports, CC BY 4.0): superscript citations side by side
    ('losses up to 80%<xref ref-type="bibr" rid="b1">1</xref><xref ref-type="bibr" rid="b2">2'
     '</xref>. Management is achieved by biological control<xref ref-type="bibr" rid="b3">3'
     '</xref>.', [("1", "2"), ("3",)]),
    # doi:10.4103/0971-6580.72671 (Medknow, CC BY 2.0): two links in one bracket, no comma
    ('withanolides of <italic>Withania somnifera</italic>[<xref ref-type="bibr" rid="CIT30">30'
     '</xref><xref ref-type="bibr" rid="CIT31">31</xref>] and methyl eugenol', [("30", "31")]),
    # a dash linked on its own still makes a range
    ('as before<xref ref-type="bibr" rid="b7">7</xref><xref ref-type="bibr" rid="b8">–</xref>'
     '<xref ref-type="bibr" rid="b10">10</xref>.', [("7", "8", "9", "10")]),
])
def test_links_side_by_side_are_separate_citations(tmp_path, paragraph, expected):
    """"<xref>16</xref><xref>17</xref>" reads "1617" in the text but cites 16 and 17 (it was
    read as one number: reference 12 for "1" and "2", putting reference 3 out of order)."""
    from lintcase.readers import read
    refs = "".join(f'<ref id="{i}"><label>{n}</label><mixed-citation>Ref {n}.</mixed-citation>'
                   f'</ref>' for n, i in [(n, f"b{n}") for n in range(1, 12)]
                   + [(n, f"CIT{n}") for n in (30, 31)])
    p = tmp_path / "a.xml"
    p.write_text(f'<article><body><sec><title>Introduction</title><p>{paragraph}</p></sec></body>'
                 f'<back><ref-list>{refs}</ref-list></back></article>', encoding="utf-8")
    found = [f.value.keys for f in citations.extract(read(p)) if f.value.style == "numeric"]
    assert found == expected


@pytest.mark.parametrize("paragraph,expected", [
    # doi:10.1016/j.foodpol.2018.01.001 (Food Policy, CC BY 4.0): a footnote marker after a callout
    ('is shown in <xref rid="t0020" ref-type="table">Table 4</xref><xref rid="fn3" ref-type="fn">'
     '2</xref>. Marginal effects', [("table", "4")]),
    # a numbered table-footnote marker as one journal sets them (doi:10.5713/ajas.17.0815),
    # here after a figure callout
    ('as in <xref ref-type="fig" rid="f1">Figure 1</xref><xref ref-type="table-fn" rid="tfn1">'
     '1)</xref> and <xref ref-type="fig" rid="f2">Figure 2</xref>.',
     [("figure", "1"), ("figure", "2")]),
])
def test_a_footnote_marker_does_not_extend_a_callout(tmp_path, paragraph, expected):
    from lintcase.readers import read
    p = tmp_path / "a.xml"
    p.write_text(f'<article><body><sec><title>Results</title><p>{paragraph}</p></sec></body>'
                 f'</article>', encoding="utf-8")
    assert [f.value[:2] for f in citations.callouts(read(p))] == expected


@pytest.mark.parametrize("text,expected", [
    # doi:10.1107/s2059798318008318 (IUCr, CC BY): three names, then et al.
    ("the spike structure (Walls, Tortorici, Bosch et al., 2016", "Walls"),
    ("the spike structure (Walls, Tortorici, Bosch et al., 2016; World Health Organization", ""),
    ("10% for SARS (Peiris, Yuen et al., 2003", "Peiris"),
    # doi:10.1039/c7sc01127j (Chemical Science, CC BY 3.0): a group named by its head
    ("Following the protocol of Hoye and co-workers (17", ""),
    # doi:10.12688/f1000research.15761.1 (F1000Research, CC BY 4.0)
    ("A recent study by Jin and colleagues [12", ""),
    ("In Japan, Tanaka et al. found [3", "Tanaka"),
    # doi:10.1186/s40529-017-0167-9 (Botanical Studies, CC BY 4.0): places, not authors
    ("in the Wadh area of Balochistan, Pakistan, Naseem et al. (2009", "Naseem"),
    ("Hu et al. demonstrated (9", "Hu"),
    ("However, Hou et al. found [17", "Hou"),
    # doi:10.3389/fpls.2018.00767 (Frontiers, CC BY 4.0): an abbreviation, then the citation
    ("levels of reactive oxygen species (ROS, Blokhina et al., 2003", "Blokhina"),
])
def test_the_named_first_author(text, expected):
    """The name a sentence gives the cited work's first author: the first of a list of names
    before "et al."; none for "X and colleagues", which names a group, often by its last
    author (a lab head), and so claims no first author."""
    assert citations._named(text, len(text)) == expected
