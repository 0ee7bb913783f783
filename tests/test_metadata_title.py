"""Titles compared across renderings: rendering noise is not a difference, a changed word is."""
from __future__ import annotations

from lintcase.checks.kit import metawords as mw
from lintcase.checks.kit.authors import key
from lintcase.model import Source, verbatim_text


def t(s: str):
    return verbatim_text(Source("x", s), 0, len(s))


def diffs(a: str, b: str):
    ka = [w for w, _, _ in mw.words(t(a))]
    kb = [w for w, _, _ in mw.words(t(b))]
    return mw.differences(ka, kb, mw.lossy(t(b)))


def test_noise_is_not_a_difference():
    ref = "Tracking the evolutionary origins of dog-human cooperation: the “Canine Hypothesis”"
    assert diffs(ref, "Tracking the evolutionary origins of dog-\nhuman cooperation: the \"Canine Hypothesis\"") == []
    assert diffs(ref, ref + " | Frontiers in Psychology") == []          # site name
    assert diffs("Role of TNF-α in ﬁbrosis", "Role of TNF- in fibrosis") == []  # lost Greek, ligature
    assert diffs("Zsófia’s Study", "Zsofia's Study") == []


def test_a_changed_word_is_reported_with_both_places():
    ref = "Antagonistic activity of Ocimum sanctum essential oil on growth"
    out = diffs(ref, "Antagonistic activity of Ocimum sanctum essential oil on decline")
    assert out == [(8, 9, 8, 9)]


def test_author_keys_ignore_initials_and_order_of_parts():
    assert key(t("Borugă O")) == key(t("O Borugă"))
    assert key(t("Djoko T. Iskandar")) == key(t("D. Iskandar"))
    assert key(t("Zsófia Virányi")) == key(t("Zsofia Viranyi"))


# A PDF's front matter as pdftotext prints it: the title on its own lines among the journal's
# masthead and the author line (shapes of a Nature-family and an MDPI first page).
FRONT_NATURE = ("Article\nhttps://doi.org/10.1038/s41467-023-43809-4\n"
                "Ocean fronts as decadal thermostats\nmodulating continental warming hiatus\n"
                "Received: 27 June 2023\nMi-Kyung Sung 1 , Soon-Il An 2,3\n")
FRONT_MDPI = ("entropy\nArticle\nSemiotic Aggregation in Deep Learning\n"
              "Bogdan Muşat 1,2, * and Răzvan Andonie 1,3\n")


def found(title: str, front: str) -> str:
    from lintcase.checks.kit.metatitle import _search
    keys = [w for w, _, _ in mw.words(t(title))]
    best, _ = _search(keys, [t(front)])
    return best.text if best is not None else ""


def test_a_changed_first_or_last_title_word_is_inside_the_stretch_found():
    # the changed word matches nothing, yet it stands where the title's line begins or ends
    assert found("European fronts as decadal thermostats modulating continental warming hiatus",
                 FRONT_NATURE).startswith("Ocean fronts")
    assert found("Ocean fronts as decadal thermostats modulating continental warming oscillation",
                 FRONT_NATURE).endswith("warming hiatus")
    assert found("Semiotic Aggregation in Deep Reading", FRONT_MDPI) == \
        "Semiotic Aggregation in Deep Learning"
    assert diffs("Semiotic Aggregation in Deep Reading", found(
        "Semiotic Aggregation in Deep Reading", FRONT_MDPI)) == [(4, 5, 4, 5)]


def test_the_stretch_is_not_widened_over_words_of_another_line_or_mid_line():
    # the title ends mid-line (a footnote marker follows): no word after it is taken
    assert found("Semiotic Aggregation in Deep Reading",
                 "Semiotic Aggregation in Deep Learning 1\nBogdan Muşat\n") == \
        "Semiotic Aggregation in Deep"
    # the first title word is missing from the line: the masthead line above is never taken
    assert found("Annual fronts as decadal thermostats", "Article\nfronts as decadal thermostats\n") \
        == "fronts as decadal thermostats"
