"""RDF commands: ``export`` (Turtle, N-Triples, TriG, JSON-LD, BODS) and ``sparql``."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..errors import OwnergraphError, QueryError
from . import JsonOption, StoreOption, app, console, err_console, guarded, open_store, print_json

EXPORT_FORMATS = ("ttl", "turtle", "nt", "trig", "jsonld", "bods")


@app.command()
@guarded
def export(
    fmt: str = typer.Option("ttl", "--format", "-f", help="ttl|turtle|nt|trig|jsonld|bods"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default: stdout)"),
    base: Optional[str] = typer.Option(None, "--base", help="Base IRI for ids (default: https://w3id.org/ownergraph/id/)"),
    store: Optional[str] = StoreOption,
) -> None:
    """Export the store as RDF on standard vocabularies (FIBO, W3C ORG, PROV-O) or as BODS 0.4 JSON.

    N-Triples streams line by line; Turtle, TriG (one named graph per filing) and
    JSON-LD stream through pyoxigraph.  See docs/rdf.md.
    """
    from ..graph.rdf.export import DEFAULT_BASE, check_base
    from ..graph.rdf.export import export as do_export

    fmt = fmt.lower()
    if fmt not in EXPORT_FORMATS:
        raise OwnergraphError(None, f"--format must be one of {', '.join(EXPORT_FORMATS)} (got {fmt!r})")
    base = check_base(base or DEFAULT_BASE)
    with open_store(store, readonly=True) as st:
        if fmt == "bods":
            from ..graph.bods import export_bods

            statements = export_bods(st)
            data = json.dumps(statements, indent=2, ensure_ascii=False) + "\n"
            if output:
                _write_text(output, data)
            else:
                sys.stdout.write(data)
            n = len(statements)
            unit = "statements"
        else:
            if output:
                try:
                    with open(output, "wb") as fh:
                        n = do_export(st, fh, fmt, base)
                except OSError as e:
                    raise OwnergraphError(str(output), f"cannot write: {e.strerror}") from None
            else:
                n = do_export(st, sys.stdout.buffer, fmt, base)
                sys.stdout.buffer.flush()
            unit = "triples" if fmt != "trig" else "quads"
    if output:
        err_console.print(f"wrote {n} {unit} to {escape(str(output))} ({fmt})", highlight=False)


def _write_text(path: Path, data: str) -> None:
    try:
        path.write_text(data, encoding="utf-8")
    except OSError as e:
        raise OwnergraphError(str(path), f"cannot write: {e.strerror}") from None


def _resolve(st, value: str) -> str:
    """A name, CIK or CUSIP typed by a user -> the store id (as the other query commands accept)."""
    if st.node(value) is not None:
        return value
    hits = st.find(value)
    if len(hits) == 1:
        return hits[0].id
    if len(hits) > 1:
        names = ", ".join(f"{h.name} ({h.id})" for h in hits[:5])
        raise QueryError(None, f"{value!r} is ambiguous: {names}; give an id")
    return value


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple)):
        return " -> ".join(str(x) for x in v)
    return str(v)


def _params(items: list[str]) -> dict[str, str]:
    out = {}
    for it in items:
        k, sep, v = it.partition("=")
        if not sep or not k.strip():
            raise QueryError(None, f"--param must look like name=value (got {it!r})")
        out[k.strip()] = v
    return out


@app.command()
@guarded
def sparql(
    query: str = typer.Argument(..., help="A canned query name (who_controls, control_chain, holdings, officers, "
                                          "group_members, cap_table), a .rq file, or SPARQL text"),
    data: Optional[Path] = typer.Option(None, "--data", "-d", help="An export file (ttl, nt, trig, jsonld); "
                                                                   "default: the store, exported in memory"),
    param: list[str] = typer.Option([], "--param", "-p", help="name=value, bound as a literal (repeatable)"),
    show: bool = typer.Option(False, "--show", help="Print the SPARQL text of a canned query and exit"),
    store: Optional[str] = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Run SPARQL over an RDF export or the store.

    Canned names give the same rows as the Python queries.  Parameters are store
    ids (``--param issuer_id=cik:0001086745``); over the store a name, CIK or CUSIP
    works too.  Values given with ``--param`` are bound as literals, never pasted
    into the query.
    """
    from ..queries import sparql as sq

    kind, text = sq.load_query(query)
    if show:
        if kind != "canned":
            raise QueryError(None, "--show needs a canned query name")
        sys.stdout.write(sq.query_text(text) + "\n")
        return
    params = _params(param)
    if data is not None:
        if not data.exists():
            raise QueryError(str(data), "no such file")
        g = sq.as_graph(str(data))
    else:
        with open_store(store, readonly=True) as st:
            if kind == "canned":
                params = {k: (_resolve(st, v) if k.endswith("_id") and k != "filing_id" else v)
                          for k, v in params.items()}
            g = sq.as_graph(st)
    rows = sq.run_sparql(g, text, **params) if kind == "canned" else sq.run_text(g, text, **params)
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print("(no rows)")
        return
    cols = list(rows[0].keys())
    t = Table(*cols)
    for r in rows:
        t.add_row(*[escape(_cell(r.get(c))) for c in cols])
    console.print(t)
