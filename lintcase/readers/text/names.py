"""What author names and affiliations look like in plain text: the patterns that both the
front-matter reader (which lines are authors) and the metadata reader (the names in them) use."""
from __future__ import annotations

import re

LETTER = r"[^\W\d_]"
_PARTICLE = r"(?:de|da|do|dos|das|di|del|della|van|von|der|den|le|la|du|e|y|bin|al)\s+"
NAME = re.compile(rf"(?:[A-Z](?:{LETTER}|['’\-‐‑])*\.?\s+(?:{_PARTICLE}){{0,2}}){{1,4}}"
                  rf"[A-Z](?:{LETTER}|['’\-‐‑])*{LETTER}")
# "Borugă O", "Gruia AT": surname first, initials after (some journals print authors so)
SURNAME_INITIALS = re.compile(rf"[A-Z]{LETTER}+(?:[\-'’][A-Z]?{LETTER}+)*\s+[A-Z]{{1,3}}")
AUTHOR = re.compile(rf"{NAME.pattern}|{SURNAME_INITIALS.pattern}(?![\w.])")
AFFIL = re.compile(r"\b(?:Department|Dept\.|Universit|Institut|Hospital|College|School|Facult"
                   r"|Laborator|Cent(?:re|er)|Division|Unit\b|Ltd|Inc\b|Academy|Clinic|Ministry)")
AFF_MARK = re.compile(r"(?:^|(?<=,\s)|(?<=;\s))(\d{1,2}|[a-z]|[*†‡§])\s*(?=[A-Z])")
