"""Exhibit 21 structures met on real exhibits beyond the development set (own synthetic fixtures, invented names)."""

from __future__ import annotations

from decimal import Decimal

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path

from conftest import FIXTURES

E21 = FIXTURES / "ex21"


def _edges(f):
    return {f.entity(r.source).name: r.props for r in f.relations if r.type == EdgeKind.SUBSIDIARY_OF}


def test_table_rows_grouped_under_subsidiaries_of_headings_are_held_through_that_company():
    f = load_path(E21 / "ex21_group_headings_sup_notes.html")
    assert f.filing.loader == "ex21" and f.entity("parent").name == "HARBORLIGHT EXAMPLE INC."
    names = [s["name"] for s in f.document["subsidiaries"]]
    assert not any(n.lower().startswith("subsidiaries of") for n in names)  # a heading is not an entry
    e = _edges(f)
    assert set(e) == {"Harborlight Example Holdings LLC", "Harborlight Example Asia Pte. Ltd.",
                      "Harborlight Example Europe S.à r.l.", "Harborlight Example Japan G.K.",
                      "Harborlight Example India Private Limited"}
    # the row repeating the exhibit's title (the registrant) nests nothing
    assert "held_through" not in e["Harborlight Example Holdings LLC"]
    assert e["Harborlight Example Europe S.à r.l."]["held_through"] == "Harborlight Example Holdings LLC"
    assert e["Harborlight Example Japan G.K."]["held_through"] == "Harborlight Example Holdings LLC"
    assert e["Harborlight Example India Private Limited"]["held_through"] == "Harborlight Example Asia Pte. Ltd."
    assert all(r.target == "parent" for r in f.relations if r.type == EdgeKind.SUBSIDIARY_OF)


def test_superscript_marks_and_the_notes_under_the_list():
    f = load_path(E21 / "ex21_group_headings_sup_notes.html")
    e = _edges(f)
    lux = e["Harborlight Example Europe S.à r.l."]
    assert lux["footnotes"] == "1" and lux["jurisdiction"] == "Luxembourg"
    assert lux["footnote_text"].startswith("80% owned by Harborlight Example Holdings LLC")
    assert lux["percent"] == Decimal(80)  # the note states the interest the list does not
    jp = e["Harborlight Example Japan G.K."]
    assert jp["footnotes"] == "2" and jp["footnote_text"] == "Dormant." and "percent" not in jp
    assert f.document["notes"] == {"1": "80% owned by Harborlight Example Holdings LLC; the remainder by a local "
                                        "partner.", "2": "Dormant."}


def test_text_list_under_jurisdiction_headings_with_dot_leaders():
    f = load_path(E21 / "ex21_jurisdiction_groups_leaders.txt")
    got = [(s["name"], s["jurisdiction"]) for s in f.document["subsidiaries"]]
    assert got == [
        ("Copperfield Example Services, Inc.", "Delaware"),
        ("Copperfield Example Finance LLC", "Delaware"),
        ("Copperfield Example UK Limited", "United Kingdom"),
        ("Copperfield Example Bank, N.A.", "United States"),  # the abbreviation's period kept, leaders dropped
        ("Copperfield Example Agency, Inc.", "Ohio"),
        ("Copperfield Example Re Limited", "Bermuda"),  # printed on the line under the name
    ]
    e = _edges(f)
    assert e["Copperfield Example Finance LLC"]["percent"] == Decimal(50)
    assert e["Copperfield Example Finance LLC"]["footnotes"] == "1"
    assert not any("held_through" in p for p in e.values())  # headings are not parents


def test_heading_indented_over_its_entries_ends_at_a_less_indented_entry():
    text = b"""EXHIBIT 21
SUBSIDIARIES OF THE REGISTRANT

Westbrook Example Holdings, Inc. (Delaware)
     Subsidiaries of Westbrook Example Holdings, Inc.:
          Westbrook Example Europe Ltd. (United Kingdom)
Eastbrook Example Partners LLC (Texas)
"""
    e = _edges(load_bytes(text, "ex21.txt"))
    assert e["Westbrook Example Europe Ltd."]["held_through"] == "Westbrook Example Holdings, Inc."
    assert "held_through" not in e["Eastbrook Example Partners LLC"]
    assert "held_through" not in e["Westbrook Example Holdings, Inc."]


def test_section_heading_rows_are_not_subsidiaries():
    html = b"""<html><body><p>Exhibit 21</p><p>List of Subsidiaries</p><table>
<tr><td><b>Domestic Subsidiaries</b></td></tr>
<tr><td>Eastfield Example One Inc.</td><td>Delaware</td></tr>
<tr><td><b>Foreign Subsidiaries (continued)</b></td></tr>
<tr><td>Eastfield Example Two Ltd.</td><td>Ireland</td></tr>
<tr><td><b>Joint Ventures:</b></td></tr>
<tr><td>Eastfield Example Three LLC</td><td>Texas</td><td>50%</td></tr>
</table></body></html>"""
    f = load_bytes(html, "ex21.htm")
    assert [(s["name"], s["jurisdiction"]) for s in f.document["subsidiaries"]] == [
        ("Eastfield Example One Inc.", "Delaware"), ("Eastfield Example Two Ltd.", "Ireland"),
        ("Eastfield Example Three LLC", "Texas")]


def test_a_trade_name_column_is_not_read_as_the_jurisdiction():
    # Name | Name under which it does business | Jurisdiction | Percentage: the header places the columns (was: the
    # trade name, the first text cell after the name, read as the jurisdiction)
    f = load_path(E21 / "ex21_dba_column.html")
    assert [(s["name"], s["jurisdiction"], s["percent"]) for s in f.document["subsidiaries"]] == [
        ("Lakeshore Example Stores, LLC", "Michigan", "100%"),
        ("Lakeshore Example Credit Corp.", "Delaware", "80%"),
        ("Lakeshore Example Canada ULC", "Nova Scotia", None)]


def test_brackets_naming_a_trade_name_or_the_holding_company():
    f = load_path(E21 / "ex21_aliases_held_by_notes.txt")
    subs = {s["name"]: s for s in f.document["subsidiaries"]}
    assert set(subs) == {"Pinecrest Example Stores LLC", "Pinecrest Example Services B.V.",
                         "Pinecrest Example Holdings Ltd.", "Pinecrest Example Finance LLC",
                         "Pinecrest Example Media, Inc."}  # (was: the last two dropped, the first two misnamed)
    stores = [e for e in f.entities if e.name == "Pinecrest Example Stores LLC"][0]
    assert stores.aliases == ["Pinecrest Outlet"] and subs["Pinecrest Example Stores LLC"]["jurisdiction"] == "Ohio"
    e = _edges(f)
    assert e["Pinecrest Example Services B.V."]["held_through"] == "Pinecrest Example Holdings Ltd."
    assert e["Pinecrest Example Services B.V."]["jurisdiction"] == "Netherlands"
    fin = e["Pinecrest Example Finance LLC"]
    assert fin["percent"] == Decimal(60) and fin["held_through"] == "Pinecrest Example Holdings Ltd."
    assert fin["jurisdiction"] == "Delaware"
    media = e["Pinecrest Example Media, Inc."]
    assert media["percent"] == Decimal(51) and media["jurisdiction"] == "Texas"


def test_entries_printed_side_by_side_are_each_read():
    # "Name  Jurisdiction  Name  Jurisdiction": two entries a line (was: the second entry of a line lost, or its
    # name read as the first one's jurisdiction)
    want = [("Ashgrove Example Inc.", "Delaware"), ("Ashgrove Example GmbH", "Germany"),
            ("Ashgrove Example Ltd.", "United Kingdom"), ("Ashgrove Example S.A.S.", "France"),
            ("Ashgrove Example Pty Ltd", "Australia")]
    f = load_path(E21 / "ex21_side_by_side.txt")
    assert [(s["name"], s["jurisdiction"]) for s in f.document["subsidiaries"]] == want
    rows = "".join(f"<tr><td>{a}</td><td>{b}</td><td>{c}</td><td>{d}</td></tr>"
                   for (a, b), (c, d) in zip(want[0::2], want[1::2]))
    html = f"<html><body><p>EXHIBIT 21</p><p>LIST OF SUBSIDIARIES</p><table>{rows}</table></body></html>"
    g = load_bytes(html.encode(), "ex21.htm")
    assert [(s["name"], s["jurisdiction"]) for s in g.document["subsidiaries"]] == want[:4]


def test_notes_set_in_table_rows_and_star_marks():
    # the notes in rows of the table itself are notes, not subsidiaries (was: "* Inactive." listed as an entity
    # named "Inactive."), a "*" after a name is its mark (was: stripped), a note naming the holder gives
    # held_through, a "wholly owned" note the percent
    html = b"""<html><body><p>EXHIBIT 21</p><p>SUBSIDIARIES OF OAKHAVEN EXAMPLE CORP.</p><table>
<tr><td>Oakhaven Example LLC (1)</td><td>Delaware</td></tr>
<tr><td>Oakhaven Example Ltd. *</td><td>Ireland</td></tr>
<tr><td>Oakhaven Example GmbH (2)</td><td>Germany</td></tr>
<tr><td colspan="2">(1) 50% owned by the Company.</td></tr>
<tr><td colspan="2">* Inactive.</td></tr>
<tr><td colspan="2">(2) Wholly owned by Oakhaven Example Ltd.</td></tr>
</table></body></html>"""
    f = load_bytes(html, "ex21.htm")
    assert [s["name"] for s in f.document["subsidiaries"]] == [
        "Oakhaven Example LLC", "Oakhaven Example Ltd.", "Oakhaven Example GmbH"]
    e = _edges(f)
    assert e["Oakhaven Example LLC"]["percent"] == Decimal(50) and "held_through" not in e["Oakhaven Example LLC"]
    assert e["Oakhaven Example Ltd."]["footnotes"] == "*" and e["Oakhaven Example Ltd."]["footnote_text"] == "Inactive."
    gmbh = e["Oakhaven Example GmbH"]
    assert gmbh["held_through"] == "Oakhaven Example Ltd." and gmbh["percent"] == Decimal(100)
