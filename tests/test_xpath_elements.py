"""The elements the XML loaders newly read (see tests/test_xpath_inventory.py), each on a fixture of ours."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_path

FIX = Path(__file__).parent / "fixtures"


def _holds(f, title_start: str):
    return [r for r in f.relations if r.type == EdgeKind.HOLDS
            and f.entity(r.target).name.startswith(title_start)]


def _late_sale():
    return load_path(FIX / "ownership" / "form4_late_10b5_value_variants.xml")


def test_form4_transaction_timeliness_and_its_footnote():
    (sale,) = _holds(_late_sale(), "Common Stock")
    assert sale.props["transaction_timeliness"] == "L"
    assert sale.props["transaction_timeliness_footnote"] == "see footnote F2"


def test_form4_deemed_execution_date_footnote():
    (sale,) = _holds(_late_sale(), "Common Stock")
    assert sale.props["deemed_execution_date"] == dt.date(2025, 2, 12)
    assert sale.props["deemed_execution_date_footnote"] == "see footnote F1"


def test_form4_10b5_1_box_on_each_transaction_not_on_holdings():
    f = _late_sale()
    (sale,) = _holds(f, "Common Stock")
    assert sale.props["rule_10b5_1"] is True
    (phantom,) = _holds(f, "Phantom Stock Units")
    assert "rule_10b5_1" not in phantom.props  # a holding is no transaction
    assert f.document["aff10b5one"] is True


def test_form4_two_footnotes_on_one_value_and_the_ownership_footnote():
    (sale,) = _holds(_late_sale(), "Common Stock")
    assert sale.props["transaction_price"] == Decimal("17.3125")
    assert sale.props["transaction_price_footnote"] == "see footnotes F3, F4"
    assert sale.props["ownership_footnote"] == "see footnote F5"


def test_form4_underlying_value_instead_of_shares():
    (phantom,) = _holds(_late_sale(), "Phantom Stock Units")
    assert phantom.props["underlying_value"] == Decimal("125000")
    assert phantom.props["underlying_value_footnote"] == "see footnote F8"
    assert phantom.props["underlying_security_footnote"] == "see footnote F7"
    assert "underlying_shares" not in phantom.props  # no shares stated: None, never 0
    assert phantom.props["shares"] == Decimal("7220")


def test_form4_table_ii_and_signature_inside_table_i():
    f = _late_sale()
    assert [r["security_title"]["value"] for r in f.document["derivative"]] == ["Phantom Stock Units"]
    assert f.filing.signed_date == dt.date(2025, 3, 5)
    assert f.document["signatures"][0]["name"].startswith("/s/ Ruth Abernathy")


def test_form4_foreign_address_keeps_the_state_description():
    f = _late_sale()
    rp = f.entity("rp:1")
    assert rp.prop("address") == "12 Harbour Road, Lagos, 101241, NIGERIA"


def test_form3_old_schema_rows_at_root_hold_their_transaction_shares():
    f = load_path(FIX / "ownership" / "form3_oldschema_rows_at_root.xml")
    rows = sorted((r.props["basis"], r.props["shares"], r.props.get("shares_footnote"))
                  for r in _holds(f, "Common Stock"))
    assert rows == [("direct", Decimal("15300"), "see footnote F1"), ("indirect", Decimal("2200"), None)]
    # the footnote without its <footnotes> wrapper is read
    assert f.document["footnotes"] == {"F1": "Includes 300 shares bought under the employee stock purchase plan."}
    assert f.filing.signed_date == dt.date(2004, 7, 2)


def test_13g_rule_designations_and_aggregate_excludes_box_on_the_holding():
    f = load_path(FIX / "xml13" / "13g_rules_excludes_shares.xml")
    (h,) = [r for r in f.relations if r.type == EdgeKind.HOLDS]
    assert h.props["filed_pursuant_to"] == "Rule 13d-1(c), Rule 13d-1(d)"
    assert h.props["aggregate_excludes_certain_shares"] is True
    assert h.props["shares"] == Decimal("1250000") and h.props["percent"] == Decimal("6.2")


def test_13g_without_the_boxes_has_no_such_properties():
    f = load_path(FIX / "xml13" / "13ga_zero_below5.xml")
    (h,) = [r for r in f.relations if r.type == EdgeKind.HOLDS]
    assert h.props["filed_pursuant_to"] == "Rule 13d-1(b)"
    assert "aggregate_excludes_certain_shares" not in h.props


def test_13f_figi_on_the_security():
    f = load_path(FIX / "13f" / "infotable_mixed.xml")
    sec = next(e for e in f.entities if e.cusip == "000000AB1")
    assert sec.prop("figi") == "BBG000000001"
