"""Paths -> files -> renderings -> articles.

Files named on the command line are read; in a folder, files with a rendering-like extension
are read (the format itself is then sniffed from the content). Pre-commit passes only the
changed files, so the siblings of each named file are read too: an edited article.xml is still
compared with the article.pdftotext.txt beside it. What is never read (`keep` says how each is
recognised): lintcase's own reports, repository documents (README.md ...) that no rendering
beside them shares a name with, files matching the configuration's `exclude`/`extend-exclude`
(named files too, so a pre-commit run honours them) and, in folders and among siblings, files
git ignores.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import fnmatch
import functools
import os
import re
import subprocess

from . import archives, grouping
from .model import InputError, Rendering
from .readers import ReadError, read

CANDIDATE_SUFFIXES = {".xml", ".nxml", ".jats", ".html", ".htm", ".xhtml", ".txt", ".text",
                      ".md", ".markdown", ".pdf"}
SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv", "venv", ".tox"}
# Files about a repository, not renderings of an article, by the usual names (GitHub's
# community files): read only when a rendering beside them shares their name stem.
REPOSITORY_DOCS = {"readme", "changelog", "changes", "history", "news", "contributing",
                   "contributors", "authors", "license", "licence", "copying", "notice",
                   "code_of_conduct", "security", "support", "governance", "citation",
                   "maintainers", "todo"}
TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown"}


@dataclass(frozen=True)
class Exclusions:
    base: str                          # the folder the globs are relative to (the config's)
    globs: tuple[str, ...] = tuple(sorted(SKIP_DIRS))   # `exclude` (replaces these) + `extend-exclude`
    gitignore: bool = True             # respect .gitignore in folders and among siblings


def keep(paths: list[Path], rules: Exclusions, named: bool = False) -> list[Path]:
    """The paths that may be renderings: not lintcase's own reports, not repository documents,
    not excluded by a glob, and (unless named on the command line) not ignored by git."""
    out = [p for p in paths if not _excluded(p, rules) and not _repository_doc(p)
           and not own_report(p)]
    if rules.gitignore and not named:
        ignored = git_ignored(out)
        out = [p for p in out if p not in ignored]
    return out


def _excluded(path: Path, rules: Exclusions) -> bool:
    """A glob matches the path relative to the base folder, or a folder on the way to it, or
    (a glob without a slash) any one name along it, as ruff's `exclude` does."""
    rel = os.path.relpath(os.path.abspath(path), rules.base).replace(os.sep, "/")
    parts = [p for p in rel.split("/") if p != ".."]
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    for glob in rules.globs:
        g = glob.rstrip("/")
        if "/" in g.lstrip("./"):
            g = g[2:] if g.startswith("./") else g.lstrip("/")
            if any(fnmatch.fnmatchcase(p, g) for p in prefixes):
                return True
        elif any(fnmatch.fnmatchcase(part, g) for part in parts):
            return True
    return False


def _repository_doc(path: Path) -> bool:
    if path.suffix.lower() not in TEXT_SUFFIXES or stem(path).lower() not in REPOSITORY_DOCS:
        return False
    try:
        beside = [f for f in path.parent.iterdir() if f != path and stem(f) == stem(path)
                  and f.suffix.lower() in CANDIDATE_SUFFIXES]
    except OSError:
        beside = []
    return not beside


# lintcase's own reports, by what its formatters write at their start: the HTML report's
# title, the "lintcase" tool name of JSON, SARIF and rdjsonl, a JSON Lines finding, GitHub's
# workflow commands, a GitLab Code Quality issue; a text report by its closing summary line.
_OWN_HEAD = re.compile(rb'<title>lintcase report</title>|\A\s*\{[\s\S]*"name":\s*"lintcase"'
                       rb'|\A\{"rule":\s*"[^"]+",\s*"name":[^\n]*"fingerprint":'
                       rb'|\A\{"checked":\{"key":'
                       rb"|\A::(?:error|warning|notice)\b[^\n]*::"
                       rb'|\A\s*\[\s*\{\s*"type":\s*"issue",[\s\S]{0,2000}?"check_name":\s*"LC\d')
_OWN_TAIL = re.compile(rb"(?:\A|\n)Found \d+ finding\(s\)[^\n]* in \d+ article\(s\) from \d+ "
                       rb"file\(s\)[^\n]*\n?\Z"
                       rb'|(?:\A|\n)\{"schema_version":\d+,"tool":\{"name":"lintcase"[^\n]*\n?\Z')


def own_report(path: Path) -> bool:
    """Whether the file is a report lintcase wrote (never a rendering, wherever it lies)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
            f.seek(max(0, os.fstat(f.fileno()).st_size - 512))
            tail = f.read()
    except OSError:
        return False
    return bool(_OWN_HEAD.search(head) or _OWN_TAIL.search(tail))


def git_ignored(paths: list[Path]) -> set[Path]:
    """The paths .gitignore files leave out: git's own answer inside a work tree (a tracked
    file is never ignored), else a reading of the .gitignore files from the path's folder up."""
    out: set[Path] = set()
    by_folder: dict[Path, list[Path]] = {}
    for p in paths:
        by_folder.setdefault(p.parent, []).append(p)
    trees: dict[str, list[Path]] = {}
    for folder, members in by_folder.items():
        top = _work_tree(folder)
        if top is None:
            out.update(p for p in members if _ignored_by_files(p))
        else:
            trees.setdefault(top, []).extend(members)
    for top, members in trees.items():
        query = b"".join(os.fsencode(os.path.abspath(p)) + b"\0" for p in members)
        try:
            done = subprocess.run(["git", "-C", top, "check-ignore", "--stdin", "-z"],
                                  input=query, capture_output=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired):
            out.update(p for p in members if _ignored_by_files(p))
            continue
        answered = {os.fsdecode(x) for x in done.stdout.split(b"\0") if x}
        out.update(p for p in members if os.path.abspath(p) in answered)
    return out


def _work_tree(folder: Path) -> str | None:
    """The top of the git work tree holding `folder` (the nearest folder with a .git), or None."""
    start = Path(os.path.abspath(folder))
    return next((str(d) for d in (start, *start.parents) if (d / ".git").exists()), None)


@functools.lru_cache(maxsize=4096)
def _gitignore_lines(folder: Path) -> tuple[str, ...]:
    try:
        return tuple((folder / ".gitignore").read_text(encoding="utf-8").splitlines())
    except (OSError, UnicodeDecodeError):
        return ()


def _ignored_by_files(path: Path) -> bool:
    """.gitignore patterns from the file's folder up to the filesystem's root, the nearer file
    last (so it wins), each pattern in order ("!" re-includes): blank lines and comments
    skipped, a trailing "/" for folders, a slash inside anchors to the .gitignore's folder."""
    path = Path(os.path.abspath(path))
    ignored = False
    for folder in reversed(path.parents):
        lines = _gitignore_lines(folder)
        if not lines:
            continue
        rel = path.relative_to(folder).as_posix().split("/")
        for line in lines:
            line = line.rstrip()
            if not line or line.startswith("#"):
                continue
            negate, line = line.startswith("!"), line.lstrip("!")
            folder_only, line = line.endswith("/"), line.rstrip("/")
            anchored, line = "/" in line, line.lstrip("/")
            candidates = ["/".join(rel[:i]) for i in range(1, len(rel) + 1)] if anchored \
                else rel
            if folder_only:
                candidates = candidates[:-1]
            if any(fnmatch.fnmatchcase(c, line) for c in candidates):
                ignored = not negate
    return ignored


@dataclass
class Inputs:
    files: list[Path]           # every file to read, in a stable order
    named: set[Path]            # the files the user asked about (their articles get reported)


def collect(paths: list[str], siblings: bool = True,
            exclusions: Exclusions | None = None) -> tuple[Inputs, list[InputError]]:
    """The files to read under `paths`; `exclusions` (the configuration's, relative to its
    folder) default to the usual tool folders relative to the working directory."""
    rules = exclusions or Exclusions(os.getcwd())
    files: dict[Path, None] = {}
    named: set[Path] = set()
    errors = []
    listings: dict[Path, list[Path]] = {}  # a folder listed once, however many files name it
    order: dict[Path, tuple[str, int]] = {}  # archive members keep the archive's order
    for p in map(Path, paths):
        if archives.is_archive(p):
            listed, problems = _archive(p, rules)
            for i, f in enumerate(listed):
                files[f] = None
                named.add(f)
                order[f] = (str(p) + archives.SEPARATOR, i)
            errors += problems
        elif p.is_dir():
            for f in sorted(keep(list(_walk(p)), rules)):
                files[f] = None
                named.add(f)
        elif p.is_file():
            if not keep([p], rules, named=True):
                continue
            files[p] = None
            named.add(p)
            if siblings:
                for f in keep(_siblings(p, listings), rules):
                    files.setdefault(f, None)
        else:
            errors.append(InputError(str(p), 0, 0, "no such file or directory", "LC901"))
    return Inputs(sorted(files, key=lambda f: order.get(f) or (str(f), -1)), named), errors


def _archive(path: Path, rules: Exclusions) -> tuple[list[Path], list[InputError]]:
    """An archive's members that may be renderings (in archive order), and an input error for
    each member that cannot be read and for damage to the archive itself."""
    def wanted(name: str) -> bool:
        parts = PurePosixPath(name).parts  # hidden files skipped; a ".." is reported
        return PurePosixPath(name).suffix.lower() in CANDIDATE_SUFFIXES and \
            not any(part.startswith(".") and part != ".." for part in parts)
    try:
        listed, damage = archives.members(str(path), wanted)
    except archives.ArchiveError as e:
        return [], [InputError(str(path), 0, 0, str(e), "LC901")]
    errors = [InputError(m.path, 0, 0, m.problem, "LC901") for m in listed if m.problem]
    if damage:
        errors.append(InputError(str(path), 0, 0, damage, "LC901"))
    readable = [Path(m.path) for m in listed if not m.problem]
    kept = set(keep(readable, rules, named=True))
    return [f for f in readable if f in kept], errors


SMALL_FOLDER = 12  # a folder holding one article's renderings is small


def _siblings(path: Path, listings: dict | None = None) -> list[Path]:
    """Files that may be other renderings of the same article as `path`.

    In a small folder (an article's folder), every rendering-like file; in a large one (an
    archive of many articles side by side), only files sharing the name's stem
    ("PMC123.xml" and "PMC123.pdf.txt"), so one changed file does not make lintcase read the
    whole archive.
    """
    listings = {} if listings is None else listings
    listed = listings.get(path.parent)
    if listed is None:
        candidates = [f for f in sorted(path.parent.iterdir())
                      if f.is_file() and f.suffix.lower() in CANDIDATE_SUFFIXES]
        by_stem: dict[str, list[Path]] = {}
        for f in candidates:
            by_stem.setdefault(stem(f), []).append(f)
        listed = listings[path.parent] = (candidates, by_stem)
    candidates, by_stem = listed
    if len(candidates) <= SMALL_FOLDER:
        return candidates
    return list(by_stem.get(stem(path), []))


stem = grouping.stem


def _walk(folder: Path):
    for f in folder.rglob("*"):
        if any(part.startswith(".") for part in f.relative_to(folder).parts):
            continue
        if f.is_file() and f.suffix.lower() in CANDIDATE_SUFFIXES:
            yield f


def load(inputs: Inputs) -> tuple[list[Rendering], list[InputError]]:
    renderings, errors = [], []
    for f in inputs.files:
        try:
            renderings.append(read(f))
        except ReadError as e:
            if f in inputs.named:  # a sibling we only peeked at is not the user's problem
                errors.append(InputError(e.path, e.line, e.column, e.reason, "LC901"))
    return renderings, errors


# Grouping renderings into articles lives in grouping.py; these names stay here for callers.
article_key, normal_title, group = grouping.article_key, grouping.normal_title, grouping.group
