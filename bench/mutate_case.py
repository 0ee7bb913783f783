"""Recall of the case-report rules (LC2xx) on one-word or one-number edits of a case report.

    python bench/mutate_case.py [--seed 1] [--per-type 2] [--out docs/case-mutation.md]

Each JATS case report of ../shared/corpus/case-reports is edited in a copy, one edit per run,
and checked with the LC2xx rules alone. Edit types, each made only where the article states the
same fact somewhere else (so that a comparison can see the change):

- age: the number of a patient's age ("a 61-year-old") changed by 1 to 9 years;
- sex: the noun that gives the patient's sex turned to the other sex (woman/man, girl/boy);
- term: a term of an exclusive vocabulary (side, skin layer, tumour response) turned into
  another term of the same vocabulary, where the abstract or a caption and the body both state
  it of the same word ("the left kidney");
- value: the number of a quantity with its unit ("CEA 8.3 ng/mL", "a 4.4 cm lesion") changed in
  one digit, where the abstract or a caption and the body both state it (a value stated twice
  within the case section may have changed between the two times);
- reused: a number (plus 1 to 3) or a word with an opposite (left/right, increased/decreased,
  benign/malignant ...) in a sentence that the abstract or a caption repeats word for word from
  the body, in either copy;
- stage: a stage group ("stage IIIA") or a TNM classification that the abstract or a caption
  and the body both give, the group turned into another or the T category changed.

An edit is found when the edited article has an LC2xx finding the unedited one lacks whose
place covers the edited word. Printed: recall per type, sites per type, and every miss. An edit
is also marked "same patient" when the other statement of the fact belongs to the same patient
as far as the rules can tell (kit.slots.by_patient: a report of one patient, or the same
"Case 2" section): an edit of case 1's sex whose only other statement is case 2's makes no
contradiction, and in a report of several patients without a section each no statement can be
given to one patient. Recall is printed over all edits and over those.
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
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from emit import emit  # noqa: E402
from mutate import _covers, select_rules  # noqa: E402
from lintcase import grouping  # noqa: E402
from lintcase.checks.kit.measures import role  # noqa: E402
from lintcase.checks.kit.slots import by_patient  # noqa: E402
from lintcase.engine import run as engine  # noqa: E402
from lintcase.facts.registry import facts  # noqa: E402
from lintcase.facts.sentences import boundaries  # noqa: E402
from lintcase.model import Source  # noqa: E402
from lintcase.readers import read  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "case-reports"
TYPES = ("age", "sex", "term", "value", "reused", "stage")
OTHER_SEX = {"woman": "man", "man": "woman", "girl": "boy", "boy": "girl", "female": "male",
             "male": "female", "lady": "gentleman", "gentleman": "lady"}
EXCLUSIVE = ("laterality", "skin-layer", "tumour-response")


def _in_source(r, f, start: int, end: int):
    """(a, b) source offsets of the block characters [start, end) when they are verbatim."""
    text = f.block.text
    a, b = text.source_offset(start), text.source_offset(end, end=True)
    return (a, b) if r.source.text[a:b] == text.text[start:end] else None


def _elsewhere(f, found, same) -> bool:
    return any(g is not f and g.block is not f.block and same(g) for g in found)


def sites_age(rng, r):
    found = facts(r, "age")
    out = []
    for f in found:
        m = re.match(r"\d+", f.surface)
        if m and _elsewhere(f, found, lambda g: g.value == f.value):
            old = m.group()
            new = str(max(1, int(old) + rng.choice([-3, -2, -1, 1, 2, 3, 5, 9])))
            out.append((f, f.start, f.start + len(old), old, new))
    return out


def sites_sex(rng, r):
    found = facts(r, "sex")
    out = []
    for f in found:
        for m in re.finditer(r"\w+", f.surface):
            w = m.group().lower()
            if w in OTHER_SEX and _elsewhere(f, found, lambda g: g.value == f.value):
                new = OTHER_SEX[w]
                new = new.capitalize() if m.group()[0].isupper() else new
                out.append((f, f.start + m.start(), f.start + m.end(), m.group(), new))
    return out


def _next_word(f) -> str:
    m = re.match(r"\W*(\w+)", f.after)
    return m.group(1).lower() if m else ""


def _restated(f, g) -> bool:
    """g states f's term of the word f qualifies ("left kidney"), in another place: the
    abstract or a caption against the body."""
    return g.value == f.value and _next_word(g) == _next_word(f) != "" and \
        (role(g.block) == "body") != (role(f.block) == "body")


def sites_term(rng, r):
    """A term of an exclusive vocabulary and the word it qualifies, stated alike in another
    place ("the left kidney" in the abstract and in the case section)."""
    found = [f for f in facts(r, "term") if f.value.category in EXCLUSIVE]
    out = []
    from lintcase.facts.terms import _vocabularies
    vocab = {cat: sorted(set(forms.values())) for cat, _, forms, _ in _vocabularies()}
    for f in found:
        if not _elsewhere(f, found, lambda g: _restated(f, g)):
            continue
        others = [t for t in vocab.get(f.value.category, []) if t != f.value.form]
        if others:
            out.append((f, f.start, f.end, f.surface, rng.choice(others)))
    return out


def sites_value(rng, r):
    """A quantity restated in another place: the abstract or a caption against the body (a
    value stated twice within the case section may have changed between the two times)."""
    found = facts(r, "quantity")
    out = []
    for f in found:
        m = re.search(r"\d+(?:\.\d+)?", f.surface)
        if m and f.value[2] not in ("%", "+") and _elsewhere(
                f, found, lambda g: g.value[1:3] == f.value[1:3] and
                (role(g.block) == "body") != (role(f.block) == "body")):
            old = m.group()
            i = rng.choice([k for k, c in enumerate(old) if c.isdigit()])
            new = old[:i] + rng.choice([d for d in "123456789" if d != old[i]]) + old[i + 1:]
            out.append((f, f.start + m.start(), f.start + m.end(), old, new))
    return out


def _sentences(r):
    for b in r.blocks:
        if b.kind not in ("paragraph", "caption"):
            continue
        text = b.text.text
        bounds = [*boundaries(r, text), len(text)]
        for k in range(len(bounds) - 1):
            s = text[bounds[k]:bounds[k + 1]].strip()
            if len(s.split()) >= 10:
                yield b, bounds[k] + text[bounds[k]:bounds[k + 1]].index(s), s


SWAP = {"left": "right", "right": "left", "increased": "decreased", "decreased": "increased",
        "positive": "negative", "negative": "positive", "anterior": "posterior",
        "posterior": "anterior", "upper": "lower", "lower": "upper", "benign": "malignant",
        "malignant": "benign", "hypoechoic": "hyperechoic", "hyperechoic": "hypoechoic",
        "elevated": "decreased", "high": "low", "low": "high", "proximal": "distal",
        "distal": "proximal", "medial": "lateral", "lateral": "medial"}


def sites_reused(rng, r):
    """A number or a word with an opposite (left/right, increased/decreased) in a sentence
    that the abstract or a caption and the body state once each, word for word: either copy."""
    copies = {}
    for b, at, s in _sentences(r):
        copies.setdefault(s, Counter())[role(b) == "body"] += 1
    out = []
    for b, at, s in _sentences(r):
        if copies[s] != Counter({True: 1, False: 1}):
            continue
        for m in re.finditer(r"(?<![\w.\[,–-])\d+(?![\w.\],–-])|[A-Za-z]+", s):
            w = m.group()  # (a number in brackets or a list of them is a citation)
            if w.isdigit():
                new = str(int(w) + rng.choice([1, 2, 3]))
            elif w.lower() in SWAP:
                new = SWAP[w.lower()]
            else:
                continue
            out.append((SimpleNamespace(block=b), at + m.start(), at + m.end(), w, new))
    return out


def sites_stage(rng, r):
    """A stage group or a TNM classification restated in another place (the abstract or a
    caption against the body): the group turned into another ("IIIA" -> "IIIB", "IV" ->
    "II"), or the T category changed by one."""
    found = facts(r, "staging")
    out = []
    for f in found:
        if not _elsewhere(f, found, lambda g: g.value == f.value and
                          (role(g.block) == "body") != (role(f.block) == "body")):
            continue
        if f.value[0] == "group":
            old = f.surface
            sub = {"A": "B", "B": "A", "C": "A", "a": "b", "b": "a", "c": "a", "1": "2",
                   "2": "1", "3": "1"}  # "IIIA" -> "IIIB", "IB1" -> "IB2"
            new = "II" if old.startswith("IV") else old[:-1] + sub[old[-1]] \
                if old[-1] in sub else old + "B"
            out.append((f, f.start, f.end, old, new))
        else:
            m = re.search(r"T(\d)", f.surface)
            if m:
                new = str((int(m.group(1)) % 4) + 1)
                out.append((f, f.start + m.start(1), f.start + m.end(1), m.group(1), new))
    return out


KINDS = {"age": "age", "sex": "sex", "term": "term", "value": "quantity", "stage": "staging"}
SAME = {"age": lambda f, g: g.value == f.value, "sex": lambda f, g: g.value == f.value,
        "term": _restated,
        "value": lambda f, g: g.value[1:3] == f.value[1:3] and
        (role(g.block) == "body") != (role(f.block) == "body"),
        "stage": lambda f, g: g.value == f.value and
        (role(g.block) == "body") != (role(f.block) == "body")}


def same_patient(article, t: str, f) -> bool:
    """Another statement of the same value, of the same patient as far as by_patient tells."""
    if t not in KINDS:
        return True  # a reused sentence: its copy is the other statement
    found = [g for g in facts(article.renderings[0], KINDS[t])
             if t != "term" or g.value.category in EXCLUSIVE]  # as the sites were drawn
    for group in by_patient(article, found):
        if any(g is f for g in group):
            return any(g is not f and g.block is not f.block and SAME[t](f, g) for g in group)
    return False


SITES = {"age": sites_age, "sex": sites_sex, "term": sites_term, "value": sites_value,
         "reused": sites_reused, "stage": sites_stage}


def run(seed: int, per_type: int):
    rules = select_rules("LC2")
    tmp = Path(tempfile.mkdtemp())
    results, sites = [], Counter()
    for path in sorted(CORPUS.glob("*/article.xml")):
        r = read(path)
        rng = random.Random(f"{seed}:{path.parent.name}")
        article = grouping.group([r])[0]
        before = Counter((f.rule, f.message) for f in engine.run([article], rules)[0])
        for t in TYPES:
            found = SITES[t](rng, r)
            sites[t] += len(found)
            for f, s, e, old, new in rng.sample(found, min(per_type, len(found))):
                span = _in_source(r, f, s, e)
                if span is None:
                    continue
                text = r.source.text
                edited = text[:span[0]] + new + text[span[1]:]
                out = tmp / path.parent.name / "article.xml"
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_text(edited, encoding="utf-8")
                seen = before.copy()
                fresh = []
                for g in engine.run(grouping.group([read(out)]), rules)[0]:
                    if seen[(g.rule, g.message)]:
                        seen[(g.rule, g.message)] -= 1
                    else:
                        fresh.append(g)
                src = Source(str(out), edited)
                where = (span[0], span[0] + len(new))
                hit = next((g.rule for g in fresh for loc in g.locations
                            if _covers(loc, str(out), src, where)), "")
                bt = f.block.text.text
                results.append({"type": t, "article": path.parent.name, "old": old, "new": new,
                                "place": role(f.block),
                                "context": " ".join((bt[max(0, s - 70):s] + "[" + new + "]"
                                                     + bt[e:e + 70]).split()),
                                "found": bool(hit), "rule": hit,
                                "same": same_patient(article, t, f)})
    return results, sites


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-type", type=int, default=2)
    ap.add_argument("--out", type=Path)
    ap.add_argument("--context", action="store_true",
                    help="print the edited words in context under each miss")
    args = ap.parse_args(argv)
    t0 = time.time()
    results, sites = run(args.seed, args.per_type)
    lines = [f"# Case-report edits: recall of the LC2xx rules (seed {args.seed}, up to "
             f"{args.per_type} edits per type and article)", "",
             "Generated by `python bench/mutate_case.py`; see its docstring for the edit types.",
             "", "| edit type | sites | edits | found | recall | same-patient edits | found | "
             "recall | found by |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for t in TYPES:
        rs = [x for x in results if x["type"] == t]
        hit = sum(x["found"] for x in rs)
        by = Counter(x["rule"] for x in rs if x["found"])
        rate = f"{100 * hit / len(rs):.0f}%" if rs else "–"
        same = [x for x in rs if x["same"]]
        hit_same = sum(x["found"] for x in same)
        rate_same = f"{100 * hit_same / len(same):.0f}%" if same else "–"
        lines.append(f"| {t} | {sites[t]} | {len(rs)} | {hit} | **{rate}** | {len(same)} | "
                     f"{hit_same} | **{rate_same}** | "
                     f"{', '.join(f'{k} {v}' for k, v in by.most_common())} |")
    lines += ["", "By the place of the edited copy (same-patient edits):", ""]
    for t in TYPES:
        same = [x for x in results if x["type"] == t and x["same"]]
        parts = []
        for place in ("abstract", "caption", "body"):
            rs = [x for x in same if x["place"] == place]
            if rs:
                parts.append(f"{place} {sum(x['found'] for x in rs)}/{len(rs)}")
        if parts:
            lines.append(f"- {t}: {', '.join(parts)}")
    misses = [x for x in results if not x["found"]]
    lines += ["", f"Missed edits ({len(misses)}):", ""]
    lines += [f"- {x['article']}: {x['type']} “{x['old']}” → “{x['new']}” in the {x['place']}"
              + ("" if x["same"] else " (another patient's, or several patients undivided)")
              + (f"\n  - … {x['context']} …" if args.context else "")
              for x in misses]
    lines += ["", f"{len(results)} edits on 72 case reports in {time.time() - t0:.0f} s."]
    return emit(lines, args.out)


if __name__ == "__main__":
    sys.exit(main())
