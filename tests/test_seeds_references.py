"""The reference-list rules on the seeds: the one real difference between the two renderings."""
from __future__ import annotations

from conftest import ROOT, run_json

SEEDS = ROOT / "seeds"


def test_surname_spelt_differently_in_the_pdf_text():
    """Reference 17 names "Sadadcharam M" in the JATS and "Sadacharam M" in the PDF text."""
    _, doc = run_json(SEEDS, "--select", "LC3")
    [f] = [f for f in doc["findings"] if f["rule"] == "LC320"]
    assert "Sadadcharam" in f["message"] and "Sadacharam" in f["message"]
    places = {(loc["path"].rsplit("/", 1)[-1], loc["line"], loc["rendering"]) for loc in f["locations"]}
    assert places == {("001_c8d4cfef30c71cfc.txt", 463, "jats"), ("000_21b8ec792d507bee.txt", 190, "pdftext")}
    assert [loc["excerpt"].count("«Sadadcharam»") for loc in f["locations"]][0] == 1


def test_nothing_else_in_the_reference_lists_of_the_seeds():
    _, doc = run_json(SEEDS, "--select", "LC32,LC33")
    assert [f["rule"] for f in doc["findings"]] == ["LC320"]
