"""Reference lists of plain-text renderings.

Lines after the reference heading are grouped into entries: an entry starts at a label ("12.",
"[12]", a bare "12." line whose text follows later), a bullet, or, in author-year lists, at a
line that opens with a surname and initials. Runs that look like prose (no label, no author
opening) are handed back as ordinary lines: back matter that the PDF placed inside the list.
"""
from __future__ import annotations

import re

from ...model import Reference, Source
from .lines import SENTENCE_END, Line, build_text, segments

_LABEL = re.compile(r"(?:\[(\d{1,4})\]|(\d{1,4})\.)(?:\s+|$)|(\d{1,4})\s+(?=[A-Z][\w'’\-]+,?\s+[A-Z])")
_BULLET = re.compile(r"[-*•·▪◦‣]\s+")
_PARTICLE = r"(?:(?:van|von|de|der|den|da|das|do|dos|del|della|di|du|la|le|el|al|ten|ter)\s+)*"
_PERSON_START = _PARTICLE + r"[A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?,?\s+(?:[A-Z]\.|[A-Z]{1,4}\b[,.]?)"
_AUTHOR_START = re.compile(_PERSON_START + r"|[A-Z][\w&'’\- ]{1,60}\.\s+\(?(?:19|20)\d\d")
# A person's name with all its initials, then what follows a name in a list (not "Indian J. Nat.
# Prod. Resour.", a journal's name at the start of an entry's tail)
_PERSON = re.compile(_PARTICLE + r"[A-Z][\w'’\-]+(?: [A-Z][\w'’\-]+)?,? (?:[A-Z]\.?-?\s?){1,4}"
                     r"(?=[,;(&]|\s(?:and|&)\b|\s*$)")
_TWO_NAMES = re.compile(r"(?:[A-Z][\w'’\-]+ ){1,2}[A-Z]{1,3}, (?:[A-Z][\w'’\-]+ ){1,2}[A-Z]{1,3}[,.]"
                        r"|[A-Z][\w'’\-]+, (?:[A-Z]\.-?)+[;,] (?:and |& )?[A-Z][\w'’\-]+, [A-Z]\.")
_YEAR = re.compile(r"(?<![\d/.])(?:19|20)\d\d(?![\d/])")
_HEADING = re.compile(r"[A-Z][\w'’ ]{2,60}")
_PAGE_COUNT = re.compile(r"(?:page\s+)?\d{1,3}\s+of\s+\d{1,3}", re.I)  # "11 of 12": a page footer
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"<>]+")
_PMID = re.compile(r"PMID:?\s*(\d{5,9})", re.I)


def parse(source: Source, lines: list[Line], keep: list[bool], md: bool):
    """(references, left-over lines that are not part of the list)."""
    entries: list[list] = []  # [label, lines, is_ref]
    pending: list[str] = []
    rest: list[Line] = []
    cur, gap = None, False
    for i, ln in enumerate(lines):
        if not keep[i] or _PAGE_COUNT.fullmatch(ln.text.strip()):
            continue
        if not ln.text:
            gap = True
            if cur is not None and not cur[2]:
                cur = None
                rest.append(ln)
            continue
        nxt = _next_text(lines, keep, i)
        cur = _place(ln, nxt, cur, entries, pending, rest, gap)
        gap = False
    refs = [_reference(source, e, md) for e in entries if e[1]]
    return _number(refs), rest


def _next_text(lines: list[Line], keep: list[bool], i: int) -> str:
    for j in range(i + 1, min(i + 4, len(lines))):
        if keep[j] and lines[j].text:
            return lines[j].text
    return ""


def _place(ln: Line, nxt: str, cur, entries: list, pending: list, rest: list, gap: bool):
    """Put one line in an entry or in the left-overs; returns the entry now open."""
    t = ln.text
    m = _LABEL.match(t)
    if m and m.end() >= len(t.rstrip()):
        pending.append(m.group(1) or m.group(2) or m.group(3))
        return None
    label = (m.group(1) or m.group(2) or m.group(3)) if m else None
    if label is not None or _BULLET.match(t):
        skip = m.end() if m else _BULLET.match(t).end()
        entry = [label or "", [(ln, skip)], True]
        entries.append(entry)
        return entry
    prose_open = cur is not None and not cur[2]
    # In a numbered list an unnumbered line opens an entry only with a person's name: one that
    # opens like a group author and a year ("Afr Zool. 2021:1-8.") ends the entry before it.
    numbered = cur is not None and cur[2] and bool(cur[0])
    person = bool(_PERSON.match(t))  # a person's name and initials: an entry even after prose
    if _starts_entry(t, nxt, cur) and (person or not prose_open) and (person or not numbered):
        entry = [pending.pop(0) if pending else "", [(ln, 0)], True]
        entries.append(entry)
        return entry
    if cur is not None and cur[2] and not _heading(cur, t) and _continuation(cur, t, gap):
        cur[1].append((ln, 0))
        return cur
    if pending and cur is None:
        entry = [pending.pop(0), [(ln, 0)], True]
        entries.append(entry)
        return entry
    rest.append(ln)
    return [None, [], False]


def _starts_entry(t: str, nxt: str, cur) -> bool:
    if not _AUTHOR_START.match(t):
        return False
    if cur is not None and cur[2] and not re.search(r"[.)\]\d]$|\w{2,}$", cur[1][-1][0].text):
        return False
    if _YEAR.search(t) or _YEAR.search(nxt[:40]):
        return True
    # "Carmen Z, Daniel S. Textile organic dyes..." or "Kebaabetswe, P.M.; Stirratt, M.J.; ..."
    # (the year lines below): two names after an entry that ended with a full stop
    ended = not (cur and cur[1]) or re.search(r"[.)\]\d]$", cur[1][-1][0].text.rstrip())
    return ended and bool(_TWO_NAMES.match(t))


def _heading(cur, t: str) -> bool:
    """A heading after the list ("Acknowledgements"), not a line of words inside an entry that
    is still open ("Efficiency of three / PCR based marker systems for detecting DNA ...")."""
    last = cur[1][-1][0].text.rstrip() if cur[1] else "."
    return bool(_HEADING.fullmatch(t)) and bool(re.search(r"[.)\]\d]$", last))


def _continuation(cur, t: str, gap: bool) -> bool:
    """A line belongs to the open entry unless the entry looks finished and this is prose."""
    last = cur[1][-1][0].text
    if len(cur[1]) >= 12:
        return False
    if gap and (SENTENCE_END.search(last) or re.search(r"\d$", last) or _DOI.search(last)):
        return False
    return not (SENTENCE_END.search(last) and _DOI.search(last) and t[:1].isupper()
                and not _DOI.match(t))


def _number(refs: list[Reference]) -> tuple[Reference, ...]:
    """Lists numbered in part (seed 000 bullets 1-8, numbers from 9): fill the gaps."""
    if not any(r.label for r in refs):
        return tuple(refs)
    out, prev = [], 0
    for r in refs:
        label = r.label
        if not label:
            label = str(prev + 1)
            r = Reference(**{**r.__dict__, "label": label})
        prev = int(label) if label.isdigit() else prev
        out.append(r)
    return tuple(out)


def _reference(source: Source, entry: list, md: bool) -> Reference:
    label, parts = entry[0], entry[1]
    lines = [ln for ln, _ in parts]
    text = build_text(source, segments(lines, parts[0][1]), md).strip()
    s = re.sub(r"\*+|_{2,}", "", text.text)
    doi = _DOI.search(s)
    pmid = _PMID.search(s)
    fields = _fields(s)
    return Reference(text=text, label=label, doi=doi.group().rstrip(".,;)]") if doi else "",
                     pmid=pmid.group(1) if pmid else "", **fields)


def printed_fields(s: str) -> dict:
    """Authors, title, source, year, volume and pages of one entry given as printed text."""
    return _fields(s)


def _fields(s: str) -> dict:
    """Authors, title, source, year, volume and pages of one formatted entry."""
    quoted = re.search(r"[“\"](.+?)[,.]?[”\"]", s)
    paren_year = re.search(r"\(((?:1[5-9]|20)\d\d)[a-z]?\)", s)
    if quoted:
        authors, title, after = s[:quoted.start()], quoted.group(1), s[quoted.end():]
        src = re.split(r",\s*(?:vol\.|no\.|pp?\.|\d)", after.strip(" ,"), maxsplit=1)[0]
    elif paren_year and paren_year.start() < 400 and not _vancouver_authors(s):
        authors = s[:paren_year.start()]
        title, src = _title_source(s[paren_year.end():].lstrip(" .,:"))
    else:
        va = _vancouver_authors(s)
        authors = va.group() if va else ""
        title, src = _title_source(s[len(authors):])
    year = paren_year.group(1) if paren_year else _first_year(s)
    vol, pages = _volume_pages(s, year)
    return {"authors": _names(authors), "title": title.strip(" .,"), "source": src.strip(" .,;"),
            "year": year, "volume": vol, "pages": pages}


def _vancouver_authors(s: str):
    return re.match(r"(?:[^,.()]{2,40}?\s[A-Z]{1,4}(?:-[A-Z])?,\s)*"
                    r"(?:[^,.()]{2,40}?\s[A-Z]{1,4}(?:-[A-Z])?|et al|[^,.()]{2,40},?\set al)\.(?=\s)", s)


def _title_source(rest: str) -> tuple[str, str]:
    parts = re.split(r"(?<=[a-z0-9\)\]?])[.?]\s+(?=[A-Z(*])", rest.strip(), maxsplit=2)
    title = parts[0] if parts else ""
    src = parts[1] if len(parts) > 1 else ""
    src = re.split(r"[;,]?\s*\(?(?:19|20)\d\d|,\s*\d|\s\d+[(:]", src, maxsplit=1)[0]
    return title, src


def _first_year(s: str) -> str:
    s = _DOI.sub("", s)
    m = _YEAR.search(s)
    return m.group() if m else ""


def _volume_pages(s: str, year: str) -> tuple[str, str]:
    s = _DOI.sub("", s)
    v = re.search(r"\bvol\.\s*(\d+)", s)
    p = re.search(r"\bpp?\.\s*(e?\d+(?:\s*[–-]\s*e?\d+)?)", s)
    if v:
        return v.group(1), p.group(1) if p else ""
    for m in re.finditer(r"(?<![\w/.])(\d{1,5})\s*(?:\(([\w–-]{1,12})\))?\s*[:,]\s*"
                         r"(e?\d+[A-Za-z]?(?:\s*[–-]\s*e?\d+)?)", s):
        if m.group(1) != year:
            return m.group(1), m.group(3)
    return "", ""


def _names(authors: str) -> tuple[str, ...]:
    """Surname + initials ("Arends J") from Vancouver, APA or IEEE author lists."""
    a = authors.strip(" .,")
    if not a:
        return ()
    apa = re.findall(r"([A-Z][\w'’\- ]*?),\s((?:[A-Z]\.\s?-?)+)", a)
    if apa:
        return tuple(f"{sn.strip()} {re.sub('[^A-Z]', '', ini)}" for sn, ini in apa)
    ieee = re.findall(r"((?:[A-Z][a-z]?\.\s?-?)+)\s*([A-Z][\w'’\-]+(?:\s[A-Z][\w'’\-]+)?)", a)
    if ieee and re.match(r"[A-Z][a-z]?\.", a):
        return tuple(f"{sn} {re.sub('[^A-Z]', '', ini)}" for ini, sn in ieee)
    out = []
    for part in re.split(r",\s*|\s+and\s+|\s*&\s*", a):
        part = part.strip(" .")
        if part and part.lower() != "et al":
            out.append(part)
    return tuple(out)
