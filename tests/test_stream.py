"""JSON Lines and lintcase.stream: each article's findings as soon as it is checked, the same
findings as the whole report, and an article split across chunks voided and given again."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import lintcase
from conftest import folder_per_kind, CORPUS, ROOT, SEEDS, needs_corpus, run, run_json
from lintcase import api, runner
from lintcase.formatters import Report, formatter


def _lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


def _apply(lines: list[dict]) -> tuple[dict, list[dict]]:
    """What a consumer keeps: the articles by key and their findings, a rechecked article
    voiding what came before for its key."""
    articles, findings, current = {}, {}, None
    for obj in lines:
        if "checked" in obj:
            current = obj["checked"]["key"]
            if obj["checked"].get("rechecked") or current not in findings:
                findings[current] = []
            articles[current] = {k: v for k, v in obj["checked"].items() if k != "rechecked"}
        elif "rule" in obj:
            assert obj["article"] == current  # a finding follows its article's line
            findings[current].append(obj)
    return articles, findings


def test_jsonl_is_the_json_report_article_by_article(tmp_path):
    (tmp_path / "seeds").mkdir()
    for f in SEEDS.iterdir():
        shutil.copy(f, tmp_path / "seeds" / f.name)
    (tmp_path / "seeds" / "empty.xml").write_text("")
    _, out = run("check", tmp_path / "seeds", "--format", "jsonl", "--no-cache")
    _, js = run_json(tmp_path / "seeds", "--no-cache")
    lines = _lines(out)
    articles, findings = _apply(lines)
    assert list(articles.values()) == js["articles"]
    assert sorted(json.dumps(f, sort_keys=True) for fs in findings.values() for f in fs) == \
        sorted(json.dumps(f, sort_keys=True) for f in js["findings"])
    errors = [line["error"] for line in lines if "error" in line]
    assert errors == js["errors"] and errors[0]["reason"] == "empty file"
    assert lines[-1]["summary"] == js["summary"] and lines[-1]["tool"] == js["tool"]
    assert len(lines) == len(js["articles"]) + len(js["findings"]) + len(errors) + 1


def test_the_formatter_writes_the_same_blocks_for_a_finished_report():
    checked = lintcase.check([str(SEEDS)])
    r = checked.report
    text = formatter("jsonl")(r)
    _, findings = _apply(_lines(text))
    assert sum(map(len, findings.values())) == len(r.findings) > 0
    empty = formatter("jsonl")(Report((), (), (), 0, "0"))
    assert _lines(empty)[-1]["summary"]["findings"] == 0 and len(_lines(empty)) == 1


def test_an_article_is_given_before_the_next_chunk_is_read(monkeypatch):
    """The stream is lazy: the first article's Done comes before the second folder's files are
    checked (one process)."""
    order = []
    real = runner.check_chunk

    def spy(files, named, opts):
        order.append(("chunk", Path(files[0]).parent.name))
        return real(files, named, opts)

    monkeypatch.setattr(runner, "check_chunk", spy)
    cases = ROOT / "tests" / "cases" / "LC101" / "fail"
    folders = [cases / "seed-intro", cases / "plos-frog-intro"]
    for event in lintcase.stream([str(f) for f in folders], jobs=1, select=["LC101"]):
        if isinstance(event, api.Done):
            order.append(("done", Path(event.article.renderings[0].path).parent.name))
    first, second = sorted(f.name for f in folders)
    assert order == [("chunk", first), ("done", first), ("chunk", second), ("done", second)]


def test_an_article_split_across_chunks_is_voided_and_given_whole(monkeypatch, tmp_path):
    """xml/ and text/ folders with the articles' renderings apart: the first part is streamed
    before the second is met; the whole article comes again, marked rechecked, and what a
    consumer keeps equals the report."""
    folder_per_kind(tmp_path)
    monkeypatch.setattr(runner, "CHUNK", 2)
    _, out = run("check", tmp_path, "--format", "jsonl", "--no-cache", "--select", "LC101",
                 "--jobs", "1")
    lines = _lines(out)
    heads = [line["checked"] for line in lines if "checked" in line]
    assert len(heads) == 4 and [bool(h.get("rechecked")) for h in heads] == [0, 0, 1, 1]
    _, findings = _apply(lines)
    _, js = run_json(tmp_path, "--no-cache", "--select", "LC101", "--jobs", "1")
    kept = sorted(f["fingerprint"] for fs in findings.values() for f in fs)
    assert kept == sorted(f["fingerprint"] for f in js["findings"]) and len(kept) == 2


def test_the_stream_leaves_out_what_the_baseline_accepts(tmp_path):
    base = tmp_path / "baseline.json"
    lintcase.check([str(SEEDS)], write_baseline=str(base))
    done = [e for e in lintcase.stream([str(SEEDS)], baseline=str(base))
            if isinstance(e, api.Done)]
    assert len(done) == 2 and all(e.findings == () for e in done)
    unfiltered = [e for e in lintcase.stream([str(SEEDS)]) if isinstance(e, api.Done)]
    assert sum(len(e.findings) for e in unfiltered) == 13


@needs_corpus
def test_the_command_line_writes_the_first_article_while_it_still_runs(tmp_path):
    """A dashboard reading the pipe sees the first article's lines before the run ends."""
    folders = sorted(p for p in (CORPUS / "case-reports").iterdir() if p.is_dir())[:8]
    proc = subprocess.Popen([str(Path(sys.executable).parent / "lintcase"), "check", *map(str, folders),
                             "--format", "jsonl", "--no-cache", "--jobs", "1"],
                            stdout=subprocess.PIPE, text=True, encoding="utf-8", cwd=tmp_path)
    first = json.loads(proc.stdout.readline())
    running = proc.poll() is None
    rest = proc.stdout.read()
    proc.wait()
    assert "checked" in first and running
    assert json.loads(rest.splitlines()[-1])["summary"]["articles"] == 8
