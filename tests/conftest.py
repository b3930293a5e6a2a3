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
