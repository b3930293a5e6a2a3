"""One class of securities, however a filing words it, is one node.

A 13F table knows a class by CUSIP and a terse title ("COM", "CL B"); a Form 4 by its issuer and a title
("Common Stock", "Class B Common Stock, par value $0.001 per share"), never a CUSIP.  Real parses of the
project's own fixtures into a real SQLite store, in both loading orders; and an issuer first known by name,
later by CIK, whose securities follow it.
"""

from __future__ import annotations

import itertools

import pytest

from ownergraph.graph.ids import canonical_class, class_alias
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.graph.store import Store
from ownergraph.loaders import load_path

from _control_facts import FB
from conftest import FIXTURES

SPELLED = FIXTURES / "resolution" / "infotable_contoso_spelled_out.xml"  # COM 21036X108 (spelled-out name)
ABBREV = FIXTURES / "resolution" / "infotable_contoso_abbreviated.xml"  # COM 21036X108, CL B 21036X207
FORM4 = FIXTURES / "resolution" / "form4_contoso_classes.xml"  # issuer CIK 0009000200, no CUSIPs
OFFICER = "cik:0009000291"


@pytest.mark.parametrize("titles", [
    ("CL A", "COM CL A", "Class A Common Stock", "Class A Common Stock, par value $0.0001 per share",
     "SHS CL A", "Class A Ordinary Shares", "CLASS A COMMON SHARES", "Class A common stock, $.01 par value"),
    ("COM", "Common Stock", "Common Shares", "SHS", "Ordinary Shares", "COM NEW", "Capital Stock",
     "Common Shares of Beneficial Interest, par value $0.001 per share", "SH BEN INT",
     "Common Stock, no par value"),
    ("CAP STK CL C", "Class C Capital Stock", "Class C Common Stock"),
    ("SPONSORED ADR", "American Depositary Shares", "ADS", "American Depositary Receipts"),
    ("PFD SER C CONV", "Series C Convertible Preferred Stock", "Convertible Preferred Stock, Series C"),
    ("WTS", "Warrants", "Warrant"),
])
def test_one_class_many_titles(titles):
    assert len({canonical_class(t) for t in titles}) == 1, {t: canonical_class(t) for t in titles}


def test_different_classes_stay_apart():
    titles = ["Common Stock", "Class A Common Stock", "Class B Common Stock", "Series A Preferred Stock",
              "Series B Preferred Stock", "Warrants", "Series C Warrants", "Restricted Stock Units",
              "8% Convertible Promissory Note", "Depositary Units", "American Depositary Shares",
              "Stock Option (Right to Buy) (exercise price $3.74, expiring 2028-04-14)",
              "Stock Option (Right to Buy) (exercise price $8.88, expiring 2029-08-26)"]
    keys = [canonical_class(t) for t in titles]
    assert len(set(keys)) == len(titles), dict(zip(titles, keys))
    assert class_alias(None, "Common Stock") is None and class_alias("cik:0000000001", "") is None


def _securities(store: Store) -> dict[str, str]:
    return {n.id: n.name for n in store.nodes(NodeKind.SECURITY)}


def _held_by_officer(store: Store) -> set[str]:
    return {e.target for e in store.edges(source=OFFICER, type=EdgeKind.HOLDS)}


@pytest.mark.parametrize("order", ["13f_first", "form4_first"])
def test_form4_classes_join_the_13f_cusips(tmp_path, order):
    paths = [SPELLED, ABBREV, FORM4] if order == "13f_first" else [FORM4, SPELLED, ABBREV]
    with Store(tmp_path / "og.db") as store:
        for p in paths:
            assert store.add(load_path(p)).status == "loaded"
        secs = _securities(store)
        assert not [s for s in secs if s.startswith("security:")], secs  # every class found its CUSIP
        assert _held_by_officer(store) == {"cusip:21036X108", "cusip:21036X207"}
        for cusip in ("21036X108", "21036X207"):
            assert {e.target for e in store.edges(source=f"cusip:{cusip}", type=EdgeKind.ISSUED_BY)} == \
                {"cik:0009000200"}
        # the managers' 13F rows and the officer's Form 4 row are on one node
        holders = {e.source for e in store.edges(target="cusip:21036X108", type=EdgeKind.HOLDS)}
        assert OFFICER in holders and len(holders) >= 3
        # the node is named by the issuer-side title, not the 13F table's "CONTOSO EXMPL CORP CL B"
        assert store.node("cusip:21036X108").name == "Common Stock"
        assert store.node("cusip:21036X207").name == "Class B Common Stock, par value $0.001 per share"
        # the Form 4's own title is kept as evidence on the merged node
        names = {r[0] for r in store.db.execute(
            "SELECT value FROM node_props WHERE node_id='cusip:21036X207' AND name='name'")}
        assert '"Class B Common Stock, par value $0.001 per share"' in names
        before = store.counts()
        for p in paths:
            assert store.add(load_path(p)).status == "unchanged"
        assert store.counts() == before


def _named_then_cik(cik_first: bool):
    a = FB("0000000020-24-000001", "2024-01-10")
    a.org("i", "Fabrikam Example, Inc.", issuer=True).security("w", "Series A Warrants", "i")
    a.security("c", "Common Stock, par value $0.01 per share", "i")
    a.person("p", "Jordan Q Sample", filer=True).holds("p", "w", 500, "1.0").holds("p", "c", 900, "2.0")
    b = FB("0000000020-24-000002", "2024-03-10")
    b.org("i", "Fabrikam Example Inc", cik=2020, issuer=True).security("w", "Series A Warrants", "i")
    b.security("c", "COM", "i")
    b.person("q", "Avery R Example", cik=2021, filer=True).holds("q", "w", 700, "1.4").holds("q", "c", 50, "0.1")
    return [b, a] if cik_first else [a, b]


@pytest.mark.parametrize("cik_first", [False, True])
def test_securities_follow_their_issuer_when_it_gets_a_cik(tmp_path, cik_first):
    with Store(tmp_path / "og.db") as store:
        for fb in _named_then_cik(cik_first):
            store.add(fb.facts())
        assert store.node("organization:fabrikam example") is None
        secs = _securities(store)
        assert set(secs) == {"security:cik:0000002020:series a warrants",
                             "security:cik:0000002020:common stock par value 0 01 per share"
                             if not cik_first else "security:cik:0000002020:com"}, secs
        for sid in secs:
            holders = {e.source for e in store.edges(target=sid, type=EdgeKind.HOLDS)}
            assert holders == {"person:jordan q sample", "cik:0000002021"}, (sid, holders)
            assert {e.target for e in store.edges(source=sid, type=EdgeKind.ISSUED_BY)} == {"cik:0000002020"}


def test_graph_database_follows_the_re_keyed_securities(store, graph_backend):
    """Pushed after each filing, the database drops the securities re-keyed under the issuer's CIK."""
    from ownergraph.graph.backends.writer import push

    first, second = _named_then_cik(cik_first=False)
    store.add(first.facts())
    push(store, graph_backend)
    assert graph_backend.read("MATCH (s:Security) WHERE s.id STARTS WITH 'security:organization:' "
                              "RETURN count(s) AS n") == [{"n": 2}]
    store.add(second.facts())
    push(store, graph_backend, filing_ids=["0000000020-24-000002"])
    ids = {r["id"] for r in graph_backend.read("MATCH (s:Security) RETURN s.id AS id")}
    assert ids == set(_securities(store))
    assert graph_backend.counts() == {"nodes": store.counts()["nodes"], "relationships": store.counts()["edges"]}



G13 = FIXTURES / "xml13" / "13g_parent_item7.xml"  # Contoso's 13G: CUSIP 21036X108, the cover's class title


def _graph(store: Store) -> tuple[set, set]:
    nodes = {(n.id, n.kind, n.name) for n in store.nodes()}
    # "seq" is the order of loading itself, "position_key" the ends as they were when the filing was read
    edges = {(e.type, e.source, e.target, e.filing_id, e.section,
              tuple(sorted((k, v) for k, v in e.props.items() if k not in ("seq", "position_key"))))
             for e in store.edges()}
    return nodes, edges


@pytest.mark.parametrize("order", list(itertools.permutations([SPELLED, ABBREV, FORM4, G13])),
                         ids=lambda o: "-".join(p.stem.split("_")[-1] for p in o))
def test_the_graph_does_not_depend_on_the_loading_order(tmp_path, order, request):
    """Two 13F tables (one abbreviating the issuer's name), a Form 4 naming its classes without CUSIPs and a
    13G giving issuer CIK and CUSIP, in every order: the same nodes, names and edges.  The Form 4's classes
    join their CUSIP nodes (was: with the abbreviating table first and the spelled-out one after the Form 4,
    they stayed apart, because the issuer merged under its CIK brought its class aliases only where the CIK
    had none yet); the class is named by the fullest issuer-side title (was: the last one loaded after a 13F
    table, the first otherwise)."""
    titles = {FORM4: "Common Stock", G13: "Class A Common Stock, par value $0.01 per share"}
    with Store(tmp_path / "og.db") as store:
        for p in order:
            assert store.add(load_path(p)).status == "loaded"
        assert _held_by_officer(store) == {"cusip:21036X108", "cusip:21036X207"}
        assert store.node("cusip:21036X108").name == max(titles.values(), key=len)
        names = {r[0] for r in store.db.execute(
            "SELECT value FROM node_props WHERE node_id='cusip:21036X108' AND name='name'")}
        assert {f'"{t}"' for t in titles.values()} <= names, names  # every title stays as evidence
        graph = _graph(store)
    with Store(tmp_path / "ref.db") as ref:
        for p in sorted(order):
            ref.add(load_path(p))
        assert graph == _graph(ref)
