"""Which row of a table's breakdown LC510 blames (checks.kit.shares), on columns quoted from
articles of ../shared/corpus (CC BY 4.0; DOIs given)."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from lintcase.checks.kit import shares
from lintcase.facts.tables import Share
from lintcase.readers import read

CASES = Path(__file__).parent.parent / "cases" / "LC510"


def _rows(basis: str, total: int, column_n: int, rows: list[tuple[str, int, str]]):
    return [SimpleNamespace(value=Share(("T", 1, 0), basis, total, column_n, (), label, k, p),
                            surface=f"{k} ({p})") for label, k, p in rows]


def test_two_totals_each_leaving_another_row_off_blame_both():
    # doi:10.1136/bmjopen-2015-010242, Table 1, the county's 75 changed to 55: 1 (1) and
    # 12 (14) are of 83-88, 1 (1) and 55 (85) of 64-65; either row may be the changed one
    hits = list(shares.table_shares(read(CASES / "fail" / "either-row-changed-bmjopen.xml")))
    assert len(hits) == 1
    rows, _, expected = hits[0]
    assert sorted(f.value.label for f in rows) == ["County", "Prefectural"]
    assert "one count or one share was changed" in expected


def test_the_counts_sum_is_taken_over_a_rival_total():
    # doi:10.1186/s12879-020-4877-3, Table 3's VIG column (N = 38): the counts add up to 39
    # and the shares to 100; only 10 (24) is off 39 (and off 38); a total of 40 would leave
    # 11 (29) off instead, but nothing says 40
    found = _rows("100", 39, 38, [("Picornaviruses", 10, "24"), ("Parainfluenzae", 11, "29"),
                                  ("RSV", 6, "16"), ("Coronaviruses", 6, "16"),
                                  ("Metapneumovirus", 4, "11"), ("Influenza", 2, "5"),
                                  ("Adenovirus", 0, "0")])
    total, wrong, other = shares._which_total(found, [39, 38, 40])
    assert (total, [f.value.label for f in wrong], other) == (39, ["Picornaviruses"], None)


def test_a_count_at_zero_percent_needs_a_percent_sign():
    # doi:10.1186/s12862-018-1193-2, Table 3: "233(0)" is loci with none private, not 0%
    found = _rows("rows", 761, 0, [("C1", 186, "11"), ("C2", 142, "3"), ("Admix", 233, "0")])
    assert shares._impossible(found) == []
    found[2].surface = "233 (0%)"
    assert [hit[0].value.label for hit in shares._impossible(found)] == ["Admix"]
