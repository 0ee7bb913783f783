"""plausible: a laboratory value whose unit cannot be right for its analyte.

Each quantity whose subject names an analyte of the table (facts/analytes.yaml: names,
dimensions, the widest values reported in living patients) is checked: a unit of a dimension
the analyte is never measured in ("haematocrit 9 g/dL": a percentage), or a value outside the
limits once converted ("haemoglobin 11.3 mg/dL" is 0.113 g/L), is reported with the units in
which the printed number would be possible. Mass and molar units are not compared with each
other (that needs the molar mass); percentages and pressures of another analyte are not
reported (a 5% glucose solution, a fall of 20%).
"""
from __future__ import annotations

from ..facts import labs
from ..facts.registry import facts
from ..model import Article, Location
from .kit.hit import Hit
from .kit.options import PATIENTS_ONLY, with_defaults

FIELDS = ("analyte", "value", "reason", "expected", "rendering")
OPTIONS = PATIENTS_ONLY
CONCENTRATIONS = ("mass", "molar", "activity", "count")


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    if options["case_reports_only"] and not article.is_case_report:
        return
    for r in article.renderings:
        for f in facts(r, "quantity"):
            subject, n, unit, _ = f.value
            analyte = labs.analyte_of(subject) if subject else None
            found = labs.base_value(1.0, unit)
            if analyte is None or found is None:
                continue
            problem = _problem(analyte, n if isinstance(n, tuple) else (n,), unit, found[0])
            if problem:
                reason, expected = problem
                where = Location.at(r, f.block.text, f.start, f.end, f.block.section_name)
                shown = "–".join(f"{x:g}" for x in (n if isinstance(n, tuple) else (n,)))
                yield Hit((where,), {"analyte": analyte.name, "value": f"{shown} {unit}",
                                     "reason": reason, "expected": expected,
                                     "rendering": r.kind},
                          evidence=f"{analyte.name}:{shown}:{unit}")


def _problem(analyte: labs.Analyte, ns: tuple, unit: str, dim: str):
    limits = analyte.limits
    if dim not in limits:
        convertible = dim in ("mass", "molar") and {"mass", "molar"} & set(limits)
        if dim not in CONCENTRATIONS or convertible:
            return None  # a percentage or pressure of another analyte; mass for molar
        return (f"{analyte.name} is not measured in {unit}",
                _where_possible(analyte, ns, dim) or _usual(analyte))
    low, high, in_unit = limits[dim]
    factor = labs.units_of(dim)[in_unit]
    lo, hi = low * factor, high * factor
    bases = [x * labs.units_of(dim)[unit] for x in ns]
    if all(lo <= b <= hi for b in bases):
        return None
    limit = f"{low:g}–{high:g} {in_unit}" if low else f"at most {high:g} {in_unit}"
    return (f"outside what a living patient has ({limit})",
            _where_possible(analyte, ns, dim) or _usual(analyte))


def _where_possible(analyte: labs.Analyte, ns: tuple, printed: str) -> str:
    """The units (one per factor; the printed unit's dimension first, the table's own unit
    first within a dimension) in which the printed number would lie within the limits."""
    out, seen = [], set()
    for dim, (low, high, in_unit) in sorted(analyte.limits.items(), key=lambda d: d[0] != printed):
        units = labs.units_of(dim)
        lo, hi = low * units[in_unit], high * units[in_unit]
        for u in sorted(units, key=lambda u: u != in_unit):
            if units[u] in seen or not all(lo <= x * units[u] <= hi for x in ns):
                continue
            seen.add(units[u])
            out.append(u)
    return "possible in " + ", ".join(out[:3]) if out else ""


def _usual(analyte: labs.Analyte) -> str:
    return "measured in " + ", ".join(u for _, _, u in analyte.limits.values())
