"""XML Schedules 13D and 13G (EDGAR ``edgarSubmission``, filed as XML since December 2024).

Namespaces ``http://www.sec.gov/edgar/schedule13D`` and
``http://www.sec.gov/edgar/schedule13g`` (elements in ``com:`` are addresses).
Both schema variants of the issuer CUSIP are read: ``issuerCUSIP`` /
``issuerCusip`` and the nested ``issuerCusips/issuerCusipNumber``.

What is read (the document model below is what ``ownergraph extract`` prints):

* header: submission type, previous accession number, filer CIKs;
* cover page header: amendment number, class title, date of event, issuer
  (CIK, name, CUSIPs, address), rule designations (13G), person authorized
  to receive notices (13D);
* every reporting person: CIK or the no-CIK flag (13D ``reportingPersonCIK`` /
  ``reportingPersonNoCIK``, 13G ``reportingCik`` / ``reportingCikNotPresentInEdgarFlag``), name *as filed*, group
  box (a/b), fund types, citizenship code and its name (EDGAR codes, see
  :mod:`._edgar_codes`), the four powers, aggregate, percent, types,
  comments -- values exactly as filed (``11615772.8`` stays that Decimal);
* the items (13D items 1-7, 13G items 1-10) as text, and the signatures.

Facts (DEVELOPERS.md conventions): the issuer (``issuer``), its Security with
the CUSIP (``000000000`` means none) and ``ISSUED_BY``; one beneficial
``HOLDS`` per reporting person with the four powers, provenance "cover page N,
row 11" (13D) / "row 9" (13G), with the "aggregate excludes certain shares" box
(``aggregate_excludes_certain_shares``) and the 13G rule designations
(``filed_pursuant_to`` "Rule 13d-1(c)"); a sole reporting person whose 13G/A cover rows are
empty takes the plain numbers of Item 4 (the HOLDS is then cited to "Item 4"); the class's shares
outstanding come from Items 4/5, else from the cover pages' comments; ``MEMBER_OF_GROUP`` when group box (a) is
checked; reporting persons as ``filer_keys``.  Item texts and cover-page
comments go through the shared prose miner (:mod:`._prose`, the same code the
classic loader uses), so "Platinum Holdings, the sole owner of Platinum
Falcon" becomes a ``CONTROLS`` edge.  Signature blocks are structure too:
"Strome Mezzanine Fund II, LP / By: Strome Investment Management, LP, General
Partner / By: /s/ Mark E. Strome, President" states a chain of general
partners and an officer; "President, CEO, General Partner" (offices and no entity named) is an officer of
the filer and of its general partner, not its general partner.  A joint filing agreement listed as an exhibit
becomes an Agreement with every reporting person ``PARTY_TO`` it.

Holdings the items state per named holder ("Fund II holds 150,000 shares of Common Stock and warrants to
purchase 15,000 shares"; "Each of A and B holds 1,000 shares": each of them) are component ``HOLDS`` (see
:mod:`._components`); "Includes 775,800 shares ... issuable upon exercise of call options" (a cover page's
comments, a sole person's Item 4) is a component marked ``component_partial`` (the list names only some parts
of the aggregate); the denominator statement ("based on (i) N units stated to be outstanding ... plus (ii) M
units issued ...") is read into its parts (:mod:`._denominator`, the document's ``denominator``); 13G Item 8's
list of group members gives ``MEMBER_OF_GROUP`` with each member's classification (members the filing names
nowhere else get keys ``grp:``), and "See Exhibit 99.1" is followed to that exhibit, attached inside the XML
or a document of the submission (:func:`exhibit_group_members`).  13D Item 5(c)'s transactions ("On [or about]
March 3, 2025, Fund A purchased 10,000 Shares at $12.50 per Share"; "... for an aggregate purchase price of
$125,000", the ``transaction_value``; date / shares / price tables, their columns split by tabs, '|', aligned or
single spaces) are ``HOLDS`` with basis "transaction" and the Forms 3/4/5 transaction properties; "See Schedule
A" is followed to the schedule, in the items' text, attached inside the XML or a document of the submission
(:func:`exhibit_transactions`), with a warning while none is found (the reader is :mod:`._item5c`, shared with
the classic loader).  In an item several reporting persons share,
"Includes N shares ..." is the partial component of the one person its sentence, or else its paragraph, names.
"""

from __future__ import annotations

import base64
import binascii
import functools
import re
import threading
from decimal import Decimal
from typing import Any

from lxml import etree
from pydantic import BaseModel, Field

from ..errors import LoadError
from ..graph.ids import filing_id, normalize_cik, normalize_cusip, normalize_name
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
from ._denominator import parse_denominator
from ._edgar_codes import code_name, country_of
from ._text import (DATE_RE, MAX_DIGITS as _MAX_DIGITS, is_bare_document, is_container, join_address,
                    parse_decimal, parse_percent)
from ._text import parse_date as _parse_date
from ._xml import parse_xml, strip_ns

try:  # engineer A's shared prose miner (Items 2/5/6 of the classic loader)
    from ._prose import ProseContext
    from ._prose import _spelled
    from ._prose import mine_text as _mine_text
except ImportError:  # pragma: no cover - until it lands
    _mine_text = None

NS_13D = "http://www.sec.gov/edgar/schedule13D"
NS_13G = "http://www.sec.gov/edgar/schedule13g"
_NAMESPACES = (NS_13D.encode(), NS_13G.encode())


#: dates as filed ("12/31/2024"): the same few strings recur across filings (a pure function of a short string)
parse_date = functools.lru_cache(maxsize=4096)(_parse_date)

# ----------------------------------------------------------------- fact construction

# Facts are built from values this module has already typed, without re-validation: every field passed
# explicitly (graph.model.constructor checks these against the models once).
_construct = constructor({
    Provenance: ("filing_id", "accession", "source", "section", "excerpt"),
    PropFact: ("name", "value", "prov"),
    EntityFact: ("key", "kind", "name", "cik", "cusip", "aliases", "props", "prov"),
    RelationFact: ("type", "source", "target", "props", "prov", "discriminator"),
})


def _prop(name: str, value: Any, prov: Provenance) -> PropFact:
    return _construct(PropFact, {"name": name, "value": value, "prov": prov})


def _entity(key: str, kind: NodeKind, name: str, prov: Provenance, cik: str | None = None,
            cusip: str | None = None, props: list[PropFact] | None = None) -> EntityFact:
    """An EntityFact of values already typed (``name`` a str, ``cik`` normalized): no validation."""
    return _construct(EntityFact, {"key": key, "kind": kind, "name": name, "cik": cik, "cusip": cusip,
                                   "aliases": [], "props": props if props is not None else [], "prov": prov})


# ----------------------------------------------------------------- document model


class Address(BaseModel):
    street1: str | None = None
    street2: str | None = None
    city: str | None = None
    state_or_country: str | None = None
    state_or_country_name: str | None = None
    zip_code: str | None = None


class Issuer(BaseModel):
    name: str | None = None
    cik: str | None = None
    cusips: list[str] = Field(default_factory=list, description="As filed; '000000000' means the class has none")
    address: Address | None = None


class ReportingPerson(BaseModel):
    page: int = Field(description="Cover page number (1-based, in filing order)")
    name: str = Field(description="Name as filed")
    cik: str | None = None
    no_cik: bool | None = Field(default=None, description=(
        "reportingPersonNoCIK (13D) / reportingCikNotPresentInEdgarFlag (13G): True when the person has no CIK"))
    member_of_group: str | None = Field(default=None, description="Group box checked: 'a' (group) or 'b' (not a group)")
    fund_types: list[str] = Field(default_factory=list, description="Source of funds codes (13D row 4): WC, PF, OO ...")
    citizenship_code: str | None = None
    citizenship: str | None = Field(default=None, description="The code's name: 'C0' -> 'United Arab Emirates'")
    legal_proceedings: bool | None = None
    sole_voting: Decimal | None = None
    shared_voting: Decimal | None = None
    sole_dispositive: Decimal | None = None
    shared_dispositive: Decimal | None = None
    aggregate: Decimal | None = None
    aggregate_excludes_certain_shares: bool | None = None
    percent: Decimal | None = None
    percent_bound: str | None = None
    types: list[str] = Field(default_factory=list, description="Type of reporting person: IN, CO, PN, IA, HC ...")
    comment: str | None = None
    raw: dict[str, str] = Field(default_factory=dict, description="Cover values that are not plain numbers, as filed")


class Signature(BaseModel):
    reporting_person: str | None = None
    signature: str | None = None
    title: str | None = None
    date: str | None = None


class Schedule13XmlDocument(BaseModel):
    """An XML Schedule 13D or 13G as filed."""

    schedule: str = Field(description="'13D' or '13G'")
    submission_type: str
    schema_version: str | None = None
    previous_accession: str | None = None
    filer_ciks: list[str] = Field(default_factory=list)
    filer_names: dict[str, str] = Field(
        default_factory=dict, description="Filer CIK -> name, where the filer agent wrote it beside the credentials")
    amendment_no: int | None = None
    class_title: str | None = None
    event_date: str | None = Field(default=None, description="Date of event as filed (MM/DD/YYYY)")
    previously_filed: bool | None = None
    rule_designations: list[str] = Field(default_factory=list)
    issuer: Issuer
    authorized_persons: list[dict[str, Any]] = Field(default_factory=list)
    reporting_persons: list[ReportingPerson] = Field(default_factory=list)
    items: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="item1..item7 (13D) / item1..item10 (13G): element name -> text")
    exhibits: list[str] = Field(default_factory=list)
    signatures: list[Signature] = Field(default_factory=list)
    signature_comments: str | None = None
    documents: list[dict[str, str]] = Field(default_factory=list, description="Attached documents (name, type)")
    denominator: dict[str, Any] | None = Field(default=None, description=(
        "What the percentages are computed on, as stated (see loaders._denominator): base, base_date, added "
        "(shares, issuable, text), total (total_stated), rule_13d3_d1, outstanding, and the section"))


# The document model is built from values the reader has already typed (str / None, Decimal, int, bool, lists
# and dicts of str): constructed without validation, every field passed *in the model's field order* (the dict
# becomes the instance's own and model_dump follows its order; graph.model.constructor checks the names once).
_construct_doc = constructor({
    Address: ("street1", "street2", "city", "state_or_country", "state_or_country_name", "zip_code"),
    Issuer: ("name", "cik", "cusips", "address"),
    ReportingPerson: ("page", "name", "cik", "no_cik", "member_of_group", "fund_types", "citizenship_code",
                      "citizenship", "legal_proceedings", "sole_voting", "shared_voting", "sole_dispositive",
                      "shared_dispositive", "aggregate", "aggregate_excludes_certain_shares", "percent",
                      "percent_bound", "types", "comment", "raw"),
    Signature: ("reporting_person", "signature", "title", "date"),
    Schedule13XmlDocument: ("schedule", "submission_type", "schema_version", "previous_accession", "filer_ciks",
                            "filer_names", "amendment_no", "class_title", "event_date", "previously_filed",
                            "rule_designations", "issuer", "authorized_persons", "reporting_persons", "items",
                            "exhibits", "signatures", "signature_comments", "documents", "denominator"),
    FilingInfo: ("id", "accession", "form_type", "also_form_types", "family", "loader", "amendment_no", "is_amendment",
                 "amendment_type", "previous_accession", "filed_date", "event_date", "signed_date", "source",
                 "sha256", "issuer_key", "filer_keys", "earlier_filings", "shares_outstanding", "shares_outstanding_date"),
    FilingFacts: ("filing", "document", "entities", "relations", "warnings"),
})


# ----------------------------------------------------------------- sniffing


def sniff(data: bytes) -> float:
    head = data[:4096]
    if is_container(head) or is_bare_document(head):
        return 0.0  # an EDGAR submission container: the submission loader unwraps it
    if b"<edgarSubmission" not in head and b":edgarSubmission" not in head:
        return 0.0
    if any(ns in head for ns in _NAMESPACES):
        return 0.95
    if re.search(rb"<(?:\w+:)?submissionType>\s*SCHEDULE 13[DG]", data[:8192]):
        return 0.8
    return 0.0


# ----------------------------------------------------------------- XML helpers


def _kids(el: etree._Element | None) -> list[etree._Element]:
    if el is None:
        return []
    return list(el.iterchildren(etree.Element))  # the children whose tag is a str, without making every tag


_TLS = threading.local()
_NO_KIDS: tuple = ()


#: element tag -> local name ('{http://www.sec.gov/edgar/schedule13D}issuerName' -> 'issuerName'): the
#: schemas' element names, shared by every filing (bounded: a hostile file cannot grow it past the cap)
_LOCAL_NAMES: dict[str, str] = {}
_LOCAL_NAMES_MAX = 4096


def _local_name(t: str) -> str:
    k = _LOCAL_NAMES.get(t)
    if k is None:
        i = t.rfind("}")
        k = t[i + 1:] if i >= 0 else t
        if len(_LOCAL_NAMES) < _LOCAL_NAMES_MAX:
            _LOCAL_NAMES[t] = k
    return k


def _kid_index(el: etree._Element) -> dict[str, list[etree._Element]]:
    """{local name: [children]} of one element (comments and processing instructions left out)."""
    out: dict[str, list[etree._Element]] = {}
    names = _LOCAL_NAMES
    for c in el.iterchildren(etree.Element):
        t = c.tag
        k = names.get(t)
        if k is None:
            k = _local_name(t)
        hit = out.get(k)
        if hit is None:
            out[k] = [c]
        else:
            hit.append(c)
    return out


def _kids_of(el: etree._Element) -> dict[str, list[etree._Element]]:
    """The children of ``el`` by local name: indexed on the first lookup while a document is read (only the
    elements the reader asks about are indexed), else computed."""
    idx = getattr(_TLS, "idx", None)
    if idx is None:
        return _kid_index(el)
    kids = idx.get(el)
    if kids is None:
        kids = idx[el] = _kid_index(el)
    return kids


def _lookup(el: etree._Element, name: str) -> list[etree._Element]:
    return _kids_of(el).get(name, _NO_KIDS)


def _child(el: etree._Element | None, name: str) -> etree._Element | None:
    if el is None:
        return None
    hits = _lookup(el, name)
    return hits[0] if hits else None


def _children(el: etree._Element | None, name: str) -> list[etree._Element]:
    return [] if el is None else _lookup(el, name)


def _text(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    t = el.text if len(el) == 0 else "".join(el.itertext())
    if not t:
        return None
    if "\r" in t:
        t = t.replace("\r\n", "\n").replace("\r", "\n")
    t = t.strip()
    return t or None


def _ctext(el: etree._Element | None, *names: str) -> str | None:
    """Text of the first child (among ``names``, in order) that has any."""
    if el is None:
        return None
    kids = _kids_of(el)
    for n in names:
        hits = kids.get(n)
        if hits:
            t = _text(hits[0])
            if t is not None:
                return t
    return None


def _yn(text: str | None) -> bool | None:
    if text is None:
        return None
    t = text.strip().lower()
    if t in ("y", "yes", "true", "1"):
        return True
    if t in ("n", "no", "false", "0"):
        return False
    return None


def _address(el: etree._Element | None) -> Address | None:
    if el is None:
        return None
    kids = _kids(el)
    if not kids:
        t = _text(el)
        return _construct_doc(Address, {"street1": t, "street2": None, "city": None, "state_or_country": None,
                                        "state_or_country_name": None, "zip_code": None}) if t else None
    code = _ctext(el, "stateOrCountry")
    return _construct_doc(Address, {
        "street1": _ctext(el, "street1"), "street2": _ctext(el, "street2"), "city": _ctext(el, "city"),
        "state_or_country": code, "state_or_country_name": code_name(code), "zip_code": _ctext(el, "zipCode")})


def _flat(el: etree._Element) -> dict[str, Any]:
    """An item element as {name: text}; repeated names become lists; nested groups flatten with '.'."""
    out: dict[str, Any] = {}
    names = _LOCAL_NAMES
    for c in el.iterchildren(etree.Element):
        t = c.tag
        name = names.get(t) or _local_name(t)
        if next(c.iterchildren(etree.Element), None) is not None and not (c.text or "").strip():
            for k, v in _flat(c).items():
                out[f"{name}.{k}"] = v
            continue
        val = _text(c)
        if val is None:
            continue
        if name in out:
            prev = out[name]
            out[name] = prev + [val] if isinstance(prev, list) else [prev, val]
        else:
            out[name] = val
    return out


# ----------------------------------------------------------------- parsing

# patterns of the hot paths, compiled once (re's cache lookup costs more than some of the matches)
_PLAIN_PERCENT = re.compile(r"\s*\d*\.?\d+\s*%?\s*")

# EDGAR writes a character it cannot encode as one '?' per byte of its UTF-8 form: a no-break space is "??",
# a narrow or figure space "???".  Such a run between two words of a name is a space ("Fund???GP LP").
_PLACEHOLDER_SPACE = re.compile(r"(?<=[^\s?])\?{2,3}(?=[^\s?])")


def _name_text(name: str | None) -> str | None:
    """A name as filed, white space collapsed and EDGAR's placeholder runs for a lost space made a space."""
    if name is None:
        return None
    return " ".join(_PLACEHOLDER_SPACE.sub(" ", name).split())
_AMEND_NO = re.compile(r"\d{1,4}")
_TERM_SPLIT = re.compile(r"\s+and\s+|;|\(\w{1,4}\)|:")
_TERM_DESCRIPTOR = re.compile(r",\s+an?\s+.*$")
_NAME_WORDS = re.compile(r"[\s,]+")
_NAME_COMMA_ROLE = re.compile(r"^(.*?),\s*(?:its\s+)?([^,]*)$")
_BY = re.compile(r"\bby:?\s", re.I)
_BY_SPLIT = re.compile(r"\bby:?\s+", re.I)
_FOOTNOTE = re.compile(r"(?:footnote|note)\s*\(?([A-Z]?\d+)\)?|^\(?([A-Z]?\d+)\)?$|^\*+$", re.I)
_NON_WORD = re.compile(r"[^\w\s]")
_HONORIFIC_NAME = re.compile(r"(?:mr|mrs|ms|dr)\.?\s+\S+", re.I)
_ITEM_SECTION = re.compile(r"Item (\d+)")
_LETTER = re.compile(r"[A-Za-z]")
_OF_ENTITY = re.compile(r"\bof\s+(?:the\s+)?(.+)$", re.I)
_LEADING_ARTICLE = re.compile(r"^(?:its|the|a|an)\s+", re.I)
_DIRECTOR_ONLY = re.compile(r"(?:a\s+)?director", re.I)



_POWERS = (
    ("sole_voting", "soleVotingPower", 7, 5),
    ("shared_voting", "sharedVotingPower", 8, 6),
    ("sole_dispositive", "soleDispositivePower", 9, 7),
    ("shared_dispositive", "sharedDispositivePower", 10, 8),
)


def _number(text: str | None, field: str, raw: dict[str, str]) -> Decimal | None:
    if text is None:
        return None
    if len(text) <= _MAX_DIGITS and text.isascii() and (text.isdigit() or (
            text[-1:] != "." and text.count(".") == 1 and text.replace(".", "", 1).isdigit())):
        return Decimal(text)  # what parse_decimal gives a plain number ("942779", "11615772.8"): most cover values
    d = parse_decimal(text)
    if d is None:
        raw[field] = text
    return d


def _reporting_person(el: etree._Element, page: int, schedule: str) -> ReportingPerson:
    raw: dict[str, str] = {}
    powers_el = _child(el, "reportingPersonBeneficiallyOwnedNumberOfShares") if schedule == "13G" else el
    if powers_el is None:
        powers_el = el
    vals = {f: _number(_ctext(powers_el, tag), f, raw) for f, tag, _, _ in _POWERS}
    agg_text = _ctext(el, "aggregateAmountOwned", "reportingPersonBeneficiallyOwnedAggregateNumberOfShares")
    pct_text = _ctext(el, "percentOfClass", "classPercent")
    pct, bound = (None, None)
    if pct_text is not None:
        pct, bound = parse_percent(pct_text)
        if pct is None or not _PLAIN_PERCENT.fullmatch(pct_text):
            raw["percent"] = pct_text
    code = _ctext(el, "citizenshipOrOrganization")
    name = _ctext(el, "reportingPersonName") or f"(reporting person {page})"
    return _construct_doc(ReportingPerson, {
        "page": page,
        "name": _name_text(name),
        # 13D reportingPersonCIK / reportingPersonNoCIK; 13G reportingCik / reportingCikNotPresentInEdgarFlag
        "cik": _ctext(el, "reportingPersonCIK", "reportingCik", "reportingPersonCik", "cik"),
        "no_cik": _yn(_ctext(el, "reportingPersonNoCIK", "reportingCikNotPresentInEdgarFlag", "reportingPersonNoCik")),
        "member_of_group": _ctext(el, "memberOfGroup", "memberGroup"),
        "fund_types": [t for c in _children(el, "fundType") if (t := _text(c))],
        "citizenship_code": code,
        "citizenship": code_name(code) or code,
        "legal_proceedings": _yn(_ctext(el, "legalProceedings")),
        "sole_voting": vals["sole_voting"],
        "shared_voting": vals["shared_voting"],
        "sole_dispositive": vals["sole_dispositive"],
        "shared_dispositive": vals["shared_dispositive"],
        "aggregate": _number(agg_text, "aggregate", raw),
        "aggregate_excludes_certain_shares": _yn(
            _ctext(el, "isAggregateExcludeShares", "aggregateAmountExcludesCertainSharesFlag")),
        "percent": pct,
        "percent_bound": bound,
        "types": [t for c in _children(el, "typeOfReportingPerson") if (t := _text(c))],
        "comment": _ctext(el, "commentContent", "comments"),
        "raw": raw,
    })


def _signatures(form: etree._Element | None) -> list[Signature]:
    out: list[Signature] = []
    blocks = []
    si = _child(form, "signatureInfo")
    for sp in _children(si, "signaturePerson"):
        blocks.append((_name_text(_ctext(sp, "signatureReportingPerson")), sp))
    for sp in _children(form, "signatureInformation"):
        blocks.append((_name_text(_ctext(sp, "reportingPersonName", "signatureReportingPerson")), sp))
    for who, sp in blocks:
        for d in _children(sp, "signatureDetails"):
            out.append(_construct_doc(Signature, {"reporting_person": who, "signature": _ctext(d, "signature"),
                                                  "title": _ctext(d, "title"), "date": _ctext(d, "date")}))
    return out


def read_document(root: etree._Element, source: str) -> Schedule13XmlDocument:
    _TLS.idx = {}
    try:
        return _read_document(root, source)
    finally:
        _TLS.idx = None


def _read_document(root: etree._Element, source: str) -> Schedule13XmlDocument:
    if strip_ns(root.tag) != "edgarSubmission":
        raise LoadError(source, f"not a Schedule 13D/13G XML document (root element <{strip_ns(root.tag)}>)")
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    header = _child(root, "headerData")
    form = _child(root, "formData")
    if form is None:
        raise LoadError(source, "Schedule 13D/13G XML has no <formData>")
    stype = _ctext(header, "submissionType") or ""
    if "13G" in stype.upper() or ns.lower() == NS_13G.lower():
        schedule = "13G"
    elif "13D" in stype.upper() or ns.lower() == NS_13D.lower():
        schedule = "13D"
    else:
        raise LoadError(source, f"edgarSubmission is not a Schedule 13D/13G (submission type {stype!r})")
    cph = _child(form, "coverPageHeader")
    ii = _child(cph, "issuerInfo")
    cusips = [t for t in (_ctext(ii, "issuerCUSIP", "issuerCusip"),) if t]
    for grp in _children(ii, "issuerCusips"):
        cusips += [t for c in _children(grp, "issuerCusipNumber") if (t := _text(c))]
    issuer = _construct_doc(Issuer, {
        "name": _name_text(_ctext(ii, "issuerName")),
        "cik": _ctext(ii, "issuerCIK", "issuerCik"),
        "cusips": cusips,
        "address": _address(_child(ii, "address") if _child(ii, "address") is not None
                            else _child(ii, "issuerPrincipalExecutiveOfficeAddress")),
    })
    filer_ciks = []
    fi = _child(header, "filerInfo")
    for f in _children(fi, "filer"):
        cik = _ctext(_child(f, "filerCredentials"), "cik") or _ctext(_child(f, "credentials"), "cik")
        if cik:
            filer_ciks.append(cik)
    amend = _ctext(cph, "amendmentNo")
    am = _AMEND_NO.search(amend or "")  # '3', also 'Amendment No. 3' as some agents fill it
    amendment_no = int(am.group(0)) if am else None
    rules = []
    for grp in _children(cph, "designateRulesPursuantThisScheduleFiled"):
        rules += [t for c in _children(grp, "designateRulePursuantThisScheduleFiled") if (t := _text(c))]
    auth = []
    for ap in _children(cph, "authorizedPersons"):
        for ni in _children(ap, "notificationInfo"):
            a = _address(_child(ni, "personAddress"))
            auth.append({"name": _ctext(ni, "personName"), "phone": _ctext(ni, "personPhoneNum"),
                         "address": a.model_dump(exclude_none=True) if a else None})
    # each schedule's own structure first, the other's when a filer agent mixed them up
    rp13d = _children(_child(form, "reportingPersons"), "reportingPersonInfo")
    rp13g = _children(form, "coverPageHeaderReportingPersonDetails")
    rp_els = (rp13d or rp13g) if schedule == "13D" else (rp13g or rp13d)
    items_el = (_child(form, "items1To7") if schedule == "13D" else _child(form, "items"))
    if items_el is None:
        items_el = _child(form, "items") if schedule == "13D" else _child(form, "items1To7")
    persons = [_reporting_person(el, i, "13G" if el in rp13g else "13D") for i, el in enumerate(rp_els, start=1)]
    items: dict[str, dict[str, Any]] = {}
    for it in _kids(items_el):
        items[strip_ns(it.tag)] = _flat(it)
    exhibits = []
    for name in ("exhibitInfo",):
        t = _ctext(form, name)
        if t:
            exhibits.append(t)
    ex7 = items.get("item7", {}).get("filedExhibits") if schedule == "13D" else None
    if ex7:
        exhibits.append(ex7 if isinstance(ex7, str) else "\n".join(ex7))
    docs = []
    for d in _children(_child(root, "documents"), "document"):
        docs.append({"name": _ctext(d, "conformedName") or "", "type": _ctext(d, "conformedDocumentType") or "",
                     "description": _ctext(d, "description") or ""})
    sig_comment = _ctext(form, "signatureComments") or _ctext(_child(form, "signatureInfo"), "commentText")
    return _construct_doc(Schedule13XmlDocument, {
        "schedule": schedule,
        "submission_type": stype or f"SCHEDULE {schedule}",
        "schema_version": _ctext(root, "schemaVersion"),
        "previous_accession": _ctext(header, "previousAccessionNumber"),
        "filer_ciks": filer_ciks,
        "filer_names": {},
        "amendment_no": amendment_no,
        "class_title": _ctext(cph, "securitiesClassTitle"),
        "event_date": _ctext(cph, "dateOfEvent", "eventDateRequiresFilingThisStatement"),
        "previously_filed": _yn(_ctext(cph, "previouslyFiledFlag")),
        "rule_designations": rules,
        "issuer": issuer,
        "authorized_persons": auth,
        "reporting_persons": persons,
        "items": items,
        "exhibits": exhibits,
        "signatures": _signatures(form),
        "signature_comments": sig_comment,
        "documents": docs,
        "denominator": None,
    })


# ----------------------------------------------------------------- facts


#: 13D Item 5 sub-paragraphs
_SUBITEM = {
    "percentageOfClassSecurities": "(a)", "numberOfShares": "(b)", "transactionDesc": "(c)",
    "listOfShareholders": "(d)", "date5PercentOwnership": "(e)",
    "filingPersonName": "(a)", "principalBusinessAddress": "(b)", "principalBusinessOfficeOrResidenceAddress": "(b)",
    "principalJob": "(c)", "hasBeenConvicted": "(d)", "convictionDescription": "(e)", "citizenship": "(f)",
}
#: item fields that are flags, codes or addresses, not prose
_NOT_PROSE = {"notApplicableFlag", "typeOfPersonFiling", "classOwnership5PercentOrLess", "issuerName",
              "securityTitle", "classPercent"}
_LEGAL_WORDS = re.compile(
    r"\b(inc|incorporated|corp|corporation|llc|l\.?l\.?c|lp|l\.p|llp|ltd|limited|plc|s\.?a|n\.?v|b\.?v|ag|gmbh|"
    r"co|company|fund|trust|partners|partnership|holdings?|capital|management|group|bank|authority|advisors?|"
    r"investments?|associates|foundation|ventures|rsc|sarl|s\.?p\.?a|l\.?p\.?)\b\.?", re.I)

_OFFICER_TITLES = re.compile(
    r"\b(president|chief\s+\w+(?:\s+\w+)?\s+officer|ceo|cfo|coo|cio|cto|vice\s+president|secretary|treasurer|"
    r"chairman|chairwoman|chair|managing\s+director|partner|principal|general\s+counsel|executive)\b", re.I)
_CONTROL_TITLES = (
    (re.compile(r"\bgeneral\s+partner\b", re.I), "general partner"),
    (re.compile(r"\bmanaging\s+member\b", re.I), "managing member"),
    (re.compile(r"\bsole\s+member\b", re.I), "sole member"),
    (re.compile(r"\btrustee\b", re.I), "trustee"),
    (re.compile(r"\bsole\s+(?:shareholder|stockholder|owner)\b", re.I), "sole shareholder"),
    (re.compile(r"^(?:sole\s+|managing\s+)?manager$", re.I), "manager"),
    (re.compile(r"^investment\s+(?:manager|adviser|advisor)$", re.I), "investment manager"),
)
#: "Managing Member of its General Partner": a role in an unnamed intermediate, not in the signing entity
_NESTED_ROLE = re.compile(r"\bof\s+(?:its|the|their)\s+(?:sole\s+)?(?:general\s+partner|manager|managing\s+member|"
                          r"investment\s+(?:manager|adviser|advisor)|parent|member|trustee)\b", re.I)
_NO_RELATION_TITLES = re.compile(
    r"authori[sz]ed\s+(signatory|person|representative|officer)|attorney|individually|power\s+of|agent|"
    r"on\s+behalf|signatory|pursuant", re.I)


def looks_like_organization(name: str) -> bool:
    return bool(_LEGAL_WORDS.search(name))


class _Builder:
    """Accumulates facts for one filing."""

    def __init__(self, doc: Schedule13XmlDocument, data: bytes, source: str):
        self.doc = doc
        self.source = source
        self.sha = sha256(data)
        self.accession = None  # not in the XML: a container's header gives it (submission._repoint)
        self.fid = filing_id(self.accession, self.sha)
        self.entities: list[EntityFact] = []
        self.relations: list[RelationFact] = []
        self.warnings: list[str] = []
        self._rel_seen: set[tuple] = set()
        self._index: dict = {}
        self._provs: dict[tuple[str, str], Provenance] = {}
        self._index_sig: tuple = ()
        self.item_texts: list[tuple[str, str]] | None = None
        self.item8_exhibit: str | None = None  # 13G Item 8 "See Exhibit 99.1": the exhibit listing the members
        self.item5c_schedule: str | None = None  # 13D Item 5(c) "See Schedule A" that the document does not hold

    def prov(self, section: str, text: str = "") -> Provenance:
        key = (section, text)
        p = self._provs.get(key)
        if p is None:  # frozen: one object per (section, text) is shared
            p = self._provs[key] = _construct(Provenance, {
                "filing_id": self.fid, "accession": self.accession, "source": self.source, "section": section,
                "excerpt": excerpt(text) if text else ""})
        return p

    def relate(self, etype: EdgeKind, src: str, dst: str, props: dict, section: str, text: str = "",
               disc: str | None = None) -> None:
        key = (etype, src, dst, disc, tuple(sorted((k, str(v)) for k, v in props.items() if k != "title")))
        if src == dst or key in self._rel_seen:
            return
        self._rel_seen.add(key)
        self.relations.append(_construct(RelationFact, {"type": etype, "source": src, "target": dst, "props": props,
                                                        "prov": self.prov(section, text), "discriminator": disc}))

    def find(self, name: str) -> EntityFact | None:
        """An entity of this filing named ``name`` (its name or an alias), compared normalized."""
        sig = (len(self.entities), sum(len(e.aliases) for e in self.entities))
        if self._index_sig != sig:
            idx: dict[tuple[NodeKind, str], EntityFact] = {}
            spelled: dict[str, EntityFact | None] = {}
            shared: set[tuple[NodeKind, str]] = set()
            for e in self.entities:
                if e.kind not in (NodeKind.ORGANIZATION, NodeKind.PERSON):
                    continue
                for n in (e.name, *e.aliases):
                    k = (e.kind, normalize_name(n, e.kind))
                    if idx.setdefault(k, e) is not e:
                        shared.add(k)
                    sp = _spelled(n)
                    spelled[sp] = e if spelled.get(sp, e) is e else None
            self._index, self._index_sig = idx, sig
            self._spelled_index, self._shared = spelled, shared
        for kind in (NodeKind.ORGANIZATION, NodeKind.PERSON):
            n = normalize_name(name, kind)
            if n and (kind, n) in self._index:
                if (kind, n) in self._shared:  # "..., L.P." and "..., LLC" normalize alike: the one spelled so
                    hit = self._spelled_index.get(_spelled(name))
                    if hit is not None:
                        return hit
                return self._index[(kind, n)]
        return None


def _kind_of(rp: ReportingPerson) -> NodeKind:
    types = {t.upper() for t in rp.types}
    if "IN" in types:
        return NodeKind.PERSON
    if types:
        return NodeKind.ORGANIZATION
    return NodeKind.ORGANIZATION if looks_like_organization(rp.name) else NodeKind.PERSON


def _name_words(name: str) -> frozenset[str]:
    """The words of a person's name longer than an initial, lower-cased ('ICAHN CARL C' -> {icahn, carl})."""
    return frozenset(w for w in _NON_WORD.sub(" ", name.lower()).split() if len(w) > 1)


def _same_person_sec_order(filer_name: str, name: str) -> bool:
    """EDGAR names an individual filer LAST FIRST MIDDLE ('GRIFFIN KENNETH C'), the cover page as the person
    signs ('Kenneth Griffin', 'Carl C. Icahn'): the same person when the words beyond initials are the same
    (at least two of them, so a lone surname never matches)."""
    a, b = _name_words(filer_name), _name_words(name)
    return len(a) >= 2 and a == b


def _fmt(d: Decimal | None) -> str:
    return "-" if d is None else str(d)


def _cover_excerpt(rp: ReportingPerson) -> str:
    parts = [f"{rp.name}:", f"sole voting {_fmt(rp.sole_voting)},", f"shared voting {_fmt(rp.shared_voting)},",
             f"sole dispositive {_fmt(rp.sole_dispositive)},", f"shared dispositive {_fmt(rp.shared_dispositive)},",
             f"aggregate {_fmt(rp.aggregate)},",
             f"{(rp.percent_bound or '')}{_fmt(rp.percent)}% of class"]
    if rp.types:
        parts.append(f"({', '.join(rp.types)})")
    return " ".join(parts)


def _sec_order_aliases(name: str, corpus: str) -> list[str]:
    """'Leonard Braden Michael' (SEC order LAST FIRST MIDDLE) -> the display forms the filing's text uses."""
    toks = name.replace(",", " ").split()
    if len(toks) < 2 or len(toks) > 4 or any("." in t for t in toks):
        return []
    last, first, middle = toks[0], toks[1], toks[2:]
    pat = re.escape(first) + r"\s+" + (
        r"(?:" + "|".join(re.escape(m[0]) + r"\.?|" + re.escape(m) for m in middle) + r")\s+" if middle else ""
    ) + re.escape(last) + r"\b"
    found = []
    for m in re.finditer(pat, corpus, re.I):
        s = " ".join(m.group(0).split())
        if s.lower() not in (f.lower() for f in found):
            found.append(s)
    if found:
        found.append(" ".join([first, *middle, last]))
    return found


_DEFINED = re.compile(r"\(\s*(?:the\s+|each\s+a\s+|together\s+)?[\"“”']+([^\"“”']{2,60})[\"“”']")
_NAME_TAIL = re.compile(r"([A-Z][\w.&',\- ]{2,150})\s*$")
_NOT_NAME_CHAR = re.compile(r"[^\w.&',\- ]")


def _name_tail(pre: str) -> re.Match | None:
    """``_NAME_TAIL.search(pre)``, started after the last character a match could not span (a match runs to
    the end of ``pre``, up to white space): tried from every capital letter before it, the pattern runs to that
    character and backtracks, for nothing."""
    core = pre.rstrip()
    m = _NOT_NAME_CHAR.search(core[::-1])
    return _NAME_TAIL.search(pre, len(core) - m.start() if m else 0)


def _defined_terms(text: str) -> list[tuple[str, str]]:
    """'Abu Dhabi Investment Authority ("ADIA")' -> ('Abu Dhabi Investment Authority', 'ADIA')."""
    out = []
    for m in _DEFINED.finditer(text):
        pre = text[max(0, m.start() - 150): m.start()]
        nm = _name_tail(pre)
        if not nm:
            continue
        full = nm.group(1)
        full = _TERM_SPLIT.split(full)[-1]
        full = _TERM_DESCRIPTOR.sub("", full).strip(" ,")
        words = full.split()
        i = len(words)
        while i > 0 and (words[i - 1][:1].isupper() or words[i - 1][:1].isdigit()
                         or words[i - 1].lower() in ("of", "de", "&", "du", "la", "von", "van", "der")):
            i -= 1
        full = " ".join(words[i:])
        short = m.group(1).strip(" ,.;")
        if full and full[0].isupper():
            out.append((full, short))
    return out


_GENERIC_TERMS = {"issuer", "company", "reporting persons", "reporting person", "manager", "fund", "funds",
                  "adviser", "advisor", "general partner", "partnership", "trust", "group", "amendment",
                  "schedule 13d", "schedule 13g", "common stock", "shares", "sec", "act", "exchange act",
                  "government", "investment manager", "parent", "holdings", "board", "agreement"}


def _tokens(s: str) -> set[str]:
    return set(normalize_name(s, NodeKind.ORGANIZATION).split())


def _term_matches(full: str, short: str, name: str) -> bool:
    """Does the defined term ``full`` ("Platinum Investment Holdings RSC Limited") name the entity ``name``?"""
    ft, nt = _tokens(full), _tokens(name)
    if not ft or not nt:
        return False
    if ft == nt or ft <= nt or nt <= ft:
        return len(ft & nt) >= min(2, len(nt))
    return False


def _acronym_of(short: str, name: str) -> bool:
    words = [w for w in _NAME_WORDS.split(name) if w and w[0].isalpha()]
    initials = "".join(w[0] for w in words if w.lower() not in ("of", "and", "the", "&")).upper()
    return len(short) >= 2 and short.isupper() and initials.startswith(short)


def _split_role(text: str) -> tuple[str, str | None]:
    """'MCH PWCM Holdings Inc., General Partner' -> ('MCH PWCM Holdings Inc.', 'General Partner')."""
    t = text.strip(" ,;")
    for sep in ("/", " - ", " – ", " — "):
        if sep in t:
            a, b = t.split(sep, 1)
            if a.strip() and b.strip():
                return a.strip(" ,"), b.strip(" ,")
    m = _NAME_COMMA_ROLE.match(t)
    if m and (_OFFICER_TITLES.search(m.group(2)) or any(p.search(m.group(2)) for p, _ in _CONTROL_TITLES)
              or _NO_RELATION_TITLES.search(m.group(2))):
        return m.group(1).strip(" ,"), m.group(2).strip()
    return t, None


_BY_SLASH_S = re.compile(r"^(?:by:?\s*)?(?:/s/\s*)?", re.I)
_SLASH_S = re.compile(r"^/s/\s*", re.I)


def _clean_signer(sig: str | None) -> str:
    s = (sig or "").strip()
    s = _BY_SLASH_S.sub("", s, count=1).strip()
    s = _SLASH_S.sub("", s, count=1).strip()
    return " ".join(s.split()).strip(" ,*")  # "/s/ Mark McDonnell*": the star points at a footnote


#: "Mark McDonnell, as Attorney-in-Fact for Keith Crandell, Managing Director": the signer is an agent; the
#: step of the chain (and the role) is the principal's
_ATTORNEY_FOR = re.compile(
    r"\b(?:as\s+)?(?:attorney[\s-]+in[\s-]+fact|attorney|agent)\s+(?:for|of|on\s+behalf\s+of)\s+"
    r"(?P<who>[^,;]+?)\s*(?:[,;]\s*(?:its\s+|as\s+)?(?P<role>[^,;]+))?\s*$", re.I)


#: "Authorized Signatory, Affinity Partners GP LP, its general partner" / "Managing Member of Foo GP LLC, the
#: general partner": the signer holds the first role in the entity named, which is the reporting person's second
_ROLE_ENTITY_ROLE = re.compile(
    r"^(?P<role1>[A-Za-z][\w .&'-]{1,60}?)(?:\s*,\s*|\s+of\s+)"
    r"(?P<ent>[A-Z0-9][^,]{1,120}?(?:,\s*(?:L\.?\s?P\.?|L\.?L\.?C\.?|Inc\.?|Ltd\.?|Limited|LLLP|N\.?A\.?))?)"
    r"\s*,\s*(?:its|the|as(?:\s+its)?)\s+(?P<role2>[A-Za-z][\w .&'-]{1,60}?)\s*$")


def _role_entity_role(signer: str, title: str) -> list[tuple[str, str | None]] | None:
    """[(entity, role2), (signer, role1)] for a title that names the intermediate entity it is signed through
    (without 'By:'), the signer's name perhaps written first ('Ian Brekke / Authorized Signatory, ...')."""
    t = title
    for sep in ("/", " - "):
        if sep in t:
            head, rest = t.split(sep, 1)
            if signer and normalize_name(head, NodeKind.PERSON) == normalize_name(signer, NodeKind.PERSON):
                t = rest.strip()
            break
    m = _ROLE_ENTITY_ROLE.match(t)
    if not m:
        return None
    role1, ent, role2 = m.group("role1").strip(), m.group("ent").strip(" ,"), m.group("role2").strip()
    if not looks_like_organization(ent) or not any(p.search(role2) for p, _ in _CONTROL_TITLES):
        return None
    if not (_OFFICER_TITLES.search(role1) or _NO_RELATION_TITLES.search(role1)
            or any(p.search(role1) for p, _ in _CONTROL_TITLES) or _DIRECTOR_ONLY.fullmatch(role1)):
        return None
    return [(ent, role2), (signer, role1)] if signer else [(ent, role2)]


_ROLE_LIST_SPLIT = re.compile(r"\s*[,;&]\s*|\s+and\s+", re.I)
_GENERAL_PARTNER = re.compile(r"^(?:the\s+|its\s+|a\s+)?(?:sole\s+|managing\s+)?general\s+partner$", re.I)


def _officer_of_gp(signer: str, title: str) -> str | None:
    """'President, CEO, General Partner': a list of corporate offices and 'General Partner' names no entity, and
    a partnership has no president: the signer is an officer of the filer *and* of its (corporate) general
    partner, not its general partner.  Gives the offices ('President, CEO'), else None."""
    if not title or "artner" not in title or _BY.search(title):
        return None
    parts = [p.strip(" .") for p in _ROLE_LIST_SPLIT.split(title) if p.strip(" .")]
    if parts and signer and normalize_name(parts[0], NodeKind.PERSON) == normalize_name(signer, NodeKind.PERSON):
        parts = parts[1:]
    if len(parts) < 2:
        return None
    gp = [p for p in parts if _GENERAL_PARTNER.fullmatch(p)]
    offices = [p for p in parts if not _GENERAL_PARTNER.fullmatch(p)]
    if not gp or not offices:
        return None
    for p in offices:
        if (len(p.split()) > 5 or looks_like_organization(p) or any(c.search(p) for c, _ in _CONTROL_TITLES)
                or not (_OFFICER_TITLES.search(p) or _DIRECTOR_ONLY.fullmatch(p))):
            return None
    return ", ".join(offices)


def _sig_steps(sig: Signature) -> list[tuple[str, str | None]]:
    """The 'By:' chain of one signature: [(name, role), ...], outermost first."""
    title = (sig.title or "").strip()
    signer = _clean_signer(sig.signature)
    offices = _officer_of_gp(signer, title)
    if offices is not None and signer:
        return [(signer, offices)]
    if "," in title and not _BY.search(title):
        steps = _role_entity_role(signer, title)
        if steps:
            return steps
    if "ttorney" in title or "gent" in title:
        am = _ATTORNEY_FOR.search(title) if not _BY.search(title) else None
        if am:
            role = (am.group("role") or "").strip() or None
            return [(_clean_signer(am.group("who")), role)]
    if _BY.search(title):
        steps = []
        for seg in _BY_SPLIT.split(title):
            seg = seg.strip(" ,;")
            if not seg:
                continue
            nm, role = _split_role(seg)
            steps.append((_clean_signer(nm), role))
        return steps
    if not title:
        return [(signer, None)] if signer else []
    nm, role = _split_role(title)
    if role is not None and signer and normalize_name(nm, NodeKind.PERSON) == normalize_name(signer, NodeKind.PERSON):
        return [(signer, role)]
    if role is None:
        # title is just a role ('General Partner') or just the signer's name
        if signer and normalize_name(title, NodeKind.PERSON) == normalize_name(signer, NodeKind.PERSON):
            return [(signer, None)]
        return [(signer, title)]
    return [(signer or nm, role)]


def build_facts(doc: Schedule13XmlDocument, data: bytes, source: str, warnings: list[str] | None = None) -> FilingFacts:
    b = _Builder(doc, data, source)
    if warnings:
        b.warnings.extend(warnings)
    event = parse_date(doc.event_date) if doc.event_date else None
    sig_dates = [d for s in doc.signatures if (d := parse_date(s.date))]
    form_type = doc.submission_type
    cover = "cover page"

    # issuer and its class
    iss = doc.issuer
    issuer_key = None
    if iss.name or iss.cik:
        issuer_key = "issuer"
        props = []
        if iss.address and (iss.address.state_or_country or iss.address.city):
            a = iss.address
            addr = join_address((a.street1, a.street2, a.city, a.state_or_country_name or a.state_or_country,
                                 a.zip_code)) or ""
            props.append(_prop("address", value=addr, prov=b.prov("cover page", addr)))
        b.entities.append(_entity("issuer", NodeKind.ORGANIZATION, iss.name or f"CIK {iss.cik}",
                                  b.prov("cover page", f"Name of issuer: {iss.name}"), cik=normalize_cik(iss.cik),
                                  props=props))
    valid = [c for c in iss.cusips if normalize_cusip(c)]
    sec_key = None
    if issuer_key:
        sec_key = "sec:class"
        sec_props = []
        if len(valid) > 1:
            sec_props.append(_prop("other_cusips", value=",".join(valid[1:]),
                                      prov=b.prov("cover page", "CUSIP numbers: " + ", ".join(iss.cusips))))
        if iss.cusips and not valid:
            sec_props.append(_prop("cusip_as_filed", value=",".join(iss.cusips),
                                      prov=b.prov("cover page", "CUSIP number: " + ", ".join(iss.cusips))))
        b.entities.append(_entity(sec_key, NodeKind.SECURITY, doc.class_title or "Securities (class not stated)",
                                  b.prov("cover page", f"Title of class of securities: {doc.class_title}"),
                                  cusip=normalize_cusip(valid[0]) if valid else None, props=sec_props))
        b.relate(EdgeKind.ISSUED_BY, sec_key, issuer_key, {}, "cover page",
                 f"{doc.class_title} of {iss.name}")

    # reporting persons
    filer_keys = []
    rules = ", ".join(doc.rule_designations) or None  # 13G: Rule 13d-1(b) / (c) / (d), for every person
    single_no_cik = len(doc.reporting_persons) == 1 and not doc.reporting_persons[0].cik and len(doc.filer_ciks) == 1
    item4 = _item4_values(doc) if len(doc.reporting_persons) == 1 else {}
    for rp in doc.reporting_persons:
        key = f"rp:{rp.page}"
        filer_keys.append(key)
        sect = f"{cover} {rp.page}"
        filled = [f for f in item4 if getattr(rp, f) is None]
        if filled:  # a sole person's cover rows left empty (an exit 13G/A): Item 4 states the same values
            rp = rp.model_copy(update={f: item4[f][0] for f in filled})
            if "percent" in filled:
                rp.percent_bound = item4["percent"][1]
        text = _cover_excerpt(rp)
        props: list[PropFact] = []

        def prop(name: str, value: Any, row: str | None = None, _sect: str = sect, _text: str = text) -> None:
            if value is not None and value != "":
                props.append(_prop(name, value=value, prov=b.prov(f"{_sect}, {row}" if row else _sect, _text)))

        r13d = doc.schedule == "13D"
        prop("citizenship_code", rp.citizenship_code, "row 6" if r13d else "row 4")
        prop("citizenship", rp.citizenship, "row 6" if r13d else "row 4")
        prop("country", country_of(rp.citizenship_code), "row 6" if r13d else "row 4")
        prop("reporting_person_type", ",".join(rp.types) or None, "row 14" if r13d else "row 12")
        prop("fund_types", ",".join(rp.fund_types) or None, "row 4")
        prop("member_of_group", rp.member_of_group, "row 2")
        prop("no_cik", rp.no_cik)
        if rp.comment:
            prop("comment", rp.comment, None, sect + ", comments", rp.comment)
        cik = normalize_cik(rp.cik)
        if cik is None and rp.no_cik is not True:
            person = _kind_of(rp) == NodeKind.PERSON
            named = [c for c, n in doc.filer_names.items()
                     if normalize_name(n, NodeKind.ORGANIZATION) == normalize_name(rp.name, NodeKind.ORGANIZATION)
                     or person and _same_person_sec_order(n, rp.name)]
            if len(named) == 1 and not any(normalize_cik(p.cik) == normalize_cik(named[0])
                                           for p in doc.reporting_persons):
                cik = normalize_cik(named[0])
                prop("cik_from", "filer credentials (filer name beside the CIK)")
        if cik is None and single_no_cik and rp.no_cik is not True:
            cik = normalize_cik(doc.filer_ciks[0])
            if cik:
                prop("cik_from", "filer credentials (sole reporting person)")
        b.entities.append(_entity(key, _kind_of(rp), rp.name, b.prov(f"{sect}, row 1", f"Name of reporting person: {rp.name}"),
                                  cik=cik, props=props))
        if sec_key:
            hp: dict[str, Any] = {"basis": "beneficial", "shares": rp.aggregate, "percent": rp.percent,
                                  "percent_bound": rp.percent_bound, "sole_voting": rp.sole_voting,
                                  "shared_voting": rp.shared_voting, "sole_dispositive": rp.sole_dispositive,
                                  "shared_dispositive": rp.shared_dispositive, "as_of": event,
                                  "aggregate_excludes_certain_shares": rp.aggregate_excludes_certain_shares,
                                  "filed_pursuant_to": rules}
            if rp.percent_bound:
                hp["percent_text"] = rp.raw.get("percent")
            for f, v in rp.raw.items():
                hp[f"{f}_text"] = v
                m = _FOOTNOTE.search(v)
                if m and hp.get("shares" if f == "aggregate" else f) is None:
                    hp[f"{'shares' if f == 'aggregate' else f}_footnote"] = f"see footnote {m.group(1) or m.group(2) or '*'}"
            row = "row 11" if r13d else "row 9"
            hsect = f"{sect}, {row}"
            if "aggregate" in filled:
                hsect = "Item 4"
                if rp.percent_bound and "percent" in filled:
                    hp["percent_text"] = item4["percent"][2]
            b.relate(EdgeKind.HOLDS, key, sec_key, {k: v for k, v in hp.items() if v is not None}, hsect, text)
        if (rp.member_of_group or "").strip().lower() == "a":
            b.relate(EdgeKind.MEMBER_OF_GROUP, key, "filing", {}, f"{sect}, row 2",
                     f"{rp.name}: member of a group (box (a) checked)")

    _name_aliases(b, doc)
    _agreements(b, doc, filer_keys)
    _mine_prose(b, doc, issuer_key)
    _signature_relations(b, doc)
    _item8_members(b, doc, filer_keys)
    _drop_generic_aliases(b)

    so, so_date, denominator = _shares_outstanding(doc)
    doc.denominator = denominator
    info = _construct_doc(FilingInfo, {
        "id": b.fid,
        "accession": b.accession,
        "form_type": form_type, "also_form_types": [],
        "family": "schedule13",
        "loader": "schedule13_xml",
        "amendment_no": doc.amendment_no,
        "is_amendment": form_type.upper().endswith("/A") or bool(doc.amendment_no),
        "amendment_type": None,
        "previous_accession": doc.previous_accession,
        "filed_date": None,
        "event_date": event,
        "signed_date": min(sig_dates) if sig_dates else None,
        "source": source,
        "sha256": b.sha,
        "issuer_key": issuer_key,
        "filer_keys": filer_keys,
        "earlier_filings": [],
        "shares_outstanding": so,
        "shares_outstanding_date": so_date,
    })
    facts = _construct_doc(FilingFacts, {"filing": info, "document": doc.model_dump(mode="json"),
                                         "entities": b.entities, "relations": b.relations, "warnings": b.warnings})
    if doc.schedule == "13G":
        _item7_subsidiaries(doc, facts)
        if b.item8_exhibit:
            facts.document["item_8_members"] = {"exhibit": b.item8_exhibit, "found": 0}
    elif b.item5c_schedule:
        facts.document["item_5c_schedule"] = {"schedule": b.item5c_schedule, "found": 0}
    return facts


#: 13G Item 4 fields -> the cover rows they restate
_ITEM4_FIELDS = (
    ("amountBeneficiallyOwned", "aggregate"),
    ("classPercent", "percent"),
    ("numberOfSharesPersonHas.solePowerOrDirectToVote", "sole_voting"),
    ("numberOfSharesPersonHas.sharedPowerOrDirectToVote", "shared_voting"),
    ("numberOfSharesPersonHas.solePowerOrDirectToDispose", "sole_dispositive"),
    ("numberOfSharesPersonHas.sharedPowerOrDirectToDispose", "shared_dispositive"),
)
_ITEM4_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ITEM4_PERCENT = re.compile(r"(?:less\s+than\s+)?\d*\.?\d+\s*%?", re.I)


def _item4_values(doc: Schedule13XmlDocument) -> dict[str, tuple]:
    """13G Item 4 values that are plain numbers ("0", "1,250,000", "4.9%"): {field: (value, bound, text)}.

    Item 4 restates the cover rows; a 13G/A reporting a holding that fell to nothing often leaves the
    cover rows empty and answers only here.  Text ("See row 9 of the cover page", a sentence) gives nothing.
    """
    if doc.schedule != "13G":
        return {}
    item4 = doc.items.get("item4") or {}
    out: dict[str, tuple] = {}
    for name, field in _ITEM4_FIELDS:
        t = item4.get(name)
        if not isinstance(t, str) or len(t) > 40:
            continue
        t = t.strip().rstrip(".").strip()
        if field == "percent":
            if _ITEM4_PERCENT.fullmatch(t):
                pct, bound = parse_percent(t)
                if pct is not None:
                    out[field] = (pct, bound, t)
        elif _ITEM4_NUMBER.fullmatch(t):
            d = parse_decimal(t)
            if d is not None:
                out[field] = (d, None, t)
    return out


from ._item5c import exhibit_transactions, holder_resolver, read_item5c  # noqa: E402
from ._item8 import (COLLECTIVE_GROUP as _COLLECTIVE_GROUP, NO_GROUP as _NO_GROUP,  # noqa: E402
                     NOT_APPLICABLE as _NOT_APPLICABLE, SEE_ONLY as _SEE_ONLY, exhibit_group_members,
                     exhibit_label, member_names as _member_names)


def _item8_members(b: _Builder, doc: Schedule13XmlDocument, filer_keys: list[str]) -> None:
    """13G Item 8 (identification and classification of members of the group): ``MEMBER_OF_GROUP`` for each
    member it names (a reporting person, else a new entity), or for every reporting person when it says the
    Reporting Persons are a group; nothing when it is not applicable, only refers elsewhere, or disclaims a
    group.  A member's classification code ("- IA", "(PN)") goes on the edge."""
    if doc.schedule != "13G":
        return
    item8 = doc.items.get("item8") or {}
    if (item8.get("notApplicableFlag") or "").strip().upper() == "Y":
        return
    text = item8.get("identificationAndClassificationOfGroupMembers")
    if isinstance(text, list):
        text = "\n".join(text)
    if not text or _NOT_APPLICABLE.match(text) or _NO_GROUP.search(text):
        return
    section = "Item 8"
    members: list[tuple[str, str | None, str]] = []  # (entity key, classification, excerpt)
    if _SEE_ONLY.match(text):
        # "See Exhibit 99.1": the list is an exhibit (inside the XML or a document of the submission)
        b.item8_exhibit = exhibit_label(text)
    else:
        for name, code, piece in _member_names(text):
            ent = b.find(name)
            if ent is None:
                pend = _resolve(b, name)
                words = name.split()
                plausible = (pend is not None and all(w[0].isupper() or w.lower() in ("of", "and", "&", "de", "the", "for")
                                                      or not w[0].isalpha() for w in words))
                if not plausible or (pend.kind == NodeKind.PERSON and len(words) > 4):
                    continue
                ent = _materialize(b, pend, section, prefix="grp")
            if ent.key not in [k for k, _, _ in members]:
                members.append((ent.key, code, piece))
    if not members and _COLLECTIVE_GROUP.search(text):
        members = [(k, None, text) for k in filer_keys]
    grouped = {r.source for r in b.relations if r.type == EdgeKind.MEMBER_OF_GROUP}
    for key, code, ex in members:
        if key in grouped:
            continue  # the cover page's group box (a) already says so
        b.relate(EdgeKind.MEMBER_OF_GROUP, key, "filing", {"classification": code} if code else {}, section, ex)


def _item7_subsidiaries(doc: Schedule13XmlDocument, facts: FilingFacts) -> None:
    """13G Item 7: the subsidiaries a parent holding company reports for (see :mod:`._item7`)."""
    item7 = doc.items.get("item7") or {}
    answer = item7.get("subsidiaryIdentificationAndClassification")
    if isinstance(answer, list):
        answer = "\n".join(answer)
    if not answer or (item7.get("notApplicableFlag") or "").strip().upper() == "Y":
        return
    from ._item7 import mine_item7

    try:
        mine_item7(facts, answer, facts.document)
    except Exception as e:  # noqa: BLE001 - the Item 7 list must never lose the cover data
        facts.warnings.append(f"{facts.filing.source}: Item 7: subsidiaries not read ({type(e).__name__}: {e})")


_ITEM_NO = re.compile(r"item(\d+)")


def _item_texts(doc: Schedule13XmlDocument, b: _Builder | None = None) -> list[tuple[str, str]]:
    """(section, text) for every prose field of the items, in filing order (read once per filing)."""
    if b is not None:
        if b.item_texts is None:
            b.item_texts = _item_texts(doc)
        return b.item_texts
    out = []
    for item, fields in doc.items.items():
        m = _ITEM_NO.match(item)
        if not m:
            continue
        n = m.group(1)
        for name, val in fields.items():
            base = name.split(".")[-1]
            if base in _NOT_PROSE or "Address" in base and doc.schedule == "13D" and n == "1":
                continue
            texts = val if isinstance(val, list) else [val]
            for t in texts:
                if not t or len(t) < 12:
                    continue
                sub = _SUBITEM.get(base, "") if n in ("2", "5") and doc.schedule == "13D" else ""
                out.append((f"Item {n}{sub}", t))
    return out


def _name_aliases(b: _Builder, doc: Schedule13XmlDocument) -> None:
    """Names the filing's own text uses for its reporting persons and issuer."""
    texts = [t for _, t in _item_texts(doc, b)] + [rp.comment or "" for rp in doc.reporting_persons]
    # each text, and a signature's name and title lines, kept apart: "/s/ Jared Kushner" above the title "Jared
    # Kushner" is no "Kushner Jared" (a name in EDGAR's LAST FIRST order)
    texts += [f"{s.signature or ''}\n|\n{s.title or ''}" for s in doc.signatures]
    corpus = "\n|\n".join(texts)
    for e in b.entities:
        if e.kind == NodeKind.PERSON:
            for a in _sec_order_aliases(e.name, corpus):
                if a != e.name and a not in e.aliases:
                    e.aliases.append(a)
    people = [e for e in b.entities if e.kind in (NodeKind.PERSON, NodeKind.ORGANIZATION)]
    for full, short in _defined_terms(corpus):
        exact = [e for e in people if normalize_name(full, e.kind) == normalize_name(e.name, e.kind)]
        if len(exact) > 1:  # "ARCH Venture Partners XII, L.P." and "..., LLC": the one spelled so
            exact = [e for e in exact if _spelled(e.name) == _spelled(full)] or exact
        cands = exact or [e for e in people
                          if _term_matches(full, short, e.name) or any(_term_matches(full, short, a) for a in e.aliases)]
        if len(cands) != 1:
            continue
        e = cands[0]
        for a in (full, short):
            if (normalize_name(a, e.kind) != normalize_name(e.name, e.kind)
                    and a.lower() not in _GENERIC_TERMS and a not in e.aliases
                    and (a is full or _acronym_of(short, e.name) or _tokens(short) <= _tokens(e.name)
                         or _tokens(short) <= _tokens(full))):
                e.aliases.append(a)


_GENERIC_WORDS = {"the", "a", "an", "fund", "funds", "manager", "managers", "adviser", "advisor", "investment",
                  "general", "partner", "partners", "partnership", "company", "issuer", "group", "parent", "trust",
                  "trustee", "holdings", "holder", "entity", "entities", "master", "feeder", "sub", "subsidiary",
                  "reporting", "person", "persons", "government", "gp", "lp", "llc", "offshore", "onshore",
                  "account", "accounts", "vehicle", "purchaser", "investor", "investors", "sponsor", "member"}


def _drop_generic_aliases(b: _Builder) -> None:
    """Defined terms such as "the Fund" or "Investment Manager" name an entity inside this filing only.

    As aliases they would join every other filing's "Fund" to this one (the builder resolves
    entities across filings by alias), so they are dropped once the prose has been mined.
    """
    for e in b.entities:
        if e.aliases:
            e.aliases = [a for a in e.aliases
                         if not set(_NON_WORD.sub(" ", a.lower()).split()) <= _GENERIC_WORDS
                         and not _HONORIFIC_NAME.fullmatch(a.strip())]


def _agreements(b: _Builder, doc: Schedule13XmlDocument, filer_keys: list[str]) -> None:
    text = "\n".join(doc.exhibits)
    m = re.search(r"joint\s+filing\s+agreement", text, re.I)
    if not m or len(filer_keys) < 2:
        return
    line = next((ln for ln in text.splitlines() if re.search(r"joint\s+filing", ln, re.I)), text)
    dm = re.search(r"dated\s+(?:as\s+of\s+)?(" + DATE_RE + ")", line, re.I)
    d = parse_date(dm.group(1)) if dm else None
    props = [_prop("agreement_type", "joint filing agreement", b.prov("Item 7", line))]
    if d:
        props.append(_prop("date", value=d, prov=b.prov("Item 7", line)))
    b.entities.append(_entity("agreement:joint-filing", NodeKind.AGREEMENT, "Joint Filing Agreement",
                              b.prov("Item 7", line), props=props))
    for k in filer_keys:
        b.relate(EdgeKind.PARTY_TO, k, "agreement:joint-filing", {"role": "party"}, "Item 7", line)


#: items whose prose states relationships (the classic loader mines the same items); Item 4 explains the
#: holdings ("The Firm is the investment manager to the Master Fund", "X, a director of the Issuer");
#: 13G Item 7 names the subsidiary a parent reports for, Item 8 the members of a group
_MINED_13D = {"2", "4", "5", "6"}
_MINED_13G = {"2", "4", "6", "7", "8"}


#: a text without any of these words states no relationship the miner could read (skip it: mining is costly)
_STATES_ROLES = re.compile(
    r"partner|member|own|control|officer|director|president|chief|chair|trustee|manag|advis|parent|subsidiar|"
    r"holder|employ|principal|virtue|founder|secretary|treasurer|executive|committee|[(][\"“']", re.I)


_STATES_WORDS = ("partner", "member", "own", "control", "officer", "director", "president", "chief", "chair",
                 "trustee", "manag", "advis", "parent", "subsidiar", "holder", "employ", "principal", "virtue",
                 "founder", "secretary", "treasurer", "executive", "committee")
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")  # letters case-insensitive matching equates with ASCII


def _states_roles(text: str) -> bool:
    """``_STATES_ROLES.search(text)`` as substring tests on the lower-cased text (the same answer, faster)."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return _STATES_ROLES.search(text) is not None
    if '("' in text or "(“" in text or "('" in text:
        return True
    low = text.lower()
    return any(w in low for w in _STATES_WORDS)


def _mine_prose(b: _Builder, doc: Schedule13XmlDocument, issuer_key: str | None) -> None:
    if _mine_text is None:
        return
    n_relations = len(b.relations)
    # the miner's view of the facts so far (the builder's own lists: the miner appends to them)
    facts = _construct_doc(FilingFacts, {
        "filing": _construct_doc(FilingInfo, {
            "id": b.fid, "accession": b.accession, "form_type": doc.submission_type, "also_form_types": [], "family": "schedule13",
            "loader": "schedule13_xml", "amendment_no": None, "is_amendment": False, "amendment_type": None,
            "previous_accession": None,
            "filed_date": None, "event_date": None, "signed_date": None, "source": b.source, "sha256": b.sha,
            "issuer_key": issuer_key, "filer_keys": [e.key for e in b.entities if e.key.startswith("rp:")],
            "earlier_filings": [], "shares_outstanding": None, "shares_outstanding_date": None}),
        "document": {}, "entities": b.entities, "relations": b.relations, "warnings": b.warnings,
    })
    mined = _MINED_13D if doc.schedule == "13D" else _MINED_13G
    sections = [(sec, t) for sec, t in _item_texts(doc, b)
                if _ITEM_SECTION.match(sec).group(1) in mined and _states_roles(t)]
    sections += [(f"cover page {rp.page}, comments", rp.comment) for rp in doc.reporting_persons if rp.comment]
    ctx = ProseContext(facts)  # this filing's: group terms learned in one item are used in the next
    for section, text in sections:
        try:
            _mine_text(text, section=section, facts=facts, prov=b.prov(section), ctx=ctx)
        except Exception as e:  # noqa: BLE001 - prose mining must never lose the cover data
            b.warnings.append(f"{b.source}: {section}: prose mining failed ({type(e).__name__}: {e})")
    try:
        _stated_components(b, doc, facts, ctx)
    except Exception as e:  # noqa: BLE001 - reading the components must never lose the cover data
        b.warnings.append(f"{b.source}: components not read ({type(e).__name__}: {e})")
    b.entities, b.relations, b.warnings = facts.entities, facts.relations, facts.warnings
    for r in b.relations[n_relations:]:  # the miner's (it only appends)
        b._rel_seen.add((r.type, r.source, r.target, r.discriminator,
                         tuple(sorted((k, str(v)) for k, v in r.props.items() if k != "title"))))


#: items that state what each holder holds: 13D Item 3 (how the shares were acquired, held by whom) and Item 5;
#: 13G Item 4; and the cover pages' comments
_COMPONENT_ITEMS_13D = {"3", "5"}
_COMPONENT_ITEMS_13G = {"4"}
_CONSISTING = re.compile(r"\b(?:consist(?:s|ing)\s+of|compris(?:es|ed\s+of|ing)|represent(?:s|ing)|includ(?:es|ing))\s*:?\s*"
                         r"(?=\(\s*(?:i|a|1)\s*\))", re.I)
_OWNS_BEFORE = re.compile(r"\b(?:beneficially\s+owns?|owns?|holds?|is\s+the\s+beneficial\s+owner\s+of|"
                          r"may\s+be\s+deemed\s+to\s+beneficially\s+own)\b", re.I)
_AS_OF_LEAD = re.compile(r"^(?:As\s+(?:of|at)\s+(?:" + DATE_RE + r"|the\s+date\s+(?:hereof|of\s+this\s+[\w ]{1,40})|[^,]{3,40}),\s*)",
                         re.I)
_LIST_END = re.compile(r"\.\s+(?=[A-Z][a-z]+\s)")


def _component_texts(doc: Schedule13XmlDocument, b: _Builder) -> list[tuple[str, str]]:
    items = _COMPONENT_ITEMS_13D if doc.schedule == "13D" else _COMPONENT_ITEMS_13G
    out = [(sec, t) for sec, t in _item_texts(doc, b) if _ITEM_SECTION.match(sec).group(1) in items]
    out += [(f"cover page {rp.page}, comments", rp.comment) for rp in doc.reporting_persons if rp.comment]
    return out


def _holder_key(res: Any, mention: str, section: str, b: _Builder) -> str | None:
    m = mention.strip(" ,")
    if not m or set(_NON_WORD.sub(" ", m.lower()).split()) <= _GENERIC_WORDS:
        key = res.resolve(m) if m else None  # "the Fund": a term this filing defined, else no one
        return key
    return res.resolve_or_create(m, section, b.prov(section, m))


#: a text states a number of shares only if it holds one ("150,000", "5'288'262", "1.234.567", "20000")
_AMOUNT = re.compile(r"\d{1,3}[,.'\u2019 ]\d{3}|\d{4}")


def _paragraph_finder(text: str):
    """sentence -> the paragraph (line of the item text) it stands in ("" if none holds it whole)."""
    paras = [" ".join(p.split()) for p in re.split(r"\n", text) if p.strip()]

    def find(sent: str) -> str:
        for p in paras:
            if sent in p:
                return p
        return ""
    return find


_HONORIFIC_MENTION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w'\-]+")
_THE_TERM = re.compile(r"\b[Tt]he\s+[A-Z][\w\-]+(?:\s+[A-Z][\w\-]+){0,3}")


_FOOTNOTE_LEAD = re.compile(r"^\s*(\(\d{1,2}\)|\*{1,3})\s*(?=[A-Z])")


def _footnoted_person(para: str, text: str, rps: list[str], facts: FilingFacts, res: Any) -> set[str]:
    """A footnote paragraph ("(1) Includes 100,000 shares ...") is of the person named on the one other line of
    ``text`` that cites its mark ("Fund A: 1,000,000 (1)"); empty if no line, or several, do."""
    fm = _FOOTNOTE_LEAD.match(para)
    if not fm:
        return set()
    mark = fm.group(1)
    cites = re.compile(r"(?<=\S)\s*" + re.escape(mark) + (r"(?!\*)" if mark.startswith("*") else ""))
    lines = [" ".join(ln.split()) for ln in text.splitlines() if ln.strip()]
    citing = [ln for ln in lines if not _FOOTNOTE_LEAD.match(ln) and cites.search(ln)]
    if len(citing) != 1:
        return set()
    return _persons_named(citing[0], rps, facts, res)


def _persons_named(text: str, rps: list[str], facts: FilingFacts, res: Any, subject_only: bool = False) -> set[str]:
    """The reporting persons ``text`` names: by name or an alias the filing gave them (longest mention first:
    "Fund II" is not also "Fund"), "Mr. Thale", or a defined term ("the Fund") that resolves to one of them.
    ``subject_only``: only the one named first, if the text begins with it ("As of <date>, " aside)."""
    if not text:
        return set()
    hits: list[tuple[int, int, str]] = []
    for key in rps:
        e = facts.entity(key)
        if e is None:
            continue
        for form in {e.name, *e.aliases}:
            form = " ".join(form.split())
            if len(form) < 3 or not _LETTER.search(form):
                continue
            for m in re.finditer(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text):
                hits.append((m.start(), m.end(), key))
    for rx in (_HONORIFIC_MENTION, _THE_TERM):
        for m in rx.finditer(text):
            if re.match(r"the\s+(?:reporting|filing)\s+persons?\b|the\s+(?:issuer|company)\b", m.group(0), re.I):
                continue  # all of them, or none of them
            k = res.resolve(m.group(0))
            if k in rps:
                hits.append((m.start(), m.end(), k))
    for m in re.finditer(r"\b(?:reporting|filing)\s+persons?\b", text, re.I):
        hits.extend((m.start(), m.end(), key) for key in rps)  # "the Reporting Persons": each of them
    keep = [h for h in hits if not any(o[0] <= h[0] and h[1] <= o[1] and (o[1] - o[0]) > (h[1] - h[0]) and o[2] != h[2]
                                       for o in hits)]
    if subject_only:
        lead = _AS_OF_LEAD.match(text)
        start = lead.end() if lead else 0
        first = {h[2] for h in keep if h[0] == start}
        return first if len(first) == 1 else set()
    return {h[2] for h in keep}


def _stated_components(b: _Builder, doc: Schedule13XmlDocument, facts: FilingFacts, ctx: Any) -> None:
    """Holdings the items state per named holder ("Fund II holds 150,000 shares of Common Stock and warrants to
    purchase 15,000 shares"; "... beneficially owns 1,250,000 Shares, consisting of (i) ... held by Fund A and
    (ii) ...") as ``HOLDS`` with basis "component" (parts of the beneficial positions of the cover pages), cited
    to the item; an instrument gets its own Security (``ISSUED_BY`` the issuer, ``CONVERTIBLE_INTO`` the class)."""
    from ._components import included_parts, instrument_title, parse_components, stated_holdings
    from ._prose import Resolver, _seed_aliases
    from ._prose import sentences as _sentences

    if not any(e.key == "sec:class" for e in b.entities):
        return
    texts = [(sec, t) for sec, t in _component_texts(doc, b) if _AMOUNT.search(t)]
    if not texts and (doc.schedule != "13D" or not any(sec == "Item 5(c)" for sec, _ in _item_texts(doc, b))):
        return
    res = Resolver(facts, ctx)
    _seed_aliases(res, facts)
    event = parse_date(doc.event_date) if doc.event_date else None
    securities: dict[str, str] = {}

    def security(raw: str, section: str, text: str) -> str:
        title = instrument_title(raw)
        norm = normalize_name(title, NodeKind.SECURITY)
        key = securities.get(norm)
        if key is None:
            key = securities[norm] = f"sec:component:{len(securities) + 1}"
            facts.entities.append(_entity(key, NodeKind.SECURITY, title, b.prov(section, text)))
            b.relations = facts.relations
            b.relate(EdgeKind.ISSUED_BY, key, "issuer", {}, section, text)
            b.relate(EdgeKind.CONVERTIBLE_INTO, key, "sec:class", {}, section, text)
        return key

    def emit(holder: str, part: dict, section: str, partial: bool = False) -> None:
        more = {"component_partial": True} if partial else {}
        if part["kind"] == "direct":
            if part.get("shares") is None:
                return
            b.relate(EdgeKind.HOLDS, holder, "sec:class", {"basis": "component", "shares": part["shares"],
                                                           "as_of": event, **more},
                     section, part["text"], disc=f"component:{part['shares']}")
            return
        sk = security(part["instrument"], section, part["text"])
        units, under = part.get("units"), part.get("underlying")
        if units is None and re.search(r"warrant|option|unit", part["instrument"], re.I):
            units = under  # one share per warrant / option unless the filing says otherwise
        props = {k: v for k, v in (("basis", "component"), ("shares", units), ("underlying_shares", under),
                                   ("as_of", event)) if v is not None}
        b.relate(EdgeKind.HOLDS, holder, sk, props | more, section, part["text"], disc=f"component:{units}:{under}")

    rps = [f"rp:{rp.page}" for rp in doc.reporting_persons]

    b.relations = facts.relations
    for section, text in texts:
        flat = " ".join(text.split())
        # "X beneficially owns N Shares, consisting of (i) ... held by A, (ii) ..."
        for cm in _CONSISTING.finditer(flat):
            pre = flat[max(0, cm.start() - 300):cm.start()]
            om = None
            for om in _OWNS_BEFORE.finditer(pre):
                pass
            subject = None
            if om is not None:
                head = re.split(r"(?<=[.;])\s+|\(\w{1,4}\)\s+", pre[:om.start()])[-1]
                head = _AS_OF_LEAD.sub("", head.strip())
                head = re.sub(r"\s+(?:may\s+be\s+deemed\s+to|is\s+deemed\s+to|directly|indirectly|has|had)\s*$", "", head)
                subject = _holder_key(res, head, section, b) if head else None
            rest = flat[cm.end():]
            end_at = _LIST_END.search(rest, 0, 2000)  # the list ends with its sentence
            span = rest[:end_at.start()] if end_at else rest[:2000]
            for part in parse_components(span, res.resolve):
                holder = part.get("held_by") or subject
                if holder is None:
                    continue
                if part["kind"] == "derivative":
                    part = {**part, "underlying": part["shares"]}
                emit(holder, part, section)
        cm = re.match(r"cover page (\d+), comments$", section)
        sole = f"rp:{cm.group(1)}" if cm else rps[0] if len(rps) == 1 else None
        para_of = _paragraph_finder(text) if sole is None else None
        for sent in _sentences(text):
            if not _AMOUNT.search(sent) or _CONSISTING.search(sent):
                continue  # every holding these readers take states a number of shares
            included = included_parts(sent)
            whose = sole
            if whose is None and included:
                # several reporting persons: the one the sentence names, else the one its paragraph names
                named = _persons_named(sent, rps, facts, res)
                if not named:
                    para = para_of(sent)
                    named = _persons_named(para, rps, facts, res)
                    if len(named) > 1:  # "Mr. Example ..., including the shares owned by the Fund. Includes ...":
                        named = _persons_named(para, rps, facts, res, subject_only=True)  # the paragraph's subject
                    elif not named:  # "(1) Includes ...": the footnote of the one line that cites "(1)"
                        named = _footnoted_person(para or sent, text, rps, facts, res)
                whose = next(iter(named)) if len(named) == 1 else None
            if whose is not None:
                # "Includes 775,800 shares ... issuable upon exercise of call options": a part of the cover
                # page's aggregate (of its own person, or the only one), not the whole list of its parts
                for part in included:
                    if part.get("holder"):
                        continue  # "... held by the Trust": the Trust's holding (read below)
                    emit(whose, part, section, partial=True)
            for h in stated_holdings(sent):
                key = _holder_key(res, h["holder"], section, b)
                if key is None or key == "issuer":
                    continue
                emit(key, h, section)
    if doc.schedule == "13D":
        _item5c_transactions(b, doc, res)


# ----------------------------------------------------------------- 13D Item 5(c) transactions (see ._item5c)


def _item5c_transactions(b: _Builder, doc: Schedule13XmlDocument, res: Any) -> None:
    """13D Item 5(c) (transactions in the class in the past 60 days), read by :mod:`._item5c`: each transaction
    a sentence states or a table lists becomes a ``HOLDS`` of the holder on the class with basis "transaction",
    cited to Item 5(c).  "See Schedule A" is followed to the schedule: a heading in the items' text (cited to
    "Schedule A"), else left for the submission's exhibits (:func:`._item5c.exhibit_transactions`), with a
    warning."""
    rps = [f"rp:{rp.page}" for rp in doc.reporting_persons]

    def relate(holder, props, section, text, disc):
        b.relate(EdgeKind.HOLDS, holder, "sec:class", props, section, text, disc=disc)

    texts = _item_texts(doc, b)
    missing, warning = read_item5c([(None, t) for section, t in texts if section == "Item 5(c)"],
                                   [t for _, t in texts], relate, lambda _key: holder_resolver(res, rps), b.source)
    if missing is not None and b.item5c_schedule is None:
        b.item5c_schedule = missing
        b.warnings.append(warning)


class _Pending:
    """A name from a signature block, made an entity only when a relation needs it."""

    def __init__(self, name: str, kind: NodeKind):
        self.name, self.kind, self.key = name, kind, None


def _resolve(b: _Builder, name: str) -> EntityFact | _Pending | None:
    name = " ".join(name.split()).strip(" ,;")
    if len(name) < 3 or not _LETTER.search(name):
        return None
    hit = b.find(name)
    if hit is not None:
        return hit
    kind = NodeKind.ORGANIZATION if looks_like_organization(name) else NodeKind.PERSON
    if kind == NodeKind.PERSON and (len(name.split()) < 2 or len(name.split()) > 6):
        return None
    return _Pending(name, kind)


def _materialize(b: _Builder, ent: EntityFact | _Pending, section: str, prefix: str = "sig") -> EntityFact:
    if isinstance(ent, EntityFact):
        return ent
    hit = b.find(ent.name)
    if hit is not None:
        return hit
    e = _entity(f"{prefix}:{len(b.entities)}", ent.kind, ent.name, b.prov(section, ent.name))
    b.entities.append(e)
    return e


_LP = re.compile(r"(?:\bL\.?\s?P\.?|\blimited\s+partnership|\bLLLP)\s*$", re.I)
_LLC = re.compile(r"(?:\bL\.?\s?L\.?\s?C\.?|\blimited\s+liability\s+company)\s*$", re.I)


def _role_fits(basis: str, entity_name: str) -> bool:
    """Partnerships have general partners, LLCs managing members: a title that cannot be held in the
    signing entity is held in an intermediate the signature block does not name."""
    name = entity_name.strip(" ,.")
    if basis in ("managing member", "sole member", "manager") and _LP.search(name):
        return False
    if basis == "general partner" and _LLC.search(name):
        return False
    return True


def _signature_relations(b: _Builder, doc: Schedule13XmlDocument) -> None:
    """The 'By:' chains of the signature blocks: general partners, managing members, officers."""
    by_person: dict[str, list[Signature]] = {}
    for s in doc.signatures:
        by_person.setdefault(s.reporting_person or "", []).append(s)
    for who, sigs in by_person.items():
        subject = b.find(who) if who else None
        if subject is None:
            continue
        section = f"signature ({who})"
        chain: list[tuple[str, str | None]] = []
        for s in sigs:
            chain += _sig_steps(s)
        for s in sigs:  # "President, CEO, General Partner": also an officer of the general partner the filing names
            offices = _officer_of_gp(_clean_signer(s.signature), (s.title or "").strip())
            if offices is None:
                continue
            gps = [r.source for r in b.relations if r.type == EdgeKind.CONTROLS and r.target == subject.key
                   and r.props.get("basis") == "general partner"]
            signer = _resolve(b, _clean_signer(s.signature))
            if len(set(gps)) == 1 and signer is not None and signer.kind == NodeKind.PERSON:
                src = _materialize(b, signer, section)
                b.relate(EdgeKind.OFFICER_OF, src.key, gps[0], {"title": offices}, section,
                         f"{who}: {src.name}, {s.title}")
        prev: EntityFact | _Pending = subject
        for name, role in chain:
            text = f"{who}: {name}" + (f", {role}" if role else "")
            ent = _resolve(b, name)
            if ent is None:
                continue
            if isinstance(ent, EntityFact) and isinstance(prev, EntityFact) and ent.key == prev.key:
                continue
            target = prev
            if role:
                om = _OF_ENTITY.search(role)
                if om and looks_like_organization(om.group(1)):
                    t = _resolve(b, om.group(1))
                    if t is not None:
                        target = t
                        role = role[: om.start()].strip(" ,")
            rel = None
            if role:
                role = _LEADING_ARTICLE.sub("", role.strip())
            if (role and not _NO_RELATION_TITLES.search(role) and not _NESTED_ROLE.search(role)
                    and target.kind == NodeKind.ORGANIZATION):
                basis = next((bs for p, bs in _CONTROL_TITLES if p.search(role)), None)
                if basis and not _role_fits(basis, target.name):
                    basis = None  # e.g. a "managing member" signing for an LP: a role in its unnamed general partner
                    role = None
                if basis:
                    rel = (EdgeKind.CONTROLS, {"basis": basis, "stated": True})
                elif role and _DIRECTOR_ONLY.fullmatch(role.strip()):
                    rel = (EdgeKind.DIRECTOR_OF, {"title": role})
                elif role and _OFFICER_TITLES.search(role) and ent.kind == NodeKind.PERSON:
                    rel = (EdgeKind.OFFICER_OF, {"title": role})
            if rel is not None:
                src = _materialize(b, ent, section)
                dst = _materialize(b, target, section)
                if target is prev:
                    prev = dst
                ent = src
                b.relate(rel[0], src.key, dst.key, rel[1], section, text)
            prev = ent


_SO_RE = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{4,}(?:\.\d+)?)\s+(?:shares|common\s+shares|ordinary\s+shares|units)"
    r"(?:\s+of\s+(?:the\s+)?(?:Issuer'?s?\s+)?[A-Z][\w\s,$.\-]{0,60}?)?\s+(?:issued\s+and\s+)?outstanding"
    r"(?:\s*,?\s*(?:as\s+of|on)\s+(" + DATE_RE + "))?", re.I)


_BASED_ON = re.compile(r"\bbased\s+(?:up)?on\b", re.I)


def _may_state_outstanding(text: str) -> bool:
    """False when ``_SO_RE`` cannot match: it needs the word "outstanding" (a cheap test first)."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return True  # letters that case-insensitive matching takes for ASCII ones: let the pattern decide
    return "outstanding" in text.lower()


def _denominator_texts(doc: Schedule13XmlDocument):
    """(section, text) where a filing states its denominator: Items 5 / 4 (13D) or 4 / 5 (13G), then the cover
    pages' comments ("* Based on 514,694,504 shares outstanding as of April 29, 2025"), each person's the same."""
    keys = ("item5", "item4") if doc.schedule == "13D" else ("item4", "item5")
    for k in keys:
        for name, v in doc.items.get(k, {}).items():
            sub = _SUBITEM.get(name.split(".")[-1], "") if doc.schedule == "13D" and k == "item5" else ""
            for t in v if isinstance(v, list) else [v]:
                if t:
                    yield f"Item {k[4:]}{sub}", t
    seen = set()
    for rp in doc.reporting_persons:
        t = rp.comment
        if t and t not in seen:
            seen.add(t)
            yield f"cover page {rp.page}, comments", t


def _shares_outstanding(doc: Schedule13XmlDocument):
    """(shares outstanding, as of, the statement as a dict or None): the first statement of the denominator."""
    for section, t in _denominator_texts(doc):
        if not _may_state_outstanding(t) and not _BASED_ON.search(t):
            continue
        d = parse_denominator(t)
        if d is not None and d.outstanding is not None:
            return d.outstanding, d.base_date, {**d.as_dict(), "section": section}
        m = _SO_RE.search(t) if _may_state_outstanding(t) else None
        if m:
            return parse_decimal(m.group(1)), parse_date(m.group(2)) if m.group(2) else None, None
    return None, None, None


_PSEUDO_NAME = re.compile(
    rb"<!--\s*Field:\s*Pseudo-Tag;\s*ID:\s*Name;\s*Data:\s*([^<>]{1,200}?)\s*-->\s*<(?:\w+:)?cik>\s*(\d{1,10})\s*<")


def parse(data: bytes, source: str) -> FilingFacts:
    warnings: list[str] = []
    root = parse_xml(data, source, warnings)
    doc = read_document(root, source)
    for m in _PSEUDO_NAME.finditer(data[:20000]):
        doc.filer_names[m.group(2).decode()] = " ".join(m.group(1).decode("utf-8", "replace").split())
    if not doc.reporting_persons:
        warnings.append(f"{source}: no reporting persons in the cover pages")
    facts = build_facts(doc, data, source, warnings)
    attached = _attached_documents(root, facts.warnings, source)
    if attached:
        from .submission import _exhibit_agreements  # the same reading as a submission's exhibits

        _exhibit_agreements(facts, attached, source)
        from ._item7 import exhibit_subsidiaries  # Item 7 "See Exhibit A" attached inside the XML

        exhibit_subsidiaries(facts, attached, source)
        exhibit_group_members(facts, attached, source)  # Item 8 "See Exhibit 99.1" attached inside the XML
        exhibit_transactions(facts, attached, source)  # Item 5(c) "See Schedule A" attached inside the XML
    return facts


MAX_ATTACHED_BYTES = 5_000_000


def _attached_documents(root: etree._Element, warnings: list[str], source: str) -> list[tuple[dict, bytes, str]]:
    """Documents attached inside the XML (``documents/document``, MIME base64 ``contents``), text or HTML only."""
    out = []
    for d in root.iterfind("{*}documents/{*}document"):
        name = (d.findtext("{*}conformedName") or "").strip()
        dtype = " ".join((d.findtext("{*}conformedDocumentType") or "").split())
        raw = d.findtext("{*}contents") or ""
        fmt = "html" if name.lower().endswith((".htm", ".html")) else "text" if name.lower().endswith(".txt") else None
        if fmt is None or not raw.strip():
            continue
        if len(raw) > MAX_ATTACHED_BYTES * 4 // 3 + 16:
            warnings.append(f"{source}: attached document {name} is over {MAX_ATTACHED_BYTES} bytes: not read")
            continue
        try:
            body = base64.b64decode("".join(raw.split()), validate=False)
        except (binascii.Error, ValueError):
            warnings.append(f"{source}: attached document {name} is not valid base64: not read")
            continue
        out.append(({"type": dtype or "EX", "filename": name,
                     "description": (d.findtext("{*}description") or "").strip()}, body, fmt))
    return out


register(Loader(
    name="schedule13_xml",
    family="schedule13",
    sniff=sniff,
    parse=parse,
    document_model=Schedule13XmlDocument,
    description="Schedule 13D / 13G filed as XML (edgarSubmission, schedule13D / schedule13g namespaces)",
))
