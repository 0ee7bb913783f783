"""With three or more renderings, one finding per difference names who agrees and who differs."""
from __future__ import annotations

import shutil

from conftest import CORPUS, ROOT, SEEDS, needs_corpus, run_json
from lintcase.checks.kit.merge import describe

CASES = ROOT / "tests" / "cases" / "LC101"


def lc101(doc):
    return [f for f in doc["findings"] if f["rule"] == "LC101"]


def edited_copy(src, tmp_path, words: str, old: str, new: str):
    """A copy of a corpus folder whose XML says `new` for `old` in the one place `words` stand."""
    dst = tmp_path / src.name
    shutil.copytree(src, dst)
    xml = (dst / "article.xml").read_text(encoding="utf-8")
    assert xml.count(words) == 1
    (dst / "article.xml").write_text(xml.replace(words, words.replace(old, new)), encoding="utf-8")
    return dst


def test_html_edited_alone_is_named_as_the_odd_one_out():
    _, doc = run_json(CASES / "fail" / "fpsyg-three-way-html-edited", "--select", "LC101")
    [f] = lc101(doc)
    assert f["fields"]["agreeing"] == "jats, pdftext"
    assert f["fields"]["differing"] == "html"
    assert [loc["rendering"] for loc in f["locations"]] == ["jats", "html", "pdftext"]
    jats, html, pdf = f["locations"]
    assert "fundamental" in jats["excerpt"] and "fundamental" in pdf["excerpt"]
    assert "«marginal»" in html["excerpt"] and "«fundamental»" in jats["excerpt"]
    assert f["message"] == ("the jats and pdftext renderings have “fundamental” where the html "
                            "rendering has “marginal”")


def test_unedited_three_renderings_are_quiet():
    _, doc = run_json(CASES / "pass" / "fpsyg-three-way", "--select", "LC101")
    assert len(doc["articles"]) == 1 and len(doc["articles"][0]["renderings"]) == 3
    assert lc101(doc) == []


def test_two_renderings_keep_their_pairwise_message():
    _, doc = run_json(SEEDS, "--select", "LC101")
    [f] = lc101(doc)
    assert (f["fields"]["agreeing"], f["fields"]["differing"]) == ("jats", "pdftext")
    assert f["message"] == "“For” is in the jats rendering but not in the pdftext rendering"


def test_three_different_readings_are_listed_each():
    groups = [(["jats"], "44 months"), (["html"], "46 months"), (["pdf", "pdftext"], "")]
    assert describe(groups) == ("the jats rendering has “44 months”; the html rendering has "
                                "“46 months”; the pdf and pdftext renderings have nothing there")


@needs_corpus
def test_a_word_changed_in_the_xml_of_a_real_triple(tmp_path):
    """The PLOS triple: XML, HTML, PDF text (and the PDF, read with the extra). A word changed in
    the XML alone is reported once, with every other rendering agreeing and located."""
    src = CORPUS / "triples" / "journal.pone.0115884"
    dst = edited_copy(src, tmp_path, "largely unstudied radiation of fanged frogs",
                      "largely", "barely")
    _, before = run_json(src, "--select", "LC101", "--no-cache")
    _, after = run_json(dst, "--select", "LC101", "--no-cache")
    new = [f for f in lc101(after) if "barely" in f["message"]]
    assert len(new) == 1 and len(lc101(after)) == len(lc101(before)) + 1
    [f] = new
    others = {loc["rendering"] for loc in f["locations"]} - {"jats"}
    assert {"html", "pdftext"} <= others
    assert f["fields"]["differing"] == "jats"
    assert set(f["fields"]["agreeing"].split(", ")) == others
    for loc in f["locations"][1:]:
        assert "largely" in loc["excerpt"]


@needs_corpus
def test_the_pdf_and_its_extracted_text_are_two_witnesses_of_one_file(tmp_path):
    """PMC6093152 is a two-column PDF whose pdftotext text interleaves the columns. Read alone
    against the XML, the text gives differences that are only its reading order; with the PDF
    beside it (read by pypdfium2) a difference must show in both extractions to be reported."""
    src = CORPUS / "pairs" / "PMC6093152"
    alone = tmp_path / "alone"
    alone.mkdir()
    for name in ("article.xml", "article.pdftotext.txt"):
        shutil.copy(src / name, alone / name)
    _, text_only = run_json(alone, "--select", "LC101", "--no-cache")
    _, both = run_json(src, "--select", "LC101", "--no-cache")
    # The interleaved columns, seen by one extraction only: the align noise rules explain most
    # of them (tests/test_align_noise.py); a page-1 footnote and a heading's line remain.
    assert len(lc101(text_only)) >= 2
    assert len(lc101(both)) < len(lc101(text_only)) / 2
    for f in lc101(both):  # what is left, both extractions show (or one could not be compared)
        assert "pdf" in f["fields"]["differing"] or f["fields"]["differing"] == "jats"


@needs_corpus
def test_a_change_in_the_xml_is_confirmed_by_both_extractions(tmp_path):
    dst = edited_copy(CORPUS / "pairs" / "PMC6093152", tmp_path,
                      "study of deletions in the sequences could prove", "deletions", "insertions")
    _, doc = run_json(dst, "--select", "LC101", "--no-cache")
    [f] = [f for f in lc101(doc) if "insertions" in f["message"]]
    assert f["fields"]["differing"] == "jats"
    assert f["fields"]["agreeing"] == "pdf, pdftext"
    assert [loc["rendering"] for loc in f["locations"]] == ["jats", "pdf", "pdftext"]
    assert all("deletions" in loc["excerpt"] for loc in f["locations"][1:])
