"""A small content-addressed store of pickled results under one folder.

Keys are hashes of everything that decides a result: the inputs' bytes, the rule set and the
code of lintcase itself (so a developer's edit never serves a stale result). Writes go through a
temporary file and a rename, so an interrupted run leaves no half-written entry. Reports and
baselines go through `write_output`, which does that only for regular files.

Unpickling runs code named in the data, so whoever can write the cache folder could run code in
every later lintcase run: a folder is used only when it belongs to the user and nobody else may
write it (`safe_folder`; it is created private), else the run goes without the cache and says
so once. The store is kept under MAX_BYTES (the entries least recently used go first), and
`lintcase clean` removes it.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
import stat
import sys
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


MAX_BYTES = 1 << 30  # the cache's size cap: 1 GiB
ENTRY = re.compile(r"[0-9a-f]{64}")


def safe_folder(folder: Path) -> tuple[Path | None, str]:
    """(folder, "") when the cache may be used: created private when missing, else owned by
    this user and writable by nobody else; otherwise (None, why)."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = folder.stat()
    except OSError as e:
        return None, f"cache folder {folder}: {e.strerror or e}; running without the cache"
    mine = not hasattr(os, "getuid") or st.st_uid == os.getuid()
    if not mine or st.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        who = "belongs to another user" if not mine else "is writable by other users"
        return None, (f"cache folder {folder} {who}: running without the cache (a cached "
                      f"entry is unpickled, and could run code); use a private --cache-dir")
    return folder, ""


def entries(folder: Path) -> list[Path]:
    """The cache's own entry files (xx/<64 hex>), never anything else in the folder."""
    return [p for d in folder.glob("??") if d.is_dir() for p in d.iterdir()
            if ENTRY.fullmatch(p.name) and p.name[:2] == d.name and p.is_file()]


def prune(folder: Path | None, limit: int = MAX_BYTES) -> int:
    """Delete the least recently used entries until the cache holds at most 80% of `limit`
    bytes, when it holds more than `limit`; returns how many were deleted."""
    if folder is None or not folder.is_dir():
        return 0
    sized = []
    for p in entries(folder):
        try:
            st = p.stat()
        except OSError:
            continue
        sized.append((max(st.st_atime, st.st_mtime), st.st_size, p))
    total = sum(size for _, size, _ in sized)
    if total <= limit:
        return 0
    gone = 0
    for _, size, p in sorted(sized):
        if total <= 0.8 * limit:
            break
        try:
            p.unlink()
        except OSError:
            continue
        total -= size
        gone += 1
    return gone


def clean(folder: Path) -> tuple[int, int]:
    """Remove every cache entry under `folder` (and the empty entry folders): (files, bytes)."""
    files = size = 0
    for p in entries(folder) if folder.is_dir() else []:
        try:
            size += p.stat().st_size
            p.unlink()
            files += 1
        except OSError:
            continue
    for d in folder.glob("??") if folder.is_dir() else []:
        try:
            d.rmdir()
        except OSError:
            pass  # not empty: something that is not ours is in it
    return files, size


def default_folder() -> Path:
    """Outside the checked tree, so a run never writes next to the user's files."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lintcase"


def write_output(target: str | Path, data) -> None:
    """Write a report or baseline where the user said: "-" is standard output; a regular file
    (or a symlink to one: its target) is replaced atomically, keeping an existing file's mode
    (a new file gets the umask's usual mode, not mkstemp's 0600); anything else (a device, a
    FIFO, /dev/stdout) is written through, never replaced."""
    if str(target) == "-":
        _pour(sys.stdout.buffer, data)
        sys.stdout.buffer.flush()
        return
    path = Path(os.path.realpath(target))  # a symlink is written through to its target
    try:
        st = path.stat()
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        with open(path, "wb") as f:
            _pour(f, data)
        return
    write_atomic(path, data, mode=stat.S_IMODE(st.st_mode) if st else 0o666 & ~_umask(),
                 owner=(st.st_uid, st.st_gid) if st else None)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _pour(f, data) -> None:
    if isinstance(data, bytes):
        f.write(data)
    else:
        for piece in data:
            f.write(piece)


def write_atomic(path: Path, data, mode: int | None = None, owner=None) -> None:
    """A unique temporary file beside `path`, then a rename; removed if anything goes wrong
    (Ctrl-C included), so readers see the old file or the new one, never half of one. `data`
    is bytes or an iterable of bytes (written as it comes). `mode` and `owner` (uid, gid) are
    given to the file before it takes the place of the old one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            _pour(f, data)
            if mode is not None:
                os.fchmod(f.fileno(), mode)
            if owner is not None and owner != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(f.fileno(), *owner)
                except OSError:
                    pass  # only root may give a file away; the mode is kept all the same
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
