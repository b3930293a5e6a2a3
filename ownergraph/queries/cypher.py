"""The canned queries as Cypher: one named text per query, beside its Python twin in
:mod:`ownergraph.queries.canned`, returning the same rows on the same graph.

The texts run unchanged on Neo4j 5 and on FalkorDB (the subset both engines
share: no EXISTS/COUNT subqueries, no ``=~``, no ``round(x, n)``, no
``shortestPath`` in MATCH, no bound variable-length relationship lists).
Every user value is a parameter (``$issuer_id`` ...); ``$max_depth`` is
:data:`ownergraph.queries.canned.MAX_DEPTH`.  Only relationships with
``current: true`` count (the writer sets it from the time rules of
:mod:`ownergraph.graph.view`: a superseded HOLDS position is not current).
The control chains also skip ``restated: true`` relationships: an ISSUED_BY
that repeats one another filing stated (the Python twin keeps each issuer of a
security once, too).

The control step (see :mod:`ownergraph.queries.canned`) is matched as a
variable-length path over ``CONTROLS|HOLDS|ISSUED_BY`` in which every HOLDS
(beneficial) is immediately followed by an ISSUED_BY and every ISSUED_BY
immediately preceded by a HOLDS; the entities on the path (its first node and
the node after each CONTROLS or ISSUED_BY) must all differ, and there are at
most ``$max_depth`` of them after the first.  The percentage of a chain is
``reduce`` over ``relationships(p)``: the product of ``percent / 100`` of its
holdings, NULL as soon as one is unknown.

:func:`run_canned` does a small, deterministic post-processing in Python that
Cypher cannot express on both engines:

* ``who_controls``: the Cypher returns, per controller, the best percentage,
  the shortest depth at it, and every path of that depth at that percentage
  (within 1e-9 percentage points: binary floating point multiplies the same
  factors in another order to another last bit, where the twin's Decimal sees a
  tie); Python picks the lexicographically smallest path (lists are not
  orderable in FalkorDB).
* every query: values are normalized like the Python twin (percent as float,
  share counts as plain decimal strings) and rows are stably re-sorted with the
  twin's sort key, so the order does not depend on an engine's collation of
  NULLs and mixed types.  The Cypher already orders rows the same way for
  people pasting it into Neo4j Browser.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import QueryError
from ..graph.backends.dialect import check_label
from ..graph.model import NodeKind
from . import canned
from .canned import MAX_DEPTH, _amount, _pct

_HOPS = 2 * MAX_DEPTH  # a holding step is two relationships (HOLDS, ISSUED_BY)

# The chains that end at an issuer: shared by who_controls and control_chain.
_CHAINS = f"""
MATCH p = (c)-[:CONTROLS|HOLDS|ISSUED_BY*1..{_HOPS} {{current: true, restated: false}}]->(i)
WITH c, nodes(p) AS ns, relationships(p) AS rs
WHERE type(rs[0]) <> 'ISSUED_BY' AND type(rs[size(rs) - 1]) <> 'HOLDS'
  AND all(k IN range(0, size(rs) - 1) WHERE
        type(rs[k]) = 'CONTROLS'
     OR (type(rs[k]) = 'HOLDS' AND (rs[k].basis IS NULL OR rs[k].basis IN ['', 'beneficial'])
         AND k + 1 < size(rs) AND type(rs[k + 1]) = 'ISSUED_BY')
     OR (type(rs[k]) = 'ISSUED_BY' AND k > 0 AND type(rs[k - 1]) = 'HOLDS'))
WITH c, rs, [ns[0]] + [k IN range(0, size(rs) - 1) WHERE type(rs[k]) <> 'HOLDS' | ns[k + 1]] AS ents
WITH c, rs, ents, [n IN ents | n.id] AS path
WHERE size(path) - 1 <= $max_depth
  AND all(x IN range(0, size(path) - 1) WHERE all(y IN range(x + 1, size(path) - 1) WHERE path[x] <> path[y]))
WITH c, ents, path, [r IN rs WHERE type(r) <> 'ISSUED_BY' | r.id] AS steps,
     any(r IN rs WHERE type(r) = 'HOLDS' AND r.percent_bound = '<') AS bounded,
     reduce(w = 1.0, r IN rs | CASE
         WHEN w IS NULL THEN NULL
         WHEN type(r) = 'HOLDS' THEN CASE WHEN r.percent IS NULL THEN NULL ELSE w * toFloat(r.percent) / 100.0 END
         ELSE w END) AS weight"""

WHO_CONTROLS = f"""// who_controls: everyone with a chain of control steps to the issuer, best chain per controller
MATCH (i {{id: $issuer_id}}){_CHAINS}
WITH DISTINCT c, path, steps, bounded, weight * 100.0 AS pct
WITH c, max(pct) AS best, collect({{pct: pct, path: path, bounded: bounded}}) AS chains
WITH c, best, [x IN chains WHERE (best IS NULL AND x.pct IS NULL) OR x.pct >= best - 0.000000001] AS top
WITH c, best, top, reduce(m = {_HOPS + 2}, x IN top | CASE WHEN size(x.path) < m THEN size(x.path) ELSE m END) AS n
RETURN c.id AS controller_id, c.name AS controller, labels(c)[0] AS kind, best AS percent, n - 1 AS depth,
       [x IN top WHERE size(x.path) = n | {{path: x.path, bounded: x.bounded}}] AS chains
ORDER BY CASE WHEN percent IS NULL THEN 1 ELSE 0 END, percent DESC, controller, controller_id"""

CONTROL_CHAIN = f"""// control_chain: every chain from the holder to the issuer, percentages multiplied along it
MATCH (i {{id: $issuer_id}})
MATCH (c {{id: $holder_id}}){_CHAINS}
WITH DISTINCT path, [n IN ents | n.name] AS names, steps, bounded, weight * 100.0 AS percent
RETURN path, names, percent, CASE WHEN bounded AND percent IS NOT NULL THEN '<' ELSE NULL END AS percent_bound
ORDER BY CASE WHEN percent IS NULL THEN 1 ELSE 0 END, percent DESC"""

HOLDINGS = """// holdings: every current HOLDS relationship out of a person or organization
MATCH (h {id: $entity_id})-[r:HOLDS {current: true}]->(s)
OPTIONAL MATCH (s)-[:ISSUED_BY {current: true}]->(iss)
WITH r, s, collect(DISTINCT iss) AS issuers
WITH r, s, reduce(b = NULL, x IN issuers | CASE WHEN b IS NULL OR x.id < b.id THEN x ELSE b END) AS iss
RETURN s.id AS security_id, s.name AS security, iss.id AS issuer_id, iss.name AS issuer,
       coalesce(r.shares_exact, r.shares) AS shares, r.percent AS percent,
       r.percent_bound AS percent_bound, r.basis AS basis,
       r.filing_id AS filing_id, r.section AS section
ORDER BY security_id, coalesce(basis, ''), filing_id, coalesce(section, '')"""

OFFICERS = """// officers: OFFICER_OF and DIRECTOR_OF relationships into the organization
MATCH (o {id: $org_id})<-[r:OFFICER_OF|DIRECTOR_OF {current: true}]-(p)
RETURN p.id AS person_id, p.name AS person, type(r) AS role, r.title AS title,
       r.filing_id AS filing_id, r.section AS section
ORDER BY coalesce(person, ''), role, coalesce(title, ''), person_id, filing_id"""

GROUP_MEMBERS = """// group_members: who filed the filing jointly as a group (MEMBER_OF_GROUP into its Filing node)
WITH CASE WHEN $filing_id STARTS WITH 'filing:' THEN substring($filing_id, 7) ELSE $filing_id END AS fid
MATCH (f:Filing {id: 'filing:' + fid})<-[:MEMBER_OF_GROUP {current: true}]-(m)
RETURN DISTINCT m.id AS member_id, m.name AS member, fid AS filing_id
ORDER BY coalesce(member, ''), member_id"""

CAP_TABLE = """// cap_table: every security of the issuer x each class it converts into x each current holder
MATCH (i {id: $issuer_id})<-[:ISSUED_BY {current: true}]-(s)
WITH DISTINCT s
OPTIONAL MATCH (s)-[:CONVERTIBLE_INTO {current: true}]->(t)
WITH s, collect(DISTINCT t.id) AS targets
OPTIONAL MATCH (h)-[r:HOLDS {current: true}]->(s)
WITH s, targets, collect(CASE WHEN r IS NULL THEN NULL ELSE {
       holder_id: h.id, holder: h.name, shares: coalesce(r.shares_exact, r.shares),
       underlying_shares: coalesce(r.underlying_shares_exact, r.underlying_shares), percent: r.percent,
       percent_bound: r.percent_bound} END) AS holds
UNWIND CASE WHEN size(targets) = 0 THEN [NULL] ELSE targets END AS t
UNWIND CASE WHEN size(holds) = 0 THEN [NULL] ELSE holds END AS x
RETURN s.id AS security_id, s.name AS security, t AS converts_into_id, x.holder_id AS holder_id,
       x.holder AS holder, x.shares AS shares, x.underlying_shares AS underlying_shares, x.percent AS percent,
       x.percent_bound AS percent_bound
ORDER BY security_id, coalesce(holder_id, ''), coalesce(converts_into_id, '')"""

#: name -> Cypher text (same names and parameters as :data:`ownergraph.queries.canned.CANNED`)
CYPHER: dict[str, str] = {
    "who_controls": WHO_CONTROLS,
    "control_chain": CONTROL_CHAIN,
    "holdings": HOLDINGS,
    "officers": OFFICERS,
    "group_members": GROUP_MEMBERS,
    "cap_table": CAP_TABLE,
}

#: parameters every text takes besides the user's
FIXED_PARAMS: dict[str, dict[str, Any]] = {
    "who_controls": {"max_depth": MAX_DEPTH},
    "control_chain": {"max_depth": MAX_DEPTH},
}


def params_for(name: str, **params: Any) -> dict[str, Any]:
    """Check the name and parameters; the full parameter map for the Cypher text."""
    if name not in CYPHER:
        raise QueryError(None, f"unknown canned query {name!r} (known: {', '.join(sorted(CYPHER))})")
    names = canned.CANNED[name][1]
    missing = [n for n in names if params.get(n) is None]
    if missing:
        raise QueryError(None, f"canned query {name} needs {', '.join(missing)}")
    out = {n: str(params[n]) for n in names}
    out.update(FIXED_PARAMS.get(name, {}))
    return out


def _cypher_literal(v: Any) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    # Cypher string literals take the same escapes as JSON strings (\" \\ \n \uXXXX)
    return json.dumps(str(v), ensure_ascii=False)


def param_lines(name: str, **params: Any) -> list[str]:
    """``:param`` lines for Neo4j Browser; missing user values become ``"<name>"`` placeholders."""
    names = canned.CANNED[name][1] if name in canned.CANNED else ()
    values = {n: params.get(n) if params.get(n) is not None else f"<{n}>" for n in names}
    values.update(FIXED_PARAMS.get(name, {}))
    return [f":param {k} => {_cypher_literal(v)}" for k, v in values.items()]


def _desc_none_last(p: float | None) -> tuple:
    # rounded: the engines multiply in binary floating point, where the twin's Decimal products tie
    return (1, 0.0) if p is None else (0, -round(p, 9))


def _post(name: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Normalize values like the Python twin and sort with its key (stable)."""
    if name == "who_controls":
        out = []
        for r in rows:
            path, bounded = min((list(x["path"]), bool(x["bounded"])) for x in r["chains"])
            pct = _pct(r["percent"])
            out.append({"controller_id": r["controller_id"], "controller": r["controller"], "kind": r["kind"],
                        "percent": pct, "percent_bound": "<" if bounded and pct is not None else None,
                        "depth": int(r["depth"]), "path": path})
        out.sort(key=lambda r: (_desc_none_last(r["percent"]), r["controller"] or "", r["controller_id"]))
        return out
    if name == "control_chain":
        out = [{"path": list(r["path"]), "names": list(r["names"]), "percent": _pct(r["percent"]),
                "percent_bound": r.get("percent_bound") or None} for r in rows]
        out.sort(key=lambda r: (_desc_none_last(r["percent"]), r["path"]))
        return out
    if name == "holdings":
        out = [{**r, "shares": _amount(r["shares"]), "percent": _pct(r["percent"]),
                "percent_bound": r.get("percent_bound") or None} for r in rows]
        out.sort(key=lambda r: (r["security_id"], r["basis"] or "", r["filing_id"], r["section"] or ""))
        return out
    if name == "officers":
        out = [dict(r) for r in rows]
        out.sort(key=lambda r: (r["person"] or "", r["role"], r["title"] or "", r["person_id"], r["filing_id"]))
        return out
    if name == "group_members":
        out = [dict(r) for r in rows]
        out.sort(key=lambda r: (r["member"] or "", r["member_id"]))
        return out
    if name == "cap_table":
        out = [{**r, "shares": _amount(r["shares"]), "underlying_shares": _amount(r["underlying_shares"]),
                "percent": _pct(r["percent"]), "percent_bound": r.get("percent_bound") or None} for r in rows]
        out.sort(key=lambda r: (r["security_id"], r["holder_id"] or "", r["converts_into_id"] or "",
                                r["shares"] or "", r["underlying_shares"] or "", r["percent"] or -1.0))
        return out
    return rows  # pragma: no cover


#: the node each text starts from: query name -> (variable, parameter) pairs.  The texts leave these
#: anchors unlabelled, so that one text serves any kind of node; :func:`run_canned` adds the label.
ANCHORS: dict[str, tuple[tuple[str, str], ...]] = {
    "who_controls": (("i", "issuer_id"),),
    "control_chain": (("i", "issuer_id"), ("c", "holder_id")),
    "holdings": (("h", "entity_id"),),
    "officers": (("o", "org_id"),),
    "cap_table": (("i", "issuer_id"),),
}

_LABELS = tuple(k.value for k in NodeKind)

#: which labels carry a node with id ``$id``: one index seek per label (``id`` is indexed per label on
#: both engines; an unlabelled ``MATCH (n {id: $id})`` scans every node)
LABELS_OF = "\n".join(
    [f"OPTIONAL MATCH (n0:{_LABELS[0]} {{id: $id}}) WITH count(n0) AS c0"]
    + [f"OPTIONAL MATCH (n{k}:{lb} {{id: $id}}) WITH {', '.join(f'c{j}' for j in range(k))}, count(n{k}) AS c{k}"
       for k, lb in enumerate(_LABELS) if k]
    + ["RETURN " + ", ".join(f"c{k} AS `{lb}`" for k, lb in enumerate(_LABELS))])


def anchor_labels(backend, node_id: str) -> list[str]:
    """The labels of the nodes whose ``id`` is ``node_id`` (normally one; none when there is no such node)."""
    rows = backend.read(LABELS_OF, {"id": node_id})
    return [lb for lb in _LABELS if rows and rows[0].get(lb)]


def labelled(name: str, labels: dict[str, str]) -> str:
    """The text of canned query ``name`` with its anchors labelled: ``labels`` maps a parameter to a label."""
    text = CYPHER[name]
    for var, param in ANCHORS.get(name, ()):
        if param in labels:
            plain = f"({var} {{id: ${param}}})"
            assert plain in text, (name, plain)
            text = text.replace(plain, f"({var}:{check_label(labels[param])} {{id: ${param}}})")
    return text


def run_canned(backend, name: str, **params: Any) -> list[dict[str, Any]]:
    """Run a canned query on a graph database; rows shaped exactly like ``canned.run(g, name, **params)``.

    Each anchor node is looked up first by its id under every label (index seeks), and the query runs
    with the anchors labelled, so it starts from the id index instead of a scan of every node.  An id
    that names no node answers no rows, as the query itself would.
    """
    p = params_for(name, **params)
    labels: dict[str, str] = {}
    for _var, param in ANCHORS.get(name, ()):
        found = anchor_labels(backend, p[param])
        if not found:
            return []
        if len(found) == 1:  # the same id under two labels (two nodes): leave that anchor unlabelled
            labels[param] = found[0]
    return _post(name, backend.read(labelled(name, labels), p))
