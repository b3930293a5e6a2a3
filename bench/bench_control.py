"""Benchmark: who-controls on synthetic ownership graphs of 10k, 100k and 1M edges (in-process).

    python3 bench/bench_control.py                 # 10k, 100k, 1M edges
    python3 bench/bench_control.py --sizes 10000 100000 --queries 50

The graph is built directly as the networkx view that ``graph_view`` returns
(edges carry real ``Edge`` models), made of clusters that look like real
13D/G structures: an issuer and its common stock, ~10 beneficial holders,
a fund -> GP -> upper GP -> person chain with restated joint-filer positions,
officers, and cross-holdings between clusters (a holder that is itself
owned by holders of another cluster).

What is timed, per size:

* ``index``  -- the one-off precomputation per graph view (reverse adjacency for
  control analysis and the canned queries), built on the first query;
* ``query``  -- median / p95 latency of ``control.who_controls`` (full report with
  chains and evidence) and ``canned.who_controls`` on random issuers, with the
  index warm.

It prints the latencies and their growth relative to the smallest size
measured in the same run (no absolute thresholds; the goal is <= 50 ms at
1M edges, and flat growth).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import networkx as nx  # noqa: E402

from ownergraph.graph.model import Edge, EdgeKind, FilingInfo  # noqa: E402
from ownergraph.queries import canned, control  # noqa: E402

EDGES_PER_CLUSTER = 24


def build(n_edges: int, seed: int = 7) -> tuple[nx.MultiDiGraph, list[str]]:
    rnd = random.Random(seed)
    g = nx.MultiDiGraph()
    filings = {}
    issuers = []
    n_clusters = max(1, n_edges // EDGES_PER_CLUSTER)
    eid = 0
    day = dt.date(2024, 1, 1)

    def edge(t: EdgeKind, s: str, d: str, fid: str, props: dict, section: str):
        nonlocal eid
        eid += 1
        k = f"e{eid}"
        e = Edge.model_construct(id=k, type=t, source=s, target=d, props=props, filing_id=fid, section=section,
                                 excerpt="", as_of=day)
        g.add_edge(s, d, key=k, type=t.value, edge=e)

    def node(nid: str, kind: str, name: str):
        g.add_node(nid, kind=kind, name=name, props={})

    for c in range(n_clusters):
        fid = f"0000000000-24-{c:06d}"
        so = Decimal(10_000_000)
        filings[fid] = FilingInfo.model_construct(id=fid, form_type="SC 13D", family="schedule13", loader="bench",
                                                  amendment_no=None, filed_date=day, event_date=day,
                                                  shares_outstanding=so, sha256="0")
        iss, sec = f"org:i{c}", f"sec:i{c}"
        node(iss, "Organization", f"Issuer {c} Inc")
        node(sec, "Security", f"Issuer {c} Common Stock")
        edge(EdgeKind.ISSUED_BY, sec, iss, fid, {}, "header")
        issuers.append(iss)
        # a fund with a GP chain, all four restating the same position
        fund, gp, ugp, person = f"org:f{c}", f"org:gp{c}", f"org:ugp{c}", f"person:p{c}"
        for nid, kind in ((fund, "Organization"), (gp, "Organization"), (ugp, "Organization"), (person, "Person")):
            node(nid, kind, nid.split(":")[1].upper())
        big = Decimal(rnd.randint(5_500_000, 8_000_000))
        pct = (big / so * 100).quantize(Decimal("0.01"))
        edge(EdgeKind.HOLDS, fund, sec, fid, {"basis": "beneficial", "shares": big, "percent": pct,
                                             "sole_voting": big, "shared_voting": Decimal(0),
                                             "sole_dispositive": big, "shared_dispositive": Decimal(0)}, "cover page 4")
        for i, nid in enumerate((gp, ugp, person)):
            edge(EdgeKind.HOLDS, nid, sec, fid, {"basis": "beneficial", "shares": big, "percent": pct,
                                                "sole_voting": Decimal(0), "shared_voting": big,
                                                "sole_dispositive": Decimal(0), "shared_dispositive": big},
                 f"cover page {3 - i}")
        edge(EdgeKind.CONTROLS, gp, fund, fid, {"basis": "general partner", "stated": True}, "Item 2")
        edge(EdgeKind.CONTROLS, ugp, gp, fid, {"basis": "general partner", "stated": True}, "Item 2")
        edge(EdgeKind.CONTROLS, person, ugp, fid, {"basis": "managing member", "stated": True}, "Item 2")
        edge(EdgeKind.OFFICER_OF, person, iss, fid, {"title": "Director"}, "Item 2")
        # ten smaller holders, one of them owned by two holders of another cluster (cross-holdings)
        for h in range(10):  # together at most 4M shares: below the fund
            hid = f"org:h{c}_{h}"
            node(hid, "Organization", f"Holder {c}-{h} LP")
            sh = Decimal(rnd.randint(1_000, 200_000))
            edge(EdgeKind.HOLDS, hid, sec, fid, {"basis": "beneficial", "shares": sh,
                                                "percent": (sh / so * 100).quantize(Decimal("0.01")),
                                                "sole_voting": sh, "sole_dispositive": sh}, f"cover page {5 + h}")
        if c > 0:
            other = rnd.randrange(c)
            tgt = f"org:h{c}_0"
            tsec = f"sec:h{c}_0"
            node(tsec, "Security", f"Holder {c}-0 interests")
            edge(EdgeKind.ISSUED_BY, tsec, tgt, fid, {}, "header")
            for j, p in ((1, Decimal(60)), (2, Decimal(30))):
                edge(EdgeKind.HOLDS, f"org:h{other}_{j}", tsec, fid, {"basis": "beneficial", "shares": p,
                                                                     "percent": p}, "Item 5")
        # officers of the fund
        for o in range(2):
            pid = f"person:o{c}_{o}"
            node(pid, "Person", f"Officer {c}-{o}")
            edge(EdgeKind.OFFICER_OF, pid, fund, fid, {"title": "Managing Director"}, "Schedule A")
    g.graph["filings"] = filings
    g.graph["as_of"] = None
    return g, issuers


def timed(fn, *a, **kw) -> tuple[float, object]:
    t = time.perf_counter()
    r = fn(*a, **kw)
    return (time.perf_counter() - t) * 1000, r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    ap.add_argument("--queries", type=int, default=30)
    args = ap.parse_args()
    rows = []
    for size in args.sizes:
        t0 = time.perf_counter()
        g, issuers = build(size)
        build_s = time.perf_counter() - t0
        rnd = random.Random(size)
        sample = [rnd.choice(issuers) for _ in range(args.queries)]
        idx_ms, _ = timed(control.ControlIndex.of, g)
        cidx_ms, _ = timed(canned._index, g)
        eng, can = [], []
        for iss in sample:
            ms, rep = timed(control.who_controls, g, iss)
            assert rep.controllers, "every synthetic issuer has a controlling chain"
            eng.append(ms)
            ms, rows_ = timed(canned.who_controls, g, iss)
            can.append(ms)
        rows.append({"edges": g.number_of_edges(), "nodes": g.number_of_nodes(), "build_s": build_s,
                     "index_ms": idx_ms + cidx_ms, "engine_med": statistics.median(eng),
                     "engine_p95": sorted(eng)[int(0.95 * (len(eng) - 1))], "canned_med": statistics.median(can)})
        r = rows[-1]
        print(f"{r['edges']:>9,} edges {r['nodes']:>9,} nodes | graph built {r['build_s']:6.1f} s | "
              f"index {r['index_ms']:8.1f} ms (once per view) | who_controls median {r['engine_med']:6.2f} ms "
              f"p95 {r['engine_p95']:6.2f} ms | canned median {r['canned_med']:6.2f} ms", flush=True)
        del g, issuers
        gc.collect()
    base = rows[0]
    print("\ngrowth relative to the smallest graph measured in this run:")
    for r in rows:
        print(f"  x{r['edges'] / base['edges']:7.1f} edges -> who_controls x{r['engine_med'] / base['engine_med']:5.2f}, "
              f"canned x{r['canned_med'] / base['canned_med']:5.2f}, index x{r['index_ms'] / base['index_ms']:6.1f}")
    last = rows[-1]
    print(f"\nlargest graph: who_controls median {last['engine_med']:.2f} ms (goal <= 50 ms at 1M edges)")


if __name__ == "__main__":
    main()
