"""Laboratory values: analytes named by a quantity's subject, units converted, impossible units
found (LC216's table, lintcase/facts/analytes.yaml)."""
from __future__ import annotations

import yaml

from lintcase.checks import plausible
from lintcase.facts import labs


def test_subjects_name_their_analyte():
    assert labs.analyte_of("hemoglobin").name == "haemoglobin"
    assert labs.analyte_of("serum sodium level").name == "sodium"
    assert labs.analyte_of("the hematocrit dropped").name == "haematocrit"
    assert labs.analyte_of("CA 19-9").name == "CA 19-9"
    assert labs.analyte_of("HbA1c").name == "HbA1c"          # not haemoglobin
    assert labs.analyte_of("direct bilirubin").name == "bilirubin"
    # a short name is a name only in its own case; a name followed by other words is not it
    assert labs.analyte_of("ca") is None
    assert labs.analyte_of("sodium bicarbonate infusion") is None
    assert labs.analyte_of("CA 19-9 level").name == "CA 19-9"


def test_units_convert_to_their_dimension():
    assert labs.base_value(11.3, "mg/dL") == ("mass", 11.3 * 0.01)
    assert labs.base_value(130, "mmol/L")[0] == "molar"
    assert labs.base_value(2, "× 10⁹/L") == ("count", 2e9)
    assert labs.base_value(5, "cm") is None


def problem(name: str, n: float, unit: str):
    analyte = labs.analyte_of(name)
    return plausible._problem(analyte, (n,), unit, labs.base_value(1.0, unit)[0])


def test_impossible_units_and_the_units_that_would_fit():
    reason, hint = problem("hemoglobin", 11.3, "mg/dL")
    assert "outside" in reason and hint.startswith("possible in g/dL")
    assert problem("creatinine", 130, "mmol/L")[1].startswith("possible in µmol/L")
    assert problem("sodium", 140, "nmol/L") is not None
    assert problem("hematocrit", 9, "g/dL")[0] == "haematocrit is not measured in g/dL"
    # abnormal is not impossible; percentages of another analyte and mass for molar are left
    assert problem("hemoglobin", 4.1, "g/dL") is None
    assert problem("creatinine", 12.5, "mg/dL") is None
    assert problem("CRP", 450, "mg/L") is None
    assert problem("glucose", 5, "%") is None
    assert problem("sodium", 320, "mg/dL") is None
    assert problem("WBC", 3.4, "× 10⁹/L") is None and problem("platelets", 95000, "/µL") is None


def test_the_table_is_whole():
    data = yaml.safe_load(labs.TABLE.read_text(encoding="utf-8"))
    assert len(data["analytes"]) >= 40
    for a in data["analytes"]:
        dims = [d for d in labs.DIMENSIONS if d in a]
        assert dims and a["names"], a["name"]
        for d in dims:
            low, high, unit = a[d]
            assert 0 <= low < high and data["units"][unit][0] == d, a["name"]
