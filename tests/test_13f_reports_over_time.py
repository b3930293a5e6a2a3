"""A 13F report is a manager's whole list of positions for its period.

Real parses of the project's own text 13F fixtures (one manager, Wingtip Example Capital): the Q3 2010
report, its RESTATEMENT (AT&T left out, Microsoft restated), a NEW HOLDINGS amendment (Pfizer added), and
the Q4 report (Microsoft only).  The graph view, the RDF export's current flags and the graph database
agree on what is current.
"""

from __future__ import annotations

import datetime as dt

import pytest
import rdflib
from rdflib import Literal, XSD

from ownergraph.graph.model import EdgeKind
from ownergraph.graph.rdf import export as ex
from ownergraph.graph.rdf.vocab import OG
from ownergraph.graph.store import Store
from ownergraph.graph.view import graph_view, select_current
from ownergraph.loaders import load_path

from conftest import FIXTURES

D = FIXTURES / "13f"
Q3, RESTATED, ADDED, Q4 = (D / "13fhr_text_wingtip_q3.txt", D / "13fhra_text_wingtip_q3_restatement.txt",
                           D / "13fhra_text_wingtip_q3_new_holdings.txt", D / "13fhr_text_wingtip_q4.txt")
MANAGER = "cik:0009990300"
ABT, MSFT, T, PFE = "cusip:002824100", "cusip:594918104", "cusip:00206R102", "cusip:717081103"


def _current(store: Store, as_of: dt.date | None = None) -> dict[str, str]:
    g = graph_view(store, as_of=as_of)
    return {v: str(d["edge"].props["shares"]) for _u, v, d in g.out_edges(MANAGER, data=True)
            if d["type"] == "HOLDS"}


@pytest.mark.parametrize("order", ["filed", "reversed"])
def test_restatement_replaces_and_new_holdings_add(tmp_path, order):
    paths = [Q3, RESTATED, ADDED] if order == "filed" else [ADDED, RESTATED, Q3]
    with Store(tmp_path / "og.db") as store:
        for p in paths[:2] if order == "filed" else paths[1:]:
            store.add(load_path(p))
        # the restatement is the report: AT&T is no longer held, Microsoft is 25,000
        assert _current(store) == {ABT: "10000", MSFT: "25000"}
        for p in (paths[2:] if order == "filed" else paths[:1]):
            store.add(load_path(p))
        assert _current(store) == {ABT: "10000", MSFT: "25000", PFE: "4000"}
        assert store.node("filing:0009990300-10-000002").props["amendment_type"] == "RESTATEMENT"
        assert store.node("filing:0009990300-10-000003").props["amendment_type"] == "NEW HOLDINGS"
        # history keeps every report's rows
        assert len([e for e in store.edges(source=MANAGER, type=EdgeKind.HOLDS)]) == 6


def test_without_a_restatement_a_period_is_the_union_of_its_reports(tmp_path):
    with Store(tmp_path / "og.db") as store:
        for p in (Q3, ADDED):
            store.add(load_path(p))
        assert _current(store) == {ABT: "10000", MSFT: "20000", T: "30000", PFE: "4000"}


def test_the_next_quarter_drops_what_it_leaves_out(tmp_path):
    with Store(tmp_path / "og.db") as store:
        for p in (Q4, Q3, RESTATED, ADDED):
            store.add(load_path(p))
        assert _current(store) == {MSFT: "26000"}
        # as of a date in Q4 before the Q4 report's period end, the Q3 state (restated, with additions)
        assert _current(store, as_of=dt.date(2010, 11, 30)) == {ABT: "10000", MSFT: "25000", PFE: "4000"}
        # the RDF export flags the same holdings current
        filings = {f.id: f for f in store.filings()}
        want = {e.id for e in select_current(list(store.edges()), filings) if e.type == EdgeKind.HOLDS}
        assert ex.current_holdings(store.db, filings) == want
        g = ex.to_rdflib(store)
        current = {str(o) for s in g.subjects(OG.current, Literal(True, datatype=XSD.boolean))
                   for o in g.objects(s, OG.id)}
        assert {e.id for e in store.edges(source=MANAGER, type=EdgeKind.HOLDS) if e.id in want} <= current
        stale = {e.id for e in store.edges(source=MANAGER, type=EdgeKind.HOLDS)} - want
        assert len(stale) == 6 and not (stale & current)


def test_the_graph_database_marks_the_same_holdings_current(store, graph_backend):
    from ownergraph.graph.backends.writer import push

    for p in (Q3, RESTATED, Q4):
        store.add(load_path(p))
    push(store, graph_backend)
    rows = graph_backend.read("MATCH (m {id: $m})-[r:HOLDS]->(s) WHERE r.current = true RETURN s.id AS s, "
                              "r.shares AS shares", {"m": MANAGER})
    assert {r["s"] for r in rows} == {MSFT}
