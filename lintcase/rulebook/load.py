"""Load rules/*.yaml, validate each against the rule schema and its check kind's options.

A broken rule file is a `RuleError` naming the file, the key and the reason; the CLI turns it
into exit code 2 before any document is read.

Options a rule leaves out get their check kind's defaults (the `default` of each top-level
property of its OPTIONS schema) here, once, so a check reads `options[key]` and the default
lives in one place: the schema the rule is validated against.
"""
from __future__ import annotations

import copy
import hashlib
import json
import string
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from types import ModuleType

import yaml

from .. import cache, checks

# An installed lintcase ships the repository's rules/ as the package folder lintcase/rules.
# libyaml's parser when PyYAML was built with it (its wheels are): rule files are read at every
# start-up without the cache, and the pure-Python parser was most of that time (0.29 of 0.36 s).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SHIPPED_RULES = Path(__file__).parent.parent / "rules"


class RuleError(Exception):
    def __init__(self, path, key: str, reason: str):
        super().__init__(f"{path}: {key}: {reason}" if key else f"{path}: {reason}")
        self.path, self.key, self.reason = str(path), key, reason


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    severity: str
    check: str
    message: str
    rationale: str
    options: dict = field(default_factory=dict, compare=False)  # with the kind's defaults
    examples: dict = field(default_factory=dict, compare=False)
    groups: tuple = ()
    path: str = ""
    enabled: bool = True
    reads: str = "all"  # "best": only the article's most trustworthy rendering (see the schema)
    written: dict = field(default_factory=dict, compare=False)  # options as the file states them

    @property
    def kind(self) -> ModuleType:
        return checks.load(self.check)


def _schema() -> dict:
    return json.loads(resources.files("lintcase.schemas").joinpath("rule.schema.json").read_text())


def default_rule_dirs() -> list[Path]:
    """The shipped rules: the package copy when installed, else the repository's rules/."""
    repo = Path(__file__).resolve().parents[2] / "rules"
    return [SHIPPED_RULES if SHIPPED_RULES.is_dir() else repo]


def load_rules_cached(dirs: list[Path], folder: Path | None) -> list[Rule]:
    """load_rules, served from the cache while no rule file and no lintcase file changed."""
    h = hashlib.sha256(cache.code_hash())
    for d in map(Path, dirs):
        h.update(str(d.resolve()).encode())
        for p in sorted(d.glob("*.yaml")) if d.is_dir() else ():
            h.update(p.name.encode() + b"\0" + p.read_bytes())
    key = "rules-" + h.hexdigest()
    rules = cache.get(folder, key)
    if rules is None:
        rules = load_rules(dirs)
        cache.put(folder, key, rules)
    return rules


def load_rules(dirs: list[Path]) -> list[Rule]:
    rules: dict[str, Rule] = {}
    names: dict[str, str] = {}
    for folder in dirs:
        folder = Path(folder)
        if not folder.is_dir():
            raise RuleError(folder, "", "rule folder does not exist")
        for path in sorted(folder.glob("*.yaml")):
            rule = load_rule(path)
            for key, seen in ((rule.code, rules), (rule.name, names)):
                if key in seen:
                    other = seen[key].path if isinstance(seen[key], Rule) else seen[key]
                    raise RuleError(path, "code" if key == rule.code else "name",
                                    f"{key} is already defined by {other}")
            rules[rule.code], names[rule.name] = rule, str(path)
    return sorted(rules.values(), key=lambda r: r.code)


def load_rule(path: Path) -> Rule:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as e:
        raise RuleError(path, "", f"cannot read: {e}")
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        raise RuleError(path, where, f"invalid YAML: {getattr(e, 'problem', e)}")
    _validate(path, data, _schema(), "")
    stem_code = path.stem.split("-", 1)[0]
    if stem_code != data["code"] or path.stem != f"{data['code']}-{data['name']}":
        raise RuleError(path, "code", f"file must be named {data['code']}-{data['name']}.yaml")
    try:
        kind = checks.load(data["check"])
    except KeyError:
        raise RuleError(path, "check", f"unknown check kind {data['check']!r}; "
                                       f"known: {', '.join(checks.KIND_NAMES)}")
    options = data.get("options", {})
    _validate(path, options, kind.OPTIONS, "options")
    _check_regexes(path, options, kind.OPTIONS)
    _check_template(path, data["message"], kind)
    return Rule(code=data["code"], name=data["name"], summary=data["summary"],
                severity=data["severity"], check=data["check"], message=data["message"],
                rationale=data["rationale"], options=with_defaults(options, kind.OPTIONS),
                examples=data.get("examples", {}), groups=tuple(data.get("groups", ())),
                path=str(path), enabled=data.get("enabled", True),
                reads=data.get("reads", "all"), written=options)


def with_defaults(options: dict, schema: dict) -> dict:
    """The options, plus a copy of the schema's default for each top-level property left out
    (a copy: a check may hold on to a list, and defaults are shared between rules)."""
    defaults = {key: copy.deepcopy(prop["default"])
                for key, prop in schema.get("properties", {}).items()
                if isinstance(prop, dict) and "default" in prop and key not in options}
    return {**options, **defaults}


def _validate(path: Path, data, schema: dict, prefix: str) -> None:
    import jsonschema  # only when rules are validated, not on a cached start-up
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(data),
                    key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        key = ".".join([prefix] * bool(prefix) + [str(p) for p in e.absolute_path]) or "(top)"
        raise RuleError(path, key, e.message)


def _check_regexes(path: Path, options: dict, schema: dict) -> None:
    """Compile, with the `regex` engine the checks use, every option that holds a regular
    expression (named `regex`, or described as one in its kind's OPTIONS), so a pattern that
    does not compile is this file's error now, not a failure on every article later."""
    import regex
    flags = regex.IGNORECASE if options.get("ignore_case") else 0
    for key, prop in schema.get("properties", {}).items():
        value = options.get(key)
        if not isinstance(value, str) or not isinstance(prop, dict) or \
                not (key == "regex" or "regex" in prop.get("description", "").lower()):
            continue
        try:
            regex.compile(value, flags)
        except (regex.error, ValueError, TypeError) as e:
            raise RuleError(path, f"options.{key}", f"invalid regular expression {value!r}: {e}")


def _check_template(path: Path, message: str, kind: ModuleType) -> None:
    try:
        names = {f for _, f, _, _ in string.Formatter().parse(message) if f}
    except ValueError as e:
        raise RuleError(path, "message", f"bad template: {e}")
    unknown = names - set(kind.FIELDS)
    if unknown:
        raise RuleError(path, "message", f"unknown field(s) {', '.join(sorted(unknown))}; "
                                         f"{kind.__name__.rsplit('.', 1)[-1]} offers "
                                         f"{', '.join(kind.FIELDS)}")
