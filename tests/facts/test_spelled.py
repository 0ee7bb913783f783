"""spelled: short forms with the words they stand for, as printed, matching or not."""
from helpers import rendering, values
from lintcase.facts import spelled
from lintcase.model import Block, Meta, Rendering, Source, verbatim_text


def test_bracket_keeps_the_words_a_reader_lines_up_with_its_letters():
    words = ("right", "anterior", "descending")
    assert values(spelled.extract, "a dual right anterior descending (LAD) artery") == [
        ("LAD", words, False, words)]
    assert values(spelled.extract, "the left ventricle (LV) and the non-coronary cusp (NCC)") \
        == [("LV", ("left", "ventricle"), False, ("left", "ventricle")),
            ("NCC", ("the", "non-coronary", "cusp"), False, ("non", "coronary", "cusp"))]


def test_hyphenated_words_are_also_read_part_by_part():
    assert values(spelled.extract, "He later developed right lower-limb lymphedema (LLL).") == [
        ("LLL", ("right", "lower-limb", "lymphedema"), False, ("lower", "limb", "lymphedema"))]


def test_not_short_forms_or_too_few_words():
    assert values(spelled.extract, "Both lesions had healed (Figure 2) (p) (mg) (As).") == []
    assert values(spelled.extract, "(LAD) was occluded.") == []


def _caption(text: str) -> Rendering:
    source = Source("t.txt", text)
    block = Block("caption", (), verbatim_text(source, 0, len(text)))
    return Rendering("t.txt", "text", Meta(article_type="case-report"), (block,), source=source)


def test_legend_keys_in_a_caption_with_two_or_more():
    found = [f.value for f in spelled.extract(_caption(
        "Aortic valve (D-F). N, non-coronary cusp; R, right coronary cusp; LA, left atrium.")) if f.value[2]]
    assert found == [("N", ("non-coronary",), True, ("non",)), ("R", ("right",), True, ("right",)),
                     ("LA", ("left", "atrium"), True, ("left", "atrium"))]
    assert [f for f in spelled.extract(_caption("CT scan. L, left kidney.")) if f.value[2]] == []
    # in a paragraph a "X, words" run is not a legend
    assert values(spelled.extract, "N, non-coronary cusp; R, right coronary cusp.") == []
