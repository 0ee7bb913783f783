"""Start-up time of `lintcase check` on one small file, with and without the cache.

    python bench/startup.py [--runs N] [CHECKOUT ...]

Start-up is what a pre-commit hook or an editor pays on every call: imports, rule loading (or
the cached rules) and one small article. Each CHECKOUT is a repository with its own virtual
environment (`CHECKOUT/.venv/bin/lintcase`); without one, the checkout holding this script is
measured. With several, runs alternate between them round by round (the order rotating each
round) so that a busy machine slows all of them alike, and the medians are printed side by side
with each checkout's ratio to the first. Every checkout reads the same file, the first
checkout's `seeds/002_*.txt`; each has its own cache folder, filled by a warm-up run.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
MODES = ("--no-cache", "cache")


def _command(checkout: Path, small: Path, mode: str, cache: Path) -> list[str]:
    exe = checkout / ".venv" / "bin" / "lintcase"
    extra = ["--no-cache"] if mode == "--no-cache" else ["--cache-dir", str(cache)]
    return [str(exe), "check", str(small), "--jobs", "1", *extra]


def _timed(cmd: list[str], cwd: Path) -> float:
    """Seconds for one run; a crash (exit code other than 0 or 1) stops the benchmark."""
    start = time.perf_counter()
    done = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    took = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({done.returncode}):\n{done.stderr.decode()}")
    return took


def measure(checkouts: list[Path], small: Path, runs: int) -> dict[tuple[Path, str], list[float]]:
    """Run times per (checkout, mode), taken round-robin after one warm-up run each."""
    times: dict[tuple[Path, str], list[float]] = {(c, m): [] for c in checkouts for m in MODES}
    with tempfile.TemporaryDirectory(prefix="lintcase-startup-") as tmp:
        caches = {c: Path(tmp) / f"cache{i}" for i, c in enumerate(checkouts)}
        jobs = [(c, m) for m in MODES for c in checkouts]
        for c, m in jobs:  # warm-up: fills the cache and the page cache, not counted
            _timed(_command(c, small, m, caches[c]), c)
        for round_ in range(runs):
            shift = round_ % len(jobs)
            for c, m in jobs[shift:] + jobs[:shift]:
                times[c, m].append(_timed(_command(c, small, m, caches[c]), c))
    return times


def report(checkouts: list[Path], times, runs: int, small: Path) -> str:
    medians = {key: statistics.median(values) for key, values in times.items()}
    labels = {c: f"ratio {c.name} / {checkouts[0].name}" for c in checkouts[1:]}
    width = max(len(str(x)) for x in [*checkouts, *labels.values()]) + 2
    lines = [f"start-up of `lintcase check {small.name} --jobs 1`: median of {runs} runs"
             f"{' (alternating)' if len(checkouts) > 1 else ''}",
             f"{'':<{width}}{'no cache':>12}{'with cache':>12}"]
    for c in checkouts:
        lines.append(f"{str(c):<{width}}" + "".join(f"{medians[c, m]:>10.3f} s" for m in MODES))
    for c in checkouts[1:]:
        ratios = "".join(f"{medians[c, m] / medians[checkouts[0], m]:>11.2f}×" for m in MODES)
        lines.append(f"{labels[c]:<{width}}{ratios}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("checkouts", nargs="*", type=Path, help="default: this repository")
    parser.add_argument("--runs", type=int, default=11, help="timed runs per checkout and mode")
    args = parser.parse_args()
    checkouts = [c.resolve() for c in args.checkouts] or [HERE]
    for c in checkouts:
        if not (c / ".venv" / "bin" / "lintcase").is_file():
            sys.exit(f"{c}: no .venv/bin/lintcase (python3 -m venv .venv && .venv/bin/pip "
                     f"install -e .)")
    small = next(iter(sorted((checkouts[0] / "seeds").glob("002_*.txt"))), None)
    if small is None:
        sys.exit(f"{checkouts[0]}: no seeds/002_*.txt")
    print(report(checkouts, measure(checkouts, small, args.runs), args.runs, small))
    return 0


if __name__ == "__main__":
    sys.exit(main())
