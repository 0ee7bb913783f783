"""Mutation harness: inject realistic edits into one rendering of a real pair and measure recall.

    python bench/mutate.py [--seed N] [--per-type K] [--out docs/mutation.md]
                           [--corpus ../shared/corpus] [--folders pairs,pairs2,triples,case-reports]
                           [--pairs ID,ID] [--limit N | --sample N [--sample-seed S]]
                           [--types number,swap] [--jobs J]

For every article folder of ``<corpus>/pairs/``, ``pairs2/``, ``triples/`` and ``case-reports/``
that holds both the JATS XML (``article.xml``) and the pdftotext text
(``article.pdftotext.txt``), both files are copied to a temporary folder (the corpus is never
written). For each edit type, K edits are made one at a time, in turn in the XML and in the PDF
text, at seeded random places; lintcase runs in-process (``grouping.group`` to make articles,
``engine.run.run`` with rules from ``rulebook.load``) on the edited pair with the
cross-rendering rules (paragraphs LC1xx, reference lists LC320-LC328, metadata LC340-LC346,
LC358, LC359; `--select` to change). An edit is **detected** when the edited pair gets a finding
the unedited pair does not have (same rule and message), of any severity, and one of its
locations in the edited file covers the edit or lies within `NEAR` characters of it (XML markup
between them not counted).
`--limit N` keeps the first N articles (in folder order), `--sample N` a seeded random N, for a
quick run; the default is every article. `--jobs J` spreads the articles over J processes.

Edits are fair: each is made only where the other rendering prints the same word or value, so a
perfect comparison could see it. Edit types, each made in text that lintcase compares
(paragraphs and captions of the body and abstract), in text nodes only (an edit is made only
where the source characters are the word itself):
number (a digit changed, 0.05 -> 0.5), swap (a word replaced by its opposite or sibling),
insert (a short word added), drop (a word removed): in the XML, a word of a five-word run that
the PDF text also has; in the PDF text, a word whose five-word neighbourhood is XML prose (a
5-gram unique there). reference: a reference-list surname letter, year or DOI character, only
when the other rendering's counterpart entry (the entry holding most of this one's words)
prints the same value. title: a word of the article title replaced, only when the other
rendering prints that word with its neighbours in the title.
"""
from __future__ import annotations

import argparse
import html
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from lintcase import grouping  # noqa: E402
from lintcase.engine import run as engine  # noqa: E402  (engine.run: the checks run)
from lintcase.rulebook import load as rulemod  # noqa: E402
from lintcase.checks import align  # noqa: E402
from lintcase.facts.words import words  # noqa: E402
from lintcase.model import Article, Source  # noqa: E402
from lintcase.readers import ReadError, read  # noqa: E402

FILES = {"jats": "article.xml", "pdftext": "article.pdftotext.txt"}
FOLDERS = ("pairs", "pairs2", "triples", "case-reports")  # corpus folders, each of article folders
TYPES = ("number", "swap", "insert", "drop", "reference", "title")
NEAR = 5  # characters between a finding's location and the edit that still count as "at" it
EDITED_KINDS = ("paragraph", "caption")
_PAIRS = [("left", "right"), ("increased", "decreased"), ("increase", "decrease"),
          ("increases", "decreases"), ("increasing", "decreasing"), ("higher", "lower"),
          ("high", "low"), ("highest", "lowest"), ("more", "less"), ("positive", "negative"),
          ("before", "after"), ("above", "below"), ("male", "female"), ("males", "females"),
          ("men", "women"), ("first", "second"), ("major", "minor"), ("dermis", "epidermis"),
          ("early", "late"), ("larger", "smaller"), ("large", "small"), ("maximum", "minimum"),
          ("anterior", "posterior"), ("proximal", "distal"), ("internal", "external"),
          ("acute", "chronic"), ("benign", "malignant"), ("primary", "secondary"),
          ("mild", "severe"), ("short", "long"), ("shorter", "longer"), ("strong", "weak"),
          ("present", "absent"), ("presence", "absence"), ("included", "excluded"),
          ("inside", "outside"), ("same", "different"), ("similar", "different"),
          ("significant", "insignificant"), ("enhanced", "reduced"), ("inhibited", "stimulated"),
          ("upregulated", "downregulated"), ("gain", "loss"), ("wet", "dry"), ("hot", "cold"),
          ("rats", "mice"), ("roots", "leaves"), ("days", "weeks"), ("months", "years"),
          ("hours", "minutes"), ("total", "partial"), ("all", "some"), ("most", "least"),
          ("young", "old"), ("younger", "older"), ("children", "adults"), ("north", "south"),
          ("east", "west"), ("summer", "winter"), ("dna", "rna"), ("bacterial", "fungal"),
          ("aerobic", "anaerobic"), ("soluble", "insoluble"), ("with", "without")]
SWAPS: dict[str, str] = {}
for _a, _b in _PAIRS:
    SWAPS.setdefault(_a, _b)
    if " " not in _b:
        SWAPS.setdefault(_b, _a)
INSERTS = ("not", "only", "also", "For", "no", "all", "both", "never")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass
class Edit:
    pair: str
    rendering: str      # jats | pdftext: the file edited
    type: str
    start: int          # offsets in the decoded source of the edited file
    end: int
    before: str
    after: str
    context: str = ""   # the words around the edit, before it was made
    xblock: int = -1    # the XML block the edit belongs to (-1: not a compared paragraph)


@dataclass
class Result:
    edit: Edit
    detected: bool
    rule: str = ""
    cause: str = ""
    detail: str = ""
    new_findings: int = 0  # findings of the edited pair that the unedited pair does not have
    paired: "Result | None" = None  # the outcome with the renderings paired by hand, when
    #                                 lintcase does not group them as one article itself


@dataclass
class Loaded:
    """One article's two renderings, read from copies, and its findings before any edit."""
    name: str
    folder: Path
    texts: dict
    renderings: dict
    baseline: list = field(default_factory=list)
    xgrams: dict = field(default_factory=dict)
    keys: tuple = ()         # lintcase's article key of each rendering
    grouped: bool = True     # lintcase groups the two renderings as one article
    baseline_paired: list = field(default_factory=list)  # findings with the pair forced
    pgrams: set = field(default_factory=set)  # every word 5-gram of the PDF text (keys)


# ---------------------------------------------------------------- loading and running

# The rules that compare renderings: paragraphs (LC1xx), reference lists (LC320-LC328) and
# metadata (LC340-LC346, LC358, LC359); the within-document rules are left out, so that a finding on an
# unedited original is a cross-rendering false positive.
CROSS_RENDERING = "LC1,LC32,LC340,LC341,LC342,LC343,LC344,LC345,LC346,LC358,LC359"


def select_rules(prefixes: str = CROSS_RENDERING) -> list:
    wanted = tuple(p.strip() for p in prefixes.split(",") if p.strip())
    return [r for r in rulemod.load_rules(rulemod.default_rule_dirs())
            if r.code.startswith(wanted) and r.enabled]


def load_pair(src: Path, tmp: Path, rules: list) -> Loaded:
    """Copy the two renderings of one article into tmp and read them."""
    name = f"{src.parent.name}/{src.name}"  # corpus folder / article: unique across folders
    folder = tmp / "orig" / name
    folder.mkdir(parents=True)
    texts, renderings = {}, {}
    for kind, file in FILES.items():
        shutil.copyfile(src / file, folder / file)
        renderings[kind] = read(folder / file)
        texts[kind] = renderings[kind].source.text
    pair = Loaded(name, folder, texts, renderings)
    pair.baseline, n = lint(pair, renderings["jats"], renderings["pdftext"], rules)
    pair.grouped = n == 1
    pair.baseline_paired = pair.baseline if pair.grouped else \
        lint(pair, renderings["jats"], renderings["pdftext"], rules, True)[0]
    pair.keys = tuple(grouping.article_key(renderings[k]) for k in FILES)
    pair.xgrams = _xml_grams(renderings["jats"])
    pw = [w.key for w in words(renderings["pdftext"])]
    pair.pgrams = set(zip(*(pw[i:] for i in range(5))))
    return pair


def lint(pair: Loaded, xml, pdf, rules: list, force: bool = False) -> tuple[list, int]:
    """Findings of the cross-rendering rules on one pair; and how many articles it made.
    With force, the two renderings are one article even when lintcase would not group them."""
    articles = grouping.group([xml, pdf])
    if force and len(articles) != 1:
        articles = [Article("paired-by-hand:" + pair.name, (xml, pdf))]
    findings, errors = engine.run(articles, rules)
    if errors:
        raise RuntimeError(f"{pair.name}: {errors[0].reason}")
    return findings, len(articles)


def trial(pair: Loaded, edit: Edit, rules: list, tmp: Path, force: bool = False) -> Result:
    """Make one edit in a copy, lint the edited pair, and judge whether the edit was found."""
    text = pair.texts[edit.rendering]
    assert text[edit.start:edit.end] == edit.before, (edit, text[edit.start:edit.end])
    new = text[:edit.start] + edit.after + text[edit.end:]
    out = tmp / "mut" / pair.name / FILES[edit.rendering]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(new, encoding="utf-8")
    try:
        edited = read(out)
    except ReadError as e:
        return Result(edit, False, cause="edited file unreadable", detail=e.reason)
    other = "pdftext" if edit.rendering == "jats" else "jats"
    both = {edit.rendering: edited, other: pair.renderings[other]}
    findings, n_articles = lint(pair, both["jats"], both["pdftext"], rules, force)
    seen = Counter((f.rule, f.message) for f in (pair.baseline_paired if force else pair.baseline))
    fresh = [f for f in findings if not _consume(seen, (f.rule, f.message))]
    span, source = (edit.start, edit.start + len(edit.after)), Source(str(out), new)
    hit = next((f for f in fresh if any(_covers(loc, str(out), source, span)
                                        for loc in f.locations)), None)
    if hit is not None:
        res = Result(edit, True, rule=hit.rule, detail=hit.message[:160])
    elif n_articles != 1 and not force:
        res = Result(edit, False, cause=UNGROUPED)
    else:
        res = judge_miss(edit, fresh, both, rules)
    res.new_findings = len(fresh)
    return res


UNGROUPED = "lintcase does not group the two renderings as one article (never compared)"


def _consume(seen: Counter, key) -> bool:
    if seen[key] > 0:
        seen[key] -= 1
        return True
    return False


def _covers(loc, path: str, source: Source, span: tuple[int, int]) -> bool:
    if loc.path != path:
        return False
    a = source.line_offset(loc.line) + loc.column - 1
    b = source.line_offset(loc.end_line) + loc.end_column - 1
    if a - NEAR <= span[1] and b + NEAR >= span[0]:
        return True
    # a zero-width point may sit past markup ("‹in› <italic>Ocimum"): tags do not count
    lo, hi = (span[1], a) if a > span[1] else (b, span[0])
    return hi - lo < 500 and len(re.sub(r"<[^>]*>", "", source.text[lo:hi])) <= NEAR


# ---------------------------------------------------------------- why an edit was missed

def judge_miss(edit: Edit, fresh: list, both: dict, rules: list) -> Result:
    if edit.type == "none":
        return Result(edit, False, cause="control (no edit)")
    named = [f for f in fresh if _names_edit(f, edit)]
    if named:
        return Result(edit, False, cause=OTHER_FILE, detail=named[0].message[:160])
    if edit.type == "reference" and not any(r.code.startswith("LC32") for r in rules):
        return Result(edit, False, cause="not compared: no rule compares reference lists")
    if edit.type == "title" and "LC340" not in {r.code for r in rules}:
        return Result(edit, False, cause="not compared: no rule compares titles (metadata)")
    if edit.type in ("reference", "title"):
        prefix = "LC32" if edit.type == "reference" else "LC340"
        own = [f for f in fresh if f.rule.startswith(prefix)]
        if own:
            return Result(edit, False, cause=f"a new {edit.type} finding, located elsewhere",
                          detail=own[0].message[:160])
        return Result(edit, False, cause=f"no finding from the {edit.type} comparison rules")
    summary = [f for f in fresh if f.rule == "LC102"]
    if summary:
        return Result(edit, False, cause="LC102 reported the paragraph, located at its first "
                                         "difference", detail=summary[0].message[:160])
    if fresh:
        return Result(edit, False, cause="new finding elsewhere", detail=fresh[0].message[:160])
    try:
        why = explain(edit, both["jats"], both["pdftext"])
    except Exception as e:  # noqa: BLE001 - a diagnosis that fails must not stop the run
        why = f"not diagnosed ({type(e).__name__})"
    why, _, detail = why.partition("||")
    return Result(edit, False, cause="no finding: " + why, detail=detail)


OTHER_FILE = "found, but located only in the other rendering (no location in the edited file)"


def _names_edit(finding, edit: Edit) -> bool:
    """A finding without a location in the edited file whose message quotes the changed word."""
    if any(loc.rendering == edit.rendering for loc in finding.locations):
        return False
    before, after = re.findall(r"\w+", edit.before), re.findall(r"\w+", edit.after)
    changed = set(before).symmetric_difference(after)
    return any(re.search(rf"\b{re.escape(w)}\b", finding.message) for w in changed)


def _indices(rendering, ws, start: int, end: int) -> list[int]:
    """Word indices of a rendering whose source characters overlap [start, end] (or touch it)."""
    out = []
    for k, w in enumerate(ws):
        t = rendering.blocks[w.block].text
        a, b = t.source_offset(w.start), t.source_offset(w.end, end=True)
        if a <= end and b >= start:
            out.append(k)
    return out


def explain(edit: Edit, xml, pdf) -> str:
    """Where in lintcase's comparison the edit vanished (uses the align check's own pieces)."""
    pair = align.Pair(xml, pdf, {"anchor": 5})
    edited = xml if edit.rendering == "jats" else pdf
    ws = pair.X if edit.rendering == "jats" else pair.P
    idx = _indices(edited, ws, edit.start, edit.start + len(edit.after))
    if not idx:
        return "edited words not among the compared words"
    block = edit.xblock
    a = next((i for i, w in enumerate(pair.X) if w.block == block), None)
    if a is None:
        return "paragraph not among the compared blocks"
    b = a
    while b < len(pair.X) and pair.X[b].block == block:
        b += 1
    matches = pair._matches(a, b)
    if not matches:
        return "the paragraph has no anchor (no 5-gram unique in both renderings)"
    on_x, col = edit.rendering == "jats", 0 if edit.rendering == "jats" else 1
    if all(i < matches[0][col] or i > matches[-1][col] for i in idx):
        return _at_edge(pair, matches, idx, on_x, a, b)
    return _in_gap(pair, matches, idx, on_x, len(list(pair._block_hits(a, b))) > 3)


def _at_edge(pair, matches: list, idx: list[int], on_x: bool, a: int, b: int) -> str:
    """An edit before the first or after the last anchor: compared by the check's _edge."""
    col = 0 if on_x else 1
    lead = all(i < matches[0][col] for i in idx)
    xs = list(range(a, matches[0][0])) if lead else list(range(matches[-1][0] + 1, b))
    where = "first" if lead else "last"
    if len(xs) >= 3 and pair._elsewhere(xs):
        return ("edit in a paragraph's unanchored edge: the edge words were taken as 'found "
                "elsewhere' (>= 80% of their 3-grams occur in the other rendering)"
                f"||{len(xs)} words before/after the {where} anchor")
    return ("edit in a paragraph's unanchored edge: `_edge` accepted it (the reference's edge "
            "words, joined, are a substring of the other rendering's window, or noise)"
            f"||{len(xs)} words before/after the {where} anchor")


def _in_gap(pair, matches: list, idx: list[int], on_x: bool, many: bool) -> str:
    for (x0, p0), (x1, p1) in zip(matches, matches[1:]):
        g0, g1 = (x0, x1) if on_x else (p0, p1)
        if not any(g0 <= i <= g1 for i in idx) or (x1 - x0 == 1 and p1 - p0 == 1):
            continue
        for tag, i1, i2, j1, j2 in SequenceMatcher(
                None, pair.xkeys[x0 + 1:x1], pair.pkeys[p0 + 1:p1], autojunk=False).get_opcodes():
            xs, ps = list(range(x0 + 1 + i1, x0 + 1 + i2)), list(range(p0 + 1 + j1, p0 + 1 + j2))
            side, at = (xs, x0 + 1 + i1) if on_x else (ps, p0 + 1 + j1)
            touches = set(idx) & set(side) if side else any(at - 1 <= i <= at for i in idx)
            if tag == "equal" or not touches:
                continue
            near = [x0 + i1, x0 + 1 + i1]
            if pair._noise(xs, ps, near):
                return "explained as noise: " + noise_reason(pair, xs, ps, near)
            return ("a difference, but the paragraph has more than 3 (LC101 silent; LC102's one "
                    "finding unchanged)" if many else "a difference that was not reported")
    return "no difference between the anchors around the edit"


def noise_reason(pair, xs: list[int], ps: list[int], near: list[int]) -> str:
    """Which of the align check's noise explanations accepted the difference."""
    X = pair.X
    xk = "".join(X[i].key for i in xs if not X[i].citation)
    pk = "".join(pair.pkeys[j] for j in ps)
    tests = [
        ("same letters (split or joined word)", lambda: xk == pk),
        ("citation numbers", lambda: any(X[i].citation for i in xs) and pk.isdigit() and not xk),
        ("words of another paragraph/caption/heading (displaced)", lambda: not xs and pair._displaced(ps)),
        ("bare numbers beside a citation", lambda: not xs and pair._citation_numbers(ps, near)),
        ("doubled word taken for overprinting", lambda: bool(ps) and pair._overprinted(xk, ps)),
        ("front matter / e-mail", lambda: not xs and pair._front_matter(ps)),
        ("symbol stand-in", lambda: not xs and pair._symbol_stand_in(pk, near)),
        ("inline mathematics", lambda: bool(xs) and all(X[i].math for i in xs)),
        ("two-column interleave", lambda: bool(ps and xs) and pair._interleaved(xk, ps)),
        ("symbol glyphs mapped to digits", lambda: bool(ps and xs) and pair._symbol_glyphs(xs, pk)),
        ("words found elsewhere (reading order)", lambda: not ps and pair._elsewhere(xs)),
        ("one glyph changed by a font (edit distance 1, no digits)",
         lambda: len(xs) == 1 == len(ps) and not any(c.isdigit() for c in xk + pk)),
    ]
    return next((name for name, test in tests if test()), "unknown noise rule")


# ---------------------------------------------------------------- where edits may go

def _xml_grams(xml) -> dict:
    """Unique 5-grams of the XML's compared prose -> index of the middle word."""
    ws = [w for w in words(xml) if w.compared]
    grams: dict = {}
    for i in range(len(ws) - 4):
        if len({w.block for w in ws[i:i + 5]}) == 1:
            g = tuple(w.key for w in ws[i:i + 5])
            grams[g] = None if g in grams else ws[i + 2]
    return {g: w for g, w in grams.items() if w is not None}


def word_sites(pair: Loaded, kind: str) -> list[tuple]:
    """(source start, source end, xml block) of each word in compared prose that is verbatim."""
    r = pair.renderings[kind]
    ws = words(r)
    out = []
    for k, w in enumerate(ws):
        if kind == "jats":
            # fair: the PDF text prints the word, with its neighbours (a 5-gram holding it)
            ok = r.blocks[w.block].kind in EDITED_KINDS and not (w.citation or w.math) and \
                any(tuple(v.key for v in ws[i:i + 5]) in pair.pgrams
                    for i in range(max(0, k - 4), k + 1))
            xw = w if ok else None
        else:
            g = tuple(v.key for v in ws[k - 2:k + 3]) if k >= 2 else ()
            xw = pair.xgrams.get(g)
            ok = xw is not None and not (xw.citation or xw.math) and \
                pair.renderings["jats"].blocks[xw.block].kind in EDITED_KINDS
        if ok:
            site = _verbatim(r, r.blocks[w.block].text, w.start, w.end)
            if site:
                out.append((*site, xw.block))
    return out


def _verbatim(r, text, start: int, end: int):
    a, b = text.source_offset(start), text.source_offset(end, end=True)
    return (a, b) if r.source.text[a:b] == text.text[start:end] and b > a else None


def _context(text: str, a: int, b: int) -> str:
    """The words around [a, b) with the edited part in ‹›, without XML tags."""
    left = " ".join(re.sub(r"<[^>]*>", " ", re.sub(r"^[^<]*>", " ", text[max(0, a - 300):a]))
                    .split()[-8:])
    right = " ".join(re.sub(r"<[^>]*>", " ", re.sub(r"<[^>]*$", " ", text[b:b + 300]))
                     .split()[:8])
    return html.unescape(f"{left} ‹{text[a:b]}› {right}".strip())


def _case_like(word: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


# ---------------------------------------------------------------- the edits

def edit_number(rng, pair: Loaded, kind: str, sites: list):
    text = pair.texts[kind]
    found = {}
    for a, b, xb in sites:
        if any(c.isdigit() for c in text[a:b]):
            m = _number_at(text, a)
            if m:
                found[m.span()] = xb
    if not found:
        return None
    (a, b), xb = rng.choice(sorted(found.items()))
    num = text[a:b]
    if re.fullmatch(r"0\.0\d+", num) and rng.random() < 0.5:
        new = "0." + num[3:]  # 0.05 -> 0.5
    else:
        k = rng.choice([i for i, c in enumerate(num) if c.isdigit()])
        digits = [d for d in "0123456789" if d != num[k] and not (k == 0 and d == "0" and len(num) > 1)]
        new = num[:k] + rng.choice(digits) + num[k + 1:]
    return Edit(pair.name, kind, "number", a, b, num, new, _context(text, a, b), xb)


def _number_at(text: str, a: int):
    s = a
    while s > 0 and (text[s - 1].isdigit() or (text[s - 1] in ".," and s > 1 and text[s - 2].isdigit())):
        s -= 1
    m = NUMBER.match(text, s)
    return m if m and m.end() > a else None


def edit_swap(rng, pair: Loaded, kind: str, sites: list):
    text = pair.texts[kind]
    found = [(a, b, xb) for a, b, xb in sites if text[a:b].lower() in SWAPS]
    if not found:
        return None
    a, b, xb = rng.choice(found)
    old = text[a:b]
    return Edit(pair.name, kind, "swap", a, b, old, _case_like(SWAPS[old.lower()], old),
                _context(text, a, b), xb)


def edit_insert(rng, pair: Loaded, kind: str, sites: list):
    text = pair.texts[kind]
    word = rng.choice(INSERTS)
    starts = [(a, b, xb) for a, b, xb in sites if a >= 2 and text[a - 2] in ".!?" and text[a].isupper()]
    mids = [(a, b, xb) for a, b, xb in sites if text[a].islower() and a > 0 and text[a - 1] == " "]
    pool = starts if word == "For" and starts else mids
    pool = [s for s in pool if text[s[0]:s[1]].lower() != word.lower()
            and not text[:s[0]].rstrip().lower().endswith(word.lower())]
    if not pool:
        return None
    a, b, xb = rng.choice(pool)
    old = text[a:b]
    return Edit(pair.name, kind, "insert", a, b, old, f"{word} {old}", _context(text, a, b), xb)


def edit_drop(rng, pair: Loaded, kind: str, sites: list):
    text = pair.texts[kind]
    pool = []
    for a, b, xb in sites:
        w = text[a:b]
        if not w.isalpha() or len(w) < 2:
            continue
        if b < len(text) and text[b] == " " and text[b + 1:b + 1 + len(w)].lower() != w.lower():
            pool.append((a, b + 1, xb))
        elif a > 0 and text[a - 1] == " " and text[max(0, a - 1 - len(w)):a - 1].lower() != w.lower():
            pool.append((a - 1, b, xb))
    if not pool:
        return None
    a, b, xb = rng.choice(pool)
    return Edit(pair.name, kind, "drop", a, b, text[a:b], "", _context(text, a, b), xb)


def edit_reference(rng, pair: Loaded, kind: str, sites: list):
    r, text = pair.renderings[kind], pair.texts[kind]
    other = pair.renderings["pdftext" if kind == "jats" else "jats"]
    theirs = [(_ref_words(o.text.text), _squeezed(o.text.text)) for o in other.references]
    pool = []
    for ref in r.references:
        printed = _counterpart(_ref_words(ref.text.text), theirs)
        if printed is None:
            continue  # the other rendering has no entry like this one: nothing to compare with
        surname = re.findall(r"[^\W\d_]{3,}", ref.authors[0])[:1] if ref.authors else []
        for what, value in (("author", surname[0] if surname else ""), ("year", ref.year),
                            ("doi", ref.doi)):
            if value and _squeezed(value) not in printed:
                continue  # the counterpart does not print it: no comparison can see a change
            at = ref.text.text.find(value) if value else -1
            site = _verbatim(r, ref.text, at, at + len(value)) if at >= 0 else None
            if site:
                pool.append((what, *site))
    if not pool:
        return None
    what = rng.choice(sorted({p[0] for p in pool}))
    _, a, b = rng.choice([p for p in pool if p[0] == what])
    old = text[a:b]
    k = rng.choice([i for i, c in enumerate(old) if c.isalnum()][1:] or [0])
    alphabet = "0123456789" if old[k].isdigit() else "abcdefghijklmnopqrstuvwxyz"
    new = old[:k] + rng.choice([c for c in alphabet if c != old[k].lower()]) + old[k + 1:]
    return Edit(pair.name, kind, "reference", a, b, old, new, f"{what}: " + _context(text, a, b))


def _ref_words(s: str) -> set:
    return {w.casefold() for w in re.findall(r"[^\W_]{3,}", s)}


def _counterpart(mine: set, theirs: list) -> str | None:
    """The squeezed text of the other list's entry that holds most of this entry's words (at
    least 60% of them), or None."""
    if not mine:
        return None
    share, text = max(((len(mine & ws) / len(mine), t) for ws, t in theirs), default=(0, ""))
    return text if share >= 0.6 else None


def _squeezed(s: str) -> str:
    """Case, spaces and line-end hyphens dropped: how a value is found in another rendering."""
    return re.sub(r"[\s\u00ad]+|-\s*\n", "", s).casefold()


def edit_title(rng, pair: Loaded, kind: str, sites: list):
    r, text = pair.renderings[kind], pair.texts[kind]
    title = r.meta.title
    if title is None:
        return None
    other = pair.renderings["pdftext" if kind == "jats" else "jats"]
    if kind == "jats":  # does the PDF text print it (wherever its reader found the title)?
        theirs = _squeezed(other.source.text)
    else:  # the PDF reader's title: fair only where it is the XML's title
        theirs = _squeezed(other.meta.title.text) if other.meta.title is not None else ""
    tw = list(re.finditer(r"[^\W_]+", title.text))
    pool = []
    for i, m in enumerate(tw):
        # fair: the other rendering's title prints the word with its neighbours
        window = title.text[tw[max(0, i - 1)].start():tw[min(len(tw) - 1, i + 1)].end()]
        if re.fullmatch(r"[^\W\d_]{4,}", m.group()) and _squeezed(window) in theirs and \
                (s := _verbatim(r, title, m.start(), m.end())):
            pool.append(s)
    if not pool:
        return None
    a, b = rng.choice(pool)
    old = text[a:b]
    vocab = sorted({text[x:y].lower() for x, y, _ in sites
                    if text[x:y].isalpha() and len(text[x:y]) >= 5} - {old.lower()})
    alike = [w for w in vocab if w[-3:] == old[-3:].lower()] or vocab  # same ending: same kind
    new = SWAPS.get(old.lower()) or rng.choice(alike or ["analysis"])
    return Edit(pair.name, kind, "title", a, b, old, _case_like(new, old), _context(text, a, b))


MAKERS = {"number": edit_number, "swap": edit_swap, "insert": edit_insert, "drop": edit_drop,
          "reference": edit_reference, "title": edit_title}


def plan(pair: Loaded, types, per_type: int, seed: int) -> list[Edit]:
    """K edits per type, alternating the XML and the PDF text (the other when one has no site)."""
    rng = random.Random(f"{seed}:{pair.name}")
    sites = {kind: word_sites(pair, kind) for kind in FILES}
    edits = []
    for t in types:
        for k in range(per_type):
            order = ("jats", "pdftext") if k % 2 == 0 else ("pdftext", "jats")
            for kind in order:
                e = MAKERS[t](rng, pair, kind, sites[kind])
                if e is not None and e.before != e.after:
                    edits.append(e)
                    break
    return edits


# ---------------------------------------------------------------- the whole run

def discover_pairs(corpus: Path, only=None, folders=FOLDERS, limit: int = 0, sample: int = 0,
                   sample_seed: int = 1) -> list[Path]:
    """The article folders holding both renderings, in folder order; `only` names articles
    (``PMC123`` or ``pairs2/PMC123``); `limit` keeps the first N, `sample` a seeded random N."""
    found = sorted((p for sub in folders for p in (corpus / sub).glob("*")
                    if all((p / f).is_file() for f in FILES.values())),
                   key=lambda p: (folders.index(p.parent.name), p.name))
    found = [p for p in found if not only or p.name in only or f"{p.parent.name}/{p.name}" in only]
    if sample and sample < len(found):
        keep = set(random.Random(f"sample:{sample_seed}").sample(range(len(found)), sample))
        found = [p for i, p in enumerate(found) if i in keep]
    return found[:limit] if limit else found


_RULES: list = []  # the selected rules, loaded once before the worker processes fork


def run(corpus: Path, seed: int = 1, per_type: int = 4, types=TYPES, only=None,
        select: str = CROSS_RENDERING, folders=FOLDERS, limit: int = 0, sample: int = 0,
        sample_seed: int | None = None, jobs: int = 1, progress: bool = False) -> dict:
    rules = select_rules(select)
    t0 = time.perf_counter()
    code0 = code_state()
    out = {"results": [], "baseline": {}, "baseline_paired": {}, "severity": {},
           "ungrouped": {}, "controls": 0, "control_findings": 0, "seed": seed,
           "per_type": per_type, "rules": [r.code for r in rules], "folders": list(folders),
           "limit": limit, "sample": sample, "sample_seed": seed if sample_seed is None else sample_seed,
           "jobs": jobs, "commit": code0[0], "errors": {}}
    todo = discover_pairs(corpus, only, tuple(folders), limit, sample, out["sample_seed"])
    args = [(folder, tuple(types), per_type, seed) for folder in todo]
    _RULES[:] = rules
    if jobs > 1:
        import multiprocessing
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.imap_unordered(_one_star, args)
            for i, part in enumerate(parts, 1):
                _merge(out, part, progress, i, len(args), t0)
    else:
        for i, a in enumerate(args, 1):
            _merge(out, _one(*a), progress, i, len(args), t0)
    order = {f"{p.parent.name}/{p.name}": i for i, p in enumerate(todo)}
    out["results"].sort(key=lambda r: order.get(r.edit.pair, 0))  # stable: plan order within
    out["seconds"] = time.perf_counter() - t0
    code1 = code_state()
    out["code_changed"] = code0 != code1
    out["commit_end"] = code1[0]
    return out


def _one_star(a):
    return _one(*a)


def _one(folder: Path, types, per_type: int, seed: int) -> dict:
    """Every trial of one article, in a temporary folder of its own."""
    rules = _RULES or select_rules()
    part = {"results": [], "baseline": {}, "baseline_paired": {}, "severity": {},
            "ungrouped": {}, "controls": 0, "control_findings": 0, "errors": {}}
    name = f"{folder.parent.name}/{folder.name}"
    with tempfile.TemporaryDirectory(prefix="lintcase-mutate-") as tmp:
        try:
            pair = load_pair(folder, Path(tmp), rules)
            _add_pair(part, pair, rules, Path(tmp))
            for edit in plan(pair, types, per_type, seed):
                res = trial(pair, edit, rules, Path(tmp))
                if not pair.grouped:
                    res.paired = trial(pair, edit, rules, Path(tmp), force=True)
                part["results"].append(res)
        except Exception as e:  # noqa: BLE001 - one article that fails must not stop the run
            part["errors"][name] = f"{type(e).__name__}: {e}"[:300]
    return part


def _merge(out: dict, part: dict, progress: bool, i: int, n: int, t0: float) -> None:
    out["results"] += part["results"]
    for k in ("baseline", "baseline_paired", "severity", "ungrouped", "errors"):
        out[k].update(part[k])
    out["controls"] += part["controls"]
    out["control_findings"] += part["control_findings"]
    if progress:
        print(f"[{i}/{n}] {time.perf_counter() - t0:.0f} s, {len(out['results'])} edits",
              file=sys.stderr, flush=True)


def code_state() -> tuple[str, str]:
    """The commit and a digest of the code and rules as they are now (to tell whether they
    changed during the run)."""
    import hashlib
    import subprocess
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, text=True,
                              capture_output=True, check=False).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "lintcase", "rules"],
                               cwd=ROOT, text=True, capture_output=True, check=False).stdout
        head += " (with uncommitted changes to lintcase/ or rules/)" if dirty.strip() else ""
    except OSError:
        head = ""
    h = hashlib.sha256()
    for f in sorted([*ROOT.glob("lintcase/**/*.py"), *ROOT.glob("rules/*.yaml")]):
        h.update(str(f).encode() + f.read_bytes())
    return head or "unknown", h.hexdigest()


def _add_pair(out: dict, pair: Loaded, rules: list, tmp: Path) -> None:
    out["baseline"][pair.name] = Counter(f.rule for f in pair.baseline)
    out["baseline_paired"][pair.name] = Counter(f.rule for f in pair.baseline_paired)
    out["severity"][pair.name] = Counter(f.severity for f in pair.baseline)
    if not pair.grouped:
        out["ungrouped"][pair.name] = pair.keys
    for force in {False, not pair.grouped}:
        out["control_findings"] += control(pair, rules, tmp, force)
        out["controls"] += 2


def control(pair: Loaded, rules: list, tmp: Path, force: bool = False) -> int:
    """Each file rewritten unchanged through the same path as an edit: new findings (want 0)."""
    return sum(trial(pair, Edit(pair.name, kind, "none", 0, 0, "", ""), rules, tmp,
                     force).new_findings for kind in FILES)


# ---------------------------------------------------------------- the report

WHO_WOULD_CATCH = {
    "reference": "a reference-list comparison rule (does not exist yet): align the entries of "
                 "both renderings by label/order and compare authors, year, DOI",
    "title": "a metadata comparison rule (does not exist yet): compare the title (and authors, "
             "DOI) of every rendering; LC101 compares only paragraphs and captions",
}


CAUSE_NOTES = {
    "not compared: no rule compares reference": "Expected: no rule compares reference lists yet.",
    "not compared: no rule compares titles": "Expected: no rule compares the title yet.",
    "found, but located only": "lintcase does report the dropped word (“… is in the pdftext "
        "rendering but not in the jats rendering”), but a word missing from the reference "
        "rendering gets a location only in the other file (`align.Pair._hit` with no `xs`): the "
        "finding never points at the place in the edited XML. A zero-width location in the "
        "reference, like `_point` gives the other rendering, would make these detected.",
    "no finding: edit in a paragraph's unanchored edge: the edge words were taken": "The "
        "unanchored words at a paragraph's start/end are compared by `Pair._edge`, which drops "
        "the whole edge as noise when `_elsewhere` finds >= 80% of its 3-grams anywhere in the "
        "other rendering: one changed word in a long edge passes.",
    "no finding: edit in a paragraph's unanchored edge: `_edge` accepted": "`Pair._edge` only "
        "looks for reference words missing next to the paragraph, and accepts the edge when the "
        "reference's words joined are a character substring of the other's window: an extra "
        "word in the PDF text, or “with” → “without”, passes.",
    "no finding: explained as noise: one glyph": "The 'one glyph lost by a font' rule accepts any "
        "one-letter difference in a word of 3+ letters without digits, so real one-letter word "
        "changes (RNA/DNA) pass.",
    "no finding: explained as noise: words of another": "`_displaced`: a word that the XML has "
        "in a table or caption (and no longer in its prose) is taken for table text flattened "
        "into the PDF's text flow.",
    "LC102 reported": "The paragraph already differs in more than 3 places (a garbled PDF text "
        "layer): LC102 reports it once, located at its first difference, not at the edit.",
    "no finding: a difference, but": "The paragraph already differs in more than 3 places and "
        "the edit merged into one of its differences, so LC102's one finding (count and first "
        "difference) is unchanged and LC101 stays silent.",
    "no finding: the paragraph has no anchor": "No 5-gram of the paragraph is unique in both "
        "renderings (short boilerplate paragraphs): the paragraph is skipped silently.",
}


def _note(cause: str) -> str:
    return next((v for k, v in CAUSE_NOTES.items() if cause.startswith(k)), "")


def _cell(s: str) -> str:
    return " ".join(str(s).split()).replace("|", "\\|")


def _ratio(hit: int, n: int) -> str:
    return f"{hit}/{n} ({100 * hit / n:.0f}%)" if n else "—"


def paired(r: Result) -> Result:
    """The outcome of an edit with the two renderings compared (paired by hand if need be)."""
    return r.paired or r


def _folder(name: str) -> str:
    return name.split("/", 1)[0] if "/" in name else ""


def recall_table(results: list[Result]) -> list[str]:
    rows = ["| edit type | edits | detected | recall | XML edited | PDF text edited | "
            "found but located only in the other file |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for t in [*TYPES, None]:
        rs = [r for r in results if t is None or r.edit.type == t]
        if not rs:
            continue
        det = sum(r.detected for r in rs)
        side = {k: [r for r in rs if r.edit.rendering == k] for k in FILES}
        rows.append(f"| {t or '**all**'} | {len(rs)} | {det} | **{100 * det / len(rs):.0f}%** | "
                    f"{_ratio(sum(r.detected for r in side['jats']), len(side['jats']))} | "
                    f"{_ratio(sum(r.detected for r in side['pdftext']), len(side['pdftext']))} | "
                    f"{sum(r.cause == OTHER_FILE for r in rs)} |")
    compared = [r for r in results if r.edit.type in ("number", "swap", "insert", "drop")]
    if compared:
        det = sum(r.detected for r in compared)
        rows.append(f"| prose edits only (number, swap, insert, drop) | {len(compared)} | {det} | "
                    f"**{100 * det / len(compared):.0f}%** | | | |")
    return rows


def matrix(results: list[Result], folders: list[str]) -> list[str]:
    """Recall per edit type (rows) and corpus folder x edited rendering (columns)."""
    cols = [(f, k) for f in [*folders, None] for k in FILES]
    head = " | ".join(f"{f or 'all'} {'XML' if k == 'jats' else 'PDF'}" for f, k in cols)
    rows = [f"| edit type | {head} |", "| --- |" + " ---: |" * len(cols)]
    for t in [*TYPES, None]:
        cells = []
        for f, k in cols:
            rs = [r for r in results if (t is None or r.edit.type == t) and r.edit.rendering == k
                  and (f is None or _folder(r.edit.pair) == f)]
            cells.append(_ratio(sum(r.detected for r in rs), len(rs)))
        rows.append(f"| {t or '**all**'} | " + " | ".join(cells) + " |")
    return rows


def per_article(results: list[Result], baseline: dict) -> list[str]:
    """Prose-edit recall per article, beside its findings on the original."""
    prose = defaultdict(list)
    for r in map(paired, results):
        if r.edit.type in ("number", "swap", "insert", "drop"):
            prose[r.edit.pair].append(r)
    rows = ["| article | prose edits detected (paired) | findings on the original (paired) |",
            "| --- | ---: | ---: |"]
    for name in sorted(baseline):
        rs = prose.get(name, [])
        rows.append(f"| {name} | {_ratio(sum(r.detected for r in rs), len(rs))} | "
                    f"{sum(baseline[name].values())} |")
    return rows


def findings_table(out: dict) -> list[str]:
    """Findings per unedited article, per corpus folder: at warning or above, and in all."""
    sev = out["severity"]
    rows = ["| corpus folder | articles | findings (warning or above) | per article | "
            "articles with one or more | findings (all severities) | per article |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for f in [*out["folders"], None]:
        names = [n for n in sev if f is None or _folder(n) == f]
        if not names:
            continue
        warn = [sev[n]["warning"] + sev[n]["error"] for n in names]
        every = [sum(sev[n].values()) for n in names]
        rows.append(f"| {f or '**all**'} | {len(names)} | {sum(warn)} | "
                    f"**{sum(warn) / len(names):.2f}** | {sum(w > 0 for w in warn)} | {sum(every)} | "
                    f"{sum(every) / len(names):.2f} |")
    return rows


def baseline_table(baseline: dict) -> list[str]:
    n = len(baseline)
    total = sum(baseline.values(), Counter())
    rows = ["| rule | findings on the unedited originals | per article |", "| --- | ---: | ---: |"]
    for rule in sorted(total):
        rows.append(f"| {rule} | {total[rule]} | {total[rule] / max(1, n):.2f} |")
    rows.append(f"| all | {sum(total.values())} | {sum(total.values()) / max(1, n):.2f} |")
    busy = sorted(((sum(v.values()), k) for k, v in baseline.items() if sum(v.values())),
                  reverse=True)
    per = ", ".join(f"{k} {c}" for c, k in busy)
    return rows + ["", f"Articles with findings ({len(busy)} of {n}): {per or 'none'}."]


def misses_section(results: list[Result], examples: int = 3) -> list[str]:
    by_cause = defaultdict(list)
    for r in map(paired, results):
        if not r.detected:
            by_cause[r.cause].append(r)
    rows = ["| cause | missed | by edit type |", "| --- | ---: | --- |"]
    for cause, rs in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        types = Counter(r.edit.type for r in rs)
        rows.append(f"| {_cell(cause)} | {len(rs)} | "
                    f"{', '.join(f'{t} {n}' for t, n in types.most_common())} |")
    for cause, rs in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
        rows += ["", f"**{cause}** ({len(rs)})", ""] + ([_note(cause), ""] if _note(cause) else [])
        for r in _spread(rs, examples):
            rows.append("- " + _example(r))
    return rows


def below_section(results: list[Result], threshold: float = 0.95, examples: int = 8) -> list[str]:
    """The edit types whose recall (each pair compared) is below the threshold: their misses by
    cause, with examples."""
    rows = []
    for t in TYPES:
        rs = [paired(r) for r in results if r.edit.type == t]
        missed = [r for r in rs if not r.detected]
        if not rs or len(missed) / len(rs) <= 1 - threshold:
            continue
        rows += [f"### {t}: {_ratio(len(rs) - len(missed), len(rs))}", ""]
        by_cause = defaultdict(list)
        for r in missed:
            by_cause[r.cause].append(r)
        for cause, ms in sorted(by_cause.items(), key=lambda kv: -len(kv[1])):
            side = Counter("XML" if r.edit.rendering == "jats" else "PDF" for r in ms)
            rows.append(f"- **{_cell(cause)}**: {len(ms)} ({', '.join(f'{k} {v}' for k, v in side.most_common())})")
        rows += ["", "Examples:", ""]
        rows += ["- " + _example(r) for r in _spread_pairs(missed, examples)]
        rows.append("")
    return rows or ["Every edit type has a recall of 95% or more."]


def _spread_pairs(rs: list[Result], n: int) -> list[Result]:
    """Up to n examples, one per article and cause first."""
    picked, seen = [], set()
    for r in rs:
        if (r.edit.pair, r.cause) not in seen and r.edit.pair not in {p.edit.pair for p in picked}:
            picked.append(r)
            seen.add((r.edit.pair, r.cause))
    picked += [r for r in rs if r not in picked]
    return picked[:n]


def _spread(rs: list[Result], n: int) -> list[Result]:
    """A few examples, of different edit types and pairs where possible."""
    picked, seen = [], set()
    for r in rs:
        key = (r.edit.type, r.edit.pair)
        if r.edit.type not in {p.edit.type for p in picked} and key not in seen:
            picked.append(r)
            seen.add(key)
    picked += [r for r in rs if r not in picked]
    return picked[:n]


def _example(r: Result) -> str:
    e = r.edit
    line = (f"{e.pair}, {e.rendering}, {e.type}: “{_cell(e.before)}” → “{_cell(e.after)}” in "
            f"“{_cell(e.context)}”")
    extra = r.cause if r.detected is False and r.cause else ""
    line += f" — {_cell(extra)}" if extra else ""
    return line + (f" — {_cell(r.detail)}" if r.detail else "")


def records(results: list[Result]) -> list[str]:
    rows = ["| # | pair | edited | type | before → after | detected | rule / cause (paired) |",
            "| ---: | --- | --- | --- | --- | --- | --- |"]
    for i, r in enumerate(results, 1):
        e, q = r.edit, paired(r)
        seen = "yes" if r.detected else ("no (yes if paired)" if q.detected else "no")
        rows.append(f"| {i} | {e.pair} | {e.rendering} | {e.type} | “{_cell(e.before)}” → "
                    f"“{_cell(e.after)}” | {seen} | {_cell(q.rule if q.detected else q.cause)} |")
    return rows


def grouping_section(out: dict) -> list[str]:
    ung = out["ungrouped"]
    if not ung:
        return ["lintcase groups every pair as one article."]
    rows = [f"lintcase does not group the XML and the PDF text of {len(ung)} of "
            f"{len(out['baseline'])} articles as one article (`grouping.group`, the CLI too), so "
            "it never compares them: every edit there is missed as lintcase runs. Their article "
            "keys:", "", "| article | key of the XML | key of the PDF text |", "| --- | --- | --- |"]
    rows += [f"| {k} | `{_cell(x[:70])}` | `{_cell(p[:70])}` |" for k, (x, p) in sorted(ung.items())]
    return rows


def report(out: dict) -> str:
    results = out["results"]
    runs = (len(results) + sum(r.paired is not None for r in results) + out["controls"]
            + len(out["baseline"]) + len(out["ungrouped"]))
    folders = [f for f in out["folders"] if any(_folder(n) == f for n in out["baseline"])]
    per_folder = []
    for f in folders:
        rs = [r for r in results if _folder(r.edit.pair) == f]
        n = sum(_folder(k) == f for k in out["baseline"])
        per_folder += [f"### {f} ({n} articles)", "", *recall_table(rs), ""]
    missed = [r for r in results if not paired(r).detected]
    lines = [
        *_header(out), "",
        "## Recall as lintcase runs (grouping included)", "", *recall_table(results), "",
        "Recall per edit type, corpus folder and edited rendering (as lintcase runs):", "",
        *matrix(results, folders), "",
        "## Recall with each pair compared (the comparison itself)", "",
        "The same edits, with the renderings of the articles lintcase does not group paired by "
        "hand (`Article(key, (xml, pdf))`); the other articles are unchanged.", "",
        *recall_table([paired(r) for r in results]), "",
        "## Recall per corpus folder (as lintcase runs)", "", *per_folder,
        "## Grouping", "", *grouping_section(out), "",
        "## False positives on the unedited originals", "",
        "Findings of the cross-rendering rules on the unedited pairs (as lintcase runs; the "
        "severity is the rule's at the time of the run):", "", *findings_table(out), "",
        "Per rule, as lintcase runs:", "",
        *baseline_table(out["baseline"]), "",
        *(["With each pair compared:", "", *baseline_table(out["baseline_paired"]), ""]
          if out["ungrouped"] else []),
        f"Control: every file rewritten unchanged through the same path as an edit "
        f"({out['controls']} runs) gave {out['control_findings']} new findings.", "",
        *([f"Articles that failed to load or lint ({len(out['errors'])}): "
           + "; ".join(f"{k}: {_cell(v)}" for k, v in sorted(out["errors"].items())), ""]
          if out["errors"] else []),
        "## Edit types below 95% (each pair compared)", "", *below_section(results), "",
        "## Missed edits by cause (each pair compared)", "", *misses_section(results), "",
        "## Runtime", "",
        f"{out['seconds']:.0f} s for {runs} lintcase runs ({len(results)} edits, "
        f"{sum(r.paired is not None for r in results)} of them again with the pair forced, "
        f"{out['controls']} controls, {len(out['baseline']) + len(out['ungrouped'])} baselines) "
        f"on {len(out['baseline'])} articles, in-process, {out['jobs']} process(es): "
        f"{out['seconds'] * out['jobs'] / max(1, runs):.2f} s per run and process.", "",
        "## Prose edits per article", "", "<details><summary>every article</summary>", "",
        *per_article(results, out["baseline_paired"]), "", "</details>", "",
        "## Every missed edit", "", f"<details><summary>{len(missed)} missed edits</summary>", "",
        *records(missed), "", "</details>", ""]
    return "\n".join(lines)


def _header(out: dict) -> list[str]:
    counts = Counter(_folder(n) for n in out["baseline"])
    arts = ", ".join(f"{counts[f]} in `{f}/`" for f in out["folders"] if counts[f])
    chosen = (f" --limit {out['limit']}" if out["limit"] else "") + \
        (f" --sample {out['sample']} --sample-seed {out['sample_seed']}" if out["sample"] else "")
    if out["folders"] != list(FOLDERS):
        chosen += " --folders " + ",".join(out["folders"])
    changed = (" lintcase/ or rules/ changed on disk while it ran (at the end: "
               f"{out['commit_end']}); the run imported the code once at its start, but rules "
               "and modules read later may mix versions." if out.get("code_changed") else "")
    return [
        "# Mutation recall of the cross-rendering rules on the real pairs", "",
        "Generated by `bench/mutate.py` (do not edit by hand; run it again). Command:", "",
        "```sh", f"python bench/mutate.py --seed {out['seed']} --per-type {out['per_type']}"
                 f"{chosen} --jobs {out['jobs']} --out docs/mutation.md", "```", "",
        f"Run on {time.strftime('%Y-%m-%d')} at commit {out['commit']}.{changed}", "",
        f"Articles: {len(out['baseline'])} ({arts}: every article folder with both `article.xml` "
        f"and `article.pdftotext.txt`; JATS XML against the pdftotext text, on copies). Rules: "
        f"{', '.join(out['rules'])}. One edit per run, {len(out['results'])} edits. An edit is "
        "*detected* when the edited pair has a finding the unedited pair lacks (same rule and "
        f"message, any severity) with a location in the edited file that covers the edit "
        f"(±{NEAR} characters, XML tags between them not counted). Edits alternate between the XML and the PDF text, the first of "
        "each type in the XML; an edit type with no site in one rendering goes to the other.", "",
        "Edits are fair: each is made only where the other rendering prints the same word or "
        "value. Prose edits (number, swap, insert, drop) go to words of body/abstract paragraphs "
        "and captions, never inside a citation or inline formula, and only where the source "
        "characters are the word itself (XML text nodes, no entity): in the XML, a word of a "
        "five-word run the PDF text also has; in the PDF text, a word whose five-word "
        "neighbourhood is XML prose (a 5-gram unique there). Reference edits change a surname "
        "letter, a year digit or a DOI character of an entry whose counterpart in the other "
        "rendering's list (the entry holding at least 60% of its words) prints the same value. "
        "Title edits replace a title word (4+ letters) that the other rendering prints with its "
        "neighbours: in the PDF text anywhere for an XML edit, in the XML title for a PDF edit."]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-type", type=int, default=4)
    ap.add_argument("--out", type=Path, default=None, help="write the markdown report here")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--folders", default=",".join(FOLDERS),
                    help=f"comma-separated corpus folders (default {','.join(FOLDERS)})")
    ap.add_argument("--pairs", default="", help="comma-separated article names (ID or folder/ID)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles (0: all)")
    ap.add_argument("--sample", type=int, default=0, help="a seeded random N articles (0: all)")
    ap.add_argument("--sample-seed", type=int, default=None, help="seed of --sample (--seed)")
    ap.add_argument("--types", default=",".join(TYPES))
    ap.add_argument("--jobs", type=int, default=1, help="worker processes (articles in parallel)")
    ap.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    ap.add_argument("--select", default=CROSS_RENDERING,
                    help=f"comma-separated rule code prefixes (default {CROSS_RENDERING})")
    args = ap.parse_args(argv)
    only = {p for p in args.pairs.split(",") if p} or None
    types = [t for t in args.types.split(",") if t]
    folders = [f for f in args.folders.split(",") if f]
    out = run(args.corpus, args.seed, args.per_type, types, only, args.select, folders,
              args.limit, args.sample, args.sample_seed, args.jobs, not args.quiet)
    text = report(out)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    print("\n".join(["As lintcase runs:", *recall_table(out["results"]), "",
                     *matrix(out["results"], folders), "",
                     "With each pair compared:", *recall_table([paired(r) for r in out["results"]]),
                     "", *findings_table(out)]))
    print(f"\n{len(out['results'])} edits on {len(out['baseline'])} articles in "
          f"{out['seconds']:.0f} s; commit {out['commit']}"
          + (" (code changed during the run)" if out["code_changed"] else ""))
    if out["errors"]:
        print(f"{len(out['errors'])} articles failed: {sorted(out['errors'])[:5]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
