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
    def __init__(self, path, key: str, reason: str):
        super().__init__(f"{path}: {key}: {reason}")
        self.path, self.key, self.reason = str(path), key, reason


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
    try:
        return "lintcase" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False


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
                    key=lambda e: list(e.absolute_path))
    if errors:
        e = errors[0]
        key = ".".join(str(p) for p in e.absolute_path)
        if e.validator == "additionalProperties":
            key = next(iter(set(e.instance) - set(e.schema.get("properties", {}))), key)
            raise ConfigError(path, key, f"unknown option {key!r}")
        raise ConfigError(path, key or "(top)", e.message)
    return Config(path, values)
