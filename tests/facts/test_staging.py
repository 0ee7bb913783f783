"""Staging facts: a TNM classification and its stage group in one sentence; the parsing traps of
issue 15 that touch staging ("T2-weighted", "G2/M phase", "CA 19-9", "3 + 3 Gleason")."""
from __future__ import annotations

import pytest
from helpers import values

from lintcase.facts import quantities, staging


@pytest.mark.parametrize("text,expected", [
    # quoted from case-reports/PMC8176117 (doi:10.3389/fonc.2021.619371, CC BY 4.0)
    ("Chest CT showed stage IIIa squamous cell carcinoma of the lung (cT1cN2M0).",
     [("IIIA", ("1", "2", "0"))]),
    ("The tumour was stage IV (ypT3 N1 M1a) at restaging.", [("IV", ("3", "1", "1"))]),
    ("The disease was stage 2 (T2N0M0).", [("II", ("2", "0", "0"))]),
    ("T2-weighted images showed stage II disease.", []),
    ("Cells accumulated in the G2/M phase at stage 2 of the protocol.", []),
    ("Two tumours, T1N0M0 and T2N1M0, were stage I and stage II.", []),
])
def test_stage_groups_with_their_tnm(text, expected):
    assert values(staging.extract, text) == expected


def test_markers_and_scores_are_not_stages_or_misread():
    assert values(staging.extract, "CA 19-9 was 37 U/mL and the Gleason score 3 + 3.") == []
    assert values(quantities.extract, "HbA1c was 6.5%.") == [("HbA1c", 6.5, "%", "")]


@pytest.mark.parametrize("text,expected", [
    # quoted from case-reports/PMC7969973 (doi:10.3389/fonc.2021.638948, Frontiers, CC BY)
    ("The final stage of the patient was IIIA (pT1cN2bM0).",
     [("group", "", "IIIA"), ("tnm", "p", "T1cN2bM0")]),
    # quoted from case-reports/PMC8200661 (doi:10.3389/fonc.2021.665135, Frontiers, CC BY): a TNM as the stage
    ("history of stage T1aN1M0 papillary thyroid carcinoma", [("tnm", "", "T1aN1M0")]),
    ("FIGO stage IB1 cervical cancer; ypT0N0 after therapy; pT2 pN1a M0; cT1c N2 M0.",
     [("group", "", "IB1"), ("tnm", "yp", "T0N0"), ("tnm", "p", "T2N1aM0"),
      ("tnm", "c", "T1cN2M0")]),
    ("AKIN stage 3, stage 4 of the Bruce protocol, T2-weighted images, the G2/M phase.", []),
    ("Stage IV disease; the final stage was IIIA; stage I–II and stage I/II; pT2pN1M0.",
     [("group", "", "IV"), ("group", "", "IIIA"), ("tnm", "p", "T2N1M0")]),
])
def test_each_stage_group_and_tnm_on_its_own(text, expected):
    assert values(staging.mentions, text) == expected
