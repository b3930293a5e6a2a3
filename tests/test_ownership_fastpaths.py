"""The Forms 3/4/5 loader's shortcuts give what the plain scans they replace give.

``_definitions``, ``_is_role_matches``, ``_clauses`` and ``_sentence_ends`` try their patterns only near
the places a match can start or end instead of scanning every position; ``read_document`` reads a
namespaced document by local names instead of rewriting its tags.  Each is checked here against the plain version on real footnote text and on
generated text built from the phrases footnotes use.
"""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as hs
from lxml import etree

from ownergraph.loaders._xml import parse_xml
from ownergraph.loaders.ownership import (
    _CLAUSE_RE,
    _DEF_RE,
    _IS_ROLE_RE,
    _SENT_END,
    _clauses,
    _definitions,
    _is_role_matches,
    _sentence_ends,
    parse,
    read_document,
    sentences,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ownership"

_PHRASES = [
    "Mithril LP", "Mithril GP LLC", "Peter Thiel", "The Reporting Person", "the reporting persons", "Ajay Royan",
    "SC US (TTGP), Ltd.", "Sequoia Capital U.S. Growth Fund IV, L.P.", "is the general partner of",
    "are the managing members of", "serves as trustee of", "acts as manager of", "is the sole member of",
    ", which is the general partner of", "These shares are held of record by", "(the \"Fund\")", "(“GP”)",
    "(collectively, the \"Funds\")", "and may be deemed", "Trust", "Inc.", "L.P.", "the", "of", "X", "(", ")",
    "\"", ",", ".", ";", "  ", "\n", "\u00a0", "İ", "ſ", "and", ", and", "is", "are", "Brand", "Mr.", "L.",
]


def _text(parts: list[str], normalize: bool) -> str:
    t = " ".join(parts)
    return " ".join(t.split()) if normalize else t


def _spans(matches) -> list[tuple[tuple[int, int], dict]]:
    return [(m.span(), m.groupdict()) for m in matches]


def _footnotes() -> list[str]:
    out = []
    for p in sorted(FIXTURES.glob("*.xml")):
        doc = read_document(parse_xml(p.read_bytes(), str(p)), str(p))
        out.extend(doc["footnotes"].values())
    return out


def _shared_footnotes(shared_filings: Path) -> list[str]:
    out = []
    for p in sorted((shared_filings / "form345_xml").iterdir()):
        data = p.read_bytes()
        m = re.search(rb"<XML>\s*(.*?)</XML>", data, re.S)
        data = m.group(1) if m else data
        if b"ownershipDocument" not in data[:4096]:
            continue
        out.extend(read_document(parse_xml(data, str(p)), str(p))["footnotes"].values())
    return out


def _check(text: str) -> None:
    assert _spans(_definitions(text)) == _spans(_DEF_RE.finditer(text))
    assert _spans(_is_role_matches(text)) == _spans(_IS_ROLE_RE.finditer(text))
    assert _spans(_sentence_ends(text)) == _spans(_SENT_END.finditer(text))
    assert _clauses(text) == _CLAUSE_RE.split(text)
    for s in sentences(text):
        assert _spans(_is_role_matches(s)) == _spans(_IS_ROLE_RE.finditer(s))
        assert _clauses(s) == _CLAUSE_RE.split(s)


def test_fast_scans_match_plain_scans_on_fixture_footnotes():
    texts = _footnotes()
    assert any(_definitions(t) for t in texts)  # the fixtures do define terms ("the Fund")
    for t in texts:
        _check(t)


def test_fast_scans_match_plain_scans_on_development_filings(shared_filings):
    texts = _shared_footnotes(shared_filings)
    assert any(list(_is_role_matches(s)) for t in texts for s in sentences(t))
    for t in texts:
        _check(t)


@settings(max_examples=300, deadline=None)
@given(hs.lists(hs.sampled_from(_PHRASES), min_size=1, max_size=40), hs.booleans())
def test_fast_scans_match_plain_scans_on_generated_text(parts, normalize):
    _check(_text(parts, normalize))


def test_namespaced_document_reads_as_the_plain_one():
    """The old-schema fixture with its default namespace removed reads to the same document and facts."""
    path = FIXTURES / "form3_namespaced_oldschema.xml"
    data = path.read_bytes()
    assert b'xmlns="' in data
    plain = data.replace(b' xmlns="http://www.sec.gov/edgar/ownership"', b"")
    root_ns = parse_xml(data, str(path))
    assert etree.QName(root_ns).namespace  # the fixture really is namespaced
    assert read_document(root_ns, str(path)) == read_document(parse_xml(plain, str(path)), str(path))
    a, b = parse(data, str(path)), parse(plain, str(path))
    assert a.document["reporting_owners"][0]["name"] == "O'BRIEN MARY-KATE"
    assert a.document["non_derivative"][0]["owned_after"] == {"value": "1,500", "footnotes": []}
    assert [(r.type, r.source, r.target, r.props) for r in a.relations] == \
        [(r.type, r.source, r.target, r.props) for r in b.relations]


def _miners():
    from ownergraph.loaders.ownership import _Miner
    out = []
    for p in sorted(FIXTURES.glob("*.xml")):
        doc = read_document(parse_xml(p.read_bytes(), str(p)), str(p))
        out.append((_Miner(doc["reporting_owners"], doc["footnotes"]), doc["footnotes"]))
    return out


def test_subject_cache_gives_the_uncached_answer():
    """``_Miner._subject`` remembers each text's answer per filing: the remembered answer, asked again and in
    another order, is the one the uncached ``_subject_of`` gives on a fresh miner of the same filing."""
    from ownergraph.loaders.ownership import _Miner
    for miner, footnotes in _miners():
        fresh = _Miner(miner.owners, footnotes)
        texts = [s for t in footnotes.values() for s in sentences(t)]
        texts += [" ".join(s.split()[-k:]) for s in texts for k in (2, 3, 5)] + list(miner.aliases)
        for _ in range(2):
            for t in texts:
                assert miner._subject(t) == fresh._subject_of(t), t
        for t in reversed(texts):
            assert miner._subject(t) == _Miner(miner.owners, footnotes)._subject_of(t), t


@settings(max_examples=200, deadline=None)
@given(hs.lists(hs.sampled_from(_PHRASES), min_size=1, max_size=12), hs.booleans())
def test_subject_cache_on_generated_text(parts, normalize):
    from ownergraph.loaders.ownership import _Miner
    t = _text(parts, normalize)
    for miner, footnotes in _miners()[:3]:
        want = _Miner(miner.owners, footnotes)._subject_of(t)
        assert miner._subject(t) == want and miner._subject(t) == want
