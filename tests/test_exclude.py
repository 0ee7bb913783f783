"""What lintcase reads: never its own reports, never a repository's README.md (unless a
rendering beside it shares its name), not what `exclude`/`extend-exclude` or .gitignore leave
out."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from click.testing import CliRunner

from conftest import PDF_SEED, XML_SEED
from lintcase.cli import main


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "repo" / "a"
    d.mkdir(parents=True)
    shutil.copy(XML_SEED, d / "article.xml")
    shutil.copy(PDF_SEED, d / "article.txt")
    return d


def read_files(*args):
    result = CliRunner().invoke(main, ["check", *map(str, args), "--no-cache", "--format", "json"])
    doc = json.loads(result.stdout)
    return sorted(r["path"].rsplit("/", 1)[-1] for a in doc["articles"] for r in a["renderings"])


@pytest.mark.parametrize("fmt,name", [("html", "report.html"), ("json", "report.txt"),
                                      ("sarif", "lintcase.sarif.txt"), ("text", "report.txt"),
                                      ("jsonl", "report.md"), ("github", "report.txt"),
                                      ("gitlab", "gl-code-quality.txt"), ("rdjsonl", "rd.txt"),
                                      ("concise", "report.txt"), ("statistics", "stats.md")])
def test_own_reports_in_a_checked_folder_are_not_read(folder, fmt, name):
    before = read_files(folder)
    CliRunner().invoke(main, ["check", str(folder), "--no-cache", "--format", fmt,
                              "-o", str(folder / name)])
    assert read_files(folder) == before
    assert read_files(folder / "article.xml") == before  # nor as a sibling


def test_readme_is_not_an_article(folder):
    before = read_files(folder.parent)
    (folder.parent / "README.md").write_text("# Our journal\n\nThe the articles live in a/.\n")
    assert read_files(folder.parent) == before
    assert read_files(folder.parent / "README.md") == []  # pre-commit names it too


def test_exclude_and_extend_exclude(folder):
    root = folder.parent
    other = root / "drafts"
    other.mkdir()
    shutil.copy(XML_SEED, other / "draft.xml")
    assert "draft.xml" in read_files(root)
    (root / ".lintcase.yaml").write_text("extend-exclude: [drafts]\n")
    assert "draft.xml" not in read_files(root)
    (root / ".lintcase.yaml").write_text("exclude: ['a/*.txt']\n")
    assert read_files(root) == ["article.xml", "draft.xml"]


def test_gitignore_is_respected_without_git(folder):
    (folder.parent / ".gitignore").write_text("# generated\n*.txt\n")
    assert read_files(folder.parent) == ["article.xml"]
    assert read_files(folder / "article.xml") == ["article.xml"]  # siblings too
    (folder.parent / ".lintcase.yaml").write_text("respect-gitignore: false\n")
    assert read_files(folder.parent) == ["article.txt", "article.xml"]


@pytest.mark.skipif(shutil.which("git") is None, reason="no git")
def test_gitignore_is_respected_in_a_work_tree(folder):
    subprocess.run(["git", "init", "-q", str(folder.parent)], check=True)
    (folder / ".gitignore").write_text("article.txt\n")
    assert read_files(folder.parent) == ["article.xml"]
