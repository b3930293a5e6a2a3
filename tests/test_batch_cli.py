"""Batches through the real CLI: bad files never stop good ones.

Exit codes: 0 every file loaded (or already there), 1 some files failed (the
rest loaded), 2 could not run.  Every bad file is reported with its reason, in
the human summary (stderr) and in ``--json``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ownergraph import loaders as L
from ownergraph.cli import app
from ownergraph.graph.store import Store

from _reliability import loadable_filings
from _synth_loader import MAGIC, registered, synth_filing

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "300"})


@pytest.fixture
def synth():
    with registered() as ld:
        yield ld


@pytest.fixture
def buggy_loader():
    """A loader with a bug (it divides by zero): the batch must survive it and call it internal."""
    def parse(data, source):
        return 1 // 0

    ld = L.Loader(name="buggy-test", family="buggy", sniff=lambda d: 1.0 if d.startswith(b"BUGGY-TEST") else 0.0,
                  parse=parse)
    with registered(ld):
        yield ld


def make_batch(d: Path, good: int = 6) -> tuple[list[Path], dict[str, str]]:
    """``good`` valid filings and a zoo of bad ones; returns (good paths, {bad path: expected reason})."""
    d.mkdir(parents=True, exist_ok=True)
    goods = []
    for i in range(good):
        p = d / f"good_{i}.txt"
        p.write_bytes(synth_filing(i))
        goods.append(p)
    bad = {}
    (d / "empty.txt").write_bytes(b"")
    bad[str(d / "empty.txt")] = "empty"
    (d / "blank.txt").write_bytes(b"  \n\t \n")
    bad[str(d / "blank.txt")] = "empty"
    (d / "random.bin").write_bytes(bytes(range(256)) * 8)
    bad[str(d / "random.bin")] = "not a supported filing"
    (d / "truncated.txt").write_bytes(synth_filing(99)[:60])
    bad[str(d / "truncated.txt")] = "missing"
    (d / "badnumber.txt").write_bytes(synth_filing(98).replace(b"|1000|", b"|lots|"))
    bad[str(d / "badnumber.txt")] = "not a number"
    (d / "latin1.txt").write_bytes(synth_filing(97).replace(b"Holder", "H\u00f6lder".encode("latin-1")))
    bad[str(d / "latin1.txt")] = "not UTF-8"
    sub = d / "nested" / "deeper"
    sub.mkdir(parents=True)
    (sub / "attack.xml").write_bytes(
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><r>&b;</r>')
    bad[str(sub / "attack.xml")] = ""  # no loader claims it, or an XML loader refuses it: any clear reason
    (sub / "good_nested.txt").write_bytes(synth_filing(50))
    goods.append(sub / "good_nested.txt")
    return goods, bad


def test_batch_with_bad_files_loads_every_good_file(tmp_path, synth):
    goods, bad = make_batch(tmp_path / "in")
    missing = tmp_path / "in" / "does-not-exist.txt"
    bad[str(missing)] = "no such file"
    db = tmp_path / "og.db"
    r = run("load", tmp_path / "in", missing, "--store", db, "--json")
    assert r.exit_code == 1, r.output
    out = json.loads(r.stdout)
    s = out["summary"]
    assert s["files"] == len(goods) + len(bad)
    assert s["loaded"] == len(goods) and s["failed"] == len(bad) and s["unchanged"] == 0
    assert {x["file"] for x in out["results"]} == {str(p) for p in goods}
    failures = {x["file"]: x["error"] for x in out["failures"]}
    assert set(failures) == set(bad)
    for f, reason in bad.items():
        assert failures[f], f
        assert reason.lower() in failures[f].lower(), (f, failures[f])
        assert "traceback" not in failures[f].lower()
    with Store(db, readonly=True) as st:
        assert st.counts()["filings"] == len(goods)
        ids = {f.id for f in st.filings()}
    assert ids == {L.load_path(p).filing.id for p in goods}


def test_human_summary_names_every_bad_file_and_reason(tmp_path, synth):
    goods, bad = make_batch(tmp_path / "in", good=2)
    r = run("load", tmp_path / "in", "--store", tmp_path / "og.db")
    assert r.exit_code == 1
    assert f"{len(goods)} loaded, 0 unchanged, {len(bad)} failed" in r.stdout
    tail = r.stderr.split(f"{len(bad)} failed:", 1)
    assert len(tail) == 2, r.stderr  # the summary lists the failures again at the end
    summary_lines = [ln.strip() for ln in tail[1].strip().splitlines()]
    assert len(summary_lines) == len(bad)
    for f in bad:
        assert any(ln.startswith(f + ": ") and len(ln) > len(f) + 3 for ln in summary_lines), f
    failed_lines = [ln for ln in r.stderr.splitlines() if ln.startswith("failed ")]
    assert len(failed_lines) == len(bad)  # one line per bad file, never wrapped
    assert "Traceback" not in r.output


def test_all_good_exits_zero_and_reload_changes_nothing(tmp_path, synth):
    d = tmp_path / "in"
    d.mkdir()
    for i in range(5):
        (d / f"f{i}.txt").write_bytes(synth_filing(i))
    db = tmp_path / "og.db"
    r = run("load", d, "--store", db, "--json")
    assert r.exit_code == 0, r.output
    first = json.loads(r.stdout)["summary"]
    assert first["loaded"] == 5 and first["failed"] == 0
    r = run("load", d, "--store", db, "--json")
    assert r.exit_code == 0
    again = json.loads(r.stdout)["summary"]
    assert again["loaded"] == 0 and again["unchanged"] == 5
    assert again["counts"] == first["counts"]


def test_loader_bug_is_reported_as_internal_and_batch_continues(tmp_path, synth, buggy_loader):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_bytes(synth_filing(1))
    (d / "b.txt").write_bytes(b"BUGGY-TEST payload")
    (d / "c.txt").write_bytes(synth_filing(2))
    r = run("load", d, "--store", tmp_path / "og.db", "--json")
    assert r.exit_code == 1
    out = json.loads(r.stdout)
    assert out["summary"]["loaded"] == 2
    (fail,) = out["failures"]
    assert fail["file"] == str(d / "b.txt")
    assert "internal error" in fail["error"] and "ZeroDivisionError" in fail["error"]


def test_store_error_on_one_file_does_not_stop_the_batch(tmp_path, synth):
    """A filing whose facts the store rejects (here: same accession, different bytes) is 'unchanged', not fatal."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_bytes(synth_filing(1))
    (d / "a_copy_other_bytes.txt").write_bytes(synth_filing(1) + b"\n\n")
    (d / "b.txt").write_bytes(synth_filing(2))
    r = run("load", d, "--store", tmp_path / "og.db", "--json")
    assert r.exit_code == 0, r.output
    s = json.loads(r.stdout)["summary"]
    assert (s["loaded"], s["unchanged"], s["counts"]["filings"]) == (2, 1, 2)


@pytest.mark.parametrize("kind", ["directory", "not-sqlite", "parent-is-a-file", "grandparent-is-a-file"])
def test_cannot_run_exits_two_with_one_line(tmp_path, synth, kind):
    (tmp_path / "a.txt").write_bytes(synth_filing(1))
    if kind == "directory":
        db = tmp_path / "store_is_a_dir"
        db.mkdir()
    elif kind == "not-sqlite":
        db = tmp_path / "garbage.db"
        db.write_bytes(b"this is not a database" * 100)
    elif kind == "parent-is-a-file":
        db = tmp_path / "a.txt" / "og.db"
    else:
        db = tmp_path / "a.txt" / "sub" / "og.db"
    r = run("load", tmp_path / "a.txt", "--store", db)
    assert r.exit_code == 2, r.output
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and str(db) in lines[0], r.stderr
    assert "Traceback" not in r.output


def test_nothing_to_load_exits_two(tmp_path, synth):
    empty = tmp_path / "empty_dir"
    empty.mkdir()
    r = run("load", empty, "--store", tmp_path / "og.db", "--json")
    assert r.exit_code == 2
    assert json.loads(r.stdout)["summary"]["files"] == 0


def test_markup_in_file_names_and_queries_is_printed_verbatim(tmp_path, synth):
    d = tmp_path / "in"
    d.mkdir()
    p = d / "[bold]x[red]y.txt"
    p.write_bytes(b"garbage that is no filing")
    r = run("load", p, "--store", tmp_path / "og.db")
    assert r.exit_code == 1
    assert str(p) in r.stderr
    r = run("show", "[/]", "--store", tmp_path / "og.db")
    assert r.exit_code == 2 and "[/]" in r.stderr and "Traceback" not in r.output


RUNNER = (
    "import sys; sys.path.insert(0, {tests!r}); import _synth_loader; _synth_loader.register_now(); "
    "from ownergraph.cli import main; sys.argv = ['ownergraph'] + sys.argv[1:]; main()"
)


def cli_subprocess(*args, cwd=None):
    return subprocess.run([sys.executable, "-c", RUNNER.format(tests=str(TESTS)), *map(str, args)],
                          capture_output=True, text=True, cwd=cwd or ROOT, timeout=120)


def test_real_process_exit_codes_and_no_traceback(tmp_path):
    goods, bad = make_batch(tmp_path / "in", good=2)
    db = tmp_path / "og.db"
    p = cli_subprocess("load", tmp_path / "in", "--store", db)
    assert p.returncode == 1, p.stderr
    assert "Traceback" not in p.stderr and "Traceback" not in p.stdout
    # one line per bad file, not wrapped to the (80-column) width of a pipe
    lines = p.stderr.splitlines()
    assert len([ln for ln in lines if ln.startswith("failed ")]) == len(bad), p.stderr
    assert all(ln.startswith(("failed ", f"{len(bad)} failed:", f"  {tmp_path}")) for ln in lines), p.stderr
    p = cli_subprocess("load", *goods, "--store", db)
    assert p.returncode == 0, p.stderr
    p = cli_subprocess("load", *goods, "--store", tmp_path)  # a directory is no store
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1


def test_real_filings_batch(tmp_path, shared_filings, seed_path):
    """Every shared development filing plus garbage: each is loaded or reported, never lost."""
    loadable = loadable_filings(shared_filings, seed_path)
    files = [p for p in sorted(shared_filings.rglob("*")) if p.is_file() and p.suffix not in (".json", ".md")]
    junk = tmp_path / "junk.xml"
    junk.write_bytes(b"<edgarSubmission><broken")
    r = run("load", shared_filings, seed_path, junk, "--store", tmp_path / "og.db", "--json")
    out = json.loads(r.stdout)
    assert r.exit_code == 1
    got = {x["file"] for x in out["results"]} | {x["file"] for x in out["failures"]}
    assert got == {str(p) for p in files + [seed_path, junk]}
    assert {x["file"] for x in out["results"]} == {str(p) for p in loadable}
    assert all(x["error"] for x in out["failures"])
    assert not any("internal error" in x["error"] for x in out["failures"]), out["failures"]


def test_devices_and_fifos_are_refused_not_read(tmp_path, synth):
    """/dev/zero would never end and a FIFO would block: both are reported, the batch goes on."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_bytes(synth_filing(1))
    os.mkfifo(d / "pipe.txt")
    r = run("load", d, "/dev/zero", "--store", tmp_path / "og.db", "--json")
    assert r.exit_code == 1, r.output
    out = json.loads(r.stdout)
    assert out["summary"]["loaded"] == 1
    fails = {f["file"]: f["error"] for f in out["failures"]}
    assert set(fails) == {str(d / "pipe.txt"), "/dev/zero"}
    assert all("not a regular file" in e for e in fails.values())
