"""Item 5(c) transactions read by the one shared reader (ownergraph.loaders._item5c) for both 13D loaders.

The texts below are written for these tests (invented names and numbers), in the layouts 13D filings use:
sentences naming the holder by a defined term or an honorific, a nominal "Other than the purchase of ...",
and a schedule table whose holders are rows of their own above their transactions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D
from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path
from ownergraph.loaders._item5c import read_transactions


def _one(text: str) -> dict:
    (t,) = read_transactions(text)
    return t


def test_an_honorific_or_initial_does_not_end_the_sentence():
    t = _one("On June 14, 1999, Mr. Arleigh sold 4,000 Shares for an aggregate sale price of $19,250.")
    assert (t["holder"], t["date"], t["shares"], t["side"], t["value"], t["price"]) == (
        "Mr. Arleigh", dt.date(1999, 6, 14), 4000, "D", D("19250"), None)
    t = _one("On May 2, 2003, Quarry Hill Partners, L.P. purchased 7,500 Shares at $2.25 per share.")
    assert (t["holder"], t["shares"], t["price"], t["side"]) == ("Quarry Hill Partners, L.P.", 7500, D("2.25"), "A")


def test_a_sentence_still_ends_at_its_period():
    # the second sentence's price is not the first transaction's
    t = _one("On June 3, 1999, the Partnership purchased 30,000 Shares. The Partnership paid $4.375 per share "
             "for the shares it bought in May.")
    assert t["price"] is None and t["shares"] == 30000


def test_a_transaction_named_by_its_noun():
    t = _one("Other than the purchase of 10,000 Shares in the open market on June 17, 2024, Kestrel & Company "
             "has not entered into any transactions in the Shares during the past sixty days.")
    assert (t["holder"], t["date"], t["shares"], t["side"]) == (None, dt.date(2024, 6, 17), 10000, "A")
    t = _one("Except for the sale by the Fund of 25,000 Shares at $3.10 per Share on May 2, 2019, no transactions "
             "in the Shares were effected during the past sixty days.")
    assert (t["holder"], t["shares"], t["price"], t["side"]) == ("the Fund", 25000, D("3.10"), "D")
    # read once, not again as a noun, when the same sentence also says "On <date>, X purchased"
    assert len(read_transactions("On June 3, 1999, the Partnership purchased 30,000 Shares at $4.375 per share, "
                                 "and the purchase of 30,000 Shares on June 3, 1999 was paid from working "
                                 "capital.")) == 1
    # a trade in another instrument is not a trade in the class
    assert read_transactions("Other than the acquisition of 5,000 shares of Series B Preferred Stock on May 1, "
                             "2020, the Reporting Persons effected no transactions.") == []


def test_schedule_rows_under_a_row_naming_their_holder():
    text = ("Transactions in the Shares During the Past Sixty Days\n"
            "Nature of the Transaction\tAmount of Shares Purchased/(Sold)\tPrice per Share ($)\tDate of Purchase/Sale\n"
            "HALYARD OPPORTUNITY FUND, LTD.\n"
            "Purchase of Common Stock\t12,000\t3.1150\t04/02/2022\n"
            "Sale of Common Stock\t(2,500)\t3.4020\t04/20/2022\n"
            "HALYARD CAPITAL LLC\n"
            "(Through a Separately Managed Account)\n"
            "Purchase of Common Stock\t1,800\t3.1150\t04/02/2022\n")
    txs = read_transactions(text)
    assert [(t["holder"], t["date"], t["shares"], t["price"], t["side"]) for t in txs] == [
        ("HALYARD OPPORTUNITY FUND, LTD.", dt.date(2022, 4, 2), 12000, D("3.1150"), "A"),
        ("HALYARD OPPORTUNITY FUND, LTD.", dt.date(2022, 4, 20), 2500, D("3.4020"), "D"),
        ("HALYARD CAPITAL LLC", dt.date(2022, 4, 2), 1800, D("3.1150"), "A")]


def test_purchased_sold_column_without_a_side_column():
    # "Shares Purchased (Sold)": a number not in parentheses is a purchase, one in parentheses a sale
    text = ("Date\tShares Purchased (Sold)\tPrice Per Share\n"
            "03/01/2023\t4,000\t$7.10\n"
            "03/09/2023\t(1,500)\t$7.45\n")
    assert [(t["shares"], t["side"]) for t in read_transactions(text)] == [(4000, "A"), (1500, "D")]
    # a column of sales only stays sales
    text = "Date\tShares Sold\tPrice Per Share\n03/01/2023\t4,000\t$7.10\n"
    assert [(t["shares"], t["side"]) for t in read_transactions(text)] == [(4000, "D")]


def test_a_paragraph_after_the_table_ends_it():
    text = ("Date\tShares Purchased\tPrice Per Share\n"
            "03/01/2023\t4,000\t$7.10\n"
            "All of the purchases listed above were effected in the open market through brokers.\n"
            "03/09/2023\t1,500\t$7.45\n")
    assert [t["shares"] for t in read_transactions(text)] == [4000]


# ----------------------------------------------------------------- the classic (HTML / text) loader

FIX = Path(__file__).parent / "fixtures" / "schedule13"
TEXT_1999 = FIX / "sc13da_text_1999_item5c_sentences.txt"
HTML_SCHEDULE = FIX / "sc13da_html_schedule_a_after_signature.htm"


def _txs(facts):
    return [(facts.entity(r.source).name, r) for r in facts.relations
            if r.type == EdgeKind.HOLDS and r.props.get("basis") == "transaction"]


def test_plain_text_amendment_item5c_sentences_are_transactions_of_the_defined_terms():
    f = load_path(TEXT_1999)
    assert f.filing.loader == "schedule13_text" and f.filing.form_type == "SC 13D/A"
    got = [(n, r.props["transaction_date"], r.props["transaction_shares"], r.props.get("transaction_price"),
            r.props.get("transaction_value"), r.props["acquired_disposed"], r.prov.section) for n, r in _txs(f)]
    # "the Partnership" is Brightwater Partners, L.P. and "Mr. Arleigh" the general partner (the intro defines both)
    assert got == [
        ("Brightwater Partners, L.P.", dt.date(1999, 6, 3), 30000, D("4.375"), None, "A", "Item 5(c)"),
        ("Brightwater Partners, L.P.", dt.date(1999, 6, 8), 12500, D("4.50"), None, "A", "Item 5(c)"),
        ("Desmond K. Arleigh", dt.date(1999, 6, 14), 4000, None, D("19250"), "D", "Item 5(c)")]
    (_, r), = [(n, r) for n, r in _txs(f) if r.props["transaction_date"] == dt.date(1999, 6, 3)]
    assert r.target == "sec:class" and r.props["as_of"] == dt.date(1999, 6, 3)
    assert r.prov.excerpt.startswith("On June 3, 1999, the Partnership purchased 30,000 Shares")
    # the beneficial positions of the cover pages are still there, apart from the transactions
    assert {r.source: r.props["shares"] for r in f.relations
            if r.type == EdgeKind.HOLDS and r.props.get("basis") == "beneficial"} == {"rp:1": 612500, "rp:2": 633500}
    assert not any("5(c)" in w for w in f.warnings)


def test_html_amendment_schedule_a_after_the_signatures():
    f = load_path(HTML_SCHEDULE)
    got = [(n, r.props["transaction_date"], r.props["transaction_shares"], r.props["transaction_price"],
            r.props["acquired_disposed"]) for n, r in _txs(f)]
    assert got == [
        ("Cobalt Ridge Master Fund, Ltd.", dt.date(2021, 2, 1), 45000, D("5.2104"), "A"),
        ("Cobalt Ridge Master Fund, Ltd.", dt.date(2021, 2, 9), 18250, D("5.4377"), "A"),
        ("Cobalt Ridge Master Fund, Ltd.", dt.date(2021, 3, 12), 7500, D("6.0150"), "D"),
        ("Cobalt Ridge Capital LP", dt.date(2021, 2, 1), 9600, D("5.2104"), "A"),
        ("Cobalt Ridge Capital LP", dt.date(2021, 3, 12), 1200, D("6.0150"), "D")]
    assert {r.prov.section for _, r in _txs(f)} == {"Schedule A"}
    assert not any("Schedule A" in w for w in f.warnings)
    assert "item_5c_schedule" not in f.document


def _split_schedule() -> tuple[bytes, bytes]:
    """The HTML amendment without its Schedule A, and the schedule as a document of its own."""
    html = HTML_SCHEDULE.read_bytes()
    at = html.index(b'<p align="center"><b>SCHEDULE A')
    primary = html[:at] + b"</body>\n</html>\n"
    exhibit = b"<html><body>\n" + html[at:]
    return primary, exhibit


def test_schedule_a_missing_is_a_warning_naming_the_file():
    primary, _ = _split_schedule()
    f = load_bytes(primary, "sc13da_primary.htm")
    assert _txs(f) == []
    (w,) = [w for w in f.warnings if "Item 5(c)" in w]
    assert w.startswith("sc13da_primary.htm") and "Schedule A" in w
    assert f.document["item_5c_schedule"] == {"schedule": "Schedule A", "found": 0}


def test_schedule_a_in_an_exhibit_of_the_submission():
    primary, exhibit = _split_schedule()
    sub = (b"<SEC-DOCUMENT>0009450001-21-000002.txt : 20210316\n<SEC-HEADER>0009450001-21-000002.hdr.sgml\n"
           b"ACCESSION NUMBER:\t\t0009450001-21-000002\nCONFORMED SUBMISSION TYPE:\tSC 13D/A\n"
           b"PUBLIC DOCUMENT COUNT:\t\t2\nFILED AS OF DATE:\t\t20210316\n</SEC-HEADER>\n"
           b"<DOCUMENT>\n<TYPE>SC 13D/A\n<SEQUENCE>1\n<FILENAME>sc13da.htm\n<TEXT>\n" + primary +
           b"</TEXT>\n</DOCUMENT>\n<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>schedulea.htm\n"
           b"<DESCRIPTION>SCHEDULE A\n<TEXT>\n" + exhibit + b"</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    f = load_bytes(sub, "0009450001-21-000002.txt")
    assert f.filing.accession == "0009450001-21-000002"
    assert len(_txs(f)) == 5 and {r.prov.section for _, r in _txs(f)} == {"Schedule A"}
    assert {n for n, _ in _txs(f)} == {"Cobalt Ridge Master Fund, Ltd.", "Cobalt Ridge Capital LP"}
    assert not any("Item 5(c)" in w for w in f.warnings)  # found: the warning is gone


def test_per_person_parts_of_item5_give_their_person():
    # "A. <name>" blocks, each with its own (c): a sentence naming no holder is of its block's person
    data = TEXT_1999.read_bytes()
    at, end = data.index(b"     (a) The Partnership"), data.index(b"     (d) Not applicable.")
    blocks = (b"     A. Brightwater Partners, L.P.\n\n     (a) 612,500 Shares.\n\n"
              b"     (c) Other than the purchase of 30,000 Shares in the open market on June 3, 1999, at $4.375\n"
              b"per share, the Partnership has effected no transaction in the Shares in the past sixty days.\n\n"
              b"     B. Desmond K. Arleigh\n\n     (a) 633,500 Shares.\n\n"
              b"     (c) Other than the sale of 4,000 Shares on June 14, 1999, no transaction was effected.\n\n")
    f = load_bytes(data[:at] + blocks + data[end:], "blocks.txt")
    assert sorted((n, r.props["transaction_shares"], r.props["acquired_disposed"], r.props.get("transaction_price"))
                  for n, r in _txs(f)) == [("Brightwater Partners, L.P.", 30000, "A", D("4.375")),
                                           ("Desmond K. Arleigh", 4000, "D", None)]


def test_13g_item5_is_no_list_of_transactions():
    for p in FIX.glob("sc13g*"):
        assert _txs(load_path(p)) == [], p.name



def test_typed_table_in_the_c_paragraph_of_a_plain_text_filing():
    data = TEXT_1999.read_text()
    at, end = data.index("     (c) On June 3, 1999"), data.index("     (d) Not applicable.")
    table = ("     (c) The Partnership effected the following purchases of Shares in the open market during\n"
             "the past sixty days:\n\n"
             "          Date              Number of Shares        Price Per Share\n"
             "          ----              ----------------        ---------------\n"
             "          05/24/99               10,000                 $4.125\n"
             "          06/03/99               30,000                 $4.375\n\n")
    f = load_bytes((data[:at] + table + data[end:]).encode(), "typed.txt")
    assert [(n, r.props["transaction_date"], r.props["transaction_shares"], r.props["transaction_price"],
             r.props["acquired_disposed"]) for n, r in _txs(f)] == [
        ("Brightwater Partners, L.P.", dt.date(1999, 5, 24), 10000, D("4.125"), "A"),
        ("Brightwater Partners, L.P.", dt.date(1999, 6, 3), 30000, D("4.375"), "A")]


def test_the_reporting_person_is_the_only_one_and_the_reporting_persons_no_one():
    data = (FIX / "sc13d_text_no_event_caption_item5_on_date.txt").read_text()
    assert "On March 3, 2015, Mr. Voss purchased" in data
    for who in ("the Reporting Person", "He"):
        f = load_bytes(data.replace("Mr. Voss purchased", f"{who} purchased").encode(), "one.txt")
        assert [(r.source, r.props["transaction_shares"]) for _, r in _txs(f)] == [("rp:1", 150000)], who
    # two reporting persons: "the Reporting Persons" bought together, not a trade of either one of them
    text = TEXT_1999.read_text().replace("Mr. Arleigh\nsold 4,000 Shares", "the Reporting Persons\nsold 4,000 Shares")
    f = load_bytes(text.encode(), "two.txt")
    assert 4000 not in [r.props["transaction_shares"] for _, r in _txs(f)]
    assert len(_txs(f)) == 2


def test_sub_items_running_on_in_one_paragraph():
    from ownergraph.loaders._item5c import item5c_part

    item5 = ("Item 5. Interest in Securities of the Issuer. (a) The Partnership beneficially owns 612,500 Shares "
             "under Rule 13d-1(c) of the Act. (b) The Partnership has sole power to vote them. (c) On June 3, 1999, "
             "the Partnership purchased 30,000 Shares at $4.375 per share. (d) Not applicable. (e) Not applicable.")
    part = item5c_part(item5)
    assert part == "On June 3, 1999, the Partnership purchased 30,000 Shares at $4.375 per share."
    assert item5c_part("Item 5. (a) 612,500 Shares, as a person filing under Rule 13d-1(c) of the Act.") is None
