"""'A, B and Mr. C (by virtue of his relationship with Y) may be deemed to beneficially own ...': the parenthesis
is C's, so only C gets the edge to Y (was: every item of the list).  'their relationships', and 'each of', still
give every item listed.  Sentences modelled on real Item 2/5 wording, with invented names."""

from __future__ import annotations

from ownergraph.loaders._prose import mine_text

from test_prose import O, P, facts
from test_prose_percent import controls

FUNDS = "Vantorre Fund I LP, Vantorre Fund II LP and Imelda R. Sarkis"
GP = "Vantorre Capital GP LLC"


def mined(text: str) -> set[tuple[str, str]]:
    f = facts(("a", O, "Vantorre Fund I LP"), ("b", O, "Vantorre Fund II LP"), ("q", P, "Imelda R. Sarkis"),
              ("c", O, GP))
    mine_text(text, section="Item 2", facts=f)
    return set(controls(f))


def test_his_or_her_relationship_is_the_last_items():
    for pron in ("her", "his"):
        got = mined(f"{FUNDS} (by virtue of {pron} relationship with {GP}) may be deemed to beneficially own the "
                    "Shares.")
        assert got == {("Imelda R. Sarkis", GP)}


def test_their_relationships_and_each_of_are_every_items():
    assert mined(f"{FUNDS} (by virtue of their relationships with {GP}) may be deemed to beneficially own the "
                 "Shares.") == {("Vantorre Fund I LP", GP), ("Vantorre Fund II LP", GP), ("Imelda R. Sarkis", GP)}
    assert mined(f"Each of Vantorre Fund I LP and Imelda R. Sarkis (by virtue of its relationship with {GP}) may be "
                 "deemed to beneficially own the Shares.") == {("Vantorre Fund I LP", GP), ("Imelda R. Sarkis", GP)}
