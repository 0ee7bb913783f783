"""lintcase benchmark: one command, all figures measured side by side in one run.

    python bench/run.py [--corpus ../shared/corpus] [--quick]

Writes the table to docs/performance.md and prints it. Timings are wall-clock seconds of
separate processes (the way users run lintcase); compare ratios within one run, since the
machine's speed varies from run to run.
"""
from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINTCASE = [sys.executable, "-m", "lintcase.cli"]


def timed(cmd: list[str], env=None) -> tuple[float, int]:
    """Seconds and peak RSS (MB) of a command run in a fresh process (workers included)."""
    wall, _, mem = timed_cpu(cmd, env)
    return wall, mem


def timed_cpu(cmd: list[str], env=None) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds (user + system, workers included) and peak RSS (MB, the
    largest single process) of a command run in a fresh process."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
             "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
             "print(time.perf_counter() - t, u.ru_utime + u.ru_stime, u.ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True,
                         env=env, cwd=ROOT, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]) // 1024


def check(paths, *flags) -> list[str]:
    return [*LINTCASE, "check", *map(str, paths), "--format", "json", "--fail-on", "never", *flags]


def baseline_cmd(paths) -> list[str]:
    """lxml parsing the same files and walking their text, nothing else."""
    code = ("import sys, lxml.etree as E\n"
            "p = E.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)\n"
            "n = 0\n"
            "for f in sys.argv[1:]:\n"
            "    n += sum(len(t) for t in E.parse(f, p).getroot().itertext())\n"
            "print(n)")
    return [sys.executable, "-c", code, *map(str, paths)]


HELD = """
import sys, resource
from lintcase import runner
from lintcase.engine import filters as engine  # engine.select: the rules selected
from lintcase.rulebook.load import default_rule_dirs, load_rules
marks = sorted(int(n) for n in sys.argv[2].split(","))
rules = tuple(engine.select(load_rules(default_rule_dirs()), [], []))
def rss():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 // 2**20
def progress(done, total):  # chunks of runner.CHUNK files of one folder
    while marks and (done * runner.CHUNK >= marks[0] or done == total):
        print(marks.pop(0), rss(), flush=True)
result = runner.run([sys.argv[1]], runner.Options(rules=rules, jobs=1), progress)
print("findings", len(result.findings))
"""


def held_memory(folder: Path, n: int) -> tuple[dict[int, int], int]:
    """Memory held between chunks (RSS after the chunk that ends at 300, 600, ... files) of
    one in-process pipeline run, and its number of findings: what the run keeps, as opposed to
    the peak of its heaviest chunk."""
    marks = ",".join(str(k) for k in (300, 600, 900, n) if k <= n)
    done = subprocess.run([sys.executable, "-c", HELD, str(folder), marks, str(n)], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"the in-process run failed ({done.returncode}):\n{done.stderr}")
    out = done.stdout.split("\n")
    held = {int(a): int(b) for a, b in (line.split() for line in out if line and
                                        not line.startswith("findings"))}
    return held, int(next(line for line in out if line.startswith("findings")).split()[1])


def subset(files: list[Path], n: int, tmp: Path) -> Path:
    d = tmp / f"subset-{n}"
    d.mkdir()
    for f in files[:n]:
        (d / f.name).symlink_to(f.resolve())
    return d


def repeated_article(src: Path, times: int, tmp: Path) -> Path:
    """One article with its body repeated `times` times (a long article of the same kind)."""
    text = src.read_text(encoding="utf-8")
    m = re.search(r"<body>(.*)</body>", text, re.S)
    body = m.group(1)
    out = tmp / f"{src.stem}-x{times}.xml"
    out.write_text(text[:m.start(1)] + body * times + text[m.end(1):], encoding="utf-8")
    return out


def pair_times(corpus: Path, repeats: int = 3) -> list[float]:
    """Seconds per pair for the cross-rendering comparison alone (both files already read),
    the best of `repeats` runs: the machine's other load only ever adds time."""
    sys.path.insert(0, str(ROOT))
    from lintcase.checks.align import Pair
    from lintcase.facts import facts
    from lintcase.readers import read
    out = []
    for d in sorted((corpus / "pairs").iterdir()) + sorted((corpus / "triples").iterdir()):
        x, p = read(d / "article.xml"), read(d / "article.pdftotext.txt")
        facts(x, "words"), facts(p, "words")  # extracted once per rendering anyway
        best = float("inf")
        for _ in range(repeats):
            t = time.perf_counter()
            list(Pair(x, p, {}).paragraphs())
            best = min(best, time.perf_counter() - t)
        out.append(best)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--quick", action="store_true", help="300 files only, for a smoke run")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    files = sorted((corpus / "jats").glob("*.xml"))[:300 if args.quick else None]
    rows: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        jats = subset(files, len(files), tmp)
        megabytes = sum(f.stat().st_size for f in files) / 1e6
        base, base_cpu, base_mem = timed_cpu(baseline_cmd(files))
        cache = tmp / "cache"
        # the one-process run is also the cache's cold run and the scaling point at full size
        cold, cold_cpu, cold_mem = timed_cpu(check([jats], "--jobs", "1", "--cache-dir", str(cache)))
        warm, _ = timed(check([jats], "--jobs", "1", "--cache-dir", str(cache)))
        # One process and two, twice each, alternating: this machine's speed drifts by a
        # quarter from minute to minute, and its other load only ever adds time, so each figure
        # is the better of two runs and both sides saw the same drift.
        runs1 = [(cold, cold_cpu, cold_mem)]
        runs2 = []
        for _ in range(2):
            runs2.append(timed(check([jats], "--jobs", "2", "--no-cache")))
            if len(runs1) < 2:
                runs1.append(timed_cpu(check([jats], "--jobs", "1", "--no-cache")))
        one, one_cpu, one_mem = min(runs1)
        two, two_mem = min(runs2)
        rows += [
            (f"baseline: lxml parse + text walk, {len(files)} files ({megabytes:.0f} MB)",
             f"{base:.1f} s ({base_cpu:.1f} s CPU), {len(files) / base:.0f} files/s, "
             f"{base_mem} MB peak"),
            ("lintcase check, full rule set, --jobs 1 (better of 2 runs: "
             + " and ".join(f"{r[0]:.1f}" for r in runs1) + " s)",
             f"{one:.1f} s ({one_cpu:.1f} s CPU), {len(files) / one:.1f} files/s, "
             f"{megabytes / one:.2f} MB/s, {one / base:.1f}× baseline ({one_cpu / base_cpu:.1f}× "
             f"in CPU time), {one_mem} MB peak"),
            ("lintcase check, --jobs 2 (better of 2 runs: "
             + " and ".join(f"{r[0]:.1f}" for r in runs2) + " s)", f"{two:.1f} s, {one / two:.2f}× faster than --jobs 1, "
                                         f"{two_mem} MB peak (all processes)"),
        ]
        for n in (300, 600, len(files)):
            if n > len(files):
                continue
            if n < len(files):
                t, mem = timed(check([subset(files, n, tmp)], "--jobs", "1", "--no-cache"))
            else:
                t, mem = one, one_mem
            # a chunk's peak is set by its largest article: is the set's peak more than that?
            largest = max(files[:n], key=lambda f: f.stat().st_size)
            _, alone = timed(check([largest], "--jobs", "1", "--no-cache", "--no-siblings"))
            rows.append((f"scaling: {n} files, --jobs 1",
                         f"{t:.1f} s ({t / n * 1000:.0f} ms/file), {mem} MB peak; its largest "
                         f"article ({largest.name}, {largest.stat().st_size / 1e6:.1f} MB) alone "
                         f"{alone} MB"))
        held, n_findings = held_memory(jats, len(files))
        rows.append(("memory held between chunks, one process (RSS after the chunk ending at "
                     "the given number of files)",
                     ", ".join(f"{k} files: {v} MB" for k, v in sorted(held.items()))
                     + f"; {n_findings} findings kept for the report"))
        big = max(files[:200], key=lambda f: f.stat().st_size)
        t1, _ = timed(check([repeated_article(big, 1, tmp)], "--jobs", "1", "--no-cache", "--no-siblings"))
        t10, _ = timed(check([repeated_article(big, 10, tmp)], "--jobs", "1", "--no-cache", "--no-siblings"))
        rows.append((f"one article ({big.name}) ×1 vs its body ×10",
                     f"{t1:.2f} s vs {t10:.2f} s: {t10 / t1:.1f}× the time for 10× the text"))
        folders = [corpus / "pairs", corpus / "triples"]
        n_files = sum(1 for d in folders for f in d.rglob("*") if f.is_file())
        t, mem = timed(check(folders, "--jobs", "1", "--no-cache"))
        rows.append((f"lintcase check on pairs/ and triples/ ({n_files} files, "
                     f"{sum(1 for d in folders for _ in d.iterdir())} articles), --jobs 1",
                     f"{t:.1f} s, {mem} MB peak"))
        pairs = pair_times(corpus)
        rows.append((f"cross-rendering comparison, {len(pairs)} pairs",
                     f"median {statistics.median(pairs) * 1000:.0f} ms, worst {max(pairs) * 1000:.0f} ms per "
                     f"pair (best of 3 runs each)"))
        small = ROOT / "tests" / "cases" / "LC401" / "fail" / "markdown.md"
        starts = sorted(timed(check([small], "--jobs", "1", "--no-cache"))[0] for _ in range(5))
        rows.append(("start-up: `lintcase check` on one small file, --no-cache",
                     f"median {starts[2]:.2f} s of 5 runs"))
        small_cache = str(tmp / "small-cache")
        timed(check([small], "--jobs", "1", "--cache-dir", small_cache))  # fills the cache
        starts = sorted(timed(check([small], "--jobs", "1", "--cache-dir", small_cache))[0]
                        for _ in range(5))
        rows.append(("start-up: the same with the cache (the pre-commit case: rules already "
                     "validated)", f"median {starts[2]:.2f} s of 5 runs"))
        rows.append(("cache: cold run vs re-run with nothing changed",
                     f"{cold:.1f} s vs {warm:.2f} s: {cold / warm:.0f}× faster"))
    write(rows)


def write(rows: list[tuple[str, str]]) -> None:
    lines = ["# Performance", "",
             f"Measured by `python bench/run.py` on {time.strftime('%Y-%m-%d')}, "
             f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}. One run, all figures side "
             "by side; wall-clock seconds of separate processes.", "",
             "| measurement | result |", "| --- | --- |"]
    lines += [f"| {a} | {b} |" for a, b in rows]
    text = "\n".join(lines) + "\n"
    out = ROOT / "docs" / "performance.md"
    old = out.read_text() if out.exists() else ""
    notes = old[old.index("\n## Notes"):] if "\n## Notes" in old else ""
    out.write_text(text + notes)
    print(text)


if __name__ == "__main__":
    main()
