"""SARIF 2.1.0 as plain dicts, for GitHub code scanning and other SARIF viewers.

One run; `tool.driver.rules` describes every rule that has a finding (from `Report.rules` when the
caller passes them, else from the code and name each finding carries), and each result points at
its rule by `ruleId` and `ruleIndex`; a rule has a `helpUri` (its entry in docs/rules.md),
markdown help and `tags` (its family and check kind). The first place of a finding is its
location; the other places (other renderings, other sections) are `relatedLocations`, linked
from the message as "[place](id)". `partialFingerprints` carries lintcase's own fingerprint
(rule + article + normalised evidence, not line numbers), so code scanning keeps tracking a
finding when lines move; a second finding with the same fingerprint (the same defect twice in
one article) gets "/1", "/2" appended, so each result's fingerprint is its own. Input errors are
tool execution notifications. Relative paths stay relative to `%SRCROOT%` (the folder lintcase ran in), as
GitHub requires; an absolute path becomes a `file://` URI. A member of an archive
("delivery.zip!PMC1/article.xml") is a nested artifact, as SARIF describes one: `run.artifacts`
lists the archive and the member, the member's `parentIndex` pointing at the archive, and its
location gives the member's path inside the archive as `uri` with the member's `index`.
"""
from __future__ import annotations

import json
from pathlib import PurePosixPath
from urllib.parse import quote

from .. import archives
from ..model import Finding, InputError, Location
from . import Report, unique_fingerprints

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://example.invalid/lintcase"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "lintcaseFingerprint/v1"
# The generated rule reference (docs/rules.md, one anchor per rule code).
RULES_URI = INFORMATION_URI + "/blob/main/docs/rules.md"


def rule_url(code: str, name: str) -> str:
    """A rule's entry in the generated reference: its heading "### LC101 name"."""
    return f"{RULES_URI}#{code.lower()}-{name}"


FAMILIES = {"LC1": "cross-rendering", "LC2": "case-facts", "LC3": "references-and-metadata",
            "LC4": "prose", "LC5": "statistics", "LC9": "engine"}


def artifact(path: str, nested: dict[str, int] | None = None) -> dict:
    """An artifactLocation; an archive member's names its entry in run.artifacts (`nested`:
    path -> index, from `artifacts`)."""
    member = archives.split(path)
    if member and nested is not None and path in nested:
        return {"uri": quote(member[1]), "index": nested[path]}
    posix = path.replace("\\", "/")
    if PurePosixPath(posix).is_absolute():
        return {"uri": "file://" + quote(posix)}
    return {"uri": quote(posix.removeprefix("./")), "uriBaseId": "%SRCROOT%"}


def artifacts(report: Report) -> tuple[list[dict], dict[str, int]]:
    """run.artifacts for the archive members the report names (each archive, then its members
    with `parentIndex`), and member path -> its index."""
    paths = sorted({loc.path for f in report.findings for loc in f.locations} |
                   {e.path for e in report.errors})
    table: list[dict] = []
    index: dict[str, int] = {}
    for path in paths:
        member = archives.split(path)
        if not member:
            continue
        if member[0] not in index:
            index[member[0]] = len(table)
            table.append({"location": artifact(member[0]), "roles": ["analysisTarget"]})
        index[path] = len(table)
        table.append({"location": {"uri": quote(member[1])}, "parentIndex": index[member[0]]})
    return table, {p: i for p, i in index.items() if archives.split(p)}


def physical(loc: Location, nested: dict[str, int] | None = None) -> dict:
    return {"artifactLocation": artifact(loc.path, nested), "region": {
        "startLine": loc.line, "startColumn": loc.column,
        "endLine": loc.end_line, "endColumn": loc.end_column,
        "snippet": {"text": loc.excerpt}}}


def place(loc: Location) -> str:
    return f"{loc.rendering} rendering, {loc.section or 'no section'}"


def rule_descriptors(report: Report) -> list[dict]:
    known = {r.code: r for r in report.rules}
    names = {f.rule: (f.name, f.severity) for f in report.findings}
    out = []
    for code in sorted(names):
        name, severity = names[code]
        rule = known.get(code)
        d = {"id": code, "name": name,
             "shortDescription": {"text": rule.summary if rule else name},
             "defaultConfiguration": {"level": LEVELS.get(rule.severity if rule else severity,
                                                          "warning")}}
        d["helpUri"] = rule_url(code, name)
        if rule:
            rationale = " ".join(rule.rationale.split())
            d.update(fullDescription={"text": rationale or rule.summary},
                     help={"text": f"{rule.summary}\n\n{rule.rationale.strip()}",
                           "markdown": f"**{rule.summary}**\n\n{rule.rationale.strip()}\n\n"
                                       f"[{code} {name}]({rule_url(code, name)})"},
                     properties={"check": rule.check, "severity": rule.severity,
                                 "tags": ["lintcase", FAMILIES.get(code[:3], "other"),
                                          rule.check]})
        out.append(d)
    return out


def result(f: Finding, index: int, fingerprint: str = "",
           nested: dict[str, int] | None = None) -> dict:
    # the other places are linked from the message ("[text](id)" points at relatedLocations),
    # so GitHub shows both sides of a contradiction
    also = "; ".join(f"[{place(loc)}]({i})" for i, loc in enumerate(f.locations[1:], start=1))
    r = {"ruleId": f.rule, "ruleIndex": index, "level": LEVELS.get(f.severity, "warning"),
         "message": {"text": f.message + (f" (also: {also})" if also else "")},
         "properties": {"name": f.name, "severity": f.severity, "article": f.article,
                        "fields": dict(f.fields),
                        "places": [{"rendering": loc.rendering, "section": loc.section}
                                   for loc in f.locations]}}
    if f.locations:
        first = f.locations[0]
        r["locations"] = [{"physicalLocation": physical(first, nested),
                           "message": {"text": place(first)}}]
        r["relatedLocations"] = [
            {"id": i, "physicalLocation": physical(loc, nested), "message": {"text": place(loc)}}
            for i, loc in enumerate(f.locations[1:], start=1)]
    if f.fingerprint:  # unique per result (formatters.unique_fingerprints)
        r["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint or f.fingerprint}
    return r


def notification(e: InputError, nested: dict[str, int] | None = None) -> dict:
    n = {"level": "error", "message": {"text": e.reason}, "descriptor": {"id": e.code}}
    region = {"startLine": e.line, **({"startColumn": e.column} if e.column > 0 else {})}
    n["locations"] = [{"physicalLocation": {"artifactLocation": artifact(e.path, nested),
                                            **({"region": region} if e.line > 0 else {})}}]
    return n


def document(report: Report) -> dict:
    rules = rule_descriptors(report)
    index = {d["id"]: i for i, d in enumerate(rules)}
    table, nested = artifacts(report)
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "lintcase", "version": report.version,
                            "semanticVersion": report.version,
                            "informationUri": INFORMATION_URI, "rules": rules}},
        "originalUriBaseIds": {"%SRCROOT%": {
            "description": {"text": "The folder lintcase was run from."}}},
        "columnKind": "unicodeCodePoints",
        "invocations": [{
            # unsuccessful only when nothing could be checked (lintcase's exit code 2)
            "executionSuccessful": bool(report.articles) or not report.errors,
            "toolExecutionNotifications": [notification(e, nested) for e in report.errors]}],
        **({"artifacts": table} if table else {}),
        "results": results(report, index, nested),
    }]}


def results(report: Report, index: dict, nested: dict[str, int] | None = None) -> list[dict]:
    return [result(f, index[f.rule], fp, nested) for f, fp
            in zip(report.findings, unique_fingerprints(report.findings))]


def render(report: Report) -> str:
    return json.dumps(document(report), ensure_ascii=False, indent=2) + "\n"
