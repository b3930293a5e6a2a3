"""Exhibit 21 structures met on real exhibits not seen before (own synthetic fixtures, invented names): legal forms
printed with the jurisdiction, d/b/a and parent columns, place headings without colons, outlines, wrapped names,
exhibits titled only "EXHIBIT 21.1"."""

from __future__ import annotations

from decimal import Decimal

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_path

from conftest import FIXTURES

E21 = FIXTURES / "ex21"


def _subs(f):
    return [(s["name"], s["jurisdiction"]) for s in f.document["subsidiaries"]]


def _edges(f):
    return {f.entity(r.source).name: r.props for r in f.relations if r.type == EdgeKind.SUBSIDIARY_OF}


def _props(f, name):
    [e] = [e for e in f.entities if e.name == name]
    return {p.name: p.value for p in e.props}


def test_the_place_is_the_jurisdiction_and_the_legal_form_its_own_property():
    f = load_path(E21 / "ex21_place_forms.txt")
    assert f.filing.loader == "ex21"
    assert _subs(f) == [
        ("Marlowe Sample Funding Trust", "Delaware"),
        ("Marlowe Sample Cayman Ltd.", "Cayman Islands"),
        ("Marlowe Sample Services LLC", "Delaware"),  # "a Delaware limited liability company" in the column
        ("Marlowe Sample Capital Trust I", "Delaware"),
        ("Marlowe Sample Research Corp.", "Utah"),  # "(incorporated in Utah)"
        ("Marlowe Sample Bank", "Georgia"),  # ", a Georgia bank"
    ]
    forms = {s["name"]: s["entity_form"] for s in f.document["subsidiaries"]}
    assert forms == {"Marlowe Sample Funding Trust": "statutory trust",
                     "Marlowe Sample Cayman Ltd.": "exempted company",
                     "Marlowe Sample Services LLC": "limited liability company",
                     "Marlowe Sample Capital Trust I": "Business Trust",
                     "Marlowe Sample Research Corp.": None, "Marlowe Sample Bank": "bank"}
    assert _props(f, "Marlowe Sample Cayman Ltd.") == {"jurisdiction": "Cayman Islands",
                                                       "entity_form": "exempted company"}
    e = _edges(f)
    assert e["Marlowe Sample Funding Trust"]["jurisdiction"] == "Delaware"
    # "100% of" / "common" / "securities": the interest, its words wrapped under the cell
    assert e["Marlowe Sample Capital Trust I"]["percent"] == Decimal(100)
    # a rule line under "Exhibit 21" is not the parent's name
    assert f.entity("parent").name.startswith("Unknown parent")


def test_a_place_not_known_is_kept_whole():
    f = load_path(E21 / "ex21_dba_parent_columns.html")
    subs = {s["name"]: s for s in f.document["subsidiaries"]}
    assert subs["Halversen Example Retail, Inc."]["jurisdiction"] == "Ohio"
    assert subs["Halversen Example Retail, Inc."]["entity_form"] == "corporation"
    assert subs["Halversen Example Receivables Trust"]["entity_form"] == "statutory trust"


def test_a_doing_business_as_column_gives_aliases_and_a_parent_column_the_holder():
    f = load_path(E21 / "ex21_dba_parent_columns.html")
    assert f.entity("parent").name == "HALVERSEN EXAMPLE GROUP, INC."
    subs = {s["name"]: s for s in f.document["subsidiaries"]}
    assert list(subs) == ["Halversen Example Holdings LLC", "Halversen Example Retail, Inc.",
                          "Halversen Example Offshore Ltd.", "Halversen Example Receivables Trust"]
    assert subs["Halversen Example Retail, Inc."]["aliases"] == ["Halversen Home", "Halversen Direct"]
    [retail] = [e for e in f.entities if e.name == "Halversen Example Retail, Inc."]
    assert retail.aliases == ["Halversen Home", "Halversen Direct"]
    # "N/A" and the entity's own name in the column are no other names
    assert subs["Halversen Example Offshore Ltd."]["aliases"] == []
    assert subs["Halversen Example Receivables Trust"]["aliases"] == []
    e = _edges(f)
    assert "held_through" not in e["Halversen Example Holdings LLC"]  # held by the registrant itself
    assert e["Halversen Example Retail, Inc."]["held_through"] == "Halversen Example Holdings LLC"
    assert e["Halversen Example Receivables Trust"]["held_through"] == "Halversen Example Retail, Inc."
    assert all(r.target == "parent" for r in f.relations if r.type == EdgeKind.SUBSIDIARY_OF)


def test_a_place_line_heads_the_entries_without_one_under_it():
    f = load_path(E21 / "ex21_place_headings.txt")
    assert _subs(f) == [
        ("Ashgrove Sample Services Inc.", None),  # the heading under it is not its jurisdiction
        ("Ashgrove Sample Ohio LLC", "Ohio"),
        ("Ashgrove Sample Ohio Realty LLC", "Ohio"),
        ("Ashgrove Sample Re Ltd.", "Bermuda"),
        ("Ashgrove Sample Insurance Ltd.", "Bermuda"),
    ]
    rows = load_path(E21 / "ex21_place_heading_rows.html")
    assert _subs(rows) == [("Brantley Example Services Inc.", None), ("Brantley Example Ohio LLC", "Ohio"),
                           ("Brantley Example Ohio Realty LLC", "Ohio")]


def test_a_place_line_alternating_with_names_is_the_jurisdiction_of_the_name_above():
    f = load_path(E21 / "ex21_place_under_name.txt")
    assert _subs(f) == [("Ashgrove Sample Japan K.K.", "Japan"), ("Ashgrove Sample Ireland Limited", "Ireland"),
                        ("Ashgrove Sample Texas LLC", "Texas")]
    rows = load_path(E21 / "ex21_place_under_name_rows.html")
    assert _subs(rows) == [("Brantley Example Japan K.K.", "Japan"), ("Brantley Example Ireland Limited", "Ireland")]


def test_an_outline_indented_under_each_parent_with_wrapped_names_and_short_leaders():
    f = load_path(E21 / "ex21_outline_wrapped.txt")
    assert f.entity("parent").name == "KESTREL SAMPLE HOLDINGS LIMITED"
    names = [s["name"] for s in f.document["subsidiaries"]]
    # the registrant's own row (its name in another case) is no entry; the outline's numbers are not names
    assert names == ["Kestrel Sample Limited", "Kestrel Sample (EU) Holdings Ltd.", "Kestrel Sample (EU) Ltd.",
                     "Kestrel Sample Adjusters Limited", "Kestrel Sample Review Services",
                     "Kestrel Sample Brokers Limited", "Kestrel Sample Asia Holdings Inc.",
                     "Kestrel Sample Property Fund", "Kestrel Sample Commercial Corporation Asia Limited"]
    e = _edges(f)
    assert "held_through" not in e["Kestrel Sample Limited"]
    assert e["Kestrel Sample (EU) Holdings Ltd."]["held_through"] == "Kestrel Sample Limited"
    assert e["Kestrel Sample (EU) Ltd."]["held_through"] == "Kestrel Sample (EU) Holdings Ltd."
    assert e["Kestrel Sample Review Services"]["held_through"] == "Kestrel Sample Adjusters Limited"
    assert e["Kestrel Sample Review Services"]["percent"] == Decimal(75)
    assert e["Kestrel Sample Brokers Limited"]["held_through"] == "Kestrel Sample Limited"
    # a second table starts a list of its own: its top entry is not nested under the first table's entries
    assert "held_through" not in e["Kestrel Sample Asia Holdings Inc."]
    assert e["Kestrel Sample Property Fund"]["jurisdiction"] == "Thailand"  # "Fund...  Thailand"
    wrapped = e["Kestrel Sample Commercial Corporation Asia Limited"]
    assert wrapped["jurisdiction"] == "Hong Kong" and wrapped["held_through"] == "Kestrel Sample Asia Holdings Inc."


def test_an_exhibit_titled_only_exhibit_21_and_names_followed_by_their_place():
    f = load_path(E21 / "ex21_title_only.txt")
    assert f.filing.loader == "ex21"
    # one name in two jurisdictions: two companies
    assert _subs(f) == [("Quillon Sample Limited", "United Kingdom"), ("Quillon Sample Limited", "Hong Kong"),
                        ("Quillon Sample Banking Company", "Georgia")]


def test_incorporated_in_on_the_line_under_the_name():
    f = load_path(E21 / "ex21_incorporated_line.txt")
    assert f.filing.loader == "ex21"
    assert _subs(f) == [("Tamsworth Sample County Bank", "California")]
    assert f.entity("parent").name.startswith("Unknown parent")  # "ITEM 21" names no parent


def test_caption_lines_are_headings_and_gt_marks_nest_entries():
    f = load_path(E21 / "ex21_gt_marks_caption.txt")
    assert f.entity("parent").name == "PELLWORTH SAMPLE FINANCIAL, INC."
    names = [s["name"] for s in f.document["subsidiaries"]]
    assert names == ["Pellworth Sample Funding, Inc.", "Pellworth Sample Aviation, LLC",
                     "Pellworth Sample Investments, Inc.", "Pellworth Sample Brokerage Corporation",
                     "Pellworth Sample Card Services", "Pellworth Sample Card Services of Kentucky",
                     "Pellworth Sample Bank, f.s.b."]  # "Organized / Under / Laws of:" are headings, not entries
    e = _edges(f)
    assert "percent" not in e["Pellworth Sample Aviation, LLC"]  # "N/A"
    assert e["Pellworth Sample Brokerage Corporation"]["held_through"] == "Pellworth Sample Investments, Inc."
    assert e["Pellworth Sample Card Services"]["held_through"] == "Pellworth Sample Brokerage Corporation"
    assert e["Pellworth Sample Card Services"]["percent"] == Decimal(80)
    assert e["Pellworth Sample Card Services of Kentucky"]["held_through"] == "Pellworth Sample Investments, Inc."
    assert "held_through" not in e["Pellworth Sample Bank, f.s.b."]


def test_the_registrant_named_above_its_own_form_and_an_interest_under_a_name():
    f = load_path(E21 / "ex21_parent_form_line.html")
    assert f.entity("parent").name == "Orrindale Sample Corporation"  # not "(A Minnesota Corporation)"
    subs = {s["name"]: s for s in f.document["subsidiaries"]}
    assert list(subs) == ["Orrindale Sample Brands, Inc.", "Orrindale Sample Italia S.p.A."]
    assert subs["Orrindale Sample Brands, Inc."]["jurisdiction"] == "MN"
    assert _edges(f)["Orrindale Sample Italia S.p.A."]["percent"] == Decimal(100)


def test_a_percent_in_two_cells_section_rows_and_note_marks():
    f = load_path(E21 / "ex21_split_percent_sections.html")
    assert f.entity("parent").name == "GLENWARD SAMPLE REALTY INVESTORS, INC."
    assert _subs(f) == [("GSR One Hickory Corporation", "Nevada"),
                        ("Glenward Sample Opportunity Investors, Inc.", "Nevada"),
                        ("Glenward Sample Acquisition Corporation", "Nevada"),  # "(note 1)" is a mark
                        ("GSR Mineral Holdings, LLC", "Nevada"), ("Glenward Ranch Partners, LTD", "Texas")]
    e = _edges(f)
    assert e["GSR One Hickory Corporation"]["percent"] == Decimal(100)
    assert e["GSR Mineral Holdings, LLC"]["percent"] == Decimal("35.76")
    assert e["Glenward Sample Acquisition Corporation"]["footnotes"] == "1"
    assert e["Glenward Sample Opportunity Investors, Inc."]["footnote_text"].startswith("Owned 24.88% by")


def test_outline_number_cells_sentences_and_defined_terms():
    f = load_path(E21 / "ex21_outline_cells_defined_terms.html")
    assert f.entity("parent").name == "Brightmere Example Enterprises Incorporated"
    subs = {s["name"]: s for s in f.document["subsidiaries"]}
    # the outline's numbers are no entries; the sentence gives the name, its place and form, the interest
    assert list(subs) == ["NORDWERK Example Software AG", "Brightmere Example Corp.", "Tallis Example Corp.",
                          "Vellmar Example GmbH"]
    assert subs["Brightmere Example Corp."]["jurisdiction"] == "Delaware"
    assert subs["Brightmere Example Corp."]["entity_form"] == "corporation"
    assert subs["NORDWERK Example Software AG"]["aliases"] == ["NORDWERK"]  # the term the exhibit defines
    e = _edges(f)
    assert e["NORDWERK Example Software AG"]["percent"] == Decimal("50.1")
    assert "held_through" not in e["NORDWERK Example Software AG"]  # "owned by BMEX": the registrant
    assert e["Brightmere Example Corp."]["held_through"] == "NORDWERK Example Software AG"  # "owned by NORDWERK"
    assert e["Tallis Example Corp."]["held_through"] == "Brightmere Example Corp."
    assert "held_through" not in e["Vellmar Example GmbH"]


def test_brackets_giving_the_place_the_interest_and_the_holder():
    f = load_path(E21 / "ex21_domiciled_brackets.html")
    assert f.entity("parent").name == "Corrigan Example Ltd."
    assert _subs(f) == [("Corrigan Example Re Ltd.", "Bermuda"), ("Corrigan Example US Holdings Inc.", "Delaware"),
                        ("Corrigan Example Municipal Corp.", "New York"),
                        ("Corrigan Example Assurance Holdings Inc.", "Delaware"),
                        ("Corrigan Example (Europe) S.A.", "France")]  # ("French Domiciled": the nationality word)
    e = _edges(f)
    assert "held_through" not in e["Corrigan Example Re Ltd."]  # held by the registrant
    assert e["Corrigan Example Municipal Corp."]["held_through"] == "Corrigan Example US Holdings Inc."
    two = e["Corrigan Example Assurance Holdings Inc."]  # two holders: neither is the one, no single interest
    assert "held_through" not in two and "percent" not in two
    europe = e["Corrigan Example (Europe) S.A."]
    assert europe["percent"] == Decimal("99.5") and europe["held_through"] == "Corrigan Example Municipal Corp."
    assert europe["footnotes"] == "3" and europe["footnote_text"] == "Licensed in France."


def test_a_title_over_three_lines_and_incorporated_in_brackets():
    f = load_path(E21 / "ex21_title_three_lines.html")
    assert f.entity("parent").name == "HOLLAND EXAMPLE ASSURANCE HOLDINGS LTD."
    assert _subs(f) == [("Holland Example Assurance Inc.", "New York"),
                        ("Holland Example International Ltd.", "Bermuda"),
                        ("Holland Example Asset Services LLC", "Delaware"),
                        ("Holland Example Funding Limited", "Cayman Islands")]


def test_text_table_parent_and_doing_business_as_columns():
    f = load_path(E21 / "ex21_text_dba_parent_columns.txt")
    assert f.entity("parent").name == "WYNDCROFT SAMPLE HOLDINGS, INC."
    subs = {s["name"]: s for s in f.document["subsidiaries"]}
    assert list(subs) == ["Wyndcroft Sample Corp.", "Wyndcroft Retail LLC", "Wyndcroft Credit Company",
                          "Wyndcroft Receivables Trust"]
    assert [subs[n]["jurisdiction"] for n in subs] == ["Delaware", "Ohio", "Delaware", "Delaware"]
    assert subs["Wyndcroft Retail LLC"]["aliases"] == ["Wyndcroft Outlet"]
    assert subs["Wyndcroft Sample Corp."]["aliases"] == [] and subs["Wyndcroft Credit Company"]["aliases"] == []
    e = _edges(f)
    assert "held_through" not in e["Wyndcroft Sample Corp."]  # its parent column names the registrant
    assert e["Wyndcroft Retail LLC"]["held_through"] == "Wyndcroft Sample Corp."
    assert e["Wyndcroft Receivables Trust"]["held_through"] == "Wyndcroft Credit Company"
