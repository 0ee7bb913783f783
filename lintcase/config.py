"""Project configuration: [tool.lintcase] in pyproject.toml, or .lintcase.yaml.

Found by walking up from the first checked path (the nearest file wins; a .lintcase.yaml beats a
pyproject.toml in the same folder). Validated against schemas/config.schema.json; an invalid
file is a ConfigError naming the file, the key and the reason. Command-line flags override it.
"""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml


class ConfigError(Exception):
    """One or more problems in one configuration file: `problems` holds (key, reason) pairs,
    all of them, and the message one line per problem ("file: key: reason")."""

    def __init__(self, path, key: str, reason: str, more: list[tuple[str, str]] = ()):
        self.problems = [(key, reason), *more]
        super().__init__("\n".join(f"{path}: {k}: {r}" for k, r in self.problems))
        self.path, self.key, self.reason = str(path), key, reason

    @classmethod
    def of(cls, path, problems: list[tuple[str, str]]) -> "ConfigError":
        return cls(path, *problems[0], more=problems[1:])


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    values: dict = field(default_factory=dict)

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    def relative(self, value: str) -> Path:
        """A path from the file, taken relative to the folder the file is in."""
        base = self.path.parent if self.path else Path.cwd()
        return (base / value).resolve()


def find(start: Path) -> Path | None:
    folder = start.resolve()
    folder = folder if folder.is_dir() else folder.parent
    for d in (folder, *folder.parents):
        for name in (".lintcase.yaml", ".lintcase.yml", "pyproject.toml"):
            candidate = d / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml configures lintcase; one that is not valid TOML is a
    ConfigError (it may hold the [tool.lintcase] table meant for this run)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(path, "", f"invalid TOML: {e}")
    return "lintcase" in data.get("tool", {})


def load(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        text = path.read_text(encoding="utf-8")
        if path.name == "pyproject.toml":
            values = tomllib.loads(text).get("tool", {}).get("lintcase", {})
        else:
            values = yaml.safe_load(text) or {}
    except (OSError, UnicodeDecodeError) as e:
        raise ConfigError(path, "", f"cannot read: {e}")
    except (tomllib.TOMLDecodeError, yaml.YAMLError) as e:
        raise ConfigError(path, "", f"invalid syntax: {e}")
    import jsonschema  # only when there is a configuration file to validate
    schema = json.loads(resources.files("lintcase.schemas").joinpath("config.schema.json").read_text())
    errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(values),
                    key=lambda e: [str(p) for p in e.absolute_path])
    problems = [p for e in errors for p in _problems(e)]
    if problems:
        raise ConfigError.of(path, problems)
    return Config(path, values)


def _problems(e) -> list[tuple[str, str]]:
    """(key, reason) for one schema error: an unknown option is named with the nearest known
    ones ("did you mean")."""
    import difflib
    key = ".".join(str(p) for p in e.absolute_path)
    if e.validator != "additionalProperties" or not isinstance(e.instance, dict):
        return [(key or "(top)", e.message)]
    known = list(e.schema.get("properties", {}))
    out = []
    for extra in sorted(set(e.instance) - set(known)):
        near = difflib.get_close_matches(extra, known, n=3, cutoff=0.6)
        hint = f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""
        out.append((f"{key}.{extra}" if key else extra, f"unknown option {extra!r}{hint}"))
    return out
