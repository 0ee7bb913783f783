"""How `lintcase check` writes its report: to a file or standard output, in pieces as they are
encoded (JSON Lines: article by article as the run goes), coloured on a terminal, with a progress
bar on stderr while a person watches."""
from __future__ import annotations

import contextlib
import os
import re
import sys

import click

from .. import api, cache


class OutputError(Exception):
    """The report cannot be written where --output says (the cause is the OSError)."""


def streamed(events, final: list):
    """JSON Lines from api.stream's events: article blocks as they come, then the tail. An
    OSError of the check itself (not of the output) is told apart as CheckError."""
    from ..formatters import jsonl
    try:
        for event in events:
            if isinstance(event, api.Checked):
                final.append(event)
                yield from jsonl.tail(event.report)
            else:
                yield from jsonl.article_lines(event.article, event.findings, event.rechecked)
    except OSError as e:
        raise CheckError(str(e)) from e


class CheckError(Exception):
    """An OSError of the check itself, raised while the report is being written."""


def write(pieces, name: str, output, quiet: bool, colour: str) -> None:
    if quiet and name in ("text", "concise"):
        pieces = (_without_summary(p) for p in pieces)
    paint = name in COLOURED and coloured(colour, output)
    if paint:
        pieces = (_paint(p) for p in pieces)
    if output and output != "-":
        try:
            cache.write_output(output, (p.encode("utf-8") for p in pieces))
        except OSError as e:
            raise OutputError() from e
    else:
        for piece in pieces:  # written as it is encoded: a large report is never held whole
            click.echo(piece, nl=False, color=paint or None)
            if name == "jsonl":
                sys.stdout.flush()


COLOURED = ("text", "concise", "statistics")
_SEVERITY = re.compile(r"\[(error|warning|info)\]")
_STYLE = {"error": {"fg": "red", "bold": True}, "warning": {"fg": "yellow", "bold": True},
          "info": {"fg": "blue"}}


def coloured(choice: str, output) -> bool:
    """Colour on a terminal only, unless NO_COLOR is set (no-color.org); --color decides."""
    if choice != "auto":
        return choice == "always"
    return not (output and output != "-") and sys.stdout.isatty() and \
        not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


_SUMMARY = re.compile(r"(?m)^Found \d+ finding\(s\)[^\n]*\n?\Z")


def _without_summary(text: str) -> str:
    return _SUMMARY.sub("", text)


def _paint(text: str) -> str:
    return _SEVERITY.sub(lambda m: click.style(m.group(), **_STYLE[m.group(1)]), text)


@contextlib.contextmanager
def progress(quiet: bool):
    """A progress bar on stderr, only when a person is watching it (a terminal)."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    state = {}

    def update(done: int, total: int) -> None:
        if "bar" not in state and total > 1:
            state["bar"] = click.progressbar(length=total, label="checking", file=sys.stderr)
            state["bar"].__enter__()
        if "bar" in state:
            state["bar"].update(done - state.get("done", 0))
            state["done"] = done
    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)
