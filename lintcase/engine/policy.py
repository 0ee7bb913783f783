"""What the configuration decides about findings once they exist: their severity (per-rule
overrides) and what they make of the exit code (--fail-on, --max-warnings, --exit-zero).

Exit codes: 0 no finding at or above fail-on, 1 findings, 2 input errors when nothing at all
could be checked.
"""
from __future__ import annotations

import dataclasses

from ..rulebook.load import Rule

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


def unknown_overrides(rules: list[Rule], overrides: dict) -> list[str]:
    """The keys of `overrides` that name no rule (by code or name), in the order given."""
    known = {r.code for r in rules} | {r.name for r in rules}
    return [key for key in overrides if key not in known]


def override_severity(rules: list[Rule], overrides: dict) -> list[Rule]:
    """The rules with the severity the configuration gives them, by code or else by name."""
    return [dataclasses.replace(r, severity=overrides.get(r.code, overrides.get(r.name,
                                                                              r.severity)))
            for r in rules]


def fail_level(fail_on: str | None, exit_zero: bool | None, cfg) -> str:
    """The lowest severity that fails the run ("never" with exit-zero): flags first, then the
    configuration, then "warning"."""
    zero = exit_zero if exit_zero is not None else cfg.get("exit-zero", False)
    return "never" if zero else fail_on or cfg.get("fail-on") or "warning"


def exit_code(report, fail_on: str, max_warnings: int | None = None) -> int:
    if not report.articles and report.errors:
        return 2
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK[fail_on]
    counted = [f for f in report.findings if SEVERITY_RANK[f.severity] >= floor]
    if max_warnings is not None:
        warnings = sum(1 for f in counted if f.severity == "warning")
        others = [f for f in counted if f.severity != "warning"]
        return int(bool(others) or warnings > max_warnings)
    return int(bool(counted))
