"""Recall of the statistics family (LC501-LC506) on injected edits, and the count of each fact.

    python bench/mutate_stats.py [--seed 1] [--per-kind 2] [--folders jats,pairs,...] [--out F]

Every XML article of ../shared/corpus is read; each reported statistic, count with its
percentage and estimate with its interval that lintcase finds consistent is a site. Up to
`--per-kind` sites per article and kind (drawn with the seed) get one edit each, in a copy of
the XML: one digit of one number (the p value or the statistic; the count or the percentage;
the estimate) changed to another digit, so that the arithmetic no longer holds; and for an
interval stated twice alike (LC505's subject test), one digit of one copy's estimate; for a
total's breakdown by sex (LC507), one digit of the first count. Only edits
of the first three kinds that make the numbers inconsistent count (the check's own arithmetic decides, on the edited
strings; an edit that leaves them consistent is drawn again, at most 20 times). An edit is
found when the edited article has an LC50x finding the unedited one lacks whose place covers
the edited number. Recall is printed per kind, with every miss.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from emit import emit  # noqa: E402
from mutate import _covers, select_rules  # noqa: E402
from lintcase import grouping  # noqa: E402
from lintcase.checks.kit import stats  # noqa: E402
from lintcase.engine import run as engine  # noqa: E402
from lintcase.facts.registry import facts  # noqa: E402
from lintcase.model import Source  # noqa: E402
from lintcase.readers import ReadError, read  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
FOLDERS = ("jats", "pairs", "pairs2", "case-reports", "triples")
KINDS = {"statistic": "LC501/LC506", "proportion": "LC502", "interval": "LC503",
         "restated": "LC505", "breakdown": "LC507", "share": "LC510"}


def xml_files(folders) -> list[Path]:
    out = []
    for folder in folders:
        base = CORPUS / folder
        out += sorted(base.glob("*.xml")) + sorted(base.glob("*/article.xml"))
    return out


def _numbers(f) -> list[tuple[str, str]]:
    """(which, printed) of the numbers of a fact that an edit may change."""
    v = f.value
    if f.kind == "statistic":
        return [("p", v[4]), ("statistic", v[2])]
    if f.kind == "proportion":
        return [("count", str(v[0])), ("percentage", v[2])]
    if f.kind == "breakdown":
        return [("count", f"{v[1]:,}" if f"{v[1]:,}" in f.surface else str(v[1]))]
    if f.kind == "share":
        return [("count", f"{v.count:,}" if f"{v.count:,}" in f.surface else str(v.count)),
                ("percentage", v.share)]
    return [("estimate", v[1])]


def _consistent(kind: str, value) -> bool:
    if kind == "statistic":
        test, dfs, stat, rel, p, one = value
        lo, hi = stats.p_range(test, dfs, stat, one)
        return stats.p_consistent(rel, p, lo, hi) and not stats.decision_error(rel, p, lo, hi)
    if kind == "proportion":
        k, n, pct = value
        return stats.share_consistent(k, n, pct)
    if kind == "breakdown":
        return stats.breakdown(*value) == ""
    if kind == "share":
        return stats.share_consistent(value.count, value.total, value.share)
    return stats.inside(*value[1:]) == ""


def _edited_value(kind: str, value, which: str, new: str):
    v = list(value)
    if kind == "statistic":
        v[4 if which == "p" else 2] = new
    elif kind == "proportion":
        if which == "count":
            v[0] = int(new)
        else:
            v[2] = new
    elif kind == "breakdown":
        v[1] = int(new.replace(",", ""))
    elif kind == "share":
        return value._replace(**({"count": int(new.replace(",", ""))} if which == "count"
                                 else {"share": new}))
    else:
        v[1] = new
    return tuple(v)


def _restated_sites(r) -> list:
    """Intervals stated twice alike (same subject): one copy's estimate is the site."""
    from lintcase.checks.kit.restated import same_subject as _same_subject
    found = facts(r, "interval")
    return [b for i, a in enumerate(found) for b in found[i + 1:]
            if a.value == b.value and not (a.block is b.block and a.sentence == b.sentence)
            and _same_subject(a, b)]


def plan(rng: random.Random, r, per_kind: int) -> list[dict]:
    edits = []
    for kind in KINDS:
        if kind == "restated":
            sites = _restated_sites(r)
            for f in rng.sample(sites, min(per_kind, len(sites))):
                e = _one_edit(rng, r, f, restated=True)
                if e is not None:
                    edits.append(dict(e, kind="restated"))
            continue
        sites = [f for f in facts(r, kind) if _consistent(kind, f.value)]
        whole = _whole_breakdowns(r) if kind == "share" else {}
        for f in rng.sample(sites, min(per_kind, len(sites))):
            e = _one_edit(rng, r, f)
            if e is not None:
                if kind == "share":  # one total gave every row's share; after the edit none does
                    rows = whole.get(f.value.breakdown, [])
                    edited = _edited_value(kind, f.value, e["which"], e["after"])
                    e["whole"] = bool(rows) and not stats.common_total(
                        [(edited.count, edited.share) if g is f else (g.value.count, g.value.share)
                         for g in rows])
                edits.append(e)
    return edits


def _whole_breakdowns(r) -> dict:
    """The rows of each table breakdown whose every row is its share of one total (the
    numbers consistent before the edit), by breakdown."""
    rows: dict = {}
    for f in facts(r, "share"):
        rows.setdefault(f.value.breakdown, []).append(f)
    return {key: found for key, found in rows.items()
            if stats.common_total([(f.value.count, f.value.share) for f in found])}


def _one_edit(rng: random.Random, r, f, restated: bool = False) -> dict | None:
    block = f.block.text.text
    for _ in range(20):
        which, printed = rng.choice(_numbers(f))
        at = _locate(block, f.start, f.end, which, printed, f.kind == "share")
        digits = [i for i, c in enumerate(printed) if c.isdigit()]
        if at < 0 or not digits:
            continue
        i = rng.choice(digits)
        new = printed[:i] + rng.choice([d for d in "0123456789" if d != printed[i]]) + \
            printed[i + 1:]
        try:
            if not restated and _consistent(f.kind, _edited_value(f.kind, f.value, which, new)):
                continue  # the edit leaves the numbers consistent: not a fair edit
        except (ValueError, ZeroDivisionError):
            continue
        a = f.block.text.source_offset(at + i)
        if r.source.text[a] != printed[i] or f.block.text.source_offset(at + i + 1) != a + 1:
            continue  # the digit is not verbatim in the source (an entity, markup between)
        return {"kind": f.kind, "which": which, "before": printed, "after": new, "offset": a,
                "digit": printed[i], "new_digit": new[i], "surface": f.surface}
    return None


def _locate(block: str, start: int, end: int, which: str, printed: str,
            in_table: bool = False) -> int:
    """Where the number `printed` of the fact stands: the token itself (never a digit inside
    another number), before "%" for a percentage, the last such token for a p value; in a
    table cell the count is the first number and the share the second ("16 (47.2)"), or the
    other way round where the table says so ("% (n)")."""
    tokens = [m for m in re.finditer(r"\d[\d,]*(?:\.\d+)?|\.\d+", block[start:end])]
    if in_table:  # the count first, unless the table prints the share first ("96 (459)")
        i = 0 if which == "count" else 1
        if len(tokens) > 1 and tokens[i].group() != printed and tokens[1 - i].group() == printed:
            i = 1 - i
        return start + tokens[i].start() if len(tokens) > i and tokens[i].group() == printed \
            else -1
    tokens = [m for m in tokens if m.group() == printed]
    if which == "percentage":
        tokens = [m for m in tokens if block[start + m.end():start + m.end() + 2].lstrip()[:1] == "%"]
    elif which in ("count", "statistic"):
        tokens = [m for m in tokens if block[start + m.end():start + m.end() + 2].lstrip()[:1] != "%"]
    if not tokens:
        return -1
    return start + (tokens[-1] if which == "p" else tokens[0]).start()


def findings(r, rules) -> list:
    found, errors = engine.run(grouping.group([r]), rules)
    return found


def run(folders, seed: int, per_kind: int):
    rules = select_rules("LC501,LC502,LC503,LC504,LC505,LC506,LC507,LC510")
    counts, articles = Counter(), Counter()
    results = []
    tmp = Path(tempfile.mkdtemp())
    for path in xml_files(folders):
        try:
            r = read(path)
        except ReadError:
            continue
        for kind in KINDS:
            n = len(_restated_sites(r)) if kind == "restated" else len(facts(r, kind))
            counts[kind] += n
            articles[kind] += bool(n)
        rng = random.Random(f"{seed}:{path.parent.name}/{path.name}")
        edits = plan(rng, r, per_kind)
        if not edits:
            continue
        before = Counter((f.rule, f.message) for f in findings(r, rules))
        for e in edits:
            text = r.source.text
            new = text[:e["offset"]] + e["new_digit"] + text[e["offset"] + 1:]
            out = tmp / path.parent.name / path.name
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(new, encoding="utf-8")
            edited = read(out)
            seen = before.copy()
            fresh = []
            for f in findings(edited, rules):
                if seen[(f.rule, f.message)]:
                    seen[(f.rule, f.message)] -= 1
                else:
                    fresh.append(f)
            src = Source(str(out), new)
            hit = any(_covers(loc, str(out), src, (e["offset"], e["offset"] + 1))
                      for f in fresh for loc in f.locations)
            results.append(dict(e, article=str(path.relative_to(CORPUS)), found=hit))
    return counts, articles, results


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-kind", type=int, default=2)
    ap.add_argument("--folders", default=",".join(FOLDERS))
    ap.add_argument("--out", type=Path)
    args = ap.parse_args(argv)
    t0 = time.time()
    counts, articles, results = run(args.folders.split(","), args.seed, args.per_kind)
    lines = [f"# Statistics family: facts and injected-edit recall (seed {args.seed}, "
             f"{args.per_kind} per kind and article, folders {args.folders})", "",
             "| fact | found | articles with one | edits | found (a new LC501–LC510 finding at the edit) | recall |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for kind, rule in KINDS.items():
        rs = [x for x in results if x["kind"] == kind]
        hit = sum(x["found"] for x in rs)
        rate = f"{100 * hit / len(rs):.0f}%" if rs else "–"
        lines.append(f"| {kind} ({rule}) | {counts[kind]} | {articles[kind]} | {len(rs)} | "
                     f"{hit} | **{rate}** |")
    whole = [x for x in results if x.get("whole")]
    lines += ["", f"Share edits in a breakdown whose rows were all one total's shares before the "
              f"edit and are no total's after it: {sum(x['found'] for x in whole)} of "
              f"{len(whole)} found"
              + (f" (**{100 * sum(x['found'] for x in whole) / len(whole):.0f}%**)" if whole
                 else "") + "; the other share edits are in columns whose rows were not "
              "(another column's numbers, per-item answers, shares of several totals)."]
    misses = [x for x in results if not x["found"]]
    lines += ["", f"Missed edits ({len(misses)}):", ""]
    lines += [f"- {x['article']}: {x['kind']} «{x['surface']}», {x['which']} "
              f"{x['before']} → {x['after']}" + (" (rows of one total)" if x.get("whole") else "")
              for x in misses]
    lines += ["", f"{len(results)} edits in {time.time() - t0:.0f} s."]
    return emit(lines, args.out)


if __name__ == "__main__":
    sys.exit(main())
