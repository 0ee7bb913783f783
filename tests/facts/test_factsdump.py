"""factsdump: what `lintcase facts` and `lintcase facts --timeline` print, on the seeds."""
import json

from conftest import SEEDS, XML_SEED
from lintcase.commands.factsdump import facts_json, timeline_text


def test_facts_json_lists_every_kind_with_places():
    doc = json.loads(facts_json([str(XML_SEED)]))
    [r] = doc["renderings"]
    kinds = {f["kind"] for f in r["facts"]}
    assert {"date", "relative", "age", "quantity", "abbreviation", "duration"} <= kinds
    er = next(f for f in r["facts"] if f["kind"] == "quantity" and f["surface"] == "90%")
    assert er["value"] == ["estrogen receptor (ER)", 90, "%", ""]
    assert er["section"] == "Case presentation" and er["line"] == 169 and er["column"] > 1
    assert er["context"].endswith("estrogen receptor (ER) at ")
    assert {"kind": "accepted", "date": "2026-02-19"} in r["history"]


def test_timeline_text_orders_the_case():
    out = timeline_text([str(SEEDS)])
    jats = out.split("(pdftext)")[1].split("\n\n")[0]
    lines = [ln.strip() for ln in jats.splitlines() if ln.strip()]
    order = [ln.split("  ")[0] for ln in lines]
    assert order.index("2013") < order.index("February 21, 2022") < order.index("March 2022") \
        < order.index("July 2022") < order.index("May 2024") < order.index("January 2026")
    follow = next(ln for ln in lines if "46 months since the start of therapy" in ln)
    assert "[March 2022 +46 months]" in follow and "Case presentation" in follow
    assert any("history" in ln and "accepted" in ln for ln in lines)


def test_timeline_merges_the_renderings_and_lists_history_once():
    out = timeline_text([str(SEEDS)])
    article = out.split("\n\n")[0]
    head, *lines = article.splitlines()
    assert "(jats)" in head and "(pdftext)" in head and lines[0].strip() == "the patient"
    events = [ln for ln in lines if ln.startswith("    ") and " history   article" not in ln]
    # every event of the case is stated in both renderings: one line each, naming both
    assert len(events) == 15
    assert all(".txt:" in ln.split("; also pdftext ")[1] for ln in events)
    assert sum("46 months since the start of therapy" in ln for ln in events) == 1
    accepted = [ln for ln in lines if "article accepted" in ln]
    assert accepted == ["    February 19, 2026  history   article accepted (jats, pdftext)"]


def test_timeline_gives_each_patient_of_a_report_their_own(tmp_path):
    report = tmp_path / "two.md"
    report.write_text(
        "# Two cases of a rare tumour\n\n## Case 1\n\nA 54-year-old man was diagnosed in "
        "March 2015. Surgery followed two months later.\n\n## Case 2\n\nA 28-year-old woman "
        "was diagnosed in June 2019 and treated in July 2019.\n", encoding="utf-8")
    lines = timeline_text([str(report)]).splitlines()
    one, two = lines.index("  Case 1"), lines.index("  Case 2")
    assert one < two
    assert "March 2015" in lines[one + 1] and "May 2015" in lines[one + 2]
    assert "June 2019" in lines[two + 1] and "July 2019" in lines[two + 2]
    assert not any("2019" in ln for ln in lines[one:two])
