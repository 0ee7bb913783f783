"""The readers' registry: one reader per rendering kind, each found where the registry says."""
from __future__ import annotations

import inspect

from lintcase.model import RENDERING_KINDS
from lintcase.readers import READERS


def test_every_rendering_kind_has_exactly_one_reader():
    assert sorted(READERS) == sorted(RENDERING_KINDS)


def test_every_registered_reader_loads_and_takes_the_registry_call():
    for kind, reader in READERS.items():
        function = reader.load()
        params = inspect.signature(function).parameters
        assert list(params)[0] == ("path" if reader.binary else "source"), kind
        assert {"data", "kind"} <= set(params), kind


def test_a_registered_reader_that_recognises_its_format_is_asked_first(monkeypatch):
    from lintcase.readers import Reader, sniff
    from conftest import PDF_SEED
    data = PDF_SEED.read_bytes()
    assert sniff(data) == "pdftext"
    monkeypatch.setitem(READERS, "other", Reader("text.reader:read_text",
                                                 recognise="text.sniff:looks_like_pdf_text"))
    assert sniff(data) == "other"
    assert sniff(b"<html><body><p>x</p></body></html>") == "html"
