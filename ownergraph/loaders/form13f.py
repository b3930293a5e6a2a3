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
from ._text import join_address, parse_date, parse_decimal
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
        if r["otherManager"] and r["otherManager"] not in pos["mgr"]:
            pos["mgr"].append(r["otherManager"])
    for (skey, put_call), pos in positions.items():
        props = {
            "basis": "13f", "shares": pos["shares"], "principal_amount": pos["principal"], "value": pos["value"],
            "sole_voting": pos["sole"], "shared_voting": pos["shared"], "no_voting": pos["none"],
            "investment_discretion": ", ".join(pos["disc"]) or None,
            "other_managers": "; ".join(pos["mgr"]) or None, "rows": len(pos["rows"]),
            "amount_type": ", ".join(sorted(pos["type"])), "nature": put_call,
        }
        relations.append(_RF(
            type=EdgeKind.HOLDS, source="filer", target=skey, props={k: v for k, v in props.items() if v is not None},
            prov=prov(_span(pos["rows"]), " / ".join(pos["text"])), discriminator=put_call))
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
    # 2022-12-31 on), in thousands of dollars before
    doc["value_unit"] = None if period is None else ("dollars" if period >= dt.date(2022, 12, 31) else "thousands")
    amend = doc["is_amendment"] or (doc["submission_type"] or "").upper().endswith("/A")
    info = FilingInfo(
        id=fid, form_type=doc["submission_type"] or "13F", family="13f", loader="form13f_cover",
        is_amendment=bool(amend), amendment_no=_amendment_no(doc["amendment_number"]), event_date=period,
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
            entities.append(EntityFact(key=f"other:{i}", kind=NodeKind.ORGANIZATION, name=om["name"], cik=om["cik"],
                                       props=[PropFact(name="other_manager_sequence", value=om["sequence"],
                                                       prov=p)] if om["sequence"] else [],
                                       prov=Provenance(filing_id=fid, source=source, section="summary page",
                                                       excerpt=excerpt(f"{om['sequence'] or ''} {om['name']}"))))
    return FilingFacts(filing=info, document=doc, entities=entities, relations=[], warnings=warnings)


register(Loader(name="form13f_table", family="13f", sniff=sniff_table, parse=parse_table,
                document_model=InformationTable,
                description="Form 13F information table (informationTable XML, streamed)"))
register(Loader(name="form13f_cover", family="13f", sniff=sniff_cover, parse=parse_cover,
                document_model=Form13FCover,
                description="Form 13F cover page (edgarSubmission, thirteenffiler namespace)"))
