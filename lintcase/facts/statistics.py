"""Reported statistics: a test statistic with its p value, a count with its percentage, an
estimate with its confidence interval. Values keep the printed strings (their decimals say how
the number was rounded); the arithmetic that checks them is the check's, not the extractor's.

    t(28) = 2.10, p = .045        -> statistic ("t", (28,), "2.10", "=", ".045", False)
    χ2(2, N = 120) = 8.1, P<0.05  -> statistic ("chi2", (2,), "8.1", "<", "0.05", False)
    12 of 40 (30%)                -> proportion (12, 40, "30")
    OR 2.3 (95% CI 1.2–4.5)       -> interval ("OR", "2.3", "1.2", "4.5")

Traps left alone on purpose: ranges ("5–12%"), "p for trend" without a statistic, reference
numbers in brackets, "Table 2", figure panels; a decimal comma is read only where a number
cannot be a list ("0,03" after "p =").
"""
from __future__ import annotations

import re

from ..model import Fact, Rendering
from .common import make_fact, prose_blocks

_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2010": "-", "\u2011": "-"})
_NUM = r"-?(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_DF = r"\d+(?:\.\d+)?"
_P = (r"(?P<pl>\bp|\bP)\s*(?:-?\s*value\s*)?(?P<rel>[=<>≤≥]|&lt;|&gt;)\s*"
      r"(?P<p>\d?\.?\d+\s*[×x*]\s*10\s*\^?\s*-\s*\d+|\d(?:\.\d+)?\s*[eE]\s*-\s*\d+"
      r"|\d*[.,]\d+|1)(?!\d|\.\d|\s*(?:[eE×x*]|10\s*-))")
_CHI = r"(?:χ\s*2|χ²|χ\s*\^?2|\bchi[- ]?square[d]?|\bX2|\bQ)"  # Q: Cochran's, χ² with its df
_DF_AFTER = r"\s*[,;]\s*(?:df|d\.f\.)\s*=\s*(?P<d1>\d+)"
_TESTS = [
    ("t", rf"\bt\s*\(\s*(?P<d1>{_DF})\s*\)\s*=\s*(?P<v>{_NUM})"),
    ("tdf", rf"\bt\s*=\s*(?P<v>{_NUM}){_DF_AFTER}"),
    ("chi2df", rf"{_CHI}\s*=\s*(?P<v>{_NUM}){_DF_AFTER}"),
    ("F", rf"\bF\s*\(\s*(?P<d1>{_DF})\s*[,;/]\s*(?P<d2>{_DF})\s*\)\s*=\s*(?P<v>{_NUM})"),
    ("chi2", rf"{_CHI}\s*\(\s*(?P<d1>\d+)"
             rf"(?:\s*,\s*[Nn]\s*=\s*[\d,]+)?\s*\)\s*=\s*(?P<v>{_NUM})"),
    ("r", r"\br\s*\(\s*(?P<d1>\d+)\s*\)\s*=\s*(?P<v>-?\.?\d*\.?\d+)"),
    ("z", rf"\b[zZ]\s*=\s*(?P<v>{_NUM})"),
]
STATISTIC = re.compile("|".join(f"(?P<{name}>{pattern.replace('(?P<', f'(?P<{name}_')})"
                                for name, pattern in _TESTS))
_TEST = {"tdf": "t", "chi2df": "chi2"}
_TEST.update({n: n for n, _ in _TESTS if n not in _TEST})
_REL = {"&lt;": "<", "&gt;": ">", "≤": "<", "≥": ">"}
P_AFTER = re.compile(r"\s*[,;]?\s*(?:and\s+|with\s+)?" + _P)
# a p adjusted for multiple comparisons: the word right after it ("p = .135, Bonferroni
# corrected") or an adjustment named before the test ("after Holm adjustment, t(28) = ...");
# a q value or an FDR printed beside a p leaves that p the test's own, and so does a model's
# "adjusted R2" or an estimate "adjusted for age"
_ADJ = r"(?:adjusted|corrected|Bonferroni|Holm|Šidák|Sidak|Tukey|Benjamini)"
ADJUSTED_AFTER = re.compile(rf"\s*[,;]?\s*[(\[]?\s*(?:[\w-]+\s+){{0,2}}?{_ADJ}"
                            r"(?!\s*(?:R\b|R2|R²|for\b|odds|OR\b|HR\b|RR\b|mean|model))", re.I)
ADJUSTED = re.compile(rf"\b{_ADJ}", re.I)
P_ANY = re.compile(r"\b[pP]\s*(?:-?\s*value\s*)?(?:[=<>≤≥]|&[lg]t;)")
ONE_TAILED = re.compile(r"\bone[- ](?:tailed|sided)\b|\b(?:upper|lower)[- ]tailed\b", re.I)

_COUNT = r"(?:\d{1,3}(?:,\d{3})+|\d+)"
_PCT = r"(?P<pct>\d+(?:\.\d+)?)\s*%"
PROPORTION = re.compile(
    rf"(?<![\d.,/])(?P<k>{_COUNT})\s*(?:/|of|out of)\s*(?P<n>{_COUNT})\s*(?:patients?|"
    rf"participants?|subjects?|cases?|children|women|men|people|persons|individuals|"
    rf"respondents?|samples?|animals|mice|eyes)?\s*[(\[]\s*{_PCT}\s*[)\]]"
    rf"|(?<![\d.,])(?P<pct2>\d+(?:\.\d+)?)\s*%\s*[(\[]\s*(?:n\s*=\s*)?(?P<k2>{_COUNT})\s*"
    rf"(?:/|of|out of)\s*(?P<n2>{_COUNT})\s*[)\]]")

_RATIO = r"(?:a?OR|a?RR|a?HR|IRR|PR|odds ratio|risk ratio|hazard ratio|relative risk|β|B|MD|SMD)"
INTERVAL = re.compile(
    rf"(?:(?P<label>{_RATIO})\s*(?:[=:]|of|was|is)?\s*)?(?<![\w.])(?P<est>{_NUM})\s*"
    rf"[,;(\[]\s*(?P<level>9[059])\s*%\s*(?:CI|C\.I\.|confidence interval|CrI)\s*[:=,]?\s*"
    rf"(?P<lo>{_NUM})\s*(?:to|-|,|;)\s*(?P<hi>{_NUM})(?!\d|\.\d)")


NOT_EXACT = re.compile(r"(?:\b(?:over|above|under|below|about|around|approximately|nearly|almost|"
                       r"more than|less than|fewer than|at least|up to|roughly|some)"
                       r"|[<>≤≥~±≈])"
                       r"\s*$", re.I)
NOT_ESTIMATE = re.compile(r"(?:\b[pPnN]\s*(?:-?\s*value\s*)?[=<>≤≥]|±|\w[-−]|[/^])\s*$")


CI_ANY = re.compile(r"CI\b|C\.I\.|CrI|confidence interval")


_GROUP = (r"(?:patients|participants|subjects|individuals|children|adults|adolescents|"
          r"respondents|cases|persons|people|infants|volunteers|students|workers|residents)")
_SEX = {"men": "m", "males": "m", "male": "m", "boys": "m", "women": "f", "females": "f",
        "female": "f", "girls": "f"}
_SEXW = r"(?:men|males|male|boys|women|females|female|girls)"
_PCT = r"(?:\s*[(\[]\s*(?P<{0}>\d+(?:\.\d+)?)\s*%\s*[)\]])?"
# "25,738 participants (10,154 men and 15,584 women)", "19 (16 women and 3 men)",
# "76 adults, 70 females and 6 males": a total and its two sexes, the breakdown right after it
BREAKDOWN = re.compile(
    rf"(?<![\d.,])(?P<n>{_COUNT})\s+(?:{_GROUP}\s*)?(?:[(\[]|,\s*)\s*"
    rf"(?P<a>{_COUNT})\s+(?P<s1>{_SEXW}){_PCT.format('p1')}\s*(?:,|and|;|/)\s*(?:and\s+)?"
    rf"(?P<b>{_COUNT})\s+(?P<s2>{_SEXW}){_PCT.format('p2')}(?![\w-])", re.I)


def breakdowns(rendering: Rendering) -> list[Fact]:
    """A total with its breakdown by sex: (total, first, second, first %, second %)."""
    out = []
    for block, starts, text, m in _found(rendering, BREAKDOWN, _SEXES.search):
        if _SEX[m.group("s1").lower()] == _SEX[m.group("s2").lower()]:
            continue  # "12 men and 4 men": not a breakdown by sex
        n, a, b = (int(m.group(k).replace(",", "")) for k in ("n", "a", "b"))
        value = (n, a, b, m.group("p1") or "", m.group("p2") or "")
        out.append(make_fact(rendering, block, starts, "breakdown", value, m.start(), m.end()))
    return out


# "215 mm + 180 mm = 395 mm", "a total of 85 hours (20 hours + 35 hours + 29 hours)": numbers
# written as a sum with its result, each with one unit or none
_ADDEND, _UNIT = r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?", r"%|[a-zA-Zµ]{1,8}\b"
_TERM = rf"(?:{_ADDEND})(?:\s?(?:{_UNIT}))?"
_TERMS = rf"(?P<terms>{_TERM}(?:\s*\+\s*{_TERM}){{1,8}})"
_NOT_BEFORE = r"(?<![\w.,^/×*+−-])(?<![.,^/×*+−-]\s)"  # no other arithmetic around the sum
SUM = re.compile(
    rf"{_NOT_BEFORE}{_TERMS}\s*=\s*(?P<total>{_TERM})(?!\s*[\d+\-−×*/^])"
    rf"|\b(?:total|sum)\s+(?:of\s+)?(?P<total2>{_TERM})\s*"
    rf"\(\s*{_TERMS.replace('terms', 'terms2')}\s*\)", re.I)
_PARTS = re.compile(rf"({_ADDEND})(?:\s?({_UNIT}))?")  # a term's number and unit


def sums(rendering: Rendering) -> list[Fact]:
    """Numbers written as a sum with its result, in one unit: (terms as printed, the result
    as printed, the unit or ""); a sum of several units ("2 h + 30 min") is left out."""
    out = []
    for block, starts, text, m in _found(rendering, SUM, lambda t: "+" in t):
        terms = _PARTS.findall(m.group("terms") or m.group("terms2"))
        total = _PARTS.match(m.group("total") or m.group("total2"))
        units = {u.lower() for _, u in terms if u} | ({total.group(2).lower()}
                                                     if total.group(2) else set())
        if len(units) > 1:
            continue
        value = (tuple(n.replace(",", "") for n, _ in terms), total.group(1).replace(",", ""),
                 units.pop() if units else "")
        out.append(make_fact(rendering, block, starts, "sum", value, m.start(), m.end()))
    return out


# "five broken limbs (humerus, wrist, ankle, and femur)": a count in words of a plural noun (up
# to two words before it, none a function word) and the things it counts listed in brackets
# right after it
COUNT_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                "ten": 10, "eleven": 11, "twelve": 12}
LISTED = re.compile(r"\b(?P<k>%s)\s+(?P<what>(?:(?!(?:of|in|for|from|with|and|or|to|by|on|at|"
                    r"also|were|are|was|is)\b)[A-Za-z-]+\s+){0,2}[A-Za-z-]+s)\s*"
                    r"\((?P<items>[^()]{3,200})\)" % "|".join(COUNT_WORDS), re.I)
# brackets that say more than names: numbers, relations, examples, references, panel letters
_NOT_A_LIST = re.compile(r"[\d=<>%;:/–]|\bet al\b|\b(?:i\.?e|e\.?g|etc|vs?|cf)\b|respectively|"
                         r"\b(?:and|among)\s+others\b|\band\s+so\s+on\b|"
                         r"such as|including|\bFig|\bTable|\[|\b(?:or|plus|with|each|in|for|"
                         r"one|two|three|four|five|six|seven|eight|nine|ten)\b", re.I)


def listed(rendering: Rendering) -> list[Fact]:
    """A count and the things it counts listed after it: (the count, the noun, the items,
    whether a comma stands before the last "and").
    Items are split at commas and the one "and"; with a comma before the last "and" (serial
    comma), only at commas. Left out: a list where "and" may be inside an item ("East and
    West Africa, South Asia, and Central America"; two "and"s without a serial comma), a
    count that is part of another ("five of the seven stages (...)" lists the five), a comma
    inside a name ("o,p'-DDT"), lists
    of fewer than three items, items of more than four words and lone capitals (panels)."""
    out = []
    for block, starts, text, m in _found(rendering, LISTED, lambda t: "(" in t):
        inner = m.group("items")
        if _NOT_A_LIST.search(inner) or not re.search(r"\sand\s+[^,]+$", inner) or \
                re.search(r",\S", inner) or \
                re.search(r"\bof\s+(?:the\s+)?$", text[max(0, m.start() - 8):m.start()]):
            continue  # "five of the seven stages (AN, HD, TP, YA and WA)": the five are listed
        serial = bool(re.search(r",\s*and\s", inner))
        if serial:
            items = [re.sub(r"^and\s+", "", x.strip()) for x in inner.split(",")]
        elif len(re.findall(r"\sand\s", inner)) == 1:
            items = re.split(r",\s*|\s+and\s+", inner)
        else:
            continue  # "other grains, potatoes, eggs and fruit and vegetable juice"
        items = [x.strip() for x in items if x.strip()]
        if len(items) < 3 or any(len(x.split()) > 4 or re.fullmatch(r"[A-Z]", x) or
                                 re.search(r"\sand\s", x) for x in items):
            continue  # "East and West Africa, South Asia, and Central America": 3 or 4
        value = (COUNT_WORDS[m.group("k").lower()], m.group("what"), tuple(items), serial)
        out.append(make_fact(rendering, block, starts, "listed", value, m.start(), m.end()))
    return out


# "the mean number of visits was 2.45 (n = 20)": a mean of counts with its n in one sentence;
# a rate ("per day", "per sample") is not a mean of whole numbers
MEAN = re.compile(
    r"\b(?:mean|average)\s+number\s+of\s+(?P<what>(?:(?!per\b)[\w-]+\s+){0,4}?[\w-]+)"
    r"\s*(?:was|were|is|of|:|=)\s*(?P<m>\d+\.\d+)(?![\d.])", re.I)
N_SAME = re.compile(r"\(\s*[nN]\s*=\s*(?P<n>\d+)\s*\)|\b[nN]\s*=\s*(?P<n2>\d+)\b")


def means(rendering: Rendering) -> list[Fact]:
    """Means of counts with their n (GRIM): (mean as printed, n, what is counted)."""
    out = []
    for block, starts, text, m in _found(rendering, MEAN, lambda t: "number of" in t):
        end = next((b for b in [*starts, len(text)] if b > m.end()), len(text))
        if re.search(r"\bper\b|/", text[m.start():m.end() + 20]):
            continue
        n = N_SAME.search(text, m.end(), end)
        if n is None:
            continue
        value = (m.group("m"), int(n.group("n") or n.group("n2")), m.group("what"))
        out.append(make_fact(rendering, block, starts, "mean", value, m.start(), n.end()))
    return out


def _norm(s: str) -> str:
    return s.translate(_MINUS)


_SEXES = re.compile(r"men|male|boys|girls")


def _found(rendering: Rendering, pattern: re.Pattern, needed, plain_minus: bool = False):
    """(block, sentence starts, text, match) for each match of `pattern` in the prose blocks
    whose text passes `needed(text)`, a quick test most paragraphs fail; with `plain_minus`
    the text searched has its minus signs made plain."""
    for block, starts in prose_blocks(rendering):
        if needed(block.text.text):
            text = _norm(block.text.text) if plain_minus else block.text.text
            for m in pattern.finditer(text):
                yield block, starts, text, m


def statistics(rendering: Rendering) -> list[Fact]:
    """Test statistics with their p values; a document that says anywhere that its tests are
    one-tailed (its methods, as a rule) has each p allowed to be one-tailed."""
    out = []
    blocks = list(prose_blocks(rendering))
    one_tailed = any(ONE_TAILED.search(b.text.text) for b, _ in blocks)
    for block, starts in blocks:
        if "=" not in block.text.text or not P_ANY.search(block.text.text):
            continue  # a test statistic needs "=" and a p value: most paragraphs have neither
        text = _norm(block.text.text)
        for m in STATISTIC.finditer(text):
            name = next(n for n in _TEST if m.group(n) is not None)
            g = {k[len(name) + 1:]: v for k, v in m.groupdict().items()
                 if k.startswith(name + "_") and v is not None}
            p = P_AFTER.match(text, m.end())
            if p is None:
                continue
            rel = _REL.get(p.group("rel"), p.group("rel"))
            dfs = tuple(float(g[k]) for k in ("d1", "d2") if k in g)
            if ADJUSTED_AFTER.match(text, p.end()) or \
                    ADJUSTED.search(text[max(0, m.start() - 60):m.start()]):
                continue  # a p adjusted for multiple comparisons is not the test's own p
            value = (_TEST[name], dfs, g["v"].replace(",", ""), rel,
                     "".join(p.group("p").split()).replace(",", "."), one_tailed)
            out.append(make_fact(rendering, block, starts, "statistic", value, m.start(), p.end()))
    return out


def proportions(rendering: Rendering) -> list[Fact]:
    out = []
    for block, starts, text, m in _found(rendering, PROPORTION, lambda t: "%" in t):
        k, n, pct = (m.group("k"), m.group("n"), m.group("pct")) if m.group("k") else \
            (m.group("k2"), m.group("n2"), m.group("pct2"))
        k, n = int(k.replace(",", "")), int(n.replace(",", ""))
        if NOT_EXACT.search(text[max(0, m.start() - 25):m.start()]) and not m.group("k"):
            continue  # "over 90% (55/60)", "3.4 ± 0.7% (…)": not the share itself
        if n == 0 or (1900 <= k <= 2100 and n < 100):
            continue  # "9% (2010/11)": a season, not a count of a total
        out.append(make_fact(rendering, block, starts, "proportion", (k, n, pct),
                             m.start(), m.end()))
    return out


def intervals(rendering: Rendering) -> list[Fact]:
    out = []
    for block, starts, text, m in _found(rendering, INTERVAL,
                                           lambda t: "%" in t and CI_ANY.search(t), True):
        if NOT_ESTIMATE.search(text[max(0, m.start("est") - 12):m.start("est")]):
            continue  # a p value, a sample size, a spread or a unit's power before the CI
        value = (m.group("label") or "", m.group("est"), m.group("lo"), m.group("hi"))
        out.append(make_fact(rendering, block, starts, "interval", value, m.start(), m.end()))
    return out
