"""-o and --write-baseline write where they are told: a regular file atomically (its mode kept;
a new one with the umask's usual mode), anything else (a FIFO, a device, a symlink's target)
written through, never replaced; "-" is standard output; a missing folder is a usage error."""
from __future__ import annotations

import json
import os
import stat
import threading

from click.testing import CliRunner

from conftest import XML_SEED
from lintcase.cli import main


def check(*args):
    return CliRunner().invoke(main, ["check", str(XML_SEED), "--no-cache", "--format", "json",
                                     *map(str, args)])


def test_existing_file_keeps_its_mode(tmp_path):
    out = tmp_path / "report.json"
    out.write_text("old")
    out.chmod(0o644)
    check("-o", out)
    assert json.loads(out.read_text())["tool"]["name"] == "lintcase"
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_new_file_gets_the_umask_mode_not_0600(tmp_path):
    out = tmp_path / "new.json"
    old = os.umask(0o022)
    try:
        check("-o", out)
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


def test_symlink_is_written_through_to_its_target(tmp_path):
    target = tmp_path / "real.json"
    target.write_text("old")
    target.chmod(0o664)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    check("-o", link)
    assert link.is_symlink()
    assert json.loads(target.read_text())["tool"]["name"] == "lintcase"
    assert stat.S_IMODE(target.stat().st_mode) == 0o664


def test_fifo_is_written_through_not_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()), daemon=True)
    reader.start()
    check("-o", fifo)
    reader.join(timeout=30)
    if reader.is_alive():  # nothing was written into the pipe: let the reader go
        os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert json.loads(got[0])["tool"]["name"] == "lintcase"


def test_dash_is_standard_output(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = check("-o", "-")
    assert json.loads(result.stdout)["tool"]["name"] == "lintcase"
    assert not (tmp_path / "-").exists()


def test_write_baseline_writes_through_a_symlink(tmp_path):
    target = tmp_path / "base-real.json"
    target.write_text("{}")
    link = tmp_path / "base.json"
    link.symlink_to(target)
    result = check("--write-baseline", link)
    assert link.is_symlink() and json.loads(target.read_text())["lintcase_baseline"] == 1
    assert result.exit_code == 0


def test_output_folder_that_does_not_exist_is_a_usage_error(tmp_path):
    result = check("-o", tmp_path / "missing" / "report.json")
    assert result.exit_code == 2
    assert "missing" in result.stderr and "does not exist" in result.stderr
    result = check("--write-baseline", tmp_path / "missing" / "base.json")
    assert result.exit_code == 2 and "--write-baseline" in result.stderr
