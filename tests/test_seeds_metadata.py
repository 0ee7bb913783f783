"""The seeds' metadata agree across the two renderings; the case report lacks a CARE timeline."""
from __future__ import annotations

from conftest import ROOT, run_json


def test_seed_metadata_agrees_across_renderings():
    code, doc = run_json(ROOT / "seeds", "--select", "LC340,LC341,LC343,LC344,LC345,LC346,LC347,LC348")
    assert doc["errors"] == [] and doc["findings"] == []


def test_seed_case_report_has_no_timeline():
    code, doc = run_json(ROOT / "seeds", "--select", "care")
    found = [(f["rule"], f["locations"][0]["path"].rsplit("/", 1)[-1]) for f in doc["findings"]]
    assert found == [("LC364", "001_c8d4cfef30c71cfc.txt")]
    assert doc["findings"][0]["locations"][0]["excerpt"].startswith("«Case report: Carcinoma")
