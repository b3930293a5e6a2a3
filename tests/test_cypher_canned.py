"""Every canned Cypher text returns exactly what its Python twin returns on the same graph.

The graph is built by the real builder in a real SQLite store, pushed by the real writer
into a real FalkorDB server (or Neo4j when NEO4J_URI is set), and queried with
``run_canned``; the in-process answer is ``canned.run`` on ``graph_view`` of the same
store.  Floats are compared rounded to 4 decimal places (the engines multiply in
binary floating point, the twin in Decimal).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs

from ownergraph.errors import QueryError
from ownergraph.graph.backends.writer import push, write_graph
from ownergraph.graph.model import Edge, EdgeKind, Node, NodeKind
from ownergraph.graph.view import build_graph, graph_view
from ownergraph.queries import canned, cypher

from _control_facts import FB, seed_like, two_paths_like
from _parity import compare_all, param_sets, same_rows
from _reliability import development_files, load_into


def assert_same(st, backend, *, push_first: bool = True) -> int:
    """Push the store and compare every canned query; returns how many non-empty answers were compared."""
    if push_first:
        push(st, backend)
    return compare_all(st, graph_view(st), lambda name, **params: cypher.run_canned(backend, name, **params))


# ----------------------------------------------------------------- hand-made graphs


def _chains(store, *, with_cycle=False, missing_pct=False):
    f = two_paths_like(with_cycle=with_cycle, missing_pct=missing_pct)
    f.holds("hold", "c", 50, basis="component", underlying=50, section="Item 5(a)")  # not a control step
    f.officer("p", "fund", "Portfolio Manager")
    f.officer("p", "hold", "Director", director=True)
    f.member("fund").member("gp").member("p")
    store.add(f.facts())


def test_seed_like(store, graph_backend):
    store.add(seed_like().facts())
    assert assert_same(store, graph_backend) > 10


@pytest.mark.parametrize("with_cycle,missing_pct", [(False, False), (True, False), (False, True)])
def test_chains_cycles_missing_percent(store, graph_backend, with_cycle, missing_pct):
    _chains(store, with_cycle=with_cycle, missing_pct=missing_pct)
    assert assert_same(store, graph_backend) > 5
    rows = cypher.run_canned(graph_backend, "control_chain", holder_id="cik:0000000022", issuer_id="cik:0000000010")
    assert rows[0]["percent"] == pytest.approx(60)
    if missing_pct:
        assert rows[-1]["percent"] is None
    elif not with_cycle:
        assert [r["percent"] for r in rows] == pytest.approx([60, 8])


def test_max_depth(store, graph_backend):
    f = FB("0000000001-24-000002", "2024-01-10")
    f.org("i", "Deep Target", cik=100, issuer=True).security("c", "Common", "i", cusip="333333303")
    for k in range(8):
        f.org(f"o{k}", f"Level {k} Holdings", cik=101 + k)
        if k == 0:
            f.holds("o0", "c", 900, "90")
        else:
            f.controls(f"o{k}", f"o{k - 1}")
    store.add(f.facts())
    assert_same(store, graph_backend)
    rows = cypher.run_canned(graph_backend, "who_controls", issuer_id="cik:0000000100")
    assert max(r["depth"] for r in rows) == canned.MAX_DEPTH


def test_superseded_and_repeated_filings(store, graph_backend):
    """Only current positions count in the database too; a later push updates the flags."""
    store.add(seed_like().facts())
    push(store, graph_backend)
    later = FB("0001213900-24-099999", "2024-09-01", form="SC 13D/A", amendment_no=9)
    later.org("issuer", "Ault Alliance, Inc.", cik=1086745, issuer=True)
    later.security("common", "Class A Common Stock", "issuer", cusip="09175M507")
    later.org("ac", "Ault & Company, Inc.", filer=True)
    later.holds("ac", "common", 0, "0", sv=0, shv=0, sd=0, shd=0)
    store.add(later.facts())
    store.add(seed_like(accession="0001213900-24-070000", event="2024-08-01").facts())
    push(store, graph_backend, filing_ids=["0001213900-24-099999", "0001213900-24-070000"])
    rows = {r["controller"]: r for r in cypher.run_canned(graph_backend, "who_controls", issuer_id="cik:0001086745")}
    assert rows["Ault & Company, Inc."]["percent"] == 0
    # every filing restates ISSUED_BY: one per security and issuer walks the chains
    ib = graph_backend.read("MATCH (s)-[r:ISSUED_BY]->(i) RETURN s.id AS s, i.id AS i, r.restated AS restated")
    pairs = {(r["s"], r["i"]) for r in ib}
    assert len(ib) > len(pairs)
    assert sorted((r["s"], r["i"]) for r in ib if r["restated"] is False) == sorted(pairs)
    assert assert_same(store, graph_backend, push_first=False) > 10  # the incremental push alone is right
    assert assert_same(store, graph_backend) > 10


def test_exact_decimals_round_trip(store, graph_backend):
    """Share counts the float cannot print back exactly keep their decimal text."""
    f = FB("0000000001-24-000003", "2024-02-01")
    f.org("i", "Precise Inc", cik=300, issuer=True).security("c", "Common", "i", cusip="444444404")
    f.org("a", "Fractional Holder LLC", cik=301, filer=True)
    f.holds("a", "c", Decimal("11615772.80"), "33.3333333333333333")
    f.holds("a", "c", Decimal("12345678901234567.5"), basis="component", underlying=Decimal("0.10"),
            section="Item 5(a)")
    f.security("w", "Warrants", "i")
    f.holds("a", "w", Decimal("1234567.123456789"), basis="component", section="Item 5(b)")
    store.add(f.facts())
    assert_same(store, graph_backend)
    rows = cypher.run_canned(graph_backend, "holdings", entity_id="cik:0000000301")
    assert {r["shares"] for r in rows} == {"11615772.80", "12345678901234567.5", "1234567.123456789"}


# ----------------------------------------------------------------- real filings


def test_seed_filing(store, graph_backend, seed_path):
    if not load_into(store, [seed_path]):
        pytest.skip("no loader reads the seed filing yet")
    assert assert_same(store, graph_backend) > 5


def test_development_filings(store, graph_backend, shared_filings, seed_path):
    if not load_into(store, [seed_path] + development_files(shared_filings)):
        pytest.skip("no loader reads the development filings yet")
    assert assert_same(store, graph_backend) > 0


# ----------------------------------------------------------------- random graphs

_N = 6


@hs.composite
def _random_graph(draw):
    nodes = [Node(id=f"o{i}", kind=NodeKind.ORGANIZATION, name=f"Org {i % 4}") for i in range(_N)]
    nodes += [Node(id=f"s{i}", kind=NodeKind.SECURITY, name=f"Stock {i}") for i in range(_N)]
    edges = [Edge(id=f"ib{i}", type=EdgeKind.ISSUED_BY, source=f"s{i}", target=f"o{i}", filing_id="f",
                  section="header") for i in range(_N)]
    edges.append(Edge(id="ib-dup", type=EdgeKind.ISSUED_BY, source="s0", target="o0", filing_id="g",
                      section="header"))
    for k, (a, b, kind, pct) in enumerate(draw(hs.lists(
            hs.tuples(hs.integers(0, _N - 1), hs.integers(0, _N - 1), hs.sampled_from(["C", "H", "H"]),
                      hs.one_of(hs.none(), hs.integers(0, 100))), max_size=14))):
        if a == b and kind == "C":
            continue
        if kind == "C":
            edges.append(Edge(id=f"c{k}", type=EdgeKind.CONTROLS, source=f"o{a}", target=f"o{b}", filing_id="f",
                              section="Item 2"))
        else:
            props = {"basis": "beneficial", "shares": Decimal(k * 1000)}
            if pct is not None:
                props["percent"] = Decimal(pct)
            edges.append(Edge(id=f"h{k}", type=EdgeKind.HOLDS, source=f"o{a}", target=f"s{b}", props=props,
                              filing_id="f", section="cover page 1, row 11"))
    return nodes, edges


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_random_graph())
def test_random_graphs(graph_backend, data):
    nodes, edges = data
    # emptied in place, not dropped: deleting a graph while FalkorDB's background threads work on it is a known
    # crash (FalkorDB issue 2126) and one CI run lost its server in this loop; the fixture drops it at the end
    graph_backend.write("MATCH (n) DETACH DELETE n")
    write_graph(graph_backend, nodes, edges, {})
    g = build_graph(nodes, edges)
    for i in range(_N):
        for name, params in [("who_controls", {"issuer_id": f"o{i}"}), ("cap_table", {"issuer_id": f"o{i}"}),
                             ("holdings", {"entity_id": f"o{i}"})] + \
                            [("control_chain", {"holder_id": f"o{j}", "issuer_id": f"o{i}"}) for j in range(_N)]:
            got, want = cypher.run_canned(graph_backend, name, **params), canned.run(g, name, **params)
            assert same_rows(name, got, want), f"{name}({params}): {got} != {want}"


# ----------------------------------------------------------------- texts and parameters


def test_every_twin_has_a_text_and_parameters_are_parameters():
    assert set(cypher.CYPHER) == set(canned.CANNED)
    for name, text in cypher.CYPHER.items():
        for p in canned.CANNED[name][1]:
            assert f"${p}" in text
        for banned in ("EXISTS {", "COUNT {", "=~", "elementId(", "datetime(", "allShortestPaths"):
            assert banned not in text


def test_param_lines_quote_values():
    lines = cypher.param_lines("control_chain", holder_id='O\'Brien "x" \\', issuer_id="cik:0000000010")
    assert lines[0] == ':param holder_id => "O\'Brien \\"x\\" \\\\"'
    assert lines[1] == ':param issuer_id => "cik:0000000010"'
    assert lines[2] == f":param max_depth => {canned.MAX_DEPTH}"
    assert cypher.param_lines("holdings") == [':param entity_id => "<entity_id>"']


def test_bad_names_and_missing_parameters(graph_backend):
    with pytest.raises(QueryError, match="unknown canned query"):
        cypher.run_canned(graph_backend, "drop_everything", issuer_id="x")
    with pytest.raises(QueryError, match="needs holder_id"):
        cypher.run_canned(graph_backend, "control_chain", issuer_id="x")


def test_float_ties_break_like_the_twin(store, graph_backend):
    """Two chains whose Decimal products are equal but whose float products differ in the last bit."""
    f = FB("0000000001-24-000004", "2024-03-01")
    f.org("i", "Tie Target", cik=500, issuer=True).security("c", "Common", "i", cusip="777777707")
    f.org("top", "Top Holdings", cik=501)
    orders = (("0.03", "0.07", "0.11"), ("0.11", "0.07", "0.03"))

    def as_cypher(fs):  # the reduce() in the Cypher text: w * percent / 100.0, left to right
        w = 1.0
        for x in fs:
            w = w * float(Decimal(x) * 100) / 100.0
        return w

    # the chain through the larger ids gets the larger float: only a tolerant tie-break picks the twin's chain
    assert as_cypher(orders[1]) > as_cypher(orders[0])
    for k, (a, b, c) in enumerate(orders):
        x, y = f"x{k}", f"y{k}"
        f.org(x, f"Middle {k} X", cik=510 + k).security(f"{x}s", "Common", x, cusip=f"88888880{k}")
        f.org(y, f"Middle {k} Y", cik=520 + k).security(f"{y}s", "Common", y, cusip=f"99999990{k}")
        f.holds("top", f"{x}s", 1, str(Decimal(a) * 100))
        f.holds(x, f"{y}s", 1, str(Decimal(b) * 100))
        f.holds(y, "c", 1, str(Decimal(c) * 100))
    store.add(f.facts())
    assert_same(store, graph_backend)


# ----------------------------------------------------------------- anchors use the id index


def _scans(backend, name: str, text: str) -> list[str]:
    from ownergraph.graph.backends.falkordb_backend import params_header

    params = cypher.params_for(name, **{p: "x" for p in canned.CANNED[name][1]})
    plan = backend.command("GRAPH.EXPLAIN", backend.database, params_header(params) + text)
    return [str(line).strip() for line in plan if "Scan" in str(line)]


def test_anchors_are_labelled_and_start_from_the_id_index(store, falkordb_backend):
    """run_canned finds each anchor's label first; the query it then runs starts from the id index (no scan
    of every node), and answers exactly like the unlabelled text it came from."""
    _chains(store)
    push(store, falkordb_backend)
    g = graph_view(store)
    assert cypher.anchor_labels(falkordb_backend, "cik:0000000010") == ["Organization"]
    assert cypher.anchor_labels(falkordb_backend, "no such node") == []
    for name, anchors in cypher.ANCHORS.items():
        plain = cypher.CYPHER[name]
        assert any("All Node Scan" in s for s in _scans(falkordb_backend, name, plain)), name
        labels = {param: "Organization" for _var, param in anchors}
        scans = _scans(falkordb_backend, name, cypher.labelled(name, labels))
        assert scans and not any("All Node Scan" in s for s in scans), (name, scans)
    for name, params in param_sets(store, g):
        got = cypher.run_canned(falkordb_backend, name, **params)
        plain = cypher._post(name, falkordb_backend.read(cypher.CYPHER[name], cypher.params_for(name, **params)))
        assert same_rows(name, got, plain), (name, params)
        assert same_rows(name, got, canned.run(g, name, **params)), (name, params)
    # a Person anchor gets the Person label
    assert "(h:Person {id: $entity_id})" in cypher.labelled("holdings", {"entity_id": "Person"})
    with pytest.raises(ValueError):
        cypher.labelled("holdings", {"entity_id": "Person {id: 1}) DETACH DELETE h //"})
