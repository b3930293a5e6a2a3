"""XML Schedule 13D/13G: structures met in real filings the loader had not seen (synthetic fixtures in
tests/fixtures/xml13 modelled on them): component holdings stated in the items, 13G Item 8 group members,
denominators stated as sums, officers of a filer and of its general partner."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path
from ownergraph.loaders._components import stated_holdings
from ownergraph.queries.check import check

FIX = Path(__file__).parent / "fixtures" / "xml13"
COMPONENTS = FIX / "13d_item5_components_plus_issuable.xml"


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
    assert not [w for w in check(f) if w.kind == "components" and "Fund II" in w.message]


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
