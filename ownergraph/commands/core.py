"""Core commands: load, extract, show, schema, stats."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..errors import OwnergraphError
from ..graph.model import FilingFacts
from ..graph.values import to_plain
from . import (
    EXIT_CANNOT_RUN,
    EXIT_OK,
    EXIT_SOME_FAILED,
    DatabaseOption,
    FalkorOption,
    JsonOption,
    Neo4jOption,
    PasswordOption,
    StoreOption,
    UserOption,
    app,
    console,
    err_console,
    fail,
    guarded,
    open_store,
    print_json,
)


def iter_inputs(paths: list[Path]) -> list[Path]:
    """Expand directories (recursively, skipping hidden files); keep files as given."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not name.endswith((".json", ".md")):
                        out.append(Path(root) / name)
        else:
            out.append(p)
    return out


@app.command()
@guarded
def load(
    paths: list[Path] = typer.Argument(
        ..., help="Filing files (also gzip-compressed), directories, or archives of filings (tar, tar.gz, zip)"),
    store: Optional[str] = StoreOption,
    as_json: bool = JsonOption,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary"),
    neo4j: Optional[str] = Neo4jOption,
    falkordb: Optional[str] = FalkorOption,
    user: Optional[str] = UserOption,
    password: Optional[str] = PasswordOption,
    database: Optional[str] = DatabaseOption,
) -> None:
    """Load filings into the embedded store.  Bad files are reported and skipped.

    With --neo4j / --falkordb the filings are then pushed to the graph database
    (connection checked first; a failed push leaves the local store as loaded).

    Exit code 0: every file loaded (or was already there); 1: some files failed;
    2: could not run (e.g. the store cannot be opened).
    """
    from ..loaders import load_path

    backend = None
    if neo4j or falkordb:
        from .database import open_backend

        backend = open_backend(neo4j, falkordb, user, password, database)
    try:
        _load(paths, store, as_json, quiet, load_path, backend)
    finally:
        if backend is not None:
            backend.close()


def iter_filings(paths: list[Path], load_path):
    """What a batch loads, in order: ``(source, load)`` per file, and per filing in an archive (tar, tar.gz, zip:
    EDGAR's bulk downloads), where ``load()`` gives the facts or raises an OwnergraphError naming the source."""
    from ..loaders import load_bytes
    from ..loaders.archives import is_archive, members

    def fail_with(err):
        def load():
            raise err
        return load

    for path in iter_inputs(paths):
        if not (path.is_file() and is_archive(path)):
            yield str(path), (lambda p=path: load_path(p))
            continue
        try:
            for src, data in members(path):
                if isinstance(data, OwnergraphError):
                    yield src, fail_with(data)
                else:
                    yield src, (lambda d=data, s=src: load_bytes(d, s))
        except OwnergraphError as e:  # the archive itself cannot be opened
            yield str(path), fail_with(e)


def _load(paths, store, as_json, quiet, load_path, backend) -> None:
    results, failures = [], []
    n = 0
    with open_store(store) as st:
        for path, load_one in iter_filings(paths, load_path):
            n += 1
            try:
                facts = load_one()
                r = st.add(facts)
                results.append(
                    {"file": path, "status": r.status, "filing_id": r.filing_id, "form_type": r.form_type,
                     "nodes": r.nodes, "edges": r.edges, "warnings": facts.warnings}
                )
                if not quiet and not as_json:
                    mark = "[green]loaded[/]" if r.status == "loaded" else "[dim]unchanged[/]"
                    console.print(f"{mark} {escape(f'{path}  ({r.form_type}, {r.filing_id})')}", highlight=False)
                    for w in facts.warnings:
                        err_console.print(f"  [yellow]warning:[/] {escape(w)}", highlight=False, soft_wrap=True)
            except OwnergraphError as e:
                failures.append({"file": path, "error": e.problem if e.source else str(e)})
                if not as_json:
                    err_console.print(f"[red]failed[/] {escape(str(e))}", highlight=False, soft_wrap=True)
            except Exception as e:  # noqa: BLE001 - a bug on one file must not stop the batch
                problem = f"internal error ({type(e).__name__}: {e}); please report this filing"
                failures.append({"file": path, "error": problem})
                if not as_json:
                    err_console.print(f"[red]failed[/] {escape(f'{path}: {problem}')}", highlight=False, soft_wrap=True)
        counts = st.counts()
    summary = {
        "files": n,
        "loaded": sum(r["status"] == "loaded" for r in results),
        "unchanged": sum(r["status"] == "unchanged" for r in results),
        "failed": len(failures),
        "store": str(st.path),
        "counts": counts,
    }
    if backend is not None and results:
        from .database import push_filings

        pushed = push_filings(store, backend, filing_ids=[r["filing_id"] for r in results], progress=not as_json)
        summary["pushed"] = {"uri": backend.uri, "database": backend.database, **pushed.as_dict()}
    if as_json:
        print_json({"summary": summary, "results": results, "failures": failures})
    else:
        console.print(
            f"{summary['loaded']} loaded, {summary['unchanged']} unchanged, {summary['failed']} failed "
            f"-> {summary['store']} ({counts['nodes']} nodes, {counts['edges']} edges)",
            highlight=False,
        )
        if "pushed" in summary:
            p = summary["pushed"]
            console.print(f"pushed {p['nodes']} nodes, {p['relationships']} relationships -> {p['uri']}",
                          highlight=False)
        if failures:
            err_console.print(f"{len(failures)} failed:", highlight=False)
            for f in failures:
                err_console.print(f"  {f['file']}: {f['error']}", highlight=False, markup=False, soft_wrap=True)
    if not n:
        raise typer.Exit(EXIT_CANNOT_RUN)
    raise typer.Exit(EXIT_SOME_FAILED if failures else EXIT_OK)


@app.command()
@guarded
def extract(
    file: Path = typer.Argument(..., help="One filing"),
    as_json: bool = typer.Option(True, "--json/--summary", help="JSON (default) or a short human summary"),
) -> None:
    """Print everything read from one filing (facts with provenance), as JSON.

    The JSON follows the schema printed by ``ownergraph schema``.
    """
    from ..loaders import load_path

    facts = load_path(file)
    if as_json:
        print(facts.model_dump_json(indent=2))
        return
    _print_facts_summary(facts)


def _print_facts_summary(facts: FilingFacts) -> None:
    f = facts.filing
    console.print(f"[bold]{escape(f.form_type)}[/] {escape(f.id)}  event {f.event_date}  amendment {f.amendment_no}",
                  highlight=False)
    t = Table("key", "kind", "name", "cik/cusip")
    for e in facts.entities:
        t.add_row(*(escape(x) for x in (e.key, e.kind.value, e.name, e.cik or e.cusip or "")))
    console.print(t)
    t = Table("type", "source", "target", "props", "section")
    for r in facts.relations:
        t.add_row(*(escape(x) for x in (r.type.value, r.source, r.target, json.dumps(to_plain(r.props))[:80],
                                        r.prov.section)))
    console.print(t)
    for w in facts.warnings:
        err_console.print(f"[yellow]warning:[/] {escape(w)}", highlight=False)


@app.command()
@guarded
def schema() -> None:
    """Print the JSON Schema of ``ownergraph extract`` output (generated from the models)."""
    print(json.dumps(extract_schema(), indent=2))


def extract_schema() -> dict:
    from ..loaders import loaders

    s = FilingFacts.model_json_schema()
    docs = {}
    for ld in loaders().values():
        if ld.document_model is not None:
            docs[ld.document_model.__name__] = ld.document_model.model_json_schema(ref_template="#/$defs/{model}")
    defs = s.setdefault("$defs", {})
    refs = []
    for name, ds in docs.items():
        defs.update(ds.pop("$defs", {}))
        defs[name] = ds
        refs.append({"$ref": f"#/$defs/{name}"})
    if refs:
        s["properties"]["document"] = {
            "description": s["properties"]["document"].get("description", ""),
            "anyOf": refs + [{"type": "object"}],
        }
    s["title"] = "ownergraph extract output (FilingFacts)"
    return s


@app.command()
@guarded
def show(
    query: str = typer.Argument(..., help="Name, node id, CIK or CUSIP"),
    store: Optional[str] = StoreOption,
    as_json: bool = JsonOption,
) -> None:
    """Everything known about a node: properties, relations, and the evidence for each."""
    with open_store(store, readonly=True) as st:
        hits = st.find(query)
        if not hits:
            fail(f"nothing in {st.path} matches {query!r}")
        if len(hits) > 1 and not as_json:
            console.print(f"[dim]{len(hits)} matches; showing all[/]")
        out = []
        for n in hits:
            ev = st.node_evidence(n.id)
            rels = []
            for e in list(st.edges(source=n.id)) + list(st.edges(target=n.id)):
                other = st.node(e.target if e.source == n.id else e.source)
                f = st.filing(e.filing_id)
                rels.append({
                    "direction": "out" if e.source == n.id else "in",
                    "type": e.type.value,
                    "other": {"id": other.id, "name": other.name, "kind": other.kind.value} if other else None,
                    "props": {k: v for k, v in e.props.items() if k not in ("position_key", "seq")},
                    "as_of": e.as_of,
                    "evidence": {"filing": e.filing_id, "form": f.form_type if f else None,
                                 "section": e.section, "excerpt": e.excerpt},
                })
            out.append({
                "id": n.id, "kind": n.kind.value, "name": n.name, "props": n.props,
                "evidence": [{"property": p.name, "value": p.value, "filing": p.filing_id, "section": p.section,
                              "excerpt": p.excerpt} for p in ev],
                "relations": rels,
            })
    if as_json:
        print_json(out)
        return
    for n in out:
        console.rule(f"[bold]{escape(n['name'])}[/]  {n['kind']}  [dim]{escape(n['id'])}[/]")
        t = Table("property", "value", "filing", "section", show_lines=False)
        for p in n["evidence"]:
            t.add_row(*(escape(x) for x in (p["property"], str(to_plain(p["value"])), p["filing"], p["section"])))
        console.print(t)
        t = Table("relation", "other", "details", "as of", "filing / section")
        for r in n["relations"]:
            arrow = f"-[{r['type']}]->" if r["direction"] == "out" else f"<-[{r['type']}]-"
            details = ", ".join(f"{k}={to_plain(v)}" for k, v in r["props"].items())
            t.add_row(*(escape(x) for x in (arrow, r["other"]["name"] if r["other"] else "?", details,
                                            str(to_plain(r["as_of"]) or ""),
                                            f"{r['evidence']['filing']} / {r['evidence']['section']}")))
        console.print(t)


@app.command()
@guarded
def stats(store: Optional[str] = StoreOption, as_json: bool = JsonOption) -> None:
    """Counts of filings, nodes and edges in the store."""
    with open_store(store, readonly=True) as st:
        counts = st.counts()
    if as_json:
        print_json(counts)
    else:
        for k, v in counts.items():
            console.print(f"{k:12} {v}")
