"""The Python twins of the canned queries, on graphs built by the real builder in a real SQLite store."""

from __future__ import annotations

import pytest

from ownergraph.graph.view import graph_view
from ownergraph.queries import canned

from _control_facts import FB, seed_like, two_paths_like

ISSUER = "cik:0001086745"


def _ids(st, *names):
    return [st.find(n)[0].id for n in names]


@pytest.fixture
def seed_graph(store):
    store.add(seed_like().facts())
    return store, graph_view(store)


def test_who_controls_seed_like(seed_graph):
    st, g = seed_graph
    rows = canned.who_controls(g, ISSUER)
    by = {r["controller"]: r for r in rows}
    assert set(by) == {"Ault & Company, Inc.", "Milton C. Ault, III", "William B. Horne", "Henry C.W. Nisser",
                       "Kenneth S. Cragun"}
    ac = by["Ault & Company, Inc."]
    assert ac["percent"] == pytest.approx(85.72)
    assert ac["depth"] == 1 and ac["path"][-1] == ISSUER and ac["kind"] == "Organization"
    # the small holders rank last, by percent then name
    assert [r["controller"] for r in rows[2:]] == ["Henry C.W. Nisser", "Kenneth S. Cragun", "William B. Horne"]
    assert rows[0]["percent"] >= rows[1]["percent"] >= rows[2]["percent"]
    # "less than 1%" stays a bound along a chain; a stated percentage does not
    assert [r["percent_bound"] for r in rows[2:]] == ["<", "<", "<"] and ac["percent_bound"] is None
    horne = by["William B. Horne"]
    (chain,) = canned.control_chain(g, horne["controller_id"], ISSUER)
    assert chain["percent"] == pytest.approx(1.0) and chain["percent_bound"] == "<"


def _chain_graph(store, with_cycle=False, missing_pct=False):
    store.add(two_paths_like(with_cycle=with_cycle, missing_pct=missing_pct).facts())
    return graph_view(store)


def test_chains_multiply_and_best_chain_wins(store):
    g = _chain_graph(store)
    rows = {r["controller"]: r for r in canned.who_controls(g, "cik:0000000010")}
    assert rows["Fund LP"]["percent"] == pytest.approx(60)
    assert rows["Fund GP LLC"]["percent"] == pytest.approx(60) and rows["Fund GP LLC"]["depth"] == 2
    jane = rows["Jane Q. Manager"]
    assert jane["percent"] == pytest.approx(60) and jane["depth"] == 3
    assert jane["path"] == ["cik:0000000022", "cik:0000000021", "cik:0000000020", "cik:0000000010"]
    assert rows["Holdco Inc"]["percent"] == pytest.approx(20)
    chains = canned.control_chain(g, "cik:0000000022", "cik:0000000010")
    assert [c["percent"] for c in chains] == pytest.approx([60, 8])
    assert chains[1]["names"] == ["Jane Q. Manager", "Holdco Inc", "Target Corp"]


def test_missing_percent_ranks_lowest(store):
    g = _chain_graph(store, missing_pct=True)
    chains = canned.control_chain(g, "cik:0000000022", "cik:0000000010")
    assert chains[0]["percent"] == pytest.approx(60) and chains[-1]["percent"] is None


def test_cycles_are_not_looped(store):
    g = _chain_graph(store, with_cycle=True)
    rows = canned.who_controls(g, "cik:0000000010")
    for r in rows:
        assert len(set(r["path"])) == len(r["path"])  # simple paths only
    for c in canned.control_chain(g, "cik:0000000022", "cik:0000000010"):
        assert len(set(c["path"])) == len(c["path"])


def test_max_depth(store):
    f = FB("0000000001-24-000002", "2024-01-10")
    f.org("i", "Deep Target", cik=100, issuer=True).security("c", "Common", "i", cusip="333333303")
    prev = None
    for k in range(8):
        f.org(f"o{k}", f"Level {k} Holdings", cik=101 + k)
        if k == 0:
            f.holds("o0", "c", 900, "90")
        else:
            f.controls(f"o{k}", prev)
        prev = f"o{k}"
    store.add(f.facts())
    rows = canned.who_controls(graph_view(store), "cik:0000000100")
    assert max(r["depth"] for r in rows) == canned.MAX_DEPTH
    assert "Level 5 Holdings" not in {r["controller"] for r in rows}
    assert "Level 4 Holdings" in {r["controller"] for r in rows}


def test_holdings_officers_group_cap_table(seed_graph):
    st, g = seed_graph
    ac, ma = _ids(st, "Ault & Company", "Milton C. Ault, III")
    h = canned.holdings(g, ac)
    assert len(h) == 5
    ben = [r for r in h if r["basis"] == "beneficial"]
    assert ben == [{"security_id": "cusip:09175M507", "security": "Class A Common Stock", "issuer_id": ISSUER,
                    "issuer": "Ault Alliance, Inc.", "shares": "214940800", "percent": pytest.approx(85.72),
                    "percent_bound": None, "basis": "beneficial", "filing_id": "0001213900-24-063150",
                    "section": "cover page 1, row 11"}]
    assert [r["security_id"] for r in h] == sorted(r["security_id"] for r in h)

    offs = canned.officers(g, ac)
    assert [(r["person"], r["role"]) for r in offs] == [
        ("Henry C.W. Nisser", "DIRECTOR_OF"), ("Henry C.W. Nisser", "OFFICER_OF"),
        ("Milton C. Ault, III", "OFFICER_OF"), ("William B. Horne", "OFFICER_OF")]
    assert canned.officers(g, ISSUER)[0]["title"] == "Chief Financial Officer"  # Cragun sorts first

    gm = canned.group_members(g, "0001213900-24-063150")
    assert [r["member"] for r in gm] == ["Ault & Company, Inc.", "Henry C.W. Nisser", "Kenneth S. Cragun",
                                         "Milton C. Ault, III", "William B. Horne"]
    assert canned.group_members(g, "filing:0001213900-24-063150") == gm

    cap = canned.cap_table(g, ISSUER)
    pref = [r for r in cap if r["security"] == "Series C Convertible Preferred Stock"]
    assert pref == [{"security_id": pref[0]["security_id"], "security": "Series C Convertible Preferred Stock",
                     "converts_into_id": "cusip:09175M507", "holder_id": ac, "holder": "Ault & Company, Inc.",
                     "shares": "44000", "underlying_shares": "200000000", "percent": None,
                     "percent_bound": None}]
    # "less than 1%" stays a bound, in holdings and in the cap table
    small = [r for r in cap if r["holder"] == "William B. Horne" and r["percent"] is not None]
    assert small and all(r["percent"] == 1.0 and r["percent_bound"] == "<" for r in small)
    (horne,) = _ids(st, "William B. Horne")
    assert [r["percent_bound"] for r in canned.holdings(g, horne) if r["basis"] == "beneficial"] == ["<"]
    common = [r for r in cap if r["security_id"] == "cusip:09175M507"]
    assert all(r["converts_into_id"] is None for r in common)
    # beneficial + component rows for each of the five holders
    assert len(common) == 10
    assert [r["security_id"] for r in cap] == sorted(r["security_id"] for r in cap)


def test_unknown_ids_give_no_rows(seed_graph):
    _, g = seed_graph
    assert canned.who_controls(g, "cik:0000000000") == []
    assert canned.holdings(g, "nobody") == []
    assert canned.group_members(g, "nope") == []
    assert canned.run(g, "who_controls", issuer_id=ISSUER) == canned.who_controls(g, ISSUER)


def test_superseded_position_is_not_current(store):
    base = seed_like()
    store.add(base.facts())
    later = FB("0001213900-24-099999", "2024-09-01", form="SC 13D/A", amendment_no=9, shares_outstanding=40000000)
    later.org("issuer", "Ault Alliance, Inc.", cik=1086745, issuer=True)
    later.security("common", "Class A Common Stock", "issuer", cusip="09175M507")
    later.org("ac", "Ault & Company, Inc.", filer=True)
    later.holds("ac", "common", 0, "0", sv=0, shv=0, sd=0, shd=0)
    store.add(later.facts())
    g = graph_view(store)
    rows = {r["controller"]: r for r in canned.who_controls(g, ISSUER)}
    assert rows["Ault & Company, Inc."]["percent"] == 0
    import datetime as dt
    old = {r["controller"]: r for r in canned.who_controls(graph_view(store, as_of=dt.date(2024, 8, 1)), ISSUER)}
    assert old["Ault & Company, Inc."]["percent"] == pytest.approx(85.72)


def test_repeated_filings_do_not_duplicate_rows(store):
    """Every filing restates ISSUED_BY; securities and chains must still come once."""
    store.add(seed_like().facts())
    store.add(seed_like(accession="0001213900-24-070000", event="2024-08-01").facts())
    g = graph_view(store)
    cap = canned.cap_table(g, ISSUER)
    keys = [(r["security_id"], r["converts_into_id"], r["holder_id"], r["shares"], r["percent"]) for r in cap]
    assert len(keys) == len(set(keys)) and len(cap) == 17
    chains = canned.control_chain(g, "organization:ault and company", ISSUER)
    assert len(chains) == 1 and chains[0]["percent"] == pytest.approx(85.72)
    from ownergraph.queries.control import who_controls as engine

    rep = engine(g, ISSUER)
    assert len(rep.classes) == 1 and len(rep.groups) == 1  # only the newest filing's group is current


# ----------------------------------------------------------------- invariants on random graphs

from decimal import Decimal  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as hs  # noqa: E402

from ownergraph.graph.model import Edge, EdgeKind, Node, NodeKind  # noqa: E402
from ownergraph.graph.view import build_graph  # noqa: E402

_N = 7


@hs.composite
def _random_graph(draw):
    nodes = [Node(id=f"o{i}", kind=NodeKind.ORGANIZATION, name=f"Org {i}") for i in range(_N)]
    nodes += [Node(id=f"s{i}", kind=NodeKind.SECURITY, name=f"Stock {i}") for i in range(_N)]
    edges = [Edge(id=f"ib{i}", type=EdgeKind.ISSUED_BY, source=f"s{i}", target=f"o{i}", filing_id="f",
                  section="header") for i in range(_N)]
    for k, (a, b, kind, pct) in enumerate(draw(hs.lists(
            hs.tuples(hs.integers(0, _N - 1), hs.integers(0, _N - 1), hs.sampled_from(["C", "H"]),
                      hs.one_of(hs.none(), hs.integers(0, 100))), max_size=18))):
        if a == b:
            continue
        if kind == "C":
            edges.append(Edge(id=f"c{k}", type=EdgeKind.CONTROLS, source=f"o{a}", target=f"o{b}", filing_id="f",
                              section="Item 2"))
        else:
            props = {"basis": "beneficial"}
            if pct is not None:
                props["percent"] = Decimal(pct)
            edges.append(Edge(id=f"h{k}", type=EdgeKind.HOLDS, source=f"o{a}", target=f"s{b}", props=props,
                              filing_id="f", section="cover page 1, row 11"))
    return build_graph(nodes, edges)


@settings(max_examples=150, deadline=None)
@given(_random_graph())
def test_who_controls_is_the_best_chain_per_controller(g):
    rows = canned.who_controls(g, "o0")
    assert len({r["controller_id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["path"][0] == r["controller_id"] and r["path"][-1] == "o0"
        assert len(set(r["path"])) == len(r["path"]) and 1 <= r["depth"] == len(r["path"]) - 1 <= canned.MAX_DEPTH
        chains = canned.control_chain(g, r["controller_id"], "o0")
        assert chains, "a controller has at least one chain"
        best = chains[0]
        assert (best["percent"] is None) == (r["percent"] is None)
        if r["percent"] is not None:
            assert r["percent"] == pytest.approx(best["percent"])
            assert 0 <= r["percent"] <= 100
        for c in chains:
            assert len(set(c["path"])) == len(c["path"]) and len(c["path"]) - 1 <= canned.MAX_DEPTH
    keys = [((1, 0.0) if r["percent"] is None else (0, -r["percent"]), r["controller"]) for r in rows]
    assert keys == sorted(keys)


@settings(max_examples=150, deadline=None)
@given(_random_graph())
def test_control_engine_never_loops_or_double_counts(g):
    from ownergraph.queries.control import who_controls as engine

    g.graph["filings"] = {}
    for by in ("voting", "economic"):
        rep = engine(g, "o0", by=by)
        for lst in (rep.controllers, rep.significant, rep.reportable, rep.holders):
            for p in lst:
                for c in p.chains:
                    assert len(set(c.path)) == len(c.path)
        for cyc in rep.cycles:
            assert cyc[0] == cyc[-1] and len(set(cyc[:-1])) == len(cyc) - 1
