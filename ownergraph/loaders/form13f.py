"""Form 13F: the cover page (``edgarSubmission``, 13F-HR / 13F-NT) and the information table.

Two loaders of one family (``13f``), because EDGAR files them as two documents:

* ``form13f_cover`` reads ``primary_doc.xml`` (namespace
  ``http://www.sec.gov/edgar/thirteenffiler``): the filing manager (name, CIK from
  the credentials, address) -- the filer --, the report period (the as-of date),
  report type, the summary totals (``tableEntryTotal``, ``tableValueTotal``) and the
  other included managers.
* ``form13f_table`` reads the information table (``informationTable``, the
  ``eis_13FDocument.xsd`` schema, any namespace prefix) with ``iterparse``: rows are
  read and released one by one, so a 100,000-row table costs memory for its facts,
  not for its element tree.

Facts of the table: one Security per CUSIP (named as 13F lists read, "AMAZON COM INC
COM": ``nameOfIssuer`` then ``titleOfClass``, which is also kept as ``title_of_class``, and the
``figi`` when the row gives one;
the class title alone, "COM", names nothing; the CUSIP; ``ISSUED_BY`` an Organization
named by ``nameOfIssuer``) and one ``HOLDS`` edge
from the filer per CUSIP and put/call: rows split by other manager or investment
discretion are added up (``shares`` = ``sshPrnamt`` for ``SH`` rows, else
``principal_amount``; ``value`` as filed -- dollars since 2023, thousands before --;
``sole_voting`` / ``shared_voting`` / ``no_voting``; ``investment_discretion`` and
``other_managers`` joined; ``rows``), ``basis="13f"``, section ``"information table,
rows 3-5"``.  Options rows (``putCall``) are their own position with ``nature`` "Put" /
"Call".  Every row as filed is in the document model.

Before the XML information table (2013) a 13F was one text document: ``form13f_text``
reads its cover page (manager, period, amendment, report type, 13F file number), its
summary page (entry and value totals, the numbered list of other included managers) and
the table's rows, found by their CUSIP (check digit verified unless SH/PRN follows): name
of issuer and title of class before it (split at the header's TITLE column, else at a run
of spaces), then value (thousands), amount, SH/PRN, put/call, discretion, other managers
and the sole / shared / none voting amounts, placed by the header's SOLE SHARED NONE
columns when the table prints them.  The rows make the same HOLDS edges as the XML table;
the holder is the cover's manager.

The table does not name its filer.  Its holder is an entity with the property
``stands_for="filer"``: inside a submission the submission loader merges the table
beside the cover page and the builder joins it to the cover's filing manager; a table
read alone is held by "Unknown 13F filer (sha256:...)", one node per file (never
merged with another file's unknown filer).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from decimal import Decimal
from typing import Any

from lxml import etree
from pydantic import BaseModel, Field

from ..errors import LoadError
from ..graph.ids import filing_id, normalize_cusip
from ..graph.model import (
    EdgeKind,
    EntityFact,
    FilingFacts,
    FilingInfo,
    NodeKind,
    PropFact,
    Provenance,
    RelationFact,
    excerpt,
)
from . import Loader, register, sha256
from ._text import decode, join_address, parse_date, parse_decimal
from ._xml import check_xml_input, parse_xml, strip_ns
from .ownership import _EF, _PF, _PV, _RF, is_submission

_TABLE_RE = re.compile(rb"<\s*(?:[\w.-]+:)?informationTable[\s>]")
_COVER_RE = re.compile(rb"<\s*(?:[\w.-]+:)?edgarSubmission[\s>]")
_COVER_NS = b"http://www.sec.gov/edgar/thirteenffiler"


# ----------------------------------------------------------------- document models


class InfoTableRow(BaseModel):
    nameOfIssuer: str | None = None
    titleOfClass: str | None = None
    cusip: str | None = None
    figi: str | None = None
    value: str | None = None
    sshPrnamt: str | None = None
    sshPrnamtType: str | None = None
    putCall: str | None = None
    investmentDiscretion: str | None = None
    otherManager: str | None = None
    votingSole: str | None = None
    votingShared: str | None = None
    votingNone: str | None = None


class InformationTable(BaseModel):
    rows: list[InfoTableRow] = Field(default_factory=list, description="Every row, values as filed")
    row_count: int = 0
    value_total: str | None = None


class OtherManager(BaseModel):
    sequence: str | None = None
    cik: str | None = None
    file_number: str | None = None
    name: str | None = None


class Form13FCover(BaseModel):
    schema_version: str | None = Field(default=None, description="The cover's schemaVersion ('X0202'), as filed")
    submission_type: str | None = None
    cik: str | None = None
    period_of_report: str | None = None
    report_calendar_or_quarter: str | None = None
    is_amendment: bool | None = None
    amendment_number: str | None = None
    amendment_type: str | None = None
    manager_name: str | None = None
    manager_address: str | None = None
    report_type: str | None = None
    form13f_file_number: str | None = None
    other_included_managers_count: str | None = None
    table_entry_total: str | None = None
    table_value_total: str | None = None
    signature_name: str | None = None
    signature_title: str | None = None
    signature_date: str | None = None
    other_managers: list[OtherManager] = Field(default_factory=list)
    value_unit: str | None = Field(default=None, description="'dollars' (periods from 2022-12-31) or 'thousands'")


# ----------------------------------------------------------------- sniffing


def sniff_table(data: bytes) -> float:
    head = data[:4096]
    # the pattern needs the element name: a substring test first (the pattern tries every "<" of the head)
    return 0.95 if b"informationTable" in head and not is_submission(head) and _TABLE_RE.search(head) else 0.0


def sniff_cover(data: bytes) -> float:
    head = data[:4096]
    return 0.95 if _COVER_NS in head and not is_submission(head) and _COVER_RE.search(head) else 0.0


# ----------------------------------------------------------------- information table

_FIELDS = ("nameOfIssuer", "titleOfClass", "cusip", "figi", "value", "putCall", "investmentDiscretion",
           "otherManager")


_ROW_KEYS = tuple(InfoTableRow.model_fields)
_LOCAL: dict[str, str] = {}  # '{ns}tag' -> field name ('' for tags that are not read)
_LEAF = {f: f for f in _FIELDS} | {"sshPrnamt": "sshPrnamt", "sshPrnamtType": "sshPrnamtType", "Sole": "votingSole",
                                   "Shared": "votingShared", "None": "votingNone"}


def _field(tag: object) -> str:
    if not isinstance(tag, str):
        return ""
    f = _LOCAL.get(tag)
    if f is None:
        f = _LOCAL[tag] = _LEAF.get(tag.rsplit("}", 1)[-1], "")
    return f


def _row_of(el: etree._Element) -> dict[str, Any]:
    """One infoTable element -> its row, values as filed (short repeated values interned: 100k rows stay small)."""
    row: dict[str, Any] = dict.fromkeys(_ROW_KEYS)
    for c in el.iter():
        f = _field(c.tag)
        if f:
            txt = c.text
            if txt is not None:
                txt = txt.strip()
                if f == "otherManager" and txt and row[f]:  # <otherManager> repeated, one number each: all kept
                    txt = f"{row[f]},{txt}"
                row[f] = (sys.intern(txt) if len(txt) <= 12 else txt) if txt else None
    return row


def _iter_rows(data: bytes, source: str, warnings: list[str]):
    """Rows of the table, streamed; a malformed table falls back to the recovering parser."""
    check_xml_input(data, source)  # the current size limit, entity declarations in any encoding
    rows: list[dict] = []
    try:
        ctx = etree.iterparse(io.BytesIO(data.lstrip()), events=("end",), resolve_entities=False, no_network=True,
                              load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
        root_seen = False
        for _, el in ctx:
            tag = el.tag
            if not isinstance(tag, str):
                continue
            local = tag.rsplit("}", 1)[-1]
            if local == "infoTable":
                rows.append(_row_of(el))
                el.clear()
                parent = el.getparent()
                if parent is not None:
                    while el.getprevious() is not None:
                        del parent[0]
            elif local == "informationTable":
                root_seen = True
        if not root_seen:
            raise LoadError(source, "not a 13F information table (no <informationTable> element)")
        return rows
    except etree.XMLSyntaxError as e:
        root = parse_xml(data, source, warnings)  # recovers what it can, with a warning; or a clear LoadError
        if strip_ns(root.tag) != "informationTable":
            raise LoadError(source, f"not a 13F information table: {e}") from None
        return [_row_of(el) for el in root if isinstance(el.tag, str) and strip_ns(el.tag) == "infoTable"]


def _amendment_type(text: str | None) -> str | None:
    """'RESTATEMENT' or 'NEW HOLDINGS', however the cover spells it; None for anything else."""
    t = " ".join((text or "").upper().split())
    return "RESTATEMENT" if t.startswith("RESTATE") else "NEW HOLDINGS" if t.startswith("NEW HOLDING") else None


def _amendment_no(s: str | None) -> int | None:
    """'3' -> 3; None for anything else ('²' is a digit to str.isdigit but not to int; absurd sizes)."""
    s = (s or "").strip()
    return int(s) if s.isascii() and s.isdecimal() and len(s) <= 6 else None


def _dec(s: str | None) -> Decimal | None:
    if not s:
        return None
    if s.isascii() and s.isdigit() and len(s) <= 40:
        return Decimal(s)
    return parse_decimal(s)


def _span(rows: list[int]) -> str:
    if len(rows) == 1:
        return f"information table, row {rows[0]}"
    if rows[-1] - rows[0] + 1 == len(rows):  # ascending and unique: contiguous
        return f"information table, rows {rows[0]}-{rows[-1]}"
    return "information table, rows " + ", ".join(str(r) for r in rows[:20]) + (", ..." if len(rows) > 20 else "")


#: an other-manager cell that names no manager (sequence numbers start at 1)
_NO_MANAGER = re.compile(r"(?i)\s*(?:0+|none|n/?a|-+|nil)\s*")


def _holdings(rows: list[dict], prov, holder: str) -> tuple[list[EntityFact], list[RelationFact], Decimal]:
    """Rows of an information table (values as filed) -> issuers, securities and the holder's HOLDS edges: one per
    CUSIP and put/call, rows split by other manager or investment discretion added up."""
    entities: list[EntityFact] = []
    relations: list[RelationFact] = []
    issuers: dict[str, str] = {}
    securities: dict[str, str] = {}
    positions: dict[tuple[str, str | None], dict] = {}
    total = Decimal(0)
    for i, r in enumerate(rows, start=1):
        v = _dec(r["value"])
        if v is not None:
            total += v
        cusip = normalize_cusip(r["cusip"])
        title = r["titleOfClass"] or "Unnamed class"
        issuer_name = r["nameOfIssuer"] or "Unknown issuer"
        text = " | ".join(x for x in (r["nameOfIssuer"], r["titleOfClass"], r["cusip"], r["value"], r["sshPrnamt"],
                                      r["sshPrnamtType"], r["putCall"], r["investmentDiscretion"],
                                      r["otherManager"]) if x)
        ikey = issuers.get(issuer_name.upper())
        if ikey is None:
            ikey = issuers[issuer_name.upper()] = f"iss:{len(issuers) + 1}"
            entities.append(_EF(key=ikey, kind=NodeKind.ORGANIZATION, name=issuer_name,
                                prov=prov(f"information table, row {i}", text)))
        skey_id = cusip or f"{issuer_name.upper()}|{title.upper()}"
        skey = securities.get(skey_id)
        if skey is None:
            skey = securities[skey_id] = f"sec:{len(securities) + 1}"
            p = prov(f"information table, row {i}", text)
            sprops = [_PF(name="title_of_class", value=title, prov=p)]
            if r["figi"]:  # the Financial Instrument Global Identifier (optional since 2023)
                sprops.append(_PF(name="figi", value=r["figi"], prov=p))
            sec = _EF(key=skey, kind=NodeKind.SECURITY, name=f"{issuer_name} {title}", prov=p, props=sprops)
            sec.cusip = cusip
            entities.append(sec)
            relations.append(_RF(type=EdgeKind.ISSUED_BY, source=skey, target=ikey, props={}, prov=p))
        put_call = (r["putCall"] or "").strip().title() or None
        pos = positions.get((skey, put_call))
        if pos is None:
            pos = positions[(skey, put_call)] = {"rows": [], "text": [], "shares": None, "principal": None,
                                                  "value": None, "sole": None, "shared": None, "none": None,
                                                  "disc": [], "mgr": [], "type": set()}
        pos["rows"].append(i)
        if len(pos["text"]) < 3:
            pos["text"].append(text)
        amt = _dec(r["sshPrnamt"])
        kind = (r["sshPrnamtType"] or "SH").upper()
        pos["type"].add(kind)
        field = "shares" if kind == "SH" else "principal"
        for name, val in ((field, amt), ("value", v), ("sole", _dec(r["votingSole"])),
                          ("shared", _dec(r["votingShared"])), ("none", _dec(r["votingNone"]))):
            if val is not None:
                pos[name] = val if pos[name] is None else pos[name] + val
        if r["investmentDiscretion"] and r["investmentDiscretion"] not in pos["disc"]:
            pos["disc"].append(r["investmentDiscretion"])
        mgr = r["otherManager"]
        if mgr and _NO_MANAGER.fullmatch(mgr):  # "0", "NONE", "N/A", "-": filed for "no other manager"
            mgr = None
        if mgr and mgr not in pos["mgr"]:
            pos["mgr"].append(mgr)
    for (skey, put_call), pos in positions.items():
        props = {
            "basis": "13f", "shares": pos["shares"], "principal_amount": pos["principal"], "value": pos["value"],
            "sole_voting": pos["sole"], "shared_voting": pos["shared"], "no_voting": pos["none"],
            "investment_discretion": ", ".join(pos["disc"]) or None,
            "other_managers": "; ".join(pos["mgr"]) or None, "rows": len(pos["rows"]),
            "amount_type": ", ".join(sorted(pos["type"])), "nature": put_call,
        }
        relations.append(_RF(
            type=EdgeKind.HOLDS, source=holder, target=skey, props={k: v for k, v in props.items() if v is not None},
            prov=prov(_span(pos["rows"]), " / ".join(pos["text"])), discriminator=put_call))
    return entities, relations, total


def parse_table(data: bytes, source: str) -> FilingFacts:
    warnings: list[str] = []
    rows = _iter_rows(data, source, warnings)
    kept = [r for r in rows if r["cusip"] or r["nameOfIssuer"] or r["value"] or r["sshPrnamt"]]
    if len(kept) < len(rows):
        warnings.append(f"{source}: {len(rows) - len(kept)} empty information table row(s) skipped")
        rows = kept
    digest = sha256(data)
    fid = filing_id(None, digest)
    info = FilingInfo(id=fid, form_type="13F-HR information table", family="13f", loader="form13f_table",
                      source=source, sha256=digest, filer_keys=["filer"])

    def prov(section: str, text: str) -> Provenance:
        return _PV(filing_id=fid, source=source, section=section, excerpt=excerpt(text))

    hp = prov("information table", "filer of this information table (not named in the table)")
    entities: list[EntityFact] = [EntityFact(
        key="filer", kind=NodeKind.ORGANIZATION, name=f"Unknown 13F filer ({fid})",
        props=[PropFact(name="stands_for", value="filer", prov=hp)], prov=hp,
    )]
    more, relations, total = _holdings(rows, prov, "filer")
    entities.extend(more)
    doc = {"rows": rows, "row_count": len(rows), "value_total": format(total, "f")}
    return FilingFacts(filing=info, document=doc, entities=entities, relations=relations, warnings=warnings)


# ----------------------------------------------------------------- cover page


def _find(root: etree._Element, *path: str) -> etree._Element | None:
    el: etree._Element | None = root
    for name in path:
        if el is None:
            return None
        nxt = None
        for c in el:
            if isinstance(c.tag, str) and c.tag.rsplit("}", 1)[-1] == name:
                nxt = c
                break
        el = nxt
    return el


def _txt(root: etree._Element, *path: str) -> str | None:
    el = _find(root, *path)
    if el is None or el.text is None:
        return None
    return el.text.strip() or None


def parse_cover(data: bytes, source: str) -> FilingFacts:
    warnings: list[str] = []
    root = parse_xml(data, source, warnings)
    if strip_ns(root.tag) != "edgarSubmission":
        raise LoadError(source, "not a 13F cover page (no <edgarSubmission> element)")
    fd = _find(root, "formData")
    if fd is None:
        raise LoadError(source, "13F cover page has no <formData>")
    cp = ("formData", "coverPage")
    addr_el = _find(root, *cp, "filingManager", "address")
    addr = join_address(addr_el.itertext() if addr_el is not None else [])
    others = []
    for holder in (_find(root, "formData", "summaryPage", "otherManagers2Info"), _find(root, *cp, "otherManagersInfo")):
        if holder is None:
            continue
        for om in holder:
            if not isinstance(om.tag, str):
                continue
            m = _find(om, "otherManager")
            if m is None:
                m = om
            others.append({"sequence": _txt(om, "sequenceNumber"), "cik": _txt(m, "cik"),
                           "file_number": _txt(m, "form13FFileNumber"), "name": _txt(m, "name")})
    doc = {
        "schema_version": _txt(root, "schemaVersion"),
        "submission_type": _txt(root, "headerData", "submissionType"),
        "cik": _txt(root, "headerData", "filerInfo", "filer", "credentials", "cik"),
        "period_of_report": _txt(root, "headerData", "filerInfo", "periodOfReport"),
        "report_calendar_or_quarter": _txt(root, *cp, "reportCalendarOrQuarter"),
        "is_amendment": (_txt(root, *cp, "isAmendment") or "").lower() in ("true", "1", "y") or None,
        "amendment_number": _txt(root, *cp, "amendmentNo"),
        "amendment_type": _txt(root, *cp, "amendmentInfo", "amendmentType"),
        "manager_name": _txt(root, *cp, "filingManager", "name"),
        "manager_address": addr,
        "report_type": _txt(root, *cp, "reportType"),
        "form13f_file_number": _txt(root, *cp, "form13FFileNumber"),
        "other_included_managers_count": _txt(root, "formData", "summaryPage", "otherIncludedManagersCount"),
        "table_entry_total": _txt(root, "formData", "summaryPage", "tableEntryTotal"),
        "table_value_total": _txt(root, "formData", "summaryPage", "tableValueTotal"),
        "signature_name": _txt(root, "formData", "signatureBlock", "name"),
        "signature_title": _txt(root, "formData", "signatureBlock", "title"),
        "signature_date": _txt(root, "formData", "signatureBlock", "signatureDate"),
        "other_managers": others,
    }
    digest = sha256(data)
    fid = filing_id(None, digest)
    period = parse_date(doc["period_of_report"] or doc["report_calendar_or_quarter"])
    # the information table states values in dollars for reports filed from January 2023 (periods from
    # 2022-12-31 on), in thousands of dollars before; a cover of schema version X0202 or later is of the form that
    # states dollars, whatever period it reports (an amendment filed in 2023 of a 2022 report)
    sv = re.fullmatch(r"X(\d{4})", doc["schema_version"] or "")
    if sv and int(sv.group(1)) >= 202:
        doc["value_unit"] = "dollars"
    else:
        doc["value_unit"] = None if period is None else ("dollars" if period >= dt.date(2022, 12, 31) else
                                                         "thousands")
    amend = doc["is_amendment"] or (doc["submission_type"] or "").upper().endswith("/A")
    info = FilingInfo(
        id=fid, form_type=doc["submission_type"] or "13F", family="13f", loader="form13f_cover",
        is_amendment=bool(amend), amendment_no=_amendment_no(doc["amendment_number"]), event_date=period,
        amendment_type=_amendment_type(doc["amendment_type"]) if amend else None,
        signed_date=parse_date(doc["signature_date"]), source=source, sha256=digest,
        filer_keys=["manager"],
    )
    name = doc["manager_name"] or (f"CIK {doc['cik']}" if doc["cik"] else None)
    if not name:
        raise LoadError(source, "13F cover page names no filing manager (no name, no CIK)")
    p = Provenance(filing_id=fid, source=source, section="cover page",
                   excerpt=excerpt(f"{name} {doc['cik'] or ''} {addr or ''}"))
    props = [PropFact(name="address", value=addr, prov=p)] if addr else []
    if doc["form13f_file_number"]:
        props.append(PropFact(name="form13f_file_number", value=doc["form13f_file_number"], prov=p))
    entities = [EntityFact(key="manager", kind=NodeKind.ORGANIZATION, name=name, cik=doc["cik"], props=props,
                           prov=p)]
    for i, om in enumerate(others, start=1):
        if om["name"]:
            oprops = [PropFact(name="other_manager_sequence", value=om["sequence"], prov=p)] if om["sequence"] else []
            if om["file_number"]:  # as the text reports give it: the other manager's own Form 13F file number
                oprops.append(PropFact(name="form13f_file_number", value=om["file_number"], prov=p))
            entities.append(EntityFact(key=f"other:{i}", kind=NodeKind.ORGANIZATION, name=om["name"], cik=om["cik"],
                                       props=oprops,
                                       prov=Provenance(filing_id=fid, source=source, section="summary page",
                                                       excerpt=excerpt(f"{om['sequence'] or ''} {om['name']}"))))
    return FilingFacts(filing=info, document=doc, entities=entities, relations=[], warnings=warnings)


# ----------------------------------------------------------------- text report (before the XML table, 2013)

_TEXT_HEAD = re.compile(rb"(?i)form\s+13f|13f\s+information\s+table")
_TEXT_TABLE_HINT = re.compile(rb"(?i)cusip|title\s+of\s+class|information\s+table|cover\s+page|summary\s+page")
#: a holdings row: issuer and class, a CUSIP ("025816109", "025816 10 9", "00504W100000" with the padding some
#: filers add), the value, the amount, SH/PRN, put/call, the rest
_TEXT_ROW = re.compile(
    r"^(?P<pre>\S.*?)\s+(?P<cusip>[0-9A-Z*@#]{6} ?[0-9A-Z*@#]{2} ?[0-9]|[0-9][0-9A-Z]{6}[0-9])(?:000)?\s+\$?\s*"
    r"(?P<value>\d[\d,]*(?:\.\d+)?)"
    r"\s+(?P<amt>\d[\d,]*(?:\.\d+)?)\s*(?P<type>SH|PRN)?\b\s*(?P<pc>PUT|CALL)?\b\s*(?P<rest>.*)$", re.I)
#: a row whose value is printed on the line under it ("BANK OF AMERICA CORP  COM  060505104   7,502,000 SH  SOLE ..."
#: / "          91,374.36"): the amount, then SH or PRN, right after the CUSIP
_TEXT_ROW_NOVALUE = re.compile(
    r"^(?P<pre>\S.*?)\s+(?P<cusip>[0-9A-Z*@#]{6} ?[0-9A-Z*@#]{2} ?[0-9])(?:000)?\s+(?P<value>)(?P<amt>\d[\d,]*(?:\.\d+)?)"
    r"\s*(?P<type>SH|PRN)\b\s*(?P<pc>PUT|CALL)?\b\s*(?P<rest>.*)$", re.I)
#: the line under such a row: the value, after a fragment of the class title wrapped there ("07/10/201")
_VALUE_LINE = re.compile(r"^\s+(?:(?P<frag>\S+(?: \S+)?)\s{2,})?\$?(?P<value>\d[\d,]*(?:\.\d+)?)\s*$")
#: a further row of the security above (another manager or discretion): value and amount only, under their columns
_TEXT_CONT = re.compile(
    r"^(?P<lead>\s{12,})\$?(?P<value>\d[\d,]*(?:\.\d+)?)\s+(?P<amt>\d[\d,]*(?:\.\d+)?)\s*(?P<type>SH|PRN)?\b\s*"
    r"(?P<pc>PUT|CALL)?\b\s*(?P<rest>.*)$", re.I)
_DISCRETION = re.compile(r"(?i)^(?P<d>SHARED[- ]DEFINED|SHARED[- ]OTHER|SH-DEF|SH-OTH|SHARED|DEFINED|SOLE|OTHER|DFND|DEF|"
                         r"OTR|SHR|OTH)\b\s*")
_AMOUNT = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_MANAGERS = re.compile(r"\d{1,2}(?:\s*[,&-]\s*\d{1,2})*")


def _cusip_ok(c: str) -> bool:
    """The CUSIP check digit (modulus 10, double add double)."""
    total = 0
    for i, ch in enumerate(c[:8]):
        v = int(ch) if ch.isdigit() else (ord(ch) - 55 if ch.isalpha() else {"*": 36, "@": 37, "#": 38}.get(ch, 0))
        if i % 2:
            v *= 2
        total += v // 10 + v % 10
    return (10 - total % 10) % 10 == int(c[8])


def sniff_text(data: bytes) -> float:
    head = data[:8000]
    if is_submission(head) or head.lstrip()[:5] in (b"<?xml", b"<edga", b"<info"):
        return 0.0
    if not _TEXT_HEAD.search(head) or not _TEXT_TABLE_HINT.search(head):
        return 0.0
    if b"<html" in head[:2000].lower() or re.search(rb"(?i)schedule\s+13[dg]|ownershipDocument", head):
        return 0.0
    return 0.8


def _header_columns(lines: list[str]) -> dict[str, float]:
    """Column positions in the table's header lines: the start of the class column (TITLE / CLASS on the line
    naming the CUSIP), the centres of the voting columns (the last SOLE, SHARED, NONE), of the investment
    discretion columns marked with an X (the first SOLE, SHARED / DEFINED, OTHER before them) and of the other
    managers column."""
    cols: dict[str, float] = {}
    for ln in lines:
        up = ln.upper()
        if "CUSIP" in up and "title" not in cols:
            m = re.search(r"TITLE|CLASS", up)
            if m and m.start() < up.find("CUSIP"):
                cols["title"] = float(m.start())
        if "CUSIP" in up and "amt_first" not in cols:
            # "CUSIP   SHARES   VALUE": the amount column printed before the value column
            a = re.search(r"\bSHARES\b|PRN\s*AMT|\bAMOUNT\b|\bQUANTITY\b", up[up.find("CUSIP"):])
            v2 = re.search(r"\bVALUE\b|MARKET|X\s*\$?1,?000", up[up.find("CUSIP"):])
            if a and v2:
                cols["amt_first"] = 1.0 if a.start() < v2.start() else 0.0
        v = re.search(r"SOLE(?!.*SOLE).*?SHARED.*?NONE", up)
        if v is None:
            continue
        for word in ("SOLE", "SHARED", "NONE"):
            j = up.find(word, v.start())
            cols[word.lower()] = j + len(word) / 2
        head = up[:v.start()]
        m = re.search(r"MANAGERS|MGRS|MGR", head) or None
        if m is None:
            others = [x.start() for x in re.finditer(r"OTHER", head)]
            if len(others) >= 2 or (others and "SOLE" not in head):
                m = re.compile("OTHER").search(head, others[-1])
        if m:
            cols["other"] = m.start() + len(m.group(0)) / 2
        ds = head.find("SOLE")
        if ds >= 0:
            cols["d_sole"] = ds + 2
            for word, key in (("DEFINED", "d_shared"), ("SHARED", "d_shared"), ("OTHER", "d_other")):
                j = head.find(word, ds + 4)
                if j >= 0 and key not in cols and (m is None or j < m.start()):
                    cols[key] = j + len(word) / 2
            cols["d_names"] = 1.0 if "DEFINED" in head else 0.0
    return cols


def _voting_spans(ruler: list[tuple[int, int]], cols: dict[str, float]) -> dict[str, tuple[int, int]] | None:
    """The SOLE / SHARED / NONE columns as the ruler under the header draws them ("-------- -------- --------"):
    its last three dash runs, when the header's voting words stand over them (numbers are right-aligned in a
    column whose heading is left-aligned or centred, so the heading's centre alone misplaces them)."""
    if len(ruler) < 4 or not {"sole", "shared", "none"} <= cols.keys():
        return None
    spans = dict(zip(("sole", "shared", "none"), ruler[-3:]))
    for k, (a, b) in spans.items():
        if not a - 3 <= cols[k] <= b + 3:
            return None
    return spans


def _text_row(pre: str, cusip: str, m: re.Match, cols: dict[str, float], shift: int,
              spans: dict[str, tuple[int, int]] | None = None) -> dict[str, Any]:
    """One row: ``m`` holds value, amt, type, pc and rest (positions on the printed line minus ``shift``);
    ``spans``: the voting columns drawn by the header's ruler, if any."""
    t = cols.get("title")
    t = None if t is None else int(t) - shift
    if t is not None and 0 < t < len(pre) and not (pre[t - 1] == " " and pre[t] != " "):
        # the class printed a few places off its heading ("Abbott Laboratories-When Issue COM" under a TITLE
        # heading one place to the right): the nearest start of a word within three places
        near = [j for j in range(max(t - 3, 1), min(t + 4, len(pre))) if pre[j - 1] == " " and pre[j] != " "]
        if near:
            t = min(near, key=lambda j: abs(j - t))
    if t is not None and 0 < t < len(pre) and pre[t - 1] == " " and pre[:t].strip():
        issuer, title = pre[:t].strip(), pre[t:].strip()
    else:
        parts = re.split(r"\s{2,}", pre.strip())
        issuer, title = (" ".join(parts[:-1]), parts[-1]) if len(parts) >= 2 else (pre.strip(), None)
    rest = m["rest"]
    disc = None
    d = _DISCRETION.match(rest)
    if d:
        disc = d["d"].upper()
        rest = rest[d.end():]
    offset = m.start("rest") + (d.end() if d else 0) + shift
    tokens = [(x.group(0), offset + x.start(), offset + x.end()) for x in re.finditer(r"\S+", rest)]
    voting: dict[str, str | None] = {"sole": None, "shared": None, "none": None}
    managers: list[str] = []
    marks = [tk for tk in tokens if tk[0] in ("X", "x")]
    if marks and disc is None:
        tokens = [tk for tk in tokens if tk[0] not in ("X", "x")]
        cand = [k for k in ("d_sole", "d_shared", "d_other") if k in cols]
        if cand:
            centre = (marks[0][1] + marks[0][2]) / 2
            k = min(cand, key=lambda k: abs(cols[k] - centre))
            disc = {"d_sole": "SOLE", "d_shared": "SHARED-DEFINED" if cols.get("d_names") else "SHARED",
                    "d_other": "SHARED-OTHER" if cols.get("d_names") else "OTHER"}[k]
    if {"sole", "shared", "none"} <= cols.keys():
        for tok, a, b in tokens:
            centre = (a + b) / 2
            if spans is not None and _AMOUNT.fullmatch(tok):
                # an amount printed inside a voting column's ruler is that column's, wherever its heading stands
                inside = [k for k, (s, e) in spans.items() if s - 1 <= a and b <= e + 1]
                if inside and voting[inside[0]] is None:
                    voting[inside[0]] = tok
                    continue
            if _AMOUNT.fullmatch(tok):
                near = min(("sole", "shared", "none"), key=lambda k: abs(cols[k] - centre))
                other = cols.get("other")
                is_vote = (abs(cols[near] - centre) < abs(other - centre)) if other is not None else \
                    (b >= cols["sole"] - 4 or "," in tok or len(tok) > 3)
                if is_vote and voting[near] is None:
                    voting[near] = tok
                    continue
            managers.append(tok)
    else:
        nums = [tok for tok, _, _ in tokens]
        amt0 = m["amt"].replace(",", "")
        word = None
        if nums and nums[-1].upper() in ("SOLE", "SHARED", "NONE") and not any(
                x.upper() in ("SOLE", "SHARED", "NONE") for x in nums[:-1]):
            # the voting authority printed as a word ("DEFINED  1  SOLE"): the whole amount has that authority
            word = nums.pop().upper()
        k = len(nums)
        while k > 0 and _AMOUNT.fullmatch(nums[k - 1]) and len(nums) - k < 3 and not word:
            k -= 1
        # a manager number before the voting amounts ("DEFINED 01 10,000"; "1,2" is a list of managers)
        if k == 0 and nums and _MANAGERS.fullmatch(nums[0]) and (len(nums) > 3 or (disc not in (None, "SOLE")
                                                                                     and len(nums) > 1)):
            k = 1
        # "0  117200" after SOLE: an other-managers cell ("0", none) and the sole amount, which is the whole amount
        if k == 0 and len(nums) == 2 and re.fullmatch(r"0|\d{1,2}", nums[0]) and nums[1].replace(",", "") == amt0:
            k = 1
        # "Defined 01": one manager number alone (a voting amount has no leading zero, a manager list has one)
        if k == 0 and len(nums) == 1 and (re.fullmatch(r"0\d", nums[0]) or (
                disc not in (None, "SOLE") and re.fullmatch(r"\d{1,2}(?:,\d{1,2})+", nums[0]))):
            k = 1
        managers = nums[:k]
        for key, val in zip(("sole", "shared", "none"), nums[k:]):
            voting[key] = val
        if word and not any(voting.values()):
            voting[word.lower()] = amt0
    amt = m["amt"].replace(",", "")
    value = m["value"].replace(",", "") or None
    if cols.get("amt_first") and value is not None:  # "CUSIP  SHARES  VALUE": the first number is the amount
        value, amt = amt, value
    mgr = re.sub(r"\s*,\s*", ",", " ".join(managers)).strip(", ") or None
    return {"nameOfIssuer": issuer or None, "titleOfClass": title or None, "cusip": cusip, "figi": None,
            "value": value, "sshPrnamt": amt,
            "sshPrnamtType": (m["type"] or "SH").upper(),
            "putCall": (m["pc"] or "").title() or None, "investmentDiscretion": disc,
            "otherManager": mgr,
            "votingSole": voting["sole"].replace(",", "") if voting["sole"] else None,
            "votingShared": voting["shared"].replace(",", "") if voting["shared"] else None,
            "votingNone": voting["none"].replace(",", "") if voting["none"] else None}


#: the columns of a table typed with tabs, by the words of its header cells
_TAB_WORDS = (("sole", r"^sole$|^\(a\)\s*sole$"), ("shared", r"^shared$|^\(b\)\s*shared$"),
              ("none", r"^none$|^\(c\)\s*none$"), ("cusip", r"cusip"), ("pc", r"put"),
              ("type", r"sh\s*/\s*prn|^prn$|^sh$"), ("disc", r"discretion|dscretn|invstmt|inv\.?\s*disc"),
              ("mgr", r"manager|mgrs?\b"), ("value", r"value|x\s*\$?\s*1,?000"),
              ("amt", r"shares|prn\s*amt|principal|amount|quantity"), ("title", r"title|class"),
              ("name", r"issuer|name"))


def _tab_columns(cells: list[str], cols: dict[str, int]) -> None:
    """Header cells of a tab-typed table (one line or several) -> column index by field."""
    for i, c in enumerate(cells):
        low = " ".join(c.lower().split())
        if not low:
            continue
        for key, pat in _TAB_WORDS:
            if re.search(pat, low):
                if key in ("sole", "shared", "none") and key in cols and cols[key] < i:
                    # investment discretion printed as Sole / Shared / Other columns before the voting ones:
                    # the earlier columns are the discretion's (marked with an X), the last ones the votes
                    cols.setdefault("d_" + key, cols[key])
                    cols[key] = i
                elif key == "none" or key not in cols:
                    cols.setdefault(key, i)
                break
        if re.fullmatch(r"(?:\(c\)\s*)?other", low) and "sole" in cols and "none" not in cols:
            cols.setdefault("d_other", i)


def _tab_row(cells: list[str], cols: dict[str, int]) -> dict[str, Any] | None:
    """One row of a tab-typed table, read by the header's columns; None when its CUSIP cell holds no CUSIP."""
    def cell(key: str) -> str | None:
        i = cols.get(key)
        v = cells[i].strip() if i is not None and i < len(cells) else ""
        return v or None

    c = (cell("cusip") or "").replace(" ", "").upper()
    if len(c) == 12 and c.endswith("000"):
        c = c[:9]
    typ = (cell("type") or "").upper() or None
    if not (len(c) == 9 and any(ch.isdigit() for ch in c[:6]) and (_cusip_ok(c) or typ in ("SH", "PRN"))):
        return None

    def num(key: str) -> str | None:
        v = (cell(key) or "").replace(",", "").replace("$", "").strip()
        return v if _AMOUNT.fullmatch(v) else None

    if num("value") is None or num("amt") is None:
        return None
    pc = (cell("pc") or "").title() or None
    disc = (cell("disc") or "").upper() or None
    if disc is None or disc in ("X", "x"):  # discretion marked with an X under Sole / Shared / Other
        for key, name in (("d_sole", "SOLE"), ("d_shared", "SHARED"), ("d_other", "OTHER")):
            if (cell(key) or "").upper() == "X":
                disc = name
                break
        else:
            disc = None if disc in ("X", "x") else disc
    return {"nameOfIssuer": cell("name"), "titleOfClass": cell("title"), "cusip": c, "figi": None,
            "value": num("value"), "sshPrnamt": num("amt"), "sshPrnamtType": typ or "SH",
            "putCall": pc if pc in ("Put", "Call") else None, "investmentDiscretion": disc,
            "otherManager": cell("mgr"), "votingSole": num("sole"), "votingShared": num("shared"),
            "votingNone": num("none")}


_SGML_MARKS = re.compile(r"</?(?:S|C|CAPTION|TABLE|PAGE|FN)>", re.I)


def _cover_value(text: str, pattern: str) -> str | None:
    m = re.search(pattern, text, re.I | re.M)
    return " ".join(m.group(1).split()).strip(" _-") or None if m else None


_MON = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                     "dec"), start=1)}


def _period_date(text: str | None) -> dt.date | None:
    """The cover's quarter end as typed: also 'September 30,2010' (no space after the comma) and '31-Mar-06'."""
    if not text:
        return None
    s = re.sub(r",(?=\d{4})", ", ", text)
    d = parse_date(s)
    if d is None:
        m = re.match(r"^\s*(\d{1,2})[- ]([A-Za-z]{3})[a-z]*[-, ]+(\d{2}|\d{4})\b", s)
        if m and m[2].lower() in _MON:
            y = int(m[3]) + (2000 if len(m[3]) == 2 else 0)
            try:
                d = dt.date(y, _MON[m[2].lower()], int(m[1]))
            except ValueError:
                d = None
    return d


def _included_managers(block: str) -> list[dict]:
    """The summary page's numbered list of other included managers: "1  28-10001  Foo Bank, N.A.", a manager
    whose file number is not assigned yet ("2  Foo Trust Company", "28-____"), the number after the name
    ("3. Foo Advisors LLC (28-10003)"); the list ends where the information table begins."""
    end = re.search(r"(?i)information\s+table|name\s+of\s+issuer|<table>|\bcusip\b|signature", block)
    block = block[:end.start()] if end else block
    out: list[dict] = []
    for m in re.finditer(r"(?m)^[ \t]*(\d{1,3})[.)]?[ \t]+(\S[^\n]{1,140}?)[ \t]*$", block):
        rest = re.sub(r"(?i)Form\s+13F\s+File\s+(?:Number|No\.?):?", " ", m.group(2))
        fm = re.search(r"\(?\s*\b(0?28-[\d_]{0,10})\s*\)?", rest)
        fno = None
        if fm:
            fno = fm.group(1) if re.search(r"-\d", fm.group(1)) else None  # "28-", "28-____": not yet assigned
            rest = rest[:fm.start()] + " " + rest[fm.end():]
        name = " ".join(rest.split()).strip(" ,;-")
        if (not re.search(r"[A-Za-z]{2}", name) or re.fullmatch(r"(?i)name|none|n/a", name)
                or len(_AMOUNT.findall(name)) >= 3):
            continue
        out.append({"sequence": m.group(1), "cik": None, "file_number": fno, "name": name})
    return out


def parse_text(data: bytes, source: str) -> FilingFacts:
    """A Form 13F filed as text (before the XML information table of 2013): the cover page (manager, period,
    amendment, report type, file number), the summary page (totals, other included managers) and the table's
    rows, read by their CUSIP: name of issuer and title of class before it, then value (thousands of dollars),
    amount, SH/PRN, put/call, investment discretion, other managers and the three voting columns."""
    text = decode(data)
    if "<" in text:
        text = _SGML_MARKS.sub(lambda m: " " * len(m.group(0)), text)
    lines = text.splitlines()
    rows: list[dict] = []
    header: list[str] = []
    cols: dict[str, float] = {}
    ruler: list[tuple[int, int]] = []
    spans: dict[str, tuple[int, int]] | None = None
    pending: list[str] = []  # a name printed over several lines, before the line of its CUSIP
    last: dict | None = None
    awaiting: dict | None = None  # a row whose value is printed on the next line
    tab_cols: dict[str, int] = {}
    for ln in lines:
        if len(ln) > 400:
            pending, last = [], None
            continue
        if ln.count("\t") >= 6:  # a table typed with tabs: cells, not print positions
            cells = ln.split("\t")
            up = ln.upper()
            if "CUSIP" in up or re.search(r"\bSOLE\b.*\bSHARED\b|VOTING", up):
                _tab_columns(cells, tab_cols)
                header.append(" ".join(ln.split()))
                continue
            row = _tab_row(cells, tab_cols) if {"cusip", "value", "amt"} <= tab_cols.keys() else None
            if row is not None:
                rows.append(row)
                last, pending = None, []
                continue
        ln = ln.expandtabs(8) if "\t" in ln else ln
        stripped = ln.strip()
        if not stripped or re.fullmatch(r"[-=_\s]+", stripped):
            runs = [(x.start(), x.end()) for x in re.finditer(r"[-=_]+", ln)]
            if len(runs) >= 4:  # the ruler drawn under (or over) the header: the columns' extents
                ruler = runs
                spans = _voting_spans(ruler, cols)
            pending = []
            continue
        up = ln.upper()
        if "CUSIP" in up or re.search(r"SOLE.*SHARED.*NONE", up) or "TITLE OF" in up:
            header.append(ln)
            cols = _header_columns(header[-6:])
            spans = _voting_spans(ruler, cols)
            pending, last = [], None
            continue
        shift = len(ln) - len(ln.lstrip())
        if awaiting is not None:
            vm = _VALUE_LINE.match(ln)
            if vm:  # the value of the row above, printed under it (and the end of its class title, if wrapped)
                awaiting["value"] = vm["value"].replace(",", "")
                if vm["frag"]:
                    awaiting["titleOfClass"] = " ".join(x for x in (awaiting["titleOfClass"], vm["frag"]) if x)
                awaiting = None
                continue
            awaiting = None
        m = _TEXT_ROW.match(stripped) if any(c.isdigit() for c in ln) else None
        if m is not None:
            c = m["cusip"].replace(" ", "").upper()
            if len(c) == 8:  # a CUSIP printed without its leading zero ("25816109"): kept when the check digit says so
                c = "0" + c
                if not _cusip_ok(c):
                    m = None
            elif not any(ch.isdigit() for ch in c[:6]) or not (_cusip_ok(c) or m["type"]):
                m = None
        if m is None and any(c.isdigit() for c in ln):
            m = _TEXT_ROW_NOVALUE.match(stripped)
            if m is not None:
                c = m["cusip"].replace(" ", "").upper()
                if not (any(ch.isdigit() for ch in c[:6]) and _cusip_ok(c)):
                    m = None
        if m is not None:
            row = _text_row(m["pre"], c, m, cols, shift, spans)
            if pending and shift > 0:  # "American" / "   Express Co.     Com    025816 10 9 ..."
                row["nameOfIssuer"] = " ".join([*pending, row["nameOfIssuer"] or ""]).strip() or None
            rows.append(row)
            last, pending = row, []
            awaiting = row if row["value"] is None else None
            continue
        k = _TEXT_CONT.match(ln) if last is not None and not pending else None
        if k is not None:
            row = _text_row("", last["cusip"], k, cols, 0, spans)
            row["nameOfIssuer"], row["titleOfClass"] = last["nameOfIssuer"], last["titleOfClass"]
            rows.append(row)
            continue
        if re.search(r"[A-Za-z]", stripped) and len(stripped) <= 60 and len(_AMOUNT.findall(stripped)) < 2:
            pending.append(stripped)
            if len(pending) > 4:
                pending = pending[-4:]
        else:
            pending = []
        last = None if pending else last
    if len(rows) >= 2 and all((r["nameOfIssuer"] or "").startswith("D ") for r in rows):
        # every row led by a "D" mark ("D APPLE INC", "D COCA-COLA CO"): the mark is no part of the issuer's name
        for r in rows:
            r["nameOfIssuer"] = r["nameOfIssuer"][2:].strip() or None
    head = "\n".join(lines[:400])
    name = _cover_value(head, r"Filing\s+this\s+Report:?\s*\n?(?:\s*\n)*\s*Name:\s*(.+)$") or _cover_value(
        head, r"Name\s+of\s+Reporting\s+Manager:\s*(\S.*)$") or _cover_value(head, r"^\s*Name:\s*(.+)$")
    period = _cover_value(head, r"Quarter\s+Ended:?\s*(.+)$")
    amend = _cover_value(head, r"Amendment\s*\[\s*([Xx])\s*\]")
    amend_no = _cover_value(head, r"Amendment\s+Number:?[ \t]*(\d+)")
    file_no = _cover_value(head, r"13F\s+File\s+Number:?\s*(0?28-\d+)")
    # "This Amendment (Check only one.): [ ] is a restatement. / [X] adds new holdings entries."
    amend_type = None
    if re.search(r"(?i)\[\s*[Xx]\s*\]\s*is\s+a\s+restatement", head):
        amend_type = "RESTATEMENT"
    elif re.search(r"(?i)\[\s*[Xx]\s*\]\s*adds\s+new\s+holdings", head):
        amend_type = "NEW HOLDINGS"
    # "Address: 500 Example Avenue" and the lines under it, up to a blank line or the next label
    address = None
    # (the rule lines some covers print under each line of the address are no lines of it)
    am = re.search(r"(?im)^[ \t]*Address:[ \t]*(\S[^\n]*)((?:\n[ \t]{4,}\S[^\n]*){0,3})",
                   re.sub(r"(?m)^[ \t]*[-_=]{3,}[ \t]*\n", "", head))
    if am:
        parts = [am.group(1)] + [x.strip() for x in am.group(2).splitlines() if x.strip()]
        parts = [x for x in parts if not re.match(r"(?i)(?:Form\s+13F|13F\s+File|Name|Title|Phone)\b", x)]
        address = join_address(parts) if parts else None
    rtype = None
    for label in ("HOLDINGS REPORT", "NOTICE", "COMBINATION REPORT"):
        if re.search(r"\[\s*[Xx]\s*\]\s*13F\s+" + label, head, re.I):
            rtype = "13F " + label
    entry_total = _cover_value(head, r"Information\s+Table\s+Entry\s+Total:?\s*([\d,]+)")
    value_total = _cover_value(head, r"Information\s+Table\s+Value\s+Total:?\s*\$?\s*([\d,.]+)")
    others = []
    om = re.search(r"(?is)List\s+of\s+Other\s+Included\s+Managers:?(.{0,3000})", head)
    if om:
        others.extend(_included_managers(om.group(1)))
    # a 13F NOTICE (or COMBINATION REPORT) lists the managers whose reports hold this manager's securities:
    # "Form 13F File Number   Name" / "28-01190   Frank Russell Company", without sequence numbers
    rm = re.search(r"(?is)List\s+of\s+Other\s+Managers\s+Reporting\s+for\s+this\s+Manager:?(.{0,3000})", head)
    if rm:
        block = re.split(r"(?i)FORM\s+13F\s+SUMMARY\s+PAGE|Report\s+Summary|List\s+of\s+Other\s+Included", rm.group(1))[0]
        for m in re.finditer(r"(?m)^\s*(?:(\d{1,3})[.)]?\s+)?(0?28-[\d_]{0,10})[ \t]+(\S[^\n]{1,100}?)\s*$", block):
            fno = m.group(2) if re.search(r"-\d", m.group(2)) else None
            others.append({"sequence": m.group(1), "cik": None, "file_number": fno, "name": m.group(3),
                           "reporting": True})
    if not rows and not name:
        raise LoadError(source, "not a Form 13F report (no manager name and no information table rows)")
    digest = sha256(data)
    fid = filing_id(None, digest)
    pdate = _period_date(period)
    is_amend = bool(amend)
    info = FilingInfo(id=fid, form_type="13F-HR/A" if is_amend else ("13F-NT" if rtype == "13F NOTICE" else "13F-HR"),
                      family="13f", loader="form13f_text", is_amendment=is_amend,
                      amendment_type=amend_type if is_amend else None,
                      amendment_no=_amendment_no(amend_no) if is_amend else None, event_date=pdate, source=source,
                      sha256=digest, filer_keys=["manager"])

    def prov(section: str, txt: str) -> Provenance:
        return _PV(filing_id=fid, source=source, section=section, excerpt=excerpt(txt))

    cp = prov("cover page", f"Name: {name}" if name else "manager not named on the cover page")
    props = [_PF(name="form13f_file_number", value=file_no, prov=cp)] if file_no else []
    if address:
        props.append(_PF(name="address", value=address, prov=prov("cover page", f"Address: {address}")))
    if not name:
        props.append(_PF(name="stands_for", value="filer", prov=cp))
    entities = [EntityFact(key="manager", kind=NodeKind.ORGANIZATION, name=name or f"Unknown 13F filer ({fid})",
                           props=props, prov=cp)]
    for i, o in enumerate(others, start=1):
        oprops = [_PF(name="other_manager_sequence", value=o["sequence"], prov=cp)] if o["sequence"] else []
        if o["file_number"]:
            oprops.append(_PF(name="form13f_file_number", value=o["file_number"], prov=cp))
        where = "cover page" if o.get("reporting") else "summary page"
        entities.append(EntityFact(key=f"other:{i}", kind=NodeKind.ORGANIZATION, name=o["name"], props=oprops,
                                   prov=prov(where, " ".join(x for x in (o["sequence"], o["file_number"], o["name"])
                                                             if x))))
    doc_others = [{k: v for k, v in o.items() if k != "reporting"} for o in others]
    more, relations, total = _holdings(rows, prov, "manager")
    entities.extend(more)
    # the unit of the value column: as the table header or the summary page states it ("(x$1000)", "(In
    # Thousands)", "$000"), else the rule of the period (thousands before 2023), else not known
    stated = " ".join(header) + " " + (_cover_value(head, r"Value\s+Total:?([^\n]*\n[^\n]*)") or "")
    if re.search(r"(?i)x\s*\$?\s*1,?000|thousands|\(\s*000\s*'?s?\s*\)|\$\s*000\b|000'?s\s+omitted", stated):
        unit = "thousands"
    elif pdate is not None:
        unit = "dollars" if pdate >= dt.date(2022, 12, 31) else "thousands"
    else:
        unit = None
    warnings = []
    n_others = _cover_value(head, r"Number\s+of\s+Other\s+Included\s+Managers:?[ \t]*(\d{1,3})\b")
    included = sum(1 for o in others if not o.get("reporting"))
    if n_others and int(n_others) != included:
        warnings.append(f"{source}: the summary page gives {n_others} other included managers, {included} "
                        f"were read from its list")
    if entry_total and entry_total.replace(",", "").isdigit() and int(entry_total.replace(",", "")) != len(rows):
        warnings.append(f"{source}: the summary page gives {entry_total} information table entries, "
                        f"{len(rows)} rows were read")
    doc = {"submission_type": info.form_type, "period_of_report": period, "manager_name": name,
           "report_type": rtype, "form13f_file_number": file_no, "is_amendment": is_amend or None,
           "amendment_number": amend_no if is_amend else None,
           "amendment_type": amend_type if is_amend else None, "manager_address": address,
           "table_entry_total": entry_total,
           "table_value_total": value_total, "other_managers": doc_others,
           "other_included_managers_count": n_others,
           "value_unit": unit,
           "rows": rows, "row_count": len(rows), "value_total": format(total, "f")}
    return FilingFacts(filing=info, document=doc, entities=entities, relations=relations, warnings=warnings)


class Form13FText(BaseModel):
    manager_name: str | None = None
    manager_address: str | None = None
    amendment_type: str | None = Field(default=None, description="'RESTATEMENT' or 'NEW HOLDINGS' (amendments)")
    period_of_report: str | None = None
    report_type: str | None = None
    form13f_file_number: str | None = None
    table_entry_total: str | None = None
    table_value_total: str | None = None
    other_included_managers_count: str | None = None
    other_managers: list[OtherManager] = Field(default_factory=list)
    value_unit: str | None = None
    rows: list[InfoTableRow] = Field(default_factory=list)
    row_count: int = 0


register(Loader(name="form13f_table", family="13f", sniff=sniff_table, parse=parse_table,
                document_model=InformationTable,
                description="Form 13F information table (informationTable XML, streamed)"))
register(Loader(name="form13f_cover", family="13f", sniff=sniff_cover, parse=parse_cover,
                document_model=Form13FCover,
                description="Form 13F cover page (edgarSubmission, thirteenffiler namespace)"))
register(Loader(name="form13f_text", family="13f", sniff=sniff_text, parse=parse_text, document_model=Form13FText,
                description="Form 13F filed as text (cover page, summary page, information table rows; before 2013)"))
