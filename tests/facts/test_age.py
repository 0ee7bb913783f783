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
    # "at the age of N" is the age now only where the patient presents, with no earlier event
    ("The patient presented to our clinic at 57 years of age with a swelling.", [("year", 57)]),
    ("She was admitted to our hospital at the age of 61 for dyspnoea.", [("year", 61)]),
    ("Aged 52 years, the patient came with a cough.", [("year", 52)]),
    # an earlier visit, or a presentation not said to be to this care: an age at an event
    ("At the age of 12, she was seen by a pediatrician for asthma.", []),
    ("She was admitted at the age of 61 for dyspnoea.", []),
    ("She had been admitted to the hospital at the age of 30 for appendicitis.", []),
    ("At the age of 30, this patient was admitted to a local hospital.", []),
    ("He was hospitalized at another hospital at the age of 30, and presented to our clinic.", []),
    ("The child was admitted to our hospital at the age of 14 d.", []),  # not 14 years
    ("She first presented at the age of 20 with seizures.", []),
    ("He was diagnosed with schizophrenia at the age of 20.", []),
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


AGES_AT = [
    ("He was diagnosed with schizophrenia at the age of 20.", [("year", 20, None)]),
    ("Seizures had occurred since the age of 5 years.", [("year", 5, None)]),
    ("Abdominal sonography at 1.5 years of age showed a coarse liver.", [("year", 1.5, None)]),
    ("A biopsy was performed at 21 months of age.", [("month", 21, None)]),
    ("She was diagnosed with diabetes 10 years ago, at the age of 45.",
     [("year", 45, ("year", 10))]),
    ("At the age of 12 months, 18 months before admission, he had surgery.",
     [("month", 12, ("month", 18))]),
    ("Eight years prior to presentation, at the age of 49, he was struck on the head.",
     [("year", 49, ("year", 8))]),
    # traps: two ages or two spans leave the span unread; relatives, groups and ranges are out
    ("At the age of 20 and again at the age of 30, 5 years ago, she had surgery.",
     [("year", 20, None), ("year", 30, None)]),
    ("Her mother was diagnosed with breast cancer 10 years ago at the age of 52.", []),
    ("Patients diagnosed at the age of 40 were included.", []),
    ("Onset was at the age of 40 to 60 years in most series.", []),
    ("The patient presented to our clinic at the age of 61 with an ulcer.", []),
    ("At the age of 12, she was seen by a pediatrician for asthma.", [("year", 12, None)]),
    # ranges and compound ages, with or without their unit, are not one age
    ("Symptoms began at the age of 18 months to 2 years.", []),
    ("He was operated on at the age of 6 months and 2 weeks.", []),
    # a span of another clause is another event's
    ("She was diagnosed with asthma at the age of 20, which worsened 2 years ago.",
     [("year", 20, None)]),
    ("The MRI at 6 months showed no recurrence.", []),
]


@pytest.mark.parametrize("sentence,expected", AGES_AT, ids=[s for s, _ in AGES_AT])
def test_age_at_an_event(sentence, expected):
    assert values(patient.age_at, sentence) == expected


PRONOUNS = [
    ("In comparison with the first scan, she had improved.", ["she"]),  # not a "…son"
    ("For this reason, his dose was reduced.", ["his"]),
    ("Her grandson noticed the bleeding; he called for help.", []),
    ("The bundle of His was mapped, and she tolerated it.", ["she"]),
    ("HER2 was negative in her tumour.", ["her"]),
]


@pytest.mark.parametrize("text,expected", PRONOUNS)
def test_pronouns_only_where_they_are_the_patients(text, expected):
    assert surfaces(patient.pronouns, text) == expected
