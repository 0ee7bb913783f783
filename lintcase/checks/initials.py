"""initials: a word of a vocabulary written beside a short form is the one its letter gives.

Reads the `spelled` facts (a short form and the words it stands for, as printed: "right
anterior descending (LAD)", a legend's "L, right coronary cusp;"). Each word lines up with the
short form's letter at its place. Reported: exactly one word whose initial is not its letter,
that word a term of `words`, and the letter another term's of `words` ("right" where the "L"
of LAD stands for "left"): the words were changed and the short form was not, or the other way
round. Any other mismatch (two words off, an initial of no term) is a short form written
another way ("D" for a language's "droit", a panel letter), not reported.
"""
from __future__ import annotations

from ..facts.registry import facts
from ..model import Article
from .kit.hit import Hit
from .kit.options import with_defaults
from .kit.slots import location, place

FIELDS = ("short", "written", "word", "which", "meant", "place")

OPTIONS = {
    "type": "object",
    "properties": {
        "words": {"type": "object", "minProperties": 2,
                  "additionalProperties": {"type": "string", "pattern": "^[a-z]?$"},
                  "description": "The terms compared and the letter each is abbreviated by "
                                 "(left: l, right: r); an empty letter for a term that may "
                                 "have been written in another's place but whose letter is "
                                 "not read as it (bilateral: a legend's B is a panel)."},
        "legends": {"type": "boolean", "default": True,
                    "description": "Also read a caption's legend keys ('L, left atrium;')."},
    },
    "required": ["words"],
    "additionalProperties": False,
}


def run(article: Article, options: dict):
    options = with_defaults(OPTIONS, options)
    letters = options["words"]
    by_letter = {}
    for word, letter in letters.items():
        if letter:
            by_letter.setdefault(letter, word)
    for r in article.renderings:
        found = facts(r, "spelled")
        # a caption's keys are an abbreviations' legend, not panel letters, when one key of
        # two letters or more is written with its words' initials; its one-letter keys are
        # panels when they count from A ("A, right eye; B, left eye; ... L, right eye")
        legends = {id(f.block) for f in found if f.value[2] and len(f.value[0]) > 1 and
                   _initials(f.value[1]) == f.value[0].lower()}
        panels = {id(f.block) for f in found if f.value[2] and f.value[0] in ("A", "B")}
        for f in found:
            short, words, legend, split = f.value
            if legend and (not options["legends"] or id(f.block) not in legends or
                           len(short) == 1 and id(f.block) in panels):
                continue
            off = _off(short, words)
            if off is None or _off(short, split) != off:
                continue  # "right lower-limb lymphedema (LLL)": the letters are the parts'
            letter, word = off
            if word.lower() not in letters or letter not in by_letter or \
                    by_letter[letter] == word.lower():
                continue
            yield Hit((location(f),),
                      {"short": short, "written": " ".join(f.surface.split()), "word": word,
                       "which": f"the key {short}" if len(short) == 1 else
                       f"the {letter.upper()} of {short}", "meant": by_letter[letter], "place": place(f)},
                      evidence=f"{short}:{word.lower()}")


def _off(short: str, words) -> tuple[str, str] | None:
    """(letter, word) where exactly one word's initial is not its letter, else None."""
    off = [(c, w) for c, w in zip(short.lower(), words) if w[0].lower() != c]
    return off[0] if len(off) == 1 and len(words) == len(short) else None


def _initials(words) -> str:
    return "".join(w[0].lower() for w in words)
