"""staging: a stage group that its TNM classification rules out (general AJCC principles).

Two rules hold for nearly every solid tumour of the AJCC 8th edition: distant metastasis (M1)
makes the stage IV, and a small tumour without nodes or metastasis (T1-T2 N0 M0) is never stage
IV. Thyroid cancer is the exception to both (differentiated carcinoma before 55 with M1 is stage
II; every anaplastic carcinoma is stage IV): an article whose title or sentence names the
thyroid is not checked.
"""
from __future__ import annotations

import re

from ..facts.registry import facts
from ..model import Article, Location
from .kit.hit import Hit
from .kit.options import with_defaults

FIELDS = ("stage", "tnm", "reason", "rendering")
OPTIONS = {"type": "object", "properties": {}, "additionalProperties": False}
EXCEPT = re.compile(r"thyroid", re.I)


def run(article: Article, options: dict):
    with_defaults(OPTIONS, options)
    for r in article.renderings:
        title = r.meta.title.text if r.meta.title is not None else ""
        if EXCEPT.search(title):
            continue
        for f in facts(r, "stage"):
            group, (t, n, m) = f.value
            reason = ""
            if m == "1" and not group.startswith("IV"):
                reason = "M1 (distant metastasis) makes the stage IV"
            elif t in ("1", "2") and n == "0" and m == "0" and group.startswith("IV"):
                reason = f"T{t} N0 M0 is not stage IV"
            if not reason or EXCEPT.search(f.context + f.surface + f.after):
                continue
            where = Location.at(r, f.block.text, f.start, f.end, f.block.section_name)
            yield Hit((where,), {"stage": group, "tnm": f"T{t}N{n}M{m}", "reason": reason,
                                 "rendering": r.kind}, evidence=f"{group}:{t}{n}{m}")
