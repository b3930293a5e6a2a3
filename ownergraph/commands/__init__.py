"""CLI commands, one module per area; they all add to the one :data:`app`.

Shared here: the typer app, the rich consoles, the ``--store`` option, JSON
output and the error boundary that turns an :class:`OwnergraphError` into one
clear line and exit code 2 (could not run).
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import sys
from typing import Any, Callable

import typer
from rich.console import Console
from rich.markup import escape

from ..errors import OwnergraphError
from ..graph.values import to_plain

app = typer.Typer(
    name="ownergraph",
    help="Turn SEC beneficial-ownership filings into an ownership and control graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

console = Console()
err_console = Console(stderr=True)

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_CANNOT_RUN = 2

STORE_ENV = "OWNERGRAPH_STORE"


def default_store() -> str:
    return os.environ.get(STORE_ENV, "ownergraph.db")


StoreOption = typer.Option(
    None, "--store", "-s", help=f"Embedded store file (default: ${STORE_ENV} or ./ownergraph.db)"
)
JsonOption = typer.Option(False, "--json", help="Print JSON for machines instead of tables")

# graph-database connection (push, cypher, and the canned queries run with --neo4j/--falkordb);
# graph.backends.connect fills what is not given from NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE
Neo4jOption = typer.Option(None, "--neo4j", help="Neo4j server, e.g. bolt://localhost:7687")
FalkorOption = typer.Option(None, "--falkordb", help="FalkorDB server, e.g. redis://localhost:6379")
UserOption = typer.Option(None, "--user", envvar="OWNERGRAPH_DB_USER", help="Database user (default: $NEO4J_USER)")
PasswordOption = typer.Option(None, "--password", envvar="OWNERGRAPH_DB_PASSWORD",
                              help="Database password (default: $NEO4J_PASSWORD)")
DatabaseOption = typer.Option(None, "--database", help="Database (Neo4j) or graph name (FalkorDB; default "
                                                       "'ownergraph') (default: $NEO4J_DATABASE)")


def fail(message: str, code: int = EXIT_CANNOT_RUN) -> None:
    # the message carries user input (names, paths): never read it as rich markup
    err_console.print(f"[bold red]error:[/] {escape(message)}", highlight=False, markup=True, soft_wrap=True)
    raise typer.Exit(code)


def guarded(fn: Callable) -> Callable:
    """Turn project errors (and a few OS errors) into one line on stderr and exit code 2."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any):
        try:
            return fn(*args, **kwargs)
        except OwnergraphError as e:
            fail(str(e))
        except (BrokenPipeError, KeyboardInterrupt):
            sys.exit(EXIT_CANNOT_RUN)
        except (sqlite3.DatabaseError, json.JSONDecodeError) as e:
            # a store damaged on disk (not by a crash: writes are atomic) fails on read, anywhere
            where = kwargs.get("store") or default_store()
            fail(f"{where}: the store could not be read ({type(e).__name__}: {e}); the file may be damaged: "
                 "check it with 'sqlite3 FILE \"PRAGMA integrity_check\"' or load the filings into a new store")

    return wrapper


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(to_plain(obj), indent=2, ensure_ascii=False, default=str) + "\n")


def open_store(path: str | None, *, readonly: bool = False):
    from ..graph.store import Store

    return Store(path or default_store(), readonly=readonly)
