"""XML Schedule 13D Item 5(c), fourth held-out review: "See Schedule A" / "set forth on Schedule A hereto" is
followed to the schedule (under its heading in another item's text, in an exhibit document of the submission,
or a document attached inside the XML; a warning when none is at hand); tables whose columns only single
spaces separate, and tables flattened onto one line; "On or about <date>"; an aggregate price kept apart from
a price per share."""

from __future__ import annotations

import base64
import datetime as dt
from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path
from ownergraph.loaders._item5c import read_transactions

FIX = Path(__file__).parent / "fixtures" / "xml13"
IN_ITEM7 = FIX / "13d_item5c_schedule_a_in_item7.xml"
SUBMISSION = FIX / "13d_item5c_schedule_a_submission.txt"


def _txs(facts):
    return sorted(((facts.entity(r.source).name, r) for r in facts.relations
                   if r.type == EdgeKind.HOLDS and r.props.get("basis") == "transaction"),
                  key=lambda x: x[1].props["transaction_date"])


def _primary_xml() -> bytes:
    data = SUBMISSION.read_bytes()
    return data[data.index(b"<?xml"):data.index(b"</XML>")].rstrip() + b"\n"


def test_on_or_about_date_and_aggregate_price_kept_apart_from_a_price_per_share():
    f = load_path(IN_ITEM7)
    ((name, r),) = [(n, r) for n, r in _txs(f) if r.prov.section == "Item 5(c)"]
    assert name == "Harlow Ridge Example Fund II, L.P."
    assert r.props["transaction_date"] == dt.date(2025, 6, 3)
    assert r.props["transaction_shares"] == Decimal("40000") and r.props["acquired_disposed"] == "A"
    assert r.props["transaction_value"] == Decimal("164000")
    assert "transaction_price" not in r.props  # $164,000 is the whole price, not a price per share
    assert r.prov.excerpt.startswith("On or about June 3, 2025")


def test_schedule_a_under_its_heading_in_item_7_is_read_with_single_space_columns():
    f = load_path(IN_ITEM7)
    rows = [(n, r.props) for n, r in _txs(f) if r.prov.section == "Schedule A"]
    assert [(n, p["transaction_date"], p["transaction_shares"], p["transaction_price"], p["acquired_disposed"])
            for n, p in rows] == [
        ("Harlow Ridge Example Partners, L.P.", dt.date(2025, 4, 14), Decimal("12000"), Decimal("3.95"), "A"),
        ("Harlow Ridge Example Partners, L.P.", dt.date(2025, 4, 22), Decimal("2500"), Decimal("4.02"), "D"),
        ("Harlow Ridge Example Partners, L.P.", dt.date(2025, 5, 6), Decimal("8250"), Decimal("4.07"), "A"),
    ]
    assert not any("Schedule A" in w for w in f.warnings)


def test_schedule_a_in_an_exhibit_document_of_the_submission():
    f = load_path(SUBMISSION)
    rows = [(n, r) for n, r in _txs(f) if r.prov.section == "Schedule A"]
    assert len(rows) == 3 and {n for n, _ in rows} == {"Ashcombe Example Partners, L.P."}
    assert [r.props["acquired_disposed"] for _, r in rows] == ["A", "D", "A"]  # the Nature of Transaction column
    assert "Sale of Common Stock" in rows[1][1].prov.excerpt
    assert not any("Schedule A" in w for w in f.warnings)  # found: no warning left


def test_schedule_a_nowhere_at_hand_is_a_warning_naming_the_file():
    f = load_bytes(_primary_xml(), "primary_doc.xml")
    assert not [r for _, r in _txs(f) if r.prov.section == "Schedule A"]
    (w,) = [w for w in f.warnings if "Schedule A" in w]
    assert w.startswith("primary_doc.xml") and "Item 5(c)" in w


def test_schedule_a_attached_inside_the_xml():
    sched = (b"SCHEDULE A\n\nTransactions by Ashcombe Partners\n\nDate      Shares      Price\n"
             b"04/14/2025      12,000      $3.95\n05/06/2025      8,250      $4.07\n")
    docs = (b"<documents><document><conformedName>schedule_a.txt</conformedName>"
            b"<conformedDocumentType>EX-99</conformedDocumentType><description>Schedule A</description><contents>"
            + base64.b64encode(sched) + b"</contents></document></documents>\n</edgarSubmission>")
    data = _primary_xml().replace(b"</edgarSubmission>", docs)
    f = load_bytes(data, "primary_doc.xml")
    rows = [r.props for _, r in _txs(f) if r.prov.section == "Schedule A"]
    assert [(p["transaction_shares"], p["transaction_price"]) for p in rows] == [
        (Decimal("12000"), Decimal("3.95")), (Decimal("8250"), Decimal("4.07"))]
    assert not any("Schedule A" in w for w in f.warnings)


def test_a_list_of_exhibits_naming_schedule_a_is_not_the_schedule():
    # Item 7 lists "Schedule A - Transactions ..." as an exhibit: no rows under it, so the schedule is still missing
    f = load_bytes(_primary_xml(), "primary_doc.xml")
    assert any("Item 5(c) cites Schedule A" in w for w in f.warnings)


def test_flattened_table_and_aggregate_with_price_per_share():
    (a, b) = read_transactions("The following purchases were made by Fund II in the open market: Date Shares Price "
                               "03/10/2026 10,000 $4.20 03/12/2026 7,500 $4.25")
    assert (a["holder"], a["date"], a["shares"], a["price"], a["side"]) == (
        "Fund II", dt.date(2026, 3, 10), Decimal("10000"), Decimal("4.20"), "A")
    assert (b["date"], b["shares"], b["price"]) == (dt.date(2026, 3, 12), Decimal("7500"), Decimal("4.25"))
    (t,) = read_transactions("On March 3, 2026, Fund II purchased 25,000 shares of Common Stock at $4.10 per share, "
                             "for an aggregate purchase price of $102,500.")
    assert t["price"] == Decimal("4.10") and t["value"] == Decimal("102500")
    (t,) = read_transactions("On or about June 3, 2025, Fund II purchased 40,000 shares for an aggregate purchase "
                             "price of approximately $164,000, or $4.10 per share.")
    assert t["date"] == dt.date(2025, 6, 3) and t["price"] == Decimal("4.10") and t["value"] == Decimal("164000")


def test_single_space_table_with_a_buy_sell_column():
    rows = read_transactions("Date Buy/Sell Quantity Price\n03/10/2026 Buy 1,000 4.20\n03/11/2026 Sell 2,000 4.30\n")
    assert [(r["side"], r["shares"], r["price"]) for r in rows] == [
        ("A", Decimal("1000"), Decimal("4.20")), ("D", Decimal("2000"), Decimal("4.30"))]
    assert read_transactions("The Reporting Persons held 1,000 shares on 03/10/2026 and 2,000 shares on "
                             "03/11/2026.") == []


def test_a_schedule_listing_persons_is_no_schedule_of_transactions():
    from ownergraph.loaders._item5c import schedule_ref as _schedule_ref

    assert _schedule_ref("Except as set forth on Schedule A hereto, none of the Reporting Persons has effected any "
                         "transaction in the Common Stock during the past 60 days.") == "Schedule A"
    assert _schedule_ref("The transactions are listed in Annex B.") == "Annex B"
    assert _schedule_ref("To the knowledge of the Reporting Persons, none of the persons listed on Schedule I has "
                         "effected any transaction in the Common Stock during the past 60 days.") is None
    data = _primary_xml().replace(b"are set forth on Schedule A hereto", b"are none; nor have any of the persons "
                                  b"named on Schedule A hereto effected any")
    f = load_bytes(data, "primary_doc.xml")
    assert not any("Schedule A" in w for w in f.warnings)


def test_single_space_rows_with_a_name_column_and_footnote_marks():
    rows = read_transactions("Name Date Type Shares Price\nFund II 03/10/2026 Purchase 10,000 $4.20(1)\n"
                             "Fund III 03/11/2026 Sale (2,000) $4.30(1)\n(1) The price reported is a weighted average.")
    assert [(r["holder"], r["date"], r["side"], r["shares"], r["price"]) for r in rows] == [
        ("Fund II", dt.date(2026, 3, 10), "A", Decimal("10000"), Decimal("4.20")),
        ("Fund III", dt.date(2026, 3, 11), "D", Decimal("2000"), Decimal("4.30"))]
    (r,) = read_transactions("Date of Transaction Number of Shares Purchased Price per Share ($)\n"
                             "03/10/2026 10,000 4.2012*\n")
    assert (r["shares"], r["price"], r["side"]) == (Decimal("10000"), Decimal("4.2012"), "A")
