"""Shared test helpers: where the seeds and the corpus are, and running the real CLI."""
from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from lintcase.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT.parent / "shared" / "corpus"
XML_SEED = SEEDS / "001_c8d4cfef30c71cfc.txt"
PDF_SEED = SEEDS / "000_21b8ec792d507bee.txt"
WEB_SEED = SEEDS / "002_6f95c904f013088c.txt"

FINDINGS_SCHEMA = json.loads(
    resources.files("lintcase.schemas").joinpath("findings.schema.json").read_text())

needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the repo")


def folder_per_kind(tmp_path: Path) -> Path:
    """Two articles laid out as xml/NAME.xml and text/NAME.txt: a layout whose small folders
    split each article across chunks (it is checked again whole)."""
    import shutil
    cases = ROOT / "tests" / "cases" / "LC101" / "fail"
    for kind in ("xml", "text"):
        (tmp_path / kind).mkdir()
    for name, folder, text in (("seed", "seed-intro", "article.txt"),
                               ("frog", "plos-frog-intro", "article.pdftotext.txt")):
        shutil.copy(cases / folder / "article.xml", tmp_path / "xml" / f"{name}.xml")
        shutil.copy(cases / folder / text, tmp_path / "text" / f"{name}.txt")
    return tmp_path


def run(*args: str) -> tuple[int, str]:
    """Run `lintcase ARGS` in-process; returns (exit code, stdout)."""
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout


def run_json(*args: str) -> tuple[int, dict]:
    """Run `lintcase check ... --format json`, validating the output against the public schema."""
    code, out = run("check", *args, "--format", "json")
    doc = json.loads(out)
    jsonschema.validate(doc, FINDINGS_SCHEMA)
    return code, doc


@pytest.fixture
def article(tmp_path):
    """A folder holding a copy of the seed article's JATS and PDF text (safe to edit)."""
    import shutil
    d = tmp_path / "a"
    d.mkdir()
    shutil.copy(XML_SEED, d / "article.xml")
    shutil.copy(PDF_SEED, d / "article.txt")
    return d
