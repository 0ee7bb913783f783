"""Nothing is lost: lintcase never writes to its inputs, and --output replaces the report whole,
leaving no temporary file behind."""
from __future__ import annotations

import os
import pathlib

import pytest
from click.testing import CliRunner

from hostile_inputs import digest, folder_with, jats
from lintcase.cli import main
from lintcase.formatters import NAMES

INPUTS = {
    "good.xml": jats("<p>The patient was followed for 12 months and then the the end.</p>"),
    "truncated.xml": jats("<p>cut")[:-40],
    "binary.txt": b"\x00\x01\x02binary",
    "empty.md": b"",
    "latin1.txt": "Caf\xe9 report\n".encode("latin-1"),
    "sub/nested.md": b"# A nested case\n\nThe the doubled word.\n",
}


def make_inputs(tmp_path):
    folder = folder_with(tmp_path, {})
    for name, data in INPUTS.items():
        (folder / name).parent.mkdir(exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def test_inputs_are_never_written(tmp_path):
    folder = make_inputs(tmp_path)
    before = digest(folder)
    out = tmp_path / "out"
    out.mkdir()
    runner = CliRunner()
    runner.invoke(main, ["check", "--no-cache", str(folder)])
    runner.invoke(main, ["check", "--no-cache", str(folder / "good.xml")])  # + its siblings
    for fmt in NAMES:
        runner.invoke(main, ["check", "--no-cache", str(folder), "--format", fmt,
                             "-o", str(out / f"r.{fmt}")])
    assert len(list(out.iterdir())) == len(NAMES)
    assert digest(folder) == before  # same files, same bytes, nothing added
    assert len(before) == len(INPUTS) + 2


@pytest.mark.parametrize("fmt", NAMES)
def test_output_replaces_an_existing_report_whole(tmp_path, fmt):
    folder = make_inputs(tmp_path)
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    target = out_dir / "report"
    target.write_text("STALE " * 100000)  # longer than any new report
    runner = CliRunner()
    expected = runner.invoke(main, ["check", "--no-cache", str(folder), "--format", fmt]).stdout
    result = runner.invoke(main, ["check", "--no-cache", str(folder), "--format", fmt, "-o", str(target)])
    assert result.exit_code == 1
    assert target.read_text() == expected and "STALE" not in target.read_text()
    assert [p.name for p in out_dir.iterdir()] == ["report"]  # no temporary file left behind


def test_an_interrupted_write_keeps_the_old_report_and_leaves_nothing(tmp_path, monkeypatch):
    folder = make_inputs(tmp_path)
    out_dir = tmp_path / "reports"
    out_dir.mkdir()
    target = out_dir / "report.txt"
    target.write_text("the previous report\n")

    import lintcase.cache
    real_replace = os.replace

    def interrupted(src, dst):
        if pathlib.Path(dst) == target:
            raise KeyboardInterrupt  # Ctrl-C just before the report's rename
        return real_replace(src, dst)

    monkeypatch.setattr(lintcase.cache.os, "replace", interrupted)
    CliRunner().invoke(main, ["check", str(folder), "--no-cache", "-o", str(target)])
    assert target.read_text() == "the previous report\n"
    assert [p.name for p in out_dir.iterdir()] == ["report.txt"]
