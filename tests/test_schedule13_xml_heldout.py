"""XML Schedule 13D/13G: structures met in real filings the loader had not seen (synthetic fixtures in
tests/fixtures/xml13 modelled on them): component holdings stated in the items, 13G Item 8 group members,
denominators stated as sums, officers of a filer and of its general partner."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_bytes, load_path
from ownergraph.loaders._components import stated_holdings
from ownergraph.loaders._denominator import parse_denominator
from ownergraph.queries.check import check, recompute_percentages

FIX = Path(__file__).parent / "fixtures" / "xml13"
COMPONENTS = FIX / "13d_item5_components_plus_issuable.xml"
GROUP = FIX / "13g_item8_group_members.xml"


def _named(facts, name):
    (e,) = [e for e in facts.entities if e.name == name]
    return e


def _components(facts, holder_name):
    key = _named(facts, holder_name).key
    return [r for r in facts.relations
            if r.type == EdgeKind.HOLDS and r.source == key and r.props.get("basis") == "component"]


# ----------------------------------------------------------------- components stated in the items


def test_item5_holdings_per_named_holder_become_component_holds():
    f = load_path(COMPONENTS)
    fund = _components(f, "Harrowgate Example Fund II, L.P.")  # "Fund II", the term Item 2 defines
    by_target = {f.entity(r.target).name: r for r in fund}
    common = by_target["Common Stock, par value $0.001 per share"]
    assert common.props["shares"] == Decimal("150000") and common.prov.section == "Item 5(a)"
    warrants = by_target["Warrants"]
    assert warrants.props["underlying_shares"] == Decimal("15000")
    assert "warrants to purchase 15,000 shares" in warrants.prov.excerpt
    assert len(fund) == 2  # the warrants' 15,000 underlying shares are no shares Fund II holds
    (partners,) = _components(f, "Harrowgate Example Partners, L.P.")
    assert partners.props["shares"] == Decimal("20000")
    # the warrants are the issuer's, convertible into the class
    wk = warrants.target
    assert any(r.type == EdgeKind.ISSUED_BY and r.source == wk and r.target == "issuer" for r in f.relations)
    assert any(r.type == EdgeKind.CONVERTIBLE_INTO and r.source == wk and r.target == "sec:class" for r in f.relations)
    # the components add up to Fund II's cover position (150,000 + 15,000 = 165,000): no check warning
    assert not [w for w in check(f) if w.code == "components" and "Fund II" in w.message]


def test_item3_purchases_are_not_holdings():
    data = COMPONENTS.read_bytes().replace(b"Fund II holds 150,000", b"Fund II bought 150,000")
    f = load_bytes(data, "c.xml")
    # Item 3 says what Fund II purchased; with Item 5's statement gone, nothing says what it holds of the class
    fund = _components(f, "Harrowgate Example Fund II, L.P.")
    assert all(f.entity(r.target).name == "Warrants" for r in fund) or fund == []


@pytest.mark.parametrize("sentence,expect", [
    ("Fund II holds 150,000 shares of Common Stock and warrants to purchase 15,000 shares.",
     [("Fund II", "direct", Decimal("150000")), ("Fund II", "derivative", Decimal("15000"))]),
    ("As a result, the Fund holds 90,000 shares of Common Stock and Warrants exercisable for 9,000 shares of "
     "Common Stock as of the date of this Amendment.",
     [("the Fund", "direct", Decimal("90000")), ("the Fund", "derivative", Decimal("9000"))]),
    ("Quince Example Partners, L.P. holds 2,100,000 shares of Common Stock which were acquired using working capital.",
     [("Quince Example Partners, L.P.", "direct", Decimal("2100000"))]),
    ("Orla Example individually owns 335,000 shares of Common Stock which she acquired using personal funds.",
     [("Orla Example", "direct", Decimal("335000"))]),
    ("Mr. Example may be deemed to beneficially own the 40,000 shares held directly by the Example Family Trust.",
     [("the Example Family Trust", "direct", Decimal("40000"))]),
    ("The Trust is the record holder of 250,000 shares of Common Stock.", [("The Trust", "direct", Decimal("250000"))]),
    # beneficial ownership restates the cover page; purchases, past holdings and powers are no components
    ("Fund A may be deemed to be the beneficial owner of 164,310 shares of Common Stock.", []),
    ("Fund A beneficially owns 164,310 shares of Common Stock.", []),
    ("On June 2, 2026, Fund A received 7,789,081 Depositary Units.", []),
    ("Fund A previously held 100,000 shares.", []),
    ("Each of Fund A and Fund B holds 1,000 shares of Common Stock.",  # each named holder holds that many
     [("Fund A", "direct", Decimal("1000")), ("Fund B", "direct", Decimal("1000"))]),
    ("Each of the Reporting Persons holds 1,000 shares of Common Stock.", []),  # no one named
    ("Fund A has sole voting power and sole dispositive power with respect to 132,123,972 Depositary Units.", []),
    ("Fund A may be deemed to beneficially own 15,000 shares issuable upon exercise of warrants held by Fund B.", []),
])
def test_stated_holdings(sentence, expect):
    got = [(h["holder"], h["kind"], h.get("shares") if h["kind"] == "direct" else h["underlying"])
           for h in stated_holdings(sentence)]
    assert got == expect


def test_consisting_of_list_with_a_right_to_acquire_part():
    data = COMPONENTS.read_bytes().replace(
        b"Fund II holds 150,000 shares of Common Stock and warrants to purchase 15,000 shares of Common Stock. "
        b"Harrowgate Partners directly holds 20,000 shares of Common Stock.",
        b"As of March 14, 2026, Fund II may be deemed to beneficially own an aggregate of 165,000 shares of "
        b"Common Stock, consisting of (i) 150,000 shares of Common Stock (ii) 15,000 shares of Common Stock Fund II "
        b"has the right to acquire through the exercise of a Pre-Funded Warrant (the \"Pre-Funded Warrant\").")
    f = load_bytes(data, "c.xml")
    fund = {f.entity(r.target).name: r for r in _components(f, "Harrowgate Example Fund II, L.P.")}
    assert fund["Common Stock, par value $0.001 per share"].props["shares"] == Decimal("150000")
    assert fund["Pre-Funded Warrants"].props["underlying_shares"] == Decimal("15000")


def test_consisting_of_list_names_each_part_holder():
    data = COMPONENTS.read_bytes().replace(
        b"Fund II holds 150,000 shares of Common Stock and warrants to purchase 15,000 shares of Common Stock. "
        b"Harrowgate Partners directly holds 20,000 shares of Common Stock.",
        b"Harrowgate Partners may be deemed to beneficially own 185,000 shares of Common Stock, consisting of "
        b"(i) 150,000 shares of Common Stock held by Fund II, (ii) 15,000 shares of Common Stock issuable upon "
        b"exercise of warrants held by Fund II and (iii) 20,000 shares of Common Stock held directly by it.")
    f = load_bytes(data, "c.xml")
    fund = {f.entity(r.target).name: r for r in _components(f, "Harrowgate Example Fund II, L.P.")}
    assert fund["Common Stock, par value $0.001 per share"].props["shares"] == Decimal("150000")
    assert fund["Warrants"].props["underlying_shares"] == Decimal("15000")
    (own,) = _components(f, "Harrowgate Example Partners, L.P.")  # "held directly by it": the subject's
    assert own.props["shares"] == Decimal("20000")


# ----------------------------------------------------------------- denominators


def test_denominator_plus_issuable_under_rule_13d3_d1():
    f = load_path(COMPONENTS)
    assert f.filing.shares_outstanding == Decimal("2000000")  # the issuer's; the warrants are Fund II's alone
    assert f.filing.shares_outstanding_date == dt.date(2026, 3, 1)
    d = f.document["denominator"]
    assert d["base"] == "2000000" and d["rule_13d3_d1"] is True and d["section"] == "Item 5(a)"
    assert d["added"][0]["shares"] == "15000" and d["added"][0]["issuable"] is True
    assert d["total"] == "2015000"
    # Fund II's 8.2% is recomputed on 2,000,000 + its own 15,000 acquirable shares
    rows = {r["holder"]: r for r in recompute_percentages(f)}
    fund = rows["Harrowgate Example Fund II, L.P."]
    assert fund["acquirable"] == Decimal("15000") and fund["consistent"]  # 165,000 / 2,015,000 = 8.19%


def test_depositary_units_stated_to_be_outstanding_plus_units_issued_since():
    f = load_path(GROUP)
    d = f.document["denominator"]
    assert d["base"] == "48000000" and d["added"][0]["issuable"] is False and d["total"] == "50000000"
    assert d["section"] == "cover page 1, comments"
    # units issued since the 10-Q are outstanding: 6.2% of 50,000,000 is the cover's 3,100,000
    assert f.filing.shares_outstanding == Decimal("50000000")
    assert f.filing.shares_outstanding_date == dt.date(2025, 8, 1)


@pytest.mark.parametrize("text,base,added,total,outstanding", [
    ("(based upon (i) the 672,000,000 Depositary Units stated to be outstanding as of May 6, 2026, by the Issuer "
     "in its Form 10-Q, plus (ii) the 36,000,000 Depositary Units issued to the Reporting Persons by the Issuer on "
     "June 25, 2026)", "672000000", [("36000000", False)], "708000000", "708000000"),
    ("All percentages are based on a total of 10,500,000 shares, consisting of (i) 10,000,000 shares of Common "
     "Stock outstanding as of May 1, 2025 and (ii) 500,000 shares issuable upon conversion of the Notes.",
     "10000000", [("500000", True)], "10500000", "10000000"),
    ("Percent of class is based on 10,500,000 shares of Common Stock outstanding, which includes 500,000 shares "
     "issuable upon the exercise of warrants, in accordance with Rule 13d-3(d)(1).",
     "10500000", [("500000", True)], "10500000", "10000000"),
    ("Percentage ownership is calculated based on 30,000,000 shares of Common Stock outstanding as reported in "
     "the 10-Q, and assumes the exercise of warrants to purchase 2,000,000 shares held by the Reporting Person, "
     "as required by Rule 13d-3(d)(1)(i).", "30000000", [("2000000", True)], "32000000", "30000000"),
    ("Ownership percentages are based on 37,000,000 shares of Common Stock outstanding, which is the sum of "
     "(i) 27,000,000 shares of Common Stock outstanding as of November 3, 2025, as reported in the issuer's Form "
     "10-Q, (ii) 8,000,000 shares of Common Stock issued in connection with a private placement that closed on "
     "March 10, 2026, and (iii) 2,000,000 shares of Common Stock which the Filers may acquire upon the exercise "
     "of the Pre-Funded Warrant.", "27000000", [("8000000", False), ("2000000", True)], "37000000", "35000000"),
    ("The percentages reported in this Schedule 13G are based upon 16,400,000 Shares outstanding comprised of "
     "(i) 16,000,000 Shares outstanding as of April 29, 2025 (according to the issuer's Form 10-K/A as filed with "
     "the Securities and Exchange Commission on April 30, 2025), and (ii) 400,000 Shares issuable upon conversion "
     "of certain warrants held by affiliates of the reporting persons.",
     "16000000", [("400000", True)], "16400000", "16000000"),
    ("* Based on 514,000,000 shares outstanding of Example Corp. as of April 29, 2025.",
     "514000000", [], None, "514000000"),
    ("As of the date hereof, there were 25,000,000 Ordinary Shares issued and outstanding, according to the Issuer.",
     "25000000", [], None, "25000000"),
])
def test_parse_denominator(text, base, added, total, outstanding):
    d = parse_denominator(text)
    assert d is not None
    assert str(d.base) == base
    assert [(str(a.shares), a.issuable) for a in d.added] == added
    assert (str(d.total) if d.total is not None else None) == total
    assert str(d.outstanding) == outstanding
    assert all(not a.text.endswith(("and", "(iii)", ",")) for a in d.added)


def test_denominator_date_is_the_as_of_date_not_the_report_filing_date():
    d = parse_denominator("Such percentage was calculated based on the 53,000,000 shares outstanding following the "
                          "IPO, as reported by the Issuer in its Prospectus filed with the Securities and Exchange "
                          "Commission on May 1, 2026.")
    assert d.base == Decimal("53000000") and d.base_date is None
    assert parse_denominator("based on 1,000,000 shares outstanding on June 1, 2025").base_date == dt.date(2025, 6, 1)
    d = parse_denominator("based upon (i) 16,000,000 Shares outstanding as of April 29, 2025 (according to the "
                          "issuer's Form 10-K/A as filed on April 30, 2025), and (ii) 400,000 Shares issuable upon "
                          "conversion of warrants")
    assert d.base_date == dt.date(2025, 4, 29)


def test_no_denominator_in_a_holding_sentence():
    assert parse_denominator("Fund II holds 150,000 shares of Common Stock.") is None


# ----------------------------------------------------------------- 13G Item 8 group members


def _members(facts):
    return {facts.entity(r.source).name: r for r in facts.relations if r.type == EdgeKind.MEMBER_OF_GROUP}


def test_item8_list_puts_each_named_member_in_the_group():
    f = load_path(GROUP)
    m = _members(f)
    assert set(m) == {"Sorrelby Example Capital LLC", "Sorrelby Example Master Fund Ltd.", "Ilsa Example-Marrow",
                      "Tamsin Example Partners LP"}
    assert m["Sorrelby Example Capital LLC"].prov.section == "cover page 1, row 2"  # group box (a)
    assert m["Ilsa Example-Marrow"].prov.section == "Item 8"
    assert m["Ilsa Example-Marrow"].props["classification"] == "IN"
    # a member who is no reporting person becomes an entity of the filing
    tamsin = _named(f, "Tamsin Example Partners LP")
    assert tamsin.kind == NodeKind.ORGANIZATION and tamsin.key not in f.filing.filer_keys
    assert all(r.target == "filing" for r in m.values())


ITEM8 = (b"The members of the group are:\nSorrelby Example Capital LLC - IA\nSorrelby Example Master Fund Ltd. - CO\n"
         b"Ilsa Example-Marrow - IN\nTamsin Example Partners LP - PN")


@pytest.mark.parametrize("text,expect", [
    (b"This Schedule 13G is filed by a group consisting of (i) Sorrelby Example Master Fund Ltd. and "
     b"(ii) Ilsa Example-Marrow.", {"Sorrelby Example Master Fund Ltd.", "Ilsa Example-Marrow"}),
    (b"The Reporting Persons may be deemed to constitute a group.",
     {"Sorrelby Example Master Fund Ltd.", "Ilsa Example-Marrow"}),
    (b"The Reporting Persons do not affirm that they constitute a group for purposes of this Schedule 13G.", set()),
    (b"Not applicable.", set()),
    (b"See Exhibit 99.1.", set()),
])
def test_item8_forms(text, expect):
    f = load_bytes(GROUP.read_bytes().replace(ITEM8, text), "g.xml")
    m = _members(f)
    m.pop("Sorrelby Example Capital LLC")  # its cover page's group box (a)
    assert set(m) == expect


# ----------------------------------------------------------------- signatures


def test_officer_of_the_filer_and_of_its_general_partner_is_not_its_general_partner():
    f = load_path(COMPONENTS)
    person = _named(f, "Pellam Example")
    fund = _named(f, "Harrowgate Example Fund II, L.P.")
    gp = _named(f, "Harrowgate Example GP, Inc.")  # Item 2: the general partner of Fund II
    out = [r for r in f.relations if r.source == person.key]
    assert not any(r.type == EdgeKind.CONTROLS and r.target == fund.key for r in out)
    offices = {(r.type, r.target): r.props.get("title") for r in out}
    assert offices[(EdgeKind.OFFICER_OF, fund.key)] == "President, CEO"
    assert offices[(EdgeKind.OFFICER_OF, gp.key)] == "President, CEO"
    # a lone "General Partner" title still reads as the partnership's general partner
    partners = _named(f, "Harrowgate Example Partners, L.P.")
    assert any(r.type == EdgeKind.CONTROLS and r.target == partners.key and r.props.get("basis") == "general partner"
               for r in out)
