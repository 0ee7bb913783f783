"""The mutation harness (bench/mutate.py) itself works: it finds a known-detectable edit, invents
nothing on an unedited copy, leaves the corpus alone and writes a well-formed report."""
from __future__ import annotations

import hashlib
import importlib.util
import random
import sys
from collections import Counter

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


@needs_corpus
def test_every_corpus_folder_is_found_and_a_quick_run_can_be_limited_or_sampled(mutate):
    every = mutate.discover_pairs(CORPUS)
    assert {p.parent.name for p in every} == set(mutate.FOLDERS)
    assert all(all((p / f).is_file() for f in mutate.FILES.values()) for p in every)
    assert mutate.discover_pairs(CORPUS, limit=3) == every[:3]
    one = mutate.discover_pairs(CORPUS, sample=5, sample_seed=7)
    assert len(one) == 5 and set(one) <= set(every)
    assert one == mutate.discover_pairs(CORPUS, sample=5, sample_seed=7)  # seeded
    assert mutate.discover_pairs(CORPUS, only={f"triples/{PAIR}"})[0].name == PAIR


@needs_corpus
def test_edits_are_fair_the_other_rendering_prints_the_edited_word(mutate, loaded):
    pair, _, _ = loaded
    assert pair.name == f"triples/{PAIR}"
    sites = {kind: mutate.word_sites(pair, kind) for kind in mutate.FILES}
    pdf = mutate._squeezed(pair.texts["pdftext"])
    for a, b, _ in sites["jats"]:  # every XML site word is printed by the PDF text
        assert mutate._squeezed(pair.texts["jats"][a:b]) in pdf
    rng = random.Random(5)
    for kind in mutate.FILES:
        other = pair.renderings["pdftext" if kind == "jats" else "jats"]
        for _ in range(10):
            e = mutate.edit_reference(rng, pair, kind, sites[kind])
            assert e is not None
            printed = mutate._squeezed(" ".join(r.text.text for r in other.references))
            assert mutate._squeezed(e.before) in printed
            t = mutate.edit_title(rng, pair, kind, sites[kind])
            if t is not None:
                assert mutate._squeezed(t.before) in mutate._squeezed(other.source.text)


def test_findings_and_folder_tables_are_well_formed(mutate):
    e = mutate.Edit("pairs2/X", "jats", "number", 0, 1, "1", "2", "a ‹1› b")
    results = [mutate.Result(e, True, rule="LC101"), mutate.Result(
        mutate.Edit("case-reports/Y", "pdftext", "title", 0, 1, "a", "b", "‹a›"), False, cause="c")]
    out = {"severity": {"pairs2/X": Counter(warning=2, info=1), "case-reports/Y": Counter()},
           "folders": list(mutate.FOLDERS)}
    table = mutate.findings_table(out)
    assert "| **all** | 2 | 2 | **1.00** | 1 | 3 | 1.50 |" in table
    grid = mutate.matrix(results, ["pairs2", "case-reports"])
    assert "| title | — | — | — | 0/1 (0%) | — | 0/1 (0%) |" in grid
    for t in (table, grid, mutate.below_section(results)):
        tables = _tables("\n".join(t))
        assert all(len({row.count("|") for row in tb}) == 1 for tb in tables)


def _tables(text: str) -> list[list[str]]:
    tables, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line.replace("\\|", ""))
        elif current:
            tables.append(current)
            current = []
    return tables


@needs_corpus
def test_case_report_edits_of_age_and_sex_are_all_found():
    """bench/mutate_case.py runs (one edit per type and report) and the case-report rules find
    every same-patient edit of an age or a sex, as measured in docs/case-review.md."""
    spec = importlib.util.spec_from_file_location("mutate_case", ROOT / "bench" / "mutate_case.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["mutate_case"] = module
    spec.loader.exec_module(module)
    results, sites = module.run(1, 1)
    assert all(sites[t] > 0 for t in module.TYPES), sites
    for kind in ("age", "sex"):
        same = [r for r in results if r["type"] == kind and r["same"]]
        assert len(same) >= 20 and all(r["found"] for r in same), \
            [r for r in same if not r["found"]]
