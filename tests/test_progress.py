"""A progress bar on stderr when a person watches a terminal; none in pipes or with --quiet."""
from __future__ import annotations

import os
import pty
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT

CASES = ROOT / "tests" / "cases"


def on_terminal(*args: str) -> bytes:
    exe = shutil.which("lintcase", path=os.path.dirname(sys.executable))
    pid, fd = pty.fork()
    if pid == 0:  # the child runs lintcase with its output on the pseudo-terminal
        os.execv(exe, [exe, "check", str(CASES), "--no-cache", "-j", "1", "-o", os.devnull, *args])
    out = b""
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        out += data
    os.waitpid(pid, 0)
    return out


@pytest.mark.skipif(shutil.which("lintcase", path=os.path.dirname(sys.executable)) is None,
                    reason="needs the installed lintcase script")
def test_progress_bar_on_a_terminal_only():
    assert b"checking" in on_terminal() and b"100%" in on_terminal()
    assert b"checking" not in on_terminal("--quiet")
    piped = subprocess.run([sys.executable, "-m", "lintcase.cli", "check", str(CASES), "--no-cache",
                            "-j", "1", "-o", os.devnull], capture_output=True, cwd=ROOT)
    assert b"checking" not in piped.stderr
