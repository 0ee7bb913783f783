"""spelling and acronym: one term written two ways, found generically; capitals as acronyms."""
import pytest

from helpers import values
from lintcase.facts import acronyms, spellings


def spelled(text):
    return sorted({(k, s.casefold()) for k, s, _ in values(spellings.extract, text)})


SPELLINGS = [
    ("HER2 was 2+. HER-2 was negative.", [("her2", "her-2"), ("her2", "her2")]),
    ("The Ki-67 index rose; Ki67 fell.", [("ki67", "ki-67"), ("ki67", "ki67")]),
    ("The followup ended. Follow-up was long.", [("followup", "follow-up"), ("followup", "followup")]),
    ("The dataset grew. A data set was used.", [("dataset", "data set"), ("dataset", "dataset")]),
    # traps: ranges, function-word pairs, verb particles, case alone
    ("Patients aged 1-2 years; 12 patients.", []),
    ("It grew into the bone and in to the sinus.", []),
    ("We set up the setup.", []),
    ("Western blot. The western blot.", []),
]


@pytest.mark.parametrize("text,expected", SPELLINGS, ids=[t for t, _ in SPELLINGS])
def test_spelling(text, expected):
    assert spelled(text) == expected


ACRONYMS = [
    ("The PFS was long and CTs were clear.", ["PFS", "CT"]),
    # traps: genes with digits, Roman numerals, a citation author, parts of hyphenated names
    ("HER2 and BRCA1 were tested in stage III.", []),
    ("Skin metastasis is common (NCI, 2025).", []),
    ("The CA-153 level and T-DXd were noted.", []),
]


@pytest.mark.parametrize("text,expected", ACRONYMS, ids=[t for t, _ in ACRONYMS])
def test_acronym(text, expected):
    assert [v[1] for v in values(acronyms.extract, text)] == expected


def test_shipped_list_holds_the_common_ones():
    assert {"DNA", "RNA", "PCR", "HIV", "CT", "MRI"} <= acronyms.no_definition_needed()
