"""Exhibit 21 subsidiaries lists: ../shared/filings/ex21 against truth.json, own fixtures, inside a submission."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ownergraph.errors import LoadError, UnsupportedFormat
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.graph.view import graph_view
from ownergraph.loaders import detect, load_bytes, load_path

from conftest import FIXTURES

EX = FIXTURES / "ex21"


def _subs(f):
    return {f.entity(r.source).name: r for r in f.relations if r.type == EdgeKind.SUBSIDIARY_OF}


@pytest.mark.parametrize("name", ["ex21_aapl.html", "ex21_jpm.html"])
def test_ex21_truth(name, shared_filings, truth):
    t = truth[f"ex21/{name}"]
    path = shared_filings / "ex21" / name
    assert detect(path.read_bytes()).name == "ex21"
    f = load_path(path)
    got = [{"name": s["name"], "jurisdiction": s["jurisdiction"]} for s in f.document["subsidiaries"]]
    assert got == t["subsidiaries"] and len(got) == t["subsidiary_count"]
    parent = f.entity(f.filing.issuer_key)
    assert parent.name == t["issuer"]["name"] and parent.kind == NodeKind.ORGANIZATION
    subs = _subs(f)
    assert len(subs) == t["subsidiary_count"]
    for s in t["subsidiaries"]:
        r = subs[s["name"]]
        assert r.target == f.filing.issuer_key and r.props["jurisdiction"] == s["jurisdiction"]
        assert f.entity(r.source).prop("jurisdiction") == s["jurisdiction"]
        assert r.prov.section.startswith("Exhibit 21, row ")
    if t.get("as_of"):
        assert f.filing.event_date == dt.date.fromisoformat(t["as_of"])


def test_text_list_without_a_named_parent():
    f = load_path(EX / "ex21_text_no_parent.txt")
    parent = f.entity(f.filing.issuer_key)
    assert parent.name.startswith("Unknown parent (sha256:") and parent.prop("parent_unknown") is True
    subs = {n: r.props["jurisdiction"] for n, r in _subs(f).items()}
    assert subs == {"Contoso Example Holdings, LLC": "Delaware", "Contoso Example Manufacturing GmbH": "Germany",
                    "Northwind Sample Logistics, Inc.": "Texas", "Tailspin Example Insurance Ltd.": "Bermuda"}


def test_unknown_parents_of_two_files_stay_apart(store, tmp_path):
    a = (EX / "ex21_text_no_parent.txt").read_bytes()
    store.add(load_bytes(a, "a.txt"))
    store.add(load_bytes(a + b"\nFabrikam Sample Ltd. (Ireland)\n", "b.txt"))
    g = graph_view(store)
    assert len([n for n, d in g.nodes(data=True) if str(d.get("name", "")).startswith("Unknown parent")]) == 2


def test_html_table_with_percent_owned():
    f = load_path(EX / "ex21_percent_table.html")
    assert f.entity("parent").name == "WOODGROVE EXAMPLE BANCORP, INC."
    assert f.filing.event_date == dt.date(2023, 12, 31)
    subs = _subs(f)
    assert set(subs) == {"Woodgrove Example Bank, N.A.", "Woodgrove Sample Insurance Agency, LLC",
                         "Woodgrove Capital Trust I"}
    ins = subs["Woodgrove Sample Insurance Agency, LLC"].props
    assert ins == {"jurisdiction": "Ohio", "percent": Decimal(80), "percent_text": "80%"}


def test_in_a_10k_submission_the_parent_takes_the_filer_cik():
    ex = (EX / "ex21_percent_table.html").read_bytes()
    sub = (b"<SEC-DOCUMENT>0009990041-24-000001.txt : 20240301\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0009990041-24-000001\n"
           b"CONFORMED SUBMISSION TYPE:\t10-K\nPUBLIC DOCUMENT COUNT:\t\t2\nFILED AS OF DATE:\t\t20240301\n\nFILER:\n\n"
           b"\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tWOODGROVE EXAMPLE BANCORP INC\n"
           b"\t\tCENTRAL INDEX KEY:\t\t\t0009990041\n</SEC-HEADER>\n"
           b"<DOCUMENT>\n<TYPE>10-K\n<SEQUENCE>1\n<FILENAME>k.htm\n<TEXT>\n<HTML><BODY><P>Annual report text.</P></BODY>"
           b"</HTML>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-21.1\n<SEQUENCE>2\n<FILENAME>ex21.htm\n<TEXT>\n"
           + ex + b"\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    try:
        f = load_bytes(sub, "10k.txt")
    except UnsupportedFormat:
        pytest.skip("no loader unwraps SGML submission containers yet")
    assert f.filing.accession == "0009990041-24-000001" and f.filing.family == "ex21"
    assert f.entity(f.filing.issuer_key).cik == "0009990041"


def test_not_a_subsidiaries_list():
    with pytest.raises(LoadError) as e:
        load_bytes(b"<html><body><p>Exhibit 21</p><p>Subsidiaries: none.</p></body></html>", "empty.htm",
                   loader="ex21")
    assert "empty.htm" in str(e.value) and "no subsidiaries" in str(e.value)


def test_a_10k_that_mentions_its_exhibit_21_is_not_the_exhibit():
    from ownergraph.loaders.ex21 import sniff

    k = (b"<html><body><p>UNITED STATES SECURITIES AND EXCHANGE COMMISSION</p><p>FORM 10-K</p>"
         b"<p>ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d)</p><p>Exhibit 21 - Subsidiaries of the Registrant</p>"
         b"<table><tr><td>Revenue</td><td>100</td></tr></table></body></html>")
    assert sniff(k) == 0.0
    assert sniff((EX / "ex21_percent_table.html").read_bytes()) > 0


def test_column_aligned_text_list_with_indented_hierarchy():
    # old text exhibits: name and jurisdiction in columns separated by runs of spaces, nesting by indentation
    f = load_path(EX / "ex21_columns_indented.txt")
    assert f.entity(f.filing.issuer_key).name == "CONTOSO SAMPLE INDUSTRIES, INC."
    subs = _subs(f)
    assert {n: r.props["jurisdiction"] for n, r in subs.items()} == {
        "Contoso Holdings, Inc.": "Delaware", "Contoso Manufacturing Co.": "Ohio",
        "Contoso Europe B.V.": "Netherlands", "Contoso GmbH": "Germany", "Northwind Supply LLC": "Texas",
        "Tailspin Insurance Ltd.": "Bermuda"}
    assert all(r.target == f.filing.issuer_key for r in subs.values())  # every entry is the registrant's
    assert "held_through" not in subs["Contoso Holdings, Inc."].props
    assert subs["Contoso Manufacturing Co."].props["held_through"] == "Contoso Holdings, Inc."
    assert subs["Contoso GmbH"].props["held_through"] == "Contoso Europe B.V."
    assert "held_through" not in subs["Northwind Supply LLC"].props  # back at the top level
    assert subs["Northwind Supply LLC"].props["percent"] == Decimal(80)
    assert [s["parent"] for s in f.document["subsidiaries"]][:4] == [
        None, "Contoso Holdings, Inc.", "Contoso Holdings, Inc.", "Contoso Europe B.V."]


def test_sgml_table_tags_in_a_text_exhibit():
    f = load_path(EX / "ex21_sgml_table.txt")
    subs = _subs(f)
    assert {n: (r.props["jurisdiction"], r.props["percent"]) for n, r in subs.items()} == {
        "Fabrikam Example Corp.": ("Delaware", Decimal(100)),
        "Fabrikam Example Canada Ltd.": ("Ontario, Canada", Decimal(100)),
        "Litware Sample Partners, L.P.": ("Delaware", Decimal(60))}


def test_ownership_notes_and_footnote_marks_after_names():
    f = load_path(EX / "ex21_ownership_notes.txt")
    assert f.entity(f.filing.issuer_key).name == "WOODGROVE SAMPLE CORP"  # the title line only
    subs = _subs(f)
    assert set(subs) == {"Woodgrove Services, Inc.", "Woodgrove International Limited", "Woodgrove Japan K.K.",
                         "Woodgrove Finance LLC", "Woodgrove Brasil Ltda."}
    assert subs["Woodgrove International Limited"].props["jurisdiction"] == "United Kingdom"
    assert subs["Woodgrove International Limited"].props["percent"] == Decimal(51)
    assert subs["Woodgrove Japan K.K."].props["jurisdiction"] == "Japan"
    assert subs["Woodgrove Japan K.K."].props["percent"] == Decimal(100)
    assert subs["Woodgrove Brasil Ltda."].props["jurisdiction"] == "Brazil"


def test_html_table_footnote_marks_and_padding_indentation():
    f = load_path(EX / "ex21_footnote_marks_nested.html")
    assert f.entity(f.filing.issuer_key).name == "Adatum Example Corporation"
    subs = _subs(f)
    assert set(subs) == {"Adatum Example Holdings LLC", "Adatum Sample Pipeline Company",
                         "Adatum Sample Pipeline Services Ltd.", "Adatum Example Marketing Limited"}
    pipe = subs["Adatum Sample Pipeline Company"].props
    assert pipe["percent"] == Decimal(50) and pipe["jurisdiction"] == "Texas" and pipe["footnotes"] == "2, 3"
    assert pipe["held_through"] == "Adatum Example Holdings LLC"
    svc = subs["Adatum Sample Pipeline Services Ltd."].props
    assert svc["held_through"] == "Adatum Sample Pipeline Company" and svc["jurisdiction"] == "Alberta/Canada"
    assert "held_through" not in subs["Adatum Example Marketing Limited"].props
