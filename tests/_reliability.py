"""Helpers for the crash-safety and concurrency tests: real CLI subprocesses, store checks."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from ownergraph import loaders as L
from ownergraph.graph.build import build_delta
from ownergraph.graph.store import Store

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent

RUNNER = (
    "import sys; sys.path.insert(0, {tests!r}); import _synth_loader; _synth_loader.register_now(); "
    "from ownergraph.cli import main; sys.argv = ['ownergraph'] + sys.argv[1:]; main()"
)


def cli_cmd(*args) -> list[str]:
    return [sys.executable, "-c", RUNNER.format(tests=str(TESTS)), *map(str, args)]


def start_load(db: Path, *paths) -> subprocess.Popen:
    return subprocess.Popen(cli_cmd("load", *paths, "--store", db, "--quiet"), cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def run_load(db: Path, *paths) -> subprocess.CompletedProcess:
    return subprocess.run(cli_cmd("load", *paths, "--store", db, "--json"), cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def filings_count(db: Path) -> int:
    """Committed filings, read the way any other reader would (a separate connection)."""
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return con.execute("SELECT count(*) FROM filings").fetchone()[0]
        finally:
            con.close()
    except sqlite3.OperationalError:  # schema not created yet
        return 0


def integrity(db: Path) -> str:
    con = sqlite3.connect(str(db), timeout=30)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def expected_rows(paths) -> dict[str, dict[str, int]]:
    """Per filing id: the edges and node evidence rows a complete write holds (from a fresh build)."""
    out = {}
    for p in paths:
        facts = L.load_path(p)
        d = build_delta(facts)
        out[facts.filing.id] = {"edges": len({e.id for e in d.edges}),
                                "node_props": len({(n.node_id, n.name, str(n.value), n.section)
                                                   for n in d.node_props})}
    return out


def check_whole_or_absent(db: Path, expected: dict[str, dict[str, int]]) -> set[str]:
    """Every filing in the store is complete; nothing in the store belongs to an absent filing.

    Returns the ids present."""
    assert integrity(db) == "ok"
    with Store(db) as st:  # opens cleanly, read-write
        present = {r[0] for r in st.db.execute("SELECT id FROM filings")}
        assert present <= set(expected)
        for fid in present:
            n_edges = st.db.execute("SELECT count(*) FROM edges WHERE filing_id=?", (fid,)).fetchone()[0]
            n_props = st.db.execute("SELECT count(*) FROM node_props WHERE filing_id=?", (fid,)).fetchone()[0]
            assert n_edges == expected[fid]["edges"], fid
            assert n_props == expected[fid]["node_props"], fid
        orphans = st.db.execute(
            "SELECT count(*) FROM edges WHERE filing_id NOT IN (SELECT id FROM filings)").fetchone()[0]
        assert orphans == 0
        orphan_props = st.db.execute(
            "SELECT count(*) FROM node_props WHERE filing_id NOT IN (SELECT id FROM filings)").fetchone()[0]
        assert orphan_props == 0
        dangling = st.db.execute(
            "SELECT count(*) FROM edges WHERE source NOT IN (SELECT id FROM nodes)"
            " OR target NOT IN (SELECT id FROM nodes)").fetchone()[0]
        assert dangling == 0
    return present


def snapshot(db: Path) -> dict:
    """Everything that defines the graph, for comparing two stores."""
    with Store(db, readonly=True) as st:
        return {
            "counts": st.counts(),
            "filings": sorted(r[0] for r in st.db.execute("SELECT id FROM filings")),
            "nodes": sorted(tuple(r) for r in st.db.execute("SELECT id, kind, name, props FROM nodes")),
            "edges": sorted(tuple(r) for r in st.db.execute(
                "SELECT id, type, source, target, props, filing_id, section FROM edges")),
            "aliases": sorted(tuple(r) for r in st.db.execute("SELECT alias, node_id FROM aliases")),
        }


def development_files(shared_filings: Path) -> list[Path]:
    """Every filing under ../shared/filings (not MANIFEST.md or truth.json)."""
    return [p for p in sorted(Path(shared_filings).rglob("*")) if p.is_file() and p.suffix not in (".json", ".md")]


def load_into(store: Store, paths, skip: type[Exception] | tuple[type[Exception], ...] | None = None) -> int:
    """Add each filing to ``store``; those raising ``skip`` (default: not a supported format) are left out.
    Returns how many were added."""
    from ownergraph.errors import UnsupportedFormat

    n = 0
    for p in paths:
        try:
            store.add(L.load_path(p))
            n += 1
        except skip or UnsupportedFormat:
            continue
    return n


def loadable_filings(shared_filings: Path, seed_path: Path) -> list[Path]:
    """The development filings (and the seed) that some registered loader reads; skips when there are none."""
    import pytest

    from ownergraph.errors import LoadError

    files = development_files(shared_filings)
    loadable = []
    for p in files + [seed_path]:
        try:
            L.load_path(p)
            loadable.append(p)
        except LoadError:
            pass
    if not loadable:
        pytest.skip("no registered loader reads the development filings yet")
    return loadable

