"""What a family of rules adds to a whole run: the same check with and without it, side by side.

    python bench/family_cost.py --ignore LC501,LC502,LC503 [--folder jats] [--runs 3]

Runs `lintcase check FOLDER` (no cache, one process, JSON to /dev/null) alternately with and
without `--ignore RULES`, RUNS times each, and prints the median wall-clock seconds of each and
their ratio. The machine's speed varies from run to run: only the ratio within one run counts.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def once(folder: Path, extra: list[str]) -> float:
    cmd = [sys.executable, "-m", "lintcase.cli", "check", str(folder), "--no-cache", "--jobs", "1",
           "-q", "--fail-on", "never", "--format", "json", "-o", "/dev/null", *extra]
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True)
    return time.perf_counter() - t0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ignore", required=True, help="the family's rules, as --ignore takes them")
    ap.add_argument("--folder", default="jats")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    folder = args.corpus / args.folder
    without, with_ = [], []
    for _ in range(args.runs):
        without.append(once(folder, ["--ignore", args.ignore]))
        with_.append(once(folder, []))
    a, b = statistics.median(without), statistics.median(with_)
    print(f"{folder.name}: without {args.ignore} {a:.1f} s, with {b:.1f} s "
          f"(median of {args.runs} alternating runs each): {b / a:.3f}x, "
          f"{100 * (b / a - 1):+.1f}%")
    print("runs without:", " ".join(f"{x:.1f}" for x in without))
    print("runs with:   ", " ".join(f"{x:.1f}" for x in with_))
    return 0


if __name__ == "__main__":
    sys.exit(main())
