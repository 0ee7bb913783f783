"""Packages and bulk archives read in place (issue 18): a zip or a tar.gz gives the folder's
findings, named ARCHIVE!MEMBER; a hostile or damaged archive gives input errors, never a
crash, a write or a read outside the archive."""
from __future__ import annotations

import hashlib
import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import jsonschema
import pytest

from conftest import CORPUS, FINDINGS_SCHEMA, ROOT, SEEDS, needs_corpus, run
from lintcase import archives


def _json(*args, jobs: int = 1) -> tuple[int, dict]:
    code, out = run("check", *map(str, args), "--format", "json", "--no-cache", "--jobs",
                    str(jobs))
    doc = json.loads(out)
    jsonschema.validate(doc, FINDINGS_SCHEMA)
    return code, doc


def _plain(doc: dict, prefix: str) -> list[str]:
    """The findings with `prefix` taken off every path."""
    def strip(p: str) -> str:
        assert p.startswith(prefix), p
        return p[len(prefix):]
    return sorted(json.dumps({**f, "locations": [{**loc, "path": strip(loc["path"])}
                                                 for loc in f["locations"]]}, sort_keys=True)
                  for f in doc["findings"])


def _pack(folder: Path, out: Path) -> tuple[Path, Path]:
    z = shutil.make_archive(str(out / "pack"), "zip", folder.parent, folder.name)
    t = out / "pack.tar.gz"
    with tarfile.open(t, "w:gz") as tar:
        tar.add(folder, arcname=folder.name)
    return Path(z), t


def _sample(tmp_path: Path) -> Path:
    """The seeds and three pairs2 articles of different publishers, in one folder."""
    root = tmp_path / "delivery"
    shutil.copytree(SEEDS, root / "seeds")
    if CORPUS.is_dir():
        for name in sorted(p.name for p in (CORPUS / "pairs2").iterdir())[:60:20]:
            shutil.copytree(CORPUS / "pairs2" / name, root / name)
    return root


def test_a_zip_and_a_tar_gz_give_the_folders_findings(tmp_path, monkeypatch):
    root = _sample(tmp_path)
    zipped, tarred = _pack(root, tmp_path)
    monkeypatch.chdir(tmp_path)
    code, folder = _json("delivery")
    assert folder["findings"] and code == 1
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (zipped, tarred)}
    listing = sorted(p.name for p in tmp_path.iterdir())
    for archive, jobs in (("pack.zip", 1), ("pack.tar.gz", 1), ("pack.zip", 2),
                          ("pack.tar.gz", 2)):
        code_a, doc = _json(archive, jobs=jobs)  # workers read apart (no shared file offset)
        assert code_a == code and doc["summary"]["articles"] == folder["summary"]["articles"]
        assert _plain(doc, f"{archive}!") == _plain(folder, "")
        assert doc["errors"] == []
        paths = {r["path"] for a in doc["articles"] for r in a["renderings"]}
        assert all(p.startswith(f"{archive}!delivery/") for p in paths)
    _, text = run("check", "pack.zip", "--no-cache", "--format", "concise")
    assert "pack.zip!delivery/seeds/001_c8d4cfef30c71cfc.txt:111:208: LC202 [error]" in text
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (zipped, tarred)}
    assert sorted(p.name for p in tmp_path.iterdir()) == listing  # nothing written beside


def test_sarif_names_an_archive_member_as_a_nested_artifact(tmp_path, monkeypatch):
    zipped, _ = _pack(SEEDS, tmp_path)
    monkeypatch.chdir(tmp_path)
    _, out = run("check", "pack.zip", "--no-cache", "--format", "sarif")
    run_ = json.loads(out)["runs"][0]
    arts = run_["artifacts"]
    assert arts[0]["location"]["uri"] == "pack.zip"
    loc = run_["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    member = arts[loc["index"]]
    assert member["parentIndex"] == 0 and member["location"]["uri"] == loc["uri"]
    assert loc["uri"].startswith("seeds/")


def _zip(path: Path, entries) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in entries:
            z.writestr(info, data)
    return path


def _seed_xml() -> bytes:
    return next(p for p in sorted(SEEDS.iterdir()) if b"<article" in p.read_bytes()[:5000]) \
        .read_bytes()


def test_hostile_zip_members_are_input_errors(tmp_path):
    link = zipfile.ZipInfo("seeds/link.xml")
    link.external_attr = 0o120777 << 16  # a symbolic link, as Info-ZIP stores one
    archive = _zip(tmp_path / "hostile.zip", [
        ("../escape.xml", _seed_xml()),
        ("/etc/absolute.xml", _seed_xml()),
        (link, "/etc/passwd"),
        ("bomb.xml", b"\0" * (30 * 2**20)),
        ("seeds/article.xml", _seed_xml()),
    ])
    code, doc = _json(archive)
    reasons = {e["path"].split("!", 1)[1]: e["reason"] for e in doc["errors"]}
    assert "climbs out" in reasons["../escape.xml"]
    assert "absolute" in reasons["/etc/absolute.xml"]
    assert "link" in reasons["seeds/link.xml"]
    assert "zip bomb" in reasons["bomb.xml"]
    assert doc["summary"]["articles"] == 1 and code == 1  # the good member is still checked
    assert not (tmp_path.parent / "escape.xml").exists()


def _tar(path: Path, members) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def test_hostile_tar_members_are_input_errors(tmp_path):
    xml = _seed_xml()
    good = tarfile.TarInfo("a/article.xml")
    good.size = len(xml)
    up = tarfile.TarInfo("../../up.xml")
    up.size = len(xml)
    sym = tarfile.TarInfo("a/link.xml")
    sym.type, sym.linkname = tarfile.SYMTYPE, "/etc/passwd"
    hard = tarfile.TarInfo("a/hard.xml")
    hard.type, hard.linkname = tarfile.LNKTYPE, "a/article.xml"
    dev = tarfile.TarInfo("a/dev.xml")
    dev.type = tarfile.CHRTYPE
    archive = _tar(tmp_path / "hostile.tar.gz", [(good, xml), (up, xml), (sym, None),
                                                 (hard, None), (dev, None)])
    code, doc = _json(archive)
    reasons = {e["path"].split("!", 1)[1]: e["reason"] for e in doc["errors"]}
    assert "climbs out" in reasons["../../up.xml"]
    assert "link" in reasons["a/link.xml"] and "link" in reasons["a/hard.xml"]
    assert "device" in reasons["a/dev.xml"]
    assert doc["summary"]["articles"] == 1 and code == 1


def test_a_member_declared_larger_than_any_article_is_refused_unread(tmp_path):
    """A 4 GB member (only its header is there: the archive ends after it)."""
    small = _seed_xml()
    ok = tarfile.TarInfo("a/article.xml")
    ok.size = len(small)
    huge = tarfile.TarInfo("a/huge.xml")
    huge.size = 4 * 2**30
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        tar.addfile(ok, io.BytesIO(small))
    data = raw.getvalue().rstrip(b"\0") + b"\0" * (-len(raw.getvalue().rstrip(b"\0")) % 512)
    (tmp_path / "huge.tar").write_bytes(data + huge.tobuf() + b"x" * 1024)
    code, doc = _json(tmp_path / "huge.tar")
    reasons = {e["path"]: e["reason"] for e in doc["errors"]}
    assert "larger than any article" in reasons[f"{tmp_path / 'huge.tar'}!a/huge.xml"]
    assert doc["summary"]["articles"] == 1


@pytest.mark.parametrize("kind", ["zip", "tar.gz"])
def test_a_truncated_archive_is_an_input_error(tmp_path, kind):
    zipped, tarred = _pack(SEEDS, tmp_path)
    whole = zipped if kind == "zip" else tarred
    cut = tmp_path / f"cut.{kind}"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    code, doc = _json(cut)
    assert doc["errors"] and all(str(cut) in e["path"] for e in doc["errors"])
    assert code == 2 if not doc["articles"] else code in (0, 1)
    reasons = " ".join(e["reason"] for e in doc["errors"])
    assert "damaged" in reasons or "truncated" in reasons or "not a readable" in reasons


def test_an_archive_of_nothing_readable_exits_2(tmp_path):
    archive = _zip(tmp_path / "only-bad.zip", [("../x.xml", _seed_xml())])
    code, doc = _json(archive)
    assert code == 2 and len(doc["errors"]) == 1 and not doc["articles"]


def test_member_names_and_folders():
    assert archives.split("d/a.zip!PMC1/article.xml") == ("d/a.zip", "PMC1/article.xml")
    assert archives.split("d/a.tar.gz!x.xml") == ("d/a.tar.gz", "x.xml")
    assert archives.split("d/article.xml") is None and archives.split("wow!.xml") is None
    assert archives.folder("d/a.zip!PMC1/article.xml") == "d/a.zip!PMC1"
    assert archives.folder("d/a.tgz!PMC1.xml") == "d/a.tgz!"
    assert archives.name("d/bulk.tar.gz!PMC1.pdf.txt") == "PMC1.pdf.txt"
