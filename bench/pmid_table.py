"""Build lintcase/facts/pmid_years.csv: approximate PMID ranges by publication year.

    python bench/pmid_table.py [--corpus ../shared/corpus] [--out lintcase/facts/pmid_years.csv]

PubMed issues PMIDs in increasing order, so the PMIDs of articles published in one year fall in
a band. The band is measured here, not looked up: every reference of the corpus's JATS files (jats/, pairs/, triples/)
that has both a `pub-id pub-id-type="pmid"` and a `year` gives one (year, PMID) pair. For each
year with enough pairs the file keeps a low and a high quantile (robust to the corpus's own
typing errors) and the number of pairs behind them.
"""
from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintcase.readers import ReadError, read  # noqa: E402

LOW_Q, HIGH_Q, MIN_PAIRS = 0.02, 0.98, 8


def xml_files(corpus: Path) -> list[Path]:
    """The corpus's JATS files: jats/*.xml and the article.xml of each pair and triple."""
    return sorted(corpus.glob("jats/*.xml")) + sorted(corpus.glob("*/*/article.xml"))


def pairs(corpus: Path):
    for path in xml_files(corpus):
        try:
            rendering = read(path)
        except ReadError:
            continue
        for ref in rendering.references:
            if ref.pmid.isdigit() and ref.year.isdigit() and len(ref.year) == 4:
                yield int(ref.year), int(ref.pmid), str(path.relative_to(corpus))


def quantile(values: list[int], q: float) -> int:
    values = sorted(values)
    return values[min(len(values) - 1, int(q * (len(values) - 1) + 0.5))]


def build(folder: Path) -> tuple[list[str], int, int]:
    by_year: dict[int, list[int]] = defaultdict(list)
    articles = set()
    for year, pmid, name in pairs(folder):
        by_year[year].append(pmid)
        articles.add(name)
    rows = []
    for year in sorted(by_year):
        v = by_year[year]
        if len(v) >= MIN_PAIRS:
            rows.append(f"{year},{quantile(v, LOW_Q)},{quantile(v, HIGH_Q)},{len(v)}")
    return rows, sum(len(v) for v in by_year.values()), len(articles)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--out", type=Path, default=ROOT / "lintcase" / "facts" / "pmid_years.csv")
    args = ap.parse_args()
    rows, n, articles = build(args.corpus)
    header = [
        "# Approximate PMID ranges by publication year, measured (bench/pmid_table.py).",
        f"# From {n} references with both a PMID and a year in the reference lists of {articles}",
        "# JATS articles (lintcase's development corpus, Europe PMC open access).",
        f"# low/high: the {LOW_Q:.0%} and {HIGH_Q:.0%} quantiles of the PMIDs cited for that year;"
        f" years with fewer than {MIN_PAIRS} references are left out.",
        "# Publication year and PMID assignment can differ (epub ahead of print, late indexing,"
        " back-scanned issues): the check allows a tolerance in years.",
        "year,low,high,references",
    ]
    args.out.write_text("\n".join(header + rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} years from {n} references of {articles} articles -> {args.out}")


if __name__ == "__main__":
    main()
