"""The one answer to "does this selector name this rule?", for --select and --ignore, the
configuration's select/ignore and per-path ignores, and inline `disable=` comments alike.

A selector is a rule code (LC201), a code prefix (LC2: the 2xx family), a rule name
(undefined-abbreviation) or a group a rule file lists under `groups:` (care). An opt-in rule
(`enabled: false`) runs only when asked for by its code, name or a group: a prefix alone says
"the family as it ships", which leaves the opt-in rules out.
"""
from __future__ import annotations

from typing import Iterable


def keys(values: Iterable[str] | None) -> list[str]:
    """Selectors as given, repeated or comma-separated ("LC1,LC2"), blanks dropped."""
    return [k.strip() for value in values or () for k in value.split(",") if k.strip()]


def names(key: str, code: str, name: str, groups: Iterable[str] = ()) -> bool:
    """Whether `key` names the rule with this code, name and groups (a prefix counts)."""
    return code.startswith(key.upper()) or name == key or key in groups


def names_exactly(key: str, code: str, name: str, groups: Iterable[str] = ()) -> bool:
    """Whether `key` names the rule by its whole code, its name or a group (no prefix)."""
    return code == key.upper() or name == key or key in groups


def named(rule, selectors: Iterable[str]) -> bool:
    """Whether any selector names the rule (anything with code, name and groups)."""
    return any(names(k, rule.code, rule.name, rule.groups) for k in selectors)


def select(rules: list, select: Iterable[str] | None, ignore: Iterable[str] | None) -> list:
    """The rules `select` names (every enabled rule when it names none), minus those `ignore`
    names; an opt-in rule must be asked for exactly."""
    wanted, unwanted = keys(select), keys(ignore)

    def asked(rule) -> bool:
        return any(names_exactly(k, rule.code, rule.name, rule.groups) for k in wanted)
    kept = [r for r in rules if (not wanted and r.enabled) or
            (wanted and named(r, wanted) and (r.enabled or asked(r)))]
    return [r for r in kept if not unwanted or not named(r, unwanted)]
