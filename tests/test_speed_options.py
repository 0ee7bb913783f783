"""Options that only make rules faster must not change what they find.

A `pattern` rule's `requires` skips blocks that lack a simpler expression; this holds only if
every block the rule's own regex matches contains it. Checked on real text: the seeds and the
first 150 corpus articles, every block kind the rule reads.
"""
from __future__ import annotations

import functools

import pytest
from conftest import CORPUS, SEEDS, needs_corpus
from lintcase.checks import pattern
from lintcase.readers import read
from lintcase.rulebook.load import default_rule_dirs, load_rules

SPED_UP = [r for r in load_rules(default_rule_dirs()) if r.check == "pattern"
           and r.options.get("requires")]


def _blocks(paths):
    for path in paths:
        rendering = read(path)
        for block in rendering.blocks:
            yield block.kind, block.text.text


@functools.cache
def _corpus_blocks() -> tuple:
    return tuple(_blocks(sorted((CORPUS / "jats").glob("*.xml"))[:150]))


def _misses(options: dict, texts) -> list[str]:
    """Blocks the rule's regex matches that its `requires` would have skipped."""
    full = pattern.compiled(options)
    needed = pattern.compiled(options, "requires")
    kinds = set(options.get("blocks", ["paragraph", "caption", "list-item"]))
    return [t for kind, t in texts if kind in kinds and full.search(t) and not needed.search(t)]


def test_a_shipped_rule_uses_the_option():
    assert any(r.code == "LC401" for r in SPED_UP)


@pytest.mark.parametrize("rule", SPED_UP, ids=lambda r: r.code)
def test_requires_keeps_every_match_on_the_seeds_and_the_rule_examples(rule):
    texts = list(_blocks(sorted(SEEDS.glob("*.txt"))))
    texts += [("paragraph", t) for t in rule.examples.get("fail", [])]
    assert any(pattern.compiled(rule.options).search(t) for _, t in texts)
    assert _misses(rule.options, texts) == []


@needs_corpus
@pytest.mark.parametrize("rule", SPED_UP, ids=lambda r: r.code)
def test_requires_keeps_every_match_on_the_corpus(rule):
    texts = _corpus_blocks()
    full = pattern.compiled(rule.options)
    matched = sum(1 for _, t in texts if full.search(t))
    assert matched > 0  # the comparison saw real matches
    assert _misses(rule.options, texts) == []


def test_a_requires_that_is_not_implied_loses_matches():
    """The check above can fail: a `requires` the regex does not imply is caught."""
    options = {**SPED_UP[0].options, "requires": "zzz"}
    texts = [("paragraph", "The tumor invaded the the dermis.")]
    assert _misses(options, texts) == ["The tumor invaded the the dermis."]
