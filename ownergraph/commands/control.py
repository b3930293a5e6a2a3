"""Control commands: who-controls, control-chain, holdings, officers, group-members, cap-table,
history, check, render.

ISSUER / NAME / HOLDER / ORG may be a name, a CIK, a CUSIP or a node id
(resolved with ``Store.find``).  Tables for people, ``--json`` for machines.
With ``--neo4j URI`` or ``--falkordb URI`` the canned queries run on the graph
database (``ownergraph.queries.cypher.run_canned``) instead of in-process.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any, Optional

import typer
from rich.markup import escape
from rich.table import Table

from ..errors import BackendError, OwnergraphError, QueryError
from ..graph.values import to_plain
from . import (DatabaseOption, FalkorOption, JsonOption, Neo4jOption, PasswordOption, StoreOption, UserOption, app,
               console, err_console, fail, guarded, open_store, print_json)

AsOfOption = typer.Option(None, "--as-of", help="Answer for this date (YYYY-MM-DD): only positions dated on or "
                                                "before it, newest amendment first")


# ------------------------------------------------------------------ helpers


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise QueryError(None, f"--as-of must be a date like 2024-07-23 (got {text!r})") from None


def _pct(v: Any, bound: str | None = None) -> str:
    if v is None:
        return "-"
    v = Decimal(str(v))
    if 0 < v < Decimal("0.005") and not bound:
        return "<0.01%"
    return f"{bound or ''}{v:.2f}%"


def _num(v: Any) -> str:
    if v is None or v == "":
        return "-"
    try:
        d = Decimal(str(v))
    except Exception:  # noqa: BLE001
        return str(v)
    s = to_plain(d)
    if "." in s:
        a, b = s.split(".")
        return f"{int(a):,}.{b}"
    return f"{int(s):,}"


def _resolve(st, query: str, what: str, kinds: tuple[str, ...] | None = None):
    from ..queries.control import resolve

    return resolve(st, query, what, kinds)


def _backend_uri(neo4j: str | None, falkordb: str | None) -> str | None:
    from .database import db_uri

    return db_uri(neo4j, falkordb)


def _run_db(neo4j: str | None, falkordb: str | None, user: str | None, password: str | None,
            database: str | None, name: str, **params):
    from ..queries.cypher import run_canned
    from .database import open_backend

    backend = open_backend(neo4j, falkordb, user, password, database)
    uri = backend.uri
    try:
        return run_canned(backend, name, **params)
    except OwnergraphError:
        raise
    except Exception as e:  # noqa: BLE001 - a driver error must not become a traceback
        raise BackendError(uri, f"{name} failed: {type(e).__name__}: {e}") from None
    finally:
        backend.close()


def _db_id(st_path: str | None, query: str, what: str, kinds=None) -> str:
    """With a database backend, resolve names through the local store when there is one; else take an id."""
    from ..graph.store import Store

    from . import default_store

    path = Path(st_path or default_store())
    if path.exists():
        with Store(path, readonly=True) as st:
            return _resolve(st, query, what, kinds).id
    if ":" in query:
        return query
    raise QueryError(None, f"no local store at {path} to resolve {query!r}: give a node id such as cik:0001086745")


def _canned(name: str, store: str | None, as_of: str | None, neo4j: str | None, falkordb: str | None,
            user: str | None, password: str | None, database: str | None, resolve: dict[str, tuple]) -> list[dict]:
    """Run a canned query in-process or on a database; ``resolve`` maps parameter -> (query text, what, kinds)."""
    uri = _backend_uri(neo4j, falkordb)
    if uri:
        if as_of:
            raise QueryError(None, "--as-of works in-process only (the database holds the current graph)")
        params = {k: (v[0] if v[1] is None else _db_id(store, v[0], v[1], v[2])) for k, v in resolve.items()}
        return _run_db(neo4j, falkordb, user, password, database, name, **params)
    from ..graph.view import graph_view
    from ..queries import canned

    with open_store(store, readonly=True) as st:
        params = {k: (v[0] if v[1] is None else _resolve(st, v[0], v[1], v[2]).id) for k, v in resolve.items()}
        g = graph_view(st, as_of=_date(as_of))
    return canned.run(g, name, **params)


def _table(rows: list[dict], columns: list[tuple[str, str]], title: str | None = None) -> None:
    t = Table(*[c[1] for c in columns], title=title, title_justify="left")
    for r in rows:
        cells = []
        for key, _ in columns:
            v = r.get(key)
            if key in ("percent",):
                cells.append(_pct(v, r.get("percent_bound")))
            elif key in ("shares", "underlying_shares"):
                cells.append(_num(v))
            elif isinstance(v, list):
                cells.append(" -> ".join(str(x) for x in v))
            else:
                cells.append("-" if v is None else str(v))
        t.add_row(*cells)
    console.print(t)


_ORG = ("Organization",)
_ENT = ("Organization", "Person")


# ------------------------------------------------------------------ who-controls


@app.command("who-controls")
@guarded
def who_controls_cmd(
    issuer: str = typer.Argument(..., help="Issuer: name, CIK or CUSIP"),
    as_of: Optional[str] = AsOfOption,
    by: str = typer.Option("voting", "--by", help="Measure control by 'voting' power (default), 'economic' "
                                                 "interest or 'dispositive' power"),
    control_threshold: float = typer.Option(50.0, "--control-threshold", help="Control above this percent"),
    significant: float = typer.Option(10.0, "--significant", help="Significant at or above this percent"),
    reportable: float = typer.Option(5.0, "--reportable", help="Reportable at or above this percent"),
    show_holders: bool = typer.Option(False, "--all", help="Also list holders below the thresholds"),
    excerpts: bool = typer.Option(False, "--excerpts", help="Quote the filing text behind every step"),
    as_json: bool = JsonOption,
    store: Optional[str] = StoreOption,
    neo4j: Optional[str] = Neo4jOption,
    falkordb: Optional[str] = FalkorOption,
    user: Optional[str] = UserOption,
    password: Optional[str] = PasswordOption,
    database: Optional[str] = DatabaseOption,
) -> None:
    """Who controls ISSUER: ranked controllers with chain, percentage, powers and evidence for every step."""
    from ..queries.control import Thresholds, who_controls

    th = Thresholds(Decimal(str(control_threshold)), Decimal(str(significant)), Decimal(str(reportable)))
    if _backend_uri(neo4j, falkordb):
        rows = _canned("who_controls", store, as_of, neo4j, falkordb, user, password, database,
                       {"issuer_id": (issuer, "issuer", _ORG)})
        if as_json:
            print_json(rows)
        else:
            _table(rows, [("controller", "controller"), ("kind", "kind"), ("percent", "percent"),
                          ("depth", "depth"), ("path", "path")], title=f"Chains of control to {issuer}")
        return
    from ..graph.view import graph_view

    with open_store(store, readonly=True) as st:
        node = _resolve(st, issuer, "issuer", _ORG)
        g = graph_view(st, as_of=_date(as_of))
    report = who_controls(g, node.id, by=by, thresholds=th)
    if as_json:
        print_json(report.to_dict())
        return
    print_report(report, show_holders=show_holders, excerpts=excerpts)


def print_report(report, show_holders: bool = False, excerpts: bool = False) -> None:
    th = report.thresholds
    when = f" as of {report.as_of}" if report.as_of else ""
    measure = "economic interest" if report.by == "economic" else f"{report.by} power"
    console.rule(f"[bold]Who controls {escape(report.issuer)}[/]{when}  [dim](by {measure}; control > "
                 f"{th.control}%)[/]")
    if not report.controllers:
        console.print(f"[yellow]No controller above {th.control}% is known.[/]")
    for i, p in enumerate(report.controllers, 1):
        above = escape(", ".join(_name_of(report, c) for c in p.controlled_by))
        if p.ultimate and not p.controlled_by:
            tag = "ultimate controller"
        elif p.ultimate:
            tag = f"top controller by {report.by} (itself controlled by {above} through officer/partner control)"
        else:
            tag = f"controller, controlled by {above}"
        console.print(f"\n[bold]{i}. {escape(p.name)}[/] [dim]({p.kind}, {escape(p.id)})[/] - "
                      f"[bold green]{_pct(p.percent)}[/] "
                      f"{report.by} - {tag}", highlight=False)
        others = ", ".join(f"{k} {_pct(v)}" for k, v in p.percents.items() if k != report.by)
        if others:
            console.print(f"   [dim]{others}[/]", highlight=False)
        for n in p.notes:
            console.print(f"   [dim]note: {escape(n)}[/]", highlight=False)
        if p.powers:
            console.print("   powers: " + ", ".join(f"{k.replace('_', ' ')} {_num(v)}" for k, v in p.powers.items()
                                                    if v is not None), highlight=False)
        for r in p.roles_at_issuer:
            ev = r["evidence"]
            console.print(f"   at the issuer: {escape(r['title'] or r['role'])}  [dim]({ev['form']} "
                          f"{ev['filing_id']}, {escape(ev['section'])})[/]", highlight=False)
        main = [c for c in p.chains if not c.restating] or p.chains
        for c in main[:4]:
            console.print(f"   chain ({_pct(c.percent)}): " + escape(" -> ".join(
                [c.steps[0].source_name] + [s.target_name for s in c.steps])), highlight=False)
            for s in c.steps:
                console.print(f"     [cyan]{escape(s.source_name)} -> {escape(s.target_name)}[/]: {s.relation}, "
                              f"{escape(s.detail)}" + (escape(f" [{_pct(s.percent)}]") if s.percent is not None
                                                       else ""), highlight=False)
                seen = []
                for e in s.evidence:
                    cite = f"{e.form or '?'} {e.filing_id}" + (f" ({e.date})" if e.date else "")
                    seen.append((cite, e.section))
                by_cite: dict[str, list[str]] = {}
                for cite, sec in seen:
                    if sec not in by_cite.setdefault(cite, []):
                        by_cite[cite].append(sec)
                for cite, secs in by_cite.items():
                    console.print(f"       [dim]evidence: {escape(cite)}, {escape('; '.join(secs))}[/]",
                                  highlight=False)
                if excerpts:
                    for e in s.evidence:
                        if e.excerpt:
                            text = e.excerpt if len(e.excerpt) <= 200 else e.excerpt[:199] + "\u2026"
                            console.print(f"       [dim italic]{escape(e.section)}: \"{escape(text)}\"[/]",
                                          highlight=False)
        restating = [c for c in p.chains if c.restating and c not in main]
        if restating:
            cites = sorted({f"{c.steps[-1].source_name} ({c.steps[-1].evidence[0].section})" for c in restating
                            if c.steps[-1].evidence})
            console.print(f"   [dim]the same shares are also reported by: {escape(', '.join(cites))}[/]",
                          highlight=False)
    for label, lst in (("Significant holders", report.significant), ("Reportable holders", report.reportable)):
        if lst:
            _party_table(lst, f"{label} (>= {th.significant if 'Sig' in label else th.reportable}%)")
    if report.holders:
        if show_holders:
            _party_table(report.holders, f"Holders below {th.reportable}% (not controllers)")
        else:
            console.print(f"\n[dim]{len(report.holders)} holder(s) below {th.reportable}% not shown "
                          f"(--all to list them).[/]")
    for grp in report.groups:
        console.print(f"[dim]group filing {grp['filing_id']}: {len(grp['members'])} members hold "
                      f"{_num(grp['shares'])} shares together ({_pct(grp['percent'])}); joint filers' restated "
                      f"shares counted once[/]", highlight=False)
    for cyc in report.cycles:
        console.print(f"[yellow]cycle:[/] " + " -> ".join(_name_of(report, n) for n in cyc), highlight=False)
    for n in report.notes:
        console.print(f"[yellow]note:[/] {escape(n)}", highlight=False)
    for w in report.warnings:
        err_console.print(f"[yellow]warning:[/] {w}", highlight=False)


def _name_of(report, nid: str) -> str:
    for lst in (report.controllers, report.significant, report.reportable, report.holders):
        for p in lst:
            if p.id == nid:
                return p.name
    return nid


def _party_table(parties, title: str) -> None:
    t = Table("holder", "kind", "percent", "shares", "powers", "via", "notes", title=title, title_justify="left")
    for p in parties:
        via = " / ".join(" -> ".join([c.steps[0].source_name] + [s.target_name for s in c.steps][:-1])
                         for c in p.chains[:1] if len(c.steps) > 1)
        t.add_row(p.name, p.kind or "", _pct(p.percent), _num(p.shares),
                  ", ".join(f"{k.replace('_', ' ')} {_num(v)}" for k, v in p.powers.items() if v is not None),
                  via, "; ".join(p.notes))
    console.print(t)


# ------------------------------------------------------------------ canned queries


@app.command("control-chain")
@guarded
def control_chain_cmd(
    holder: str = typer.Argument(..., help="Holder: name, CIK or id"),
    issuer: str = typer.Argument(..., help="Issuer: name, CIK or CUSIP"),
    as_of: Optional[str] = AsOfOption,
    as_json: bool = JsonOption,
    store: Optional[str] = StoreOption,
    neo4j: Optional[str] = Neo4jOption,
    falkordb: Optional[str] = FalkorOption,
    user: Optional[str] = UserOption,
    password: Optional[str] = PasswordOption,
    database: Optional[str] = DatabaseOption,
) -> None:
    """Every chain of control steps from HOLDER to ISSUER, with the product of percentages."""
    rows = _canned("control_chain", store, as_of, neo4j, falkordb, user, password, database,
                   {"holder_id": (holder, "holder", _ENT), "issuer_id": (issuer, "issuer", _ORG)})
    if as_json:
        print_json(rows)
    elif not rows:
        console.print(f"No chain from {holder} to {issuer}.")
    else:
        _table(rows, [("names", "chain"), ("percent", "percent")])


@app.command()
@guarded
def holdings(
    name: str = typer.Argument(..., help="Holder: name, CIK or id"),
    as_of: Optional[str] = AsOfOption,
    as_json: bool = JsonOption,
    store: Optional[str] = StoreOption,
    neo4j: Optional[str] = Neo4jOption,
    falkordb: Optional[str] = FalkorOption,
    user: Optional[str] = UserOption,
    password: Optional[str] = PasswordOption,
    database: Optional[str] = DatabaseOption,
) -> None:
    """Current holdings of NAME: security, issuer, shares, percent, basis, filing and section."""
    rows = _canned("holdings", store, as_of, neo4j, falkordb, user, password, database,
                   {"entity_id": (name, "holder", _ENT)})
    if as_json:
        print_json(rows)
    else:
        _table(rows, [("security", "security"), ("issuer", "issuer"), ("shares", "shares"), ("percent", "percent"),
                      ("basis", "basis"), ("filing_id", "filing"), ("section", "section")])


@app.command()
@guarded
def officers(
    org: str = typer.Argument(..., help="Organization: name, CIK or id"),
    as_of: Optional[str] = AsOfOption,
    as_json: bool = JsonOption,
    store: Optional[str] = StoreOption,
    neo4j: Optional[str] = Neo4jOption,
    falkordb: Optional[str] = FalkorOption,
    user: Optional[str] = UserOption,
    password: Optional[str] = PasswordOption,
    database: Optional[str] = DatabaseOption,
) -> None:
    """Officers and directors of ORG, with title and the filing section that says so."""
    rows = _canned("officers", store, as_of, neo4j, falkordb, user, password, database,
                   {"org_id": (org, "organization", _ORG)})
    if as_json:
        print_json(rows)
    else:
        _table(rows, [("person", "person"), ("role", "role"), ("title", "title"), ("filing_id", "filing"),
                      ("section", "section")])


@app.command("group-members")
@guarded
def group_members_cmd(
    filing: str = typer.Argument(..., help="Filing id (accession number)"),
    as_json: bool = JsonOption,
    store: Optional[str] = StoreOption,
    neo4j: Optional[str] = Neo4jOption,
    falkordb: Optional[str] = FalkorOption,
    user: Optional[str] = UserOption,
    password: Optional[str] = PasswordOption,
    database: Optional[str] = DatabaseOption,
) -> None:
    """The reporting persons who filed FILING jointly as a group."""
    rows = _canned("group_members", store, None, neo4j, falkordb, user, password, database,
                   {"filing_id": (filing, None, None)})
    if not rows and not _backend_uri(neo4j, falkordb):
        with open_store(store, readonly=True) as st:
            fid = filing[len("filing:"):] if filing.startswith("filing:") else filing
            if st.filing(fid) is None:
                fail(f"{st.path}: no filing {filing!r} in the store")
    if as_json:
        print_json(rows)
    else:
        _table(rows, [("member", "member"), ("member_id", "id"), ("filing_id", "filing")])


@app.command("cap-table")
@guarded
def cap_table_cmd(
    issuer: str = typer.Argument(..., help="Issuer: name, CIK or CUSIP"),
    as_of: Optional[str] = AsOfOption,
    as_json: bool = JsonOption,
    store: Optional[str] = StoreOption,
    neo4j: Optional[str] = Neo4jOption,
    falkordb: Optional[str] = FalkorOption,
    user: Optional[str] = UserOption,
    password: Optional[str] = PasswordOption,
    database: Optional[str] = DatabaseOption,
) -> None:
    """Every security ISSUER issued, what it converts into, and who holds it."""
    rows = _canned("cap_table", store, as_of, neo4j, falkordb, user, password, database,
                   {"issuer_id": (issuer, "issuer", _ORG)})
    if as_json:
        print_json(rows)
    else:
        _table(rows, [("security", "security"), ("converts_into_id", "converts into"), ("holder", "holder"),
                      ("shares", "shares"), ("underlying_shares", "underlying"), ("percent", "percent")])


@app.command()
@guarded
def history(
    holder: str = typer.Argument(..., help="Holder: name, CIK or id"),
    issuer: str = typer.Argument(..., help="Issuer: name, CIK or CUSIP"),
    as_json: bool = JsonOption,
    store: Optional[str] = StoreOption,
) -> None:
    """A position's path through the amendments (oldest first; the current one marked)."""
    from ..queries.control import history as hist

    with open_store(store, readonly=True) as st:
        h = _resolve(st, holder, "holder", _ENT)
        i = _resolve(st, issuer, "issuer", _ORG)
        rows = hist(st, h.id, i.id)
        names = {r["security_id"]: (st.node(r["security_id"]).name if st.node(r["security_id"]) else "")
                 for r in rows}
    if as_json:
        print_json(rows)
        return
    if not rows:
        console.print(f"No position of {h.name} in {i.name} is known.")
        return
    t = Table("as of", "filing (amendment)", "security / basis", "shares", "change", "percent",
              "voting sole / shared", "now", title=f"{h.name} in {i.name}", title_justify="left")
    for r in rows:
        amend = f" (No. {r['amendment_no']})" if r["amendment_no"] else ""
        change = "-" if r["change"] is None else ("+" if r["change"] > 0 else "") + _num(r["change"])
        if r["change"] is None and r["shares"] is None and r.get("transaction_shares") is not None:
            # a trade without a holding after it (13D Item 5(c)): the trade itself
            change = {"A": "+", "D": "-"}.get(r.get("acquired_disposed") or "", "") + _num(r["transaction_shares"])
        t.add_row(str(r["as_of"] or "-"), f"{r['form'] or '?'}{amend}\n{r['filing_id']}",
                  f"{names.get(r['security_id'], r['security_id'])}\n{r['basis'] or '-'}", _num(r["shares"]), change,
                  _pct(r["percent"], r["percent_bound"]), f"{_num(r['sole_voting'])} / {_num(r['shared_voting'])}",
                  "yes" if r["current"] else "")
    console.print(t)


# ------------------------------------------------------------------ check & render


@app.command()
@guarded
def check(
    file: Path = typer.Argument(..., help="One filing"),
    as_json: bool = JsonOption,
) -> None:
    """Report a filing's internal inconsistencies (cover pages vs Item 5, percentages, Item 6 totals).

    Exit code 0 when consistent, 1 when warnings were found.
    """
    from ..loaders import load_path
    from ..queries.check import check as run_check
    from ..queries.check import recompute_percentages

    facts = load_path(file)
    warnings = run_check(facts)
    recomputed = recompute_percentages(facts)
    if as_json:
        print_json({"file": str(file), "filing_id": facts.filing.id, "warnings": [w.to_dict() for w in warnings],
                    "percentages": recomputed})
    else:
        for r in recomputed:
            mark = "[green]ok[/]" if r["consistent"] else "[yellow]differs[/]"
            stated = f"{r['percent_bound'] or ''}{r['stated']}%" if r["stated"] is not None else "not stated"
            console.print(f"{mark} percent {r['holder']} ({r['section']}): {r['formula']}; stated {stated}",
                          highlight=False, soft_wrap=True)
        if not warnings:
            console.print(f"[green]{file}: no inconsistencies found[/]", highlight=False)
        for w in warnings:
            console.print(f"[yellow]warning[/] [{w.code}] {w.location}: {w.message}", highlight=False, soft_wrap=True)
    raise typer.Exit(1 if warnings else 0)


@app.command()
@guarded
def render(
    issuer: str = typer.Argument(..., help="Issuer: name, CIK or CUSIP"),
    output: Path = typer.Option(..., "-o", "--output", help="chart.svg, chart.html (interactive), chart.png or "
                                                           "chart.dot"),
    as_of: Optional[str] = AsOfOption,
    by: str = typer.Option("voting", "--by", help="voting | economic | dispositive"),
    control_threshold: float = typer.Option(50.0, "--control-threshold"),
    significant: float = typer.Option(10.0, "--significant"),
    reportable: float = typer.Option(5.0, "--reportable"),
    store: Optional[str] = StoreOption,
) -> None:
    """Draw ISSUER's control chart: the issuer at the bottom, owners above, controllers highlighted."""
    from ..graph.view import graph_view
    from ..queries.control import Thresholds, who_controls
    from ..render import render_report

    th = Thresholds(Decimal(str(control_threshold)), Decimal(str(significant)), Decimal(str(reportable)))
    with open_store(store, readonly=True) as st:
        node = _resolve(st, issuer, "issuer", _ORG)
        g = graph_view(st, as_of=_date(as_of))
    report = who_controls(g, node.id, by=by, thresholds=th)
    out = render_report(report, output)
    console.print(f"wrote {out}", highlight=False)
