"""Two statements of control over the same entity by the same controller, in one filing: the one that says more
stands (a stated percentage, then a basis naming the role), whatever order they come in (was: the first one
mined, so 'X controls Y' hid a later 'Y is 94% controlled by X').  A role named first is kept beside a later
percentage, with the words that named it.  Sentences modelled on real Item 2 wording, invented names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from test_prose_percent import mined

ROLE = "Imelda R. Sarkis is the sole member of Vantorre Holdings LLC."
GENERIC = "Imelda R. Sarkis controls Vantorre Holdings LLC."
PCT = "Vantorre Holdings LLC is 94% controlled by Imelda R. Sarkis."
PAIR = ("Imelda R. Sarkis", "Vantorre Holdings LLC")


@pytest.mark.parametrize("first,second", [(GENERIC, ROLE), (ROLE, GENERIC)])
def test_the_role_outranks_a_bare_control_statement(first, second):
    got = mined(f"{first} {second}")
    assert list(got) == [PAIR] and got[PAIR]["basis"] == "sole member"


@pytest.mark.parametrize("first,second", [(GENERIC, PCT), (PCT, GENERIC)])
def test_a_percentage_outranks_a_bare_control_statement(first, second):
    got = mined(f"{first} {second}")
    assert got[PAIR]["percent"] == Decimal("94") and got[PAIR]["basis"] == "controlled by"


def test_a_role_named_first_stays_beside_a_later_percentage():
    got = mined(f"{ROLE} {PCT}")[PAIR]
    assert got["percent"] == Decimal("94") and got["basis"] == "sole member"
    assert got["basis_excerpt"] == ROLE
