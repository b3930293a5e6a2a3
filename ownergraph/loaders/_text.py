"""Shared value parsing for all loaders: numbers, percentages, dates, HTML to text.

Everything here is strict about what it accepts and returns ``None`` rather
than guessing: a cell that holds only a footnote is not 0.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from decimal import Decimal, InvalidOperation
from typing import Iterable

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
            ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
            ("oct", "october"), ("nov", "november"), ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}

NUMBER_RE = r"\(?-?\$?\s?\d[\d,]*(?:\.\d+)?\)?"
_num_re = re.compile(r"^\(?\s*-?\$?\s*(\d[\d,]*(?:\.\d+)?|\.\d+)\s*\)?$")
MAX_DIGITS = 40  # refuse absurd numbers rather than build giant Decimals


def parse_decimal(text: str | None) -> Decimal | None:
    """'214,940,800' -> Decimal('214940800'); '11,615,772.8' exact; '(1,000)' -> -1000.

    Returns None for text that is not a plain number (footnote-only cells,
    'N/A', '-', '').
    """
    if text is None:
        return None
    s = str(text).strip().replace("\u00a0", " ")
    s = re.sub(r"\s*(?:\(\d+\)|⁽[⁰¹²³⁴⁵⁶⁷⁸⁹]+⁾|[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\*+)\s*$", "", s)  # trailing footnote marks
    if not s:
        return None
    m = _num_re.match(s)
    if not m:
        return None
    digits = m.group(1).replace(",", "")
    if len(digits) > MAX_DIGITS:
        return None
    try:
        d = Decimal(digits)
    except InvalidOperation:
        return None
    negative = s.startswith("-") or (s.startswith("(") and s.endswith(")"))
    return -d if negative else d


# A share count grouped the European or Swiss way: "1.234.567" (two dot groups or more, so "1.234" alone stays the
# decimal 1.234; a decimal comma may follow: "1.234.567,00"), "5'288'262.00" (apostrophes), "1 234 567" (two space
# groups or more).  For contexts that hold a count of shares only.
GROUPED_COUNT_RE = (r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?!\.?\d)|\d{1,3}(?:['\u2019]\d{3})+(?:\.\d+)?(?!\.?\d)|"
                    r"\d{1,3}(?:[ \u00a0\u202f]\d{3}){2,}(?![\d.,])")
_GROUPED_COUNT = re.compile(f"(?:{GROUPED_COUNT_RE})$")


def parse_count(text: str | None) -> Decimal | None:
    """A share count as filed: parse_decimal's forms ('1,234,567') and the European / Swiss groupings of
    GROUPED_COUNT_RE ('1.234.567', "5'288'262.00", '1 234 567' -> 1234567 / 5288262.00)."""
    if text is None:
        return None
    s = str(text).strip()
    if _GROUPED_COUNT.match(s):
        if "'" in s or "\u2019" in s:
            s = s.replace("'", "").replace("\u2019", "")
        elif "." in s:
            s = s.replace(".", "").replace(",", ".")
        else:
            s = "".join(s.split())
    return parse_decimal(s)


def parse_money(text: str | None) -> Decimal | None:
    """'$17.5 million' -> 17500000; '$739,948' -> 739948 (whole amounts without a trailing '.0')."""
    if not text:
        return None
    m = re.search(r"\$?\s*(\d[\d,]*(?:\.\d+)?)\s*(million|billion|thousand)?", text, re.I)
    if not m:
        return None
    d = parse_decimal(m.group(1))
    if d is None:
        return None
    mult = {"million": Decimal(10) ** 6, "billion": Decimal(10) ** 9, "thousand": Decimal(1000)}.get(
        (m.group(2) or "").lower(), Decimal(1)
    )
    d *= mult
    if d == d.to_integral_value():
        d = d.to_integral_value()  # never raises, unlike quantize() on amounts over 28 digits
    return d


def parse_percent(text: str | None) -> tuple[Decimal | None, str | None]:
    """'85.72%' -> (85.72, None); 'Less than 1%' -> (1, '<'); '<1%' -> (1, '<')."""
    if not text:
        return None, None
    s = text.strip()
    bound = None
    if re.match(r"^(less\s+than|under|below|<)", s, re.I):
        bound = "<"
    elif re.match(r"^(<=|≤|not\s+more\s+than|at\s+most)", s, re.I):
        bound = "<="
    elif re.match(r"^(more\s+than|greater\s+than|over|>)", s, re.I):
        bound = ">"
    m = re.search(r"(\d+(?:\.\d+)?|\.\d+)\s*%?", s)
    if not m:
        return None, None
    try:
        return Decimal(m.group(1)), bound
    except InvalidOperation:
        return None, None


def parse_date(text: str | None) -> dt.date | None:
    """Dates as filings print them: 'July 23, 2024', '07/23/2024', '2024-07-23', '23 July 2024',
    '2/7/00' (two-digit years: 00-69 -> 20xx, 70-99 -> 19xx), '20240723', '17.10.2011' (day.month.year)."""
    if not text:
        return None
    s = " ".join(str(text).replace("\u00a0", " ").split()).strip().rstrip(".")
    try:
        m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})", s)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = re.match(r"^(\d{4})(\d{2})(\d{2})$", s)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = re.match(r"^(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})$", s)
        if m:
            y = int(m[3])
            if y < 100:
                y += 2000 if y < 70 else 1900
            return dt.date(y, int(m[1]), int(m[2]))
        m = re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$", s)  # European: 17.10.2011 is day.month.year
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        m = re.match(r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})", s)
        if m and m[1].lower() in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[1].lower()], int(m[2]))
        m = re.match(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})", s)
        if m and m[2].lower() in _MONTHS:
            return dt.date(int(m[3]), _MONTHS[m[2].lower()], int(m[1]))
    except ValueError:
        return None
    return None


DATE_RE = (
    r"(?:(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d{2}-\d{2}|(?<![\d.])\d{1,2}\.\d{1,2}\.(?:19|20)\d{2}(?!\d|\.\d))"
)


def find_dates(text: str) -> list[dt.date]:
    out = []
    for m in re.finditer(DATE_RE, text):
        d = parse_date(m.group(0))
        if d:
            out.append(d)
    return out


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else Windows-1252, else Latin-1. Never fails.

    NUL bytes are dropped: they carry nothing in a filing, and not every store can hold them (FalkorDB's
    query text ends at a NUL, so one stray byte in a name would fail a whole push)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    for enc in ("utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


_BLOCK_TAGS = re.compile(
    r"<\s*(/?)\s*(p|div|br|tr|table|h[1-6]|li|ul|ol|center|pre|hr|blockquote|title)\b[^>]*>", re.I
)
_CELL_TAGS = re.compile(r"<\s*/?\s*(td|th)\b[^>]*>", re.I)
_CHECKED = re.compile(r"<input\b[^>]*\bchecked\b[^>]*>", re.I)
_UNCHECKED = re.compile(r"<input\b[^>]*type\s*=\s*[\"']?checkbox[^>]*>", re.I)


def html_to_text(markup: str) -> str:
    """A layout-aware, dependency-light HTML to text conversion for filings.

    Block elements become newlines, table cells become tabs, checkboxes become
    ☒ / ☐, entities are decoded.  Good enough for cover pages and items; the
    structure (rows, cells) is what the loaders need.
    """
    s = re.sub(r"(?is)<(script|style)\b.*?</\1\s*>", " ", markup)
    s = re.sub(r"(?s)<!--.*?-->", " ", s)
    s = _CHECKED.sub(" ☒ ", s)
    s = _UNCHECKED.sub(" ☐ ", s)
    s = _BLOCK_TAGS.sub("\n", s)
    s = _CELL_TAGS.sub("\t", s)
    s = re.sub(r"<[^>]+>", " ", s)
    s = html.unescape(s).replace("\u00a0", " ")
    return tidy_lines(s.splitlines())


def tidy_lines(lines: Iterable[str]) -> str:
    """Lines of converted HTML -> text: whitespace collapsed inside each tab-separated cell, empty cells
    dropped, runs of blank lines cut to one, the ends stripped."""
    out = []
    for line in lines:
        if "\t" in line:
            cells = [" ".join(c.split()) for c in line.split("\t")]
            line = "\t".join(c for c in cells if c)
        else:  # one cell (most lines): the same, without the lists
            line = " ".join(line.split())
        out.append(line)
    return _BLANK_LINES.sub("\n\n", "\n".join(out)).strip()


_BLANK_LINES = re.compile(r"\n{3,}")


def join_address(parts: Iterable[str | None]) -> str | None:
    """Address parts as one line: each part trimmed of the separator it was filed with ("16690 COLLINS AVE,"),
    parts that hold no letter or digit (a "-" put for a postal code a country does not use) left out."""
    kept = []
    for p in parts:
        t = " ".join((p or "").split()).strip(" ,;")
        if any(ch.isalnum() for ch in t):
            kept.append(t)
    return ", ".join(kept) or None


def clean_name(name: str) -> str:
    """Trim a name as filed: collapse whitespace, drop surrounding punctuation and markdown."""
    s = " ".join(name.replace("*", " ").split())
    return s.strip(" ,;:\t-–—")


# An EDGAR SGML submission (.txt / .nc) starts with one of these (after white space and a byte-order mark).
# The submission loader reads such files and hands each document to its form's loader, so the form loaders
# sniff 0 on them.  The one definition of "a container" for every sniffer.
_CONTAINER_RE = re.compile(
    rb"(?:\xef\xbb\xbf)?\s*(?:-----BEGIN PRIVACY-ENHANCED MESSAGE-----|<SEC-DOCUMENT>|<SUBMISSION>|<SEC-HEADER>|"
    rb"<IMS-DOCUMENT>|<IMS-HEADER>)", re.I)
_DOCUMENT_RE = re.compile(rb"(?:\xef\xbb\xbf)?\s*<DOCUMENT>", re.I)


def is_container(head: bytes) -> bool:
    """The first bytes of an EDGAR submission with its SGML header."""
    return _CONTAINER_RE.match(head) is not None


def is_bare_document(head: bytes) -> bool:
    """The first bytes of a submission without its header: ``<DOCUMENT>`` blocks only."""
    return _DOCUMENT_RE.match(head) is not None
