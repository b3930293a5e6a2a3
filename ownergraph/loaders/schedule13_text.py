"""Classic Schedule 13D / 13D/A / 13G / 13G/A filings, in HTML or text.

The document is first turned into lines of text (HTML tables become one line per row with
tab-separated cells; checkboxes become ☒/☐), then read by *labels*, not positions:

* **Header** -- each cover-page field is the text just above its printed caption ("(Name of
  Issuer)", "(Title of Class of Securities)", "(CUSIP Number)", "(Date of Event ...)", "(Name,
  Address and Telephone Number of Person Authorized ...)"); the amendment number; the Rule 13d-1
  box ticked on a 13G; the earlier filings an amendment lists.
* **Cover pages** -- one per "NAME(S) OF REPORTING PERSON(S)" caption.  Each row's value is the
  text between its caption and the next caption, whatever the layout (one table row, caption and
  value on separate lines, interleaved "NUMBER OF SHARES ..." side captions, row numbers or not).
  Row numbers follow the form (13D rows 1-14, 13G rows 1-12).  Footnote marks on values
  ("214,940,800 ⁽¹⁾") are kept as references; the footnotes after the rows are kept as text.
  "-0-" is 0; a cell with only a reference ("See Item 4") is ``None`` plus ``*_footnote``.
  A citizenship or place of organization is kept as written ("State of Delaware") and, when it
  names one place of EDGAR's code list, also gets that ``citizenship_code`` ("DE") and its
  ``country``, as the XML schedule's code gives them.
* **Items** -- split at "Item N" headings; Schedule A, signatures and the joint filing agreement
  at their headings.  Item 2, Schedule A and signature blocks go through
  :mod:`ownergraph.loaders._prose` for control and officer/director relations.  Item 5 and the
  cover footnotes give the components of each position ("consisting of (i) 25,229 Shares, (ii)
  200,000,000 Shares issuable upon conversion of 44,000 shares of Series C Preferred Stock ...").
  Item 6 gives agreements (date, parties, amounts, closings, conversions), Item 7 the exhibits.
  13D Item 5(c)'s transactions ("(c) On June 3, 1999, the Partnership purchased 30,000 Shares at $4.375 per
  share"; a table; "See Schedule A", the schedule after the signatures or an exhibit of the submission) are
  read by :mod:`._item5c`, the XML loader's reader: ``HOLDS`` with basis "transaction" of the holder the
  text names (a defined term resolves), else of the person whose part of Item 5 it is, else the only one.

Facts follow DEVELOPERS.md: one beneficial HOLDS per reporting person (rows 7-13 / 5-11), component
HOLDS to instrument securities with ``underlying_shares``, CONVERTIBLE_INTO from each instrument to
the class with its terms, Agreement entities with PARTY_TO, MEMBER_OF_GROUP when box (a) is
checked.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..errors import LoadError
from ..graph.ids import filing_id, normalize_cusip, normalize_name
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
from ._components import INSTRUMENT as _INSTRUMENT
from ._components import instrument_title as _instrument_title
from ._components import parse_components
from ._edgar_codes import code_of_place, country_of
from ._item5c import item5c_part, read_transactions
from ._prose import (ProseContext, Resolver, _prov, _seed_aliases, learn_defined_terms, learn_sexes, mine_table,
                     mine_text, sentences)
from ._denominator import parse_denominator
from ._text import (DATE_RE, GROUPED_COUNT_RE, decode, find_dates, html_to_text, is_bare_document, is_container,
                    parse_count, parse_date, parse_decimal, parse_money, parse_percent, tidy_lines)

NAME = "schedule13_text"
FAMILY = "schedule13"

# ----------------------------------------------------------------- document model (for `ownergraph schema`)


class CoverPage(BaseModel):
    model_config = ConfigDict(extra="allow")

    page: int
    name: str
    group_a: bool | None = None
    group_b: bool | None = None
    source_of_funds: list[str] = Field(default_factory=list)
    legal_proceedings: bool | None = None
    citizenship: str | None = None
    sole_voting: Decimal | None = None
    shared_voting: Decimal | None = None
    sole_dispositive: Decimal | None = None
    shared_dispositive: Decimal | None = None
    aggregate: Decimal | None = None
    excludes_certain_shares: bool | None = None
    percent: Decimal | None = None
    percent_bound: str | None = None
    percent_text: str | None = None
    types: list[str] = Field(default_factory=list)
    footnote_refs: dict[str, list[str]] = Field(default_factory=dict)
    footnotes: list[str] = Field(default_factory=list)


class Schedule13Document(BaseModel):
    """What the classic Schedule 13D/13G loader read (``ownergraph extract --json`` prints it)."""

    model_config = ConfigDict(extra="allow")

    form: str
    header: dict[str, Any] = Field(default_factory=dict)
    cover_pages: list[CoverPage] = Field(default_factory=list)
    intro: str | None = None
    item_2: dict[str, Any] = Field(default_factory=dict)
    item_3: dict[str, Any] = Field(default_factory=dict)
    item_4: dict[str, Any] = Field(default_factory=dict)
    item_5: dict[str, Any] = Field(default_factory=dict)
    item_6: dict[str, Any] = Field(default_factory=dict)
    item_7: dict[str, Any] = Field(default_factory=dict)
    item_8: dict[str, Any] = Field(default_factory=dict, description="13G Item 8: the answer and the group's members")
    items: dict[str, str] = Field(default_factory=dict)
    schedule_a: list[dict[str, Any]] = Field(default_factory=list)
    signatures: dict[str, Any] = Field(default_factory=dict)
    joint_filing_agreement: dict[str, Any] | None = None


# ----------------------------------------------------------------- bytes -> text

_HTML_HINT = re.compile(r"<\s*(?:html|body|table|div|p|font|td|tr)\b", re.I)
CHECKED = "☒"
UNCHECKED = "☐"
# a line break inside a table cell (``<br>``, a ``<p>`` in a ``<td>``): to_text(keep_cell_breaks=True) keeps it as this
# one character where the plain text has one space, so the two texts have the same offsets
CELL_BREAK = "\ue000"


def _html_to_lines(markup: str, keep_cell_breaks: bool = False) -> str:
    """HTML -> text: blocks are lines, a table row is one line of tab-separated cells.  With keep_cell_breaks a
    line break inside a cell is CELL_BREAK (else a space, as any other white space in a cell)."""
    from lxml import etree, html as lhtml

    parser = lhtml.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)
    try:
        root = lhtml.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError):
        return html_to_text(markup)
    blocks = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "center", "pre", "hr",
              "blockquote", "table", "tr", "title", "dl", "dt", "dd", "section", "article"}
    out: list[str] = []

    def walk(el, in_cell: bool) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "head"):
            out.append(" ")
            if el.tail:
                out.append(el.tail)
            return
        if tag == "input":
            out.append(f" {CHECKED} " if el.get("checked") is not None else f" {UNCHECKED} ")
        elif tag == "tr" and not in_cell:
            tds = [td for td in el if isinstance(td.tag, str) and td.tag.lower() in ("td", "th")]
            filled = [td for td in tds if (td.text_content() or "").strip() or td.find(".//input") is not None]
            if len(filled) == 1:
                # a one-cell row (signature blocks, layout tables): keep its lines
                out.append("\n")
                walk_children(filled[0])
                out.append("\n")
                if el.tail:
                    out.append(el.tail)
                return
            cells = []
            for td in tds:
                buf_start = len(out)
                if td.text:
                    out.append(td.text)
                for c in td:
                    walk(c, True)
                cell = " ".join("".join(out[buf_start:]).split())
                if keep_cell_breaks:  # a break takes the white space around it, so the cell reads as without
                    cell = re.sub(f" ?{CELL_BREAK}[ {CELL_BREAK}]*", CELL_BREAK, cell).strip(CELL_BREAK + " ")
                del out[buf_start:]
                if cell:
                    cells.append(cell)
            out.append("\n" + "\t".join(cells) + "\n")
            if el.tail:
                out.append(el.tail)
            return
        sep = ((CELL_BREAK if keep_cell_breaks else " ") if in_cell else "\n") if tag in blocks else ""
        out.append(sep)
        if el.text:
            out.append(el.text)
        for c in el:
            walk(c, in_cell)
        out.append(sep)
        if el.tail:
            out.append(el.tail)

    def walk_children(td) -> None:
        if td.text:
            out.append(td.text)
        for c in td:
            walk(c, False)

    body = root.find("body")
    walk(body if body is not None else root, False)
    text = "".join(out).replace("\u00a0", " ").replace("\r", "")
    return tidy_lines(text.split("\n"))


def _markdownish_to_text(s: str) -> str:
    """Text conversions of HTML (the seed): inline tags, markdown emphasis and escapes."""
    s = re.sub(r"<input\b[^>]*\bchecked\b[^>]*>", f" {CHECKED} ", s, flags=re.I)
    s = re.sub(r"<input\b[^>]*>", f" {UNCHECKED} ", s, flags=re.I)
    s = re.sub(r"</?(?:u|b|i|em|strong|span|font|sup|sub|a|br)\b[^>]*>", "", s, flags=re.I)
    s = re.sub(r"\[([^\]]*)\]\(#?[^)]*\)", r"\1", s)  # [text](#)
    s = re.sub(r"(?<=[A-Za-z0-9.])\*\*(?=[A-Za-z])", " ", s)
    s = s.replace("**", "")
    s = re.sub(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])", r"\1", s)
    s = re.sub(r"\\([$&*_#\[\]()<>~`|.-])", r"\1", s)
    return s.replace("\u00a0", " ").replace("\r", "")


_SGML_LINE = re.compile(r"(?im)^[ \t]*</?(?:DOCUMENT|TEXT|PAGE|PDF|TYPE|SEQUENCE|FILENAME|DESCRIPTION|C|S|FN|R\d*)>[^\n<]*$")


def to_text(data: bytes, keep_cell_breaks: bool = False) -> str:
    """The filing as text.  keep_cell_breaks: line breaks inside HTML table cells are CELL_BREAK characters
    (the text is otherwise the same, offset for offset: ``.replace(CELL_BREAK, " ")`` gives the plain text)."""
    s = decode(data)
    s = _SGML_LINE.sub("", s)
    if _HTML_HINT.search(s[:200000]) and len(re.findall(r"<\s*(?:p|div|td|tr|font|br)\b", s[:200000], re.I)) > 5:
        s = _html_to_lines(s, keep_cell_breaks)
    else:
        s = _markdownish_to_text(s)
    import html as _html

    s = _html.unescape(s)
    s = re.sub(r"(?m)^[ \t]*[-_=*]{5,}[ \t]*$", "", s)  # ruled lines of text filings
    s = re.sub(r"[-_=]{10,}", " ", s)
    return s


# ----------------------------------------------------------------- sniff

_FORM_RE = re.compile(r"SCHEDULE\s+13\s*([DG])\b|\bSC\s+13([DG])(?:/A)?\b|SCHEDULE\s+13([DG])/A", re.I)


def sniff(data: bytes) -> float:
    head = data[:120000]
    if head.lstrip()[:5] == b"<?xml" or b"<edgarSubmission" in head[:4000] or b"<ownershipDocument" in head[:4000]:
        return 0.0
    try:
        s = head.decode("utf-8", "replace")
    except Exception:  # pragma: no cover
        return 0.0
    if "<" in s:  # HTML: captions may be split by tags and non-breaking spaces
        s = re.sub(r"<[^<>]{0,400}>", " ", s)
        s = re.sub(r"&(?:nbsp|#160|#xa0|#8201|#8194);", " ", s, flags=re.I).replace("\u00a0", " ")
    m = _FORM_RE.search(s)
    if not m:
        return 0.0
    low = s.lower()
    signals = sum(bool(re.search(p, low)) for p in (
        r"\(\s*cusip\s+number\s*\)|cusip\s+no", r"names?\s+of\s+reporting\s+persons?", r"name\s+of\s+issuer",
        r"title\s+of\s+class\s+of\s+securities", r"aggregate\s+amount\s+beneficially\s+owned"))
    if signals == 0:
        return 0.0
    if signals == 1:
        return 0.3  # a document that only mentions a Schedule 13D; anything more specific wins
    if is_container(head) or is_bare_document(head):
        return 0.2  # an SGML container: the submission loader reads it and calls us on the inner document
    return min(0.9, 0.5 + 0.1 * signals)


# ----------------------------------------------------------------- small helpers

_FOOTREF = re.compile(r"⁽([⁰¹²³⁴⁵⁶⁷⁸⁹]+)⁾|(?<![A-Za-z$,.])\((\d{1,2}|\*)\)|(?<=\s)\(([a-z])\)(?!\s*\w+\s*(?:of|and))|"
                      r"(?<=[\d%])([¹²³⁴⁵⁶⁷⁸⁹⁰]+)|(?<=[\w%\s)])(\*{1,3})(?=\s|$)")
_SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_CHECK_ON = re.compile(r"☒|☑|✔|✓|■|\[\s*[xX✓]\s*\]|\(\s*[xX]\s*\)|(?<![\w])[xXýþ](?![\w])|\|\s*[xX]\s*\||"
                       r"(?<![\w])_+[xX]_+(?![\w])")
# a blank line "___" is an empty box too ("(a)  ___" in a typed cover page)
_CHECK_OFF = re.compile(r"☐|□|❑|¨|\[\s*_?\s*\]|\(\s*\)|(?<![\w])[oq](?![\w])|\|_\||(?<![\w])_{2,}(?![\w])")


def _checked(text: str) -> bool | None:
    if _CHECK_ON.search(text):
        return True
    if _CHECK_OFF.search(text):
        return False
    return None


def _flat(s: str) -> str:
    return " ".join(s.replace("\t", " ").split())




# ----------------------------------------------------------------- cover pages

_OPT = r"(?:\s*\(\s*(?:see\s+instructions|entities\s+only|voluntary)\s*\))?\s*[:*]?"
COVER_LABELS: list[tuple[str, str]] = [
    ("name", r"NAMES?\s+OF\s+REPORTING\s+PERSONS?" + _OPT +
     r"(?:\s*[/.,]?\s*(?:S\.?S\.?\s+OR\s+)?I\.?\s?R\.?\s?S\.?\s+IDENTIFICATION\s+NOS?\.?\s+OF\s+(?:THE\s+)?ABOVE\s+"
     r"PERSONS?" + _OPT + r")?"),
    ("irs", r"(?:S\.?S\.?\s+OR\s+)?I\.?\s?R\.?\s?S\.?\s+IDENTIFICATION\s+NOS?\.?\s+OF\s+(?:THE\s+)?ABOVE\s+PERSONS?" + _OPT),
    # "Check the Appropriate Box   (a) ___" / "if a Member of a Group   (b) ___": the box (a) printed inside the caption
    ("group", r"CHECK\s+THE\s+APPROPRIATE\s+BOX(?:[ \t]+\(a\)[^\n]{0,40}(?=\n))?\s+IF\s+A\s+MEMBER\s+OF\s+A\s+GROUP" + _OPT),
    ("sec", r"SEC\s+USE\s+ONLY"),
    ("funds", r"SOURCE\s+OF\s+FUNDS(?:\s+OR\s+OTHER\s+CONSIDERATION)?" + _OPT),
    ("legal", r"CHECK\s+(?:BOX\s+)?IF\s+DISCLOSURE\s+OF\s+LEGAL\s+PROCEEDINGS\s+IS\s+REQUIRED\s+PURSUANT\s+TO\s+"
              r"ITEMS?\s*2\s*\(?\s*d\s*\)?\s*(?:OR|AND|/)\s*2\s*\(?\s*e\s*\)?" + _OPT),
    ("citizenship", r"CITIZENSHIP\s+OR\s+PLACE\s+OF\s+ORGANI[ZS]ATION" + _OPT),
    ("number_of", r"NUMBER\s+OF\s+SHARES\s+BENEFICIALLY\s+OWNED\s+BY\s+EACH\s+REPORTING\s+PERSON\s+WITH" + _OPT),
    ("sole_voting", r"SOLE\s+VOTING\s+POWER" + _OPT),
    ("shared_voting", r"SHARED\s+VOTING\s+POWER" + _OPT),
    ("sole_dispositive", r"SOLE\s+DISPOSITIVE\s+POWER" + _OPT),
    ("shared_dispositive", r"SHARED\s+DISPOSITIVE\s+POWER" + _OPT),
    ("aggregate", r"AGGREGATE\s+AMOUNT\s+BENEFICIALLY\s+OWNED\s+BY\s+(?:EACH\s+)?(?:THE\s+)?(?:REPORTING\s+)?PERSONS?" + _OPT),
    ("excludes", r"CHECK\s+(?:BOX\s+)?IF\s+(?:THE\s+)?AGGREGATE\s+AMOUNT\s+IN\s+ROW\s*\(?\s*\d{1,2}\s*\)?\s+EXCLUDES\s+"
                 r"CERTAIN\s+SHARES" + _OPT),
    ("percent", r"PERCENT\s+OF\s+CLASS\s+REPRESENTED\s+BY\s+AMOUNT\s+IN\s+ROW\s*\(?\s*\d{1,2}\s*\)?" + _OPT),
    ("type", r"TYPE\s+OF\s+REPORTING\s+PERSONS?" + _OPT),
]
# the lookahead names every label's possible first letter: the same matches, found without trying all sixteen
# alternatives at every position of a long filing (1.6x faster on a filing with a megabyte of exhibits)
_LABEL_RE = re.compile("(?=[ACINPSTacinpst])(?:" + "|".join(f"(?P<{k}>{rx})" for k, rx in COVER_LABELS) + ")", re.I)
assert all(rx[0] in "ACINPST(" for _, rx in COVER_LABELS)  # "(" only for the optional "S.S. OR" before I.R.S.
ROWS_13D = {"name": 1, "group": 2, "sec": 3, "funds": 4, "legal": 5, "citizenship": 6, "sole_voting": 7,
            "shared_voting": 8, "sole_dispositive": 9, "shared_dispositive": 10, "aggregate": 11, "excludes": 12,
            "percent": 13, "type": 14, "irs": 1, "number_of": 7}
ROWS_13G = {"name": 1, "group": 2, "sec": 3, "citizenship": 4, "sole_voting": 5, "shared_voting": 6,
            "sole_dispositive": 7, "shared_dispositive": 8, "aggregate": 9, "excludes": 10, "percent": 11,
            "type": 12, "irs": 1, "number_of": 5}
TYPE_CODES = {"BD", "BK", "IC", "IV", "IA", "EP", "HC", "SA", "CP", "CO", "PN", "IN", "OO", "FI", "CH", "FO", "OT"}
FUND_CODES = {"SC", "BK", "AF", "WC", "PF", "OO", "00"}
_SIDE_CAPTION = re.compile(r"\b(?:NUMBER\s+OF|SHARES|BENEFICIALLY|OWNED\s+BY|OWNED|EACH|REPORTING|PERSON\s+WITH:?|WITH:?)"
                           r"(?=\s|$)")
_PAGE_NOISE = re.compile(r"CUSIP\s+(?:No\.?|Number)\s*:?\s*[0-9A-Z]{6}\s?[0-9A-Z]{2}\s?[0-9A-Z]?|"
                         r"\bPage\s+\d+\s+of\s+\d+(?:\s+Pages)?|\(Page\s+\d+\s+of\s+\d+\s+Pages?\)|"
                         r"\bSCHEDULE\s+13[DG](?:/A)?\b", re.I | re.M)


def _refs(text: str) -> list[str]:
    out = []
    for m in _FOOTREF.finditer(text):
        g = next(x for x in m.groups() if x)
        out.append(g.translate(_SUP))
    return out


def _strip_refs(text: str) -> str:
    return _FOOTREF.sub(" ", text)


# a cross-reference in a cover cell ("see Item 5(a)", "Row 11", "footnote 2"): its numbers are not the value
_CROSS_REF = re.compile(r"(?:items?|rows?|footnotes?|notes?|exhibits?)\s*\(?\d+(?:\.\d+)?\)?(?:\s*\(\w\))*", re.I)


def _number(text: str) -> tuple[Decimal | None, str | None]:
    """A cover cell -> (value, note).  '-0-' and 'None' are 0; 'See Item 4' alone is (None, 'see Item 4')."""
    t = _SIDE_CAPTION.sub(" ", text)
    t = _strip_refs(t)
    t = re.sub(r"\$", "", t)
    if re.search(r"(?<![\w])-0-(?![\w])|^\s*(?:none|nil|zero)\b", t, re.I):
        note = re.search(r"see\s+(?:[^()\n]|\([^()\n]*\))*", t, re.I)
        return Decimal(0), note.group(0).strip(" ;,") if note else None
    t2 = _CROSS_REF.sub(" ", t)
    m = re.search(rf"(?<![\w.'])({GROUPED_COUNT_RE}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\w%])", t2)
    if m:
        return parse_count(m.group(1)), None
    note = _flat(t)
    if re.search(r"\bsee\b|footnote|\bitem\b|\brow\b", note, re.I):
        return None, note[:200]
    return None, None


def _percent(text: str) -> tuple[Decimal | None, str | None, str | None]:
    t = _strip_refs(_SIDE_CAPTION.sub(" ", text))
    # a decimal comma ("6,1%", "12,45 %"): one or two digits after it, then the percent sign
    t = re.sub(r"(?<![\d,.])(\d{1,3}),(\d{1,2})(?=\s*(?:%|percent\b))", r"\1.\2", t)
    m = re.search(r"((?:less\s+than|under|below|<)\s*(?:one|1(?:\.0+)?)\s*(?:%|percent)|"
                  r"(?:less\s+than|under|below|<)\s*\d+(?:\.\d+)?\s*(?:%|percent)|"
                  r"\d+(?:\.\d+)?\s*(?:%|percent)|\.\d+\s*%)", t, re.I)
    if not m:
        t3 = _CROSS_REF.sub(" ", t)
        m2 = re.search(r"(?<![\w.])(\d{1,2}(?:\.\d+)?|0)(?![\w,])", t3)
        if m2:
            return Decimal(m2.group(1)), None, m2.group(1)
        if re.search(r"(?<![\w])-0-(?![\w])", t):
            return Decimal(0), None, "-0-"
        return None, None, None
    txt = " ".join(m.group(1).split())
    norm = re.sub(r"\bone\b", "1", txt, flags=re.I)
    pct, bound = parse_percent(norm)
    return pct, bound, txt


def _split_cover_pages(text: str) -> list[tuple[int, int]]:
    starts = [m.start("name") for m in _LABEL_RE.finditer(text) if m.group("name")]
    spans = []
    for i, s in enumerate(starts):
        # back up over the row number printed before the caption ("1", "(1)", "1.")
        b = re.search(r"(?:^|\n)[^\n]*?\(?0?1\)?\.?[\t ]*$", text[max(0, s - 12):s])
        start = s - (len(text[max(0, s - 12):s]) - b.start()) if b else s
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        spans.append((start, end))
    # trim the previous page so it doesn't contain the next row number "1"
    return spans


def _parse_cover(chunk: str, page: int, is_last: bool, marked: str | None = None
                 ) -> tuple[dict, dict[str, tuple[str, str]]]:
    """One cover page -> (values, {field: (row section, excerpt)}).  marked: the same page with the line breaks of
    its HTML table cells kept (CELL_BREAK), read for the names of a cover that names several persons one a line."""
    labels = [m for m in _LABEL_RE.finditer(chunk)]
    kinds = [m.lastgroup for m in labels]
    rows = ROWS_13D if ("funds" in kinds or "legal" in kinds or "type" in kinds and len(kinds) >= 14) else ROWS_13G
    if "funds" not in kinds and "legal" not in kinds:
        rows = ROWS_13G
    out: dict[str, Any] = {"page": page}
    where: dict[str, tuple[str, str]] = {}
    seen: set[str] = set()
    tail_start = len(chunk)
    for i, m in enumerate(labels):
        k = m.lastgroup
        end = labels[i + 1].start() if i + 1 < len(labels) else len(chunk)
        seg = chunk[m.end():end]
        if i + 1 < len(labels):
            nk = labels[i + 1].lastgroup
            nrow = rows.get(nk)
            if nrow is not None:
                seg = re.sub(rf"(?:^|[\s(])0?{nrow}\s*[).]?[\t ]*$", "", seg.rstrip())
        if k == "type":
            # the type codes, then footnotes / the rest of the page
            first = re.match(r"\s*((?:[A-Z]{2}(?:\s*[,;/&]\s*|\s+and\s+|\s+)?)+)", _strip_refs(seg))
            codes = re.findall(r"\b[A-Z]{2}\b", first.group(1)) if first else []
            codes = [c for c in codes if c in TYPE_CODES]
            out["types"] = codes
            cut = re.search(r"\n\s*\n|\n(?=\s*(?:\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹*]|\d{1,2}\s*[.)]?\s+[A-Z]))", seg)
            head = seg[:cut.start()] if cut else seg
            tail_start = m.end() + len(head)
            where[k] = (f"cover page {page}, row {rows[k]}", _flat(m.group(0) + " " + head)[:300])
            refs = _refs(head)
            if refs:
                out.setdefault("footnote_refs", {})["type"] = refs
            seen.add(k)
            break
        if k in seen and k not in ("number_of",):
            continue
        seen.add(k)
        row = rows.get(k)
        sec = f"cover page {page}, row {row}" if row else f"cover page {page}"
        where[k] = (sec, _flat(m.group(0) + " " + _PAGE_NOISE.sub(" ", seg))[:300])
        refs = _refs(seg)
        if refs and k in ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive", "aggregate",
                          "percent", "name", "citizenship"):
            out.setdefault("footnote_refs", {})[k] = refs
        if k == "irs" and out.get("name") and "irs_number" not in out:
            # the number in its own row after the name ("No. of Above Person      13-3194399")
            irs = _IRS_NO.search(seg) or _IRS_BARE.search(seg)
            if irs:
                out["irs_number"] = f"{irs.group(1)}-{irs.group(2)}"
        if k == "irs" and not out.get("name"):
            k = "name"  # "NAME OF REPORTING PERSON" / "I.R.S. IDENTIFICATION NO." / the name
        if k == "name":
            irs = _IRS_NO.search(seg) or _IRS_BARE.search(seg)
            if irs and "irs_number" not in out:
                out["irs_number"] = f"{irs.group(1)}-{irs.group(2)}"
            nm = _flat(_PAGE_NOISE.sub(" ", _strip_refs(seg)))
            nm = re.sub(r"\b\d{2}-\d{7}\b|I\.?R\.?S\.?[^\n]*?No\.?:?\s*[\d-]*|\(?entities only\)?", " ", nm, flags=re.I)
            nm = re.sub(r"\(\s*\)", " ", nm)
            # the I.R.S. number row answered "N/A" / "Not applicable" under the name
            nm = re.sub(r"(?:\s+|^)(?:N/A|Not\s+Applicable|\(?Voluntary\)?)\.?\s*$", "", _flat(nm), flags=re.I)
            nm = re.sub(r"^\s*[:.\-]\s*", "", _flat(nm)).strip(" ,;")
            out["name"] = nm
            mseg = seg if marked is None or len(marked) != len(chunk) else marked[m.end():m.end() + len(seg)]
            cell_lines = CELL_BREAK in mseg
            mseg = mseg.replace(CELL_BREAK, "\n")
            name_lines = [ln.strip(" ,;") for ln in _PAGE_NOISE.sub(" ", _strip_refs(mseg)).split("\n")
                          if ln.strip(" ,;") and not re.fullmatch(r"[\d\s-]+|\(?entities only\)?", ln.strip(), re.I)]
        elif k == "group":
            inside = m.group(0).find("(a)")
            if inside >= 0:
                seg = m.group(0)[inside:] + " " + seg
            a = re.search(r"\(a\)(.*?)(?=\(b\)|$)", seg, re.S)
            b = re.search(r"\(b\)(.*)$", seg, re.S)
            pre_a = re.search(r"(\S+)\s*\(a\)", seg)
            out["group_a"] = _checked(a.group(1)) if a else None
            if out["group_a"] is None and pre_a:
                out["group_a"] = _checked(pre_a.group(1))
            out["group_b"] = _checked(b.group(1)) if b else None
        elif k == "funds":
            codes = re.findall(r"\b[A-Z0]{2}\b", _strip_refs(seg))
            out["source_of_funds"] = [("OO" if c == "00" else c) for c in codes if c in FUND_CODES]
        elif k == "legal":
            out["legal_proceedings"] = bool(_checked(seg))
        elif k == "citizenship":
            c = _flat(_PAGE_NOISE.sub(" ", _strip_refs(seg)))
            c = re.sub(r"\s*\bNUMBER\s+OF\b.*$", "", c, flags=re.I)  # the side caption beside the value
            out["citizenship"] = c.strip(" :,;") or None
        elif k in ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive", "aggregate"):
            v, note = _number(_PAGE_NOISE.sub(" ", seg))
            out[k] = v
            if v is None and not note and refs:
                note = f"see footnote {refs[0]}"  # the cell holds only a footnote mark: "(1)", "*"
            if note:
                out[f"{k}_footnote"] = note
        elif k == "excludes":
            out["excludes_certain_shares"] = bool(_checked(seg))
        elif k == "percent":
            pct, bound, ptxt = _percent(_PAGE_NOISE.sub(" ", seg))
            out["percent"], out["percent_bound"], out["percent_text"] = pct, bound, ptxt
            if pct is None:
                note = _flat(seg)
                if refs and not _flat(_strip_refs(_PAGE_NOISE.sub(" ", seg))):
                    note = f"see footnote {refs[0]}"
                if note:
                    out["percent_footnote"] = note[:200]
    if set(out.get("types") or ()) == {"IN"} and out.get("name"):
        lines, in_cell = locals().get("name_lines") or [], bool(locals().get("cell_lines"))
        joint = _joint_names(out["name"], lines, in_cell)
        if len(joint) > 1:
            out["joint_names"] = joint
        elif in_cell and _name_then_place(lines):
            out["name"] = lines[0]  # "Corwin A. Thale<br>Kilchberg, Switzerland": the name, then where he lives
    if "type" not in seen and labels:
        # no row 14/12: the rows end with the last caption's value (its first paragraph)
        last_end = max(m.end() for m in labels if m.lastgroup in seen or m.lastgroup == "number_of")
        nxt = re.search(r"\n\s*\n", chunk[last_end:])
        tail_start = last_end + (nxt.start() if nxt else len(chunk) - last_end)
    footer = chunk[tail_start:]
    out["_tail"] = tail_start
    if is_last:
        # the last page's footnotes end where the statement's prose or Item 1 starts
        notes, buf = [], []
        for para in re.split(r"\n\s*\n", footer):
            p = para.strip()
            if not p:
                continue
            if re.match(r"(?:\(\d{1,2}\)|[¹²³⁴⁵⁶⁷⁸⁹]|\*|\d{1,2}\s*[.)]\s|Footnote)", p):
                notes.append(_flat(p))
            else:
                break
        out["footnotes"] = notes
    else:
        paras = [_flat(_PAGE_NOISE.sub(" ", p)) for p in re.split(r"\n\s*\n|\n(?=\s*\(\d{1,2}\)\s)", footer)]
        out["footnotes"] = [p for p in paras if len(p) > 3]
    return out, where


_JOINT_TAIL = re.compile(r"\s*[,(]?\s*(?:as\s+)?(?:joint\s+tenants(?:\s+with\s+(?:the\s+)?rights?\s+of\s+survivorship)?|"
                         r"JTWROS|husband\s+and\s+wife|spouses|tenants\s+(?:in\s+common|by\s+the\s+entirety))\)?\s*$", re.I)


_NOT_A_NAME_LINE = re.compile(r"(?i)\s*(?:n/?a\b|not\s+applicable|none\b|omitted|\(|(?:s\.?\s?s\.?|social\s+security|"
                              r"i\.?\s?r\.?\s?s\.?|tax|ein|employer)\b)")


_PLACE_OR_CAPACITY = re.compile(
    r"(?:.*\d.*|[A-Z][\w.' -]{1,40},\s*[A-Z][\w.' -]{1,40}|(?i:(?:as\s+)?(?:trustee|co-trustee|custodian|executor|"
    r"executrix|c/o)\b.*))")


#: a name ending in a company's legal form: an organization even when its cover page types it "IN" (a filer's slip)
_LEGAL_FORM_END = re.compile(r"(?i)(?:\b(?:Inc|Corp|Corporation|Incorporated|LLC|L\.L\.C|Ltd|Limited|plc|GmbH|SPC|N\.V|S\.A|"
                             r"B\.V|AG|L\.P|LP|LLP|Co)\.?|\bCompany)\s*$")
#: the employer identification number the name row gives ("I.R.S. No. 13-4120987", "06-1483321" under the name)
_IRS_NO = re.compile(r"(?<![\d-])(\d{2})-(\d{7})(?![\d-])")
_IRS_BARE = re.compile(r"(?im)(?:I\.?\s?R\.?\s?S\.?[^\n\d]{0,40}?(?:No\.?|Number)\s*[:.]?\s*|^[ \t]*)(\d{2})(\d{7})[ \t]*$")


def _name_then_place(lines: list[str]) -> bool:
    """An individual's name cell whose first line is the name and whose other lines are an address, a place
    ("Kilchberg, Switzerland") or a capacity ("Trustee"), never a name wrapped onto the next line."""
    from ._prose import _looks_person

    return (len(lines) >= 2 and _looks_person(lines[0]) and "," not in lines[0]
            and all(_PLACE_OR_CAPACITY.fullmatch(ln.strip()) for ln in lines[1:]))


def _joint_names(name: str, lines: list[str], cell_lines: bool = False) -> list[str]:
    """Several natural persons named on one cover page (type IN): 'Lionel Q. Marsh and Daphne R. Marsh, as
    joint tenants', or one name a line.  Each name must read as a person's; otherwise the cover names one.
    cell_lines: the lines are the line breaks of an HTML cell, where a name's cell often holds its address or
    capacity too ('Kilchberg, Switzerland', 'Trustee'): each line must then be a bare name (no digit, no comma
    but before a generational suffix)."""
    from ._prose import _looks_person

    def people(parts: list[str]) -> bool:
        return len(parts) > 1 and all(_looks_person(p) for p in parts)

    def bare_names(parts: list[str]) -> bool:
        return all(len(p.split()) >= 2 and not re.search(r"\d", p) and
                   not re.search(r",(?!\s*(?:Jr|Sr|II|III|IV|V)\b\.?\s*$)", p) for p in parts)

    bare = _JOINT_TAIL.sub("", name).strip(" ,;")
    parts = [p.strip(" ,;") for p in re.split(r"\s*;\s*|,?\s+and\s+|\s+&\s+", bare) if p.strip(" ,;")]
    if people(parts):
        return parts
    rows = [_JOINT_TAIL.sub("", ln).strip(" ,;") for ln in lines]
    rows = [r for r in rows if r and not _NOT_A_NAME_LINE.match(r)]
    if people(rows) and (not cell_lines or bare_names(rows)):
        return rows
    return [name]


# ----------------------------------------------------------------- header

def _above(text: str, caption: str, limit: int = 6) -> tuple[str | None, int]:
    """The text printed just above a caption like '(Name of Issuer)'."""
    m = re.search(caption, text, re.I)
    if not m:
        return None, -1
    before = text[:m.start()]
    lines = before.split("\n")
    got: list[str] = []
    # same line, before the caption
    same = lines[-1].strip()
    if same and not re.fullmatch(r"[_\-\s]*", same):
        got.append(same)
    for ln in reversed(lines[:-1]):
        s = ln.strip()
        if re.fullmatch(r"[_\-=\s]*", s):
            if got:
                break
            continue
        if re.fullmatch(r"\(\s*[A-Za-z][^()]*\)", s) or re.search(r"(?i)^(?:Under the Securities|"
                                                                 r"SCHEDULE 13|\(Rule|\(?Amendment No)", s):
            break
        got.append(s)
        if len(got) >= limit:
            break
    value = _flat(" ".join(reversed(got))).strip(" _")
    return value or None, m.start()


def _header(text: str, body_start: int) -> dict[str, Any]:
    head = text[:body_start] if body_start > 0 else text[:20000]
    h: dict[str, Any] = {}
    fm = _FORM_RE.search(head)
    letter = next((g for g in fm.groups() if g), "D").upper() if fm else "D"
    h["schedule"] = f"13{letter}"
    am = re.search(r"Amendment\s+No\.?\s*:?\s*([0-9]+)", head, re.I)
    h["amendment_no"] = int(am.group(1)) if am else None
    # a Schedule TO that amends a Schedule 13D prints "(Name of Subject Company (Issuer))"
    h["issuer"], _ = _above(head, r"\(\s*Name\s+of\s+(?:the\s+)?(?:Subject\s+Company\s*\(\s*)?Issuer\s*\)")
    h["class_title"], _ = _above(head, r"\(\s*Title\s+of\s+Class\s+of\s+Securities\s*\)")
    cus, _ = _above(head, r"\(\s*CUSIP\s+Numbers?(?:\s+of\s+(?:the\s+)?Class\s+of\s+Securities)?\s*\)")
    if not cus:
        cm = re.search(r"CUSIP\s+(?:No\.?|Number)\s*:?\s*([0-9A-Z]{6}\s?[0-9A-Z]{2}\s?[0-9A-Z])", text, re.I)
        cus = cm.group(1) if cm else None
    if cus:
        cm = re.search(r"\b([0-9A-Z]{6})\s?([0-9A-Z]{2})\s?([0-9A-Z])\b", cus.upper())
        h["cusip_as_printed"] = cus
        h["cusip"] = normalize_cusip("".join(cm.groups())) if cm else None
    notice, _ = _above(head, r"\(\s*Name,\s+Address,?\s+and\s+Telephone\s+Numbers?\s+of\s+Person", limit=10)
    if notice:
        # the block above the caption, line by line: first line the name
        m = re.search(r"\(\s*Name,\s+Address,?\s+and\s+Telephone", head, re.I)
        block = []
        # up to the caption above it ("(CUSIP Number)"): an HTML cover prints each line of the block as its own
        # paragraph or table row, so blank lines do not end it; a rule line under text does
        for ln in reversed(head[:m.start()].rstrip().split("\n")):
            st = ln.strip()
            if re.fullmatch(r"[_\-=\s]*", st):
                if block and st:
                    break
                continue
            if re.fullmatch(r"\(\s*[A-Za-z][^()]*\)", st) or len(block) >= 10:
                break
            block.append(st)
        block = list(reversed(block)) or [notice]
        h["notices"] = {"name": block[0], "address": ", ".join(x.rstrip(" ,") for x in block[1:]) or None, "text": " ".join(block)}
    ev, _ = _above(head, r"\(\s*Date\s+of\s+Event\s+(?:Which|that)\s+Requires")
    if not _first_date(ev):
        ev = _event_caption_date(head if _EVENT_CAPTION.search(head) else text[:20000]) or ev
    h["event_date_text"] = ev
    h["event_date"] = _first_date(ev) if ev else None
    rules = []
    for m in re.finditer(r"(\[\s*[xX ]?\s*\]|\S{1,3})?\s*Rule\s+13d\s?-\s?[1lI]\s*\(\s*([bcdk])\s*\)(?:[ \t]*(\S{1,3}))?", head):
        before = _checked(m.group(1) or "")
        state = before if before is not None else _checked(m.group(3) or "")
        if state:
            rules.append(f"Rule 13d-1({m.group(2)})")
    h["rule_designation"] = rules
    return h


# the event-date caption as typed covers print it: with or without its parentheses, over one or two lines
_EVENT_CAPTION = re.compile(r"\(?[ \t]*Date\s+of\s+(?:the\s+)?Event\s+(?:Which|that)\s+Requires?\s+(?:the\s+)?Filing"
                            r"(?:\s+of\s+(?:this|the)\s+(?:Statement|Schedule))?[ \t]*\)?", re.I)


def _event_caption_date(text: str) -> str | None:
    """The date a '(Date of Event Which Requires Filing of this Statement)' line gives wherever the date stands:
    right after it ('...Statement: June 3, 2005', '...Statement) September<newline>30, 2024', or on the line
    below it), else on the lines above it."""
    m = _EVENT_CAPTION.search(text)
    if not m:
        return None
    after = re.match(r"[\s:.\-_=]*(" + DATE_RE + ")", text[m.end():m.end() + 400])
    if after:
        return _flat(after.group(1))
    above, _ = _above(text[:m.end()], re.escape(m.group(0)))
    return above if _first_date(above) else None


_ON_DATE = re.compile(r"(?:^|(?<=[.;:)]\s)|(?<=\n))\s*(?:\(\w\)\s*)?On\s+(" + DATE_RE + r"),", re.M)


def _event_from_items(items: dict[str, str]) -> tuple[dt.date | None, str | None]:
    """The last resort for a cover without an event date: the latest 'On <date>, ...' of Item 4 or Item 5,
    never one after the statement was signed ('On June 30, 2026, the Reporting Person will ...')."""
    signed = find_dates(items.get("signatures", ""))
    not_after = max(signed) if signed else None
    got = []
    for k in ("item_4", "item_5"):
        for m in _ON_DATE.finditer(items.get(k, "")):
            d = parse_date(m.group(1))
            if d and (not_after is None or d <= not_after):
                got.append((d, f"Item {k[-1]}", m.group(1)))
    if not got:
        return None, None
    d, sec, txt = max(got)
    return d, f"{sec}: On {txt}"


def _first_date(s: str | None) -> dt.date | None:
    if not s:
        return None
    d = parse_date(s)
    if d:
        return d
    ds = find_dates(s)
    if ds:
        return ds[0]
    m = re.search(r"([A-Za-z]{3,9})\s+(\d{1,2})\s*,?\s*(\d{4})", s)
    return parse_date(m.group(0)) if m else None


# ----------------------------------------------------------------- body sections

_ITEM_HEAD = re.compile(r"(?im)^[ \t\-•*#>]*(?:\*\*)?\s*ITEM\s*(\d{1,2})\s*(\(\s*[a-z]\s*\))?\s*[.:\-–—]?"
                        r"(?!\s*(?:of|is|are|hereby|above|below|has|have|shall|in|to|and|as|which|that|was|were|"
                        r"remains?|through|herein)\b)")
_OTHER_HEAD = re.compile(
    r"(?m)^[ \t\-•*#>]*(SCHEDULE\s+[A-Z](?![a-z])|SIGNATURES?\b|[Ss]ignatures?\s*[.:]?\s*$|JOINT\s+FILING\s+AGREEMENT|"
    r"EXHIBIT\s+(?:INDEX|\d+(?:\.\d+)?|[A-Z]|[IVX]+)\b|Exhibits?\s*:|EXHIBITS?\s*$)")


def _sections(text: str, start: int) -> list[tuple[str, int, int, str]]:
    """[(name, start, end, heading)] for items (grouped by number) and the closing sections."""
    marks: list[tuple[int, str, str]] = []
    for m in _ITEM_HEAD.finditer(text, start):
        marks.append((m.start(), f"item_{int(m.group(1))}", m.group(0)))
    for m in _OTHER_HEAD.finditer(text, start):
        w = m.group(1).upper()
        if w.startswith("SCHEDULE"):
            name = "schedule_" + w.split()[-1].lower()
        elif w.startswith("SIGNATURE"):
            name = "signatures"
        elif w.startswith("JOINT"):
            name = "joint_filing_agreement"
        else:
            name = "exhibits"
        marks.append((m.start(), name, m.group(0)))
    marks.sort()
    out = []
    for i, (pos, name, head) in enumerate(marks):
        end = marks[i + 1][0] if i + 1 < len(marks) else len(text)
        out.append((name, pos, end, head))
    return out


# ----------------------------------------------------------------- facts builder


class _Builder:
    def __init__(self, data: bytes, source: str):
        self.sha = sha256(data)
        self.source = source
        self.fid = filing_id(None, self.sha)
        self.entities: list[EntityFact] = []
        self.relations: list[RelationFact] = []
        self.warnings: list[str] = []
        self.securities: dict[str, str] = {}  # normalized title -> key

    def prov(self, section: str, text: str = "") -> Provenance:
        return Provenance(filing_id=self.fid, source=self.source, section=section, excerpt=excerpt(text))

    def entity(self, key: str, kind: NodeKind, name: str, section: str, text: str = "", **kw) -> EntityFact:
        e = EntityFact(key=key, kind=kind, name=name, prov=self.prov(section, text), **kw)
        self.entities.append(e)
        return e

    def rel(self, etype: EdgeKind, src: str, dst: str, props: dict, section: str, text: str = "",
            disc: str | None = None) -> None:
        self.relations.append(RelationFact(type=etype, source=src, target=dst,
                                           props={k: v for k, v in props.items() if v is not None},
                                           prov=self.prov(section, text), discriminator=disc))


def _place_codes(facts: FilingFacts) -> None:
    """A citizenship or place of organization written out ("State of Delaware", "U.S.A.", wherever the filing
    states it: cover page, Item 2, a table of persons) also gets the EDGAR code the XML schedule would give
    (``citizenship_code``) and its ``country``, with the same provenance; the text as filed stays."""
    for e in facts.entities:
        if not e.props:
            continue
        stated = {p.name: p for p in e.props if p.name in ("citizenship", "place_of_organization")}
        for name in ("citizenship", "place_of_organization"):
            p = stated.get(name)
            code = code_of_place(str(p.value)) if p is not None and p.value else None
            if code is not None:
                _prop(e, "citizenship_code", code, p.prov)
                _prop(e, "country", country_of(code), p.prov)
                break


def _prop(e: EntityFact, name: str, value: Any, prov: Provenance) -> None:
    if value is not None and e.prop(name) is None:
        e.props.append(PropFact(name=name, value=value, prov=prov))


# ----------------------------------------------------------------- parse


def parse(data: bytes, source: str) -> FilingFacts:
    if CELL_BREAK.encode() in data:  # the document itself holds the marker character: no cell breaks
        text = marked = to_text(data)
    else:
        marked = to_text(data, keep_cell_breaks=True)
        text = marked.replace(CELL_BREAK, " ")
    if not _FORM_RE.search(text[:50000]):
        raise LoadError(source, "not a Schedule 13D/13G: no 'SCHEDULE 13D' or 'SCHEDULE 13G' title")
    covers_spans = _split_cover_pages(text)
    if not covers_spans:
        raise LoadError(source, "Schedule 13D/13G without any cover page ('NAME OF REPORTING PERSON' not found)")
    b = _Builder(data, source)
    body_start = covers_spans[0][0]
    header = _header(text, body_start)
    is_13g = header["schedule"] == "13G"

    # cover pages
    covers: list[dict] = []
    where_all: list[dict] = []
    accepted = []
    for s0, e0 in covers_spans:
        kinds = {m.lastgroup for m in _LABEL_RE.finditer(text[s0:min(e0, s0 + 6000)])}
        if kinds & {"sole_voting", "shared_voting", "aggregate", "percent"}:
            accepted.append(s0)
        else:
            b.warnings.append(f"{source}: a 'name of reporting person' caption without cover rows; not a cover page")
    if not accepted:
        raise LoadError(source, "no cover page with rows (sole/shared power, aggregate, percent) was found")
    body_from = accepted[0]
    for i, s0 in enumerate(accepted):
        e0 = accepted[i + 1] if i + 1 < len(accepted) else len(text)
        chunk = text[s0:e0]
        cv, where = _parse_cover(chunk, len(covers) + 1, i == len(accepted) - 1, marked[s0:e0])
        body_from = s0 + cv.pop("_tail", len(chunk))
        if not cv.get("name"):
            b.warnings.append(f"{source}: cover page {i + 1} has no reporting person name; skipped")
            continue
        for nm in cv.pop("joint_names", None) or [cv["name"]]:
            one = dict(cv)
            if nm != cv["name"]:
                one["name"], one["cover_names"] = nm, cv["name"]  # one cover page for several persons
            covers.append(one)
            where_all.append(where)
    if not covers:
        raise LoadError(source, "no cover page names a reporting person")
    sections = _sections(text, body_from)
    first_sec = sections[0][1] if sections else len(text)
    intro = _flat(text[body_from:first_sec])
    intro = re.sub(r"^(?:(?:%s)\b[\s,;/&]*)+" % "|".join(sorted(TYPE_CODES)), "", intro)
    # drop the last page's footnotes from the intro
    if covers[-1].get("footnotes"):
        for fn in covers[-1]["footnotes"]:
            intro = intro.replace(fn, " ")
        intro = _flat(intro)

    items: dict[str, str] = {}
    item_heads: dict[str, str] = {}
    for name, s, e, head in sections:
        items[name] = (items.get(name, "") + "\n" + text[s:e]).strip()
        item_heads.setdefault(name, head)

    amendment_no = header.get("amendment_no")
    form_type = f"SC 13{'G' if is_13g else 'D'}" + ("/A" if amendment_no else "")
    if re.search(r"SCHEDULE\s+13[DG]/A|SC\s+13[DG]/A", text[:body_start], re.I) and not amendment_no:
        form_type = f"SC 13{'G' if is_13g else 'D'}/A"

    # ------------------------------------------------ entities: issuer, class, reporting persons
    issuer_name = header.get("issuer") or _item1_issuer(items.get("item_1", ""))
    if not issuer_name:
        raise LoadError(source, "cannot find the issuer's name (the '(Name of Issuer)' caption or Item 1(a))")
    issuer_name = _clean_entity_name(issuer_name)
    issuer_filed = issuer_name
    issuer_name = _display_name(issuer_name, text)
    hsec = "header"
    iss = b.entity("issuer", NodeKind.ORGANIZATION, issuer_name, hsec, f"{issuer_filed} (Name of Issuer)",
                   aliases=[issuer_filed] if issuer_filed != issuer_name else [])
    inc = re.search(re.escape(issuer_name.split(",")[0]) + r"(?:,?\s*(?:Inc|Corp|Ltd|Co|LLC|L\.P|N\.V|plc)\.?)?,\s+an?\s+([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s+"
                    r"(?:corporation|limited liability company|company|statutory trust|business trust|"
                    r"limited partnership)", text)
    if inc:
        _prop(iss, "incorporation", inc.group(1), b.prov("joint filing agreement" if inc.start() > first_sec else
                                                           "Item 1", inc.group(0)))
    class_title = header.get("class_title") or _item2_class(items.get("item_2", "")) or "Common Stock"
    class_title = _flat(class_title).strip(" .")
    short_title = re.split(r",?\s+(?:par\s+value|\$[\d.]+\s+par\s+value|no\s+par)", class_title, flags=re.I)[0].strip(" ,")
    short_title = short_title[:1].upper() + short_title[1:] if short_title.isupper() is False else short_title.title()
    sec_common = b.entity("sec:class", NodeKind.SECURITY, short_title, hsec,
                          f"{class_title} (Title of Class of Securities)", cusip=header.get("cusip"))
    _prop(sec_common, "title", class_title, sec_common.prov)
    pv = re.search(r"par\s+value\s+(?:of\s+)?\$?\s*([\d.]+)|\$\s*([\d.]+)\s+par\s+value", class_title, re.I)
    if pv:
        _prop(sec_common, "par_value", parse_decimal(pv.group(1) or pv.group(2)), sec_common.prov)
    b.rel(EdgeKind.ISSUED_BY, "sec:class", "issuer", {}, hsec, class_title)
    b.securities[normalize_name(short_title, NodeKind.SECURITY)] = "sec:class"

    event_date = header.get("event_date")
    if event_date is None:
        event_date, said = _event_from_items(items)
        if event_date is not None:
            header["event_date"], header["event_date_text"] = event_date, said
            b.warnings.append(f"{source}: the cover gives no date of event; {event_date.isoformat()} is taken from "
                              f"{said!r} (the latest such date of Items 4 and 5)")
    filer_keys = []
    for i, cv in enumerate(covers):
        key = f"rp:{i + 1}"
        types = cv.get("types") or []
        kind = NodeKind.PERSON if "IN" in types and not _LEGAL_FORM_END.search(cv["name"]) else NodeKind.ORGANIZATION
        if not types:
            from ._prose import _looks_person

            kind = NodeKind.PERSON if _looks_person(cv["name"].title() if cv["name"].isupper() else cv["name"]) \
                else NodeKind.ORGANIZATION
        w = where_all[i]
        sec1, ex1 = w.get("name", (f"cover page {cv['page']}, row 1", cv["name"]))
        filed_name = _clean_entity_name(cv["name"])
        display = _display_name(filed_name, text[body_start:])
        ent = b.entity(key, kind, display, sec1, ex1, aliases=[filed_name] if display != filed_name else [])
        if cv.get("citizenship"):
            _prop(ent, "citizenship", cv["citizenship"], b.prov(*w.get("citizenship", (sec1, ""))))
        if types:
            _prop(ent, "reporting_person_type", ",".join(types), b.prov(*w.get("type", (sec1, ""))))
        if cv.get("irs_number") and kind == NodeKind.ORGANIZATION and not cv.get("cover_names"):
            _prop(ent, "irs_number", cv["irs_number"], b.prov(sec1, ex1))
        filer_keys.append(key)
        props = {
            "basis": "beneficial", "shares": cv.get("aggregate"), "percent": cv.get("percent"),
            "percent_bound": cv.get("percent_bound"), "percent_text": cv.get("percent_text"),
            "sole_voting": cv.get("sole_voting"), "shared_voting": cv.get("shared_voting"),
            "sole_dispositive": cv.get("sole_dispositive"), "shared_dispositive": cv.get("shared_dispositive"),
            "as_of": event_date,
        }
        for f in ("aggregate", "percent", "sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive"):
            if cv.get(f"{f}_footnote"):
                props[f"{'shares' if f == 'aggregate' else f}_footnote"] = cv[f"{f}_footnote"]
        asec, aex = w.get("aggregate", (f"cover page {cv['page']}", ""))
        pex = w.get("percent", ("", ""))[1]
        b.rel(EdgeKind.HOLDS, key, "sec:class", props, asec, f"{aex} [row {_row_no(w.get('percent'))}] {pex}"
              if pex else aex)
        if cv.get("group_a"):
            gsec, gex = w.get("group", (f"cover page {cv['page']}, row 2", ""))
            b.rel(EdgeKind.MEMBER_OF_GROUP, key, "filing", {}, gsec, gex)

    # ------------------------------------------------ the facts object (prose mining works on it)
    info = FilingInfo(
        id=b.fid, form_type=form_type, family=FAMILY, loader=NAME, amendment_no=amendment_no,
        is_amendment=bool(amendment_no) or form_type.endswith("/A"), event_date=event_date, source=source,
        sha256=b.sha, issuer_key="issuer", filer_keys=filer_keys,
    )
    facts = FilingFacts(filing=info, entities=b.entities, relations=b.relations, warnings=b.warnings)
    b.entities, b.relations, b.warnings = facts.entities, facts.relations, facts.warnings
    res = Resolver(facts, ProseContext(facts))  # one context for every section of this filing

    # defined terms anywhere in the body ("Ault & Company, Inc., Delaware corporation (“Ault & Company”)")
    body_text = text[body_from:]
    learn_defined_terms(body_text, facts, res, "Item 2")
    learn_sexes(body_text, facts, res.ctx)  # "Mr. Thale" / "Mrs. Thale" of two persons of one surname

    doc: dict[str, Any] = {"form": form_type, "header": dict(header), "intro": intro or None}

    # earlier filings
    earlier = _earlier_filings(intro + " " + items.get("item_1", "")[:3000], event_date)
    info.earlier_filings = earlier
    doc["header"]["earlier_filings"] = [d.isoformat() for d in earlier]

    # Item 2
    if "item_2" in items:
        doc["item_2"] = _item2(items["item_2"], facts, res.ctx)
    # Item 3
    if "item_3" in items:
        doc["item_3"] = _item3(items["item_3"])
    if "item_4" in items:
        doc["item_4"] = {"text": _flat(_drop_heading(items["item_4"]))}
        if is_13g:
            rec = _item4_amounts(_drop_heading(items["item_4"]))
            if rec:
                if len(filer_keys) == 1:
                    rec["name"] = facts.entity(filer_keys[0]).name
                doc["item_4"]["ownership"] = rec
    # shares outstanding (Item 5 for 13D, Item 4 for 13G; cover footnotes otherwise)
    so_src = " ".join(items.get(k, "") for k in ("item_5", "item_4")) + " " + " ".join(
        " ".join(c.get("footnotes") or []) for c in covers)
    so, so_date, so_text = _shares_outstanding(so_src)
    info.shares_outstanding, info.shares_outstanding_date = so, so_date

    # instruments and components
    ctx = _Ctx(b, facts, res, event_date)
    ctx.scan_instrument_definitions(intro + "\n" + "\n".join(v for k, v in items.items() if k.startswith("item_")) +
                                    " " + " ".join(" ".join(c.get("footnotes") or []) for c in covers))
    item5 = _item5(items.get("item_5", ""), covers, facts, res) if "item_5" in items else {"persons": []}
    item5c_parts = item5.pop("_item5c", [])
    if so is not None:
        item5["shares_outstanding"] = so
        item5["shares_outstanding_date"] = so_date
        item5["shares_outstanding_text"] = so_text
    doc["item_5"] = item5
    doc["instruments"] = [{k: v for k, v in d.items() if k != "text"} | {"text": _flat(d["text"])[-400:]}
                          for d in ctx.defs.values()]
    ctx.components(covers, where_all, item5)
    _fill_from_item5(facts, item5)
    if "item_4" in items:  # 13G/A Item 4 as a table of the reporting persons (their cover cells "See Item 4")
        rows4 = _item4_table(items["item_4"], res)
        if rows4:
            doc.setdefault("item_4", {})["table"] = [dict(r, key=k) for k, r in rows4.items()]
            _fill_from_item4(facts, rows4)
    ctx.convertible_terms(text[body_start:])

    # Item 6
    if "item_6" in items:
        doc["item_6"] = ctx.item6(items["item_6"])
    # Item 7 / exhibits
    exhibits = _exhibits(items.get("item_7", "") + "\n" + items.get("exhibits", ""))
    doc["item_7"] = {"exhibits": exhibits}
    ctx.exhibit_agreements(exhibits)

    # Schedule A
    for name in items:
        if name.startswith("schedule_"):
            tables = _schedule_tables(items[name], facts, res)
            doc.setdefault("schedule_a", [])
            section = "Schedule " + name.split("_")[1].upper()
            n = 0
            for rows, org in tables:
                n += mine_table(rows, section=section, facts=facts, org_key=org, ctx=res.ctx)
                doc["schedule_a"].extend(dict(zip([_flat(h) for h in rows[0]], r), organization=(
                    facts.entity(org).name if org and facts.entity(org) else None)) for r in rows[1:])
            if n == 0:
                mine_text(items[name], section=section, facts=facts, ctx=res.ctx)

    # signatures
    sig = _signatures(items.get("signatures", ""), facts, res)
    doc["signatures"] = sig
    info.signed_date = sig.get("date")
    jfa = items.get("joint_filing_agreement")
    if jfa or any("joint filing" in (x.get("description") or "").lower() for x in exhibits) or \
            re.search(r"joint\s+filing\s+agreement", body_text, re.I):
        doc["joint_filing_agreement"] = ctx.joint_filing(jfa or "", body_text, sig)

    # remaining items as text
    doc["items"] = {k: _flat(_drop_heading(v))[:20000] for k, v in items.items() if k.startswith("item_")}
    # other items' prose (Item 4, 13G Items 2/4/6/7/8) can state control too
    for k in ("item_4", "item_6", "item_7", "item_8"):
        if k in items and not (k == "item_6" and not is_13g):
            mine_text(_drop_heading(items[k]), section=f"Item {k.split('_')[1]}", facts=facts, ctx=res.ctx)
    if "item_5" in items:
        mine_text(_drop_heading(items["item_5"]), section="Item 5", facts=facts, ctx=res.ctx)
    for cv, w in zip(covers, where_all):
        for fn in cv.get("footnotes") or []:
            mine_text(fn, section=f"cover page {cv['page']}, footnote", facts=facts, ctx=res.ctx)
    if is_13g and "item_8" in items:
        doc["item_8"] = _item8(items["item_8"], facts, res, b)
        if doc["item_8"].get("exhibit"):
            # the exhibit listing the members: a part of this document (read here), else one of the submission's
            from ._item8 import document_group_members

            item8_at = min((s for name, s, _, _ in sections if name == "item_8"), default=body_from)
            found = document_group_members(facts, text, doc["item_8"]["exhibit"], item8_at)
            doc["item_8_members"] = {"exhibit": doc["item_8"]["exhibit"], "found": found}
            if not found:
                # a prose exhibit ("Ridge LLC is the managing member of ..."): mined as Item 7's exhibits are
                region = _exhibit_region(text, doc["item_8"]["exhibit"], item8_at)
                if region.strip():
                    mine_text(region, section=doc["item_8"]["exhibit"], facts=facts, ctx=res.ctx)
    if not is_13g and "item_2" in items:
        # 13D Item 2 "the members of the group are listed on Exhibit 2": the list in this document
        lab = _item2_group_exhibit(items["item_2"])
        if lab:
            from ._item8 import document_group_members

            item2_at = min((s for name, s, _, _ in sections if name == "item_2"), default=body_from)
            doc.setdefault("item_2", {})["group_exhibit"] = {
                "exhibit": lab, "found": document_group_members(facts, text, lab, item2_at)}
    if is_13g and "item_7" in items:
        # 13G Item 7: the subsidiaries a parent holding company reports for, inline or in the exhibit it cites
        from ._item7 import item7_answer, mine_item7

        item7_end = max((e for name, _, e, _ in sections if name == "item_7"), default=body_from)
        try:
            mine_item7(facts, item7_answer(items["item_7"]), doc, body=text, body_start=item7_end, ctx=res.ctx)
        except Exception as e:  # noqa: BLE001 - the Item 7 list must never lose the cover data
            facts.warnings.append(f"{source}: Item 7: subsidiaries not read ({type(e).__name__}: {e})")

    if not is_13g and item5c_parts:
        try:  # 13D Item 5(c) transactions
            _item5c_facts(item5c_parts, items, facts, res, b, doc, source)
        except Exception as e:  # noqa: BLE001 - the transactions must never lose the cover data
            facts.warnings.append(f"{source}: Item 5(c): transactions not read ({type(e).__name__}: {e})")

    _place_codes(facts)
    doc["cover_pages"] = [dict(c) for c in covers]
    try:
        Schedule13Document.model_validate(doc)
    except Exception as e:  # the document is informative; a shape problem must not lose the facts
        facts.warnings.append(f"{source}: document model: {type(e).__name__}")
    facts.document = doc
    return facts


def _fill_from_item5(facts: FilingFacts, item5: dict) -> None:
    """A cover page whose row 11 only points elsewhere ("See Item 5", "(1)") takes the amount (and percent) that
    Item 5 states for that reporting person, with shares_section naming where it was read."""
    for rec in item5.get("persons", []):
        key, n = rec.get("key"), rec.get("aggregate")
        if key is None or n is None:
            continue
        for r in facts.relations:
            if r.type == EdgeKind.HOLDS and r.source == key and r.props.get("basis") == "beneficial" and \
                    r.props.get("shares") is None and r.props.get("shares_footnote"):
                r.props["shares"] = n
                _filled_from(r.props, "shares", rec.get("section", "Item 5"))
                if r.props.get("percent") is None and rec.get("percent") is not None:
                    r.props["percent"] = rec["percent"]
                    if rec.get("percent_bound"):
                        r.props["percent_bound"] = rec["percent_bound"]
                    _filled_from(r.props, "percent", rec.get("section", "Item 5"))


_ITEM8_HEAD = re.compile(r"(?is)^\s*(?:Identification\s+and\s+Classification\s+of\s+)?Members\s+of\s+(?:the\s+)?Group"
                         r"\s*[.:]?\s*")
_ITEM8_NONE = re.compile(r"(?i)\s*(?:\(?not\s+applicable|n/?a\b|none\b|inapplicable|see\b|this\s+(?:statement|schedule)|"
                         r"the\s+reporting\s+persons?\s+(?:are|is)\s+not)")


#: an Item 8 answer saying the members are named in an exhibit ("are identified on Exhibit A attached hereto")
_ITEM8_LISTED = re.compile(r"(?i)\b(?:listed|set\s+forth|identified|named|included|contained|attached)\s+(?:\w+\s+){0,3}?"
                           r"(?:in|on|as)\s+(?:the\s+)?(?:attached\s+)?(?:Exhibit|Appendix|Annex|Attachment|Schedule)\b")


def _item8(s: str, facts: FilingFacts, res: Resolver, b: _Builder) -> dict:
    """13G Item 8, the members of the group (read by :mod:`._item8`, as the XML loader does): named ones (a
    list, one a line, or 'the members of the group are A and B') are MEMBER_OF_GROUP of the filing's group, with
    their classification; 'Not applicable' or a disclaimer name none; 'See Exhibit 99.1' names the exhibit that
    lists them (read with the submission's documents)."""
    from ._item8 import NO_GROUP, exhibit_label, member_names
    from ._prose import _looks_org, _looks_person

    body = _ITEM8_HEAD.sub("", _drop_heading(s), count=1)
    answer = _flat(body)
    out: dict[str, Any] = {"answer": answer[:2000], "members": []}
    if not answer or _ITEM8_NONE.match(answer) or NO_GROUP.search(answer):
        if answer and re.match(r"(?i)\s*see\b", answer) and exhibit_label(answer):
            out["exhibit"] = exhibit_label(answer)
        return out
    if exhibit_label(answer) and _ITEM8_LISTED.search(answer):  # "the members ... are listed on Exhibit A"
        out["exhibit"] = exhibit_label(answer)
        return out
    have = {r.source for r in facts.relations if r.type == EdgeKind.MEMBER_OF_GROUP}
    for nm, code, _piece in member_names(body):
        if not (_looks_org(nm) or _looks_person(nm) or res.resolve(nm)):
            continue
        key = res.resolve(nm) or res.resolve_or_create(nm, "Item 8", b.prov("Item 8", answer))
        if key is None:
            continue
        e = facts.entity(key)
        out["members"].append({"name": e.name if e else nm, "key": key})
        if key not in have:
            have.add(key)
            facts.relations.append(RelationFact(type=EdgeKind.MEMBER_OF_GROUP, source=key, target="filing",
                                                props={"basis": "Item 8", **({"classification": code} if code else {})},
                                                prov=b.prov("Item 8", answer)))
    return out


def _row_no(w: tuple[str, str] | None) -> str:
    if not w:
        return "?"
    m = re.search(r"row (\d+)", w[0])
    return m.group(1) if m else "?"


def _display_name(filed: str, body: str) -> str:
    """An all-capitals cover name ("MILTON C. AULT, III") in the case the statement writes it elsewhere."""
    if not filed.isupper():
        return filed
    for m in re.finditer(re.escape(filed).replace(r"\ ", r"\s+"), body, re.I):
        cand = " ".join(m.group(0).split())
        if not cand.isupper() and cand[:1].isupper():
            return cand
    return filed


def _clean_entity_name(name: str) -> str:
    n = _flat(_strip_refs(name)).strip(" ,;:")
    n = re.sub(r"^\d{1,2}\s+(?=[A-Za-z])", "", n)
    return n


def _drop_heading(s: str) -> str:
    return _ITEM_HEAD.sub("", s, count=1)


def _item1_issuer(s: str) -> str | None:
    m = re.search(r"Name\s+of\s+(?:the\s+)?Issuer\s*[:.]?\s*(?:The\s+name\s+of\s+the\s+issuer\s+is\s+)?([^\n]+)", s, re.I)
    if m:
        v = re.sub(r"\s*\(.*$", "", m.group(1)).strip(" .")
        return v or None
    return None


def _item2_class(s: str) -> str | None:
    m = re.search(r"Title\s+of\s+Class\s+of\s+Securities\s*[:.]?\s*([^\n]+)", s, re.I)
    return re.sub(r"\s*\(.*$", "", m.group(1)).strip(" .") if m else None


def _earlier_filings(text: str, event: dt.date | None) -> list[dt.date]:
    out: list[dt.date] = []
    for s in sentences(text):
        if re.search(r"\b(?:filed|amended|amendment)\b", s, re.I) and re.search(r"Schedule\s+13[DG]|statement", s, re.I):
            for d in find_dates(s):
                if (event is None or d <= event) and d not in out:
                    out.append(d)
            if out:
                break
    return sorted(out)


def _shares_outstanding(text: str) -> tuple[Decimal | None, dt.date | None, str | None]:
    """(shares outstanding, as of, the sentence): the first sentence stating the denominator, read into its
    parts by :func:`._denominator.parse_denominator` (as the XML loader does: a base, shares issued since, shares
    only a holder can acquire), else by the counts this loader also reads in European or Swiss groupings."""
    t = _flat(text)
    for s in sentences(t):
        if not re.search(r"outstanding|based\s+(?:up)?on", s, re.I):
            continue
        d = parse_denominator(s)
        if d is not None and d.outstanding is not None:
            return d.outstanding, d.base_date, s
        m = re.search(r"(?:based\s+(?:up)?on|of|by)\s+(?:the\s+|an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?"
                      rf"({GROUPED_COUNT_RE}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?)\s+(?:outstanding\s+)?"
                      r"(?:issued\s+and\s+outstanding\s+)?"
                      r"(?:shares|Shares|[Cc]ommon|[Oo]rdinary|units|Units|Class\s+[A-Z]\b)", s)
        if not m:
            m = re.search(rf"({GROUPED_COUNT_RE}|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?)\s+(?:shares|Shares)[^.;]{{0,120}}?"
                          r"outstanding", s)
        if not m:
            continue
        n = parse_count(m.group(1))
        dm = re.search(r"as\s+of\s+(" + DATE_RE + ")", s[m.start():])
        d = parse_date(dm.group(1)) if dm else None
        return n, d, s
    return None, None, None


def _item2(s: str, facts: FilingFacts, ctx: ProseContext) -> dict:
    body = _drop_heading(s)
    subs = _subsections(body)
    out: dict[str, Any] = {}
    if subs:
        for letter, txt in subs:
            out[letter] = _flat(txt)
            mine_text(txt, section=f"Item 2({letter})", facts=facts, ctx=ctx)
    else:
        out["text"] = _flat(body)
        mine_text(body, section="Item 2", facts=facts, ctx=ctx)
    res = Resolver(facts, ctx)
    _seed_aliases(res, facts)
    persons: dict[str, dict] = {}
    for letter, txt in (subs or [("", body)]):
        sec = f"Item 2({letter})" if letter else "Item 2"
        for sent in sentences(txt):
            _identity_sentence(sent, sec, facts, res, persons)
    out["persons"] = list(persons.values())
    return out


def _exhibit_region(text: str, label: str, start: int) -> str:
    """The text under the first heading line ``label`` ("Exhibit A") of ``text`` after ``start`` that holds any,
    up to the next heading; a heading that only restates the item it answers ("Item 8. Identification ...")
    goes on.  "" when there is none."""
    from ._item7 import _HEAD_LINE, _NEXT_HEAD

    word, _, tag = label.partition(" ")
    for m in _HEAD_LINE.finditer(text, start):
        if m.group("word").lower() != word.lower() or m.group(2).upper() != tag.upper():
            continue
        pos = m.end()
        while True:
            nxt = _NEXT_HEAD.search(text, pos)
            if nxt and re.match(r"(?i)[ \t*#>_\-]*(?:\*\*)?\s*item\s*[78]\b", nxt.group(0)) and \
                    not text[pos:nxt.start()].strip():
                pos = nxt.end()
                continue
            break
        region = text[pos:nxt.start() if nxt else len(text)][:60_000]
        if region.strip():
            return region
    return ""


def _item2_group_exhibit(s: str) -> str | None:
    """The exhibit a 13D's Item 2 says lists the members of the group ("each member of the group is identified
    in Exhibit 2 hereto"); None when it cites none, or only in a disclaimer of any group."""
    from ._item8 import NO_GROUP, exhibit_label

    for sent in sentences(_flat(_drop_heading(s))):
        if re.search(r"(?i)\bmembers?\s+of\s+(?:the|a|such)\s+[\"“]?group|\bgroup\s+members\b", sent) and \
                not NO_GROUP.search(sent) and _ITEM8_LISTED.search(sent):
            lab = exhibit_label(sent)
            if lab:
                return lab
    return None


_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


def _who(text: str, res: Resolver, facts: FilingFacts) -> list[str]:
    """'Messrs. Ault, Horne and Cragun' / 'Ault & Company' / 'each of the Reporting Persons' -> entity keys."""
    t = _flat(text).strip(" ,.")
    if re.search(r"(?:each|all)\s+of\s+the\s+Reporting\s+Persons|the\s+Reporting\s+Persons", t, re.I):
        return list(facts.filing.filer_keys)
    m = re.match(r"(?:Messrs|Mmes|Mses)\.?\s+(.+)$", t)
    if m:
        keys = [res.resolve("Mr. " + n.strip()) for n in _LIST_SPLIT.split(m.group(1)) if n.strip()]
        return [k for k in keys if k]
    k = res.resolve(re.sub(r"^(?:each\s+of\s+)", "", t))
    if k:
        return [k]
    keys = [res.resolve(n) for n in _LIST_SPLIT.split(t) if n.strip()]
    return [k for k in keys if k] if keys and all(keys) else []


def _identity_sentence(sent: str, sec: str, facts: FilingFacts, res: Resolver, persons: dict) -> None:
    """Addresses, citizenship, place of organization and principal business/occupation stated in Item 2."""
    s = _flat(sent)
    found: list[tuple[list[str], str, str]] = []
    m = re.search(r"(?:principal\s+)?(?:business\s+|office\s+|residence\s+)*address(?:es)?\s+(?:of\s+)?(?:each\s+of\s+)?"
                  r"(.+?)\s+(?:is|are)\s+(?:located\s+at\s+)?(.+?)\.?$", s, re.I)
    if m:
        found.append((_who(m.group(1), res, facts), "address", m.group(2)))
    m = re.search(r"^(.+?)\s+(?:is|are)\s+(?:each\s+)?(?:an?\s+)?citizens?\s+of\s+(?:the\s+)?(.+?)\.?$", s)
    if m:
        found.append((_who(m.group(1), res, facts), "citizenship", m.group(2)))
    m = re.search(r"^(.+?)\s+is\s+(?:an?\s+[^.]*?\s+)?(?:organized|incorporated|formed)\s+under\s+the\s+laws\s+of\s+"
                  r"(?:the\s+)?(?:State\s+of\s+)?(.+?)\.?$", s)
    if m:
        found.append((_who(m.group(1), res, facts), "place_of_organization", m.group(2)))
    m = re.search(r"principal\s+(business|occupation|employment)\s+of\s+(.+?)\s+(?:is|are)\s+(.+?)\.?$", s, re.I)
    if m:
        found.append((_who(m.group(2), res, facts), "principal_" + m.group(1).lower(), m.group(3)))
    m = re.search(r"^(.+?)['’]s?\s+principal\s+(business|occupation|employment)\s+is\s+(.+?)\.?$", s)
    if m:
        found.append((_who(m.group(1), res, facts), "principal_" + m.group(2).lower(), m.group(3)))
    for keys, prop, value in found:
        value = value.strip(" ,;")
        if not value or len(value) > 300:
            continue
        for k in keys:
            e = facts.entity(k)
            if e is None:
                continue
            rec = persons.setdefault(k, {"name": e.name, "key": k})
            rec.setdefault(prop, value)
            _prop(e, prop, value, _prov(facts, None, sec, s))


def _subsections(body: str) -> list[tuple[str, str]]:
    marks = list(re.finditer(r"(?m)^[ \t\-•*]*\(\s*([a-h])\s*\)\s*", body))
    letters = [m.group(1) for m in marks]
    if len(marks) < 2 or letters[0] != "a":
        return []
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        out.append((m.group(1), body[m.end():end]))
    merged: dict[str, str] = {}
    for k, v in out:
        merged[k] = merged.get(k, "") + "\n" + v
    return list(merged.items())


def _item3(s: str) -> dict:
    body = _drop_heading(s)
    prices = []
    for sent in sentences(body):
        if "$" in sent and re.search(r"purchase\s+price|paid|consideration|cost", sent, re.I):
            prices.append({"text": sent, "amounts": [parse_money(m.group(0)) for m in
                                                     re.finditer(r"\$\s?\d[\d,]*(?:\.\d+)?(?:\s+(?:million|billion))?",
                                                                 sent)],
                           "shares": [parse_decimal(m.group(1)) for m in
                                      re.finditer(r"(\d[\d,]*)\s+(?:Shares|shares)", sent)]})
    return {"text": _flat(body), "purchase_prices": prices}


# ----------------------------------------------------------------- Item 5

_POWER_LINES = [
    ("sole_voting", r"sole\s+(?:power\s+to\s+vote|voting\s+power)"),
    ("shared_voting", r"shared\s+(?:power\s+to\s+vote|voting\s+power)"),
    ("sole_dispositive", r"sole\s+(?:power\s+to\s+dispose|dispositive\s+power)"),
    ("shared_dispositive", r"shared\s+(?:power\s+to\s+dispose|dispositive\s+power)"),
]


def _item5(s: str, covers: list[dict], facts: FilingFacts, res: Resolver) -> dict:
    body = _drop_heading(s)
    out: dict[str, Any] = {"text": _flat(body)[:20000], "persons": []}
    # per-person blocks: "A. Ault & Company", "B. Milton C. Ault, III"
    marks = []
    for m in re.finditer(r"(?m)^[ \t\-•*]*(?:[A-Z]|\d{1,2}|[ivx]{1,4})[.)]\s+([^\n]{3,120})$", body):
        nm = _flat(m.group(1)).strip(" .:*")
        key = res.resolve(nm)
        if key and key in facts.filing.filer_keys:
            marks.append((m.start(), m.end(), key, nm))
    blocks = []
    if marks:
        for i, (st, en, key, nm) in enumerate(marks):
            end = marks[i + 1][0] if i + 1 < len(marks) else len(body)
            blocks.append((key, nm, body[en:end]))
    else:
        blocks.append((None, None, body))
    parts5c: list[tuple[str | None, str]] = []  # (the person whose part of Item 5 it is, sub-item (c)'s text)
    for key, nm, txt in blocks:
        rec: dict[str, Any] = {"name": nm or "", "key": key, "section": "Item 5(b)"}
        for f, rx in _POWER_LINES:
            m = re.search(rx + r"[^:\n]{0,60}?:\s*([^\n]+)", txt, re.I)
            if m:
                v, _ = _number(m.group(1))
                if v is not None:
                    rec[f] = v
        pm = re.search(r"Percentage\s*(?:of\s+class)?\s*:\s*([^\n]+)", txt, re.I)
        if pm:
            rec["percent"], rec["percent_bound"], rec["percent_text"] = _percent(pm.group(1))
        am = re.search(r"beneficially\s+own(?:s|ed)?\s+(?:an\s+aggregate\s+of\s+)?"
                       rf"({GROUPED_COUNT_RE}|\d[\d,]*(?:\.\d+)?)\s+(?:Shares|shares)"
                       r"[^.]*?consisting\s+of\s+(.+?)(?:\.\s+(?=[A-Z])|\n\s*\n|$)", txt, re.S)
        if am:
            rec["aggregate"] = parse_count(am.group(1))
            rec["components_text"] = _flat(am.group(2))
        if key is None and am:
            # the holder is the subject of the "beneficially owns N Shares, consisting of" sentence
            start = max(txt.rfind(". ", 0, am.start()), txt.rfind("\n", 0, am.start()), txt.rfind(")", 0, am.start()))
            subj = txt[start + 1:am.start()]
            subj = re.sub(r"^\s*(?:\(\w\)\s*)?(?:As\s+of\s+[^,]{3,60},\s*)?", "", subj)
            subj = re.sub(r"\s+(?:may\s+be\s+deemed\s+to|is\s+deemed\s+to|directly|indirectly|has|had)\s*$", "",
                          subj.strip()).strip(" ,")
            k2 = res.resolve(subj) if subj else None
            if k2:
                rec["key"] = k2
        part = item5c_part(txt if key is not None else s)  # the (c) text, lines kept (see _item5c_facts)
        if part is not None:
            parts5c.append((key, part))
        tx = re.search(r"\(c\)\s*(.+?)(?=\n\s*[-•*]?\s*\(d\)|\Z)", txt, re.S)
        if tx:
            rec["transactions_text"] = _flat(tx.group(1))
            rec["transactions"] = read_transactions(tx.group(1))  # as the facts read them (loaders/_item5c.py)
        if rec.get("key") is None and len(facts.filing.filer_keys) == 1:
            rec["key"] = facts.filing.filer_keys[0]
        if rec.get("key") is not None:
            e = facts.entity(rec["key"])
            rec["name"] = e.name if e else rec["name"]
        has_powers = any(f in rec for f, _ in _POWER_LINES)
        if rec.get("key") or has_powers:
            out["persons"].append(rec)
    # "As of the date hereof, the Master Fund beneficially owns 812,000 shares of Common Stock, representing 4.1%
    # of the outstanding Common Stock": one holder's amount (and percent), said in a sentence
    have = {p["key"] for p in out["persons"] if p.get("key") and p.get("aggregate") is not None}
    for sent in sentences(_flat(body)):
        m = _OWNS_SENTENCE.search(sent)
        if not m:
            continue
        subj = re.sub(r"^.*?(?:\(\w\)\s*|As\s+of\s+[^,]{3,60},\s*|\bhereof,\s*)", "", sent[:m.start()]).strip(" ,")
        subj = re.sub(r"\s+(?:may\s+be\s+deemed\s+to|is\s+deemed\s+to|directly|indirectly)\s*$", "", subj).strip(" ,")
        key = res.resolve(subj) if subj and len(subj) < 120 else None
        if key is None or key not in facts.filing.filer_keys or key in have:
            continue
        have.add(key)
        rec = {"name": facts.entity(key).name if facts.entity(key) else subj, "key": key, "section": "Item 5(a)",
               "aggregate": parse_count(m.group("n")), "text": sent[:400]}
        if m.group("p"):
            rec["percent"], rec["percent_bound"], rec["percent_text"] = _percent(m.group("p"))
        out["persons"].append(rec)
    out["_item5c"] = parts5c
    return out


def _item5c_facts(parts: list[tuple[str | None, str]], items: dict[str, str], facts: FilingFacts, res: Resolver,
                  b: _Builder, doc: dict, source: str) -> None:
    """13D Item 5(c), read by :mod:`._item5c` as the XML loader reads it: each transaction its sentences state
    or its table lists is a ``HOLDS`` with basis "transaction" of the holder it names (a reporting person, an
    alias or a defined term: "the Partnership"), else of the person whose part of Item 5 it is, else of the
    only reporting person.  "See Schedule A" is followed to the schedule's heading in another part of the
    document (another item, after the signatures), else left for the submission's exhibits (the document's
    ``item_5c_schedule``, read by :func:`._item5c.exhibit_transactions`) with a warning."""
    from ._item5c import holder_resolver, once, read_item5c

    rps = list(facts.filing.filer_keys)
    relate = once(facts, lambda holder, props, section, text, disc:
                  b.rel(EdgeKind.HOLDS, holder, "sec:class", props, section, text, disc=disc))
    others = [v for k, v in items.items() if k != "item_5"]
    missing, warning = read_item5c(parts, others, relate, lambda key: holder_resolver(res, rps, default=key), source)
    if missing is not None:
        doc["item_5c_schedule"] = {"schedule": missing, "found": 0}
        b.warnings.append(warning)


_OWNS_SENTENCE = re.compile(
    r"\s(?:beneficially\s+own(?:s|ed)?|(?:is|was|may\s+be)\s+(?:deemed\s+)?(?:to\s+be\s+)?the\s+beneficial\s+owner\s+of)\s+"
    r"(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?(?P<n>" + GROUPED_COUNT_RE + r"|\d{1,3}(?:,\d{3})+|\d+)\s+(?:shares|Shares)\b"
    r"(?:[^.;%]*?(?:representing|or|constituting|which\s+represents?)\s+(?:approximately\s+|about\s+)?"
    r"(?P<p>\d{1,3}(?:\.\d+)?\s*%))?")


_ITEM4_COLUMNS = (("aggregate", re.compile(r"(?i)amount\s+(?:beneficially\s+)?owned|aggregate\s+amount|^\W*(?:amount|aggregate)\W*$")),
                  ("percent", re.compile(r"(?i)percent(?:age)?\s+of\s+(?:the\s+)?class|^\W*percent")),
                  ("sole_voting", re.compile(r"(?i)sole\s+(?:power\s+to\s+)?vot")),
                  ("shared_voting", re.compile(r"(?i)shared\s+(?:power\s+to\s+)?vot")),
                  ("sole_dispositive", re.compile(r"(?i)sole\s+(?:power\s+to\s+)?dispos|sole\s+dispositive")),
                  ("shared_dispositive", re.compile(r"(?i)shared\s+(?:power\s+to\s+)?dispos|shared\s+dispositive")))


def _item4_column(cell: str) -> str | None:
    for key, rx in _ITEM4_COLUMNS:
        if rx.search(cell):
            return key
    return None


_TYPED_GAP = re.compile(r"\s{2,}")  # the columns of a typed table


def _item4_table(text: str, res: Resolver) -> dict[str, dict]:
    """13G Item 4 as a table (an HTML table, one row a line of tab-separated cells): a row per reporting person
    under a header naming the amount, percent and powers, or a row per quantity under a header of the persons.
    {reporting person key: {aggregate, percent, sole_voting, ..., section}} for the rows that name one."""
    filers = set(res.facts.filing.filer_keys)
    rows = [[c.strip() for c in ln.split("\t")] if "\t" in ln else _TYPED_GAP.split(ln.strip())
            for ln in text.splitlines() if "\t" in ln or len(_TYPED_GAP.findall(ln.strip())) >= 2]
    out: dict[str, dict] = {}

    def put(key: str, field: str, cell: str) -> None:
        rec = out.setdefault(key, {"section": "Item 4"})
        if field == "percent":
            pct, bound, ptxt = _percent(cell)
            if pct is not None:
                rec.update(percent=pct, percent_bound=bound, percent_text=ptxt)
        else:
            v, _ = _number(cell)
            if v is not None:
                rec[field] = v

    for i, head in enumerate(rows):
        cols = [_item4_column(c) for c in head]
        if sum(1 for c in cols if c) >= 3 and not any(_number(c)[0] is not None and not _item4_column(c)
                                                     for c in head[1:]):
            # one row per person: the first cell names them
            for row in rows[i + 1:]:
                key = res.resolve(row[0]) if row else None
                if key not in filers:
                    continue
                for field, cell in zip(cols[1:] if cols[0] is None else cols, row[1:] if cols[0] is None else row):
                    if field:
                        put(key, field, cell)
            break
        keys = [res.resolve(c) if c else None for c in head]
        if sum(1 for k in keys if k in filers) >= 2:
            # one row per quantity, a column per person
            for row in rows[i + 1:]:
                field = _item4_column(row[0]) if row else None
                if field is None:
                    continue
                persons = keys[1:] if len(keys) == len(row) else [k for k in keys if k]  # an empty corner cell
                if len(persons) != len(row) - 1:
                    continue
                for key, cell in zip(persons, row[1:]):
                    if key in filers:
                        put(key, field, cell)
            break
    return {k: v for k, v in out.items() if len(v) > 1}


def _fill_from_item4(facts: FilingFacts, rows: dict[str, dict]) -> None:
    """A cover page whose cells only point to Item 4 ("See Item 4") takes each value Item 4's table gives the
    reporting person, with shares_section "Item 4"; a value the cover states stays."""
    for r in facts.relations:
        rec = rows.get(r.source)
        if rec is None or r.type != EdgeKind.HOLDS or r.props.get("basis") != "beneficial":
            continue
        for field in ("aggregate", "sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive"):
            prop = "shares" if field == "aggregate" else field
            if r.props.get(prop) is None and rec.get(field) is not None:
                r.props[prop] = rec[field]
                _filled_from(r.props, prop, "Item 4")
        if r.props.get("percent") is None and rec.get("percent") is not None:
            r.props["percent"] = rec["percent"]
            for k in ("percent_bound", "percent_text"):
                if rec.get(k):
                    r.props[k] = rec[k]
            _filled_from(r.props, "percent", "Item 4")


_POINTER = re.compile(r"(?i)^\W*see\s+(?:the\s+)?(?:response\s+to\s+)?items?\s+\d")


def _filled_from(props: dict, prop: str, section: str) -> None:
    """A cover cell filled from the item it pointed to: ``<prop>_section`` names the item, and the cell's note,
    when it only pointed there ("See Item 4"), is spent (a footnote saying more stays)."""
    props["shares_section" if prop == "shares" else f"{prop}_section"] = section
    note = props.get(f"{prop}_footnote")
    if isinstance(note, str) and _POINTER.match(note) and len(note) < 40:
        del props[f"{prop}_footnote"]


def _item4_amounts(text: str) -> dict:
    """13G Item 4 (a)-(c): amount, percent and the four powers, when stated as numbers (not 'see cover page')."""
    t = _flat(text)
    out: dict[str, Any] = {"section": "Item 4"}
    labels = [("aggregate", r"amount\s+beneficially\s+owned"), ("percent", r"percent\s+of\s+class"),
              ("sole_voting", r"sole\s+power\s+to\s+vote"), ("shared_voting", r"shared\s+power\s+to\s+vote"),
              ("sole_dispositive", r"sole\s+power\s+to\s+dispose"),
              ("shared_dispositive", r"shared\s+power\s+to\s+dispose")]
    for key, rx in labels:
        m = re.search(rx + r"[^:\d]{0,60}?:?\s*(.{0,80})", t, re.I)
        if not m:
            continue
        if key == "percent":
            pct, bound, ptxt = _percent(m.group(1))
            if pct is not None and "%" in (ptxt or "") + m.group(1)[:20]:
                out.update(percent=pct, percent_bound=bound, percent_text=ptxt)
            continue
        seg = re.split(r"(?i)\b(?:percent|sole|shared|number\s+of|\([a-d]\)|\((?:i|ii|iii|iv)\))", m.group(1))[0]
        v, _ = _number(seg)
        if v is not None and not re.search(r"(?i)\bsee\b", seg):
            out[key] = v
    return out if len(out) > 1 else {}


# ----------------------------------------------------------------- instruments, components, Item 6

class _Ctx:
    """Securities, components and agreements of one filing."""

    def __init__(self, b: _Builder, facts: FilingFacts, res: Resolver, event: dt.date | None):
        self.b, self.facts, self.res, self.event = b, facts, res, event
        self.defs: dict[str, dict] = {}  # instrument term -> {title, underlying, holder, text, ...}
        self.term_alias: dict[str, str] = {}  # normalized alias -> canonical title

    # securities registry ------------------------------------------------
    def canonical(self, title: str) -> str:
        t = _instrument_title(title)
        n = normalize_name(t, NodeKind.SECURITY)
        if n in self.term_alias:
            return self.term_alias[n]
        return t

    def security(self, title: str, section: str, text: str = "") -> str:
        t = self.canonical(title)
        n = normalize_name(t, NodeKind.SECURITY)
        if n in self.b.securities:
            return self.b.securities[n]
        key = f"sec:{len(self.b.securities)}"
        e = EntityFact(key=key, kind=NodeKind.SECURITY, name=t, prov=self.b.prov(section, text))
        self.facts.entities.append(e)
        self.facts.relations.append(RelationFact(type=EdgeKind.ISSUED_BY, source=key, target="issuer",
                                                 prov=self.b.prov(section, text)))
        self.b.securities[n] = key
        return key

    def scan_instrument_definitions(self, text: str) -> None:
        """Defined instrument terms: 'Series C Convertible Preferred Stock (“Series C Preferred Stock”)',
        'warrants ... exercisable into 13,008,131 Shares (the “Series C Warrants”)'."""
        t = _flat(re.sub(r"\*\*", "", text))
        for m in re.finditer(r"\(\s*(?:the\s+)?[“\"]([^”\"]{2,60})[”\"]\s*\)", t):
            alias = m.group(1).strip()
            if not _INSTRUMENT.search(alias) and not re.search(r"\bNote\b", alias):
                continue
            before = t[max(0, m.start() - 400):m.start()]
            before = re.split(r"(?<=[.;])\s+(?=[A-Z])", before)[-1]
            before = re.split(r"[”\"]\s*\)", before)[-1]
            full = list(_INSTRUMENT.finditer(before))
            d: dict[str, Any] = {"term": alias, "text": before + m.group(0)}
            if full and normalize_name(full[-1].group(0), NodeKind.SECURITY) != normalize_name(alias, NodeKind.SECURITY) \
                    and len(full[-1].group(0)) > len(alias) and before[full[-1].end():].strip(" ,") == "":
                self.term_alias[normalize_name(alias, NodeKind.SECURITY)] = _instrument_title(full[-1].group(0))
                d["title"] = _instrument_title(full[-1].group(0))
            else:
                d["title"] = _instrument_title(alias)
            ums = list(re.finditer(r"(?:exercisable|convertible)\s+(?:into|for)\s+(\d[\d,]*(?:\.\d+)?)\s+(?:Shares|shares)",
                                   before))
            if ums:
                d["underlying"] = parse_decimal(ums[-1].group(1))
            pm = re.search(r"principal\s+(?:face\s+)?amount\s+of\s+(\$\s?\d[\d,.]*(?:\s+(?:million|billion))?)", before, re.I)
            if pm:
                d["principal"] = parse_money(pm.group(1))
            hm = re.search(r"(?:owned|held)\s+(?:directly\s+)?by\s+([A-Z][^,.;]{2,60}?)(?:,|\s+which)", before)
            if hm:
                d["holder"] = self.res.resolve(hm.group(1))
            after = t[m.end():m.end() + 300]
            if re.match(r"[^.]*?\.\s*The\s+" + re.escape(alias) + r"\s+was\s+(?:subsequently\s+)?(?:repaid|redeemed)", after):
                d["repaid"] = True
            if re.search(r"\bThe\s+" + re.escape(alias) + r"\s+(?:was|were|has\s+been)\s+(?:subsequently\s+)?(?:repaid|redeemed)", t):
                d["repaid"] = True
            self.defs.setdefault(normalize_name(alias, NodeKind.SECURITY), d)

    # components ------------------------------------------------------------
    def components(self, covers: list[dict], where_all: list[dict], item5: dict) -> None:
        by_key: dict[str, dict] = {p["key"]: p for p in item5.get("persons", []) if p.get("key")}
        for i, cv in enumerate(covers):
            key = f"rp:{i + 1}"
            rec = by_key.get(key)
            text, section = None, None
            if rec and rec.get("components_text"):
                text, section = rec["components_text"], "Item 5(a)"
            else:
                for fn in cv.get("footnotes") or []:
                    if re.search(r"(?:represents|consist(?:s|ing)\s+of|includes?)\s*:?\s*\(?i\)", fn, re.I):
                        text, section = fn, f"cover page {cv['page']}, footnote"
                        break
            if not text:
                continue
            parts = self.parse_components(text)
            if rec is not None:
                rec["components"] = [{k: v for k, v in p.items() if k != "text"} | {"text": p["text"]} for p in parts]
            for j, p in enumerate(parts):
                if p.get("held_by") and p["held_by"] != key:
                    continue  # another reporting person's shares, restated (shared power)
                if p["kind"] == "direct":
                    self.b.rel(EdgeKind.HOLDS, key, "sec:class", {"basis": "component", "shares": p["shares"],
                                                                 "as_of": self.event}, section, p["text"],
                               disc=f"component:{section}:{j}")
                    continue
                for title, units, underlying in self.split_instrument(p, key):
                    sk = self.security(title, section, p["text"])
                    self.b.rel(EdgeKind.HOLDS, key, sk, {"basis": "component", "shares": units,
                                                        "underlying_shares": underlying, "as_of": self.event},
                               section, p["text"], disc=f"component:{section}:{j}:{title}")
                    self.convertible(sk, section, p["text"])

    def parse_components(self, text: str) -> list[dict]:
        return parse_components(_flat(text), self.res.resolve)

    def split_instrument(self, p: dict, holder: str) -> list[tuple[str, Decimal | None, Decimal | None]]:
        title = self.canonical(p["instrument"])
        n = p["shares"]
        # a generic term ("outstanding warrants") that the filing breaks down into defined instruments elsewhere
        word = "warrant" if "warrant" in title.lower() else ("option" if "option" in title.lower() else None)
        cands = [d for d in self.defs.values()
                 if word and word in d["title"].lower() and d.get("underlying") is not None
                 and d.get("holder") in (None, holder)]
        own = self.defs.get(normalize_name(title, NodeKind.SECURITY))
        if len(cands) >= 2 and sum(d["underlying"] for d in cands) == n and (own is None or own.get("underlying") != n):
            return [(d["title"] if normalize_name(d["term"], NodeKind.SECURITY) == normalize_name(d["title"], NodeKind.SECURITY)
                     else d["term"], d["underlying"], d["underlying"]) for d in cands]
        units = p.get("units")
        if units is None and re.search(r"warrant|option|unit", title, re.I):
            units = n  # one share per warrant / option unless the filing says otherwise
        return [(title, units, n)]

    def convertible(self, sk: str, section: str, text: str) -> None:
        for r in self.facts.relations:
            if r.type == EdgeKind.CONVERTIBLE_INTO and r.source == sk:
                return
        self.b.rel(EdgeKind.CONVERTIBLE_INTO, sk, "sec:class", {}, section, text)

    def _mentions(self) -> list[tuple[str, str]]:
        """(name as written, security key) for every instrument name and defined term, longest first."""
        out: dict[str, str] = {}
        for norm, key in self.b.securities.items():
            if key == "sec:class":
                continue
            out[self.facts.entity(key).name.lower()] = key
        for alias, canon in self.term_alias.items():
            k = self.b.securities.get(normalize_name(canon, NodeKind.SECURITY))
            if k:
                out[alias] = k
        for d in self.defs.values():
            k = self.b.securities.get(normalize_name(d["title"], NodeKind.SECURITY)) or \
                self.b.securities.get(normalize_name(d["term"], NodeKind.SECURITY))
            if k:
                out[d["term"].lower()] = k
        for e in self.facts.entities:
            if e.kind == NodeKind.AGREEMENT and e.prop("defined_as"):
                k = self.b.securities.get(normalize_name(e.name, NodeKind.SECURITY))
                if k:
                    out[str(e.prop("defined_as")).lower()] = k
        if "stock options" in out:
            out.setdefault("options", out["stock options"])
        return sorted(out.items(), key=lambda kv: -len(kv[0]))

    def convertible_terms(self, text: str) -> None:
        """Terms of each instrument's conversion/exercise: each stated term belongs to the instrument named
        nearest before it in the sentence ("Each share of Series C Preferred Stock has a stated value ...")."""
        mentions = self._mentions()
        if not mentions:
            return
        rx = re.compile(r"\b(" + "|".join(re.escape(n) for n, _ in mentions) + r")\b", re.I)
        by_name = dict(mentions)
        rels: dict[str, RelationFact] = {}
        for r in self.facts.relations:
            if r.type == EdgeKind.CONVERTIBLE_INTO and r.source not in rels:
                rels[r.source] = r
        patterns = [
            ("stated_value", r"stated\s+value\s+of\s+\$\s?(\d[\d,]*(?:\.\d+)?)"),
            ("conversion_terms", r"conversion\s+price\s+(?:equal\s+to\s+|of\s+)?(.+?\s+per\s+share.*?)(?:\.$|$)"),
            ("exercise_price", r"exercise\s+price\s+(?:of\s+|equal\s+to\s+)?\$\s?(\d[\d,]*(?:\.\d+)?)"),
            ("term", r"(\w+-year)\s+term"),
            ("expiration", r"expir\w*\s+on\s+(" + DATE_RE + r"|[^,.]+)"),
            ("exercisable", r"(?:became|becomes|are|is)\s+(?:currently\s+)?exercisable\s+((?:on|beginning|after|from|"
                            r"commencing|upon)\s+[^,.]+)|"
                            r"(currently\s+exercisable(?:\s+or\s+exercisable\s+within\s+60\s+days)?)"),
        ]
        for s in sentences(_flat(text)):
            found = [(m.start(), by_name[m.group(1).lower()]) for m in rx.finditer(s)]
            if not found:
                continue
            for name, pat in patterns:
                for m in re.finditer(pat, s):
                    before = [k for pos, k in found if pos < m.start()]
                    key = before[-1] if before else found[0][1]
                    rel = rels.get(key)
                    if rel is None:
                        rel = RelationFact(type=EdgeKind.CONVERTIBLE_INTO, source=key, target="sec:class", props={},
                                           prov=self.b.prov("Item 6", s))
                        self.facts.relations.append(rel)
                        rels[key] = rel
                    val = next((g for g in m.groups() if g), None)
                    if name in rel.props or val is None:
                        continue
                    if name in ("stated_value", "exercise_price"):
                        rel.props[name] = parse_decimal(val)
                        if name == "exercise_price":
                            rel.props.setdefault("conversion_price", rel.props[name])
                    elif name == "conversion_terms":
                        rel.props[name] = val[:400]
                        fixed = re.match(r"\$\s?(\d[\d,]*(?:\.\d+)?)\s+per\s+share\s*$", val)
                        if fixed:
                            rel.props.setdefault("conversion_price", parse_decimal(fixed.group(1)))
                    else:
                        rel.props[name] = _flat(val)[:200]
                    self._cite(rel, s)

    def _cite(self, rel: RelationFact, s: str) -> None:
        sec = rel.prov.section
        if not rel.prov.excerpt:
            rel.prov = self.b.prov(sec, s)

    # Item 6 -------------------------------------------------------------
    def item6(self, s: str) -> dict:
        body = _drop_heading(s)
        paras = [p for p in re.split(r"\n\s*\n|\n(?=On\s)", body) if p.strip()]
        agreements: list[dict] = []
        current: dict | None = None
        for para in paras:
            p = _flat(para)
            for sent in sentences(p):
                a = self._agreement_from(sent)
                if a is not None:
                    agreements.append(a)
                    current = a
                    continue
                if current is None:
                    continue
                current["all_text"] = current.get("all_text", current["text"]) + " " + sent
                self._enrich(current, sent)
            current = None if not agreements else current
        for a in agreements:
            self._agreement_facts(a)
            a.pop("all_text", None)
        mine_text(body, section="Item 6", facts=self.facts, ctx=self.res.ctx)
        return {"text": _flat(body)[:20000], "agreements": agreements}

    _AGR = re.compile(
        r"(?:entered\s+into|executed|signed|is\s+(?:a\s+)?party\s+to|are\s+parties\s+to|sold\s+and\s+issued|issued|"
        r"sold|part(?:y|ies)\s+to)\s+(?:(?:a|an|the|that\s+certain|certain)\s+)?"
        r"((?:[A-Za-z0-9%\-]+\s+){0,8}?[A-Za-z0-9%\-]+)"
        r"(?=\s+(?:with|pursuant|to|by|in|for|dated|between|among|under|whereby|and\s+(?:the\s+)?[A-Z])\b|\s*\(|,|\.|;|$)")
    _AGR_END = re.compile(r"(?:agreement|note|notes|warrants?|debentures?|letter|designations?|plan|arrangement|"
                          r"understanding|contract|undertaking|commitment|instrument)$", re.I)

    def _agreement_from(self, sent: str) -> dict | None:
        dm = re.match(r"\s*On\s+(?:or\s+about\s+)?(" + DATE_RE + r"),?\s*(.*)", sent)
        if dm:
            date, rest = parse_date(dm.group(1)), dm.group(2)
        else:
            # "The Reporting Persons are parties to a Voting Agreement, dated as of May 1, 2024, with ..."
            dd = re.search(r"\b(?:entered\s+into|(?:is|are)\s+(?:a\s+)?part(?:y|ies)\s+to)\s+[^.;]{3,120}?,?\s+dated\s+"
                           r"(?:as\s+of\s+)?(" + DATE_RE + ")", sent)
            if not dd:
                return None
            date, rest = parse_date(dd.group(1)), sent
        m = next((x for x in self._AGR.finditer(rest) if self._AGR_END.search(x.group(1))), None)
        if not m or re.search(r"pursuant\s+to\s+the\b", rest[:m.start()]):
            return None
        title = _flat(m.group(1))
        title = re.sub(r"^(?:a|an|the)\s+", "", title, flags=re.I)
        a: dict[str, Any] = {"title": title[:1].upper() + title[1:], "date": date,
                             "section": "Item 6", "text": sent}
        term = re.search(r"\(\s*(?:the\s+)?[“\"]([^”\"]+)[”\"]\s*\)", rest[m.end():m.end() + 80])
        if term:
            a["defined_as"] = term.group(1)
        parties = []
        for pm in re.finditer(r"\b(?:with|to|between|among|by\s+and\s+between)\s+((?:the\s+)?[A-Z][\w&.,' ]{1,80}?)"
                              r"(?=,|\.|;|\s+pursuant|\s+in\s+which|\s+for\b|\s+and\s+(?:the\s+)?[A-Z]|$)", rest):
            k = self.res.resolve(pm.group(1))
            if k and k not in parties:
                parties.append(k)
        sm = re.match(r"(?:the\s+)?([A-Z][\w&.,' ]{1,80}?)\s+(?:entered|executed|signed|sold|issued|is|are)\b", rest)
        if sm:
            k = self.res.resolve(sm.group(1))
            ks = [k] if k else [self.res.resolve(x) for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", sm.group(1))]
            for k in reversed([k for k in ks if k]):
                if k not in parties:
                    parties.insert(0, k)
        if re.search(r"\bthe\s+Reporting\s+Persons\b", rest[:m.end() + 60]):
            for k in self.facts.filing.filer_keys:
                if k not in parties:
                    parties.append(k)
        a["parties"] = parties
        a["party_names"] = [self.facts.entity(k).name for k in parties if self.facts.entity(k)]
        self._enrich(a, rest, first=True)
        return a

    def _enrich(self, a: dict, sent: str, first: bool = False) -> None:
        s = sent
        pm = re.search(r"principal\s+(?:face\s+)?amount\s+of\s+(\$\s?\d[\d,.]*(?:\s+(?:million|billion))?)", s, re.I)
        if pm and "principal" not in a:
            a["principal"] = parse_money(pm.group(1))
        cp = re.search(r"conversion\s+price\s+of\s+\$\s?(\d[\d,]*(?:\.\d+)?)", s)
        if cp and "conversion_price" not in a:
            a["conversion_price"] = parse_decimal(cp.group(1))
        cm = re.search(r"closed\s+on\s+(" + DATE_RE + ")", s)
        if cm:
            a["closing_date"] = parse_date(cm.group(1))
        if re.search(r"\b(?:repaid|redeemed)\b", s):
            a["repaid"] = True
        tm = re.search(r"(\w+-year)\s+term", s)
        if tm:
            a["term"] = tm.group(1)
        conv = re.match(r"\s*On\s+(" + DATE_RE + r"),?\s+[^.]*?converted\s+(?:the\s+remaining\s+)?\$\s?(\d[\d,]*(?:\.\d+)?)"
                        r"[^.]*?into\s+(\d[\d,]*(?:\.\d+)?)\s+(?:Shares|shares)", s)
        if conv:
            a.setdefault("conversions", []).append({"date": parse_date(conv.group(1)),
                                                    "amount": parse_decimal(conv.group(2)),
                                                    "shares": parse_decimal(conv.group(3)), "text": s})
            return
        close = re.match(r"\s*On\s+(?:each\s+of\s+)?((?:" + DATE_RE + r")(?:\s*,\s*(?:and\s+)?" + DATE_RE + r"|\s+and\s+"
                         + DATE_RE + r")*),?\s+(.*)", s)
        if close and not first and re.search(r"\b(?:sold|purchased|issued|closing|closed|acquired)\b", close.group(2)):
            dates = find_dates(close.group(1))
            rest = close.group(2)
            c: dict[str, Any] = {}
            pref = re.search(r"(\d[\d,]*)\s+shares\s+of\s+(?:its\s+|the\s+)?([^,.;]*?Preferred\s+(?:Stock|Shares))", rest)
            if pref:
                c["preferred_shares"] = parse_decimal(pref.group(1))
                c["preferred"] = pref.group(2)
            war = re.search(r"[Ww]arrants?\s+to\s+(?:purchase|acquire)\s+(?:up\s+to\s+)?(\d[\d,]*)\s+(?:Shares|shares)", rest)
            if war:
                c["warrant_shares"] = parse_decimal(war.group(1))
            com = None if pref else re.search(r"(\d[\d,]*)\s+(?:Shares|shares\s+of\s+Common)", rest)
            if com:
                c["common_shares"] = parse_decimal(com.group(1))
            price = re.search(r"(?:purchase\s+price|aggregate\s+price|for)\s+(?:of\s+)?(?:up\s+to\s+)?(\$\s?\d[\d,.]*"
                              r"(?:\s+(?:million|billion))?)", rest)
            if price:
                c["purchase_price"] = parse_money(price.group(1))
            sep = re.search(r"in\s+(\w+)\s+separate\s+closings", rest)
            if c:
                for d in dates:
                    row = {"date": d, **c, "text": s}
                    if sep:
                        row["note"] = f"{sep.group(1)} separate closings on that date"
                    a.setdefault("closings", []).append(row)
                if "instrument" not in a:
                    insts = sorted({_instrument_title(m.group(0)) for m in _INSTRUMENT.finditer(rest)
                                    if "option" not in m.group(0).lower()})
                    if insts:
                        a["instrument"] = " and ".join(self.canonical(x) for x in insts)
                return
        if first:
            up = re.search(r"up\s+to\s+(\d[\d,]*)\s+shares\s+of\s+([^,.;]*?Preferred\s+(?:Stock|Shares))", s)
            if up:
                a["max_preferred_shares"] = parse_decimal(up.group(1))
                insts = []
                for im in _INSTRUMENT.finditer(s[up.start():]):
                    c = self.canonical(im.group(0))
                    if c not in insts and "option" not in c.lower():
                        insts.append(c)
                a["instrument"] = " and ".join(insts)
            agg = re.search(r"aggregate\s+of\s+(\d[\d,]*(?:\.\d+)?)\s+(?:Shares|shares)", s)
            if agg:
                a["shares"] = parse_decimal(agg.group(1))
            price = re.search(r"(?:total\s+|aggregate\s+)?purchase\s+price\s+of\s+(up\s+to\s+)?(\$\s?\d[\d,.]*"
                              r"(?:\s+(?:million|billion))?)", s)
            if price:
                a["purchase_price"] = parse_money(price.group(2))
                if price.group(1):
                    a["purchase_price_bound"] = "<="
            insts = [m.group(0) for m in _INSTRUMENT.finditer(s)]
            if insts and "instruments" not in a:
                a["instruments"] = sorted({self.canonical(x) for x in insts})

    def _agreement_facts(self, a: dict) -> None:
        # instruments the agreement sold, with what the filing says of them elsewhere (Item 3 definitions)
        details = []
        work = a.get("all_text", a["text"])
        for d in sorted(self.defs.values(), key=lambda d: -len(d["term"])):
            if d["term"] == a.get("defined_as"):
                continue
            rx = re.compile(r"\b" + re.escape(d["term"]) + r"\b")
            if rx.search(work):
                work = rx.sub("\x00", work)
                details.append({k: v for k, v in d.items() if k in ("term", "title", "principal", "underlying",
                                                                     "repaid")})
        if details:
            a["instrument_details"] = details
            for d in details:
                if d.get("principal") is not None and a.get("principal") is None:
                    a["principal"] = d["principal"]
                if d.get("repaid"):
                    a["repaid"] = True
                if d.get("underlying") is not None and "warrant" in d["term"].lower() and not a.get("closings"):
                    a.setdefault("warrant_shares", d["underlying"])
        key = self._agreement_key()
        ent = EntityFact(key=key, kind=NodeKind.AGREEMENT, name=a["title"], prov=self.b.prov("Item 6", a["text"]))
        pv = self.b.prov("Item 6", a["text"])
        for k in ("date", "principal", "conversion_price", "purchase_price", "shares", "closing_date", "term",
                  "max_preferred_shares", "instrument", "defined_as", "repaid", "warrant_shares"):
            if a.get(k) is not None:
                ent.props.append(PropFact(name=k, value=a[k] if not isinstance(a[k], list) else None, prov=pv))
        if a.get("closings"):
            ent.props.append(PropFact(name="closings", value=len(a["closings"]), prov=pv))
        self.facts.entities.append(ent)
        a["key"] = key
        for i, pk in enumerate(a.get("parties", [])):
            role = "issuer" if pk == self.facts.filing.issuer_key else "party"
            self.facts.relations.append(RelationFact(type=EdgeKind.PARTY_TO, source=pk, target=key,
                                                     props={"role": role}, prov=pv))
        # an issued instrument with a conversion price is a security that converts into the class
        if re.search(r"\b(?:note|debenture)\b", a["title"], re.I) and a.get("conversion_price") is not None:
            sk = self.security(a["title"], "Item 6", a["text"])
            rel = next((r for r in self.facts.relations if r.type == EdgeKind.CONVERTIBLE_INTO and r.source == sk), None)
            props = {"conversion_price": a["conversion_price"], "principal": a.get("principal")}
            if rel is None:
                self.b.rel(EdgeKind.CONVERTIBLE_INTO, sk, "sec:class", props, "Item 6", a["text"])
            else:
                rel.props.update({k: v for k, v in props.items() if v is not None})

    def _agreement_key(self) -> str:
        """The next agreement's key: agr:1, agr:2, ... in the order agreements are added."""
        return f"agr:{sum(1 for e in self.facts.entities if e.kind == NodeKind.AGREEMENT) + 1}"

    def exhibit_agreements(self, exhibits: list[dict]) -> None:
        for ex in exhibits:
            d = ex.get("description") or ""
            m = re.search(r"(Certificate\s+of\s+Designations?[^(]*?)(?:\s*\(|$)", d, re.I)
            if not m:
                continue
            title = _flat(m.group(1)).rstrip(" .,")
            if any(e.kind == NodeKind.AGREEMENT and e.name.lower() == title.lower() for e in self.facts.entities):
                continue
            key = self._agreement_key()
            pv = self.b.prov("Item 7", d)
            ent = EntityFact(key=key, kind=NodeKind.AGREEMENT, name=title, prov=pv)
            ent.props.append(PropFact(name="exhibit", value=ex.get("number"), prov=pv))
            self.facts.entities.append(ent)
            self.facts.relations.append(RelationFact(type=EdgeKind.PARTY_TO, source="issuer", target=key,
                                                     props={"role": "issuer"}, prov=pv))
            inst = _INSTRUMENT.search(title)
            if inst:
                sk = self.security(inst.group(0), "Item 7", d)
                ent.props.append(PropFact(name="instrument", value=self.facts.entity(sk).name, prov=pv))

    def joint_filing(self, jfa: str, body: str, sig: dict) -> dict:
        existing = next((e for e in self.facts.entities if e.kind == NodeKind.AGREEMENT
                         and "joint filing" in e.name.lower()), None)
        date = None
        dm = re.search(r"Dated?\s*(?:as\s+of)?\s*:?\s*(" + DATE_RE + ")", jfa, re.I)
        if dm:
            date = parse_date(dm.group(1))
        if date is None and existing is not None:
            date = existing.prop("date")
        if date is None:
            date = sig.get("date")
        out = {"date": date, "parties": [self.facts.entity(k).name for k in self.facts.filing.filer_keys],
               "text": _flat(jfa)[:4000] if jfa else None}
        if existing is None:
            pv = self.b.prov("joint filing agreement" if jfa else "Item 7", _flat(jfa)[:600] if jfa else "")
            existing = EntityFact(key="agr:jfa", kind=NodeKind.AGREEMENT, name="Joint Filing Agreement", prov=pv)
            if date:
                existing.props.append(PropFact(name="date", value=date, prov=pv))
            self.facts.entities.append(existing)
        have = {r.source for r in self.facts.relations if r.type == EdgeKind.PARTY_TO and r.target == existing.key}
        for k in self.facts.filing.filer_keys:
            if k not in have:
                self.facts.relations.append(RelationFact(type=EdgeKind.PARTY_TO, source=k, target=existing.key,
                                                         props={"role": "reporting person"},
                                                         prov=self.b.prov("joint filing agreement" if jfa else "Item 6",
                                                                          _flat(jfa)[:600] if jfa else "")))
        return out


# ----------------------------------------------------------------- Item 7, Schedule A, signatures


def _exhibits(s: str) -> list[dict]:
    out = []
    for line in s.split("\n"):
        ln = _flat(line)
        m = re.match(r"^[-•*]?\s*(?:Exhibit\s+)?(\d{1,3}(?:\.\d+)?|[A-Z]|[IVX]{1,4})\s*[.:)\-–]?\s+(.{8,})$", ln, re.I)
        if not m or re.match(r"(?i)item\s", ln):
            continue
        desc = m.group(2).strip()
        if re.match(r"(?i)(?:material|the\s+following|item)", desc):
            continue
        out.append({"number": m.group(1), "description": desc,
                    "date": _first_date(re.search(r"dated\s+(?:as\s+of\s+)?(" + DATE_RE + ")", desc).group(1))
                    if re.search(r"dated\s+(?:as\s+of\s+)?(" + DATE_RE + ")", desc) else None})
    return out


_ORG_HEADING = re.compile(r"(?:Officers|Directors|Executive\s+Officers|Managers|Members|General\s+Partners?|Trustees|"
                          r"Control\s+Persons)[^\n]*?\b(?:of|for)\s+([A-Z][^\n\t]{2,100})")
_KV_LABEL = re.compile(r"^\s*(Name|Title|Position(?:s)?(?:\s+with\s+[^:]{1,80})?|(?:Present\s+)?Principal\s+Occupation"
                       r"(?:\s+or\s+Employment)?|Occupation|Employment|(?:Principal\s+)?(?:Business\s+|Residence\s+)?"
                       r"Address|Citizenship|Country\s+of\s+Citizenship)\s*:\s*(.*)$", re.I)


def _schedule_tables(s: str, facts: FilingFacts, res: Resolver) -> list[tuple[list[list[str]], str | None]]:
    """Schedule A tables -- tab-separated rows, or 'Name: / Principal Occupation: / ...' blocks -- each with
    the organization its heading names ("Directors and Executive Officers of X")."""
    tables: list[tuple[list[list[str]], str | None]] = []
    org: str | None = None
    rows: list[list[str]] = []
    kv: list[dict[str, str]] = []

    def flush() -> None:
        nonlocal rows, kv
        if len(rows) >= 2:
            tables.append((rows, org))
        if kv:
            head = []
            for rec in kv:
                for k in rec:
                    if k not in head:
                        head.append(k)
            tables.append(([head] + [[rec.get(h, "") for h in head] for rec in kv], org))
        rows, kv = [], []

    for ln in s.split("\n"):
        om = _ORG_HEADING.search(ln) if "\t" not in ln and len(ln) < 200 else None
        if om:
            k = res.resolve(re.sub(r"[*:.]+$", "", om.group(1)).strip(" .*"))
            if k:
                flush()
                org = k
                continue
        if "\t" in ln:
            cells = [c.strip() for c in ln.split("\t")]
            if rows or re.search(r"\bname\b", ln, re.I):
                rows.append(cells)
            continue
        m = _KV_LABEL.match(ln)
        if m:
            label = m.group(1).strip()
            if label.lower() == "name":
                kv.append({})
            if kv:
                kv[-1][label] = (kv[-1].get(label, "") + " " + m.group(2)).strip()
        elif kv and ln.strip() and not re.match(r"\s*[A-Z][A-Za-z ]{0,40}:", ln):
            last = list(kv[-1])[-1] if kv[-1] else None
            if last and last.lower().endswith("address"):
                kv[-1][last] += " " + ln.strip()
    flush()
    return tables


def _signatures(s: str, facts: FilingFacts, res: Resolver) -> dict:
    out: dict[str, Any] = {"date": None, "signers": []}
    if not s:
        return out
    dm = re.search(r"(?:Dated?|Date\s+signed)\s*(?:as\s+of)?\s*:?\s*(" + DATE_RE + ")", s, re.I)
    if dm:
        out["date"] = parse_date(dm.group(1))
    else:
        ds = find_dates(s)
        out["date"] = ds[0] if ds else None
    s = re.sub(r",[ \t]*\n\s*(?=(?:its|as)\s)", ", ", s)
    s = re.sub(r"[ \t]+(?=(?:By|Name|Title)\s*:)", "\n", s)
    blocks = re.split(r"\n\s*\n", s)
    entity_key = None
    for blk in blocks:
        lines = [_flat(x) for x in blk.split("\n") if x.strip()]
        for ln in lines:
            if re.fullmatch(r"[A-Z0-9&.,'\- ]{4,}", ln) and not ln.startswith("/S/") and not re.match(r"SIGNATURE", ln):
                k = res.resolve(ln)
                entity_key = k if k and facts.entity(k) and facts.entity(k).kind == NodeKind.ORGANIZATION else None
            bym = re.match(r"By:\s*(?!/s/)([A-Z].+?),\s*(?:its|as)\s+(.+)$", ln)
            if bym and entity_key:
                mine_text(f"{bym.group(1)} is the {bym.group(2)} of {facts.entity(entity_key).name}.",
                          section="signatures", facts=facts, ctx=res.ctx)
                k2 = res.resolve(bym.group(1))
                entity_key = k2 if k2 and facts.entity(k2) and facts.entity(k2).kind == NodeKind.ORGANIZATION else None
            sm = re.match(r"(?:By:\s*)?/s/\s*(.+)$", ln, re.I)
            if sm:
                if not ln.lower().startswith("by"):
                    entity_key = None  # an individual's own signature
                signer = {"name": sm.group(1).strip(), "for": facts.entity(entity_key).name if entity_key else None}
                out["signers"].append(signer)
            tm = re.match(r"Title:\s*(.+)$", ln)
            if tm and out["signers"]:
                out["signers"][-1]["title"] = tm.group(1)
                who = out["signers"][-1]
                if who.get("for"):
                    mine_text(f"{who['name']} is the {tm.group(1)} of {who['for']}.", section="signatures",
                              facts=facts, ctx=res.ctx)
                entity_key = None
            if not ln.strip():
                entity_key = None
    return out


register(Loader(name=NAME, family=FAMILY, sniff=sniff, parse=parse, document_model=Schedule13Document,
                description="Classic Schedule 13D / 13D/A / 13G / 13G/A (HTML or text)"))
