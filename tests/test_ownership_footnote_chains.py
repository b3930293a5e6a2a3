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
