"""Output formats: each a pure function render(report) -> str, registered by name."""
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


def formatter(name: str):
    from . import json as json_fmt, text
    return {"text": text.render, "json": json_fmt.render}[name]


NAMES = ("text", "json")
