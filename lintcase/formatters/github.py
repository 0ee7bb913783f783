"""GitHub Actions workflow commands: one `::error|warning|notice ...::message` line per finding.

GitHub turns each line into an annotation on the file and line in the pull request. Escaping
follows GitHub's toolkit (`@actions/core`, command.ts): in the message `%`, CR and LF become
`%25`, `%0D`, `%0A`; in a property value `:` and `,` become `%3A` and `%2C` as well. The other
places of a finding follow the message on their own (escaped) lines, so the annotation shows
every rendering involved.
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


def render(report: Report) -> str:
    out = []
    for f in report.findings:
        props = position(f.locations[0]) if f.locations else {}
        places = [f"{loc.path}:{loc.line}:{loc.column} ({loc.rendering}, {loc.section}): "
                  f"{loc.excerpt}" for loc in f.locations]
        out.append(command(LEVELS.get(f.severity, "warning"),
                           {**props, "title": f"{f.rule} {f.name}"},
                           "\n".join([f.message, *places])))
    for e in report.errors:
        props = {"file": e.path, **({"line": e.line} if e.line > 0 else {}),
                 **({"col": e.column} if e.line > 0 and e.column > 0 else {})}
        out.append(command("error", {**props, "title": f"{e.code} input error"}, e.reason))
    return "".join(line + "\n" for line in out)
