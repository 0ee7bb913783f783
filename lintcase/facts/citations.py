"""In-text citations and figure/table callouts, with the targets the source names.

`extract`: one `citation` fact per citation group, value ``(style, keys, targets, named, how)``:

- style ``numeric``: keys are the reference numbers, ranges expanded ("(14–16)" → 14, 15, 16);
  style ``author-year``: keys are ``(name, year)`` pairs ("Arends et al., 2021" → ("Arends",
  "2021"); "(WHO, 2020)" → ("WHO", "2020")).
- targets: the ids the source links to (JATS xref rid, HTML href="#…"), empty in plain text.
- named: the surname a sentence gives the cited work ("Hu et al. demonstrated … (9)" → "Hu").
- how: ``link`` (marked up by the source), ``bracket`` ("[3,5-7]"), ``paren`` ("(1, 2)"),
  ``narrative`` ("Smith et al. (2010)"), ``name`` ("Smith (2010)": a single word before a year,
  weak evidence, used only to count a reference as cited).

Numbers in parentheses that are no citations stay out: "(n = 12)" and "(p < 0.05)" are not only
digits, years are above 999, "(2)" after a colon, comma or "and" is a list enumerator, and
"Figure (2)", "Eq. (3)" name other things. A rendering whose reference list is not numbered
gives no numeric citations from its text; superscript numbers that PDF text runs into words
("cancer1,2") are not read at all — quiet rather than guessing.

`callouts` gives one `callout` fact per figure or table number, value ``(kind, number, target)``:
"Figs. 1–3" → three facts. Supplementary and appendix items ("Figure S1", "Supplementary Table
2", "Additional file 1", "Figure A1") and items of other works ("Table 2 of ref. 5") are left out.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..model import Block, Fact, Rendering
from .common import LATIN, blanked, make_fact
from .sentences import boundaries
from .values import Callout, Citation

TEXT_KINDS = ("paragraph", "caption", "list-item", "footnote", "table")

_NUM = r"\d{1,3}"
_GROUP = rf"(?:refs?\.?\s*)?{_NUM}(?:\s*[–—‒−-]\s*{_NUM})?(?:\s*[,;]\s*{_NUM}(?:\s*[–—‒−-]\s*{_NUM})?)*"
# Not after a letter or digit ("F(1, 277)", "25(OH)"); "(11,506)" is one number, not two.
BRACKET = re.compile(rf"(?<![\w])\[({_GROUP})\](?!\s*[=<>])")
PAREN = re.compile(rf"(?<![\w])\(({_GROUP})\)(?!\s*[=<>])")
_THOUSANDS = re.compile(r"\d,\d{3}(?!\d)")
# Words after which "(2)" is an equation, a step or a list item, not a reference.
_NOT_CITING = re.compile(
    r"(?:\b(?:Fig(?:ure)?s?|Tables?|Eqs?|Equations?|Steps?|Stages?|Grades?|Types?|Phases?|"
    r"Groups?|Class|Level|Items?|Questions?|Panels?|Cases?|Patients?|Lines?|Scores?|Days?|"
    r"Appendix|Section|Chapter|Model|Hypothesis|Criteri(?:on|a)|Formula|Study|Experiment)\.?|"
    r"[:;,(=+×]|\band|\bor|^)\s*$", re.I)
_SEP = re.compile(r"^[\s,;–—‒−\-\[\]()]*$")
_DASH = re.compile(r"[–—‒−-]")
_SURNAME = r"(?:\b(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]a|[Dd]el|[Dd]i|[Dd]u|[Ll]a|[Ll]e)\s)*[A-Z][\w'’\-‐]+"
_NAMED = re.compile(rf"({_SURNAME})\s+et\s*al\.?(?:['’]s?)?")
_YEAR = r"(?:1[89]|20)\d\d[a-z]?(?:\s*,\s*[a-z]\b)*"
_AY_NAME = (rf"{_SURNAME}(?:[\s/-]+[A-Z][\w'’\-‐]*|\s+(?:of|for|and|the|on)\s+[A-Z][\w'’\-]*)"
            rf"{{0,5}}?(?:\s+et\s*al\.?|\s+(?:and|&)\s+{_SURNAME})?")
_AY_PART = re.compile(rf"^(?:(?:see|e\.g\.|i\.e\.|cf\.|also|reviewed in|for (?:a )?review,? "
                      rf"see|as in)[,:]?\s+)*({_AY_NAME}),?\s+({_YEAR}(?:\s*,\s*{_YEAR})*)$")
_PARENS = re.compile(r"\(([^()]{4,400})\)")
_NARRATIVE = re.compile(rf"({_SURNAME}(?:\s+et\s*al\.?|\s+(?:and|&)\s+{_SURNAME})?)\s+"
                        rf"\(({_YEAR}(?:\s*[,;]\s*{_YEAR})*)\)")
_NOT_NAMES = re.compile(r"^(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|Figure|Fig|Table|Supplementary|In|From|"
                        r"Since|Until|Before|After|During|The|This|Our|Year|Version|Accessed|"
                        r"Updated|Published|Received|Spring|Summer|Autumn|Fall|Winter)\b")

_CALLOUT = re.compile(
    r"(?<![\w-])(?P<word>[Ff]ig(?:ure)?s?\.?|FIG(?:URE)?S?\.?|Tables?|TABLES?)\s*"
    r"(?P<nums>\d{1,3}(?!\d)(?:\s*(?:[A-Za-z]|\([A-Za-z]\))(?!\w))?(?:\s*(?:[,–—‒−-]|and|&|to)\s*"
    r"\d{1,3}(?![\d%])(?:\s*(?:[A-Za-z]|\([A-Za-z]\))(?!\w))?)*)(?![\d.,]\d)")
# "Supplimentary", "Supplemetary": misspelt supplements are still supplements.
_SUPPLEMENT = re.compile(r"(?:\bSup{1,2}l\w*\.?|\bAdditional|\bExtended|\bOnline|\bAppendix|"
                         r"\bSupporting|\bSI|\bESM|\be-?)\s*(?:file\s*\d+\s*:?\s*)?$", re.I)
_OTHER_WORK = re.compile(r"\s*(?:of|in|from)\s+(?:the\s+)?(?:ref|reference|\[|\(?\d|"
                         rf"{_SURNAME}\s+et\s+al|their|previous|original|an?\s+(?:previous|"
                         r"earlier|prior|recent)|(?:our|a)\s+(?:previous|prior|earlier)|"
                         r"supplement|appendix|additional)|,?\s*Appendix\s+\w+\s+of\b", re.I)


def extract(rendering: Rendering) -> list[Fact]:
    # Where the source links its citations, unlinked numbers in brackets are something else.
    numbered_list = any(r.label[:1].isdigit() for r in rendering.references)
    numbered = numbered_list and not any(
        k in ("bibr", "ref") for b in rendering.blocks for _, _, k, _ in b.links)
    idents = {r.ident for r in rendering.references if r.ident}
    out: list[Fact] = []
    for block in rendering.blocks:
        if block.kind not in TEXT_KINDS:
            continue
        starts = boundaries(rendering, block.text.text)
        found = list(_linked(block, idents))
        taken: list[tuple[int, int]] = [(a, b) for a, b, _ in found]
        found += _from_text(block.text.text, numbered and block.kind != "table", taken,
                            numbered_list)
        since = 0
        for start, end, value in sorted(found):
            if value[0] == "numeric" or value[4] == "link" and not value[3]:
                value = value[:3] + (_named(block.text.text, start, since),) + value[4:]
            out.append(make_fact(rendering, block, starts, "citation", Citation(*value), start,
                                 end))
            since = end
    return out


def _linked(block: Block, idents: set[str]):
    """Citation groups from links: neighbouring links joined by commas or dashes are one group."""
    text = block.text.text
    links = [(s, e, t) for s, e, k, t in block.links
             if k in ("bibr", "ref") or (k in ("link", "") and t in idents)]
    if not links and block.citations:  # a reader that marks citations without their targets
        links = [(s, e, "") for s, e in block.citations]
    groups: list[list] = []
    def numeric(s, e):  # a number, or the dash of a range linked on its own ("7<xref>–</xref>10")
        return bool(re.match(r"[\[(]?\d", text[s:e].strip()) or _DASH.fullmatch(text[s:e].strip()))
    for s, e, t in sorted(links):
        # "1–3" links join into one group; "Smith, 2010; Jones, 2011" links stay one each
        if groups and _SEP.match(text[groups[-1][-1][1]:s]) and s - groups[-1][-1][1] < 6 \
                and numeric(s, e) and numeric(*groups[-1][-1][:2]):
            groups[-1].append((s, e, t))
        else:
            groups.append([(s, e, t)])
    for g in groups:
        value = _group_value(text, g)
        if value is not None:
            yield g[0][0], g[-1][1], value


def _group_value(text: str, group: list) -> tuple | None:
    targets = tuple(i for _, _, t in group for i in t.split())
    first = text[group[0][0]:group[0][1]].strip()
    if re.fullmatch(r"[\[(]?\d{1,3}[a-z]?(?:\s*[,;–—‒−-]\s*\d{1,3}[a-z]?)*[)\].,]?", first):
        keys = _expand(_joined(text, group))
        return ("numeric", keys, targets, "", "link") if keys else None
    ay = _author_year(text[group[0][0]:group[-1][1]])
    if ay:
        return ("author-year", ay, targets, ay[0][0], "link")
    # A link whose text we cannot read ("2010" of "Smith (2010)", a symbol): its target counts.
    return ("unknown", (), targets, "", "link") if targets else None


def _joined(text: str, group: list) -> str:
    """The group's text with a comma between links that touch digit to digit: "<xref>16</xref>
    <xref>17</xref>" reads "1617" but cites 16 and 17 ("7<xref>–</xref>10" stays a range)."""
    out = text[group[0][0]:group[0][1]]
    for (_, end, _), (s, e, _) in zip(group, group[1:]):
        touch = s == end and out[-1:].isdigit() and text[s:s + 1].isdigit()
        out += ("," if touch else text[end:s]) + text[s:e]
    return out


def _expand(group: str) -> tuple[str, ...]:
    """"14–16" → 14, 15, 16; "3,5-7" → 3, 5, 6, 7 (letters dropped: "12a" is 12)."""
    keys: list[str] = []
    for part in re.split(r"[,;]", re.sub(r"refs?\.?", "", group)):
        nums = [int(n) for n in re.findall(r"\d+", part)]
        if len(nums) == 2 and _DASH.search(part):
            if not 0 < nums[1] - nums[0] <= 50:
                return ()  # "(100–0, 75–25)", "(65–117)": ratios and value ranges
            keys.extend(str(n) for n in range(nums[0], nums[1] + 1))
        else:
            keys.extend(str(n) for n in nums)
    return tuple(k for k in dict.fromkeys(keys) if k != "0")


def _from_text(text: str, numbered: bool, taken: list, numbered_list: bool):
    def free(a, b):
        return not any(a < e and s < b for s, e in taken)
    if numbered_list:
        if not numbered:
            return
        listed = _enumerators(text)
        for pattern, how in ((BRACKET, "bracket"), (PAREN, "paren")):
            for m in pattern.finditer(text):
                if not free(m.start(), m.end()) or (how == "paren" and m.start() in listed) \
                        or _THOUSANDS.search(m.group(1)):
                    continue
                if how == "paren" and _NOT_CITING.search(text, max(0, m.start() - 25), m.start()):
                    continue
                keys = _expand(m.group(1))
                if keys:
                    yield m.start(), m.end(), ("numeric", keys, (), "", how)
        return
    for m in _PARENS.finditer(text):
        if free(m.start(), m.end()):
            ay = _author_year(m.group(1))
            if ay:
                yield m.start(), m.end(), ("author-year", ay, (), "", "paren")
            continue
        # "(<link>Bednarek, 2012</link>; Nagpure et al., 2014)": the unlinked parts alone
        at = m.start(1)
        for part in m.group(1).split(";"):
            a = at + len(part) - len(part.lstrip())
            b = at + len(part.rstrip())
            at += len(part) + 1
            ay = _author_year(part) if b > a and free(a, b) else None
            if ay:
                yield a, b, ("author-year", ay, (), "", "paren")
    for m in _NARRATIVE.finditer(text):
        if free(m.start(), m.end()) and not _NOT_NAMES.match(m.group(1)):
            how = "narrative" if re.search(r"et\s*al|\s(?:and|&)\s", m.group(1)) else "name"
            keys = tuple((_first_name(m.group(1)), y) for y in _years(m.group(2)))
            yield m.start(), m.end(), ("author-year", keys, (), keys[0][0], how)


def _enumerators(text: str) -> set[int]:
    """Starts of "(1) surgery … (2) radiotherapy": numbers in parentheses that open a phrase,
    when the block holds both (1) and (2) so."""
    found = {m.start(): m.group(1) for m in re.finditer(r"\((\d{1,2})\)\s+[a-z]", text)}
    return set(found) if {"1", "2"} <= set(found.values()) else set()


def _author_year(inner: str) -> tuple | None:
    """((name, year), ...) when every ;-part of a parenthesis is an author-year citation."""
    keys = []
    for part in re.split(r";\s*", inner.strip(" ()[]")):
        m = _AY_PART.match(part.strip())
        if m is None or _NOT_NAMES.match(m.group(1)):
            return None
        keys.extend((_first_name(m.group(1)), y) for y in _years(m.group(2)))
    return tuple(keys) or None


def _years(s: str) -> list[str]:
    return [y[:4] for y in re.findall(r"(?:1[89]|20)\d\d", s)]


def _first_name(name: str) -> str:
    """The first author's name as written: "De Cicco et al." → "De Cicco"."""
    name = re.sub(r"\s+et\s*al\.?$", "", name.strip())
    return re.split(r"\s+(?:and|&)\s+", name)[0].strip(" ,")


def _named(text: str, at: int, since: int = 0) -> str:
    """The first author named before a citation: "Hu et al.", not "Hoye and co-workers" (a lab)."""
    window = text[max(since, at - 200):at]
    window = re.split(r"[.!?]\s+(?=[A-Z])(?<!al\.\s)|[\])]|\d\s*[,;)]", window)[-1]
    found = list(_NAMED.finditer(window))
    listed = found and re.search(r"(?:[(;]|\bby)\s*((?:[A-Z][a-zà-ÿ]{2,}(?:-[A-Z][a-zà-ÿ]+)?,\s*)+)$",
                                 window[:found[-1].start()])  # not "Sabah, Malaysia, Ent et al."
    return (listed.group(1).split(",")[0] if listed else found[-1].group(1)) if found else ""


def callouts(rendering: Rendering) -> list[Fact]:
    out: list[Fact] = []
    for block in rendering.blocks:
        if block.kind not in TEXT_KINDS or block.kind == "table":
            continue
        text = blanked(block)  # "Table 4<xref fn>2</xref>" calls out Table 4
        starts = None
        targets = {(s, e): t for s, e, k, t in block.links if k in ("fig", "table", "link")}
        for m in _CALLOUT.finditer(text):
            if _SUPPLEMENT.search(text, max(0, m.start() - 30), m.start()) \
                    or _OTHER_WORK.match(text, m.end()) or _is_label(block, m):
                continue
            kind = "table" if m.group("word")[0] in "Tt" else "figure"
            target = next((t for (s, e), t in targets.items() if s < m.end() and m.start() < e), "")
            starts = starts if starts is not None else boundaries(rendering, text)
            nums = _expand(re.sub(r"\(?[A-Za-z]\)?(?=\s*(?:[,–—‒−-]|and|&|to|$))|and|&|to",
                                  lambda x: "-" if x.group() == "to" else ",", m.group("nums")))
            for n in _steady(nums):
                out.append(make_fact(rendering, block, starts, "callout", Callout(kind, n, target),
                                     m.start(), m.end()))
    return out


def _is_label(block: Block, m) -> bool:
    """"Table 3. List of …" opening a caption or a paragraph names the item, it calls nothing."""
    return m.start() == 0 and (block.kind == "caption"
                               or bool(re.match(r"\s*[.:|]\s", block.text.text[m.end():])))


def _steady(nums: tuple[str, ...]) -> list[str]:
    """"Figures 1, 3 and 4" rises in small steps; "Figure 2, 86–124 plants" does not: keep the
    numbers up to the first that falls or jumps."""
    out: list[str] = []
    for n in nums:
        if out and not 0 < int(n) - int(out[-1]) <= 5:
            break
        out.append(n)
    return out


_LABEL = re.compile(r"^(?P<word>Fig(?:ure)?\.?|Table)\s*(?P<n>\d{1,3})[A-Za-z]?$", re.I)


def caption_number(label: str) -> tuple[str, str] | None:
    """("figure", "2") for a main figure's caption label "Figure 2" / "FIG. 2" / "Table 2";
    None for supplementary, appendix and unnumbered items."""
    m = _LABEL.match(" ".join(label.split()).rstrip(".:"))
    if m is None:
        return None
    return ("table" if m.group("word")[0] in "Tt" else "figure", str(int(m.group("n"))))


_NOT_A_TO_Z = re.compile(r"[^a-z]")


@lru_cache(maxsize=8192)  # the same names are folded for every citation they are tried against
def fold(s: str) -> str:
    """Lower case, accents and everything but letters dropped: "Pérez-Piñera" → "perezpinera"."""
    return _NOT_A_TO_Z.sub("", unicodedata.normalize("NFKD", s.translate(LATIN)).lower())
