"""The writer's value encoding (``writer._encode_into``, the hot loop of a push) against a plain reference.

The fast path tests a Decimal with ``as_integer_ratio`` and skips the exactness check where the float prints
back the same text; what it writes must be exactly what the straightforward rules give: whole numbers below
2**53 as ints, everything else as a float plus ``<name>_exact`` when the float would not give the decimal back
(or has more than 15 significant digits).
"""

from __future__ import annotations

import math
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from ownergraph.graph.backends.writer import _MAX_EXACT_INT, _encode_into, encode_props
from ownergraph.graph.values import to_plain


def _reference(k: str, v: Decimal) -> dict:
    if v.is_finite():
        i = int(v)
        if i == v and -_MAX_EXACT_INT < i < _MAX_EXACT_INT:
            return {k: i}
    ev = float(v)
    exact = to_plain(v)
    r = repr(ev)
    out = {k: ev}
    if (r != exact and to_plain(Decimal(r)) != exact) or len(exact.lstrip("-").replace(".", "").lstrip("0")) > 15:
        out[f"{k}_exact"] = exact
    return out


def _same(a: dict, b: dict) -> bool:
    return list(a) == list(b) and all(
        type(a[k]) is type(b[k]) and (a[k] == b[k] or (isinstance(a[k], float) and math.isnan(a[k])
                                                      and math.isnan(b[k]))) for k in a)


ODD = ["NaN", "Infinity", "-Infinity", "-0", "0.0", "1E+3", "1.50", "17.10", str(2 ** 53), str(2 ** 53 - 1),
       str(-2 ** 53 + 1), "12345678901234567.5", "0.1234567890123456", "1e-7", "33.3333333333333333",
       "11615772.80", "0.10", "-12.5", "123456789012345.6"]


def test_odd_decimals():
    for text in ODD:
        v = Decimal(text)
        assert _same(encode_props({"x": v}), _reference("x", v)), text


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.decimals(allow_nan=True, allow_infinity=True).filter(lambda d: not d.is_snan()),
                 st.builds(lambda n, e: Decimal(n).scaleb(e), st.integers(-10 ** 20, 10 ** 20),
                           st.integers(-12, 12))))
def test_decimals_match_the_reference(v):
    assert _same(encode_props({"x": v}), _reference("x", v))


def test_skipped_and_plain_values():
    names: list = []
    values: list = []
    _encode_into({"id": "x", "a": "s", "b": Decimal(3), "c": None, "d": True, "e": 1.5, "name": Decimal("2.5")},
                 None, names, values, frozenset({"id", "name"}))
    assert names == ["a", "b", "d", "e"] and values == ["s", 3, True, 1.5] and type(values[1]) is int
