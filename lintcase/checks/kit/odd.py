"""A case-section term that stands alone against the rest of the case (for `restated`): the
odd copy among several statements of one subject, and a side opposite to every other
statement of the word it qualifies."""
from __future__ import annotations

import re
from difflib import SequenceMatcher

from ...facts.registry import facts
from ...model import Fact
from .around import NUMBER_WORDS, sentence_bounds
from .copies import STOP
from .measures import place, same
from .slots import cites
from .subjects import same_subject


def odd_one_out(g: Fact, group: list[Fact], body: list[Fact], keyed: dict, options: dict):
    """The statements g contradicts: it states with another term what the abstract or a
    caption and two other statements of the case section do (None when it does not)."""
    def alike(a, b):  # more words in common than for the abstract's own comparison
        return a is not b and same_subject(keyed[id(a)], keyed[id(b)], options) and \
            len(keyed[id(a)][1] & keyed[id(b)][1]) > options["min_shared"]
    summary = [f for f in group if place(f) in options["places"] and alike(f, g)]
    if not summary or any(same(f, g) for f in summary):
        return None
    backing = [h for h in body if alike(g, h) and any(same(h, f) for f in summary)]
    if len(backing) > 1 and not any(same(h, g) for h in body if alike(g, h)):
        return summary + backing
    return None


# Words that make a side's statement another organ's or a normal finding, not the lesion's:
# "no lump in the left breast", "both hands", "the contralateral kidney was normal", "the right
# artery was also thickened".
_ASIDE = re.compile(r"\b(?:no|not|without|both|either|normal|unremarkable|intact|free|clear|"
                    r"spared|preserved|unaffected|uninvolved|healthy|patent|contralateral|"
                    r"opposite|other|also|too|as well)\b", re.I)


# Words of a finding: a side stated with one is the side of the lesion, comparable with the
# other statements of the same organ even when it shares no other word with them.
_FINDING = re.compile(r"\b(?:mass|masses|tumou?rs?|lesions?|nodules?|nodular|swelling|swollen|"
                      r"pain|painful|tender(?:ness)?|ulcers?|ulceration|fractures?|injury|"
                      r"injuries|blow|trauma|wounds?|cysts?|cystic|effusions?|opacit(?:y|ies)|"
                      r"consolidation|thromb\w+|stenosis|occlusion|occluded|infarcts?|"
                      r"infarction|ha?emorrhage|bleeding|o?edema|enlarge\w*|thicken\w*|"
                      r"abscess|carcinoma|cancer|metasta\w+|neoplasm|hernia|defect|"
                      r"deformity|weakness|paralysis|palsy|numbness|rash|erythema|"
                      r"hydronephrosis|calculus|stones?|adenopathy|lymphadenopathy)\b", re.I)


# An examination named right after a side's word ("bilateral breast ultrasonography",
# "bilateral lower extremity Doppler ultrasound"): the side is of what was looked at.
_EXAM = re.compile(r"\b(?:ultraso\w+|sonogra\w+|mammogra\w+|MRI|MRA|CT|PET|imaging|scans?|"
                   r"radiogra\w+|X-?rays?|examin\w+|screening|angiogra\w+|biops\w+|Doppler|"
                   r"duplex|venogra\w+|tomogra\w+|echogra\w+|endoscop\w+)\b", re.I)


def examined(f: Fact) -> bool:
    """An examination is named right after the side's word, no preposition between
    ("bilateral breast ultrasonography revealed a mass", "bilateral breast and axillary
    ultrasonography"): it says what was looked at, not the side of the mass ("a mass in the
    bilateral breast on ultrasonography" says the side)."""
    words = []
    for w in f.after.split()[:4]:
        if w.lower().strip(",.;:()") in _BREAK:
            break  # "in the bilateral breast on ultrasonography": the breast's side
        words.append(w)
    return bool(_EXAM.search(" ".join(words)))


_BREAK = STOP - {"and", "or"}
_EXAM_BEFORE = re.compile(_EXAM.pattern + r"\s+(?:of|on)\s+(?:the\s+|both\s+)?$", re.I)


# "her bilateral lung.", "the dorsum of his bilateral hand,", "the bilateral mandibular lateral
# incisor to the molars": "bilateral" said of one organ of a pair, named in the singular with
# no word after it that would make it a modifier ("bilateral lung opacities", "bilateral
# breast resection", "bilateral lower limb oedema" are of both sides).
_ENDS_PHRASE = re.compile(r"^(?:\s*(?:[.,;:)]|$)|\s+(?:in|of|with|to|on|at|from|into|that|which|"
                          r"was|were|is|are|had|has|showed|revealed|can|could|may|[a-z]+ed)\b)")


def one_of_a_pair(f: Fact, organs) -> bool:
    """A term ("bilateral") is followed, within four words of which the others qualify it,
    by one of `organs` in the singular, and the phrase ends there; its sentence names no
    finding in the plural ("multiple new nodules in the bilateral lung": both lungs, written
    as some authors do)."""
    sentence = f.context + f.surface + f.after
    if any(_plural(m.group().lower()) for m in _FINDING.finditer(sentence)):
        return False
    at = 0
    for m in re.finditer(r"[A-Za-z-]+", f.after[:60]):
        word = m.group().lower()
        if word in organs:
            rest = f.after[m.end():]
            listed = re.match(r"\s*,\s*(?:and\s+|or\s+)?([A-Za-z-]+)", rest)
            if listed and listed.group(1).lower() in organs:
                return False  # "bilateral hip, knee, and ankle pain": of a list, each of both
            return bool(_ENDS_PHRASE.match(rest))
        if word in STOP or at == 3:
            return False
        at += 1
    return False


_PLURALS = {"foot": "feet", "ovary": "ovaries", "testis": "testes", "calf": "calves",
            "axilla": "axillae", "adnexa": "adnexae", "tooth": "teeth"}


def _named_both(text: str, organ: str) -> bool:
    """The text names the organ of both sides: in the plural ("both knees", "the lungs") or
    after "both" ("both the right and left breast")."""
    plural, organ = re.escape(_PLURALS.get(organ, organ + "s")), re.escape(organ)
    return bool(re.search(rf"\b{plural}\b|\bboth\s+(?:[\w-]+\s+){{0,4}}{organ}\b", text, re.I))


def _stem(word: str) -> str:
    """A finding's word as compared: "masses" is "mass", "swollen" is "swelling"."""
    return word.lower()[:5]


def _plural(word: str) -> bool:
    """"nodules", "metastases", "opacities"; not "stenosis", "abscess", "edema"."""
    return word.endswith("s") and not word.endswith(("ss", "sis", "us"))


def side_reports(r, group: list[Fact], answered: set, keyed: dict, options: dict):
    """(g, the statements it contradicts) for each side of the patient's statements that
    stands against all the others: a left or right of the case section (`opposite_side`), a
    "bilateral" said of one organ of a pair in any place (`both_of_one`)."""
    opposite = {a: b for pair in options["opposites"] for a, b in (pair, pair[::-1])}
    for g in (g for g in group if g.kind == "term" and id(g) not in answered):
        if g.value.form in opposite and place(g) not in options["places"]:
            others = opposite_side(r, g, group, keyed, opposite[g.value.form], options)
        elif g.value.form in options["both_sides"] and one_of_a_pair(g, options["paired"]):
            others = both_of_one(r, g, group, keyed, options)
        else:
            continue
        if others:
            yield g, others


def _peers(g: Fact, group: list[Fact], keyed: dict) -> list[Fact]:
    """The patient's other statements of the word g's side qualifies ("the left [foot]")."""
    noun = keyed[id(g)][2]
    return [h for h in group if h is not g and keyed[id(h)][0] == keyed[id(g)][0]
            and keyed[id(h)][2] == noun] if noun else []


def _alone(r, g: Fact) -> bool:
    """g's sentence names no normal or contralateral finding, cites nothing and names no
    other term of g's vocabulary."""
    sentence = g.context + g.surface + g.after
    return not (_ASIDE.search(sentence) or cites(sentence) or any(
        h.block is g.block and h.sentence == g.sentence and h.value != g.value
        for h in facts(r, "term") if h.value.category == g.value.category))


def opposite_side(r, g: Fact, group: list[Fact], keyed: dict, other: str, options: dict):
    """g gives a side whose word ("the left [foot]") every other statement of the patient,
    the abstract's or a caption's among them, gives the opposite side, at least twice; its
    sentence names a finding (or shares another word with one of them), no other term of the
    vocabulary, no normal or contralateral finding and no reference. The statements it
    contradicts, or None."""
    peers = _peers(g, group, keyed)
    if len(peers) < 2 or any(h.value.form != other for h in peers) or \
            not any(place(h) in options["places"] for h in peers):
        return None  # (no word after the side, "on the right": no peers)
    sentence = g.context + g.surface + g.after
    if not _FINDING.search(sentence) and \
            not any((keyed[id(g)][1] & keyed[id(h)][1]) - {keyed[id(g)][2]} for h in peers):
        return None  # "the left ventricle ejection fraction was 60%": the organ, not the lesion
    return peers if _alone(r, g) else None


def both_of_one(r, g: Fact, group: list[Fact], keyed: dict, options: dict):
    """g is a "bilateral" of one organ ("a mass ... in the bilateral breast"); every other
    statement of the organ that is not a normal or contralateral finding gives one side, at
    least twice (once against the abstract's or a caption's g), in another place than g's
    among them; one of them names a finding g's sentence names too (the same lesion); the
    article never names the organ in the plural or with "both" ("pain in both knees, worse in
    the right knee"); no examination is named just before g ("mammography of the bilateral
    breast"); g's sentence is alone (`_alone`). The statements it contradicts, or
    None."""
    if _EXAM_BEFORE.search(g.context):
        return None  # "mammography of the bilateral breast": what was looked at
    organ = keyed[id(g)][2]
    peers = [h for h in _peers(g, group, keyed)
             if not _ASIDE.search(h.context + h.surface + h.after)]
    summary = place(g) in options["places"]
    if len(peers) < (1 if summary else 2) or len({h.value.form for h in peers}) != 1 or \
            peers[0].value.form not in sum(options["opposites"], []) or \
            not any((place(h) in options["places"]) != summary for h in peers):
        return None
    findings = {_stem(m.group()) for m in _FINDING.finditer(g.context + g.after)}
    if not any(findings & {_stem(m.group()) for m in _FINDING.finditer(h.context + h.after)}
               for h in peers):
        return None  # "ground-glass opacity in the bilateral lung" beside a right carcinoma
    if any(_named_both(b.text.text, organ) for b in r.blocks
           if b.kind in ("paragraph", "caption")):
        return None
    return peers if _alone(r, g) else None
# A statement copied with its sentence: the same words, numbers included, just before and just
# after it. Number words read as digits ("three days later" is "3 days later").
_TOKEN = re.compile(r"[^\W\d_]+|\d+(?:[.,]\d+)?")


def _tokens(text: str) -> list[str]:
    return [NUMBER_WORDS.get(t, t) for t in _TOKEN.findall(text.lower())]


def copied(f: Fact, g: Fact, before: int = 5, after: int = 3) -> bool:
    """f and g are one statement written twice: the `before` words (and numbers) leading up
    to each in its sentence are the same, and so are the `after` words that follow each, with
    three content words among them; further out (`_same_around`) words may be added, not
    changed, and no number differs anywhere in the two sentences."""
    (a, c), (b, d) = _around(f), _around(g)
    if sum(len(t) > 3 and t not in STOP for t in a[:before] + c[:after]) < 3:
        return False  # "in T1 increased by ... compared with" says too little
    return len(a) >= before and len(b) >= before and a[:before] == b[:before] and \
        len(c) >= after and c[:after] == d[:after] and _same_around(a, b) and \
        _same_around(c, d)


def _around(f: Fact) -> tuple[list[str], list[str]]:
    """The tokens of f's sentence before it (outward, from f) and after it, stop words at
    either far end left out ("The nonstimulated Tg ..." begins where "... and nonstimulated
    Tg ..." goes on)."""
    text = f.block.text.text
    s0, s1 = sentence_bounds(f)
    a, c = _tokens(text[s0:f.start])[::-1], _tokens(text[f.end:s1])
    while a and a[-1] in STOP:
        a.pop()
    while c and c[-1] in STOP:
        c.pop()
    return a, c


# Words that set a statement's time or event: "after chemotherapy, the size was ..." is not
# "at diagnosis, the size was ...", even where the rest is word for word the same.
_WHEN = frozenset("after before following during post since until later earlier at on day "
                  "days week weeks month months year years admission discharge follow "
                  "initially subsequently then when".split())


def _same_around(a: list[str], b: list[str]) -> bool:
    """Two statements' words outward from them to their sentences' ends, alike but for words
    added on one side that give no number and no time ("under laparoscopy"). Where one
    sentence ends first, the other may go on ("The nonstimulated Tg ..." against "The
    stimulated Tg level ... was 11,488 ng/ml, and nonstimulated Tg ..."), unless what it adds
    there gives a time ("After chemotherapy, the tumour size ...")."""
    ops = [op for op in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
           if op[0] != "equal"]
    if ops and ops[-1][0] in ("insert", "delete") and ops[-1][2] == len(a) and \
            ops[-1][4] == len(b):
        _, i1, _, j1, _ = ops.pop()
        if _WHEN & set(a[i1:] + b[j1:]):
            return False
    return all(op in ("insert", "delete") and
               not any(t[0].isdigit() or t in _WHEN for t in a[i1:i2] + b[j1:j2])
               for op, i1, i2, j1, j2 in ops)
