"""Affiliations compared across renderings (LC359): noise is not a difference, a changed word
is, and an affiliation without its partner in the other rendering says nothing."""
from __future__ import annotations

import shutil

from conftest import ROOT, run_json

from lintcase.checks.kit.affiliations import comparable, partner
from lintcase.model import Source, verbatim_text
from lintcase.readers import read

CASES = ROOT / "tests" / "cases" / "LC359"


def t(s: str):
    return verbatim_text(Source("x", s), 0, len(s))


def keys(s: str) -> list[str]:
    return [w for w, _, _ in comparable(t(s))]


def test_markers_postcodes_mails_and_accents_are_not_words():
    xml = "Department of Ophthalmology, Victor Babeș University, 300041 Timișoara, Romania"
    pdf = "*Department of Ophthalmology, Victor Babes University, Timisoara, Romania; a@b.ro"
    assert keys(xml) == keys(pdf)
    assert keys("Pathology & Clinical Pathology, MD-2028 Chisinau") == \
        keys("1 Pathology and Clinical Pathology, Chisinau")


def test_partner_is_the_matching_stretch_of_a_run_together_block():
    ka = keys("Department of Animal Biotechnology, College of Veterinary Sciences, Hisar, India")
    kb = keys("1. Department of Animal Nutrition, College of Veterinary Sciences, Hisar, India; "
              "2. Department of Animal Biotechnology, College of Veterinary Sciences, Hisar, India")
    score, j0, j1 = partner(ka, kb)
    assert score == 1.0 and kb[j0:j1] == ka and j0 > 0


def test_changed_word_is_reported_with_both_places():
    code, doc = run_json(CASES / "fail" / "malaya", "--select", "LC359", "--no-siblings")
    [f] = doc["findings"]
    assert (f["fields"]["value"], f["fields"]["other"]) == ("Medicine", "Science")
    places = sorted((loc["path"].rsplit("/", 1)[-1], loc["line"]) for loc in f["locations"])
    assert places == [("article.pdftotext.txt", 16), ("article.xml", 8)]


def test_unedited_excerpts_are_quiet():
    for case in ("malaya", "vienna"):
        code, doc = run_json(CASES / "pass" / case, "--select", "LC359", "--no-siblings")
        assert doc["findings"] == [], case


def test_affiliation_missing_from_pdf_text_is_not_paired_with_its_near_twin(tmp_path):
    # An affiliation the PDF text lacks ("Department of Zoology" of the same college): its
    # near twin "Department of Biotechnology" is the other affiliation's exact partner.
    d = tmp_path / "a"
    shutil.copytree(CASES / "pass" / "malaya", d)
    xml = (d / "article.xml").read_text(encoding="utf-8")
    twin = ('<aff id="I3"><sup>3</sup>Department of Zoology, Kongunadu Arts and Science '
            'College, GN Mills, Coimbatore, Tamil Nadu 641029, India</aff>\n')
    (d / "article.xml").write_text(xml.replace("<history>", twin + "<history>"), encoding="utf-8")
    code, doc = run_json(d, "--select", "LC359", "--no-siblings")
    assert doc["findings"] == []


def test_pdf_text_keeps_the_affiliation_whose_marker_sits_on_its_own_line(tmp_path):
    txt = (CASES / "pass" / "malaya" / "article.pdftotext.txt").read_text(encoding="utf-8")
    txt = txt.replace("Department of Molecular Medicine, Faculty of Medicine, University of "
                      "Malaya, 50603 Kuala Lumpur, Malaysia\nDepartment",
                      "Department of Molecular Medicine, Faculty of Medicine, University of "
                      "Malaya, 50603 Kuala Lumpur, Malaysia, 2 Department")
    (tmp_path / "article.pdftotext.txt").write_text(txt, encoding="utf-8")
    affs = [a.text for a in read(tmp_path / "article.pdftotext.txt").meta.affiliations]
    assert affs[0].startswith("Department of Molecular Medicine") and len(affs) == 2
