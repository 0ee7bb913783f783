"""Draw a random sample of findings to judge, across articles, by script (nobody picks).

    python bench/sample.py RUN OUT.jsonl [--per-rule 20] [--seed 14] [--rules LC101,LC4]
                           [--severity warning,error] [--skip-judged]

RUN is a folder of JSON reports (bench/ecosystem.py run). For each rule the findings are
shuffled with a fixed seed and taken one article at a time (at most one finding per article until
every article with a finding has given one), up to --per-rule. Findings already judged in
bench/quality/judged/*.tsv count towards the quota with --skip-judged and are left out of OUT,
so a new draw after a change only asks for the findings nobody has judged yet.
Each line of OUT is one finding with its corpus folder, article, rule, message and places.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from judgements import judged_keys, key_of  # noqa: E402


def draw(findings: list[dict], per_rule: int, seed: int, done: set[str] = frozenset()) -> list[dict]:
    """Up to per_rule findings of each rule, counting those already judged (`done`) first: a
    new draw after a change asks only for what the earlier random draws do not cover."""
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for f in findings:
        by_rule[f["rule"]].append(f)
    out = []
    for rule in sorted(by_rule):
        items = sorted(by_rule[rule], key=lambda f: key_of(f))
        have = sum(1 for f in items if key_of(f) in done)
        items = [f for f in items if key_of(f) not in done]
        random.Random(f"{seed}:{rule}").shuffle(items)
        by_article: dict[str, list[dict]] = defaultdict(list)
        for f in items:
            by_article[f["article"] or f["locations"][0]["path"]].append(f)
        order = list(by_article)  # first-seen order after the shuffle: random, reproducible
        taken: list[dict] = []
        depth = 0
        while len(taken) < per_rule - have and any(len(v) > depth for v in by_article.values()):
            for a in order:
                if len(by_article[a]) > depth and len(taken) < per_rule - have:
                    taken.append(by_article[a][depth])
            depth += 1
        out += taken
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("run", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--per-rule", type=int, default=20)
    ap.add_argument("--seed", type=int, default=14)
    ap.add_argument("--rules", default="", help="codes or prefixes, comma-separated")
    ap.add_argument("--severity", default="info,warning,error")
    ap.add_argument("--skip-judged", action="store_true")
    args = ap.parse_args()
    wanted = [r for r in args.rules.split(",") if r]
    severities = set(args.severity.split(","))
    findings = []
    for path in sorted(args.run.glob("*.json")):
        for f in json.loads(path.read_text())["findings"]:
            if f["severity"] in severities and (not wanted or f["rule"].startswith(tuple(wanted))):
                findings.append(dict(f, corpus=path.stem))
    done = judged_keys() if args.skip_judged else set()
    sample = draw(findings, args.per_rule, args.seed, done)
    with args.out.open("w") as fh:
        for f in sample:
            fh.write(json.dumps(dict(f, key=key_of(f)), ensure_ascii=False) + "\n")
    print(f"{len(sample)} findings to judge written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
