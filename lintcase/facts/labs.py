"""Laboratory values: which analyte of analytes.yaml a quantity's subject names, and a
value in the base unit of its dimension ("haemoglobin 11.3 mg/dL" -> haemoglobin, mass,
0.113 g/L). The table also gives each analyte's limits; the check compares them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml


TABLE = Path(__file__).with_name("analytes.yaml")
DIMENSIONS = ("mass", "molar", "activity", "count", "percent", "pressure")
# words that may follow an analyte's name in its subject: "serum sodium level", "CRP value"
_TRAILING = {"level", "levels", "value", "values", "concentration", "concentrations", "count",
             "activity", "titer", "titre", "was", "were", "of", "in", "serum", "plasma", "blood",
             "total", "peak", "initial", "the", "dropped", "fell", "rose", "increased",
             "decreased", "declined", "reached", "measured", "improved", "normalized",
             "normalised", "elevated", "raised"}


@dataclass(frozen=True)
class Analyte:
    name: str
    limits: dict  # dimension -> (low, high, unit as written in the table)


@lru_cache(maxsize=1)
def table() -> tuple[list[tuple[re.Pattern, Analyte]], dict]:
    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    units = {u: (dim, float(f)) for u, (dim, f) in data["units"].items()}
    out = []
    for a in data["analytes"]:
        analyte = Analyte(a["name"], {d: tuple(a[d]) for d in DIMENSIONS if d in a})
        for name in sorted(a["names"], key=len, reverse=True):
            exact = len(name) <= 4 or any(c.isupper() for c in name[1:])
            pattern = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])",
                                 0 if exact else re.IGNORECASE)
            out.append((pattern, analyte))
    out.sort(key=lambda p: len(p[0].pattern), reverse=True)
    return out, units


def analyte_of(subject: str) -> Analyte | None:
    """The analyte a quantity's subject names: the longest name that ends the subject but for
    words such as "level" or "value"."""
    patterns, _ = table()
    for pattern, analyte in patterns:
        for m in pattern.finditer(subject):
            rest = re.findall(r"[\w-]+", subject[m.end():])
            if all(w.lower() in _TRAILING for w in rest):
                return analyte
    return None


def base_value(value: float, unit: str) -> tuple[str, float] | None:
    """(dimension, value in the dimension's base unit), or None for a unit of no dimension here."""
    _, units = table()
    if unit not in units:
        return None
    dim, factor = units[unit]
    return dim, value * factor


def units_of(dim: str) -> dict:
    _, units = table()
    return {u: f for u, (d, f) in units.items() if d == dim}
