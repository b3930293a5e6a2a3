"""EDGAR full submission files: the SGML ``.txt`` (``<SEC-DOCUMENT>``) and ``.nc`` (``<SUBMISSION>``).

A submission is a header plus one ``<DOCUMENT>`` per file of the filing.  This
loader reads

* the header, in either dialect -- ``KEY:<tab>value`` lines (``.txt``, also
  inside a ``-----BEGIN PRIVACY-ENHANCED MESSAGE-----`` wrapper) or
  ``<TAG>value`` lines (``.nc``): accession number, conformed submission type,
  filed-as-of date, period of report, and every party block (SUBJECT COMPANY,
  FILED BY, REPORTING-OWNER, ISSUER, FILER) with its conformed name, CIK,
  state of incorporation and former names;
* every document with its ``<TYPE>``, ``<SEQUENCE>``, ``<FILENAME>`` and
  ``<DESCRIPTION>``; the body is unwrapped (``<XML>``, ``<HTML>``, text;
  uuencoded ``<PDF>`` and other binaries are listed, not read).

The *primary* document (its type is the submission type; failing that the
first non-exhibit document a loader recognises; failing that an exhibit a
loader recognises, e.g. an EX-21 of a 10-K) goes to the registered loader
:func:`~ownergraph.loaders.detect` picks from its bytes -- ownershipDocument
XML to ``ownership``, classic 13D/13G to ``schedule13_text``, XML 13D/13G to
``schedule13_xml`` and so on.  Other non-exhibit documents the same loader
family reads (a 13F information table beside its cover page) are merged into
the same facts.  If no loader reads any document (an old text Form 4, a
header kept without its documents) a Form 3/4/5 or Schedule 13D/G still gives
the header's facts -- issuer, reporting persons with their CIKs, the stated
RELATIONSHIP (director, officer, 10% owner) -- with a warning saying only the
header was read; any other form is refused with
:class:`~ownergraph.errors.UnsupportedFormat` naming the primary document's
type.  A header of the ``<TAG>value`` dialect whose line breaks were lost
(every tag on one line) is read too.

The header then enriches the facts: the filing id and accession come from the
header (every provenance is re-pointed to it), the form type and filing date
too, and the header's CIKs are attached to the matching entities (the issuer
from SUBJECT COMPANY / ISSUER; reporting persons from FILED BY /
REPORTING-OWNER / FILER by name, SEC "LAST FIRST MIDDLE" order included).  A
header filer the document does not name becomes an entity of its own, so the
filing is still joined to its filer's CIK.  Exhibits are read too: a joint
filing agreement (EX-99) becomes an Agreement with the reporting persons it
names ``PARTY_TO`` it, a power of attorney (EX-24) a "Power of Attorney" with
its grantor and attorneys-in-fact.  ``document["submission"]`` holds the
container's own view (header, document list with the loader that read each
document -- ``submission`` for an exhibit read here --, which was primary).

A header-only 13D/G also lists its GROUP MEMBERS as filers, and a submission of
another form whose parties' FILING VALUES say EDGAR also filed it as a 13D/G (a
Schedule TO-T/A amending the bidder's 13D) is read so, keeping its type.  In a
submission of a form without a loader of its own (10-K, 8-K, Schedule TO) a
document that a loader claims but cannot read is passed over, with a warning,
for the next one.  A file cut short -- its last document without
``</DOCUMENT>``, fewer documents than PUBLIC DOCUMENT COUNT, a header without
its end -- is read as far as it goes, with a warning naming the file (or, when
nothing can be read, an error saying the file looks cut short).
"""

from __future__ import annotations

import bisect
import functools
import re
from decimal import Decimal
from pydantic import BaseModel, Field, PrivateAttr

from ..errors import LoadError, OwnergraphError, UnsupportedFormat
from ..graph.ids import filing_id, normalize_cik, normalize_name
from ..graph.model import (
    EdgeKind,
    EntityFact,
    FilingFacts,
    FilingInfo,
    NodeKind,
    PropFact,
    Provenance,
    RelationFact,
    constructor,
    excerpt,
)
from . import Loader, best_loader, register, sha256
from ._text import DATE_RE, decode, html_to_text, is_container, join_address, parse_date

# exhibit facts are built from values already typed: every field passed, in the model's order (see
# graph.model.constructor)
_construct = constructor({
    Provenance: ("filing_id", "accession", "source", "section", "excerpt"),
    PropFact: ("name", "value", "prov"),
    EntityFact: ("key", "kind", "name", "cik", "cusip", "aliases", "props", "prov"),
    RelationFact: ("type", "source", "target", "props", "prov", "discriminator"),
})

#: header party blocks, both dialects, -> role
_ROLES = {
    "SUBJECT COMPANY": "subject company", "FILED BY": "filed by", "REPORTING OWNER": "reporting owner",
    "ISSUER": "issuer", "FILER": "filer", "SERIAL COMPANY": "serial company", "DEPOSITOR": "depositor",
    "SECURITIZER": "securitizer", "ISSUING ENTITY": "issuing entity",
}
_SUBBLOCKS = {"COMPANY DATA", "OWNER DATA", "FILING VALUES", "BUSINESS ADDRESS", "MAIL ADDRESS", "FORMER COMPANY",
              "FORMER NAME", "CLASS CONTRACT", "SERIES"}
_LEAF = {
    "COMPANY CONFORMED NAME": "name", "CONFORMED NAME": "name",
    "CENTRAL INDEX KEY": "cik", "CIK": "cik",
    "STATE OF INCORPORATION": "state_of_incorporation",
    "STANDARD INDUSTRIAL CLASSIFICATION": "sic", "ASSIGNED SIC": "sic",
    "IRS NUMBER": "irs_number", "FISCAL YEAR END": "fiscal_year_end",
    "FORM TYPE": "form_type", "SEC FILE NUMBER": "file_number", "FILE NUMBER": "file_number",
    "RELATIONSHIP": "relationship",
}
_TOP = {
    "ACCESSION NUMBER": "accession", "CONFORMED SUBMISSION TYPE": "submission_type", "TYPE": "submission_type",
    "PUBLIC DOCUMENT COUNT": "public_document_count", "FILED AS OF DATE": "filed", "FILING DATE": "filed",
    "CONFORMED PERIOD OF REPORT": "period", "PERIOD": "period", "DATE AS OF CHANGE": "date_of_change",
    "DATE OF FILING DATE CHANGE": "date_of_change", "ACCEPTANCE DATETIME": "acceptance_datetime",
    "EFFECTIVENESS DATE": "effectiveness_date", "ITEMS": "items",
}


class HeaderParty(BaseModel):
    role: str = Field(description="'subject company', 'filed by', 'reporting owner', 'issuer', 'filer', ...")
    name: str | None = None
    cik: str | None = None
    state_of_incorporation: str | None = None
    relationship: str | None = None
    values: dict[str, str] = Field(default_factory=dict, description="Every other header value, 'BLOCK/KEY' -> value")
    former_names: list[str] = Field(default_factory=list)


class SubmissionHeader(BaseModel):
    accession: str | None = None
    submission_type: str | None = None
    public_document_count: int | None = None
    filed: str | None = Field(default=None, description="Filed as of date, YYYYMMDD as in the header")
    period: str | None = None
    date_of_change: str | None = None
    acceptance_datetime: str | None = None
    group_members: list[str] = Field(default_factory=list, description="GROUP MEMBERS lines (joint 13D/13G filers)")
    parties: list[HeaderParty] = Field(default_factory=list)
    # the accession the container's own name gives ("<SEC-DOCUMENT>0001127602-25-001055.txt : 20250110")
    _container_accession: str | None = PrivateAttr(default=None)


class SubmissionDocument(BaseModel):
    type: str
    sequence: str | None = None
    filename: str | None = None
    description: str | None = None
    format: str = Field(description="xml, html, text, pdf, binary")
    size: int
    loader: str | None = Field(default=None, description="Loader that read it, if any ('submission' for an exhibit "
                                                             "the container loader read itself: a joint filing "
                                                             "agreement, a power of attorney)")
    role: str | None = Field(default=None, description="'primary', 'merged', 'exhibit' or None (not read)")


class Submission(BaseModel):
    """An EDGAR submission container: header and documents."""

    header: SubmissionHeader
    documents: list[SubmissionDocument] = Field(default_factory=list)
    primary: int | None = Field(default=None, description="Index of the primary document in ``documents``")


# ----------------------------------------------------------------- sniffing


def sniff(data: bytes) -> float:
    head = data[:4096]
    if is_container(head):
        return 0.99
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    if re.match(rb"\s*<DOCUMENT>\s*<TYPE>", head):
        return 0.97  # documents without a header (a partial submission)
    return 0.0


# ----------------------------------------------------------------- header


# the value is group 3 with its trailing white space stripped (by rstrip: a lazy "(.*?)\s*$" costs a
# backtracking step per character)
_TAG_LINE = re.compile(r"^\s*<(/?)([A-Z0-9][A-Z0-9\-]*)>\s*(.*)$")
_KEY_LINE = re.compile(r"^(\s*)([A-Z][A-Z0-9 \-/&'().,]*):\s*(.*)$")


@functools.lru_cache(maxsize=1024)  # header keys are a small vocabulary shared by every submission
def _norm_key(k: str) -> str:
    return " ".join(k.replace("-", " ").split()).upper()


# a tag of the ``<TAG>value`` dialect that does not start its line: a header whose line breaks were lost
# (an .nc file with its CR separators stripped puts every tag on one line)
_INLINE_TAG = re.compile(r"(?<=[^\n])(?=</?[A-Z][A-Z0-9\-]+>)")


def parse_header(text: str) -> SubmissionHeader:
    """Both header dialects, line by line."""
    if "><" in text or re.search(r"[^\n<]<[A-Z][A-Z0-9\-]*>[^\n]*<[A-Z][A-Z0-9\-]*>", text):
        text = _INLINE_TAG.sub("\n", text)
    top: dict[str, str] = {}
    group: list[str] = []
    parties: list[HeaderParty] = []
    party: HeaderParty | None = None
    sub = ""
    closing = {_norm_key(m) for m in re.findall(r"</([A-Z0-9\-]+)>", text)}
    for line in text.splitlines():
        if not line.strip():
            continue
        m = _TAG_LINE.match(line)
        if m:
            closing_tag, key, val = m.group(1) == "/", _norm_key(m.group(2)), m.group(3).rstrip()
            if closing_tag:
                if key in _ROLES and party is not None and party.role == _ROLES[key]:
                    party, sub = None, ""
                elif key in _SUBBLOCKS or key == sub:
                    sub = ""
                continue
            if key in ("SEC HEADER", "SEC DOCUMENT", "SUBMISSION", "IMS HEADER", "IMS DOCUMENT"):
                # "<SEC-DOCUMENT>0001127602-25-001055.txt : 20250110": the file's own name is its accession number
                am = re.match(r"(\d{10}-\d{2}-\d{6})\.(?:txt|hdr\.sgml|nc)\b", val)
                if am:
                    top.setdefault("container_accession", am.group(1))
                continue
            if not val and key in _ROLES:
                party, sub = HeaderParty(role=_ROLES[key]), ""
                parties.append(party)
                continue
            if not val and (key in _SUBBLOCKS or key in closing):
                sub = key
                continue
        else:
            m = _KEY_LINE.match(line)
            if not m:
                continue
            key, val = _norm_key(m.group(2)), m.group(3).rstrip()
            if not val and key in _ROLES:
                party, sub = HeaderParty(role=_ROLES[key]), ""
                parties.append(party)
                continue
            if not val and key in _SUBBLOCKS:
                sub = key
                continue
        if party is None:
            if key == "GROUP MEMBERS" and val:
                group.append(val)
            elif key in _TOP and val:
                top.setdefault(_TOP[key], val)
            continue
        if not val:
            continue
        field = _LEAF.get(key)
        if key in ("FORMER CONFORMED NAME",):
            party.former_names.append(val)
        elif field in ("name", "cik", "state_of_incorporation", "relationship") and sub not in (
                "FORMER COMPANY", "FORMER NAME"):
            if getattr(party, field) is None:
                setattr(party, field, val)
        else:
            party.values.setdefault(f"{sub}/{key}" if sub else key, val)
    count = top.get("public_document_count")
    hdr = SubmissionHeader(
        accession=top.get("accession") or top.get("container_accession"),
        submission_type=top.get("submission_type"),
        public_document_count=int(count) if count and count.isdigit() else None,
        filed=top.get("filed"),
        period=top.get("period"),
        date_of_change=top.get("date_of_change"),
        acceptance_datetime=top.get("acceptance_datetime"),
        group_members=group,
        parties=parties,
    )
    hdr._container_accession = top.get("container_accession")
    return hdr


# ----------------------------------------------------------------- documents


# (a field need not start its line: an .nc file without line breaks has "<DOCUMENT><TYPE>4<SEQUENCE>1...")
_FIELD_RE = re.compile(rb"<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>([^\n<]*)")


_NOT_READ = (b"<PDF>", b"BEGIN 6", b"<JPG>", b"<GIF>", b"<ZIP>", b"<XLS>")
_WS = b" \t\n\r\x0b\x0c"  # what bytes.lstrip() strips


def _body(doc: bytes) -> tuple[bytes, str]:
    i = doc.find(b"<TEXT>")
    if i < 0:
        return b"", "text"
    # an embedded PDF or other binary is not read: known from its first bytes, without copying the body
    end = doc.rfind(b"</TEXT>", i + 6)
    end = len(doc) if end < 0 else end
    k = i + 6
    while k < end and doc[k] in _WS:
        k += 1
    start = doc[k:min(k + 16, end)]
    if start.upper().startswith(_NOT_READ) or start.startswith(b"begin "):
        return b"", "pdf" if start.upper().startswith(b"<PDF>") else "binary"
    body = doc[i + 6:]
    j = body.rfind(b"</TEXT>")
    if j >= 0:
        body = body[:j]
    s = body.lstrip()
    up = s[:16].upper()
    if up.startswith(b"<XML>"):
        inner = s[5:]
        k = inner.rfind(b"</XML>")
        return (inner[:k] if k >= 0 else inner).strip(), "xml"
    if up.startswith((b"<PDF>", b"BEGIN 6", b"<JPG>", b"<GIF>", b"<ZIP>", b"<XLS>")) or s.startswith(b"begin "):
        return b"", "pdf" if up.startswith(b"<PDF>") else "binary"
    if up.startswith((b"<HTML", b"<!DOCTYPE", b"<HEAD", b"<BODY")) or re.search(rb"<html\b", s[:2048], re.I):
        return s, "html"
    if s.startswith(b"<?xml"):
        return s.strip(), "xml"
    return s, "text"


def _document_tags(data: bytes) -> tuple[list[int], list[int]]:
    """Where every ``<DOCUMENT>`` and every ``</DOCUMENT>`` starts, in one scan of the data (a large
    embedded PDF is then read once, not once per tag searched)."""
    opens: list[int] = []
    closes: list[int] = []
    h = data.find(b"DOCUMENT>")
    while h >= 0:
        if h >= 1 and data[h - 1] == 0x3C:  # "<DOCUMENT>"
            opens.append(h - 1)
        elif h >= 2 and data[h - 2:h] == b"</":
            closes.append(h - 2)
        h = data.find(b"DOCUMENT>", h + 9)
    return opens, closes


def split(data: bytes) -> tuple[str, list[tuple[dict[str, str], bytes, str]]]:
    """Header text and [(fields, body, format)] of a submission."""
    head, docs, _ = _split(data)
    return head, docs


def _split(data: bytes) -> tuple[str, list[tuple[dict[str, str], bytes, str]], bool]:
    """:func:`split`, and whether the last document ran to the end of the data without its ``</DOCUMENT>``
    (a submission cut short: the last document may be incomplete)."""
    if b"\r" in data:  # (a search for one byte is much cheaper than replace() scanning for two)
        data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    opens, closes = _document_tags(data)
    first = opens[0] if opens else -1
    head = data[: first if first >= 0 else len(data)]
    end = head.find(b"</SEC-HEADER>")
    if end >= 0:
        head = head[:end]
    docs = []
    pos = first
    cut = False
    while pos >= 0:
        start = pos + len(b"<DOCUMENT>")
        i = bisect.bisect_left(opens, start)
        nxt = opens[i] if i < len(opens) else -1  # data.find(b"<DOCUMENT>", start)
        i = bisect.bisect_left(closes, start)
        end = closes[i] if i < len(closes) else -1  # data.find(b"</DOCUMENT>", start)
        if end < 0 or (0 <= nxt < end):
            cut = nxt < 0  # the last document has no </DOCUMENT>: the data stops inside it
            end = nxt if nxt >= 0 else len(data)
        raw = data[start:end]
        pos = nxt
        t = raw.find(b"<TEXT>")
        meta = raw[: t if t >= 0 else min(len(raw), 2000)]
        fields = {k.decode().lower(): v.decode("latin-1").strip() for k, v in _FIELD_RE.findall(meta)}
        body, fmt = _body(raw)
        docs.append((fields, body, fmt))
    return decode(head), docs, cut


# ----------------------------------------------------------------- facts


def _tokens(name: str, kind: NodeKind) -> list[str]:
    return normalize_name(name, kind).split()


def _same_party(header_name: str, ent: EntityFact) -> bool:
    """Does the header's conformed name (often 'LAST FIRST MIDDLE', upper case) name this entity?"""
    names = [ent.name, *ent.aliases]
    header_name = _display(header_name)  # "FARNAM STREET PARTNERS LP /MN": the suffix is EDGAR's, not the name's
    for n in names:
        if normalize_name(n, ent.kind) == normalize_name(header_name, ent.kind):
            return True
    if ent.kind == NodeKind.PERSON:
        h = [t for t in _tokens(header_name, NodeKind.PERSON) if t not in ("jr", "sr", "ii", "iii", "iv")]
        for n in names:
            e = [t for t in _tokens(n, NodeKind.PERSON) if t not in ("jr", "sr", "ii", "iii", "iv")]
            if len(h) < 2 or len(e) < 2:
                continue
            # SEC order: last name first; initials match full names
            if h[0] == e[-1] and _initials_ok(h[1:], e[:-1]):
                return True
            if h[-1] == e[-1] and _initials_ok(h[:-1], e[:-1]):
                return True
    else:
        a = re.sub(r"\W", "", normalize_name(header_name, NodeKind.ORGANIZATION))
        for n in names:
            if a and a == re.sub(r"\W", "", normalize_name(n, NodeKind.ORGANIZATION)):
                return True
    return False


def _initials_ok(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return False
    if a[0] != b[0] and not (len(a[0]) == 1 and b[0].startswith(a[0])) and not (len(b[0]) == 1 and a[0].startswith(b[0])):
        return False
    for x, y in zip(a[1:], b[1:]):
        if x[0] != y[0]:
            return False
    return True


def _looks_org(name: str) -> bool:
    from .schedule13_xml import looks_like_organization

    return looks_like_organization(name)


#: company-data values EDGAR keeps only for organisations (an individual's filer record has none of them)
_ORG_DATA_KEYS = frozenset({"STANDARD INDUSTRIAL CLASSIFICATION", "ASSIGNED SIC", "IRS NUMBER", "FISCAL YEAR END",
                            "ORGANIZATION NAME"})
_PERSON_NAME = re.compile(r"^[A-Za-z][A-Za-z.'\-]*(?:\s+[A-Za-z][A-Za-z.'\-]*){1,4}$")


def _party_kind(party: HeaderParty, name: str) -> NodeKind:
    """Person or Organization for a header party the documents do not describe.

    A reporting owner (Forms 3/4/5) is a person unless the name reads as an organisation's.  A FILED BY /
    FILER party is an organisation when its company data carries what EDGAR records only for organisations
    (SIC code, IRS number, fiscal year end, state of incorporation) or the name reads as one; a person only
    when none of that is there and the name is a plain personal name ("ICAHN CARL C").  When unsure it stays
    an Organization: for a KYC reader a company shown as a person among the beneficial owners is the worse
    error, because it hides the people behind the company."""
    if _looks_org(name):
        return NodeKind.ORGANIZATION
    if party.role == "reporting owner":
        return NodeKind.PERSON
    if party.state_of_incorporation or any(k.rsplit("/", 1)[-1] in _ORG_DATA_KEYS and v.strip()
                                           for k, v in party.values.items()):
        return NodeKind.ORGANIZATION
    return NodeKind.PERSON if _PERSON_NAME.match(name) else NodeKind.ORGANIZATION


def _display(name: str) -> str:
    """An EDGAR conformed name, tidied: trailing '/DE/' style suffixes dropped, and the 'ET AL' EDGAR adds to the
    name of the first of several joint filers ("ICAHN CARL C ET AL" is Carl C. Icahn)."""
    name = re.sub(r"\s*/(?:[A-Z]{2,3}/?)?\s*$", "", name).strip()
    return re.sub(r"(?i),?\s+ET\.?\s+AL\.?$", "", name).strip() or name


def _repoint(facts: FilingFacts, fid: str, accession: str | None, source: str) -> None:
    """Point every provenance at the submission (the facts are this parse's own objects: changed in place)."""
    seen: set[int] = set()

    def fix(p: Provenance) -> None:
        if id(p) in seen:
            return
        seen.add(id(p))
        if p.filing_id != fid or p.accession != accession or p.source != source:
            object.__setattr__(p, "filing_id", fid)  # frozen model, fresh from the inner loader
            object.__setattr__(p, "accession", accession)
            object.__setattr__(p, "source", source)

    for e in facts.entities:
        fix(e.prov)
        for pf in e.props:
            fix(pf.prov)
    for r in facts.relations:
        fix(r.prov)


def _count(v: object) -> Decimal | None:
    try:
        return Decimal(str(v).replace(",", "").replace("$", "").strip()) if v not in (None, "") else None
    except ArithmeticError:
        return None


def _check_13f_summary(facts: FilingFacts, source: str) -> None:
    """A 13F cover page's summary (entry total, value total) against the information tables merged beside it:
    a difference warns (a table cut short, or rows the loader could not read); values may differ by the rounding of
    a unit a row.  The text loader checks its own
    tables; here the cover and the table are separate documents."""
    tables = [a["document"] for a in facts.document.get("attached", [])
              if isinstance(a.get("document"), dict) and "row_count" in a["document"]]
    if not tables:
        return
    rows = sum(int(t["row_count"]) for t in tables)
    stated = _count(facts.document.get("table_entry_total"))
    if stated is not None and stated != rows:
        facts.warnings.append(f"{source}: the summary page gives {facts.document['table_entry_total']} "
                              f"information table entries, {rows} rows were read")
    value = _count(facts.document.get("table_value_total"))
    read = sum((_count(t.get("value_total")) or Decimal(0)) for t in tables)
    if value is not None and abs(value - read) > max(rows, 1):  # within a unit a row: rounding, not a gap
        facts.warnings.append(f"{source}: the summary page gives a table value total of "
                              f"{facts.document['table_value_total']}, the rows read add up to {format(read, 'f')}")


def _merge(base: FilingFacts, extra: FilingFacts, tag: str) -> None:
    """Merge another document's facts of the same filing into ``base``.

    Entities are joined by CIK, CUSIP or name; an entity with the property ``stands_for`` = "filer"
    (or "issuer") is the filing's filer (issuer) the other document names.
    """
    keymap = {"filing": "filing"}
    by_cik: dict = {}
    by_cusip: dict = {}
    by_name: dict = {}

    def remember(b: EntityFact) -> None:
        if b.cik and normalize_cik(b.cik):
            by_cik.setdefault((b.kind, normalize_cik(b.cik)), b)
        if b.cusip:
            by_cusip.setdefault(b.cusip, b)
        if b.kind != NodeKind.AGREEMENT and not (b.kind == NodeKind.SECURITY and b.cusip):
            by_name.setdefault((b.kind, normalize_name(b.name, b.kind)), b)

    for b in base.entities:
        remember(b)
    for e in extra.entities:
        hit = None
        role = e.prop("stands_for")  # a placeholder for the filing's filer / issuer (13F table: its filer)
        if role == "filer" and base.filing.filer_keys:
            hit = base.entity(base.filing.filer_keys[0])
        elif role == "issuer" and base.filing.issuer_key:
            hit = base.entity(base.filing.issuer_key)
        if hit is not None:
            keymap[e.key] = hit.key
            continue
        cik = normalize_cik(e.cik) if e.cik else None
        hit = (by_cik.get((e.kind, cik)) if cik else None) or (by_cusip.get(e.cusip) if e.cusip else None)
        if hit is None and e.kind != NodeKind.AGREEMENT and not (e.kind == NodeKind.SECURITY and e.cusip):
            hit = by_name.get((e.kind, normalize_name(e.name, e.kind)))
        if hit is None:
            new_key = f"{tag}:{e.key}"
            keymap[e.key] = new_key
            e.key = new_key
            base.entities.append(e)
            remember(e)
        else:
            keymap[e.key] = hit.key
            if not hit.cik and e.cik:
                hit.cik = e.cik
    for r in extra.relations:
        if r.source in keymap and r.target in keymap:
            r.source, r.target = keymap[r.source], keymap[r.target]
            base.relations.append(r)
    if base.filing.issuer_key is None and extra.filing.issuer_key in keymap:
        base.filing.issuer_key = keymap[extra.filing.issuer_key]
    for k in extra.filing.filer_keys:
        if k in keymap and keymap[k] not in base.filing.filer_keys:
            base.filing.filer_keys.append(keymap[k])
    base.warnings.extend(extra.warnings)


def _may_be_same_filer(p: HeaderParty, e: EntityFact, hdr: SubmissionHeader) -> bool:
    """Can the header's one unmatched filer be the document's one reporting person without a CIK although
    their names differ ("FABRIKAM ASSET MGMT CO" / "Fabrikam Example Asset Management, L.L.C.")?  Not when the
    names share no word, and not when the header lists that person among the GROUP MEMBERS: a group member
    is another filer than the FILED BY party (a Schedule TO/13D whose first cover page is a subsidiary)."""
    if _is_placeholder(e):
        return True
    if any(_same_party(g, e) for g in hdr.group_members) and not (p.name and any(
            normalize_name(_display(p.name)) == normalize_name(g) for g in hdr.group_members)):
        return False
    kind = e.kind

    def words(n: str) -> set[str]:
        return {w for w in normalize_name(_display(n), kind).split() if len(w) > 2 and w not in _LEGAL_WORDS}

    a = words(p.name or "")
    return not a or any(a & words(n) for n in (e.name, *e.aliases))


_LEGAL_WORDS = {"inc", "corp", "llc", "ltd", "the", "and", "company", "group", "holdings", "holding", "partners",
                "capital", "management", "fund", "trust"}


def _party_entity(facts: FilingFacts, party: HeaderParty, prov: Provenance, kind: NodeKind | None = None) -> EntityFact:
    name = _display(party.name or f"CIK {party.cik}")
    if kind is None:
        kind = _party_kind(party, name)
    props = []
    if party.state_of_incorporation:
        props.append(PropFact(name="state_of_incorporation", value=party.state_of_incorporation, prov=prov))
    e = EntityFact(key=f"header:{len(facts.entities)}", kind=kind, name=name, cik=normalize_cik(party.cik),
                   props=props, prov=prov)
    facts.entities.append(e)
    return e


def _is_placeholder(e: EntityFact) -> bool:
    """An entity the document could not name ("Unknown parent (sha256:...)")."""
    return bool(e.prop("parent_unknown") or re.search(r"^unknown\b|\bnot stated\b|\(sha256:", e.name, re.I))


def _enrich(facts: FilingFacts, hdr: SubmissionHeader, source: str) -> None:
    def hprov(text: str) -> Provenance:
        return Provenance(filing_id=facts.filing.id, accession=facts.filing.accession, source=source,
                          section="header", excerpt=excerpt(text))

    people = [e for e in facts.entities if e.kind in (NodeKind.PERSON, NodeKind.ORGANIZATION)]
    # the issuer: SUBJECT COMPANY (13D/G) or ISSUER (Forms 3/4/5)
    subjects = [p for p in hdr.parties if p.role in ("subject company", "issuer") and p.cik]
    issuer = facts.entity(facts.filing.issuer_key) if facts.filing.issuer_key else None
    if issuer is not None and len({normalize_cik(p.cik) for p in subjects}) == 1:
        p = subjects[0]
        if not issuer.cik:
            issuer.cik = normalize_cik(p.cik)
        elif normalize_cik(issuer.cik) != normalize_cik(p.cik):
            facts.warnings.append(f"{source}: header subject company CIK {p.cik} differs from the document's "
                                  f"issuer CIK {issuer.cik}")
        if re.search(r"unknown|not stated", issuer.name, re.I) and p.name:
            issuer.name = _display(p.name)
    elif issuer is None and subjects and facts.filing.family in ("schedule13", "ownership", "ex21"):
        e = _party_entity(facts, subjects[0], hprov(f"{subjects[0].role.upper()}: {subjects[0].name} "
                                                    f"(CIK {subjects[0].cik})"), NodeKind.ORGANIZATION)
        facts.filing.issuer_key = e.key
    # placeholders the inner loader could not name ('stands_for': the filing's filer / parent / issuer)
    for e in facts.entities:
        role = e.prop("stands_for")
        if role not in ("filer", "parent", "issuer"):
            continue
        want = ("subject company", "issuer") if role == "issuer" else ("filer", "filed by", "reporting owner")
        cands = [p for p in hdr.parties if p.role in want and p.cik] or (
            [p for p in hdr.parties if p.role in ("subject company", "filer") and p.cik] if role == "parent" else [])
        if len({normalize_cik(p.cik) for p in cands}) != 1:
            continue
        p = cands[0]
        if not e.cik:
            e.cik = normalize_cik(p.cik)
        if p.name and _is_placeholder(e):
            e.name = _display(p.name)
    # filers: FILED BY / REPORTING-OWNER / FILER, matched by name (SEC order too)
    unmatched: list[HeaderParty] = []
    for p in hdr.parties:
        if p.role not in ("filed by", "reporting owner", "filer") or not p.cik:
            continue
        cik = normalize_cik(p.cik)
        if any(normalize_cik(e.cik) == cik for e in people):
            continue
        if issuer is not None and normalize_cik(issuer.cik) == cik:
            continue
        cands = [e for e in people if not e.cik and p.name and _same_party(p.name, e)]
        if len(cands) == 1:
            cands[0].cik = cik
            continue
        unmatched.append(p)
    # one filer the header names differently from the only reporting person without a CIK: the same filer
    cikless = [e for k in facts.filing.filer_keys if (e := facts.entity(k)) is not None and not e.cik]
    if len(unmatched) == 1 and len(cikless) == 1 and cikless[0].kind == (
            NodeKind.PERSON if unmatched[0].role == "reporting owner" and not _looks_org(unmatched[0].name or "")
            else cikless[0].kind) and _may_be_same_filer(unmatched[0], cikless[0], hdr):
        e, p = cikless[0], unmatched[0]
        e.cik = normalize_cik(p.cik)
        if _is_placeholder(e) and p.name:
            e.name = _display(p.name)  # the document could not name it: the header does
        else:
            facts.warnings.append(f"{source}: header {p.role} {p.name!r} (CIK {p.cik}) taken to be {e.name!r}, "
                                  f"the only filer without a CIK")
        unmatched = []
    for p in unmatched:
        e = _party_entity(facts, p, hprov(f"{p.role.upper()}: {p.name} (CIK {p.cik})"))
        people.append(e)
        facts.filing.filer_keys.append(e.key)
    _header_details(facts, hdr, hprov)
    # old headers state the reporting owner's relationship to the issuer (<RELATIONSHIP>DIRECTOR)
    issuer = facts.entity(facts.filing.issuer_key) if facts.filing.issuer_key else None
    for p in hdr.parties:
        if p.role != "reporting owner" or not p.relationship or issuer is None or not p.cik:
            continue
        owner = next((e for e in people if normalize_cik(e.cik) == normalize_cik(p.cik)), None)
        if owner is None:
            continue
        for rel in re.split(r"[,;/]+", p.relationship):
            r = " ".join(rel.split()).upper()
            etype = {"DIRECTOR": EdgeKind.DIRECTOR_OF, "OFFICER": EdgeKind.OFFICER_OF,
                     "10 PERCENT OWNER": EdgeKind.TEN_PERCENT_OWNER_OF,
                     "TEN PERCENT OWNER": EdgeKind.TEN_PERCENT_OWNER_OF}.get(r)
            if etype is None or any(x.type == etype and x.source == owner.key and x.target == issuer.key
                                    for x in facts.relations):
                continue
            props = {"title": "Director"} if etype == EdgeKind.DIRECTOR_OF else {}
            facts.relations.append(RelationFact(type=etype, source=owner.key, target=issuer.key, props=props,
                                                prov=hprov(f"REPORTING-OWNER: {p.name} RELATIONSHIP: {r}")))


def _party_address(p: HeaderParty) -> str | None:
    """The party's BUSINESS ADDRESS (else MAIL ADDRESS) block, both dialects ("STREET 1" / "STREET1")."""
    for block in ("BUSINESS ADDRESS", "MAIL ADDRESS"):
        v = {k.split("/", 1)[1].replace(" ", ""): x for k, x in p.values.items() if k.startswith(block + "/")}
        if v.get("STREET1") or v.get("CITY"):
            state_zip = " ".join(x for x in (v.get("STATE"), v.get("ZIP")) if x)
            return join_address([v.get("STREET1"), v.get("STREET2"), v.get("CITY"), state_zip])
    return None


def _header_details(facts: FilingFacts, hdr: SubmissionHeader, hprov) -> None:
    """What the header says of a party the facts know by its CIK: the conformed name and the former names
    (FORMER COMPANY / FORMER NAME blocks) become aliases -- a later filing that names the company as it was
    then called, without a CIK, resolves to the same node --, the business address and the state of
    incorporation become properties when the documents did not give them."""
    by_cik: dict[str, list[EntityFact]] = {}
    for e in facts.entities:
        if e.kind in (NodeKind.PERSON, NodeKind.ORGANIZATION) and e.cik:
            by_cik.setdefault(normalize_cik(e.cik), []).append(e)
    for p in hdr.parties:
        if not p.cik:
            continue
        ents = by_cik.get(normalize_cik(p.cik)) or []
        if len(ents) != 1:
            continue
        e = ents[0]
        have = {normalize_name(n, e.kind) for n in (e.name, *e.aliases)}
        names = ([p.name] if p.name else []) + p.former_names
        for n in names:
            shown = _display(n)
            key = normalize_name(shown, e.kind)
            if key and key not in have:
                have.add(key)
                e.aliases.append(shown)
        current = normalize_name(_display(p.name or e.name), e.kind)
        former = [_display(n) for n in p.former_names if normalize_name(_display(n), e.kind) != current]
        if former and e.prop("former_names") is None:  # (not "FOO CORP /DE" of today's "FOO CORP")
            prov = hprov(f"{p.role.upper()}: {p.name} (CIK {p.cik}) formerly " + "; ".join(p.former_names[:5]))
            e.props.append(PropFact(name="former_names", value="; ".join(dict.fromkeys(former)), prov=prov))
        addr = _party_address(p)
        if addr and e.prop("address") is None and e.kind == NodeKind.ORGANIZATION:
            e.props.append(PropFact(name="address", value=addr,
                                    prov=hprov(f"{p.role.upper()}: {p.name} (CIK {p.cik}) BUSINESS ADDRESS: {addr}")))
        if p.state_of_incorporation and e.prop("state_of_incorporation") is None and e.kind == NodeKind.ORGANIZATION:
            e.props.append(PropFact(name="state_of_incorporation", value=p.state_of_incorporation,
                                    prov=hprov(f"{p.role.upper()}: {p.name} (CIK {p.cik}) STATE OF INCORPORATION: "
                                               f"{p.state_of_incorporation}")))


def _exhibit_agreements(facts: FilingFacts, exhibits: list[tuple[dict, bytes, str]], source: str) -> None:
    filers = [facts.entity(k) for k in facts.filing.filer_keys]
    filers = [e for e in filers if e is not None]
    for fields, body, fmt in exhibits:
        if fmt not in ("html", "text", "xml") or not body:
            continue
        def as_text(b: bytes) -> str:
            return html_to_text(decode(b)) if fmt == "html" else decode(b)

        dtype = fields.get("type", "EX")
        head = as_text(body[:30_000])[:3000]  # look at the title before reading a long exhibit
        if _power_of_attorney(facts, filers, fields, head, as_text, body, source):
            continue
        if not re.search(r"joint\s+filing|agreement", head + " " + fields.get("description", ""), re.I):
            continue
        text = as_text(body[:2_000_000]) if len(body) > 30_000 else as_text(body)
        joint = bool(re.search(r"joint\s+filing|jointly\s+(?:on\s+behalf|filed)|joint\s+acquisition", text, re.I))
        title = None
        for ln in [x for x in head.splitlines() if x.strip()][:8]:  # a title, not a sentence of the body
            ln = " ".join(ln.split())
            if re.search(r"\bagreement\b", ln, re.I) and 8 <= len(ln) <= 90 and not ln.endswith((".", ",")):
                title = ln.strip(" :*").title() if ln.isupper() else ln.strip(" :*")
                break
        if title is None:
            if not joint:
                continue
            title = "Joint Filing Agreement"
        section = "Exhibit " + re.sub(r"^EX-", "", dtype.split()[0]) if dtype.upper().startswith("EX-") else dtype
        dm = re.search(r"dated:?\s*(?:as\s+of:?\s+)?(" + DATE_RE + ")", text, re.I) or re.search(DATE_RE, text)
        date = parse_date(dm.group(1) if dm.lastindex else dm.group(0)) if dm else None
        low = " " + _fold_text(text) + " "
        parties = []
        for e in filers:
            names = [normalize_name(n, e.kind) for n in (e.name, *e.aliases)]
            if any(len(n) > 3 and f" {n} " in low for n in names):
                parties.append(e)
        if not parties and joint:
            parties = filers
        if not parties:
            continue
        prov = _construct(Provenance, {"filing_id": facts.filing.id, "accession": facts.filing.accession,
                                       "source": source, "section": section,
                                       "excerpt": excerpt(" ".join(head.split())[:400])})
        ag = next((e for e in facts.entities if e.kind == NodeKind.AGREEMENT
                   and normalize_name(e.name, NodeKind.AGREEMENT) == normalize_name(title, NodeKind.AGREEMENT)), None)
        if ag is None:
            ag = _construct(EntityFact, {"key": f"exhibit:{len(facts.entities)}", "kind": NodeKind.AGREEMENT,
                                         "name": title, "cik": None, "cusip": None, "aliases": [], "props": [],
                                         "prov": prov})
            facts.entities.append(ag)
        if date and ag.prop("date") is None:
            ag.props.append(_construct(PropFact, {"name": "date", "value": date, "prov": prov}))
        if ag.prop("exhibit") is None:
            ag.props.append(_construct(PropFact, {"name": "exhibit", "value": dtype, "prov": prov}))
        have = {(r.source, r.target) for r in facts.relations if r.type == EdgeKind.PARTY_TO}
        for e in parties:
            if (e.key, ag.key) not in have:
                facts.relations.append(_construct(RelationFact, {
                    "type": EdgeKind.PARTY_TO, "source": e.key, "target": ag.key, "props": {"role": "party"},
                    "prov": prov, "discriminator": None}))


#: the attorneys a power of attorney appoints: "constitutes and appoints Jane Roe and John Doe, and each of them,"
_POA_APPOINTS = re.compile(
    r"(?:constitutes?|appoints?|designates?)\s*(?:,\s*)?(?:and\s+(?:appoints?|designates?)\s+)?(?P<names>.{3,400}?)"
    r"(?:,?\s*(?:and\s+)?(?:each\s+of\s+them|any\s+of\s+them|signing\s+singly|acting\s+(?:singly|alone)|"
    r"individually|severally|jointly)|,?\s+(?:as\s+(?:the\s+)?(?:undersigned|his|her|its|my|true)|"
    r"(?:the\s+)?(?:undersigned|his|her|its|my)['’]s?\s+(?:true|lawful)|(?:his|her|its|my|their)\s+true|"
    r"with\s+full\s+power|true\s+and\s+lawful|to\s+be\s+the\s+undersigned|attorneys?-in-fact))",
    re.I | re.S)
#: the office an attorney-in-fact holds, listed beside the name ("Jordan Sample, Corporate Secretary, and ..."): no
#: person's name
_POA_TITLE = re.compile(r"(?i)\b(?:secretary|counsel|officer|president|director|treasurer|chief|vice|controller|"
                        r"assistant|chairman|chairperson|chairwoman|managing|esq)\b")
_POA_PERSON = re.compile(r"^(?:(?:Mr|Ms|Mrs|Dr)\.?\s+)?[A-Z][A-Za-z.'\-]*(?:\s+[A-Z][A-Za-z.'\-]*){1,4}$")


def _power_of_attorney(facts: FilingFacts, filers: list, fields: dict, head: str, as_text, body: bytes,
                       source: str) -> bool:
    """An exhibit that is a power of attorney (EX-24, "POWER OF ATTORNEY"): an Agreement "Power of Attorney"
    with the filers it names (the grantors; the only filer when it names none) PARTY_TO it with role
    "grantor", and the people it appoints with role "attorney-in-fact".  True when the exhibit was one."""
    title = " ".join(head.split()[:40])
    dtype = fields.get("type", "EX")
    if not (re.search(r"power\s+of\s+attorney", title + " " + fields.get("description", ""), re.I)
            or dtype.upper().startswith("EX-24")):
        return False
    text = as_text(body[:200_000])
    if not re.search(r"attorney", text, re.I):
        return False
    low = " " + _fold_text(text) + " "
    grantors = [e for e in filers if any(len(n) > 3 and f" {n} " in low
                                         for n in (normalize_name(x, e.kind) for x in (e.name, *e.aliases)))]
    if not grantors and len(filers) == 1:
        grantors = filers
    attorneys: list[str] = []
    m = _POA_APPOINTS.search(" ".join(text.split())[:20_000])
    if m:
        for part in re.split(r"\s*(?:,|;|\band\b|\bor\b)\s*", m["names"]):
            part = re.sub(r"(?i)^(?:each\s+of\s+)?(?:the\s+undersigned['’]s\s+)?", "", part).strip(" .\"'()")
            # "Riley Example of Tailspin Inc." is Riley Example; "Ms. Jordan Sample" is Jordan Sample
            part = re.sub(r"\s+of\s+.*$", "", part)
            part = re.sub(r"^(?:Mr|Ms|Mrs|Miss|Dr)\.?\s+", "", part)
            if _POA_PERSON.match(part) and not _looks_org(part) and not re.search(r"(?i)\b(?:the|each|any|undersigned|attorney|hereby|"
                                                         r"presents|all|whom|these)\b", part) \
                    and not _POA_TITLE.search(part):
                attorneys.append(part)
    if not grantors and not attorneys:
        return True  # a power of attorney naming no one the filing knows: nothing to state
    section = "Exhibit " + re.sub(r"^EX-", "", dtype.split()[0]) if dtype.upper().startswith("EX-") else dtype
    prov = _construct(Provenance, {"filing_id": facts.filing.id, "accession": facts.filing.accession,
                                   "source": source, "section": section,
                                   "excerpt": excerpt((m.group(0) if m else " ".join(head.split()))[:400])})
    key = f"exhibit:{len(facts.entities)}"
    ag = _construct(EntityFact, {"key": key, "kind": NodeKind.AGREEMENT, "name": "Power of Attorney", "cik": None,
                                 "cusip": None, "aliases": [], "props": [], "prov": prov})
    facts.entities.append(ag)
    ag.props.append(_construct(PropFact, {"name": "exhibit", "value": dtype, "prov": prov}))
    dm = re.search(r"(?:dated|executed|signed)[^.]{0,40}?(?:as\s+of\s+|this\s+|on\s+)?(" + DATE_RE + ")", text, re.I)
    d = parse_date(dm.group(1)) if dm else None
    if d is None:  # "executed as of this 3rd day of March, 2025"
        # (an HTML "10<sup>th</sup> day" reads "10 th day")
        dm = re.search(r"(\d{1,2})\s*(?:st|nd|rd|th)?\s+day\s+of\s+([A-Z][a-z]+),?\s+(\d{4})", text)
        d = parse_date(f"{dm.group(2)} {dm.group(1)}, {dm.group(3)}") if dm else None
    if d:
        ag.props.append(_construct(PropFact, {"name": "date", "value": d, "prov": prov}))
    for e in grantors:
        facts.relations.append(_construct(RelationFact, {
            "type": EdgeKind.PARTY_TO, "source": e.key, "target": key, "props": {"role": "grantor"},
            "prov": prov, "discriminator": None}))
    known = {normalize_name(n, NodeKind.PERSON): e for e in facts.entities if e.kind == NodeKind.PERSON
             for n in (e.name, *e.aliases)}
    for name in dict.fromkeys(attorneys):
        e = known.get(normalize_name(name, NodeKind.PERSON))
        if e is None:
            e = _construct(EntityFact, {"key": f"exhibit:{len(facts.entities)}", "kind": NodeKind.PERSON,
                                        "name": name, "cik": None, "cusip": None, "aliases": [], "props": [],
                                        "prov": prov})
            facts.entities.append(e)
            known[normalize_name(name, NodeKind.PERSON)] = e
        facts.relations.append(_construct(RelationFact, {
            "type": EdgeKind.PARTY_TO, "source": e.key, "target": key, "props": {"role": "attorney-in-fact"},
            "prov": prov, "discriminator": None}))
    return True


_PUNCT = re.compile(r"[^\w\s]")


def _fold_text(text: str) -> str:
    t = text.casefold().replace("&", " and ")
    return " ".join(_PUNCT.sub(" ", t).split())


def _claim(body: bytes, fmt: str) -> Loader | None:
    if fmt not in ("xml", "html", "text") or not body.strip():
        return None
    return best_loader(body, exclude="submission")


def _is_exhibit(doc_type: str) -> bool:
    t = doc_type.upper()
    return t.startswith("EX-") or t.startswith("EX ") or t in ("GRAPHIC", "ZIP", "XML", "JSON", "PDF")


#: forms whose header alone states facts of the graph: the issuer (SUBJECT COMPANY / ISSUER), the reporting
#: persons (REPORTING-OWNER / FILED BY) with their CIKs, and for old Forms 3/4/5 the owner's RELATIONSHIP
_HEADER_FORMS = re.compile(r"(?:[345]|SC\s+13[DG]|SCHEDULE\s+13[DG])(?:/A)?", re.I)


_HEADER_13F = re.compile(r"13F-(?:HR|NT)(?:/A)?", re.I)


def _header_only_13f(data: bytes, hdr: SubmissionHeader, source: str, why: str, stype: str) -> FilingFacts | None:
    """A 13F-HR / 13F-NT whose cover page and table are missing or unread: the manager (name, CIK, Form 13F
    file number) filing a report for the period.  None when the header names no filer by CIK."""
    filers = [p for p in hdr.parties if p.role in ("filer", "filed by") and p.cik]
    if not filers:
        return None
    facts = _header_facts(data, hdr, source, why, stype, "13f")
    for p in _one_per_cik(filers):
        prov = _header_prov(facts, p)
        e = _party_entity(facts, p, prov, NodeKind.ORGANIZATION)
        file_no = (p.values.get("FILING VALUES/SEC FILE NUMBER") or "").strip()
        if re.fullmatch(r"028-\d{1,6}", file_no):
            e.props.append(PropFact(name="form13f_file_number", value=file_no, prov=prov))
        facts.filing.filer_keys.append(e.key)
    _enrich(facts, hdr, source)
    return facts


def _header_facts(data: bytes, hdr: SubmissionHeader, source: str, why: str, stype: str, family: str) -> FilingFacts:
    """The filing of a submission read from its header alone, with the warning that says so."""
    acc, digest = hdr.accession, sha256(data)
    fi = FilingInfo(id=filing_id(acc, digest), accession=acc, form_type=stype, family=family, loader="submission",
                    is_amendment=stype.upper().endswith("/A"), filed_date=parse_date(hdr.filed) if hdr.filed else None,
                    event_date=parse_date(hdr.period) if hdr.period else None, source=source, sha256=digest)
    return FilingFacts(filing=fi, warnings=[f"{source}: {why}; only the header's facts were loaded"])


def _header_prov(facts: FilingFacts, p: HeaderParty) -> Provenance:
    f = facts.filing
    return Provenance(filing_id=f.id, accession=f.accession, source=f.source, section="header",
                      excerpt=excerpt(f"{p.role.upper()}: {p.name} (CIK {p.cik})"))


def _one_per_cik(parties: list[HeaderParty]) -> list[HeaderParty]:
    seen: set[str | None] = set()
    out = []
    for p in parties:
        if normalize_cik(p.cik) not in seen:
            seen.add(normalize_cik(p.cik))
            out.append(p)
    return out


def _header_only(data: bytes, hdr: SubmissionHeader, source: str, why: str) -> FilingFacts | None:
    """The header's facts of a Form 3/4/5, Schedule 13D/G or 13F whose documents no loader reads (an old text
    Form 4, a header without its documents): the issuer, the reporting persons and their CIKs, the filing's
    FILED / SUBJECT_OF edges and the owner's stated relationship to the issuer.  None for other forms, or
    when the header does not name one issuer and at least one reporting person by CIK."""
    stype = " ".join((hdr.submission_type or "").split())
    if stype and _HEADER_13F.fullmatch(stype):
        return _header_only_13f(data, hdr, source, why, stype.upper())
    also = None
    if stype and not _HEADER_FORMS.fullmatch(stype):
        # a submission of another form that EDGAR also files as a 13D/G (a Schedule TO-T/A amending the bidder's
        # 13D): the parties' FILING VALUES name that form too
        also = next((t for p in hdr.parties
                     if _HEADER_FORMS.fullmatch(t := " ".join(p.values.get("FILING VALUES/FORM TYPE", "").split()))
                     and not t[0].isdigit()), None)
    if not stype or not (_HEADER_FORMS.fullmatch(stype) or also):
        return None
    subjects = {normalize_cik(p.cik) for p in hdr.parties if p.role in ("subject company", "issuer") and p.cik}
    owners = [p for p in hdr.parties if p.role in ("reporting owner", "filed by", "filer") and p.cik
              and normalize_cik(p.cik) not in subjects]
    if len(subjects) != 1 or not owners:
        return None
    facts = _header_facts(data, hdr, source, why, stype, "ownership" if (also or stype)[0] in "345" else "schedule13")
    fi = facts.filing
    if also:
        fi.also_form_types.append(also)
        fi.is_amendment = fi.is_amendment or also.upper().endswith("/A")
    subject = next(p for p in hdr.parties if p.role in ("subject company", "issuer") and p.cik)
    fi.issuer_key = _party_entity(facts, subject, _header_prov(facts, subject), NodeKind.ORGANIZATION).key
    for p in _one_per_cik(owners):
        e = _party_entity(facts, p, _header_prov(facts, p))
        if e.kind == NodeKind.PERSON:
            from .ownership import display_name  # SEC order, "CANTALUPO JAMES R" -> "James R Cantalupo"

            shown = display_name(e.name)
            if shown != e.name:
                e.aliases.append(e.name)
                e.props.append(PropFact(name="name_as_filed", value=e.name, prov=e.prov))
                e.name = shown
        fi.filer_keys.append(e.key)
    if fi.family == "schedule13":
        _header_group_members(facts, hdr)
    _enrich(facts, hdr, source)  # the RELATIONSHIP lines
    return facts


def _header_group_members(facts: FilingFacts, hdr: SubmissionHeader) -> None:
    """A header-only 13D/G: the GROUP MEMBERS lines name the other persons filing the statement jointly
    (without CIKs); each one the header's filers do not already name becomes a filer of the filing."""
    filers = [e for k in facts.filing.filer_keys if (e := facts.entity(k)) is not None]
    f = facts.filing
    for g in dict.fromkeys(" ".join(x.split()) for x in hdr.group_members):
        name = _display(g)
        if not name or any(_same_party(name, e) for e in filers):
            continue
        kind = (NodeKind.ORGANIZATION if _looks_org(name) or not _PERSON_NAME.match(name) else NodeKind.PERSON)
        prov = Provenance(filing_id=f.id, accession=f.accession, source=f.source, section="header",
                          excerpt=excerpt(f"GROUP MEMBERS: {g}"))
        e = EntityFact(key=f"header:{len(facts.entities)}", kind=kind, name=name, prov=prov)
        facts.entities.append(e)
        filers.append(e)
        f.filer_keys.append(e.key)


_HEADER_END = re.compile(rb"</(?:SEC|IMS)-HEADER>|</SUBMISSION>|</(?:SEC|IMS)-DOCUMENT>", re.I)


def parse(data: bytes, source: str) -> FilingFacts:
    head_text, docs, cut = _split(data)
    hdr = parse_header(head_text)
    warn: list[str] = []
    if cut:
        last = docs[-1][0]
        warn.append(f"{source}: the submission ends inside document {len(docs)} "
                    f"({last.get('filename') or last.get('type') or 'untyped'}) without its </DOCUMENT>: it looks "
                    f"cut short, and that document may be incomplete")
    count = hdr.public_document_count
    if docs and count and len(docs) < count:
        warn.append(f"{source}: the header counts {count} documents but the submission holds {len(docs)}: "
                    f"it looks incomplete")
    if hdr.accession:
        digits = re.sub(r"\D", "", hdr.accession)
        if re.fullmatch(r"\d{10}-\d{2}-\d{6}", hdr.accession.strip()):
            hdr.accession = hdr.accession.strip()
        elif len(digits) == 18:
            hdr.accession = f"{digits[:10]}-{digits[10:12]}-{digits[12:]}"
        else:
            alt = hdr._container_accession
            warn.append(f"{source}: header accession number {hdr.accession!r} is not of the form "
                        f"0000000000-00-000000: ignored" + (f"; the container's name gives {alt}" if alt else ""))
            hdr.accession = alt
    if not docs:
        # a header that never ends (no </SEC-HEADER>, nor the container's end tag): the file stops inside it
        unended = _HEADER_END.search(data) is None
        cut_note = (" and its header has no end (</SEC-HEADER>): the file looks cut short" if unended else "")
        facts = _header_only(data, hdr, source, "the submission holds no <DOCUMENT>" + cut_note)
        if facts is None:
            raise LoadError(source, "EDGAR submission without any <DOCUMENT>" + cut_note.replace(" and", ", and"))
        facts.warnings[:0] = warn
        facts.document = {"submission": Submission(header=hdr).model_dump(mode="json")}
        return facts
    stype = (hdr.submission_type or docs[0][0].get("type") or "").strip()
    listing = [SubmissionDocument(type=f.get("type", ""), sequence=f.get("sequence"), filename=f.get("filename"),
                                  description=f.get("description"), format=fmt, size=len(b))
               for f, b, fmt in docs]
    # the primary document: typed as the submission, else the first non-exhibit a loader reads, else an exhibit
    order = sorted(range(len(docs)), key=lambda i: (
        0 if listing[i].type.upper() == stype.upper() else 1 if not _is_exhibit(listing[i].type) else 2, i))
    # a submission of a form no loader of its own reads (a 10-K, a Schedule TO) whose document a loader claims
    # but cannot read (a 10-K discussing its holders' Schedules 13G): that document is passed over for the next
    # one (the 10-K's EX-21); a Form 3/4/5, 13D/G or 13F document that fails is the filing's error
    own_form = bool(_HEADER_FORMS.fullmatch(" ".join(stype.split())) or _HEADER_13F.fullmatch(" ".join(stype.split())))
    primary, ld, facts = None, None, None
    passed_over: list[str] = []
    for i in order:
        cand = _claim(docs[i][1], docs[i][2])
        if cand is None:
            continue
        name = listing[i].filename or f"document {i + 1}"
        try:
            facts = cand.parse(docs[i][1], source)
        except OwnergraphError as e:
            why = (" (the submission ends inside this document without its </DOCUMENT>: it looks cut short)"
                   if cut and i == len(docs) - 1 else "")
            if own_form:
                raise LoadError(source, f"{name} ({listing[i].type}): {e.problem}{why}") from None
            passed_over.append(f"{name} ({listing[i].type}) was not read by {cand.name}: {e.problem}{why}")
            continue
        primary, ld = i, cand
        break
    warn.extend(f"{source}: {x}" for x in passed_over)
    if primary is None or ld is None or facts is None:
        p = listing[order[0]]
        what = f"type {p.type or '?'}{', ' + p.filename if p.filename else ''}, {p.format}"
        facts = _header_only(data, hdr, source, f"no loader reads its primary document ({what})")
        if facts is None:
            raise UnsupportedFormat(source, f"not a supported filing: no loader reads its primary document ({what})"
                                    + (f"; {passed_over[0]}" if passed_over else ""))
        facts.warnings[:0] = warn
        facts.document = {"submission": Submission(header=hdr, documents=listing).model_dump(mode="json")}
        return facts
    listing[primary].loader, listing[primary].role = ld.name, "primary"
    # other documents of the same family (13F information table beside the cover page)
    for i, (f, body, fmt) in enumerate(docs):
        if i == primary or _is_exhibit(listing[i].type):
            continue
        other = _claim(body, fmt)
        if other is None or other.family != ld.family:
            continue
        try:
            extra = other.parse(body, source)
        except OwnergraphError as e:
            facts.warnings.append(f"{source}: {listing[i].filename or listing[i].type}: {e.problem}")
            continue
        _merge(facts, extra, f"doc{i + 1}")
        listing[i].loader, listing[i].role = other.name, "merged"
        facts.document.setdefault("attached", []).append({"type": listing[i].type, "document": extra.document})

    if ld.family == "13f":
        _check_13f_summary(facts, source)
    # the header decides the filing's identity
    facts.warnings.extend(warn)
    fi = facts.filing
    acc = hdr.accession.strip() if hdr.accession else None
    fi.sha256 = sha256(data)
    fi.id = filing_id(acc, fi.sha256)
    fi.accession = acc
    fi.source = source
    if hdr.submission_type:
        stype = hdr.submission_type.strip()
        # a Schedule TO (or other) submission whose document is also a 13D/G amendment: keep both forms
        if (fi.family == "schedule13" and re.search(r"13[DG]", fi.form_type)
                and not re.search(r"13[DG]", stype) and fi.form_type not in fi.also_form_types):
            fi.also_form_types.append(fi.form_type)
        fi.form_type = stype
    filed = parse_date(hdr.filed) if hdr.filed else None
    if filed:
        fi.filed_date = filed
    if fi.event_date is None and hdr.period:
        fi.event_date = parse_date(hdr.period)
    _repoint(facts, fi.id, acc, source)
    _enrich(facts, hdr, source)
    ex_index = [i for i in range(len(docs))
                if i != primary and listing[i].role is None and _is_exhibit(listing[i].type)]
    exhibits = [(docs[i][0], docs[i][1], docs[i][2]) for i in ex_index]
    def stated() -> tuple[int, int, int]:
        return (len(facts.entities), len(facts.relations),
                sum(len(e.props) for e in facts.entities if e.kind == NodeKind.AGREEMENT))

    for i, ex in zip(ex_index, exhibits):  # one at a time: the listing says which exhibit stated an agreement
        before = stated() if ex[2] in ("html", "text", "xml") else None
        _exhibit_agreements(facts, [ex], source)
        if before is not None and stated() != before:
            listing[i].loader = "submission"
    if fi.family == "schedule13":  # 13G Item 7 "See Exhibit A": the exhibit is a document of its own
        from ._item7 import exhibit_subsidiaries

        n0 = len(facts.relations)
        exhibit_subsidiaries(facts, exhibits, source)
        from ._item8 import exhibit_group_members  # 13G Item 8 "See Exhibit 99.1"

        exhibit_group_members(facts, exhibits, source)
        from ._item5c import exhibit_transactions  # 13D Item 5(c) "See Schedule A"

        exhibit_transactions(facts, exhibits, source)
        # the exhibit these readers cited ("Exhibit 99.1"), when one exhibit only is of that type
        cited = {r.prov.section for r in facts.relations[n0:]}
        labels = ["Exhibit " + re.sub(r"(?i)^EX-", "", listing[i].type.split()[0]) if listing[i].type else ""
                  for i in ex_index]
        for i, label in zip(ex_index, labels):
            if label in cited and labels.count(label) == 1 and listing[i].loader is None:
                listing[i].loader = "submission"
    for i in range(len(docs)):
        if listing[i].role is None and _is_exhibit(listing[i].type):
            listing[i].role = "exhibit"
    sub = Submission(header=hdr, documents=listing, primary=primary)
    facts.document = dict(facts.document)
    facts.document["submission"] = sub.model_dump(mode="json")
    return facts


register(Loader(
    name="submission",
    family="submission",
    sniff=sniff,
    parse=parse,
    document_model=Submission,
    description="EDGAR full submission file (SGML .txt / .nc): header, documents; the primary goes to its loader",
))
