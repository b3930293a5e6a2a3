"""Safe XML parsing for every XML loader.

Filings are untrusted input.  :func:`parse_xml`:

* never resolves external entities, never loads a DTD, never touches the network;
* refuses any document that declares entities (``<!ENTITY``): billion-laughs and
  quadratic-blowup attacks are rejected before parsing, in time linear in the input;
* enforces a size limit on the document and on the nesting depth;
* recovers a merely malformed document (a truncated end tag) with lxml's
  recovering parser and reports a warning instead of rejecting the filing.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import LoadError

MAX_XML_BYTES = 100 * 1024 * 1024
MAX_DEPTH = 256

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=recover,
        remove_blank_text=False,
        remove_comments=True,
        remove_pis=True,
    )


_STRICT = _parser(False)
_RECOVER = _parser(True)


def _depth_ok(root: etree._Element, limit: int) -> bool:
    stack = [(root, 1)]
    while stack:
        el, d = stack.pop()
        if d > limit:
            return False
        for child in el:
            stack.append((child, d + 1))
    return True


def parse_xml(data: bytes, source: str, warnings: list[str] | None = None,
              max_bytes: int | None = None, max_depth: int | None = None) -> etree._Element:
    """Parse untrusted XML bytes into an element tree, or raise :class:`LoadError`."""
    max_bytes = max_bytes or MAX_XML_BYTES
    max_depth = max_depth or MAX_DEPTH
    if len(data) > max_bytes:
        raise LoadError(source, f"XML document is {len(data)} bytes, over the {max_bytes}-byte limit")
    head = data[:65536]
    if _ENTITY_DECL.search(data):
        raise LoadError(source, "XML declares entities (<!ENTITY>): refused, possible entity-expansion attack")
    if _DOCTYPE.search(head):
        # a DOCTYPE without entity declarations is harmless, but we never load it
        pass
    data = data.lstrip()
    try:
        root = etree.fromstring(data, _STRICT)
    except etree.XMLSyntaxError as e:
        try:
            root = etree.fromstring(data, _RECOVER)
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            raise LoadError(source, f"not well-formed XML and not recoverable: {e}") from None
        if warnings is not None:
            warnings.append(f"{source}: malformed XML recovered ({e})")
    except ValueError as e:
        raise LoadError(source, f"cannot parse XML: {e}") from None
    if not _depth_ok(root, max_depth):
        raise LoadError(source, f"XML nested deeper than {max_depth} levels")
    return root


def strip_ns(tag: object) -> str:
    """'{ns}name' -> 'name' (comments and PIs give '')."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]
