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
* A position is a holder's line in a class of securities: the edge's holder and
  security as they are now (after entity resolution merged nodes), its basis and
  nature.  Two CUSIPs of one issuer's class (a reverse split or a name change
  gives the class a new CUSIP) are one line for statements on a beneficial basis:
  the newest filing's statement supersedes the older filing's under the old
  CUSIP, while statements of one filing under both CUSIPs stand together.  13F
  rows keep their CUSIP (a report's rows are all current).
* ``current=False`` keeps every edge (history).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from .ids import canonical_class
from .model import Edge, EdgeKind, FilingInfo, Node, NodeKind
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


def class_keys(security_names: dict[str, str], issued_by: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Security id -> the class it is of: its issuer's id and :func:`~ownergraph.graph.ids.canonical_class` of its
    title.  ``issued_by`` are the (security id, issuer id) pairs of the ISSUED_BY edges."""
    out: dict[str, str] = {}
    for sec, issuer in issued_by:
        name = security_names.get(sec)
        c = canonical_class(name) if name else ""
        if c:
            out[sec] = f"{issuer}|{c}"
    return out


def store_class_keys(store: Store) -> dict[str, str]:
    names = {n.id: n.name for n in store.nodes(NodeKind.SECURITY)}
    return class_keys(names, ((e.source, e.target) for e in store.edges(type=EdgeKind.ISSUED_BY)))


def graph_class_keys(nodes: Iterable[Node], edges: Iterable[Edge]) -> dict[str, str]:
    names = {n.id: n.name for n in nodes if n.kind == NodeKind.SECURITY}
    return class_keys(names, ((e.source, e.target) for e in edges if e.type == EdgeKind.ISSUED_BY))


def _basis_nature(position_key: str) -> str:
    # "holder|security|basis|nature": node ids hold no "|", the nature may
    return position_key.split("|", 2)[2] if position_key.count("|") >= 2 else position_key


def position_line(holder: str, security: str, position_key: str, basis: object,
                  classes: dict[str, str] | None = None) -> str:
    """The key of a holder's line in a class: the edge's holder and security as they are now (the position key
    stored with the edge names them as the filing was read, before later merges), its basis and nature; on a
    beneficial basis the security gives way to its class (``classes``, from :func:`class_keys`)."""
    sec = security if basis == "13f" or not classes else classes.get(security, security)
    return f"{holder}|{sec}|{_basis_nature(position_key)}"


PositionRow = tuple[str, str, str, str, object, str, tuple]  # edge id, holder, security, position key, basis, filing, rank


def current_positions(rows: Iterable[PositionRow], classes: dict[str, str] | None = None) -> set[str]:
    """Ids of the current statements among HOLDS edges that have a position key.

    Per holder, security, basis and nature the highest :func:`position_rank` (the smaller id of equal ranks).
    Then, per line in a class (:func:`position_line`), a statement from an older filing than the line's newest
    gives way to it: the holding under a class's old CUSIP ends when an amendment reports it under the new one.
    """
    best: dict[str, PositionRow] = {}
    for row in rows:
        key = f"{row[1]}|{row[2]}|{_basis_nature(row[3])}"
        old = best.get(key)
        if old is None or row[6] > old[6] or (row[6] == old[6] and row[0] < old[0]):
            best[key] = row
    if not classes:
        return {r[0] for r in best.values()}
    lines: dict[str, list[PositionRow]] = defaultdict(list)
    for r in best.values():
        lines[position_line(r[1], r[2], r[3], r[4], classes)].append(r)
    out: set[str] = set()
    for rs in lines.values():
        top = max(rs, key=lambda r: r[6])
        out |= {r[0] for r in rs if r[5] == top[5] or r[6][:4] >= top[6][:4]}
    return out


def select_current(edges: list[Edge], filings: dict[str, FilingInfo], as_of: dt.date | None = None,
                   classes: dict[str, str] | None = None) -> list[Edge]:
    """Apply the time rules to a list of edges (``classes`` from :func:`class_keys`: lines in a class follow
    it across a change of CUSIP)."""
    if as_of is not None:
        edges = [e for e in edges if e.as_of is None or e.as_of <= as_of]
    gone = superseded_13f([(e.id, e.source, e.filing_id) for e in edges
                           if e.type == EdgeKind.HOLDS and e.props.get("basis") == "13f"], filings)
    if gone:
        edges = [e for e in edges if e.id not in gone]
    rows: list[PositionRow] = []
    rest = []
    for e in edges:
        pk = e.props.get("position_key")
        if e.type == EdgeKind.HOLDS and pk:
            rows.append((e.id, e.source, e.target, str(pk), e.props.get("basis"), e.filing_id, _rank(e, filings)))
        else:
            rest.append(e)
    keep = current_positions(rows, classes)
    return rest + [e for e in edges if e.id in keep]


def position_history(edges: list[Edge], filings: dict[str, FilingInfo],
                     classes: dict[str, str] | None = None) -> dict[str, list[Edge]]:
    groups: dict[str, list[Edge]] = defaultdict(list)
    for e in edges:
        pk = e.props.get("position_key")
        if e.type == EdgeKind.HOLDS and pk:
            groups[position_line(e.source, e.target, str(pk), e.props.get("basis"), classes)].append(e)
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
    nodes = list(store.nodes())
    if current:
        edges = select_current(edges, filings, as_of, graph_class_keys(nodes, edges))
    elif as_of is not None:
        edges = [e for e in edges if e.as_of is None or e.as_of <= as_of]
    g = build_graph(nodes, edges)
    g.graph["filings"] = filings
    g.graph["as_of"] = as_of
    return g
