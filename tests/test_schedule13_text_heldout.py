"""The classic Schedule 13D/13G loader on layouts of real filings it was not developed on (own synthetic fixtures,
modelled on the structures of real HTML and text filings)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_path

FIX = Path(__file__).resolve().parent / "fixtures" / "schedule13"
D = Decimal


def ent(facts, name):
    hits = [e for e in facts.entities if name.lower() in [e.name.lower(), *[a.lower() for a in e.aliases]]]
    assert len(hits) == 1, (name, [e.name for e in facts.entities])
    return hits[0]


def rels(facts, etype, src=None, dst=None):
    return [r for r in facts.relations if r.type == etype and (src is None or r.source == src.key)
            and (dst is None or r.target == dst.key)]


def beneficial(facts, holder):
    (r,) = [r for r in rels(facts, EdgeKind.HOLDS, holder) if r.props.get("basis") == "beneficial"]
    return r


G8 = FIX / "sc13ga_text_unnumbered_rows_item7_item8.txt"


def test_role_after_an_object_named_like_a_role():
    """'Mr. Alvarez is the managing member of the General Partner and a director of the Master Fund': the
    defined term 'General Partner' ends the first object; 'a director of' is the second role (was: CONTROLS
    the Master Fund with basis 'general partner and a director')."""
    f = load_path(FIX / "sc13da_text_footnote_only_cells.txt")
    alvarez, fund, gp = ent(f, "Peter J. Alvarez"), ent(f, "Blue Harbor Special Situations Master Fund, Ltd."), \
        ent(f, "Blue Harbor GP LLC")
    assert [r.props["basis"] for r in rels(f, EdgeKind.CONTROLS, alvarez)] == ["managing member"]
    assert rels(f, EdgeKind.CONTROLS, alvarez, gp)
    assert [r.props["title"] for r in rels(f, EdgeKind.DIRECTOR_OF, alvarez, fund)] == ["director"]
    assert [r.props["basis"] for r in rels(f, EdgeKind.CONTROLS, gp, ent(f, "Blue Harbor Capital Partners, L.P."))] \
        == ["general partner"]
    assert alvarez.kind == NodeKind.PERSON
    assert f.filing.shares_outstanding == 19912000


def test_appointed_a_director_is_a_director():
    """Item 4: 'On January 12, 2009, Mr. Alvarez was appointed a director of the Issuer' (was: nothing, the
    verb between the name and the role hid the subject)."""
    f = load_path(FIX / "sc13da_text_footnote_only_cells.txt")
    (r,) = rels(f, EdgeKind.DIRECTOR_OF, ent(f, "Peter J. Alvarez"), f.entity("issuer"))
    assert r.props["title"] == "director" and r.prov.section == "Item 4"


def test_a_middle_initial_l_or_p_is_no_legal_form():
    from ownergraph.loaders._prose import _looks_org, _looks_person

    assert _looks_person("Marguerite L. Thale") and _looks_person("John P. Morgan")
    assert _looks_org("Acme Partners, L. P.") and _looks_org("Acme L.P.") and _looks_org("Acme L.L.C.")
    assert not _looks_person("Acme Holdings L. P.")


def test_13g_item7_type_codes_are_not_names():
    """'Granite Peak Trust Company, N.A. (BK)': the code in parentheses is the subsidiary's type, not a defined
    term (was: a person 'N.A.' with the alias 'BK')."""
    f = load_path(G8)
    subs = {f.entity(r.target).name for r in rels(f, EdgeKind.CONTROLS) if r.props.get("basis") == "subsidiary"}
    assert subs == {"Granite Peak Trust Company, N.A.", "Granite Peak Investment Advisors LLC"}
    assert not [e for e in f.entities if e.name == "N.A." or "BK" in e.aliases]
