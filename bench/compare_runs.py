"""Compare two folders of lintcase JSON reports (one file per corpus folder), field by field.

    python bench/compare_runs.py BEFORE_DIR AFTER_DIR

Prints, per file, the counts and every finding, error or article that differs; exits 1 on any
difference. Used to show that a change leaves findings identical (a refactoring), or to list
what a change added and removed.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path


def _key(f: dict) -> str:
    return json.dumps(f, sort_keys=True, ensure_ascii=False)


def compare(before: Path, after: Path) -> int:
    differ = 0
    for b in sorted(before.glob("*.json")):
        a = after / b.name
        if not a.exists():
            print(f"{b.name}: missing in {after}")
            differ += 1
            continue
        jb, ja = json.loads(b.read_text()), json.loads(a.read_text())
        for part in ("findings", "errors", "articles"):
            cb = Counter(map(_key, jb.get(part, [])))
            ca = Counter(map(_key, ja.get(part, [])))
            gone, new = cb - ca, ca - cb
            print(f"{b.name} {part}: {sum(cb.values())} before, {sum(ca.values())} after, "
                  f"{sum(gone.values())} gone, {sum(new.values())} new")
            for k in list(gone)[:5]:
                print("  -", k[:300])
            for k in list(new)[:5]:
                print("  +", k[:300])
            differ += bool(gone or new)
    return int(bool(differ))


if __name__ == "__main__":
    sys.exit(compare(Path(sys.argv[1]), Path(sys.argv[2])))
