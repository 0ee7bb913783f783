"""Grouping renderings into articles: by shared text first, never by extracted titles alone.

The corpus test is the acceptance test of issue 14: every article folder of pairs/, pairs2/,
triples/ and case-reports/ is one article, read alone and read together with every other folder
of its parent (a PDF text's "title" is often a running head such as "Observational Study", and
its DOI a trial registration's or one cut at a line end, so metadata alone misgroups them).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from lintcase import discover, grouping
from lintcase.model import Block, Meta, Rendering, Source, TextBuilder

from conftest import CORPUS, needs_corpus

# two texts long enough to compare (a few hundred words), sharing no 5-gram
PROSE = " ".join(f"case{i} was seen" for i in range(120))
OTHER = " ".join(f"soil{i} was dried" for i in range(120))


def _text(s: str):
    b = TextBuilder(Source("x", s))
    b.add(s, 0)
    return b.build()


def rendering(path: str, kind: str, prose: str, title: str = "", doi: str = "") -> Rendering:
    text = prose
    meta = Meta(title=_text(title) if title else None, doi=_text(doi) if doi else None)
    return Rendering(path, kind, meta, (Block("paragraph", (), _text(text)),))


def keys(articles):
    return sorted(tuple(sorted(r.path for r in a.renderings)) for a in articles)


def test_shared_text_joins_whatever_the_metadata_says():
    # the PDF text's DOI is a trial registration's and its "title" a running head
    xml = rendering("a/article.xml", "jats", PROSE, "Outcomes after surgery in adults", "10.1/x")
    txt = rendering("a/article.pdftotext.txt", "pdftext", PROSE, "Observational Study", "10.17605/osf")
    (article,) = grouping.group([xml, txt])
    assert article.key == "doi:10.1/x"  # the most trustworthy rendering's DOI
    assert article.alone_beside == ()


def test_same_title_without_shared_text_is_never_merged():
    head = "Contents lists available at ScienceDirect journal"
    a = rendering("d/one.pdftotext.txt", "pdftext", PROSE, head)
    b = rendering("d/two.xml", "jats", OTHER, head)
    articles = grouping.group([a, b])
    assert keys(articles) == [("d/one.pdftotext.txt",), ("d/two.xml",)]
    assert all(x.alone_beside for x in articles)  # each is said to stand alone


def test_one_rendering_of_each_kind():
    a = rendering("d/a.xml", "jats", PROSE, doi="10.1/a")
    b = rendering("d/b.xml", "jats", PROSE, doi="10.1/a")
    c = rendering("d/a.txt", "pdftext", PROSE)
    articles = grouping.group([a, b, c])
    assert len(articles) == 2
    assert sorted(len(x.renderings) for x in articles) == [1, 2]


def test_articles_of_one_kind_side_by_side_are_not_said_to_stand_alone():
    a = rendering("d/one.xml", "jats", PROSE, doi="10.1/a")
    b = rendering("d/two.xml", "jats", OTHER, doi="10.1/b")
    assert [x.alone_beside for x in grouping.group([a, b])] == [(), ()]


FOLDERS = ("pairs", "pairs2", "triples", "case-reports")


@needs_corpus
@pytest.mark.parametrize("parent", FOLDERS)
def test_every_corpus_folder_is_one_article(parent):
    folders = sorted(p for p in (CORPUS / parent).iterdir() if p.is_dir())
    everything = []
    for folder in folders:
        inputs, _ = discover.collect([str(folder)])
        renderings, errors = discover.load(inputs)
        assert not errors, errors
        alone = grouping.group(renderings)
        assert len(alone) == 1, (folder, keys(alone))
        everything += renderings
    together = grouping.group(everything)  # all of the parent at once: no chunking helps
    assert len(together) == len(folders)
    for a in together:
        assert len({Path(r.path).parent for r in a.renderings}) == 1, keys([a])
        assert not a.alone_beside
