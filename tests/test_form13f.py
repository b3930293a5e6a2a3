"""Form 13F: information tables and cover pages, own fixtures and ../shared/filings/13f against truth.json."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from ownergraph.errors import LoadError, UnsupportedFormat
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.graph.view import graph_view
from ownergraph.loaders import detect, load_bytes, load_path
from ownergraph.loaders.form13f import InformationTable, sniff_cover, sniff_table
from ownergraph.queries.canned import holdings

from conftest import FIXTURES

F13 = FIXTURES / "13f"
SHARED = ["13F-HR_AcornCreek_0001951757-25-000093.nc", "13F-HR_infotable.xml", "13F_0001894188-23-000007.txt",
          "13F_infotable_edgar4j_20651.xml"]


def _docs(data: bytes) -> list[bytes]:
    return re.findall(rb"<XML>\s*(.*?)</XML>", data, re.S) or [data]


def _table_and_cover(path):
    """The information table and the cover page of a file (bare XML, or inside an SGML container)."""
    table = cover = None
    for d in _docs(path.read_bytes()):
        if sniff_table(d):
            table = load_bytes(d, str(path), loader="form13f_table")
        elif sniff_cover(d):
            cover = load_bytes(d, str(path), loader="form13f_cover")
    return table, cover


def _holds(f):
    return [r for r in f.relations if r.type == EdgeKind.HOLDS]


# ----------------------------------------------------------------- truth.json


@pytest.mark.parametrize("name", SHARED)
def test_13f_truth(name, shared_filings, truth):
    t = truth[f"13f/{name}"]
    table, cover = _table_and_cover(shared_filings / "13f" / name)
    rows = table.document["rows"]
    it = t["infotable"]
    assert table.document["row_count"] == len(rows) == it["rowCount"]
    assert Decimal(table.document["value_total"]) == it["sumValue"]
    for got, exp in zip(rows, it["firstRows"]):
        assert {k: got[k] for k in exp} == exp
    assert {k: rows[-1][k] for k in it["lastRow"]} == it["lastRow"]
    # facts: one position per CUSIP (and put/call), rows added up, values exact
    by_cusip: dict[str, Decimal] = {}
    for r in rows:
        if r["sshPrnamtType"] == "SH" and not r["putCall"]:
            by_cusip[r["cusip"]] = by_cusip.get(r["cusip"], Decimal(0)) + Decimal(r["sshPrnamt"])
    got = {table.entity(h.target).cusip: h.props["shares"] for h in _holds(table)
           if "nature" not in h.props and h.props["amount_type"] == "SH"}
    assert got == by_cusip
    assert sum(h.props["value"] for h in _holds(table)) == it["sumValue"]
    assert all(h.props["basis"] == "13f" and h.source == "filer" for h in _holds(table))
    first = it["firstRows"][0]
    h0 = next(h for h in _holds(table) if table.entity(h.target).cusip == first["cusip"])
    sec = table.entity(h0.target)
    assert sec.kind == NodeKind.SECURITY and sec.prop("title_of_class") == first["titleOfClass"]
    iss = next(table.entity(r.target) for r in table.relations if r.type == EdgeKind.ISSUED_BY and r.source == sec.key)
    assert iss.name == first["nameOfIssuer"]
    if "cover" in t:
        c = t["cover"]
        assert cover is not None
        assert cover.document["manager_name"] == c["manager"]
        assert cover.document["period_of_report"] == c["period"]
        assert cover.document["table_entry_total"] == c["tableEntryTotal"]
        assert cover.document["table_value_total"] == c["tableValueTotal"]
        assert int(c["tableEntryTotal"]) == it["rowCount"]
        assert cover.filing.event_date.strftime("%m-%d-%Y") == c["period"]
        assert cover.document["value_unit"] == "dollars"  # periods from 2022-12-31: values in dollars


def test_edgar4j_rows_split_by_other_manager_are_one_position(shared_filings):
    f = load_path(shared_filings / "13f" / "13F_infotable_edgar4j_20651.xml")
    (atvi,) = [h for h in _holds(f) if f.entity(h.target).cusip == "00507V109"]
    rows = [r for r in f.document["rows"] if r["cusip"] == "00507V109"]
    assert atvi.props["rows"] == len(rows) > 1
    assert atvi.props["shares"] == sum(Decimal(r["sshPrnamt"]) for r in rows)
    assert atvi.props["sole_voting"] == sum(Decimal(r["votingSole"]) for r in rows)
    assert atvi.props["investment_discretion"] == "DFND" and "4,8,11" in atvi.props["other_managers"]
    assert atvi.prov.section.startswith("information table, rows ")


@pytest.mark.parametrize("name", ["13F-HR_AcornCreek_0001951757-25-000093.nc", "13F_0001894188-23-000007.txt"])
def test_13f_submission_holdings_belong_to_the_manager(name, shared_filings, truth, store):
    path = shared_filings / "13f" / name
    try:
        detect(path.read_bytes(), str(path))
    except UnsupportedFormat:
        pytest.skip("no loader unwraps SGML submission containers yet")
    f = load_path(path)
    t = truth[f"13f/{name}"]
    store.add(f)
    g = graph_view(store)
    managers = [n for n, d in g.nodes(data=True) if d.get("name") == t["cover"]["manager"]]
    assert len(managers) == 1 and managers[0].startswith("cik:")
    rows = holdings(g, managers[0])
    assert len(rows) == t["infotable"]["rowCount"]  # one CUSIP per row in these two filings
    assert not [n for n, d in g.nodes(data=True) if str(d.get("name", "")).startswith("Unknown 13F filer")]


# ----------------------------------------------------------------- own fixtures


def test_mixed_table_positions():
    f = load_path(F13 / "infotable_mixed.xml")
    InformationTable.model_validate(f.document)
    pos = {(f.entity(h.target).cusip, h.props.get("nature")): h.props for h in _holds(f)}
    assert set(pos) == {("000000AB1", None), ("000000AB1", "Put"), ("000000AC9", None), ("000000AD7", "Call")}
    common = pos[("000000AB1", None)]
    assert common["shares"] == Decimal("15000.5") and common["value"] == Decimal("2250000.50")
    assert common["sole_voting"] == 10000 and common["shared_voting"] == Decimal("5000.5")
    assert common["investment_discretion"] == "DFND, SOLE" and common["other_managers"] == "1; 1,2"
    assert common["rows"] == 2
    note = pos[("000000AC9", None)]
    assert "shares" not in note and note["principal_amount"] == 1000000 and note["amount_type"] == "PRN"
    assert pos[("000000AB1", "Put")]["shares"] == 300
    widgets = [e for e in f.entities if e.kind == NodeKind.ORGANIZATION and e.name == "EXAMPLE WIDGETS INC"]
    assert len(widgets) == 1
    assert f.document["rows"][0]["figi"] == "BBG000000001"
    filer = f.entity("filer")
    assert filer.prop("stands_for") == "filer" and f.filing.id in filer.name


def test_standalone_tables_have_distinct_unknown_filers(store, tmp_path):
    a = (F13 / "infotable_mixed.xml").read_bytes()
    b = a.replace(b"<it:value>42</it:value>", b"<it:value>43</it:value>")
    store.add(load_bytes(a, "a.xml"))
    store.add(load_bytes(b, "b.xml"))
    g = graph_view(store)
    unknown = [n for n, d in g.nodes(data=True) if str(d.get("name", "")).startswith("Unknown 13F filer")]
    assert len(unknown) == 2


def test_cover_page_amendment_and_other_managers():
    f = load_path(F13 / "cover_13fhr_amendment.xml")
    assert f.filing.form_type == "13F-HR/A" and f.filing.is_amendment and f.filing.amendment_no == 2
    assert f.filing.event_date.isoformat() == "2024-03-31" and f.filing.signed_date.isoformat() == "2024-05-15"
    mgr = f.entity(f.filing.filer_keys[0])
    assert (mgr.name, mgr.cik) == ("Example Ridge Advisors LP", "0009990031")
    assert "Chicago" in mgr.prop("address") and mgr.prop("form13f_file_number") == "028-99999"
    others = {e.name: e for e in f.entities if e.key.startswith("other:")}
    assert set(others) == {"Example Ridge Holdings LLC", "Sample Trust Company"}
    assert others["Example Ridge Holdings LLC"].cik == "0009990032"
    assert f.document["amendment_type"] == "RESTATEMENT"


def test_cover_and_table_in_one_submission_join_on_the_manager(store):
    cover = (F13 / "cover_13fhr_amendment.xml").read_bytes()
    table = (F13 / "infotable_mixed.xml").read_bytes()
    sub = (b"<SEC-DOCUMENT>0009990031-24-000002.txt : 20240515\n<SEC-HEADER>\nACCESSION NUMBER:\t\t0009990031-24-000002\n"
           b"CONFORMED SUBMISSION TYPE:\t13F-HR/A\nPUBLIC DOCUMENT COUNT:\t\t2\nFILED AS OF DATE:\t\t20240515\n\nFILER:\n\n"
           b"\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\tExample Ridge Advisors LP\n"
           b"\t\tCENTRAL INDEX KEY:\t\t\t0009990031\n</SEC-HEADER>\n"
           b"<DOCUMENT>\n<TYPE>13F-HR/A\n<SEQUENCE>1\n<FILENAME>primary_doc.xml\n<TEXT>\n<XML>\n" + cover +
           b"\n</XML>\n</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>INFORMATION TABLE\n<SEQUENCE>2\n<FILENAME>t.xml\n<TEXT>\n"
           b"<XML>\n" + table + b"\n</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    try:
        f = load_bytes(sub, "sub.txt")
    except UnsupportedFormat:
        pytest.skip("no loader unwraps SGML submission containers yet")
    store.add(f)
    g = graph_view(store)
    rows = holdings(g, "cik:0009990031")
    assert len(rows) == 4 and {r["basis"] for r in rows} == {"13f"}
    assert g.nodes["cik:0009990031"]["name"] == "Example Ridge Advisors LP"


def test_bad_tables_are_clear_errors(tmp_path):
    good = (F13 / "infotable_mixed.xml").read_bytes()
    cut = good[: good.index(b"<it:infoTable>", 2000)] + b"<it:infoTable><it:nameOfIssuer>TRUNC"
    f = load_bytes(cut, "cut.xml")
    assert f.warnings and any("recovered" in w for w in f.warnings)
    assert f.document["row_count"] >= 2
    evil = b'<?xml version="1.0"?><!DOCTYPE t [<!ENTITY x "y">]><informationTable>&x;</informationTable>'
    with pytest.raises(LoadError) as e:
        load_bytes(evil, "evil.xml")
    assert "evil.xml" in str(e.value) and "entit" in str(e.value)
    for data in (b"<ownershipDocument/>", b"<<<not xml"):
        with pytest.raises(LoadError) as e:
            load_bytes(data, "broken.xml", loader="form13f_table")
        assert "broken.xml" in str(e.value)
    f = load_bytes(b"<informationTable><infoTable>", "empty.xml", loader="form13f_table")
    assert f.document["row_count"] == 0 and not _holds(f) and len(f.warnings) == 2


def test_large_table_streams_and_adds_up():
    row = (b"<infoTable><nameOfIssuer>ISSUER %d</nameOfIssuer><titleOfClass>COM</titleOfClass>"
           b"<cusip>%09d</cusip><value>%d</value><shrsOrPrnAmt><sshPrnamt>%d</sshPrnamt>"
           b"<sshPrnamtType>SH</sshPrnamtType></shrsOrPrnAmt><investmentDiscretion>SOLE</investmentDiscretion>"
           b"<votingAuthority><Sole>0</Sole><Shared>0</Shared><None>0</None></votingAuthority></infoTable>")
    n = 5000
    body = b"".join(row % (i % 1000, 100000 + i % 1000, i, i) for i in range(1, n + 1))
    data = b'<informationTable xmlns="http://www.sec.gov/edgar/document/thirteenf/informationtable">' + body + \
        b"</informationTable>"
    f = load_bytes(data, "big.xml")
    assert f.document["row_count"] == n
    holds = _holds(f)
    assert len(holds) == 1000  # 1000 CUSIPs, 5 rows each
    assert sum(h.props["shares"] for h in holds) == n * (n + 1) // 2


def test_cover_address_parts_with_trailing_commas_and_placeholders():
    """The manager's address: a part filed with its own trailing comma is joined once, and a part that is only
    punctuation (the "-" EDGAR takes for a postal code a country does not use) is left out."""
    f = load_path(F13 / "cover_13fnt_address_placeholders.xml")
    mgr = next(e for e in f.entities if e.name == "Example Harbour Capital Ltd")
    assert mgr.prop("address") == "12th Floor, 8 Sample Road, Kowloon, K3"


def test_text_13f_in_a_submission_positions_by_cusip_with_voting_columns():
    # a 13F-HR filed as text (before 2013): cover page, summary page, table rows read by their CUSIP
    f = load_path(F13 / "13fhr_text_2009.txt")
    assert f.filing.loader == "form13f_text" and f.filing.family == "13f"
    assert f.filing.accession == "0009990077-09-000004" and f.filing.form_type == "13F-HR"
    assert f.filing.event_date == dt.date(2008, 12, 31)
    mgr = f.entity(f.filing.filer_keys[0])
    assert mgr.name == "Fabrikam Example Advisors, LLC" and mgr.cik == "0009990077"
    assert mgr.prop("form13f_file_number") == "28-99999"
    other = [e for e in f.entities if e.prop("other_manager_sequence") == "01"]
    assert [e.name for e in other] == ["Litware Sample Trust Company"]
    holds = {(f.entity(r.target).cusip, r.props.get("nature")): r for r in f.relations if r.type == EdgeKind.HOLDS}
    assert set(holds) == {("002824100", None), ("00206R102", "Call"), ("594918104", None), ("369604AY9", None)}
    assert all(r.source == mgr.key for r in holds.values())
    abt = holds[("002824100", None)].props  # two rows (sole; defined with manager 01) added up
    assert abt["shares"] == Decimal(55441) and abt["value"] == Decimal(2890) and abt["rows"] == 2
    assert abt["sole_voting"] == Decimal(45441) and abt["shared_voting"] == Decimal(10000)
    assert abt["investment_discretion"] == "SOLE, DEFINED" and abt["other_managers"] == "01"
    msft = holds[("594918104", None)].props  # the third number sits under NONE, not SHARED
    assert msft["sole_voting"] == Decimal(200000) and msft["no_voting"] == Decimal(8000)
    assert "shared_voting" not in msft
    note = holds[("369604AY9", None)].props
    assert note["principal_amount"] == Decimal(500000) and "shares" not in note
    sec = f.entity(holds[("369604AY9", None)].target)
    assert sec.prop("title_of_class") == "NOTE 5.000% 2/0"
    assert f.entity(next(r.target for r in f.relations if r.type == EdgeKind.ISSUED_BY and r.source == sec.key)
                    ).name == "GENERAL ELEC CO"
    assert f.document["submission"]["documents"][0]["loader"] == "form13f_text"
    assert not f.warnings


def test_text_13f_amendment_without_voting_header_positions():
    data = (F13 / "13fhra_text_no_voting_header.txt").read_bytes()
    assert detect(data).name == "form13f_text"
    f = load_bytes(data, "13fa.txt")
    assert f.filing.form_type == "13F-HR/A" and f.filing.is_amendment and f.filing.amendment_no == 1
    assert f.entity("manager").name == "Northwind Sample Capital Management, L.P."
    rows = {r["cusip"]: r for r in f.document["rows"]}
    assert rows["30231G102"]["otherManager"] == "1,2" and rows["30231G102"]["votingShared"] == "30700"
    assert rows["717081103"]["investmentDiscretion"] == "SHARED-DEFINED"
    assert rows["717081103"]["otherManager"] == "02" and rows["717081103"]["votingNone"] == "31000"
    assert rows["037833100"]["votingSole"] == "27000" and rows["037833100"]["otherManager"] is None
    assert f.document["value_unit"] == "thousands"


def test_text_13f_that_is_neither_cover_nor_table_is_a_clear_error():
    with pytest.raises(LoadError) as e:
        load_bytes(b"FORM 13F\nCOVER PAGE\nnothing else here\n", "empty13f.txt", loader="form13f_text")
    assert "empty13f.txt" in str(e.value)


def test_text_13f_names_over_several_lines_spaced_cusips_further_rows_and_x_marks():
    # the layout of large filers: a name printed over lines above its CUSIP ("025816 10 9"), further rows of the
    # same security under the value column, discretion marked with an X, managers listed "1, 2"
    f = load_path(F13 / "13fhr_text_wrapped_names_x_marks.txt")
    assert f.entity("manager").name == "Contoso Example Holdings Inc." and not f.warnings
    assert f.document["value_unit"] == "thousands"
    others = {e.prop("other_manager_sequence"): e for e in f.entities if e.prop("other_manager_sequence")}
    assert others["2"].name == "Contoso Sample Reinsurance Corp." and others["2"].prop("form13f_file_number") is None
    assert others["3"].prop("form13f_file_number") == "28-4003"
    rows = f.document["rows"]
    assert [r["nameOfIssuer"] for r in rows] == [
        "Fabrikam Sample Co.", "Fabrikam Sample Co.", "Northwind Example Traders Inc.", "Litware Corp.",
        "Woodgrove Sample Bank", "Woodgrove Sample Bank"]
    assert [r["cusip"] for r in rows][:3] == ["99990A101", "99990A101", "99990B208"]
    assert [r["investmentDiscretion"] for r in rows] == [
        "SHARED-DEFINED", "SHARED-DEFINED", "SHARED-DEFINED", "SOLE", "SHARED-OTHER", "SHARED-DEFINED"]
    assert [r["otherManager"] for r in rows] == ["1,2", "3", "1,2,3", None, "3", "1"]
    assert rows[4]["votingNone"] == "1000000" and rows[4]["votingSole"] is None
    holds = {f.entity(r.target).cusip: r.props for r in f.relations if r.type == EdgeKind.HOLDS}
    assert holds["99990A101"]["shares"] == Decimal(15000000) and holds["99990A101"]["rows"] == 2
    assert holds["99990D105"]["sole_voting"] == Decimal(45000000) and holds["99990D105"]["no_voting"] == Decimal(1000000)


def test_text_13f_padded_cusips_without_sh_column_and_manager_named_above_the_table():
    f = load_path(F13 / "13fhr_text_padded_cusips.txt")
    assert f.entity("manager").name == "ADATUM SAMPLE & CO." and not f.warnings
    assert f.document["value_unit"] is None  # fair market value, unit not stated, no period
    rows = {r["cusip"]: r for r in f.document["rows"]}
    assert set(rows) == {"99991E102", "99991F109", "99991G107"}
    assert rows["99991G107"]["nameOfIssuer"] == "CONTOSO SAMPLE STORES INC; CONTOSO SAMPLE GROUP"
    assert [rows[c]["investmentDiscretion"] for c in ("99991E102", "99991F109", "99991G107")] == [
        "SHARED", "SOLE", "OTHER"]
    assert (rows["99991E102"]["votingSole"], rows["99991E102"]["votingShared"], rows["99991E102"]["votingNone"]) == (
        "33", "0", "7967")
    assert all(r["sshPrnamtType"] == "SH" for r in rows.values())
