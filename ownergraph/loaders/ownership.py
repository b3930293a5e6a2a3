"""Forms 3, 4, 5 (and 3/A, 4/A, 5/A): the SEC ``ownershipDocument`` XML.

What a filing yields
--------------------

* **Issuer** -- an Organization with its CIK and a ``ticker`` property.
* **Reporting owners** -- Person or Organization (decided from the name: legal-form
  and fund words make an organization) with CIK and address (its parts joined once each:
  "LONDON," filed with its own comma gives no ",,"; a "-" part is left out).  ``name`` is the
  display form ("Peter Thiel"); the name as filed in SEC order ("THIEL PETER") is
  kept in ``aliases`` and in the ``name_as_filed`` property.  The relationship
  boxes become ``DIRECTOR_OF`` (title "Director"), ``OFFICER_OF`` (title = the
  officer title; "See Remarks" is resolved from a ``Title: ...`` remark; an *Other* "See Remarks" keeps the remarks
  in ``other_relationship_remarks``, and remarks that make the owner a member of a 10% group a ten-percent edge) and
  ``TEN_PERCENT_OWNER_OF`` edges to the issuer; *Other* keeps its text in the
  ``other_relationship`` property (and a "10% ... group" text is a ten-percent edge).
* **Table I / Table II rows** -- one ``HOLDS`` edge per row with the shares owned
  following the transaction (``basis`` "direct"/"indirect", ``ownership`` D/I,
  ``nature`` "By Trust", ``as_of`` = transaction date, or the period of report for
  holdings rows), the transaction in ``transaction_code``, ``transaction_date``,
  ``transaction_shares``, ``transaction_price``, ``acquired_disposed``, ``deemed_execution_date``,
  ``transaction_timeliness`` and ``rule_10b5_1`` (the filing's 10b5-1 box).  Section
  "Table I, row 2".  Derivative rows hold the instrument's own Security (named
  with its exercise price and expiration so that two option grants stay two
  positions; tranches that differ only in their exercise date also by that date, or, when only a
  footnote dates them, by the date it says they vest from: "vesting from 2022-02-15", and only
  without one by the footnote's id) with ``underlying_shares``; the instrument is ``CONVERTIBLE_INTO`` the
  underlying class (``conversion_price``, ``exercise_date``, ``expiration_date``,
  ``ratio`` when a footnote states "1:0.75", or says it in words: "Each share of Class B Common Stock
  is convertible ... into one share of Class A Common Stock", "Each RSU represents a contingent right
  to receive one share of ..." -- one to ten, "one-half"; never "one or more shares").
* **Footnotes** -- every footnoted cell gets a ``<field>_footnote`` property
  ("see footnote F3"); a cell holding only a footnote is ``None``, never 0 (a value that is only a mark typed
  into the cell, "(1)", "(1)(2)" or "F3", is that footnote; so are marks typed after a title: "Common Stock (1)" is
  the security "Common Stock" with footnote F1).
* **Indirect holdings** -- when the nature of ownership or a footnote names the
  record holder ("By DM Trust Aggregator, LLC", "The shares are held by the
  Scarpelli Family Trust for which the Reporting Person is a trustee", "These
  shares are held of record by Mithril LP ..."), that holder becomes an entity
  that HOLDS the row, and the control statements of the footnote become
  ``CONTROLS`` edges (``stated=True``, ``basis`` "general partner", "managing
  member", "manager", "trustee", "authorized person", "investment committee",
  "shared voting and investment power", "controlling stockholder" -- "X, as the controlling
  stockholder of Y" --, section "footnote F2").  "X, a subsidiary of Y" makes the parent control
  the subsidiary (``basis`` "subsidiary", "wholly owned subsidiary"); "X, which has been appointed
  as manager ... of Y's investments" makes the manager control the fund (``basis`` "manager"); "X is
  controlled by Y" (``basis`` "controlled by"), "X, which is wholly owned by Y" ("wholly owns") and "X is
  controlled by an entity that is controlled by Y" ("indirectly controlled by") make Y control X; "one of the
  managing members of X" is a role as "the managing member of X" is; "X is the beneficial owner of Y and has sole
  voting and investment power over the securities held by Y" makes X control Y, and so does "X may be deemed a
  beneficial owner of securities held by the Sponsor by virtue of his shared control over ... the Sponsor"
  (``basis`` "shared control").  A capital "The" after "by" or "of" stays part of the name ("held of record by
  The Founders Fund VII, LP").  A footnote may name the holder without "held by": "By the Doe 2012 Trust, of which
  ...", "The X Trust dated ..., for which the reporting person is trustee.", "X LLC is the record owner of these
  shares"; a nature that names only a kind ("By Trust", "By LLC") is held by the one entity of that kind a footnote
  of the row says a reporting owner controls.  A nature that only points elsewhere or states a capacity ("See
  footnote (2)", "By Trust (1)", "As Trustee", "F1") names no holder.  "held in the name of X", "registered in the
  name of X", "X, an entity (a corporation ...) wholly owned / controlled by the Reporting Person" and "held by the
  Reporting Person as trustee of X" are read as the holder and its control; a nature "See Remarks" reads the remarks as
  the row's footnote (section "remarks").  A footnote id a cell cites but
  ``<footnotes>`` does not define is a warning.
  When no
  statement links any reporting owner to the holder (the reporting person is only
  a beneficiary), the reporting owner also keeps the indirect row (``held_by``).

"The Reporting Persons" of a joint filing are its natural-person owners (all owners when none is a person);
"the Reporting Person" among several natural persons is no one in particular (never an entity of that name).

Multi-owner filings: a row whose holder no footnote names is attributed to every
reporting owner (each reports it, as joint 13D filers restate a position).  A row whose
record holder is itself one of the reporting owners ("By Farnam Street Partners, L.P.")
is held by that owner directly (``basis`` "direct"; ``ownership`` keeps the filed "I" and
``nature`` stays); a natural-person co-filer from whom no stated CONTROLS/DIRECTOR chain
reaches the holder also keeps the indirect row (``held_by``), as a single owner does.
Organization co-filers that do not reach it do not (they may be sibling funds).

Structure variants read alike: namespaced or not, cells with ``<value>`` or bare text, several
``footnoteId`` per cell, rows directly under the root (the old schema's ``nonDerivativeSecurity`` and
the same for ``...Transaction`` / ``...Holding``), a Table II, the footnotes or the signature put inside
a table, footnotes without their wrapper.  An old-schema holdings row gives its amount in
``transactionShares``: that is the position held.

The document model (:class:`OwnershipDocument`) keeps every cell *as filed*
(``{"value": "200000.0", "footnotes": ["F1"]}``); the facts carry typed values.
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

from lxml import etree
from pydantic import BaseModel, Field

from ..errors import LoadError
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
from . import Loader, register, sha256
from ._text import DATE_RE, is_container, join_address, parse_date, parse_decimal
from ._xml import parse_xml, strip_ns

# Facts are built from values this module has already typed: constructed without re-validation (the loader
# is on the hot path of bulk loads; see bench/bench_parse_345.py).  These are the fields it passes for each
# model (a model that gains a field -- with a default -- makes _construct model_construct, which fills it).
_CONSTRUCTED = {
    Provenance: ("filing_id", "accession", "source", "section", "excerpt"),
    PropFact: ("name", "value", "prov"),
    EntityFact: ("key", "kind", "name", "cik", "cusip", "aliases", "props", "prov"),
    RelationFact: ("type", "source", "target", "props", "prov", "discriminator"),
    FilingInfo: ("id", "accession", "form_type", "also_form_types", "family", "loader", "amendment_no", "is_amendment",
                 "amendment_type", "previous_accession", "filed_date", "event_date", "signed_date", "source",
                 "sha256", "issuer_key", "filer_keys", "earlier_filings", "shares_outstanding", "shares_outstanding_date"),
    FilingFacts: ("filing", "document", "entities", "relations", "warnings"),
}
_construct = constructor(_CONSTRUCTED)


def _RF(*, type, source, target, props, prov, discriminator=None) -> RelationFact:  # noqa: A002
    return _construct(RelationFact, {"type": type, "source": source, "target": target, "props": props,
                                     "prov": prov, "discriminator": discriminator})


def _PF(*, name, value, prov) -> PropFact:
    return _construct(PropFact, {"name": name, "value": value, "prov": prov})


def _EF(*, key, kind, name, prov, cik=None, aliases=None, props=None) -> EntityFact:
    return _construct(EntityFact, {"key": key, "kind": kind, "name": name, "cik": cik, "cusip": None,
                                   "aliases": aliases if aliases is not None else [],
                                   "props": props if props is not None else [], "prov": prov})


def _PV(*, filing_id, source, section, excerpt) -> Provenance:
    return _construct(Provenance, {"filing_id": filing_id, "accession": None, "source": source,
                                   "section": section, "excerpt": excerpt})

# ----------------------------------------------------------------- document model


class Cell(BaseModel):
    value: str | None = None
    footnotes: list[str] = Field(default_factory=list)


class Issuer(BaseModel):
    cik: str | None = None
    name: str | None = None
    trading_symbol: str | None = None


class ReportingOwner(BaseModel):
    cik: str | None = None
    name: str = Field(description="Name as filed (SEC order: LAST FIRST MIDDLE)")
    display_name: str
    kind: str = Field(description="'Person' or 'Organization' (from the name)")
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    state_description: str | None = None
    is_director: bool | None = None
    is_officer: bool | None = None
    is_ten_percent_owner: bool | None = None
    is_other: bool | None = None
    officer_title: str | None = None
    other_text: str | None = None


class Row(BaseModel):
    table: str = Field(description="'I' (non-derivative) or 'II' (derivative)")
    kind: str = Field(description="'transaction' or 'holding'")
    number: int = Field(description="Row number within its table, from 1")
    security_title: Cell
    conversion_or_exercise_price: Cell | None = None
    transaction_date: Cell | None = None
    deemed_execution_date: Cell | None = None
    form_type: str | None = None
    code: str | None = None
    equity_swap_involved: bool | None = None
    coding_footnotes: list[str] = Field(default_factory=list)
    timeliness: Cell | None = None
    shares: Cell | None = None
    total_value: Cell | None = None
    price: Cell | None = None
    acquired_disposed: Cell | None = None
    exercise_date: Cell | None = None
    expiration_date: Cell | None = None
    underlying_title: Cell | None = None
    underlying_shares: Cell | None = None
    underlying_value: Cell | None = None
    owned_after: Cell | None = None
    value_owned_after: Cell | None = None
    direct_or_indirect: Cell | None = None
    nature: Cell | None = None


class Signature(BaseModel):
    name: str | None = None
    date: str | None = None


class OwnershipDocument(BaseModel):
    schema_version: str | None = None
    document_type: str
    period_of_report: str | None = None
    date_of_original_submission: str | None = None
    no_securities_owned: bool | None = None
    not_subject_to_section16: bool | None = None
    form3_holdings_reported: bool | None = None
    form4_transactions_reported: bool | None = None
    aff10b5one: bool | None = None
    issuer: Issuer
    reporting_owners: list[ReportingOwner]
    non_derivative: list[Row] = Field(default_factory=list)
    derivative: list[Row] = Field(default_factory=list)
    footnotes: dict[str, str] = Field(default_factory=dict)
    remarks: str | None = None
    signatures: list[Signature] = Field(default_factory=list)


# ----------------------------------------------------------------- XML reading

_ROOT_RE = re.compile(rb"<\s*(?:\w+:)?ownershipDocument[\s>]")
def is_submission(head: bytes | str) -> bool:
    """The head of an EDGAR SGML submission (or of one with ``<DOCUMENT>`` blocks only): the submission
    loader unwraps it, so the form loaders (this one, 13F, text Forms 3/4/5, Exhibit 21) sniff 0 on it.
    Text sniffers pass their decoded head (a str)."""
    if isinstance(head, str):
        head = head.encode("utf-8", "replace")
    return is_container(head) or b"<DOCUMENT>" in head


def sniff(data: bytes) -> float:
    head = data[:8192]
    if b"ownershipDocument" not in head:
        return 0.0  # (the root pattern needs the name: one substring test, before the others, per detection)
    if is_submission(head):
        return 0.0  # an SGML submission: the submission loader unwraps it and hands us the XML
    return 0.95 if _ROOT_RE.search(head) else 0.0


def _t(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    s = el.text
    if s is None:
        return None
    s = s.strip()
    return s or None


def _first_kids(el: etree._Element | None, ns: bool) -> dict[str, etree._Element]:
    """The first child element of each tag (by local name), in one pass over the children (instead of one
    ElementPath search per tag)."""
    out: dict[str, etree._Element] = {}
    if el is not None:
        for c in el:
            t = c.tag
            if isinstance(t, str):
                if ns:
                    t = t[t.rfind("}") + 1:]
                if t not in out:
                    out[t] = c
    return out


def _kid_texts(el: etree._Element | None, ns: bool) -> dict[str, str | None]:
    """The stripped text (None when empty) of the first child element of each tag: ``_t(el.find(tag))``."""
    return {t: _t(c) for t, c in _first_kids(el, ns).items()}


def _flag(text: str | None) -> bool | None:
    if text is None:
        return None
    s = text.strip().lower()
    if s in ("1", "true", "y", "yes", "x"):
        return True
    if s in ("0", "false", "n", "no", ""):
        return False
    return None


_CELL_FIELDS = {
    "securityTitle": "security_title", "conversionOrExercisePrice": "conversion_or_exercise_price",
    "transactionDate": "transaction_date", "deemedExecutionDate": "deemed_execution_date",
    "transactionTimeliness": "timeliness", "transactionShares": "shares", "transactionTotalValue": "total_value",
    "transactionValue": "total_value", "transactionPricePerShare": "price",
    "transactionAcquiredDisposedCode": "acquired_disposed", "exerciseDate": "exercise_date",
    "expirationDate": "expiration_date", "underlyingSecurityTitle": "underlying_title",
    "underlyingSecurityShares": "underlying_shares", "underlyingSecurityValue": "underlying_value",
    "sharesOwnedFollowingTransaction": "owned_after", "valueOwnedFollowingTransaction": "value_owned_after",
    "directOrIndirectOwnership": "direct_or_indirect", "natureOfOwnership": "nature",
}
_PLAIN_FIELDS = {"transactionFormType": "form_type", "transactionCode": "code",
                 "equitySwapInvolved": "equity_swap_involved"}
_CELL_NAMES = tuple(dict.fromkeys(_CELL_FIELDS.values()))
_ROW_TEMPLATE = dict.fromkeys(list(dict.fromkeys(_CELL_FIELDS.values())) + list(_PLAIN_FIELDS.values()))


# a cell value that is only footnote marks: "(1)", "(1)(2)", "(F3)", "F3", "[2]"
_MARK_ONLY = re.compile(r"(?:\(\s*F?\d{1,2}\s*\)|\[\s*F?\d{1,2}\s*\]|F\d{1,2})+")
_MARK_NUMBERS = re.compile(r"\d{1,2}")
# footnote marks after a title's text: "Common Stock (1)", "Class B Common Stock(2)(3)"
_TITLE_MARKS = re.compile(r"(?<=[A-Za-z.)])\s*(?:\(\s*F?\d{1,2}\s*\))+$")
_TITLE_CELLS = frozenset(("security_title", "underlying_title"))


def _row(el: etree._Element, table: str, number: int, ns: bool = False) -> dict:
    """One table row in a single pass over its elements (cells are ``<x><value/><footnoteId/></x>`` or bare).
    ``ns``: the document is namespaced, tags are compared by their local name."""
    row = _ROW_TEMPLATE.copy()
    coding_fns: list[str] = []
    cells: list[str] = []  # the cell fields this row sets
    cur: dict | None = None
    has_date = has_coding = has_amounts = False
    el_tag = el.tag
    if ns:
        el_tag = el_tag[el_tag.rfind("}") + 1:]
    cell_fields = _CELL_FIELDS
    plain_fields = _PLAIN_FIELDS
    for e in el.iter():
        tag = e.tag
        if ns and isinstance(tag, str):
            tag = tag[tag.rfind("}") + 1:]
        if tag == "value":
            if cur is not None:
                txt = e.text
                cur["value"] = (txt.strip() or None) if txt else None
        elif tag in cell_fields:
            txt = e.text
            cur = {"value": (txt.strip() or None) if txt else None, "footnotes": []}
            field = cell_fields[tag]
            if row[field] is None:
                row[field] = cur
                cells.append(field)
            if tag == "transactionDate":
                has_date = True
        elif tag == "footnoteId":
            fid = e.get("id")
            if fid:
                (cur["footnotes"] if cur is not None else coding_fns).append(fid)
        elif tag in plain_fields:
            field = plain_fields[tag]
            if row[field] is None:  # the first, as for cells (a row nested in a row: the outer row's)
                txt = e.text
                row[field] = (txt.strip() or None) if txt else None
        elif tag == "transactionCoding":
            has_coding = True
            cur = None
        elif tag == "transactionAmounts":
            has_amounts = True
            cur = None
        elif tag != el_tag:
            cur = None  # a grouping element (postTransactionAmounts, ownershipNature, ...)
    for field in cells:
        c = row[field]
        v = c["value"]
        if v is not None and len(v) <= 9 and v[0] in "(F[" and v[-1] in ")]0123456789":
            m = _MARK_ONLY.fullmatch(v)
            if m:  # a cell holding only a footnote mark typed as its value, "(1)" or "F2": that footnote
                for n in _MARK_NUMBERS.findall(v):
                    if f"F{n}" not in c["footnotes"]:
                        c["footnotes"].append(f"F{n}")
                c["value"] = v = None
        elif v is not None and field in _TITLE_CELLS and v[-1] == ")" and _TITLE_MARKS.search(v):
            # "Common Stock (1)": the title with the mark typed after it; the security is "Common Stock"
            m = _TITLE_MARKS.search(v)
            for n in _MARK_NUMBERS.findall(m.group(0)):
                if f"F{n}" not in c["footnotes"]:
                    c["footnotes"].append(f"F{n}")
            c["value"] = v = v[:m.start()]
        if v is None and not c["footnotes"]:
            row[field] = None
    row["equity_swap_involved"] = _flag(row["equity_swap_involved"])
    row["table"] = table
    row["kind"] = "transaction" if ("Transaction" in el_tag or (has_date and has_coding and has_amounts)) \
        else "holding"
    row["number"] = number
    row["coding_footnotes"] = coding_fns
    if row["security_title"] is None:
        row["security_title"] = {"value": None, "footnotes": []}
    return row


def _all_text(el: etree._Element) -> str:
    """The element's text content, whitespace collapsed (an element without children: its own text, which
    is all ``itertext`` would give, without building the iterator)."""
    if len(el) == 0:
        t = el.text
        return " ".join(t.split()) if t else ""
    return " ".join("".join(el.itertext()).split())


_ROOT_FLAGS = (("no_securities_owned", "noSecuritiesOwned"), ("not_subject_to_section16", "notSubjectToSection16"),
               ("form3_holdings_reported", "form3HoldingsReported"),
               ("form4_transactions_reported", "form4TransactionsReported"), ("aff10b5one", "aff10b5One"))


_ND_ROOT_ROWS = frozenset(("nonDerivativeSecurity", "nonDerivativeTransaction", "nonDerivativeHolding"))
_DE_ROOT_ROWS = frozenset(("derivativeSecurity", "derivativeTransaction", "derivativeHolding"))
#: elements some filings put inside a table (a Table II, the footnotes, the signature) instead of after it
_MISPLACED = frozenset(("derivativeTable", "footnotes", "ownerSignature"))


def read_document(root: etree._Element, source: str) -> dict:
    """The ownershipDocument element -> the document model as a plain dict (cells as filed).

    One pass over the root's children sorts them by tag (the first of each single element; every owner,
    table, old-schema row and signature in order); each part is then read from its own children.  A
    namespaced document (old schema) is read by local names, without rewriting its tags."""
    rtag = root.tag
    if strip_ns(rtag) != "ownershipDocument":
        raise LoadError(source, f"not an ownershipDocument (root element <{strip_ns(rtag)}>)")
    ns = "}" in rtag
    first: dict[str, etree._Element] = {}
    owner_els: list[etree._Element] = []
    nd_tables: list[etree._Element] = []
    de_tables: list[etree._Element] = []
    nd_old: list[etree._Element] = []
    de_old: list[etree._Element] = []
    sig_els: list[etree._Element] = []
    loose_fns: list[etree._Element] = []
    for ch in root:
        tag = ch.tag
        if not isinstance(tag, str):
            continue
        if ns:
            tag = tag[tag.rfind("}") + 1:]
        if tag == "reportingOwner":
            owner_els.append(ch)
        elif tag == "nonDerivativeTable":
            nd_tables.append(ch)
        elif tag == "derivativeTable":
            de_tables.append(ch)
        elif tag == "ownerSignature":
            sig_els.append(ch)
        elif tag in _ND_ROOT_ROWS:  # an older schema (and some filer agents) put rows directly under the root
            nd_old.append(ch)
        elif tag in _DE_ROOT_ROWS:
            de_old.append(ch)
        elif tag == "footnote":  # footnotes without their <footnotes> wrapper
            loose_fns.append(ch)
        elif tag not in first:
            first[tag] = ch
    doc_type = _t(first.get("documentType"))
    if not doc_type:
        raise LoadError(source, "ownershipDocument has no <documentType> (expected 3, 4, 5 or an amendment)")
    iss = first.get("issuer")
    it = _kid_texts(iss, ns)
    issuer = {
        "cik": it.get("issuerCik"),
        "name": it.get("issuerName"),
        "trading_symbol": it.get("issuerTradingSymbol"),
    }
    owners = []
    for ro in owner_els:
        parts = _first_kids(ro, ns)
        rid = _kid_texts(parts.get("reportingOwnerId"), ns)
        name = rid.get("rptOwnerName")
        cik = rid.get("rptOwnerCik")
        if not name and not cik:
            continue
        name = name or f"CIK {cik}"
        kind = "Organization" if looks_like_org(name) else "Person"
        a = _kid_texts(parts.get("reportingOwnerAddress"), ns).get
        r = _kid_texts(parts.get("reportingOwnerRelationship"), ns).get
        owners.append({
            "cik": cik, "name": name, "display_name": display_name(name, kind == "Organization"), "kind": kind,
            "street1": a("rptOwnerStreet1"), "street2": a("rptOwnerStreet2"), "city": a("rptOwnerCity"),
            "state": a("rptOwnerState"), "zip": a("rptOwnerZipCode"),
            "state_description": a("rptOwnerStateDescription"),
            "is_director": _flag(r("isDirector")), "is_officer": _flag(r("isOfficer")),
            "is_ten_percent_owner": _flag(r("isTenPercentOwner")), "is_other": _flag(r("isOther")),
            "officer_title": r("officerTitle"), "other_text": r("otherText"),
        })
    if not owners:
        raise LoadError(source, "ownershipDocument names no reporting owner")
    nd: list[dict] = []
    de: list[dict] = []
    fn_els: list[etree._Element] = []
    fns = first.get("footnotes")
    if fns is not None:
        fn_els.append(fns)
    for rows, tables, table, kinds in ((nd, nd_tables, "I", ("nonDerivativeTransaction", "nonDerivativeHolding")),
                                       (de, de_tables, "II", ("derivativeTransaction", "derivativeHolding"))):
        for tbl in tables:
            for el in tbl:
                tag = el.tag
                if isinstance(tag, str):
                    if ns:
                        tag = tag[tag.rfind("}") + 1:]
                    if tag in kinds:
                        rows.append(_row(el, table, len(rows) + 1, ns))
                    elif tag in _MISPLACED:  # filer agents that close a table late: what they put inside it
                        if tag == "derivativeTable":
                            de_tables.append(el)
                        elif tag == "footnotes":
                            fn_els.append(el)
                        else:
                            sig_els.append(el)
    for rows, els, table in ((nd, nd_old, "I"), (de, de_old, "II")):
        for el in els:
            rows.append(_row(el, table, len(rows) + 1, ns))
            for c in el:  # a signature or the footnotes put inside an old-schema row
                tag = c.tag
                if isinstance(tag, str):
                    if ns:
                        tag = tag[tag.rfind("}") + 1:]
                    if tag == "footnotes":
                        fn_els.append(c)
                    elif tag == "ownerSignature":
                        sig_els.append(c)
    if loose_fns:
        fn_els.append(loose_fns)
    footnotes: dict[str, str] = {}
    for fns in fn_els:
        for f in fns:
            tag = f.tag
            if isinstance(tag, str) and (tag[tag.rfind("}") + 1:] if ns else tag) == "footnote":
                fid = f.get("id")
                if fid:
                    footnotes[fid] = _all_text(f)
    sigs = []
    for s in sig_els:
        st = _kid_texts(s, ns)
        sigs.append({"name": st.get("signatureName"), "date": st.get("signatureDate")})
    remarks = first.get("remarks")
    doc = {
        "schema_version": _t(first.get("schemaVersion")),
        "document_type": doc_type,
        "period_of_report": _t(first.get("periodOfReport")),
        "date_of_original_submission": _t(first.get("dateOfOriginalSubmission")),
    }
    for key, tag in _ROOT_FLAGS:
        doc[key] = _flag(_t(first.get(tag)))
    doc["issuer"] = issuer
    doc["reporting_owners"] = owners
    doc["non_derivative"] = nd
    doc["derivative"] = de
    doc["footnotes"] = footnotes
    doc["remarks"] = (_all_text(remarks) or None) if remarks is not None else None
    doc["signatures"] = sigs
    return doc


# ----------------------------------------------------------------- names

# precompiled patterns of the helpers below (a module-level re.* call looks its pattern up on every call)
_NON_WORD = re.compile(r"[^\w\s]")
_DIGITS3 = re.compile(r"\d{3,}")
_LEGAL_DOTS = re.compile(r"\bL\.\s?[PC]\.|\bL\.L\.C\b|\bS\.A\.|\bN\.V\.|\bB\.V\.")
_MC_PREFIX = re.compile(r"^(Mc|Mac|O')([a-z])(.*)$")
_SENT_END = re.compile(r"[.;]\s+(?=[A-Z(\"“])")
_VERB_BEFORE = re.compile(r"\b(?:is|are|was|were|holds?|held|has|have)\b")
_ROLE_QUALIFIER = re.compile(r"^(?:sole|ultimate|co-)\s*")
_LEADING_THE = re.compile(r"^(?:the|each\s+of\s+the|each\s+of)\s+")
_SPACE_COMMA = re.compile(r"\s+,")
_KEEP_FINAL_DOT = re.compile(r"(?:\b[A-Z]|\b(?:Inc|Co|Ltd|Corp|Jr|Sr|L\.P|L\.L\.C|N\.A|S\.A|P\.C))\.$")
_TTEE = re.compile(r"\bTTEES?\b|\btrustees?\b", re.I)
_TRUST = re.compile(r"trust", re.I)
_NATURE_BY = re.compile(r"^(?:held\s+)?(?:indirectly\s+)?(?:by|through|via|in)\s+(?:the\s+)?", re.I)
_NATURE_CUT = re.compile(r"\s+(?:dtd|dated|u/a|u/t/d|uad|u/d/t|f/b/o|fbo)\b|"
                         r",\s*(?:[A-Z][\w.]*\s+)*[A-Z][\w.]*\s+(?:TTEE|Trustee)", re.I)
_NATURE_FN_NOTE = re.compile(r"\s*\((?:see\s+)?(?:footnote|note)s?[^)]*\)\s*$", re.I)
# footnote marks typed into the nature cell after its text: "By Trust (1)", "By LLC (2)(3)", "By Spouse [1]", "*"
_NATURE_MARKS = re.compile(r"(?:\s*(?:\(\s*(?:F\s*)?\d{1,2}(?:\s*(?:,|and|&|-)\s*(?:F\s*)?\d{1,2})*\s*\)|"
                           r"\[\s*\d{1,2}\s*\]|\*+))+\s*$", re.I)
# a nature cell that only points elsewhere
_NATURE_REFERENCE = re.compile(r"(?:see|refer\s+to)\b|(?:(?:foot)?notes?|fn\.?|remarks?)\s*(?:[\d(#]|F\d|$)|"
                               r"explanation\s+of\s+responses|F\d+$|\(?\d+\)?$|[A-Z]$", re.I)
# words that say in which capacity the owner holds ("As Trustee", "Indirectly as custodian"), not for whom
_CAPACITY_WORDS = frozenset(("trustee", "trustees", "ttee", "ttees", "co", "beneficiary", "beneficial", "nominee",
                             "ownership", "indirectly", "directly", "as", "under", "agreement", "plan", "rp"))
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_LIST_SEP = re.compile(r",\s*(?:and\s+)?|\s+and\s+")
_LEGAL_FORM = re.compile(r"(?:L\.?P\.?|LLC|L\.L\.C\.|Inc\.?|Ltd\.?|Limited|Corp\.?|N\.A\.|LLP|S\.A\.|plc|GP)", re.I)
_THE_RP_OR_OWNER = re.compile(r"(?:the\s+)?reporting\s+(?:person|owner)", re.I)
_SURNAME = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?([A-Z][\w'’\-]+)")
_THE_RP_ANY = re.compile(r"(?:the\s+)?reporting\s+persons?(?:'s?)?.*", re.I)
_POWER_STMT = re.compile(r"^(?P<subj>.+?)\s+(?:has|have|share|shares|exercises?)\s+(?:sole\s+|shared\s+)?"
                         r"(?P<what>voting(?:,?\s+(?:and\s+)?(?:investment|dispositive))*(?:\s+and\s+"
                         r"(?:investment|dispositive))?|investment(?:\s+and\s+voting)?|dispositive)\s+"
                         r"(?:power|control|authority|discretion)\s+(?:over|with\s+respect\s+to)\s+(?P<obj>.+)$")
# "X is the beneficial owner of Y and" (what precedes "has sole voting ... power"): X is the subject
_FIRST_CLAUSE_SUBJ = re.compile(r"^((?i:the\s+reporting\s+persons?)|[A-Z][^,;]{0,80}?)\s+(?:is|are)\s+[^;]+?,?\s+and$")
# "The reporting person may be deemed a beneficial owner of securities held by the Sponsor by virtue of his shared
# control over and indirect pecuniary interest in the Sponsor": the subject controls the object (SPAC sponsors)
_VIRTUE_CONTROL = re.compile(r"^(?P<subj>(?i:the\s+reporting\s+persons?)|[A-Z][^,;]{0,80}?)\s+(?:may|might|could)\s+"
                             r"be\s+deemed\s+(?:to\s+be\s+)?(?:a|the)\s+beneficial\s+owners?\s+of\s+[^;]*?\bby\s+"
                             r"virtue\s+of\s+(?:his|her|its|their)\s+(?P<shared>shared\s+|sole\s+|joint\s+)?control\s+"
                             r"(?:over|of)\s+(?:and\s+(?:\w+\s+){1,4}?(?:in|of)\s+)?(?P<obj>.+?)\.?$")
_THESE_SHARES = re.compile(r"\b(?:such|these|the)\s+shares\b", re.I)
_COMMITTEE_STMT = re.compile(r"^(?P<subj>.+?)\s+are\s+(?:the\s+)?members\s+of\s+(?:the\s+)?investment\s+committee\s+"
                             r"(?:of|established\s+by)\s+(?P<obj>.+?)\.?$")
_RP_TRUSTEES = re.compile(r"\bReporting\s+Person\b.*\b(?:is|are)\s+(?:both\s+|also\s+)?(?:a\s+|the\s+|co-)?"
                          r"trustees?\b", re.I)
_SPOUSE_TRUSTEE = re.compile(r"spouse\s+is\s+(?:a\s+|the\s+)?trustee", re.I)
_EACH_OF_BOTH = re.compile(r"^(?:each\s+of|both)\s+", re.I)
_THE_RP = re.compile(r"(?:the\s+)?reporting\s+persons?", re.I)
_THE_RP_OR_OWNER_ANY = re.compile(r"(?:the\s+)?reporting\s+(?:person|owner)s?", re.I)
_AND_ALSO_EACH = re.compile(r"^(?:and|also|each\s+of|both)\s+", re.I)
_TRAILING_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_QUOTE_PAREN = re.compile(r'\([\"“]')
_LEADING_DET = re.compile(r"^(?:The|These|Each|In|As|Accordingly)\s+(?=[A-Z])")
# a capital "The" after "of" is part of the name ("the general partner of The Founders Fund VII, LP")
# "the", "each of the", and the "of" that repeats the preposition in a list: "trustee of A and of the B Trust"
_OBJ_LEADING = re.compile(r"^(?:(?:of|for)\s+(?=the\s|[A-Z]))?(?:the\s+|[Ee]ach\s+of\s+(?:[Tt]he\s+)?)?")
_OBJ_DEFPAREN = re.compile(r'\s*\((?:the\s+)?[\"“][^)]*\)\s*$')
_OBJ_CUT = re.compile(r"\s+and\s+may\b|,\s+and\s+|\s+with\s+respect\b|\s+and\s+(?=[A-Z][\w ]{0,30}\s+is\b)")
_SEE_REMARKS = re.compile(r"see\s+remarks?\.?", re.I)
_TEN_PERCENT = re.compile(r"10\s*%|ten\s+percent", re.I)
# remarks that say the owner is a member of a group owning more than 10%
_GROUP_TEN_PERCENT = re.compile(r"\bgroup\b[^.;]{0,160}?(?:10\s*%|ten\s+percent)|(?:10\s*%|ten\s+percent)[^.;]{0,80}?"
                                r"\bgroup\b", re.I)
_SHORT_PERSON = re.compile(r"(?:[A-Z][\w'’.\-]*\s+){1,3}[A-Z][\w'’.\-]*")


_ORG_WORDS = {
    "lp", "llc", "inc", "corp", "corporation", "ltd", "limited", "fund", "funds", "trust", "partners",
    "partnership", "capital", "management", "holdings", "holding", "group", "company", "co", "gp", "llp",
    "plc", "sa", "ag", "nv", "bv", "foundation", "associates", "ventures", "venture", "advisors", "advisers",
    "investments", "investment", "bank", "lllp", "master", "opportunities", "equity", "international",
    "financial", "securities", "technologies", "trustees", "estate", "ugp", "pllc", "se", "gmbh",
    "sarl", "spa", "ulc", "asset", "assets", "global", "aggregator", "family", "enterprises", "industries",
    "services", "systems", "university", "endowment", "plan", "retirement", "pension", "llc.", "incorporated",
}
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv", "v", "vi", "md", "phd", "esq", "cpa"}
# words that begin a surname and are never a given name ("VAN DEN BERG", "DE LA CRUZ", "VON ...")
_SURNAME_PARTICLES = {"van", "von", "de", "der", "den", "del", "della", "da", "di", "dos", "das", "ter", "ten", "st",
                      "st."}
_SECOND_PARTICLES = {"la", "le", "las", "los", "du"}  # only after a first particle: "DE LA", "VAN DE"


def _words(name: str) -> list[str]:
    return _NON_WORD.sub(" ", name.lower()).split()


_FRACTION = re.compile(r"(\d[\d,]*)?\s*(\d+)/(\d+)")


def cell_value(s: str, kind: str = "text") -> str:
    """A cell's text as the XML document model holds its value (for the loaders of renderings: the ASCII era's
    text forms, the SEC's HTML pages): "num" a plain number ("$1,234.50" is "1234.50", "(2,500)" is "-2500",
    "13 7/8", a price in eighths before 2001, is "13.875"), "date" an ISO date; the text itself when it is not one."""
    if kind == "num":
        s2 = s.replace("$", "").strip()
        if s2.startswith("(") and s2.endswith(")"):
            s2 = "-" + s2[1:-1].strip()
        fm = _FRACTION.fullmatch(s2)
        whole = parse_decimal(fm.group(1) or "0") if fm else None
        if fm and whole is not None and int(fm.group(3)) and len(fm.group(2) + fm.group(3)) <= 12:
            d = whole + Decimal(fm.group(2)) / Decimal(fm.group(3))
        else:
            d = parse_decimal(s2)
        return format(d, "f") if d is not None else s
    if kind == "date":
        d = parse_date(s)
        return d.isoformat() if d else s
    return s


def looks_like_org(name: str) -> bool:
    w = _words(name)
    return (not _ORG_WORDS.isdisjoint(w) or len(w) == 1 or "&" in name or _DIGITS3.search(name) is not None
            or _LEGAL_DOTS.search(name) is not None)


def _cap(word: str) -> str:
    if not word.isupper() or len(word) <= 1:
        return word
    if word.rstrip(".,").lower() in _SUFFIXES and word.rstrip(".,").lower() not in ("jr", "sr", "md", "phd", "esq"):
        return word  # roman numerals stay upper case
    out = "-".join(p[:1] + p[1:].lower() for p in word.split("-"))
    m = _MC_PREFIX.match(out)
    if m and len(out) > 3:
        out = m[1] + m[2].upper() + m[3]
    return out


def display_name(name: str, is_org: bool = False) -> str:
    """'THIEL PETER' -> 'Peter Thiel'; 'McGuirk Richard L' -> 'Richard L McGuirk';
    'Foster, Alan H.' -> 'Alan H. Foster'; 'AULT MILTON C III' -> 'Milton C Ault III';
    'VAN DER BERG PIETER' -> 'Pieter Van Der Berg'.
    Organizations are returned as filed."""
    name = " ".join(name.split())
    if is_org:
        return name
    if "," in name:
        last, rest = name.split(",", 1)
        parts = rest.split()
        suf = []
        while parts and parts[-1].rstrip(".,").lower() in _SUFFIXES and len(parts) > 1:
            suf.insert(0, parts.pop())
        words = parts + last.split() + suf
    else:
        parts = name.split()
        if len(parts) < 2:
            return " ".join(_cap(w) for w in parts) if name.isupper() else name
        suf = []
        while len(parts) > 2 and parts[-1].rstrip(".,").lower() in _SUFFIXES:
            suf.insert(0, parts.pop())
        # a surname with its particles: "VAN DER BERG PIETER" -> "Pieter Van Der Berg", "de Sousa Luis"
        n = 0
        while n < len(parts) and (parts[n].lower() in _SURNAME_PARTICLES or
                                  (n and parts[n].lower() in _SECOND_PARTICLES)):
            n += 1
        if n and n >= len(parts) - 1:
            words = parts + suf  # only a surname ("DE JONG", "DE LA CRUZ")
        else:
            words = parts[n + 1:] + parts[:n + 1] + suf
    all_upper = name.upper() == name
    return " ".join(_cap(w) if all_upper else w for w in words)


@lru_cache(maxsize=8192)
def _org_norm(name: str) -> str:
    return normalize_name(name.replace(".", ""))


def _same_holder(a: str, b: str) -> bool:
    """Can two names of a record holder mean the same entity ("Smith Trust" / "the John A. Smith Revocable
    Trust")?  The words of the shorter, legal forms aside, all appear in the longer."""
    wa, wb = (set(_words(n.replace(".", ""))) - _HOLDER_FORM_WORDS for n in (a, b))
    if not wa or not wb:
        return True
    return wa <= wb or wb <= wa


_HOLDER_FORM_WORDS = frozenset(("lp", "llc", "inc", "ltd", "limited", "corp", "llp", "plc", "gp", "the", "l", "p"))


@lru_cache(maxsize=8192)
def _sec_norm(title: str) -> str:
    return normalize_name(title, NodeKind.SECURITY)


@lru_cache(maxsize=8192)
def _person_key(name: str) -> frozenset[str]:
    return frozenset(w for w in _words(name) if w not in ("mr", "mrs", "ms", "dr") and len(w) > 1)


# ----------------------------------------------------------------- footnote mining

_ABBREV = {"inc", "co", "corp", "ltd", "l", "p", "llc", "n", "a", "u", "s", "mr", "mrs", "ms", "dr", "jr", "sr",
           "no", "st", "dtd", "f", "b", "o", "c", "e", "i", "g", "sa", "nv", "bv", "vs", "etc", "ave"}


_LEGAL_ABBREV = {"inc", "ltd", "corp", "co", "llc", "p", "c"}


def _sentence_ends(text: str) -> list[re.Match]:
    """``list(_SENT_END.finditer(text))``: the pattern tried at each "." and ";" (found with ``str.find``)
    from the end of the previous match, instead of at every position."""
    at = []
    i = text.find(".")
    while i >= 0:
        at.append(i)
        i = text.find(".", i + 1)
    if ";" in text:
        i = text.find(";")
        while i >= 0:
            at.append(i)
            i = text.find(";", i + 1)
        at.sort()
    out = []
    pos = 0
    match = _SENT_END.match
    for i in at:
        if i >= pos:
            m = match(text, i)
            if m:
                out.append(m)
                pos = m.end()
    return out


_ENUM_MARK = re.compile(r"\((?:[ivx]{1,4}|[a-h]|\d)\)\s")


def sentences(text: str) -> list[str]:
    """Split footnote prose into sentences without breaking 'L.P.', 'Inc.', initials."""
    out, start = [], 0
    for m in _sentence_ends(text):
        i = m.start()
        if text[i] == ";" and text[m.end():m.end() + 1] == "(" and _ENUM_MARK.match(text, m.end()):
            continue  # "...; (ii) the general partner of ...": the next item of an enumeration
        if text[i] == ".":
            j = i
            while j > start and (text[j - 1].isalnum()):
                j -= 1
            word = text[j:i].lower()
            if text[m.end():m.end() + 1] == "(" and (word in _ABBREV or len(word) == 1):
                continue  # "Fund VI, L.P. (GFVI) and ...": the name's abbreviation follows, no new sentence
            # "p" and "c" end "L.P." and "L.L.C." only: a lone capital before a dot is an initial ("Michael P.")
            if word in _LEGAL_ABBREV and (len(word) > 1 or text[j - 1:j] == ".") \
                    and _VERB_BEFORE.search(text, start, j):
                pass  # "... a director of SC US (TTGP), Ltd. SC US (TTGP), Ltd. is ...": a sentence ends here
            elif word in _ABBREV or (len(word) == 1 and not word.isdigit()):
                continue  # a lone letter is an initial; a lone digit ends a sentence ("... of Fund 1. Each ...")
        out.append(text[start:i + 1].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return out


_DEF_RE = re.compile(
    r"(?P<name>(?:[A-Z0-9][\w.&'’,\-]*\s+){0,12}?[A-Z0-9][\w.&'’\-]*\.?)\s*\((?:the\s+|collectively,?\s+(?:the\s+)?)?"
    r"[\"“](?P<alias>[^\"”]{1,40})[\"”]\)"
)
_OTHER_SPACE = re.compile(r"[^\S ]")  # whitespace other than " "


def _single_spaced(text: str) -> bool:
    """Every whitespace run of ``text`` is one " " (footnotes are normalized so)."""
    # printable ASCII has no whitespace but " " (isascii is O(1); the class scan is the fallback)
    return "  " not in text and (text.isascii() and text.isprintable() or not _OTHER_SPACE.search(text))


# the part of _DEF_RE from its "(": where a definition can end
_DEF_TAIL = re.compile(r"\((?:the\s+|collectively,?\s+(?:the\s+)?)?[\"“][^\"”]{1,40}[\"”]\)")


def _definitions(text: str) -> list[re.Match]:
    """``list(_DEF_RE.finditer(text))``, found from the definitions' ends.

    A regex scan tries the name part (up to 13 words, lazily) at every position of the text; here it is
    tried only just before a ``(`` where a definition can end.  A match's name cannot contain "(", so it
    ends at the first "(" after its start, and it spans at most 13 whitespace runs: on text whose
    whitespace is single spaces (footnotes are normalized so), its start lies after the 14th space before
    that "(".  Positions are tried left to right from the end of the previous match, as ``finditer`` does,
    so the matches are the same.  Other text takes the plain scan."""
    if not _single_spaced(text):
        return list(_DEF_RE.finditer(text))
    out: list[re.Match] = []
    pos = 0
    q = text.find("(")
    while q >= 0:
        if q >= pos:
            tail = _DEF_TAIL.match(text, q)
            if tail:
                p = q
                for _ in range(14):
                    p = text.rfind(" ", 0, p)
                    if p < 0:
                        break
                # a match in this window ends where the tail does (the same pattern from the same "(")
                m = _DEF_RE.search(text, max(p + 1, pos), tail.end())
                if m:
                    out.append(m)
                    pos = m.end()
        q = text.find("(", q + 1)
    return out


_DEFPAREN = re.compile(r"\s*\((?:the\s+|collectively,?\s+(?:the\s+)?|together\s+with\s+[^()\"“]{1,160}?,\s+"
                       r"(?:the\s+)?)?[\"“][^\"”]{1,40}[\"”]\)")
# the role words, matched in any case ("a Director of", "the Managing Member of"); "limited partner" is a
# link of a chain ("X is the sole limited partner of Y, which is the sole member of Z") but no control basis
_ROLE_WORDS_RX = (r"(?i:(?:sole\s+)?(?:member|owner|shareholder|stockholder)|(?:sole\s+|ultimate\s+|co-)?general\s+partner|"
                  r"(?:sole\s+)?managing\s+member|(?:sole\s+)?manager|(?:co-|sole\s+)?trustee|authorized\s+person|"
                  r"investment\s+(?:manager|adviser|advisor)|director|president|chief\s+executive\s+officer|"
                  r"managing\s+director|managing\s+partner|(?:sole\s+)?limited\s+partner|"
                  r"controlling\s+(?:stockholder|shareholder))")
_ROLE = (r"(?:a\s+|the\s+|an\s+|its\s+|their\s+|one\s+of\s+(?:the\s+|its\s+|their\s+)?)*"
         r"(?P<role>" + _ROLE_WORDS_RX + r")"
         # "a director and stockholder of": the first role is the basis
         r"(?:\s+and\s+(?:a\s+|the\s+|an\s+)?" + _ROLE_WORDS_RX + r"(?=s?\s+(?:of|to|for)\s))?")
_ROLE_BASIS = {
    "general partner": "general partner", "managing member": "managing member", "manager": "manager",
    "trustee": "trustee", "authorized person": "authorized person", "investment manager": "investment manager",
    "investment adviser": "investment manager", "investment advisor": "investment manager",
    "director": "director", "president": "officer", "chief executive officer": "officer",
    "managing partner": "managing partner",
    "sole member": "sole member", "sole owner": "sole owner", "sole shareholder": "sole owner",
    "sole stockholder": "sole owner",
    "controlling stockholder": "controlling stockholder", "controlling shareholder": "controlling shareholder",
}


def _basis(role: str) -> str | None:
    r = " ".join(role.lower().split())
    if r in _ROLE_BASIS:
        return _ROLE_BASIS[r]
    return _ROLE_BASIS.get(_ROLE_QUALIFIER.sub("", r))


# the subject: "the Reporting Person(s)", or up to 13 capitalised words, of which all but the first may be numbers
# ("Fund 1 Investments, LLC", "Acme 2010 Partners, L.P.")
_SUBJ = (r"(?P<subj>(?i:the\s+reporting\s+persons?)|[A-Z(][\w.&'’()\-]*|[A-Z(][\w.,&'’()\-]*\s+"
         r"(?:(?:[A-Z(][\w.,&'’()\-]*|\d[\w.&'’\-]*,?)\s+){0,11}?(?:[A-Z(][\w.&'’()\-]*|\d[\w.&'’\-]*))")
_OBJ_END = (r"(?=,\s+which\s+|,\s+(?:the|a|an|its)\s+|\s+and\s+may\b|,?\s+may\s+be\b|,\s+may\b|\s+(?:and\s+|which\s+)(?:directly\s+|"
            r"indirectly\s+)?(?:holds?|owns?)\b|,?\s+or\s+collectively|,\s+(?:and\s+)?(?:accordingly|as\s+such)\b|"
            r";|\.\s*$|$)")
_FOR_WHICH_RE = re.compile(r"(?:for|of)\s+which\s+(?P<who>(?i:the\s+reporting\s+persons?)|[A-Z][\w.,&'’\- ]{1,80}?)"
                           r"\s+(?:is|are|serves\s+as)\s+(?:both\s+)?" + _ROLE)
_IS_ROLE_TAIL = r"\s+(?:is|are|serves\s+as|acts\s+as)\s+(?:each\s+)?" + _ROLE + r"s?\s+(?:of|to|for)\s+"
_IS_ROLE_RE = re.compile(_SUBJ + _IS_ROLE_TAIL + r"(?:each\s+of\s+)?(?P<obj>.+?)" + _OBJ_END)
_IS_ROLE_NEED = re.compile(_IS_ROLE_TAIL)  # what follows the subject: where a statement can be
_WHICH_IS_RE = re.compile(r",\s+which\s+is\s+(?:each\s+)?" + _ROLE + r"s?\s+(?:of|to)\s+(?:each\s+of\s+)?"
                          r"(?P<obj>.+?)" + _OBJ_END)
_APPOS_RE = re.compile(r"(?P<subj>[A-Z(][\w.&'’()\-]*(?:[ ,]+[A-Z(0-9][\w.&'’()\-]*){0,12}),\s+"
                       r"(?:as\s+)?(?:the|a|an|its)\s+" + _ROLE + r"\s+of\s+(?P<obj>[A-Z(].+?)" + _OBJ_END)
# what follows the subject of _APPOS_RE: no match without it ("X, the general partner of", "X, as the ... of")
_APPOS_NEED = re.compile(r",\s+(?:as\s+)?(?:the|a|an|its)\s+" + _ROLE + r"\s+of\s+[A-Z(]")
# "Columbia Insurance Company, a subsidiary of Berkshire Hathaway Inc.", "X is a wholly-owned subsidiary of Y":
# the parent controls the subsidiary
_NAME_RUN = r"[A-Z(][\w.&'’()\-]*(?:[ ,]+[A-Z(0-9][\w.&'’()\-]*){0,12}"
_SUBSIDIARY_RE = re.compile(r"(?P<subj>" + _NAME_RUN + r")(?:,\s+|\s+(?:is|are)\s+)(?:a|an|the|its)\s+"
                            r"(?:(?:direct|indirect)\s+)?(?P<wholly>wholly[-\s]owned\s+)?subsidiar(?:y|ies)\s+of\s+"
                            r"(?P<obj>[A-Z(].+?)" + _OBJ_END)
_ISSUER_WORDS = frozenset(("issuer", "the issuer", "company", "the company"))  # the issuer: not a parent or a fund
# what follows the subject of _SUBSIDIARY_RE / _APPOINTED_RE: where a statement can be
_SUBSIDIARY_NEED = re.compile(r"(?:,\s+|\s+(?:is|are)\s+)(?:a|an|the|its)\s+(?:(?:direct|indirect)\s+)?"
                              r"(?:wholly[-\s]owned\s+)?subsidiar")
_APPOINTED_NEED = re.compile(r",?\s+(?:which|who)\s+(?:has\s+been|have\s+been|is|was)\s+appointed\b")


def _near_matches(rx: re.Pattern, need: re.Pattern, s: str):
    """``rx.finditer(s)`` for a pattern whose subject (a run of at most 13 names, which cannot contain what
    ``need`` matches) ends where ``need`` matches: a match that starts before the next ``need`` match ends its
    subject there, within 12 whitespace runs of it, so each search starts 14 spaces before it and positions
    further back are not scanned.  Text whose whitespace is not single spaces takes the plain scan."""
    if not _single_spaced(s):
        yield from rx.finditer(s)
        return
    pos = 0
    while True:
        n = need.search(s, pos)
        if n is None:
            return
        p = n.start()
        for _ in range(14):
            p = s.rfind(" ", 0, p)
            if p < 0:
                break
        m = rx.search(s, max(p + 1, pos))
        if m is None:
            return
        yield m
        pos = m.end()


# "SB Global Advisers Limited, which has been appointed as manager ... of SoftBank Vision Fund II-2 L.P.'s
# investments": the manager of a fund's investments controls the fund
_APPOINTED_RE = re.compile(r"(?P<subj>" + _NAME_RUN + r"),?\s+(?:which|who)\s+(?:has\s+been|have\s+been|is|was)\s+"
                           r"appointed\s+(?:as\s+)?(?:the\s+|a\s+|an\s+|its\s+)?(?P<role>(?:sole\s+)?manager|"
                           r"investment\s+(?:manager|adviser|advisor))\b(?:\s+(?:of|to|for)\s+(?P<obj>[A-Z(].+?)" + _OBJ_END +
                           r"|[^.;]{0,200}?\bof\s+(?P<obj2>[A-Z(][^;]{0,120}?)['’]s?\s+(?:investments|assets|portfolio)\b)")


# "X is controlled by Y", "X, which is wholly owned by Y", "X is controlled by an entity that is controlled by the
# reporting person and the reporting person's spouse": Y controls X (through the unnamed entity: indirectly).  The
# need pattern is what follows X; X is the capitalised run before it
_CONTROLLED_NEED = re.compile(r"(?:(?:,\s+(?:which|who))?\s+(?:is|are)|,\s+an?\s+(?:entity|corporation|company|limited\s+"
                              r"liability\s+company|(?:limited\s+)?partnership|trust|LLC)(?:\s+(?:that|which)\s+is)?)"
                              r"\s+(?P<adv>(?:solely|jointly|ultimately|indirectly|"
                              r"directly)\s+)?(?P<how>controlled|wholly[-\s]owned)\s+(?:(?:solely|jointly|indirectly|"
                              r"ultimately)\s+)?by\s+")
_CONTROLLED_VIA = re.compile(r"(?:an?|another)\s+(?:entity|entities|company|trust|partnership|corporation|limited\s+"
                             r"liability\s+company)\s+(?:that|which)\s+(?:is|are)\s+(?:(?:solely|jointly|ultimately|"
                             r"wholly)\s+)?(?:controlled|(?:wholly[-\s])?owned)\s+by\s+", re.I)
# "the Reporting Person as trustee of X", "the Reporting Person, in his capacity as general partner of Y"
_RP_AS_ROLE = re.compile(r"(?P<rp>(?i:reporting\s+persons?)),?\s+(?:(?:in\s+(?:his|her|its|their)\s+capacity\s+)?as|"
                         r"(?:holds|hold)\s+(?:these|the|such)\s+(?:shares|securities)\s+in\s+(?:his|her|its|their)\s+"
                         r"capacity\s+as)\s+(?:the\s+|a\s+|an\s+)?(?P<role>(?i:(?:sole\s+|co-)?trustee|(?:sole\s+)?general\s+"
                         r"partner|(?:sole\s+)?managing\s+member|(?:sole\s+)?manager))s?\s+of\s+(?:the\s+)?(?P<obj>[A-Z0-9].+?)"
                         + _OBJ_END)
_CONTROLLED_OBJ = re.compile(r"(?P<obj>.+?)" + _OBJ_END)
_CONTROLLED_WORDS = ("controlled by", "owned by")  # what _CONTROLLED_NEED needs (lower-cased, single-spaced)

def _is_role_matches(c: str):
    """``_IS_ROLE_RE.finditer(c)``, each search started near the next place a statement can be (the subject,
    up to 13 capitalised words or "the reporting person(s)", cannot contain "is", "are", "serves" or "acts")."""
    return _near_matches(_IS_ROLE_RE, _IS_ROLE_NEED, c)


_POWER_HINT = re.compile(r"\b(?:power|authority|discretion|control)\b", re.I)
_ROLE_WORD = re.compile(r"partner|member|manager|trustee|director|president|officer|owner|holder|shareholder|"
                        r"stockholder|authori[sz]ed|advis[eo]r", re.I)
_STATEMENT_HINT = re.compile(r"partner|member|manager|trustee|TTEE|director|president|officer|owner|holder|"
                             r"authori[sz]ed|advis[eo]r|power|committee|control", re.I)
# the words of the two hints above, for a plain substring test on lower-cased text
_ROLE_WORDS_LOW = ("partner", "member", "manager", "trustee", "director", "president", "officer", "owner", "holder",
                   "shareholder", "stockholder", "authorised", "authorized", "adviser", "advisor")
_STATEMENT_WORDS = ("partner", "member", "manager", "trustee", "ttee", "director", "president", "officer", "owner",
                    "holder", "authorised", "authorized", "adviser", "advisor", "power", "committee", "control")
# characters that case-insensitive matching equates with ASCII letters (then only the pattern can tell)
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _has_hint(text: str, rx: re.Pattern, words: tuple[str, ...]) -> bool:
    """``rx.search(text)`` for a case-insensitive alternation of plain ``words``, as substring tests."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return rx.search(text) is not None
    return any(map(text.lower().__contains__, words))


def _may_hold(text: str, words: tuple[str, ...]) -> bool:
    """False only when a case-insensitive pattern that needs one of ``words`` cannot match ``text``: a
    cheap test to skip the pattern's scan."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return True
    return any(map(text.lower().__contains__, words))


_POWER_WORDS = ("power", "authority", "discretion", "control")  # what _POWER_HINT needs
_DISCLAIM_WORDS = ("disclaim", "except")  # what _DISCLAIM_RE needs


_CLAUSE_RE = re.compile(r";\s*|,?\s+and\s+(?=(?:(?i:the\s+reporting\s+persons?)|[A-Z][\w.,&'’()\-]*"
                        r"(?:\s+[A-Z(][\w.,&'’()\-]*){0,10})\s+(?:is|are|serves)\s)")


def _clauses(s: str) -> list[str]:
    """``_CLAUSE_RE.split(s)``, trying the pattern only where a clause break can start.

    A break is ";" or "and" after whitespace (and an optional comma): such a match starts at the ";", or
    at the comma or first whitespace character before an "and" (a start inside that run would match
    the same way).  Those places are found with ``str.find`` and tried left to right from the end of the
    previous break, as ``split`` does; a regex scan of every position costs more than the few tries."""
    starts = []
    i = s.find(";")
    while i >= 0:
        starts.append(i)
        i = s.find(";", i + 1)
    a = s.find("and")
    while a >= 0:
        j = a
        while j > 0 and s[j - 1].isspace():
            j -= 1
        if j < a:
            if j > 0 and s[j - 1] == ",":
                j -= 1
            starts.append(j)
        a = s.find("and", a + 1)
    if not starts:
        return [s]
    starts.sort()
    out = []
    pos = 0
    for st in starts:
        if st < pos:
            continue
        m = _CLAUSE_RE.match(s, st)
        if m:
            out.append(s[pos:st])
            pos = m.end()
    out.append(s[pos:])
    return out


_WHICH_HOLDS_TAIL = (r",?\s+which\s+(?:directly\s+|indirectly\s+)?(?:holds|owns|is\s+the\s+(?:record|direct)\s+"
                     r"(?:holder|owner)\s+of)\s+(?:the|these|such|all)\s+")
_WHICH_HOLDS_RE = re.compile(r"(?P<name>[A-Z(0-9][\w.&'’()\-/]*(?:[ ,]+[A-Z(0-9][\w.&'’()\-/]*){0,15})" +
                             _WHICH_HOLDS_TAIL)
# the part after the name: no match without it (the name scan, tried at every position, is the slow part)
_WHICH_HOLDS_NEED = re.compile(_WHICH_HOLDS_TAIL)


# Where a holder's name stops: "(", ";", or (after a comma and/or spaces) "for which", "of which", "which",
# "who", "a"/"an" (comma), "and may", "and has/have/is/are/as", "may be", "is", "are", "as" (comma),
# "or collectively" (comma), "and ,", "accordingly" (comma), "and" before a lower-case word.  Grouped by
# what follows the spaces, so each position tries the comma and space branches once (the split point --
# the leftmost place any alternative matches -- is the same as with the alternatives listed flat).
# Every stop starts at a space, "(", "," or ";": the lookahead only saves time.
_NAME_STOP = re.compile(
    r"(?=[\s(,;])\s*(?:\((?![A-Z][\w.&'’\- ]{0,30}\)\s+[A-Z])|;|"
    r",\s+(?:for\s+which\b|of\s+which\b|which\b|who\b|an?\s|and\s+may\b|and\s+(?:has|have|is|are|as)\b|as\s|"
    r"or\s+collectively|accordingly\b)|"
    r"\s+(?:for\s+which\b|of\s+which\b|which\b|who\b|and\s+may\b|and\s+(?:has|have|is|are|as)\b|may\s+be\b|is\s|"
    r"are\s|and\s*,|and\s+(?=[a-z])))"
)
_GENERIC = {
    "trust", "trusts", "fund", "funds", "llc", "lp", "partnership", "limited", "spouse", "wife", "husband",
    "children", "child", "son", "sons", "daughter", "daughters", "ira", "family", "footnote", "footnotes", "see",
    "by", "the", "reporting", "person", "persons", "plan", "k", "401", "corporation", "company", "estate", "gp",
    "minor", "custodian", "held", "in", "of", "for", "a", "an", "and", "his", "her", "their", "its", "as",
    "member", "members", "entity", "entities", "affiliates", "affiliate", "llcs", "partnerships", "note",
    "indirect", "direct", "through", "via", "co", "inc", "corp", "roth", "sep", "account", "accounts", "joint",
    "jointly", "with", "tenants", "tenant", "revocable", "irrevocable", "living", "grantor", "annuity",
    "retained", "foundation", "charitable", "remainder", "unitrust", "gift", "gifts", "other", "shares",
    "owned", "owner", "deferred", "compensation", "esop", "profit", "sharing", "savings", "retirement",
    "pension", "managed", "investment", "vehicle", "ltd", "partner", "partners", "general", "limited",
    "grat", "grats", "ira", "iras", "utma", "ugma", "esop", "rrsp", "401k", "k", "spouses", "childrens", "childs",
    "wifes", "husbands", "sons", "daughters", "custodial", "custodians", "kids", "parents", "mother", "father",
}


def _clean_entity(name: str) -> str | None:
    s = " ".join(name.split()).strip(" ,;:\"“”'")
    if s.startswith(("the", "each")):
        s = _LEADING_THE.sub("", s)
    if "," in s:
        s = _SPACE_COMMA.sub(",", s)
    # a kept final dot ends "X." or "Inc." ... "L.L.C.": a match starts within the last 6 characters
    if s.endswith(".") and not _KEEP_FINAL_DOT.search(s, max(0, len(s) - 8)):
        s = s[:-1].rstrip(" ,")
    return s or None


_NAME_LOWER_OK = {"of", "and", "for", "f/b/o", "fbo", "dated", "dtd", "u/t/d", "u/a", "uad", "de", "la", "du", "der",
                  "van", "von", "the", "&", "in", "trust", "fund", "partners", "l.p.", "lp", "llc", "inc.", "ltd."}


def _cut_lower(name: str) -> str:
    """Cut a name at the first lower-case word that cannot be part of it ('SC 2010 Funds except ...')."""
    words = name.split()
    for i, w in enumerate(words):
        if w[:1].islower() and w.lower().strip(",.") not in _NAME_LOWER_OK:
            return " ".join(words[:i])
    return name


_WORD_RE = re.compile(r"[\w'’]+")


def _is_proper(name: str) -> bool:
    """Some word is capitalised, and some capitalised or numeric word is not a generic one ('Trust',
    'Family', 'the', ...): a proper name, not 'the family trust'.  Possessives count as their plural."""
    words = _WORD_RE.findall(name)
    if "'" in name or "’" in name:
        words = [w[:-2] + "s" if w.endswith(("'s", "’s")) else w for w in words]
    upper = specific = False
    for w in words:
        c = w[:1]
        if c.isupper():
            upper = True
        elif not c.isdigit():
            continue
        if not specific and w.lower() not in _GENERIC:
            specific = True
        if upper and specific:
            return True
    return False


@lru_cache(maxsize=4096)
def holder_from_nature(nature: str | None) -> tuple[str | None, str | None]:
    """'By DM Trust Aggregator, LLC' -> ('DM Trust Aggregator, LLC', None);
    'Eschenbach Family Trust dtd 4/15/2014, Carl Eschenbach Jr and Ana Eschenbach TTEE'
    -> ('Eschenbach Family Trust', 'trustee'); 'By Trust' -> (None, None)."""
    if not nature:
        return None, None
    s = " ".join(nature.split())
    basis = "trustee" if _TTEE.search(s) and _TRUST.search(s) else None
    s = _NATURE_MARKS.sub("", s)
    if _NATURE_REFERENCE.match(s):
        return None, None  # "See footnote (2)", "Footnote 3", "See Remarks", "F1": a pointer, not a holder
    s = _NATURE_BY.sub("", s)
    s = _NATURE_CUT.split(s, maxsplit=1)[0]
    s = _NATURE_FN_NOTE.sub("", s)
    s = s.strip(" ,;")
    if not s or len(s) < 3 or not _is_proper(s) or not _names_something(s):
        return None, None
    return s, basis


def _names_something(s: str) -> bool:
    """Some word of a nature of ownership is neither generic, nor a bare number, nor the owner's capacity: "2012
    Trust", "GRAT #2", "Indirect", "As Trustee" name no one; "Smith Family Trust", "Fund II", "5AM Ventures" do."""
    for w in _WORD_RE.findall(s):
        lw = w.lower()
        if w[:1].isupper() and lw not in _GENERIC and lw not in _CAPACITY_WORDS:
            return True
        if w[:1].isdigit() and not w.isdigit() and not _ORDINAL.fullmatch(lw):
            return True
    return False


# a footnote that starts with its holder: "By the Doe Trust, of which ...", "Through Doe Holdings LLC."
_BY_START = re.compile(r"(?:By|Through)\s+(?:the\s+)?(?P<rest>[A-Z0-9].*)$")
# "Doe Capital LLC is the record owner of these shares", "... are the direct holders of the securities"
_IS_RECORD_HOLDER = re.compile(r"(?:The\s+)?(?P<name>[A-Z0-9][^;:]{1,150}?)\s+(?:is|are)\s+the\s+(?:sole\s+)?"
                               r"(?:record|direct|registered|legal)\s+(?:and\s+beneficial\s+)?(?:holder|owner)s?\s+"
                               r"of\s+(?:the|these|such|all|those)\b")
# a footnote sentence that is only a name and a relative clause: "The X Trust dated ..., for which the reporting
# person is trustee."
_NAMED_ONLY = re.compile(r"(?:The\s+)?(?P<name>[A-Z0-9][^;:()]{1,150}?),?\s+(?:for|of)\s+which\s+(?P<tail>.*)$")
# the main verb after a relative clause: "X, of which the RP is trustee, is the general partner of Y"
_MAIN_VERB_AFTER = re.compile(r",\s+(?:is|are|was|were|serves|acts|has|have|may|holds|owns)\b")
_HELD_RE = re.compile(
    r"\b(?:held|owned|registered)\s+(?:of\s+record\s+|directly\s+|indirectly\s+)?"
    r"(?:by|through|for\s+the\s+(?:benefit|account)\s+of|in\s+the\s+name\s+of)\s+(?P<rest>.+)$", re.I
)
_DISCLAIM_RE = re.compile(r"\bdisclaims?\b|\bexcept\s+to\s+the\s+extent\b", re.I)
_SHARES_FIRST_RE = re.compile(r"^(?:these\s+|the\s+)?(?:shares|securities)", re.I)


def _split_list(text: str) -> list[str]:
    """'A, LP, B and C' -> ['A, LP', 'B', 'C'] (legal-form fragments rejoin their name)."""
    parts = _LIST_SEP.split(text)
    out: list[str] = []
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if out and _LEGAL_FORM.fullmatch(p):
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out


# ", which is a publicly traded company listed on ...," between a subject and its verb: a description
_DESCRIPTION = re.compile(r",\s+which\s+(?:is|are)\s+(?:a|an)\s+(?P<d>[^,;()]{1,160}),(?=\s+(?:is|are)\s)")
# "X is (i) the general partner of A ...; (ii) the ... of B ...; and (iii) ..."
_ENUM_HEAD = re.compile(r"(?P<head>.+?\s(?:is|are|serves\s+as|acts\s+as))\s+\(i\)\s+")
_ENUM_ITEM = re.compile(r"[;,]?\s*(?:and\s+)?\((?:ii|iii|iv|v|vi|vii|viii|ix|x)\)\s+")
# a parenthetical after a name that is no part of it: an abbreviation "(GFVI)", "(GGF PF)" or "(collectively,
# the GFVI Funds)" followed by the end, "and", ";" or another parenthetical ("SC US (TTGP), Ltd." keeps its own)
_ABBREV_PAREN = re.compile(r"\s*\((?:[A-Z][\w&.\-]*(?:\s+[A-Z0-9][\w&.\-]*){0,3}|(?:collectively|together)\b[^)]*)\)"
                           r"(?=\s*(?:$|\(|;|and\b|,\s*(?:and|which|or)\b|\.\s*$))")
# "(collectively, the GFVI Funds)" without quotes: no definition, no name
_GROUP_PAREN = re.compile(r"\s*\((?:collectively|together)\b[^)]*\)")
# one item of an object list that states another role of the same subject: "the managing member of C"
_ROLE_OF = re.compile(_ROLE + r"\s+(?:of|to|for)\s+(?P<obj>.+)$")
_LEGAL_END = re.compile(r"(?:\b(?:Inc|Ltd|Corp|Co|L\.P|L\.L\.C|N\.V|S\.A|B\.V|P\.C)|\bL\.L\.C)$")


# "X, of which the Reporting Person is the managing member, is the general partner of Y": the inserted clause
# states a role of its own ("the Reporting Person is the managing member of X"), then X's main clause goes on
_OF_WHICH_ROLE = re.compile(
    r"(?P<x>[A-Z][\w.&'’\-]*(?:(?:\s+|,\s*(?=[A-Z]))(?:[A-Z0-9(][\w.&'’()\-]*|of|and|&))*),\s+(?:of|for)\s+which\s+"
    r"(?P<y>[^,;]{1,80}?)\s+(?P<verb>is|are|serves\s+as|act\s+as|acts\s+as|serve\s+as)\s+(?P<role>[^,;]{1,80}?),\s+"
    r"(?=(?:is|are|serves|acts)\s)")
_OF_WHICH_ROLE_NEED = re.compile(r",\s+(?:of|for)\s+which\s")


def _of_which_clauses(m: re.Match) -> str:
    return f"{m.group('y')} {m.group('verb')} {m.group('role')} of {m.group('x')}; {m.group('x')} "


def _drop_descriptions(s: str) -> str:
    """'X, which is a company listed on ..., is the sole shareholder of Y' -> 'X is the sole shareholder of Y'
    (a clause that states a role stays)."""
    return _DESCRIPTION.sub(lambda m: m.group(0) if _ROLE_WORD.search(m.group("d")) else "", s)


def _obj_text(c: str, m: re.Match) -> str:
    """The object of a role statement: its abbreviation parentheticals dropped, and the final dot of a legal
    form ("... of SC US (TTGP), Ltd.") that ended the sentence given back."""
    obj = m.group("obj")
    if c[m.end("obj"):m.end("obj") + 1] == "." and _LEGAL_END.search(obj):
        obj += "."
    if "(" in obj:
        obj = _ABBREV_PAREN.sub("", obj)
    return obj


class _Miner:
    """Resolves names inside one filing's footnotes and collects control statements."""

    def __init__(self, owners: list[dict], footnotes: dict[str, str]):
        self.owners = owners
        self.aliases: dict[str, str] = {}  # defined term -> full name
        self._owner_cache: dict[str, int | None] = {}
        self._holder_cache: dict[str, str | None] = {}
        self._subject_cache: dict[str, str | None] = {}
        self._sentences: dict[str, list[str]] = {}  # this filing's footnotes split once (never across filings)
        for text in footnotes.values():
            if '("' not in text and "(“" not in text and "(the " not in text and "collectively" not in text:
                continue
            for m in _definitions(text):
                before = text[max(0, m.start("name") - 30):m.start("name")].split()
                full = self._trim_def(m.group("name"), bool(before) and before[-1].isalpha() and before[-1].islower())
                alias = m.group("alias").strip()
                if full and alias and alias.lower() not in ("issuer", "company", "reporting person",
                                                            "reporting persons"):
                    self.aliases.setdefault(alias, full)

    @staticmethod
    def _trim_def(name: str, after_lower: bool = False) -> str | None:
        s = name.strip()
        # keep the trailing capitalised run: "These shares are held of record by Mithril LP" -> "Mithril LP"
        words = s.split()
        keep: list[str] = []
        mid_sentence = after_lower  # the run follows a lower-case word ("by"), not a sentence start
        for w in reversed(words):
            if keep and w.endswith(".") and len(w) > 2 and w[:-1].lower().rsplit(".", 1)[-1] not in _ABBREV:
                break  # the previous sentence ended here
            if w[:1].isupper() or w[:1].isdigit() or w.lower() in ("of", "and", "&", "de", "du", "la"):
                keep.insert(0, w)
            else:
                mid_sentence = True
                break
        # a capital "The" inside a sentence is part of the name ("held of record by The Founders Fund VII, LP");
        # at a sentence start it may be the article
        while keep and keep[0].lower() in ("of", "and", "&", "the") and not (mid_sentence and keep[0] == "The"):
            keep.pop(0)
        out = " ".join(keep).strip(" ,")
        return out or None

    def sentences(self, text: str) -> list[str]:
        out = self._sentences.get(text)
        if out is None:
            out = self._sentences[text] = sentences(text)
        return out

    def expand(self, name: str) -> str:
        n = name.strip()
        return self.aliases.get(n, n)

    def owner_index(self, name: str) -> int | None:
        """Which reporting owner a name means (full name in either order, or a unique surname)."""
        if name in self._owner_cache:
            return self._owner_cache[name]
        out = self._owner_index(name)
        self._owner_cache[name] = out
        return out

    def _owner_index(self, name: str) -> int | None:
        n = self.expand(name)
        if _THE_RP_OR_OWNER.fullmatch(n) and len(self.owners) == 1:
            return 0
        norm_org = _org_norm(n)
        pk = _person_key(n)
        for i, o in enumerate(self.owners):
            if o["kind"] == "Organization":
                if _org_norm(o["name"]) == norm_org:
                    return i
            elif pk and (pk == _person_key(o["name"]) or (len(pk) >= 2 and pk <= _person_key(o["name"]))):
                return i
        # surname or "Mr. Thiel"
        m = _SURNAME.fullmatch(n)
        if m:
            hits = [i for i, o in enumerate(self.owners) if o["kind"] == "Person"
                    and m.group(1).lower() in _words(o["name"])]
            if len(hits) == 1:
                return hits[0]
        return None

    def holder_in(self, text: str) -> str | None:
        if text in self._holder_cache:
            return self._holder_cache[text]
        out = self._holder_in(text)
        self._holder_cache[text] = out
        return out

    def _holder_in(self, text: str) -> str | None:
        for s in self.sentences(text):
            name = self._named_at_start(s)
            if name:
                return name
            low = s.lower()
            if "held" not in low and "owned" not in low and "registered" not in low:
                if "which" in low:
                    s2 = _DEFPAREN.sub("", s) if "(" in s else s
                    m2 = _WHICH_HOLDS_RE.search(s2) if _WHICH_HOLDS_NEED.search(s2) else None
                    if m2:
                        name = _clean_entity(self._trim_def(m2.group("name")) or "")
                        if name and _is_proper(name):
                            return self.expand(name)
                continue
            if _may_hold(s, _DISCLAIM_WORDS) and _DISCLAIM_RE.search(s) and not _SHARES_FIRST_RE.match(s):
                continue
            m = _HELD_RE.search(s)
            if not m:
                continue
            rest = m.group("rest")[:300]
            if rest.startswith("the "):
                rest = rest[4:]
            name = _NAME_STOP.split(rest, maxsplit=1)[0]
            name = _clean_entity(_cut_lower(name))
            if name and _THE_RP_ANY.fullmatch(name):
                continue
            if name and _is_proper(name) and len(name) < 160:
                return self.expand(name)
        return None

    def _named_at_start(self, s: str) -> str | None:
        """The record holder a footnote sentence names at its start without saying "held by": "By the Doe 2012
        Trust, of which the Reporting Person is a co-trustee."; "The Elon Musk Revocable Trust dated July 22, 2003,
        for which the reporting person is trustee." (a name and a relative clause, nothing else); "Doe Capital LLC
        is the record owner of these shares."."""
        if not s[:1].isupper():
            return None
        if "(" in s:
            s = _DEFPAREN.sub("", s)
        m = _BY_START.match(s)
        if m:
            rest = m.group("rest")[:300]
            name = _NAME_STOP.split(rest, maxsplit=1)[0]
            name = _clean_entity(_cut_lower(name))
        else:
            m = _IS_RECORD_HOLDER.match(s)
            if m:
                raw = m.group("name")
                name = _clean_entity(raw)
                if not name or _cut_lower(raw) != raw:
                    return None
            else:
                m = _NAMED_ONLY.match(s)
                if not m or _MAIN_VERB_AFTER.search(m.group("tail")):
                    return None
                raw = m.group("name")
                parts = _NAME_STOP.split(raw, maxsplit=1)
                if len(parts) > 1:
                    return None  # a verb or a clause inside: a statement, not a name
                name = _clean_entity(raw)
                if not name or _cut_lower(raw) != raw or not looks_like_org(name) or len(name.split()) < 2:
                    return None
        if not name or _THE_RP_ANY.fullmatch(name) or not _is_proper(name) or len(name) >= 160:
            return None
        return self.expand(name)

    def statements(self, text: str, holder: str | None) -> list[tuple[str, str, str, str]]:
        """(controller, controlled, basis, sentence) stated in the footnote."""
        out: list[tuple[str, str, str, str]] = []
        if not _has_hint(text, _STATEMENT_HINT, _STATEMENT_WORDS):
            # prices, vesting schedules, plan descriptions: no control statement to look for, but a subsidiary's
            if "ubsidiar" in text:
                for s in self.sentences(text):
                    if "ubsidiar" in s:
                        self._subsidiary_statements(_DEFPAREN.sub("", s) if "(" in s else s, out)
            # "X, which is wholly owned by Y" carries none of the hint words either
            if _may_hold(text, _CONTROLLED_WORDS):
                for s in self.sentences(text):
                    self._controlled_by_statements(_DEFPAREN.sub("", s) if "(" in s else s, out)
            return out
        for s in self.sentences(text):
            if "(" in s:
                s = _DEFPAREN.sub("", s)
                if "(collectively" in s or "(together" in s:
                    s = _GROUP_PAREN.sub("", s)
            if ", which " in s:
                s = _drop_descriptions(s)
            if " which " in s and _OF_WHICH_ROLE_NEED.search(s):
                s = _OF_WHICH_ROLE.sub(_of_which_clauses, s)
            enum = _ENUM_HEAD.match(s) if "(i) " in s else None
            if enum:
                # "X is (i) the general partner of A, which ...; (ii) the general partner of B ...": each item
                # is a statement of the same subject
                head = enum.group("head")
                for item in _ENUM_ITEM.split(s[enum.end():]):
                    if item:
                        self._role_statements(f"{head} {item}", s, holder, out)
            else:
                for clause in (_clauses(s) if ";" in s or "and" in s else (s,)):
                    self._role_statements(clause, s, holder, out)
            # "A and B have shared voting and investment power over the shares held by Y"
            m = None if not (_may_hold(s, _POWER_WORDS) and _POWER_HINT.search(s)) else _POWER_STMT.search(s)
            names = self._power_subjects(m.group("subj")) if m else None  # read once: both uses read it
            if names is not None:
                obj = self.holder_in(m.group("obj")) or (holder if _THESE_SHARES.search(m.group("obj")) else None)
                if obj:
                    for subj in names or []:
                        subj = self._subject(subj)
                        if subj:
                            out.append((subj, obj, "shared voting and investment power"
                                        if "shared" in s[:m.end("what") + 20].lower() or " and " in m.group("subj")
                                        else "voting and investment power", s))
            m = _VIRTUE_CONTROL.search(s) if "by virtue of" in s and "control" in s else None
            if m:
                subj, obj = self._subject(m.group("subj")), self._object(m.group("obj"))
                if subj and obj and obj.lower() not in _ISSUER_WORDS:
                    shared = (m.group("shared") or "").strip().lower()
                    out.append((subj, obj, "shared control" if shared in ("shared", "joint") else "control", s))
            if "ubsidiar" in s:
                self._subsidiary_statements(s, out)
            if _may_hold(s, _CONTROLLED_WORDS):
                self._controlled_by_statements(s, out)
            # "X, which has been appointed as manager ... of Y's investments": X controls Y
            if "appointed" in s:
                for m in _near_matches(_APPOINTED_RE, _APPOINTED_NEED, s):
                    subj = self._subject(m.group("subj").split(" of ")[-1])
                    obj = self._object(_obj_text(s, m) if m.group("obj") else m.group("obj2"))
                    basis = _basis(m.group("role"))
                    if subj and obj and basis and obj.lower() not in _ISSUER_WORDS:
                        out.append((subj, obj, basis, s))
            # "held by the Reporting Person as trustee of the X Trust", "in his capacity as general partner of Y"
            if " as " in s and "eporting" in s:
                for m in _RP_AS_ROLE.finditer(s):
                    basis = _basis(m.group("role"))
                    obj = self._object(_obj_text(s, m))
                    if basis and obj and obj.lower() not in _ISSUER_WORDS:
                        out.append(("the Reporting Persons" if m.group("rp").lower().endswith("s")
                                    else "the Reporting Person", obj, basis, s))
            # "Royan and Thiel are the members of the investment committee of GP LP"
            m = None if "committee" not in s else _COMMITTEE_STMT.search(s)
            names = self._names(m.group("subj")) if m else None
            if names is not None:
                obj = self._object(m.group("obj"))
                for subj in names or []:
                    subj = self._subject(subj)
                    if subj and obj:
                        out.append((subj, obj, "investment committee", s))
            # "The trust is in the name of the Reporting Person and his spouse, who are both trustees"
            if holder and "rustee" in s and _RP_TRUSTEES.search(s) and not _SPOUSE_TRUSTEE.search(s):
                out.append(("the Reporting Person", holder, "trustee", s))
        return out

    def _subsidiary_statements(self, s: str, out: list[tuple[str, str, str, str]]) -> None:
        """'X, a subsidiary of Y', 'X is a wholly owned subsidiary of Y': Y controls X."""
        for m in _near_matches(_SUBSIDIARY_RE, _SUBSIDIARY_NEED, s):
            sub = self._subject(m.group("subj").split(" of ")[-1])
            parent = self._object(_obj_text(s, m))
            if sub and parent and parent.lower() not in _ISSUER_WORDS:
                out.append((parent, sub, "wholly owned subsidiary" if m.group("wholly") else "subsidiary", s))

    def _controlled_by_statements(self, s: str, out: list[tuple[str, str, str, str]]) -> None:
        """'X is controlled by Y', 'X, which is wholly owned by Y', 'X is controlled by an entity that is controlled
        by the reporting person and his spouse': Y controls X.  A controller named only relative to another
        ("the reporting person's spouse") is no entity and is skipped; the issuer is never the controlled one."""
        s = " ".join(s.split())
        for n in _CONTROLLED_NEED.finditer(s):
            controlled = self._subject(s[max(0, n.start() - 200):n.start()].split(" of ")[-1])
            if not controlled or controlled.lower() in _ISSUER_WORDS:
                continue
            rest = s[n.end():]
            via = _CONTROLLED_VIA.match(rest)
            if via:
                rest = rest[via.end():]
            m = _CONTROLLED_OBJ.match(rest)
            if not m:
                continue
            how = n.group("how").lower()
            if "owned" in how:
                basis = "wholly owns"
            elif via or (n.group("adv") or "").strip().lower() == "indirectly":
                basis = "indirectly controlled by"
            else:
                basis = "controlled by"
            for item in _split_list(_OBJ_CUT.split(m.group("obj"))[0]):
                if _THE_RP_OR_OWNER.fullmatch(item.strip()):
                    controller = "the Reporting Person"
                elif "'s" in item or "’s" in item:
                    continue
                else:
                    controller = self._object(item)
                if controller and controller.lower() not in _ISSUER_WORDS:
                    out.append((controller, controlled, basis, s))

    def _role_statements(self, c: str, sent: str, holder: str | None,
                         out: list[tuple[str, str, str, str]]) -> None:
        """Roles stated in one clause: 'X is the general partner of Y[, which is the GP of Z]', 'Y, for which the
        Reporting Person is trustee', 'X, the managing member of Y'."""
        if not _has_hint(c, _ROLE_WORD, _ROLE_WORDS_LOW):
            return
        low = c.lower()
        for m in (_FOR_WHICH_RE.finditer(c) if "which" in low else ()):
            basis = _basis(m.group("role"))
            obj = self.holder_in(c[:m.start()] + ".") or self.holder_in(sent) or holder
            if basis and obj:
                out.append((self._subject(m.group("who")) or m.group("who"), obj, basis, sent))
        for m in (_is_role_matches(c) if (" is " in low or " are " in low or " serves " in low
                                          or " acts " in low) else ()):
            basis = _basis(m.group("role"))
            subj = self._subject(m.group("subj"))
            if not subj:
                continue
            objs = []
            for x in _split_list(_obj_text(c, m)):
                m_more = _ROLE_OF.match(x) if " of " in x else None
                if m_more:  # "X is a general partner of A and B, and the managing member of C"
                    o = self._object(m_more.group("obj"))
                    b_more = _basis(m_more.group("role"))
                    if o and b_more:
                        out.append((subj, o, b_more, sent))
                    continue
                o = self._object(x)
                if o:
                    objs.append(o)
            if basis:
                for o in objs:
                    out.append((subj, o, basis, sent))
            prev = objs[-1] if objs else None
            for m2 in _WHICH_IS_RE.finditer(c, m.end()):
                b2 = _basis(m2.group("role"))
                objs2 = [o for o in (self._object(x) for x in _split_list(_obj_text(c, m2))) if o]
                if prev and b2:
                    for o in objs2:
                        out.append((prev, o, b2, sent))
                prev = objs2[-1] if objs2 else prev
        for m in (_APPOS_RE.finditer(c) if _APPOS_NEED.search(c) else ()):
            basis = _basis(m.group("role"))
            subj = self._subject(m.group("subj").split(" of ")[-1])
            if not (basis and subj):
                continue
            for o in (self._object(x) for x in _split_list(_obj_text(c, m))):
                if o:
                    out.append((subj, o, basis, sent))

    def _power_subjects(self, text: str) -> list[str] | None:
        """The subjects of a power statement: 'A and B' (have ... power), or the subject of a first clause
        joined to it ('The Reporting Person is the beneficial owner of X and has sole voting ... power')."""
        names = self._names(text)
        if names is None:
            m = _FIRST_CLAUSE_SUBJ.match(text)
            if m:
                names = self._names(m.group(1))
        return names

    def _names(self, text: str) -> list[str] | None:
        """'Peter Thiel and Brian Singerman' -> both names; None when the text is not just a list of names."""
        t = _EACH_OF_BOTH.sub("", " ".join(text.split()).strip(" ,"))
        items = _split_list(t)
        if not items:
            return None
        for it in items:
            if _THE_RP.fullmatch(it) or it in self.aliases:
                continue
            for w in it.split():
                if not (w[:1].isupper() or w[:1].isdigit() or w[:1] == "(" or w.lower() in ("of", "&", "de")):
                    return None
        return items

    def _subject(self, text: str) -> str | None:
        """``_subject_of(text)``, worked out once per text in this filing (the aliases are fixed by then)."""
        try:
            return self._subject_cache[text]
        except KeyError:
            out = self._subject_cache[text] = self._subject_of(text)
            return out

    def _subject_of(self, text: str) -> str | None:
        t = " ".join(text.split()).strip(" ,")
        t = _AND_ALSO_EACH.sub("", t)
        if _THE_RP.fullmatch(t):
            return "the Reporting Persons" if t.lower().endswith("s") else "the Reporting Person"
        # drop a leading sentence fragment: keep the trailing capitalised run
        words = t.split()
        keep: list[str] = []
        for w in reversed(words):
            if w[:1].isupper() or w[:1].isdigit() or w[:1] == "(" or w.lower() in ("of", "and", "&"):
                keep.insert(0, w)
            else:
                break
        while keep and keep[0].lower() in ("of", "and", "&"):
            keep.pop(0)
        t = " ".join(keep)
        t = _TRAILING_PAREN.sub("", t) if _QUOTE_PAREN.search(t) else t
        t = _LEADING_DET.sub("", t)
        return self.expand(t) if t and _is_proper(t) or t in self.aliases else None

    def _object(self, text: str) -> str | None:
        t = " ".join(text.split()).strip(" ,")
        t = _OBJ_LEADING.sub("", t)
        t = _OBJ_DEFPAREN.sub("", t)
        t = _OBJ_CUT.split(t)[0].strip(" ,")
        t = _clean_entity(t) or ""
        if not t:
            return None
        if t in self.aliases:
            return self.aliases[t]
        if t.startswith("The ") and t[4:] in self.aliases:  # "of The Fund": the defined term "Fund"
            return self.aliases[t[4:]]
        return t if _is_proper(t) and len(t) < 160 else None


# ----------------------------------------------------------------- facts


def _num(cell: dict | None) -> Decimal | None:
    if not cell:
        return None
    v = cell["value"]
    if v is None:
        return None
    if v.isascii() and v.replace(".", "", 1).isdigit() and len(v) <= 40:  # the usual XML number: exact
        return Decimal(v)
    return parse_decimal(v)


def _date(cell: dict | None) -> dt.date | None:
    return _date_text(cell["value"]) if cell else None


def _date_text(v: str | None) -> dt.date | None:
    """``parse_date(v)``, with the XML's usual YYYY-MM-DD read directly."""
    if v is None:
        return None
    if len(v) == 10 and v[4] == "-" and v[7] == "-":
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            pass
    return parse_date(v)


# the first date after a word of vesting or exercise, in the same sentence
_VEST_DATE = re.compile(r"\b(?:vest|exercisab)\w*\b[^.;]*?\b(" + DATE_RE + r")", re.I)


def _vesting_date(footnotes: dict[str, str], ids: list[str]) -> dt.date | None:
    """The date the first of ``ids``'s footnotes that gives one says a tranche vests or becomes exercisable."""
    for fid in ids:
        text = footnotes.get(fid)
        if text:
            m = _VEST_DATE.search(text)
            if m:
                d = parse_date(m[1])
                if d is not None:
                    return d
    return None


# a date a footnote states for a derivative's expiration or exercisability, in so many words: "The options expire
# on May 12, 2030", "expiration date of May 12, 2030", "become exercisable on June 1, 2026", "vested in full on ..."
# (never a relative term: "expire ten years from the grant date", "exercisable in four annual installments
# beginning on ...", "the earlier of May 12, 2030 and ...")
_FN_EXPIRES = re.compile(r"\bexpir(?:e|es|ed|ing|ation\s+date\s+(?:is|of|will\s+be))\s+(?:on\s+)?(" + DATE_RE + r")",
                         re.I)
_FN_EXERCISABLE = re.compile(r"\b(?:(?:become|becomes|became|will\s+become|first\s+become|are|is|were|was|will\s+be)\s+"
                             r"(?:fully\s+)?(?:vested\s+and\s+)?exercisable(?:\s+in\s+full)?|vest(?:s|ed)?\s+in\s+full|"
                             r"(?:become|becomes|became)\s+fully\s+vested(?:\s+and\s+exercisable)?)\s+"
                             r"(?:on|as\s+of|beginning\s+on|commencing\s+on)\s+(" + DATE_RE + r")", re.I)
_FN_RELATIVE = re.compile(r"\b(?:installments?|tranches?|earlier\s+of|later\s+of|anniversar\w*|monthly|quarterly|"
                          r"annually|each\s+of|thereafter)\b", re.I)


def footnote_date(footnotes: dict[str, str], cell: dict | None, which: str) -> tuple[dt.date | None, str | None]:
    """The date an exercise (``which`` "exercise") or expiration ("expiration") date cell without a value takes
    from the footnotes it cites, when they state one date in so many words; and the id of that footnote.
    A sentence that also states a schedule or a relative term gives none; two footnotes giving two dates
    give none."""
    if not cell or cell["value"] is not None or not cell["footnotes"]:
        return None, None
    rx = _FN_EXPIRES if which == "expiration" else _FN_EXERCISABLE
    found: dict[dt.date, str] = {}
    for fid in cell["footnotes"]:
        text = footnotes.get(fid) or ""
        if not _may_hold(text, ("expir",) if which == "expiration" else ("exercisab", "vest")):
            continue
        for sent in sentences(text):
            for m in rx.finditer(sent):
                if _FN_RELATIVE.search(sent):
                    continue
                d = parse_date(m.group(1))
                if d is not None:
                    found.setdefault(d, fid)
    if len(found) == 1:
        (d, fid), = found.items()
        return d, fid
    return None, None


def _fn_text(ids: list[str]) -> str:
    return ("see footnote " if len(ids) == 1 else "see footnotes ") + ", ".join(ids)


def _fmt(d: Decimal) -> str:
    """A price as an instrument's name states it, whatever digits the filing typed: "10" for 10.00, cents for
    11.5 and 11.500 ("11.50"), more places only where they count ("3.745")."""
    if d == d.to_integral():
        return format(d.normalize(), "f")
    n = d.normalize()
    return format(n.quantize(Decimal("0.01")) if n.as_tuple().exponent == -1 else n, "f")


# "on a 1-for-1 basis", "on a one-for-one basis", "at a 1:10 ratio": units of the instrument, then underlying shares
_RATIO_NUM = r"(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten)"
_RATIO = re.compile(r"\b" + _RATIO_NUM + r"\s*(?:-for-|:|\s+for\s+)\s*" + _RATIO_NUM + r"\s+(?:basis|ratio)\b", re.I)
# a ratio stated in words: "Each share of Class B Common Stock is convertible ... into one share of Class A Common
# Stock", "Each RSU represents a contingent right to receive one share of ..."; never "one or more shares"
# (or the class named before the noun: "exercisable for one Class A ordinary share")
_WORD_RATIO = re.compile(r"\b(?:into|receive|exercisable\s+for|exchangeable\s+for|represents|(?:the\s+economic\s+)?"
                         r"equivalent\s+(?:of|to))\s+"
                         r"(?P<n>one[-\s]half|one|two|three|four|five|six|seven|eight|nine|ten)"
                         r"(?:\s+\(\d+\))?\s+(?:fully[-\s]paid\s+)?"
                         r"(?:shares?\s+of\s+|(?P<cls>(?-i:[A-Z][\w.\-]*\s+)+(?:(?:ordinary|common)\s+)?)shares?\b)", re.I)
_WORD_NUMBERS = {"one": Decimal(1), "two": Decimal(2), "three": Decimal(3), "four": Decimal(4), "five": Decimal(5),
                 "six": Decimal(6), "seven": Decimal(7), "eight": Decimal(8), "nine": Decimal(9), "ten": Decimal(10),
                 "one-half": Decimal("0.5"), "one half": Decimal("0.5")}
_EACH = re.compile(r"\beach\b", re.I)
_FOR_EACH = re.compile(r"^[^.;]{0,120}?\bfor\s+each\b", re.I)
_FOR_EVERY = re.compile(r"\bfor\s+every\b|\bper\s+\d", re.I)


_GENERIC_HEADS = frozenset(("share", "stock", "securitie", "security", "interest", "right", "unit", "award"))


def _mentions(title: str, text: str) -> bool:
    """Does ``text`` name the instrument ``title``: its first word ("Class", "Restricted"), or the initials of
    its capitalised words (before any parenthetical) as a word ("RSU", "RSUs" for "Restricted Stock Units")?"""
    words = title.split("(", 1)[0].split()
    if not words:
        return False
    low = text.lower()
    if words[0].lower() in low:
        return True
    ini = "".join(w[0] for w in words if w[:1].isupper()).lower()
    if len(ini) >= 2 and re.search(r"\b" + re.escape(ini) + r"s?\b", low) is not None:
        return True
    # its head noun ("Each warrant ..." for "Private Placement Warrants"), unless that is as generic as "shares"
    head = words[-1].lower().rstrip(",.")
    head = head[:-1] if head.endswith("s") and len(head) > 3 else head
    return head not in _GENERIC_HEADS and re.search(r"\b" + re.escape(head) + r"s?\b", low) is not None


def _word_ratio(text: str, title: str, underlying: str) -> Decimal | None:
    """The number of underlying shares per unit of ``title`` that a footnote states in words ("Each share of Class
    B Common Stock is convertible into one share of Class A Common Stock"): the sentence names the instrument and
    says "each" (or "... for each restricted stock unit"), and the shares are of the underlying class."""
    low = text.lower()
    if "share" not in low or ("into " not in low and "receive " not in low and "able for " not in low and
                              "represents " not in low and "equivalent " not in low):
        return None
    und = underlying.split()
    if not und:
        return None
    for m in _WORD_RATIO.finditer(text):
        start = max(text.rfind(". ", 0, m.start()), text.rfind("; ", 0, m.start())) + 1
        stop = len(text)
        for sep in (". ", "; "):
            i = text.find(sep, m.end())
            if 0 <= i < stop:
                stop = i
        before, after = text[start:m.start()], text[m.end():stop]
        if not (_EACH.search(before) or _FOR_EACH.match(after)) or _FOR_EVERY.search(after):
            continue
        if not _mentions(title, text[start:stop]) or und[0].lower() not in ((m.group("cls") or "") + after[:80]).lower():
            continue
        return _WORD_NUMBERS[" ".join(m.group("n").lower().split())]
    return None


# the cells whose values a row's facts read, in the order facts_from_document unpacks them
_ROW_VALUE_CELLS = operator.itemgetter(
    "security_title", "transaction_date", "shares", "acquired_disposed", "price", "conversion_or_exercise_price",
    "exercise_date", "expiration_date", "underlying_title", "underlying_shares", "direct_or_indirect", "nature")
_REMARK_TITLE = re.compile(r"\b(?:title|position)s?\s*:\s*(?P<t>[^.;\n]{2,120})", re.I)


def parse(data: bytes, source: str) -> FilingFacts:
    warnings: list[str] = []
    root = parse_xml(data, source, warnings)
    doc = read_document(root, source)
    return facts_from_document(doc, data, source, warnings)


def facts_from_document(doc: dict, data: bytes, source: str, warnings: list[str],
                        loader: str = "ownership") -> FilingFacts:
    """The facts of a Form 3/4/5 document model (from the XML, or from another rendering of the form)."""
    digest = sha256(data)
    fid = filing_id(None, digest)
    dtype = doc["document_type"]
    period = _date_text(doc["period_of_report"])
    sig_dates = [d for d in (_date_text(s["date"]) for s in doc["signatures"]) if d]
    info = _construct(FilingInfo, {  # every field, as FilingInfo(...) would set them from these typed values
        "id": fid, "accession": None, "form_type": dtype, "also_form_types": [], "family": "ownership", "loader": loader,
        "amendment_no": None, "is_amendment": dtype.upper().endswith("/A"), "amendment_type": None,
        "previous_accession": None,
        "filed_date": None, "event_date": period, "signed_date": max(sig_dates) if sig_dates else None,
        "source": source, "sha256": digest, "issuer_key": "issuer", "filer_keys": [], "earlier_filings": [],
        "shares_outstanding": None, "shares_outstanding_date": None,
    })
    provs: dict[tuple[str, str], Provenance] = {}

    def prov(section: str, text: str = "") -> Provenance:
        k = (section, text)
        p = provs.get(k)
        if p is None:
            p = provs[k] = _construct(Provenance, {"filing_id": fid, "accession": None, "source": source,
                                                   "section": section, "excerpt": excerpt(text)})
        return p

    entities: list[EntityFact] = []
    relations: list[RelationFact] = []
    ents: dict[str, EntityFact] = {}

    def add_entity(e: EntityFact) -> EntityFact:
        ents[e.key] = e
        entities.append(e)
        return e

    # issuer
    iss = doc["issuer"]
    ip = prov("issuer", f"{iss['name'] or ''} {iss['cik'] or ''} {iss['trading_symbol'] or ''}")
    add_entity(_EF(
        key="issuer", kind=NodeKind.ORGANIZATION, name=iss["name"] or f"CIK {iss['cik']}", cik=iss["cik"],
        props=[_PF(name="ticker", value=iss["trading_symbol"], prov=ip)] if iss["trading_symbol"] else [],
        prov=ip,
    ))

    # reporting owners
    remarks = doc["remarks"] or ""
    rp_keys: list[str] = []
    for i, o in enumerate(doc["reporting_owners"], start=1):
        key = f"rp:{i}"
        rp_keys.append(key)
        sec = f"reporting owner {i}"
        # the state description is the country (or province) of an address outside the United States
        # (each part once: a part filed with its own trailing comma, "LONDON,", is not joined to a double comma)
        addr = join_address((o["street1"], o["street2"], o["city"], o["state"], o["zip"], o["state_description"]))
        p = prov(sec, f"{o['name']} {o['cik'] or ''} {addr or ''}")
        props = [_PF(name="name_as_filed", value=o["name"], prov=p)]
        if addr:
            props.append(_PF(name="address", value=addr, prov=p))
        aliases = [o["name"]] if o["name"] != o["display_name"] else []
        add_entity(_EF(key=key, kind=NodeKind(o["kind"]), name=o["display_name"], cik=o["cik"],
                              aliases=aliases, props=props, prov=p))
        if o["is_director"]:
            relations.append(_RF(type=EdgeKind.DIRECTOR_OF, source=key, target="issuer",
                                          props={"title": "Director"}, prov=prov(sec, "Director")))
        if o["is_officer"]:
            title = o["officer_title"] or "Officer"
            props2: dict[str, Any] = {"title": title}
            if _SEE_REMARKS.fullmatch(title):
                m = _REMARK_TITLE.search(remarks)
                if m:
                    props2 = {"title": m.group("t").strip(), "title_as_filed": title}
            relations.append(_RF(type=EdgeKind.OFFICER_OF, source=key, target="issuer", props=props2,
                                          prov=prov(sec, f"Officer ({title})")))
        if o["is_ten_percent_owner"]:
            relations.append(_RF(type=EdgeKind.TEN_PERCENT_OWNER_OF, source=key, target="issuer",
                                          props={}, prov=prov(sec, "10% Owner")))
        if o["other_text"]:
            other = o["other_text"]
            ents[key].props.append(_PF(name="other_relationship", value=other, prov=p))
            if _SEE_REMARKS.fullmatch(other) and remarks:
                # "Other (specify below): See Remarks": the remarks say what the relationship is
                ents[key].props.append(_PF(name="other_relationship_remarks", value=excerpt(remarks, 300),
                                           prov=prov("remarks", remarks)))
                if _GROUP_TEN_PERCENT.search(remarks) and not o["is_ten_percent_owner"]:
                    relations.append(_RF(type=EdgeKind.TEN_PERCENT_OWNER_OF, source=key, target="issuer",
                                         props={"title": "member of a 10% group (remarks)"},
                                         prov=prov("remarks", remarks)))
            elif _TEN_PERCENT.search(other) and not o["is_ten_percent_owner"]:
                relations.append(_RF(type=EdgeKind.TEN_PERCENT_OWNER_OF, source=key, target="issuer",
                                     props={"title": other}, prov=prov(sec, f"Other ({other})")))
    info.filer_keys.extend(rp_keys)

    footnotes: dict[str, str] = doc["footnotes"]
    # the footnotes a row's holder is read from; a nature cell "See Remarks" sends the reader to the remarks
    notes = {**footnotes, _REMARKS: remarks} if remarks and _REMARKS not in footnotes else footnotes
    miner = _Miner(doc["reporting_owners"], notes)
    owner_of_holder: dict[str, str] = {}  # normalized holder name -> entity key
    control_seen: set[tuple[str, str, str]] = set()
    securities: dict[str, str] = {}  # normalized title -> key
    n_ext = 0

    def entity_for(name: str, kind_hint: NodeKind | None = None) -> str:
        nonlocal n_ext
        idx = miner.owner_index(name)
        if idx is not None:
            return rp_keys[idx]
        full = miner.expand(name)
        if full.lower() == "the reporting person" and len(rp_keys) == 1:
            return rp_keys[0]
        norm = _org_norm(full)
        k = owner_of_holder.get(norm)
        if k:
            return k
        n_ext += 1
        k = f"ent:{n_ext}"
        kind = kind_hint or (NodeKind.ORGANIZATION if looks_like_org(full) or len(full.split()) > 4
                             or not _SHORT_PERSON.fullmatch(full)
                             else NodeKind.PERSON)
        add_entity(_EF(key=k, kind=kind, name=full, prov=prov("footnotes", full)))
        owner_of_holder[norm] = k
        return k

    def security(title: str | None, section: str) -> str:
        t = title or "Unnamed security"
        norm = _sec_norm(t)
        k = securities.get(norm)
        if k:
            return k
        k = f"sec:{len(securities) + 1}"
        securities[norm] = k
        add_entity(_EF(key=k, kind=NodeKind.SECURITY, name=t, prov=prov(section, t)))
        relations.append(_RF(type=EdgeKind.ISSUED_BY, source=k, target="issuer", props={},
                                      prov=prov(section, t)))
        return k

    def fn_props(props: dict, name: str, cell: dict | None) -> None:
        if cell and cell["footnotes"]:
            props[f"{name}_footnote"] = _fn_text(cell["footnotes"])

    persons = [k for k, o in zip(rp_keys, doc["reporting_owners"]) if o["kind"] == "Person"]

    owners_list = doc["reporting_owners"]
    surnames = [_words(o["display_name"])[-1] if o["kind"] == "Person" and _words(o["display_name"]) else None
                for o in owners_list]
    unresolved_rp: set[str] = set()

    def _owner_named_in(text: str, obj: str) -> str | None:
        """The one reporting owner a footnote names (other than the statement's object): a natural person by
        first and last name ("Nia B. Okafor", "Nia Okafor") or by an honorific and a surname no other owner has
        ("Dr. Okafor"), an organization by its name without legal form; None when it names none or several."""
        low = " " + " ".join(_words(text)) + " "
        hits = []
        for k, o, last in zip(rp_keys, owners_list, surnames):
            if obj and _same_holder(obj, o["display_name"]):
                continue
            if o["kind"] == "Person":
                w = _words(o["display_name"])
                if len(w) < 2:
                    continue
                found = re.search(rf"\s{re.escape(w[0])}\s(?:\w\s)?{re.escape(last)}\s", low) is not None or (
                    surnames.count(last) == 1 and re.search(rf"\s(?:mr|mrs|ms|dr)\s{re.escape(last)}\s", low) is not None)
            else:
                core = " ".join(x for x in _words(o["display_name"]) if x not in _HOLDER_FORM_WORDS)
                found = bool(core) and f" {core} " in low
            if found:
                hits.append(k)
        return hits[0] if len(hits) == 1 else None

    def _each_subject(stmts: list[tuple[str, str, str, str]], fn: str | None = None):
        """The statements with their subject's key when the subject is "the Reporting Person(s)": every
        reporting owner for "the Reporting Persons" (the natural persons among them when there are any), the one
        owner -- or the one natural person among joint filers -- for "the Reporting Person"; else None (the
        subject is a name).  "The Reporting Person" of a joint filing with several natural persons (or with
        organizations only) is the one owner the footnote names besides the statement's object ("Shares held by
        the Okafor Trust. The Reporting Person, Dr. Okafor, is its trustee"); naming none or several, it is no one
        in particular: that statement is dropped, with a warning naming the footnote, not made an entity."""
        for subj, obj, basis, sent in stmts:
            if not _THE_RP_OR_OWNER_ANY.fullmatch(subj):
                yield subj, obj, basis, sent, None
            elif len(rp_keys) == 1:
                yield subj, obj, basis, sent, rp_keys[0]
            elif subj.lower().endswith("s"):
                for k in persons or rp_keys:
                    yield subj, obj, basis, sent, k
            elif len(persons) == 1:
                yield subj, obj, basis, sent, persons[0]
            else:
                k = _owner_named_in(notes.get(fn, "") if fn else "", obj)
                if k is not None:
                    yield subj, obj, basis, sent, k
                elif fn and fn not in unresolved_rp:
                    unresolved_rp.add(fn)
                    where = "the remarks" if fn == _REMARKS else f"footnote {fn}"
                    warnings.append(f"{source}: {where} says 'the Reporting Person' in a filing by "
                                    f"{len(rp_keys)} reporting owners and names none of them alone; its statement "
                                    f"'{excerpt(sent, 120)}' is not attached to any owner")

    def add_controls(stmts: list[tuple[str, str, str, str]], fn: str) -> set[str]:
        """CONTROLS edges; returns the entity keys that are controlled by a reporting owner (transitively)."""
        edges: list[tuple[str, str]] = []
        for subj, obj, basis, sent, s_key in _each_subject(stmts, fn):
            if s_key is None:
                s_key = entity_for(subj)
            o_key = entity_for(obj)
            if s_key == o_key or o_key == "issuer":
                continue
            if basis == "director":
                if (s_key, o_key, "director") not in control_seen:
                    control_seen.add((s_key, o_key, "director"))
                    relations.append(_RF(type=EdgeKind.DIRECTOR_OF, source=s_key, target=o_key,
                                                  props={"title": "Director"}, prov=prov(_note_section(fn), sent)))
                edges.append((s_key, o_key))
                continue
            edges.append((s_key, o_key))
            if (s_key, o_key, basis) in control_seen:
                continue
            control_seen.add((s_key, o_key, basis))
            relations.append(_RF(type=EdgeKind.CONTROLS, source=s_key, target=o_key,
                                          props={"stated": True, "basis": basis},
                                          prov=prov(_note_section(fn), sent), discriminator=basis))
        reach = set(rp_keys)
        changed = True
        while changed:
            changed = False
            for a, b in edges:
                if a in reach and b not in reach:
                    reach.add(b)
                    changed = True
        return reach

    used_keys: set[tuple] = set()
    mined: set[str] = set()
    ctl_edges: list[tuple[str, str]] = []
    ctl_scanned = 0

    def reach_now() -> set[str]:
        """``_reach(relations, set(rp_keys))``, reading only the relations added since the last call
        (relations are only ever appended)."""
        nonlocal ctl_scanned
        for r in relations[ctl_scanned:]:
            if r.type in (EdgeKind.CONTROLS, EdgeKind.DIRECTOR_OF) and r.target != "issuer":
                ctl_edges.append((r.source, r.target))
        ctl_scanned = len(relations)
        return _closure(ctl_edges, set(rp_keys))

    value_cells = _ROW_VALUE_CELLS
    aff10b5one = doc["aff10b5one"]  # the filing's Rule 10b5-1(c) box: on each of its transactions
    # instruments whose rows differ only in their exercise date (RSU or option tranches of one title, price
    # and expiration that vest from different dates): each tranche is its own position
    tranches = _tranched_instruments(doc["derivative"], footnotes)
    word_ratios: dict[tuple, Decimal | None] = {}  # (footnote id, title, underlying) -> _word_ratio

    for tname, rows in (("I", doc["non_derivative"]), ("II", doc["derivative"])):
        for r in rows:
            section = f"Table {tname}, row {r['number']}"
            # the cells' values as filed, read once (a cell is None or {"value": ..., "footnotes": [...]})
            vals = [c["value"] if c else None for c in value_cells(r)]
            title, v_tdate, v_shares, v_ad, v_price, v_cprice, v_ex, v_exp, v_utitle, v_ushares, v_di, v_nature = vals
            owned = _num(r["owned_after"])
            owned_cell = r["owned_after"]
            if owned_cell is None and r["kind"] == "holding" and r["shares"]:
                # an old-schema holdings row (Form 3 nonDerivativeSecurity) states the amount held in
                # transactionShares: there is no transaction, the amount is the position
                owned_cell = r["shares"]
                owned = _num(owned_cell)
            d_i = (v_di or "").upper()[:1] or None
            nature = v_nature
            tdate = _date(r["transaction_date"])
            as_of = tdate or period
            row_text = " | ".join([str(x) for x in (
                title, v_tdate, r["code"], v_shares, v_ad, v_price, v_cprice, v_ex, v_exp, v_utitle, v_ushares, owned,
                d_i, nature) if x is not None])
            rp_ = prov(section, row_text)
            props: dict[str, Any] = {
                "shares": owned,
                "basis": "indirect" if d_i == "I" else "direct",
                "ownership": d_i,
                "nature": nature,
                "as_of": as_of,
            }
            c = owned_cell
            if c and c["footnotes"]:
                props["shares_footnote"] = _fn_text(c["footnotes"])
            c = r["direct_or_indirect"]
            if c and c["footnotes"]:
                props["ownership_footnote"] = _fn_text(c["footnotes"])
            c = r["nature"]
            if c and c["footnotes"]:
                props["nature_footnote"] = _fn_text(c["footnotes"])
            c = r["security_title"]
            if c and c["footnotes"]:
                props["security_footnote"] = _fn_text(c["footnotes"])
            if r["value_owned_after"]:
                props["value_owned"] = _num(r["value_owned_after"])
                fn_props(props, "value_owned", r["value_owned_after"])
            if r["kind"] == "transaction":
                props.update({
                    "transaction_code": r["code"], "transaction_date": tdate,
                    "transaction_shares": _num(r["shares"]), "transaction_price": _num(r["price"]),
                    "acquired_disposed": (v_ad or None),
                    "transaction_form_type": r["form_type"], "equity_swap_involved": r["equity_swap_involved"],
                })
                if r["total_value"]:
                    props["transaction_value"] = _num(r["total_value"])
                    fn_props(props, "transaction_value", r["total_value"])
                fn_props(props, "transaction_shares", r["shares"])
                fn_props(props, "transaction_price", r["price"])
                fn_props(props, "transaction_date", r["transaction_date"])
                fn_props(props, "acquired_disposed", r["acquired_disposed"])
                if r["deemed_execution_date"]:
                    props["deemed_execution_date"] = _date(r["deemed_execution_date"])
                    fn_props(props, "deemed_execution_date", r["deemed_execution_date"])
                c = r["timeliness"]
                if c:
                    props["transaction_timeliness"] = c["value"]
                    fn_props(props, "transaction_timeliness", c)
                if aff10b5one is not None:
                    props["rule_10b5_1"] = aff10b5one
            elif r["form_type"]:  # a Form 5 holdings row marks the form it was (or should have been) reported on
                props["transaction_form_type"] = r["form_type"]
            if r["coding_footnotes"]:
                props["transaction_code_footnote"] = _fn_text(r["coding_footnotes"])

            if tname == "I":
                target = security(title, section)
            else:
                # the instrument itself: one Security per title, price and expiration
                price = _num(r["conversion_or_exercise_price"])
                exp = _date(r["expiration_date"])
                ex = _date(r["exercise_date"])
                # a date cell holding only a footnote that states the date ("The options expire on May 12, 2030")
                exp_fn = ex_fn = None
                if exp is None:
                    exp, exp_fn = footnote_date(footnotes, r["expiration_date"], "expiration")
                if ex is None:
                    ex, ex_fn = footnote_date(footnotes, r["exercise_date"], "exercise")
                label = title or "Derivative security"
                terms = []
                if price is not None:
                    terms.append(f"exercise price ${_fmt(price)}")
                if exp is not None:
                    terms.append(f"expiring {exp.isoformat()}")
                if tranches and (label, price, exp) in tranches:
                    ec = r["exercise_date"]
                    if ex is not None and not ex_fn:
                        terms.append(f"exercisable {ex.isoformat()}")
                    elif ec and ec["footnotes"]:
                        # dated only in a footnote: named by the date it gives ("vest ... beginning on February
                        # 15, 2022"), which other filings repeat, rather than by this filing's footnote id
                        vest = _vesting_date(footnotes, ec["footnotes"])
                        terms.append(f"vesting from {vest.isoformat()}" if vest else
                                     f"terms in {_fn_text(ec['footnotes'])[4:]}")
                name = f"{label} ({', '.join(terms)})" if terms else label
                target = security(name, section)
                te = ents[target]
                if not te.props:
                    te.props.append(_PF(name="title", value=label, prov=rp_))
                    if price is not None:
                        te.props.append(_PF(name="conversion_price", value=price, prov=rp_))
                    if ex is not None:
                        te.props.append(_PF(name="exercise_date", value=ex, prov=rp_))
                    if exp is not None:
                        te.props.append(_PF(name="expiration_date", value=exp, prov=rp_))
                    te.props.append(_PF(name="derivative", value=True, prov=rp_))
                und_title = v_utitle
                und_shares = _num(r["underlying_shares"])
                tx_shares = _num(r["shares"])
                if r["kind"] == "transaction":
                    props["transaction_underlying_shares"] = und_shares
                    if owned is not None and tx_shares and und_shares is not None:
                        props["underlying_shares"] = (owned if und_shares == tx_shares else
                                                      (owned * und_shares / tx_shares).quantize(Decimal("0.0001")))
                    elif owned is not None and und_shares is not None and tx_shares is None:
                        props["underlying_shares"] = und_shares
                    else:
                        props["underlying_shares"] = und_shares
                else:
                    props["underlying_shares"] = und_shares
                    if owned is None:
                        props["shares"] = None
                fn_props(props, "underlying_shares", r["underlying_shares"])
                c = r["underlying_value"]
                if c:  # the underlying stated as a value (a dollar amount) instead of shares
                    props["underlying_value"] = _num(c)
                    fn_props(props, "underlying_value", c)
                fn_props(props, "underlying_security", r["underlying_title"])
                if und_title:
                    u_key = security(und_title, section)
                    cprops: dict[str, Any] = {
                        "conversion_price": _num(r["conversion_or_exercise_price"]),
                        "exercise_date": ex, "expiration_date": exp,
                    }
                    fn_props(cprops, "conversion_price", r["conversion_or_exercise_price"])
                    fn_props(cprops, "exercise_date", r["exercise_date"])
                    fn_props(cprops, "expiration_date", r["expiration_date"])
                    if exp_fn:  # the date was read from this footnote's text (the cell, as filed, has none)
                        cprops["expiration_date_from"] = f"footnote {exp_fn}"
                    if ex_fn:
                        cprops["exercise_date_from"] = f"footnote {ex_fn}"
                    # the terms of the instrument: in the footnotes of its price, its underlying title or its
                    # exercisable / expiration dates ("Each warrant is exercisable for one share ...")
                    term_fns = list(dict.fromkeys(
                        (r["conversion_or_exercise_price"] or {}).get("footnotes", []) +
                        (r["underlying_title"] or {}).get("footnotes", []) +
                        (r["exercise_date"] or {}).get("footnotes", []) +
                        (r["expiration_date"] or {}).get("footnotes", [])))
                    for f in term_fns:
                        ftext = footnotes.get(f, "")
                        m = _RATIO.search(ftext) if _may_hold(ftext, ("basis", "ratio")) else None
                        if m and (title or "").split()[0].lower() in footnotes.get(f, "").lower():
                            a, b = (_WORD_NUMBERS.get(x.lower()) or Decimal(x) for x in (m.group(1), m.group(2)))
                            try:
                                cprops["ratio"] = b / a
                                cprops["conversion_terms"] = excerpt(footnotes[f], 300)
                            except Exception:  # noqa: BLE001 - a zero ratio is just not a ratio
                                pass
                            break
                        wk = (f, title, und_title)  # rows of one instrument share their footnotes: read once
                        w = word_ratios[wk] if wk in word_ratios else word_ratios.setdefault(
                            wk, _word_ratio(ftext, title or "", und_title) if ftext else None)
                        if w is not None:
                            cprops["ratio"] = w
                            cprops["conversion_terms"] = excerpt(ftext, 300)
                            break
                    if "ratio" not in cprops and r["kind"] == "holding" and und_shares is not None and owned:
                        cprops["ratio"] = und_shares / owned
                    relations.append(_RF(type=EdgeKind.CONVERTIBLE_INTO, source=target, target=u_key,
                                                  props={k: v for k, v in cprops.items() if v is not None},
                                                  prov=rp_, discriminator=None))

            # who holds the row
            holders = list(rp_keys)
            record_holder = None  # a reporting owner named as the row's record holder
            if d_i == "I" or len(rp_keys) > 1:
                fn_ids: list[str] = []
                for c in (r["nature"], r["owned_after"], r["direct_or_indirect"], r["security_title"],
                          r["shares"], r["underlying_shares"]):
                    for f in (c or {}).get("footnotes", []):
                        if f not in fn_ids:
                            fn_ids.append(f)
                if nature and notes is not footnotes and _SEE_REMARKS_CELL.search(nature):
                    fn_ids.append(_REMARKS)
                named, nat_basis = holder_from_nature(nature)
                holder_name = None
                holder_fn = None
                for f in fn_ids:
                    h = miner.holder_in(notes.get(f, ""))
                    if h:
                        holder_name, holder_fn = h, f
                        break
                if d_i == "I" and named and (holder_name is None or not _same_holder(named, holder_name)):
                    # the row's own nature cell names its holder; a footnote shared by several rows
                    # ("... the shares held by GGF III ...") names someone else
                    holder_name, holder_fn = named, None
                for f in fn_ids:
                    if f not in mined:
                        mined.add(f)
                        add_controls(miner.statements(notes.get(f, ""), holder_name or named), f)
                if holder_name is None and d_i == "I" and nature and fn_ids:
                    # "By Trust" and a footnote "The Reporting Person is a trustee of the Doe Family Trust": the one
                    # trust (LLC, partnership, ...) of that kind a reporting owner is stated to control holds the row
                    holder_name, holder_fn = _kind_holder(nature, fn_ids, relations, rp_keys, ents)
                if holder_name:
                    h_key = entity_for(holder_name)
                    if nat_basis and len(rp_keys) == 1 and h_key not in rp_keys:
                        add_controls([("the Reporting Person", holder_name, nat_basis, nature or "")],
                                     "nature of ownership")
                    reach = reach_now()
                    if h_key in rp_keys:
                        # a reporting owner is the record holder: it holds the row directly; a natural person
                        # among the other owners that no statement links to it also keeps the indirect row
                        # (organization co-filers may be sibling funds that do not own each other's shares)
                        holders = [h_key]
                        record_holder = h_key
                        if d_i == "I":
                            for k, o in zip(rp_keys, doc["reporting_owners"]):
                                if k != h_key and o["kind"] == "Person" and h_key not in _closure(ctl_edges, {k}):
                                    holders.append(k)
                    elif h_key in reach:
                        holders = [h_key]
                    else:
                        holders = [h_key] + (list(rp_keys) if d_i == "I" else [])
                    if holder_fn:
                        props["holder_footnote"] = holder_fn
                    props["held_by"] = ents[h_key].name
            is_holding = r["kind"] == "holding"
            for h in holders:
                hp = props  # copied only when this holder's props differ
                if h == record_holder:  # its own shares: held directly (the as-filed flag stays in ownership)
                    hp = dict(props)
                    hp["basis"] = "direct"
                    hp.pop("held_by", None)
                elif h not in rp_keys and "held_by" in hp:
                    hp = dict(props)
                    hp.pop("held_by")
                # two different holdings rows of one holder that would share a position key
                pk = (h, target, hp["basis"], hp.get("nature"))
                if is_holding and pk in used_keys:
                    if hp is props:
                        hp = dict(props)
                    extra = ", ".join((r["nature"] or {}).get("footnotes", [])) or f"row {r['number']}"
                    hp["nature"] = f"{hp.get('nature') or hp['basis']} ({extra})"
                    pk = (h, target, hp["basis"], hp["nature"])
                used_keys.add(pk)
                relations.append(_construct(RelationFact, {
                    "type": EdgeKind.HOLDS, "source": h, "target": target,
                    "props": {k: v for k, v in hp.items() if v is not None}, "prov": rp_,
                    "discriminator": f"{section}|{h}"}))

    if doc["no_securities_owned"]:
        warnings.append(f"{source}: no securities owned (Form 3 box checked)")
    missing = _missing_footnotes(doc)
    if missing:
        warnings.append(f"{source}: {'footnotes' if len(missing) > 1 else 'footnote'} {', '.join(missing)} "
                        "referenced in the tables but not defined in <footnotes>")
    return _construct(FilingFacts, {"filing": info, "document": doc, "entities": entities, "relations": relations,
                                    "warnings": warnings})


# the kind of holder a generic nature of ownership names, and how that kind shows in a name
_HOLDER_KINDS = (
    (re.compile(r"\b(?:trusts?|grats?)\b", re.I), re.compile(r"\btrust\b", re.I)),
    (re.compile(r"\bL\.?L\.?C\b|\blimited\s+liability\s+company\b", re.I), re.compile(r"\bL\.?L\.?C\b", re.I)),
    (re.compile(r"\bL\.?P\b|\bpartnerships?\b", re.I), re.compile(r"\bL\.?P\b|\bpartnership\b", re.I)),
    (re.compile(r"\bfoundation\b", re.I), re.compile(r"\bfoundation\b", re.I)),
    (re.compile(r"\bfunds?\b", re.I), re.compile(r"\bfund\b", re.I)),
)


def _kind_holder(nature: str, fn_ids: list[str], relations: list[RelationFact], rp_keys: list[str],
                 ents: dict[str, EntityFact]) -> tuple[str | None, str | None]:
    """The holder of a row whose nature of ownership names only a kind ("By Trust", "By LLC"): the single entity
    of that kind that one of the row's footnotes states a reporting owner controls (trustee, managing member...)."""
    for nature_rx, name_rx in _HOLDER_KINDS:
        if not nature_rx.search(nature):
            continue
        sections = {_note_section(f): f for f in fn_ids}
        found: dict[str, str] = {}
        for r in relations:
            if (r.type == EdgeKind.CONTROLS and r.source in rp_keys and r.target not in rp_keys
                    and r.prov.section in sections and name_rx.search(ents[r.target].name)):
                found.setdefault(r.target, sections[r.prov.section])
        if len(found) == 1:
            (key, fn), = found.items()
            return ents[key].name, fn
        return None, None
    return None, None


_REMARKS = "Remarks"  # the remarks, read as one more footnote of the rows whose nature cell points to them
_SEE_REMARKS_CELL = re.compile(r"\bremarks?\b", re.I)


def _note_section(f: str) -> str:
    return "remarks" if f == _REMARKS else f"footnote {f}"


def _missing_footnotes(doc: dict) -> list[str]:
    """The footnote ids that table cells refer to but the document does not define, in natural order."""
    defined = doc["footnotes"]
    cited: set[str] = set()
    for row in (*doc["non_derivative"], *doc["derivative"]):
        cited.update(row["coding_footnotes"])
        for f in _CELL_NAMES:
            c = row[f]
            if c is not None and c["footnotes"]:
                cited.update(c["footnotes"])
    if not cited or cited.issubset(defined):
        return []
    return sorted(cited.difference(defined), key=lambda f: (len(f), f))


def _tranched_instruments(rows: list[dict], footnotes: dict[str, str]) -> set[tuple]:
    """The (title, price, expiration) of Table II instruments whose rows give different exercise dates (a value,
    or only footnotes): tranches of one grant title, named apart so that each keeps its own position."""
    if len(rows) < 2:
        return set()
    seen: dict[tuple, tuple] = {}
    out: set[tuple] = set()
    for r in rows:
        ec = r["exercise_date"]
        sig = (ec["value"], tuple(ec["footnotes"])) if ec else (None, ())
        key = ((r["security_title"] or {}).get("value") or "Derivative security",
               _num(r["conversion_or_exercise_price"]),
               _date(r["expiration_date"]) or footnote_date(footnotes, r["expiration_date"], "expiration")[0])
        if seen.setdefault(key, sig) != sig:
            out.add(key)
    return out


def _reach(relations: list[RelationFact], start: set[str]) -> set[str]:
    edges = [(r.source, r.target) for r in relations if r.type in (EdgeKind.CONTROLS, EdgeKind.DIRECTOR_OF)
             and r.target != "issuer"]
    return _closure(edges, start)


def _closure(edges: list[tuple[str, str]], start: set[str]) -> set[str]:
    out = set(start)
    changed = True
    while changed:
        changed = False
        for a, b in edges:
            if a in out and b not in out:
                out.add(b)
                changed = True
    return out


register(Loader(
    name="ownership", family="ownership", sniff=sniff, parse=parse, document_model=OwnershipDocument,
    description="SEC Forms 3, 4, 5 and amendments (ownershipDocument XML)",
))
