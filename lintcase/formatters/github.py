"""GitHub Actions workflow commands: one `::error|warning|notice ...::message` line per finding.

GitHub turns each line into an annotation on the file and line in the pull request. Escaping
follows GitHub's toolkit (`@actions/core`, command.ts): in the message `%`, CR and LF become
`%25`, `%0D`, `%0A`; in a property value `:` and `,` become `%3A` and `%2C` as well. The other
places of a finding follow the message on their own (escaped) lines, so the annotation shows
every rendering involved. GitHub shows only ten annotations of each level per step: input errors
and error findings come first, then warnings, then notes, and a last notice says how many of
each level were not shown.
"""
from __future__ import annotations

from ..model import Location
from . import Report

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, props: dict, message: str) -> str:
    args = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items())
    return f"::{level}{' ' + args if args else ''}::{escape_data(message)}"


def position(loc: Location) -> dict:
    props = {"file": loc.path, "line": loc.line}
    if loc.end_line == loc.line:  # GitHub accepts columns only on a single-line annotation
        props.update(col=loc.column, endLine=loc.end_line, endColumn=loc.end_column)
    else:
        props["endLine"] = loc.end_line
    return props


SHOWN = 10  # annotations of one level GitHub shows per step
RANK = {"error": 0, "warning": 1, "info": 2}


def render(report: Report) -> str:
    out = []
    for e in report.errors:
        props = {"file": e.path, **({"line": e.line} if e.line > 0 else {}),
                 **({"col": e.column} if e.line > 0 and e.column > 0 else {})}
        out.append(command("error", {**props, "title": f"{e.code} input error"}, e.reason))
    # errors first, then warnings, then notes: GitHub shows only the first ten of each level
    for f in sorted(report.findings, key=lambda f: RANK.get(f.severity, 1)):
        props = position(f.locations[0]) if f.locations else {}
        places = [f"{loc.path}:{loc.line}:{loc.column} ({loc.rendering}, {loc.section}): "
                  f"{loc.excerpt}" for loc in f.locations]
        out.append(command(LEVELS.get(f.severity, "warning"),
                           {**props, "title": f"{f.rule} {f.name}"},
                           "\n".join([f.message, *places])))
    hidden = {level: n - SHOWN for level, n in _count(report).items() if n > SHOWN}
    if hidden:
        said = ", ".join(f"{n} {level}{'s' if n > 1 else ''}" for level, n in hidden.items())
        out.append(command("notice", {"title": "lintcase: more findings than GitHub shows"},
                           f"GitHub shows {SHOWN} annotations of each level per step; not shown: "
                           f"{said}. The step's log lists them all; --format sarif uploads "
                           f"every one to code scanning."))
    return "".join(line + "\n" for line in out)


def _count(report: Report) -> dict:
    counts: dict[str, int] = {}
    for level in ["error"] * len(report.errors) + [LEVELS.get(f.severity, "warning")
                                                  for f in report.findings]:
        counts[level] = counts.get(level, 0) + 1
    return {level: counts[level] for level in ("error", "warning", "notice") if level in counts}
