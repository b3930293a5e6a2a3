"""What the three query engines are compared on: every canned query's parameter sets over a store, and row
equality up to the order of rows whose sort keys tie (shared by the Cypher and SPARQL parity tests)."""

from __future__ import annotations

import itertools

from ownergraph.graph.model import NodeKind
from ownergraph.queries import canned


def _round(x):
    if isinstance(x, float):
        return round(x, 4)
    if isinstance(x, dict):
        return {k: _round(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_round(v) for v in x]
    return x


_KEYS = {
    # the twins' sort keys (rows with equal keys may come in any order: the keys are not total)
    "holdings": ("security_id", "basis", "filing_id", "section"),
    "officers": ("person", "role", "title", "person_id", "filing_id"),
}


def same_rows(name: str, got: list[dict], want: list[dict]) -> bool:
    """Equal lists, except that rows whose sort keys tie may be permuted."""
    got, want = _round(got), _round(want)
    if got == want:
        return True
    keys = _KEYS.get(name)
    if keys is None or len(got) != len(want):
        return False
    proj = lambda rows: [tuple(r.get(k) for k in keys) for r in rows]  # noqa: E731
    return proj(got) == proj(want) and sorted(map(repr, got)) == sorted(map(repr, want))


def param_sets(st, g) -> list[tuple[str, dict]]:
    """Every canned query with every sensible parameter on this store (plus unknown ids)."""
    ents = [n for n in st.nodes() if n.kind in (NodeKind.PERSON, NodeKind.ORGANIZATION)]
    orgs = [n.id for n in ents if n.kind == NodeKind.ORGANIZATION]
    out: list[tuple[str, dict]] = []
    for i in orgs + ["cik:0000000000"]:
        out.append(("who_controls", {"issuer_id": i}))
        out.append(("cap_table", {"issuer_id": i}))
        out.append(("officers", {"org_id": i}))
    for e in [n.id for n in ents] + ["nobody"]:
        out.append(("holdings", {"entity_id": e}))
    for f in st.filings():
        out.append(("group_members", {"filing_id": f.id}))
        out.append(("group_members", {"filing_id": f"filing:{f.id}"}))
    out.append(("group_members", {"filing_id": "nope"}))
    pairs = set()
    for i in orgs:
        for r in canned.who_controls(g, i):
            pairs.add((r["controller_id"], i))
    if len(ents) <= 30:
        pairs |= {(a.id, b) for a, b in itertools.product(ents, orgs) if a.id != b}
    for h, i in sorted(pairs):
        out.append(("control_chain", {"holder_id": h, "issuer_id": i}))
    return out


def compare_all(st, g, run) -> int:
    """Every canned query over the store: ``run(name, **params)`` (the engine under test) must give the rows
    of the Python twin; returns how many non-empty answers were compared."""
    nonempty = 0
    for name, params in param_sets(st, g):
        want = canned.run(g, name, **params)
        got = run(name, **params)
        assert same_rows(name, got, want), f"{name}({params}): {got} != {want}"
        nonempty += bool(want)
    return nonempty
