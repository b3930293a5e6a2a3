"""Control statements of real 13D amendments, on the project's own 13D fixture: a relative clause naming the
controller ("... is managed by Y, which is controlled by X") and a term the amendment never defines ("the
Partnership" of the original statement) that only one reporting person can be."""

from __future__ import annotations

from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes

FIX = Path(__file__).resolve().parent / "fixtures" / "schedule13"
BASE = (FIX / "sc13d_text_item2_members_exhibit.txt").read_bytes()
ITEM2 = BASE.index(b"Item 2.   Identity and Background.")
ITEM7 = BASE.index(b"Item 7.")


def amended(items: str, keep_item2: bool = False) -> bytes:
    """The fixture as an amendment whose body restates only the items given (Items 1-6 dropped)."""
    head = BASE[:BASE.index(b"Item 1.")]
    kept = BASE[ITEM2:BASE.index(b"Item 4.")] if keep_item2 else b""
    return head.replace(b"(Amendment No. __)", b"(Amendment No. 2)") + kept + items.encode() + b"\n\n" + BASE[ITEM7:]


def controls(facts) -> set[tuple[str, str, str]]:
    return {(facts.entity(r.source).name, facts.entity(r.target).name, r.props.get("basis"))
            for r in facts.relations if r.type == EdgeKind.CONTROLS}


def test_which_is_controlled_by_gives_the_controller_of_the_manager():
    f = load_bytes(amended(
        "Item 5.   Interest in Securities of the Issuer.\n\n     Item 5(a) is hereby amended and restated to read as"
        " follows: Quillon Family Partners, L.P. is managed by Larkspur Capital LLP, which is controlled by\n"
        "Thaddeus Quillon. Therefore, each of Larkspur Capital LLP and Thaddeus Quillon may be deemed to have\n"
        "beneficial ownership of the 255,500 Shares held by the partnership."), "which.txt")
    got = controls(f)
    assert ("Larkspur Capital LLP", "Quillon Family Partners, L.P.", "investment manager") in got
    assert ("Thaddeus Quillon", "Larkspur Capital LLP", "controlled by") in got


def test_which_is_wholly_owned_but_not_merely_owned():
    f = load_bytes(amended(
        "Item 5.   Interest in Securities of the Issuer.\n\n     The Shares are held by Quillon Holdings LLC, which is"
        " wholly owned by Thaddeus Quillon, and by Birch Hollow Fund LP, which is owned by its limited partners."),
        "owned.txt")
    got = controls(f)
    assert ("Thaddeus Quillon", "Quillon Holdings LLC", "wholly owns") in got
    assert not [c for c in got if c[1] == "Birch Hollow Fund LP"]


def test_an_undefined_the_partnership_is_the_one_reporting_person_that_is_a_partnership():
    item5 = ("Item 5.   Interest in Securities of the Issuer.\n\n     (a)-(b) As of the date hereof, the Partnership"
             " directly owns 255,500 Shares. Mr. Quillon, as the sole general partner of the Partnership, may be\n"
             "deemed to beneficially own the Shares held by the Partnership.")
    f = load_bytes(amended(item5), "undefined-term.txt")
    assert ("Thaddeus Quillon", "Quillon Family Partners, L.P.", "sole general partner") in controls(f)
    # "the Fund" names no reporting person of this filing: nothing is made up
    g = load_bytes(amended(item5.replace("the Partnership", "the Fund")), "no-fund.txt")
    assert not [c for c in controls(g) if c[0] == "Thaddeus Quillon"]
    assert not [e for e in g.entities if e.name.lower() in ("fund", "the fund")]


def test_a_spouse_named_in_an_apposition_is_a_co_subject():
    """'Mr. Quillon and his wife, Imogen S. Barrow, are co-trustees of ...' (a family group's 13G/A): both."""
    for said in ("Mr. Quillon and his wife, Imogen S. Barrow, are co-trustees of the Quillon Revocable Trust.",
                 "Thaddeus Quillon and Imogen S. Barrow, his wife, are co-trustees of the Quillon Revocable Trust."):
        f = load_bytes(amended("Item 5.   Interest in Securities of the Issuer.\n\n     " + said), "spouse.txt")
        got = controls(f)
        assert ("Thaddeus Quillon", "Quillon Revocable Trust", "co-trustee") in got
        assert ("Imogen S. Barrow", "Quillon Revocable Trust", "co-trustee") in got


def test_mr_of_a_surname_the_spouse_shares_is_the_husband_the_apposition_tells():
    """'Mr. Quillon and his wife, Imogen S. Quillon, are co-trustees': once the wife is named, 'Mr. Quillon' is
    still the reporting person (the wife is known to be a woman), not left unresolved."""
    f = load_bytes(amended("Item 5.   Interest in Securities of the Issuer.\n\n     Mr. Quillon and his wife, Imogen S."
                           " Quillon, are co-trustees of the Quillon Revocable Trust."), "same-surname.txt")
    got = controls(f)
    assert ("Thaddeus Quillon", "Quillon Revocable Trust", "co-trustee") in got
    assert ("Imogen S. Quillon", "Quillon Revocable Trust", "co-trustee") in got
    assert [e.name for e in f.entities if e.name.endswith("Quillon") and e.kind.value == "Person"] == [
        "Thaddeus Quillon", "Imogen S. Quillon"]
