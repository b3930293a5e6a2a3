"""Item 5(c) transactions read by the one shared reader (ownergraph.loaders._item5c) for both 13D loaders.

The texts below are written for these tests (invented names and numbers), in the layouts 13D filings use:
sentences naming the holder by a defined term or an honorific, a nominal "Other than the purchase of ...",
and a schedule table whose holders are rows of their own above their transactions.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

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
