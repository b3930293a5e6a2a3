"""Compressed filings and archives of filings (EDGAR's bulk downloads) through the real loaders and CLI.

A gzip-compressed filing is the filing it holds: same facts, same digest, so loading both changes nothing.
A tar, tar.gz or zip of filings is a batch: every member is loaded like a file of a directory, named
"archive!member"; a bad member fails alone; an archive cut short loads what comes before the cut and names
it.  The archives are built here from the project's own fixtures with the standard library.
"""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ownergraph import loaders as L
from ownergraph.cli import app
from ownergraph.errors import LoadError
from ownergraph.graph.store import Store
from ownergraph.loaders.archives import archive_kind, gunzip

from conftest import FIXTURES

runner = CliRunner()
FILINGS = [FIXTURES / "ownership" / "form3_enumerated_fund_chains.xml",
           FIXTURES / "submission" / "13g_xml_submission.txt",
           FIXTURES / "ex21" / "ex21_dba_column.html"]


def run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "300"})


def _tar(path: Path, files: dict[str, bytes], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as tf:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    return path


def _members() -> dict[str, bytes]:
    """The fixtures, the last one gzip-compressed inside the archive (as the daily feed's .nc members may be)."""
    out = {f"feed/{p.name}": p.read_bytes() for p in FILINGS[:-1]}
    out[f"feed/{FILINGS[-1].name}.gz"] = gzip.compress(FILINGS[-1].read_bytes())
    return out


def test_a_gzip_filing_is_the_filing_it_holds(tmp_path):
    plain = FILINGS[1]
    gz = tmp_path / "filing.nc.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    a, b = L.load_path(plain), L.load_path(gz)
    assert b.filing.sha256 == a.filing.sha256 and b.filing.id == a.filing.id
    assert [e.name for e in b.entities] == [e.name for e in a.entities]
    assert len(b.relations) == len(a.relations) > 0
    with Store(tmp_path / "og.db") as st:
        assert st.add(a).status == "loaded"
        assert st.add(b).status == "unchanged"


@pytest.mark.parametrize("kind", ["tar.gz", "tar", "zip"])
def test_an_archive_loads_every_filing_in_it(tmp_path, kind):
    files = _members()
    files["feed/.hidden.xml"] = b"not read"
    files["feed/README.md"] = b"# notes beside the filings are skipped, as in a directory"
    if kind == "zip":
        arc = tmp_path / "feed.zip"
        with zipfile.ZipFile(arc, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                zf.writestr(name, data)
    else:
        arc = _tar(tmp_path / f"feed.{kind}", files, "w:gz" if kind == "tar.gz" else "w")
    db = tmp_path / "og.db"
    r = run("load", arc, "--store", db, "--json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert out["summary"]["loaded"] == len(FILINGS) and out["summary"]["files"] == len(FILINGS)
    assert sorted(x["file"] for x in out["results"]) == sorted(
        [f"{arc}!feed/{p.name}" for p in FILINGS[:-1]] + [f"{arc}!feed/{FILINGS[-1].name}.gz"])
    with Store(db) as st:
        assert {f.id for f in st.filings()} == {L.load_path(p).filing.id for p in FILINGS}
    # loading the archive again, or its filings one by one, changes nothing
    again = json.loads(run("load", arc, *FILINGS, "--store", db, "--json").output)
    assert again["summary"]["unchanged"] == 2 * len(FILINGS) and again["summary"]["loaded"] == 0


def test_a_bad_member_fails_alone_and_a_cut_archive_keeps_what_came_before(tmp_path):
    files = {"a/one.xml": FILINGS[0].read_bytes(), "a/junk.txt": b"neither a filing nor empty\n",
             "a/two.txt": FILINGS[1].read_bytes()}
    whole = _tar(tmp_path / "whole.tar", files, "w")
    db = tmp_path / "og.db"
    out = json.loads(run("load", whole, "--store", db, "--json").output)
    assert out["summary"]["loaded"] == 2 and [f["file"] for f in out["failures"]] == [f"{whole}!a/junk.txt"]
    assert "not a supported filing" in out["failures"][0]["error"]
    # cut inside the third member: the first two are read, the cut is named, the store holds whole filings only
    cut = tmp_path / "cut.tar"
    data = whole.read_bytes()
    cut.write_bytes(data[:data.index(b"<SEC-HEADER>") + 200] if b"<SEC-HEADER>" in data else data[:2048])
    db2 = tmp_path / "og2.db"
    r = run("load", cut, "--store", db2, "--json")
    assert r.exit_code == 1
    out = json.loads(r.output)
    assert out["summary"]["loaded"] == 1
    assert out["failures"] and all(str(cut) in f["file"] for f in out["failures"])
    assert any("cut short" in f["error"] for f in out["failures"])
    with Store(db2) as st:
        assert [f.id for f in st.filings()] == [L.load_path(FILINGS[0]).filing.id]


def test_broken_compressed_input_is_a_clear_error(tmp_path):
    good = gzip.compress(FILINGS[0].read_bytes())
    with pytest.raises(LoadError, match="x.gz: gzip file is cut short"):
        L.load_bytes(good[: len(good) // 2], "x.gz")
    with pytest.raises(LoadError, match="not a valid gzip file"):
        L.load_bytes(b"\x1f\x8b" + b"\x00" * 40, "y.gz")
    with pytest.raises(LoadError, match="archive of files, not one filing"):
        L.load_bytes(_tar(tmp_path / "t.tar", _members(), "w").read_bytes(), "t.tar")
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(b"\x1f\x8b" + b"\x08" + b"\x00" * 600)
    r = run("load", bad, "--store", tmp_path / "og.db")
    assert r.exit_code == 1 and "bad.tar.gz" in r.output and "Traceback" not in r.output
    r = run("extract", _tar(tmp_path / "e.tar.gz", _members()))
    assert r.exit_code != 0 and "archive of files" in r.output and "Traceback" not in r.output


def test_a_decompression_bomb_stops_at_the_file_limit(tmp_path):
    bomb = gzip.compress(b"<ownershipDocument>" + b" " * 5_000_000)  # 5 MB of spaces in a few KB
    before = L.set_limits(1_000_000)
    try:
        with pytest.raises(LoadError, match="over the 1000000-byte limit"):
            L.load_bytes(bomb, "bomb.gz")
        arc = _tar(tmp_path / "b.tar.gz", {"big.xml": b" " * 1_500_000, "ok.xml": FILINGS[0].read_bytes()})
        out = json.loads(run("load", arc, "--store", tmp_path / "og.db", "--json").output)
        assert out["summary"]["loaded"] == 1
        assert [f["file"] for f in out["failures"]] == [f"{arc}!big.xml"]
        assert "limit" in out["failures"][0]["error"]
    finally:
        L.set_limits(before["max_file_bytes"])


def test_member_names_are_never_paths(tmp_path):
    """A member named "../../escape.xml" is read from the archive, never written anywhere."""
    work = tmp_path / "w"
    work.mkdir()
    arc = _tar(work / "evil.tar.gz", {"../../escape.xml": FILINGS[0].read_bytes(), "/abs.xml": b"x"})
    out = json.loads(run("load", arc, "--store", work / "og.db", "--json").output)
    assert out["summary"]["loaded"] == 1
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(["w", "evil.tar.gz", "og.db"]
                                                                 + [p.name for p in work.glob("og.db-*")])


def test_detection_is_by_content():
    tar_bytes = io.BytesIO()
    with tarfile.open(fileobj=tar_bytes, mode="w") as tf:
        info = tarfile.TarInfo("x.xml")
        info.size = 1
        tf.addfile(info, io.BytesIO(b"x"))
    raw = tar_bytes.getvalue()
    assert archive_kind(raw[:4096]) == "tar"
    assert archive_kind(gzip.compress(raw)[:4096]) == "tar.gz"
    assert archive_kind(gzip.compress(FILINGS[0].read_bytes())[:4096]) is None  # a compressed filing
    assert archive_kind(FILINGS[0].read_bytes()[:4096]) is None
    assert gunzip(gzip.compress(b"a") + gzip.compress(b"b"), "m.gz") == b"ab"  # multi-member stream


def test_an_archive_inside_an_archive_is_read_one_level_deep(tmp_path):
    """A zip of daily .nc.tar.gz feeds (as some mirrors serve EDGAR's bulk data): the filings inside the inner
    archive load, named outer!inner!member; a bad inner archive fails alone; a third level is not descended."""
    inner = _tar(tmp_path / "20250103.nc.tar.gz", _members()).read_bytes()
    third = _tar(tmp_path / "deep.tar", {"x/deeper.tar": _tar(tmp_path / "d.tar", _members(), "w").read_bytes()},
                 "w").read_bytes()
    arc = tmp_path / "feeds.zip"
    with zipfile.ZipFile(arc, "w") as zf:
        zf.writestr("2025/20250103.nc.tar.gz", inner)
        zf.writestr("2025/broken.tar.gz", inner[: len(inner) // 3])
        zf.writestr("2025/deep.tar", third)
    db = tmp_path / "og.db"
    out = json.loads(run("load", arc, "--store", db, "--json").output)
    got = sorted(x["file"] for x in out["results"] if x["status"] == "loaded")
    assert got == sorted([f"{arc}!2025/20250103.nc.tar.gz!feed/{p.name}" for p in FILINGS[:-1]]
                         + [f"{arc}!2025/20250103.nc.tar.gz!feed/{FILINGS[-1].name}.gz"])
    with Store(db) as st:
        assert {f.id for f in st.filings()} == {L.load_path(p).filing.id for p in FILINGS}
    # the cut inner archive gives what comes before its cut (here the same filing again: unchanged), then the cut
    assert [x["status"] for x in out["results"] if "broken.tar.gz" in x["file"]] == ["unchanged"]
    failed = {f["file"]: f["error"] for f in out["failures"]}
    assert any(k.startswith(f"{arc}!2025/broken.tar.gz") and "cut short" in v for k, v in failed.items())
    assert failed[f"{arc}!2025/deep.tar!x/deeper.tar"].startswith("an archive of files")
    assert out["summary"]["loaded"] == len(FILINGS)
