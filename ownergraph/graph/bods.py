"""Store -> BODS 0.4 JSON (Open Ownership's Beneficial Ownership Data Standard).

One *declaration* per filing (``declaration`` = the filing id, ``declarationSubject``
= the filing's subject company), in filing order (date of event, then id):

* a person / entity statement for every party the filing mentions (``recordId`` is
  the store node id, e.g. ``cik:0001086745``; ``recordStatus`` is ``new`` the first
  time a record appears and ``updated`` after);
* one relationship statement per (subject entity, interested party) pair in the
  filing, with its interests:

  ==========================  =====================================================
  graph edge                  BODS interest
  ==========================  =====================================================
  HOLDS basis=beneficial      ``shareholding`` (share exact, or a range for "less
                              than 1%") and ``votingRights`` when voting power > 0;
                              subject = the issuer of the security
  HOLDS direct / indirect     ``shareholding``, directOrIndirect from the row
  TEN_PERCENT_OWNER_OF        ``shareholding`` with ``share.minimum = 10``
  CONTROLS                    ``otherInfluenceOrControl`` (``appointmentOfBoard``
                              when the stated basis is about appointing the board),
                              and a ``shareholding`` with the share when the
                              filing states a percentage ("94.56% controlled by")
  OFFICER_OF                  ``seniorManagingOfficial``
  DIRECTOR_OF                 ``boardMember`` (``boardChair`` for a chair)
  SUBSIDIARY_OF               ``otherInfluenceOrControl`` of the parent, and a
                              ``shareholding`` when the list states the percent
                              owned ("(80% owned)")
  ==========================  =====================================================

  Components of a beneficial holding (``basis=component``) are not separate
  interests: they are parts of the 13d-3 aggregate already stated.
  ``directOrIndirect``: ``direct`` for Form 3/4/5 direct rows and for holdings with
  only sole powers, ``indirect`` for indirect rows and holdings with only shared
  powers, else ``unknown``.  ``beneficialOwnershipOrControl`` is true for natural
  persons' Rule 13d-3 beneficial holdings.
* ``source`` points to the filing (EDGAR archive index page when the accession
  number is known) and names the reporting persons in ``assertedBy``; the section
  and excerpt each interest was read from are kept as ``annotations``.

The schema is BODS 0.4 as shipped by the ``libcovebods`` package
(``libcovebods/data/schema-0-4-0``); ``tests/test_bods.py`` validates against it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from decimal import Decimal
from typing import Any

from .model import Edge, EdgeKind, NodeKind
from .rdf.export import DEFAULT_BASE, filing_iri
from .values import to_plain

BODS_VERSION = "0.4"


def _sid(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _num(v: Any) -> float | int | None:
    if v is None:
        return None
    d = Decimal(str(v))
    return int(d) if d == d.to_integral_value() else float(d)


def _share(props: dict) -> dict | None:
    pct = props.get("percent")
    if pct is None:
        return None
    v = _num(pct)
    if v is None or not 0 <= v <= 100:
        return None
    bound = props.get("percent_bound")
    if bound == "<":
        return {"minimum": 0, "exclusiveMaximum": v}
    if bound == "<=":
        return {"minimum": 0, "maximum": v}
    if bound == ">":
        return {"exclusiveMinimum": v, "maximum": 100}
    if bound == ">=":
        return {"minimum": v, "maximum": 100}
    return {"exact": v}


def _dec(v: Any) -> Decimal:
    return Decimal(str(v)) if v is not None else Decimal(0)


def _direct_or_indirect(props: dict) -> str:
    basis = props.get("basis")
    own = props.get("ownership")
    if basis == "direct" or own == "D":
        return "direct"
    if basis == "indirect" or own == "I":
        return "indirect"
    sole = _dec(props.get("sole_voting")) + _dec(props.get("sole_dispositive"))
    shared = _dec(props.get("shared_voting")) + _dec(props.get("shared_dispositive"))
    if sole > 0 and shared == 0:
        return "direct"
    if shared > 0 and sole == 0:
        return "indirect"
    return "unknown"


def _amount(v: Any) -> str:
    return to_plain(Decimal(str(v))) if v is not None else "?"


class _Builder:
    def __init__(self, store, publication_date: dt.date, base: str):
        self.st = store
        self.pub = {"publicationDate": publication_date.isoformat(), "bodsVersion": BODS_VERSION,
                    "publisher": {"name": "ownergraph"}}
        self.base = base
        self.nodes = {n.id: n for n in store.nodes()}
        self.filings = {f.id: f for f in store.filings()}
        self.seen_records: set[str] = set()
        self.issuer_of: dict[str, str] = {}
        for e in store.edges(type=EdgeKind.ISSUED_BY):
            self.issuer_of.setdefault(e.source, e.target)

    def status(self, record_id: str) -> str:
        if record_id in self.seen_records:
            return "updated"
        self.seen_records.add(record_id)
        return "new"

    def party(self, nid: str, fid: str, date: str, subject: str, source: dict) -> dict | None:
        n = self.nodes.get(nid)
        if n is None or n.kind not in (NodeKind.PERSON, NodeKind.ORGANIZATION):
            return None
        cik = n.props.get("cik")
        # no org-id.guide code is claimed for CIKs: schemeName and the EDGAR address instead
        ident = [{"id": str(cik), "schemeName": "SEC Central Index Key",
                  "uri": f"https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK={cik}"}] if cik else []
        if n.kind == NodeKind.PERSON:
            details: dict = {"isComponent": False, "personType": "knownPerson",
                             "names": [{"type": "legal", "fullName": n.name}]}
            rtype = "person"
        else:
            details = {"isComponent": False,
                       "entityType": {"type": "registeredEntity" if cik else "legalEntity"},
                       "name": n.name}
            rtype = "entity"
        if ident:
            details["identifiers"] = ident
        return {"statementId": _sid(fid, nid), "declaration": fid, "declarationSubject": subject,
                "statementDate": date, "recordId": nid, "recordType": rtype, "recordStatus": self.status(nid),
                "recordDetails": details, "source": source, "publicationDetails": self.pub}

    def source(self, fid: str, filers: list[str]) -> dict:
        f = self.filings.get(fid)
        src: dict = {"type": ["selfDeclaration"]}
        if f is not None:
            when = f.filed_date.isoformat() if f.filed_date else "date unknown"
            src["description"] = (f"SEC {f.form_type} filed {when}"
                                  + (f", accession {f.accession}" if f.accession else f", {fid}")
                                  + "; read by ownergraph")
            if f.accession:
                cik = next((x[4:] for x in filers if x.startswith("cik:")), None)
                subj = self._subject_cik(fid)
                src["url"] = filing_iri(self.base, fid, f.accession, subj or cik)
        names = [self.nodes[x].name for x in filers if x in self.nodes]
        if names:
            src["assertedBy"] = [{"name": nm} for nm in names]
        return src

    def _subject_cik(self, fid: str) -> str | None:
        for e in self.by_filing.get(fid, ()):
            if e.type == EdgeKind.SUBJECT_OF and e.source.startswith("cik:"):
                return e.source[4:]
        return None

    def interests(self, e: Edge) -> list[tuple[str, str, dict]]:
        """(subject entity id, interested party id, interest) for one edge; [] when it is not an interest."""
        p = e.props
        t = e.type
        if t == EdgeKind.HOLDS:
            basis = p.get("basis") or "beneficial"
            if basis in ("component", "transaction"):  # a part of a holding, or a trade: no interest of its own
                return []
            issuer = self.issuer_of.get(e.target)
            if issuer is None:
                return []
            sec = self.nodes.get(e.target)
            sec_name = sec.name if sec else e.target
            cusip = sec.props.get("cusip") if sec else None
            what = f"{sec_name}" + (f" (CUSIP {cusip})" if cusip else "")
            holder = self.nodes.get(e.source)
            out = []
            inter: dict = {"type": "shareholding", "directOrIndirect": _direct_or_indirect(p)}
            if basis == "beneficial":
                inter["beneficialOwnershipOrControl"] = bool(holder and holder.kind == NodeKind.PERSON)
                inter["details"] = (f"{_amount(p.get('shares'))} shares of {what} beneficially owned "
                                    f"(SEC Rule 13d-3)")
            else:
                inter["details"] = (f"{_amount(p.get('shares'))} shares of {what} held {basis}"
                                    + (f" ({p['nature']})" if p.get("nature") else ""))
            share = _share(p)
            if share:
                inter["share"] = share
            out.append((issuer, e.source, inter))
            sv, shv = p.get("sole_voting"), p.get("shared_voting")
            if basis == "beneficial" and (_dec(sv) > 0 or _dec(shv) > 0):
                voting = {"type": "votingRights",
                          "directOrIndirect": ("direct" if _dec(shv) == 0 else
                                               "indirect" if _dec(sv) == 0 else "unknown"),
                          "beneficialOwnershipOrControl": inter["beneficialOwnershipOrControl"],
                          "details": f"sole voting power over {_amount(sv or 0)} and shared voting power over "
                                     f"{_amount(shv or 0)} shares of {what}"}
                out.append((issuer, e.source, voting))
            return out
        if t == EdgeKind.TEN_PERCENT_OWNER_OF:
            return [(e.target, e.source, {"type": "shareholding", "directOrIndirect": "unknown",
                                          "share": {"minimum": 10, "maximum": 100},
                                          "details": "ten percent owner (Form 3/4/5 relationship box)"})]
        if t == EdgeKind.CONTROLS:
            basis = str(p.get("basis") or "control")
            kind = "appointmentOfBoard" if ("board" in basis.lower() or "appoint" in basis.lower()) \
                else "otherInfluenceOrControl"
            out = [(e.target, e.source, {"type": kind, "directOrIndirect": "direct",
                                         "details": f"{basis} (stated in the filing)" if p.get("stated")
                                         else basis})]
            share = _share(p)  # "X is 94.56% controlled by Y", "Y owns approximately 99.6% of X"
            if share:
                out.append((e.target, e.source, {"type": "shareholding", "directOrIndirect": "direct",
                                                 "share": share,
                                                 "details": f"{p.get('percent_text') or _amount(p['percent']) + '%'}"
                                                            f" ({basis}, stated in the filing)"}))
            return out
        if t == EdgeKind.OFFICER_OF:
            return [(e.target, e.source, {"type": "seniorManagingOfficial", "directOrIndirect": "direct",
                                          "details": str(p.get("title") or "officer")})]
        if t == EdgeKind.DIRECTOR_OF:
            title = str(p.get("title") or "director")
            kind = "boardChair" if "chair" in title.lower() else "boardMember"
            return [(e.target, e.source, {"type": kind, "directOrIndirect": "direct", "details": title})]
        if t == EdgeKind.SUBSIDIARY_OF:
            out = [(e.source, e.target, {"type": "otherInfluenceOrControl", "directOrIndirect": "unknown",
                                         "details": "listed as a subsidiary (Exhibit 21)"})]
            share = _share(p)  # "(80% owned)"
            if share:
                out.append((e.source, e.target, {"type": "shareholding", "directOrIndirect": "unknown",
                                                 "share": share,
                                                 "details": f"{p.get('percent_text') or _amount(p['percent']) + '%'}"
                                                            " owned (Exhibit 21)"}))
            return out
        return []

    def build(self) -> list[dict]:
        self.by_filing: dict[str, list[Edge]] = defaultdict(list)
        for e in self.st.edges():
            self.by_filing[e.filing_id].append(e)
        order = sorted(self.filings.values(),
                       key=lambda f: ((f.event_date or f.filed_date or dt.date.min).isoformat(), f.id))
        out: list[dict] = []
        for f in order:
            fid = f.id
            edges = self.by_filing.get(fid, [])
            filers = sorted({e.source for e in edges if e.type == EdgeKind.FILED})
            subject = next((e.source for e in edges if e.type == EdgeKind.SUBJECT_OF), None)
            rels: dict[tuple[str, str], list[tuple[dict, Edge]]] = defaultdict(list)
            for e in sorted(edges, key=lambda e: (int(e.props.get("seq") or 0), e.id)):
                for subj, party, inter in self.interests(e):
                    s_node, p_node = self.nodes.get(subj), self.nodes.get(party)
                    if (s_node is None or s_node.kind != NodeKind.ORGANIZATION or p_node is None
                            or p_node.kind not in (NodeKind.PERSON, NodeKind.ORGANIZATION) or subj == party):
                        continue
                    rels[(subj, party)].append((inter, e))
            if not rels and subject is None:
                continue
            subject = subject or next(iter(rels))[0]
            date = (f.event_date or f.filed_date or dt.date.today()).isoformat()
            src = self.source(fid, filers)
            parties = [subject] + sorted({x for pair in rels for x in pair} - {subject})
            for nid in parties:
                st = self.party(nid, fid, date, subject, src)
                if st is not None:
                    out.append(st)
            for (subj, party), items in sorted(rels.items()):
                rid = f"rel:{subj}|{party}"
                annotations = [{"statementPointerTarget": f"/recordDetails/interests/{i}",
                                "motivation": "commenting",
                                "description": (e.section + (f": {e.excerpt}" if e.excerpt else ""))}
                               for i, (_inter, e) in enumerate(items)]
                out.append({
                    "statementId": _sid(fid, rid), "declaration": fid, "declarationSubject": subject,
                    "statementDate": date, "recordId": rid, "recordType": "relationship",
                    "recordStatus": self.status(rid),
                    "recordDetails": {"isComponent": False, "subject": subj, "interestedParty": party,
                                      "interests": [inter for inter, _e in items]},
                    "source": src, "annotations": annotations, "publicationDetails": self.pub,
                })
        return out


def export_bods(store, *, publication_date: dt.date | None = None, base: str = DEFAULT_BASE) -> list[dict]:
    """The store as a list of BODS 0.4 statements (a JSON array)."""
    return _Builder(store, publication_date or dt.date.today(), base).build()
