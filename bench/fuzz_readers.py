"""Coverage-guided fuzzing of the readers with atheris (libFuzzer for Python).

    .venv/bin/pip install atheris
    .venv/bin/python bench/fuzz_readers.py -max_total_time=600            # ten minutes
    .venv/bin/python bench/fuzz_readers.py -max_total_time=120 my-corpus/ # keep what it learns

libFuzzer options pass straight through (-max_total_time, -runs, -jobs, -max_len, -timeout,
-rss_limit_mb...). Without a corpus folder the script starts from a scratch folder seeded with
slices of the seed documents, so the fuzzer begins from real JATS, PDF text and HTML.

The first byte of each input picks how the rest is presented to `lintcase.readers.read`: as is,
inside a JATS article's paragraph, inside an HTML page's article, or after a PDF-text front
matter. A crash is anything the contract forbids:

* an exception other than `ReadError` escaping `read`;
* a `ReadError` that a reader's catch-all made out of an unexpected exception (its reason starts
  "cannot read the JATS XML:", "cannot read the HTML page:" or "cannot read as"): the reader
  tripped over the input, which the contract hides from users but a fuzzer should report;
* a Span of any block, reference or metadata Text outside its file;
* a fact extractor raising on a Rendering;
* (libFuzzer's own) a run over -timeout seconds or over -rss_limit_mb memory.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["lintcase"]):
    from lintcase import facts
    from lintcase.readers import ReadError, read
    # read() imports the readers lazily; import them here so that they are instrumented too
    # (each format's reader module imports the rest of its package)
    import lintcase.readers.html.reader  # noqa: F401
    import lintcase.readers.jats.reader  # noqa: F401
    import lintcase.readers.text.reader  # noqa: F401

ROOT = Path(__file__).resolve().parent.parent
SCRATCH_ROOT = Path("/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir())
# libFuzzer ends the process with exit(), so no Python clean-up runs: remove the scratch folders
# of earlier runs whose process is gone, then make this run's (named after its pid).
for _old in SCRATCH_ROOT.glob("lintcase-fuzz-*"):
    try:
        os.kill(int(_old.name.rsplit("-", 1)[1]), 0)
    except (ValueError, ProcessLookupError):
        shutil.rmtree(_old, ignore_errors=True)
    except PermissionError:
        pass
SCRATCH = SCRATCH_ROOT / f"lintcase-fuzz-{os.getpid()}"
SCRATCH.mkdir(exist_ok=True)
TARGET = SCRATCH / "input"
WRAPPED_REASONS = ("cannot read the JATS XML:", "cannot read the HTML page:", "cannot read as ")

JATS_HEAD = (b'<?xml version="1.0" encoding="UTF-8"?>\n<article article-type="case-report"><front>'
             b'<article-meta><article-id pub-id-type="doi">10.1/fuzz</article-id><title-group>'
             b'<article-title>Fuzz</article-title></title-group></article-meta></front><body><sec>'
             b'<title>Case</title><p>')
JATS_TAIL = b"</p></sec></body></article>\n"
HTML_HEAD = (b'<!DOCTYPE html><html><head><title>Fuzz</title><meta name="citation_doi" '
             b'content="10.1/fuzz"></head><body><article><h1>Fuzz</h1><p>')
HTML_TAIL = b"</p></article></body></html>\n"
PDF_HEAD = (b"OPEN ACCESS\nEDITED BY\nA. Person\n\nRECEIVED 1 March 2024\ndoi: 10.1/fuzz\n\n"
            b"1 Introduction\n")


def present(data: bytes) -> bytes:
    if not data:
        return data
    mode, rest = data[0] % 4, data[1:]
    if mode == 1:
        return JATS_HEAD + rest + JATS_TAIL
    if mode == 2:
        return HTML_HEAD + rest + HTML_TAIL
    if mode == 3:
        return PDF_HEAD + rest + b"\n\f2\n"
    return rest


def check_spans(r) -> None:
    lines = r.source.text.split("\n")
    texts = [b.text for b in r.blocks] + [ref.text for ref in r.references]
    m = r.meta
    texts += [t for t in (m.doi, m.title, m.journal, m.volume, m.elocation) if t is not None]
    texts += [*m.authors, *m.affiliations, *m.keywords, *m.funding, *m.notes]
    texts += [t for _, _, t in m.dates]
    for t in texts:
        n = len(t.text)
        for a, b in ((0, n), (0, min(1, n)), (max(0, n - 1), n)):
            sp = t.span(a, b)
            ok = (sp.path == r.path and 1 <= sp.line <= sp.end_line <= len(lines)
                  and 1 <= sp.column <= len(lines[sp.line - 1]) + 1
                  and 1 <= sp.end_column <= len(lines[sp.end_line - 1]) + 1
                  and (sp.line, sp.column) <= (sp.end_line, sp.end_column))
            if not ok:
                raise AssertionError(f"span {sp} of {t.text[:60]!r}[{a}:{b}] is outside the file")


def TestOneInput(data: bytes) -> None:
    TARGET.write_bytes(present(data))
    try:
        r = read(TARGET)
    except ReadError as e:
        if e.reason.startswith(WRAPPED_REASONS):
            raise AssertionError(f"a reader tripped over the input: {e.reason}") from e
        return
    check_spans(r)
    for kind in facts.EXTRACTORS:
        facts.facts(r, kind)


def seed_corpus() -> str:
    """A scratch corpus folder with slices of the seed documents (and a few hostile openers)."""
    folder = SCRATCH / "corpus"
    folder.mkdir(exist_ok=True)
    n = 0
    for seed in sorted((ROOT / "seeds").glob("*")):
        data = seed.read_bytes()
        for size in (2048, 8192, 32768):
            (folder / f"{seed.stem}-{size}").write_bytes(b"\x00" + data[:size])
            n += 1
    for i, extra in enumerate((b"\x01the the patient was followed for 44 months",
                               b"\x02<b>x</b>&amp;&ndash;<table><tr><td>1",
                               b"\x03Figure 1. A figure-\ncaption\f3\nReferences\n1. A B. C. D 2020;1:2.",
                               b'\x00<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/hostname">]><article>&x;',
                               b"\x00\xff\xfe<\x00a\x00r\x00t\x00")):
        (folder / f"extra-{i}").write_bytes(extra)
    return str(folder)


def main() -> None:
    args = list(sys.argv)
    if not any(a.startswith("-max_len") for a in args):
        args.append("-max_len=65536")
    if not any(a.startswith("-timeout") for a in args):
        args.append("-timeout=20")  # a read slower than this on < 64 KB is a finding
    if not any(not a.startswith("-") for a in args[1:]):
        args.append(seed_corpus())
    atheris.Setup(args, TestOneInput)
    atheris.Fuzz()  # never returns; the next run removes SCRATCH


if __name__ == "__main__":
    main()
