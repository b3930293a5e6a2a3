"""The XML Schedule 13D/13G and submission loaders' shortcuts give what the plain code they replace gives.

The document model is constructed without validation from values the reader has typed: the dump of every
sample equals that of the validated model, key order included (``ownergraph extract`` prints it).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ownergraph.loaders._xml import parse_xml
from ownergraph.loaders.schedule13_xml import Schedule13XmlDocument, read_document, sniff

ROOT = Path(__file__).resolve().parent
_XML13 = sorted((ROOT / "fixtures").rglob("*.xml")) + sorted((ROOT.parent.parent / "shared" / "filings").rglob("*.xml"))
XML13 = [p for p in _XML13 if sniff(p.read_bytes()) > 0]


@pytest.mark.parametrize("path", XML13, ids=lambda p: p.name)
def test_constructed_document_model_equals_validated(path):
    doc = read_document(parse_xml(path.read_bytes(), str(path), []), str(path))
    validated = Schedule13XmlDocument.model_validate(doc.model_dump())
    assert json.dumps(doc.model_dump(mode="json")) == json.dumps(validated.model_dump(mode="json"))
    for rp, vp in zip(doc.reporting_persons, validated.reporting_persons):
        assert list(rp.__dict__) == list(vp.__dict__)
