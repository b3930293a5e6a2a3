"""Graph-database commands: push, cypher, queries.

* ``ownergraph push --neo4j bolt://localhost:7687`` (or ``--falkordb redis://...``)
  copies the embedded store into the database with batched, idempotent writes.
  The store is opened read-only: a failed push never touches it.
* ``ownergraph cypher "MATCH ..."`` runs a read-only query and prints a table
  (``--json`` for machines).
* ``ownergraph queries --cypher [NAME]`` prints the canned Cypher with ``:param``
  lines, ready to paste into Neo4j Browser.

Connection options fall back to NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD and
NEO4J_DATABASE (--user/--password also read OWNERGRAPH_DB_USER/OWNERGRAPH_DB_PASSWORD).
"""

from __future__ import annotations

from typing import Any, Optional

import typer
from rich.markup import escape
from rich.syntax import Syntax
from rich.table import Table

from ..errors import BackendError, OwnergraphError, QueryError
from ..graph.values import to_plain
from . import (DatabaseOption, FalkorOption, JsonOption, Neo4jOption, PasswordOption, StoreOption, UserOption, app,
               console, err_console, guarded, open_store, print_json)

ParamOption = typer.Option(None, "--param", "-p", help="Query parameter NAME=VALUE (repeatable)")


def db_uri(neo4j: str | None, falkordb: str | None) -> str | None:
    if neo4j and falkordb:
        raise QueryError(None, "give --neo4j or --falkordb, not both")
    return neo4j or falkordb


def open_backend(neo4j: str | None, falkordb: str | None, user: str | None, password: str | None,
                 database: str | None):
    from ..graph.backends import connect

    uri = db_uri(neo4j, falkordb)
    try:
        return connect(uri, user, password, database)
    except OwnergraphError:
        raise
    except Exception as e:  # noqa: BLE001 - a driver error must not become a traceback
        raise BackendError(uri, f"{type(e).__name__}: {e}") from None


def push_filings(store_path: str | None, backend, *, filing_ids=None, batch_size: int | None = None,
                 progress: bool = True, prune: bool = True):
    """Push the store (or some filings of it) through an open backend; the store is opened read-only."""
    from ..graph.backends.writer import push

    with open_store(store_path, readonly=True) as st:
        try:
            return push(st, backend, filing_ids=filing_ids, batch_size=batch_size, progress=progress, prune=prune)
        except OwnergraphError:
            raise
        except Exception as e:  # noqa: BLE001
            raise BackendError(backend.uri, f"push failed: {type(e).__name__}: {e}") from None


def _params(items: list[str] | None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for it in items or []:
        if "=" not in it:
            raise QueryError(None, f"--param wants NAME=VALUE (got {it!r})")
        k, v = it.split("=", 1)
        k = k.strip()
        if not k.isidentifier():
            raise QueryError(None, f"--param name must be an identifier (got {k!r})")
        out[k] = v
    return out


@app.command()
@guarded
def push(
    store: Optional[str] = StoreOption,
    neo4j: Optional[str] = Neo4jOption,
    falkordb: Optional[str] = FalkorOption,
    user: Optional[str] = UserOption,
    password: Optional[str] = PasswordOption,
    database: Optional[str] = DatabaseOption,
    batch_size: Optional[int] = typer.Option(None, "--batch-size", min=1,
                                             help="Rows per UNWIND statement (default 5000 Neo4j, 1000 FalkorDB)"),
    prune: bool = typer.Option(True, "--prune/--no-prune", help="Remove nodes the store no longer has (merged "
                                                                "entities); only our five labels are touched"),
    as_json: bool = JsonOption,
) -> None:
    """Copy the embedded store into Neo4j or FalkorDB (idempotent: pushing twice changes nothing)."""
    with open_store(store, readonly=True):
        pass  # fail on a missing store before connecting
    backend = open_backend(neo4j, falkordb, user, password, database)
    try:
        result = push_filings(store, backend, batch_size=batch_size, progress=not as_json, prune=prune)
    finally:
        backend.close()
    if as_json:
        print_json({"uri": backend.uri, "database": backend.database, "engine": backend.dialect.name,
                    **result.as_dict()})
        return
    console.print(
        f"pushed {result.nodes} nodes, {result.relationships} relationships in {result.batches} batches "
        f"({result.seconds:.1f}s) -> {escape(backend.uri)} "
        + escape(f"[{backend.dialect.name}{', ' + backend.database if backend.database else ''}]")
        + (f"; removed {result.pruned} stale nodes" if result.pruned else "")
        + f"; the database now holds {result.counts.get('nodes', 0)} nodes, "
          f"{result.counts.get('relationships', 0)} relationships",
        highlight=False,
    )


def _cell(v: Any) -> str:
    v = to_plain(v)
    if v is None:
        return "-"
    if isinstance(v, (dict, list)):
        import json

        return json.dumps(v, ensure_ascii=False, default=str)
    return str(v)


@app.command()
@guarded
def cypher(
    query: str = typer.Argument(..., help="A read-only Cypher query (parameters as $name, given with --param)"),
    param: Optional[list[str]] = ParamOption,
    neo4j: Optional[str] = Neo4jOption,
    falkordb: Optional[str] = FalkorOption,
    user: Optional[str] = UserOption,
    password: Optional[str] = PasswordOption,
    database: Optional[str] = DatabaseOption,
    as_json: bool = JsonOption,
) -> None:
    """Run a read-only Cypher query on the database and print a table (or JSON)."""
    params = _params(param)
    backend = open_backend(neo4j, falkordb, user, password, database)
    try:
        rows = backend.read(query, params)
    finally:
        backend.close()
    if as_json:
        print_json(rows)
        return
    if not rows:
        err_console.print("[dim]no rows[/]")
        return
    cols = list(rows[0].keys())
    t = Table(*[escape(c) for c in cols])
    for r in rows:
        t.add_row(*[escape(_cell(r.get(c))) for c in cols])
    console.print(t)
    err_console.print(f"[dim]{len(rows)} rows[/]")


@app.command()
@guarded
def queries(
    name: Optional[str] = typer.Argument(None, help="One canned query (default: all)"),
    show_cypher: bool = typer.Option(False, "--cypher", help="Print the Cypher text with :param lines for Neo4j "
                                                             "Browser"),
    param: Optional[list[str]] = ParamOption,
    as_json: bool = JsonOption,
) -> None:
    """List the canned queries, or print their Cypher ready to paste into Neo4j Browser."""
    from ..queries import canned
    from ..queries.cypher import CYPHER, param_lines

    names = sorted(CYPHER)
    if name is not None:
        key = name.replace("-", "_")
        if key not in CYPHER:
            raise QueryError(None, f"unknown canned query {name!r} (known: {', '.join(names)})")
        names = [key]
    params = _params(param)
    if as_json:
        print_json([{"name": n, "parameters": list(canned.CANNED[n][1]), "cypher": CYPHER[n],
                     "param_lines": param_lines(n, **params)} for n in names])
        return
    if not show_cypher:
        t = Table("query", "parameters", "what")
        for n in names:
            doc = (canned.CANNED[n][0].__doc__ or "").strip().splitlines()[0]
            t.add_row(n, ", ".join(canned.CANNED[n][1]), doc)
        console.print(t)
        console.print("[dim]ownergraph queries --cypher NAME prints the Cypher for Neo4j Browser[/]")
        return
    plain = not console.is_terminal
    for i, n in enumerate(names):
        text = "\n".join(param_lines(n, **params)) + "\n\n" + CYPHER[n] + ";\n"
        if plain:
            print(text if i == 0 else "\n" + text, end="")
        else:
            console.print(Syntax(text, "cypher", theme="ansi_dark", word_wrap=True))
