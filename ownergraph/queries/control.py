"""Control analysis: who controls an issuer, through which chain, with which powers, on what evidence.

This is the engine behind ``ownergraph who-controls``.  It works on the
networkx view (:func:`ownergraph.graph.view.graph_view`), which has already
applied the time rules (``as_of``; the newest amendment of a position
supersedes older ones).  The rules, each tested in ``tests/test_control.py``
and written down for users in ``docs/control.md``:

R1  Beneficial ownership (Rule 13d-3).  A holder's position in a class is its
    ``HOLDS {basis:'beneficial'}`` edge (cover page rows 7-13).  Its
    percentage is recomputed as ``shares / (shares outstanding + shares the
    holder can acquire within 60 days)``, the latter being the
    ``underlying_shares`` of the holder's ``basis:'component'`` HOLDS edges of
    the same filing on *other* securities (preferred, warrants, options).
    Without a shares-outstanding figure the stated percentage is used.
R2  Powers are kept apart: voting = sole + shared voting power, dispositive =
    sole + shared dispositive power, beneficial = the aggregate (row 11).
    ``by='voting'`` (default) measures control by voting power,
    ``by='economic'`` by economic interest (the aggregate, with indirect
    interests multiplied along ownership chains), ``by='dispositive'`` by
    dispositive power.
R3  Control of an entity Y by X (a *control step* X->Y):
    a. a stated ``CONTROLS`` edge (general partner, managing member, trustee,
       officer where the filing says so, sole owner ...);
    b. X holds more than the control threshold of Y's voting securities;
    c. X reports *shared* voting or dispositive power over at least all of
       Y's shares of the same class and has a stated relationship with Y
       (officer, director, employee): the shared power is "by virtue of"
       that relationship.
R4  Joint filers who restate the same shares are never summed.  When X
    controls Y (transitively) and X's aggregate covers Y's, X's position
    restates Y's; only X's *own* part (its aggregate minus the restated
    positions of the nearest controlled holders) is X's.  A controller's
    effective voting power is the sum of the own parts of itself and every
    entity it controls (each counted once, so diamonds are not doubled).
    A filing group holds the sum of the positions no other member's
    position includes (control with a larger aggregate, or shared power
    covering a member without sole power): the largest aggregate when
    everybody restates the same shares, the sum when positions are disjoint.
R5  Indirect economic interest: percentages are multiplied along each
    ownership chain (``HOLDS`` of the entity's securities; stated ownership
    such as 'sole owner'/'wholly owns' counts as 100%, a stated CONTROLS
    ``percent`` -- "owns approximately 99.6% of Y" -- as that percentage) and
    summed across distinct chains.  Officer/GP control carries no economic interest.
R6  Cycles are detected, reported (``cycles``) and never looped.
R7  Thresholds: control > 50%, significant >= 10%, reportable >= 5%
    (configurable).  A *controller* is above the control threshold; an
    *ultimate* controller is a controller no other controller controls.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any, Iterable

import networkx as nx

from ..errors import QueryError
from ..graph.model import Edge
from ..graph.values import to_plain

HUNDRED = Decimal(100)
ZERO = Decimal(0)
MAX_CHAIN_DEPTH = 12
MAX_UPSTREAM_DEPTH = 200  # entities above a direct holder (keeps the walk far from Python's recursion limit)
MODES = ("voting", "economic", "dispositive")

#: CONTROLS bases that also mean (full) ownership, for economic interest
OWNERSHIP_BASES = ("sole owner", "wholly own", "wholly-own", "owns all", "sole shareholder", "sole member",
                   "parent", "100%", "sole stockholder", "owner of all")
RELATIONSHIP_TYPES = ("OFFICER_OF", "DIRECTOR_OF", "EMPLOYED_BY")


@dataclass
class Thresholds:
    control: Decimal = Decimal(50)
    significant: Decimal = Decimal(10)
    reportable: Decimal = Decimal(5)

    def __post_init__(self):
        self.control = Decimal(str(self.control))
        self.significant = Decimal(str(self.significant))
        self.reportable = Decimal(str(self.reportable))
        if not (Decimal(0) <= self.reportable <= self.significant <= self.control <= HUNDRED):
            raise QueryError(None, "thresholds must satisfy 0 <= reportable <= significant <= control <= 100 "
                                   f"(got {self.reportable}, {self.significant}, {self.control})")

    def role(self, pct: Decimal | None) -> str:
        if pct is None:
            return "holder"
        if pct > self.control:
            return "controller"
        if pct >= self.significant:
            return "significant"
        if pct >= self.reportable:
            return "reportable"
        return "holder"



def _graph_key(g: nx.MultiDiGraph) -> tuple:
    """Cheap identity of a graph view for caches (O(1); views are not mutated after graph_view builds them).

    Adding nodes invalidates the cache; after other in-place edits call ``g.graph.pop(...)`` or build a new view.
    """
    return (id(g), len(g._node), g.graph.get("as_of"))

def percent_tolerance(stated: Decimal) -> Decimal:
    """Half a unit of the last printed decimal (85.72 -> 0.005), plus a hair for the filer's own rounding."""
    exp = stated.as_tuple().exponent
    places = -exp if isinstance(exp, int) and exp < 0 else 0
    return Decimal(5) * Decimal(10) ** (-(places + 1)) + Decimal("0.0001")


PCT_PLACES = Decimal("0.0001")


def _q(v: Decimal | None) -> Decimal | None:
    """Percentages in reports: 4 decimals."""
    return None if v is None else v.quantize(PCT_PLACES)


def _d(v: Any) -> Decimal | None:
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, Decimal):
        return v
    try:
        return Decimal(str(v))
    except Exception:  # noqa: BLE001
        return None


def _etype(d: dict) -> str:
    t = d.get("type")
    return getattr(t, "value", t)


# ----------------------------------------------------------------- positions


@dataclass
class Position:
    """A holder's Rule 13d-3 position in one class (one current beneficial HOLDS edge)."""

    holder: str
    security: str
    edge: Edge
    shares: Decimal | None
    percent_stated: Decimal | None
    percent_bound: str | None
    sole_voting: Decimal | None
    shared_voting: Decimal | None
    sole_dispositive: Decimal | None
    shared_dispositive: Decimal | None
    shares_outstanding: Decimal | None
    acquirable: Decimal = ZERO
    components: list[Edge] = field(default_factory=list)
    #: shares acquirable by controlled holders whose positions this one restates (R1 + R4)
    restated_acquirable: Decimal = ZERO
    #: built from Form 3/4/5 holdings rows (direct/indirect), not a cover-page aggregate
    from_rows: bool = False
    #: instrument security -> shares acquirable through it (so restated holders' instruments are not doubled)
    acquirable_by_security: dict[str, Decimal] = field(default_factory=dict)

    def metric(self, m: str) -> Decimal | None:
        if m == "voting":
            if self.sole_voting is None and self.shared_voting is None:
                return self.shares
            return (self.sole_voting or ZERO) + (self.shared_voting or ZERO)
        if m == "dispositive":
            if self.sole_dispositive is None and self.shared_dispositive is None:
                return self.shares
            return (self.sole_dispositive or ZERO) + (self.shared_dispositive or ZERO)
        return self.shares

    @property
    def denominator(self) -> Decimal | None:
        if self.shares_outstanding is None:
            return None
        return self.shares_outstanding + self.acquirable + self.restated_acquirable

    @property
    def percent_recomputed(self) -> Decimal | None:
        den = self.denominator
        if den is None or den <= 0 or self.shares is None:
            return None
        return self.shares / den * HUNDRED

    @property
    def consistent(self) -> bool:
        """Does the recomputation agree with the stated percentage (within the rounding it was printed with)?"""
        r, s = self.percent_recomputed, self.percent_stated
        if r is None:
            return False
        if s is None:
            return r <= HUNDRED
        if self.percent_bound in ("<", "<="):
            return r <= s
        if self.percent_bound in (">", ">="):
            return r >= s
        return abs(r - s) <= percent_tolerance(s)

    def pct_of(self, amount: Decimal | None) -> Decimal | None:
        """Percent of the class that ``amount`` shares are, with this holder's 13d-3 denominator."""
        if amount is None:
            return None
        den = self.denominator
        if den is not None and den > 0 and self.consistent:
            return amount / den * HUNDRED
        if self.percent_stated is not None and self.shares:
            return self.percent_stated * amount / self.shares
        if self.percent_stated is not None and amount == self.shares:
            return self.percent_stated
        return None

    @property
    def percent(self) -> Decimal | None:
        """The recomputed percentage when it is consistent with the filing, else the stated one."""
        if self.consistent:
            return self.percent_recomputed
        return self.percent_stated if self.percent_stated is not None else self.percent_recomputed

    def powers(self) -> dict:
        return {"sole_voting": self.sole_voting, "shared_voting": self.shared_voting,
                "sole_dispositive": self.sole_dispositive, "shared_dispositive": self.shared_dispositive}


# ----------------------------------------------------------------- the index


class ControlIndex:
    """Adjacency the analysis needs, built once per graph view (cached on ``g.graph``)."""

    def __init__(self, g: nx.MultiDiGraph):
        self.g = g
        self.filings = g.graph.get("filings") or {}
        self.issued_by: dict[str, str] = {}
        self.securities_of: dict[str, list[str]] = {}
        self.beneficial_in: dict[str, list[Edge]] = {}  # security -> beneficial HOLDS edges
        self.components_of: dict[tuple[str, str], list[Edge]] = {}  # (holder, filing) -> component HOLDS
        self.controls_in: dict[str, list[Edge]] = {}  # controlled -> stated CONTROLS edges
        self.relations_out: dict[str, list[Edge]] = {}  # person -> OFFICER/DIRECTOR/EMPLOYED edges
        self.other_holds_in: dict[str, list[Edge]] = {}  # security -> direct/indirect HOLDS edges
        self.ten_percent: dict[str, dict[str, Edge]] = {}  # issuer -> holder -> TEN_PERCENT_OWNER_OF edge
        for u, v, d in g.edges(data=True):
            t = _etype(d)
            e: Edge = d.get("edge")
            if t == "ISSUED_BY":  # one edge per filing: keep each security once
                self.issued_by.setdefault(u, v)
                lst = self.securities_of.setdefault(v, [])
                if u not in lst:
                    lst.append(u)
            elif t == "HOLDS" and e is not None:
                basis = e.props.get("basis") or "beneficial"
                if basis == "beneficial":
                    self.beneficial_in.setdefault(v, []).append(e)
                elif basis == "component":
                    self.components_of.setdefault((u, e.filing_id), []).append(e)
                else:
                    self.other_holds_in.setdefault(v, []).append(e)
            elif t == "CONTROLS" and e is not None:
                self.controls_in.setdefault(v, []).append(e)
            elif t in RELATIONSHIP_TYPES and e is not None:
                self.relations_out.setdefault(u, []).append(e)
            elif t == "TEN_PERCENT_OWNER_OF" and e is not None:
                self.ten_percent.setdefault(v, {})[u] = e
        for lst in self.securities_of.values():
            lst.sort()
        self._positions: dict[str, list[Position]] = {}

    @classmethod
    def of(cls, g: nx.MultiDiGraph) -> "ControlIndex":
        key = _graph_key(g)
        cached = g.graph.get("_og_control_index")
        if cached is not None and cached[0] == key:
            return cached[1]
        idx = cls(g)
        g.graph["_og_control_index"] = (key, idx)
        return idx

    def name(self, n: str) -> str:
        return self.g.nodes[n].get("name", n) if n in self.g else n

    def kind(self, n: str) -> str | None:
        return self.g.nodes[n].get("kind") if n in self.g else None

    def positions_in_security(self, sec: str) -> list[Position]:
        if sec in self._positions:
            return self._positions[sec]
        out = []
        for e in self.beneficial_in.get(sec, ()):
            p = e.props
            f = self.filings.get(e.filing_id)
            comps = [c for c in self.components_of.get((e.source, e.filing_id), ())]
            by_sec: dict[str, Decimal] = {}
            for c in comps:
                u = _d(c.props.get("underlying_shares"))
                if c.target != sec and u is not None:
                    by_sec[c.target] = by_sec.get(c.target, ZERO) + u
            acq = sum(by_sec.values(), ZERO)
            out.append(Position(
                holder=e.source, security=sec, edge=e, shares=_d(p.get("shares")),
                percent_stated=_d(p.get("percent")), percent_bound=p.get("percent_bound"),
                sole_voting=_d(p.get("sole_voting")), shared_voting=_d(p.get("shared_voting")),
                sole_dispositive=_d(p.get("sole_dispositive")), shared_dispositive=_d(p.get("shared_dispositive")),
                shares_outstanding=_d(getattr(f, "shares_outstanding", None)) if f else None,
                acquirable=acq, components=comps, acquirable_by_security=by_sec,
            ))
        # Forms 3/4/5 report holdings rows (basis 'direct'/'indirect'), not a 13d-3 aggregate: a holder
        # without a beneficial position gets the sum of its current rows (percent only with shares outstanding)
        have = {p.holder for p in out}
        rows: dict[str, list[Edge]] = {}
        for e in self.other_holds_in.get(sec, ()):
            if e.source in have or e.props.get("underlying_shares") is not None:
                continue
            if _d(e.props.get("shares")) is None:
                continue
            rows.setdefault(e.source, []).append(e)
        for holder, es in rows.items():
            es.sort(key=lambda e: (e.as_of or dt.date.min, e.id), reverse=True)
            first = es[0]
            f = self.filings.get(first.filing_id)
            out.append(Position(
                holder=holder, security=sec, edge=first, shares=sum((_d(e.props.get("shares")) for e in es), ZERO),
                percent_stated=None, percent_bound=None, sole_voting=None, shared_voting=None,
                sole_dispositive=None, shared_dispositive=None,
                shares_outstanding=_d(getattr(f, "shares_outstanding", None)) if f else None,
                components=es[1:], from_rows=True,
            ))
        out.sort(key=lambda p: (p.holder, p.edge.id))
        self._positions[sec] = out
        return out

    def positions_in_entity(self, entity: str) -> dict[str, list[Position]]:
        """holder -> its positions in any class issued by ``entity``."""
        out: dict[str, list[Position]] = {}
        for sec in self.securities_of.get(entity, ()):
            for p in self.positions_in_security(sec):
                out.setdefault(p.holder, []).append(p)
        return out


# ----------------------------------------------------------------- report model


@dataclass
class Evidence:
    form: str | None
    filing_id: str
    date: dt.date | None
    section: str
    excerpt: str

    def to_dict(self) -> dict:
        return {"form": self.form, "filing_id": self.filing_id, "date": self.date, "section": self.section,
                "excerpt": self.excerpt}


@dataclass
class Step:
    source: str
    source_name: str
    target: str
    target_name: str
    relation: str  # 'holds' | 'controls' | 'owns' | 'controls (derived)'
    detail: str
    percent: Decimal | None = None
    shares: Decimal | None = None
    powers: dict = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"from": self.source, "from_name": self.source_name, "to": self.target, "to_name": self.target_name,
                "relation": self.relation, "detail": self.detail, "percent": _q(self.percent), "shares": self.shares,
                "powers": {k: v for k, v in self.powers.items() if v is not None},
                "evidence": [e.to_dict() for e in self.evidence]}


@dataclass
class Chain:
    steps: list[Step]
    percent: Decimal | None
    #: ends in a holding that restates controlled holders' shares (shown after the chains through them)
    restating: bool = False

    @property
    def path(self) -> list[str]:
        return [self.steps[0].source] + [s.target for s in self.steps] if self.steps else []

    def to_dict(self) -> dict:
        return {"path": self.path, "names": [self.steps[0].source_name] + [s.target_name for s in self.steps],
                "percent": _q(self.percent), "steps": [s.to_dict() for s in self.steps]}


@dataclass
class Party:
    id: str
    name: str
    kind: str | None
    role: str
    percent: Decimal | None
    percents: dict[str, Decimal | None]
    ultimate: bool = False
    shares: Decimal | None = None
    own_shares: Decimal | None = None
    powers: dict = field(default_factory=dict)
    controls: list[str] = field(default_factory=list)
    controlled_by: list[str] = field(default_factory=list)
    chains: list[Chain] = field(default_factory=list)
    roles_at_issuer: list[dict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind, "role": self.role, "ultimate": self.ultimate,
                "percent": _q(self.percent), "percents": {k: _q(v) for k, v in self.percents.items()},
                "shares": self.shares,
                "own_shares": self.own_shares, "powers": {k: v for k, v in self.powers.items() if v is not None},
                "controls": self.controls, "controlled_by": self.controlled_by,
                "chains": [c.to_dict() for c in self.chains], "roles_at_issuer": self.roles_at_issuer,
                "notes": self.notes}


@dataclass
class ControlReport:
    issuer_id: str
    issuer: str
    by: str
    as_of: dt.date | None
    thresholds: Thresholds
    controllers: list[Party]
    significant: list[Party]
    reportable: list[Party]
    holders: list[Party]
    groups: list[dict]
    cycles: list[list[str]]
    classes: list[dict]
    warnings: list[str]
    #: holders another measure ranks higher ("by dispositive power, above the control threshold: ...")
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return to_plain({
            "issuer": {"id": self.issuer_id, "name": self.issuer}, "by": self.by, "as_of": self.as_of,
            "thresholds": {"control": self.thresholds.control, "significant": self.thresholds.significant,
                           "reportable": self.thresholds.reportable},
            "classes": self.classes,
            "controllers": [p.to_dict() for p in self.controllers],
            "significant": [p.to_dict() for p in self.significant],
            "reportable": [p.to_dict() for p in self.reportable],
            "holders_below_threshold": [p.to_dict() for p in self.holders],
            "groups": self.groups, "cycles": self.cycles, "warnings": self.warnings, "notes": self.notes,
        })


# ----------------------------------------------------------------- the analysis


@dataclass
class _Link:
    """X -> Y at entity level: control and/or ownership."""

    source: str
    target: str
    control: bool
    econ: Decimal | None  # fraction of Y's economics (None: no ownership link)
    step: Step


class _Analysis:
    def __init__(self, g: nx.MultiDiGraph, issuer_id: str, by: str, th: Thresholds):
        if by not in MODES:
            raise QueryError(None, f"--by must be one of {', '.join(MODES)} (got {by!r})")
        self.g, self.issuer, self.by, self.th = g, issuer_id, by, th
        self.ix = ControlIndex.of(g)
        self.cycles: list[list[str]] = []
        self._cycle_keys: set[tuple] = set()
        self._links_in: dict[str, list[_Link]] = {}
        self.warnings: list[str] = []

    # ---- evidence
    def ev(self, e: Edge) -> Evidence:
        f = self.ix.filings.get(e.filing_id)
        return Evidence(form=f.form_type if f else None, filing_id=e.filing_id,
                        date=e.as_of or (f.event_date if f else None), section=e.section, excerpt=e.excerpt)

    def holding_step(self, p: Position, target: str, pct: Decimal | None) -> Step:
        sec_name = self.ix.name(p.security)
        shares = p.shares
        detail = f"holds {_fmt_shares(shares)} {sec_name}" if shares is not None else f"holds {sec_name}"
        pw = _powers_text(p.powers())
        if pw:
            detail += f" ({pw})"
        evs = [self.ev(p.edge)] + [self.ev(c) for c in p.components]
        return Step(p.holder, self.ix.name(p.holder), target, self.ix.name(target), "holds", detail, pct, shares,
                    p.powers(), evs)

    # ---- entity-level links into y (cached)
    def links_in(self, y: str) -> list[_Link]:
        if y in self._links_in:
            return self._links_in[y]
        out: list[_Link] = []
        ix = self.ix
        for e in ix.controls_in.get(y, ()):
            if e.source == y:
                continue
            basis = str(e.props.get("basis") or "control")
            owns = any(b in basis.lower() for b in OWNERSHIP_BASES)
            same = next((lk for lk in out if lk.source == e.source and lk.step.detail == basis), None)
            if same is not None:  # the same statement in another filing: one link, more evidence
                same.step.evidence.append(self.ev(e))
                continue
            # a stated percentage ("owns approximately 99.6% of Y", "Y is 94.56% controlled by X"): that part of
            # Y's economics, multiplied along the chain like a holding
            pct = None if owns else _d(e.props.get("percent"))
            if pct is not None and not (ZERO < pct <= HUNDRED):
                pct = None
            st = Step(e.source, ix.name(e.source), y, ix.name(y), "owns" if owns or pct is not None else "controls",
                      basis, HUNDRED if owns else pct, evidence=[self.ev(e)])
            out.append(_Link(e.source, y, True, Decimal(1) if owns else None if pct is None else pct / HUNDRED, st))
        # ownership of y's securities (y is an intermediate entity)
        for holder, ps in ix.positions_in_entity(y).items():
            if holder == y:
                continue
            best = max(ps, key=lambda p: (p.percent or ZERO))
            econ_pct = best.percent
            ctl_pct = best.pct_of(best.metric("voting"))
            control = ctl_pct is not None and ctl_pct > self.th.control
            st = self.holding_step(best, y, econ_pct)
            st.relation = "owns" if control else "holds"
            out.append(_Link(holder, y, control, None if econ_pct is None else econ_pct / HUNDRED, st))
        self._links_in[y] = out
        return out

    def derived_links(self, positions: list[Position]) -> list[_Link]:
        """R3c: shared power over another holder's shares, by virtue of a stated relationship."""
        out = []
        by_holder = {p.holder: p for p in positions}
        for p in positions:
            shared = max(p.shared_voting or ZERO, p.shared_dispositive or ZERO)
            if shared <= 0:
                continue
            for rel in self.ix.relations_out.get(p.holder, ()):
                y = rel.target
                q = by_holder.get(y)
                if q is None or y == p.holder or not q.shares or shared < q.shares:
                    continue
                title = rel.props.get("title") or rel.type.value.replace("_", " ").lower()
                st = Step(p.holder, self.ix.name(p.holder), y, self.ix.name(y), "controls (derived)",
                          f"{title}; shared power over its {_fmt_shares(q.shares)} shares "
                          f"({_powers_text(p.powers())})", None, shared, p.powers(),
                          [self.ev(rel), self.ev(p.edge)])
                same = next((lk for lk in out if lk.source == p.holder and lk.target == y), None)
                if same is not None:  # several stated relationships: one derived link citing them all
                    same.step.evidence.insert(-1, self.ev(rel))
                    if title not in same.step.detail:
                        same.step.detail = f"{title}, " + same.step.detail
                    continue
                out.append(_Link(p.holder, y, True, None, st))
        return out

    # ---- the run
    def run(self) -> ControlReport:
        ix, g = self.ix, self.g
        if self.issuer not in g:
            raise QueryError(None, f"{self.issuer} is not in the graph")
        classes = []
        all_parties: dict[str, Party] = {}
        groups = []
        for sec in ix.securities_of.get(self.issuer, ()):
            positions = ix.positions_in_security(sec)
            if not positions:
                continue
            res = self._analyse_class(sec, positions)
            classes.append({"security_id": sec, "security": ix.name(sec), "holders": len(positions)})
            groups.extend(res["groups"])
            for pid, party in res["parties"].items():
                cur = all_parties.get(pid)
                if cur is None or (party.percent or -1) > (cur.percent or -1):
                    all_parties[pid] = party
        if not classes:
            self.warnings.append(f"no beneficial holdings of securities issued by {ix.name(self.issuer)} are known")
        # roles at the issuer
        for pid, party in all_parties.items():
            for rel in ix.relations_out.get(pid, ()):
                if rel.target == self.issuer:
                    party.roles_at_issuer.append({"role": rel.type.value, "title": rel.props.get("title"),
                                                  "evidence": self.ev(rel).to_dict()})
        # ultimate controllers: not controlled by another controller
        ctl_ids = {pid for pid, p in all_parties.items() if p.role == "controller"}
        for pid in ctl_ids:
            p = all_parties[pid]
            above = [c for c in p.controlled_by if c in ctl_ids and c != pid]
            p.ultimate = not above or all(pid in all_parties[c].controlled_by for c in above)  # mutual: both
        order = {"controller": 0, "significant": 1, "reportable": 2, "holder": 3}
        def rank(p: Party) -> tuple:
            pct = -(p.percent if p.percent is not None else Decimal(-1))
            if p.role == "controller":  # ultimate first, then down the hierarchy
                return (0, not p.ultimate, len(p.controlled_by), pct, p.name, p.id)
            return (order[p.role], False, 0, pct, p.name, p.id)

        ranked = sorted(all_parties.values(), key=rank)
        notes = self._other_measures(ranked)
        return ControlReport(
            issuer_id=self.issuer, issuer=ix.name(self.issuer), by=self.by, as_of=g.graph.get("as_of"),
            thresholds=self.th,
            controllers=[p for p in ranked if p.role == "controller"],
            significant=[p for p in ranked if p.role == "significant"],
            reportable=[p for p in ranked if p.role == "reportable"],
            holders=[p for p in ranked if p.role == "holder"],
            groups=groups, cycles=self.cycles, classes=classes, warnings=self.warnings, notes=notes,
        )

    def _other_measures(self, ranked: list[Party]) -> list[str]:
        """Holders that another measure puts in a higher tier than the chosen one does (a 60% holder by
        dispositive power with 4.9% of the votes is not left out of the answer unremarked)."""
        th, order = self.th, {"controller": 0, "significant": 1, "reportable": 2, "holder": 3}

        def tier(v: Decimal | None) -> str:
            if v is None:
                return "holder"
            return ("controller" if v > th.control else "significant" if v >= th.significant
                    else "reportable" if v >= th.reportable else "holder")

        label = {"controller": f"above the {th.control}% control threshold",
                 "significant": f"significant (>= {th.significant}%)", "reportable": f"reportable (>= {th.reportable}%)"}
        found: dict[tuple[str, str], list[str]] = {}
        for p in ranked:
            for measure, v in p.percents.items():
                if measure == self.by or order[tier(v)] >= order[p.role]:
                    continue
                mine = "n/a" if p.percent is None else f"{p.percent:.2f}%"
                found.setdefault((measure, tier(v)), []).append(f"{p.name} {v:.2f}% ({self.by}: {mine})")
        # one line per tier and list of holders, naming every measure that gives it
        lines: dict[tuple[str, tuple[str, ...]], list[str]] = {}
        for (measure, t), names in sorted(found.items()):
            lines.setdefault((t, tuple(names)), []).append(measure)
        out = []
        for (t, names), measures in sorted(lines.items(), key=lambda kv: (order[kv[0][0]], kv[1])):
            what = " and ".join("economic interest" if m == "economic" else f"{m} power" for m in measures)
            opts = " or ".join(f"--by {m}" for m in measures)
            out.append(f"by {what}, {label[t]}: {'; '.join(names)} ({opts} ranks by it)")
        return out

    def _note_cycle(self, cyc: list[str]) -> None:
        """Record a cycle given in owner -> owned order (rotated to start at its smallest id)."""
        i = cyc.index(min(cyc))
        norm = tuple(cyc[i:] + cyc[:i])
        if norm not in self._cycle_keys:
            self._cycle_keys.add(norm)
            self.cycles.append(list(norm) + [norm[0]])

    def _analyse_class(self, sec: str, positions: list[Position]) -> dict:
        ix = self.ix
        positions = [replace(p) for p in positions]  # this analysis adds restated_acquirable
        pos = {p.holder: p for p in positions}
        derived = self.derived_links(positions)
        derived_in: dict[str, list[_Link]] = {}
        for lk in derived:
            derived_in.setdefault(lk.target, []).append(lk)

        def parents(y: str) -> list[_Link]:
            links = self.links_in(y)
            derived = {lk.source: lk for lk in derived_in.get(y, [])}
            out = []
            for lk in links:
                d = derived.pop(lk.source, None) if lk.control and lk.step.relation == "controls" else None
                if d is None:
                    out.append(lk)
                    continue
                # the filing states the control the shared power shows: one link, with both reasons and evidence
                st = replace(lk.step, detail=f"{lk.step.detail}; {d.step.detail}", shares=d.step.shares,
                             powers=d.step.powers,
                             evidence=lk.step.evidence + [e for e in d.step.evidence if e not in lk.step.evidence])
                out.append(replace(lk, step=st))
            return out + list(derived.values())

        # upstream closure from the direct holders, with cycle detection (R6)
        children: dict[str, list[_Link]] = {}
        seen: set[str] = set()
        state: dict[str, int] = {}

        def visit(y: str, stack: list[str]):
            state[y] = 1
            stack.append(y)
            for lk in parents(y):
                x = lk.source
                if x == self.issuer:  # the issuer owning its own holder: circular, never a link in a chain
                    self._note_cycle([x] + stack[::-1])
                    continue
                children.setdefault(x, [])
                if lk not in children[x]:
                    children[x].append(lk)
                if state.get(x) == 1:  # x is already on the walk up: owner -> owned order is the reverse
                    self._note_cycle(stack[stack.index(x):][::-1])
                    continue
                if x not in state:
                    if len(stack) >= MAX_UPSTREAM_DEPTH:
                        self.warnings.append(f"ownership chain above {ix.name(y)} is deeper than "
                                             f"{MAX_UPSTREAM_DEPTH} levels; stopped there")
                        continue
                    visit(x, stack)
            stack.pop()
            state[y] = 2
            seen.add(y)

        for h in sorted(pos):
            if h not in state:
                visit(h, [])
        upstream = sorted(n for n in seen if n != self.issuer)

        # controlled closure per entity (R3), downward over control links, cycle-safe
        ctl_children = {x: sorted({lk.target for lk in lks if lk.control}) for x, lks in children.items()}
        closure_cache: dict[str, set[str]] = {}

        def closure(x: str) -> set[str]:
            if x in closure_cache:
                return closure_cache[x]
            out = closure_cache[x] = _below(ctl_children, x)
            return out

        # R4: own parts -- a holder's aggregate minus restated positions of the nearest controlled holders
        restated: dict[str, list[str]] = {}
        for h, p in pos.items():
            nearest = self._nearest_holders(h, ctl_children, pos)
            cap = p.shares or ZERO
            took = []
            for y in sorted(nearest, key=lambda y: (-(pos[y].shares or ZERO), y)):
                ys = pos[y].shares or ZERO
                if ys > 0 and cap >= ys:
                    took.append(y)
                    cap -= ys
            restated[h] = took

        done: set[str] = set()

        merged_acq: dict[str, dict[str, Decimal]] = {}

        def settle(h: str, stack: frozenset = frozenset()) -> dict[str, Decimal]:
            """Acquirable shares of h per instrument, including the positions it restates (cycle-safe).

            The same instrument reported by both (a controller listing the shares its fund can acquire)
            counts once: the larger figure."""
            p = pos[h]
            if h in done or h in stack:
                return merged_acq.get(h, p.acquirable_by_security)
            merged = dict(p.acquirable_by_security)
            for y in restated[h]:
                for sec_id, v in settle(y, stack | {h}).items():
                    merged[sec_id] = max(merged.get(sec_id, ZERO), v)
            merged_acq[h] = merged
            p.restated_acquirable = sum(merged.values(), ZERO) - p.acquirable
            done.add(h)
            return merged

        for h in sorted(pos):
            settle(h)
            p = pos[h]
            if p.percent_recomputed is not None and not p.consistent:
                self.warnings.append(
                    f"{ix.name(h)}: recomputed {_fmt_pct(p.percent_recomputed)} of {ix.name(sec)} "
                    f"({_fmt_shares(p.shares)} / ({_fmt_shares(p.shares_outstanding)} outstanding + "
                    f"{_fmt_shares(p.acquirable + p.restated_acquirable)} acquirable)) does not match the stated "
                    f"{p.percent_bound or ''}{_fmt_pct(p.percent_stated)} ({p.edge.section}); using the stated figure")

        def own(h: str, m: str) -> Decimal | None:
            p = pos[h]
            v = p.metric(m)
            if v is None:
                return None
            for y in restated[h]:
                v -= pos[y].metric(m) or ZERO
            return max(v, ZERO)

        def own_pct(h: str, m: str) -> Decimal | None:
            return pos[h].pct_of(own(h, m))

        # R4 controller power, R5 economic interest
        def power(x: str, m: str) -> Decimal | None:
            members = ({x} | closure(x)) & pos.keys()
            vals = [own_pct(h, m) for h in members]
            known = [v for v in vals if v is not None]
            if not known:
                return None
            return sum(known, ZERO)

        econ_memo: dict[str, Decimal | None] = {}
        memo_ok = not self.cycles  # with a cycle, a value cut short on one path is not valid on another

        def econ(x: str, path: tuple = ()) -> Decimal | None:
            if memo_ok and x in econ_memo:
                return econ_memo[x]
            total, known = ZERO, False
            if x in pos:
                v = own_pct(x, "beneficial")
                if v is not None:
                    total += v
                    known = True
            if len(path) < MAX_CHAIN_DEPTH:
                for lk in children.get(x, ()):
                    if lk.econ is None or lk.target in path or lk.target == x:
                        continue
                    sub = econ(lk.target, path + (x,))
                    if sub is not None:
                        total += lk.econ * sub
                        known = True
            res = total if known else None
            if memo_ok:
                econ_memo[x] = res
            return res

        parties: dict[str, Party] = {}
        for x in upstream:
            percents = {"voting": power(x, "voting"), "dispositive": power(x, "dispositive"),
                        "economic": econ(x)}
            pct = percents[self.by]
            p = pos.get(x)
            role, notes = self.th.role(pct), []
            tp = ix.ten_percent.get(self.issuer, {})
            if pct is None and tp and (x in tp or closure(x) & tp.keys()):
                role = "significant"  # a Form 3/4/5 ten-percent owner whose percentage no filing states
                notes.append("ten-percent owner (Form 3/4/5 box), percentage not stated")
            if p is not None and p.from_rows:
                notes.append("holding from Form 3/4/5 rows (direct/indirect), not a Rule 13d-3 aggregate")
            party = Party(
                id=x, name=ix.name(x), kind=ix.kind(x), role=role, percent=pct, percents=percents,
                shares=p.shares if p else None, own_shares=own(x, "beneficial") if p else None,
                powers={k: v for k, v in p.powers().items() if v is not None} if p else {},
                controls=sorted(closure(x)), notes=notes,
            )
            parties[x] = party
        for x, party in parties.items():
            party.controlled_by = sorted(z for z in parties if x in closure(z) and z != x)
        for x, party in parties.items():
            if party.role != "holder" or x in pos:
                party.chains = self._chains(x, children, pos, restated)
        # groups (R4): the members of each filing group, the sum of own parts
        groups = []
        fgroups: dict[str, list[str]] = {}
        for h in pos:
            for _, fnode, d in self.g.out_edges(h, data=True):
                # only groups whose filing is where the member's current position comes from
                if _etype(d) == "MEMBER_OF_GROUP" and fnode == f"filing:{pos[h].edge.filing_id}":
                    fgroups.setdefault(fnode, []).append(h)
        for fnode, members in sorted(fgroups.items()):
            fid = fnode[len("filing:"):] if fnode.startswith("filing:") else fnode
            members = sorted(set(members))
            roots = self._group_roots(members, pos, closure)
            shares = sum((pos[h].shares or ZERO for h in roots), ZERO)
            pcts = [pos[h].pct_of(pos[h].shares) for h in roots]
            groups.append({"filing_id": fid, "security_id": sec, "members": [ix.name(h) for h in members],
                           "member_ids": members, "counted": [ix.name(h) for h in roots], "shares": shares,
                           "largest_aggregate": max((pos[h].shares or ZERO for h in members), default=ZERO),
                           "percent": _q(sum((v for v in pcts if v is not None), ZERO))})
        return {"parties": parties, "groups": groups}

    @staticmethod
    def _group_roots(members: list[str], pos: dict, closure) -> list[str]:
        """R4 for a filing group: the members whose positions no other member's position includes.

        x's position includes y's when x controls y and x's aggregate is at least y's, when y has
        no sole power and x's shared power covers all of y's shares (joint filers restating the same
        shares: a fund, its general partner, the manager, the individuals), or when the two cover
        pages are the same position: the same aggregate, the same four powers and the same stated
        percent (a parent and its subsidiary each reporting sole power over the subsidiary's shares,
        as 13G parent holding companies do without saying so in Item 2).  Equal mutual cover: the
        larger aggregate, then the first id, is kept.  The group holds the sum of the roots: the
        largest aggregate when everybody restates the same shares, the sum when positions are disjoint.
        """
        def no_sole(p: Position) -> bool:
            return not (p.sole_voting or p.sole_dispositive)

        def shared(p: Position) -> Decimal:
            return max(p.shared_voting or ZERO, p.shared_dispositive or ZERO)

        def same_position(px: Position, py: Position) -> bool:
            return (px.shares == py.shares and px.percent_stated == py.percent_stated
                    and px.percent_stated is not None
                    and (px.sole_voting, px.shared_voting, px.sole_dispositive, px.shared_dispositive)
                    == (py.sole_voting, py.shared_voting, py.sole_dispositive, py.shared_dispositive))

        def covers(x: str, y: str) -> bool:
            px, py = pos[x], pos[y]
            if not py.shares or px.shares is None:
                return False
            if y in closure(x) and px.shares >= py.shares:
                return True
            return (no_sole(py) and shared(px) >= py.shares) or same_position(px, py)

        roots = []
        for y in members:
            covered = False
            for x in members:
                if x == y or not covers(x, y):
                    continue
                if covers(y, x) and (pos[y].shares or ZERO, x) > (pos[x].shares or ZERO, y):
                    continue  # mutual: y is the one kept
                covered = True
                break
            if not covered:
                roots.append(y)
        return roots

    @staticmethod
    def _nearest_holders(h: str, ctl_children: dict, pos: dict) -> set[str]:
        out, seen, todo = set(), {h}, list(ctl_children.get(h, ()))
        while todo:
            y = todo.pop()
            if y in seen:
                continue
            seen.add(y)
            if y in pos:
                out.add(y)
            else:
                todo.extend(ctl_children.get(y, ()))
        if len(out) < 2:
            return out
        # a holder that another of them controls is restated inside that one's position (a person stated to
        # control both a fund and the fund's general partner): only the outermost count
        below = {y: _below(ctl_children, y) for y in out}
        return {y for y in out if not any(y in below[z] and z not in below[y] for z in out if z != y)}

    def _chains(self, x: str, children: dict, pos: dict, restated: dict) -> list[Chain]:
        """Every simple chain from x down to the issuer (control/ownership links, then a holding)."""
        chains: list[Chain] = []

        def walk(node: str, steps: list[Step], on: set[str], weight: Decimal | None, depth: int):
            if node in pos:
                p = pos[node]
                held = p.pct_of(p.metric(self.by if self.by != "economic" else "beneficial"))
                st = self.holding_step(p, self.issuer, held)
                if restated.get(node):
                    st.detail += "; restates the shares of " + ", ".join(self.ix.name(y) for y in restated[node])
                w = None if weight is None or held is None else weight * held
                chains.append(Chain(steps + [st], w, restating=bool(restated.get(node))))
            if depth >= MAX_CHAIN_DEPTH:
                return
            for lk in sorted(children.get(node, ()), key=lambda lk: (lk.target, lk.step.relation)):
                if lk.target in on:
                    continue
                if self.by == "economic":
                    lw = lk.econ
                else:
                    lw = Decimal(1) if lk.control else (lk.econ if lk.econ is not None else None)
                nw = None if weight is None or lw is None else weight * lw
                walk(lk.target, steps + [lk.step], on | {lk.target}, nw, depth + 1)

        walk(x, [], {x, self.issuer}, Decimal(1), 0)
        chains.sort(key=lambda c: (c.restating, -(c.percent if c.percent is not None else Decimal(-1)),
                                   len(c.steps), c.path))
        return chains[:50]


def _fmt_shares(v: Decimal | None) -> str:
    if v is None:
        return "?"
    s = to_plain(v)
    if "." in s:
        a, b = s.split(".")
        return f"{int(a):,}.{b}"
    return f"{int(s):,}"


def _fmt_pct(v: Decimal | None) -> str:
    return "?" if v is None else f"{v:.2f}%"


def _powers_text(p: dict) -> str:
    sv, shv, sd, shd = (p.get(k) for k in ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive"))
    parts = []
    if sv and sd and sv == sd:
        parts.append(f"sole voting and dispositive power over {_fmt_shares(sv)}")
    else:
        if sv:
            parts.append(f"sole voting {_fmt_shares(sv)}")
        if sd:
            parts.append(f"sole dispositive {_fmt_shares(sd)}")
    if shv and shd and shv == shd:
        parts.append(f"shared voting and dispositive power over {_fmt_shares(shv)}")
    else:
        if shv:
            parts.append(f"shared voting {_fmt_shares(shv)}")
        if shd:
            parts.append(f"shared dispositive {_fmt_shares(shd)}")
    return "; ".join(parts)


# ----------------------------------------------------------------- public API


def who_controls(g: nx.MultiDiGraph, issuer_id: str, *, by: str = "voting",
                 thresholds: Thresholds | None = None) -> ControlReport:
    """The control report for one issuer on a graph view (already filtered by ``as_of``)."""
    return _Analysis(g, issuer_id, by, thresholds or Thresholds()).run()


def history(store, holder_id: str, issuer_id: str) -> list[dict]:
    """A position's path through amendments: every HOLDS edge of the holder in the issuer's classes, oldest first.

    Each row says whether it is the current one (the newest by the view's time rules).
    """
    from ..graph.view import position_history, select_current, store_class_keys

    filings = {f.id: f for f in store.filings()}
    secs = {e.source for e in store.edges(target=issuer_id, type="ISSUED_BY")}
    edges = [e for e in store.edges(source=holder_id, type="HOLDS") if e.target in secs]
    classes = store_class_keys(store)
    # the time rules of the whole store decide what is current (a 13F report is a manager's whole list)
    current = {e.id for e in select_current(list(store.edges(source=holder_id, type="HOLDS")), filings,
                                            classes=classes)}
    rows = []
    for key, hist in sorted(position_history(edges, filings, classes).items()):
        prev = None
        for e in hist:
            f = filings.get(e.filing_id)
            p = e.props
            shares = _d(p.get("shares"))
            rows.append({
                "position_key": key, "security_id": e.target, "basis": p.get("basis"),
                "as_of": e.as_of, "filing_id": e.filing_id, "form": f.form_type if f else None,
                "amendment_no": f.amendment_no if f else None, "filed_date": f.filed_date if f else None,
                "shares": shares, "percent": _d(p.get("percent")), "percent_bound": p.get("percent_bound"),
                "sole_voting": _d(p.get("sole_voting")), "shared_voting": _d(p.get("shared_voting")),
                "sole_dispositive": _d(p.get("sole_dispositive")),
                "shared_dispositive": _d(p.get("shared_dispositive")),
                "change": None if prev is None or shares is None or prev is None else shares - prev,
                # a trade the filing reports (Form 4 row, 13D Item 5(c)): shares acquired ("A") or disposed ("D")
                "transaction_shares": _d(p.get("transaction_shares")),
                "acquired_disposed": p.get("acquired_disposed"),
                "current": e.id in current, "section": e.section,
            })
            prev = shares
    return rows


def resolve(store, query: str, what: str = "entity", kinds: Iterable[str] | None = None):
    """One node for what the user typed (name, CIK, CUSIP, id), or a QueryError naming the problem.

    With ``kinds`` (e.g. ``("Organization",)``) only nodes of those kinds count; a CUSIP then names
    the security's issuer.
    """
    from ..graph.model import NodeKind

    hits = store.find(query)
    if kinds:
        ks = list(kinds)
        filtered = [n for n in hits if n.kind.value in ks]
        if not filtered:
            for k in ks:
                filtered += [n for n in store.find(query, NodeKind(k)) if n.id not in {f.id for f in filtered}]
        hits = filtered
    uniq: dict[str, Any] = {}
    for n in hits:
        uniq.setdefault(n.id, n)
    hits = list(uniq.values())
    if not hits:
        raise QueryError(str(store.path), f"no {what} matches {query!r}")
    if len(hits) > 1:
        q = query.strip().casefold()
        exact = [n for n in hits if n.name.casefold() == q or n.id == query.strip()]
        if len(exact) == 1:
            return exact[0]
        names = "; ".join(f"{n.name} ({n.id})" for n in hits[:8])
        raise QueryError(str(store.path), f"{query!r} is ambiguous ({len(hits)} matches): {names}")
    return hits[0]


def _below(children: dict, x: str) -> set[str]:
    """Every node reachable from ``x`` through ``children`` (x itself excluded)."""
    out: set[str] = set()
    todo = list(children.get(x, ()))
    while todo:
        y = todo.pop()
        if y in out or y == x:
            continue
        out.add(y)
        todo.extend(children.get(y, ()))
    return out
