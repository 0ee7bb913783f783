"""What every bench script does at its end: join the report's lines, write them to --out when
given, print them, and exit 0."""
from __future__ import annotations

from pathlib import Path


def emit(lines: list[str], out: Path | None) -> int:
    text = "\n".join(lines) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    print(text)
    return 0
