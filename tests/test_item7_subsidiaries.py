"""13G Item 7: the subsidiaries a parent holding company reports for become CONTROLS edges from the parent.

Inline answers, an exhibit inside the document, an exhibit that is its own <DOCUMENT> of a submission, and the
XML item; "Not applicable" and 13D Item 7 (exhibits) give nothing."""

from __future__ import annotations

from pathlib import Path

from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_bytes, load_path

FIX = Path(__file__).parent / "fixtures"
TEXT = FIX / "schedule13" / "sc13g_parent_exhibit_a.txt"
SUB = FIX / "submission" / "13g_parent_item7_exhibit_doc.txt"
XML = FIX / "xml13" / "13g_parent_item7.xml"


def _subsidiaries(f):
    """{subsidiary name: (parent name, classification, section)} of the Item 7 control edges."""
    names = {e.key: e.name for e in f.entities}
    return {names[r.target]: (names[r.source], r.props.get("classification"), r.prov.section)
            for r in f.relations if r.type == EdgeKind.CONTROLS and r.props.get("classification") is not None
            or r.type == EdgeKind.CONTROLS and r.props.get("basis") == "subsidiary"}


def test_exhibit_a_of_a_text_13g_lists_the_subsidiaries_with_their_classification():
    f = load_path(TEXT)
    parent = "Kittiwake Financial Group, Inc."
    assert _subsidiaries(f) == {
        "Kittiwake Asset Management, LLC": (parent, "IA", "Exhibit A"),
        "Kittiwake Trust Company, N.A.": (parent, "BK", "Exhibit A"),
        "Kittiwake Investment Management (Europe) Limited": (parent, "IA", "Exhibit A"),
        "Kittiwake Securities LLC": (parent, "BD", "Exhibit A"),
    }
    for r in f.relations:
        if r.props.get("basis") == "subsidiary":
            assert r.props["stated"] is True and f.entity(r.target).kind == NodeKind.ORGANIZATION
            assert f.entity(r.target).name in r.prov.excerpt
    # the exhibit index line, the intro sentence and the footnote are no subsidiaries
    assert not [e for e in f.entities if "Entity" in e.name or "Item 7" in e.name or "Pursuant" in e.name]
    assert f.document["item_7_subsidiaries"]["exhibit"] == "Exhibit A"


def test_not_applicable_or_a_reference_to_an_item_gives_no_edges():
    base = TEXT.read_bytes()
    for answer in (b"Not applicable.", b"N/A", b"See Item 2(a)."):
        f = load_bytes(base.replace(b"See Exhibit A.", answer), "t.txt")
        assert _subsidiaries(f) == {}, answer
        assert not [e for e in f.entities if e.name.startswith("Kittiwake") and e.key.startswith("sub:")]


def test_inline_sentence_answer_names_the_subsidiary_and_its_classification():
    data = TEXT.read_bytes().split(b"Exhibit Index")[0].replace(
        b"See Exhibit A.", b"The relevant subsidiary is Kittiwake Asset Management, LLC, an investment adviser.")
    f = load_bytes(data, "t.txt")
    assert _subsidiaries(f) == {"Kittiwake Asset Management, LLC": ("Kittiwake Financial Group, Inc.", "IA", "Item 7")}


def test_cited_exhibit_missing_from_the_document_gives_nothing():
    f = load_bytes(TEXT.read_bytes().split(b"Exhibit Index")[0], "t.txt")
    assert _subsidiaries(f) == {}
    assert f.document["item_7_subsidiaries"] == {"answer": "See Exhibit A.", "exhibit": "Exhibit A", "found": 0}


def test_13d_item_7_lists_exhibits_not_subsidiaries():
    f = load_path(FIX / "schedule13" / "sc13d_text_schedule_a_blocks.txt")
    assert _subsidiaries(f) == {} and "item_7_subsidiaries" not in f.document


def test_exhibit_as_its_own_document_of_a_submission():
    f = load_path(SUB)
    parent = "Harrier Holdings, L.P."
    got = _subsidiaries(f)
    assert got == {
        "Harrier Capital Advisors, LLC": (parent, "IA", "Exhibit 99.1"),
        "Harrier Bank & Trust Company": (parent, "BK", "Exhibit 99.1"),
        "Harrier Asset Management (Cayman) Ltd.": (parent, "IA", "Exhibit 99.1"),  # "(e)": Item 3(e)
    }
    by = {f.entity(r.target).name: r for r in f.relations if r.type == EdgeKind.CONTROLS}
    # the exhibit's own sentence says more (wholly owned): that basis stays, the list adds the code
    assert by["Harrier Capital Advisors, LLC"].props["basis"] == "wholly owns"
    assert by["Harrier Bank & Trust Company"].props["basis"] == "subsidiary"
    # the parent is the organization of type HC, not the natural person who is also HC
    assert all(r.source != next(e.key for e in f.entities if e.name == "Marguerite Solberg") for r in by.values())
    # the power of attorney (EX-24) is not read as the list
    assert not [e for e in f.entities if "Compliance Services" in e.name]
    assert all(r.prov.accession == "0009000003-26-000007" for r in by.values())


def test_submission_without_the_cited_exhibit_invents_nothing():
    data = SUB.read_bytes()
    data = data[:data.index(b"<DOCUMENT>\n<TYPE>EX-99.1")] + b"</SEC-DOCUMENT>\n"
    f = load_bytes(data, "s.txt")
    assert _subsidiaries(f) == {}


def test_xml_item_7_inline_list():
    f = load_path(XML)
    assert _subsidiaries(f) == {
        "Ospreyfield Investment Advisers LLC": ("Ospreyfield Bancorp", "IA", "Item 7"),
        "Ospreyfield Trust Company": ("Ospreyfield Bancorp", "BK", "Item 7"),
    }


def test_xml_item_7_not_applicable_flag():
    data = XML.read_bytes().replace(b"<notApplicableFlag>N</notApplicableFlag>\n        <subsidiary",
                                    b"<notApplicableFlag>Y</notApplicableFlag>\n        <subsidiary")
    assert _subsidiaries(load_bytes(data, "x.xml")) == {}


def test_xml_13g_in_a_submission_whose_exhibit_a_is_a_document():
    xml = XML.read_bytes().replace(
        b"Ospreyfield Investment Advisers LLC (IA); Ospreyfield Trust Company (BK)", b"See Exhibit A")
    exhibit = (b"EXHIBIT A\n\nSUBSIDIARIES\n\nOspreyfield Investment Advisers LLC     IA\n"
               b"Ospreyfield Capital Markets LLC         BD\n")
    data = (b"<SEC-DOCUMENT>0009000002-26-000011.txt : 20260210\n<SEC-HEADER>\n"
            b"ACCESSION NUMBER:\t\t0009000002-26-000011\nCONFORMED SUBMISSION TYPE:\tSCHEDULE 13G\n"
            b"FILED AS OF DATE:\t\t20260210\n</SEC-HEADER>\n"
            b"<DOCUMENT>\n<TYPE>SCHEDULE 13G\n<SEQUENCE>1\n<FILENAME>primary_doc.xml\n<TEXT>\n<XML>\n" + xml +
            b"\n</XML>\n</TEXT>\n</DOCUMENT>\n"
            b"<DOCUMENT>\n<TYPE>EX-99\n<SEQUENCE>2\n<FILENAME>exa.txt\n<TEXT>\n" + exhibit +
            b"</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    f = load_bytes(data, "s.txt")
    assert f.filing.loader == "schedule13_xml"
    assert _subsidiaries(f) == {
        "Ospreyfield Investment Advisers LLC": ("Ospreyfield Bancorp", "IA", "Exhibit A"),
        "Ospreyfield Capital Markets LLC": ("Ospreyfield Bancorp", "BD", "Exhibit A"),
    }


def test_listed_reporting_person_is_reused_and_an_ambiguous_parent_gives_a_warning():
    xml = XML.read_bytes()
    second = xml[xml.index(b"<coverPageHeaderReportingPersonDetails>"):
                 xml.index(b"</coverPageHeaderReportingPersonDetails>") + 40]
    adviser = second.replace(b"Ospreyfield Bancorp", b"Ospreyfield Investment Advisers LLC").replace(
        b"<typeOfReportingPerson>HC</typeOfReportingPerson>", b"<typeOfReportingPerson>IA</typeOfReportingPerson>")
    f = load_bytes(xml.replace(second, second + adviser), "x.xml")
    advisers = [e for e in f.entities if e.name == "Ospreyfield Investment Advisers LLC"]
    assert len(advisers) == 1 and advisers[0].key.startswith("rp:")
    assert _subsidiaries(f)["Ospreyfield Investment Advisers LLC"][0] == "Ospreyfield Bancorp"
    # two parent holding companies: whose subsidiaries they are is not stated
    other = second.replace(b"Ospreyfield Bancorp", b"Ospreyfield Holdings Corp")
    f = load_bytes(xml.replace(second, second + other), "x.xml")
    assert _subsidiaries(f) == {} and any("parent holding company" in w for w in f.warnings)


def test_legal_form_sa_is_not_the_savings_association_code():
    from ownergraph.loaders._item7 import parse_list

    assert parse_list("Pictet Asset Management SA\nHarrier Savings Bank\tSA") == [
        ("Pictet Asset Management SA", None, "Pictet Asset Management SA"),
        ("Harrier Savings Bank", "SA", "Harrier Savings Bank\tSA")]
