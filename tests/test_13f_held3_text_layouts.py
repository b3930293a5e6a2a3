"""Form 13F text information tables: layouts met on real filings not seen before (own synthetic fixtures, invented
names and numbers): rows led by a "D" mark, a CUSIP printed without its leading zero, the value printed on the
line under its row, the shares column before the value column, the voting authority printed as a word."""

from __future__ import annotations

from decimal import Decimal

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_path

from conftest import FIXTURES

F13 = FIXTURES / "13f"


def _rows(f):
    return [{k: v for k, v in r.items() if v is not None} for r in f.document["rows"]]


def _holds(f):
    return {f.entity(r.target).cusip: r.props for r in f.relations if r.type == EdgeKind.HOLDS}


def test_d_marks_page_breaks_and_a_cusip_without_its_leading_zero():
    f = load_path(F13 / "13fhr_text_d_marks_pages.txt")
    assert f.filing.loader == "form13f_text" and f.warnings == []
    assert f.document["manager_address"] == "12 EXAMPLE PLAZA, SUITE 400, SPRINGFIELD, IL 62701"  # (rule lines)
    rows = _rows(f)
    assert [(r["nameOfIssuer"], r["cusip"]) for r in rows] == [
        ("NORTHGATE EXAMPLE CORP", "64128X100"), ("ASHFORD SAMPLE INDS INC", "02345X107"),
        # the mark is dropped once: "D R" is the issuer's own name
        ("D R EXAMPLE HOMES INC", "71234R109")]
    assert rows[2]["votingSole"] == "595730" and rows[2]["votingNone"] == "60654"
    h = _holds(f)
    assert h["02345X107"]["shares"] == Decimal(250000) and h["02345X107"]["value"] == Decimal(19000)


def test_a_value_printed_under_its_row_and_the_class_wrapped_there():
    f = load_path(F13 / "13fhr_text_value_next_line.txt")
    rows = _rows(f)
    assert len(rows) == 4 and f.warnings == []
    bank, warrant = rows[0], rows[1]
    assert (bank["cusip"], bank["value"], bank["sshPrnamt"], bank["votingSole"]) == (
        "05678Q102", "91374.36", "7502000", "7502000")
    assert warrant["titleOfClass"] == "*W EXP 07/10/201" and warrant["value"] == "69901.45"
    assert warrant["nameOfIssuer"] == "HALDEN SAMPLE MTRS CO"


def test_a_class_printed_off_its_heading_and_a_further_row_naming_its_manager():
    f = load_path(F13 / "13fhr_text_value_next_line.txt")
    first, further = _rows(f)[2:]
    assert (first["nameOfIssuer"], first["titleOfClass"]) == ("Corvale Laboratories-When Issu", "COM")
    assert further["cusip"] == "71234R109" and further["investmentDiscretion"] == "DEFINED"
    assert further["otherManager"] == "01" and "votingSole" not in further  # a manager number, not a vote
    h = _holds(f)["71234R109"]
    assert h["shares"] == Decimal(2618878 + 5181109) and h["rows"] == 2 and h["other_managers"] == "01"


def test_a_shares_column_printed_before_the_value_column():
    f = load_path(F13 / "13fhr_text_shares_before_value.txt")
    assert [(r["cusip"], r["sshPrnamt"], r["value"]) for r in _rows(f)] == [
        ("38123P106", "100000", "817"), ("45678K101", "25000", "1250")]


def test_the_voting_authority_printed_as_a_word_and_a_zero_manager_cell():
    f = load_path(F13 / "13fhr_text_voting_words.txt")
    rows = _rows(f)
    assert rows[0]["otherManager"] == "1" and rows[0]["votingSole"] == "3362515" and "votingShared" not in rows[0]
    assert rows[1]["otherManager"] == "2" and rows[1]["votingShared"] == "100000" and "votingSole" not in rows[1]
    # "sole  0  117200": no other manager, and the whole amount voted solely
    assert rows[2]["sshPrnamt"] == "117200" and rows[2]["votingSole"] == "117200"
    assert "other_managers" not in _holds(f)["58239L112"]


def test_a_cover_of_the_dollars_schema_reports_dollars_whatever_its_period():
    f = load_path(F13 / "cover_13fhra_old_period_schema_x0202.xml")
    assert f.filing.loader == "form13f_cover" and f.document["schema_version"] == "X0202"
    assert f.filing.event_date.isoformat() == "2022-06-30"
    assert f.document["value_unit"] == "dollars"  # (the period alone would say thousands)
    older = load_path(F13 / "cover_13fhr_amendment.xml")
    assert older.document["schema_version"] is None
