"""Copy the embedded store (or some of its filings) into a graph database.

Model in the database:

* one label per node kind, PascalCase from :class:`~ownergraph.graph.model.NodeKind`
  (Person, Organization, Security, Agreement, Filing); our own ``id`` on every
  node (never the engine's element id), unique per label;
* relationship types UPPER_SNAKE from :class:`~ownergraph.graph.model.EdgeKind`,
  each with its own ``id`` and provenance: ``filing_id``, ``accession``,
  ``section``, ``excerpt``, ``as_of``;
* flat properties: numbers as numbers (a Decimal becomes an int when whole,
  else a float; when the float would not print back as the same decimal, the
  exact text is kept beside it as ``<name>_exact``; also when it has more than
  15 significant digits, which is all FalkorDB gives back), dates as ISO strings
  (see the dialect), booleans as booleans;
* ``current`` on every relationship: false for a HOLDS position superseded by
  a newer filing (the time rules of :mod:`ownergraph.graph.view`), true
  otherwise.  The canned Cypher reads current relationships only.
* ``restated`` on every relationship: true for an ISSUED_BY that repeats one
  another filing already stated for the same security and issuer (every filing
  states it again); the one with the smallest id is ``restated: false``.  The
  control-chain Cypher walks ``restated: false`` relationships only, so a
  security named in twenty filings does not multiply the paths twenty-fold.

Writes are UNWIND batches: one statement per batch, MERGE on ``id``, so a
batch that failed half-way can simply run again, and pushing the same store
twice changes no count.  Nodes first, then relationships (grouped by type and
end labels, so the MATCHes use the id indexes).

A full push also removes nodes of our labels whose ids the store no longer has
(a name-keyed node merged into a CIK-keyed one), with their relationships.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from operator import attrgetter
from typing import Any, Callable, Iterable, Iterator

from ..model import Edge, EdgeKind, FilingInfo, Node, NodeKind
from ..values import to_plain
from .base import Backend
from .dialect import check_label, check_reltype

LABELS = [k.value for k in NodeKind]
PROGRESS_MIN_ROWS = 20000

NODE_STATEMENT = "UNWIND $rows AS row MERGE (n:{label} {{id: row.id}}) SET n += row.props"
EDGE_STATEMENT = ("UNWIND $rows AS row "
                  "MATCH (a:{source} {{id: row.source}}) MATCH (b:{target} {{id: row.target}}) "
                  "MERGE (a)-[r:{type} {{id: row.id}}]->(b) SET r += row.props")
# what the writer sends: rows as lists [id, (source, target,) value...], one SET per property name
NODE_ROWS_STATEMENT = "UNWIND $rows AS row MERGE (n:{label} {{id: row[0]}}) SET {sets}"
EDGE_ROWS_STATEMENT = ("UNWIND $rows AS row "
                       "MATCH (a:{source} {{id: row[1]}}) MATCH (b:{target} {{id: row[2]}}) "
                       "MERGE (a)-[r:{type} {{id: row[0]}}]->(b) SET {sets}")
ROW_NODE_STATEMENT = "MERGE (n:{label} {{id: $id}}) SET n += $props"
ROW_EDGE_STATEMENT = ("MATCH (a:{source} {{id: $source}}) MATCH (b:{target} {{id: $target}}) "
                      "MERGE (a)-[r:{type} {{id: $id}}]->(b) SET r += $props")

_MAX_EXACT_INT = 2 ** 53


_PLAIN = (str, bool, int, float)


def encode_value(v: Any, date_value: Callable[[dt.date], str] | None = None) -> Any:
    """One property value as the database stores it (see the module docstring)."""
    if v is None or type(v) in _PLAIN:
        return v
    if isinstance(v, Decimal):
        if v == v.to_integral_value() and abs(v) < _MAX_EXACT_INT:
            return int(v)
        return float(v)
    if isinstance(v, _PLAIN):  # subclasses (an int or str Enum) stay as they are
        return v
    if isinstance(v, (dt.date, dt.datetime)):
        return date_value(v) if date_value else (v.date() if isinstance(v, dt.datetime) else v).isoformat()
    if hasattr(v, "value") and hasattr(v, "name"):  # Enum
        return v.value
    return str(v)


def _decimal_float(k: str, v: Decimal, integral: bool, names: list[str], values: list[Any]) -> None:
    """A Decimal that is not a whole number below 2**53: a float, plus ``<name>_exact`` when needed."""
    ev = float(v)
    names.append(k)
    values.append(ev)
    exact = format(v.normalize(), "f") if integral else format(v, "f")  # to_plain(v)
    r = repr(ev)
    if r == exact and len(exact) <= 16:  # the common case: prints back the same, at most 15 digits
        return
    # FalkorDB gives doubles back with 15 significant digits: keep the text when that is not enough
    if (r != exact and to_plain(Decimal(r)) != exact) \
            or len(exact.lstrip("-").replace(".", "").lstrip("0")) > 15:
        names.append(f"{k}_exact")
        values.append(exact)


def _encode_into(props: dict[str, Any], date_value: Callable[[dt.date], str] | None, names: list[str],
                 values: list[Any], skip: frozenset[str] = frozenset()) -> None:
    """Append each property's stored name and value (see :func:`encode_props`) to ``names`` / ``values``.

    The hot loop of a push (a HOLDS edge has six Decimals): one type test per value, a Decimal's integer test
    and its numerator in one call (``as_integer_ratio``)."""
    add_name = names.append
    add = values.append
    for k, v in props.items():
        t = type(v)
        if t is str or t is int or t is bool or t is float:
            if k not in skip:
                add_name(k)
                add(v)
        elif t is Decimal:
            if k in skip:
                continue
            try:
                n, d = v.as_integer_ratio()
            except (ValueError, OverflowError):  # NaN, infinity
                _decimal_float(k, v, False, names, values)
                continue
            if d == 1 and -_MAX_EXACT_INT < n < _MAX_EXACT_INT:
                add_name(k)
                add(n)
            else:
                _decimal_float(k, v, d == 1, names, values)
        elif v is not None and k not in skip:
            add_name(k)
            add(encode_value(v, date_value))


def encode_props(props: dict[str, Any], date_value: Callable[[dt.date], str] | None = None) -> dict[str, Any]:
    """Properties as the database stores them: None dropped, a Decimal as an int or a float (plus
    ``<name>_exact`` when the float would not give the same number back), dates per the dialect."""
    names: list[str] = []
    values: list[Any] = []
    _encode_into(props, date_value, names, values)
    return dict(zip(names, values))


@dataclass
class PushResult:
    nodes: int = 0
    relationships: int = 0
    batches: int = 0
    pruned: int = 0
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"nodes": self.nodes, "relationships": self.relationships, "batches": self.batches,
                "pruned": self.pruned, "seconds": round(self.seconds, 3), "counts": self.counts}


@dataclass
class Batch:
    statement: str
    rows: list  # (id, (source, target,) value, ...) per row (a map per row where names are not identifiers)
    what: str  # "nodes" | "relationships"

    def ids(self) -> list[str]:
        return [r["id"] if isinstance(r, dict) else r[0] for r in self.rows]


def _node_row(n: Node, date_value=None) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """(property names, (id, value...)): what a node is written with -- its properties and its name."""
    names: list[str] = []
    row: list[Any] = [n.id]
    _encode_into(n.props, date_value, names, row, _NODE_OWN)
    names.append("name")
    row.append(n.name)
    return tuple(names), tuple(row)


_NODE_OWN = frozenset({"id", "name"})  # matched on / the node's own, never taken from its properties


def node_rows(nodes: Iterable[Node], date_value=None) -> dict[str, list[dict[str, Any]]]:
    """Node rows as maps ``{id, props}``, grouped by label (the one-row-per-statement form)."""
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for n in nodes:
        names, row = _node_row(n, date_value)
        by_label[n.kind.value].append({"id": n.id, "props": dict(zip(names, row[1:]))})
    return by_label


def restated_ids(edges: Iterable[Edge]) -> set[str]:
    """Ids of ISSUED_BY edges that repeat another edge between the same security and issuer."""
    first: dict[tuple[str, str], str] = {}
    every: list[tuple[tuple[str, str], str]] = []
    issued_by = EdgeKind.ISSUED_BY
    for e in edges:
        if e.type == issued_by:
            pair = (e.source, e.target)
            every.append((pair, e.id))
            if pair not in first or e.id < first[pair]:
                first[pair] = e.id
    return {i for pair, i in every if first[pair] != i}


# set by the writer, never taken from a relationship's model properties (``id`` is matched on; ``accession``,
# ``file`` and ``as_of`` come from the filing or the edge, and a model property of that name is kept only
# where they do not set it)
_EDGE_OWN = frozenset({"id", "filing_id", "section", "excerpt", "current", "restated", "accession", "file",
                       "as_of"})
_IF_KNOWN = ("accession", "file", "as_of")


def _edge_row(e: Edge, filings: dict[str, FilingInfo], current: set[str] | None, restated: set[str],
              date_value=None) -> tuple[tuple[str, ...], tuple[Any, ...]]:
    """(property names, (id, source, target, value...)): what a relationship is written with -- its model
    properties, then its provenance (``filing_id``, ``section``, ``excerpt``, ``accession`` or ``file``,
    ``as_of``) and the two flags."""
    props = e.props
    names: list[str] = []
    row: list[Any] = [e.id, e.source, e.target]
    _encode_into(props, date_value, names, row, _EDGE_OWN)
    eid = e.id
    names += ("filing_id", "section", "excerpt", "current", "restated")
    row += (e.filing_id, e.section, e.excerpt or "", current is None or eid in current, eid in restated)
    f = filings.get(e.filing_id)
    if f is not None:
        if f.accession:
            names.append("accession")
            row.append(f.accession)
        elif f.source:
            names.append("file")
            row.append(f.source)
    if e.as_of is not None:
        names.append("as_of")
        row.append(encode_value(e.as_of, date_value))
    if not _EDGE_OWN.isdisjoint(props):  # never in our loaders: a model property named like a provenance one
        _encode_into({k: props[k] for k in _IF_KNOWN if k in props and k not in names}, date_value, names, row)
    return tuple(names), tuple(row)


def _edge_props(e: Edge, filings: dict[str, FilingInfo], current: set[str] | None, restated: set[str],
                date_value=None) -> dict[str, Any]:
    names, row = _edge_row(e, filings, current, restated, date_value)
    return dict(zip(names, row[3:]))


def edge_rows(edges: Iterable[Edge], labels: dict[str, str], filings: dict[str, FilingInfo],
              current: set[str] | None, date_value=None,
              restated: set[str] | None = None) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """Relationship rows as maps ``{id, source, target, props}``, grouped by (type, source label, target label)."""
    edges = list(edges)
    if restated is None:
        restated = restated_ids(edges)
    groups: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in edges:
        sl, tl = labels.get(e.source), labels.get(e.target)
        if sl is None or tl is None:
            continue  # an end the store does not have (the graph view drops these too)
        groups[(e.type.value, sl, tl)].append({"id": e.id, "source": e.source, "target": e.target,
                                               "props": _edge_props(e, filings, current, restated, date_value)})
    return groups


def _size(row: dict[str, Any]) -> int:
    return len(json.dumps(row, ensure_ascii=False, default=str).encode("utf-8")) + 1


def _chunks(rows: list, size: int, max_bytes: int | None) -> Iterable[list]:
    if not max_bytes:
        for i in range(0, len(rows), size):
            yield rows[i:i + size]
        return
    chunk: list = []
    used = 0
    for r in rows:
        b = _size(r)
        if chunk and (len(chunk) >= size or used + b > max_bytes):
            yield chunk
            chunk, used = [], 0
        chunk.append(r)
        used += b
    if chunk:
        yield chunk


_PROP_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _sets(var: str, names: tuple[str, ...], first: int) -> str:
    return ", ".join(f"{var}.`{k}` = row[{first + i}]" for i, k in enumerate(names))


def _batches(what: str, fmt: dict[str, str], by_names: dict[tuple[str, ...], list[list[Any]]],
             batch_size: int, max_bytes: int | None) -> Iterator[Batch]:
    """Batches of rows grouped by their property names.

    Rows go as lists, ``[id, (source, target,) value...]``, not maps: one statement per set of property names,
    which it SETs one by one from list positions (``SET r.`shares` = row[3], ...``: the same as
    ``SET r += row.props`` for rows that have exactly those properties).  Without the map keys the parameters
    are about half as long, and both the server (FalkorDB: ~30% less CPU per relationship) and the client
    encode them faster.

    The rows are tuples (both clients send them as lists): Python's garbage collector stops tracking a tuple of
    plain values, so the rows of a push do not pile up in its oldest generation and set off full collections,
    each of which walks every node and edge the caller holds (lists did: ~20% of the client's CPU).
    """
    nodes = what == "nodes"
    first = 1 if nodes else 3
    for names, rows in by_names.items():
        if all(_PROP_NAME.match(k) for k in names):
            stmt = (NODE_ROWS_STATEMENT if nodes else EDGE_ROWS_STATEMENT).format(**fmt, sets=_sets(
                "n" if nodes else "r", names, first))
        else:  # pragma: no cover - every property name of ours is an identifier: the map form
            stmt = (NODE_STATEMENT if nodes else EDGE_STATEMENT).format(**fmt)
            rows = [{"id": x[0], **({} if nodes else {"source": x[1], "target": x[2]}),
                     "props": dict(zip(names, x[first:]))} for x in rows]
        for c in _chunks(rows, batch_size, max_bytes):
            yield Batch(stmt, c, what)


def _grouped(pairs: Iterable[tuple[tuple[str, ...], list[Any]]]) -> dict[tuple[str, ...], list[list[Any]]]:
    by_names: dict[tuple[str, ...], list[list[Any]]] = {}
    for names, row in pairs:
        rows = by_names.get(names)
        if rows is None:
            rows = by_names[names] = []
        rows.append(row)
    return by_names


STREAM_BATCHES = 2  # relationships turned into rows this many batches at a time, while earlier batches run


def iter_batches(nodes: list[Node], edges: list[Edge], filings: dict[str, FilingInfo], *,
                 current: set[str] | None = None, restated: set[str] | None = None, date_value=None,
                 batch_size: int = 1000, max_bytes: int | None = None) -> Iterator[Batch]:
    """Every batch of a write, made only when it is needed: node batches first, then relationships, grouped by
    type and end labels, in id order.  Relationship rows are made :data:`STREAM_BATCHES` batches at a time, so
    the client builds the next statements while the server runs the last ones (the writer keeps a few batches
    in flight): building all rows first, or many batches at once, leaves the server idle meanwhile."""
    labels = {n.id: n.kind._value_ for n in nodes}
    by_label: dict[str, list[Node]] = defaultdict(list)
    for n in nodes:
        by_label[labels[n.id]].append(n)
    for label in sorted(by_label):
        group = sorted(by_label[label], key=_by_id)
        yield from _batches("nodes", {"label": check_label(label)},
                            _grouped(_node_row(n, date_value) for n in group), batch_size, max_bytes)
    edges = list(edges)
    if restated is None:
        restated = restated_ids(edges)
    groups: dict[tuple[str, str, str], list[Edge]] = defaultdict(list)
    get = labels.get
    for e in edges:
        sl, tl = get(e.source), get(e.target)
        if sl is not None and tl is not None:  # an end the store does not have: the graph view drops it too
            groups[(e.type._value_, sl, tl)].append(e)
    step = STREAM_BATCHES * batch_size
    for rtype, sl, tl in sorted(groups):
        fmt = dict(source=check_label(sl), target=check_label(tl), type=check_reltype(rtype))
        group = sorted(groups[(rtype, sl, tl)], key=_by_id)
        for i in range(0, len(group), step):
            yield from _batches("relationships", fmt, _grouped(
                _edge_row(e, filings, current, restated, date_value) for e in group[i:i + step]),
                batch_size, max_bytes)


_by_id = attrgetter("id")


def run_batches(backend: Backend, batches: Iterable[Batch], *, progress: bool = False,
                on_batch: Callable[[int, Batch], None] | None = None, workers: int | None = None,
                total: int | None = None) -> dict[str, int]:
    """Run each batch as one statement.  ``on_batch(i, batch)`` is called before batch i runs.

    ``batches`` may be a generator: with ``workers > 1`` (the backend's ``write_workers`` by default) batches
    of one phase run on that many connections at once, so making and encoding the next statements overlaps
    with the server running the last ones.  All node batches finish before the first relationship batch
    starts.  ``total`` (rows) sizes the progress bar when ``batches`` is not a list.  Returns the number of
    batches and of rows per kind: ``{"batches": n, "nodes": rows, "relationships": rows}``.
    """
    workers = workers or getattr(backend, "write_workers", 1)
    if total is None:
        batches = list(batches)
        total = sum(len(b.rows) for b in batches)
    counts = {"batches": 0, "nodes": 0, "relationships": 0}
    bar = None
    if progress and total >= PROGRESS_MIN_ROWS:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        bar = Progress(TextColumn("pushing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                       console=Console(stderr=True), transient=True)
        task = bar.add_task("push", total=total)
        bar.start()

    def done(b: Batch) -> None:
        counts["batches"] += 1
        counts[b.what] += len(b.rows)
        if bar is not None:
            bar.advance(task, len(b.rows))

    try:
        if workers <= 1:
            for i, b in enumerate(batches):
                if on_batch is not None:
                    on_batch(i, b)
                backend.write(b.statement, {"rows": b.rows})
                done(b)
        else:
            _run_parallel(backend, batches, workers, on_batch, done)
    finally:
        if bar is not None:
            bar.stop()
    return counts


def _run_parallel(backend: Backend, batches: Iterable[Batch], workers: int,
                  on_batch: Callable[[int, Batch], None] | None, done: Callable[[Batch], None]) -> None:
    from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait

    pending: dict = {}

    def settle(futures) -> None:
        for f in futures:
            b = pending.pop(f)
            f.result()
            done(b)

    with ThreadPoolExecutor(workers) as ex:
        try:
            what = None
            for i, b in enumerate(batches):
                if b.what != what:  # a new phase: the last one must be complete (relationships MATCH nodes)
                    settle(wait(pending)[0])
                    what = b.what
                while len(pending) >= 2 * workers:
                    settle(wait(pending, return_when=FIRST_COMPLETED)[0])
                if on_batch is not None:
                    on_batch(i, b)
                pending[ex.submit(backend.write, b.statement, {"rows": b.rows})] = b
            settle(wait(pending)[0])
        finally:
            # never leave statements running behind the caller's back, even when stopping
            wait(pending)


def write_graph(backend: Backend, nodes: list[Node], edges: list[Edge], filings: dict[str, FilingInfo], *,
                current: set[str] | None = None, restated: set[str] | None = None,
                batch_size: int | None = None, progress: bool = False,
                on_batch: Callable[[int, Batch], None] | None = None, schema: bool = True) -> PushResult:
    """Write nodes and edges with UNWIND batches (the core of :func:`push`)."""
    t0 = time.perf_counter()
    if schema:
        backend.ensure_schema(LABELS)
    batches = iter_batches(nodes, edges, filings, current=current, restated=restated,
                           date_value=backend.dialect.date_value,
                           batch_size=batch_size or backend.default_batch_size, max_bytes=backend.max_param_bytes)
    c = run_batches(backend, batches, progress=progress, on_batch=on_batch, total=len(nodes) + len(edges))
    return PushResult(nodes=c["nodes"], relationships=c["relationships"], batches=c["batches"],
                      seconds=time.perf_counter() - t0)


def _db_ids(backend: Backend) -> dict[str, str]:
    """id -> label of every node of our labels in the database."""
    out: dict[str, str] = {}
    if not backend.has_graph():
        return out
    for label in LABELS:
        for r in backend.read(f"MATCH (n:{check_label(label)}) RETURN n.id AS id"):
            if r["id"] is not None:
                out[str(r["id"])] = label
    return out


def _nodes_stated_in(store, filing_ids: set[str]) -> set[str]:
    """Nodes the given filings say anything about (also those without a relationship in them)."""
    db = getattr(store, "db", None)
    if db is None or not filing_ids:
        return set()
    out: set[str] = set()
    ids = sorted(filing_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        marks = ",".join("?" * len(chunk))
        out |= {r[0] for r in db.execute(f"SELECT DISTINCT node_id FROM node_props WHERE filing_id IN ({marks})",
                                         chunk)}
    return out


def push(store, backend: Backend, *, filing_ids: Iterable[str] | None = None, batch_size: int | None = None,
         progress: bool = False, prune: bool = True,
         on_batch: Callable[[int, Batch], None] | None = None) -> PushResult:
    """Copy the store into the database (all of it, or the given filings).

    With ``filing_ids`` only those filings' edges (and their end nodes and the
    filing nodes) are written, plus every HOLDS edge that shares a position
    with them (its ``current`` flag may have changed).  The store is only read.
    """
    from ..view import graph_class_keys, position_line, select_current

    filings = {f.id: f for f in store.filings()}
    all_edges = list(store.edges())
    all_nodes = {n.id: n for n in store.nodes()}
    classes = graph_class_keys(all_nodes.values(), all_edges)
    current = {e.id for e in select_current(all_edges, filings, classes=classes)}
    restated = restated_ids(all_edges)

    def line(e) -> str | None:
        pk = e.props.get("position_key")
        return position_line(e.source, e.target, str(pk), e.props.get("basis"), classes) if pk else None

    stale: dict[str, str] = {}
    if prune:
        stale = {i: lb for i, lb in _db_ids(backend).items() if i not in all_nodes}

    if filing_ids is None:
        nodes, edges = list(all_nodes.values()), all_edges
    else:
        wanted = set(filing_ids)
        edges = [e for e in all_edges if e.filing_id in wanted]
        keys = {line(e) for e in edges} - {None}
        pairs = {(e.source, e.target) for e in edges if e.type.value == "ISSUED_BY"}
        ids = {e.id for e in edges}
        if stale:  # relationships that hang off nodes about to be removed moved to their new ends in the store
            moved = set()
            for i, lb in stale.items():
                rows = backend.read(f"MATCH (n:{check_label(lb)} {{id: $id}})-[r]-() RETURN r.id AS id", {"id": i})
                moved |= {r["id"] for r in rows}
        else:
            moved = set()
        edges += [e for e in all_edges if e.id not in ids and (
            (e.type.value == "HOLDS" and line(e) in keys) or e.id in moved
            or (e.type.value == "ISSUED_BY" and (e.source, e.target) in pairs))]
        node_ids = {f"filing:{f}" for f in wanted} | {e.source for e in edges} | {e.target for e in edges}
        node_ids |= _nodes_stated_in(store, wanted)
        nodes = [all_nodes[i] for i in sorted(node_ids) if i in all_nodes]

    result = write_graph(backend, nodes, edges, filings, current=current, restated=restated,
                         batch_size=batch_size,
                         progress=progress, on_batch=on_batch)
    if stale:
        by_label: dict[str, list[str]] = defaultdict(list)
        for i, lb in stale.items():
            by_label[lb].append(i)
        for lb, ids_ in sorted(by_label.items()):
            for chunk in _chunks([{"id": i} for i in sorted(ids_)], 1000, backend.max_param_bytes):
                backend.write(f"UNWIND $rows AS row MATCH (n:{check_label(lb)} {{id: row.id}}) DETACH DELETE n",
                              {"rows": chunk})
        result.pruned = len(stale)
    result.counts = backend.counts()
    return result
