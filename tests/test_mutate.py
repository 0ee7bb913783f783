"""The mutation harness (bench/mutate.py) itself works: it finds a known-detectable edit, invents
nothing on an unedited copy, leaves the corpus alone and writes a well-formed report."""
from __future__ import annotations

import hashlib
import importlib.util
import random
import sys

import pytest

from conftest import CORPUS, ROOT, needs_corpus

PAIR = "journal.pone.0115884"  # a small, clean PLOS ONE triple: fast and well aligned


def _harness():
    spec = importlib.util.spec_from_file_location("mutate", ROOT / "bench" / "mutate.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutate"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def mutate():
    return _harness()


@pytest.fixture(scope="module")
def loaded(mutate, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("mutate")
    rules = mutate.select_rules()
    folder = CORPUS / "triples" / PAIR
    return mutate.load_pair(folder, tmp, rules), rules, tmp


@needs_corpus
def test_a_changed_number_in_a_paragraph_is_detected(mutate, loaded):
    pair, rules, tmp = loaded
    for kind in ("jats", "pdftext"):
        sites = mutate.word_sites(pair, kind)
        edit = mutate.edit_number(random.Random(3), pair, kind, sites)
        assert edit is not None and edit.before != edit.after
        result = mutate.trial(pair, edit, rules, tmp)
        assert result.detected, (kind, edit, result)
        assert result.rule == "LC101" and result.new_findings >= 1


@needs_corpus
def test_an_unedited_copy_gets_no_new_finding(mutate, loaded):
    pair, rules, tmp = loaded
    for kind in ("jats", "pdftext"):
        result = mutate.trial(pair, mutate.Edit(pair.name, kind, "none", 0, 0, "", ""), rules, tmp)
        assert not result.detected and result.new_findings == 0


@needs_corpus
def test_whole_run_is_well_formed_and_leaves_the_corpus_alone(mutate):
    files = [CORPUS / "triples" / PAIR / name for name in mutate.FILES.values()]
    before = [hashlib.sha256(f.read_bytes()).hexdigest() for f in files]
    out = mutate.run(CORPUS, seed=1, per_type=2, only={PAIR})
    assert [hashlib.sha256(f.read_bytes()).hexdigest() for f in files] == before
    assert out["control_findings"] == 0 and out["controls"] == 2
    results = out["results"]
    assert len(results) == 2 * len(mutate.TYPES)
    for r in results:
        e = r.edit
        assert e.rendering in mutate.FILES and e.type in mutate.TYPES and e.before != e.after
        assert "‹" in e.context and (r.detected or r.cause)
        assert r.cause != "edited file unreadable"  # every edited XML still parses
    assert {r.edit.rendering for r in results} == set(mutate.FILES)  # both directions
    # reference-list and title edits are compared by their own rules (LC320-LC328, LC340)
    compared = [r for r in results if r.edit.type in ("reference", "title")]
    assert compared and not any(r.cause.startswith("not compared") for r in compared)
    assert any(r.detected for r in compared)
    text = mutate.report(out)
    for heading in ("## Recall as lintcase runs", "## Recall with each pair compared", "## Grouping",
                    "## False positives", "## Missed edits by cause",
                    "## Runtime"):
        assert heading in text
    for table in _tables(text):
        assert len({row.count("|") for row in table}) == 1, table  # rows as wide as the header


def _tables(text: str) -> list[list[str]]:
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line.replace("\\|", ""))
        elif current:
            tables.append(current)
            current = []
    return tables
