"""Funding, contributions, correspondence and DOI on the seeds: the funding metadata of the XML
seed names a different body than its funding statement, and both places are named; the rest
agrees (contribution initials, CRediT roles, correspondence address, DOI)."""
from __future__ import annotations

from conftest import ROOT, run_json

XML_SEED = "001_c8d4cfef30c71cfc.txt"


def test_seed_funder_named_in_metadata_is_not_in_the_statement():
    _, doc = run_json(ROOT / "seeds", "--select", "LC353")
    [f] = doc["findings"]
    meta, statement = f["locations"]
    assert meta["path"].endswith(XML_SEED) and meta["section"] == "Funding metadata"
    assert meta["excerpt"] == "«Science and Technology Department of Gansu Province»"
    assert statement["section"] == "Funding statement" and statement["line"] == 142


def test_seed_statement_funder_is_not_in_the_metadata():
    _, doc = run_json(ROOT / "seeds", "--select", "LC354")
    [f] = doc["findings"]
    statement, meta = f["locations"]
    assert "«Lanzhou Youth Science and Technology Talent Innovation Project»" in statement["excerpt"]
    assert meta["line"] == 137 and meta["section"] == "Funding metadata"


def test_seed_contributions_correspondence_and_doi_agree():
    _, doc = run_json(ROOT / "seeds", "--select", "LC342,LC355,LC356,LC357,LC358")
    assert doc["errors"] == [] and doc["findings"] == []
