"""age and sex: the patient's, not a relative's, a group's or a cited case's."""
import pytest

from helpers import surfaces, values
from lintcase.facts import patient

AGES = [
    ("A 59-year-old woman presented with a mass.", [("year", 59)]),
    ("The patient, aged 59 years, was admitted.", [("year", 59)]),
    ("A 59-yr-old man was admitted.", [("year", 59)]),
    ("A 59 year old Caucasian woman was admitted.", [("year", 59)]),
    ("A fifty-nine-year-old woman was admitted.", [("year", 59)]),
    ("A 3-month-old boy was brought in.", [("month", 3)]),
    ("A 59-year-old previously healthy woman was admitted.", [("year", 59)]),
    # traps
    ("Her 35-year-old daughter was healthy.", []),
    ("A 45-year-old woman was reported by Smith et al.", []),
    ("A 62-year-old man with the same lesion has been described (12).", []),
    ("Patients aged 40–60 years were included.", []),
    ("Patients aged 40 years or older were included.", []),
    ("The 10-year-old culture was discarded.", []),
    ("A 3-year-old lesion was excised.", []),
    ("At the age of 40 she had a hysterectomy.", []),
    ("The second biopsy was taken.", []),
]


@pytest.mark.parametrize("sentence,expected", AGES, ids=[s for s, _ in AGES])
def test_age(sentence, expected):
    assert values(patient.age, sentence) == expected


def test_age_span_is_exact():
    assert surfaces(patient.age, "A 59-year-old woman presented.") == ["59-year-old"]


SEXES = [
    ("A 59-year-old woman presented with a mass.", ["female"]),
    ("A 7-year-old boy was brought in.", ["male"]),
    ("The patient was a 59-year-old man.", ["male"]),
    ("The patient was a previously healthy woman.", ["female"]),
    ("A 40-year-old female patient was admitted.", ["female"]),
    ("Our patient is a man who smokes.", ["male"]),
    # traps
    ("Her 60-year-old husband was well.", []),
    ("A 45-year-old man was reported by Smith et al.", []),
    ("Men and women were enrolled.", []),
    ("The woman in the photograph is a nurse.", []),
]


@pytest.mark.parametrize("sentence,expected", SEXES, ids=[s for s, _ in SEXES])
def test_sex(sentence, expected):
    assert values(patient.sex, sentence) == expected
