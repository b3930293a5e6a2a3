"""The canned queries, Python twins (in-process, on :func:`ownergraph.graph.view.graph_view`).

Each function takes ``g`` (a networkx ``MultiDiGraph`` of *current* edges: node
attributes ``kind``, ``name``, ``props``; edge attributes ``type`` and
``edge``) and returns ``list[dict]`` rows.  The Cypher twins
(:mod:`ownergraph.queries.cypher`) and SPARQL twins
(:mod:`ownergraph.queries.sparql`) return the *same rows* on the same data.

Values in rows: ``percent`` is a float (or None); ``shares`` and
``underlying_shares`` are the Decimal as a plain string (or None).  Rows carry
``percent_bound`` beside ``percent``: ``"<"`` when the filing states a bound ("Less
than 1%" is percent 1.0 with bound "<"; a chain with such a step is an upper bound
too), else None.

The control *step* used by :func:`who_controls` and :func:`control_chain`:

* ``X -[CONTROLS]-> Y`` is a step X->Y with weight 1.0;
* ``X -[HOLDS {basis:'beneficial'}]-> S -[ISSUED_BY]-> Y`` is a step X->Y with
  weight ``percent / 100`` (a missing percent gives weight None, and a chain
  containing it has percent None).

A chain is a simple path of steps (no node twice) ending at the issuer, of at
most :data:`MAX_DEPTH` steps.  Several parallel steps between the same two
nodes (a CONTROLS edge and a holding, or holdings in two classes) make
distinct chains over the same node path.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Iterator

import networkx as nx

from ..graph.values import to_plain

MAX_DEPTH = 5

_HOLDS = "HOLDS"
_CONTROLS = "CONTROLS"
_ISSUED_BY = "ISSUED_BY"

__all__ = [
    "MAX_DEPTH",
    "who_controls",
    "control_chain",
    "holdings",
    "officers",
    "group_members",
    "cap_table",
    "CANNED",
]


# ------------------------------------------------------------------ helpers



def _graph_key(g: nx.MultiDiGraph) -> tuple:
    """Cheap identity of a graph view for caches (O(1); views are not mutated after graph_view builds them).

    Adding nodes invalidates the cache; after other in-place edits call ``g.graph.pop(...)`` or build a new view.
    """
    return (id(g), len(g._node), g.graph.get("as_of"))

def _pct(v: Any) -> float | None:
    if v is None:
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _amount(v: Any) -> str | None:
    """A share count as a plain string ('214940800', '11615772.8')."""
    if v is None:
        return None
    if isinstance(v, Decimal):
        return to_plain(v)
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return to_plain(Decimal(str(v)))
    return str(v)


def _name(g: nx.MultiDiGraph, n: str | None) -> str | None:
    if n is None or n not in g:
        return None
    return g.nodes[n].get("name")


def _etype(d: dict) -> str:
    t = d.get("type")
    return getattr(t, "value", t)


def _eprops(d: dict) -> dict:
    e = d.get("edge")
    return e.props if e is not None else {}


def _issuers_of(g: nx.MultiDiGraph, sec: str) -> list[str]:
    return sorted({v for _, v, d in g.out_edges(sec, data=True) if _etype(d) == _ISSUED_BY})


Step = tuple[str, "Decimal | None", str, bool]  # (source entity, weight, edge id, weight is an upper bound)


def _index(g: nx.MultiDiGraph) -> dict[str, list[Step]]:
    """Reverse step index: target entity -> [(source entity, weight, edge id, bounded)], cached on the graph."""
    key = _graph_key(g)
    cached = g.graph.get("_og_steps_in")
    if cached is not None and cached[0] == key:
        return cached[1]
    steps: dict[str, list[Step]] = {}
    issued: dict[str, list[str]] = {}
    for u, v, d in g.edges(data=True):
        if _etype(d) == _ISSUED_BY:  # one ISSUED_BY edge per filing: keep each issuer once
            lst = issued.setdefault(u, [])
            if v not in lst:
                lst.append(v)
    for u, v, k, d in g.edges(keys=True, data=True):
        t = _etype(d)
        if t == _CONTROLS:
            steps.setdefault(v, []).append((u, Decimal(1), k, False))
        elif t == _HOLDS:
            p = _eprops(d)
            if (p.get("basis") or "beneficial") != "beneficial":
                continue
            pct = p.get("percent")
            w = None if pct is None else Decimal(str(pct)) / Decimal(100)
            bounded = p.get("percent_bound") == "<"
            for y in issued.get(v, ()):
                if y != u:
                    steps.setdefault(y, []).append((u, w, k, bounded))
    for lst in steps.values():
        lst.sort(key=lambda s: (s[0], s[2]))
    g.graph["_og_steps_in"] = (key, steps)
    return steps


def walk_steps(steps: dict[str, list[Step]], issuer_id: str,
               max_depth: int = MAX_DEPTH) -> Iterator[tuple[list[str], Decimal | None, bool]]:
    """Every chain ending at the issuer over a reverse step index (target -> [(source, weight, edge id, bounded)]).

    Yields (path controller..issuer, product of weights or None, bounded): ``bounded`` is
    true when a step's percent is a stated bound ("less than 1%"), so the product is an
    upper bound.  Shared by the Python and SPARQL twins, which differ only in how they
    build the index.
    """
    path = [issuer_id]
    on_path = {issuer_id}

    def walk(node: str, weight: Decimal | None, bounded: bool, depth: int):
        for src, w, _k, b in steps.get(node, ()):
            if src in on_path:
                continue
            nw = None if (weight is None or w is None) else weight * w
            nb = bounded or b
            path.append(src)
            on_path.add(src)
            yield list(reversed(path)), nw, nb
            if depth + 1 < max_depth:
                yield from walk(src, nw, nb, depth + 1)
            path.pop()
            on_path.discard(src)

    yield from walk(issuer_id, Decimal(1), False, 0)


def _chains_to(g: nx.MultiDiGraph, issuer_id: str, max_depth: int = MAX_DEPTH
               ) -> Iterator[tuple[list[str], Decimal | None, bool]]:
    """Every chain ending at the issuer: (path controller..issuer, product of weights or None, bounded)."""
    return walk_steps(_index(g), issuer_id, max_depth)


def best_chains(chains) -> dict[str, tuple[list[str], float | None, bool]]:
    """Best chain per controller: highest percent (None lowest), then fewest steps, then the path."""
    best: dict[str, tuple] = {}
    for path, w, bounded in chains:
        c = path[0]
        pct = _pct_of(w)
        rank = (_desc_none_last(pct), len(path) - 1, path)
        if c not in best or rank < best[c][0]:
            best[c] = (rank, path, pct, bounded)
    return {c: (path, pct, bounded) for c, (_rank, path, pct, bounded) in best.items()}


def _pct_of(w: Decimal | None) -> float | None:
    return None if w is None else float(w * 100)


def _desc_none_last(p: float | None) -> tuple:
    return (1, 0.0) if p is None else (0, -p)


# ------------------------------------------------------------------ queries


def who_controls(g: nx.MultiDiGraph, issuer_id: str) -> list[dict]:
    """Everyone with a chain of control steps to the issuer, best chain per controller."""
    if issuer_id not in g:
        return []
    rows = []
    for c, (path, pct, bounded) in best_chains(_chains_to(g, issuer_id)).items():
        rows.append({
            "controller_id": c,
            "controller": _name(g, c),
            "kind": g.nodes[c].get("kind"),
            "percent": pct,
            "percent_bound": "<" if bounded and pct is not None else None,
            "depth": len(path) - 1,
            "path": path,
        })
    rows.sort(key=lambda r: (_desc_none_last(r["percent"]), r["controller"] or "", r["controller_id"]))
    return rows


def control_chain(g: nx.MultiDiGraph, holder_id: str, issuer_id: str) -> list[dict]:
    """Every chain from the holder to the issuer (one row per chain)."""
    if holder_id not in g or issuer_id not in g:
        return []
    rows = []
    for path, w, bounded in _chains_to(g, issuer_id):
        if path[0] != holder_id:
            continue
        rows.append({"path": path, "names": [_name(g, n) for n in path], "percent": _pct_of(w),
                     "percent_bound": "<" if bounded and w is not None else None})
    rows.sort(key=lambda r: (_desc_none_last(r["percent"]), r["path"]))
    return rows


def holdings(g: nx.MultiDiGraph, entity_id: str) -> list[dict]:
    """Every current HOLDS edge out of the entity."""
    if entity_id not in g:
        return []
    rows = []
    for _, sec, d in g.out_edges(entity_id, data=True):
        if _etype(d) != _HOLDS:
            continue
        e = d["edge"]
        p = e.props
        issuers = _issuers_of(g, sec)
        iss = issuers[0] if issuers else None
        rows.append({
            "security_id": sec,
            "security": _name(g, sec),
            "issuer_id": iss,
            "issuer": _name(g, iss),
            "shares": _amount(p.get("shares")),
            "percent": _pct(p.get("percent")),
            "percent_bound": p.get("percent_bound") or None,
            "basis": p.get("basis"),
            "filing_id": e.filing_id,
            "section": e.section,
        })
    rows.sort(key=lambda r: (r["security_id"], r["basis"] or "", r["filing_id"], r["section"] or ""))
    return rows


def officers(g: nx.MultiDiGraph, org_id: str) -> list[dict]:
    """OFFICER_OF and DIRECTOR_OF edges into the organization."""
    if org_id not in g:
        return []
    rows = []
    for person, _, d in g.in_edges(org_id, data=True):
        t = _etype(d)
        if t not in ("OFFICER_OF", "DIRECTOR_OF"):
            continue
        e = d["edge"]
        rows.append({
            "person_id": person,
            "person": _name(g, person),
            "role": t,
            "title": e.props.get("title"),
            "filing_id": e.filing_id,
            "section": e.section,
        })
    rows.sort(key=lambda r: (r["person"] or "", r["role"], r["title"] or "", r["person_id"], r["filing_id"]))
    return rows


def group_members(g: nx.MultiDiGraph, filing_id: str) -> list[dict]:
    """Members of the group that filed a filing jointly (MEMBER_OF_GROUP into ``filing:<id>``)."""
    fid = filing_id[len("filing:"):] if filing_id.startswith("filing:") else filing_id
    node = f"filing:{fid}"
    if node not in g:
        return []
    rows = []
    seen = set()
    for m, _, d in g.in_edges(node, data=True):
        if _etype(d) != "MEMBER_OF_GROUP" or m in seen:
            continue
        seen.add(m)
        rows.append({"member_id": m, "member": _name(g, m), "filing_id": fid})
    rows.sort(key=lambda r: (r["member"] or "", r["member_id"]))
    return rows


def cap_table(g: nx.MultiDiGraph, issuer_id: str) -> list[dict]:
    """Every security issued by the issuer x each conversion target x each current holder."""
    if issuer_id not in g:
        return []
    rows = []
    secs = sorted({sec for sec, _, d in g.in_edges(issuer_id, data=True) if _etype(d) == _ISSUED_BY})
    for sec in secs:
        targets = sorted({v for _, v, dd in g.out_edges(sec, data=True) if _etype(dd) == "CONVERTIBLE_INTO"})
        holds = [(h, dd["edge"]) for h, _, dd in g.in_edges(sec, data=True) if _etype(dd) == _HOLDS]
        for t in targets or [None]:
            for h, e in holds or [(None, None)]:
                p = e.props if e is not None else {}
                rows.append({
                    "security_id": sec,
                    "security": _name(g, sec),
                    "converts_into_id": t,
                    "holder_id": h,
                    "holder": _name(g, h),
                    "shares": _amount(p.get("shares")),
                    "underlying_shares": _amount(p.get("underlying_shares")),
                    "percent": _pct(p.get("percent")),
                    "percent_bound": p.get("percent_bound") or None,
                })
    rows.sort(key=lambda r: (r["security_id"], r["holder_id"] or "", r["converts_into_id"] or "",
                             r["shares"] or "", r["underlying_shares"] or "", r["percent"] or -1.0))
    return rows


#: name -> (function, parameter names) for CLIs and cross-engine tests
CANNED = {
    "who_controls": (who_controls, ("issuer_id",)),
    "control_chain": (control_chain, ("holder_id", "issuer_id")),
    "holdings": (holdings, ("entity_id",)),
    "officers": (officers, ("org_id",)),
    "group_members": (group_members, ("filing_id",)),
    "cap_table": (cap_table, ("issuer_id",)),
}


def run(g: nx.MultiDiGraph, name: str, **params: Any) -> list[dict]:
    """Run a canned query by name (the same names as the Cypher and SPARQL twins)."""
    from ..errors import QueryError

    if name not in CANNED:
        raise QueryError(None, f"unknown canned query {name!r} (known: {', '.join(sorted(CANNED))})")
    fn, names = CANNED[name]
    missing = [n for n in names if n not in params]
    if missing:
        raise QueryError(None, f"canned query {name} needs {', '.join(missing)}")
    return fn(g, **{n: params[n] for n in names})
