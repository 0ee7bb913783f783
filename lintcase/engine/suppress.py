"""Inline suppressions written in a rendering's own comments (XML, HTML, Markdown):

    <!-- lintcase: disable=LC201 -->          the next block only
    <!-- lintcase: disable-file=LC101,LC4 --> from here to the end of the file (or an enable)
    <!-- lintcase: enable=LC101 -->           ends a disable-file for those rules
A directive without codes applies to every rule. Codes may be codes, names, prefixes or groups
(rulebook.select decides, as for --select). Directives that suppress nothing are reported
(LC902), so stale ones do not pile up; a directive that names no known rule, or a
`<!-- lintcase: ... -->` comment that is no directive (a misspelt "disabel"), is reported as
LC903 with what was probably meant.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Finding, Location, Rendering
from ..rulebook import select as selectors
from .run import fingerprint

DIRECTIVE = re.compile(r"<!--\s*lintcase:\s*(disable-file|disable|enable)\b\s*(?:=\s*([\w\s,.-]*?))?\s*-->")


@dataclass
class Region:
    path: str
    codes: tuple[str, ...]      # empty: every rule
    first: int                  # lines, inclusive
    last: int
    where: Location
    used: bool = field(default=False)

    def covers(self, f: Finding, loc: Location, groups=()) -> bool:
        """Whether the region holds `loc` and names the finding's rule (whose `groups`)."""
        return loc.path == self.path and self.first <= loc.line <= self.last and (
            not self.codes or any(selectors.names(c, f.rule, f.name, groups) for c in self.codes))


def regions(rendering: Rendering) -> list[Region]:
    source = rendering.source
    if source is None or "lintcase:" not in source.text:
        return []
    out: list[Region] = []
    open_files: list[Region] = []
    last_line = source.text.count("\n") + 1
    for m in DIRECTIVE.finditer(source.text):
        action = m.group(1)
        codes = tuple(c.strip() for c in (m.group(2) or "").replace(" ", ",").split(",") if c.strip())
        line, col = source.position(m.start())
        end_line, end_col = source.position(m.end())
        where = Location(source.path, line, col, end_line, end_col, rendering.kind, "", m.group())
        if action == "disable":
            block = next((b for b in rendering.blocks if b.text.pieces
                          and b.text.source_offset(0) >= m.end()), None)
            if block is not None:
                span = block.text.span()
                out.append(Region(source.path, codes, span.line, span.end_line, where))
        elif action == "disable-file":
            region = Region(source.path, codes, line, last_line, where)
            out.append(region)
            open_files.append(region)
        else:
            for region in open_files:
                if not codes or set(codes) & set(region.codes) or not region.codes:
                    region.last = line
    return out


def apply(findings: list[Finding], renderings, rules=()) -> tuple[list[Finding], list[Region]]:
    """Findings not suppressed, and the regions that suppressed nothing; `rules` (those run)
    give each finding's groups."""
    all_regions = [r for rendering in renderings for r in regions(rendering)]
    if not all_regions:
        return findings, []
    groups = {r.code: r.groups for r in rules}
    kept = []
    for f in findings:
        hits = [r for r in all_regions for loc in f.locations
                if r.covers(f, loc, groups.get(f.rule, ()))]
        for r in hits:
            r.used = True
        if not hits:
            kept.append(f)
    return kept, [r for r in all_regions if not r.used]


def names_a_rule(region: Region, rules) -> bool:
    """Whether a suppression names a rule of this run: one for a rule that was not run is
    naturally unused, and saying so would be noise."""
    return not region.codes or any(selectors.named(r, region.codes) for r in rules)


def unused_finding(region: Region) -> Finding:
    """LC902 for a region that suppressed nothing."""
    what = ", ".join(region.codes) or "all rules"
    message = f"this suppression ({what}) matched no finding; remove it"
    return Finding(article="", rule="LC902", name="unused-suppression", severity="warning",
                   message=message, locations=(region.where,), fields=(("codes", what),),
                   fingerprint=fingerprint("LC902", region.where.path, what,
                                           str(region.where.line)))


ANY_COMMENT = re.compile(r"<!--\s*lintcase\s*:(.*?)-->", re.S)
ACTIONS = ("disable", "disable-file", "enable")


def unknown(renderings, catalog) -> list[Finding]:
    """LC903 for each lintcase comment that is not a directive, and each directive code that
    names no rule of the catalog (every loaded rule, run or not, and the engine's codes)."""
    from difflib import get_close_matches
    out = []
    for rendering in renderings:
        source = rendering.source
        if source is None or "lintcase" not in source.text:
            continue
        for m in ANY_COMMENT.finditer(source.text):
            d = DIRECTIVE.fullmatch(m.group())
            codes = () if d is None else tuple(
                c.strip() for c in (d.group(2) or "").replace(" ", ",").split(",") if c.strip())
            bad = [c for c in codes if not any(selectors.named(r, [c]) for r in catalog)]
            if d is not None and not bad:
                continue
            line, col = source.position(m.start())
            end_line, end_col = source.position(m.end())
            where = Location(source.path, line, col, end_line, end_col, rendering.kind, "",
                             m.group())
            if d is None:
                word = (m.group(1).strip().split("=")[0].split() or [""])[0]
                near = get_close_matches(word, ACTIONS, n=1)
                what = f"not a lintcase directive: {word!r}" + (
                    f" (did you mean {near[0]!r}?)" if near else
                    f" (directives: {', '.join(ACTIONS)})")
            else:
                what = "this suppression names no rule: " + "; ".join(
                    c + selectors.did_you_mean(c, catalog) for c in bad)
            out.append(Finding(article="", rule="LC903", name="unknown-suppression",
                               severity="warning", message=what, locations=(where,),
                               fields=(("directive", m.group()),),
                               fingerprint=fingerprint("LC903", source.path, m.group(), str(line))))
    return out
