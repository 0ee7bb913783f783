"""Packages and bulk archives read in place: a zip, a tar (plain, gzip, bzip2, xz) named on the
command line is listed, and each member that may be a rendering is read from the archive when
its turn comes, never unpacked to disk.

A member is named `ARCHIVE!MEMBER` ("delivery.zip!PMC123/article.xml") in every place a path
goes: discovery, grouping, chunks, findings and errors. Memory stays bounded by the largest
member read, not by the archive: a zip is read by its central directory, a tar by one pass over
its headers (kept per process: name -> offset and size), and a member's bytes are read from its
offset, no more than the reader's limit plus one byte (a member that decompresses beyond the
limit, whatever its header says, is refused). What cannot be a rendering is an input error of
that member, never a crash and never a write: a path that climbs out (`..`, an absolute name),
a link or device member, a member larger than any article, a zip member packed more than
MAX_RATIO to one (a zip bomb), a damaged or truncated archive.
"""
from __future__ import annotations

import functools
import lzma
import os
import re
import stat
import tarfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import PurePosixPath

SEPARATOR = "!"
_SUFFIX = re.compile(r"\.(?:zip|tar|tgz|tbz2?|txz|tar\.gz|tar\.bz2|tar\.xz)$", re.I)
_MEMBER = re.compile(r"^(.*?\.(?:zip|tar|tgz|tbz2?|txz|tar\.gz|tar\.bz2|tar\.xz))!(.+)$", re.I)
MAX_RATIO = 200  # deflate reaches about 10:1 on text; a bomb packs zeros a thousand to one
BOMB_FLOOR = 2**20  # a member under a megabyte is too small to hurt, whatever its ratio
# what a damaged or truncated archive raises while it is read
_DAMAGED = (zipfile.BadZipFile, tarfile.TarError, EOFError, ValueError, RuntimeError,
            NotImplementedError, zlib.error, lzma.LZMAError, OSError)


class ArchiveError(Exception):
    """The archive as a whole cannot be read (not an archive, damaged, truncated)."""


@dataclass(frozen=True)
class Member:
    path: str            # ARCHIVE!MEMBER
    problem: str = ""    # why it is not read ("" if it is)


def is_archive(path: str | os.PathLike) -> bool:
    """An existing file whose name says archive (.zip, .tar, .tgz, .tar.gz, .tar.bz2, .tar.xz);
    its content decides which kind (a zip's central directory, else a tar)."""
    return bool(_SUFFIX.search(str(path))) and os.path.isfile(path)


def split(path: str | os.PathLike) -> tuple[str, str] | None:
    """(archive, member) for a path naming an archive member, else None."""
    m = _MEMBER.match(str(path))
    return (m.group(1), m.group(2)) if m else None


def member(path: str | os.PathLike) -> tuple[str, str] | None:
    """(archive, member) for a path that names an archive member and no file on disk."""
    return split(path) if not os.path.lexists(path) else None


def folder(path: str) -> str:
    """The folder a path lies in, an archive's inside counted apart from the folder holding it:
    "d/a.zip!PMC1" for d/a.zip!PMC1/x.xml, "d/a.zip!" for d/a.zip!x.xml."""
    parts = split(path)
    if parts is None:
        return os.path.dirname(path)
    return parts[0] + SEPARATOR + PurePosixPath(parts[1]).parent.as_posix().removeprefix(".")


def name(path: str) -> str:
    """The file name alone (an archive member's, not the archive's)."""
    parts = split(path)
    return PurePosixPath(parts[1]).name if parts else os.path.basename(path)


def members(archive: str, wanted) -> tuple[list[Member], str]:
    """The archive's members whose names `wanted(name)` accepts (rendering-like names), in
    archive order, each with the problem that keeps it from being read, if any; and what damage
    ended the listing early ("" if none). ArchiveError if nothing at all can be listed."""
    entries, damage = _index(archive, *_stamp(archive))
    out = [Member(archive + SEPARATOR + e.name, e.problem) for e in entries.values()
           if wanted(e.name)]
    return out, damage


def read(path: str, limit: int) -> bytes:
    """The member's bytes, at most `limit` + 1 of them (more means: larger than allowed).
    OSError if it cannot be read."""
    archive, member = split(path)
    try:
        entry = _index(archive, *_stamp(archive))[0].get(member)
    except ArchiveError as e:
        raise OSError(str(e)) from None
    if entry is None:
        raise OSError(f"no member {member!r} in {archive}")
    if entry.problem:
        raise OSError(entry.problem)
    try:
        if entry.kind == "zip":
            with _zip(archive, *_stamp(archive), os.getpid()).open(entry.stored) as f:
                return f.read(limit + 1)
        handle = _tar_stream(archive, *_stamp(archive), os.getpid())
        handle.seek(entry.offset)
        data = handle.read(min(entry.size, limit + 1))
    except _DAMAGED as e:
        raise OSError(f"a damaged archive member ({type(e).__name__}: {e})") from None
    if len(data) < min(entry.size, limit + 1):
        raise OSError(f"a truncated archive: the member ends after {len(data)} of its "
                      f"{entry.size} bytes")
    return data


def stamp(path: str) -> str:
    """What identifies a member's content for the result cache without reading it: the
    archive's size and modification time, the member's name, offset and size (zip: CRC)."""
    archive, member = split(path)
    try:
        when = _stamp(archive)
        entry = _index(archive, *when)[0].get(member)
    except (ArchiveError, OSError) as e:
        when, entry = None, repr(e)
    return f"{archive}\0{when}\0{member}\0{entry}"


# --- the index ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Entry:
    name: str
    kind: str        # zip or tar
    offset: int      # tar: where the member's data start in the (decompressed) stream
    size: int        # the size the header declares
    check: int       # zip: CRC-32
    problem: str
    stored: str      # the name as the archive stores it


def _key(stored: str) -> str:
    """How a member is named after the "!": its path with "./" and doubled slashes gone, as
    pathlib would print it (the name travels through Path objects)."""
    return str(PurePosixPath(stored.replace("\\", "/"))) if not _problem(stored) else stored


def _stamp(archive: str) -> tuple[int, int]:
    try:
        st = os.stat(archive)
    except OSError as e:
        raise ArchiveError(f"cannot open: {e.strerror or e}") from None
    return st.st_size, st.st_mtime_ns


def _problem(name: str) -> str:
    p = PurePosixPath(name.replace("\\", "/"))
    if p.is_absolute() or re.match(r"^[A-Za-z]:", name):
        return "an archive member with an absolute path: not read"
    if ".." in p.parts:
        return "an archive member whose path climbs out of the archive ('..'): not read"
    return ""


@functools.lru_cache(maxsize=8)
def _index(archive: str, size: int, mtime: int) -> tuple[dict[str, _Entry], str]:
    """name -> entry for the archive as it is now (size and time are the cache's key), and
    the damage that ended a tar's listing early ("")."""
    from .readers import MAX_PDF_BYTES
    if zipfile.is_zipfile(archive):
        return _zip_index(archive, size, mtime, MAX_PDF_BYTES), ""
    return _tar_index(archive, MAX_PDF_BYTES)


def _zip_index(archive: str, size: int, mtime: int, limit: int) -> dict[str, _Entry]:
    try:
        infos = _zip(archive, size, mtime, os.getpid()).infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as e:
        raise ArchiveError(f"a damaged zip archive ({e})") from None
    out = {}
    for i in infos:
        if i.is_dir():
            continue
        problem = _problem(i.filename)
        mode = i.external_attr >> 16
        if not problem and stat.S_ISLNK(mode):
            problem = "a symbolic link in the archive: not followed"
        elif not problem and i.file_size > limit:
            problem = f"an archive member of {i.file_size / 2**20:.0f} MB, larger than any article"
        elif not problem and i.file_size > BOMB_FLOOR and \
                i.file_size > MAX_RATIO * max(i.compress_size, 1):
            problem = (f"an archive member packed {i.file_size // max(i.compress_size, 1)} to 1 "
                       f"(a zip bomb?): not read")
        key = _key(i.filename)
        out[key] = _Entry(key, "zip", 0, i.file_size, i.CRC, problem, i.filename)
    return out


def _tar_index(archive: str, limit: int) -> tuple[dict[str, _Entry], str]:
    out: dict[str, _Entry] = {}
    try:
        tar = tarfile.open(archive, "r:*")
    except _DAMAGED as e:
        raise ArchiveError(f"not a readable zip or tar archive ({type(e).__name__}: {e})") \
            from None
    try:
        for t in tar:  # one pass over the headers; a truncated archive raises here
            problem = _problem(t.name)
            if not problem and (t.issym() or t.islnk()):
                problem = "a link in the archive: not followed"
            elif not problem and not (t.isfile() or t.isdir()):
                problem = "a device or special file in the archive: not read"
            elif not problem and t.size > limit:
                problem = f"an archive member of {t.size / 2**20:.0f} MB, larger than any article"
            if t.isdir():
                continue
            key = _key(t.name)
            out[key] = _Entry(key, "tar", t.offset_data, t.size, 0, problem, t.name)
    except _DAMAGED as e:
        if not out:
            raise ArchiveError(f"a damaged archive ({type(e).__name__}: {e})") from None
        return out, f"a damaged or truncated archive after {len(out)} member(s): " \
                    f"{type(e).__name__}: {e}"
    finally:
        tar.close()
    return out, ""


# Open archives are kept per process (the pid is part of the key): a worker forked from the
# process that listed the archive would otherwise share its file offset with its siblings.
@functools.lru_cache(maxsize=4)
def _zip(archive: str, size: int, mtime: int, pid: int) -> zipfile.ZipFile:
    return zipfile.ZipFile(archive)


@functools.lru_cache(maxsize=4)
def _tar_stream(archive: str, size: int, mtime: int, pid: int):
    """The archive's decompressed byte stream, kept open per process: members are read in
    archive order, so each seek goes forward (a backward one restarts the decompression)."""
    import bz2
    import gzip
    import lzma
    with open(archive, "rb") as f:
        head = f.read(6)
    if head.startswith(b"\x1f\x8b"):
        return gzip.open(archive, "rb")
    if head.startswith(b"BZh"):
        return bz2.open(archive, "rb")
    if head.startswith(b"\xfd7zXZ"):
        return lzma.open(archive, "rb")
    return open(archive, "rb")
