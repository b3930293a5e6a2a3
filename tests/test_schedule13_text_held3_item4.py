"""13G/A Item 4 as a table: the cover pages of the funds say only 'See Item 4', and Item 4 gives each reporting
person's amount, percent and powers, one row a person (or one row a quantity, a column a person).  Own
synthetic fixture modelled on the layout of real adviser-and-funds 13G/As."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path

FIX = Path(__file__).resolve().parent / "fixtures" / "schedule13"
TABLE = FIX / "sc13ga_html_item4_table_see_item4_covers.htm"
D = Decimal


def beneficial(facts) -> dict[str, dict]:
    return {facts.entity(r.source).name: r.props for r in facts.relations
            if r.type == EdgeKind.HOLDS and r.props.get("basis") == "beneficial"}


def test_see_item_4_covers_take_the_row_item_4_gives_each_person():
    got = beneficial(load_path(TABLE))
    onshore = got["Tamarack Ridge Opportunity Fund, L.P."]
    assert onshore["shares"] == D(1987200) and onshore["percent"] == D("6.0")
    assert onshore["shared_voting"] == D(1987200) and onshore["sole_voting"] == 0
    assert onshore["shares_section"] == "Item 4"
    offshore = got["Tamarack Ridge Offshore Fund, Ltd."]
    assert offshore["shares"] == D(1117800) and offshore["percent"] == D("3.4")
    assert offshore["shared_dispositive"] == D(1117800)
    # the adviser's cover states its numbers: they stay, cited to the cover
    adviser = got["Tamarack Ridge Advisors, LLC"]
    assert adviser["shares"] == D(3105000) and "shares_section" not in adviser


def test_a_stated_cover_value_is_not_replaced_by_the_table():
    data = TABLE.read_bytes().replace(
        b"<td>Tamarack Ridge Advisors, LLC</td><td>3,105,000</td>", b"<td>Tamarack Ridge Advisors, LLC</td><td>3,999,999</td>")
    got = beneficial(load_bytes(data, "stated.htm"))
    assert got["Tamarack Ridge Advisors, LLC"]["shares"] == D(3105000)


TRANSPOSED = (b"<table border=\"1\">"
              b"<tr><td></td><td>Tamarack Ridge Opportunity Fund, L.P.</td><td>Tamarack Ridge Offshore Fund, Ltd.</td></tr>"
              b"<tr><td>(a) Amount beneficially owned</td><td>1,987,200</td><td>1,117,800</td></tr>"
              b"<tr><td>(b) Percent of class</td><td>6.0%</td><td>3.4%</td></tr>"
              b"<tr><td>(c)(i) Sole power to vote</td><td>0</td><td>0</td></tr>"
              b"<tr><td>(ii) Shared power to vote</td><td>1,987,200</td><td>1,117,800</td></tr>"
              b"<tr><td>(iii) Sole power to dispose</td><td>0</td><td>0</td></tr>"
              b"<tr><td>(iv) Shared power to dispose</td><td>1,987,200</td><td>1,117,800</td></tr></table>")


def test_a_table_with_a_column_per_person():
    data = TABLE.read_bytes()
    a = data.index(b"<table border=\"1\">\n<tr><td>Reporting Person</td>")
    b = data.index(b"</table>", a) + len(b"</table>")
    got = beneficial(load_bytes(data[:a] + TRANSPOSED + data[b:], "transposed.htm"))
    assert got["Tamarack Ridge Opportunity Fund, L.P."]["shares"] == D(1987200)
    assert got["Tamarack Ridge Offshore Fund, Ltd."]["percent"] == D("3.4")
    assert got["Tamarack Ridge Offshore Fund, Ltd."]["shared_voting"] == D(1117800)


def test_without_the_table_the_cells_stay_unknown_with_their_reference():
    data = TABLE.read_bytes()
    a = data.index(b"<table border=\"1\">\n<tr><td>Reporting Person</td>")
    b = data.index(b"</table>", a) + len(b"</table>")
    got = beneficial(load_bytes(data[:a] + data[b:], "no-table.htm"))
    onshore = got["Tamarack Ridge Opportunity Fund, L.P."]
    assert onshore.get("shares") is None and "see item 4" in onshore["shares_footnote"].lower()


def test_a_typed_table_in_a_text_filing():
    from ownergraph.loaders.schedule13_text import to_text

    text = to_text(TABLE.read_bytes())
    a = text.index("Reporting Person\tAmount")
    b = text.index("Item 5.")
    typed = ("Reporting Person                         Amount      Percent of class   Sole voting   Shared voting"
             "   Sole dispositive   Shared dispositive\n"
             "Tamarack Ridge Opportunity Fund, L.P.    1,987,200   6.0%               0             1,987,200"
             "       0                  1,987,200\n"
             "Tamarack Ridge Offshore Fund, Ltd.       1,117,800   3.4%               0             1,117,800"
             "       0                  1,117,800\n\n")
    plain = (text[:a] + typed + text[b:]).replace("\t", "    ")
    got = beneficial(load_bytes(plain.encode(), "typed.txt"))
    assert got["Tamarack Ridge Opportunity Fund, L.P."]["shares"] == D(1987200)
    assert got["Tamarack Ridge Offshore Fund, Ltd."]["shared_dispositive"] == D(1117800)
    assert got["Tamarack Ridge Offshore Fund, Ltd."]["percent"] == D("3.4")


def test_a_filled_cell_names_its_item_and_spends_its_pointer_note():
    """Once a 'See Item 4' cell has Item 4's value, the value names where it was read (<prop>_section) and the
    pointer is no longer a note of the cell (was: the value and 'See Item 4' side by side)."""
    from ownergraph.graph.model import EdgeKind
    from ownergraph.loaders import load_path
    from conftest import FIXTURES
    f = load_path(FIXTURES / "schedule13" / "sc13ga_html_item4_table_see_item4_covers.htm")
    filled = [r.props for r in f.relations if r.type == EdgeKind.HOLDS and r.props.get("shares_section")]
    assert len(filled) == 2
    for p in filled:
        for prop in ("shares", "percent", "sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive"):
            assert p.get(prop) is not None and f"{prop}_footnote" not in p
            assert p["shares_section" if prop == "shares" else f"{prop}_section"] == "Item 4"
    # the cover page as filed keeps its words
    assert any(c.get("aggregate_footnote") == "See Item 4" for c in f.document["cover_pages"])
