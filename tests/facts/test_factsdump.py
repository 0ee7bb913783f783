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
    jats = out.split("(jats)")[1].split("\n\n")[0]
    lines = [ln.strip() for ln in jats.splitlines() if ln.strip()]
    order = [ln.split("  ")[0] for ln in lines]
    assert order.index("2013") < order.index("February 21, 2022") < order.index("March 2022") \
        < order.index("July 2022") < order.index("May 2024") < order.index("January 2026")
    follow = next(ln for ln in lines if "46 months since the start of therapy" in ln)
    assert "[March 2022 +46 months]" in follow and "Case presentation" in follow
    assert any("history" in ln and "accepted" in ln for ln in lines)
