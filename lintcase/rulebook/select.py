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


def unknown(rules: list, selectors: Iterable[str] | None) -> list[str]:
    """The selectors that name no rule (by code, code prefix, name or group), as given: a typo
    such as LC2O1 would otherwise select nothing, or ignore nothing, without a word."""
    return [k for k in keys(selectors)
            if not any(names(k, r.code, r.name, r.groups) for r in rules)]


def did_you_mean(key: str, rules: list) -> str:
    """", did you mean LC201?" naming the nearest codes, names or groups (difflib's ratio, ties
    broken by the characters in place: LC2O1 is LC201 before LC210), or ""."""
    import difflib
    words = {r.code for r in rules} | {r.name for r in rules} | {g for r in rules for g in r.groups}
    asked = key.upper() if key[:2].upper() == "LC" else key

    def score(word: str) -> tuple:
        ratio = difflib.SequenceMatcher(None, asked, word).ratio()
        return (-round(ratio, 3), -sum(a == b for a, b in zip(asked, word)), word)
    near = [w for w in sorted(words, key=score)
            if difflib.SequenceMatcher(None, asked, w).ratio() >= 0.6][:3]
    return f"; did you mean {' or '.join(near)}?" if near else ""


def problems(rules: list, selectors: Iterable[str] | None) -> list[tuple[str, str]]:
    """(selector, reason) for each selector that names no rule."""
    return [(k, f"no rule, code prefix or group {k!r}{did_you_mean(k, rules)}")
            for k in unknown(rules, selectors)]
