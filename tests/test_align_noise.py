"""Noise rules of the align check on a two-column article whose pdftotext text interleaves the
columns' lines (PMC6093152, Ecology and Evolution, CC BY): the rules must explain the
interleaving and still report a changed word or digit in the same places."""
from __future__ import annotations

from pathlib import Path

import pytest

from lintcase.checks import align
from lintcase.readers import read

from conftest import CORPUS, needs_corpus

ARTICLE = CORPUS / "pairs" / "PMC6093152"


def differences(tmp_path: Path, edit: tuple[str, str] | None = None) -> list[str]:
    """Evidence ("reference words | other words") of every difference, XML against the text,
    after one edit of the XML (the text is never changed)."""
    xml = (ARTICLE / "article.xml").read_text(encoding="utf-8")
    if edit:
        assert xml.count(edit[0]) == 1
        xml = xml.replace(*edit)
    (tmp_path / "article.xml").write_text(xml, encoding="utf-8")
    text = (ARTICLE / "article.pdftotext.txt").read_bytes()
    (tmp_path / "article.pdftotext.txt").write_bytes(text)
    pair = align.Pair(read(tmp_path / "article.xml"), read(tmp_path / "article.pdftotext.txt"), {})
    return [d.hit.evidence for _, diffs in pair.paragraphs() for d in diffs]


@pytest.fixture(scope="module")
def clean(tmp_path_factory) -> list[str]:
    return differences(tmp_path_factory.mktemp("clean"))


@needs_corpus
def test_detour_in_a_gap(clean, tmp_path):
    # "differ-" glued to the other column's next line ("differis"), "entiating" two lines on;
    # "cho-" + "of" = "choof", the rest of the sentence some lines before.
    assert not [e for e in clean if "differis" in e or "choof" in e]
    changed = differences(tmp_path, ("for differentiating the genus", "for different the genus"))
    assert any(e.startswith("different |") or "differis" in e for e in changed)


@needs_corpus
def test_detour_never_explains_a_changed_digit(clean, tmp_path):
    assert not [e for e in clean if "25 ng" in e]  # "solu-" + "Noncoding …", "tion of 25 ng/μl"
    changed = differences(tmp_path, ("solution of 25&#x000a0;ng", "solution of 26&#x000a0;ng"))
    assert any("26" in e.split("|")[0] for e in changed)


@needs_corpus
def test_detour_at_a_paragraph_edge(clean, tmp_path):
    # "po-" + "the" = "pothe" before a paragraph; "Ocimum species." a line of its own after one.
    assert not [e for e in clean if "pothe" in e or e.startswith("ocimum species |")]
    changed = differences(tmp_path, ("<italic>Ocimum</italic> species.</p><p>ISSR",
                                        "<italic>Ocimum</italic> genus.</p><p>ISSR"))
    assert any("genus" in e.split("|")[0] for e in changed)


@needs_corpus
def test_elsewhere_across_interleaved_lines(clean, tmp_path):
    # A paragraph's first 137 words, read in the text with a line of the other column
    # between each two of its lines.
    assert not [e for e in clean if e.startswith("in the present study 14 genotypes")]
    changed = differences(tmp_path, ("study, 14 genotypes", "study, 15 genotypes"))
    assert any("15" in e.split("|")[0] for e in changed)
