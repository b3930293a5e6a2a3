"""Injection: hostile names and values are stored and queried verbatim everywhere.

Names with quotes, backslashes, backticks, ``'}) DETACH DELETE n //`` and
friends go through the real pipeline -- a real loader parses a filing that
contains them, the embedded store keeps them, the CLI prints them, Cypher
(FalkorDB, or Neo4j with NEO4J_URI) and SPARQL (the RDF export) query them with
bound parameters -- and come back unchanged, and nothing is deleted or altered.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ownergraph import loaders as L
from ownergraph.cli import app
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.graph.store import Store
from ownergraph.graph.view import graph_view
from ownergraph.queries import canned

from _gen_filings import HOSTILE_ISSUER, HOSTILE_NAMES, schedule13d_xml, schedule13g_text

HOSTILE = HOSTILE_NAMES + [
    "Robert'); DROP TABLE filings;--",
    "} } DELETE WHERE { ?s ?p ?o } #",
    "[bold]Rich[/bold] <b>Fund</b>",
    "Zoë Ünïcødé ✓ 株式会社",
    "%s %(x)s {0} $(whoami)",
    "\\' OR '1'='1",
]
ISSUER = HOSTILE_ISSUER
# In a text/HTML filing, tags are markup and "(m)"-style letters are list markers, not parts of names.
TEXT_SAFE = [h for h in HOSTILE if "<" not in h and "(m)" not in h and "(x)" not in h]

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "300"})


@pytest.fixture
def hostile_store(tmp_path):
    facts = L.load_bytes(schedule13d_xml(len(HOSTILE), name=lambda i: HOSTILE[i - 1], issuer=ISSUER),
                         "hostile 'names' \"13D\".xml")
    path = tmp_path / "og.db"
    with Store(path) as st:
        st.add(facts)
    return path, facts


def test_loader_keeps_names_verbatim(hostile_store):
    _, facts = hostile_store
    assert [facts.entity(k).name for k in facts.filing.filer_keys] == HOSTILE
    assert facts.entity(facts.filing.issuer_key).name == ISSUER


def test_text_loader_keeps_names_verbatim():
    data = schedule13g_text(len(TEXT_SAFE), name=lambda i: TEXT_SAFE[i - 1], issuer=ISSUER)
    facts = L.load_bytes(data, "hostile.txt")
    assert [facts.entity(k).name for k in facts.filing.filer_keys] == TEXT_SAFE


def test_embedded_store_and_canned_queries(hostile_store):
    path, facts = hostile_store
    with Store(path, readonly=True) as st:
        counts = st.counts()
        names = {n.name for n in st.nodes()}
        assert set(HOSTILE) <= names and ISSUER in names
        g = graph_view(st)
        for i, name in enumerate(HOSTILE, start=1):
            hits = st.find(name)
            assert [h.name for h in hits if h.kind != NodeKind.SECURITY][:1] == [name], name
            rows = canned.holdings(g, hits[0].id)
            assert [str(r["shares"]) for r in rows] == [str(1000 * i)], (name, rows)
        issuer = st.find(ISSUER)[0]
        members = {r["member"] for f in st.filings() for r in canned.group_members(g, f.id)}
        assert set(HOSTILE) <= members
        assert st.counts() == counts
        assert {r[0] for r in st.db.execute("SELECT name FROM sqlite_master WHERE type='table'")} >= {
            "filings", "nodes", "edges", "node_props", "aliases"}
        assert issuer.name == ISSUER


def test_cli_show_and_find_verbatim(hostile_store):
    path, _ = hostile_store
    for name in HOSTILE + [ISSUER]:
        r = run("show", name, "--store", path, "--json")
        assert r.exit_code == 0, (name, r.output)
        got = json.loads(r.stdout)
        assert name in [n["name"] for n in got], name
        r = run("show", name, "--store", path)  # the rich table prints the name as is (no markup)
        assert r.exit_code == 0 and name.split("\n")[0][:20] in r.stdout.replace("\n", ""), name


def test_cypher_verbatim(hostile_store, graph_backend):
    from ownergraph.graph.backends.writer import push
    from ownergraph.queries import cypher

    path, _ = hostile_store
    with Store(path, readonly=True) as st:
        push(st, graph_backend)
        g = graph_view(st)
        want = st.counts()
        for name in HOSTILE + [ISSUER]:
            rows = graph_backend.read("MATCH (n {name: $name}) RETURN n.id AS id, n.name AS name", {"name": name})
            assert [r["name"] for r in rows] == [name], name
            if name != ISSUER:
                assert cypher.run_canned(graph_backend, "holdings", entity_id=rows[0]["id"]) == \
                    canned.holdings(g, rows[0]["id"])
        ids = {n.id for n in st.nodes()}
    assert graph_backend.counts() == {"nodes": want["nodes"], "relationships": want["edges"]}
    # ids built from hostile names are parameters too
    for i in ids:
        assert graph_backend.read("MATCH (n {id: $id}) RETURN count(n) AS c", {"id": i})[0]["c"] == 1


def test_cypher_cli_param_verbatim(hostile_store, graph_backend):
    from ownergraph.graph.backends.writer import push
    import os

    path, _ = hostile_store
    with Store(path, readonly=True) as st:
        push(st, graph_backend)
    if os.environ.get("NEO4J_URI"):
        db = ["--neo4j", os.environ["NEO4J_URI"]]
    else:
        db = ["--falkordb", graph_backend.uri, "--database", graph_backend.database]
    before = graph_backend.counts()
    for name in HOSTILE:
        r = run("cypher", "MATCH (n {name: $name}) RETURN n.name AS name", "--param", f"name={name}", *db, "--json")
        assert r.exit_code == 0, r.output
        assert json.loads(r.stdout) == [{"name": name}]
    assert graph_backend.counts() == before


def test_sparql_verbatim(hostile_store):
    sparql = pytest.importorskip("ownergraph.queries.sparql")
    from ownergraph.graph.rdf.export import to_rdflib

    path, _ = hostile_store
    with Store(path, readonly=True) as st:
        rdf = to_rdflib(st)
        g = graph_view(st)
        triples = len(rdf)
        for name in HOSTILE:
            node = st.find(name)[0]
            got = sparql.run_sparql(rdf, "holdings", entity_id=node.id)
            assert got == canned.holdings(g, node.id), name
        rows = sparql.run_text(rdf, "SELECT ?n WHERE { ?s ?p ?n . FILTER(?n = ?want) }", want=HOSTILE[7])
        assert [str(r["n"]) for r in rows][:1] == [HOSTILE[7]]
    assert len(rdf) == triples


def test_hostile_values_in_every_store_table(tmp_path):
    """Excerpts and sections with quotes and SQL survive the store round trip exactly."""
    from _control_facts import FB

    evil = "it's \"quoted\" \\ `x` '); DELETE FROM edges; --"
    f = FB("0000000009-24-000042", "2024-03-01")
    f.org("i", ISSUER, cik=900, issuer=True).security("c", evil, "i", cusip="555555505")
    f.org("h", HOSTILE[4], filer=True)
    f.holds("h", "c", 10, "1", excerpt=evil)
    with Store(tmp_path / "og.db") as st:
        st.add(f.facts())
        n_edges = st.counts()["edges"]
        assert any(e.excerpt == evil for e in st.edges(type=EdgeKind.HOLDS))
        assert any(n.name == evil for n in st.nodes(NodeKind.SECURITY))
        assert st.counts()["edges"] == n_edges > 0


def test_nul_bytes_in_a_text_filing_are_dropped_and_the_push_works(tmp_path, graph_backend):
    # a stray NUL carries nothing, and FalkorDB's query text ends at one: it must not fail a whole push
    from ownergraph.graph.backends.writer import push

    data = schedule13g_text(2, name=lambda i: f"Acme\x00 Fund {i} LP")
    facts = L.load_bytes(data, "nul.txt")
    names = {e.name for e in facts.entities}
    assert {"Acme Fund 1 LP", "Acme Fund 2 LP"} <= names and not any("\x00" in n for n in names)
    with Store(tmp_path / "nul.db") as st:
        st.add(facts)
        push(st, graph_backend)
    assert len(graph_backend.read("MATCH (n {name: $n}) RETURN n.id AS id", {"n": "Acme Fund 1 LP"})) == 1
