"""Option defaults: each kind's OPTIONS schema states a default once, and run() reads
options[k]. The rule loader may already have filled them in; tests and library callers may
call run() with partial options, so each kind's entry point fills them in again (a dict merge)."""
from __future__ import annotations


def with_defaults(schema: dict, options: dict) -> dict:
    """`options` with every property's schema default filled in where it is not given."""
    props = schema.get("properties", {})
    return {**{k: p["default"] for k, p in props.items() if "default" in p}, **options}


# A check of a patient's own values: a research article's analytes are also in media, foods,
# reagents and many samples, so by default only case reports are read.
PATIENTS_ONLY = {"type": "object",
                 "properties": {"case_reports_only": {
                     "type": "boolean", "default": True,
                     "description": "Only case reports: a patient's values, not a study's."}},
                 "additionalProperties": False}
