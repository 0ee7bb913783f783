"""One rendering from standard input (`lintcase check - --stdin-filename NAME`) and its Python
form (`lintcase.api.check_text`): findings are named after NAME, as an editor's buffer is."""
from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import SEEDS
from lintcase import api
from lintcase.cli import main

CASE = (b"# Case report\n\n## Abstract\n\nThe patient was treated for 44 months.\n\n"
        b"## Case presentation\n\nThe patient has been under follow-up for 46 months.\n")


def stdin(data: bytes, *args):
    return CliRunner().invoke(main, ["check", "-", "--no-cache", "--format", "json", *args],
                              input=data, catch_exceptions=False)


def test_standard_input_is_checked_under_the_name_given():
    result = stdin(CASE, "--stdin-filename", "drafts/case.md", "--select", "LC201")
    doc = json.loads(result.stdout)
    assert result.exit_code == 1
    [f] = doc["findings"]
    assert f["rule"] == "LC201" and {loc["path"] for loc in f["locations"]} == {"drafts/case.md"}
    assert [a["renderings"][0]["path"] for a in doc["articles"]] == ["drafts/case.md"]


def test_the_name_decides_the_format_of_what_is_read():
    xml = next(p for p in SEEDS.iterdir() if p.read_bytes().startswith(b"<?xml")).read_bytes()
    doc = json.loads(stdin(xml, "--stdin-filename", "article.xml", "--select", "LC201").stdout)
    assert [f["locations"][0]["rendering"] for f in doc["findings"]] == ["jats"]
    assert doc["findings"][0]["locations"][0]["path"] == "article.xml"


def test_bad_input_on_standard_input_is_an_error_named_after_it():
    result = stdin(b"", "--stdin-filename", "empty.xml")
    doc = json.loads(result.stdout)
    assert [e["path"] for e in doc["errors"]] == ["empty.xml"] and result.exit_code == 2


def test_check_text_is_the_same_check():
    checked = api.check_text(CASE, "case.md", select=["LC201"])
    assert [f.rule for f in checked.report.findings] == ["LC201"]
    assert checked.report.findings[0].locations[0].path == "case.md" and checked.exit_code == 1
