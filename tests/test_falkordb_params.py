"""The FalkorDB parameter header (``falkordb_backend.params_header``) against a real FalkorDB server.

The writer's UNWIND batches are encoded by a fast path (the C JSON encoder, keys rewritten) with the
client-equivalent encoder as the fallback.  Whatever the rows hold -- quotes, backslashes, back-quotes in
values, control characters, ``":`` inside values, keys that are not plain words, non-ASCII -- what the server
stores must be exactly what was sent.  (NUL is left out: the FalkorDB query text cannot carry it at all.)
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownergraph.graph.backends.falkordb_backend import _fast_literal, literal, params_header

KEYS = st.one_of(st.from_regex(r"[a-z_][a-z0-9_]{0,8}", fullmatch=True),
                 st.text(st.characters(blacklist_characters="`\x00", blacklist_categories=("Cs",)), min_size=1,
                         max_size=6)).filter(lambda k: k != "ord_")
VALUES = st.one_of(st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=30),
                   st.sampled_from(['":', '\\":', 'a\\', '"k":"v"', "\\u0041", "`x`", "\x01", "\n\t\r\b\f"]),
                   st.integers(-2**53 + 1, 2**53 - 1), st.booleans())
ROWS = st.lists(st.fixed_dictionaries({"id": st.text(st.characters(blacklist_characters="\x00",
                                                                   blacklist_categories=("Cs",)), max_size=12)},
                                      optional={"props": st.dictionaries(KEYS, VALUES, max_size=6)}),
                min_size=1, max_size=6)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=ROWS)
def test_rows_round_trip(falkordb_backend, rows):
    b = falkordb_backend
    b.write("MATCH (n) DETACH DELETE n") if b.has_graph() else None
    numbered = [{"ord_": i, **r} for i, r in enumerate(rows)]
    b.write("UNWIND $rows AS row CREATE (n:T {ord_: row.ord_, id: row.id}) SET n += coalesce(row.props, {})",
            {"rows": numbered})
    back = b.read("MATCH (n:T) RETURN n.ord_ AS i, properties(n) AS p ORDER BY i")
    assert len(back) == len(rows)
    for r, got in zip(rows, back):
        want = {"id": r["id"], **r.get("props", {})}
        got_p = {k: v for k, v in got["p"].items() if k != "ord_"}
        assert got_p == want


def test_fast_path_is_the_slow_path_where_both_apply():
    rows = [{"id": "a", "props": {"name": 'O\'Brien "the" \\ \u00e9', "n": 3, "ok": True, "x": None, "f": 1.5}},
            {"id": "b", "props": {}}]
    assert _fast_literal(rows) == literal(rows)
    # where JSON would write \u escapes or a key is not a word, the fast path hands over to the slow one
    for odd in ([{"id": "\x01"}], [{"a b": 1}], [{"id": 'x":'}]):
        assert _fast_literal(odd) == literal(odd)


def test_a_key_that_ends_like_a_plain_key_is_not_rewritten_inside():
    # keys such as '"0' (a quote then a word) once let the key rewrite reach inside an escaped quote
    rows = [{"id": "a", "props": {'"0': "", "0": 1, 'x,"0': 2}}]
    assert _fast_literal(rows) == literal(rows)


@pytest.mark.parametrize("bad", ["", "a`b"])
def test_keys_that_cannot_be_written_are_refused(bad):
    with pytest.raises(ValueError):
        params_header({"rows": [{bad: 1}]})


def test_nul_is_refused_with_a_clear_error(falkordb_backend):
    from ownergraph.errors import BackendError

    with pytest.raises(BackendError, match="NUL character"):
        falkordb_backend.write("UNWIND $rows AS row CREATE (n:T {id: row.id})", {"rows": [{"id": "a\x00b"}]})
