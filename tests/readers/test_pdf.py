"""PDF files read directly with pypdfium2 (the `pdf` extra), on a real corpus PDF (read-only),
and the clear errors for a missing extra, a damaged and an encrypted PDF."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, run, run_json
from lintcase.readers import ReadError, read

PAIR = CORPUS / "pairs" / "PMC4558530"  # Frontiers in Microbiology, two columns, CC BY
PDF = PAIR / "article.pdf"
needs_pdf = pytest.mark.skipif(not PDF.is_file(), reason="corpus PDF not available")
needs_pdfium = pytest.mark.skipif(
    __import__("importlib").util.find_spec("pypdfium2") is None,
    reason="pypdfium2 (the pdf extra) not installed")


@pytest.fixture(scope="module")
def rendering():
    if not PDF.is_file():
        pytest.skip("corpus PDF not available")
    pytest.importorskip("pypdfium2")
    return read(PDF)


def _block_with(rendering, needle: str):
    found = [b for b in rendering.blocks if needle in b.text.text]
    assert found, f"no block contains {needle!r}"
    return found[0]


def test_pdf_reads_as_an_article(rendering):
    assert rendering.kind == "pdf"
    assert rendering.meta.doi.text == "10.3389/fmicb.2015.00892"
    assert rendering.meta.title.text.startswith("Antagonistic activity of Ocimum sanctum L.")
    sections = {b.section[0] for b in rendering.blocks if b.section}
    assert {"Abstract", "Introduction", "Materials and Methods"} <= sections
    assert len([b for b in rendering.blocks if b.kind == "paragraph"]) > 20
    assert len(rendering.references) > 20
    assert all("\f" not in b.text.text for b in rendering.blocks)


def test_running_heads_dropped_and_hyphens_joined(rendering):
    for b in rendering.blocks:
        assert "www.frontiersin.org" not in b.text.text
        assert b.text.text != "Kalagatur et al. Antimycotoxin activity of OSEO"
    # PDFium marks "non-" at a line end and joins the lines; the reader gets "non-" + a line
    # break back and treats it as in pdftotext output (dropped between lower-case letters)
    b = _block_with(rendering, "moderately water soluble, nonsteroidal estrogenic mycotoxin")
    i = b.text.text.index("nonsteroidal")
    assert b.text.span(i, i + 12).end_line == b.text.span(i, i + 3).line + 1


def test_detached_accents_go_back_on_their_letters(rendering):
    # the PDF draws the accents of "Ložienė" and "Poznań" as glyphs of their own
    text = rendering.source.text
    assert "Ložienė et al., 2007" in text and "Poznań University" in text
    assert "˙" not in text and "´" not in text


def test_location_names_the_page(rendering):
    from lintcase.model import Location
    assert len(rendering.source.pages) == 11 and rendering.source.pages[0] == 0
    b = _block_with(rendering, "Zearalenone binds to estrogen receptors")
    i = b.text.text.index("Zearalenone binds")
    loc = Location.at(rendering, b.text, i, i + 11, b.section_name)
    assert loc.page == 2 and loc.rendering == "pdf"
    line = rendering.source.text.split("\n")[loc.line - 1]
    assert line[loc.column - 1:loc.end_column - 1] == "Zearalenone"
    # page 2 of the file holds the text: the page's own slice of the extracted text has it
    start, end = rendering.source.pages[1], rendering.source.pages[2]
    assert "Zearalenone binds to estrogen receptors" in rendering.source.text[start:end]


def _fake_pdf(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_without_the_extra_the_message_names_it(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # import pypdfium2 -> ImportError
    p = _fake_pdf(tmp_path, "article.pdf", b"%PDF-1.4\n%%EOF\n")
    with pytest.raises(ReadError) as e:
        read(p)
    assert "pip install 'lintcase[pdf]'" in e.value.reason


def test_without_the_extra_the_run_goes_on(tmp_path, monkeypatch):
    from conftest import PDF_SEED, XML_SEED
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    shutil.copy(XML_SEED, tmp_path / "article.xml")
    shutil.copy(PDF_SEED, tmp_path / "article.txt")
    _fake_pdf(tmp_path, "article.pdf", b"%PDF-1.4\n%%EOF\n")
    code, doc = run_json(tmp_path, "--no-cache")
    assert [Path(e["path"]).name for e in doc["errors"]] == ["article.pdf"]
    assert "lintcase[pdf]" in doc["errors"][0]["reason"]
    assert code == 1 and doc["findings"]  # the other renderings were checked


@needs_pdfium
def test_truncated_pdf_is_a_read_error(tmp_path):
    data = PDF.read_bytes() if PDF.is_file() else _encrypted_pdf(encrypt=False)
    p = _fake_pdf(tmp_path, "damaged.pdf", data[:len(data) // 50])
    with pytest.raises(ReadError) as e:
        read(p)
    assert e.value.reason.startswith("a PDF file") and "damaged" in e.value.reason


@needs_pdfium
def test_garbage_after_the_header_is_a_read_error(tmp_path):
    p = _fake_pdf(tmp_path, "garbage.pdf", b"%PDF-1.7\n" + bytes(range(1, 256)) * 4)
    with pytest.raises(ReadError) as e:
        read(p)
    assert "damaged" in e.value.reason


@needs_pdfium
def test_encrypted_pdf_is_a_read_error(tmp_path):
    p = _fake_pdf(tmp_path, "encrypted.pdf", _encrypted_pdf(encrypt=True))
    with pytest.raises(ReadError) as e:
        read(p)
    assert "encrypted" in e.value.reason and "password" in e.value.reason


@needs_pdfium
def test_pdf_without_text_is_a_read_error(tmp_path):
    p = _fake_pdf(tmp_path, "scan.pdf", _encrypted_pdf(encrypt=False))
    with pytest.raises(ReadError) as e:
        read(p)
    assert "without a text layer" in e.value.reason


def _encrypted_pdf(encrypt: bool) -> bytes:
    """A one-page PDF with no text; with `encrypt`, a standard security handler whose user
    password is not empty (its /U entry matches no password), so it opens only with one.
    pypdfium2 cannot write encryption (PDFium has no API for it), hence the hand-made file."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>"]
    if encrypt:
        objects.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <"
                       + b"42" * 32 + b"> /P -4 >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    extra = b" /Encrypt 4 0 R /ID [<" + b"00" * 16 + b"> <" + b"00" * 16 + b">]" if encrypt else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, extra, xref)
    return bytes(out)


@needs_pdf
@needs_pdfium
def test_jats_and_its_pdf_end_to_end(tmp_path):
    shutil.copy(PAIR / "article.xml", tmp_path / "article.xml")
    shutil.copy(PDF, tmp_path / "article.pdf")
    code, doc = run_json(tmp_path, "--no-cache")  # validated against the findings schema
    assert not doc["errors"]
    assert len(doc["articles"]) == 1
    kinds = {r["kind"] for r in doc["articles"][0]["renderings"]}
    assert kinds == {"jats", "pdf"}
    locs = [loc for f in doc["findings"] for loc in f["locations"]]
    # prose rules read the JATS when there is one; the PDF alone is linted itself, with pages
    alone = tmp_path.parent / (tmp_path.name + "-alone")
    alone.mkdir()
    shutil.copy(PDF, alone / "article.pdf")
    _, alone_doc = run_json(alone, "--no-cache")
    alone_locs = [loc for f in alone_doc["findings"] for loc in f["locations"]]
    assert alone_locs and all(loc["rendering"] == "pdf" for loc in alone_locs)
    locs += alone_locs
    for loc in locs:
        assert ("page" in loc) == (loc["rendering"] == "pdf"), loc
    assert all(loc["page"] >= 1 for loc in locs if "page" in loc)
    text_code, text = run("check", tmp_path, "--no-cache")
    assert text_code == code and all(loc["path"] in text for f in doc["findings"]
                                     for loc in f["locations"])
    assert json.loads(run("check", tmp_path, "--no-cache", "--format", "json")[1]) == doc


def test_unmapped_glyphs_are_restored_from_the_documents_own_words():
    from lintcase.readers.pdf import restore_glyphs
    text = "+e cat saw this. +is is the end. Then +us it went on. 3ymus grows."
    unmapped = [(i, ("Minion", "+")) for i, c in enumerate(text) if c == "+"]
    unmapped.append((text.index("3ymus"), ("Minion-It", "3")))
    page2 = "the others: thus, this and that; 1+1 stays."
    out = restore_glyphs([(text, unmapped), (page2, [])])
    assert out[0] == "The cat saw this. This is the end. Then Thus it went on. 3ymus grows."
    assert out[1] == page2  # a "+" PDFium mapped is left alone; "3ymus" has no word to vote
