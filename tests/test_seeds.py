"""End to end on the three seed documents: the three known defects, and nothing else."""
from __future__ import annotations

from conftest import PDF_SEED, SEEDS, WEB_SEED, XML_SEED, run, run_json


def by_rule(doc, code):
    return [f for f in doc["findings"] if f["rule"] == code]


def test_seed_articles_are_grouped():
    _, doc = run_json(SEEDS)
    groups = sorted(sorted(r["path"].rsplit("/", 1)[-1] for r in a["renderings"])
                    for a in doc["articles"])
    assert groups == [[PDF_SEED.name, XML_SEED.name], [WEB_SEED.name]]


def test_follow_up_44_vs_46_read_from_the_most_trusted_rendering():
    """Facts within one document are read from its JATS (rule `reads: best`): the PDF text says
    the same and would only repeat the places; where it differs, LC101 says so."""
    code, doc = run_json(SEEDS)
    assert code == 1
    [f] = by_rule(doc, "LC201")
    assert f["fields"]["value"] == "44 months" and f["fields"]["other"] == "46 months"
    places = {(loc["rendering"], loc["section"], loc["excerpt"].split("«")[1].split("»")[0])
              for loc in f["locations"]}
    assert places == {("jats", "Abstract / Outcomes", "44 months"),
                      ("jats", "Case presentation", "46 months")}


def test_dermis_vs_epidermis_names_abstract_case_and_figure_2():
    _, doc = run_json(SEEDS)
    [f] = by_rule(doc, "LC202")
    assert f["fields"]["value"] == "dermis" and f["fields"]["other"] == "epidermis"
    sections = {loc["section"] for loc in f["locations"]}
    assert sections == {"Abstract / Diagnoses", "Case presentation", "Figure 2 caption"}
    assert {loc["rendering"] for loc in f["locations"]} == {"jats"}


def test_stray_for_at_its_line_and_column():
    _, doc = run_json(SEEDS)
    [f] = by_rule(doc, "LC101")  # and no finding from benign rendering differences
    xml, pdf = f["locations"]
    assert (xml["path"].endswith(XML_SEED.name), xml["line"], xml["column"]) == (True, 164, 4)
    assert (xml["end_line"], xml["end_column"]) == (164, 7)
    line = XML_SEED.read_text(encoding="utf-8").splitlines()[163]
    assert line[xml["column"] - 1:xml["end_column"] - 1] == "For"
    assert pdf["path"].endswith(PDF_SEED.name) and pdf["section"] == "Introduction"
    assert f["fields"]["ref_words"] == "For"


# Besides the three defects the brief names, the seeds hold more, all real: "PR" is defined as
# "progesterone receptor" and later as "Partial Response" (LC207); "HER2" and "HER-2" (LC211);
# the JATS lacks the space in "(9).This" and "(14–16).This" that the PDF has (LC402) and opens a
# quotation twice, “ carcinoma en cuirasse “ (LC405). The opt-in LC213 (undefined
# abbreviations) is not run by default.
EXPECTED = ["LC101", "LC201", "LC202", "LC207", "LC211", "LC310", "LC320", "LC353", "LC354", "LC364", "LC402", "LC402", "LC405"]
# Found in the web seed (002), which is an article of its own: "(ASCO/SIO, 2025)" has no entry.
WEB_SEED_RULES = ["LC310"]


def test_nothing_else_is_reported_on_the_seeds():
    _, doc = run_json(SEEDS)
    assert sorted(f["rule"] for f in doc["findings"]) == EXPECTED
    assert doc["errors"] == []


def test_the_other_real_seed_defects():
    _, doc = run_json(SEEDS)
    [pr] = by_rule(doc, "LC207")
    assert "progesterone receptor" in pr["message"].lower() and "partial response" in pr["message"].lower()
    spaces = by_rule(doc, "LC402")
    assert {(f["locations"][0]["line"], f["locations"][0]["path"].rsplit("/", 1)[-1]) for f in spaces} \
        == {(214, XML_SEED.name)}


def test_text_output_is_ruff_style():
    code, out = run("check", SEEDS)
    assert code == 1
    assert f"seeds/{XML_SEED.name}:164:4: LC101 [info] “For” is in the jats rendering" in out
    assert "LC201 [error] follow-up duration is 44 months" in out


def test_pre_commit_style_single_file_finds_its_sibling():
    """pre-commit passes only the edited file; the PDF text beside it is still compared."""
    _, doc = run_json(XML_SEED)
    assert sorted(f["rule"] for f in doc["findings"]) == [c for c in EXPECTED
                                                         if c not in WEB_SEED_RULES]
    assert len(doc["articles"]) == 1


def test_fail_on_decides_only_the_exit_code():
    code, doc = run_json(SEEDS, "--fail-on", "never")
    assert code == 0 and len(doc["findings"]) == len(EXPECTED)
    code, _ = run_json(SEEDS, "--fail-on", "error")
    assert code == 1
    code, _ = run_json(SEEDS, "--select", "LC101", "--fail-on", "error")
    assert code == 0
