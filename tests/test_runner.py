"""The pipeline over many files: output independent of --jobs and of chunking, and a cache
that re-checks exactly what changed."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import folder_per_kind, CORPUS, SEEDS, needs_corpus, run
from lintcase import runner
from lintcase.model import Article, Meta, Rendering
from lintcase.rulebook.load import default_rule_dirs, load_rules


CASES = SEEDS.parent / "tests" / "cases" / "LC101" / "fail"


def check(*args):
    code, out = run("check", *args, "--format", "json")
    return json.loads(out)


@needs_corpus
def test_jobs_do_not_change_the_output():
    pairs = [p / "article.xml" for p in sorted((CORPUS / "pairs").iterdir())[2:5]]  # + siblings
    jats = sorted((CORPUS / "jats").glob("*.xml"))[:12]
    paths = [*pairs, *jats]
    one = check(*paths, "--jobs", "1", "--no-cache")
    two = check(*paths, "--jobs", "2", "--no-cache")
    assert one == two
    assert one["summary"]["articles"] == 15 and one["findings"]


def test_an_article_split_across_chunks_is_checked_whole(monkeypatch):
    monkeypatch.setattr(runner, "CHUNK", 1)  # every file its own chunk
    rules = tuple(load_rules(default_rule_dirs()))
    result = runner.run([str(SEEDS)], runner.Options(rules=rules, jobs=1))
    by_rule = {f.rule: f for f in result.findings}
    assert {"LC101", "LC201", "LC202"} <= set(by_rule)
    assert {loc.rendering for loc in by_rule["LC101"].locations} == {"jats", "pdftext"}
    assert len(result.articles) == 2


def test_an_archive_with_a_folder_per_kind_is_rechecked_in_small_chunks(monkeypatch, tmp_path):
    """xml/ and text/ side by side split every article; they are checked again whole, a few
    files a chunk (one chunk of them all held a 600-file archive in 1.5 GB)."""
    folder_per_kind(tmp_path)
    sizes = []
    real = runner.check_chunk

    def spy(files, named, opts):
        sizes.append(len(files))
        return real(files, named, opts)

    monkeypatch.setattr(runner, "check_chunk", spy)
    monkeypatch.setattr(runner, "CHUNK", 2)
    rules = tuple(r for r in load_rules(default_rule_dirs()) if r.code == "LC101")
    split = runner.run([str(tmp_path)], runner.Options(rules=rules, jobs=1))
    assert sizes == [2, 2, 2, 2]  # a folder each, then each article whole on its own
    together = runner.run([str(CASES / "seed-intro"), str(CASES / "plos-frog-intro")],
                          runner.Options(rules=rules, jobs=1))
    assert len(split.findings) == 2
    assert sorted(f.message for f in split.findings) == sorted(f.message for f in together.findings)
    assert len(split.articles) == 2


def test_a_large_archive_with_a_folder_per_kind_keeps_an_articles_renderings_together(
        monkeypatch, tmp_path):
    """In folders too large to be one article's, the stem ties xml/seed.xml to text/seed.txt:
    checked in one chunk from the start, not split and checked again."""
    case = SEEDS.parent / "tests" / "cases" / "LC101" / "fail" / "seed-intro"
    filler = SEEDS.parent / "tests" / "cases" / "LC401" / "fail"
    for kind, name in (("xml", "jats-paragraph.xml"), ("text", "markdown.md")):
        (tmp_path / kind).mkdir()
        for i in range(13):
            shutil.copy(filler / name, tmp_path / kind / f"other{i}{Path(name).suffix}")
    shutil.copy(case / "article.xml", tmp_path / "xml" / "seed.xml")
    shutil.copy(case / "article.txt", tmp_path / "text" / "seed.txt")
    seen = []
    real = runner.check_chunk

    def spy(files, named, opts):
        seen.append(sorted(Path(f).name for f in files if "seed" in f))
        return real(files, named, opts)

    monkeypatch.setattr(runner, "check_chunk", spy)
    rules = tuple(r for r in load_rules(default_rule_dirs()) if r.code == "LC101")
    result = runner.run([str(tmp_path)], runner.Options(rules=rules, jobs=1))
    assert [c for c in seen if c] == [["seed.txt", "seed.xml"]]
    assert [f.rule for f in result.findings if "seed" in f.locations[0].path] == ["LC101"]


def test_the_recheck_packs_whole_articles_a_few_files_a_chunk(monkeypatch):
    def article(key, *paths):
        return Article(key, tuple(Rendering(p, "jats", Meta(), ()) for p in paths))
    results = [runner.Result(articles=[article("a", "x/1"), article("b", "x/2")]),
               runner.Result(articles=[article("a", "y/1"), article("b", "y/2"), article("c", "y/3")]),
               runner.Result(articles=[article("c", "z/3"), article("d", "z/4")])]
    monkeypatch.setattr(runner, "CHUNK", 4)
    assert runner._whole_articles(results, {"a", "b", "c"}) == \
        [["x/1", "y/1", "x/2", "y/2"], ["y/3", "z/3"]]


def test_cache_serves_unchanged_and_rechecks_changed(article, tmp_path):
    cache = tmp_path / "cache"
    first = check(article, "--cache-dir", cache, "--jobs", "1")
    entries = {p.name for p in cache.rglob("*") if p.is_file()}
    again = check(article, "--cache-dir", cache, "--jobs", "1")
    assert again == first
    assert {p.name for p in cache.rglob("*") if p.is_file()} == entries  # nothing recomputed
    xml = article / "article.xml"
    xml.write_text(xml.read_text().replace("<p>For Breast", "<p>Breast"))
    fixed = check(article, "--cache-dir", cache, "--jobs", "1")
    assert "LC101" not in {f["rule"] for f in fixed["findings"]}
    assert len({p.name for p in cache.rglob("*") if p.is_file()}) == len(entries) + 1


def test_a_changed_rule_invalidates_the_cache(article, tmp_path):
    cache = tmp_path / "cache"
    rules = tmp_path / "rules"
    rules.mkdir()
    rule = (SEEDS.parent / "rules" / "LC401-doubled-word.yaml").read_text()
    rule = rule.replace("LC401", "LC490").replace("doubled-word", "armor-word")
    rule = rule[:rule.index("  regex:")] + "  regex: '\\barmour\\b'\n" + rule[rule.index("message:"):]
    (rules / "LC490-armor-word.yaml").write_text(rule)
    before = check(article, "--cache-dir", cache, "--rules", rules, "--select", "LC490")
    assert before["findings"] == []
    (rules / "LC490-armor-word.yaml").write_text(rule.replace("armour", "armor"))
    after = check(article, "--cache-dir", cache, "--rules", rules, "--select", "LC490")
    assert after["findings"] and after["findings"][0]["rule"] == "LC490"


def test_siblings_in_an_archive_folder_share_the_stem(tmp_path):
    """In a folder of many articles, one named file brings only the files sharing its stem."""
    case = SEEDS.parent / "tests" / "cases" / "LC101" / "fail" / "seed-intro"
    for i in range(14):
        shutil.copy(SEEDS.parent / "tests" / "cases" / "LC401" / "fail" / "jats-paragraph.xml",
                    tmp_path / f"other{i}.xml")
    shutil.copy(case / "article.xml", tmp_path / "seed.xml")
    shutil.copy(case / "article.txt", tmp_path / "seed.pdf.txt")
    doc = check(tmp_path / "seed.xml", "--no-cache", "--select", "LC101")
    assert [sorted(r["path"].rsplit("/", 1)[-1] for r in a["renderings"]) for a in doc["articles"]] \
        == [["seed.pdf.txt", "seed.xml"]]
    assert [f["rule"] for f in doc["findings"]] == ["LC101"]


def test_a_checked_chunk_leaves_no_cycles_to_collect():
    """The JATS tree (nodes pointing to their parent and document) and the facts (pointing to
    their rendering, whose memo holds them) were cycles that only the garbage collector freed:
    a tenth of a run's time. Taken apart once used, they go by reference counting alone."""
    import gc

    from lintcase import runner
    from lintcase.rulebook.load import default_rule_dirs, load_rules
    f = str(Path(__file__).parent.parent / "seeds" / "001_c8d4cfef30c71cfc.txt")
    opts = runner.Options(rules=tuple(load_rules(default_rule_dirs())), jobs=1)
    runner.check_chunk([f], {f}, opts)  # caches filled once
    gc.collect()
    result = runner.check_chunk([f], {f}, opts)
    assert result.findings
    assert gc.collect() < 100
