"""Rules about one document's own prose and facts read its most trustworthy rendering (issue 14):
a defect that only the PDF text has is reported once, as a cross-rendering difference (LC101),
never again by the prose rules. Fixtures from two publishers (PLOS ONE, Frontiers), each a JATS
excerpt with its PDF text (tests/cases/LC101/pass/, DOIs and licences named in the files)."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT, run_json

PAIRS = {"plos": ("plos-frog-intro", "article.pdftotext.txt", "The Indonesian island of",
                  "The the Indonesian island of"),
         "frontiers": ("seed-intro", "article.txt", "Breast cancer ranks as the most",
                       "Breast cancer ranks as the the most")}


@pytest.mark.parametrize("publisher", PAIRS)
def test_prose_rules_leave_the_pdf_text_alone_beside_its_jats(tmp_path, publisher):
    folder, text, before, after = PAIRS[publisher]
    shutil.copytree(ROOT / "tests" / "cases" / "LC101" / "pass" / folder, tmp_path / "a")
    pdf = tmp_path / "a" / text
    pdf.write_text(pdf.read_text().replace(before, after, 1))
    _, doc = run_json(tmp_path / "a", "--no-cache", "--select", "LC4")
    assert not [f for f in doc["findings"] if f["locations"][0]["rendering"] != "jats"]


@pytest.mark.parametrize("publisher", PAIRS)
def test_a_word_only_the_pdf_text_has_is_one_cross_rendering_finding(tmp_path, publisher):
    folder, text, before, _ = PAIRS[publisher]
    shutil.copytree(ROOT / "tests" / "cases" / "LC101" / "pass" / folder, tmp_path / "a")
    pdf = tmp_path / "a" / text
    changed = before.replace(" of", " eastern of", 1) if " of" in before else before + " eastern"
    pdf.write_text(pdf.read_text().replace(before, changed, 1))
    _, doc = run_json(tmp_path / "a", "--no-cache", "--select", "LC101,LC4")
    cross = [f for f in doc["findings"] if f["rule"] == "LC101"]
    assert len(cross) == 1 and "eastern" in cross[0]["message"], doc["findings"]
    assert {loc["rendering"] for loc in cross[0]["locations"]} == {"jats", "pdftext"}


@pytest.mark.parametrize("publisher", PAIRS)
def test_the_pdf_text_alone_is_still_linted(tmp_path, publisher):
    folder, text, before, after = PAIRS[publisher]
    (tmp_path / "a").mkdir()
    shutil.copy(ROOT / "tests" / "cases" / "LC101" / "pass" / folder / text, tmp_path / "a" / text)
    pdf = tmp_path / "a" / text
    pdf.write_text(pdf.read_text().replace(before, after, 1))
    _, doc = run_json(tmp_path / "a", "--no-cache", "--select", "LC401")
    assert [f["rule"] for f in doc["findings"]] == ["LC401"]
