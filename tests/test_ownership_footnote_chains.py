"""Forms 3/4/5: control chains stated in footnotes in the shapes real venture and fund-group filings use
(our own fixtures in tests/fixtures/ownership)."""

from __future__ import annotations

from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_path

from conftest import FIXTURES

OWN = FIXTURES / "ownership"


def _names(f, kind):
    return {(f.entity(r.source).name, f.entity(r.target).name, r.props.get("basis"))
            for r in f.relations if r.type == kind}


def test_enumerated_chains_capitalised_roles_and_abbreviations():
    f = load_path(OWN / "form3_enumerated_fund_chains.xml")
    (me,) = f.filing.filer_keys
    ctl = _names(f, EdgeKind.CONTROLS)
    assert ctl == {
        # "(i) the general partner of ..., which is the general partner of each of A (BRF VII) and B (BRPF VII)"
        ("BR Partners (TTGP), Ltd.", "BR VII Management, L.P.", "general partner"),
        ("BR VII Management, L.P.", "Bramble Ridge Fund VII, L.P.", "general partner"),
        ("BR VII Management, L.P.", "Bramble Ridge Principals Fund VII, L.P.", "general partner"),
        # "; and (ii) the general partner of ..."
        ("BR Partners (TTGP), Ltd.", "BR Seed Management, L.P.", "general partner"),
        ("BR Seed Management, L.P.", "Bramble Ridge Seed Fund, L.P.", "general partner"),
        # "is a general partner of X (BROP), and the managing member of Y (BROF)"
        ("BR Opportunity Management, LLC", "Bramble Ridge Opportunity Partners, L.P.", "general partner"),
        ("BR Opportunity Management, LLC", "Bramble Ridge Opportunity Fund, LLC", "managing member"),
    }
    # "a Director and stockholder of BR Partners (TTGP), Ltd.": the role in capitals, a second role after "and"
    dirs = {f.entity(r.target).name for r in f.relations if r.type == EdgeKind.DIRECTOR_OF and r.source == me}
    assert dirs == {"Larkspur Analytics, Inc.", "BR Partners (TTGP), Ltd.", "BR Opportunity Management, LLC"}
    # no entity made of a fragment ("L.P. (BR Seed)", "managing member of ...", "L.P. (collectively")
    made = {e.name for e in f.entities if e.key.startswith("ent:")}
    assert all("(" not in n or n == "BR Partners (TTGP), Ltd." for n in made), made
    assert not any(n.lower().startswith(("l.p", "managing", "the ")) for n in made), made
    # every fund row is held by its fund, which the director reaches through the stated chain
    holders = {f.entity(r.source).name for r in f.relations if r.type == EdgeKind.HOLDS}
    assert holders == {"Bramble Ridge Fund VII, L.P.", "Bramble Ridge Principals Fund VII, L.P.",
                       "Bramble Ridge Seed Fund, L.P.", "Bramble Ridge Opportunity Fund, LLC"}


def test_joint_filers_with_jurisdictions_in_their_names():
    f = load_path(OWN / "form4_joint_jurisdiction_names.xml")
    group, fund, holdings, sub = f.filing.filer_keys
    # "held of record by Quillon Sub (DE) LLC": the reporting owner itself, not a new "Quillon Sub" person
    assert not [e for e in f.entities if e.kind == NodeKind.PERSON]
    (row,) = [r for r in f.relations if r.type == EdgeKind.HOLDS]
    assert row.source == sub and row.props["holder_footnote"] == "F2"
    ctl = {(r.source, f.entity(r.target).name, r.props["basis"]) for r in f.relations if r.type == EdgeKind.CONTROLS}
    # "Quillon Group Corp., which is a public company listed on ..., is the sole shareholder of ...";
    # "X is the sole limited partner of Y, which is the sole member of Z": the chain goes on, a limited
    # partner controls nothing
    assert ctl == {(group, "Quillon Advisers Limited", "sole owner"), (holdings, "Quillon Sub (DE) LLC", "sole member")}
    assert not any("Exchange" in e.name for e in f.entities)


def test_grants_told_apart_only_by_exercise_date_stay_separate_positions(store):
    from decimal import Decimal

    from ownergraph.graph.view import graph_view
    from ownergraph.queries.canned import holdings

    f = load_path(OWN / "form4_rsu_tranches.xml")
    store.add(f)
    rows = {r["security"]: Decimal(r["shares"]) for r in holdings(graph_view(store), "cik:0009990122")}
    assert rows == {
        "Common Stock": 51000,
        # RSU tranches of one title, price and expiration, each vesting from the date its footnote gives
        "Restricted Stock Units (exercise price $0, vesting from 2022-02-15)": 4000,
        "Restricted Stock Units (exercise price $0, vesting from 2023-02-15)": 21000,
        "Restricted Stock Units (exercise price $0, vesting from 2024-02-15)": 60000,
        # two option grants at one price and expiration, exercisable from different dates
        "Stock Option (Right to Buy) (exercise price $8.25, expiring 2031-02-15, exercisable 2022-02-15)": 30000,
        "Stock Option (Right to Buy) (exercise price $8.25, expiring 2031-02-15, exercisable 2023-02-15)": 12000,
    }


def _tranche_names(data: bytes) -> set[str]:
    from ownergraph.loaders import load_bytes

    f = load_bytes(data, "tranches.xml")
    return {e.name for e in f.entities if e.kind == NodeKind.SECURITY and e.name.startswith("Restricted")}


def test_a_tranche_dated_only_in_a_footnote_is_named_the_same_whatever_the_footnote_ids():
    data = (OWN / "form4_rsu_tranches.xml").read_bytes()
    # another filing of the same grants numbers its footnotes differently
    renumbered = data
    for old, new in ((b"F2", b"X7"), (b"F3", b"X8"), (b"F4", b"X9")):
        renumbered = renumbered.replace(b'id="' + old + b'"', b'id="' + new + b'"')
    assert renumbered != data
    assert _tranche_names(renumbered) == _tranche_names(data) == {
        f"Restricted Stock Units (exercise price $0, vesting from {y}-02-15)" for y in (2022, 2023, 2024)}


def test_a_footnote_without_a_vesting_date_keeps_the_footnote_reference():
    data = (OWN / "form4_rsu_tranches.xml").read_bytes()
    # a date that is not the vesting date (the grant) and a footnote giving no date at all
    data = data.replace(b"The units vest in sixteen quarterly installments beginning on February 15, 2022.",
                        b"Granted on January 3, 2021. The units vest upon a change of control.")
    data = data.replace(b"The units vest in sixteen quarterly installments beginning on February 15, 2023.",
                        b"The units vest on the later of the first anniversary of the grant and a listing.")
    names = _tranche_names(data)
    assert "Restricted Stock Units (exercise price $0, terms in footnote F2)" in names
    assert "Restricted Stock Units (exercise price $0, terms in footnote F3)" in names
    assert "Restricted Stock Units (exercise price $0, vesting from 2024-02-15)" in names
