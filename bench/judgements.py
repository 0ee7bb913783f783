"""The judged sample: one TSV row per judged finding, kept as data in bench/quality/judged/.

Columns: key, corpus, article, rule, place, verdict (right | wrong), reason. `key` identifies a
finding across runs and line shifts: its rule, fingerprint (rule, article and the normalised
evidence) and first place's file. A verdict is the judge's reading of the sources (the JATS, the
PDF text, the PDF or HTML): right = the finding states a real inconsistency or defect as it says;
wrong = it does not (rendering noise, a misread, a finding about something that is not there).
"""
from __future__ import annotations

import csv
from pathlib import Path

JUDGED = Path(__file__).resolve().parent / "quality" / "judged"
COLUMNS = ("key", "corpus", "article", "rule", "place", "verdict", "reason")


def key_of(f: dict) -> str:
    first = f["locations"][0]["path"].split("corpus/")[-1] if f["locations"] else ""
    return f"{f['rule']}:{f['fingerprint']}:{first}"


def rows() -> list[dict]:
    out = []
    for path in sorted(JUDGED.glob("*.tsv")):
        with path.open(newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("verdict") in ("right", "wrong"):
                    out.append(dict(row, file=path.name))
    return out


def judged_keys() -> set[str]:
    return {r["key"] for r in rows()}
