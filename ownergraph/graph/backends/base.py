"""The small interface every graph-database backend implements.

A backend runs Cypher text with parameters and gives back rows as plain
Python dicts.  It never builds Cypher from user values: callers pass them as
parameters.  What differs between engines (constraints, indexes, dates,
shortest paths) is in :mod:`ownergraph.graph.backends.dialect`, not here.

Errors: every failure a user can cause (unreachable host, wrong password,
missing database, a bad query) is raised as one
:class:`~ownergraph.errors.BackendError` whose message is one clear line.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from .dialect import Dialect


class Backend(ABC):
    #: "neo4j" or "falkordb": which client library talks to the server
    client: str = ""
    #: where we are connected (no password in it)
    uri: str = ""
    #: the database / graph name
    database: str | None = None
    dialect: Dialect
    #: rows per UNWIND batch when the caller does not say
    default_batch_size: int = 2000
    #: statements of one push phase in flight at once (each on its own connection)
    write_workers: int = 1
    #: largest parameter payload (bytes, JSON-ish) one statement may carry; None = no limit
    max_param_bytes: int | None = None

    @abstractmethod
    def read(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a read-only query; the server refuses writes."""

    @abstractmethod
    def write(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run one statement that may write (idempotent statements only: a transient failure retries it)."""

    @abstractmethod
    def close(self) -> None: ...

    # -- conveniences shared by all backends

    def execute(self, query: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Schema statements and other commands (constraints, indexes)."""
        return self.write(query, params)

    def has_graph(self) -> bool:
        """Whether the database / graph exists (reads of a missing graph raise BackendError)."""
        return True

    def ensure_schema(self, labels: list[str]) -> None:
        """Uniqueness on ``id`` for each label (see the dialect)."""
        self.dialect.ensure_schema(self, labels)

    def counts(self) -> dict[str, int]:
        """Number of nodes and relationships in the graph."""
        if not self.has_graph():
            return {"nodes": 0, "relationships": 0}
        n = self.read("MATCH (n) RETURN count(n) AS c")[0]["c"]
        r = self.read("MATCH ()-[r]->() RETURN count(r) AS c")[0]["c"]
        return {"nodes": int(n), "relationships": int(r)}

    def clear(self) -> None:
        """Delete every node and relationship (tests and benchmarks only)."""
        self.write("MATCH (n) DETACH DELETE n")

    def __enter__(self) -> "Backend":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.uri} db={self.database} dialect={self.dialect.name}>"
