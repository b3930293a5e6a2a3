"""Stated percentages of ownership and control in filing prose (ownergraph.loaders._prose), the CONTROLS edge that
keeps them, and who-controls multiplying them along the chain; prose in a classic 13G's Item 8 exhibit.

Sentences modelled on real 13D/G wording ("X is 94.56% controlled by Y", "Modal LLC, which owns approximately
99.6% of Starfire and whose sole member is ..."), with invented names; the fixture is our own synthetic 13G."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.graph.view import graph_view
from ownergraph.loaders import load_path
from ownergraph.loaders._prose import mine_text
from ownergraph.queries.control import who_controls

from test_prose import O, P, facts

ITEM8_PROSE = Path(__file__).resolve().parent / "fixtures" / "schedule13" / "sc13g_text_item8_exhibit_prose_percent.txt"


def controls(f) -> dict[tuple[str, str], dict]:
    return {(f.entity(r.source).name, f.entity(r.target).name): r.props
            for r in f.relations if r.type == EdgeKind.CONTROLS}


def mined(text: str):
    f = facts(("a", O, "Vantorre Holdings LLC"), ("q", P, "Imelda R. Sarkis"), ("c", O, "Brisbeck Partners LP"))
    mine_text(text, section="Item 2", facts=f)
    return controls(f)


def test_passive_percent_controlled_by_keeps_the_percent():
    got = mined("Vantorre Holdings LLC is 94.56% controlled by Imelda R. Sarkis.")
    assert set(got) == {("Imelda R. Sarkis", "Vantorre Holdings LLC")}
    props = got["Imelda R. Sarkis", "Vantorre Holdings LLC"]
    assert props["percent"] == Decimal("94.56") and props["basis"] == "controlled by" and props["stated"] is True


def test_held_by_one_and_controlled_by_another():
    got = mined("Vantorre Holdings LLC is 99.86% held by Brisbeck Partners LP and controlled by Imelda R. Sarkis.")
    assert got["Brisbeck Partners LP", "Vantorre Holdings LLC"]["percent"] == Decimal("99.86")
    assert got["Brisbeck Partners LP", "Vantorre Holdings LLC"]["basis"] == "majority owner"
    ctl = got["Imelda R. Sarkis", "Vantorre Holdings LLC"]
    assert ctl["basis"] == "controlled by" and "percent" not in ctl  # the 99.86% is Brisbeck's, not hers


def test_pronoun_subject_is_the_previous_sentences():
    got = mined("Vantorre Holdings LLC is a Delaware limited liability company. It is 94% controlled by "
                "Imelda R. Sarkis.")
    assert got["Imelda R. Sarkis", "Vantorre Holdings LLC"]["percent"] == Decimal("94")


def test_which_relative_clause_with_a_percent():
    got = mined("The shares are held by Brisbeck Partners LP, which is 60% owned by Vantorre Holdings LLC.")
    assert got["Vantorre Holdings LLC", "Brisbeck Partners LP"]["percent"] == Decimal("60")


def test_owned_percent_by_word_order():
    got = mined("Vantorre Holdings LLC is owned 70% by Brisbeck Partners LP and 30% by Imelda R. Sarkis.")
    assert set(got) == {("Brisbeck Partners LP", "Vantorre Holdings LLC")}  # 30% is no control
    assert got["Brisbeck Partners LP", "Vantorre Holdings LLC"]["percent"] == Decimal("70")
    got = mined("Vantorre Holdings LLC is roughly 67% owned by Brisbeck Partners LP.")
    assert got["Brisbeck Partners LP", "Vantorre Holdings LLC"]["percent_text"] == "roughly 67%"


def test_owns_approximately_keeps_the_percent_and_its_wording():
    got = mined("Brisbeck Partners LP owns approximately 99.6% of Vantorre Holdings LLC.")
    props = got["Brisbeck Partners LP", "Vantorre Holdings LLC"]
    assert props["percent"] == Decimal("99.6") and props["percent_text"] == "approximately 99.6%"
    assert props["basis"] == "majority owner" and "percent_bound" not in props


def test_more_than_half_is_a_lower_bound():
    got = mined("Brisbeck Partners LP owns more than 50% of the membership interests of Vantorre Holdings LLC.")
    props = got["Brisbeck Partners LP", "Vantorre Holdings LLC"]
    assert props["percent"] == Decimal("50") and props["percent_bound"] == ">"


def test_list_item_relative_clause_owns_percent_and_sole_member():
    f = facts(("s", O, "Tallgrass Crest LP"), ("m", O, "Corvane LLC"), ("p", P, "Osric Vantablack"))
    mine_text('The shares are held directly by Tallgrass Crest LP. Each of Tallgrass Crest LP, Corvane LLC '
              '("Corvane"), which owns approximately 99.6% of Tallgrass Crest LP and whose sole member is Mr. '
              'Vantablack, and Mr. Vantablack may be deemed to beneficially own the shares.', section="Item 2", facts=f)
    got = controls(f)
    assert got["Corvane LLC", "Tallgrass Crest LP"]["percent"] == Decimal("99.6")
    assert got["Osric Vantablack", "Corvane LLC"]["basis"] == "sole member"


def test_list_item_clause_wins_over_the_lists_by_virtue():
    """The item's own clause states more than the list's '(by virtue of their relationships to ...)': the
    percentage is kept, not replaced by a bare 'by virtue of relationship'."""
    f = facts(("s", O, "Tallgrass Crest LP"), ("m", O, "Corvane LLC"), ("p", P, "Osric Vantablack"))
    mine_text('Each of Tallgrass Crest LP, Corvane LLC ("Corvane"), which owns approximately 99.6% of Tallgrass '
              'Crest LP and whose sole member is Mr. Vantablack, and Mr. Vantablack (by virtue of their '
              'relationships to Tallgrass Crest LP) may be deemed to indirectly beneficially own the Shares which '
              'Tallgrass Crest LP directly owns.', section="Item 2", facts=f)
    got = controls(f)
    assert got["Corvane LLC", "Tallgrass Crest LP"]["percent"] == Decimal("99.6")
    assert got["Corvane LLC", "Tallgrass Crest LP"]["basis"] == "majority owner"
    assert got["Osric Vantablack", "Corvane LLC"]["basis"] == "sole member"
    assert got["Osric Vantablack", "Tallgrass Crest LP"]["basis"] == "by virtue of relationship"


def test_half_or_less_is_no_control():
    assert mined("Brisbeck Partners LP owns 30% of Vantorre Holdings LLC.") == {}
    assert mined("Brisbeck Partners LP owns 50% of Vantorre Holdings LLC.") == {}
    assert mined("Vantorre Holdings LLC is 45% owned by Brisbeck Partners LP.") == {}


def test_disclaimers_and_hypotheticals_give_no_edge():
    assert mined("Imelda R. Sarkis may be deemed to control Vantorre Holdings LLC.") == {}
    assert mined("If Vantorre Holdings LLC were 60% owned by Brisbeck Partners LP, Brisbeck Partners LP would "
                 "control it.") == {}
    assert mined("Assuming Brisbeck Partners LP owns 75% of Vantorre Holdings LLC after the closing, it would "
                 "control Vantorre Holdings LLC.") == {}
    assert mined("Brisbeck Partners LP disclaims beneficial ownership, although it owns 80% of Vantorre "
                 "Holdings LLC.") == {}


def test_item8_prose_exhibit_is_mined_when_it_lists_no_members():
    f = load_path(ITEM8_PROSE)
    got = controls(f)
    assert got["Harrowgate Advisors GP LLC", "Harrowgate Capital Partners, L.P."]["basis"] == "general partner"
    assert got["Harrowgate Holdings LLC", "Harrowgate Capital Partners, L.P."]["percent"] == Decimal("97.5")
    assert got["Celestine V. Okonkwo", "Harrowgate Holdings LLC"]["percent"] == Decimal("94.56")
    sections = {r.prov.section for r in f.relations if r.type == EdgeKind.CONTROLS}
    assert sections == {"Exhibit A"}
    # 30% is no control; "may be deemed to control" states none
    assert not any("Larkmoor" in a for a, _ in got) and len(got) == 3
    assert f.document["item_8_members"] == {"exhibit": "Exhibit A", "found": 0}


def test_who_controls_multiplies_stated_percentages_along_the_chain(store):
    store.add(load_path(ITEM8_PROSE))
    g = graph_view(store)
    issuer = next(n for n, d in g.nodes(data=True) if d.get("name") == "Quillfeather Biologics, Inc.")
    eco = who_controls(g, issuer, by="economic")
    people = {p.name: p for lst in (eco.controllers, eco.significant, eco.reportable, eco.holders) for p in lst}
    # 9.0% x 97.5% x 94.56%
    assert round(float(people["Celestine V. Okonkwo"].percent), 3) == round(9.0 * 0.975 * 0.9456, 3)
    assert round(float(people["Harrowgate Holdings LLC"].percent), 3) == round(9.0 * 0.975, 3)
    steps = [s for c in people["Celestine V. Okonkwo"].chains for s in c.steps]
    assert any(s.relation == "owns" and s.percent == Decimal("94.56") for s in steps)


def test_relative_clause_before_a_passive_is_not_its_subject():
    """'X, which owns 99.6% of Y, is wholly owned by Z': Z owns X (not Y), and X's 99.6% of Y is read too."""
    f = facts(("s", O, "Tallgrass Crest LP"), ("m", O, "Corvane LLC"), ("p", P, "Osric Vantablack"))
    mine_text("The shares are held directly by Tallgrass Crest LP. Corvane LLC, which owns approximately 99.6% of "
              "Tallgrass Crest LP, is wholly owned by Osric Vantablack.", section="Item 2", facts=f)
    got = controls(f)
    assert set(got) == {("Osric Vantablack", "Corvane LLC"), ("Corvane LLC", "Tallgrass Crest LP")}
    assert got["Corvane LLC", "Tallgrass Crest LP"]["percent"] == Decimal("99.6")
    f = facts(("s", O, "Tallgrass Crest LP"), ("m", O, "Corvane LLC"), ("p", P, "Osric Vantablack"))
    mine_text("Corvane LLC, which is the general partner of Tallgrass Crest LP, is wholly owned by Osric "
              "Vantablack.", section="Item 2", facts=f)
    assert set(controls(f)) == {("Osric Vantablack", "Corvane LLC"), ("Corvane LLC", "Tallgrass Crest LP")}
