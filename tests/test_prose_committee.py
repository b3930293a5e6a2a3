"""Investment committee membership: a stated role with the committee's power and the disclaimer, never CONTROLS."""

from pathlib import Path

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


# ----------------------------------------------------------------- the committee as the subject, its members listed


def _people():
    return facts(("a", P, "Dana Whitcombe"), ("b", P, "Lee Ostrander"), ("c", P, "Mira Osei"),
                 ("g", O, "Larch Capital LLC"), ("fund", O, "Larch Fund LP"), ("fund2", O, "Larch Fund II LP"))


def _mine(text, f=None, filers=None):
    f = f or _people()
    if filers is not None:
        f.filing.filer_keys = filers
    mine_text(text, section="Item 4", facts=f, ctx=ProseContext(f))
    return f


def _committee(f):
    """{(member name, owner name): props} of the investment committee edges; and no CONTROLS from any member."""
    got = {(f.entity(r.source).name, f.entity(r.target).name): r.props for r in f.relations
           if r.type == EdgeKind.EMPLOYED_BY and r.props.get("title") == "investment committee member"}
    members = {r.source for r in f.relations if r.type == EdgeKind.EMPLOYED_BY}
    assert not [r for r in f.relations if r.type == EdgeKind.CONTROLS and r.source in members]
    return got


def test_decisions_made_by_a_committee_of_the_owner_consisting_of_three_members():
    f = _mine("Voting and investment decisions with respect to the shares held by Larch Fund LP are made by an "
              "investment committee of Larch Capital LLC consisting of Dana Whitcombe, Lee Ostrander and Mira Osei. "
              "Each of Mr. Ostrander and Ms. Osei disclaims beneficial ownership of such shares.")
    got = _committee(f)
    assert set(got) == {(p, "Larch Capital LLC") for p in ("Dana Whitcombe", "Lee Ostrander", "Mira Osei")}
    assert all(p["committee_power"] == "shared voting and dispositive power (committee)" for p in got.values())
    assert [n for (n, _), p in sorted(got.items()) if p.get("disclaims")] == ["Lee Ostrander", "Mira Osei"]
    assert "disclaims" not in got[("Dana Whitcombe", "Larch Capital LLC")]
    assert not [r for r in f.relations if r.type == EdgeKind.CONTROLS]
    assert len(f.entities) == 6  # the holder named in passing is not the owner, nothing created


def test_possessive_owner_which_consists_of_an_oxford_comma_list():
    f = _mine("Larch Capital LLC's investment committee, which consists of Dana Whitcombe, Lee Ostrander, and Mira "
              "Osei, has voting and dispositive power over the shares held by Larch Fund LP.")
    got = _committee(f)
    assert set(got) == {(p, "Larch Capital LLC") for p in ("Dana Whitcombe", "Lee Ostrander", "Mira Osei")}
    assert all("committee_power" in p and "disclaims" not in p for p in got.values())


def test_new_members_with_suffixes_and_honorifics_are_created_as_persons():
    f = _mine("The Investment Committee of Larch Capital LLC is comprised of Mr. Whitcombe, Ms. Tamsin Vale, "
              "Arthur Penhallow, Jr. and Rupert Okafor III (each, a \u201cMember\u201d). Each Member disclaims "
              "beneficial ownership of the shares.")
    got = _committee(f)
    assert {n for n, _ in got} == {"Dana Whitcombe", "Tamsin Vale", "Arthur Penhallow, Jr.", "Rupert Okafor III"}
    assert all(p == {"title": "investment committee member", "disclaims": True} for p in got.values())
    new = [e for e in f.entities if e.key.startswith("prose:")]
    assert sorted(e.name for e in new) == ["Arthur Penhallow, Jr.", "Rupert Okafor III", "Tamsin Vale"]
    assert all(e.kind == P for e in new)


def test_the_reporting_person_is_the_member_only_when_the_filing_has_one():
    text = ("The shares are managed by an investment committee of Larch Capital LLC that includes the Reporting "
            "Person. The Reporting Person disclaims beneficial ownership of the shares except to the extent of her "
            "pecuniary interest therein.")
    got = _committee(_mine(text, filers=["c"]))
    assert got == {("Mira Osei", "Larch Capital LLC"): {"title": "investment committee member", "disclaims": True}}
    for filers in (["a", "c"], [], ["fund"]):  # two reporting persons, none, an organization
        assert _committee(_mine(text, filers=filers)) == {}


def test_other_list_introducers_and_a_possessive_pronoun():
    cases = {
        "An investment committee composed of Dana Whitcombe and Lee Ostrander exercises voting power over the "
        "shares held by Larch Fund LP.": ("Larch Fund LP", {"Dana Whitcombe", "Lee Ostrander"}),
        "Dispositive decisions are made by the investment committee of Larch Capital LLC, which is made up of "
        "Messrs. Whitcombe and Ostrander.": ("Larch Capital LLC", {"Dana Whitcombe", "Lee Ostrander"}),
        "Larch Capital LLC acts through its investment committee, whose members are Lee Ostrander and Mira "
        "Osei.": ("Larch Capital LLC", {"Lee Ostrander", "Mira Osei"}),
        "The investment committee of Larch Capital LLC, which includes Mira Osei, approves each purchase.":
            ("Larch Capital LLC", {"Mira Osei"}),
    }
    for text, (owner, members) in cases.items():
        got = _committee(_mine(text))
        assert set(got) == {(m, owner) for m in members}, text


def test_the_listed_form_and_the_member_form_make_one_edge():
    f = _mine("Dana Whitcombe is a member of the investment committee of Larch Capital LLC. The investment "
              "committee of Larch Capital LLC consists of Dana Whitcombe and Lee Ostrander.")
    assert len([r for r in f.relations if r.type == EdgeKind.EMPLOYED_BY and r.source == "a"]) == 1
    assert set(_committee(f)) == {("Dana Whitcombe", "Larch Capital LLC"), ("Lee Ostrander", "Larch Capital LLC")}


def test_no_edge_without_members_or_without_one_certain_owner():
    none = [
        # a committee without members
        "The investment committee of Larch Capital LLC has voting and dispositive power over the shares.",
        "The investment committee of Larch Capital LLC consists of three individuals.",
        # no owner, and no holder or two of them
        "An investment committee consisting of Dana Whitcombe and Lee Ostrander makes decisions for the shares.",
        "An investment committee consisting of Dana Whitcombe and Lee Ostrander votes the shares held by Larch "
        "Fund LP and Larch Fund II LP.",
        "An investment committee consisting of Dana Whitcombe and Lee Ostrander votes the shares held by Larch "
        "Fund LP and the shares owned by Larch Fund II LP.",
        "Larch Fund LP and Larch Fund II LP act through their investment committee, consisting of Dana "
        "Whitcombe and Lee Ostrander.",
        # an owner who is a person; a list with an organization in it
        "The investment committee of Dana Whitcombe consists of Lee Ostrander and Mira Osei.",
        "The investment committee of Larch Capital LLC consists of Larch Fund LP and Dana Whitcombe.",
        # member lists in sentences that do not list the committee's members
        "Dana Whitcombe, Lee Ostrander and Mira Osei are parties to the Voting Agreement, and the investment "
        "committee of Larch Capital LLC approved it.",
        "The investment committee of Larch Capital LLC approved the purchase, including from Dana Whitcombe and "
        "Lee Ostrander.",
        "The investment committee of Larch Capital LLC consists of the Reporting Persons.",
    ]
    for text in none:
        f = _mine(text, filers=["a", "b"])
        assert _committee(f) == {}, text
        assert not [e for e in f.entities if e.key.startswith("prose:")], text


# ----------------------------------------------------------------- through the loaders (classic text and XML)

FIXTURES = Path(__file__).parent / "fixtures"


def _loaded_committee(path):
    from ownergraph.loaders import load_path

    f = load_path(path)
    name = {e.key: e.name for e in f.entities}
    got = {(name[r.source], name[r.target]): (r.props, r.prov.section) for r in f.relations
           if r.type == EdgeKind.EMPLOYED_BY and r.props.get("title") == "investment committee member"}
    controls = {(name[r.source], name[r.target]) for r in f.relations if r.type == EdgeKind.CONTROLS}
    return f, got, controls


def test_classic_text_13d_committee_of_the_adviser_with_defined_members():
    f, got, controls = _loaded_committee(FIXTURES / "schedule13" / "sc13d_text_committee_listed.txt")
    power = {"title": "investment committee member", "committee_power": "shared voting and dispositive power "
             "(committee)", "disclaims": True}
    assert got == {(m, "Larch Capital Management LLC"): (power, "Item 2(c)")
                   for m in ("Mira Osei", "Theodore Banerjee, Jr.", "Caspian Holt III")}
    # the members are persons created once; the Item 6 list of the same people states no committee, no control
    people = sorted(e.name for e in f.entities if e.kind == P)
    assert people == ["Caspian Holt III", "Mira Osei", "Theodore Banerjee, Jr."]
    assert controls == {("Larch Capital Management LLC", "Larch Growth Fund, L.P.")}


def test_xml_13g_committee_without_an_owner_is_the_holders_and_the_reporting_person_needs_one_filer():
    f, got, controls = _loaded_committee(FIXTURES / "xml13" / "13g_item4_committee_listed.xml")
    power = {"title": "investment committee member", "committee_power": "shared voting and dispositive power "
             "(committee)", "disclaims": True}
    assert got == {("Dana Whitcombe", "Larch Harbor Fund LP"): (power, "Item 4"),
                   ("Lee Ostrander", "Larch Harbor Fund LP"): (power, "Item 4")}
    # "which includes the Reporting Person" with three reporting persons: no member, no edge to the Adviser
    assert not [r for r in f.relations if r.type == EdgeKind.EMPLOYED_BY and f.entity(r.target).name ==
                "Larch Harbor Advisors LLC"]
    assert controls == set()
    assert [e.name for e in f.entities if e.key.startswith("prose:")] == ["Lee Ostrander"]


def test_the_xml_loader_mines_an_item_whose_only_relationship_word_is_committee():
    from ownergraph.loaders import schedule13_xml as X

    text = "An investment committee composed of Dana Whitcombe and Lee Ostrander votes the shares held by the Fund."
    assert X._states_roles(text) and X._STATES_ROLES.search(text)
    assert not X._states_roles("The shares were bought in the open market.")


def test_a_defined_term_for_the_committee_between_it_and_its_members():
    got = _committee(_mine('Larch Capital LLC\u2019s investment committee (the \u201cCommittee\u201d), consisting of '
                           'Dana Whitcombe and Mira Osei, exercises dispositive power over the shares.'))
    assert set(got) == {("Dana Whitcombe", "Larch Capital LLC"), ("Mira Osei", "Larch Capital LLC")}


def test_classic_text_13g_the_reporting_person_of_a_single_filer_is_a_member():
    from ownergraph.loaders import load_bytes

    src = (FIXTURES / "schedule13" / "sc13ga_single_filer_lowercase.txt").read_text()
    src = src.replace("Ostrander Asset Stewardship Ltd.", "Lena Ostrander").replace("\nFI\n", "\nIN\n")
    head = "Item 4. Ownership"
    src = src.replace(head, head + "\n\nVoting decisions are made by the investment committee of Ostrander Holdings "
                      "Group LLC, which includes the Reporting Person and Hal Brisk. The Reporting Person disclaims "
                      "beneficial ownership of the shares.\n", 1)
    f = load_bytes(src.encode(), "single_filer_committee.txt")
    name = {e.key: e.name for e in f.entities}
    got = {(name[r.source], name[r.target]): r.props.get("disclaims", False) for r in f.relations
           if r.type == EdgeKind.EMPLOYED_BY}
    assert got == {("Lena Ostrander", "Ostrander Holdings Group LLC"): True,
                   ("Hal Brisk", "Ostrander Holdings Group LLC"): False}
    assert not [r for r in f.relations if r.type == EdgeKind.CONTROLS]


# ----------------------------------------------------------------- a board listed as a body: DIRECTOR_OF each member
def _board(f):
    return {(f.entity(r.source).name, f.entity(r.target).name): r.props
            for r in f.relations if r.type == EdgeKind.DIRECTOR_OF}


def _board_facts():
    return facts(("a", P, "Dana Whitcombe"), ("b", P, "Lee Ostrander"), ("g", O, "Larch Holdings LLC"),
                 ("fund", O, "Larch Fund LP"))


def test_an_llc_managed_by_a_board_of_managers_whose_members_are_listed():
    f = _board_facts()
    mine_text("Larch Holdings LLC is managed by a board of managers consisting of Dana Whitcombe, Lee Ostrander and "
              "Mira Osei, which has voting and dispositive power over the shares held by Larch Fund LP.",
              section="Item 2", facts=f, ctx=ProseContext(f))
    got = _board(f)
    assert set(got) == {("Dana Whitcombe", "Larch Holdings LLC"), ("Lee Ostrander", "Larch Holdings LLC"),
                        ("Mira Osei", "Larch Holdings LLC")}
    assert all(p == {"title": "member of the board of managers",
                     "committee_power": "shared voting and dispositive power (board)"} for p in got.values())
    assert f.entity(next(r.source for r in f.relations if f.entity(r.source).name == "Mira Osei")).kind == P
    # a board decides together: no member controls the company alone
    assert not [r for r in f.relations if r.type == EdgeKind.CONTROLS]


def test_the_board_of_y_and_ys_board_as_subject():
    for text in ("The board of managers of Larch Holdings LLC consists of Dana Whitcombe and Lee Ostrander.",
                 "Larch Holdings LLC is managed by its board of managers, which consists of Dana Whitcombe and "
                 "Lee Ostrander."):
        f = _board_facts()
        mine_text(text, section="Item 2", facts=f, ctx=ProseContext(f))
        assert _board(f) == {("Dana Whitcombe", "Larch Holdings LLC"): {"title": "member of the board of managers"},
                             ("Lee Ostrander", "Larch Holdings LLC"): {"title": "member of the board of managers"}}
    f = _board_facts()
    mine_text("Larch Holdings LLC's board of directors is comprised of Dana Whitcombe and Lee Ostrander.",
              section="Item 2", facts=f, ctx=ProseContext(f))
    assert {p["title"] for p in _board(f).values()} == {"director"} and len(_board(f)) == 2


def test_a_board_with_no_named_members_or_no_owner_gives_nothing():
    for text in ("The board of managers of Larch Holdings LLC consists of three members.",
                 "A board of managers consisting of Dana Whitcombe and Lee Ostrander makes all decisions."):
        f = _board_facts()
        mine_text(text, section="Item 2", facts=f, ctx=ProseContext(f))
        assert _board(f) == {}, text
