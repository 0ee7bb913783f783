"""Output formats: each a pure function render(report) -> str, registered by name.

A format may also offer chunks(report) -> Iterator[str], the same text in pieces, so a large
report is written as it is encoded instead of being held whole (JSON and JSON Lines do).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, Finding, InputError


@dataclass(frozen=True)
class Report:
    findings: tuple[Finding, ...]
    errors: tuple[InputError, ...]
    articles: tuple[Article, ...]
    files: int
    version: str
    # The lintcase.rules.Rule objects that were run (code, name, summary, severity, rationale).
    # SARIF describes its rules from them and the HTML report shows their summaries; both fall
    # back to the code and name carried by each finding when this is empty.
    rules: tuple = ()


# name -> module under lintcase.formatters; each module has render(report) -> str.
_MODULES = {"text": "text", "concise": "concise", "statistics": "statistics", "json": "json",
            "jsonl": "jsonl", "sarif": "sarif", "github": "github", "gitlab": "gitlab",
            "rdjsonl": "rdjsonl", "html": "html"}

NAMES = tuple(_MODULES)


def _module(name: str):
    from importlib import import_module
    return import_module(f"{__name__}.{_MODULES[name]}")


def formatter(name: str):
    return _module(name).render


def chunks(name: str):
    """The format's chunks(report), or its whole text as one chunk."""
    module = _module(name)
    return getattr(module, "chunks", None) or (lambda report: iter((module.render(report),)))


def unique_fingerprints(findings) -> list[str]:
    """Each finding's fingerprint, made unique in the report: the same finding twice in one
    article (its fingerprint repeated) gets "/1", "/2" appended, as SARIF and GitLab want."""
    seen: dict[str, int] = {}
    out = []
    for f in findings:
        n = seen[f.fingerprint] = seen.get(f.fingerprint, -1) + 1
        out.append(f.fingerprint + (f"/{n}" if n else ""))
    return out
