"""The canned queries, SPARQL twins (over an RDF export or the store exported in memory).

:data:`QUERIES` holds the SPARQL texts (also shipped as ``queries/sparql/<name>.rq``
by :func:`write_rq_files`-free means: the texts live here only).  User values
are never pasted into query text: they are bound with rdflib's ``initBindings``
(``?issuer_id`` etc. are bound to ``Literal`` values of ``og:id``).

:func:`run_sparql` returns rows shaped exactly like
``ownergraph.queries.canned.run(graph_view(store), name, **params)``.

SPARQL cannot rank "the best chain per controller" with products of
percentages, so ``who_controls`` and ``control_chain`` fetch with SPARQL the
nodes upstream of the issuer (the property path
``(fibo-fnd-rel-rel:controls | fibo-fnd-oac-own:owns/fibo-fnd-rel-rel:isIssuedBy)*``)
and the control *steps* out of them, and then do a small deterministic walk in
Python, the same as
:mod:`ownergraph.queries.canned`: simple paths of at most ``MAX_DEPTH`` steps,
weight 1 for ``CONTROLS``, ``percent/100`` for a current beneficial holding of
a security issued by the next node, best chain = highest product, then
fewest steps, then smallest path.  ``holdings``, ``officers``,
``group_members`` and ``cap_table`` are plain SELECTs plus sorting (and, for
``cap_table``, the product of securities x conversion targets x holders).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterator

from ..errors import QueryError
from ..graph.rdf.vocab import sparql_prefixes
from ..graph.values import to_plain
from .canned import MAX_DEPTH, _amount, _desc_none_last, _pct, _pct_of, best_chains, walk_steps

PREFIXES = sparql_prefixes()

_UPSTREAM = "(fibo-fnd-rel-rel:controls | fibo-fnd-oac-own:owns/fibo-fnd-rel-rel:isIssuedBy)*"

# the nodes upstream of the issuer: a property path from a constant (?issuer is written in as an IRI,
# see _chains: rdflib applies initBindings only after evaluating a path, which would make it quadratic)
_UPSTREAM_Q = PREFIXES + """
SELECT DISTINCT ?s WHERE { ?s %(path)s ?issuer . }
""" % {"path": _UPSTREAM}

# every control step: CONTROLS (weight 1) and current beneficial holdings of a security issued by ?t
_STEPS = PREFIXES + """
SELECT ?s ?src ?tgt ?pct ?pbound ?eid ?kind ?sname ?stype WHERE {
  {
    ?r og:edgeType "CONTROLS" ;
       fibo-fnd-oac-ctl:hasPartyInControl ?s ;
       fibo-fnd-oac-ctl:involvesControlledThing ?t ;
       og:id ?eid .
    ?s og:id ?src .
    ?t og:id ?tgt .
    BIND("C" AS ?kind)
  } UNION {
    ?r og:edgeType "HOLDS" ;
       og:basis "beneficial" ;
       og:current true ;
       fibo-fnd-oac-ctl:hasPartyInControl ?s ;
       fibo-fnd-oac-ctl:involvesControlledThing ?sec ;
       og:id ?eid .
    ?sec fibo-fnd-rel-rel:isIssuedBy ?t .
    ?s og:id ?src .
    ?t og:id ?tgt .
    FILTER(?t != ?s)
    OPTIONAL { ?r og:percent ?pct }
    OPTIONAL { ?r og:percentBound ?pbound }
    BIND("H" AS ?kind)
  }
  OPTIONAL { ?s rdfs:label ?sname }
  OPTIONAL { ?s a ?stype }
}
"""

_NODE = PREFIXES + """
SELECT ?n ?name ?type WHERE {
  ?n og:id ?node_id .
  OPTIONAL { ?n rdfs:label ?name }
  OPTIONAL { ?n a ?type }
}
"""

_HOLDINGS = PREFIXES + """
SELECT ?r ?sec_id ?sec_name ?shares ?pct ?pbound ?basis ?filing ?section WHERE {
  ?e og:id ?entity_id .
  ?r og:edgeType "HOLDS" ;
     og:current true ;
     fibo-fnd-oac-ctl:hasPartyInControl|fibo-fnd-oac-own:hasOwningParty ?e ;
     fibo-fnd-oac-ctl:involvesControlledThing|fibo-fnd-oac-own:hasOwnedAsset ?sec ;
     og:section ?section ;
     prov:wasDerivedFrom ?f .
  ?f og:id ?filing .
  ?sec og:id ?sec_id .
  OPTIONAL { ?sec rdfs:label ?sec_name }
  OPTIONAL { ?r og:basis ?basis }
  OPTIONAL { ?r og:shares ?shares }
  OPTIONAL { ?r og:percent ?pct }
  OPTIONAL { ?r og:percentBound ?pbound }
}
"""

_ISSUERS = PREFIXES + """
SELECT DISTINCT ?sec_id ?iss_id ?iss_name WHERE {
  ?sec og:id ?sec_id ;
       fibo-fnd-rel-rel:isIssuedBy ?i .
  ?i og:id ?iss_id .
  OPTIONAL { ?i rdfs:label ?iss_name }
}
"""

_OFFICERS = PREFIXES + """
SELECT ?r ?person_id ?person ?role ?title ?filing ?section WHERE {
  ?o og:id ?org_id .
  ?r og:edgeType ?role ;
     org:member ?p ;
     org:organization ?o ;
     og:section ?section ;
     prov:wasDerivedFrom ?f .
  FILTER(?role = "OFFICER_OF" || ?role = "DIRECTOR_OF")
  ?p og:id ?person_id .
  ?f og:id ?filing .
  OPTIONAL { ?p rdfs:label ?person }
  OPTIONAL { ?r og:title ?title }
}
"""

_GROUP = PREFIXES + """
SELECT DISTINCT ?member_id ?member WHERE {
  ?f og:id ?filing_node .
  ?g og:groupOf ?f .
  ?r og:edgeType "MEMBER_OF_GROUP" ;
     org:member ?m ;
     org:organization ?g .
  ?m og:id ?member_id .
  OPTIONAL { ?m rdfs:label ?member }
}
"""

_CAP_SECS = PREFIXES + """
SELECT DISTINCT ?sec_id ?sec_name ?into_id WHERE {
  ?i og:id ?issuer_id .
  ?sec fibo-fnd-rel-rel:isIssuedBy ?i ;
       og:id ?sec_id .
  OPTIONAL { ?sec rdfs:label ?sec_name }
  OPTIONAL { ?sec og:convertibleInto ?into . ?into og:id ?into_id }
}
"""

_CAP_HOLDS = PREFIXES + """
SELECT ?r ?sec_id ?holder_id ?holder ?shares ?underlying ?pct ?pbound WHERE {
  ?i og:id ?issuer_id .
  ?sec fibo-fnd-rel-rel:isIssuedBy ?i ;
       og:id ?sec_id .
  ?r og:edgeType "HOLDS" ;
     og:current true ;
     fibo-fnd-oac-ctl:involvesControlledThing|fibo-fnd-oac-own:hasOwnedAsset ?sec ;
     fibo-fnd-oac-ctl:hasPartyInControl|fibo-fnd-oac-own:hasOwningParty ?h .
  ?h og:id ?holder_id .
  OPTIONAL { ?h rdfs:label ?holder }
  OPTIONAL { ?r og:shares ?shares }
  OPTIONAL { ?r og:underlyingShares ?underlying }
  OPTIONAL { ?r og:percent ?pct }
  OPTIONAL { ?r og:percentBound ?pbound }
}
"""

#: the SPARQL texts, by canned query name (several texts where Python post-processing joins them)
QUERIES: dict[str, tuple[str, ...]] = {
    "who_controls": (_NODE, _UPSTREAM_Q, _STEPS),
    "control_chain": (_NODE, _UPSTREAM_Q, _STEPS),
    "holdings": (_HOLDINGS, _ISSUERS),
    "officers": (_OFFICERS,),
    "group_members": (_GROUP,),
    "cap_table": (_CAP_SECS, _CAP_HOLDS),
}

PARAMS: dict[str, tuple[str, ...]] = {
    "who_controls": ("issuer_id",),
    "control_chain": ("holder_id", "issuer_id"),
    "holdings": ("entity_id",),
    "officers": ("org_id",),
    "group_members": ("filing_id",),
    "cap_table": ("issuer_id",),
}

_KIND_BY_TYPE = {
    "http://xmlns.com/foaf/0.1/Person": "Person",
    "http://www.w3.org/ns/org#Organization": "Organization",
    "https://spec.edmcouncil.org/fibo/ontology/FBC/FinancialInstruments/FinancialInstruments/Security": "Security",
    "https://spec.edmcouncil.org/fibo/ontology/FND/Agreements/Contracts/Contract": "Agreement",
    "https://w3id.org/ownergraph/ontology#Filing": "Filing",
}


# ------------------------------------------------------------------ plumbing


def as_graph(graph_or_path: Any):
    """An rdflib graph from a Graph/Dataset, a Store (exported in memory) or an export file path."""
    from rdflib import Graph

    if isinstance(graph_or_path, Graph):
        return graph_or_path
    if hasattr(graph_or_path, "db") and hasattr(graph_or_path, "edges"):
        from ..graph.rdf.export import to_rdflib

        return to_rdflib(graph_or_path)
    from ..graph.rdf.export import load_rdf

    return load_rdf(str(graph_or_path))


@functools.lru_cache(maxsize=64)
def _prepared(text: str):
    """A canned query's text parsed and translated once (rdflib would redo both on every call)."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def _select(g, text: str, **bind: Any) -> Iterator[dict[str, Any]]:
    from rdflib import Literal
    from rdflib.term import Identifier

    res = g.query(_prepared(text), initBindings={k: v if isinstance(v, Identifier) else Literal(v) for k, v in bind.items()})
    names = [str(v) for v in res.vars]
    for row in res:
        yield {n: (None if v is None else v.toPython()) for n, v in zip(names, row)}


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def _fid(v: Any) -> str | None:
    s = _str(v)
    return s[len("filing:"):] if s and s.startswith("filing:") else s


_BAD_IRI = re.compile(r'[<>"{}|^`\\\x00-\x20]')


def _iri(v: Any) -> str:
    """An IRI as SPARQL text, refusing anything that could end the IRI early."""
    s = str(v)
    if not s or _BAD_IRI.search(s):
        raise QueryError(None, f"not a plain IRI: {s!r}")
    return f"<{s}>"


def _node(g, node_id: str) -> dict | None:
    rows = list(_select(g, _NODE, node_id=node_id))
    if not rows:
        return None
    kind = None
    for r in rows:
        k = _KIND_BY_TYPE.get(_str(r["type"]) or "")
        if k:
            kind = k
            break
    return {"name": _str(rows[0]["name"]), "kind": kind, "iri": rows[0]["n"]}


def _chains(g, issuer_id: str, info: dict[str, dict] | None = None
            ) -> Iterator[tuple[list[str], Decimal | None, bool]]:
    """Every chain ending at the issuer; ``info`` is filled with the name and kind of every node seen."""
    node = _node(g, issuer_id)
    if node is None:
        return
    if info is not None:
        info[issuer_id] = node
    steps: dict[str, list[tuple[str, Decimal | None, str, bool]]] = {}
    seen = set()
    upstream = {r["s"] for r in _select(g, _UPSTREAM_Q.replace("* ?issuer .", f"* {_iri(node['iri'])} ."))}
    if len(upstream) <= 1:  # only the issuer itself (the path's zero-length match): no step leads into it
        return
    for r in _select(g, _STEPS):
        if r["s"] not in upstream:
            continue
        src = str(r["src"])
        if info is not None:
            d = info.setdefault(src, {"name": _str(r["sname"]), "kind": None})
            d["kind"] = d["kind"] or _KIND_BY_TYPE.get(_str(r["stype"]) or "")
        key = (r["src"], r["tgt"], r["eid"])
        if key in seen:
            continue
        seen.add(key)
        if r["kind"] == "C":
            w: Decimal | None = Decimal(1)
        else:
            w = None if r["pct"] is None else Decimal(str(r["pct"])) / Decimal(100)
        bounded = r["kind"] != "C" and _str(r["pbound"]) == "<"
        steps.setdefault(str(r["tgt"]), []).append((src, w, str(r["eid"]), bounded))
    for lst in steps.values():
        lst.sort(key=lambda s: (s[0], s[2]))
    yield from walk_steps(steps, issuer_id, MAX_DEPTH)


# ------------------------------------------------------------------ queries


def who_controls(g, issuer_id: str) -> list[dict]:
    info: dict[str, dict] = {}
    rows = []
    for c, (path, pct, bounded) in best_chains(_chains(g, issuer_id, info)).items():
        rows.append({"controller_id": c, "controller": info[c]["name"], "kind": info[c]["kind"],
                     "percent": pct, "percent_bound": "<" if bounded and pct is not None else None,
                     "depth": len(path) - 1, "path": path})
    rows.sort(key=lambda r: (_desc_none_last(r["percent"]), r["controller"] or "", r["controller_id"]))
    return rows


def control_chain(g, holder_id: str, issuer_id: str) -> list[dict]:
    info: dict[str, dict] = {}
    rows = []
    for path, w, bounded in _chains(g, issuer_id, info):
        if path[0] != holder_id:
            continue
        rows.append({"path": path, "names": [info[n]["name"] for n in path], "percent": _pct_of(w),
                     "percent_bound": "<" if bounded and w is not None else None})
    rows.sort(key=lambda r: (_desc_none_last(r["percent"]), r["path"]))
    return rows


def holdings(g, entity_id: str) -> list[dict]:
    held = list(_select(g, _HOLDINGS, entity_id=entity_id))
    issuers: dict[str, list[tuple[str, str | None]]] = {}
    for sec_id in {str(r["sec_id"]) for r in held}:  # the issuers of the securities held, not of every one
        issuers[sec_id] = [(str(r["iss_id"]), _str(r["iss_name"])) for r in _select(g, _ISSUERS, sec_id=sec_id)]
    rows = []
    for r in held:
        iss = sorted(issuers.get(str(r["sec_id"]), []))
        rows.append({
            "security_id": str(r["sec_id"]),
            "security": _str(r["sec_name"]),
            "issuer_id": iss[0][0] if iss else None,
            "issuer": iss[0][1] if iss else None,
            "shares": _amount(r["shares"]),
            "percent": _pct(r["pct"]),
            "percent_bound": _str(r["pbound"]) or None,
            "basis": _str(r["basis"]),
            "filing_id": _fid(r["filing"]),
            "section": _str(r["section"]),
        })
    rows.sort(key=lambda r: (r["security_id"], r["basis"] or "", r["filing_id"], r["section"] or ""))
    return rows


def officers(g, org_id: str) -> list[dict]:
    rows = [{
        "person_id": str(r["person_id"]),
        "person": _str(r["person"]),
        "role": str(r["role"]),
        "title": _str(r["title"]),
        "filing_id": _fid(r["filing"]),
        "section": _str(r["section"]),
    } for r in _select(g, _OFFICERS, org_id=org_id)]
    rows.sort(key=lambda r: (r["person"] or "", r["role"], r["title"] or "", r["person_id"], r["filing_id"]))
    return rows


def group_members(g, filing_id: str) -> list[dict]:
    fid = filing_id[len("filing:"):] if filing_id.startswith("filing:") else filing_id
    rows = []
    seen = set()
    for r in _select(g, _GROUP, filing_node=f"filing:{fid}"):
        m = str(r["member_id"])
        if m in seen:
            continue
        seen.add(m)
        rows.append({"member_id": m, "member": _str(r["member"]), "filing_id": fid})
    rows.sort(key=lambda r: (r["member"] or "", r["member_id"]))
    return rows


def cap_table(g, issuer_id: str) -> list[dict]:
    secs: dict[str, dict] = {}
    for r in _select(g, _CAP_SECS, issuer_id=issuer_id):
        s = secs.setdefault(str(r["sec_id"]), {"name": _str(r["sec_name"]), "into": set(), "holds": []})
        if r["into_id"] is not None:
            s["into"].add(str(r["into_id"]))
    for r in _select(g, _CAP_HOLDS, issuer_id=issuer_id):
        secs[str(r["sec_id"])]["holds"].append(r)
    rows = []
    for sec in sorted(secs):
        s = secs[sec]
        for t in sorted(s["into"]) or [None]:
            for h in s["holds"] or [None]:
                rows.append({
                    "security_id": sec,
                    "security": s["name"],
                    "converts_into_id": t,
                    "holder_id": None if h is None else str(h["holder_id"]),
                    "holder": None if h is None else _str(h["holder"]),
                    "shares": None if h is None else _amount(h["shares"]),
                    "underlying_shares": None if h is None else _amount(h["underlying"]),
                    "percent": None if h is None else _pct(h["pct"]),
                    "percent_bound": None if h is None else (_str(h["pbound"]) or None),
                })
    rows.sort(key=lambda r: (r["security_id"], r["holder_id"] or "", r["converts_into_id"] or "",
                             r["shares"] or "", r["underlying_shares"] or "", r["percent"] or -1.0))
    return rows


CANNED = {
    "who_controls": who_controls,
    "control_chain": control_chain,
    "holdings": holdings,
    "officers": officers,
    "group_members": group_members,
    "cap_table": cap_table,
}


def run_sparql(graph_or_path: Any, name: str, **params: Any) -> list[dict]:
    """Run a canned SPARQL query by name; rows as ``canned.run`` gives them."""
    if name not in CANNED:
        raise QueryError(None, f"unknown canned query {name!r} (known: {', '.join(sorted(CANNED))})")
    missing = [n for n in PARAMS[name] if n not in params]
    if missing:
        raise QueryError(None, f"canned query {name} needs {', '.join(missing)}")
    g = as_graph(graph_or_path)
    return CANNED[name](g, **{n: str(params[n]) for n in PARAMS[name]})


def run_text(graph_or_path: Any, text: str, **params: Any) -> list[dict]:
    """Run any SPARQL SELECT/ASK text; ``params`` are bound as literals (``?name``)."""
    g = as_graph(graph_or_path)
    q = text if "PREFIX" in text.upper() else PREFIXES + text
    try:
        from rdflib import Literal

        res = g.query(q, initBindings={k: Literal(v) for k, v in params.items()})
    except Exception as e:  # rdflib raises pyparsing / its own errors
        raise QueryError(None, f"bad SPARQL: {e}") from None
    if res.type == "ASK":
        return [{"ask": bool(res.askAnswer)}]
    if res.type != "SELECT":
        raise QueryError(None, "only SELECT and ASK queries are supported")
    names = [str(v) for v in res.vars]
    return [{n: (None if v is None else to_plain(v.toPython())) for n, v in zip(names, row)} for row in res]


def query_text(name: str) -> str:
    """The SPARQL text(s) of a canned query, for display and for use in other triple stores."""
    if name not in QUERIES:
        raise QueryError(None, f"unknown canned query {name!r}")
    return "\n# ----\n".join(QUERIES[name])


def load_query(arg: str) -> tuple[str, str | None]:
    """QUERY-OR-FILE-OR-CANNED-NAME -> (kind, text-or-name)."""
    if arg in CANNED:
        return "canned", arg
    p = Path(arg)
    if p.suffix in (".rq", ".sparql") or (len(arg) < 300 and "\n" not in arg and p.is_file()):
        try:
            return "text", p.read_text(encoding="utf-8")
        except OSError as e:
            raise QueryError(arg, f"cannot read query file: {e.strerror}") from None
    return "text", arg
