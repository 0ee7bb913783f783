"""The public Python interface (docs/api.md) is stable: its names, parameters and results."""
from __future__ import annotations

import inspect
import json

import jsonschema

import lintcase
from conftest import FINDINGS_SCHEMA, SEEDS, run_json
from lintcase import api

DOCUMENTED = ["config", "select", "ignore", "rules", "fail_on", "exit_zero", "max_warnings",
              "baseline", "write_baseline", "jobs", "cache_dir", "siblings", "vocab", "progress"]


def test_the_documented_names_and_parameters_exist():
    assert lintcase.check is api.check and lintcase.check_text is api.check_text
    params = inspect.signature(lintcase.check).parameters
    assert list(params)[0] == "paths" and set(DOCUMENTED) <= set(params)
    assert all(params[p].kind is inspect.Parameter.KEYWORD_ONLY for p in DOCUMENTED)
    assert list(inspect.signature(lintcase.check_text).parameters)[:2] == ["data", "filename"]


def test_check_returns_what_the_command_line_prints():
    checked = lintcase.check([str(SEEDS)], select=["LC201", "LC202", "LC101"])
    code, doc = run_json(SEEDS, "--no-cache", "--select", "LC201", "--select", "LC202",
                         "--select", "LC101")
    mine = checked.to_json()
    jsonschema.validate(mine, FINDINGS_SCHEMA)
    assert mine["findings"] == doc["findings"] and checked.exit_code == code == 1
    assert [f.rule for f in checked.report.findings] == [f["rule"] for f in doc["findings"]]
    json.dumps(mine)  # plain data all through


def test_import_lintcase_is_cheap():
    import subprocess
    import sys
    out = subprocess.run([sys.executable, "-c", "import sys, lintcase; "
                          "print(sorted(m for m in sys.modules if m.startswith('lintcase')))"],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "['lintcase']"  # the interface is imported on first use
