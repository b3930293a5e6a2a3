"""Graph-database backends: Neo4j (official driver) and FalkorDB (falkordb client).

>>> from ownergraph.graph.backends import connect
>>> with connect("bolt://localhost:7687", "neo4j", "secret") as db:   # doctest: +SKIP
...     db.read("MATCH (n) RETURN count(n) AS c")

``connect`` picks the backend from the URI scheme:

* ``bolt://``, ``bolt+s://``, ``bolt+ssc://``, ``neo4j://``, ``neo4j+s://``,
  ``neo4j+ssc://`` -> :class:`~.neo4j_backend.Neo4jBackend`;
* ``redis://``, ``rediss://``, ``falkor://``, ``falkors://`` ->
  :class:`~.falkordb_backend.FalkorBackend`.

Missing arguments fall back to ``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_PASSWORD`` and ``NEO4J_DATABASE``.  Every failure is one
:class:`~ownergraph.errors.BackendError` line.
"""

from __future__ import annotations

import os

from ...errors import BackendError
from .base import Backend
from .dialect import Dialect, detect

NEO4J_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")
FALKOR_SCHEMES = ("redis", "rediss", "falkor", "falkors")

__all__ = ["Backend", "Dialect", "connect", "detect", "NEO4J_SCHEMES", "FALKOR_SCHEMES"]


def connect(uri: str | None = None, user: str | None = None, password: str | None = None,
            database: str | None = None) -> Backend:
    """Open a backend for ``uri`` (or ``$NEO4J_URI``)."""
    uri = uri or os.environ.get("NEO4J_URI")
    if not uri:
        raise BackendError(None, "no database URI: give --neo4j bolt://host:7687 (or --falkordb redis://host:6379)"
                                 " or set NEO4J_URI")
    scheme = uri.split("://", 1)[0].lower() if "://" in uri else ""
    database = database or os.environ.get("NEO4J_DATABASE") or None
    if scheme in NEO4J_SCHEMES:
        from .neo4j_backend import Neo4jBackend

        return Neo4jBackend(uri, user or os.environ.get("NEO4J_USER"),
                            password if password is not None else os.environ.get("NEO4J_PASSWORD"), database)
    if scheme in FALKOR_SCHEMES:
        from .falkordb_backend import FalkorBackend

        return FalkorBackend(uri, user, password, database)
    raise BackendError(uri, "unknown URI scheme: use bolt:// or neo4j:// for Neo4j, redis:// or falkor:// for "
                            "FalkorDB")
