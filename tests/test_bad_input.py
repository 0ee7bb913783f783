"""Bad input: a clear error naming file, line and reason; the other files are still checked;
exit 2 only when nothing could be checked; no input file is ever written to."""
from __future__ import annotations

import hashlib
import shutil

from conftest import PDF_SEED, SEEDS, XML_SEED, run, run_json


def digest(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def folder_with(tmp_path, files: dict):
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(XML_SEED, d)
    shutil.copy(PDF_SEED, d)
    for name, data in files.items():
        (d / name).write_bytes(data)
    return d


BAD = {
    "empty.xml": b"",
    "binary.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
    "truncated.xml": b'<?xml version="1.0"?>\n<article>\n<body><p>Cut off in the mid',
    "mismatched.xml": b'<?xml version="1.0"?>\n<article>\n<body><p>bad</sec></body></article>',
    "latin1.txt": "Caf\xe9 au lait: a case report\n".encode("latin-1"),
    "nojats.xml": b'<?xml version="1.0"?>\n<catalog><book/></catalog>',
}


def test_each_bad_file_is_an_error_and_the_rest_is_checked(tmp_path):
    d = folder_with(tmp_path, BAD)
    code, doc = run_json(d)
    errors = {e["path"].rsplit("/", 1)[-1]: e for e in doc["errors"]}
    assert set(errors) == set(BAD)
    assert errors["empty.xml"]["reason"] == "empty file"
    assert "NUL" in errors["binary.txt"]["reason"]
    assert errors["truncated.xml"]["line"] == 3 and "malformed XML" in errors["truncated.xml"]["reason"]
    assert errors["mismatched.xml"]["line"] == 3 and "mismatched tag" in errors["mismatched.xml"]["reason"]
    assert errors["latin1.txt"]["line"] == 1 and "utf-8" in errors["latin1.txt"]["reason"]
    assert "no <article>" in errors["nojats.xml"]["reason"]
    # the good renderings were still checked: the seed defects are found
    assert {"LC101", "LC201", "LC202"} <= {f["rule"] for f in doc["findings"]}
    assert code == 1


def test_errors_show_in_text_output(tmp_path):
    d = folder_with(tmp_path, {"truncated.xml": BAD["truncated.xml"]})
    _, out = run("check", d)
    assert f"{d}/truncated.xml:3:" in out and "LC901 [error] malformed XML" in out


def test_nothing_checkable_exits_2(tmp_path):
    d = tmp_path / "only-bad"
    d.mkdir()
    (d / "empty.xml").write_bytes(b"")
    code, doc = run_json(d)
    assert code == 2 and len(doc["errors"]) == 1 and doc["articles"] == []


def test_missing_path_is_an_error_not_a_crash(tmp_path):
    code, doc = run_json(tmp_path / "nope.xml", SEEDS)
    assert any("no such file" in e["reason"] for e in doc["errors"])
    assert code == 1


def test_inputs_are_never_written(tmp_path):
    d = folder_with(tmp_path, BAD)
    before = digest(d)
    run_json(d)
    run("check", d, "--output", tmp_path / "report.txt")
    assert digest(d) == before
    assert (tmp_path / "report.txt").read_text().count("LC901") == len(BAD)
