"""resolve: citations, links and callouts have targets; every reference and figure is cited.

Reads the `citation` and `callout` facts of every rendering. One report per rule:

- `citation-unresolved`: a citation names a reference the list does not hold ("(21)" with 20
  entries, "(ASCO, 2025)" with no ASCO entry).
- `reference-uncited`: an entry of the list that no citation names.
- `named-author`: the sentence names an author ("Hu et al. demonstrated … (9)") who is not the
  first author of the entry it cites.
- `link-target`: a JATS xref whose rid is no element of the document.
- `callout-unresolved`: "Figure 6" or "Table 3" with no such figure or table.
- `not-called-out`: a figure or table that the text never mentions.

A defect seen in several renderings is one finding with a place in each. Where a rendering's
extraction is likely blind (most references look uncited, references are not parsed), the check
stays quiet rather than guess.
"""
from __future__ import annotations

from ...model import Article
from ..kit.cites import RENDERINGS_OPTION, Merged
from ..kit.options import with_defaults
from .citations import named_author, uncited, unresolved
from .targets import callouts, link_targets

FIELDS = ("what", "where", "target", "name", "first_author", "renderings")
REPORTS = ("citation-unresolved", "reference-uncited", "named-author", "link-target",
           "callout-unresolved", "not-called-out")
OPTIONS = {
    "type": "object",
    "properties": {
        "renderings": RENDERINGS_OPTION,
        "test": {"enum": list(REPORTS)},
        "min_cited": {"type": "number", "minimum": 0, "maximum": 1, "default": 0.5,
                      "description": "reference-uncited: stay quiet unless at least this share "
                                     "of the list is seen cited (else the citations are unread)."},
        "names": {"enum": ["people", "single", "all"], "default": "all",
                  "description": "citation-unresolved, author-year: “people” are citations "
                                 "written with “et al.” or two names; “single” are one name "
                                 "(an organisation, an acronym, or a lone surname)."},
        "kinds": {"type": "array", "items": {"enum": ["figure", "table"]},
                  "default": ["figure", "table"]},
    },
    "required": ["test"],
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    report = options["test"]
    merged = Merged()
    wanted = options["renderings"]
    for r in (r for r in article.renderings if r.kind in wanted):
        if report == "citation-unresolved":
            unresolved(r, merged, options["names"])
        elif report == "reference-uncited":
            uncited(r, merged, options["min_cited"])
        elif report == "named-author":
            named_author(r, merged)
        elif report == "link-target":
            link_targets(r, merged)
        else:
            callouts(r, merged, report, options["kinds"])
    yield from merged.hits()
