"""Neo4j through the official ``neo4j`` driver.

* Writes go through managed transactions (``session.execute_write``): the
  driver retries transient errors (deadlocks, leader changes), which is safe
  because every statement the writer sends is idempotent (MERGE on ids).
* Reads go through ``session.execute_read`` in READ access mode, so the
  ``ownergraph cypher`` command cannot change the database.
* Failures become one line: the server cannot be reached, the user or
  password is wrong, the database does not exist.

The same class also talks to FalkorDB's experimental Bolt port (used for a
smoke test only).  When the dialect says FalkorDB, statements run in
auto-commit mode in write-mode sessions without a database name (that port has
no transactions, and it takes the graph name from the first key of the request
metadata), and parameters are kept small (it crashes on large ones).
"""

from __future__ import annotations

import socket
from typing import Any
from urllib.parse import unquote, urlsplit

from ...errors import BackendError
from .base import Backend
from .dialect import detect


def _plain(v: Any) -> Any:
    from neo4j.graph import Node, Path, Relationship

    if isinstance(v, Node):
        return {"labels": sorted(v.labels), **{k: _plain(x) for k, x in v.items()}}
    if isinstance(v, Relationship):
        return {"type": v.type, **{k: _plain(x) for k, x in v.items()}}
    if isinstance(v, Path):
        return {"nodes": [_plain(n) for n in v.nodes], "relationships": [_plain(r) for r in v.relationships]}
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if hasattr(v, "to_native"):  # neo4j.time types
        return v.to_native()
    return v


class Neo4jBackend(Backend):
    client = "neo4j"
    default_batch_size = 5000

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None, *, timeout: float = 10.0):
        from neo4j import GraphDatabase

        parts = urlsplit(uri)
        host = parts.hostname or "localhost"
        try:
            port = parts.port or 7687
        except ValueError:
            raise BackendError(uri, "the port in the URI is not a number") from None
        self.uri = f"{parts.scheme}://{host}:{port}"
        # credentials in the URI (bolt://user:password@host) are taken out: the driver wants them as auth
        if user is None and parts.username is not None:
            user = unquote(parts.username)  # may be "" (FalkorDB's Bolt port wants an empty user)
        password = password if password is not None else (unquote(parts.password) if parts.password else None)
        uri = self.uri + (f"?{parts.query}" if parts.query else "")
        self.database = database or (parts.path.strip("/") or None)
        self.user = user
        # FalkorDB's Bolt port can hang on a fresh connection unless a plain TCP connect comes first;
        # a plain connect also tells "unreachable" apart from protocol problems.
        try:
            with socket.create_connection((host, port), timeout=timeout):
                pass
        except OSError as e:
            raise BackendError(self.uri, f"cannot reach the server ({e.strerror or e})") from None
        auth = (user if user is not None else "neo4j", password or "") if (user or password) else None
        try:
            self.driver = GraphDatabase.driver(uri, auth=auth, connection_timeout=timeout,
                                               max_transaction_retry_time=15.0)
            self.driver.verify_connectivity()
        except Exception as e:  # noqa: BLE001
            raise self._error(e, connecting=True) from None
        self._autocommit = True  # until we know it is Neo4j
        self.dialect_known = False
        self.dialect = detect(self._detect_run)
        self.dialect_known = True
        if self.dialect.name == "neo4j":
            self._autocommit = False
        else:
            self.max_param_bytes = 3000  # FalkorDB's Bolt side crashes above ~4 KB of parameters
            self.default_batch_size = 20

    # ------------------------------------------------------------ errors
    def _error(self, e: Exception, connecting: bool = False, query: str | None = None) -> BackendError:
        from neo4j import exceptions as ex

        code = getattr(e, "code", None) or ""
        msg = (getattr(e, "message", None) or str(e)).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        if isinstance(e, ex.AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized"):
            return BackendError(self.uri, f"authentication failed for user '{self.user or 'neo4j'}': "
                                          "wrong user or password")
        if code == "Neo.ClientError.Database.DatabaseNotFound" or "database does not exist" in msg.lower():
            return BackendError(self.uri, f"database '{self.database}' does not exist")
        if isinstance(e, (ex.ServiceUnavailable, ex.SessionExpired, OSError)):
            return BackendError(self.uri, f"cannot reach the server ({msg})")
        if connecting:
            # FalkorDB's Bolt port answers a refused login with a generic error during HELLO
            return BackendError(self.uri, f"the server refused the connection (wrong user or password?): {msg}")
        if code == "Neo.ClientError.Statement.AccessMode" or "read access mode" in msg.lower():
            return BackendError(self.uri, "this is a read-only command; the query tries to write")
        return BackendError(self.uri, f"query failed: {msg}")

    # ------------------------------------------------------------ running
    def _session(self, read: bool):
        from neo4j import READ_ACCESS, WRITE_ACCESS

        if self._autocommit and self.dialect_known:
            # FalkorDB's Bolt port takes the graph name from the first key of the request metadata
            # ("mode" for READ sessions, "db" with a database): one plain write-mode session keeps one graph
            return self.driver.session(default_access_mode=WRITE_ACCESS)
        kw = {"default_access_mode": READ_ACCESS if read else WRITE_ACCESS}
        if self.database:
            kw["database"] = self.database
        return self.driver.session(**kw)

    def _detect_run(self, query: str) -> list[dict[str, Any]]:
        # a missing database must not read as "not Neo4j": surface it here
        from neo4j import exceptions as ex

        try:
            with self._session(read=True) as s:
                return [r.data() for r in s.run(query)]
        except ex.ClientError as e:
            if (e.code or "") == "Neo.ClientError.Database.DatabaseNotFound":
                raise self._error(e) from None
            raise

    def _run(self, query: str, params: dict[str, Any] | None, read: bool) -> list[dict[str, Any]]:
        params = params or {}

        def work(tx):  # a managed transaction, or the session itself in auto-commit mode
            return [{k: _plain(v) for k, v in rec.items()} for rec in tx.run(query, params)]

        try:
            with self._session(read) as s:
                if self._autocommit:
                    return work(s)
                return s.execute_read(work) if read else s.execute_write(work)
        except BackendError:
            raise
        except Exception as e:  # noqa: BLE001
            raise self._error(e, query=query) from None

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._run(query, params, read=True)

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        return self._run(query, params, read=False)

    def close(self) -> None:
        try:
            self.driver.close()
        except Exception:  # noqa: BLE001
            pass
