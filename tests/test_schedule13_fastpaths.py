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


# ----------------------------------------------------------------- _xml: the entity-declaration scan

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as hs  # noqa: E402

from ownergraph.loaders._xml import _ENTITY_DECL, _entity_decl  # noqa: E402

_XML_BITS = [b"<!ENTITY", b"<!entity", b"<!EnTiTy", b"<!", b"!", b"<", b"ENTITY", b"<!--", b"-->", b"<![CDATA[",
             b"<!DOCTYPE x>", b"<a>", b"</a>", b"text", b" ", b"\n", b"\x00", b"\xc4\xb0", b"<!ENTIT", b"!ENTITY"]


@settings(max_examples=400, deadline=None)
@given(hs.lists(hs.sampled_from(_XML_BITS) | hs.binary(max_size=6), max_size=120))
def test_entity_scan_equals_pattern(parts):
    data = b"".join(parts)
    assert _entity_decl(data) == (_ENTITY_DECL.search(data) is not None)


def test_entity_scan_many_exclamations():
    # past 64 "!" the pattern takes over from the first unchecked one
    for n in (0, 1, 63, 64, 65, 200):
        for tail in (b"<!ENTITY x 'y'>", b"<!entity", b"no"):
            data = b"<a>" + b"wow! " * n + tail + b"</a>"
            assert _entity_decl(data) == (_ENTITY_DECL.search(data) is not None)
            data = b"<!" * n + tail
            assert _entity_decl(data) == (_ENTITY_DECL.search(data) is not None)


@pytest.mark.parametrize("path", XML13, ids=lambda p: p.name)
def test_entity_scan_on_samples(path):
    data = path.read_bytes()
    assert _entity_decl(data) == (_ENTITY_DECL.search(data) is not None)


# ----------------------------------------------------------------- schedule13_xml: cover numbers

from ownergraph.loaders._text import parse_decimal  # noqa: E402
from ownergraph.loaders.schedule13_xml import _number  # noqa: E402


@settings(max_examples=600, deadline=None)
@given(hs.text(alphabet="0123456789.,-$() *%\u00b2\u0663a", max_size=45))
def test_cover_number_fast_path_equals_parse_decimal(text):
    raw: dict[str, str] = {}
    d = _number(text, "f", raw)
    want = parse_decimal(text)
    assert d == want and (d is None or str(d) == str(want))
    assert raw == ({} if want is not None else {"f": text})


# ----------------------------------------------------------------- _prose: remembered role phrases

from ownergraph.loaders._prose import _ROLE_WORDS, _classify_role, classify_role  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(hs.lists(hs.sampled_from(list(_ROLE_WORDS) + ["and", ",", "&", "of the board", "portfolio manager", "Sole",
                                                     "Owner", "an", "X"]), max_size=8))
def test_classify_role_remembered_equals_computed(words):
    phrase = " ".join(words)
    first = classify_role(phrase)
    assert first == _classify_role(phrase)
    first.append("mutated by a caller")
    assert classify_role(phrase) == _classify_role(phrase)  # each caller gets its own list


# ----------------------------------------------------------------- _prose: facts constructed without validation

import ownergraph.loaders._prose as _prose  # noqa: E402
from ownergraph.graph.model import EntityFact, FilingFacts, FilingInfo, NodeKind, Provenance  # noqa: E402

_PROSE_PHRASES = [
    "BML Capital Management, LLC", "is the sole general partner of", "BML Investment Partners, L.P.", "Braden Leonard",
    "is the managing member of", "Platinum Holdings", ", the sole owner of", "Platinum Falcon", "is wholly owned by",
    "the Government of Abu Dhabi", "Mr. Leonard", "by virtue of his relationship with", "Chief Executive Officer of",
    "the Issuer", "is a director of", "(the \"Fund\")", "(together, the \"Funds\")", "and", ", and", ".", ";", "\n\n",
    "Jane Q. Public", "serves as President and a director of", "controls", "owns all of the outstanding shares of",
    "The general partner of", "is", "whose sole general partner is", "Acme Fund LP", "ſ", "\u00a0", "**", "İ",
]


def _facts() -> FilingFacts:
    p = Provenance(filing_id="sha256:0", source="t", section="cover page 1, row 1", excerpt="x")
    ents = [EntityFact(key="issuer", kind=NodeKind.ORGANIZATION, name="Aadi Bioscience, Inc.", prov=p),
            EntityFact(key="rp:1", kind=NodeKind.ORGANIZATION, name="BML Investment Partners, L.P.", prov=p),
            EntityFact(key="rp:2", kind=NodeKind.PERSON, name="LEONARD BRADEN MICHAEL", prov=p)]
    return FilingFacts(filing=FilingInfo(id="sha256:0", form_type="SC 13D", family="schedule13", loader="t",
                                         sha256="0", issuer_key="issuer", filer_keys=["rp:1", "rp:2"]),
                       entities=ents)


def _mined(text: str) -> str:
    facts = _facts()
    ctx = _prose.ProseContext(facts)
    _prose.mine_text(text, section="Item 2", facts=facts, ctx=ctx)
    _prose.mine_text(text, section="Item 5", facts=facts, ctx=ctx,
                     prov=Provenance(filing_id="0001-24-000001", accession="0001-24-000001", source="s", section="x"))
    _prose.mine_table([["Name", "Position", "Principal Occupation"], [text[:60], "Director", text[-80:]]],
                      section="Schedule A", facts=facts, org_key="issuer", ctx=ctx)
    return facts.model_dump_json()


@settings(max_examples=150, deadline=None)
@given(hs.lists(hs.sampled_from(_PROSE_PHRASES), min_size=1, max_size=40))
def test_prose_constructed_facts_equal_validated(parts):
    text = " ".join(parts)
    fast = _mined(text)
    saved = _prose._construct
    _prose._construct = lambda cls, values: cls(**values)
    try:
        assert _mined(text) == fast
    finally:
        _prose._construct = saved
