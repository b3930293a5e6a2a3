"""An in-process networkx view of the store, for queries and analysis.

Time rules, applied here once for every consumer:

* Every edge has an ``as_of`` date (the date of event of its filing, or the
  transaction date).  With ``as_of=D`` only edges dated on or before D count.
* HOLDS edges carry a ``position_key`` (holder, security, basis, nature).  Of
  the edges sharing a key, only the newest is *current*: later date of event,
  then higher amendment number, then later filing date, then order in the
  filing.  So the newest amendment from the same person for the same issuer
  supersedes older ones, and a Form 4's last "owned following" row wins.
* A 13F report is a manager's whole list of positions for its period: only the
  manager's newest period counts (a position the next quarter's table leaves
  out was sold), and within it a RESTATEMENT amendment replaces the report
  and the amendments before it, while NEW HOLDINGS amendments add to it.
* ``current=False`` keeps every edge (history).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import networkx as nx

from .model import Edge, EdgeKind, FilingInfo, Node
from .store import Store


def position_rank(as_of: dt.date | None, seq: object, f: FilingInfo | None) -> tuple:
    """How recent a statement of a position is: the HOLDS edge with the highest rank is the current one.

    Its own as-of date, then the filing's event date, amendment number and filing date, then its order in the
    filing (``seq``).  The one rule for every reader of positions (the graph view, the RDF export)."""
    return (
        as_of or dt.date.min,
        (f.event_date if f and f.event_date else dt.date.min),
        (f.amendment_no or 0) if f else 0,
        (f.filed_date if f and f.filed_date else dt.date.min),
        int(seq or 0),
    )


def _rank(e: Edge, filings: dict[str, FilingInfo]) -> tuple:
    return position_rank(e.as_of, e.props.get("seq"), filings.get(e.filing_id))


def superseded_13f(rows: list[tuple[str, str, str]], filings: dict[str, FilingInfo]) -> set[str]:
    """Ids of 13F holdings that a manager's later report replaced: ``rows`` are (edge id, holder id, filing id)
    of the HOLDS edges with basis "13f".  Kept: the holder's newest period; in it, the latest RESTATEMENT (by
    amendment number, then filing date) and what was filed after it, or every report of the period when none
    restates it."""
    by_holder: dict[str, set[str]] = defaultdict(set)
    for _eid, holder, fid in rows:
        by_holder[holder].add(fid)
    dropped: set[str] = set()
    for fids in by_holder.values():
        if len(fids) < 2:
            continue
        def period(fid: str) -> dt.date:
            f = filings.get(fid)
            return f.event_date if f and f.event_date else dt.date.min

        def order(fid: str) -> tuple:
            f = filings.get(fid)
            return ((f.amendment_no or 0) if f else 0, (f.filed_date if f and f.filed_date else dt.date.min), fid)

        newest = max(period(f) for f in fids)
        keep = {f for f in fids if period(f) == newest}
        restated = [f for f in keep if (filings.get(f) and filings[f].amendment_type == "RESTATEMENT")]
        if restated:
            last = max(restated, key=order)
            keep = {f for f in keep if order(f) >= order(last)}
        dropped |= fids - keep
    return {eid for eid, _h, fid in rows if fid in dropped}


def select_current(edges: list[Edge], filings: dict[str, FilingInfo], as_of: dt.date | None = None) -> list[Edge]:
    """Apply the time rules to a list of edges."""
    if as_of is not None:
        edges = [e for e in edges if e.as_of is None or e.as_of <= as_of]
    gone = superseded_13f([(e.id, e.source, e.filing_id) for e in edges
                           if e.type == EdgeKind.HOLDS and e.props.get("basis") == "13f"], filings)
    if gone:
        edges = [e for e in edges if e.id not in gone]
    groups: dict[str, list[Edge]] = defaultdict(list)
    rest = []
    for e in edges:
        pk = e.props.get("position_key")
        if e.type == EdgeKind.HOLDS and pk:
            groups[str(pk)].append(e)
        else:
            rest.append(e)
    for g in groups.values():
        rest.append(max(g, key=lambda e: _rank(e, filings)))
    return rest


def position_history(edges: list[Edge], filings: dict[str, FilingInfo]) -> dict[str, list[Edge]]:
    groups: dict[str, list[Edge]] = defaultdict(list)
    for e in edges:
        if e.type == EdgeKind.HOLDS and e.props.get("position_key"):
            groups[str(e.props["position_key"])].append(e)
    return {k: sorted(v, key=lambda e: _rank(e, filings)) for k, v in groups.items()}


def build_graph(nodes: list[Node], edges: list[Edge]) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n.id, kind=n.kind.value, name=n.name, props=n.props)
    for e in edges:
        if e.source in g and e.target in g:
            g.add_edge(e.source, e.target, key=e.id, type=e.type.value, edge=e)
    return g


def graph_view(store: Store, *, as_of: dt.date | None = None, current: bool = True) -> nx.MultiDiGraph:
    filings = {f.id: f for f in store.filings()}
    edges = list(store.edges())
    if current:
        edges = select_current(edges, filings, as_of)
    elif as_of is not None:
        edges = [e for e in edges if e.as_of is None or e.as_of <= as_of]
    g = build_graph(list(store.nodes()), edges)
    g.graph["filings"] = filings
    g.graph["as_of"] = as_of
    return g
