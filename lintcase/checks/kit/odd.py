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
    """An examination is named right after the side's word, no function word between:
    "bilateral breast ultrasonography revealed a mass" says what was looked at, not the side
    of the mass ("a mass in the bilateral breast on ultrasonography" says the side)."""
    words = []
    for w in f.after.split()[:4]:
        if w.lower().strip(",.;:()") in STOP:
            break  # "in the bilateral breast on ultrasonography": the breast's side
        words.append(w)
    return bool(_EXAM.search(" ".join(words)))


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
            return bool(_ENDS_PHRASE.match(f.after[m.end():]))
        if word in STOP or at == 3:
            return False
        at += 1
    return False


def _plural(word: str) -> bool:
    """"nodules", "metastases", "opacities"; not "stenosis", "abscess", "edema"."""
    return word.endswith("s") and not word.endswith(("ss", "sis", "us"))


def opposite_side(r, g: Fact, group: list[Fact], keyed: dict, other: tuple, options: dict):
    """g gives a side whose word ("the left [foot]") every other statement of the patient, in
    another place than g's among them (the abstract or a caption for a statement of the case
    section, and the other way round), gives one side of `other` (the opposite side; for a
    "bilateral" of one organ, either side), at least twice (once, against the abstract's or a
    caption's statement: a summary against the case); its sentence names a finding (or shares
    another word with one of them), no other term of the vocabulary, no normal or
    contralateral finding and no reference. The statements it contradicts, or None."""
    noun = keyed[id(g)][2]
    if not noun:
        return None  # "on the right": no word to tell what the side is of
    # a statement that the organ is normal, or of both, says nothing of the lesion's side
    peers = [h for h in group if h is not g and keyed[id(h)][0] == keyed[id(g)][0]
             and keyed[id(h)][2] == noun and not _ASIDE.search(h.context + h.surface + h.after)]
    forms = {h.value.form for h in peers}
    summary = place(g) in options["places"]  # the abstract's or a caption's: one will do
    if len(peers) < (1 if summary else 2) or len(forms) != 1 or not forms <= set(other) or \
            not any((place(h) in options["places"]) != summary for h in peers):
        return None
    sentence = g.context + g.surface + g.after
    if not _FINDING.search(sentence) and \
            not any((keyed[id(g)][1] & keyed[id(h)][1]) - {noun} for h in peers):
        return None  # "the left ventricle ejection fraction was 60%": the organ, not the lesion
    if _ASIDE.search(sentence) or cites(sentence) or any(
            h.block is g.block and h.sentence == g.sentence and h.value != g.value
            for h in facts(r, "term") if h.value.category == g.value.category):
        return None
    return peers


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
