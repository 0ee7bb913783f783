"""Publisher article pages (HTML) -> Rendering, with exact line/column for every string.

Only the article is read: a per-publisher table (publishers.yaml) names the containers of
the abstract, body, captions and references; pages from unknown publishers fall back to the
<article>/<main> element or the element holding most paragraph text, minus page furniture.
`walker` turns the chosen containers into blocks.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ...model import Rendering, Source
from ..common import guarded
from .meta import meta_values, read_meta
from .refs import read_references, reference_ids
from .tree import MUTE, Node, Selector, any_match, parse_html
from .walker import Walker


@lru_cache(maxsize=1)
def profiles() -> dict:
    """The publisher table with its selectors compiled (a broken table is a packaging bug)."""
    import yaml
    raw = yaml.safe_load((Path(__file__).with_name("publishers.yaml")).read_text("utf-8"))
    out = {}
    for name, prof in raw.items():
        out[name] = {k: (v if k == "publisher" else [Selector(s) for s in v or ()])
                     for k, v in prof.items()}
    return out


def read_html(source: Source, data: bytes | None = None, kind: str = "html") -> Rendering:
    """The article on a publisher page; raises only ReadError. (`data` and `kind` are the
    readers' registry convention: the decoded Source says all.)"""
    return guarded(_read, source, "HTML page")


def _read(source: Source) -> Rendering:
    root = parse_html(source)
    name, prof = choose_profile(root, source)
    roots = content_roots(root, prof, generic=(name == "generic"))
    refs = read_references(roots, prof, source)
    meta = read_meta(root, prof, source)
    title = meta.title.text if meta.title else ""
    walker = Walker(source, prof, reference_ids(roots, prof), name == "generic", title)
    for r in roots:
        walker.walk(r)
    return Rendering(source.path, "html", meta, tuple(walker.blocks), tuple(refs), source)


def choose_profile(root: Node, source: Source) -> tuple[str, dict]:
    publisher = " ".join(meta_values(root, "citation_publisher", "dc.publisher", "og:site_name"))
    nodes = None
    for name, prof in profiles().items():
        if name == "generic":
            continue
        pub = prof.get("publisher")
        if not (pub and re.search(pub, publisher, re.I)):
            nodes = nodes if nodes is not None else list(root.iter())
            if not any(any_match(prof["detect"], n) for n in nodes):
                continue
        nodes = nodes if nodes is not None else list(root.iter())
        if any(any_match(prof["body"], n) for n in nodes):
            return name, prof
    return "generic", profiles()["generic"]


def content_roots(root: Node, prof: dict, generic: bool) -> list[Node]:
    """The outermost body and abstract elements, in document order. The body selectors are
    alternatives: the first that matches wins, so div.article is not read beside #artText."""
    if generic:
        return [guess_body(root)]
    wanted = prof["body"] + prof["abstract"]
    found, stack = [], [root]
    while stack:
        n = stack.pop()
        if any_match(wanted, n):
            found.append(n)
        else:
            stack.extend(reversed([c for c in n.children if isinstance(c, Node)]))
    for sel in prof["body"]:
        if any(sel.matches(n) for n in found):
            return [n for n in found if sel.matches(n) or any_match(prof["abstract"], n)]
    return [guess_body(root)]


def guess_body(root: Node) -> Node:
    """<article>/<main> when it holds half the paragraph text, else the tightest element
    holding most of it (sections split among sibling divs keep their common parent)."""
    nodes = list(root.iter())
    score: dict[int, int] = {}
    for n in reversed(nodes):  # children before parents
        kids = [c for c in n.children if isinstance(c, Node)]
        score[id(n)] = _chars_under(n) if n.tag == "p" else sum(score[id(c)] for c in kids)
    total = score[id(root)] or 1
    for n in nodes:
        if (n.tag in ("article", "main") or n.get("role") == "main") and score[id(n)] * 2 >= total:
            return n
    node = root
    while True:
        kids = [c for c in node.children if isinstance(c, Node)]
        best = max(kids, key=lambda c: score[id(c)], default=None)
        if best is None or score[id(best)] < 0.7 * score[id(node)] or score[id(best)] == 0:
            return node
        node = best


def _chars_under(node: Node) -> int:
    """Visible characters under an element (uncollapsed: scoring needs no precision)."""
    return sum(len(c[0].strip()) for n in node.iter() if n.tag not in MUTE
               for c in n.children if isinstance(c, tuple))
