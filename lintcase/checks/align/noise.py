"""What makes a difference between two renderings noise, not a finding: see the kind's
docstring. A changed digit is never noise."""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Levenshtein

from ...facts.words import FOLD
from .detour import _line_runs, _numbered

# What PDF fonts turn symbols into in the extracted text, seen on the corpus pairs (checked
# against rendered pages): "SVL = 37" -> "SVL537", "1×" -> "19", "−1.4" -> "21.4",
# "00′33" -> "00933", "∼2 g" -> ",2 g", "∑Pi" -> "P"; and the Symbol-font mapping of many PDFs
# (PLOS, MDPI, OUP, the Royal Society, RSC, SAGE, BMC, Frontiers): "=" -> "¼", "20°C" ->
# "20uC", "1920×1080" -> "192061080", "TTA→TAA" -> "TTARTAA", "OptiMEM®" -> "OptiMEMH",
# "BioFire®" -> "BioFire R". Only these stand-ins are accepted.
SYMBOL_ALIASES = {"=": "[5¼]?", "×": "[9x6]?", "−": "[2]?", "–": "[2]?", "′": "[09]?",
                  "″": "0{0,2}", "°": "[9ou]?", "±": "[6]?", "→": "[r]?", "®": "[hr]?",
                  "∼": "", "~": "", "∑": "[p]?",
                  "≤": "", "≥": "", "<": "", ">": "", "·": "", "•": "", "†": "", "‡": "",
                  "%": "", "+": "", "/": "", "µ": "[l]?", "μ": "[l]?", "γ": "[cg]?",
                  "α": "[a]?", "β": "[b]?"}
# Resolver prefixes a rendering may print before a DOI that another leaves out.
DOI_PREFIXES = {"httpsdoiorg", "httpdxdoiorg", "httpsdxdoiorg", "doi", "httpdoiorg"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


class Noise:
    """Pair's tests of a difference for rendering noise (a mixin: Pair holds the state)."""

    def _noise(self, xs: list[int], ps: list[int], near: list[int] = ()) -> bool:
        X, P = self.X, self.P
        xk = "".join(X[i].key for i in xs if not _numbered(X[i]))
        pk = "".join(P[j].key for j in ps)
        if xk == pk or "".join(X[i].key for i in xs) == pk:
            return True  # split/joined words, citation numbers left out or run into a word
        if any(X[i].citation for i in xs) and pk.isdigit() and not xk:
            return True  # citations set as "14-16" against "14, 15, 16"
        if not xs:
            return (self._displaced(ps) or self._citation_numbers(ps, near)
                    or self._overprinted("", ps) or bool(self.doi and self.doi in pk)
                    or pk in DOI_PREFIXES or self._front_matter(ps) or self._symbol_stand_in(pk, near))
        if xs and all(X[i].math for i in xs) and sorted(xk) == sorted(pk):
            return True  # inline mathematics: same symbols, set in another order
        if not ps and xs and all(X[i].math for i in xs):
            return True  # a formula whose glyphs the PDF text layer lost
        if ps and (self._interleaved(xk, ps) or self._overprinted(xk, ps)
                   or self._symbol_glyphs(xs, pk)):
            return True
        if not ps:
            return self._elsewhere(xs)
        if len(xs) == 1 == len(ps) and not any(c.isdigit() for c in xk + pk):
            if len(pk) == len(xk) - 1 >= 3 and Levenshtein.distance(xk, pk) == 1:
                return True  # one glyph the PDF's font lost (a changed letter is an edit: DNA/RNA)
            if not xk.isascii() and Levenshtein.distance(xk, pk) <= 2:
                return True  # Greek letters and symbols set in a font the text layer lost
        return False

    def _displaced(self, ps: list[int]) -> bool:
        """Extra words of the other rendering that belong to another paragraph or page furniture."""
        keys = [self.pkeys[j] for j in ps]
        if "".join(keys) in self.headings:
            return True
        in_floats = sum(1 for k in keys if k in self.float_words)
        if in_floats == len(keys) and (len(keys) > 1 or self._debris(keys[0])) \
                and not self._mid_line(ps):
            return True  # table cells, figure labels and captions flattened into the text
        if len(keys) >= 5 and in_floats >= 0.7 * len(keys):
            return True  # a table (its title, header and numbers) set inside the paragraph
        if len(keys) < 3:
            return all(k.isdigit() for k in keys)
        grams = list(zip(keys, keys[1:], keys[2:]))
        found = sum(1 for g in grams if self.x3[g] or self.p3[g] > 2)
        return found >= 0.5 * len(grams)

    def _mid_line(self, ps: list[int]) -> bool:
        """One or two words that share a source line with the running text around them: a
        float's text comes as lines of its own, not in mid-sentence."""
        P = self.P
        a, b = ps[0] - 1, ps[-1] + 1
        if len(ps) > 2 or a < 0 or b >= len(P) or not P[a].block == P[ps[0]].block == P[b].block:
            return False
        text = self.other.blocks[P[a].block].text
        first, last = text.span(P[ps[0]].start, P[ps[-1]].end), text.span(P[a].start, P[b].end)
        return first.line == first.end_line and first.line in (last.line, last.end_line)

    def _debris(self, key: str) -> bool:
        """A lone token that looks like a table cell or figure label, not a prose word."""
        return any(c.isdigit() for c in key) or key not in self.prose_words

    def _front_matter(self, ps: list[int]) -> bool:
        """A correspondence or affiliation footnote of the PDF's first page in the text flow."""
        P = self.P
        blocks = {P[j].block for j in ps}
        return any(EMAIL.search(self.other.blocks[b].text.text[P[ps[0]].start:P[ps[-1]].end]
                                if b == P[ps[0]].block else self.other.blocks[b].text.text)
                   for b in blocks)

    def _symbol_stand_in(self, pk: str, near: list[int]) -> bool:
        """One short token where the reference has a symbol between the same words: the PDF's
        font printed the symbol as a letter or digit ("∑" -> "P", "⋎" -> "g")."""
        X = self.X
        if len(pk) > 2 or len(near) != 2 or not all(0 <= i < len(X) for i in near):
            return False
        left, right = X[near[0]], X[near[1]]
        if left.block != right.block:
            return False
        between = self.ref.blocks[left.block].text.text[left.end:right.start]
        for ch in between:
            alias = SYMBOL_ALIASES.get(ch)
            if alias is not None and alias and re.fullmatch(alias, pk):
                return True
            if alias is None and unicodedata.category(ch).startswith("S") and pk.isalpha():
                return True
        return False

    def _overprinted(self, xk: str, ps: list[int]) -> bool:
        """Words a PDF draws twice (fake bold) come out doubled: "The The isolated isolated"."""
        keys = [self.pkeys[j] for j in range(max(0, ps[0] - 1), min(len(self.P), ps[-1] + 2))]
        single = [k for i, k in enumerate(keys) if i == 0 or k != keys[i - 1]]
        if len(single) == len(keys):
            return False
        inner = [self.pkeys[j] for j in ps]
        inner = [k for i, k in enumerate(inner) if i == 0 or k != inner[i - 1]]
        return "".join(inner) == xk or (not xk and len(single) < len(keys)
                                        and all(k in keys[:1] + keys[-1:] for k in inner))

    def _symbol_glyphs(self, xs: list[int], pk: str) -> bool:
        """Fonts whose symbols map to digits in the text layer ("SVL = 37" -> "SVL537",
        "−1.4" -> "21.4"): a symbol in the reference stands where the other has one character."""
        X = self.X
        if len({X[i].block for i in xs}) != 1:
            return False
        text = self.ref.blocks[X[xs[0]].block].text.text
        a, b = X[xs[0]].start, X[xs[-1]].end
        while a > 0 and text[a - 1] in SYMBOL_ALIASES:  # "(−1.4": the sign belongs to it
            a -= 1
        while b < len(text) and text[b] in SYMBOL_ALIASES:  # "1×", "2′"
            b += 1
        parts, symbols = [], 0
        for ch in text[a:b]:
            if ch in SYMBOL_ALIASES:
                symbols += 1
                parts.append(SYMBOL_ALIASES[ch])
            elif ch.isalnum():
                parts.append(re.escape(ch.translate(FOLD).casefold()))
        return symbols > 0 and re.fullmatch("".join(parts), pk) is not None

    def _interleaved(self, xk: str, ps: list[int]) -> bool:
        """The reference words, split around a run of another column's line (two-column PDFs
        interleave lines, even inside a hyphenated word: "medic<line of column 2>inal")."""
        pk = "".join(self.pkeys[j] for j in ps)
        if len(pk) <= len(xk):
            return False
        a = 0
        while a < len(xk) and xk[a] == pk[a]:
            a += 1
        b = 0
        while b < len(xk) - a and xk[-1 - b] == pk[-1 - b]:
            b += 1
        if a + b < len(xk) or any(c.isdigit() for c in xk):
            return False
        inner, pos = [], 0
        for j in ps:  # the other rendering's words lying wholly inside the foreign middle
            k = self.pkeys[j]
            if pos >= a and pos + len(k) <= len(pk) - b:
                inner.append(j)
            pos += len(k)
        return bool(inner) and self._displaced(inner)

    def _elsewhere(self, xs: list[int]) -> bool:
        """Reference words that the other rendering has, but elsewhere (reading order)."""
        X = self.X
        if all(_numbered(X[i]) for i in xs):
            return True
        keys = [X[i].key for i in xs if not _numbered(X[i])]
        if len(keys) < 3:
            return False
        grams = list(zip(keys, keys[1:], keys[2:]))
        if sum(1 for g in grams if self.p3[g]) >= 0.8 * len(grams):
            return True
        # Its lines interleaved with another column's: then every word, not most, must be read
        # there in a 3-gram, so an inserted, dropped or changed word or digit is never noise.
        skip = self._skip_grams()
        full = [X[i].key for i in xs]
        found = [bool(self.p3[g] or g in skip) for g in zip(full, full[1:], full[2:])]
        return all(any(found[max(0, k - 2):k + 1]) for k, i in enumerate(xs) if not _numbered(X[i]))

    def _skip_grams(self) -> set:
        """The other rendering's 3-grams across a line end that skip the next line, a word
        hyphenated there joined again ("cho-" + "sen"): two-column text extracted line by line
        reads this way."""
        if self._skip is None:
            frags = self._fragments(0, len(self.P))
            runs = [frags[a:b] for a, b in _line_runs(frags, 0, len(frags))]
            self._skip = set()
            for i, j in ((i, j) for i in range(len(runs)) for j in (i + 2, i + 3)
                         if j < len(runs)):  # a short line shifts the alternation by one
                a, b = [f[0] for f in runs[i][-2:]], [f[0] for f in runs[j][:3]]
                joined = a[:-1] + [a[-1] + b[0]] + b[1:]  # a word hyphenated at the line end
                split = runs[i + 1][0][2] == runs[i][-1][2]  # its hyphen already dropped
                for junction in (joined,) if split else (joined, a + b):
                    self._skip.update(zip(junction, junction[1:], junction[2:]))
        return self._skip

    def _citation_numbers(self, ps: list[int], near: list[int]) -> bool:
        """Bare numbers in the other rendering where the reference has a citation beside them."""
        limit = max(len(self.ref.references), 1)
        numbers = [self.pkeys[j] for j in ps]
        if not all(k.isdigit() and int(k) <= limit for k in numbers):
            return False
        return any(0 <= i < len(self.X) and self.X[i].citation for i in near)
