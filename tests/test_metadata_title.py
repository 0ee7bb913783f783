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
