"""A small content-addressed store of pickled results under one folder.

Keys are hashes of everything that decides a result: the inputs' bytes, the rule set and the
code of lintcase itself (so a developer's edit never serves a stale result). Writes go through a
temporary file and a rename, so an interrupted run leaves no half-written entry.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from . import __version__

_CODE: list[bytes] = []


def code_hash() -> bytes:
    """Hash of lintcase's own code and data files (computed once per process)."""
    if not _CODE:
        h = hashlib.sha256(__version__.encode() + _extras())
        root = Path(__file__).parent
        for p in sorted(root.rglob("*")):
            if p.suffix in (".py", ".yaml", ".json") and "__pycache__" not in p.parts:
                h.update(str(p.relative_to(root)).encode() + b"\0" + p.read_bytes())
        _CODE.append(h.digest())
    return _CODE[0]


def _extras() -> bytes:
    """Optional packages that change results (a PDF is an error without pypdfium2)."""
    from importlib import metadata
    try:
        return b"pypdfium2=" + metadata.version("pypdfium2").encode()
    except metadata.PackageNotFoundError:
        return b"pypdfium2=none"


def get(folder: Path | None, key: str):
    if folder is None:
        return None
    try:
        return pickle.loads((folder / key[:2] / key).read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError):
        return None


def put(folder: Path | None, key: str, value) -> None:
    if folder is None:
        return
    path = folder / key[:2] / key
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError:
        pass  # a read-only cache folder only costs speed


def default_folder() -> Path:
    """Outside the checked tree, so a run never writes next to the user's files."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lintcase"


def write_atomic(path: Path, data) -> None:
    """A unique temporary file beside `path`, then a rename; removed if anything goes wrong
    (Ctrl-C included), so readers see the old file or the new one, never half of one. `data`
    is bytes or an iterable of bytes (written as it comes)."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            if isinstance(data, bytes):
                f.write(data)
            else:
                for piece in data:
                    f.write(piece)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
