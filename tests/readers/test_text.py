"""The plain-text reader on the seeds and the corpus pdftotext files (read-only real inputs)."""
from __future__ import annotations

import glob
import re
from pathlib import Path

import pytest

from lintcase.model import Source
from lintcase.readers import ReadError, read
from lintcase.readers.text.reader import read_text
from lintcase.readers.text.sniff import looks_like_pdf_text

ROOT = Path(__file__).resolve().parents[2]
SEED_PDF = ROOT / "seeds" / "000_21b8ec792d507bee.txt"
SEED_WEB = ROOT / "seeds" / "002_6f95c904f013088c.txt"
CORPUS = Path("/work/shared/corpus")
PDFTEXTS = sorted(glob.glob(str(CORPUS / "*" / "*" / "article.pdftotext.txt")))
needs_corpus = pytest.mark.skipif(not PDFTEXTS, reason="corpus not available")


@pytest.fixture(scope="module")
def seed_pdf():
    return read(SEED_PDF)


@pytest.fixture(scope="module")
def seed_web():
    return read(SEED_WEB)


def _where(path: Path, needle: str) -> tuple[int, int]:
    """1-based line and column of needle in the file, found independently of the reader."""
    text = path.read_text("utf-8")
    i = text.index(needle)
    return text.count("\n", 0, i) + 1, i - (text.rfind("\n", 0, i) + 1) + 1


def _block_with(rendering, needle: str):
    found = [b for b in rendering.blocks if needle in b.text.text]
    assert found, f"no block contains {needle!r}"
    return found[0]


def test_seed_pdf_is_sniffed_as_pdf_text(seed_pdf):
    assert seed_pdf.kind == "pdftext"
    assert looks_like_pdf_text(SEED_PDF.read_bytes())
    assert not looks_like_pdf_text(SEED_WEB.read_bytes())


def test_outcomes_block_section_and_span(seed_pdf):
    b = _block_with(seed_pdf, "treated for 44 months")
    assert b.section == ("Abstract", "Outcomes")
    assert b.text.text.startswith("The patient has been treated")  # "Outcomes: " is not text
    i = b.text.text.index("treated for 44 months")
    span = b.text.span(i, i + len("treated for 44 months"))
    line, col = _where(SEED_PDF, "treated for 44 months")
    assert (span.line, span.column) == (line, col)
    assert (span.end_line, span.end_column) == (line, col + len("treated for 44 months"))


@pytest.mark.parametrize("needle", ["follow-up for 46 months", "Carcinoma en cuirasse is a",
                                    "enriched with pro-lymphangiogenesis", "9. Hu SC"])
def test_spans_point_at_the_file(seed_pdf, needle):
    texts = [b.text for b in seed_pdf.blocks] + [r.text for r in seed_pdf.references]
    target = needle.split(". ", 1)[-1]
    t = next(t for t in texts if target in t.text)
    i = t.text.index(target)
    span = t.span(i, i + len(target))
    assert (span.line, span.column) == _where(SEED_PDF, target)


def test_paragraph_rejoined_across_break(seed_pdf):
    b = _block_with(seed_pdf, "A definitive diagnosis of advanced breast cancer")
    assert "follow-up for 46 months" in b.text.text
    assert b.section == ("Case presentation",)
    # the joining space is not in the file: it maps to the newline after "of"
    i = b.text.text.index("diagnosis of advanced") + len("diagnosis of")
    assert b.text.span(i, i + 1).line == _where(SEED_PDF, "A definitive diagnosis of")[0]
    assert b.text.span(i + 1, i + 9).line == _where(SEED_PDF, "advanced breast cancer with")[0]


def test_paragraph_rejoined_across_figures(seed_pdf):
    b = _block_with(seed_pdf, "skin metastases are significantly enriched with pro-lymph")
    assert "FIGURE" not in b.text.text and "Abbreviations" not in b.text.text
    notes = [x for x in seed_pdf.blocks if x.kind == "footnote"]
    assert any(x.text.text.startswith("Abbreviations: CT") for x in notes)


def test_figure_captions(seed_pdf):
    caps = {b.label: b for b in seed_pdf.blocks if b.kind == "caption"}
    assert sorted(caps) == [f"Figure {i}" for i in range(1, 6)]
    assert "invades the epidermis" in caps["Figure 2"].text.text
    assert not caps["Figure 2"].text.text.upper().startswith("FIGURE")
    assert caps["Figure 4"].text.text.startswith("The patient's condition in July 2022")


def test_front_matter_is_not_content(seed_pdf):
    for b in seed_pdf.blocks:
        for furniture in ("OPEN ACCESS", "EDITED BY", "REVIEWED BY", "CORRESPONDENCE",
                          "COPYRIGHT", "Shanghai Jiao Tong", "open-access article"):
            assert furniture not in b.text.text, (furniture, b.text.text[:60])


def test_seed_pdf_metadata(seed_pdf):
    m = seed_pdf.meta
    assert m.doi.text == "10.3389/fonc.2026.1742907"
    assert (m.doi.span().line, m.doi.span().column) == _where(SEED_PDF, "10.3389/fonc")
    assert m.title.text.startswith("Case report: Carcinoma en cuirasse")
    assert m.article_type == "case-report" and seed_pdf.is_case_report
    assert [a.text for a in m.authors] == ["Chongyi Wei", "Jianping Long", "Tao Yang",
                                           "Haicun Zhou", "Xiaoke Chai"]
    assert m.affiliations[0].text.startswith("Department of Breast Surgery")
    assert [(k, d) for k, d, _ in m.dates] == [
        ("received", "2025-11-10"), ("revised", "2026-02-17"),
        ("accepted", "2026-02-19"), ("published", "2026-03-04")]
    assert m.dates[0][2].text == "10 November 2025"
    assert [k.text for k in m.keywords][:2] == ["breast cancer", "carcinoma en cuirasse"]


def test_seed_pdf_sections(seed_pdf):
    heads = [b.text.text for b in seed_pdf.blocks if b.kind == "heading"]
    assert heads[:4] == ["Introduction", "Case presentation", "Discussion", "Conclusion"]
    abstract = [b.section for b in seed_pdf.blocks if b.in_abstract]
    assert abstract == [("Abstract", s) for s in ("Rationale", "Patient concerns", "Diagnoses",
                                                  "Interventions", "Outcomes", "Lessons")]


def test_seed_pdf_references_survive_interruption(seed_pdf):
    refs = seed_pdf.references
    assert [r.label for r in refs] == [str(i) for i in range(1, 21)]
    r1, r9 = refs[0], refs[8]
    assert r1.authors == ("Strickley JD", "Jenson AB", "Jung JY")
    assert (r1.title, r1.year, r1.volume, r1.pages) == ("Cutaneous metastasis", "2019", "33",
                                                         "173–97")
    assert r1.doi == "10.1016/j.hoc.2018.08.008"
    assert r9.authors[0] == "Hu SC" and r9.year == "2008"
    # the back matter between entries 8 and 9 is ordinary content in its own sections
    ack = _block_with(seed_pdf, "I wish to extend my sincere appreciation")
    assert ack.section == ("Acknowledgments",) and ack.kind == "paragraph"
    grant = _block_with(seed_pdf, "Lanzhou Youth Science")
    assert grant.section == ("Funding",)
    assert not any("Lanzhou" in r.text.text or "Acknowledg" in r.text.text for r in refs)


def test_web_article_furniture_dropped(seed_web):
    assert seed_web.kind == "text"
    for b in seed_web.blocks:
        for furniture in ("Free cancer support", "Scroll to Top", "Contact our professional team",
                          "Hong Kong Cancer Support Network"):
            assert furniture not in b.text.text


def test_web_article_structure(seed_web):
    assert seed_web.meta.title.text.startswith("Cutaneous Metastasis of Breast Cancer")
    items = [b for b in seed_web.blocks if b.kind == "list-item"]
    assert items[0].text.text.startswith("Lymphatic spread:")  # bullet is not text
    assert items[0].section == ("Mechanisms and Pathological Features",)
    b = _block_with(seed_web, "approximately 20–25% of patients")
    assert b.section == ("Clinical Significance of Breast Cancer Skin Metastasis",)


def test_web_article_references(seed_web):
    refs = seed_web.references
    assert len(refs) == 11 and all(r.label == "" for r in refs)
    arends = refs[0]
    assert arends.authors[:2] == ("Arends J", "Bachmann P")
    assert (arends.year, arends.source, arends.volume, arends.pages) == (
        "2021", "Clinical Nutrition", "40", "2898–2913")
    assert arends.title == "ESPEN guidelines on nutrition in cancer patients"


def test_markdown_headings_links_and_joins():
    src = Source("x.md", "# A trial\n\n## Results\n\nSee [the trial](https://example.org) for de-\n"
                         "tails and\nthe ﬁgures.\n\n### Safety\n\n- one item\n- two items\n")
    r = read_text(src, "text")
    assert r.meta.title.text == "A trial"
    heads = [(b.text.text, b.section) for b in r.blocks if b.kind == "heading"]
    assert heads == [("Results", ("Results",)), ("Safety", ("Results", "Safety"))]
    para = _block_with(r, "See the trial for")
    assert para.text.text == "See the trial for details and the figures."
    i = para.text.text.index("figures")
    assert para.text.span(i, i + 7).line == 7  # the expanded ligature still points at line 5
    assert [b.text.text for b in r.blocks if b.kind == "list-item"] == ["one item", "two items"]


@pytest.mark.parametrize("text", ["", "\n\n\n", "x" * 5_000_000, "\f\f\f", "\u00ad\ufb01\u202e",
                                  "References\n1.\n2.\n", "# \n#\n- \n* *", "FIGURE 1\n"])
def test_odd_input_never_crashes(text):
    for kind in ("text", "pdftext"):
        r = read_text(Source("odd.txt", text), kind)
        assert all(isinstance(b.text.text, str) for b in r.blocks)


def test_unreadable_file_is_a_read_error(tmp_path):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"hello \xff\xfe world\n")
    with pytest.raises(ReadError):
        read(p)


@needs_corpus
def test_corpus_pdftext_files_read(subtests=None):
    for path in PDFTEXTS:
        data = Path(path).read_bytes()
        assert looks_like_pdf_text(data), path
        r = read(path)
        assert r.kind == "pdftext" and len(r.blocks) > 10, path
        assert all("\f" not in b.text.text for b in r.blocks), path


@needs_corpus
def test_running_heads_and_page_numbers_dropped():
    path = CORPUS / "pairs" / "PMC4558530" / "article.pdftotext.txt"
    r = read(path)
    assert r.meta.doi.text == "10.3389/fmicb.2015.00892"
    assert r.meta.journal.text == "Frontiers in Microbiology"
    for b in r.blocks:
        assert "www.frontiersin.org" not in b.text.text
        assert not re.search(r"September 2015 \| Volume 6", b.text.text)
        assert b.text.text not in {"Kalagatur et al.", "Antimycotoxin activity of OSEO"}
    plos = read(CORPUS / "pairs" / "PMC12077731" / "article.pdftotext.txt")
    assert not any("https://doi.org/10.1371/journal.pone.0323994 May" in b.text.text
                   or re.fullmatch(r"\d+ / 10", b.text.text) for b in plos.blocks)


@needs_corpus
def test_a_sentence_end_on_two_pages_is_text_not_furniture():
    """PMC12124168: "et al., 2021)." ends a line near the bottom of page 2 and again on another
    page; it ends a sentence ("(Chaves, et al., 2021).") and is not a running footer (the
    XML has it: LC101 reported it missing from the PDF until this rule)."""
    r = read(CORPUS / "pairs" / "PMC12124168" / "article.pdftotext.txt")
    body = " ".join(b.text.text for b in r.blocks)
    assert "wild meat use (Chaves, et al., 2021)." in body


@needs_corpus
def test_pdftext_hyphenation_and_soft_hyphens():
    path = CORPUS / "pairs" / "PMC12077731" / "article.pdftotext.txt"
    r = read(path)
    b = _block_with(r, "Serengeti-Ngorongoro Man and Biosphere")  # hyphen kept before a capital
    i = b.text.text.index("Ngorongoro Man")
    assert b.text.span(i, i + 10).line == _where(path, "Ngorongoro Man and Biosphere")[0]
    assert any("near-threatened" in x.text.text for x in r.blocks)  # soft hyphen dropped
    src = Source("h.txt", "The treat-\nment was effec-\ntive and anti-\nTNF based.\n")
    t = read_text(src, "pdftext").blocks[0].text
    assert t.text == "The treatment was effective and anti-TNF based."


@needs_corpus
def test_pdftext_front_matter_and_references():
    r = read(CORPUS / "pairs" / "PMC4558530" / "article.pdftotext.txt")
    assert r.meta.title.text.startswith("Antagonistic activity of Ocimum sanctum L. essential")
    assert r.meta.authors[0].text == "Naveen K. Kalagatur"
    assert ("received", "2015-05-11") in [(k, d) for k, d, _ in r.meta.dates]
    assert not any(b.text.text.startswith(("Edited by", "Reviewed by")) for b in r.blocks)
    abstract = [b for b in r.blocks if b.in_abstract]
    assert abstract and abstract[0].text.text.startswith("The present study was aimed")
    huang = next(x for x in r.references if x.authors[:1] == ("Huang D",))
    assert huang.year == "2005" and huang.volume == "53"
    ieee = read(CORPUS / "pairs" / "PMC5971330" / "article.pdftotext.txt").references
    assert ieee[0].label == "1" and ieee[0].authors[:2] == ("Chatterjee RN", "Haunshi S")
    assert ieee[0].title.startswith("Native chicken production and marketing")


def test_electronic_page_numbers_are_page_furniture():
    # The Lancet (doi:10.1016/S2214-109X(20)30313-2) and Medicina Oral number pages "e1312";
    # pdftotext puts the number after the first column, in the middle of the page's text
    words = ["alpha", "bravo", "charlie", "delta"]
    pages = []
    for n, w in zip(range(1305, 1309), words):
        lines = [f"Line {i} of the {w} page goes on with its text," for i in range(1, 13)]
        lines[2] = f"On page {n} the trial went on, and the {w} groups were"
        lines.insert(6, f"e{n}")  # mid-page, not at its edge
        pages.append("\n".join(lines) + "\n")
    r = read_text(Source("lancet.txt", "\f".join(pages)), "pdftext")
    text = " ".join(b.text.text for b in r.blocks)
    assert not re.search(r"\be13\d\d\b", text), text
    assert "On page 1306 the trial" in text
    # one such line on one page is text, not a page number
    r = read_text(Source("one.txt", "Results\nThe first line of the page.\nThe second line.\n"
                                    "The third line.\nThe e-value was\ne12\nin the last run,\n"
                                    "as the table shows.\nThe fifth line.\nThe sixth line.\n"
                                    "The seventh line.\nThe eighth line.\n"), "pdftext")
    assert "e12" in " ".join(b.text.text for b in r.blocks)
