"""The shared value parsers of loaders/_text.py on the amounts filings print."""

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
