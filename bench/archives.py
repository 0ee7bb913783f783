"""Archives read in place give the findings of the unpacked folder (issue 18).

    python bench/archives.py FOLDER [--jobs 2]

Packs FOLDER (e.g. ../shared/corpus/pairs2) into a zip and a tar.gz in a temporary folder,
checks the folder and both archives with the installed lintcase, and compares the findings
with the archive's prefix taken off every path (rule, article, message, places, fingerprint).
Prints the counts, the time of each run and the peak memory (max RSS of the child processes).
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path


def findings(target: str, jobs: int, prefix: str) -> tuple[list[str], dict, float]:
    exe = Path(sys.executable).with_name("lintcase")
    start = time.perf_counter()
    out = subprocess.run([str(exe), "check", target, "--format", "json", "--no-cache",
                          "--jobs", str(jobs)], capture_output=True, text=True, cwd=prefix)
    took = time.perf_counter() - start
    doc = json.loads(out.stdout)
    def plain(p: str) -> str:
        return p.split("!", 1)[1] if "!" in p else p
    rows = sorted(json.dumps({**f, "locations": [{**loc, "path": plain(loc["path"])}
                                                 for loc in f["locations"]]}, sort_keys=True)
                  for f in doc["findings"])
    return rows, doc["summary"], took


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lintcase-archives-") as tmp:
        name = args.folder.name
        shutil.copytree(args.folder, Path(tmp) / name)
        shutil.make_archive(str(Path(tmp) / name), "zip", tmp, name)
        with tarfile.open(Path(tmp) / f"{name}.tar.gz", "w:gz") as tar:
            tar.add(Path(tmp) / name, arcname=name)
        runs = {}
        for target in (name, f"{name}.zip", f"{name}.tar.gz"):
            runs[target] = findings(target, args.jobs, tmp)
            rows, summary, took = runs[target]
            print(f"{target}: {summary['articles']} articles, {summary['findings']} findings, "
                  f"{summary['errors']} input errors, {took:.1f} s", flush=True)
        base = runs[name][0]
        for target in (f"{name}.zip", f"{name}.tar.gz"):
            same = runs[target][0] == base
            print(f"{target}: findings {'identical to' if same else 'DIFFER from'} the folder's "
                  f"(paths aside)")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory of one lintcase process: {peak:.0f} MB")


if __name__ == "__main__":
    main()
