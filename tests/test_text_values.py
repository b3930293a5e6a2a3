"""The shared value parsers of loaders/_text.py on the amounts filings print."""

import datetime as dt
from decimal import Decimal

from ownergraph.loaders._text import parse_money


def test_money_amounts_as_filed():
    assert parse_money("$17.5 million") == Decimal("17500000") and str(parse_money("$17.5 million")) == "17500000"
    assert str(parse_money("$739,948")) == "739948"
    assert parse_money("$1,000 per share") == 1000
    assert str(parse_money("$0.22")) == "0.22"
    assert parse_money("no amount here") is None


def test_absurd_amounts_do_not_raise():
    # more digits than Decimal's default precision: an amount, not a crash (found by review)
    v = parse_money("$9999999999999999999999999999 billion")
    assert v is not None and v > Decimal(10) ** 36


def test_european_dotted_dates_are_day_month_year():
    from ownergraph.loaders._text import find_dates, parse_date

    assert parse_date("17.10.2011") == dt.date(2011, 10, 17)
    assert parse_date("1.2.2024") == dt.date(2024, 2, 1)
    assert parse_date("31.02.2020") is None  # no such day
    # a European share count is no date; a dotted date inside prose is
    assert find_dates("held 3.415.220 shares on 17.10.2011.") == [dt.date(2011, 10, 17)]


def test_pictet_item5c_table_with_dotted_dates(shared_filings):
    """Pictet's 13D (a real XML filing) lists its trades as '16.01.2026 | SELL | 60 | 71.38 | ...'."""
    from ownergraph.loaders import load_path

    f = load_path(shared_filings / "schedule13dg_xml" / "13D_Pictet_Elastic_2026-01.xml")
    tx = [r.props for r in f.relations if r.props.get("basis") == "transaction"]
    assert len(tx) > 10
    assert {"transaction_date": dt.date(2026, 1, 16), "transaction_shares": Decimal("60"),
            "transaction_price": Decimal("71.38"), "acquired_disposed": "D"}.items() <= \
        next(p for p in tx if p["transaction_date"] == dt.date(2026, 1, 16)).items()
    assert all(p["acquired_disposed"] in ("A", "D") for p in tx)
