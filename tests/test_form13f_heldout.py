"""Form 13F structures met on real filings beyond the development set (own synthetic fixtures, invented names)."""

from __future__ import annotations

from decimal import Decimal

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path

from conftest import FIXTURES

F13 = FIXTURES / "13f"


def test_text_13f_voting_amounts_read_by_the_ruler_under_left_aligned_headings():
    # headings "SOLE SHARED NONE" stand at the left of their ruler runs, the amounts at the right: a "0" printed
    # under SOLE is the sole amount (was: read as SHARED, and the shared amount pushed into the managers column)
    f = load_path(F13 / "13fhra_text_ruler_new_holdings.txt")
    assert f.filing.loader == "form13f_text" and not f.warnings
    rows = f.document["rows"]
    assert [(r["votingSole"], r["votingShared"], r["votingNone"]) for r in rows] == [
        ("6700", "0", "0"), ("10000", "0", "0"), ("0", "300000", "0"), ("0", "900000", "0")]
    assert [r["otherManager"] for r in rows] == [None, None, "01", "01,02"]
    holds = {f.entity(r.target).cusip: r.props for r in f.relations if r.type == EdgeKind.HOLDS}
    bond = holds["99991CAB2"]
    assert bond["principal_amount"] == Decimal(1200000) and bond["value"] == Decimal(44428)
    assert bond["shared_voting"] == Decimal(1200000) and bond["sole_voting"] == Decimal(0)
    assert bond["other_managers"] == "01; 01,02"
    assert holds["99991B207"]["nature"] == "Call"


def test_text_13f_amendment_type_and_manager_address():
    f = load_path(F13 / "13fhra_text_ruler_new_holdings.txt")
    assert f.filing.is_amendment and f.filing.amendment_no == 1 and f.filing.form_type == "13F-HR/A"
    assert f.document["amendment_type"] == "NEW HOLDINGS"
    m = f.entity("manager")
    assert m.name == "Quarry Lane Example Management, L.P."
    assert m.prop("address") == "500 Sample Avenue, 12th Floor, New York, NY 10022"
    restated = (F13 / "13fhra_text_ruler_new_holdings.txt").read_bytes().replace(
        b"[ ] is a restatement.", b"[X] is a restatement.").replace(b"[X] adds new", b"[ ] adds new")
    assert load_bytes(restated, "restated.txt").document["amendment_type"] == "RESTATEMENT"


def test_xml_table_repeated_other_manager_elements_are_all_kept():
    xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<n1:informationTable xmlns:n1="http://www.sec.gov/edgar/document/thirteenf/informationtable">
  <n1:infoTable><n1:nameOfIssuer>FABRIKAM SAMPLE CO</n1:nameOfIssuer><n1:titleOfClass>COM</n1:titleOfClass>
    <n1:cusip>99991A100</n1:cusip><n1:value>1000</n1:value>
    <n1:shrsOrPrnAmt><n1:sshPrnamt>10</n1:sshPrnamt><n1:sshPrnamtType>SH</n1:sshPrnamtType></n1:shrsOrPrnAmt>
    <n1:investmentDiscretion>DFND</n1:investmentDiscretion>
    <n1:otherManager>1</n1:otherManager><n1:otherManager>4</n1:otherManager>
    <n1:votingAuthority><n1:Sole>10</n1:Sole><n1:Shared>0</n1:Shared><n1:None>0</n1:None></n1:votingAuthority>
  </n1:infoTable>
</n1:informationTable>"""
    f = load_bytes(xml, "table.xml")
    assert f.document["rows"][0]["otherManager"] == "1,4"


def test_xml_table_other_manager_zero_names_no_manager():
    # real tables file <otherManager>0</otherManager> for "no other manager": sequence numbers start at 1
    row = """<infoTable><nameOfIssuer>FABRIKAM SAMPLE CO</nameOfIssuer><titleOfClass>COM NEW </titleOfClass>
    <cusip>99991A100</cusip><value>{v}</value>
    <shrsOrPrnAmt><sshPrnamt>10</sshPrnamt><sshPrnamtType>SH</sshPrnamtType></shrsOrPrnAmt>
    <investmentDiscretion>SOLE</investmentDiscretion><otherManager>{m}</otherManager>
    <votingAuthority><Sole>10</Sole><Shared>0</Shared><None>0</None></votingAuthority></infoTable>"""
    xml = ('<informationTable xmlns="http://www.sec.gov/edgar/document/thirteenf/informationtable">'
           + row.format(v=100, m="0") + row.format(v=200, m="2") + "</informationTable>").encode()
    f = load_bytes(xml, "table.xml")
    assert [r["otherManager"] for r in f.document["rows"]] == ["0", "2"]  # the rows as filed
    (h,) = [r.props for r in f.relations if r.type == EdgeKind.HOLDS]
    assert h["other_managers"] == "2" and h["value"] == Decimal(300) and h["rows"] == 2
    sec = [e for e in f.entities if e.cusip == "99991A100"][0]
    assert sec.prop("title_of_class") == "COM NEW"


def test_text_13f_notice_lists_the_managers_reporting_for_it():
    f = load_path(F13 / "13fnt_text_reporting_managers.txt")
    assert f.filing.form_type == "13F-NT" and f.document["report_type"] == "13F NOTICE"
    assert f.document["row_count"] == 0
    assert [(o["file_number"], o["name"]) for o in f.document["other_managers"]] == [
        ("28-44445", "Birchwood Example Advisors LLC"), ("28-44446", "Elmstead Sample Capital Management, Inc.")]
    others = {e.name: e for e in f.entities if e.key.startswith("other:")}
    assert others["Birchwood Example Advisors LLC"].prop("form13f_file_number") == "28-44445"
    assert f.entity("manager").prop("address") == "77 Sample Road, Hartford, CT 06103"


def test_xml_13f_notice_cover_other_managers_carry_cik_and_file_number():
    f = load_path(F13 / "cover_13fnt_other_managers_reporting.xml")
    assert f.filing.loader == "form13f_cover" and f.filing.form_type == "13F-NT"
    m = f.entity("manager")
    assert m.cik == "0009990041" and m.prop("form13f_file_number") == "028-44444"
    others = {e.name: e for e in f.entities if e.key.startswith("other:")}
    adv = others["Birchwood Example Advisors LLC"]
    assert adv.cik == "0009990042" and adv.prop("form13f_file_number") == "028-44445"
    assert others["Elmstead Sample Capital Management, Inc."].prop("form13f_file_number") == "028-44446"


def test_text_13f_table_typed_with_tabs_is_read_by_its_cells():
    # tab stops move the cells off the header's print positions: the cells are read by the header's columns
    # (was: "FABRIKAM SAMPLE CO" split as issuer "FABRIKAM SAMPLE" / class "CO  COM", voting amounts read as
    # other managers "6700 0 0")
    f = load_path(F13 / "13fhr_text_tab_typed.txt")
    assert f.filing.loader == "form13f_text" and not f.warnings
    assert f.entity("manager").name == "Hollowbrook Example Advisers, Inc."
    assert f.document["value_unit"] == "thousands"
    rows = f.document["rows"]
    assert [(r["nameOfIssuer"], r["titleOfClass"], r["cusip"]) for r in rows] == [
        ("FABRIKAM SAMPLE CO", "COM", "99991A100"), ("NORTHWIND EXAMPLE INC", "COM", "99991B207"),
        ("LITWARE SAMPLE CORP", "SDCV 7/2", "99991CAB2"), ("NORTHWIND EXAMPLE INC", "COM", "99991B207")]
    assert [(r["votingSole"], r["votingShared"], r["votingNone"]) for r in rows][:2] == [
        ("6700", "0", "0"), ("0", "10000", "0")]
    holds = {(f.entity(r.target).cusip, r.props.get("nature")): r.props for r in f.relations
             if r.type == EdgeKind.HOLDS}
    assert holds[("99991B207", "Call")]["shares"] == Decimal(10000)
    assert holds[("99991B207", "Call")]["other_managers"] == "1"
    assert holds[("99991B207", None)]["value"] == Decimal(1500) and "other_managers" not in holds[("99991B207", None)]
    assert holds[("99991CAB2", None)]["principal_amount"] == Decimal(300000)
    assert sum(r.props["value"] for r in f.relations if r.type == EdgeKind.HOLDS) == Decimal(3473)


def test_text_13f_included_managers_without_or_after_file_numbers():
    f = load_path(F13 / "13fhr_text_included_managers_list.txt")
    assert not f.warnings  # 3 managers stated, 3 read; 2 entries stated, 2 read
    assert [(o["sequence"], o["file_number"], o["name"]) for o in f.document["other_managers"]] == [
        ("1", "28-10001", "Quarry Example Bank, N.A."), ("2", None, "Quarry Example Trust Company"),
        ("3", "28-10003", "Quarry Example Advisors LLC")]  # (was: only the first)
    assert f.document["other_included_managers_count"] == "3"
    assert [r["nameOfIssuer"] for r in f.document["rows"]] == ["FABRIKAM SAMPLE CO", "1 800 SAMPLE FLOWERS COM"]


def test_text_13f_warns_when_the_managers_list_is_shorter_than_the_summary_says():
    data = (F13 / "13fhr_text_included_managers_list.txt").read_bytes().replace(
        b"Number of Other Included Managers:         3", b"Number of Other Included Managers:         4")
    f = load_bytes(data, "13f.txt")
    assert any("4 other included managers, 3 were read" in w for w in f.warnings)


def test_text_13f_quarter_end_as_typed():
    base = (F13 / "13fhr_text_included_managers_list.txt").read_bytes()
    for typed, want in ((b"September 30,2010", "2010-09-30"), (b"31-Mar-06", "2006-03-31")):
        f = load_bytes(base.replace(b"March 31, 2010", typed), "13f.txt")
        assert f.filing.event_date.isoformat() == want
        assert f.document["value_unit"] == "thousands"


def test_tab_typed_table_with_discretion_columns_marked_x():
    # Investment Discretion as Sole / Shared / Other columns marked "X" before the voting Sole / Shared / None
    head = "\t".join(["Name of Issuer", "Title of Class", "CUSIP", "Value (x$1000)", "Shares", "SH/PRN", "Put/Call",
                      "Sole", "Shared", "Other", "Other Managers", "Sole", "Shared", "None"])
    rows = [["FABRIKAM SAMPLE CO", "COM", "99991A100", "523", "6700", "SH", "", "X", "", "", "", "6700", "0", "0"],
            ["NORTHWIND EXAMPLE INC", "COM", "99991B207", "1200", "10000", "SH", "", "", "X", "", "1", "0", "10000",
             "0"]]
    text = "FORM 13F INFORMATION TABLE\n" + head + "\n" + "".join("\t".join(r) + "\n" for r in rows)
    f = load_bytes(text.encode(), "13f.txt")
    got = [(r["investmentDiscretion"], r["otherManager"], r["votingSole"], r["votingShared"], r["votingNone"])
           for r in f.document["rows"]]
    assert got == [("SOLE", None, "6700", "0", "0"), ("SHARED", "1", "0", "10000", "0")]
