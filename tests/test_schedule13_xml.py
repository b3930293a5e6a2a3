"""XML Schedule 13D/13G loader on the project's own fixtures (tests/fixtures/xml13)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from ownergraph.errors import LoadError, UnsupportedFormat
from ownergraph.graph.build import build_delta
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import detect, load_bytes, load_path, loaders
from ownergraph.loaders._edgar_codes import code_name, country_of

FIX = Path(__file__).parent / "fixtures" / "xml13"


def _rels(facts, etype):
    return [r for r in facts.relations if r.type == etype]


def _holds(facts):
    return {r.source: r for r in _rels(facts, EdgeKind.HOLDS)}


def _by_name(facts):
    return {e.name: e for e in facts.entities}


def test_edgar_codes():
    assert code_name("C0") == "United Arab Emirates"
    assert code_name("x1") == "United States"
    assert code_name("V8") == "Switzerland"
    assert code_name("E9") == "Cayman Islands"
    assert code_name("DE") == "Delaware"
    assert country_of("DE") == "United States" and country_of("A6") == "Canada"
    assert code_name("??") is None and code_name(None) is None
    assert code_name("VI") == "Virgin Islands, U.S."  # not title-cased to "U.s."
    assert code_name("XX") == "Unknown" and country_of("XX") is None  # EDGAR's unknown code names no country


def test_13g_without_ciks_nested_cusips_group():
    f = load_path(FIX / "13g_nocik_nested_cusips.xml")
    assert f.filing.loader == "schedule13_xml" and f.filing.form_type == "SCHEDULE 13G"
    assert f.filing.event_date == dt.date(2025, 6, 30)
    assert f.filing.amendment_no is None and not f.filing.is_amendment
    doc = f.document
    assert doc["issuer"]["cusips"] == ["G6700X101", "65500X109"]
    assert doc["rule_designations"] == ["Rule 13d-1(c)"]
    assert doc["filer_ciks"] == ["0009000001"]
    names = [rp["name"] for rp in doc["reporting_persons"]]
    assert names == ["Harbor Example Master Fund LP", "Harbor Example Advisors GP LLC", "Jane Q. Example"]
    # several reporting persons, none with a CIK: the filer CIK is not guessed onto one of them
    ents = _by_name(f)
    assert all(ents[n].cik is None for n in names)
    assert ents["Jane Q. Example"].kind == NodeKind.PERSON
    assert ents["Harbor Example Advisors GP LLC"].kind == NodeKind.ORGANIZATION
    assert ents["Harbor Example Master Fund LP"].prop("citizenship") == "Cayman Islands"
    assert ents["Jane Q. Example"].prop("citizenship") == "United Kingdom"
    assert ents["Harbor Example Advisors GP LLC"].prop("citizenship_code") == "DE"
    assert ents["Harbor Example Advisors GP LLC"].prop("reporting_person_type") == "OO,HC"
    sec = f.entity("sec:class")
    assert sec.cusip == "G6700X101" and sec.prop("other_cusips") == "65500X109"
    assert sec.name == "Ordinary Shares, nominal value $0.0001 per share"
    holds = _holds(f)
    jane = holds[ents["Jane Q. Example"].key]
    assert jane.props["shares"] == Decimal("1260000.50") and str(jane.props["shares"]) == "1260000.50"
    assert jane.props["sole_voting"] == 10000 and jane.props["shared_dispositive"] == Decimal("1250000.50")
    assert jane.props["percent"] == Decimal("6.3") and jane.props["basis"] == "beneficial"
    assert jane.prov.section == "cover page 3, row 9"
    assert jane.props["as_of"] == dt.date(2025, 6, 30)
    # group box (a) on every cover page
    assert {r.source for r in _rels(f, EdgeKind.MEMBER_OF_GROUP)} == {e.key for e in ents.values() if e.key.startswith("rp:")}
    # shares outstanding from Item 4
    assert f.filing.shares_outstanding == 20000000 and f.filing.shares_outstanding_date == dt.date(2025, 6, 1)
    # joint filing agreement exhibit
    (ag,) = [e for e in f.entities if e.kind == NodeKind.AGREEMENT]
    assert ag.prop("date") == dt.date(2025, 7, 2)
    assert len(_rels(f, EdgeKind.PARTY_TO)) == 3


def test_13g_control_chain_from_items_and_signatures():
    f = load_path(FIX / "13g_nocik_nested_cusips.xml")
    key = {e.name: e.key for e in f.entities}
    ctl = {(r.source, r.target): r.props["basis"] for r in _rels(f, EdgeKind.CONTROLS)}
    assert ctl[(key["Harbor Example Advisors GP LLC"], key["Harbor Example Master Fund LP"])] == "general partner"
    assert ctl[(key["Jane Q. Example"], key["Harbor Example Advisors GP LLC"])] == "managing member"
    assert all(r.props.get("stated") is True for r in _rels(f, EdgeKind.CONTROLS))


def test_control_stated_in_13g_item4_and_in_ownership_phrases():
    """Item 4 prose names the investment manager and its partners; Item 2 says who "owns a controlling
    interest in" two entities and who is "the non-member manager of" another (defined terms such as
    "the Adviser" are names, not role words)."""
    f = load_path(FIX / "13g_item4_prose_controls.xml")
    name = {e.key: e.name for e in f.entities}
    ctl = {(name[r.source], name[r.target]): (r.props["basis"], r.prov.section) for r in _rels(f, EdgeKind.CONTROLS)}
    assert ctl[("Kestrel Harbor Advisors LP", "Kestrel Harbor Master Fund LP")] == ("investment manager", "Item 4")
    assert ctl[("Kestrel Harbor GP LLC", "Kestrel Harbor Advisors LP")] == ("non-member manager", "Item 2")
    assert ctl[("Tamsin Oduya", "Kestrel Harbor GP LLC")] == ("controlling interest", "Item 2")
    assert ctl[("Tamsin Oduya", "Kestrel Harbor Advisors LP")] == ("controlling interest", "Item 2")
    assert len(ctl) == 4
    roles = {(name[r.source], name[r.target], r.prov.section) for r in _rels(f, EdgeKind.EMPLOYED_BY)}
    assert roles == {("Tamsin Oduya", "Kestrel Harbor Advisors LP", "Item 4"),
                     ("Bram Velasquez", "Kestrel Harbor Advisors LP", "Item 4")}
    assert not [e for e in f.entities if e.key.startswith("prose:")]  # nothing invented


def test_holder_reporting_zero_after_falling_below_five_percent():
    f = load_path(FIX / "13ga_zero_below5.xml")
    assert f.filing.form_type == "SCHEDULE 13G/A" and f.filing.is_amendment and f.filing.amendment_no == 2
    assert f.filing.previous_accession == "0009000002-25-000011"
    assert f.document["items"]["item5"]["classOwnership5PercentOrLess"] == "Y"
    (h,) = _rels(f, EdgeKind.HOLDS)
    # a zero position is a fact, not a missing one
    assert h.props["shares"] == 0 and h.props["percent"] == 0
    for p in ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive"):
        assert h.props[p] == 0
    rp = f.entity(h.source)
    assert rp.name == "Fabrikam Example Asset Management, L.L.C."
    # the only reporting person, without a CIK of its own: the filer's CIK names it
    assert rp.cik == "0009000002"
    assert f.filing.signed_date == dt.date(2026, 2, 10)


def test_truncated_end_tag_footnote_cell_and_placeholder_cusip():
    f = load_path(FIX / "13d_truncated_footnote.xml")
    assert any("malformed XML recovered" in w for w in f.warnings)
    assert f.filing.form_type == "SCHEDULE 13D/A" and f.filing.amendment_no == 1
    sec = f.entity("sec:class")
    assert sec.cusip is None and sec.prop("cusip_as_filed") == "000000000"
    assert f.document["issuer"]["cusips"] == ["000000000"]
    ents = _by_name(f)
    sub = ents["Wingtip Example Sub ??? GmbH"]  # kept as filed
    assert sub.cik is None and sub.prop("no_cik") is True
    assert sub.prop("citizenship") == "Germany"
    assert ents["Wingtip Example Holdings S.A."].prop("citizenship") == "Luxembourg"
    h = _holds(f)[sub.key]
    assert "shared_voting" not in h.props  # not 0
    assert h.props["shared_voting_footnote"] == "see footnote 1"
    assert h.props["shared_voting_text"] == "See footnote 1"
    assert h.props["shares"] == Decimal("3000000.125")
    rp = f.document["reporting_persons"][1]
    assert rp["shared_voting"] is None and rp["raw"] == {"shared_voting": "See footnote 1"}
    ctl = [(f.entity(r.source).name, f.entity(r.target).name, r.props["basis"]) for r in _rels(f, EdgeKind.CONTROLS)]
    assert ("Wingtip Example Holdings S.A.", "Wingtip Example Sub ??? GmbH", "sole owner") in ctl or \
        ("Wingtip Example Holdings S.A.", "Wingtip Example Sub ??? GmbH", "sole shareholder") in ctl
    assert f.filing.shares_outstanding == 5444646


def test_sniff_claims_xml_13dg_only():
    data = (FIX / "13g_nocik_nested_cusips.xml").read_bytes()
    assert detect(data).name == "schedule13_xml"
    sniff = loaders()["schedule13_xml"].sniff
    assert sniff(data) >= 0.9
    assert sniff(b"<SEC-DOCUMENT>0000000000-25-000001.txt\n<SEC-HEADER>\n" + data) == 0
    assert sniff(b"<SUBMISSION>\n<ACCESSION-NUMBER>0000000000-25-000001\n" + data) == 0
    assert sniff(b'<?xml version="1.0"?><ownershipDocument><schemaVersion>X0508</schemaVersion></ownershipDocument>') == 0
    assert sniff(b'<edgarSubmission xmlns="http://www.sec.gov/edgar/thirteenffiler"></edgarSubmission>') == 0


def test_bad_input_is_a_clear_load_error():
    with pytest.raises(LoadError) as e:
        load_bytes(b'<edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13D"><headerData>'
                   b'<submissionType>SCHEDULE 13D</submissionType></headerData></edgarSubmission>',
                   "nodata.xml", loader="schedule13_xml")
    assert "nodata.xml" in str(e.value) and "formData" in str(e.value)
    with pytest.raises(LoadError) as e:
        load_bytes(b"<<<not xml at all", "junk.xml", loader="schedule13_xml")
    assert "junk.xml" in str(e.value)
    with pytest.raises(UnsupportedFormat):
        load_bytes(b"\x00\x01\x02 nothing a loader knows", "mystery.bin")


def test_facts_build_into_the_graph_and_store(store):
    f = load_path(FIX / "13g_nocik_nested_cusips.xml")
    delta = build_delta(f)
    ids = {n.id for n in delta.nodes}
    assert "cik:0009000100" in ids and "cusip:G6700X101" in ids
    assert "person:jane q example" in ids and "organization:harbor example advisors gp" in ids
    store.add(f)
    store.add(load_path(FIX / "13ga_zero_below5.xml"))
    store.add(load_path(FIX / "13d_truncated_footnote.xml"))
    from ownergraph.graph.view import graph_view

    g = graph_view(store)
    assert g.has_node("cik:0009000002") and g.has_node("cusip:21036X108")


def test_document_model_round_trips():
    from ownergraph.loaders.schedule13_xml import Schedule13XmlDocument

    f = load_path(FIX / "13d_truncated_footnote.xml")
    doc = Schedule13XmlDocument.model_validate(f.document)
    assert doc.schedule == "13D" and doc.reporting_persons[0].aggregate == Decimal("3000000.125")
    assert doc.items["item2"]["citizenship"] == "Luxembourg; Germany"
    assert [s.title for s in doc.signatures] == ["Sole Shareholder", "Ola Example/Authorized Signatory"]


def test_filer_name_written_beside_the_credentials_names_the_reporting_person():
    data = (FIX / "13g_nocik_nested_cusips.xml").read_bytes()
    data = data.replace(b"<cik>0009000001</cik>",
                        b"<!-- Field: Pseudo-Tag; ID: Name; Data: HARBOR EXAMPLE ADVISORS GP LLC -->\n"
                        b"          <cik>0009000001</cik>")
    f = load_bytes(data, "pseudo.xml")
    assert f.document["filer_names"] == {"0009000001": "HARBOR EXAMPLE ADVISORS GP LLC"}
    ciks = {e.name: e.cik for e in f.entities if e.key.startswith("rp:")}
    assert ciks == {"Harbor Example Master Fund LP": None, "Harbor Example Advisors GP LLC": "0009000001",
                    "Jane Q. Example": None}
    # the document keeps the cover page as filed
    assert [rp["cik"] for rp in f.document["reporting_persons"]] == [None, None, None]


@pytest.mark.parametrize("title,expect", [
    ("Managing Member of its General Partner", None),  # a role in an unnamed intermediate
    ("Portfolio Manager", None),
    ("Authorized Signatory", None),
    ("Attorney-in-Fact", None),
    ("its Manager", (EdgeKind.CONTROLS, "manager")),
    ("Trustee", (EdgeKind.CONTROLS, "trustee")),
    ("Director", (EdgeKind.DIRECTOR_OF, "Director")),
    ("Chief Compliance Officer", (EdgeKind.OFFICER_OF, "Chief Compliance Officer")),
])
def test_signature_titles(title, expect):
    data = (FIX / "13ga_zero_below5.xml").read_bytes().replace(
        b"<title>Chief Compliance Officer</title>", f"<title>{title}</title>".encode())
    f = load_bytes(data, "sig.xml")
    rels = [r for r in f.relations if r.prov.section.startswith("signature")]
    if expect is None:
        assert rels == []
        assert not any(e.name == "Alex Example" for e in f.entities)  # no relation, no entity
        return
    (r,) = rels
    assert f.entity(r.source).name == "Alex Example" and f.entity(r.target).name.startswith("Fabrikam")
    assert r.type == expect[0] and expect[1] in (r.props.get("basis"), r.props.get("title"))


def test_generic_defined_terms_do_not_become_cross_filing_aliases():
    """'(the "Fund")' names an entity inside one filing; as an alias it would merge every filing's Fund."""
    f = load_path(FIX / "13g_nocik_nested_cusips.xml")
    aliases = {a.lower() for e in f.entities for a in e.aliases}
    assert not aliases & {"fund", "general partner", "the fund"}
    # the prose still resolved them inside the filing (Item 2 names both roles by these terms)
    assert {r.props["basis"] for r in f.relations if r.type == EdgeKind.CONTROLS} >= {"general partner",
                                                                                      "managing member"}


def test_attached_base64_exhibit_is_read():
    import base64

    exhibit = (b"<html><body><p>EXHIBIT 99.1</p><p>JOINT FILING AGREEMENT</p><p>The undersigned agree, dated as of "
               b"July 2, 2025, that this Schedule 13G is filed on behalf of each of them.</p>"
               b"<p>Harbor Example Master Fund LP</p><p>Jane Q. Example</p></body></html>")
    attached = (b"<documents><document><conformedName>ex991.htm</conformedName>"
                b"<conformedDocumentType>EX-99.1</conformedDocumentType><contents>"
                + base64.encodebytes(exhibit) + b"</contents></document>"
                b"<document><conformedName>logo.pdf</conformedName><conformedDocumentType>EX-99.2"
                b"</conformedDocumentType><contents>JVBERi0xLjQK</contents></document></documents>")
    data = (FIX / "13g_nocik_nested_cusips.xml").read_bytes().replace(b"</formData>", b"</formData>" + attached)
    f = load_bytes(data, "attached.xml")
    assert [d["name"] for d in f.document["documents"]] == ["ex991.htm", "logo.pdf"]
    (ag,) = [e for e in f.entities if e.kind == NodeKind.AGREEMENT]  # the same agreement Item 7 names
    assert ag.prop("exhibit") == "EX-99.1" and ag.prop("date") == dt.date(2025, 7, 2)
    assert len([r for r in f.relations if r.type == EdgeKind.PARTY_TO]) == 3


def test_mixed_up_schema_still_reads_the_cover_pages():
    data = (FIX / "13d_truncated_footnote.xml").read_bytes()
    data = data.replace(b"http://www.sec.gov/edgar/schedule13D", b"http://www.sec.gov/edgar/schedule13g")
    data = data.replace(b"SCHEDULE 13D/A", b"SCHEDULE 13G/A")
    f = load_bytes(data, "mixed.xml")
    assert f.document["schedule"] == "13G"
    assert [rp["aggregate"] for rp in f.document["reporting_persons"]] == ["3000000.125", "3000000.125"]
    assert len([r for r in f.relations if r.type == EdgeKind.HOLDS]) == 2
    assert "item2" in f.document["items"]


def test_managing_member_signing_for_a_partnership_is_not_its_controller():
    """'Harbor Example Master Fund LP / By: /s/ Jane, Managing Member': an LP has no managing member --
    Jane manages its general partner, which this signature block does not name."""
    data = (FIX / "13g_nocik_nested_cusips.xml").read_bytes().replace(
        b"<title>By: Harbor Example Advisors GP LLC, its General Partner, By: Jane Q. Example, Managing Member</title>",
        b"<title>Managing Member</title>")
    f = load_bytes(data, "lp.xml")
    key = {e.name: e.key for e in f.entities}
    ctl = [(r.source, r.target) for r in f.relations if r.type == EdgeKind.CONTROLS]
    assert (key["Jane Q. Example"], key["Harbor Example Master Fund LP"]) not in ctl
    assert (key["Jane Q. Example"], key["Harbor Example Advisors GP LLC"]) in ctl


def test_fund_family_whose_general_partners_differ_only_in_legal_form():
    """'X Partners IV, L.P.' and 'X Partners IV, LLC' normalize alike: each defined term, mention and signature
    step goes to the one spelled so; a group term defined in its own sentence is a group, not an entity;
    enumerated filers do not lend their objects to the next item as subjects; an attorney-in-fact's title
    'A, as Attorney-in-Fact for B, Managing Director' is B's role."""
    facts = load_path(FIX / "13d_fund_family_same_name_gp.xml")
    names = {e.key: e.name for e in facts.entities}
    by = _by_name(facts)
    assert by["Larch Growth Partners IV, L.P."].aliases == ["LGP IV LP"]
    assert by["Larch Growth Partners IV, LLC"].aliases == ["LGP IV LLC"]
    controls = {(names[r.source], names[r.target]) for r in _rels(facts, EdgeKind.CONTROLS)}
    assert controls == {("Larch Growth Partners IV, L.P.", "Larch Growth Fund IV, L.P."),
                        ("Larch Growth Partners IV, LLC", "Larch Growth Partners IV, L.P.")}
    committee = {(names[r.source], names[r.target], r.props["title"]) for r in _rels(facts, EdgeKind.EMPLOYED_BY)}
    assert committee == {(p, "Larch Growth Partners IV, LLC", "investment committee member")
                         for p in ("Dana Whitcombe", "Arjun Patel", "Mira Osei")}
    officers = {(names[r.source], names[r.target], r.props["title"]) for r in _rels(facts, EdgeKind.OFFICER_OF)}
    assert officers == {("Dana Whitcombe", "Larch Growth Partners IV, LLC", "Managing Director")}
    # nothing invented: no entity for the group term, none for the attorney-in-fact
    assert set(names) == {"issuer", "sec:class", *(f"rp:{i}" for i in range(1, 7))}


def test_names_keep_no_placeholder_marks_of_unencodable_spaces():
    """EDGAR writes a space it cannot encode (a no-break or narrow space) as a run of '?', one per byte
    ("Fund???GP LP"): names as filed with such a run between two words read with a plain space, in the
    cover page, in the signature block (which must still find its reporting person) and for the issuer."""
    facts = load_path(FIX / "13d_placeholder_marks_in_names.xml")
    names = _by_name(facts)
    assert "Wren Hollow Co-Invest Fund II LP" in names
    assert not any("?" in e.name for e in facts.entities)
    assert names["Harbor Lane Therapeutics, Inc."].key == "issuer"
    fund = names["Wren Hollow Co-Invest Fund II LP"]
    assert fund.kind == NodeKind.ORGANIZATION
    assert {s["reporting_person"] for s in facts.document["signatures"]} == {
        "Wren Hollow Co-Invest Fund II LP", "Wren Hollow GP LLC"}
    gp = names["Wren Hollow GP LLC"]
    assert any(r.source == gp.key and r.target == fund.key for r in _rels(facts, EdgeKind.CONTROLS))


def test_issuer_address_parts_with_their_own_trailing_comma_join_once():
    """A street or city filed with a trailing comma ("200 Quarry Road,") is joined with one separator."""
    facts = load_path(FIX / "13d_placeholder_marks_in_names.xml")
    issuer = _by_name(facts)["Harbor Lane Therapeutics, Inc."]
    assert issuer.prop("address") == "200 Quarry Road, Suite 4, Lowell, Massachusetts, 01851"


def test_13g_reporting_person_ciks_are_read():
    """13G cover pages name a reporting person's CIK in ``reportingCik`` and the no-CIK box in
    ``reportingCikNotPresentInEdgarFlag`` (the 13G schema's names; 13D uses reportingPersonCIK / NoCIK)."""
    f = load_path(FIX / "13g_reporting_ciks.xml")
    ents = _by_name(f)
    assert ents["Larkspur Example Advisers LP"].cik == "0009000201"
    assert ents["Morrow Example"].cik == "0009000202"
    assert ents["Larkspur Example Offshore Fund Ltd."].cik is None
    assert ents["Larkspur Example Offshore Fund Ltd."].prop("no_cik") is True
    assert ents["Larkspur Example Advisers LP"].prop("no_cik") is False
    rps = f.document["reporting_persons"]
    assert [rp["cik"] for rp in rps] == ["0009000201", None, "0009000202"]
    assert [rp["no_cik"] for rp in rps] == [False, True, False]
    # the CIK is never guessed for a sole reporting person whose no-CIK box is checked
    data = (FIX / "13g_reporting_ciks.xml").read_bytes()
    start = data.index(b"<coverPageHeaderReportingPersonDetails>")
    second = data.index(b"<coverPageHeaderReportingPersonDetails>", start + 1)
    end = data.index(b"<items>")
    solo = data[:start] + data[second:data.index(b"<coverPageHeaderReportingPersonDetails>", second + 1)] + data[end:]
    g = load_bytes(solo, "solo.xml")
    (rp,) = [e for e in g.entities if e.key.startswith("rp:")]
    assert rp.name == "Larkspur Example Offshore Fund Ltd." and rp.cik is None


def test_13ga_sole_person_empty_cover_rows_read_from_item4():
    """A 13G/A whose cover rows are empty (the schema makes them optional on amendments) states the sole
    reporting person's position in Item 4: plain numbers there become the beneficial HOLDS, cited to Item 4;
    text ("See the cover page.") gives nothing, and the document model keeps the cover as filed."""
    f = load_path(FIX / "13ga_cover_rows_empty_item4.xml")
    (h,) = _rels(f, EdgeKind.HOLDS)
    assert h.prov.section == "Item 4"
    assert h.props["shares"] == Decimal("1250")
    assert h.props["percent"] == Decimal("0.1") and h.props["percent_bound"] == "<"
    assert h.props["percent_text"] == "Less than 0.1%"
    assert h.props["sole_voting"] == Decimal("1250") and h.props["shared_voting"] == Decimal("0")
    assert h.props["sole_dispositive"] == Decimal("1250") and "shared_dispositive" not in h.props
    (rp,) = f.document["reporting_persons"]
    assert rp["aggregate"] is None and rp["percent"] is None
    # cover rows filed: they stay the fact, cited to the cover page
    g = load_path(FIX / "13ga_zero_below5.xml")
    (h,) = _rels(g, EdgeKind.HOLDS)
    assert h.prov.section == "cover page 1, row 9" and h.props["shares"] == Decimal("0")


def test_shares_outstanding_from_cover_comments():
    """No item states the class's shares outstanding, a cover page's comments do (row 11's denominator)."""
    f = load_path(FIX / "13g_reporting_ciks.xml")
    assert f.filing.shares_outstanding == Decimal("12000000")
    assert f.filing.shares_outstanding_date == dt.date(2025, 11, 5)


def test_13g_filer_ciks_joined_by_the_agents_filer_names():
    """Published 13G cover pages carry no CIKs; a filer agent's pseudo-tag comment names each filer beside
    its CIK, an individual in EDGAR's LAST FIRST MIDDLE order ('EXAMPLE MORROW J' is 'Morrow J. Example')."""
    f = load_path(FIX / "13g_filer_names_pseudo_tags.xml")
    ents = _by_name(f)
    assert ents["Larkspur Example Advisers LP"].cik == "0009000201"
    assert ents["Morrow J. Example"].cik == "0009000202"
    assert ents["Morrow J. Example"].prop("cik_from") == "filer credentials (filer name beside the CIK)"
    assert ents["Larkspur Example Offshore Fund Ltd."].cik is None
    # the same words are needed, not a shared surname
    from ownergraph.loaders.schedule13_xml import _same_person_sec_order
    assert _same_person_sec_order("ICAHN CARL C", "Carl C. Icahn")
    assert not _same_person_sec_order("EXAMPLE MORROW J", "Jane Example")
    assert not _same_person_sec_order("EXAMPLE", "Example")


def test_signature_title_names_the_general_partner_signed_through():
    """'Dana Okafor / Authorized Signatory, Birchline GP LP, its general partner' (no 'By:'): the entity named
    is the reporting person's general partner, the signer only its signatory -- never the fund's general partner."""
    f = load_path(FIX / "13d_signature_through_gp.xml")
    names = {e.key: e.name for e in f.entities}
    ctl = {(names[r.source], names[r.target], r.props.get("basis")) for r in _rels(f, EdgeKind.CONTROLS)}
    assert ("Birchline GP LP", "Birchline Fund I LP", "general partner") in ctl
    assert ("Birchline Co-Invest GP LLC", "Birchline Co-Invest LP", "general partner") in ctl
    assert ("Dana Okafor", "Birchline Co-Invest GP LLC", "managing member") in ctl
    assert not any(src == "Dana Okafor" and dst in ("Birchline Fund I LP", "Birchline Co-Invest LP")
                   for src, dst, _ in ctl)
    assert not [r for r in f.relations if names.get(r.source) == "Dana Okafor" and r.type == EdgeKind.OFFICER_OF]


def test_signature_and_title_lines_do_not_make_a_reversed_alias():
    """'/s/ Dana Okafor' above the title 'Dana Okafor': the line break between them is no name
    ('Okafor Dana' read as EDGAR's LAST FIRST order of the person)."""
    f = load_path(FIX / "13d_signature_through_gp.xml")
    (dana,) = [e for e in f.entities if e.name == "Dana Okafor"]
    assert dana.key.startswith("rp:") and dana.kind == NodeKind.PERSON
    assert "Okafor Dana" not in dana.aliases
