"""date and relative: precision kept, and the traps a date library falls into."""
import pytest

from helpers import surfaces, values
from lintcase.facts import dates

DATES = [
    ("She was admitted on February 21, 2022.", [("day", "2022-02-21")]),
    ("She was admitted on 21 February 2022.", [("day", "2022-02-21")]),
    ("She was admitted on Feb. 21, 2022.", [("day", "2022-02-21")]),
    ("Therapy began in March 2022.", [("month", "2022-03")]),
    ("Therapy began in May of 2019.", [("month", "2019-05")]),
    ("The mass was first noticed in 2013.", [("year", "2013")]),
    ("Since 2010, she had been well.", [("year", "2010")]),
    ("Seen on 2022-02-21 and again in July 2022.", [("day", "2022-02-21"), ("month", "2022-07")]),
    # traps
    ("The estrogen receptor (ER) was positive at 90%.", []),
    ("This is consistent with earlier reports (14–16).", []),
    ("Smith et al. (2013) described a similar case.", []),
    ("If symptoms recur she may 2 times a day apply the cream.", []),
    ("She may return in 2 weeks.", []),
    ("The dose was 2.5 mg twice daily.", []),
    ("In 2013 patients were enrolled.", []),
    ("Accession number 2013.1 was used in 1999 samples.", []),
    ("In 2013 she had a mastectomy.", [("year", "2013")]),
]


@pytest.mark.parametrize("sentence,expected", DATES, ids=[s for s, _ in DATES])
def test_dates(sentence, expected):
    assert values(dates.extract, sentence) == expected


def test_date_span_is_exact():
    assert surfaces(dates.extract, "Seen in 2013 and on February 21, 2022.") == \
        ["2013", "February 21, 2022"]


RELATIVE = [
    ("Biopsies were done four months after treatment initiation.",
     [("month", 4, "after treatment initiation")]),
    ("A second biopsy was done twenty-six months later.", [("month", 26, "later")]),
    ("After 4 months of treatment the lesions had healed.", [("month", 4, "after treatment")]),
    ("Two weeks before admission she had a fever.", [("week", 2, "before admission")]),
    # traps: no anchor, or not a number
    ("She was treated for 44 months.", []),
    ("A second biopsy was done later.", []),
    ("A month later she was well.", []),
]


@pytest.mark.parametrize("sentence,expected", RELATIVE, ids=[s for s, _ in RELATIVE])
def test_relative(sentence, expected):
    assert values(dates.relative, sentence) == expected


def test_relative_span_covers_the_anchor():
    assert surfaces(dates.relative, "Biopsies were done four months after treatment initiation.") \
        == ["four months after treatment initiation"]


DAYS = [
    ("The second MRI examination on day 8 demonstrated regressed lesions.", [("day", 8)]),
    ("Second MRI scan (on day 7): lesions on axial FLAIR.", [("day", 7)]),
    ("Repair was performed on hospital day 27.", [("day", 27)]),
    ("He was discharged on postoperative day 34.", [("day", 34)]),
    ("On post-op Day 1, hemoadsorption was started.", [("day", 1)]),
    ("Drainage stopped on POD 3.", [("day", 3)]),
    # traps: ranges, plurals, decimals and words that only contain "day"
    ("Fever persisted on days 3 and 5.", []),
    ("Antibiotics were given from day 3 to 5.", []),
    ("Samples were taken on day 3-5 of culture.", []),
    ("Symptoms lasted 10 days.", []),
    ("Doses were given twice a day 2 weeks apart.", []),
    ("Tablets were taken three times per day 5 days a week.", []),
    ("Prednisone 30 mg/day 2 weeks later was tapered.", []),
    ("He took 1 g/day 3 days in a row.", []),
    ("Pain began one day 2 weeks later.", []),
    ("Drainage stopped on pod 3 and DAY 5.", [("day", 3), ("day", 5)]),
    ("On day 3 G-CSF was given; on day 4 Mg was low.", [("day", 3), ("day", 4)]),
    ("Fever recurred on day 3, 5 and 7.", []),
    ("On the following day 3 doses were given, and every other day 2 doses.", []),
    ("Today 5 nodules remain; a Monday 9 visit followed.", []),
]


@pytest.mark.parametrize("sentence,expected", DAYS, ids=[s for s, _ in DAYS])
def test_numbered_day(sentence, expected):
    assert values(dates.days, sentence) == expected
