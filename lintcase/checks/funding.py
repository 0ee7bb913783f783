"""funding: the funders of the funding metadata and of the funding statement are the same.

`direction: metadata` reports a funder that the funding metadata names (JATS `<funding-source>`)
but that neither the funding statement nor the acknowledgements name. `direction: statement`
reports an organisation that the funding statement names after "supported by", "funded by",
"grant from"... but that the funding metadata lacks; it runs only where the metadata names at
least one funder, since a statement without any funding metadata is a different matter. Names
are matched loosely (`facts.orgs`): word order, "the", a parenthesised acronym and initials do not
count as differences.
"""
from __future__ import annotations

import re

from ..facts import orgs
from ..model import Article, Location, Rendering, Text
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.prefer import PREFER_OPTION, by_preference

FIELDS = ("funder", "place", "other_place")
OPTIONS = {
    "type": "object",
    "properties": {
        "test": {"enum": ["metadata", "statement"]},
        "prefer": PREFER_OPTION,
    },
    "required": ["test"],
    "additionalProperties": False,
}
_ACK = re.compile(r"acknowledg", re.I)


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    for r in by_preference(article.renderings, options):
        if r.meta.funders and r.meta.funding_statements:
            if options["test"] == "metadata":
                yield from _metadata_funders(r)
            else:
                yield from _statement_funders(r)
            return  # the preferred rendering that has both speaks for the article


def _acknowledgements(r: Rendering) -> list[Text]:
    return [b.text for b in r.blocks if any(_ACK.search(s) for s in b.section)]


def _metadata_funders(r: Rendering):
    texts = list(r.meta.funding_statements) + _acknowledgements(r)
    words, acros = orgs.index(" | ".join(t.text for t in texts))
    statement = r.meta.funding_statements[0]
    seen = set()
    for funder in r.meta.funders:
        key = " ".join(funder.text.split()).lower()
        if key in seen or orgs.found_in(funder.text, words, acros):
            continue
        seen.add(key)
        yield Hit((Location.at(r, funder, 0, len(funder.text), "Funding metadata"),
                   _statement_place(r, statement)),
                  {"funder": funder.text, "place": "the funding metadata",
                   "other_place": "the funding statement"},
                  evidence=f"funder-metadata:{key}")


def _statement_funders(r: Rendering):
    names = " | ".join(f.text for f in r.meta.funders)
    words, acros = orgs.index(names)
    seen = set()
    for statement in r.meta.funding_statements:
        for a, b, alias in orgs.statement_orgs(statement):
            name = statement.text[a:b]
            key = " ".join(name.split()).lower()
            if key in seen or orgs.found_in(name, words, acros) or \
                    (alias and alias in acros | set(orgs.tokens(names))) or \
                    any(orgs.found_in(f.text, *orgs.index(name + " " + alias))
                        for f in r.meta.funders):
                continue
            seen.add(key)
            yield Hit((Location.at(r, statement, a, b, "Funding statement"),
                       Location.at(r, r.meta.funders[0], 0, len(r.meta.funders[0].text),
                                   "Funding metadata")),
                      {"funder": name, "place": "the funding statement",
                       "other_place": "the funding metadata"},
                      evidence=f"funder-statement:{key}")


def _statement_place(r: Rendering, statement: Text) -> Location:
    end = min(len(statement.text), 120)
    return Location.at(r, statement, 0, end, "Funding statement")
