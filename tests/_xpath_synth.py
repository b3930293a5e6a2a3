"""Synthetic filings built from XPaths, and where a value put in shows up in a loader's output.

Used by ``tests/test_xpath_inventory.py``.  An XPath list (``/a/b/c``, ``/a/b/@id``) describes an element
tree: each path adds its missing elements (one element per distinct path prefix, in the order first seen).
Every leaf gets a plausible value typed from its name (dates, whole and fractional numbers, 0/1/true/false
flags, footnote ids, codes, CIKs, CUSIPs, names, prose), unique within the document where the type allows.

What a loader read is found by difference: the document is built once with every leaf's first value
(``base``) and once more per leaf with that leaf changed to its second value (``variant``).  A leaf is
read into a channel ("doc" = the document model, "fact" = entities, relations and filing info, provenance
excerpts left out) when the variant's channel holds the second value more often than the base's does: a
leaf the loader ignores leaves the output unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from lxml import etree

from ownergraph.graph.model import FilingFacts

# ----------------------------------------------------------------- values


class Val:
    """One leaf value: the text as filed and what it means (a Decimal, a date, a bool, or the text)."""

    __slots__ = ("text", "typed")

    def __init__(self, text: str, typed: Any = None):
        self.text = text
        self.typed = typed

    def __repr__(self) -> str:
        return f"Val({self.text!r})"


# leaf name -> two code values (base, variant)
_CODES = {
    "transactionCode": ("S", "P"), "transactionFormType": ("4", "5"), "transactionAcquiredDisposedCode": ("D", "A"),
    "directOrIndirectOwnership": ("D", "I"), "transactionTimeliness": ("L", "E"), "sshPrnamtType": ("SH", "PRN"),
    "putCall": ("Call", "Put"), "investmentDiscretion": ("SOLE", "DFND"), "memberOfGroup": ("b", "a"),
    "memberGroup": ("b", "a"), "typeOfReportingPerson": ("PN", "IA"), "fundType": ("WC", "PF"),
    "citizenshipOrOrganization": ("DE", "NY"), "stateOrCountry": ("CA", "TX"), "rptOwnerState": ("CA", "TX"),
    "designateRulePursuantThisScheduleFiled": ("Rule 13d-1(c)", "Rule 13d-1(b)"), "typeOfPersonFiling": ("IA", "BD"),
    "liveTestFlag": ("LIVE", "TEST"), "schemaVersion": ("X0508", "X0609"),
}
_FLAGS = {
    "isDirector", "isOfficer", "isTenPercentOwner", "isOther", "equitySwapInvolved", "notSubjectToSection16",
    "aff10b5One", "noSecuritiesOwned", "form3HoldingsReported", "form4TransactionsReported", "previouslyFiledFlag",
    "notApplicableFlag", "legalProceedings", "isAggregateExcludeShares", "aggregateAmountExcludesCertainSharesFlag",
    "reportingPersonNoCIK", "hasBeenConvicted", "classOwnership5PercentOrLess",
}
#: free-text leaves (13D/G items and comments): given a control statement as their text
PROSE = {
    "commentText", "commentContent", "comments", "transactionPurpose", "contractDescription", "transactionDesc",
    "listOfShareholders", "numberOfShares", "percentageOfClassSecurities", "principalJob", "fundsSource",
    "convictionDescription", "date5PercentOwnership", "filedExhibits", "ownershipMoreThan5PercentOnBehalfOfAnotherPerson",
    "subsidiaryIdentificationAndClassification", "identificationAndClassificationOfGroupMembers",
    "groupDissolutionNotice", "certifications", "signatureComments", "exhibitInfo",
    "principalBusinessAddress", "principalBusinessOfficeOrResidenceAddress", "otherTypeOfPersonFiling",
}
_CUSIPS = ["037833100", "594918104", "023135106", "88160R101", "67066G104", "30303M102", "02079K305", "46625H100"]
_NUMBERISH = re.compile(
    r"shares|price|value|power|amount|percent|sshprnamt|^sole$|^shared$|^none$|amendmentno|numberofshares|"
    r"aggregate|ownedfollowing", re.I)
_DATEISH = re.compile(r"(?<!5Percent)date$|^periodofreport$|^dateofevent$|^eventdaterequiresfilingthisstatement$|^date$", re.I)


class Values:
    """Typed leaf values, unique within one document (a fresh instance per document family)."""

    def __init__(self, date_style: str = "iso"):
        self.n = 0
        self.date_style = date_style  # "iso" (Forms 3/4/5) or "us" (MM/DD/YYYY, Schedules 13D/G)

    def _next(self) -> int:
        self.n += 1
        return self.n

    def date(self) -> Val:
        n = self._next()
        d = dt.date(2001, 1, 1) + dt.timedelta(days=37 * n)
        text = d.isoformat() if self.date_style == "iso" else d.strftime("%m/%d/%Y")
        return Val(text, d)

    def number(self, fractional: bool) -> Val:
        n = self._next()
        d = Decimal(f"{1000 + n * 7}.{n % 9 + 1}5") if fractional else Decimal(1000 + n * 13)
        return Val(format(d, "f"), d)

    def pair(self, xpath: str) -> tuple[Val, Val]:
        """The (base, variant) values of one leaf."""
        leaf = xpath.rsplit("/", 1)[-1]
        parent = xpath.rsplit("/", 2)[-2] if xpath.count("/") >= 2 else ""
        # a cell's text is in its <value> (or its footnote reference's id): typed by the cell's name; a 13F
        # row's own <value> is the market value
        name = parent if leaf == "@id" or (leaf == "value" and parent != "infoTable") else leaf
        if leaf == "@id":  # a footnote id (definition or reference)
            n = self._next()
            return Val(f"F{n}", f"F{n}"), Val(f"F{n}0", f"F{n}0")
        if name in _CODES:
            a, b = _CODES[name]
            return Val(a, a), Val(b, b)
        if name in _FLAGS:  # checked in the base document; the variant clears it (both spellings used)
            t, f = ("true", "false") if self._next() % 2 else ("1", "0")
            return Val(t, True), Val(f, False)
        if name == "documentType":
            return Val("4", "4"), Val("4/A", "4/A")
        if name == "submissionType":
            return None, None  # fixed by the form
        if name in PROSE:  # a statement the prose miner reads (a CONTROLS edge between two new entities)
            n = self._next()
            return tuple(Val(f"Gamma{n}{w} Holdings LLC is the sole general partner of Delta{n}{w} Partners LP.",
                             f"Gamma{n}{w} Holdings LLC") for w in ("a", "b"))
        low = name.lower()
        if "cusip" in low:
            i = self._next() % (len(_CUSIPS) - 1)
            return Val(_CUSIPS[i], _CUSIPS[i]), Val(_CUSIPS[i + 1], _CUSIPS[i + 1])
        if low.endswith("cik") or low == "cik":
            n = self._next()
            return Val(f"{1000000 + n:010d}", f"{1000000 + n:010d}"), Val(f"{2000000 + n:010d}", f"{2000000 + n:010d}")
        if low == "amendmentno":
            n = self._next()
            return Val(str(n), Decimal(n)), Val(str(n + 50), Decimal(n + 50))
        if low in ("classpercent", "percentofclass"):
            n = self._next()
            return Val(f"{n % 40 + 5}.{n % 9 + 1}", Decimal(f"{n % 40 + 5}.{n % 9 + 1}")), \
                Val(f"{n % 40 + 6}.{n % 7 + 2}", Decimal(f"{n % 40 + 6}.{n % 7 + 2}"))
        if _DATEISH.search(name):  # the variant later than every base date (a latest-of-several date moves too)
            a, b = self.date(), self.date()
            later = b.typed.replace(year=b.typed.year + 40)
            return a, Val(later.isoformat() if self.date_style == "iso" else later.strftime("%m/%d/%Y"), later)
        if _NUMBERISH.search(name) and "Title" not in name:
            frac = any(w in low for w in ("price", "value", "shares", "amount"))
            return self.number(frac), self.number(not frac)
        n = self._next()
        word = re.sub(r"(?<!^)(?=[A-Z])", " ", name).title().replace(" ", "")
        if low.endswith("name") or low in ("filingpersonname", "signaturereportingperson", "signature"):
            return Val(f"{word} Alpha{n} Capital LLC", None), Val(f"{word} Beta{n} Capital LLC", None)
        return Val(f"{word} text {n}", None), Val(f"{word} other text {n}", None)


# ----------------------------------------------------------------- trees


def build_xml(paths: Iterable[str], values: dict[str, Val], ns: str | None = None,
              ns_of: Callable[[str], str | None] | None = None, nsmap: dict | None = None) -> bytes:
    """The element tree the paths describe, leaves filled from ``values`` (an XPath -> Val).

    ``ns``: the namespace of every element (``ns_of(local_name)`` may give another one, e.g. the 13D/G
    ``com:`` address elements); ``nsmap``: prefixes to declare on the root."""
    nodes: dict[str, etree._Element] = {}
    root = None

    def qname(local: str) -> str:
        n = ns_of(local) if ns_of else None
        n = n if n is not None else ns
        return f"{{{n}}}{local}" if n else local

    for p in paths:
        parts = p.strip("/").split("/")
        attr = parts[-1][1:] if parts[-1].startswith("@") else None
        if attr:
            parts = parts[:-1]
        for i in range(len(parts)):
            key = "/".join(parts[: i + 1])
            if key in nodes:
                continue
            if i == 0:
                if root is None:
                    root = etree.Element(qname(parts[0]), nsmap=nsmap)
                nodes[key] = root
            else:
                nodes[key] = etree.SubElement(nodes["/".join(parts[:i])], qname(parts[i]))
        v = values.get(p)
        el = nodes["/".join(parts)]
        if v is None:
            continue
        if attr:
            el.set(attr, v.text)
        else:
            el.text = v.text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


# ----------------------------------------------------------------- output scalars


def _walk(x: Any, out: list) -> None:
    if isinstance(x, dict):
        for k, v in x.items():
            out.append(str(k))
            _walk(v, out)
    elif isinstance(x, (list, tuple, set)):
        for v in x:
            _walk(v, out)
    elif x is not None:
        out.append(x)


def doc_scalars(facts: FilingFacts) -> list:
    out: list = []
    _walk(facts.document, out)
    return out


def fact_scalars(facts: FilingFacts) -> list:
    """The values of the facts: filing info, entity names / CIKs / CUSIPs / aliases / properties, relation
    types and properties (not the provenance: an excerpt quoting a value is no fact about it)."""
    out: list = []
    info = facts.filing
    for f in ("form_type", "amendment_no", "is_amendment", "previous_accession", "event_date", "signed_date",
              "shares_outstanding", "shares_outstanding_date"):
        _walk(getattr(info, f), out)
    _walk(info.earlier_filings, out)
    for e in facts.entities:
        _walk([e.name, e.cik, e.cusip, e.aliases], out)
        for p in e.props:
            _walk(p.value, out)
    for r in facts.relations:
        _walk(r.props, out)
    return out


def _typed_of(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except (InvalidOperation, ValueError):
        return None


def score(scalars: list, v: Val) -> int:
    """How often the value ``v`` occurs among ``scalars``: its text (or its ISO date) inside strings, its
    meaning (Decimal, date, bool) as a typed value."""
    texts = {v.text}
    typed = v.typed
    if isinstance(typed, str):  # a code, or the name a statement introduces
        texts.add(typed)
    if isinstance(typed, dt.date):
        texts.add(typed.isoformat())
    if typed is None:
        typed = _typed_of(v.text) if v.text.replace(".", "", 1).isdigit() else None
    n = 0
    for s in scalars:
        if isinstance(s, str):
            for t in texts:
                n += s.count(t)
        elif isinstance(s, bool):
            if isinstance(typed, bool) and s is typed:
                n += 1
        elif isinstance(s, (Decimal, int, float)):
            if isinstance(typed, Decimal) and not isinstance(typed, bool) and s == typed:
                n += 1
        elif isinstance(s, dt.date):
            if isinstance(typed, dt.date) and s == typed:
                n += 1
    return n
