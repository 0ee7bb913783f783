"""Documentation generated from the definitions: the README's rule table, docs/check-kinds.md and
docs/rules.md.

Hand-kept lists drift (the README's table once lacked a rule); these are rebuilt from the rule
files and from each check kind's docstring, OPTIONS and FIELDS. `python -m lintcase.commands.docsgen`
rewrites the files; tests/test_generated_docs.py regenerates them in memory and fails when a file
differs. Only the tests and this command import the module, never the runner or the CLI.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .. import checks
from ..rulebook.docs import catalogue
from ..rulebook.load import Rule, default_rule_dirs, load_rules

ROOT = Path(__file__).resolve().parents[2]
README, CHECK_KINDS, RULES_MD = ROOT / "README.md", ROOT / "docs" / "check-kinds.md", \
    ROOT / "docs" / "rules.md"
BEGIN, END = "<!-- rules:begin -->", "<!-- rules:end -->"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell: one line, no bare column separator."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _notes(rule: Rule) -> str:
    """What the name column says besides the name: opt-in rules and their groups."""
    notes = [f"opt-in: `--select {rule.code}`"] * (not rule.enabled)
    notes += [f"group `{g}`" for g in rule.groups]
    return f" ({'; '.join(notes)})" if notes else ""


def rule_table(rules: list[Rule]) -> str:
    """The README's table of every shipped rule, markers included."""
    lines = [BEGIN, "<!-- generated from rules/*.yaml by `python -m lintcase.commands.docsgen`; do not edit "
             "by hand -->", "", "| code | name | check | severity | summary |",
             "| --- | --- | --- | --- | --- |"]
    lines += [f"| {r.code} | {r.name}{_notes(r)} | {r.check} | {r.severity} | {_cell(r.summary)} |"
              for r in rules]
    return "\n".join(lines + ["", END])


def with_rule_table(readme: str, rules: list[Rule]) -> str:
    """The README with the text between the markers replaced by a fresh table."""
    start, end = readme.find(BEGIN), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"README.md lacks the markers {BEGIN} ... {END}")
    return readme[:start] + rule_table(rules) + readme[end + len(END):]


_BOUNDS = (("minimum", "≥"), ("exclusiveMinimum", ">"), ("maximum", "≤"),
           ("minItems", "items ≥"))


def _type(schema: dict) -> str:
    """An option's type in words: `integer ≥ 1`, `one of a, b`, `list of one of …`."""
    if "enum" in schema:
        return "one of " + ", ".join(f"`{v}`" for v in schema["enum"])
    kind = schema.get("type", "any")
    if kind == "array":
        return "list of " + _type(schema.get("items", {}))
    text = " or ".join(kind) if isinstance(kind, list) else kind
    bounds = [f"{sign} {schema[key]}" for key, sign in _BOUNDS if key in schema]
    return " ".join([text, ", ".join(bounds)]).strip()


def _default(name: str, schema: dict, required) -> str:
    if name in required:
        return "required"
    if "default" in schema:
        return f"`{json.dumps(schema['default'], ensure_ascii=False)}`"
    return "—"


def _options(kind) -> list[str]:
    props = kind.OPTIONS.get("properties", {})
    if not props:
        return ["No options."]
    required = kind.OPTIONS.get("required", ())
    lines = ["| option | type | default | description |", "| --- | --- | --- | --- |"]
    lines += [f"| `{n}` | {_cell(_type(s))} | {_cell(_default(n, s, required))} | "
              f"{_cell(s.get('description', ''))} |" for n, s in props.items()]
    return lines


def kind_section(name: str, rules: list[Rule]) -> str:
    """One check kind: what it does, its options, its message fields, the rules using it."""
    kind = checks.load(name)
    doc = " ".join((kind.__doc__ or "").strip().split("\n\n")[0].split())
    doc = doc.removeprefix(f"{name}: ")
    doc = doc[:1].upper() + doc[1:]
    using = ", ".join(f"{r.code} {r.name}" for r in rules if r.check == name) or "none shipped"
    lines = [f"## `{name}`", "", doc, "", "Options:", "", *_options(kind), "",
             "Message fields: " + ", ".join(f"`{{{f}}}`" for f in kind.FIELDS) + ".", "",
             f"Rules: {using}."]
    return "\n".join(lines)


def check_kinds(rules: list[Rule]) -> str:
    """docs/check-kinds.md: every check kind lintcase.checks offers, in name order."""
    head = ["# Check kinds", "",
            "Generated from `lintcase/checks/` by `python -m lintcase.commands.docsgen`; do not edit by "
            "hand. A rule names one of these in `check:`, aims it with `options:` (validated "
            "against the schema below) and may use the message fields in its `message:` "
            "template (see [writing-rules.md](writing-rules.md)).", "",
            "| kind | rules |", "| --- | --- |"]
    head += [f"| [`{k}`](#{k}) | {' '.join(r.code for r in rules if r.check == k) or '—'} |"
             for k in checks.KIND_NAMES]
    return "\n".join(head) + "\n\n" + "\n\n".join(kind_section(k, rules)
                                                  for k in checks.KIND_NAMES) + "\n"


def generated(rules: list[Rule] | None = None) -> dict[Path, str]:
    """Every generated file and the text it should hold now."""
    rules = load_rules(default_rule_dirs()) if rules is None else rules
    readme = README.read_text(encoding="utf-8")
    return {README: with_rule_table(readme, rules), CHECK_KINDS: check_kinds(rules),
            RULES_MD: catalogue(rules)}


def main() -> int:
    for path, text in generated().items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
