"""Smoke test of the neo4j-driver backend against FalkorDB's experimental Bolt port.

That port is not fit for bulk data (it crashes on parameters over ~4 KB, pastes
parameters into the query unescaped, cuts floats to 6 digits, has no
transactions, crashes on dates), so this test stays tiny and plain: connect
(after a plain TCP connect), a small write through the writer, one canned read
compared with the in-process twin, and the error mapping.  The full backend
suite runs on the neo4j backend against real Neo4j when NEO4J_URI is set.
"""

from __future__ import annotations

import socket

import pytest

from ownergraph.errors import BackendError
from ownergraph.graph.backends import connect
from ownergraph.graph.backends.writer import write_graph
from ownergraph.graph.model import Edge, EdgeKind, Node, NodeKind
from ownergraph.graph.view import build_graph
from ownergraph.queries import canned, cypher

from falkordb_server import FalkorServer, free_port


def _tcp(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5):
        pass


@pytest.fixture(scope="module")
def bolt_server():
    with FalkorServer(bolt=True) as srv:
        _tcp(srv.bolt_port)
        yield srv


@pytest.fixture(scope="module")
def locked_bolt_server():
    with FalkorServer(bolt=True, password="bolt-pass") as srv:
        _tcp(srv.bolt_port)
        yield srv


def _tiny():
    nodes = [Node(id="org:target", kind=NodeKind.ORGANIZATION, name="Target Corp"),
             Node(id="org:fund", kind=NodeKind.ORGANIZATION, name="Fund LP"),
             Node(id="org:gp", kind=NodeKind.ORGANIZATION, name="Fund GP LLC"),
             Node(id="sec:common", kind=NodeKind.SECURITY, name="Common Stock")]
    edges = [Edge(id="e1", type=EdgeKind.ISSUED_BY, source="sec:common", target="org:target", filing_id="f1",
                  section="header"),
             Edge(id="e2", type=EdgeKind.HOLDS, source="org:fund", target="sec:common", filing_id="f1",
                  section="cover page 1, row 11", props={"basis": "beneficial", "percent": 60, "shares": 600}),
             Edge(id="e3", type=EdgeKind.CONTROLS, source="org:gp", target="org:fund", filing_id="f1",
                  section="Item 2", props={"basis": "general partner", "stated": True})]
    return nodes, edges


def test_bolt_write_and_canned_read(bolt_server):
    _tcp(bolt_server.bolt_port)
    b = connect(bolt_server.bolt_uri)
    try:
        assert b.client == "neo4j" and b.dialect.name == "falkordb"  # dbms.components() fails: not Neo4j
        nodes, edges = _tiny()
        res = write_graph(b, nodes, edges, {})
        assert res.nodes == 4 and res.relationships == 3
        write_graph(b, nodes, edges, {})  # idempotent here too
        assert b.counts() == {"nodes": 4, "relationships": 3}
        got = cypher.run_canned(b, "who_controls", issuer_id="org:target")
        assert got == canned.who_controls(build_graph(nodes, edges), "org:target")
        assert [r["controller"] for r in got] == ["Fund GP LLC", "Fund LP"] and got[0]["depth"] == 2
    finally:
        b.close()


def test_bolt_errors(bolt_server, locked_bolt_server):
    port = free_port()
    with pytest.raises(BackendError, match="cannot reach"):
        connect(f"bolt://127.0.0.1:{port}")
    _tcp(locked_bolt_server.bolt_port)
    with pytest.raises(BackendError, match="wrong user or password"):
        connect(locked_bolt_server.bolt_uri, "default", "not-the-password")
    _tcp(locked_bolt_server.bolt_port)
    with connect(f"bolt://:bolt-pass@127.0.0.1:{locked_bolt_server.bolt_port}") as ok:  # FalkorDB: empty user
        assert ok.dialect.name == "falkordb" and ok.counts() == {"nodes": 0, "relationships": 0}
    _tcp(bolt_server.bolt_port)
    b = connect(bolt_server.bolt_uri)
    try:
        with pytest.raises(BackendError, match="query failed"):
            b.read("MATCH (n RETURN n")
    finally:
        b.close()
