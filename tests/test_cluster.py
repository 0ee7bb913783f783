"""The per-article check maps onto a cluster engine (docs/performance.md, "Archive scale"): the
few lines the docs show, run on a local cluster of processes with dask, give the findings of
one lintcase run over the same folders."""
from __future__ import annotations

import json

import pytest

from conftest import CORPUS, SEEDS, needs_corpus

db = pytest.importorskip("dask.bag")


def check(paths):  # the docs' function: a pure function of the files and the rule set
    import lintcase
    return lintcase.check(paths, jobs=1, cache_dir=None).to_json()["findings"]


@needs_corpus
def test_dask_processes_give_the_findings_of_one_run():
    folders = [str(SEEDS)] + sorted(str(p) for p in (CORPUS / "pairs2").iterdir())[5:50:15]
    bag = db.from_sequence([[f] for f in folders], npartitions=2)
    mapped = bag.map(check).flatten().compute(scheduler="processes", num_workers=2)
    whole = check(folders)
    assert len(whole) > 20
    assert sorted(json.dumps(f, sort_keys=True) for f in mapped) == \
        sorted(json.dumps(f, sort_keys=True) for f in whole)
