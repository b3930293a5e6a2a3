"""A class of securities that changes its CUSIP keeps its holders' positions on one line (and a holder merged into
its CIK keeps one position).

A reverse split or a change of name gives a class a new CUSIP; the next amendment of a 13G reports the
position under it.  The two CUSIPs stay two security nodes (both identifiers are real), but the amendment
supersedes the original: before, both stayed current, and who-controls ranked the holder by the stale,
larger figure of the original.  Real parses of two project fixtures (a 13G and its 13G/A) into a real SQLite
store, in both loading orders; the same answer from the graph database (FalkorDB, or Neo4j with NEO4J_URI)
and from the RDF export.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ownergraph.graph.backends.writer import push
from ownergraph.graph.model import EdgeKind
from ownergraph.graph.rdf import export as ex
from ownergraph.graph.store import Store
from ownergraph.graph.view import graph_view, select_current, store_class_keys
from ownergraph.loaders import load_path
from ownergraph.queries import canned, control, cypher, sparql

from _control_facts import FB
from _parity import compare_all
from conftest import FIXTURES

BEFORE = FIXTURES / "resolution" / "13g_northwind_before_reverse_split.xml"  # CUSIP 66688A104, 12.5%
AFTER = FIXTURES / "resolution" / "13ga_northwind_after_reverse_split.xml"  # 13G/A No. 1, CUSIP 66688A302, 9.8%
OLD, NEW = "cusip:66688A104", "cusip:66688A302"
ISSUER = "cik:0009000300"


def _holder(store: Store) -> str:
    (hid,) = {e.source for e in store.edges(type=EdgeKind.HOLDS)}
    return hid


def _current_holdings(store: Store) -> dict[str, tuple[Decimal, Decimal]]:
    g = graph_view(store)
    return {t: (Decimal(str(d["edge"].props["shares"])), Decimal(str(d["edge"].props["percent"])))
            for _s, t, d in g.edges(data=True) if d["type"] == "HOLDS"}


@pytest.mark.parametrize("order", [(BEFORE, AFTER), (AFTER, BEFORE)], ids=["in-order", "amendment-first"])
def test_the_amendment_under_the_new_cusip_supersedes_the_original(tmp_path, order):
    with Store(tmp_path / "og.db") as store:
        for p in order:
            store.add(load_path(p))
        # two CUSIPs, two security nodes of one issuer
        assert {e.source for e in store.edges(target=ISSUER, type=EdgeKind.ISSUED_BY)} == {OLD, NEW}
        assert _current_holdings(store) == {NEW: (Decimal(312500), Decimal("9.8"))}
        # who-controls ranks the holder by the amendment's figure, not the original's 12.5%
        rows = canned.who_controls(graph_view(store), ISSUER)
        assert [(r["controller_id"], r["percent"]) for r in rows] == [(_holder(store), pytest.approx(9.8))]
        # the history is one line through both CUSIPs, the amendment current
        hist = control.history(store, _holder(store), ISSUER)
        assert [(r["security_id"], r["shares"], r["current"]) for r in hist] == [
            (OLD, Decimal(1250000), False), (NEW, Decimal(312500), True)]
        assert len({r["position_key"] for r in hist}) == 1
        # as of a date before the amendment, the original is the position
        import datetime as dt
        g = graph_view(store, as_of=dt.date(2024, 12, 31))
        assert [t for _s, t, d in g.edges(data=True) if d["type"] == "HOLDS"] == [OLD]


def test_a_filing_that_reports_both_cusips_keeps_both(tmp_path):
    """Statements of one filing under two CUSIPs of a class stand together (neither is older)."""
    f = FB("0000000031-25-000001", "2025-01-15", form="SCHEDULE 13G")
    f.org("issuer", "Northwind Example Therapeutics, Inc.", cik=9000300, issuer=True)
    f.security("old", "Common Stock", "issuer", cusip="66688A104")
    f.security("new", "Common Stock", "issuer", cusip="66688A302")
    f.org("fund", "Example Fund LP", cik=9000301, filer=True)
    f.holds("fund", "old", 100, "1.0")
    f.holds("fund", "new", 200, "2.0")
    with Store(tmp_path / "og.db") as store:
        store.add(f.facts())
        assert set(_current_holdings(store)) == {OLD, NEW}


def test_the_rdf_export_and_sparql_agree(tmp_path):
    with Store(tmp_path / "og.db") as store:
        for p in (AFTER, BEFORE):
            store.add(load_path(p))
        filings = {f.id: f for f in store.filings()}
        want = {e.id for e in select_current(list(store.edges()), filings, classes=store_class_keys(store))
                if e.type == EdgeKind.HOLDS}
        assert len(want) == 1
        assert ex.current_holdings(store.db, filings) == want
        rg = ex.to_rdflib(store)
        assert compare_all(store, graph_view(store), lambda name, **params: sparql.run_sparql(rg, name, **params))
        rows = sparql.run_sparql(rg, "holdings", entity_id=_holder(store))
        assert [(r["security_id"], r["percent"]) for r in rows] == [(NEW, pytest.approx(9.8))]


def test_the_graph_database_marks_the_amendment_current(store, graph_backend):
    store.add(load_path(BEFORE))
    push(store, graph_backend)
    assert cypher.run_canned(graph_backend, "who_controls", issuer_id=ISSUER)[0]["percent"] == pytest.approx(12.5)
    # pushing only the amendment also turns the original's flag off
    fid = store.add(load_path(AFTER)).filing_id
    push(store, graph_backend, filing_ids=[fid])
    rows = graph_backend.read("MATCH (h)-[r:HOLDS]->(s) RETURN s.id AS s, r.current AS current")
    assert sorted((r["s"], r["current"]) for r in rows) == [(OLD, False), (NEW, True)]
    assert compare_all(store, graph_view(store),
                       lambda name, **params: cypher.run_canned(graph_backend, name, **params))


def test_a_holder_merged_into_its_cik_keeps_one_position(tmp_path, graph_backend):
    """A 13D names a person without CIK; the amendment gives the CIK, and the store merges the two nodes.  The
    original's edge moves to the CIK node but its stored position key still names the person by name: the
    position is the edge's holder and security as they are now, so the amendment supersedes it."""
    def filing(acc, event, cik, shares, amendment_no=None):
        f = FB(acc, event, form="SC 13D/A" if amendment_no else "SC 13D", amendment_no=amendment_no)
        f.org("i", "Issuer Example Co", cik=9000400, issuer=True)
        f.security("c", "Common Stock", "i", cusip="12345X101")
        f.person("p", "Jordan Q. Sample", cik=cik, filer=True)
        return f.holds("p", "c", shares, str(shares / 100)).facts()

    with Store(tmp_path / "og.db") as store:
        store.add(filing("0000000041-24-000001", "2024-01-10", None, 600))
        store.add(filing("0000000041-24-000002", "2024-06-10", 9000401, 0, amendment_no=1))
        edges = list(store.edges(type=EdgeKind.HOLDS))
        assert {e.source for e in edges} == {"cik:0009000401"}
        assert len({e.props["position_key"] for e in edges}) == 2  # as each filing was read
        assert _current_holdings(store) == {"cusip:12345X101": (Decimal(0), Decimal(0))}
        filings = {f.id: f for f in store.filings()}
        assert ex.current_holdings(store.db, filings) == {e.id for e in edges if e.props["shares"] == 0}
        push(store, graph_backend)
        rows = graph_backend.read("MATCH (h)-[r:HOLDS]->(s) RETURN r.shares AS shares, r.current AS current")
        assert sorted((str(r["shares"]), r["current"]) for r in rows) == [("0", True), ("600", False)]


FORM4 = FIXTURES / "resolution" / "form4_northwind_after_reverse_split.xml"  # director, "Common Stock", no CUSIP
DIRECTOR = "cik:0009000391"


def _form4(on: str):
    """The Form 4 fixture, or the same document dated ``on`` (its period and transaction date)."""
    from ownergraph.loaders import load_bytes
    data = FORM4.read_bytes()
    return load_bytes(data.replace(b"2025-03-10", on.encode()), f"{FORM4.name}@{on}") if on != "2025-03-10" \
        else load_path(FORM4)


@pytest.mark.parametrize("order", [(BEFORE, AFTER), (AFTER, BEFORE)], ids=["in-order", "amendment-first"])
@pytest.mark.parametrize("on,expected", [("2025-03-10", NEW), ("2024-06-10", OLD), ("2023-01-05", OLD)],
                         ids=["after-the-split", "between", "before-both"])
def test_a_form4_without_a_cusip_joins_the_cusip_in_effect_at_its_date(tmp_path, order, on, expected):
    """A Form 4 names the class ("Common Stock"), never its CUSIP: loaded after filings that stated both
    CUSIPs of the class, it joins the one in effect on its date, whichever order those were loaded in (was:
    whichever CUSIP the store had seen first)."""
    with Store(tmp_path / "og.db") as store:
        for p in order:
            store.add(load_path(p))
        store.add(_form4(on))
        assert {e.target for e in store.edges(source=DIRECTOR, type=EdgeKind.HOLDS)} == {expected}
        # both CUSIP nodes stay one class: the director's position is one line
        hist = control.history(store, DIRECTOR, ISSUER)
        assert len({r["position_key"] for r in hist}) == 1 and hist[-1]["current"]


def test_with_one_cusip_a_form4_joins_it_at_any_date(tmp_path):
    with Store(tmp_path / "og.db") as store:
        store.add(load_path(AFTER))
        store.add(_form4("2023-01-05"))
        assert {e.target for e in store.edges(source=DIRECTOR, type=EdgeKind.HOLDS)} == {NEW}
