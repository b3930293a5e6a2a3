"""The classic Schedule 13D/13G loader on more layouts of real filings (own synthetic fixtures modelled on real
structures): several persons one a line in an HTML name cell, "Mr." / "Mrs." of two persons of one surname,
event dates of typed covers without the usual caption, European and Swiss digit grouping."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path
from ownergraph.loaders._text import parse_count

FIX = Path(__file__).resolve().parent / "fixtures" / "schedule13"
SPOUSES = FIX / "sc13d_html_spouses_br_names_swiss_numbers.htm"
DOTTED = FIX / "sc13g_text_event_caption_unbracketed_dotted_counts.txt"
NO_CAPTION = FIX / "sc13d_text_no_event_caption_item5_on_date.txt"
D = Decimal


def beneficial(facts, key):
    (r,) = [r for r in facts.relations if r.type == EdgeKind.HOLDS and r.source == key
            and r.props.get("basis") == "beneficial"]
    return r


# ----------------------------------------------------------------- 4. European / Swiss digit grouping

def test_parse_count_reads_european_and_swiss_groupings_but_not_a_lone_dot_group():
    assert parse_count("1.234.567") == D(1234567)
    assert parse_count("5'288'262.00") == D(5288262)
    assert parse_count("1 234 567") == D(1234567)
    assert parse_count("1.234.567,50") == D("1234567.50")
    assert parse_count("1,234,567") == D(1234567)
    assert parse_count("1.234") == D("1.234")
    assert parse_count("12 345") is None


def test_dotted_and_spaced_counts_on_a_typed_cover_and_item_4():
    f = load_path(DOTTED)
    (cv,) = f.document["cover_pages"]
    assert cv["sole_voting"] == D(3415220) and cv["aggregate"] == D(3415220)
    assert cv["sole_dispositive"] == D(3415220)  # "3 415 220"
    assert cv["percent"] == D("6.1")  # "6,1%", a decimal comma
    own = f.document["item_4"]["ownership"]
    assert own["aggregate"] == D(3415220) and own["percent"] == D("6.1")
    assert f.filing.shares_outstanding == D(55987600)


def test_swiss_counts_in_item_5_prose():
    f = load_path(SPOUSES)
    assert f.filing.shares_outstanding == D(41970333)
