"""Facts -> graph: entity resolution and edge construction for one filing.

The builder is form-agnostic: it only reads :class:`FilingFacts` (entities with
CIK/CUSIP/name, relations with standard property names), so a new loader never
needs code here.

Resolution rules (see also :mod:`ownergraph.graph.ids`):

* A person or organization with a CIK is ``cik:<cik>``; its normalized name is
  remembered as an alias of that id, so later filings that name it without a
  CIK resolve to it.
* Without a CIK, the normalized name (and each multi-word alias the filing
  gives) is looked up among known aliases of the same kind; failing that the
  node is ``person:<name>`` / ``organization:<name>``.
* Surname-only mentions ("Mr. Ault") never become aliases across filings; the
  loader resolves them inside the filing.
* Securities: CUSIP, else issuer id plus normalized class title.  A class that has had more
  than one CUSIP (a reverse split) is, for a title without a CUSIP, the CUSIP in effect on the
  filing's date (``_cusip_in_effect``, from the dated statements the store keeps).
* Issuers: the first six characters of a CUSIP are the issuer's number, so an
  organization that issues a security with a CUSIP is also known by the alias
  ``issuer:cusip6:<six>``.  Without a CIK, that alias is looked up before the
  name: a 13F table's "BK OF AMERICA CORP" and another's "BANK AMER CORP" are
  one issuer, and so is the Schedule 13D subject company with a CIK.  The names
  an issuer was found under become its aliases.
* The reserved entity key ``"filing"`` is the filing's own node.
* An entity with the property ``stands_for="filer"`` (a document part that does
  not name its filer, e.g. a 13F information table) is the node of the
  filing's other filer entity when there is one.
"""

from __future__ import annotations

from typing import Protocol

from .ids import (
    agreement_id,
    cik_id,
    class_alias,
    cusip_id,
    edge_id,
    filing_node_id,
    name_id,
    normalize_cik,
    normalize_cusip,
    normalize_name,
    security_id,
)
from .model import (
    Edge,
    EdgeKind,
    EntityFact,
    FilingFacts,
    GraphDelta,
    Node,
    NodeKind,
    NodeProp,
)

FILING_KEY = "filing"


class AliasLookup(Protocol):
    def lookup_alias(self, alias: str) -> str | None: ...


CLASS_DATED = "#"  # "<class alias>#<date>" -> the CUSIP node a filing of that date stated for the class


def _cusip_in_effect(dated: list[tuple[str, str]], on: str) -> str | None:
    """The CUSIP node of a class in effect on a date, from ``(date, node)`` statements: the one first stated
    last on or before the date, else (a date before them all) the first stated.  None unless the class has
    had more than one CUSIP (with one, the class alias already names it)."""
    first: dict[str, str] = {}
    for d, nid in dated:
        if nid not in first or d < first[nid]:
            first[nid] = d
    if len(first) < 2:
        return None
    upto = [(d, nid) for nid, d in first.items() if d <= on]
    return max(upto)[1] if upto else min((d, nid) for nid, d in first.items())[1]


class _NoAliases:
    def lookup_alias(self, alias: str) -> str | None:
        return None


def _alias_keys(e: EntityFact) -> list[str]:
    names = [e.name, *e.aliases]
    keys = []
    for n in names:
        norm = normalize_name(n, e.kind)
        if not norm:
            continue
        if e.kind == NodeKind.PERSON and len(norm.split()) < 2:
            continue  # never resolve people on a single word
        k = f"{e.kind.value.lower()}:{norm}"
        if k not in keys:
            keys.append(k)
    return keys


def _stand_in_for_filer(e: EntityFact, filer_keys: list[str], key_to_id: dict[str, str]) -> str | None:
    """An entity with ``stands_for="filer"`` is the filing's filer when another filer entity is known
    (a 13F information table merged beside its cover page); alone, it is an entity of its own."""
    if e.prop("stands_for") != "filer":
        return None
    for k in filer_keys:
        if k != e.key and k in key_to_id:
            return key_to_id[k]
    return None


ISSUER_CUSIP6 = "issuer:cusip6:"


def cusip6_alias(cusip: str | None) -> str | None:
    """The issuer alias a CUSIP gives (its first six characters), or None for no usable CUSIP."""
    c = normalize_cusip(cusip)
    return ISSUER_CUSIP6 + c[:6] if c else None


def _issuer_cusip6(facts: FilingFacts) -> dict[str, list[str]]:
    """entity key -> the issuer aliases of the securities with a CUSIP it issues (in this filing)."""
    by_key = {e.key: e for e in facts.entities}
    out: dict[str, list[str]] = {}
    for r in facts.relations:
        if r.type != EdgeKind.ISSUED_BY:
            continue
        sec, issuer = by_key.get(r.source), by_key.get(r.target)
        if sec is None or issuer is None or sec.kind != NodeKind.SECURITY or issuer.kind != NodeKind.ORGANIZATION:
            continue
        a = cusip6_alias(sec.cusip)
        if a and a not in out.setdefault(issuer.key, []):
            out[issuer.key].append(a)
    return out


def _first_alias(keys, learned: dict[str, str], aliases: AliasLookup) -> str | None:
    for k in keys:
        hit = learned.get(k) or aliases.lookup_alias(k)
        if hit:
            return hit
    return None


def build_delta(facts: FilingFacts, aliases: AliasLookup | None = None) -> GraphDelta:
    aliases = aliases or _NoAliases()
    f = facts.filing
    fid = f.id
    key_to_id: dict[str, str] = {FILING_KEY: filing_node_id(fid)}
    learned: dict[str, str] = {}
    nodes: dict[str, Node] = {}
    node_props: list[NodeProp] = []

    # the filing node
    fprops = {
        "form_type": f.form_type,
        "also_form_types": "; ".join(f.also_form_types) or None,
        "accession": f.accession,
        "amendment_no": f.amendment_no,
        "amendment_type": f.amendment_type,
        "event_date": f.event_date,
        "filed_date": f.filed_date,
        "signed_date": f.signed_date,
        "source": f.source,
        "family": f.family,
    }
    nodes[key_to_id[FILING_KEY]] = Node(
        id=key_to_id[FILING_KEY],
        kind=NodeKind.FILING,
        name=f"{f.form_type} {f.accession or fid}" + (f" (Amendment No. {f.amendment_no})" if f.amendment_no else ""),
        props={k: v for k, v in fprops.items() if v is not None},
    )

    issuer_cusip6 = _issuer_cusip6(facts)
    on = f.event_date or f.filed_date
    on_s = on.isoformat() if on else None
    dated_lookup = getattr(aliases, "class_cusips", None)

    def resolve(e: EntityFact, issuer_id: str | None = None) -> str:
        if e.kind in (NodeKind.PERSON, NodeKind.ORGANIZATION):
            cik = normalize_cik(e.cik)
            c6 = issuer_cusip6.get(e.key, ())
            if cik:
                nid = cik_id(cik)
                for k in (*c6, *_alias_keys(e)):
                    learned.setdefault(k, nid)
                return nid
            if not c6:
                return _first_alias(_alias_keys(e), learned, aliases) or name_id(e.kind, e.name)
            # an issuer's CUSIP number names it better than its (often abbreviated) name does; the names
            # it was found under become aliases of the node
            nid = (_first_alias(c6, learned, aliases) or _first_alias(_alias_keys(e), learned, aliases)
                   or name_id(e.kind, e.name))
            for k in (*c6, *_alias_keys(e)):
                if k != nid:
                    learned.setdefault(k, nid)
            return nid
        if e.kind == NodeKind.SECURITY:
            cusip = normalize_cusip(e.cusip)
            by_title = security_id(issuer_id, e.name)
            # the class, however the title words it (a 13F table's "CL A" is a Form 4's "Class A Common Stock")
            by_class = class_alias(issuer_id, str(e.prop("title_of_class") or e.name))
            if cusip:
                nid = cusip_id(cusip)
                learned.setdefault(by_title, nid)
                if by_class:
                    learned.setdefault(by_class, nid)
                    if on_s:  # remembered with its date: a class can change its CUSIP (a reverse split)
                        learned.setdefault(f"{by_class}{CLASS_DATED}{on_s}|{nid}", nid)
                return nid
            # a class that has changed its CUSIP: a title without one (a Form 4's "Common Stock") is the
            # CUSIP in effect at this filing's date, whatever order the filings were loaded in
            nid = learned.get(by_class) if by_class else None
            if nid is None and by_class and on_s and dated_lookup is not None:
                nid = _cusip_in_effect(dated_lookup(by_class), on_s)
            if nid is not None:
                learned.setdefault(by_class, nid)
                return nid
            nid = learned.get(by_title) or aliases.lookup_alias(by_title)
            if nid is None and by_class:
                nid = learned.get(by_class) or aliases.lookup_alias(by_class)
            nid = nid or by_title
            if by_class:
                learned.setdefault(by_class, nid)
            return nid
        if e.kind == NodeKind.AGREEMENT:
            d = e.prop("date")
            return agreement_id(fid, e.name, d.isoformat() if hasattr(d, "isoformat") else None)
        return filing_node_id(fid)

    # people and organizations first, then securities (their id may need the issuer's)
    ents = sorted(facts.entities, key=lambda e: e.kind == NodeKind.SECURITY)
    issued_by = {r.source: r.target for r in facts.relations if r.type == EdgeKind.ISSUED_BY}
    for e in ents:
        if e.key == FILING_KEY:
            continue
        issuer_id = key_to_id.get(issued_by.get(e.key, ""), None)
        if issuer_id is None and e.kind == NodeKind.SECURITY and f.issuer_key:
            issuer_id = key_to_id.get(f.issuer_key)
        stand_in = _stand_in_for_filer(e, f.filer_keys, key_to_id)
        if stand_in is not None:  # a document part that does not name its filer (13F information table)
            key_to_id[e.key] = stand_in
            continue
        nid = resolve(e, issuer_id)
        key_to_id[e.key] = nid
        props: dict = {}
        if normalize_cik(e.cik):
            props["cik"] = normalize_cik(e.cik)
        if normalize_cusip(e.cusip):
            props["cusip"] = normalize_cusip(e.cusip)
        for p in e.props:
            if p.value is not None:
                props.setdefault(p.name, p.value)
                node_props.append(
                    NodeProp(node_id=nid, name=p.name, value=p.value, filing_id=fid,
                             section=p.prov.section, excerpt=p.prov.excerpt)
                )
        node_props.append(
            NodeProp(node_id=nid, name="name", value=e.name, filing_id=fid,
                     section=e.prov.section, excerpt=e.prov.excerpt)
        )
        if nid in nodes:
            merged = dict(props)
            merged.update(nodes[nid].props)
            nodes[nid] = Node(id=nid, kind=nodes[nid].kind, name=nodes[nid].name, props=merged)
        else:
            nodes[nid] = Node(id=nid, kind=e.kind, name=e.name, props=props)

    edges: dict[str, Edge] = {}

    def add_edge(etype: EdgeKind, src: str, dst: str, props: dict, section: str, text: str,
                 disc: str | None, seq: int) -> None:
        eid = edge_id(etype.value, src, dst, fid, disc)
        as_of = props.get("as_of") or f.event_date
        if etype == EdgeKind.HOLDS:
            props = dict(props)
            props.setdefault("basis", "beneficial")
            props["position_key"] = "|".join(
                [src, dst, str(props.get("basis")), str(props.get("nature") or props.get("ownership") or "")]
            )
            props["seq"] = seq
        if eid in edges:
            old = edges[eid]
            merged = dict(props)
            merged.update({k: v for k, v in old.props.items() if v is not None})
            edges[eid] = old.model_copy(update={"props": merged})
            return
        edges[eid] = Edge(id=eid, type=etype, source=src, target=dst,
                          props={k: v for k, v in props.items() if v is not None},
                          filing_id=fid, section=section, excerpt=text, as_of=as_of)

    for seq, r in enumerate(facts.relations):
        src, dst = key_to_id.get(r.source), key_to_id.get(r.target)
        if src is None or dst is None or src == dst:
            continue
        add_edge(r.type, src, dst, dict(r.props), r.prov.section, r.prov.excerpt, r.discriminator, seq)

    filing_nid = key_to_id[FILING_KEY]
    for k in f.filer_keys:
        if k in key_to_id:
            add_edge(EdgeKind.FILED, key_to_id[k], filing_nid, {}, "header", "", None, 0)
    if f.issuer_key and f.issuer_key in key_to_id:
        add_edge(EdgeKind.SUBJECT_OF, key_to_id[f.issuer_key], filing_nid, {}, "header", "", None, 0)

    return GraphDelta(filing=f, nodes=list(nodes.values()), node_props=node_props,
                      edges=list(edges.values()), aliases=learned)
