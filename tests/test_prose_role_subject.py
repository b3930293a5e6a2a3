"""'The general partner of X is 60% owned by Y': the subject is the general partner, not X.  Y controls X through
it, and the 60% is of the general partner, not of X (was: Y a 60% 'majority owner' of X, a percentage of the
wrong entity that who-controls --by economic multiplied along the chain).  Sentences modelled on real Item 2
wording, with invented names."""

from __future__ import annotations

from decimal import Decimal

import pytest

from test_prose_percent import mined

GP_OF = "The general partner of Brisbeck Partners LP is"


@pytest.mark.parametrize("how,basis", [
    ("60% owned by", "majority owner of the general partner"),
    ("approximately 75% controlled by", "controls the general partner"),
    ("controlled by", "controls the general partner"),
    ("wholly owned by", "wholly owns the general partner"),
    ("a wholly-owned subsidiary of", "wholly owns the general partner"),
])
def test_owner_of_the_role_holder_controls_through_it(how, basis):
    got = mined(f"{GP_OF} {how} Imelda R. Sarkis.")
    assert set(got) == {("Imelda R. Sarkis", "Brisbeck Partners LP")}
    props = got["Imelda R. Sarkis", "Brisbeck Partners LP"]
    assert props["basis"] == basis and "percent" not in props and "percent_text" not in props


def test_other_roles_and_no_control():
    got = mined("The managing member of Vantorre Holdings LLC is 80% owned by Imelda R. Sarkis.")
    assert got["Imelda R. Sarkis", "Vantorre Holdings LLC"]["basis"] == "majority owner of the managing member"
    # a minority of the general partner is no control; the general partner's manager is no controller of X
    assert mined(f"{GP_OF} 40% owned by Imelda R. Sarkis.") == {}
    assert mined("The investment manager of Brisbeck Partners LP is managed by Imelda R. Sarkis.") == {}


def test_the_plain_forms_are_unchanged():
    assert mined("Brisbeck Partners LP is 60% owned by Imelda R. Sarkis.")[
        "Imelda R. Sarkis", "Brisbeck Partners LP"]["percent"] == Decimal("60")
    assert mined(f"{GP_OF} Vantorre Holdings LLC.")["Vantorre Holdings LLC", "Brisbeck Partners LP"][
        "basis"] == "general partner"
    assert mined("Brisbeck Partners LP is controlled by Imelda R. Sarkis.")[
        "Imelda R. Sarkis", "Brisbeck Partners LP"]["basis"] == "controlled by"
