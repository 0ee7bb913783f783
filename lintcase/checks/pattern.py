"""pattern: a regular expression that must not match in the prose of each rendering.

Rules and users write the regex, so it runs on the `regex` engine with a time limit: a pattern
that backtracks catastrophically on one paragraph fails that rule on that document instead of
hanging the run.

`requires` is a speed option: a simpler expression that every block with a match contains (for
a doubled word, any word written twice). Blocks without it are skipped unscanned; the rule's
own `regex` then runs on a few blocks instead of all. It must never change what is found: a
test runs each shipped rule with and without it over the corpus.
"""
from __future__ import annotations

import regex

from ..facts.common import blanked
from ..model import Article, Location
from .kit.hit import Hit
from .kit.options import with_defaults

FIELDS = ("match",)

OPTIONS = {
    "type": "object",
    "properties": {
        "regex": {"type": "string"},
        "ignore_case": {"type": "boolean", "default": False},
        "highlight": {"type": ["integer", "string"], "default": 0,
                      "description": "Group whose text is the finding's location."},
        "blocks": {"type": "array", "items": {"enum": ["paragraph", "caption", "footnote",
                                                       "list-item", "heading", "table"]},
                   "default": ["paragraph", "caption", "list-item"]},
        "renderings": {"type": "array", "items": {"type": "string"}, "default": []},
        "timeout": {"type": "number", "exclusiveMinimum": 0, "default": 1.0},
        "requires": {"type": "string",
                     "description": "A quicker regex every block with a match contains; "
                                    "other blocks are skipped (speed only)."},
        "unread_links": {"type": "array", "items": {"type": "string"}, "default": [],
                         "description": "Kinds of link (a JATS xref's ref-type) whose text is a "
                                        "marker, not prose: blanked before matching (a "
                                        "footnote marker '1)' or 'a)')."},
    },
    "required": ["regex"],
    "additionalProperties": False,
}

_compiled: dict = {}


def compiled(options: dict, which: str = "regex"):
    key = (options[which], with_defaults(OPTIONS, options)["ignore_case"])
    if key not in _compiled:
        _compiled[key] = regex.compile(key[0], regex.IGNORECASE if key[1] else 0)
    return _compiled[key]


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    pat = compiled(options)
    needed = compiled(options, "requires") if options.get("requires") else None
    group = options["highlight"]
    kinds = set(options["blocks"])
    only = set(options["renderings"]) or None
    for rendering in article.renderings:
        if only and rendering.kind not in only:
            continue
        for block in rendering.blocks:
            if block.kind not in kinds:
                continue
            text = blanked(block, set(options["unread_links"]))
            if needed is not None and not needed.search(text, timeout=options["timeout"]):
                continue
            for m in pat.finditer(text, timeout=options["timeout"]):
                a, b = m.span(group)
                loc = Location.at(rendering, block.text, a, b, block.section_name or block.kind)
                # the words around the match tell two equal matches in one article apart
                around = " ".join(text[max(0, a - 40):b + 40].lower().split()[1:-1])
                yield Hit((loc,), {"match": m.group(group)}, evidence=around or m.group(0).lower())
