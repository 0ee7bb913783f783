"""Reference lists across renderings: keys, pairing and field comparison on small real-like
entries (a JATS entry against its PDF-text print)."""
from __future__ import annotations

from lintcase.checks.kit import refcompare
from lintcase.facts import identifiers as ids
from lintcase.facts import references as refs
from lintcase.model import Reference, Source, verbatim_text


def ref(text: str, **fields) -> Reference:
    return Reference(text=verbatim_text(Source("x", text), 0, len(text)), **fields)


JATS = ref("Grilo C, Borda-de-Água L, Beja P. Conservation threats from roadkill in the global "
           "road network. Glob Ecol Biogeogr. 2021;30(11):2200–10. doi: 10.1111/geb.13375",
           label="4", surnames=("Grilo", "Borda-de-Água", "Beja"), authors=("Grilo C",),
           title="Conservation threats from roadkill in the global road network",
           source="Glob Ecol Biogeogr", year="2021", volume="30", pages="2200-10",
           doi="10.1111/geb.13375")


def pdf(text: str, **fields) -> refs.Entry:
    return refs.entry(ref(text, label="4", **fields), 0, structured=False)


def diffs(kind: str, text: str, **fields):
    a = refs.entry(JATS, 0, structured=True)
    return list(refcompare.COMPARE[kind](a, pdf(text, **fields)))


PRINTED = ("Grilo C, Borda-de-Água L, Beja P. Conservation threats from roadkill in the global road "
           "network. Glob Ecol Biogeogr. 2021;30(11):2200–10. https://doi.org/10.1111/\ngeb.13375")


def test_keys_ignore_case_accents_ligatures_and_detached_accents():
    assert refs.fold("Borda-de-Água") == refs.fold("BORDA DE AGUA") == "bordadeagua"
    assert refs.fold("Martı́nez") == "martinez"  # dotless i + combining acute, as pdftotext sets it
    toks = refs.tokens("A. L. Mart ´ınez, M. González")
    assert refs.find_key(toks, "martinez") is not None


def test_the_same_entry_printed_differently_is_quiet():
    for kind in ("authors", "year", "doi", "volume", "pages", "title"):
        assert diffs(kind, PRINTED, volume="30", pages="2200–10") == [], kind


def test_a_changed_surname_letter_is_reported_at_both_places():
    found = diffs("authors", PRINTED.replace("Beja P", "Beta P"))
    assert [(d.value, d.other, d.kind) for d in found] == [("Beja", "Beta", "differs")]
    assert JATS.text.text[slice(*found[0].a_span)] == "Beja"


def test_lost_accents_and_order_are_their_own_kinds():
    assert [d.kind for d in diffs("authors", PRINTED.replace("Água", "Agua"))] == ["diacritics"]
    assert diffs("authors", PRINTED.replace("Água", "A´gua")) == []  # accent set apart: kept
    swapped = PRINTED.replace("Grilo C, Borda-de-Água L,", "Borda-de-Água L, Grilo C,")
    assert "order" in [d.kind for d in diffs("authors", swapped)]


def test_year_doi_volume_and_page_changes():
    assert [d.other for d in diffs("year", PRINTED.replace("2021;", "2012;"))] == ["2012"]
    found = diffs("doi", PRINTED.replace("geb.13375", "geb.13357"))
    assert [d.field for d in found] == ["DOI"] and found[0].other.endswith("13357")
    assert diffs("volume", PRINTED.replace(";30(", ";31("), volume="31", pages="2200") != []
    assert diffs("pages", PRINTED.replace(":2200", ":2300"), volume="30", pages="2300") != []


def test_a_year_missing_from_a_cut_entry_is_not_a_difference():
    assert diffs("year", PRINTED.split(" 2021")[0]) == []


def test_pairing_by_content_survives_an_extra_entry():
    a = [refs.entry(JATS, 0, structured=True)]
    b = [pdf("Smith J. Another paper entirely. J Other. 2019;1:1–2."), pdf(PRINTED)]
    b[1].index = 1
    pairs = refs.pair(a, b)
    assert [(x.index, y.index) for x, y in pairs] == [(0, 1)]


def test_identifier_syntax_and_plausibility():
    assert ids.doi_problem("10.1111/geb.13375") == ""
    assert "ends with" in ids.doi_problem("10.3945/an.115.011015.")
    assert "resolver" in ids.doi_problem("https://doi.org/10.1111/x")
    assert ids.pmid_problem("PMC3365125") and ids.pmid_problem("025074340")
    assert ids.pmid_problem("22653669") == ""
    assert ids.implausible(22653669, 2016, 2) == "2012"  # issued four years before the work
    assert ids.implausible(27291786, 2016, 2) == ""
    assert ids.implausible(28563791, 1984, 2) == ""  # late indexing, and before 1997


def test_a_year_changed_where_the_entry_prints_it_outside_its_year_field():
    # the year in a title (an MDPI and a BMC-style entry) or a URL, one digit changed
    a = refs.entry(ref("Horwell CJ, Ferdiwijaya D. Use of respiratory protection during the 2014 "
                       "eruption of Kelud. J Volcanol Geotherm Res. 2017. "
                       "doi:10.1016/j.jvolgeores.2017.06.004",
                       surnames=("Horwell", "Ferdiwijaya"), title="Use of respiratory "
                       "protection during the 2014 eruption of Kelud", year="2017"), 0, True)
    b = pdf("Horwell, C.J.; Ferdiwijaya, D. Use of respiratory protection during the 2214 eruption "
            "of Kelud. J. Volcanol. Geotherm. Res. 2017. [CrossRef]")
    out = list(refcompare.year(a, b))
    assert [(d.value, d.other) for d in out] == [("2014", "2214")]
    url = refs.entry(ref("World Health Organization. CDC protocol. http://www.who.int/csr/"
                         "swineflu/Assay-2009_20090430.pdf", title="CDC protocol", year="2009"),
                     0, True)
    printed = pdf("World Health Organization. CDC protocol. http://www.who.int/csr/ swineflu/"
                  "Assay- 2069 _20090430.pdf")
    assert [(d.value, d.other) for d in refcompare.year(url, printed)] == [("2009", "2069")]


def test_years_that_differ_elsewhere_in_the_entry_are_not_a_changed_year():
    a = refs.entry(JATS, 0, structured=True)
    # the PDF entry runs into the next one: a year more, none changed at the same place
    assert list(refcompare.year(a, pdf(PRINTED + " 5. Smith J. Roads. 2019"))) == []
    # a DOI the PDF omits holds a four-digit run: not a year
    assert list(refcompare.year(a, pdf(PRINTED.split(" https")[0]))) == []
