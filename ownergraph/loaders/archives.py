"""Compressed filings and archives of filings, as EDGAR's bulk downloads come.

* A gzip-compressed filing (``0001234567-24-000001.nc.gz``) is read as the filing it holds:
  :func:`gunzip`, called by :func:`ownergraph.loaders.load_bytes`, so its facts, digest and
  filing id are those of the uncompressed file and loading both changes nothing.
* An archive of filings -- tar, plain or compressed (EDGAR's daily feed ``20241203.nc.tar.gz``,
  ``.tgz``, ``.tar.bz2``, ``.tar.xz``), or zip -- is a batch: :func:`members` yields each regular
  file in it as ``(source, bytes)``, the source naming both (``20241203.nc.tar.gz!0001234567-24-000001.nc``),
  and ``ownergraph load`` loads them one by one like the files of a directory.  An archive inside the
  archive is read too, one level deep (``outer.zip!20241203.nc.tar.gz!0001234567-24-000001.nc``).

Recognised by content (the gzip, zip and ustar magic numbers), never by file name.  Nothing is
written to disk and member names are never used as paths; each member and each decompressed filing
is capped at the file limit (:data:`ownergraph.loaders.MAX_FILE_BYTES`), so a decompression bomb is
an error naming the file, not an exhausted machine.
"""

from __future__ import annotations

import io
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path, PurePosixPath

from ..errors import LoadError

GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
_SKIP_SUFFIXES = (".json", ".md")  # what a directory walk skips too: manifests and notes beside filings


def _limit() -> int:
    from . import MAX_FILE_BYTES  # read at call time: set_limits() changes it

    return MAX_FILE_BYTES


def gunzip(data: bytes, source: str) -> bytes:
    """The bytes a gzip stream holds (every member of a multi-member stream), or a LoadError naming ``source``:
    not valid gzip, cut short, or over the file limit once decompressed."""
    limit = _limit()
    out = bytearray()
    rest = data
    while rest:
        d = zlib.decompressobj(wbits=31)
        try:
            out += d.decompress(rest, limit + 1 - len(out))
        except zlib.error as e:
            raise LoadError(source, f"not a valid gzip file ({e})") from None
        if len(out) > limit:
            raise LoadError(source, f"decompresses to over the {limit}-byte limit")
        if not d.eof:
            if d.unconsumed_tail:
                raise LoadError(source, f"decompresses to over the {limit}-byte limit")
            raise LoadError(source, "gzip file is cut short (its compressed stream has no end)")
        rest = d.unused_data.lstrip(b"\0")  # members may follow; some writers pad with zeros
        if rest and rest[:2] != GZIP_MAGIC:
            break  # trailing bytes that are not another member: ignored, as gzip(1) does
    return bytes(out)


def _is_tar(head: bytes) -> bool:
    return len(head) >= 263 and head[257:262] == b"ustar"


def is_archive_bytes(data: bytes) -> bool:
    """A zip or an uncompressed tar (what a gzip-compressed tar is once decompressed)."""
    return data[:4] == ZIP_MAGIC or _is_tar(data)


def archive_kind(head: bytes) -> str | None:
    """"zip", "tar" or "tar.gz" for the first bytes of an archive of filings (at least 512 of them), else None.
    A gzip stream that does not hold a tar is a compressed filing, not an archive."""
    if head[:4] == ZIP_MAGIC:
        return "zip"
    if _is_tar(head):
        return "tar"
    if head[:2] == GZIP_MAGIC:
        try:
            inner = zlib.decompressobj(wbits=31).decompress(head, 512)
        except zlib.error:
            return None
        return "tar.gz" if _is_tar(inner) else None
    if head[:3] in (b"BZh", b"\xfd7z"):  # bzip2 / xz: only tar archives are read in these
        return "tar"
    return None


def is_archive(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(64 * 1024)
    except OSError:
        return False
    kind = archive_kind(head)
    if kind == "tar" and head[:3] in (b"BZh", b"\xfd7z"):
        return tarfile.is_tarfile(path)
    return kind is not None


def _wanted(name: str) -> bool:
    parts = PurePosixPath(name).parts
    hidden = any(p.startswith(".") and p not in (".", "..") for p in parts)  # ".git/", ".DS_Store"
    return bool(parts) and not hidden and not name.endswith(_SKIP_SUFFIXES)


def members(path: Path) -> Iterator[tuple[str, bytes | LoadError]]:
    """Each regular file of the archive, in archive order, as ``(source, bytes)``; a member that cannot be read
    (over the size limit, or the archive breaks off at it) comes as ``(source, LoadError)`` and, when the archive
    itself is broken, ends the iteration.  An archive that cannot be opened at all raises a LoadError.

    An archive inside the archive (a zip of daily ``.nc.tar.gz`` feeds, as some mirrors serve them) is
    descended into, one level deep: its filings come as ``outer!inner!member``, each under the same file limit
    (the inner archive itself is a member, so it is under the limit too)."""
    src = str(path)
    with open(path, "rb") as fh:
        head = fh.read(4)
    with open(path, "rb") as fh:
        yield from _nested(_members_of(src, fh, head == ZIP_MAGIC))


def _nested(items: Iterator[tuple[str, bytes | LoadError]]) -> Iterator[tuple[str, bytes | LoadError]]:
    for msrc, data in items:
        if isinstance(data, bytes) and archive_kind(data[:64 * 1024]) is not None:
            try:
                yield from _members_of(msrc, io.BytesIO(data), data[:4] == ZIP_MAGIC)
            except LoadError as e:
                yield msrc, e
            continue
        yield msrc, data


def _members_of(src: str, fileobj, is_zip: bool) -> Iterator[tuple[str, bytes | LoadError]]:
    limit = _limit()
    if is_zip:
        yield from _zip_members(fileobj, src, limit)
        return
    try:
        tf = tarfile.open(fileobj=fileobj, mode="r:*")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as e:
        raise LoadError(src, f"not a readable archive ({e})") from None
    with tf:
        while True:
            try:
                m = tf.next()
            except (tarfile.TarError, OSError, EOFError, zlib.error) as e:
                yield src, LoadError(src, f"archive is damaged or cut short after its last readable member ({e})")
                return
            if m is None:
                return
            if not m.isfile() or not _wanted(m.name):
                continue
            msrc = f"{src}!{m.name}"
            if m.size > limit:
                yield msrc, LoadError(msrc, f"file is {m.size} bytes, over the {limit}-byte limit")
                continue
            try:
                fh = tf.extractfile(m)
                data = fh.read(limit + 1) if fh is not None else b""
            except (tarfile.TarError, OSError, EOFError, zlib.error) as e:
                yield msrc, LoadError(msrc, f"archive is damaged or cut short inside this member ({e})")
                return
            yield msrc, data


def _zip_members(fileobj, src: str, limit: int) -> Iterator[tuple[str, bytes | LoadError]]:
    try:
        zf = zipfile.ZipFile(fileobj)
    except (zipfile.BadZipFile, OSError) as e:
        raise LoadError(src, f"not a readable archive ({e})") from None
    with zf:
        for info in zf.infolist():
            if info.is_dir() or not _wanted(info.filename):
                continue
            msrc = f"{src}!{info.filename}"
            if info.file_size > limit:
                yield msrc, LoadError(msrc, f"file is {info.file_size} bytes, over the {limit}-byte limit")
                continue
            try:
                with zf.open(info) as fh:
                    data = fh.read(limit + 1)
            except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError) as e:
                # RuntimeError: an encrypted member; NotImplementedError: a compression zipfile cannot read
                yield msrc, LoadError(msrc, f"cannot read this archive member ({e})")
                continue
            if len(data) > limit:  # the directory may understate a member's size
                yield msrc, LoadError(msrc, f"decompresses to over the {limit}-byte limit")
                continue
            yield msrc, data
