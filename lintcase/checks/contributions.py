"""contributions: the author-contribution statement and the author list name the same people.

`test: unknown-initials` reports initials in the statement that fit no author of the list ("JS
and AB designed…" with no author A. B.); only initials written as a statement writes authors
are read: a label before a colon ("CW: Data curation"), or in a list with initials that do fit
an author (so "DNA" in "JS performed the DNA extraction" is never one). `test: no-contribution`
reports an author the statement never names, by initials or surname. `test: roles` compares the
CRediT roles of each author in the metadata (JATS `<role>`) with the roles a CRediT-style
statement gives them. Initials are matched by `facts.initials` (hyphenated given names, particles,
left-out middle names, "DBr"/"DBa" for two authors with the same initials).
"""
from __future__ import annotations

import re

from ..facts import initials as ini
from ..facts.words import plain
from ..model import Article, Location, Rendering, Text
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.prefer import PREFER_OPTION, by_preference

FIELDS = ("value", "author", "stated", "declared")
OPTIONS = {
    "type": "object",
    "properties": {
        "test": {"enum": ["unknown-initials", "no-contribution", "roles"]},
        "prefer": PREFER_OPTION,
    },
    "required": ["test"],
    "additionalProperties": False,
}
_SEP = re.compile(r"^\s*(?:,|&|\band\b|,\s*and\b)\s*$")
_ALL = re.compile(r"\ball (?:the )?(?:other )?(?:co-?)?authors\b[^.]{0,40}?\b(?:contribut|participat|"
                  r"wrote|writ|revis|edit|discuss|analy|interpret|design|conceiv|perform)", re.I)


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    for r in by_preference(article.renderings, options):
        if r.meta.contributions and any(r.meta.surnames):
            people = [(ini.split_name(a.text, s), s, a)
                      for a, s in zip(r.meta.authors, r.meta.surnames)]
            test = options["test"]
            if test == "no-contribution":  # a statement may be set as several paragraphs
                yield from _uncredited(r, r.meta.contributions, people)
            for statement in r.meta.contributions:
                if test == "unknown-initials":
                    yield from _unknown(r, statement, people)
                elif test == "roles":
                    yield from _roles(r, statement, people)
            return


def _tokens(statement: Text, people: list) -> list:
    """(match, authors it fits) of each initials-like token."""
    out = []
    for m in ini.TOKEN.finditer(statement.text):
        if ini.initials(m.group()) is not None:
            out.append((m, [i for i, (g, s, _) in enumerate(people) if ini.fits(m.group(), g, s)]))
    return out


def _unknown(r: Rendering, statement: Text, people: list):
    toks = _tokens(statement, people)
    s = statement.text
    for k, (m, fit) in enumerate(toks):
        if fit:
            continue
        label = re.match(r"\s*:", s[m.end():]) is not None
        near = [toks[j] for j in (k - 1, k + 1) if 0 <= j < len(toks)]
        listed = any(f and _SEP.match(s[min(m.end(), n.end()):max(m.start(), n.start())])
                     for n, f in near)
        if label and any(f for _, f in toks) or listed:
            yield Hit((Location.at(r, statement, m.start(), m.end(), "Author contributions"),
                       _authors_place(r)),
                      {"value": m.group(), "author": "", "stated": "", "declared": ""},
                      evidence=f"initials:{m.group()}")


def _uncredited(r: Rendering, statements: tuple, people: list):
    named = {i for st in statements for _, fit in _tokens(st, people) for i in fit}
    low = plain(" ".join(st.text for st in statements))
    named |= {i for i, (_, s, _) in enumerate(people) if s and re.search(
        r"\b" + re.escape(plain(s)) + r"\b", low)}
    statement = statements[0]
    if len(named) < 2 or any(_ALL.search(st.text) for st in statements):
        return  # no names to go by, or a contribution every author shares
    for i, (_, _, name) in enumerate(people):
        if i not in named:
            yield Hit((Location.at(r, name, 0, len(name.text), "Authors"),
                       Location.at(r, statement, 0, min(len(statement.text), 80),
                                   "Author contributions")),
                      {"value": "", "author": name.text, "stated": "", "declared": ""},
                      evidence=f"uncredited:{name.text}")


def _roles(r: Rendering, statement: Text, people: list):
    declared: dict[int, set] = {}
    for i, role in r.meta.roles:
        declared.setdefault(i, set()).update(t for t, _, _ in ini.credit_terms(role.text))
    stated = _stated_roles(statement, people)
    if not declared or not stated:
        return
    for i in sorted(stated):
        if i not in declared or stated[i] == declared[i]:
            continue
        name = people[i][2]
        yield Hit((Location.at(r, statement, 0, min(len(statement.text), 80),
                               "Author contributions"),
                   Location.at(r, name, 0, len(name.text), "Authors")),
                  {"value": "", "author": name.text,
                   "stated": ", ".join(sorted(stated[i] - declared[i])) or "nothing more",
                   "declared": ", ".join(sorted(declared[i] - stated[i])) or "nothing more"},
                  evidence=f"roles:{name.text}")


def _stated_roles(statement: Text, people: list) -> dict[int, set]:
    """Roles per author of a CRediT-style statement: "CW: Data curation, …" (initials first)
    or "Conceptualization: J.S., A.B." (role first); {} for prose."""
    s = statement.text
    terms = ini.credit_terms(s)
    toks = _tokens(statement, people)
    if len(terms) < 2:
        return {}
    out: dict[int, set] = {}
    labels = [(m.start(), fit) for m, fit in toks if re.match(r"\s*:", s[m.end():])]
    if len(labels) >= 2:
        bounds = [a for a, _ in labels] + [len(s)]
        for (a, fit), b in zip(labels, bounds[1:]):
            for i in fit[:1] if len(fit) == 1 else ():
                out.setdefault(i, set()).update(t for t, x, _ in terms if a <= x < b)
        return out
    starts = [(x, t) for t, x, e in terms if re.match(r"\s*:", plain(s)[e:])]
    for (a, term), b in zip(starts, [x for x, _ in starts[1:]] + [len(s)]):
        for m, fit in toks:
            if a <= m.start() < b and len(fit) == 1:
                out.setdefault(fit[0], set()).add(term)
    return out


def _authors_place(r: Rendering) -> Location:
    first = r.meta.authors[0] if r.meta.authors else None
    if first is None:
        return Location.at(r, r.meta.contributions[0], 0, 0, "Authors")
    return Location.at(r, first, 0, len(first.text), "Authors")
