"""Store -> RDF.

One generator, :func:`iter_quads`, walks the store (nodes, then filings, then
edges, straight from SQLite cursors) and yields statements as ready-made
N-Triples terms.  The writers only format them:

* ``nt``: written line by line; no rdflib ``Graph`` is ever built, memory is
  bounded by the set of shortcut triples already written (to drop repeats).
* ``ttl`` / ``turtle`` and ``trig``: the same stream, grouped by subject (the
  walk emits each subject's statements together) with prefixed names; TriG
  puts each filing's edges in the filing's named graph.  Also streaming.
* ``jsonld``: the stream is parsed and written by pyoxigraph's JSON-LD writer.

rdflib stays the model users see: :func:`to_rdflib` gives an rdflib ``Graph``
(or ``Dataset``); see ``bench/bench_export.py`` for the speed against rdflib's
own serializers.

Shape (see docs/rdf.md):

* nodes: ``<base>cik/0001086745`` (``foaf:Person`` / ``org:Organization``),
  ``<base>cusip/09175M507`` (``fibo-fbc-fi-fi:Security``, plus
  ``fibo-sec-eq-eq:CommonShare`` / ``PreferredShare`` by class title), agreements
  (``fibo-fnd-agr-ctr:Contract``); ``og:id`` keeps the store id, ``rdfs:label``
  the name;
* filings: the EDGAR archive index page
  ``https://www.sec.gov/Archives/edgar/data/<cik>/<accession without dashes>/<accession>-index.htm``
  (``<cik>`` = the subject company's CIK, else a reporting person's, else the
  accession number's filer-id prefix);
* every edge twice: a relationship node ``<base>rel/<edge id>`` carrying its
  values, ``og:section``, ``og:excerpt``, ``og:asOf`` and
  ``prov:wasDerivedFrom`` the filing, and a shortcut triple
  (``fibo-fnd-oac-own:owns``, ``fibo-fnd-rel-rel:controls``, ...).
* HOLDS relationship nodes carry ``og:current true/false``: the time rules of
  :mod:`ownergraph.graph.view` (newest position per holder, security, basis and
  nature) evaluated at export time.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sqlite3
from decimal import Decimal
from typing import IO, Any, Iterable, Iterator
from urllib.parse import quote

from ...errors import OwnergraphError
from ..model import FilingInfo
from ..values import loads_props
from ..view import PositionRow, class_keys, current_positions, position_rank, superseded_13f
from .vocab import (
    FIBO_COWN,
    FIBO_CTL,
    FIBO_CTR,
    FIBO_EQ,
    FIBO_EXEC,
    FIBO_FI,
    FIBO_OWN,
    FIBO_REL,
    OG,
    OG_NS,
    ORG,
    PREFIXES,
)

DEFAULT_BASE = "https://w3id.org/ownergraph/id/"
FORMATS = ("ttl", "turtle", "nt", "trig", "jsonld")

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
PROV_DERIVED = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
FOAF_PERSON = "<http://xmlns.com/foaf/0.1/Person>"
EDGAR = "https://www.sec.gov/Archives/edgar/data/"
TIME = "http://www.w3.org/2006/time#"
TIME_INTERVAL, TIME_INSTANT = f"<{TIME}Interval>", f"<{TIME}Instant>"
TIME_INSIDE, TIME_IN_XSD_DATE = f"<{TIME}inside>", f"<{TIME}inXSDDate>"

Quad = tuple[str, str, str, "str | None"]


def _u(iri: Any) -> str:
    return f"<{iri}>"


#: "<iri>" strings of every vocabulary term, computed once ("OG.id" -> "<https://...#id>")
_T: dict[str, str] = {
    f"{ns.__name__}.{name}": f"<{ns._NS}{name}>"
    for ns in (OG, ORG, FIBO_OWN, FIBO_CTL, FIBO_COWN, FIBO_REL, FIBO_EXEC, FIBO_FI, FIBO_EQ, FIBO_CTR)
    for name in ns.__annotations__
}


# ------------------------------------------------------------------ terms

_ESC = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NEEDS_ESC = re.compile(r'[\\"\x00-\x1f\x7f]')


def _esc_char(m: re.Match) -> str:
    c = m.group(0)
    return _ESC.get(c) or f"\\u{ord(c):04X}"


def lit(value: Any) -> str:
    """A Python value as an N-Triples literal: Decimal -> xsd:decimal, date -> xsd:date, ..."""
    if isinstance(value, bool):
        return f'"{"true" if value else "false"}"^^<{XSD}boolean>'
    if isinstance(value, Decimal):
        text = format(value, "f")
        return f'"{text}"^^<{XSD}decimal>'
    if isinstance(value, int):
        return f'"{value}"^^<{XSD}integer>'
    if isinstance(value, float):
        return f'"{format(Decimal(repr(value)), "f")}"^^<{XSD}decimal>'
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f'"{value.isoformat()}"^^<{XSD}date>'
    s = str(value)
    if _NEEDS_ESC.search(s):
        s = _NEEDS_ESC.sub(_esc_char, s)
    return f'"{s}"'


_IRI_OK = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|^`\\]*$")


def check_base(base: str) -> str:
    if not _IRI_OK.match(base or "") or not base.endswith(("/", "#")):
        raise OwnergraphError(None, f"--base must be an absolute IRI ending in '/' or '#' (got {base!r})")
    return base


_ID_PREFIXES = {"cik", "cusip", "person", "organization", "security", "agreement"}


def node_iri(base: str, node_id: str) -> str:
    """A stable IRI for a store node id under ``base`` (``cik:0001086745`` -> ``<base>cik/0001086745``)."""
    prefix, sep, rest = node_id.partition(":")
    if sep and prefix in _ID_PREFIXES:
        return base + prefix + "/" + quote(rest.replace(" ", "-"), safe="-._~:")
    return base + "node/" + quote(node_id.replace(" ", "-"), safe="-._~:")


_ACC = re.compile(r"^(\d{10})-(\d{2})-(\d{6})$")


def filing_iri(base: str, fid: str, accession: str | None, cik: str | None) -> str:
    """The filing's EDGAR archive index address, from its accession number."""
    acc = accession or (fid if _ACC.match(fid) else None)
    m = _ACC.match(acc or "")
    if not m:
        return base + "filing/" + quote(fid, safe="-._~")
    c = cik.lstrip("0") if cik and cik.strip("0") else str(int(m.group(1)))
    return f"{EDGAR}{c}/{acc.replace('-', '')}/{acc}-index.htm"


def base_prefixes(base: str) -> dict[str, str]:
    """Prefixes for the IRIs minted under ``base`` (``cik:0001086745`` reads like the store id)."""
    return {p: base + p + "/" for p in (*sorted(_ID_PREFIXES), "rel", "role", "group", "filing", "node")}


def _camel(name: str) -> str:
    parts = re.split(r"[^0-9A-Za-z]+", name)
    parts = [p for p in parts if p]
    if not parts:
        return "property"
    return parts[0].lower() + "".join(p[:1].upper() + p[1:] for p in parts[1:])


#: property name on edges/nodes -> our predicate (anything else: og:<camelCase name>)
PROP_PRED: dict[str, str] = {
    "shares": OG.shares,
    "percent": OG.percent,
    "percent_bound": OG.percentBound,
    "percent_text": OG.percentText,
    "sole_voting": OG.soleVotingPower,
    "shared_voting": OG.sharedVotingPower,
    "sole_dispositive": OG.soleDispositivePower,
    "shared_dispositive": OG.sharedDispositivePower,
    "basis": OG.basis,
    "nature": OG.nature,
    "underlying_shares": OG.underlyingShares,
    "ownership": OG.ownershipForm,
    "title": OG.title,
    "stated": OG.stated,
    "role": OG.role,
    "conversion_price": OG.conversionPrice,
    "conversion_terms": OG.conversionTerms,
    "ratio": OG.conversionRatio,
    "exercise_date": OG.exerciseDate,
    "expiration_date": OG.expirationDate,
    "stated_value": OG.statedValue,
    "as_of": OG.asOf,
    "cik": OG.cik,
    "cusip": OG.cusip,
    "form_type": OG.formType,
    "also_form_types": OG.alsoFormType,
    "accession": OG.accession,
    "amendment_no": OG.amendmentNo,
    "event_date": OG.eventDate,
    "filed_date": OG.filedDate,
    "signed_date": OG.signedDate,
    "family": OG.family,
    "member_of_group": OG.memberOfGroupBox,  # the row 2 box ('a' / 'b'), not a link to the group
}
#: never exported: store bookkeeping and local paths
SKIP_PROPS = {"position_key", "seq", "source"}
#: decimals even when a loader wrote an int
DECIMAL_PROPS = {"shares", "percent", "sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive",
                 "underlying_shares"}


def _pred(name: str) -> str:
    p = PROP_PRED.get(name)
    return _u(p if p is not None else OG_NS + _camel(name))


def _value(name: str, v: Any) -> str:
    if name in DECIMAL_PROPS and isinstance(v, int) and not isinstance(v, bool):
        v = Decimal(v)
    return lit(v)


# ------------------------------------------------------------------ edge kinds

_MEMBERSHIP_ROLE = {"OFFICER_OF": "officer", "DIRECTOR_OF": "director", "EMPLOYED_BY": "employee",
                    "MEMBER_OF_GROUP": "group-member"}
_ROLE_LABEL = {"officer": "officer", "director": "director", "employee": "employee",
               "group-member": "member of a group filing jointly"}

# kind -> (relationship classes, source predicate, target predicate, shortcut predicates)
_KINDS: dict[str, tuple[tuple[str, ...], str, str, tuple[str, ...]]] = {
    "CONTROLS": ((FIBO_CTL.Control,), FIBO_CTL.hasPartyInControl, FIBO_CTL.involvesControlledThing,
                 (FIBO_REL.controls,)),
    "ISSUED_BY": ((OG.Issuance,), OG.source, OG.target, (FIBO_REL.isIssuedBy,)),
    "OFFICER_OF": ((ORG.Membership,), ORG.member, ORG.organization, (FIBO_EXEC.isOfficerOf,)),
    "DIRECTOR_OF": ((ORG.Membership,), ORG.member, ORG.organization, (FIBO_EXEC.isDirectorOf,)),
    "EMPLOYED_BY": ((ORG.Membership,), ORG.member, ORG.organization, (ORG.memberOf,)),
    "MEMBER_OF_GROUP": ((ORG.Membership,), ORG.member, ORG.organization, (ORG.memberOf,)),
    "CONVERTIBLE_INTO": ((OG.Conversion,), OG.source, OG.target, (OG.convertibleInto,)),
    "PARTY_TO": ((OG.ContractParticipation,), OG.source, OG.target, (OG.partyTo,)),
    "FILED": ((OG.FilingParticipation,), OG.source, OG.target, (OG.filed,)),
    "SUBJECT_OF": ((OG.FilingParticipation,), OG.source, OG.target, (OG.subjectOf,)),
    "TEN_PERCENT_OWNER_OF": ((OG.TenPercentOwnership,), OG.source, OG.target, (OG.tenPercentOwnerOf,)),
    "SUBSIDIARY_OF": ((OG.Subsidiarity,), OG.source, OG.target, (OG.subsidiaryOf,)),
}


# the same, as "<iri>" strings
_KINDS_T = {k: (tuple(_u(c) for c in cl), _u(sp), _u(tp), tuple(_u(p) for p in pr))
            for k, (cl, sp, tp, pr) in _KINDS.items()}
_KIND_OTHER = ((_u(OG.Subsidiarity),), _u(OG.source), _u(OG.target), ())
_HOLDS_BENEFICIAL = ((_u(OG.Holding), _u(FIBO_COWN.BeneficialOwnership)), _u(FIBO_CTL.hasPartyInControl),
                     _u(FIBO_CTL.involvesControlledThing))
_HOLDS_OTHER = ((_u(OG.Holding), _u(FIBO_OWN.Ownership)), _u(FIBO_OWN.hasOwningParty), _u(FIBO_OWN.hasOwnedAsset))


def _security_classes(title: str) -> list[str]:
    t = title.casefold()
    out = [FIBO_FI.Security]
    if any(w in t for w in ("warrant", "option", "right", "note", "debenture", "unit")):
        return out
    if "preferred" in t or "preference" in t:
        out.append(FIBO_EQ.PreferredShare)
    elif "common" in t or "ordinary" in t:
        out.append(FIBO_EQ.CommonShare)
    return out


_NODE_CLASSES = {
    "Person": (FOAF_PERSON,),
    "Organization": (_T["ORG.Organization"],),
    "Agreement": (_T["FIBO_CTR.Contract"],),
    "Filing": (_T["OG.Filing"],),
}


# ------------------------------------------------------------------ the walk


def current_holdings(db: sqlite3.Connection, filings: dict[str, FilingInfo]) -> set[str]:
    """Ids of the current HOLDS edges (the time rules of graph/view.py, without an as-of date)."""
    no_key: set[str] = set()
    keyed: list[PositionRow] = []
    rows_13f: list[tuple[str, str, str]] = []
    for eid, props_text, src, dst, fid, as_of in db.execute(
            "SELECT id, props, source, target, filing_id, as_of FROM edges WHERE type='HOLDS' ORDER BY id"):
        props = loads_props(props_text)
        if props.get("basis") == "13f":
            rows_13f.append((eid, src, fid))
        pk = props.get("position_key")
        if not pk:
            no_key.add(eid)
            continue
        keyed.append((eid, src, dst, str(pk), props.get("basis"), fid,
                      position_rank(dt.date.fromisoformat(as_of) if as_of else None, props.get("seq"),
                                    filings.get(fid))))
    gone = superseded_13f(rows_13f, filings)
    names = dict(db.execute("SELECT id, name FROM nodes WHERE kind='Security'"))
    classes = class_keys(names, db.execute("SELECT source, target FROM edges WHERE type='ISSUED_BY'"))
    return no_key | current_positions((r for r in keyed if r[0] not in gone), classes)


class _Walk:
    def __init__(self, store, base: str, *, named_graphs: bool):
        self.db: sqlite3.Connection = store.db
        self.base = check_base(base)
        self.named = named_graphs
        self.filings = {f.id: f for f in store.filings()}
        self.seen: set[tuple] = set()

    def filing_iris(self) -> dict[str, str]:
        """Filing id -> IRI; the CIK in the EDGAR path is the subject company's, else the smallest filer CIK."""
        subj: dict[str, str] = {}
        filer: dict[str, str] = {}
        for fid, src, typ in self.db.execute(
                "SELECT filing_id, source, type FROM edges WHERE type IN ('SUBJECT_OF', 'FILED')"):
            if not src.startswith("cik:"):
                continue
            c = src[4:]
            d = subj if typ == "SUBJECT_OF" else filer
            if fid not in d or c < d[fid]:
                d[fid] = c
        return {fid: filing_iri(self.base, fid, f.accession, subj.get(fid) or filer.get(fid))
                for fid, f in self.filings.items()}

    def __iter__(self) -> Iterator[Quad]:
        base = self.base
        db = self.db
        fil_iri = self.filing_iris()
        node_ids: set[str] = set()

        memo: dict[str, str] = {}

        def iri_of(nid: str) -> str:
            hit = memo.get(nid)
            if hit is None:
                if nid.startswith("filing:") and nid[7:] in fil_iri:
                    hit = _u(fil_iri[nid[7:]])
                else:
                    hit = _u(node_iri(base, nid))
                memo[nid] = hit
            return hit

        # nodes (default graph)
        for nid, kind, name, props_text in db.execute("SELECT id, kind, name, props FROM nodes ORDER BY id"):
            node_ids.add(nid)
            s = iri_of(nid)
            if kind == "Security":
                for c in _security_classes(name):
                    yield s, RDF_TYPE, _u(c), None
            else:
                for c in _NODE_CLASSES.get(kind, ()):
                    yield s, RDF_TYPE, c, None
            yield s, _T["OG.id"], lit(nid), None
            yield s, RDFS_LABEL, lit(name), None
            if kind == "Filing":
                f = self.filings.get(nid[7:])
                if f is not None:
                    yield s, _T["OG.sha256"], lit(f.sha256), None
                    if f.shares_outstanding is not None:
                        yield s, _T["OG.sharesOutstanding"], lit(f.shares_outstanding), None
            for k, v in sorted(loads_props(props_text).items()):
                if v is None or k in SKIP_PROPS or k == "name":
                    continue
                yield s, _pred(k), _value(k, v), None

        current = current_holdings(db, self.filings)
        groups: set[str] = set()
        roles: set[str] = set()
        for eid, etype, src, dst, props_text, fid, section, excerpt, as_of in db.execute(
                "SELECT id, type, source, target, props, filing_id, section, excerpt, as_of FROM edges"
                " ORDER BY filing_id, id"):
            if src not in node_ids or dst not in node_ids:
                continue  # as graph/view.build_graph: an edge needs both ends
            props = loads_props(props_text)
            g = _u(fil_iri[fid]) if self.named and fid in fil_iri else None
            r = _u(base + "rel/" + eid)
            s, o = iri_of(src), iri_of(dst)
            if etype == "HOLDS":
                beneficial = (props.get("basis") or "beneficial") == "beneficial"
                classes, sp, tp = _HOLDS_BENEFICIAL if beneficial else _HOLDS_OTHER
                shortcuts: tuple = ((s, _T["FIBO_OWN.owns"], o),)
            else:
                classes, sp, tp, preds = _KINDS_T.get(etype, _KIND_OTHER)
                shortcuts = tuple((s, p, o) for p in preds)
                if etype == "PARTY_TO":
                    shortcuts += ((o, _T["FIBO_CTR.hasContractParty"], s),)
            if etype == "MEMBER_OF_GROUP":
                gid = dst[7:] if dst.startswith("filing:") else dst
                grp = _u(base + "group/" + quote(gid, safe="-._~"))
                if grp not in groups:
                    groups.add(grp)
                    yield grp, RDF_TYPE, _T["OG.FilingGroup"], None
                    yield grp, _T["OG.id"], lit("group:" + gid), None  # an org:Organization: identified
                    yield grp, RDFS_LABEL, lit("reporting persons filing jointly"), None
                    yield grp, _T["OG.groupOf"], o, None
                o = grp
                shortcuts = ((s, _T["ORG.memberOf"], grp),)
            for c in classes:
                yield r, RDF_TYPE, c, g
            yield r, _T["OG.id"], lit(eid), g
            yield r, _T["OG.edgeType"], lit(etype), g
            yield r, sp, s, g
            yield r, tp, o, g
            later: list[Quad] = []  # other subjects, written after this relationship node's block
            if etype in _MEMBERSHIP_ROLE:
                role = base + "role/" + _MEMBERSHIP_ROLE[etype]
                if role not in roles:
                    roles.add(role)
                    later.append((_u(role), RDF_TYPE, _T["ORG.Role"], None))
                    later.append((_u(role), RDFS_LABEL, lit(_ROLE_LABEL[_MEMBERSHIP_ROLE[etype]]), None))
                yield r, _T["ORG.role"], _u(role), g
                if as_of:
                    # the filing says the membership held on the as-of date: an interval containing that instant
                    during, instant = _u(base + "rel/" + eid + "-during"), _u(base + "rel/" + eid + "-asof")
                    yield r, _T["ORG.memberDuring"], during, g
                    later += [(during, RDF_TYPE, TIME_INTERVAL, g), (during, TIME_INSIDE, instant, g),
                              (instant, RDF_TYPE, TIME_INSTANT, g),
                              (instant, TIME_IN_XSD_DATE, lit(dt.date.fromisoformat(as_of)), g)]
            if etype == "HOLDS":
                yield r, _T["OG.current"], lit(eid in current), g
                if beneficial and props.get("shares") is not None:
                    yield r, _T["OG.aggregateAmount"], _value("shares", props["shares"]), g
            if etype == "CONTROLS" and props.get("basis") is not None:
                yield r, _T["OG.controlBasis"], lit(props["basis"]), g
            for k, v in sorted(props.items()):
                if v is None or k in SKIP_PROPS or k == "as_of" or (etype == "CONTROLS" and k == "basis"):
                    continue
                yield r, _pred(k), _value(k, v), g
            if as_of:
                yield r, _T["OG.asOf"], lit(dt.date.fromisoformat(as_of)), g
            yield r, _T["OG.section"], lit(section), g
            if excerpt:
                yield r, _T["OG.excerpt"], lit(excerpt), g
            if fid in fil_iri:
                yield r, PROV_DERIVED, _u(fil_iri[fid]), g
            yield from later
            for t in shortcuts:
                key = (t, g)
                if key in self.seen:
                    continue
                self.seen.add(key)
                yield t[0], t[1], t[2], g


def iter_quads(store, base: str = DEFAULT_BASE, *, named_graphs: bool = False) -> Iterator[Quad]:
    """Every statement of the export as (subject, predicate, object, graph-or-None) N-Triples terms.

    With ``named_graphs`` each edge's statements go to its filing's graph (the
    filing's IRI); node and filing descriptions stay in the default graph.
    """
    return iter(_Walk(store, base, named_graphs=named_graphs))


def iter_triples(store, base: str = DEFAULT_BASE) -> Iterator[tuple[str, str, str]]:
    for s, p, o, _g in iter_quads(store, base):
        yield s, p, o


# ------------------------------------------------------------------ writers


def write_nt(store, out: IO[str], base: str = DEFAULT_BASE) -> int:
    """Stream N-Triples, one line per statement; returns the number of triples written."""
    n = 0
    buf: list[str] = []
    for s, p, o, _g in iter_quads(store, base):
        buf.append(f"{s} {p} {o} .\n")
        n += 1
        if len(buf) >= 4096:
            out.write("".join(buf))
            buf.clear()
    out.write("".join(buf))
    return n


def _nquad_lines(quads: Iterable[Quad]) -> Iterator[bytes]:
    buf: list[str] = []
    for s, p, o, g in quads:
        buf.append(f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n")
        if len(buf) >= 4096:
            yield "".join(buf).encode("utf-8")
            buf.clear()
    if buf:
        yield "".join(buf).encode("utf-8")


class _GenReader(io.RawIOBase):
    """A binary file object reading from a generator of byte chunks (no temp file, bounded memory)."""

    def __init__(self, chunks: Iterator[bytes]):
        self._chunks = chunks
        self._buf = b""
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self._buf:
            try:
                self._buf = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _text_out(out: IO[bytes] | IO[str]) -> tuple[IO[str], Any]:
    if isinstance(out, io.TextIOBase) or "b" not in getattr(out, "mode", "b"):
        return out, None  # type: ignore[return-value]
    w = io.TextIOWrapper(out, encoding="utf-8", newline="\n", write_through=True)  # type: ignore[arg-type]
    return w, w


_PN_LOCAL = re.compile(r"^[A-Za-z0-9_:](?:[A-Za-z0-9_:.\-]*[A-Za-z0-9_:\-])?$")


class _Compactor:
    """N-Triples terms -> Turtle terms with prefixed names where the local part is plainly safe."""

    def __init__(self, prefixes: dict[str, str]):
        self.ns = {ns: p for p, ns in prefixes.items()}
        self.memo: dict[str, str] = {_u("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"): "a"}

    def iri(self, term: str) -> str:
        hit = self.memo.get(term)
        if hit is not None:
            return hit
        iri = term[1:-1]
        k = max(iri.rfind("/"), iri.rfind("#"))
        p = self.ns.get(iri[:k + 1]) if k >= 0 else None
        local = iri[k + 1:]
        out = f"{p}:{local}" if p is not None and _PN_LOCAL.match(local) else term
        if len(self.memo) > 500_000:
            self.memo.clear()
        self.memo[term] = out
        return out

    def obj(self, term: str) -> str:
        if term[0] == "<":
            return self.iri(term)
        if term.endswith(">"):  # typed literal "..."^^<dt>
            i = term.rfind("^^<")
            return term[:i + 2] + self.iri(term[i + 2:])
        return term


def write_turtle(quads: Iterable[Quad], out: IO[str], prefixes: dict[str, str], *, trig: bool = False) -> int:
    """Stream Turtle (or TriG) from statements grouped by subject; nothing is kept but the current subject.

    N-Triples terms are valid Turtle terms, so this only groups ``;``-separated
    predicate-object pairs per subject, uses prefixed names and writes one
    ``<graph> { ... }`` block per run of statements of the same named graph.
    """
    c = _Compactor(prefixes)
    w = out.write
    for p, ns in prefixes.items():
        w(f"@prefix {p}: <{ns}> .\n")
    w("\n")
    n = 0
    cur_s: str | None = None
    cur_g: str | None = None
    buf: list[str] = []
    for s, p, o, g in quads:
        n += 1
        if trig and g != cur_g:
            if cur_s is not None:
                buf.append(" .\n")
                cur_s = None
            if cur_g is not None:
                buf.append("}\n")
            if g is not None:
                buf.append(f"{c.iri(g)} {{\n")
            cur_g = g
        if s == cur_s:
            buf.append(f" ;\n    {c.iri(p)} {c.obj(o)}")
        else:
            if cur_s is not None:
                buf.append(" .\n")
            buf.append(f"{c.iri(s)} {c.iri(p)} {c.obj(o)}")
            cur_s = s
        if len(buf) > 8192:
            w("".join(buf))
            buf.clear()
    if cur_s is not None:
        buf.append(" .\n")
    if trig and cur_g is not None:
        buf.append("}\n")
    w("".join(buf))
    return n


def export(store, out: IO[bytes] | IO[str], fmt: str = "ttl", base: str = DEFAULT_BASE) -> int:
    """Write the store as ``fmt`` (ttl|turtle|nt|trig|jsonld) to ``out``; returns the statement count.

    ``nt``, ``ttl`` and ``trig`` stream (bounded memory); ``out`` may be a binary or a
    text file.  ``jsonld`` goes through pyoxigraph's JSON-LD writer and needs a binary file.
    """
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise OwnergraphError(None, f"unknown RDF format {fmt!r} (known: {', '.join(FORMATS)})")
    check_base(base)
    if fmt != "jsonld":
        text, wrapper = _text_out(out)
        try:
            if fmt == "nt":
                return write_nt(store, text, base)
            prefixes = {**PREFIXES, **base_prefixes(base)}
            trig = fmt == "trig"
            return write_turtle(iter_quads(store, base, named_graphs=trig), text, prefixes, trig=trig)
        finally:
            if wrapper is not None:
                wrapper.detach()

    import pyoxigraph as ox

    counted = _Counter(iter_quads(store, base))
    reader = io.BufferedReader(_GenReader(_nquad_lines(counted)), buffer_size=1 << 16)
    ox.serialize(ox.parse(reader, format=ox.RdfFormat.N_TRIPLES), out, format=ox.RdfFormat.JSON_LD)
    return counted.n


class _Counter:
    def __init__(self, it: Iterator):
        self.it = it
        self.n = 0

    def __iter__(self):
        for x in self.it:
            self.n += 1
            yield x


def to_rdflib(store, base: str = DEFAULT_BASE, *, named_graphs: bool = False):
    """The export as an rdflib ``Dataset`` (named graphs) or ``Graph`` (the API users see)."""
    from rdflib import Dataset, Graph

    data = b"".join(_nquad_lines(iter_quads(store, base, named_graphs=named_graphs)))
    if named_graphs:
        ds = Dataset()
        ds.parse(data=data, format="nquads")
        return ds
    g = Graph()
    for p, ns in {**PREFIXES, **base_prefixes(base)}.items():
        g.bind(p, ns)
    g.parse(data=data.decode("utf-8"), format="nt")
    return g


def load_rdf(path: str, fmt: str | None = None):
    """Parse an export file back into an rdflib Graph (Dataset for TriG/N-Quads)."""
    from rdflib import Dataset, Graph

    from ...errors import QueryError

    fmt = fmt or guess_format(path)
    try:
        if fmt in ("trig", "nquads"):
            ds = Dataset(default_union=True)
            ds.parse(path, format=fmt)
            return ds
        g = Graph()
        g.parse(path, format=fmt)
        return g
    except FileNotFoundError:
        raise QueryError(path, "no such file") from None
    except Exception as e:  # rdflib raises many kinds of parse errors
        raise QueryError(path, f"cannot parse as {fmt}: {e}") from None


def guess_format(path: str) -> str:
    p = str(path).lower()
    for ext, fmt in ((".ttl", "turtle"), (".turtle", "turtle"), (".nt", "nt"), (".trig", "trig"),
                     (".jsonld", "json-ld"), (".json", "json-ld"), (".nq", "nquads"), (".rdf", "xml"),
                     (".owl", "xml")):
        if p.endswith(ext):
            return fmt
    return "turtle"
