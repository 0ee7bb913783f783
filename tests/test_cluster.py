"""The per-article check maps onto a cluster engine (docs/performance.md, "Archive scale"): the
few lines the docs show, run on a local cluster of processes with dask, give the findings of
one lintcase run over the same folders."""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS, ROOT, SEEDS

db = pytest.importorskip("dask.bag")


def check(paths):  # the docs' function: a pure function of the files and the rule set
    import lintcase
    return lintcase.check(paths, jobs=1, cache_dir=None).to_json()["findings"]


def test_dask_processes_give_the_findings_of_one_run():
    """Article folders: the seeds, two-rendering fixtures, and three pairs2 articles when the
    corpus is there."""
    cases = ROOT / "tests" / "cases" / "LC101" / "fail"
    folders = [str(SEEDS)] + sorted(str(p) for p in cases.iterdir() if p.is_dir())[:3]
    if (CORPUS / "pairs2").is_dir():
        folders += sorted(str(p) for p in (CORPUS / "pairs2").iterdir())[5:50:15]
    bag = db.from_sequence([[f] for f in folders], npartitions=2)
    mapped = bag.map(check).flatten().compute(scheduler="processes", num_workers=2)
    whole = check(folders)
    assert len(whole) >= 15
    assert sorted(json.dumps(f, sort_keys=True) for f in mapped) == \
        sorted(json.dumps(f, sort_keys=True) for f in whole)
