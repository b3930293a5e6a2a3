"""``ownergraph check FILE``: a filing's internal inconsistencies, each with its location.

Works on :class:`~ownergraph.graph.model.FilingFacts` only (any loader), from
two generic sources:

* **relations** -- beneficial ``HOLDS`` edges (cover page rows 7-13, or a
  restatement in Item 5 with a section starting ``"Item 5"``), their
  ``basis='component'`` parts, and ``FilingInfo.shares_outstanding``;
* **the document** (the loader's own structured view) -- any record that
  carries power/amount fields (``sole_voting``, ``shared_voting``,
  ``sole_dispositive``, ``shared_dispositive``, ``aggregate``/``shares``,
  ``percent``) and a holder name, and any list of ``closings`` (Item 6).

Checks (warning codes):

``cover-rows``       row 11 (aggregate) is not the larger of voting (7 + 8) and dispositive (9 + 10) power.
``components``       the components of a beneficial holding (Item 5 / cover footnotes) do not add up to it
                     (a partial list, "Includes ...", only when its parts exceed it).
``cover-vs-item5``   a cover page and Item 5 give different numbers for the same person.
``percent``          the percent of class does not match shares / (shares outstanding + shares the holder
                     can acquire within 60 days), within the rounding it was printed with.
``item6-totals``     closings listed in Item 6 do not add up to the holding of that instrument stated elsewhere.

:func:`recompute_percentages` gives every percentage recomputation (also
the consistent ones), e.g. the seed's 214,940,800 / (35,846,318 + 214,915,571) = 85.72%.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, Iterator

from ..graph.ids import normalize_name
from ..graph.model import EdgeKind, FilingFacts, NodeKind, RelationFact
from ..graph.values import to_plain
from .control import percent_tolerance

HUNDRED = Decimal(100)
ZERO = Decimal(0)

FIELDS = ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive", "shares", "percent")
FIELD_LABEL = {
    "sole_voting": "sole voting power", "shared_voting": "shared voting power",
    "sole_dispositive": "sole dispositive power", "shared_dispositive": "shared dispositive power",
    "shares": "aggregate amount", "percent": "percent of class",
}


@dataclass
class Warning:  # noqa: A001 - the name the CLI and docs use
    code: str
    location: str
    message: str
    holder: str | None = None
    expected: Any = None
    found: Any = None
    details: dict = field(default_factory=dict)

    def to_dict(self) -> dict:
        return to_plain({"code": self.code, "location": self.location, "message": self.message,
                         "holder": self.holder, "expected": self.expected, "found": self.found,
                         "details": self.details})

    def __str__(self) -> str:
        return f"[{self.code}] {self.location}: {self.message}"


def _num(v: Any) -> Decimal | None:
    if v is None or isinstance(v, bool):
        return None
    if isinstance(v, Decimal):
        return v
    if isinstance(v, (int, float)):
        return Decimal(str(v))
    if isinstance(v, dict):
        for k in ("$d", "value", "amount"):
            if k in v:
                return _num(v[k])
        return None
    if isinstance(v, str):
        s = v.strip().replace(",", "").replace("$", "").rstrip("%").strip()
        if not re.fullmatch(r"-?\d+(\.\d+)?", s):
            return None
        try:
            return Decimal(s)
        except InvalidOperation:
            return None
    return None


def fmt(v: Decimal | None) -> str:
    if v is None:
        return "?"
    s = to_plain(v)
    if "." in s:
        a, b = s.split(".")
        return f"{int(a):,}.{b}"
    return f"{int(s):,}"


def fmt_pct(v: Decimal | None) -> str:
    if v is None:
        return "?"
    if 0 < v < Decimal("0.005"):
        return f"{v:.4f}%"
    return f"{v:.2f}%"


# ----------------------------------------------------------------- position records


@dataclass
class Record:
    holder: str  # normalized name
    display: str
    source: str  # 'cover' | 'item5' | 'other'
    section: str
    values: dict[str, Decimal | None]
    bound: str | None = None


def _source_of(section: str) -> str:
    s = section.lower()
    if "cover" in s or re.search(r"\brow\s*\d", s):
        return "cover"
    if re.search(r"item\s*5", s) or "item5" in s or "item_5" in s:
        return "item5"
    return "other"


def _field_of(key: str) -> str | None:
    k = key.lower()
    if "footnote" in k or "text" in k or "bound" in k:
        return None
    if "sole" in k and "vot" in k:
        return "sole_voting"
    if "shared" in k and "vot" in k:
        return "shared_voting"
    if "sole" in k and "dispos" in k:
        return "sole_dispositive"
    if "shared" in k and "dispos" in k:
        return "shared_dispositive"
    if k in ("percent", "percent_of_class", "pct", "percentage", "row13", "row_13"):
        return "percent"
    if k in ("aggregate", "aggregate_amount", "aggregate_shares", "shares", "amount_beneficially_owned",
             "beneficially_owned", "aggregate_amount_beneficially_owned", "row11", "row_11", "total_shares"):
        return "shares"
    return None


_NAME_KEYS = ("name", "reporting_person", "holder", "person", "holder_name", "reporting_person_name")


def _walk(obj: Any, path: str) -> Iterator[tuple[str, Any]]:
    yield path, obj
    if isinstance(obj, dict):
        for k, v in obj.items():
            yield from _walk(v, f"{path}.{k}" if path else str(k))
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            yield from _walk(v, f"{path}[{i}]")


def _section_from_path(path: str, rec: dict) -> str:
    for k in ("section", "location", "source_section"):
        if isinstance(rec.get(k), str) and rec[k]:
            return rec[k]
    p = path.lower()
    m = re.search(r"(?:cover[_ ]?pages?|reporting[_ ]?persons?|cover)\[(\d+)\]", p)
    if m and not re.search(r"item[_ ]?5", p):
        return f"cover page {int(m.group(1)) + 1}"
    if re.search(r"item[_ ]?5", p):
        return "Item 5"
    return path


def document_records(doc: dict) -> list[Record]:
    out = []
    for path, obj in _walk(doc, ""):
        if not isinstance(obj, dict):
            continue
        vals: dict[str, Decimal | None] = {}
        for k, v in obj.items():
            f = _field_of(str(k))
            if f and f not in vals:
                n = _num(v)
                if n is not None:
                    vals[f] = n
        powers = sum(1 for f in vals if f not in ("shares", "percent"))
        if powers < 2 and not ("shares" in vals and "percent" in vals and powers >= 1):
            continue
        name = next((obj[k] for k in _NAME_KEYS if isinstance(obj.get(k), str) and obj[k].strip()), None)
        if name is None:
            continue
        section = _section_from_path(path, obj)
        bound = obj.get("percent_bound") if isinstance(obj.get("percent_bound"), str) else None
        if bound is None and isinstance(obj.get("percent_text") or obj.get("percent"), str):
            t = str(obj.get("percent_text") or obj.get("percent")).lower()
            if "less than" in t or t.startswith("<"):
                bound = "<"
        out.append(Record(_norm(name), name, _source_of(section) if _source_of(section) != "other"
                          else _source_of(path), section, vals, bound))
    return out


def _norm(name: str) -> str:
    return normalize_name(name, NodeKind.PERSON)


def relation_records(facts: FilingFacts) -> list[Record]:
    out = []
    for r in facts.relations:
        if r.type != EdgeKind.HOLDS or (r.props.get("basis") or "beneficial") != "beneficial":
            continue
        ent = facts.entity(r.source)
        if ent is None:
            continue
        vals = {f: _num(r.props.get(f)) for f in FIELDS}
        out.append(Record(_norm(ent.name), ent.name, _source_of(r.prov.section), r.prov.section,
                          {k: v for k, v in vals.items() if v is not None}, r.props.get("percent_bound")))
    return out


# ----------------------------------------------------------------- checks


def _cover_rows(records: list[Record]) -> list[Warning]:
    out = []
    for r in records:
        if r.source != "cover":
            continue
        v = r.values
        agg = v.get("shares")
        if agg is None:
            continue
        vt = (v.get("sole_voting") or ZERO) + (v.get("shared_voting") or ZERO) \
            if ("sole_voting" in v or "shared_voting" in v) else None
        dt_ = (v.get("sole_dispositive") or ZERO) + (v.get("shared_dispositive") or ZERO) \
            if ("sole_dispositive" in v or "shared_dispositive" in v) else None
        known = [x for x in (vt, dt_) if x is not None]
        if not known:
            continue
        top = max(known)
        if top != agg:
            out.append(Warning(
                "cover-rows", r.section,
                f"{r.display}: aggregate amount (row 11) is {fmt(agg)} but the powers add up to "
                f"{fmt(vt)} voting (rows 7 + 8) and {fmt(dt_)} dispositive (rows 9 + 10)",
                r.display, top, agg))
    return out


def _cover_vs_item5(records: list[Record]) -> list[Warning]:
    out, seen = [], set()
    by_holder: dict[str, list[Record]] = {}
    for r in records:
        by_holder.setdefault(r.holder, []).append(r)
    for holder, recs in sorted(by_holder.items()):
        covers = [r for r in recs if r.source == "cover"]
        items = [r for r in recs if r.source == "item5"]
        for c in covers:
            for i in items:
                for f in FIELDS:
                    a, b = c.values.get(f), i.values.get(f)
                    if a is None or b is None:
                        continue
                    if f == "percent":
                        if c.bound or i.bound:
                            continue
                        if abs(a - b) <= max(percent_tolerance(a), percent_tolerance(b)):
                            continue
                    elif a == b:
                        continue
                    key = (holder, f, a, b)
                    if key in seen:
                        continue
                    seen.add(key)
                    shown = fmt_pct(a) if f == "percent" else fmt(a)
                    shown_b = fmt_pct(b) if f == "percent" else fmt(b)
                    out.append(Warning(
                        "cover-vs-item5", f"{c.section} vs {i.section}",
                        f"{c.display}: {FIELD_LABEL[f]} is {shown} on the cover page ({c.section}) but "
                        f"{shown_b} in {i.section}", c.display, a, b, {"field": f}))
    return out


def _components(facts: FilingFacts) -> list[Warning]:
    out = []
    ben: dict[str, list[RelationFact]] = {}
    comps: dict[str, list[RelationFact]] = {}
    for r in facts.relations:
        if r.type != EdgeKind.HOLDS:
            continue
        basis = r.props.get("basis") or "beneficial"
        if basis == "beneficial":
            ben.setdefault(r.source, []).append(r)
        elif basis == "component":
            comps.setdefault(r.source, []).append(r)
    for holder, parts in sorted(comps.items()):
        for b in ben.get(holder, []):
            total, unknown = ZERO, []
            for c in parts:
                if c.target == b.target:
                    n = _num(c.props.get("shares"))
                else:
                    n = _num(c.props.get("underlying_shares"))
                if n is None:
                    e = facts.entity(c.target)
                    unknown.append(e.name if e else c.target)
                    continue
                total += n
            agg = _num(b.props.get("shares"))
            if agg is None or unknown or total == agg:
                continue
            if total < agg and any(c.props.get("component_partial") for c in parts):
                continue  # "Includes ...": some parts of the aggregate, not all of them
            covered, names = _covered_others(facts, holder, b)
            if names and total + covered == agg:
                continue  # the rest is other reporting persons' shares, over which the holder shares power
            covered, names = _covered_others(facts, holder, b, comps)
            if names and total + covered == agg:
                continue  # ... the shares the others hold themselves (their own shared power overlaps this one)
            ent = facts.entity(holder)
            name = ent.name if ent else holder
            secs = sorted({c.prov.section for c in parts})
            out.append(Warning(
                "components", f"{b.prov.section} vs {', '.join(secs)}",
                f"{name}: the components ({', '.join(fmt(_component_amount(c, b)) for c in parts)}) add up to "
                f"{fmt(total)} but the aggregate is {fmt(agg)}", name, agg, total))
    return out


def _covered_others(facts: FilingFacts, holder: str, b: RelationFact,
                    comps: dict[str, list[RelationFact]] | None = None) -> tuple[Decimal, list[str]]:
    """Other reporting persons' positions in the same class that ``holder``'s shared power covers.  With
    ``comps`` (the component holdings by holder), another person whose own holdings of the class are stated
    counts with those, not its aggregate: "each of A and B directly holds 60,000 shares", each sharing power
    over all 120,000, is 60,000 of A's own and B's 60,000 (B's aggregate of 120,000 overlaps A's)."""
    shared = max(_num(b.props.get("shared_voting")) or ZERO, _num(b.props.get("shared_dispositive")) or ZERO)
    if shared <= 0:
        return ZERO, []
    others = []
    for r in facts.relations:
        if (r.type == EdgeKind.HOLDS and (r.props.get("basis") or "beneficial") == "beneficial"
                and r.source != holder and r.target == b.target):
            others.append(r)

    def amount(r: RelationFact) -> Decimal:
        own = [c for c in (comps or {}).get(r.source, []) if c.target == b.target]
        if own and all(_num(c.props.get("shares")) is not None for c in own):
            return sum((_num(c.props.get("shares")) for c in own), ZERO)
        return _num(r.props.get("shares")) or ZERO

    cap, total, names = shared, ZERO, []
    for ob in sorted(others, key=lambda r: (-amount(r), r.source)):
        os_ = amount(ob)
        if os_ <= 0 or os_ > cap or ob.source in names:
            continue
        cap -= os_
        total += os_
        names.append(ob.source)
    return total, names


def _component_amount(c: RelationFact, b: RelationFact) -> Decimal | None:
    return _num(c.props.get("shares")) if c.target == b.target else _num(c.props.get("underlying_shares"))


def recompute_percentages(facts: FilingFacts) -> list[dict]:
    """Every beneficial percentage recomputed from shares outstanding + the holder's acquirable shares.

    A holder whose shared power covers other reporting persons' positions (a controller restating
    them) also counts what *they* can acquire, as Rule 13d-3 attributes those shares to him.
    """
    so = facts.filing.shares_outstanding
    if so is None:
        return []
    ben: dict[str, RelationFact] = {}
    acq: dict[str, Decimal] = {}
    for r in facts.relations:
        if r.type != EdgeKind.HOLDS:
            continue
        basis = r.props.get("basis") or "beneficial"
        if basis == "beneficial":
            ben.setdefault(r.source, r)
    for r in facts.relations:
        if r.type == EdgeKind.HOLDS and r.props.get("basis") == "component":
            b = ben.get(r.source)
            u = _num(r.props.get("underlying_shares"))
            if u is not None and (b is None or r.target != b.target):
                acq[r.source] = acq.get(r.source, ZERO) + u
    rows = []
    for holder, b in ben.items():
        shares = _num(b.props.get("shares"))
        stated = _num(b.props.get("percent"))
        bound = b.props.get("percent_bound")
        if shares is None:
            continue
        own = acq.get(holder, ZERO)
        options = [(own, [])]
        shared = max(_num(b.props.get("shared_voting")) or ZERO, _num(b.props.get("shared_dispositive")) or ZERO)
        if shared > 0:
            # others whose whole position this holder's shared power covers (largest first)
            cap, extra, names = shared, ZERO, []
            for other, ob in sorted(ben.items(), key=lambda kv: -(_num(kv[1].props.get("shares")) or ZERO)):
                os_ = _num(ob.props.get("shares")) or ZERO
                if other == holder or os_ <= 0 or os_ > cap or ob.target != b.target:
                    continue
                cap -= os_
                extra += acq.get(other, ZERO)
                ent = facts.entity(other)
                names.append(ent.name if ent else other)
            if names:
                options.append((own + extra, names))
        best = None
        for a, names in options:
            pct = shares / (so + a) * HUNDRED
            ok = _pct_ok(pct, stated, bound)
            cand = (ok, a, names, pct)
            if best is None or (ok and not best[0]):
                best = cand
        ok, a, names, pct = best
        ent = facts.entity(holder)
        rows.append({
            "holder": ent.name if ent else holder, "section": b.prov.section, "shares": shares,
            "shares_outstanding": so, "acquirable": a, "acquirable_from": names, "recomputed": pct,
            "stated": stated, "percent_bound": bound, "consistent": ok,
            "formula": f"{fmt(shares)} / ({fmt(so)} + {fmt(a)}) = {fmt_pct(pct)}",
        })
    return rows


def _pct_ok(pct: Decimal, stated: Decimal | None, bound: str | None) -> bool:
    if stated is None:
        return pct <= HUNDRED
    if bound in ("<", "<="):
        return pct <= stated
    if bound in (">", ">="):
        return pct >= stated
    return abs(pct - stated) <= percent_tolerance(stated)


def _percent(facts: FilingFacts) -> list[Warning]:
    out = []
    for r in recompute_percentages(facts):
        if r["consistent"] or r["stated"] is None:
            continue
        out.append(Warning(
            "percent", r["section"],
            f"{r['holder']}: percent of class is {r['percent_bound'] or ''}{fmt_pct(r['stated'])} but "
            f"{r['formula']} (shares outstanding {fmt(r['shares_outstanding'])} plus shares acquirable within "
            f"60 days)", r["holder"], r["recomputed"], r["stated"], {"formula": r["formula"]}))
    return out


_INSTRUMENT_WORDS = ("preferred", "warrant", "option", "note", "debenture", "unit", "right", "common")
_AMOUNT_WORDS = ("amount", "price", "proceeds", "principal", "consideration", "value", "purchase", "usd", "dollar")


def _instrument_of(key: str) -> str | None:
    k = key.lower()
    if any(w in k for w in _AMOUNT_WORDS):
        return None
    for w in _INSTRUMENT_WORDS:
        if w in k:
            return w
    return None


def _context_text(obj: dict) -> str:
    parts = []
    for k, v in obj.items():
        if isinstance(v, str) and k.lower() in ("title", "name", "description", "instrument", "text", "type",
                                                "security", "summary", "excerpt", "terms"):
            parts.append(v)
    return " ".join(parts).lower()


def _item6_totals(facts: FilingFacts) -> list[Warning]:
    out = []
    # holdings stated elsewhere: component / beneficial HOLDS per instrument security
    held: list[tuple[str, str, Decimal, str]] = []  # (security name, field ('shares'/'underlying'), value, section)
    for r in facts.relations:
        if r.type != EdgeKind.HOLDS:
            continue
        e = facts.entity(r.target)
        if e is None:
            continue
        for f in ("shares", "underlying_shares"):
            n = _num(r.props.get(f))
            if n is not None:
                held.append((e.name, f, n, r.prov.section))
    for path, obj in _walk(facts.document, ""):
        if not isinstance(obj, dict):
            continue
        for key, lst in obj.items():
            if not any(w in str(key).lower() for w in ("closing", "tranche")) or not isinstance(lst, list) \
                    or len(lst) < 2:
                continue
            if not all(isinstance(x, dict) for x in lst):
                continue
            context = _context_text(obj)
            sums: dict[str, tuple[str, Decimal, int]] = {}
            for c in lst:
                for k, v in c.items():
                    inst = _instrument_of(str(k))
                    n = _num(v)
                    if inst is None or n is None:
                        continue
                    prev = sums.get(k, (inst, ZERO, 0))
                    sums[k] = (inst, prev[1] + n, prev[2] + 1)
            location = f"{obj.get('section') or 'Item 6'} ({path}.{key})" if path else f"Item 6 ({key})"
            for k, (inst, total, count) in sorted(sums.items()):
                cands = [h for h in held if inst in h[0].lower()]
                if not cands:
                    continue
                if any(h[2] == total for h in cands):
                    continue
                # prefer instruments named like the agreement ("Series C", "Class B")
                labels = [" ".join(m) for m in re.findall(r"\b(series|class)\s+([a-z0-9-]{1,4})\b", context)]
                named = [h for h in cands if any(lb in h[0].lower() for lb in labels)]
                pick = named or cands
                # compare with the stated holding of that instrument nearest the total (units or underlying)
                best = min(pick, key=lambda h: (abs(h[2] - total), h[0], h[1]))
                noun = {"preferred": "preferred shares", "warrant": "shares under warrants",
                        "option": "shares under options", "note": "note units"}.get(inst, k.replace("_", " "))
                out.append(Warning(
                    "item6-totals", location,
                    f"the {count} closings listed add up to {fmt(total)} {noun} ({k}) but the holding stated "
                    f"elsewhere is {fmt(best[2])} ({best[0]}, {best[3]})", None, best[2], total,
                    {"field": k, "security": best[0], "stated_section": best[3]}))
    return out


def check(facts: FilingFacts) -> list[Warning]:
    """All internal inconsistencies of one filing, in a stable order."""
    records = relation_records(facts) + document_records(facts.document)
    warnings = []
    warnings += _cover_rows(records)
    warnings += _components(facts)
    warnings += _cover_vs_item5(records)
    warnings += _percent(facts)
    warnings += _item6_totals(facts)
    # one warning per distinct finding
    out, seen = [], set()
    for w in warnings:
        key = (w.code, w.message)
        if key not in seen:
            seen.add(key)
            out.append(w)
    return out
