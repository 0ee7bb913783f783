"""Broken files get a clear error naming the file, the line where known and the reason, in every
output format; the run goes on with the other files. Large and deep inputs finish with bounded
time and memory."""
from __future__ import annotations

import codecs
import html
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, run_json
from hostile_inputs import SEED_RULES, folder_with, jats, utf16
from lintcase.cli import main
from lintcase.formatters import NAMES
from lintcase.readers import MAX_BYTES, read

ARTICLE = jats("<p>The patient was followed for 12 months.</p>", "A readable case")
PARA = "<p>The patient was seen again.</p>\n"


def _truncated(at: str) -> bytes:
    data = jats(PARA * 3 + "<p>A caf&eacute; &amp; <bold>bold</bold> <![CDATA[raw]]> <!-- note --> end</p>")
    return data[:data.index(at.encode()) + len(at) // 2 + 1]


# file name -> (bytes, expected line or None when not asserted, words of the reason)
BROKEN = {
    "truncated_tag.xml": (_truncated("<bold>"), 8, "malformed XML"),
    "truncated_entity.xml": (_truncated("&eacute;"), 8, "malformed XML"),
    "truncated_cdata.xml": (_truncated("<![CDATA[raw]]>"), 8, "malformed XML"),
    "truncated_comment.xml": (_truncated("<!-- note -->"), 8, "malformed XML"),
    "truncated_root.xml": (b'<?xml version="1.0"?>\n<article article-ty', 2, "malformed XML"),
    "latin1_declared_utf8.xml": ('<?xml version="1.0" encoding="UTF-8"?>\n<article>\n<body><p>Caf\xe9'
                                 "</p></body></article>\n".encode("latin-1"), 3, "not valid utf-8"),
    "mixed_encoding.txt": (("A case report\n\n" + "Plain UTF-8 prose, naïve and fine.\n" * 5
                            ).encode() + "Then cp1252 “quotes”.\n".encode("cp1252"), 8,
                           "not valid utf-8"),
    "utf16_declared_ascii.xml": (b'<?xml version="1.0" encoding="UTF-16"?>\n<article><body><p>x'
                                 b"</p></body></article>", 1, "declares encoding 'utf-16'"),
    "unknown_encoding.xml": (b'<?xml version="1.0" encoding="x-klingon"?>\n<article><body><p>x'
                             b"</p></body></article>", 1, "unknown encoding"),
    "utf16_no_bom.txt": (utf16("A case report\n\nWritten in UTF-16 without a mark.\n", bom=False),
                         1, "UTF-16 without a byte-order mark"),
    "nul_bytes.txt": (b"A case report\n\nLine three.\nLine \x00four.\n", 4, "NUL bytes"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), 3, "NUL bytes"),
    "binary_no_nul.md": (bytes(range(0x80, 0x100)) * 8, 1, "not valid utf-8"),
    "gzip.xml": (b"\x1f\x8b\x08\x00" + bytes(range(1, 200)), 1, "NUL bytes"),
    "empty.xml": (b"", 1, "empty file"),
    "blank.txt": (b"  \n\t\n\n", 1, "empty file"),
    "bom_only.txt": (codecs.BOM_UTF8, 1, "empty file"),
    "utf16_bom_only.txt": (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), 1, "empty file"),
    "nested_10000.xml": (jats("<sec>" * 10000 + "<p>deep</p>" + "</sec>" * 10000), 5, "nested deeper"),
    "nested_10000_inline.xml": (jats("<p>" + "<bold>" * 10000 + "deep" + "</bold>" * 10000 + "</p>"),
                                5, "nested deeper"),
    # regression: under the old limit of 2000 levels this raised RecursionError out of read()
    "nested_1990_inline.xml": (jats("<p>" + "<italic>" * 1990 + "deep" + "</italic>" * 1990 + "</p>"),
                               5, "nested deeper"),
    "damaged.pdf": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R", None,
                    "a PDF file"),
    "encrypted.pdf": (b"%PDF-1.4\n1 0 obj<</Filter/Standard/V 2/R 3/O(x)/U(y)/P -4>>endobj\n"
                      b"trailer<</Root 2 0 R/Encrypt 1 0 R>>\n%%EOF\n", None, "a PDF file"),
    "pdf_named.txt": (b"%PDF-1.5\n" + bytes(range(1, 255)), None, "a PDF file"),
    "not_jats.xml": (b'<?xml version="1.0"?>\n<catalog><book>x</book></catalog>', 1, "no <article>"),
}

# read and checked safely: (bytes, expected kind)
READABLE = {
    "utf16_bom_le.xml": (utf16('<?xml version="1.0" encoding="UTF-16"?>\n' + ARTICLE.decode()
                               .split("\n", 1)[1].replace("A readable case", "A UTF-16 LE case")), "jats"),
    "utf16_bom_be.xml": (utf16(ARTICLE.decode().replace("A readable case", "A UTF-16 BE case"),
                               big_endian=True), "jats"),
    "utf16_no_bom.xml": (utf16('<?xml version="1.0" encoding="UTF-16"?>\n' + ARTICLE.decode()
                               .split("\n", 1)[1].replace("A readable case", "A UTF-16 case"),
                               bom=False), "jats"),
    "utf8_bom.xml": (codecs.BOM_UTF8 + ARTICLE.replace(b"A readable case", b"A BOM case"), "jats"),
    "latin1_declared.xml": ('<?xml version="1.0" encoding="ISO-8859-1"?>\n<article><front><article-meta>'
                            "<title-group><article-title>Un caf\xe9 case</article-title></title-group>"
                            "</article-meta></front><body><p>Caf\xe9 au lait.</p></body></article>"
                            .encode("latin-1"), "jats"),
    "utf16_bom.md": (utf16("# A UTF-16 text case\n\nFirst paragraph here.\n\nThen the the doubled "
                           "word on line five.\n"), "text"),
    "nested_10000.html": (("<!DOCTYPE html><html><head><title>Deep page case</title></head><body>"
                           "<article><h1>Deep page case</h1>" + "<div>" * 10000 + "<p>Deep text.</p>"
                           + "</div>" * 10000 + "</article></body></html>").encode(), "html"),
    "nested_150.xml": (jats("<p>" + "<bold>" * 150 + "Deep but fine." + "</bold>" * 150 + "</p>",
                            "A nested case"), "jats"),
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    files = {name: data for name, (data, *_) in BROKEN.items()}
    files.update({name: data for name, (data, _) in READABLE.items()})
    folder = folder_with(tmp_path_factory.mktemp("broken"), files)
    code, doc = run_json(folder, "--no-cache")
    return folder, code, doc


def test_every_broken_file_is_one_error_and_nothing_else_is(broken):
    folder, code, doc = broken
    errors = {Path(e["path"]).name: e for e in doc["errors"]}
    assert set(errors) == set(BROKEN)
    assert all(e["code"] == "LC901" for e in errors.values())
    assert code == 1  # the seed pair was checked: findings, not "nothing could be checked"


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_broken_file_error_names_file_line_and_reason(broken, name):
    folder, _, doc = broken
    _, line, reason = BROKEN[name]
    e = next(e for e in doc["errors"] if e["path"] == str(folder / name))
    assert reason in e["reason"]
    if line is not None:
        assert e["line"] == line


def test_the_run_goes_on_with_the_good_files(broken):
    folder, _, doc = broken
    assert SEED_RULES <= {f["rule"] for f in doc["findings"]}
    checked = {Path(r["path"]).name: r["kind"] for a in doc["articles"] for r in a["renderings"]}
    for name, (_, kind) in READABLE.items():
        assert checked.get(name) == kind, name


def test_utf16_reads_with_exact_places(broken):
    folder, _, doc = broken
    assert read(folder / "utf16_bom_le.xml").meta.title.text == "A UTF-16 LE case"
    assert read(folder / "utf16_bom_be.xml").meta.title.text == "A UTF-16 BE case"
    assert read(folder / "utf16_no_bom.xml").meta.title.text == "A UTF-16 case"
    hit = next(f for f in doc["findings"] if f["rule"] == "LC401"
               and f["locations"][0]["path"].endswith("utf16_bom.md"))
    loc = hit["locations"][0]
    assert (loc["line"], loc["column"], loc["end_column"]) == (5, 6, 13)  # "the the"


@pytest.mark.parametrize("fmt", [f for f in NAMES if f != "json"])
def test_errors_are_named_in_every_output_format(broken, fmt):
    folder, _, doc = broken
    out = CliRunner().invoke(main, ["check", "--no-cache", str(folder), "--format", fmt]).stdout
    out = out.replace("<wbr>", "")  # html breaks long paths after each slash
    for e in doc["errors"]:
        reason = e["reason"]
        assert e["path"] in out or json.dumps(e["path"])[1:-1] in out, e["path"]
        assert any(r in out for r in (reason, html.escape(reason), json.dumps(reason)[1:-1],
                                      html.escape(reason, quote=False))), (fmt, reason)


def _measured_run(folder: Path, out: Path) -> tuple[int, float, int]:
    """Run the CLI in a fresh interpreter; (exit code, seconds, peak RSS in MB)."""
    code = (
        "import resource, sys\n"
        "from lintcase.cli import main\n"
        "try:\n"
        "    main(sys.argv[1:])\n"
        "except SystemExit as e:\n"
        "    rc = e.code\n"
        "rss = max(resource.getrusage(who).ru_maxrss for who in\n"
        "          (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))  # -j workers too\n"
        "print(rc, rss // 1024, file=sys.stderr)\n"
    )
    started = time.monotonic()
    p = subprocess.run([sys.executable, "-c", code, "check", str(folder), "--format", "json",
                        "--no-cache", "-o", str(out)], capture_output=True, text=True, timeout=300, cwd=ROOT,
                       env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.monotonic() - started
    rc, rss = p.stderr.strip().splitlines()[-1].split()
    return int(rc), elapsed, int(rss)


def test_a_50_mb_file_finishes_with_bounded_memory(tmp_path):
    folder = folder_with(tmp_path, {})
    para = ("<p>The patient, a 54-year-old man, was treated for a lesion of the dermis and "
            "followed for several months after the excision.</p>\n")
    chunk = ('<sec><title>Case</title>\n' + para * 200 + "</sec>\n").encode()
    big = folder / "huge.xml"
    with big.open("wb") as f:
        f.write(jats("").split(b"<body>")[0] + b"<body>")
        while f.tell() < 50 * 2**20:
            f.write(chunk)
        f.write(b"</body></article>\n")
    assert big.stat().st_size > MAX_BYTES
    out = tmp_path / "report.json"
    rc, elapsed, rss_mb = _measured_run(folder, out)
    doc = json.loads(out.read_text())
    e = next(e for e in doc["errors"] if e["path"] == str(big))
    assert "MB" in e["reason"] and "larger than" in e["reason"]
    assert SEED_RULES <= {f["rule"] for f in doc["findings"]} and rc == 1
    # reading it would take ~350 MB in the reader alone and minutes in the checks
    assert rss_mb < 250, f"peak RSS {rss_mb} MB"
    assert elapsed < 60


def test_one_5_mb_line_is_checked_safely(tmp_path):
    words = ("The patient had a small lesion on the left forearm which was excised under local "
             "anaesthesia and sent for histology while follow-up continued for several months ")
    line = (words * (5 * 2**20 // len(words) + 1))[:5 * 2**20]
    folder = folder_with(tmp_path, {"one_line.txt": line.encode()})
    started = time.monotonic()
    code, doc = run_json(folder, "--no-cache")
    assert time.monotonic() - started < 60
    checked = {r["path"] for a in doc["articles"] for r in a["renderings"]}
    errors = {e["path"] for e in doc["errors"]}
    assert str(folder / "one_line.txt") in checked | errors
    assert SEED_RULES <= {f["rule"] for f in doc["findings"]} and code == 1
