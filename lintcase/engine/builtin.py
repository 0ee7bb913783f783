"""The engine's own codes: what lintcase reports about the run itself rather than about an
article's content. They have no rule file (no check runs them) but `lintcase explain` and the
rule reference describe them like the others."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Builtin:
    code: str
    name: str
    severity: str
    summary: str
    rationale: str


BUILTINS = (
    Builtin("LC900", "rule-failed", "error",
            "A rule failed on an article (an exception or a time-out); its other rules ran.",
            "A rule that crashes on one article must not hide the findings of the others, nor "
            "pass silently: the failure is reported at the article with the rule's code, the "
            "exception and where it was raised, and the run goes on. Please report it with the "
            "article."),
    Builtin("LC901", "input-error", "error",
            "A file could not be read: it names the file, the line and the reason.",
            "Bad input (malformed XML, an unreadable PDF, an empty file, a path that does not "
            "exist) is reported with its place and reason; the other files are still checked "
            "and no input is ever modified."),
    Builtin("LC902", "unused-suppression", "warning",
            "An inline suppression (<!-- lintcase: disable=... -->) matched no finding.",
            "Suppressions outlive the findings they silenced; one that suppresses nothing is "
            "reported so that stale ones do not pile up and hide a future finding. Only "
            "suppressions that name a rule of the run are checked."),
    Builtin("LC903", "unknown-suppression", "warning",
            "An inline suppression names no rule, or its directive is misspelt.",
            "A suppression whose code is mistyped (LC2O1 for LC201) or whose directive is not "
            "disable, disable-file or enable silences nothing, and the finding its author meant "
            "to accept comes back: it is reported with the nearest rule names or directives."),
)


def builtin(name: str) -> Builtin | None:
    return next((b for b in BUILTINS if name.upper() == b.code or name == b.name), None)
