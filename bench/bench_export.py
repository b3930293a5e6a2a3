"""Benchmark: RDF export of a synthetic store of about N triples (default 1M).

    python3 bench/bench_export.py                  # ~1M triples
    python3 bench/bench_export.py --triples 200000

The store is built with the real builder and SQLite store from synthetic
Schedule 13D filings (an issuer, its common stock, 40 reporting persons with
beneficial positions and powers, GP control links, officers, a joint-filing
group).  Then each way of writing the same triples runs in its own child
process (so peak memory is its own):

* ``rdflib-turtle``  -- the export as an rdflib Graph, ``Graph.serialize(format="turtle")``
* ``rdflib-nt``      -- the same Graph, ``serialize(format="nt")``
* ``export-nt``      -- ``ownergraph export --format nt`` (streams line by line, no Graph)
* ``export-ttl``     -- ``ownergraph export --format ttl`` (streams through pyoxigraph)

It prints triples per second, peak RSS, and the ratios of the export paths to
rdflib's Turtle writer measured in the same run (goal: >= 10x for Turtle with
memory bounded).  No thresholds are asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ownergraph.graph.model import (  # noqa: E402
    EdgeKind,
    EntityFact,
    FilingFacts,
    FilingInfo,
    NodeKind,
    Provenance,
    RelationFact,
)

HOLDERS = 40
TRIPLES_PER_FILING = 1900  # measured: what one synthetic filing adds (nodes, relationship nodes, shortcuts)


def _filing(i: int) -> FilingFacts:
    acc = f"{1000000000 + i:010d}-24-{i:06d}"
    day = dt.date(2024, 1, 1) + dt.timedelta(days=i % 365)

    def prov(section: str, text: str = "") -> Provenance:
        return Provenance(filing_id=acc, accession=acc, section=section, excerpt=text)

    ents = [EntityFact(key="issuer", kind=NodeKind.ORGANIZATION, name=f"Issuer {i} Corp", cik=str(10_000_000 + i),
                       prov=prov("cover page")),
            EntityFact(key="common", kind=NodeKind.SECURITY, name="Common Stock", cusip=f"{i:06d}101",
                       prov=prov("cover page"))]
    rels = [RelationFact(type=EdgeKind.ISSUED_BY, source="common", target="issuer", prov=prov("header"))]
    filers = []
    for h in range(HOLDERS):
        key = f"h{h}"
        kind = NodeKind.PERSON if h % 4 == 0 else NodeKind.ORGANIZATION
        name = f"Holder {i}-{h}" + ("" if kind == NodeKind.PERSON else " Capital LP")
        ents.append(EntityFact(key=key, kind=kind, name=name, cik=str(20_000_000 + i * HOLDERS + h),
                               prov=prov(f"cover page {h + 1}, row 1")))
        filers.append(key)
        pct = Decimal(h % 17) + Decimal("0.25")
        sh = Decimal(1000 * (h + 1))
        rels.append(RelationFact(type=EdgeKind.HOLDS, source=key, target="common", prov=prov(
            f"cover page {h + 1}, row 11", f"11 AGGREGATE AMOUNT BENEFICIALLY OWNED {sh} 13 PERCENT {pct}%"),
            props={"shares": sh, "percent": pct, "sole_voting": sh, "shared_voting": Decimal(0),
                   "sole_dispositive": sh, "shared_dispositive": Decimal(0), "basis": "beneficial"}))
        rels.append(RelationFact(type=EdgeKind.MEMBER_OF_GROUP, source=key, target="filing",
                                 prov=prov("cover page, row 2")))
        if h % 4 == 1:
            rels.append(RelationFact(type=EdgeKind.CONTROLS, source=f"h{h - 1}", target=key,
                                     props={"basis": "general partner", "stated": True}, prov=prov("Item 2")))
        if h % 10 == 0:
            rels.append(RelationFact(type=EdgeKind.OFFICER_OF, source=key, target="issuer",
                                     props={"title": "Chief Executive Officer"}, prov=prov("Item 2(a)")))
    info = FilingInfo(id=acc, accession=acc, form_type="SC 13D", family="schedule13", loader="bench",
                      filed_date=day, event_date=day, sha256=hashlib.sha256(acc.encode()).hexdigest(),
                      issuer_key="issuer", filer_keys=filers, shares_outstanding=Decimal(10_000_000))
    return FilingFacts(filing=info, entities=ents, relations=rels)


def build_store(path: str, triples: int) -> None:
    from ownergraph.graph.store import Store

    n = max(1, triples // TRIPLES_PER_FILING)
    with Store(path) as st:
        for i in range(n):
            st.add(_filing(i))


def _child(variant: str, db: str, out: str) -> dict:
    from ownergraph.graph.rdf import export as ex
    from ownergraph.graph.store import Store

    with Store(db, readonly=True) as st:
        t = time.perf_counter()
        if variant.startswith("rdflib"):
            g = ex.to_rdflib(st)
            n = len(g)
            t_build = time.perf_counter() - t
            g.serialize(destination=out, format="turtle" if variant == "rdflib-turtle" else "nt", encoding="utf-8")
        else:
            t_build = 0.0
            with open(out, "wb") as fh:
                n = ex.export(st, fh, "ttl" if variant == "export-ttl" else "nt")
        secs = time.perf_counter() - t
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"variant": variant, "triples": n, "seconds": secs, "build_seconds": t_build,
            "peak_rss_mb": rss_kb / 1024, "bytes": os.path.getsize(out)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--variants", nargs="*", default=["rdflib-turtle", "rdflib-nt", "export-nt", "export-ttl"])
    ap.add_argument("--child", nargs=3, metavar=("VARIANT", "DB", "OUT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_child(*args.child)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = os.path.join(tmp, "bench.db")
        t = time.perf_counter()
        build_store(db, args.triples)
        print(f"synthetic store: {args.triples} triples requested, built in {time.perf_counter() - t:.1f} s")
        results = {}
        for v in args.variants:
            out = os.path.join(tmp, f"out-{v}")
            proc = subprocess.run([sys.executable, __file__, "--child", v, db, out], capture_output=True, text=True)
            if proc.returncode:
                print(f"{v}: failed\n{proc.stderr[-2000:]}")
                continue
            r = json.loads(proc.stdout.strip().splitlines()[-1])
            results[v] = r
            extra = (f" (graph build {r['build_seconds']:.1f} s, serialize {r['seconds'] - r['build_seconds']:.1f} s)"
                     if r["build_seconds"] else "")
            print(f"{v:14s} {r['triples']:>9d} triples  {r['seconds']:7.2f} s{extra}  "
                  f"{r['triples'] / r['seconds']:>10.0f} triples/s  peak RSS {r['peak_rss_mb']:7.0f} MB  "
                  f"{r['bytes'] / 1e6:7.1f} MB written")
        # rdflib is measured twice: end to end (store -> Graph -> file) and its serializer alone
        # (Graph already built), which is the conservative comparison
        for ours, theirs in (("export-ttl", "rdflib-turtle"), ("export-nt", "rdflib-nt"), ("export-nt", "rdflib-turtle")):
            a, b = results.get(ours), results.get(theirs)
            if not a or not b:
                continue
            ser = b["seconds"] - b["build_seconds"]
            print(f"ratio {ours} vs {theirs}: {b['seconds'] / a['seconds']:.1f}x faster end to end, "
                  f"{ser / a['seconds']:.1f}x faster than its serializer alone ({b['triples'] / ser:.0f} triples/s); "
                  f"{a['peak_rss_mb'] / b['peak_rss_mb']:.2f}x the peak memory")


if __name__ == "__main__":
    main()
