"""What fact extraction adds to the core run (issue 3's budget: at most +50%).

    python bench/extraction_overhead.py [--files 200] [--rounds 5] [--corpus ../shared/corpus]

"Core" is the rule set that needs no extracted facts beyond the few it always used:
`--select LC101,LC201,LC202,LC401`. "With extraction" is the facts and hygiene families as
shipped and enabled by default plus the core set: `--select LC1,LC2,LC4` (the LC3xx family is
left out so the figure measures extraction, not other rules). Both run on the same files with
`--jobs 1 --no-cache`, ALTERNATELY, so that the machine's changing load falls on both alike;
each round gives one pair and the table ends with the median of the per-pair overheads.

Times are wall-clock seconds of a fresh process, and the CPU seconds it used (user + system),
which another process on the machine disturbs less.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORE = "LC101,LC201,LC202,LC401"
WITH_EXTRACTION = "LC1,LC2,LC4"


def timed(cmd: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of a command run in a fresh process."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True); "
             "r = resource.getrusage(resource.RUSAGE_CHILDREN); "
             "print(time.perf_counter() - t, r.ru_utime + r.ru_stime)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    return float(out[0]), float(out[1])


def check(folder: Path, select: str) -> list[str]:
    return [sys.executable, "-m", "lintcase.cli", "check", str(folder), "--select", select,
            "--jobs", "1", "--no-cache", "--format", "json", "--fail-on", "never"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--files", type=int, default=200, help="the first N JATS files by name")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    files = sorted((Path(args.corpus) / "jats").glob("*.xml"))[:args.files]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for f in files:
            (folder / f.name).symlink_to(f.resolve())
        for i in range(args.rounds):
            # alternate which one goes first, so neither always runs on a warmer machine
            order = (CORE, WITH_EXTRACTION) if i % 2 == 0 else (WITH_EXTRACTION, CORE)
            got = {sel: timed(check(folder, sel)) for sel in order}
            rows.append((got[CORE], got[WITH_EXTRACTION]))
            print_row(i + 1, *rows[-1], flush=True)
    wall = [e[0] / c[0] - 1 for c, e in rows]
    cpu = [e[1] / c[1] - 1 for c, e in rows]
    print(f"median overhead: {statistics.median(wall):+.0%} wall-clock, "
          f"{statistics.median(cpu):+.0%} CPU ({len(files)} files, {args.rounds} rounds; "
          f"core = --select {CORE}, with extraction = --select {WITH_EXTRACTION})")


def print_row(n: int, core: tuple[float, float], ext: tuple[float, float], flush=False) -> None:
    if n == 1:
        print("| round | core s (CPU s) | with extraction s (CPU s) | overhead wall (CPU) |")
        print("| --- | --- | --- | --- |")
    print(f"| {n} | {core[0]:.2f} ({core[1]:.2f}) | {ext[0]:.2f} ({ext[1]:.2f}) | "
          f"{ext[0] / core[0] - 1:+.0%} ({ext[1] / core[1] - 1:+.0%}) |", flush=flush)


if __name__ == "__main__":
    main()
