"""Loaders: one module per form family, each a pure function from bytes to facts.

A loader module registers itself with :func:`register` at import time::

    register(Loader(name="ownership", family="ownership", sniff=sniff, parse=parse,
                    document_model=OwnershipDocument))

``sniff(data) -> float`` says how sure the loader is (0 = not mine, 1 = certain)
from the *content*, never the file name; ``parse(data, source) -> FilingFacts``
does the work.  Every module in this package is imported by :func:`loaders`,
so adding a form means adding one module here and nothing else.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from pydantic import BaseModel

from ..errors import LoadError, OwnergraphError, UnsupportedFormat
from ..graph.model import FilingFacts

MAX_FILE_BYTES = 200 * 1024 * 1024  # refuse larger files outright (configurable via set_limits)


@dataclass
class Loader:
    name: str
    family: str
    sniff: Callable[[bytes], float]
    parse: Callable[[bytes, str], FilingFacts]
    document_model: type[BaseModel] | None = None
    description: str = ""
    # Loaders that only ever run inside another (an exhibit reader) set this False.
    top_level: bool = True
    extra: dict = field(default_factory=dict)


_REGISTRY: dict[str, Loader] = {}
_DISCOVERED = False


def register(loader: Loader) -> Loader:
    _REGISTRY[loader.name] = loader
    return loader


def loaders() -> dict[str, Loader]:
    """All registered loaders (imports every module of this package once)."""
    global _DISCOVERED
    if not _DISCOVERED:
        _DISCOVERED = True
        for mod in pkgutil.iter_modules(__path__):
            if not mod.name.startswith("_"):
                importlib.import_module(f"{__name__}.{mod.name}")
    return _REGISTRY


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def best_loader(data: bytes, exclude: str | None = None) -> Loader | None:
    """The top-level loader whose sniffer is most confident about ``data`` (first registered wins a tie),
    or None; ``exclude`` names a loader not to ask (the submission loader picking its inner documents')."""
    best: tuple[float, Loader] | None = None
    for ld in loaders().values():
        if not ld.top_level or ld.name == exclude:
            continue
        try:
            score = float(ld.sniff(data))
        except Exception:  # a sniffer must never break detection
            score = 0.0
        if score > 0 and (best is None or score > best[0]):
            best = (score, ld)
    return best[1] if best else None


def detect(data: bytes, source: str = "<bytes>") -> Loader:
    """Pick the loader from the content.  Raises :class:`UnsupportedFormat`."""
    ld = best_loader(data)
    if ld is None:
        raise UnsupportedFormat(source, "not a supported filing (no loader recognises its content)")
    return ld


def load_bytes(data: bytes, source: str = "<bytes>", loader: str | None = None) -> FilingFacts:
    """Parse one filing.  Any failure becomes a :class:`LoadError` naming ``source``."""
    if not data or not data.strip():
        raise LoadError(source, "file is empty")
    if len(data) > MAX_FILE_BYTES:
        raise LoadError(source, f"file is {len(data)} bytes, over the {MAX_FILE_BYTES}-byte limit")
    from .archives import GZIP_MAGIC, is_archive_bytes

    if data[:2] == GZIP_MAGIC:  # a compressed filing is the filing it holds (its digest and id too)
        from .archives import gunzip

        data = gunzip(data, source)
        if not data.strip():
            raise LoadError(source, "file is empty (a gzip file of nothing)")
    if is_archive_bytes(data):
        raise LoadError(source, "an archive of files, not one filing (`ownergraph load` reads the filings in it)")
    if loader is not None and loader not in loaders():
        raise LoadError(source, f"no loader named {loader!r} (known: {', '.join(sorted(loaders()))})")
    ld = loaders()[loader] if loader else detect(data, source)
    try:
        facts = ld.parse(data, source)
    except OwnergraphError as e:
        if e.source is None:
            e.source = source
            e.args = (f"{source}: {e.problem}",)
        raise
    except RecursionError:
        err = LoadError(source, f"{ld.name}: document nested too deeply (internal error: the loader recursed)")
        err.internal = True
        raise err from None
    except MemoryError:
        raise LoadError(source, f"{ld.name}: document too large to parse") from None
    except Exception as e:  # noqa: BLE001 - the boundary: never leak a traceback
        err = LoadError(source, f"internal error in the {ld.name} loader ({type(e).__name__}: {e}); "
                                "please report this filing")
        err.internal = True  # a loader bug, not bad input: fuzz tests fail on these
        raise err from e
    if not isinstance(facts, FilingFacts):
        err = LoadError(source, f"internal error in the {ld.name} loader (returned {type(facts).__name__}, not "
                                "FilingFacts); please report this filing")
        err.internal = True
        raise err
    _sanity(facts, source)
    return facts


MAX_AMENDMENT_NO = 9999


def _sanity(facts: FilingFacts, source: str) -> None:
    """Values no filing can hold and no store can keep are dropped with a warning (the rest stays)."""
    f = facts.filing
    if f.amendment_no is not None and not 0 <= f.amendment_no <= MAX_AMENDMENT_NO:
        facts.warnings.append(f"{source}: amendment number out of range (0-{MAX_AMENDMENT_NO}) ignored")
        f.amendment_no = None


def load_path(path: str | Path) -> FilingFacts:
    p = Path(path)
    try:
        if not p.exists():
            raise LoadError(str(p), "no such file")
        if p.is_dir():
            raise LoadError(str(p), "is a directory, not a filing")
        if not p.is_file():  # /dev/zero would never end, a FIFO would block the whole batch
            raise LoadError(str(p), "not a regular file (a device, FIFO or socket)")
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LoadError(str(p), f"file is {size} bytes, over the {MAX_FILE_BYTES}-byte limit")
        with open(p, "rb") as fh:  # never more than the limit, even if the file grows meanwhile
            data = fh.read(MAX_FILE_BYTES + 1)
        if len(data) > MAX_FILE_BYTES:
            raise LoadError(str(p), f"file is over the {MAX_FILE_BYTES}-byte limit")
    except OSError as e:
        raise LoadError(str(p), f"cannot read file: {e.strerror or e}") from None
    return load_bytes(data, str(p))


def is_internal_error(err: BaseException) -> bool:
    """True when ``load_bytes`` wrapped an unexpected exception (a loader bug), not bad input."""
    return bool(getattr(err, "internal", False))


def limits() -> dict[str, int]:
    """The current input limits (see :func:`set_limits`)."""
    from . import _xml

    return {"max_file_bytes": MAX_FILE_BYTES, "max_xml_bytes": _xml.MAX_XML_BYTES,
            "max_xml_depth": _xml.MAX_DEPTH, "max_xml_text": _xml.MAX_TEXT_CHARS}


def set_limits(max_file_bytes: int | None = None, *, max_xml_bytes: int | None = None,
               max_xml_depth: int | None = None, max_xml_text: int | None = None) -> dict[str, int]:
    """Change the input limits; returns the previous ones (pass them back to restore).

    ``max_file_bytes``: any filing (default 200 MiB); ``max_xml_bytes``: an XML document
    (default 100 MiB); ``max_xml_depth``: element nesting (default and maximum 256);
    ``max_xml_text``: one text node or attribute value (default and maximum 10,000,000
    characters).  Depth and text caps above libxml2's own are capped to them.
    """
    global MAX_FILE_BYTES
    from . import _xml

    before = limits()
    if max_file_bytes is not None:
        MAX_FILE_BYTES = int(max_file_bytes)
    if max_xml_bytes is not None:
        _xml.MAX_XML_BYTES = int(max_xml_bytes)
    if max_xml_depth is not None:
        _xml.MAX_DEPTH = min(int(max_xml_depth), _xml.LIBXML_MAX_DEPTH)
    if max_xml_text is not None:
        _xml.MAX_TEXT_CHARS = min(int(max_xml_text), _xml.LIBXML_MAX_TEXT)
    return before
