"""kit.odd.copied: one statement written twice (a sentence copied from the abstract into the
discussion), told apart from alike sentences of two times or two things."""
from __future__ import annotations

from lintcase.checks.kit.odd import copied
from lintcase.facts import facts
from lintcase.model import Block, Meta, Rendering, Source, verbatim_text


def _quantities(text: str, as_list: bool = False):
    source = Source("t.txt", text)
    block = Block("paragraph", ("Case presentation",), verbatim_text(source, 0, len(text)))
    r = Rendering("t.txt", "text", Meta(article_type="case-report"), (block,), source=source)
    found = facts(r, "quantity")
    return found if as_list else {f.surface: f for f in found}


# doi:10.3389/fonc.2021.665135 (Frontiers Media S.A.; CC BY 4.0): the abstract's sentence and
# the discussion's copy of it, with words added ("under laparoscopy") and "3" written "three".
ABSTRACT = ("The nonstimulated Tg immediately decreased to 143 ng/ml after bilateral adnexectomy "
            "3 days later and to 0.109 ng/ml after 4-month follow-up. ")
DISCUSSION = ("The stimulated Tg level of this patient in our case was 11,488 ng/ml, and "
              "nonstimulated Tg immediately decreased to 143 ng/ml after bilateral adnexectomy "
              "under laparoscopy three days later and to 0.109 ng/ml after 4-month follow-up.")


def test_a_sentence_copied_with_words_added_is_one_statement():
    q = _quantities(ABSTRACT + DISCUSSION, as_list=True)
    first, second = [f for f in q if f.value[1] == 0.109]
    assert copied(first, second) and copied(second, first)
    changed = _quantities(ABSTRACT + DISCUSSION.replace("143", "153"), as_list=True)
    tg = [f for f in changed if f.value[1] in (143.0, 153.0)]
    assert copied(tg[0], tg[1])  # the number itself may differ: that is what is reported
    first, second = [f for f in changed if f.value[1] == 0.109]
    assert not copied(first, second)  # another number of the two sentences differs


def test_alike_sentences_of_two_times_are_not_copies():
    q = _quantities("After 3 cycles of chemotherapy, the tumour size was reduced to 6.1 cm in "
                    "its largest diameter. After 6 cycles of chemotherapy, the tumour size was "
                    "reduced to 4.2 cm in its largest diameter. 3 cycles later, the tumour size "
                    "was reduced to 3.0 cm in its largest diameter. 6 cycles later, the tumour "
                    "size was reduced to 2.0 cm in its largest diameter.")
    assert not copied(q["6.1 cm"], q["4.2 cm"])
    assert not copied(q["3.0 cm"], q["2.0 cm"])


def test_a_few_shared_words_around_two_results_are_not_one_statement():
    # doi:10.3389/fpls.2018.01075 (Frontiers Media S.A.; CC BY 4.0): two results of one
    # treatment, "in T1 increased by ... compared with CK1", of two different measures.
    q = _quantities("The biomass per plant in T1 increased by 1.47% compared with CK1. "
                    "RE in T1 increased by 7.27% compared with CK1.")
    assert not copied(q["1.47%"], q["7.27%"])


def test_a_side_against_the_rest_is_reported_once():
    # the odd-one-out test (three shared words) and the opposite-side test both see it
    from lintcase import api
    text = ("# Case report: a foot\n\n## Abstract\n\nA 14-year-old boy had a central cystic "
            "lesion of the first metatarsal of the right foot.\n\n## Case presentation\n\n"
            "Radiography showed a central cystic lesion of the first metatarsal of the right "
            "foot. A central cystic lesion of the first metatarsal of the left foot was "
            "biopsied. MRI confirmed the central cystic lesion of the first metatarsal of the "
            "right foot.\n")
    found = api.check_text(text.encode(), "case.md", select=("LC220",)).report.findings
    assert len(found) == 1, [f.message for f in found]
