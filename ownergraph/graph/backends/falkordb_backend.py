"""FalkorDB through the ``falkordb`` client (Redis protocol).

URIs: ``redis://[user:password@]host[:port]``, ``rediss://`` (TLS), and the
aliases ``falkor://`` / ``falkors://``.  The database name is the graph key
(default ``ownergraph``).

Parameters travel the way the FalkorDB protocol defines them: a header
``CYPHER name=<literal> ...`` in front of the query, where strings are
double-quoted with ``\\`` and ``"`` escaped and map keys are back-quoted.
:func:`params_header` writes that header; it is the client's encoding, made
fast enough for bulk pushes (a 1000-row UNWIND batch is a few hundred kB of
literals, and the client's recursive encoder took as long as the server took to
write the batch).  No user value is ever pasted into query text otherwise.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import unquote, urlsplit

from ...errors import BackendError
from .base import Backend
from .dialect import FALKORDB, detect

DEFAULT_GRAPH = "ownergraph"
DEFAULT_PORT = 6379


_JSON = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"), check_circular=False)
# a key is a quoted word right after "{" or ",": inside a JSON string every quote is escaped, so an opening
# quote after "{" or "," is a real one, and a real string followed by ":" is a key
_JSON_KEY = re.compile(r'[{,]"(\w+)":')
_KEYS: dict[str, str] = {}


def _key(k: Any) -> str:
    out = _KEYS.get(k)
    if out is None:
        name = k.decode() if isinstance(k, bytes) else str(k)
        if not name or "`" in name:  # the header's back-quoted names cannot escape a back-quote
            raise ValueError(f"a parameter name or map key cannot be empty or hold a back-quote: {name!r}")
        out = f"`{name}`"
        if isinstance(k, str) and len(_KEYS) < 10000:
            _KEYS[k] = out
    return out


def literal(v: Any) -> str:
    """One parameter value as a literal of the parameter header (what the client's encoder writes)."""
    t = type(v)
    if t is str:
        if "\\" in v or '"' in v:
            v = v.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{v}"'
    if v is None:
        return "null"
    if t is bool:
        return "true" if v else "false"
    if t is int or t is float:
        return repr(v)
    if isinstance(v, dict):
        return "{" + ",".join([f"{_key(k)}:{literal(x)}" for k, x in v.items()]) + "}"
    if isinstance(v, (list, tuple)):
        return "[" + ",".join([literal(x) for x in v]) + "]"
    if isinstance(v, bytes):
        return literal(v.decode())
    if isinstance(v, str):  # a str Enum: its value
        return literal(str.__str__(v))
    if isinstance(v, int):  # an int Enum
        return int.__repr__(v)
    if isinstance(v, float):
        return float.__repr__(v)
    return str(v)


def _fast_literal(v: Any) -> str:
    """:func:`literal` through the C JSON encoder, for a list of rows (the writer's UNWIND batches).

    JSON and the header agree on everything such rows hold except two things.

    * Map keys: JSON quotes them, the header back-quotes them.  In JSON a quoted word followed by a colon can
      only be a key (a quote inside a string is escaped, and a string value is never followed by a colon), so
      the keys that are plain words are found and rewritten; if a quote-colon is left anywhere after that
      (a key that is not a plain word, or a value that holds ``":``), the slow path decides.
    * Control characters other than newline, tab, return, backspace and form feed: JSON writes ``\\u0001``,
      which FalkorDB keeps as six characters.  Any ``\\u`` takes the slow path.
    """
    if type(v) is list and v:
        try:
            text = _JSON.encode(v)
        except (TypeError, ValueError):  # a Decimal or a date the caller did not encode: the client's way
            return literal(v)
        if '":' not in text:  # no map keys (rows as lists) and no value that holds a quote-colon
            return text if "\\u" not in text else literal(v)
        if "\\u" not in text:
            for k in set(_JSON_KEY.findall(text)):
                text = text.replace(f'{{"{k}":', f"{{`{k}`:").replace(f',"{k}":', f",`{k}`:")
            if '":' not in text:
                return text
    return literal(v)


def params_header(params: dict[str, Any]) -> str:
    """``CYPHER a=<literal> b=<literal> `` for the query's parameters."""
    out = "CYPHER " + " ".join(f"{_key(k)}={_fast_literal(v)}" for k, v in params.items()) + " "
    if "\x00" in out:  # the server's query text ends there: say so instead of a syntax error further on
        raise ValueError("a parameter value holds a NUL character, which FalkorDB cannot store")
    return out


def _plain(v: Any) -> Any:
    """Client objects (nodes, edges, paths) as plain dicts/lists."""
    from falkordb.edge import Edge
    from falkordb.node import Node
    from falkordb.path import Path

    if isinstance(v, Node):
        return {"labels": list(v.labels or []), **{k: _plain(x) for k, x in (v.properties or {}).items()}}
    if isinstance(v, Edge):
        return {"type": v.relation, **{k: _plain(x) for k, x in (v.properties or {}).items()}}
    if isinstance(v, Path):
        return {"nodes": [_plain(n) for n in v.nodes()], "relationships": [_plain(e) for e in v.edges()]}
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    return v


class FalkorBackend(Backend):
    client = "falkordb"
    default_batch_size = 1000
    # the server runs one write at a time; more connections let the client build and send the next batches
    # while the server runs the last one (measured ~1.7x for 2 over 1 on 2 cores; 3 keeps the server from
    # ever waiting for the next statement: bench_write ~66k -> ~69k edges/s, same CPU seconds)
    write_workers = 3

    def __init__(self, uri: str, user: str | None = None, password: str | None = None,
                 database: str | None = None, *, timeout: float = 10.0):
        import redis
        from falkordb import FalkorDB

        parts = urlsplit(uri)
        scheme = parts.scheme.lower()
        host = parts.hostname or "localhost"
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError:
            raise BackendError(uri, "the port in the URI is not a number") from None
        user = user or (unquote(parts.username) if parts.username else None)
        password = password or (unquote(parts.password) if parts.password else None)
        self.uri = f"{scheme}://{host}:{port}"
        self.database = database or (parts.path.strip("/") or DEFAULT_GRAPH)
        self._redis_errors = redis.exceptions
        try:
            self.db = FalkorDB(host=host, port=port, username=user, password=password,
                               ssl=scheme in ("rediss", "falkors"), socket_connect_timeout=timeout,
                               socket_timeout=None)
            self.db.connection.ping()
        except Exception as e:  # noqa: BLE001
            raise self._error(e, connecting=True) from None
        try:
            modules = self.db.connection.execute_command("MODULE", "LIST")
        except redis.exceptions.ResponseError:
            modules = None  # MODULE LIST not allowed for this user (hosted servers): skip the check
        except Exception as e:  # noqa: BLE001
            raise self._error(e, connecting=True) from None
        if modules is not None and not any("graph" in str(m).lower() for m in modules):
            raise BackendError(self.uri, "this Redis server has no FalkorDB module loaded")
        self.graph = self.db.select_graph(self.database)
        self.dialect = FALKORDB
        self._exists: bool | None = None
        found = detect(self._raw_read)
        if found.name != "falkordb":  # pragma: no cover - a FalkorDB that answers dbms.components()
            self.dialect = found

    # ------------------------------------------------------------ errors
    def _error(self, e: Exception, connecting: bool = False, query: str | None = None) -> BackendError:
        ex = self._redis_errors
        msg = str(e).strip() or type(e).__name__
        low = msg.lower()
        if "noauth" in low or "authentication required" in low:
            return BackendError(self.uri, "authentication required: give --password (or put it in the URI)")
        if isinstance(e, ex.AuthenticationError) or "wrongpass" in low or "invalid password" in low \
                or "invalid username-password" in low:
            return BackendError(self.uri, "authentication failed: wrong user or password")
        if isinstance(e, (ex.ConnectionError, ex.TimeoutError, OSError)):
            return BackendError(self.uri, f"cannot reach FalkorDB ({msg})")
        if isinstance(e, ex.ResponseError):
            first = msg.splitlines()[0]
            return BackendError(self.uri, f"query failed: {first}" if query else first)
        return BackendError(self.uri, f"{type(e).__name__}: {msg}")

    # ------------------------------------------------------------ running
    def _rows(self, res) -> list[dict[str, Any]]:
        if not res.header:
            return []
        names = [h[1] if isinstance(h, (list, tuple)) else h for h in res.header]
        return [dict(zip(names, (_plain(v) for v in row))) for row in res.result_set]

    def _raw_read(self, query: str) -> list[dict[str, Any]]:
        return self._rows(self.graph.ro_query(query))

    def has_graph(self) -> bool:
        try:
            return self.database in self.db.list_graphs()
        except Exception as e:  # noqa: BLE001
            raise self._error(e) from None

    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        if not self._exists:
            self._exists = self.has_graph()
            if not self._exists:
                known = sorted(self.db.list_graphs())
                raise BackendError(self.uri, f"database (graph) '{self.database}' does not exist"
                                             + (f" (graphs here: {', '.join(known)})" if known else
                                                " (the server holds no graphs; push first)"))
        try:
            return self._rows(self.graph.ro_query(params_header(params) + query if params else query))
        except Exception as e:  # noqa: BLE001
            raise self._error(e, query=query) from None

    def write(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            res = self.graph.query(params_header(params) + query if params else query)
        except Exception as e:  # noqa: BLE001
            raise self._error(e, query=query) from None
        self._exists = True
        return self._rows(res)

    def command(self, *args: Any) -> Any:
        """A raw Redis command (GRAPH.CONSTRAINT and friends)."""
        try:
            return self.db.connection.execute_command(*args)
        except Exception as e:  # noqa: BLE001
            raise self._error(e) from None

    def clear(self) -> None:
        if self.has_graph():
            try:
                self.graph.delete()
            except Exception as e:  # noqa: BLE001
                raise self._error(e) from None
        self._exists = None

    def close(self) -> None:
        try:
            self.db.connection.close()
        except Exception:  # noqa: BLE001
            pass
