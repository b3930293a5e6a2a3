"""Limits: what happens with very large filings (documented in docs/guarantees.md).

* A filing over ``max_file_bytes`` (default 200 MiB) is refused before it is read.
* An XML document over ``max_xml_bytes`` (default 100 MiB) is refused before parsing;
  a 100 MB XML filing is under it and loads.
* 500 reporting persons load, in XML and in text.
* A 100,000-row 13F information table loads (when a 13F loader is registered).
Peak memory and time are measured by ``bench/bench_limits.py``, not here.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from ownergraph import loaders as L
from ownergraph.errors import LoadError
from ownergraph.graph.model import EdgeKind
from ownergraph.graph.store import Store

from _gen_filings import form13f_infotable, schedule13d_xml, schedule13g_text

MB100 = 100_000_000


def padded_13d_xml(size: int) -> bytes:
    """A valid 13D XML of ``size`` bytes: the bulk is many small elements no loader reads."""
    base = schedule13d_xml(3)
    i = base.index(b"</reportingPersons>")
    unit = b"<remark>" + b"x" * 84 + b"</remark>\n"
    body = unit * ((size - len(base)) // len(unit))
    return base[:i] + body + b" " * (size - len(base) - len(body)) + base[i:]


def test_over_file_limit_is_refused_without_reading(tmp_path):
    p = tmp_path / "huge.xml"
    with open(p, "wb") as f:  # sparse: 300 MB on paper, nothing on disk
        f.truncate(300 * 1024 * 1024)
    with pytest.raises(LoadError) as ei:
        L.load_path(p)
    assert ei.value.source == str(p)
    assert f"over the {L.limits()['max_file_bytes']}-byte limit" in ei.value.problem
    assert "314572800 bytes" in ei.value.problem


def test_over_xml_limit_is_refused_before_parsing():
    data = padded_13d_xml(L.limits()["max_xml_bytes"] + 1)
    with pytest.raises(LoadError) as ei:
        L.load_bytes(data, "big13d.xml")
    assert ei.value.source == "big13d.xml"
    assert f"over the {L.limits()['max_xml_bytes']}-byte limit" in ei.value.problem


def test_100mb_xml_filing_loads():
    data = padded_13d_xml(MB100)
    assert len(data) == MB100 <= L.limits()["max_xml_bytes"]
    facts = L.load_bytes(data, "big13d.xml")
    del data
    holds = [r for r in facts.relations if r.type == EdgeKind.HOLDS and r.props.get("basis") == "beneficial"]
    assert len(facts.filing.filer_keys) == 3
    assert sorted(r.props["shares"] for r in holds) == [Decimal(1000), Decimal(2000), Decimal(3000)]


def _persons_check(facts, n):
    assert len(facts.filing.filer_keys) == n
    names = {facts.entity(k).name for k in facts.filing.filer_keys}
    assert len(names) == n
    holds = {r.source: r for r in facts.relations if r.type == EdgeKind.HOLDS and r.props.get("basis") == "beneficial"}
    assert set(holds) == set(facts.filing.filer_keys)
    assert sorted(r.props["shares"] for r in holds.values()) == [Decimal(1000 * i) for i in range(1, n + 1)]


def test_500_reporting_persons_xml(tmp_path):
    facts = L.load_bytes(schedule13d_xml(500), "rp500.xml")
    _persons_check(facts, 500)
    with Store(tmp_path / "og.db") as st:
        r = st.add(facts)
        assert r.status == "loaded"
        assert sum(1 for _ in st.edges(type=EdgeKind.FILED)) == 500
        assert sum(1 for _ in st.edges(type=EdgeKind.HOLDS)) >= 500


def test_500_reporting_persons_text(tmp_path):
    data = schedule13g_text(500)
    try:
        facts = L.load_bytes(data, "rp500.txt")
    except LoadError as e:
        if "not a supported filing" in str(e):
            pytest.skip("no text Schedule 13G loader registered yet")
        raise
    _persons_check(facts, 500)
    with Store(tmp_path / "og.db") as st:
        assert st.add(facts).status == "loaded"


def _has_13f_loader() -> bool:
    return any(ld.family in ("13f", "form13f") or "13f" in ld.name for ld in L.loaders().values())


def test_100k_row_13f_loads():
    if not _has_13f_loader():
        pytest.skip("no 13F loader registered yet")
    rows, positions = 100_000, 5_000  # a large manager: many rows (discretion, other managers) per CUSIP
    data = form13f_infotable(rows, positions)
    facts = L.load_bytes(data, "infotable100k.xml")
    del data
    holds = [r for r in facts.relations if r.type == EdgeKind.HOLDS]
    assert len({(r.source, r.target) for r in holds}) == positions
    assert sum(r.props["shares"] for r in holds) == sum(100 + i for i in range(rows))


def test_13f_with_many_empty_rows_loads():
    """Empty rows are skipped in linear time (this once compared every row with every empty row)."""
    if not _has_13f_loader():
        pytest.skip("no 13F loader registered yet")
    real = form13f_infotable(20_000, 2_000)
    i = real.index(b"</informationTable>")
    data = real[:i] + b"<infoTable></infoTable>\n" * 20_000 + real[i:]
    facts = L.load_bytes(data, "empties.xml")
    holds = [r for r in facts.relations if r.type == EdgeKind.HOLDS]
    assert len({(r.source, r.target) for r in holds}) == 2_000
    assert sum(r.props["shares"] for r in holds) == sum(100 + i for i in range(20_000))
    assert any("20000 empty" in w for w in facts.warnings)
