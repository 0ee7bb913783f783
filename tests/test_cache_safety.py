"""The result cache: never unpickled from a folder others can write, kept under its size cap,
and removed by `lintcase clean` (issue 16)."""
from __future__ import annotations

import json
import os
import pickle

import pytest
from click.testing import CliRunner

from conftest import SEEDS, run
from lintcase import cache
from lintcase.cli import main


def check(*args):
    result = CliRunner().invoke(main, ["check", str(SEEDS), "--format", "json", *map(str, args)],
                                catch_exceptions=False)
    return result


def test_a_private_cache_is_created_and_used(tmp_path):
    folder = tmp_path / "c"
    first = check("--cache-dir", folder)
    assert (folder.stat().st_mode & 0o777) == 0o700 and cache.entries(folder)
    second = check("--cache-dir", folder)
    assert json.loads(first.stdout)["findings"] == json.loads(second.stdout)["findings"]
    assert "without the cache" not in second.stderr


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_others_can_write_is_refused_and_never_unpickled(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o777)
    # an entry planted by another user: unpickling it would run code
    (folder / "ab").mkdir()
    planted = folder / "ab" / ("ab" + "0" * 62)
    planted.write_bytes(pickle.dumps(RuntimeError("planted")))
    result = check("--cache-dir", folder)
    assert "writable by other users: running without the cache" in result.stderr
    assert result.stderr.count("without the cache") == 1  # said once
    assert json.loads(result.stdout)["findings"]  # the run went on
    assert cache.entries(folder) == [planted]  # nothing was written there either


def test_the_cache_is_pruned_to_its_cap_least_recently_used_first(tmp_path):
    folder = tmp_path / "c"
    for i in range(10):
        key = f"{i:02d}" + "a" * 62
        cache.put(folder, key, b"x" * 1000)
        os.utime(folder / key[:2] / key, (1000 + i, 1000 + i))
    (folder / "notes.txt").write_text("not ours")
    assert cache.prune(folder, limit=100_000) == 0  # under the cap: untouched
    gone = cache.prune(folder, limit=6000)
    left = sorted(p.name[:2] for p in cache.entries(folder))
    assert gone == 10 - len(left) and left == [f"{i:02d}" for i in range(10 - len(left), 10)]
    assert sum(p.stat().st_size for p in cache.entries(folder)) <= 0.8 * 6000
    assert (folder / "notes.txt").exists()


def test_clean_removes_only_cache_entries(tmp_path):
    folder = tmp_path / "c"
    check("--cache-dir", folder)
    (folder / "keep.txt").write_text("mine")
    code, out = run("clean", "--cache-dir", folder)
    assert code == 0 and out.startswith("removed ") and f"from {folder}" in out
    assert cache.entries(folder) == [] and (folder / "keep.txt").read_text() == "mine"
    assert run("clean", "--cache-dir", folder)[1].startswith("removed 0 cache entries")
