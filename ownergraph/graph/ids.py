"""Stable node ids and name normalization (the entity-resolution rules).

Id preference, highest first:

1. **CIK** -- ``cik:0001234567`` (zero-padded to 10 digits), for people and
   organizations alike: a CIK names exactly one filer.
2. **CUSIP** -- ``cusip:09175M507`` for securities (spaces removed, upper
   case).  The placeholder ``000000000`` is not an identifier and is ignored.
3. **Normalized name plus kind** -- ``person:milton c ault iii``,
   ``organization:ault and company``; securities without CUSIP are keyed by
   their issuer and normalized class title
   (``security:cik:0001234567:class a common stock``); agreements by filing and
   normalized title.

Name normalization (:func:`normalize_name`):

* case-folded, accents removed, ``&`` read as ``and``, punctuation dropped,
  whitespace collapsed;
* organizations: EDGAR's conformed-name tag (" /MN", " /DE/", " /NEW/") is dropped, then a *single*
  trailing legal-form word is dropped (``Inc``,
  ``Corp``, ``LLC``, ``L.P.``, ``Ltd``, ``plc``, ``S.A.`` ...), so "Ault &
  Company" and "Ault & Company, Inc." are one organization, while "Company"
  itself is a name word and is kept;
* people: honorifics (Mr., Ms., Dr.) are dropped, generational suffixes
  (Jr., III) are kept -- "Milton C. Ault, III" and "MILTON C. AULT, III" are
  one person.  Two people are never merged on a surname alone: a surname-only
  mention ("Mr. Ault") is resolved *inside a filing* by the loader, and only
  when exactly one person in that filing has that surname.
* SEC order names ("LEONARD BRADEN MICHAEL", Forms 3/4/5) are kept as filed;
  the loader supplies a display form.  Across filings people are joined by CIK,
  or by identical normalized full names.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata

from .model import NodeKind

_LEGAL_FORMS = {
    "inc", "incorporated", "corp", "corporation", "llc", "lp", "llp", "ltd", "limited",
    "plc", "sa", "nv", "bv", "ag", "gmbh", "co", "lllp", "pllc", "sarl", "se", "spa", "ulc",
}
_HONORIFICS = {"mr", "mrs", "ms", "dr", "miss", "messrs", "sir", "prof"}

_punct = re.compile(r"[^\w\s]", re.UNICODE)
_space = re.compile(r"\s+")


@functools.lru_cache(maxsize=65536)  # names repeat within and across filings; folding is the hot path
def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.casefold().replace("&", " and ")
    # join dotted abbreviations: "l.p." -> "lp", "s.a." -> "sa"
    text = re.sub(r"\b(\w)\.(?=\w\.)", r"\1", text)
    text = re.sub(r"\b(\w)\.(\w)\.", r"\1\2", text)
    text = _punct.sub(" ", text)
    return _space.sub(" ", text).strip()


def normalize_name(name: str, kind: NodeKind | str = NodeKind.ORGANIZATION) -> str:
    return _normalize(name, kind if type(kind) is NodeKind else NodeKind(kind))


# EDGAR's conformed names end in a state or disambiguation tag ("FARNAM STREET PARTNERS LP /MN",
# "MORTON INTERNATIONAL INC /IN/", "ACME CORP /NEW/"): no part of the name
_EDGAR_SUFFIX = re.compile(r"(?:\s+/[A-Z]{2,4}/?)+\s*$")


@functools.lru_cache(maxsize=65536)  # entity resolution asks for the same few names again and again
def _normalize(name: str, kind: NodeKind) -> str:
    if "/" in name and kind == NodeKind.ORGANIZATION:
        name = _EDGAR_SUFFIX.sub("", name) or name
    s = _fold(name)
    words = s.split()
    if kind == NodeKind.PERSON:
        words = [w for w in words if w not in _HONORIFICS]
    elif kind == NodeKind.ORGANIZATION:
        if words and words[0] == "the":
            words = words[1:]
        if len(words) > 1 and words[-1] in _LEGAL_FORMS:
            words = words[:-1]
    return " ".join(words)


def normalize_cik(cik: str | int | None) -> str | None:
    if cik is None:
        return None
    digits = re.sub(r"\D", "", str(cik))
    if not digits or int(digits) == 0:
        return None
    return digits.lstrip("0").zfill(10)


def normalize_cusip(cusip: str | None) -> str | None:
    if not cusip:
        return None
    c = re.sub(r"[\s\-]", "", cusip).upper()
    if not re.fullmatch(r"[0-9A-Z*@#]{6,9}", c) or set(c) == {"0"}:
        return None
    return c


def cik_id(cik: str) -> str:
    return f"cik:{normalize_cik(cik)}"


def cusip_id(cusip: str) -> str:
    return f"cusip:{normalize_cusip(cusip)}"


def name_id(kind: NodeKind | str, name: str) -> str:
    kind = NodeKind(kind)
    return f"{kind.value.lower()}:{normalize_name(name, kind)}"


def security_id(issuer_id: str | None, title: str) -> str:
    return f"security:{issuer_id or 'unknown'}:{normalize_name(title, NodeKind.SECURITY)}"


def agreement_id(filing_id: str, title: str, date: str | None = None) -> str:
    base = normalize_name(title, NodeKind.AGREEMENT)
    return f"agreement:{filing_id}:{base}" + (f":{date}" if date else "")


def filing_id(accession: str | None, sha256: str) -> str:
    return accession if accession else f"sha256:{sha256[:16]}"


def filing_node_id(fid: str) -> str:
    return f"filing:{fid}"


def edge_id(*parts: object) -> str:
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8")).hexdigest()
    return h[:24]
