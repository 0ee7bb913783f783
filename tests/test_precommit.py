"""The pre-commit hook, run the way users run it: `pre-commit try-repo` on a sample repository.

pre-commit builds its own environment with this package installed from the repository, so this
test needs the package index (as any pre-commit user does) and takes a minute.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

CASES = ROOT / "tests" / "cases" / "LC101"
PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                   env={**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"})


# LC101 ships as info (its measured precision on the corpus is low, docs/quality.md); a team that
# keeps its own renderings in git and wants any word difference to stop a commit raises it.
TEAM_CONFIG = "severity: {LC101: warning}\n"


@pytest.fixture(scope="module")
def sample_repo(tmp_path_factory):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs git and a git checkout of lintcase")
    repo = tmp_path_factory.mktemp("journal")
    git(repo, "init", "-q")
    shutil.copytree(CASES / "pass" / "seed-intro", repo / "article")
    (repo / ".lintcase.yaml").write_text(TEAM_CONFIG)
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "clean article")
    return repo


def try_repo(repo: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    return subprocess.run([*PRE_COMMIT, "try-repo", str(ROOT), "lintcase", "--files", *files],
                          cwd=repo, capture_output=True, text=True, env=env, timeout=900)


def test_hook_passes_a_clean_article(sample_repo):
    result = try_repo(sample_repo, "article/article.xml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_stops_a_change_that_introduces_a_defect(sample_repo):
    """Only the XML is passed, as pre-commit does for a one-file change; the hook still compares
    it with the PDF text beside it and stops the commit on the stray word."""
    xml = sample_repo / "article" / "article.xml"
    xml.write_text(xml.read_text().replace("<p>Breast cancer ranks", "<p>For Breast cancer ranks"))
    git(sample_repo, "add", ".")
    result = try_repo(sample_repo, "article/article.xml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Failed" in result.stdout and "LC101" in result.stdout and "“For”" in result.stdout


def test_installed_hook_stops_the_commit(tmp_path_factory):
    """The hook installed with `pre-commit install` from a .pre-commit-config.yaml pointing at
    this repository's HEAD: committing a stray word fails, committing the fix passes."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    if head.returncode != 0 or shutil.which("git") is None:
        pytest.skip("needs git and a committed checkout of lintcase")
    repo = tmp_path_factory.mktemp("journal-installed")
    git(repo, "init", "-q")
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.strip()}\n    hooks:\n      - id: lintcase\n")
    shutil.copytree(CASES / "pass" / "seed-intro", repo / "article")
    (repo / ".lintcase.yaml").write_text(TEAM_CONFIG)
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home"),
           "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@t"}
    subprocess.run([*PRE_COMMIT, "install"], cwd=repo, check=True, capture_output=True, env=env)
    # pre-commit's git hook runs `pre-commit` from PATH or this interpreter: make sure it finds it
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")

    def commit(message: str) -> subprocess.CompletedProcess:
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=env)
        return subprocess.run(["git", "commit", "-qm", message], cwd=repo, capture_output=True,
                              text=True, env=env, timeout=900)

    first = commit("clean article")
    assert first.returncode == 0, first.stdout + first.stderr
    xml = repo / "article" / "article.xml"
    xml.write_text(xml.read_text().replace("<p>Breast cancer ranks", "<p>For Breast cancer ranks"))
    stopped = commit("introduce a stray word")
    assert stopped.returncode != 0 and "LC101" in stopped.stdout + stopped.stderr
    log = subprocess.run(["git", "log", "--oneline"], cwd=repo, capture_output=True, text=True)
    assert len(log.stdout.splitlines()) == 1  # the defective commit did not happen


def test_the_hooks_say_which_files_they_can_read():
    """The plain hook cannot read PDF files (no pypdfium2 in its environment), so it does not
    claim them; lintcase-pdf installs the PDF reader and does."""
    import re

    import yaml
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert not re.search(hooks["lintcase"]["files"], "article.pdf")
    assert re.search(hooks["lintcase"]["files"], "article.xml")
    assert re.search(hooks["lintcase-pdf"]["files"], "article.pdf")
    assert hooks["lintcase-pdf"]["additional_dependencies"] == ["pypdfium2>=4"]
    assert all(h["require_serial"] and h["entry"] == "lintcase check" for h in hooks.values())


def test_the_named_files_findings_come_first():
    """A one-file run (what pre-commit does) lists the changed file's findings before those
    only in the renderings read beside it, by place within each."""
    from lintcase.model import Finding, Location
    from lintcase.runner import in_report_order

    def finding(*paths):
        locs = tuple(Location(p, 9 - i, 1, 9 - i, 2, "jats", "", "") for i, p in enumerate(paths))
        return Finding("a", "LC101", "n", "info", "m", locs)
    beside = finding("a/article.txt")
    both = finding("a/article.txt", "a/article.xml")
    mine = finding("a/article.xml")
    ordered = in_report_order([beside, both, mine], {"a/article.xml"})
    assert ordered == [both, mine, beside]  # both name the changed file; then by place
    # a folder run names every file: the order is by place alone
    assert in_report_order([mine, beside], {"a/article.xml", "a/article.txt"}) == [beside, mine]
