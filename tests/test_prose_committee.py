"""Investment committee membership: a stated role with the committee's power and the disclaimer, never CONTROLS."""

from test_prose import O, P, facts

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders._prose import ProseContext, mine_text


def _f():
    return facts(("a", P, "Dana Whitcombe"), ("g", O, "Larch Capital LLC"), ("fund", O, "Larch Fund LP"))


def test_committee_member_with_power_and_disclaimer_is_not_a_controller():
    f = _f()
    mine_text("Dana Whitcombe is a member of the investment committee of Larch Capital LLC, which exercises voting "
              "and dispositive power over the shares held by Larch Fund LP. Ms. Whitcombe disclaims beneficial "
              "ownership of such shares.", section="Item 4", facts=f, ctx=ProseContext(f))
    (r,) = [r for r in f.relations if r.type == EdgeKind.EMPLOYED_BY]
    assert (r.source, r.target) == ("a", "g") and r.props["title"] == "investment committee member"
    assert r.props["disclaims"] is True and "committee" in r.props["committee_power"]
    assert not [r for r in f.relations if r.type == EdgeKind.CONTROLS and r.source == "a"]


def test_plain_membership_states_no_power_and_no_disclaimer():
    f = _f()
    mine_text("Dana Whitcombe serves on the investment committee of Larch Capital LLC.", section="Item 2",
              facts=f, ctx=ProseContext(f))
    (r,) = [r for r in f.relations if r.type == EdgeKind.EMPLOYED_BY]
    assert r.props == {"title": "investment committee member"}


def test_a_disclaimer_counts_only_for_the_member_it_names_or_for_every_member():
    f = facts(("a", P, "Dana Whitcombe"), ("b", P, "Lee Ostrander"), ("g", O, "Larch Capital LLC"))
    mine_text("Dana Whitcombe and Lee Ostrander are members of the investment committee of Larch Capital LLC. "
              "Dana Whitcombe is a member of the investment committee of Larch Capital LLC. Lee Ostrander is a "
              "member of the investment committee of Larch Capital LLC. Mr. Ostrander disclaims beneficial "
              "ownership of the shares.", section="Item 4", facts=f, ctx=ProseContext(f))
    got = {r.source: r.props.get("disclaims", False) for r in f.relations if r.type == EdgeKind.EMPLOYED_BY}
    assert got == {"a": False, "b": True}
    f = facts(("a", P, "Dana Whitcombe"), ("g", O, "Larch Capital LLC"))
    mine_text("Dana Whitcombe is a member of the investment committee of Larch Capital LLC. Each of the members "
              "of the committee disclaims beneficial ownership of the shares.", section="Item 4", facts=f,
              ctx=ProseContext(f))
    (r,) = [r for r in f.relations if r.type == EdgeKind.EMPLOYED_BY]
    assert r.props["disclaims"] is True
