"""Which shares of a table row are the row's own (facts.tables._row_shares), on rows quoted from
articles of ../shared/corpus (each CC BY 4.0, or Hindawi's Creative Commons Attribution
licence; DOIs given)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from lintcase.facts import tables
from lintcase.facts.registry import facts
from lintcase.readers import read


def _items(cells: list[str]):
    """A row's cells as the extractor reads them: (count, share, start, end) or None."""
    out = [None]  # the label column
    for cell in cells:
        m = tables.SHARE.fullmatch(cell)
        out.append((int(m.group("k").replace(",", "")), m.group("p"), 0, 0) if m else None)
    return out


@pytest.mark.parametrize("cells, doi, own", [
    # tested, positive, negative: the last two are each row's shares of its tested patients
    (["99 (55.0)", "53 (53.5)", "46 (46.5)", "0.459"], "10.1155/2016/3479457", {2, 3}),
    # two groups and their total: the groups are the row's shares of the total
    (["55 (33.3)", "110 (66.7)", "165 (100)"], "10.1038/s41598-020-74558-z", {1, 2}),
    (["267 (22)", "685 (56.3)", "264 (21.7)", "1216 (100)"], "10.3390/ijerph13121214",
     {1, 2, 3}),
    # all, local, imported: 24 and 18 add up to 42 but are shares of their columns (24 of 35
    # local cases, 18 of 56 imported ones), not of the 42
    (["42 (46.2%)", "24 (68.6%)", "18 (32.1%)", "0.001"], "10.1186/s40249-020-00755-7", set()),
    # a group with no one in it: 31 (100) and 0 (0) add up, but 0 of anything tells nothing
    (["115 (97)", "98 (97)", "17 (100)", "31 (97)", "31 (100)", "0 (0)"],
     "10.3390/nu10081052", set()),
    # every share of the row adds up to 100: all the row's
    (["20 (40.0)", "30 (60.0)"], "", {1, 2}),
])
def test_a_rows_own_shares(cells, doi, own):
    assert tables._row_shares(_items(cells)) == frozenset(own)


def test_row_shares_are_left_out_of_the_columns_breakdown():
    """Read as column breakdowns of two rows, the positive column's 53 (53.5) and 28 (34.6)
    would be one right share (28 of 81) and one wrong (53 of 81 is 65.4%)."""
    r = read(Path(__file__).parent.parent / "cases/LC510/pass/row-shares-of-tested-hindawi.xml")
    columns = {f.value.breakdown[1] for f in facts(r, "share")}
    assert columns == {1}, [re.sub(r"\s+", " ", f.surface) for f in facts(r, "share")]


_PCT_FIRST = """<?xml version="1.0" encoding="UTF-8"?>
<article article-type="research-article"><front><article-meta><article-id pub-id-type="doi">
10.1186/s40064-015-1012-9</article-id></article-meta></front><body><sec><title>Results</title>
<table-wrap id="Tab1"><label>Table 1</label><caption><p>Perceptions of changes in climate</p>
</caption><table><thead><tr><th>Change category</th><th>Overall perception</th><th>23-30</th>
</tr><tr><th></th><th></th><th>{head}</th></tr></thead><tbody>
<tr><td>Changes in climate</td><td>96(459)</td><td>86(37)</td></tr>
<tr><td>Increase in temperature</td><td>66(312)</td><td>46(20)</td></tr>
<tr><td>Decrease in temperature</td><td>1(6)</td><td>0(0)</td></tr>
</tbody></table></table-wrap></sec></body></article>"""


@pytest.mark.parametrize("head, read_as", [
    # doi:10.1186/s40064-015-1012-9 (SpringerPlus, CC BY 4.0), Table 1's first columns: a
    # heading row says the share comes first and its count in brackets
    ("% of respondents (n)", [(459, "96"), (312, "66"), (6, "1")]),
    ("% (n)", [(459, "96"), (312, "66"), (6, "1")]),
    # the usual order: the first number is the count ("459" is then no share, for the check)
    ("n (%)", [(96, "459"), (66, "312"), (1, "6")]),
    # a table that does not say it counts gives no shares
    ("", []),
])
def test_a_table_saying_share_first_is_read_so(head, read_as, tmp_path):
    path = tmp_path / "table.xml"
    path.write_text(_PCT_FIRST.format(head=head), encoding="utf-8")
    shares = [(f.value.count, f.value.share) for f in facts(read(path), "share")
              if f.value.breakdown[1] == 1]
    assert shares == read_as


def test_out_of_n_in_a_heading_is_the_columns_n():
    # doi:10.3390/nu10060785 (MDPI, CC BY 4.0), Table 4: "Number of Compliant Products Out of 32 (%)"
    assert tables.N_HEAD.search("Number of Compliant Products Out of 32 (%)").group(1) == "32"
    assert tables.N_HEAD.search("Patients (n = 1,204)").group(1) == "1,204"
    assert not tables.N_HEAD.search("Four out of five")
