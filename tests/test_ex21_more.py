"""Exhibit 21 details met on real exhibits (own synthetic fixtures, invented names): an entry listed again under a
second holder, location / principal place of business columns, nationality words and short place names as the
jurisdiction, status brackets after a name."""

from __future__ import annotations

from decimal import Decimal

import pytest

from ownergraph.graph.build import build_delta
from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_path
from ownergraph.loaders._edgar_codes import PLACE_WORDS, code_of_place, place_of_word

from conftest import FIXTURES

E21 = FIXTURES / "ex21"


def _subs(f):
    return {s["name"]: s for s in f.document["subsidiaries"]}


def _props(f, name):
    [e] = [e for e in f.entities if e.name == name]
    return {p.name: p.value for p in e.props}


def _edges_of(f, name):
    keys = {e.key for e in f.entities if e.name == name}
    return [r for r in f.relations if r.type == EdgeKind.SUBSIDIARY_OF and r.source in keys]


# ------------------------------------------------------------------ nationality words, short place names


def test_nationality_words_and_short_names_give_the_place():
    f = load_path(E21 / "ex21_nationality_words.txt")
    got = {s["name"]: (s["jurisdiction"], s.get("entity_form")) for s in f.document["subsidiaries"]}
    # "(a joint venture)": an article before no place is no jurisdiction
    assert got.pop("Quenby Example Ventures LLC", (None, None))[0] is None
    assert got == {
        "Quenby Example Holdings LLC": ("Delaware", "limited liability company"),
        "Quenby Example Deutschland GmbH": ("Germany", "corporation"),
        "Quenby Example Europe B.V.": ("Netherlands", "B.V."),
        "Quenby Example UK Limited": ("England", "company"),
        "Quenby Example Offshore Ltd.": ("Cayman Islands", None),
        "Quenby Example Investments Ltd.": ("British Virgin Islands", None),
        "Quenby Example Schweiz AG": ("Switzerland", "corporation"),
        "Quenby Example Japan K.K.": ("Japan", None),
        "Quenby Example Re Ltd.": ("Bermuda", "company"),  # "(a Bermuda company)": the article before the place
        "Quenby Example Ireland Limited": ("Ireland", "company"),
        "Quenby Example Lux S.a r.l.": ("Luxembourg", "S.a r.l."),
    }
    # the EDGAR place codes of those places: England is the United Kingdom's
    assert [code_of_place(got[n][0]) for n in ("Quenby Example Deutschland GmbH", "Quenby Example Europe B.V.",
                                               "Quenby Example UK Limited", "Quenby Example Offshore Ltd.",
                                               "Quenby Example Investments Ltd.")] == ["2M", "P7", "X0", "E9", "D8"]


def test_the_provenance_keeps_the_words_as_filed():
    f = load_path(E21 / "ex21_nationality_words.txt")
    [e] = [e for e in f.entities if e.name == "Quenby Example Europe B.V."]
    assert "Dutch B.V." in e.prov.excerpt
    [r] = _edges_of(f, "Quenby Example Investments Ltd.")
    assert "BVI" in r.prov.excerpt and r.props["jurisdiction"] == "British Virgin Islands"
    [r] = _edges_of(f, "Quenby Example Ireland Limited")
    assert "an Irish company" in r.prov.excerpt
    # a place named by its name is excerpted as before
    [r] = _edges_of(f, "Quenby Example Japan K.K.")
    assert r.prov.excerpt == "Quenby Example Japan K.K. | Japan"


@pytest.mark.parametrize("word", sorted(PLACE_WORDS))
def test_every_place_word_names_a_place_the_code_table_knows(word):
    assert code_of_place(place_of_word(word)) is not None


def test_place_words_are_no_places_themselves_elsewhere():
    assert place_of_word("Delaware") is None and place_of_word("German Holdings") is None
    assert code_of_place("German") is None  # (the cover-page table is left as it was)


# ------------------------------------------------------------------ status brackets


def test_status_brackets_are_no_part_of_the_name():
    f = load_path(E21 / "ex21_status_brackets.html")
    got = {s["name"]: (s["jurisdiction"], s.get("status")) for s in f.document["subsidiaries"]}
    assert got == {
        "Orlestone Sample Holdings Limited": ("England and Wales", None),
        "GCR Sample Holdings Limited": ("Bermuda", "IN LIQUIDATION"),
        "Orlestone Sample Trading Limited": ("England and Wales", "dormant"),
        "Orlestone Sample Services Pty Ltd": ("Australia", "inactive"),
        "Orlestone Sample Ireland Limited": ("Ireland", "in dissolution"),
        "Orlestone Sample (Asia) Pte. Ltd.": ("Singapore", None),  # (a bracket inside the name stays)
    }
    assert _props(f, "GCR Sample Holdings Limited") == {"jurisdiction": "Bermuda", "status": "IN LIQUIDATION"}
    [r] = _edges_of(f, "Orlestone Sample Ireland Limited")
    assert r.props["percent"] == Decimal(75)


def test_a_status_bracket_before_the_jurisdiction_bracket_of_a_text_line():
    from ownergraph.loaders.ex21 import parse

    data = (b"EXHIBIT 21\n\nSUBSIDIARIES OF WEXCOMBE EXAMPLE CORP.\n\n"
            b"Wexcombe Example Finance Limited (in members' voluntary liquidation) (Jersey)\n"
            b"Wexcombe Example Labs Limited (Ireland)\n"
            b"Wexcombe Example Old Co. Limited (IN LIQUIDATION)\n"
            b"Wexcombe Example Pty Ltd (In Liquidation) (Receivers and Managers Appointed)    Australia\n"
            b"Wexcombe Example Services Limited    Scotland (dormant)\n")
    f = parse(data, "inline.txt")
    got = {s["name"]: (s["jurisdiction"], s.get("status")) for s in f.document["subsidiaries"]}
    assert got == {"Wexcombe Example Finance Limited": ("Jersey", "in members' voluntary liquidation"),
                   "Wexcombe Example Labs Limited": ("Ireland", None),
                   "Wexcombe Example Old Co. Limited": (None, "IN LIQUIDATION"),
                   "Wexcombe Example Pty Ltd": ("Australia", "In Liquidation; Receivers and Managers Appointed"),
                   "Wexcombe Example Services Limited": ("Scotland", "dormant")}



# ------------------------------------------------------------------ location columns


def test_a_principal_place_of_business_column_is_the_location_not_the_jurisdiction():
    f = load_path(E21 / "ex21_location_columns.html")
    subs = _subs(f)
    gas = subs["Bramwick Example Gas and Electric Company"]
    assert (gas["jurisdiction"], gas["location"]) == ("Maryland", "Baltimore, MD")
    assert _props(f, "Bramwick Example Gas and Electric Company") == {"jurisdiction": "Maryland",
                                                                      "location": "Baltimore, MD"}
    assert subs["Bramwick Example Energy Canada Ltd."]["location"] == "Calgary, Alberta, Canada"
    [edge] = _edges_of(f, "Bramwick Example Generation LLC")
    assert edge.props["jurisdiction"] == "Delaware"


def test_a_table_with_only_a_location_column_states_no_jurisdiction():
    f = load_path(E21 / "ex21_location_columns.html")
    retail = _subs(f)["Bramwick Example Retail Services LLC"]
    assert retail["jurisdiction"] is None and retail["location"] == "Chicago, IL"
    assert "jurisdiction" not in _edges_of(f, "Bramwick Example Retail Services LLC")[0].props


def test_a_location_column_of_a_text_list():
    f = load_path(E21 / "ex21_location_column.txt")
    got = [(s["name"], s["jurisdiction"], s.get("location")) for s in f.document["subsidiaries"]]
    assert got == [("Torringford Example Bank, N.A.", "United States", "Hartford, Connecticut"),
                   ("Torringford Example Insurance Agency", "Connecticut", "Farmington, CT"),
                   ("Torringford Example Capital Trust I", "Delaware", "Wilmington, DE")]

def test_a_text_list_with_only_a_place_of_business_column_states_no_jurisdiction():
    f = load_path(E21 / "ex21_place_of_business_only.txt")
    got = [(s["name"], s["jurisdiction"], s.get("location")) for s in f.document["subsidiaries"]]
    assert got == [("Hollingbourne Example Retail, Inc.", None, "Columbus, Ohio"),
                   ("Hollingbourne Example Leasing LLC", None, "Dallas, Texas"),
                   ("Hollingbourne Example Card Services Corp.", None, "Sioux Falls, SD")]


def test_a_heading_naming_the_jurisdiction_and_the_location_is_the_jurisdiction_column():
    from ownergraph.loaders.ex21 import parse

    page = (b"<html><body><p>Exhibit 21</p><p>SUBSIDIARIES OF LYDDEN EXAMPLE CORP.</p><table>"
            b"<tr><td>Name</td><td>Jurisdiction of Incorporation / Location</td><td>Address</td></tr>"
            b"<tr><td>Lydden Example LLC</td><td>Delaware</td><td>1 Example Way, Dover</td></tr></table></body></html>")
    [s] = parse(page, "inline.html").document["subsidiaries"]
    assert (s["jurisdiction"], s.get("location")) == ("Delaware", None)


def test_a_location_column_of_an_sgml_text_table():
    f = load_path(E21 / "ex21_sgml_location_caption.txt")
    got = [(s["name"], s["jurisdiction"], s.get("location")) for s in f.document["subsidiaries"]]
    assert got == [("Sturry Example Power Company", "Maryland", "Baltimore, MD"),
                   ("Sturry Example Pipeline Co.", "Delaware", "Wilmington, Delaware"),
                   ("Sturry Example Services, Inc.", "Virginia", "Richmond, VA")]


# ------------------------------------------------------------------ an entry listed under a second holder


def test_an_entry_listed_again_under_another_holder_keeps_both_holders_as_one_entity():
    f = load_path(E21 / "ex21_listed_under_two_parents.txt")
    assert f.filing.loader == "ex21"
    funding = [e for e in f.entities if e.name == "Pellingham Sample Funding Corp."]
    assert len(funding) == 1  # one company, listed twice
    edges = _edges_of(f, "Pellingham Sample Funding Corp.")
    assert [r.props.get("held_through") for r in edges] == ["Pellingham Sample Finance LLC",
                                                           "Pellingham Sample International (Europe)"]
    assert all(r.target == "parent" and r.props["jurisdiction"] == "Delaware" for r in edges)
    # each edge keeps the row it was read from
    assert len({r.prov.section for r in edges}) == 2
    assert _subs(f)["Pellingham Sample Funding Corp."]["other_parents"] == [
        "Pellingham Sample International (Europe)"]


def test_listed_under_three_holders_and_the_same_name_elsewhere_is_another_company():
    f = load_path(E21 / "ex21_listed_under_two_parents.txt")
    delaware = [e for e in f.entities if e.name == "Pellingham Sample Realty Partners L.P."
                and any(p.value == "Delaware" for p in e.props)]
    assert len(delaware) == 1
    holders = [r.props.get("held_through") for r in f.relations
               if r.type == EdgeKind.SUBSIDIARY_OF and r.source == delaware[0].key]
    assert holders == ["Pellingham Sample Finance LLC", "Pellingham Sample International (Europe)",
                       "Pellingham Sample Holdings Plc"]
    # the Cayman Islands partnership of that name is a company of its own, held directly
    cayman = [s for s in f.document["subsidiaries"] if s["name"] == "Pellingham Sample Realty Partners L.P."
              and s["jurisdiction"] == "Cayman Islands"]
    assert len(cayman) == 1 and cayman[0]["parent"] is None


def test_both_holders_survive_into_the_graph():
    f = load_path(E21 / "ex21_listed_under_two_parents.txt")
    delta = build_delta(f)
    [node] = [n for n in delta.nodes if n.name == "Pellingham Sample Funding Corp."]
    edges = [e for e in delta.edges if e.type == EdgeKind.SUBSIDIARY_OF and e.source == node.id]
    assert sorted(e.props.get("held_through") for e in edges) == ["Pellingham Sample Finance LLC",
                                                                 "Pellingham Sample International (Europe)"]
