"""abbreviation: Schwartz–Hearst definitions with offsets, uses and long forms written out."""
import pytest

from helpers import rendering, values
from lintcase.facts import abbreviations

DEFINITIONS = [
    ("Staining for progesterone receptor (PR) was positive.", ("PR", "progesterone receptor")),
    ("Staining for PR (progesterone receptor) was positive.", ("PR", "progesterone receptor")),
    ("A magnetic resonance imaging (MRI) scan was done.", ("MRI", "magnetic resonance imaging")),
    ("The human epidermal growth factor receptor 2 (HER2) was negative.",
     ("HER2", "human epidermal growth factor receptor 2")),
    ("We used 5-fluorouracil (5-FU) as before.", ("5-FU", "5-fluorouracil")),
    ("Results of the Response Evaluation Criteria in Solid Tumors (RECIST) were used.",
     ("RECIST", "Response Evaluation Criteria in Solid Tumors")),
    ("The cyclin-dependent kinase 4/6 (CDK4/6) inhibitor was given.",
     ("CDK4/6", "cyclin-dependent kinase 4/6")),
    ("Carcinoembryonic antigen (CEA; normal below 3.4) was high.", ("CEA", "Carcinoembryonic antigen")),
    ("Both lesions had healed (Figure 2).", None),
    ("The count was high (p < 0.05).", None),
    ("The patients (n = 12) were treated.", None),
    ("The dose was increased (i) after a month.", None),
    ("An MRI (Fig. 2) was done.", None),
]


@pytest.mark.parametrize("sentence,expected", DEFINITIONS, ids=[s for s, _ in DEFINITIONS])
def test_definition(sentence, expected):
    found = [v[1:] for v in values(abbreviations.extract, sentence) if v[0] == "definition"]
    assert found == ([expected] if expected else [])


def test_definition_span_covers_long_and_short_form():
    r = rendering("Staining for progesterone receptor (PR) was positive.")
    (f,) = [f for f in abbreviations.extract(r) if f.value[0] == "definition"]
    assert f.surface == "progesterone receptor (PR)"
    assert (f.span.line, f.span.column) == (1, 14)


def test_uses_and_long_forms_after_definition():
    r = rendering("Progesterone receptor (PR) was positive.",
                  "PR staining and progesterone receptors were repeated; PRs, APR and PR-1 are not uses.")
    kinds = [(f.value[0], f.surface) for f in abbreviations.extract(r) if f.value[0] != "definition"]
    assert kinds == [("use", "PR"), ("long-form", "progesterone receptors")]


def test_best_long_form_first_letter_starts_a_word():
    assert abbreviations.best_long_form("PR", "the progesterone receptor") == 4
    assert abbreviations.best_long_form("XYZ", "progesterone receptor") == -1
