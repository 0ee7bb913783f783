"""LC222's arithmetic: ages as the spans they name, what the age then should have been."""
from __future__ import annotations

from lintcase import api

CASE = """# Case report: {title}

## Case presentation

{text}
"""


def _messages(text: str) -> list[str]:
    data = CASE.format(title="a recurrence", text=text).encode()
    report = api.check_text(data, "case.md", cache_dir=None).report
    return [f.message for f in report.findings if f.rule == "LC222"]


def test_the_expected_age_is_the_open_span_less_the_time_since():
    # 30 months old is 30 up to 31 months; 1 year ago (half a year either way): 12 to 24 months
    found = _messages("A 30-month-old boy was admitted. At the age of 26 months, 1 year ago, "
                      "he had a laparotomy.")
    assert len(found) == 1 and "gives 12–24 months" in found[0], found


def test_a_time_since_longer_than_the_life_gives_no_age():
    found = _messages("A 5-year-old girl was admitted. At the age of 3 years, 10 years ago, "
                      "she had a laparotomy.")
    assert len(found) == 1 and "no age at all" in found[0], found


def test_ages_that_fit_within_a_year_are_not_reported():
    assert _messages("A 61-year-old woman was admitted. She had been diagnosed with diabetes "
                     "10 years ago, at the age of 52.") == []
    assert _messages("A 61-year-old woman was admitted. She had been diagnosed with diabetes "
                     "10 years ago, at the age of 53.") != []
