"""Safe XML parsing for every XML loader.

Filings are untrusted input.  :func:`parse_xml`:

* never resolves external entities, never loads a DTD, never touches the network;
* refuses any document that declares entities (``<!ENTITY``), in any encoding:
  billion-laughs and quadratic-blowup attacks are rejected before parsing, in time
  linear in the input (and, as a second guard, after parsing from the parsed DTD);
* enforces limits (configurable with :func:`ownergraph.loaders.set_limits`) on the
  document size, the nesting depth and the size of one text node or attribute value.
  A document over a limit is *refused* with a clear error, never silently truncated;
* recovers a merely malformed document (a truncated end tag) with lxml's
  recovering parser and reports a warning instead of rejecting the filing.
"""

from __future__ import annotations

import functools
import re
import threading

from lxml import etree

from ..errors import LoadError

#: libxml2's own caps when XML_PARSE_HUGE is off (we never turn it on).  Limits set
#: above them are capped: the parser refuses such documents anyway.
LIBXML_MAX_DEPTH = 256
LIBXML_MAX_TEXT = 10_000_000

MAX_XML_BYTES = 100 * 1024 * 1024
MAX_DEPTH = LIBXML_MAX_DEPTH
MAX_TEXT_CHARS = LIBXML_MAX_TEXT  # one text node or one attribute value

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
# "<!ENTITY" as it appears in the encodings libxml2 detects without an ASCII-compatible start
_ENTITY_WIDE = tuple(
    "<!ENTITY".encode(enc) for enc in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "cp500", "cp037")
)
_LIMIT_CODES = {
    etree.ErrorTypes.ERR_RESOURCE_LIMIT,
    etree.ErrorTypes.ERR_ENTITY_LOOP,
    etree.ErrorTypes.ERR_NO_MEMORY,
}


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        attribute_defaults=False,
        huge_tree=False,
        recover=recover,
        remove_blank_text=False,
        remove_comments=True,
        remove_pis=True,
    )


_LOCAL = threading.local()


def _parsers() -> tuple[etree.XMLParser, etree.XMLParser]:
    """(strict, recovering) parsers of this thread: an lxml parser must not be shared between threads,
    and building one per call costs more than parsing a small filing."""
    pair = getattr(_LOCAL, "pair", None)
    if pair is None:
        pair = _LOCAL.pair = (_parser(False), _parser(True))
    return pair


@functools.lru_cache(maxsize=16)
def _deeper_than(max_depth: int) -> etree.XPath:
    """True when a node lies deeper than ``max_depth`` (the root element is depth 1): evaluated by
    libxml2 in C, one pass over the tree."""
    return etree.XPath("boolean(/*" + "/*" * (max_depth - 1) + "/node()[not(self::text())])")


def _entity_decl(data: bytes) -> bool:
    """``_ENTITY_DECL.search(data) is not None``, found from the "!": one byte that is rare in XML (markup
    declarations, comments, CDATA, the odd exclamation in prose), so the scan runs at memchr speed instead of
    the pattern's step per byte; a document with many of them gets the pattern from the first unchecked one."""
    find = data.find
    i = find(b"!")
    n = 0
    while i >= 0:
        if i > 0 and data[i - 1] == 0x3C and data[i + 1:i + 7].upper() == b"ENTITY":
            return True
        n += 1
        if n == 64:
            return _ENTITY_DECL.search(data, max(0, i - 1)) is not None
        i = find(b"!", i + 1)
    return False


def _declares_entities(data: bytes) -> bool:
    if _entity_decl(data):
        return True
    head = data[:4]
    if b"\x00" in head or head.startswith((b"\xff\xfe", b"\xfe\xff", b"\x4c\x6f\xa7\x94")):
        return any(pat in data for pat in _ENTITY_WIDE)
    return False


def _limit_problem(e: etree.XMLSyntaxError, max_depth: int, max_text: int) -> str | None:
    """The refusal message when a parse failed on a safety limit (not a mere syntax error)."""
    msg = str(e)
    low = msg.lower()
    if e.code not in _LIMIT_CODES and "xml_parse_huge" not in low and "amplification" not in low:
        return None
    if "depth" in low:
        return f"XML nested deeper than {max_depth} levels: refused"
    if "amplification" in low or "entity" in low:
        return "XML entity expansion refused (possible entity-expansion attack)"
    if "text node" in low or "buffer size" in low or "huge" in low or "too long" in low:
        return f"XML text node or attribute longer than {max_text} characters: refused"
    return f"XML exceeds a parser safety limit ({msg.splitlines()[0][:120]}): refused"


def _too_long(text: str | None, limit: int) -> bool:
    # whitespace between elements (pretty-printing, padding) is not content
    return text is not None and len(text) > limit and not text.isspace()


def _check_tree(root: etree._Element, max_depth: int, max_text: int) -> str | None:
    stack = [(root, 1)]
    while stack:
        el, d = stack.pop()
        if d > max_depth:
            return f"XML nested deeper than {max_depth} levels: refused"
        if _too_long(el.text, max_text) or _too_long(el.tail, max_text) or any(
            len(v) > max_text for v in el.attrib.values()
        ):
            return f"XML text node or attribute longer than {max_text} characters: refused"
        for child in el:
            stack.append((child, d + 1))
    return None


def check_xml_input(data: bytes, source: str, max_bytes: int | None = None) -> None:
    """The checks :func:`parse_xml` makes before parsing (size limit, entity declarations in any
    encoding), for loaders that stream with their own ``iterparse``: call it first."""
    max_bytes = max_bytes or MAX_XML_BYTES
    if len(data) > max_bytes:
        raise LoadError(source, f"XML document is {len(data)} bytes, over the {max_bytes}-byte limit")
    if _declares_entities(data):
        raise LoadError(source, "XML declares entities (<!ENTITY>): refused, possible entity-expansion attack")


def parse_xml(data: bytes, source: str, warnings: list[str] | None = None,
              max_bytes: int | None = None, max_depth: int | None = None,
              max_text: int | None = None) -> etree._Element:
    """Parse untrusted XML bytes into an element tree, or raise :class:`LoadError`."""
    max_bytes = max_bytes or MAX_XML_BYTES
    max_depth = min(max_depth or MAX_DEPTH, LIBXML_MAX_DEPTH)
    max_text = min(max_text or MAX_TEXT_CHARS, LIBXML_MAX_TEXT)
    check_xml_input(data, source, max_bytes)
    data = data.lstrip()
    strict, recovering = _parsers()
    recovered = False
    try:
        root = etree.fromstring(data, strict)
    except etree.XMLSyntaxError as e:
        problem = _limit_problem(e, max_depth, max_text)
        if problem:
            raise LoadError(source, problem) from None
        try:
            root = etree.fromstring(data, recovering)
        except (etree.LxmlError, ValueError):
            root = None
        if root is None:
            raise LoadError(source, f"not well-formed XML and not recoverable: {e}") from None
        recovered = True
        if warnings is not None:
            warnings.append(f"{source}: malformed XML recovered ({e})")
    except (etree.LxmlError, ValueError) as e:
        raise LoadError(source, f"cannot parse XML: {e}") from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise LoadError(source, "XML declares entities (<!ENTITY>): refused, possible entity-expansion attack")
    if len(data) > max_text:
        problem = _check_tree(root, max_depth, max_text)
    # otherwise no text node or attribute value can be longer than the document (a character takes at least
    # one byte in every encoding, entities are refused, recovery adds no text): only the depth is checked, by
    # libxml2 in C.  libxml2 itself refuses a strict parse deeper than LIBXML_MAX_DEPTH (without
    # XML_PARSE_HUGE); a recovered tree is checked whatever the limit
    elif (recovered or max_depth < LIBXML_MAX_DEPTH) and _deeper_than(max_depth)(root):
        problem = f"XML nested deeper than {max_depth} levels: refused"
    else:
        problem = None
    if problem:
        raise LoadError(source, problem)
    return root


def strip_ns(tag: object) -> str:
    """'{ns}name' -> 'name' (comments and PIs give '')."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
