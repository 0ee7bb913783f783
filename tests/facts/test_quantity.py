"""quantity: subject, value, unit and reference range; whitelisted units only."""
import pytest

from helpers import surfaces, values
from lintcase.facts import quantities

QUANTITIES = [
    ("Immunohistochemistry showed estrogen receptor (ER) at 90%.",
     [("estrogen receptor (ER)", 90, "%", "")]),
    ("Tumour markers were elevated: CEA at 8.3 ng/mL (normal <3.4).",
     [("CEA", 8.3, "ng/mL", "<3.4")]),
    ("The Ki-67 index of 80% indicated rapid growth.", [("Ki-67 index", 80, "%", "")]),
    ("The tumour was HER2 2+ by immunohistochemistry.", [("HER2", 2, "+", "")]),
    ("Serum CA-153 was 291 U/mL (reference range 0–25).", [("Serum CA-153", 291, "U/mL", "0–25")]),
    ("Platelets were 85 × 10⁹/L.", [("Platelets", 85, "× 10⁹/L", "")]),
    ("Haemoglobin was 9.1 g/dL.", [("Haemoglobin", 9.1, "g/dL", "")]),
    ("Positivity ranged from 10 to 20%.", [("Positivity", (10, 20), "%", "")]),
    # traps
    ("A second biopsy was taken.", []),
    ("A CT scan was done 2 times.", []),
    ("She received 2 cycles of chemotherapy.", []),
    ("The value was 3.4 ng/mL (14–16).", [("value", 3.4, "ng/mL", "")]),
    ("The formula 2 + 3 gives five.", []),
]


@pytest.mark.parametrize("sentence,expected", QUANTITIES, ids=[s for s, _ in QUANTITIES])
def test_quantity(sentence, expected):
    assert values(quantities.extract, sentence) == expected


def test_no_nfkc_and_exact_span():
    assert surfaces(quantities.extract, "WBC was 12.5 × 10⁹/L today.") == ["12.5 × 10⁹/L"]
