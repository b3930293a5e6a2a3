"""XML Schedule 13D/13G, second held-out review (synthetic fixtures in tests/fixtures/xml13 modelled on real
filings): 13G Item 8 "See Exhibit 99.1" answered by an exhibit, and the key prefix of Item 8 member entities."""

from __future__ import annotations

from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path

FIX = Path(__file__).parent / "fixtures" / "xml13"
EX_ATTACHED = FIX / "13g_item8_see_exhibit_attached.xml"
EX_SUBMISSION = FIX / "13g_item8_see_exhibit_submission.txt"
GROUP = FIX / "13g_item8_group_members.xml"


def _named(facts, name):
    (e,) = [e for e in facts.entities if e.name == name]
    return e


def _members(facts):
    return {facts.entity(r.source).name: r for r in facts.relations if r.type == EdgeKind.MEMBER_OF_GROUP}


# ----------------------------------------------------------------- 13G Item 8 "See Exhibit 99.1"


def test_item8_see_exhibit_attached_inside_the_xml_gives_members():
    f = load_path(EX_ATTACHED)
    m = _members(f)
    assert set(m) == {"Sorrelby Example Capital LLC", "Sorrelby Example Master Fund Ltd.", "Ilsa Example-Marrow",
                      "Tamsin Example Partners LP"}
    assert m["Sorrelby Example Capital LLC"].props["classification"] == "IA"
    assert m["Tamsin Example Partners LP"].props["classification"] == "PN"
    assert {r.prov.section for r in m.values()} == {"Exhibit 99.1"}
    new = _named(f, "Tamsin Example Partners LP")
    assert new.key.startswith("grp:")


def test_item8_see_exhibit_as_a_document_of_the_submission_gives_members():
    f = load_path(EX_SUBMISSION)
    m = _members(f)
    assert m["Ilsa Example-Marrow"].props["classification"] == "IN"
    assert m["Ilsa Example-Marrow"].source == _named(f, "Ilsa Example-Marrow").key
    assert len(m) == 4
    assert f.document["item_8_members"]["found"] == 4


def test_item8_exhibit_that_is_a_joint_filing_agreement_gives_no_members():
    text = EX_SUBMISSION.read_text()
    head, _, _ = text.partition("                                  EXHIBIT 99.1")
    body = ("                                  EXHIBIT 99.1\n\n                             JOINT FILING AGREEMENT\n\n"
            "The undersigned hereby agree that this Schedule 13G is filed on behalf of each of them.\n\n"
            "SORRELBY EXAMPLE CAPITAL LLC\nILSA EXAMPLE-MARROW\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    f = load_bytes((head + body).encode(), "jfa.txt")
    assert _members(f) == {}


def test_item8_inline_members_get_their_own_key_prefix():
    f = load_path(GROUP)
    new = _named(f, "Tamsin Example Partners LP")
    assert new.key.startswith("grp:") and not new.key.startswith("sig:")
