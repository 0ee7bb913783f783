"""The ecosystem check: what a change does to lintcase's findings on every real article.

    python bench/ecosystem.py run OUT [--jobs 2] [--folders pairs,pairs2,...]
    python bench/ecosystem.py diff BEFORE AFTER [--rule LC101] [--limit 20]

`run` checks every folder of ../shared/corpus (the 1,200 JATS articles, the pairs, the triples
and the case reports) with the installed lintcase and keeps one JSON report per folder in OUT.
`diff` prints, per rule, the findings that appeared and disappeared between two such runs, each
with its article and excerpts, in the spirit of ruff's ecosystem check: run it before every
change to a reader, a fact extractor or a rule is committed, and say in the commit what it shows.
A finding is the same in both runs when its rule, article, message and places (path, line and
column) are; one whose place moved is shown as gone and new.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("pairs", "pairs2", "triples", "case-reports", "jats")


def run(out: Path, folders: list[str], jobs: int) -> None:
    out.mkdir(parents=True, exist_ok=True)
    exe = Path(sys.executable).with_name("lintcase")
    for folder in folders:
        cmd = [str(exe), "check", str(CORPUS / folder), "--format", "json", "--jobs", str(jobs),
               "--no-cache", "--fail-on", "never", "-q", "-o", str(out / f"{folder}.json")]
        subprocess.run(cmd, check=True)
        report = json.loads((out / f"{folder}.json").read_text())
        print(f"{folder}: {len(report['articles'])} articles, {len(report['findings'])} findings, "
              f"{len(report['errors'])} input errors")


def _identity(f: dict) -> str:
    places = [(p["path"].split("corpus/")[-1], p["line"], p["column"]) for p in f["locations"]]
    return json.dumps([f["rule"], f["article"], f["message"], places], ensure_ascii=False)


def load(folder: Path, names: set[str]) -> dict[str, dict]:
    """identity -> finding, over the named reports of a run (tagged with their corpus folder)."""
    found = {}
    for path in sorted(folder.glob("*.json")):
        if path.name not in names:
            continue
        for f in json.loads(path.read_text())["findings"]:
            found[_identity(f)] = dict(f, corpus=path.stem)
    return found


def show(f: dict) -> str:
    lines = [f"  {f['corpus']} {f['article']} [{f['severity']}] {f['message'][:200]}"]
    for p in f["locations"][:4]:
        lines.append(f"      {p['path'].split('corpus/')[-1]}:{p['line']}:{p['column']} "
                     f"({p['rendering']}): {p['excerpt'][:160]}")
    return "\n".join(lines)


def diff(before: Path, after: Path, rules: set[str], limit: int) -> int:
    names = {p.name for p in before.glob("*.json")} & {p.name for p in after.glob("*.json")}
    print(f"comparing {', '.join(sorted(names))}")
    old, new = load(before, names), load(after, names)
    gone = defaultdict(list)
    came = defaultdict(list)
    for k in old.keys() - new.keys():
        gone[old[k]["rule"]].append(old[k])
    for k in new.keys() - old.keys():
        came[new[k]["rule"]].append(new[k])
    total_old = Counter(f["rule"] for f in old.values())
    total_new = Counter(f["rule"] for f in new.values())
    changed = sorted(set(gone) | set(came))
    print(f"{len(old)} findings before, {len(new)} after; "
          f"{sum(map(len, gone.values()))} gone, {sum(map(len, came.values()))} new")
    for rule in changed:
        if rules and rule not in rules:
            continue
        print(f"\n{rule}: {total_old[rule]} -> {total_new[rule]} "
              f"(-{len(gone[rule])} +{len(came[rule])})")
        for sign, items in (("-", gone[rule]), ("+", came[rule])):
            for f in sorted(items, key=lambda f: (f["corpus"], f["article"]))[:limit]:
                print(sign + show(f)[1:])
            if len(items) > limit:
                print(f"{sign} ... and {len(items) - limit} more")
    return int(bool(changed))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run")
    r.add_argument("out", type=Path)
    r.add_argument("--jobs", type=int, default=2)
    r.add_argument("--folders", default=",".join(FOLDERS))
    d = sub.add_parser("diff")
    d.add_argument("before", type=Path)
    d.add_argument("after", type=Path)
    d.add_argument("--rule", action="append", default=[])
    d.add_argument("--limit", type=int, default=20)
    args = ap.parse_args()
    if args.cmd == "run":
        run(args.out, args.folders.split(","), args.jobs)
        return 0
    return diff(args.before, args.after, set(args.rule), args.limit)


if __name__ == "__main__":
    sys.exit(main())
