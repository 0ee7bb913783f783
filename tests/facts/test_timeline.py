"""timeline: dates as month intervals, offsets counted from their anchors, and the traps."""
import pytest

from helpers import rendering
from lintcase.facts.timeline import build, classes, when


def entries(*paragraphs):
    return [e for e in build(rendering(*paragraphs)) if e.origin == "offset"]


def test_precision_is_an_interval():
    assert when("2022-03").hi - when("2022-03").lo == 1
    assert when("2013").hi - when("2013").lo == 12
    assert when("2022-03").gap(when("2022-05")) == 1       # April lies between: two months off
    assert when("2022-03").gap(when("2022")) < 0           # March 2022 is inside 2022
    assert when("2022-03-21").show() == "March 21, 2022"


def test_seed_offsets_agree_with_march_2022():
    [first, later, follow] = entries(
        "First-line therapy was commenced in March 2022. Biopsies were taken four months after "
        "treatment initiation (July 2022) and twenty-six months later (May 2024). She has been "
        "under follow-up for 46 months since the start of therapy.")
    assert first.stated.surface == "July 2022" and [b.surface for b in first.bases] == ["March 2022"]
    assert first.when.gap(first.expected[0]) < 0
    # "later" may count from the biopsy before it (July) or from its anchor (March): March fits
    assert {b.surface for b in later.bases} == {"July 2022", "March 2022"}
    assert min(later.when.gap(x) for x in later.expected) < 0
    assert follow.stated is None and follow.expected[0].show() == "January 2026"


ANCHORS = [
    # "after N months of X" means after X started: the sentence must say so
    ("Letrozole was given from 2019. Therapy was started in May 2020. After 4 months of "
     "treatment she improved.", ["May 2020"]),
    # words of the anchor compared as classes: surgery = resection = mastectomy
    ("A mastectomy was done on 3 May 2021. Two weeks after surgery she had a fever.", ["3 May 2021"]),
    # traps: no dated sentence names the anchor, or the sentence names two dates
    ("Two weeks after surgery she had a fever.", []),
    ("Surgery was planned in May 2021 and done in June 2021. Two weeks after surgery she was "
     "well.", []),
    # the date next to another offset dates that offset's event, never an anchor
    ("Six months after diagnosis (March 2020) she had surgery. Two months after diagnosis she "
     "was well.", []),
]


@pytest.mark.parametrize("text,bases", ANCHORS, ids=[t[:40] for t, _ in ANCHORS])
def test_anchor_resolution(text, bases):
    found = entries(text)
    assert [b.surface for e in found[-1:] for b in e.bases] == bases


def test_event_classes():
    assert classes("treatment initiation") == classes("therapy was commenced") == {"treat", "start"}
    assert classes("the resection") == {"surgery"}
    assert classes("of the patient") == set()
