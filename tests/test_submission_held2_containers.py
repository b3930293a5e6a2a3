"""EDGAR submissions of structures seen in real filings not covered before: an HTML power of attorney dated
'21<sup>st</sup> day of', a submission cut short, a Schedule TO-T/A that EDGAR also files as a 13D/A."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ownergraph.errors import LoadError
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_bytes, load_path

FIX = Path(__file__).parent / "fixtures" / "submission"


def test_html_power_of_attorney_dated_with_superscript_ordinal():
    f = load_path(FIX / "f4_xml_poa_html_ordinal.txt")
    poa = [e for e in f.entities if e.kind == NodeKind.AGREEMENT]
    assert [e.name for e in poa] == ["Power of Attorney"]
    # "as of this 21<sup>st</sup> day of November, 2023": the HTML text reads "21 st day of November, 2023"
    assert poa[0].prop("date") == dt.date(2023, 11, 21)
    roles = sorted((f.entity(r.source).name, r.props["role"]) for r in f.relations
                   if r.type == EdgeKind.PARTY_TO and r.target == poa[0].key)
    assert roles == [("Avery R. Sampleton", "grantor"), ("Quinn Example", "attorney-in-fact"),
                     ("Rowan Placeholder", "attorney-in-fact")]


def test_submission_cut_short_inside_its_last_document_warns():
    data = (FIX / "f4_xml_poa_html_ordinal.txt").read_bytes()
    cut = data[:data.index(b"</XML>")]  # stops inside the Form 4, before the EX-24
    f = load_bytes(cut, "cut.txt")
    # what could be read is read ...
    assert f.filing.accession == "0009000081-25-000007"
    assert any(r.type == EdgeKind.HOLDS for r in f.relations)
    # ... and the user is told the file is incomplete, naming the file and the document
    assert any(w.startswith("cut.txt: the submission ends inside document 1 (form4.xml) without its </DOCUMENT>")
               for w in f.warnings)
    assert any(w.startswith("cut.txt: the header counts 2 documents but the submission holds 1") for w in f.warnings)
    # the whole file: neither warning
    whole = load_bytes(data, "whole.txt")
    assert not any("cut short" in w or "counts 2 documents" in w for w in whole.warnings)


def test_submission_cut_inside_the_primary_document_names_the_cut_in_its_error():
    data = (FIX / "f4_xml_poa_html_ordinal.txt").read_bytes()
    cut = data[:data.index(b"<reportingOwner>")]
    with pytest.raises(LoadError) as ei:
        load_bytes(cut, "cut.txt")
    msg = str(ei.value)
    assert "cut.txt" in msg and "form4.xml" in msg and "cut short" in msg


def test_missing_close_between_documents_is_not_a_cut():
    data = (FIX / "f4_xml_poa_html_ordinal.txt").read_bytes()
    f = load_bytes(data.replace(b"</DOCUMENT>\n<DOCUMENT>", b"\n<DOCUMENT>", 1), "noclose.txt")
    assert not any("cut short" in w for w in f.warnings)
    assert [d["role"] for d in f.document["submission"]["documents"]] == ["primary", "exhibit"]


def test_schedule_to_filed_as_13d_amendment_unread_gives_header_facts_with_group_members():
    f = load_path(FIX / "sctota_13da_unread_group_members.txt")
    fi = f.filing
    # the submission type stays; the subject company's FILING VALUES say EDGAR filed it as a 13D/A too
    assert fi.form_type == "SC TO-T/A" and fi.also_form_types == ["SC 13D/A"]
    assert fi.family == "schedule13" and fi.is_amendment
    assert any("only the header's facts were loaded" in w for w in f.warnings)
    issuer = f.entity(fi.issuer_key)
    assert (issuer.name, issuer.cik) == ("NORTHWIND EXAMPLE REFINING INC", "0009000090")
    filers = [f.entity(k) for k in fi.filer_keys]
    assert [(e.name, e.cik, e.kind) for e in filers] == [
        ("FABRIKAM EXAMPLE HOLDINGS L.P.", "0009000091", NodeKind.ORGANIZATION),
        ("FABRIKAM EXAMPLE G.P. INC.", None, NodeKind.ORGANIZATION),
        ("HOLLIS W. EXAMPLE", None, NodeKind.PERSON),
        ("FABRIKAM EXAMPLE ENERGY LLC", None, NodeKind.ORGANIZATION),
    ]
    assert all(e.prov.section == "header" for e in filers)


def test_group_member_that_is_also_a_filed_by_party_is_not_repeated():
    f = load_path(FIX / "sc13d_header_only_individual.txt")  # GROUP MEMBERS: BLUEBIRD EXAMPLE, also FILED BY
    names = [f.entity(k).name for k in f.filing.filer_keys]
    assert names.count("BLUEBIRD EXAMPLE") == 1 and len(names) == 2


def test_schedule_to_without_a_13d_filing_value_is_still_refused():
    data = (FIX / "sctota_13da_unread_group_members.txt").read_bytes().replace(
        b"FORM TYPE:\t\tSC 13D/A", b"FORM TYPE:\t\tSC TO-T/A")
    from ownergraph.errors import UnsupportedFormat

    with pytest.raises(UnsupportedFormat) as ei:
        load_bytes(data, "to.txt")
    assert "to.txt" in str(ei.value) and "SC TO-T/A" in str(ei.value)


def test_tag_dialect_header_only_13d_amendment_lists_its_group_members():
    # a header of the <TAG>value dialect kept without its documents (an EDGAR .hdr.sgml): the FILED BY
    # individual, in SEC order, and the GROUP MEMBERS lines, one of which is that individual again
    f = load_path(FIX / "sc13da_tag_header_group_members.txt")
    fi = f.filing
    assert fi.form_type == "SC 13D/A" and fi.also_form_types == [] and fi.filed_date == dt.date(2024, 11, 20)
    assert any("the submission holds no <DOCUMENT>" in w for w in f.warnings)
    assert f.entity(fi.issuer_key).cik == "0009000096"
    filers = [(e.name, e.cik, e.kind) for e in (f.entity(k) for k in fi.filer_keys)]
    assert filers == [("Harper J Example", "0009000095", NodeKind.PERSON),
                      ("WINGTIP EXAMPLE CORP.", None, NodeKind.ORGANIZATION),
                      ("WINGTIP EXAMPLE CAPITAL LP", None, NodeKind.ORGANIZATION)]


def test_submission_cut_inside_its_header():
    data = (FIX / "f4_xml_poa_html_ordinal.txt").read_bytes()
    # cut after the issuer's CIK: the header's parties are there, the header's end and the documents are not
    cut = data[:data.index(b"STANDARD INDUSTRIAL CLASSIFICATION")]
    f = load_bytes(cut, "cut.txt")
    assert f.entity(f.filing.issuer_key).cik == "0009000081"
    assert [f.entity(k).cik for k in f.filing.filer_keys] == ["0009000080"]
    assert any(w.startswith("cut.txt: the submission holds no <DOCUMENT> and its header has no end") and
               "cut short" in w for w in f.warnings)
    # cut before any party: one clear error naming the file
    with pytest.raises(LoadError) as ei:
        load_bytes(data[:data.index(b"REPORTING-OWNER:")], "early.txt")
    assert str(ei.value).startswith("early.txt") and "cut short" in str(ei.value)
    # a header kept whole without its documents is no cut
    whole_header = data[:data.index(b"<DOCUMENT>")]
    assert not any("cut short" in w for w in load_bytes(whole_header, "hdr.txt").warnings)


def test_power_of_attorney_attorneys_listed_with_their_offices():
    # "appoints each of Ms. Sloane Example, Senior Vice President, General Counsel and Secretary, Mr. Tobias
    # Placeholder, Assistant Secretary, and Wren Sample of Proseware ...": three people, no offices as people
    f = load_path(FIX / "f3_xml_poa_attorneys_with_offices.txt")
    (poa,) = [e for e in f.entities if e.kind == NodeKind.AGREEMENT]
    assert poa.prop("date") == dt.date(2025, 3, 28)
    roles = sorted((f.entity(r.source).name, r.props["role"]) for r in f.relations
                   if r.type == EdgeKind.PARTY_TO and r.target == poa.key)
    assert roles == [("Devon K Marlowe", "grantor"), ("Sloane Example", "attorney-in-fact"),
                     ("Tobias Placeholder", "attorney-in-fact"), ("Wren Sample", "attorney-in-fact")]
    assert not any(e.name in ("Senior Vice President", "General Counsel", "Assistant Secretary")
                   for e in f.entities)


def test_accession_from_the_container_line_when_the_header_states_none():
    data = (FIX / "f4_xml_poa_html_ordinal.txt").read_bytes()
    without = data.replace(b"ACCESSION NUMBER:\t\t0009000081-25-000007\n", b"")
    assert without != data
    f = load_bytes(without, "noacc.txt")
    # "<SEC-DOCUMENT>0009000081-25-000007.txt : 20250212" names the file by its accession number
    assert f.filing.accession == f.filing.id == "0009000081-25-000007"
    # no accession anywhere: the filing is known by its content's hash
    bare = without.replace(b"0009000081-25-000007.txt", b"x.txt").replace(b"0009000081-25-000007.hdr", b"x.hdr")
    g = load_bytes(bare, "bare.txt")
    assert g.filing.accession is None and g.filing.id.startswith("sha256:")


def test_10k_whose_text_a_13g_loader_claims_but_cannot_read_still_gives_its_ex21():
    # Item 12 of a 10-K tells of its holders' Schedules 13G: the classic 13D/G loader claims the document and
    # finds no cover page; the 10-K is passed over (with a warning naming it) and its EX-21 is read
    f = load_path(FIX / "10k_item12_mentions_13g_with_ex21.txt")
    assert f.filing.form_type == "10-K" and f.filing.loader == "ex21"
    subs = sorted(f.entity(r.source).name for r in f.relations if r.type == EdgeKind.SUBSIDIARY_OF)
    assert subs == ["Woodgrove Example (Cayman) Ltd.", "Woodgrove Example GmbH", "Woodgrove Example Holdings LLC"]
    assert any("wg-10k.htm (10-K) was not read by schedule13_text" in w for w in f.warnings)
    roles = [(d["type"], d["loader"], d["role"]) for d in f.document["submission"]["documents"]]
    assert roles == [("10-K", None, None), ("EX-21.1", "ex21", "primary")]


def test_13d_document_the_loader_cannot_read_is_still_the_filings_error():
    data = (FIX / "10k_item12_mentions_13g_with_ex21.txt").read_bytes().replace(
        b"CONFORMED SUBMISSION TYPE:\t10-K", b"CONFORMED SUBMISSION TYPE:\tSC 13G").replace(
        b"<TYPE>10-K", b"<TYPE>SC 13G")
    with pytest.raises(LoadError) as ei:
        load_bytes(data, "13g.txt")
    assert str(ei.value).startswith("13g.txt") and "wg-10k.htm (SC 13G)" in str(ei.value)


def test_10k_with_only_a_document_no_loader_can_read_is_unsupported_with_the_reason():
    from ownergraph.errors import UnsupportedFormat

    data = (FIX / "10k_item12_mentions_13g_with_ex21.txt").read_bytes()
    data = data[:data.index(b"<DOCUMENT>\n<TYPE>EX-21.1")] + b"</SEC-DOCUMENT>\n"
    with pytest.raises(UnsupportedFormat) as ei:
        load_bytes(data, "10k.txt")
    msg = str(ei.value)
    assert msg.startswith("10k.txt") and "type 10-K" in msg and "not read by schedule13_text" in msg


def test_document_listing_says_which_exhibits_the_container_loader_read():
    f = load_path(FIX / "f4_xml_poa_html_ordinal.txt")
    assert [(d["type"], d["loader"], d["role"]) for d in f.document["submission"]["documents"]] == [
        ("4", "ownership", "primary"), ("EX-24", "submission", "exhibit")]
    # an exhibit that states nothing the graph holds (a press release) was not read
    g = load_path(FIX / "13g_xml_submission.txt")
    assert [(d["type"], d["loader"]) for d in g.document["submission"]["documents"]] == [
        ("SCHEDULE 13G", "schedule13_xml"), ("EX-99.1", "submission"), ("GRAPHIC", None)]
    # an exhibit a 13G's Item 7 cites for its subsidiaries ("See Exhibit 99.1") was read too
    h = load_path(FIX / "13g_parent_item7_exhibit_doc.txt")
    assert [(d["type"], d["loader"]) for d in h.document["submission"]["documents"]] == [
        ("SC 13G", "schedule13_text"), ("EX-24", "submission"), ("EX-99.1", "submission")]
