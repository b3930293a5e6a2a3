"""What differs between Neo4j and FalkorDB -- and nothing else.

The canned Cypher texts (:mod:`ownergraph.queries.cypher`) and the writer's
statements are shared by both engines; they are written in the subset both
run.  The differences live here:

* **constraints and indexes** -- Neo4j: ``CREATE CONSTRAINT ... IF NOT EXISTS
  FOR (n:L) REQUIRE n.id IS UNIQUE`` (which also makes the index).  FalkorDB:
  ``CREATE INDEX FOR (n:L) ON (n.id)``, then the Redis command
  ``GRAPH.CONSTRAINT CREATE <graph> UNIQUE NODE L PROPERTIES 1 id``, waiting
  until ``CALL db.constraints()`` says OPERATIONAL.  (Over FalkorDB's Bolt port,
  used for smoke tests only, no schema is made: it refuses CREATE INDEX there and
  GRAPH.CONSTRAINT is a Redis command.)
* **dates** -- stored as ISO ``YYYY-MM-DD`` strings on both: they sort and
  compare correctly, FalkorDB's Bolt side crashes on date values, and the
  rows the canned queries return stay engine-independent.
* **shortest paths** -- Neo4j wants ``shortestPath`` in MATCH; FalkorDB only
  allows it inside WITH/RETURN.

Which engine is behind a connection is decided by whether ``CALL
dbms.components()`` succeeds (Neo4j) or fails (FalkorDB): the server agent
string FalkorDB's Bolt port sends claims to be Neo4j.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from ...errors import BackendError

if TYPE_CHECKING:  # pragma: no cover
    from .base import Backend

_LABEL = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_RELTYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")


def check_label(label: str) -> str:
    """Labels and relationship types cannot be parameters: only our own PascalCase names get pasted."""
    if not _LABEL.match(label):
        raise ValueError(f"not a label: {label!r}")
    return label


def check_reltype(rtype: str) -> str:
    if not _RELTYPE.match(rtype):
        raise ValueError(f"not a relationship type: {rtype!r}")
    return rtype


@dataclass(frozen=True)
class Dialect:
    name: str  # "neo4j" | "falkordb"
    version: str = ""

    # ------------------------------------------------------------ dates
    def date_value(self, d: dt.date) -> str:
        """How a date is stored: an ISO string on both engines."""
        if isinstance(d, dt.datetime):
            d = d.date()
        return d.isoformat()

    # ------------------------------------------------------------ schema
    def schema_statements(self, labels: list[str]) -> list[str]:
        """Cypher statements that make ``id`` unique (Neo4j) or indexed (FalkorDB) per label."""
        out = []
        for label in labels:
            check_label(label)
            if self.name == "neo4j":
                out.append(f"CREATE CONSTRAINT ownergraph_{label.lower()}_id IF NOT EXISTS "
                           f"FOR (n:{label}) REQUIRE n.id IS UNIQUE")
            else:
                out.append(f"CREATE INDEX FOR (n:{label}) ON (n.id)")
        return out

    def ensure_schema(self, backend: "Backend", labels: list[str], timeout: float = 30.0) -> None:
        command: Callable[..., Any] | None = getattr(backend, "command", None)  # Redis commands (FalkorDB client)
        if self.name == "falkordb" and command is None:
            return  # FalkorDB over Bolt (smoke tests only): it refuses schema statements there
        for label, stmt in zip(labels, self.schema_statements(labels)):
            try:
                backend.execute(stmt)
            except BackendError as e:
                if "already indexed" not in e.problem and "already exists" not in e.problem:
                    raise
        if command is not None and self.name == "falkordb":
            for label in labels:
                try:
                    command("GRAPH.CONSTRAINT", "CREATE", backend.database, "UNIQUE", "NODE", label,
                            "PROPERTIES", 1, "id")
                except BackendError as e:
                    if "already exists" not in e.problem:
                        raise
            self._wait_constraints(backend, labels, timeout)

    def _wait_constraints(self, backend: "Backend", labels: list[str], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            rows = backend.read("CALL db.constraints() YIELD type, label, properties, entitytype, status "
                                "RETURN type, label, properties, entitytype, status")
            status = {r["label"]: r["status"] for r in rows
                      if r["type"] == "UNIQUE" and r["entitytype"] == "NODE" and list(r["properties"]) == ["id"]}
            failed = [lb for lb in labels if status.get(lb) == "FAILED"]
            if failed:
                raise BackendError(backend.uri, f"unique constraint on id failed for {', '.join(failed)} "
                                                "(the graph already holds duplicate ids)")
            if all(status.get(lb) == "OPERATIONAL" for lb in labels):
                return
            if time.monotonic() > deadline:
                raise BackendError(backend.uri, "unique constraints on id did not become OPERATIONAL in time")
            time.sleep(0.05)

    # ------------------------------------------------------------ paths
    def shortest_path(self, rel_types: list[str], max_hops: int, source_label: str | None = None,
                      target_label: str | None = None) -> str:
        """A query returning ``path`` (list of node ids) of one shortest directed path from ``$source_id``
        to ``$target_id`` over the given relationship types, or no row.

        Give the end nodes' labels when they are known: the engines then find them by the ``id`` index
        instead of scanning every node."""
        types = "|".join(check_reltype(t) for t in rel_types)
        hops = int(max_hops)
        a = f"(a:{check_label(source_label)} {{id: $source_id}})" if source_label else "(a {id: $source_id})"
        b = f"(b:{check_label(target_label)} {{id: $target_id}})" if target_label else "(b {id: $target_id})"
        if self.name == "neo4j":
            return (f"MATCH {a}, {b} "
                    f"MATCH p = shortestPath((a)-[:{types}*1..{hops}]->(b)) "
                    "RETURN [n IN nodes(p) | n.id] AS path")
        return (f"MATCH {a}, {b} "
                f"WITH shortestPath((a)-[:{types}*1..{hops}]->(b)) AS p WHERE p IS NOT NULL "
                "RETURN [n IN nodes(p) | n.id] AS path")


NEO4J = Dialect("neo4j")
FALKORDB = Dialect("falkordb")


def detect(run: Callable[[str], list[dict]]) -> Dialect:
    """Neo4j when ``CALL dbms.components()`` succeeds, FalkorDB when it fails.

    ``run`` executes one query and returns rows; it raises on a server error.
    Connection problems must have been ruled out before (they would read as FalkorDB).
    """
    try:
        rows = run("CALL dbms.components() YIELD name, versions RETURN name, versions")
    except Exception:  # noqa: BLE001 - any refusal means "not Neo4j"
        return FALKORDB
    version = ""
    for r in rows:
        vs = r.get("versions") or []
        if vs:
            version = str(vs[0])
    return Dialect("neo4j", version)
