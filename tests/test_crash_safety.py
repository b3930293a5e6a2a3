"""Crash safety of the embedded store: SIGKILL a real bulk load in mid-run.

After each kill: the store opens cleanly (integrity_check ok), every filing is
wholly present or wholly absent, and re-running the same load completes it with
no duplicates -- the result is identical to an uninterrupted load.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

from ownergraph import loaders as L
from ownergraph.graph.store import Store

from _reliability import (
    loadable_filings,
    check_whole_or_absent,
    expected_rows,
    filings_count,
    integrity,
    run_load,
    snapshot,
    start_load,
)
from _synth_loader import registered, synth_filing

N = 200


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    paths = []
    for i in range(N):
        p = d / f"f{i:04d}.txt"
        # shared issuers and people across filings, so later filings resolve against earlier ones
        p.write_bytes(synth_filing(i, holders=8, issuer=i % 37))
        paths.append(p)
    with registered():
        exp = expected_rows(paths)
    return d, paths, exp


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    d, _, _ = corpus
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    p = run_load(db, d)
    assert p.returncode == 0, p.stderr
    return snapshot(db)


def kill_when(proc, db, at_least: int) -> int:
    """SIGKILL ``proc`` once the store holds ``at_least`` committed filings; returns the count seen."""
    seen = 0
    while proc.poll() is None:
        seen = filings_count(db)
        if seen >= at_least:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    proc.wait()
    return seen


def test_sigkill_mid_load_then_rerun(corpus, reference, tmp_path):
    d, paths, exp = corpus
    db = tmp_path / "og.db"
    killed = 0
    for threshold in (15, 80, 150):
        proc = start_load(db, d)
        seen = kill_when(proc, db, threshold)
        if proc.returncode == -signal.SIGKILL:
            killed += 1
        present = check_whole_or_absent(db, exp)
        assert len(present) >= seen
    assert killed >= 2, f"the load finished before it could be killed ({killed} kills); raise N"
    p = run_load(db, d)
    assert p.returncode == 0, p.stderr
    assert check_whole_or_absent(db, exp) == set(exp)
    assert snapshot(db) == reference  # no duplicates, nothing missing, same resolution
    p = run_load(db, d)  # and once more: reloading everything changes nothing
    assert p.returncode == 0
    assert snapshot(db) == reference


def test_sigkill_leaves_no_hot_lock(corpus, tmp_path):
    """After a kill, a new writer gets the lock at once (no stale lock from the dead process)."""
    d, paths, exp = corpus
    db = tmp_path / "og.db"
    proc = start_load(db, d)
    kill_when(proc, db, 40)
    with registered():
        with Store(db, timeout=5) as st:
            before = st.counts()["filings"]
            extra = tmp_path / "extra.txt"
            extra.write_bytes(synth_filing(10_000, holders=2))
            r = st.add(L.load_path(extra))
            assert r.status == "loaded"
            assert st.counts()["filings"] == before + 1
    assert integrity(db) == "ok"


def test_failed_write_leaves_nothing_behind(tmp_path):
    """A filing whose write fails half-way (a bug raised inside the transaction) leaves no rows."""
    with registered():
        facts = L.load_bytes(synth_filing(1, holders=5), "a.txt")
        good = L.load_bytes(synth_filing(2, holders=5), "b.txt")
    with Store(tmp_path / "og.db") as st:
        st.add(good)
        before = st.counts()
        real_write = st._write_delta

        def half_then_crash(f, delta):
            real_write(f, delta)  # every row of the filing written ...
            raise RuntimeError("simulated crash after the rows, before COMMIT")

        st._write_delta = half_then_crash
        with pytest.raises(RuntimeError):
            st.add(facts)
        st._write_delta = real_write
        assert st.counts() == before
        assert st.add(facts).status == "loaded"
        assert st.counts()["filings"] == before["filings"] + 1


def test_reload_real_filings_changes_no_counts(tmp_path, shared_filings, seed_path):
    loadable = loadable_filings(shared_filings, seed_path)
    with Store(tmp_path / "og.db") as st:
        for p in loadable:
            st.add(L.load_path(p))
        first = st.counts()
        for p in reversed(loadable):
            assert st.add(L.load_path(p)).status == "unchanged"
        assert st.counts() == first
    assert integrity(tmp_path / "og.db") == "ok"


@pytest.mark.parametrize("damage", ["bad-utf8", "bad-json"])
def test_damaged_store_is_one_clear_line(tmp_path, damage):
    """Content damaged on disk (not by a crash) fails on read with one line naming the store, never a traceback."""
    import sqlite3

    from typer.testing import CliRunner

    from ownergraph.cli import app

    db = tmp_path / "og.db"
    with registered():
        with Store(db) as st:
            st.add(L.load_bytes(synth_filing(1, holders=2), "a.txt"))
    con = sqlite3.connect(db)
    value = "CAST(x'7b22ff22' AS TEXT)" if damage == "bad-utf8" else "'{\"broken'"
    con.execute(f"UPDATE nodes SET props = {value}")
    con.commit()
    con.close()
    for args in (["show", "Issuer 1 Corp"], ["who-controls", "Issuer 1 Corp"], ["holdings", "Holder 1-0 Smith"]):
        r = CliRunner().invoke(app, [*args, "--store", str(db)])
        assert r.exit_code == 2, (args, r.output)
        lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and lines[0].startswith(f"error: {db}: the store could not be read"), r.stderr
        assert r.exception is None or isinstance(r.exception, SystemExit)
