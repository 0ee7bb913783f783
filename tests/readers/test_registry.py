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
