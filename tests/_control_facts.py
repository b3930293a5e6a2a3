"""A tiny builder of hand-made FilingFacts for control/canned-query tests.

It writes exactly what a loader writes (entities with filing-local keys,
relations with standard property names and provenance), so the graph is
built by the real builder and stored in the real SQLite store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal

from ownergraph.graph.model import (
    EdgeKind,
    EntityFact,
    FilingFacts,
    FilingInfo,
    NodeKind,
    Provenance,
    RelationFact,
)


def D(v) -> Decimal | None:
    return None if v is None else Decimal(str(v))


class FB:
    """Filing builder: ``FB("0000000001-24-000001", "2024-07-23").org("i", "Issuer Inc", cik=1)...``."""

    def __init__(self, accession: str, event_date: str, *, form: str = "SC 13D", amendment_no: int | None = None,
                 filed_date: str | None = None, shares_outstanding=None, family: str = "schedule13"):
        self.accession = accession
        self.event = dt.date.fromisoformat(event_date)
        self.filed = dt.date.fromisoformat(filed_date) if filed_date else self.event
        self.form = form
        self.amendment_no = amendment_no
        self.family = family
        self.shares_outstanding = D(shares_outstanding)
        self.entities: list[EntityFact] = []
        self.relations: list[RelationFact] = []
        self.issuer_key: str | None = None
        self.filer_keys: list[str] = []
        self.document: dict = {}

    def prov(self, section: str, excerpt: str = "") -> Provenance:
        return Provenance(filing_id=self.accession, accession=self.accession, source="synthetic", section=section,
                          excerpt=excerpt)

    def _ent(self, key, kind, name, cik=None, cusip=None, section="cover page") -> "FB":
        self.entities.append(EntityFact(key=key, kind=kind, name=name, cik=None if cik is None else str(cik),
                                        cusip=cusip, prov=self.prov(section)))
        return self

    def person(self, key, name, cik=None, filer=False) -> "FB":
        if filer:
            self.filer_keys.append(key)
        return self._ent(key, NodeKind.PERSON, name, cik)

    def org(self, key, name, cik=None, filer=False, issuer=False) -> "FB":
        if filer:
            self.filer_keys.append(key)
        if issuer:
            self.issuer_key = key
        return self._ent(key, NodeKind.ORGANIZATION, name, cik)

    def security(self, key, name, issuer_key, cusip=None) -> "FB":
        self._ent(key, NodeKind.SECURITY, name, cusip=cusip)
        return self.rel(EdgeKind.ISSUED_BY, key, issuer_key, {}, "header")

    def rel(self, etype, src, dst, props, section, excerpt="", disc=None) -> "FB":
        self.relations.append(RelationFact(type=etype, source=src, target=dst,
                                           props={k: v for k, v in props.items() if v is not None},
                                           prov=self.prov(section, excerpt), discriminator=disc))
        return self

    def holds(self, src, sec, shares=None, percent=None, *, basis="beneficial", sv=None, shv=None, sd=None,
              shd=None, underlying=None, bound=None, section="cover page 1, row 11", excerpt="") -> "FB":
        props = {"shares": D(shares), "percent": D(percent), "basis": basis, "sole_voting": D(sv),
                 "shared_voting": D(shv), "sole_dispositive": D(sd), "shared_dispositive": D(shd),
                 "underlying_shares": D(underlying), "percent_bound": bound}
        # the builder keys edges by (type, ends, filing, discriminator): parts need their own discriminator
        return self.rel(EdgeKind.HOLDS, src, sec, props, section, excerpt,
                        disc=None if basis == "beneficial" else f"{basis}:{section}")

    def controls(self, src, dst, basis="general partner", section="Item 2", excerpt="") -> "FB":
        return self.rel(EdgeKind.CONTROLS, src, dst, {"basis": basis, "stated": True}, section, excerpt)

    def officer(self, person, org, title, section="Schedule A", director=False) -> "FB":
        return self.rel(EdgeKind.DIRECTOR_OF if director else EdgeKind.OFFICER_OF, person, org, {"title": title},
                        section)

    def member(self, key) -> "FB":
        return self.rel(EdgeKind.MEMBER_OF_GROUP, key, "filing", {}, "cover page, row 2")

    def converts(self, sec, target, **terms) -> "FB":
        return self.rel(EdgeKind.CONVERTIBLE_INTO, sec, target, terms, "Item 6")

    def facts(self) -> FilingFacts:
        sha = hashlib.sha256(f"{self.accession}|{len(self.relations)}|{self.event}".encode()).hexdigest()
        info = FilingInfo(id=self.accession, accession=self.accession, form_type=self.form, family=self.family,
                          loader="synthetic", amendment_no=self.amendment_no,
                          is_amendment=self.amendment_no is not None, filed_date=self.filed,
                          event_date=self.event, source="synthetic", sha256=sha, issuer_key=self.issuer_key,
                          filer_keys=self.filer_keys, shares_outstanding=self.shares_outstanding,
                          shares_outstanding_date=self.event if self.shares_outstanding else None)
        return FilingFacts(filing=info, document=self.document, entities=self.entities, relations=self.relations)


def seed_like(accession="0001213900-24-063150", event="2024-07-23") -> FB:
    """The seed's shape, by hand: Ault & Company controlled by Ault; three small joint filers."""
    f = FB(accession, event, form="SC 13D/A", amendment_no=8, shares_outstanding=35846318)
    f.org("issuer", "Ault Alliance, Inc.", cik=1086745, issuer=True)
    f.security("common", "Class A Common Stock", "issuer", cusip="09175M507")
    f.security("prefc", "Series C Convertible Preferred Stock", "issuer")
    f.security("wc", "Series C Warrants", "issuer")
    f.security("w", "Warrants", "issuer")
    f.security("opt", "Stock Options", "issuer")
    for s in ("prefc", "wc", "w", "opt"):
        f.converts(s, "common")
    f.org("ac", "Ault & Company, Inc.", filer=True)
    f.person("ma", "Milton C. Ault, III", filer=True)
    f.person("wh", "William B. Horne", filer=True)
    f.person("hn", "Henry C.W. Nisser", filer=True)
    f.person("kc", "Kenneth S. Cragun", filer=True)
    for k in ("ac", "ma", "wh", "hn", "kc"):
        f.member(k)
    f.holds("ac", "common", 214940800, "85.72", sv=214940800, shv=0, sd=214940800, shd=0,
            section="cover page 1, row 11",
            excerpt="11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON 214,940,800 [row 13] 85.72%")
    f.holds("ac", "common", 25229, basis="component", section="Item 5(a)")
    f.holds("ac", "prefc", 44000, basis="component", underlying=200000000, section="Item 5(a)")
    f.holds("ac", "wc", 13008131, basis="component", underlying=13008131, section="Item 5(a)")
    f.holds("ac", "w", 1907440, basis="component", underlying=1907440, section="Item 5(a)")
    f.holds("ma", "common", 214943126, "85.72", sv=2326, shv=214940800, sd=2326, shd=214940800,
            section="cover page 2, row 11")
    f.holds("ma", "common", 2245, basis="component", section="Item 5(a)")
    f.holds("ma", "opt", 81, basis="component", underlying=81, section="Item 5(a)")
    for key, agg, direct, opts, page in (("wh", 162, 81, 81, 3), ("hn", 163, 82, 81, 4), ("kc", 77, 28, 49, 5)):
        f.holds(key, "common", agg, 1, bound="<", sv=agg, shv=0, sd=agg, shd=0,
                section=f"cover page {page}, row 11")
        f.holds(key, "common", direct, basis="component", section="Item 5(a)")
        f.holds(key, "opt", opts, basis="component", underlying=opts, section="Item 5(a)")
    f.officer("ma", "ac", "Chief Executive Officer and Chairman", section="Item 2(a)")
    f.officer("ma", "issuer", "Founder and Executive Chairman", section="Item 2(a)")
    f.officer("wh", "ac", "Chief Financial Officer and Vice Chairman", section="Item 2(a)")
    f.officer("wh", "issuer", "Chief Executive Officer", section="Item 2(a)")
    f.officer("hn", "ac", "President, General Counsel", section="Item 2(a)")
    f.officer("hn", "ac", "director", section="Item 2(a)", director=True)
    f.officer("kc", "issuer", "Chief Financial Officer", section="Item 2(a)")
    return f


def two_paths_like(*, missing_pct: bool = False, with_cycle: bool = False) -> FB:
    """Target Corp reached two ways by Jane Q. Manager: through a GP chain (Fund GP LLC -> Fund LP, 60%)
    and through her 40% of Holdco Inc (which holds 20%); ``with_cycle`` adds Holdco controlling her back."""
    f = FB("0000000001-24-000001", "2024-01-10")
    f.org("i", "Target Corp", cik=10, issuer=True).security("c", "Common Stock", "i", cusip="111111101")
    f.org("fund", "Fund LP", cik=20, filer=True).org("gp", "Fund GP LLC", cik=21, filer=True)
    f.person("p", "Jane Q. Manager", cik=22, filer=True)
    f.org("hold", "Holdco Inc", cik=23).security("hc", "Holdco Common", "hold", cusip="222222202")
    f.holds("fund", "c", 600, "60")
    f.controls("gp", "fund", "general partner")
    f.controls("p", "gp", "managing member")
    f.holds("p", "hc", 40, None if missing_pct else "40")
    f.holds("hold", "c", 200, "20")
    if with_cycle:
        f.holds("fund", "hc", 10, "10")  # Fund LP holds Holdco: no loop back to the fund
        f.controls("hold", "p", "by virtue of relationship")  # p -> hold -> p would loop
    return f


def gp_chain_like(accession="0000000001-24-000013", event="2024-03-01") -> FB:
    """A fund held through a GP chain up to a person, four joint filers restating the same shares."""
    f = FB(accession, event, shares_outstanding=1000)
    f.org("i", "Target Corp", cik=10, issuer=True)
    f.security("c", "Common Stock", "i", cusip="111111101")
    f.person("p", "Ajay Example", cik=80, filer=True)
    f.org("ugp", "Example UGP LLC", cik=81, filer=True)
    f.org("gp", "Example GP LP", cik=82, filer=True)
    f.org("fund", "Example Fund LP", cik=83, filer=True)
    f.controls("p", "ugp", "sole managing member", section="Item 2")
    f.controls("ugp", "gp", "general partner", section="Item 2")
    f.controls("gp", "fund", "general partner", section="Item 2")
    f.holds("fund", "c", 550, "55", sv=550, shv=0, sd=550, shd=0, section="cover page 4, row 11")
    for k, page in (("gp", 3), ("ugp", 2), ("p", 1)):
        f.holds(k, "c", 550, "55", sv=0, shv=550, sd=0, shd=550, section=f"cover page {page}, row 11")
    for k in ("p", "ugp", "gp", "fund"):
        f.member(k)
    f.org("o", "Other Fund LP", cik=99)
    f.holds("o", "c", 120, "12", sv=120, sd=120, section="cover page 1, row 11")
    return f


if __name__ == "__main__":  # python3 tests/_control_facts.py demo.db -- a hand-built demo store
    import sys

    from ownergraph.graph.store import Store

    path = sys.argv[1] if len(sys.argv) > 1 else "ownergraph-demo.db"
    with Store(path) as st:
        for fb in (seed_like(), gp_chain_like()):
            r = st.add(fb.facts())
            print(f"{r.status} {r.filing_id} ({r.form_type}) -> {path}")
