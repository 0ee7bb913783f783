"""The citation defect of the seeds, with both of its places."""
from __future__ import annotations

from conftest import SEEDS, WEB_SEED, run_json


def test_web_seed_cites_asco_sio_which_its_list_lacks():
    _, doc = run_json(SEEDS, "--select", "LC301,LC302,LC303,LC304,LC305,LC306,LC307,LC308,LC309,LC310")
    [f] = doc["findings"]
    assert f["rule"] == "LC310" and f["fields"]["what"] == "ASCO/SIO, 2025"
    cite, entry = f["locations"]
    assert cite["path"].endswith(WEB_SEED.name) and "«(ASCO/SIO, 2025)»" in cite["excerpt"]
    line = WEB_SEED.read_text(encoding="utf-8").splitlines()[cite["line"] - 1]
    assert line[cite["column"] - 1:cite["end_column"] - 1] == "(ASCO/SIO, 2025)"
    # the place in the list where the entry would stand, alphabetically
    assert entry["section"] == "References" and "Cleveland Clinic. (2025)" in entry["excerpt"]


def test_acronym_and_organisation_citations_resolve():
    """“(NCI, 2025)” is National Cancer Institute; every entry of the seed list is cited."""
    _, doc = run_json(WEB_SEED, "--select", "LC301,LC302,LC310", "--no-siblings")
    assert [f["fields"]["what"] for f in doc["findings"]] == ["ASCO/SIO, 2025"]
