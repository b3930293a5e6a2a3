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
   normalized title.  A class is also known by :func:`canonical_class` of its title
   (the alias ``security-class:<issuer id>:class a common``), so "CL A" with a CUSIP in
   a 13F table and "Class A Common Stock" in a Form 4 are one node; when an issuer
   known by name gets its CIK, its securities are re-keyed under the CIK.

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


# ----------------------------------------------------------------- classes of securities
# One class goes by many titles: a Form 4's "Class A Common Stock", a 13F table's "CL A" or "COM CL A", a
# 13D's "Common Stock, par value $0.0001 per share", an Irish issuer's "Ordinary Shares", a 13F's "SHS".
# canonical_class() reads them to one key, so a security known by its CUSIP in one filing and only by its
# issuer and title in another is one node.

_CLASS_WORD = {
    "cl": "class", "cla": "class", "com": "common", "comm": "common", "ordinary": "common", "ord": "common",
    "stk": "stock", "shs": "shares", "sh": "shares", "shrs": "shares", "pfd": "preferred", "pref": "preferred",
    "prf": "preferred", "ser": "series", "conv": "convertible", "cv": "convertible", "wt": "warrant",
    "wts": "warrant", "wrnt": "warrant", "wrnts": "warrant", "warrants": "warrant", "rt": "right",
    "rts": "right", "rights": "right", "units": "unit", "notes": "note", "options": "option",
    "adrs": "adr", "ads": "adr", "debentures": "debenture", "cap": "capital", "ben": "beneficial",
    "int": "interest", "red": "redeemable", "cum": "cumulative", "partnership": "partnership",
}
#: words that do not tell one class from another
_CLASS_NOISE = {"stock", "shares", "share", "new", "sponsored", "spon", "the", "of", "per", "each", "capital",
                "beneficial", "interest", "interests", "equity", "stoc"}
_ADR = re.compile(r"\bamerican\s+depositary\s+(?:shares?|receipts?)\b", re.I)
_PAR = re.compile(r"(?:\s*,?\s*(?:with\s+(?:a\s+)?|having\s+(?:a\s+)?)?(?:\$?\s*[\d.,]+\s+)?(?:no\s+)?par\s+value\b.*|"
                  r"\s*,?\s*\$\s*[\d.,]+\s+(?:nominal|stated)\s+value\b.*)$", re.I | re.S)


@functools.lru_cache(maxsize=16384)
def canonical_class(title: str) -> str:
    """The class a title names, as a key: "CL A", "COM CL A" and "Class A Common Stock, $0.01 par value" all
    give "class a common"; "SHS", "COM" and "Common Shares of Beneficial Interest" give "common".

    Titles that state terms (an option's exercise price and expiry) keep them; only the wording of the
    class is normalized.  The empty string when nothing is left.
    """
    words = [_CLASS_WORD.get(w, w) for w in _fold(_ADR.sub("adr", _PAR.sub("", title))).split()]
    out: list[str] = []
    lead: list[str] = []  # "class a" / "series c" first, whatever order the title had them in
    i = 0
    while i < len(words):
        w = words[i]
        if w in ("class", "series") and i + 1 < len(words) and len(words[i + 1]) <= 2:
            lead += [w, words[i + 1]]
            i += 2
            continue
        if w not in _CLASS_NOISE and not (out and out[-1] == w):
            out.append(w)
        i += 1
    if not out:  # "CL A", "SHS", "Capital Stock": a class of common equity
        out = ["common"]
    elif not any(c.isdigit() for w in out for c in w):
        out.sort()  # "Convertible Preferred Stock, Series C" is "PFD SER C CONV"; terms with numbers keep their order
    return " ".join(lead + out)


def class_alias(issuer_id: str | None, title: str) -> str | None:
    """The alias of a class of an issuer's securities (None without an issuer or a title)."""
    c = canonical_class(title) if title else ""
    return f"security-class:{issuer_id}:{c}" if issuer_id and c else None


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
