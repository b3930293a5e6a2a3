"""Issuers resolved by their CUSIP number (the first six characters of a CUSIP) across filings.

Real parses of the project's own fixtures into a real SQLite store: two 13F information tables that spell
one issuer differently, and the XML Schedule 13G/A whose subject company (with a CIK) is that issuer.
"""

from __future__ import annotations

import pytest

from ownergraph.graph.build import build_delta, cusip6_alias
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.graph.store import Store
from ownergraph.loaders import load_path

from conftest import FIXTURES

SPELLED = FIXTURES / "resolution" / "infotable_contoso_spelled_out.xml"
ABBREV = FIXTURES / "resolution" / "infotable_contoso_abbreviated.xml"
WITH_CIK = FIXTURES / "xml13" / "13ga_zero_below5.xml"  # issuer cik 0009000200, CUSIP 21036X108
ISSUER_CIK = "cik:0009000200"


def _issuers_of(store: Store, cusip: str) -> set[str]:
    return {e.target for e in store.edges(source=f"cusip:{cusip}", type=EdgeKind.ISSUED_BY)}


def _load(store: Store, *paths) -> None:
    for p in paths:
        assert store.add(load_path(p)).status == "loaded"


def test_cusip6_alias():
    assert cusip6_alias("21036X108") == "issuer:cusip6:21036X"
    assert cusip6_alias("21036 X 10 8") == "issuer:cusip6:21036X"
    assert cusip6_alias("000000000") is None and cusip6_alias(None) is None


def test_one_filing_two_classes_one_issuer():
    d = build_delta(load_path(ABBREV))
    issued = {e.source: e.target for e in d.edges if e.type == EdgeKind.ISSUED_BY}
    assert issued["cusip:21036X108"] == issued["cusip:21036X207"]
    assert issued["cusip:21037Q105"] != issued["cusip:21036X108"]  # a near name, its own CUSIP number
    assert d.aliases["issuer:cusip6:21036X"] == issued["cusip:21036X108"]


def test_two_spellings_in_two_13f_tables_are_one_issuer(tmp_path):
    store = Store(tmp_path / "og.db")
    _load(store, SPELLED, ABBREV)
    (issuer,) = _issuers_of(store, "21036X108")
    assert _issuers_of(store, "21036X207") == {issuer}
    assert store.node(issuer).kind == NodeKind.ORGANIZATION
    # either spelling finds it
    for name in ("CONTOSO EXAMPLE CORP", "Contoso Exmpl Corp"):
        assert [n.id for n in store.find(name, kind=NodeKind.ORGANIZATION)] == [issuer]
    # the near name with its own CUSIP number stays its own issuer
    (other,) = _issuers_of(store, "21037Q105")
    assert other != issuer
    orgs = [n for n in store.nodes(NodeKind.ORGANIZATION) if n.name.upper().startswith("CONTOSO")]
    assert len(orgs) == 2


@pytest.mark.parametrize("order", ["13f_first", "cik_first"])
def test_issuer_with_cik_absorbs_the_13f_issuer(tmp_path, order):
    store = Store(tmp_path / "og.db")
    paths = [SPELLED, ABBREV, WITH_CIK] if order == "13f_first" else [WITH_CIK, SPELLED, ABBREV]
    _load(store, *paths)
    for cusip in ("21036X108", "21036X207"):
        assert _issuers_of(store, cusip) == {ISSUER_CIK}, cusip
    assert store.node("organization:contoso example") is None
    assert store.node("organization:contoso exmpl") is None
    for name in ("CONTOSO EXAMPLE CORP", "CONTOSO EXMPL CORP"):
        assert [n.id for n in store.find(name, kind=NodeKind.ORGANIZATION)] == [ISSUER_CIK]
    # the evidence of the merged names stays with the node
    names = {r[0] for r in store.db.execute(
        "SELECT value FROM node_props WHERE node_id=? AND name='name'", (ISSUER_CIK,))}
    assert {'"CONTOSO EXAMPLE CORP"', '"CONTOSO EXMPL CORP"'} <= names
    # and reloading changes nothing
    before = store.counts()
    for p in paths:
        assert store.add(load_path(p)).status == "unchanged"
    assert store.counts() == before


def test_a_cik_issuer_never_absorbs_another_cik_issuer(tmp_path):
    """Two CIK-keyed organizations that give the same CUSIP number stay two nodes (the first keeps the
    alias): a CIK names exactly one filer."""
    store = Store(tmp_path / "og.db")
    _load(store, WITH_CIK)
    facts = load_path(WITH_CIK)
    data = WITH_CIK.read_bytes().replace(b"0009000200", b"0009000299").replace(b"Contoso Example Corp",
                                                                                  b"Contoso Successor Corp")
    from ownergraph.loaders import load_bytes

    other = load_bytes(data, "successor.xml")
    assert other.filing.sha256 != facts.filing.sha256
    assert store.add(other).status == "loaded"
    assert store.node(ISSUER_CIK) is not None and store.node("cik:0009000299") is not None
    assert store.lookup_alias("issuer:cusip6:21036X") == ISSUER_CIK
