"""Cross-rendering findings on the corpus pairs and triples, three ways, side by side.

    python bench/crossrender.py [--corpus ../shared/corpus] [--select LC1] [--out FILE]

For every article folder in ``<corpus>/pairs/`` and ``<corpus>/triples/`` lintcase runs (in
process, no cache) on temporary folders holding copies of:

- ``xml+pdf``: ``article.xml`` and ``article.pdf`` (needs the ``pdf`` extra);
- ``xml+text``: ``article.xml`` and ``article.pdftotext.txt``;
- ``as given``: every file of the folder (XML, PDF, pdftotext text, and the HTML of a triple).

It prints a markdown table of findings per article and rule (the rules with a finding in
some set-up; the others found nothing anywhere), and the findings of the
``as given`` run one per line (for the review in docs/corpus-review.md). The corpus is never
written.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
from emit import emit  # noqa: E402

from lintcase import discover  # noqa: E402
from lintcase.engine import run as engine  # noqa: E402  (engine.run: the checks run)
from lintcase.rulebook import load as rulemod  # noqa: E402

SETUPS = {"xml+pdf": ("article.xml", "article.pdf"),
          "xml+text": ("article.xml", "article.pdftotext.txt"),
          "as given": None}


def lint(folder: Path, rules: list) -> list:
    inputs, _ = discover.collect([str(folder)])
    renderings, _ = discover.load(inputs)
    findings, _ = engine.run(discover.group(renderings), rules)
    return findings


def copy(src: Path, dst: Path, names) -> Path:
    dst.mkdir(parents=True)
    for f in sorted(src.iterdir()):
        if names is None or f.name in names:
            shutil.copyfile(f, dst / f.name)
    return dst


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--select", default="LC1", help="comma-separated rule code prefixes")
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    prefixes = tuple(args.select.split(","))
    rules = [r for r in rulemod.load_rules(rulemod.default_rule_dirs())
             if r.code.startswith(prefixes) and r.enabled]
    codes = sorted({r.code for r in rules})
    folders = sorted(p for sub in ("pairs", "triples") for p in (args.corpus / sub).iterdir()
                     if p.is_dir())
    counts: dict = {}
    listing = []
    with tempfile.TemporaryDirectory() as tmp:
        for i, src in enumerate(folders):
            for setup, names in SETUPS.items():
                found = lint(copy(src, Path(tmp) / f"{i}-{setup}" / src.name, names), rules)
                counts[src.name, setup] = Counter(f.rule for f in found)
                if setup == "as given":
                    listing += [(src.name, f) for f in found]
    codes = [c for c in codes if any(n[c] for n in counts.values())] or codes[:1]
    lines = ["| article | " + " | ".join(f"{s} {c}" for s in SETUPS for c in codes) + " |",
             "| --- |" + " ---: |" * (len(SETUPS) * len(codes))]
    totals = Counter()
    for src in folders:
        row = []
        for s in SETUPS:
            for c in codes:
                n = counts[src.name, s][c]
                totals[s, c] += n
                row.append(str(n))
        lines.append(f"| {src.parent.name}/{src.name} | " + " | ".join(row) + " |")
    lines.append("| **total** | " + " | ".join(f"**{totals[s, c]}**" for s in SETUPS
                                               for c in codes) + " |")
    lines.append(f"| per article ({len(folders)}) | " + " | ".join(
        f"{totals[s, c] / len(folders):.2f}" for s in SETUPS for c in codes) + " |")
    lines += ["", "Findings of the `as given` run:", ""]
    for name, f in listing:
        differing = dict(f.fields).get("differing", "")
        lines.append(f"- {name} {f.rule} [{differing}] {f.message[:160]}")
    return emit(lines, args.out)


if __name__ == "__main__":
    sys.exit(main())
