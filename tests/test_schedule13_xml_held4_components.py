"""XML Schedule 13D/13G, fourth held-out review: "Includes N shares ..." in an Item 5 (13D) / Item 4 (13G)
that several reporting persons share is the partial component of the one person the sentence, or else its
paragraph, names; the components check counts another reporting person's stated own holding, not its
aggregate, where both share power over the same shares."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path
from ownergraph.queries.check import check

FIX = Path(__file__).parent / "fixtures" / "xml13"
PER_PERSON = FIX / "13d_item5_includes_per_person.xml"
EACH_OF = FIX / "13d_each_of_and_item5c_transactions.xml"

FUND = "Tallowmere Example Opportunity Fund, L.P."
ADVISER = "Tallowmere Example Advisers LLC"
PERSON = "Example Quenby R."


def _components(facts):
    out = {}
    for r in facts.relations:
        if r.type == EdgeKind.HOLDS and r.props.get("basis") == "component":
            out.setdefault(facts.entity(r.source).name, []).append(r)
    return out


def test_includes_sentence_naming_one_person_is_that_persons_partial_component():
    f = load_path(PER_PERSON)
    comps = _components(f)
    (w,) = comps[FUND]  # "Includes 50,000 shares ... Warrants held by the Fund": "the Fund" is Item 2's term
    assert f.entity(w.target).name == "Warrants"
    assert w.props["underlying_shares"] == Decimal("50000") and w.props["component_partial"] is True
    assert w.prov.section == "Item 5(a)" and "Warrants held by the Fund" in w.prov.excerpt


def test_includes_sentence_naming_no_one_takes_its_paragraphs_subject():
    f = load_path(PER_PERSON)
    # "Mr. Example may be deemed to beneficially own ..., including the shares beneficially owned by the Fund.
    # Includes 25,000 shares ... stock options.": the paragraph is about Mr. Example
    (o,) = _components(f)[PERSON]
    assert f.entity(o.target).name == "Stock Options"
    assert o.props["underlying_shares"] == Decimal("25000") and o.props["component_partial"] is True


def test_includes_sentence_naming_two_persons_is_nobodys():
    f = load_path(PER_PERSON)
    # "The amounts reported for the Adviser and Mr. Example include 550,000 shares ...": whose part is unclear
    assert ADVISER not in _components(f)
    assert not any(r.props.get("shares") == Decimal("550000") for rs in _components(f).values() for r in rs)


def test_includes_paragraph_naming_no_one_is_nobodys():
    data = PER_PERSON.read_bytes().replace(
        b"Mr. Example may be deemed to beneficially own 575,000 shares of Common Stock, including the shares "
        b"beneficially owned by the Fund. Includes", b"The amounts reported in this Schedule 13D are as of today. Includes")
    f = load_bytes(data, "per_person.xml")
    comps = _components(f)
    assert PERSON not in comps and ADVISER not in comps
    assert [f.entity(r.target).name for r in comps[FUND]] == ["Warrants"]


def test_includes_parts_per_person_keep_the_check_quiet():
    f = load_path(PER_PERSON)
    assert not [w for w in check(f) if w.code == "components"]


# ----------------------------------------------------------------- the components check and shared power


def test_each_of_two_holders_sharing_power_over_both_holdings_is_consistent():
    # each directly holds 60,000 and each shares power over all 120,000 (its aggregate): 60,000 + the other's
    # 60,000, not 60,000 + the other's whole aggregate of 120,000
    f = load_path(EACH_OF)
    assert not [w for w in check(f) if w.code == "components"]


def test_holdings_that_do_not_make_the_shared_aggregate_still_warn():
    data = EACH_OF.read_bytes().replace(
        b"Each of Fund II and Brackwater Partners directly holds 60,000 shares of Common Stock.",
        b"Fund II directly holds 60,000 shares of Common Stock. Brackwater Partners directly holds 50,000 shares "
        b"of Common Stock.")
    f = load_bytes(data, "each_of.xml")
    warned = [w for w in check(f) if w.code == "components"]
    assert len(warned) == 2
    assert {w.found for w in warned} == {Decimal("60000"), Decimal("50000")}


def test_includes_shares_held_by_his_spouse_is_his_partial_component():
    data = PER_PERSON.read_bytes().replace(
        b"Includes 25,000 shares of Common Stock issuable upon exercise of stock options.",
        b"Includes 25,000 shares of Common Stock held by his spouse.")
    f = load_bytes(data, "per_person.xml")
    (o,) = _components(f)[PERSON]
    assert o.target == "sec:class" and o.props["shares"] == Decimal("25000") and o.props["component_partial"] is True
    assert "held by his spouse" in o.prov.excerpt
    # held by a holder the filing names: that holder's holding, not the person's part
    data = data.replace(b"held by his spouse", b"held by the Example Family Trust")
    f = load_bytes(data, "per_person.xml")
    assert not [r for r in _components(f).get(PERSON, []) if r.props.get("component_partial")]


PROSE_13G = FIX / "13g_item4_prose_controls.xml"
_ITEM4_LIST = (b"Kestrel Harbor Advisors LP: 1,040,000 shares\nKestrel Harbor Master Fund LP: 1,040,000 shares (1)\n"
               b"Tamsin Oduya: 1,040,000 shares\n(1) Includes 40,000 shares of Common Stock issuable upon exercise of "
               b"warrants.\n")


def test_includes_footnote_is_the_person_whose_line_cites_it():
    data = PROSE_13G.read_bytes().replace(b"See row 9 of each cover page.\n", _ITEM4_LIST)
    f = load_bytes(data, "item4.xml")
    comps = _components(f)
    (w,) = comps["Kestrel Harbor Master Fund LP"]
    assert f.entity(w.target).name == "Warrants" and w.props["underlying_shares"] == Decimal("40000")
    assert w.props["component_partial"] is True and w.prov.section == "Item 4"
    assert set(comps) == {"Kestrel Harbor Master Fund LP"}


def test_includes_footnote_cited_on_two_lines_is_nobodys():
    data = PROSE_13G.read_bytes().replace(
        b"See row 9 of each cover page.\n", _ITEM4_LIST.replace(b"Tamsin Oduya: 1,040,000 shares\n",
                                                                b"Tamsin Oduya: 1,040,000 shares (1)\n"))
    f = load_bytes(data, "item4.xml")
    assert not [r for rs in _components(f).values() for r in rs if r.props.get("component_partial")]


def test_includes_sentence_about_the_reporting_persons_is_nobodys():
    # "the Reporting Persons" are all of them: the Fund the sentence also names is not the one whose part it is
    data = PER_PERSON.read_bytes().replace(b"The amounts reported for the Adviser and Mr. Example include 550,000",
                                           b"The amount reported for the Reporting Persons includes 550,000")
    f = load_bytes(data, "per_person.xml")
    assert not any(r.props.get("shares") == Decimal("550000") for rs in _components(f).values() for r in rs)
    assert [f.entity(r.target).name for r in _components(f)[FUND]] == ["Warrants"]
