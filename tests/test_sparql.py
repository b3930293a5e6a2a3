"""Canned SPARQL gives the same rows as the Python canned queries on the same data."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as hs
from typer.testing import CliRunner

from ownergraph.cli import app
from ownergraph.errors import QueryError
from ownergraph.graph.rdf import export as ex
from ownergraph.graph.store import Store
from ownergraph.graph.view import graph_view
from ownergraph.queries import canned, sparql

from _parity import compare_all
from _reliability import development_files, load_into

from _control_facts import FB, gp_chain_like, seed_like, two_paths_like

ISSUER = "cik:0001086745"


def _round(rows):
    out = []
    for r in rows:
        out.append({k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()})
    return out


def _chain_facts():
    f = two_paths_like()
    f.holds("fund", "hc", 10, None)  # a missing percent ranks last
    f.controls("hold", "p", "by virtue of relationship")  # a cycle
    return f.facts()


def _superseding():
    later = FB("0001213900-24-099999", "2024-09-01", form="SC 13D/A", amendment_no=9, shares_outstanding=40000000)
    later.org("issuer", "Ault Alliance, Inc.", cik=1086745, issuer=True)
    later.security("common", "Class A Common Stock", "issuer", cusip="09175M507")
    later.org("ac", "Ault & Company, Inc.", filer=True)
    later.holds("ac", "common", 0, "0", sv=0, shv=0, sd=0, shd=0)
    return later.facts()


@pytest.fixture
def data(store, tmp_path):
    for f in (seed_like().facts(), gp_chain_like().facts(), _chain_facts(), _superseding()):
        store.add(f)
    path = tmp_path / "export.ttl"
    with open(path, "wb") as fh:
        ex.export(store, fh, "ttl")
    return store, graph_view(store), ex.to_rdflib(store), path


CASES = [
    ("who_controls", {"issuer_id": ISSUER}),
    ("who_controls", {"issuer_id": "cik:0000000010"}),
    ("who_controls", {"issuer_id": "cik:0000000023"}),
    ("control_chain", {"holder_id": "cik:0000000022", "issuer_id": "cik:0000000010"}),
    ("control_chain", {"holder_id": "cik:0000000080", "issuer_id": "cik:0000000010"}),
    ("control_chain", {"holder_id": "organization:ault and company", "issuer_id": ISSUER}),
    ("holdings", {"entity_id": "organization:ault and company"}),
    ("holdings", {"entity_id": "cik:0000000022"}),
    ("officers", {"org_id": "organization:ault and company"}),
    ("officers", {"org_id": ISSUER}),
    ("group_members", {"filing_id": "0001213900-24-063150"}),
    ("group_members", {"filing_id": "filing:0000000001-24-000013"}),
    ("cap_table", {"issuer_id": ISSUER}),
    ("cap_table", {"issuer_id": "cik:0000000010"}),
    ("who_controls", {"issuer_id": "cik:0000000000"}),
    ("holdings", {"entity_id": "nobody"}),
]


@pytest.mark.parametrize("name,params", CASES, ids=[f"{n}-{i}" for i, (n, _p) in enumerate(CASES)])
def test_canned_sparql_matches_python(data, name, params):
    _st, g, rg, path = data
    expected = _round(canned.run(g, name, **params))
    assert _round(sparql.run_sparql(rg, name, **params)) == expected
    # the same over the Turtle file written by `ownergraph export`
    assert _round(sparql.run_sparql(str(path), name, **params)) == expected


def test_answers_are_not_trivial(data):
    _st, g, rg, _path = data
    rows = sparql.run_sparql(rg, "who_controls", issuer_id="cik:0000000010")
    by = {r["controller"]: r for r in rows}
    assert by["Jane Q. Manager"]["path"] == ["cik:0000000022", "cik:0000000021", "cik:0000000020", "cik:0000000010"]
    assert by["Jane Q. Manager"]["percent"] == pytest.approx(60)
    # the superseded 85.72% is not current; the 0% amendment is
    seed = {r["controller"]: r for r in sparql.run_sparql(rg, "who_controls", issuer_id=ISSUER)}
    assert seed["Ault & Company, Inc."]["percent"] == 0


def test_hostile_parameter_values_are_bound_not_pasted(data):
    _st, _g, rg, _path = data
    for v in ['" } ; DROP ALL ; #', "x'}) DETACH DELETE n //", 'a\\"b', "line\nbreak", "<http://evil/>"]:
        assert sparql.run_sparql(rg, "holdings", entity_id=v) == []
        assert sparql.run_sparql(rg, "who_controls", issuer_id=v) == []
    rows = sparql.run_text(rg, "SELECT ?n WHERE { ?x og:id ?id ; rdfs:label ?n }", id=ISSUER)
    assert rows == [{"n": "Ault Alliance, Inc."}]


def test_hostile_names_in_data_come_back_verbatim(store):
    from test_rdf import HOSTILE, hostile_facts

    store.add(hostile_facts())
    rg = ex.to_rdflib(store)
    g = graph_view(store)
    rows = sparql.run_sparql(rg, "who_controls", issuer_id="cik:0000000010")
    assert {r["controller"] for r in rows} == set(HOSTILE)
    assert _round(rows) == _round(canned.run(g, "who_controls", issuer_id="cik:0000000010"))
    hid = store.find(HOSTILE[3])[0].id
    assert sparql.run_sparql(rg, "holdings", entity_id=hid) == canned.run(g, "holdings", entity_id=hid)


def test_errors(data):
    _st, _g, rg, _path = data
    with pytest.raises(QueryError, match="unknown canned query"):
        sparql.run_sparql(rg, "nope")
    with pytest.raises(QueryError, match="needs issuer_id"):
        sparql.run_sparql(rg, "who_controls")
    with pytest.raises(QueryError, match="bad SPARQL"):
        sparql.run_text(rg, "SELECT WHERE {")


# ------------------------------------------------------------------ random graphs


@hs.composite
def _facts(draw):
    n = 6
    f = FB("0000000002-24-000001", "2024-02-01")
    for i in range(n):
        f.org(f"o{i}", f"Org {i}", cik=1000 + i, issuer=(i == 0))
        f.security(f"s{i}", f"Stock {i}", f"o{i}", cusip=f"{i + 1:06d}101")
    for k, (a, b, kind, pct) in enumerate(draw(hs.lists(
            hs.tuples(hs.integers(0, n - 1), hs.integers(0, n - 1), hs.sampled_from(["C", "H"]),
                      hs.one_of(hs.none(), hs.integers(0, 100))), max_size=14))):
        if a == b:
            continue
        if kind == "C":
            f.rel(__import__("ownergraph.graph.model", fromlist=["EdgeKind"]).EdgeKind.CONTROLS, f"o{a}", f"o{b}",
                  {"basis": "general partner", "stated": True}, "Item 2", disc=f"c{k}")
        else:
            f.holds(f"o{a}", f"s{b}", 10 * (k + 1), pct, section=f"cover page {k}, row 11")
    return f.facts()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_facts())
def test_random_graphs_agree(tmp_path_factory, facts):
    path = tmp_path_factory.mktemp("r") / "r.db"
    with Store(path) as st:
        st.add(facts)
        g, rg = graph_view(st), ex.to_rdflib(st)
        assert _round(sparql.run_sparql(rg, "who_controls", issuer_id="cik:0000001000")) == _round(
            canned.run(g, "who_controls", issuer_id="cik:0000001000"))
        for h in ("cik:0000001001", "cik:0000001003"):
            assert _round(sparql.run_sparql(rg, "control_chain", holder_id=h, issuer_id="cik:0000001000")) == _round(
                canned.run(g, "control_chain", holder_id=h, issuer_id="cik:0000001000"))


# ------------------------------------------------------------------ CLI

runner = CliRunner()


def test_cli_export_and_sparql(data, tmp_path):
    st, g, _rg, _path = data
    db = str(st.path)
    out = tmp_path / "cli.nt"
    r = runner.invoke(app, ["export", "--format", "nt", "-o", str(out), "--store", db])
    assert r.exit_code == 0, r.output
    assert out.read_text().count("\n") > 500
    r = runner.invoke(app, ["sparql", "who_controls", "--data", str(out), "--param", f"issuer_id={ISSUER}",
                            "--json"])
    assert r.exit_code == 0, r.output
    assert _round(json.loads(r.stdout)) == _round(json.loads(json.dumps(canned.run(g, "who_controls",
                                                                                    issuer_id=ISSUER))))
    # over the store, a query file with a bound parameter
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?name WHERE { ?x og:id ?id ; rdfs:label ?name }")
    r = runner.invoke(app, ["sparql", str(q), "--param", "id=cik:0000000010", "--store", db, "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout) == [{"name": "Target Corp"}]
    r = runner.invoke(app, ["sparql", "who_controls", "--show"])
    assert r.exit_code == 0 and "fibo-fnd-rel-rel:controls" in r.stdout


def test_cli_errors_are_one_line(data, tmp_path):
    st, *_ = data
    r = runner.invoke(app, ["export", "--format", "xml", "--store", str(st.path)])
    assert r.exit_code == 2 and "--format must be one of" in r.output
    r = runner.invoke(app, ["export", "--base", "not an iri", "--store", str(st.path), "-o", str(tmp_path / "x")])
    assert r.exit_code == 2 and "--base" in r.output
    r = runner.invoke(app, ["sparql", "who_controls", "--data", str(tmp_path / "missing.ttl")])
    assert r.exit_code == 2 and "no such file" in r.output
    bad = tmp_path / "bad.ttl"
    bad.write_text("this is not turtle <<<")
    r = runner.invoke(app, ["sparql", "who_controls", "--data", str(bad), "--param", "issuer_id=x"])
    assert r.exit_code == 2 and "cannot parse" in r.output
    r = runner.invoke(app, ["sparql", "who_controls", "--store", str(st.path), "--param", "issuer_id"])
    assert r.exit_code == 2 and "name=value" in r.output
    assert "Traceback" not in r.output


def test_cli_resolves_names_over_the_store(data):
    st, g, *_ = data
    r = runner.invoke(app, ["sparql", "holdings", "--param", "entity_id=Ault & Company", "--store", str(st.path),
                            "--json"])
    assert r.exit_code == 0, r.output
    assert _round(json.loads(r.stdout)) == _round(json.loads(json.dumps(
        canned.run(g, "holdings", entity_id="organization:ault and company"), default=str)))
    assert len(json.loads(r.stdout)) == 5


@pytest.mark.parametrize("fmt", ["trig", "jsonld", "nt"])
def test_canned_sparql_over_every_export_format(data, tmp_path, fmt):
    st, g, _rg, _path = data
    path = tmp_path / f"export.{fmt}"
    with open(path, "wb") as fh:
        ex.export(st, fh, fmt)
    for name, params in (("who_controls", {"issuer_id": "cik:0000000010"}),
                         ("officers", {"org_id": "organization:ault and company"}),
                         ("cap_table", {"issuer_id": ISSUER})):
        assert _round(sparql.run_sparql(str(path), name, **params)) == _round(canned.run(g, name, **params))


def test_development_filings_sparql_matches_python(store, shared_filings, seed_path):
    """On the real filings (every one under ../shared/filings and the seed, through the real loaders and
    builder), every canned SPARQL query over the export gives the rows of its Python twin: who controls each
    organization, its cap table and officers, each entity's holdings, each filing's group, and the control
    chains the answers name."""
    if not load_into(store, [seed_path] + development_files(shared_filings)):
        pytest.skip("no loader reads the development filings yet")
    rg = ex.to_rdflib(store)
    assert compare_all(store, graph_view(store), lambda name, **params: sparql.run_sparql(rg, name, **params)) > 100
