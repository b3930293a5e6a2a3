"""Exhibit 21: the list of subsidiaries of a registrant (an exhibit to the 10-K), HTML or text.

Each subsidiary becomes an Organization with a ``jurisdiction`` property and a
``SUBSIDIARY_OF`` edge to the parent (``jurisdiction`` and, when the list states it,
``percent`` owned), section "Exhibit 21, row 3".

The parent, in this order:

1. the exhibit's own title: "Subsidiaries of Apple Inc.", "Subsidiaries of the
   Registrant" excepted, or the company name printed above "List of subsidiaries";
2. inside an EDGAR submission (the submission loader hands the EX-21 over when no other
   document of the filing is read), the header's FILER: the submission loader attaches
   the filer's CIK to the parent when the names agree, and names the parent from the
   header when the exhibit does not;
3. otherwise an Organization named "Unknown parent (sha256:...)" -- one per file, never
   merged with another file's unknown parent -- with ``parent_unknown=True``.

The parent is the filing's issuer (``issuer_key``) and its filer.  The as-of date
("as of December 31, 2025") is the filing's event date.  Subsidiaries nested under an
intermediate parent by indentation are all attached to the registrant (the list does
not state the intermediate ownership reliably).
"""

from __future__ import annotations

import html
import re

from pydantic import BaseModel, Field

from ..errors import LoadError
from ..graph.ids import filing_id
from ..graph.model import EdgeKind, EntityFact, FilingFacts, FilingInfo, NodeKind, PropFact, Provenance, RelationFact
from ..graph.model import excerpt as _excerpt
from . import Loader, register, sha256
from ._text import decode, find_dates, html_to_text, parse_percent
from .ownership import is_submission

_TITLE_RE = re.compile(r"exhibit\s*21|subsidiaries\s+of|list\s+of\s+(?:significant\s+)?subsidiaries|"
                       r"significant\s+(?:legal\s+entity\s+)?subsidiaries", re.I)


class Subsidiary(BaseModel):
    name: str
    jurisdiction: str | None = None
    percent: str | None = None


class Exhibit21(BaseModel):
    parent: str | None = Field(default=None, description="Parent as printed in the exhibit, if it says")
    as_of: str | None = None
    subsidiaries: list[Subsidiary] = Field(default_factory=list)


def sniff(data: bytes) -> float:
    start = data[:512].lstrip()
    if start.startswith(b"<?xml") and b"<html" not in data[:4000].lower():
        return 0.0  # an XML document (a structured form), not an HTML/text exhibit: no text work
    head = decode(data[:8000])
    if is_submission(head) or "<ownershipDocument" in head:
        return 0.0
    text = html_to_text(head) if "<" in head else head
    if re.search(r"\bSCHEDULE\s+13[DG]\b|STATEMENT\s+OF\s+CHANGES\s+IN\s+BENEFICIAL|ANNUAL\s+REPORT\s+PURSUANT|"
                 r"FORM\s+10-K\b", text, re.I):
        return 0.0  # a 10-K (or another form) that mentions its Exhibit 21 is not the exhibit
    text = text[:1500]  # the exhibit's title is at its top
    if re.search(r"exhibit\s*21\b", text, re.I) and re.search(r"subsidiar", text, re.I):
        return 0.7
    if re.search(r"(?:list\s+of\s+)?subsidiaries\s+of\b|list\s+of\s+(?:significant\s+)?subsidiaries", text, re.I):
        return 0.5
    return 0.0


_HEADER_WORDS = re.compile(r"^(?:name(?:\s+of\s+(?:subsidiary|company|entity))?|subsidiary|subsidiaries|"
                           r"jurisdiction.*|state\s+or\s+(?:other\s+)?jurisdiction.*|organized\s+under.*|"
                           r"(?:state|country|place)\s+of\s+(?:incorporation|organization).*|"
                           r"(?:percent(?:age)?|%)\s*(?:of\s+)?(?:ownership|owned|voting).*|entity\s+name)$", re.I)


def _cells(row_html: str) -> list[str]:
    cells = re.findall(r"(?is)<t[dh]\b[^>]*>(.*?)</t[dh]\s*>", row_html)
    out = []
    for c in cells:
        c = re.sub(r"(?is)<br\s*/?>|</(?:div|p)\s*>", " ", c)
        c = re.sub(r"(?s)<[^>]+>", " ", c)
        c = " ".join(html.unescape(c).replace("\u00a0", " ").split())
        out.append(c)
    return [c for c in out if c]


def _row_to_sub(cells: list[str]) -> dict | None:
    cells = [c.strip(" *†‡") for c in cells if c.strip(" *†‡")]
    if not cells or _HEADER_WORDS.match(cells[0]) or len(cells[0]) > 200:
        return None
    if any(_HEADER_WORDS.match(c) or re.search(r"(?i)\bjurisdiction\b|organized\s+under|laws\s+of$|"
                                               r"(?:state|country|place)\s+of\s+(?:incorporation|organization)", c)
           for c in cells):
        return None  # a header row
    name = cells[0]
    jur = None
    pct = None
    for c in cells[1:]:
        if re.fullmatch(r"\(?\d{1,3}(?:\.\d+)?\s*%?\)?", c) and pct is None:
            pct = c
        elif jur is None:
            jur = c
    if not re.search(r"[A-Za-z]", name):
        return None
    return {"name": name, "jurisdiction": jur, "percent": pct}


_LINE_PATTERNS = [
    re.compile(r"^(?P<name>.+?)\s*\((?P<jur>[A-Z][\w .,'&-]{1,60})\)\.?$"),  # "Foo Ltd. (Ireland)"
    re.compile(r"^(?P<name>.+?),\s+an?\s+(?P<jur>[A-Z][\w .'-]{1,40}?)\s+(?:corporation|company|limited liability"
               r"\s+company|partnership|limited partnership|entity)\.?$", re.I),
    re.compile(r"^(?P<name>.+?)\s+(?:-|–|—|\t)\s*(?P<jur>[A-Z][\w .,'&-]{1,60})$"),
]


def _subs_from_text(text: str) -> list[dict]:
    out = []
    for ln in text.splitlines():
        ln = ln.strip(" *†‡")
        if not ln or _TITLE_RE.search(ln) or _HEADER_WORDS.match(ln):
            continue
        if "\t" in ln:
            cells = [c for c in ln.split("\t") if c.strip()]
            if len(cells) >= 2:
                sub = _row_to_sub(cells)
                if sub:
                    out.append(sub)
                continue
        for pat in _LINE_PATTERNS:
            m = pat.match(ln)
            if m and len(m["name"]) < 150:
                out.append({"name": m["name"].strip(" ,"), "jurisdiction": m["jur"].strip(), "percent": None})
                break
    return out


def _parent(text: str) -> str | None:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:40]
    joined = " ".join(lines)
    m = re.search(r"subsidiaries\s+of\s+(?!the\s+(?:registrant|company|corporation)\b)(?P<p>.+?)(?:\s*\*|\s+as\s+of\b|"
                  r"\s+(?:Jurisdiction|Name|State|Country)\b|$)", joined, re.I)
    if m:
        p = m["p"].strip(" *:")
        p = re.split(r"\s{2,}|\s+\(", p)[0]
        if 2 < len(p) < 120:
            return p
    for i, ln in enumerate(lines):
        if re.fullmatch(r"(?:list\s+of\s+)?(?:significant\s+)?subsidiaries(?:\s+of\s+the\s+registrant)?", ln, re.I) and i:
            cand = lines[i - 1].strip(" *")
            if not re.search(r"exhibit|document", cand, re.I) and len(cand) < 120:
                return cand
    return None


def parse(data: bytes, source: str) -> FilingFacts:
    raw = decode(data)
    is_html = bool(re.search(r"(?i)<(?:html|body|table|div|p|tr)\b", raw[:20000]))
    text = html_to_text(raw) if is_html else raw
    subs: list[dict] = []
    if is_html:
        for row in re.findall(r"(?is)<tr\b[^>]*>(.*?)</tr\s*>", raw):
            sub = _row_to_sub(_cells(row))
            if sub:
                subs.append(sub)
    if not subs:
        subs = _subs_from_text(text)
    if not subs:
        raise LoadError(source, "no subsidiaries found (expected a table or lines of name and jurisdiction)")
    parent = _parent(text)
    dates = find_dates(" ".join(text.split()[:400]))
    digest = sha256(data)
    fid = filing_id(None, digest)
    info = FilingInfo(id=fid, form_type="EX-21", family="ex21", loader="ex21", source=source, sha256=digest,
                      event_date=dates[0] if dates else None, issuer_key="parent", filer_keys=["parent"])
    pp = Provenance(filing_id=fid, source=source, section="Exhibit 21, title",
                    excerpt=_excerpt(parent or "parent not named in the exhibit"))
    pprops = [] if parent else [PropFact(name="parent_unknown", value=True, prov=pp)]
    entities = [EntityFact(key="parent", kind=NodeKind.ORGANIZATION, name=parent or f"Unknown parent ({fid})",
                           props=pprops, prov=pp)]
    relations: list[RelationFact] = []
    seen: set[str] = set()
    for i, s in enumerate(subs, start=1):
        if s["name"] in seen or (parent and s["name"] == parent):
            continue
        seen.add(s["name"])
        p = Provenance(filing_id=fid, source=source, section=f"Exhibit 21, row {i}",
                       excerpt=_excerpt(" | ".join(x for x in (s["name"], s["jurisdiction"], s["percent"]) if x)))
        key = f"sub:{i}"
        props = [PropFact(name="jurisdiction", value=s["jurisdiction"], prov=p)] if s["jurisdiction"] else []
        entities.append(EntityFact(key=key, kind=NodeKind.ORGANIZATION, name=s["name"], props=props, prov=p))
        rprops: dict = {"jurisdiction": s["jurisdiction"]}
        if s["percent"]:
            pct, bound = parse_percent(s["percent"])
            rprops["percent"] = pct
            rprops["percent_text"] = s["percent"]
        relations.append(RelationFact(type=EdgeKind.SUBSIDIARY_OF, source=key, target="parent",
                                      props={k: v for k, v in rprops.items() if v is not None}, prov=p))
    doc = {"parent": parent, "as_of": dates[0].isoformat() if dates else None, "subsidiaries": subs}
    return FilingFacts(filing=info, document=doc, entities=entities, relations=relations, warnings=[])


register(Loader(name="ex21", family="ex21", sniff=sniff, parse=parse, document_model=Exhibit21,
                description="Exhibit 21 subsidiaries list (HTML or text)"))
