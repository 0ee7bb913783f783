"""Baselines: staleness is judged only for the articles checked in this run; --write-baseline
writes and exits 0; fingerprints do not depend on the PDF extra being installed."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest
from click.testing import CliRunner

from conftest import CORPUS, PDF_SEED, WEB_SEED, XML_SEED
from lintcase.cli import main


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def two(tmp_path):
    """Two articles in two folders."""
    for name, seed in (("one", XML_SEED), ("two", WEB_SEED)):
        (tmp_path / name).mkdir()
        shutil.copy(seed, tmp_path / name / "article.xml" if seed == XML_SEED else
                    tmp_path / name / "page.html")
    shutil.copy(PDF_SEED, tmp_path / "one" / "article.txt")
    return tmp_path


def test_write_baseline_exits_0(two):
    result = invoke("check", two, "--no-cache", "--write-baseline", two / "base.json")
    assert result.exit_code == 0
    assert json.loads((two / "base.json").read_text())["findings"]


def test_entries_of_articles_not_checked_are_not_stale(two):
    base = two / "base.json"
    invoke("check", two, "--no-cache", "--write-baseline", base)
    result = invoke("check", two / "two" / "page.html", "--no-cache", "--baseline", base)
    assert "stale entry" not in result.stderr
    assert result.exit_code == 0


def test_stale_entries_of_a_checked_article_are_still_reported(two):
    base = two / "base.json"
    invoke("check", two, "--no-cache", "--write-baseline", base)
    data = json.loads(base.read_text())
    article = data["findings"][0]["article"]
    data["findings"].append({"fingerprint": "0" * 20, "rule": "LC401", "article": article,
                             "message": "gone"})
    base.write_text(json.dumps(data))
    result = invoke("check", two, "--no-cache", "--baseline", base)
    assert result.stderr.count("stale entry") == 1


PAIR = CORPUS / "pairs" / "PMC4558530"


@pytest.mark.skipif(not (PAIR / "article.pdf").is_file(), reason="corpus PDF pair not here")
def test_fingerprints_do_not_depend_on_the_pdf_extra(tmp_path):
    pytest.importorskip("pypdfium2")
    for name in ("article.xml", "article.pdf"):
        shutil.copy(PAIR / name, tmp_path / name)
    base = tmp_path / "base.json"
    assert invoke("check", tmp_path / "article.xml", "--no-cache", "--write-baseline",
                  base).exit_code == 0
    without = ("import sys; sys.modules['pypdfium2'] = None; from lintcase.cli import main; "
               "main()")
    done = subprocess.run([sys.executable, "-c", without, "check", str(tmp_path / "article.xml"),
                           "--no-cache", "--format", "json", "--baseline", str(base)],
                          capture_output=True, text=True)
    assert json.loads(done.stdout)["findings"] == [], done.stderr
