"""Forms 3, 4 and 5 filed as text, before the XML era (EDGAR 1996-2003): the ASCII rendering.

The document is the paper form typed out: numbered boxes (1. Name and Address of
Reporting Person, 2. Issuer Name and Ticker or Trading Symbol, 4. Statement for
Month/Year, 5. If Amendment, 6. Relationship with ``(X)`` check marks) and the two
tables drawn as fixed-width, pipe-separated columns whose cells wrap onto the next
line ("Options to Purchase Co" / "mmon Stock", "2/7/0" / "0").

The loader rebuilds each logical row by joining the wrapped fragments column by
column (a fragment that fills its column is continued without a space), reads the
cells into the same document model as the XML loader (values normalised: ISO dates,
plain numbers; the text as filed in ``as_filed``), and hands it to
:func:`ownergraph.loaders.ownership.facts_from_document`, so the facts are exactly
those of an XML Form 4.  Two-digit years follow :func:`~ownergraph.loaders._text.parse_date`.
An A/D cell that reads both letters ("A,D") is decided by the transaction code.
Footnote marks "(1)" become ``F1`` and point to the "Explanation of Responses".

The SGML container around such a document is the submission loader's: this loader
recognises the inner text only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..errors import LoadError
from ..graph.model import FilingFacts
from . import Loader, register
from ._text import decode, parse_date
from .ownership import OwnershipDocument, cell_value, display_name, facts_from_document, is_submission, looks_like_org

_TITLE_RE = re.compile(r"STATEMENT\s+OF\s+CHANGES\s+IN\s+BENEFICIAL\s+OWNERSHIP|INITIAL\s+STATEMENT\s+OF\s+BENEFICIAL"
                       r"\s+OWNERSHIP", re.I)
_FORM_RE = re.compile(r"^\s*FORM\s+([345])\b", re.I | re.M)
_ITEM_RE = re.compile(
    r"^\s*(?P<n>[1-9])\.\s*(?P<label>Name\s+and\s+Address|Issuer\s+Name|I\.?R\.?S\.?|Statement\s+for|Date\s+of\s+Event|"
    r"If\s+Amendment|Relationship|Individual)", re.I)
_FN_MARK = re.compile(r"\((\d{1,2})\)")

#: codes that acquire (the rest dispose) when an A/D cell reads both letters
_ACQUIRING = {"A", "P", "L", "W", "I", "J", "K", "V", "Z"}


def sniff(data: bytes) -> float:
    if data[:512].lstrip().startswith(b"<?xml"):
        return 0.0  # XML is the structured form (loaders/ownership.py); the text form predates it
    head = decode(data[:6000])
    if is_submission(head) or "<ownershipDocument" in head:
        return 0.0
    if _TITLE_RE.search(head) and "Table I" in decode(data[:60000]) and _FORM_RE.search(head):
        return 0.8
    return 0.0


_LABELS = (("owner", r"name\s+and\s+address"), ("issuer", r"issuer\s+name"), ("irs", r"i\.?r\.?s"),
           ("period", r"statement\s+for"), ("period", r"date\s+of\s+event"), ("amendment", r"if\s+amendment"),
           ("relationship", r"relationship"), ("joint", r"individual"))


def _items(lines: list[str]) -> dict[str, list[str]]:
    """Boxes by what they hold (Form 3 numbers its boxes differently from Forms 4 and 5)."""
    out: dict[str, list[str]] = {}
    cur = None
    for ln in lines:
        if re.search(r"\bTable\s+I\b", ln):
            break
        if "<TABLE>" in ln.upper() or re.match(r"^\s*_{5,}", ln):
            cur = None
            continue
        m = _ITEM_RE.match(ln)
        if m:
            label = m.group("label").lower()
            cur = next(k for k, pat in _LABELS if re.match(pat, label))
            out.setdefault(cur, [])
            continue
        if cur is not None:
            out[cur].append(ln)
    return out


def _nonblank(lines: list[str]) -> list[str]:
    return [" ".join(x.split()) for x in lines if x.strip()]


def _is_sep(line: str) -> bool:
    body = line.replace("|", "")
    return bool(body.strip()) and set(body.strip()) <= set("-_ ")


def _split_cells(line: str) -> list[tuple[str, int]]:
    """Cells of one table line: (raw text, column width)."""
    parts = line.rstrip("\n").split("|")
    return [(p, len(p)) for p in parts]


def _rows(block: list[str]) -> list[tuple[list[str], int]]:
    """Logical rows of a table body (lines after the <S> marker), wrapped cells joined."""
    groups: list[list[str]] = []
    cur: list[str] = []
    for ln in block:
        if "|" not in ln or _is_sep(ln):
            if cur:
                groups.append(cur)
                cur = []
            continue
        cur.append(ln)
    if cur:
        groups.append(cur)
    rows = []
    for g in groups:
        cols: list[list[tuple[str, int]]] = []
        for ln in g:
            for i, cell in enumerate(_split_cells(ln)):
                while len(cols) <= i:
                    cols.append([])
                cols[i].append(cell)
        cells = []
        for frags in cols:
            text = ""
            prev = None
            for raw, width in frags:
                piece = raw.strip()
                if not piece:
                    prev = (raw, width)
                    continue
                if not text:
                    text = piece
                else:
                    praw, pwidth = prev if prev else ("", 0)
                    full = len(praw.rstrip()) >= pwidth and praw.rstrip()[-1:].isalnum()
                    text = text + piece if full and piece[:1].isalnum() else f"{text} {piece}"
                prev = (raw, width)
            cells.append(text)
        if any(c and c != "-" for c in cells):
            rows.append((cells, g[0].rstrip().count("|")))
    return rows


def _tables(text: str) -> tuple[list[str], list[str]]:
    """The data lines of Table I and Table II (between the <S> marker and the table's end)."""
    t1: list[str] = []
    t2: list[str] = []
    target = None
    data_mode = False
    for ln in text.splitlines():
        up = ln.upper()
        if re.search(r"\bTABLE\s+II\b", up):
            target, data_mode = t2, False
            continue
        if re.search(r"\bTABLE\s+I\b", up):
            target, data_mode = t1, False
            continue
        if target is None:
            continue
        s = ln.strip()
        if s.startswith("<S>"):
            data_mode = True
            continue
        if up.strip().startswith(("<CAPTION>", "</TABLE>")) or up.startswith("EXPLANATION OF RESPONSES"):
            data_mode = False
            if up.strip().startswith("</TABLE>") or up.startswith("EXPLANATION"):
                target = None
            continue
        if data_mode:
            target.append(ln)
    return t1, t2


def _cell(raw: str | None, kind: str = "text") -> dict | None:
    if raw is None:
        return None
    s = raw.strip()
    fns = [f"F{m}" for m in _FN_MARK.findall(s)]
    s = _FN_MARK.sub("", s).strip()
    s = re.sub(r"\s+-$", "", s).strip()
    if s in ("", "-", "--", "N/A", "n/a"):
        val = None
    else:
        val = cell_value(s, kind)
    if val is None and not fns:
        return None
    out = {"value": val, "footnotes": fns}
    if raw.strip() != (val or ""):
        out["as_filed"] = raw.strip()
    return out


def _ad(raw: str, code: str | None) -> dict | None:
    s = raw.strip().upper()
    if s in ("A", "D"):
        return {"value": s, "footnotes": []}
    if not s:
        return None
    letter = None
    if code:
        letter = "A" if code[:1].upper() in _ACQUIRING else "D"
    return {"value": letter, "footnotes": [], "as_filed": raw.strip()}


def _address(lines: list[str]) -> dict:
    """Box 1 address lines -> street1/street2/city/state/zip (the country, if any, as state_description)."""
    out = dict.fromkeys(("street1", "street2", "city", "state", "zip", "state_description"))
    streets: list[str] = []
    rest: list[str] = []
    for i, ln in enumerate(lines):
        m = re.match(r"^(?P<city>.+?),?\s+(?P<state>[A-Z]{2})\.?\s+(?P<zip>\d{5}(?:-\d{4})?)$", ln)
        if m:
            out.update(city=m["city"].strip(" ,"), state=m["state"], zip=m["zip"])
            rest = lines[i + 1:]
            break
        streets.append(ln)
    else:
        streets, rest = lines, []
    out["street1"] = streets[0] if streets else None
    out["street2"] = ", ".join(streets[1:]) or None
    out["state_description"] = " ".join(rest) or None
    return out


def _month_end(text: str) -> dt.date | None:
    """'November 1999' / 'Nov/1999' / '11/1999' -> the last day of that month (holdings are 'at end of month')."""
    m = re.fullmatch(r"([A-Za-z]+)\.?\s*/?\s*(\d{4})", text.strip())
    if m:
        first = parse_date(f"{m.group(1)} 1, {m.group(2)}")
    else:
        m2 = re.fullmatch(r"(\d{1,2})\s*/\s*(\d{4})", text.strip())
        first = dt.date(int(m2.group(2)), int(m2.group(1)), 1) if m2 and 1 <= int(m2.group(1)) <= 12 else None
    if first is None:
        return None
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _g(cells: list[str], i: int) -> str | None:
    return cells[i] if i < len(cells) and cells[i] else None


#: column layouts by number of columns (pipes on a data line): Form 4 has a "V" column after the code,
#: Form 5 has none, Form 3 reports holdings only
_T1 = {
    10: {"title": 0, "date": 1, "code": 2, "amount": 4, "ad": 5, "price": 6, "owned": 7, "di": 8, "nature": 9},
    9: {"title": 0, "date": 1, "code": 2, "amount": 3, "ad": 4, "price": 5, "owned": 6, "di": 7, "nature": 8},
    4: {"title": 0, "owned": 1, "di": 2, "nature": 3},
}
_T2 = {
    15: {"title": 0, "cprice": 1, "date": 2, "code": 3, "amount": 5, "ad": 6, "ex": 7, "exp": 8, "utitle": 9,
         "ushares": 10, "price": 11, "owned": 12, "di": 13, "nature": 14},
    14: {"title": 0, "cprice": 1, "date": 2, "code": 3, "amount": 4, "ad": 5, "ex": 6, "exp": 7, "utitle": 8,
         "ushares": 9, "price": 10, "owned": 11, "di": 12, "nature": 13},
    8: {"title": 0, "ex": 1, "exp": 2, "utitle": 3, "ushares": 4, "cprice": 5, "di": 6, "nature": 7},
}
_DEFAULT = {"3": (4, 8), "5": (9, 14)}


def _layout(table: dict[int, dict], ncols: int, form: str, which: int) -> dict:
    if ncols in table:
        return table[ncols]
    return table[_DEFAULT.get(form, (10, 15))[which]]


def _row_dict(table: str, cells: list[str], n: int, cols: dict) -> dict:
    def g(k: str) -> str | None:
        return _g(cells, cols[k]) if k in cols else None

    date, code = g("date"), g("code")
    row = {
        "table": table, "kind": "transaction" if date or code else "holding", "number": n,
        "security_title": _cell(g("title")) or {"value": None, "footnotes": []},
        "transaction_date": _cell(date, "date"), "code": (code or "").strip() or None,
        "form_type": None, "equity_swap_involved": None, "coding_footnotes": [],
        "shares": _cell(g("amount"), "num"), "acquired_disposed": _ad(g("ad") or "", code),
        "price": _cell(g("price"), "num"), "owned_after": _cell(g("owned"), "num"),
        "direct_or_indirect": _cell(g("di")), "nature": _cell(g("nature")),
    }
    if table == "II":
        row.update({
            "conversion_or_exercise_price": _cell(g("cprice"), "num"),
            "exercise_date": _cell(g("ex"), "date"), "expiration_date": _cell(g("exp"), "date"),
            "underlying_title": _cell(g("utitle")), "underlying_shares": _cell(g("ushares"), "num"),
        })
    return row


_ROW_KEYS = ("conversion_or_exercise_price", "transaction_date", "deemed_execution_date", "timeliness", "shares",
             "total_value", "price", "acquired_disposed", "exercise_date", "expiration_date", "underlying_title",
             "underlying_shares", "underlying_value", "owned_after", "value_owned_after", "direct_or_indirect",
             "nature")


def parse(data: bytes, source: str) -> FilingFacts:
    text = decode(data)
    text = re.sub(r"(?is)</?(?:TEXT|PAGE|FN|F\d+)>", "", text)
    form = _FORM_RE.search(text)
    if not _TITLE_RE.search(text) or not form:
        raise LoadError(source, "not a text Form 3/4/5 (no 'Statement of ... Beneficial Ownership' title)")
    lines = text.splitlines()
    items = _items(lines)
    if "owner" not in items or "issuer" not in items:
        raise LoadError(source, "text Form 3/4/5 without the reporting person's box or the issuer's box")
    owner_lines = _nonblank(items["owner"])
    if not owner_lines:
        raise LoadError(source, "box 1 (Name and Address of Reporting Person) is empty")
    owner = owner_lines[0]
    issuer_lines = _nonblank(items["issuer"])
    issuer_name = issuer_lines[0] if issuer_lines else None
    ticker = None
    if len(issuer_lines) > 1 and re.fullmatch(r"[A-Z][A-Z.\-]{0,7}", issuer_lines[1].strip()):
        ticker = issuer_lines[1].strip()
    period = None
    block = " ".join(_nonblank(items.get("period", [])))
    m = re.search(r"([A-Za-z]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}/\d{1,2}/\d{2,4}|[A-Za-z]+\.?\s*/?\s*\d{4}|"
                  r"\d{1,2}\s*/\s*\d{4})", block)
    if m:
        s = re.sub(r",(?=\d)", ", ", m.group(1))
        period = parse_date(s) or _month_end(s)
    rel = " ".join(items.get("relationship", []))
    checked = {lab.lower() for lab in re.findall(r"\(\s*[Xx]\s*\)\s*(Director|10%\s*Owner|Officer|Other)", rel)}
    title_lines = [x for x in _nonblank(items.get("relationship", []))
                   if "(" not in x and "specify below" not in x.lower()]
    officer_title = title_lines[0] if title_lines and "officer" in checked else None
    other_text = title_lines[0] if title_lines and "other" in checked and not officer_title else None
    amend = _nonblank(items.get("amendment", []))
    kind = "Organization" if looks_like_org(owner) else "Person"
    dtype = form.group(1) + ("/A" if amend and re.search(r"\d", " ".join(amend)) else "")
    fn_text: dict[str, str] = {}
    m = re.search(r"Explanation\s+of\s+Responses:?(.*?)(?:SIGNATURE|\*\*\s*Intentional|$)", text, re.S | re.I)
    if m:
        for fm in re.finditer(r"^\s*\((\d{1,2})\)\s*(.+?)(?=^\s*\(\d{1,2}\)|\Z)", m.group(1), re.S | re.M):
            fn_text[f"F{fm.group(1)}"] = " ".join(fm.group(2).split())
    sig = re.search(r"DATE\s*\n\s*([A-Za-z]+\.?\s+\d{1,2},\s*\d{4}|\d{1,2}/\d{1,2}/\d{2,4})", text)
    sig_date = parse_date(re.sub(r",(?=\d)", ", ", sig.group(1))) if sig else None
    t1, t2 = _tables(text)
    form_no = form.group(1)
    nd = [_row_dict("I", c, i, _layout(_T1, k, form_no, 0)) for i, (c, k) in enumerate(_rows(t1), start=1)]
    de = [_row_dict("II", c, i, _layout(_T2, k, form_no, 1)) for i, (c, k) in enumerate(_rows(t2), start=1)]
    for r in nd + de:
        for k in _ROW_KEYS:
            r.setdefault(k, None)
    doc = {
        "schema_version": None, "document_type": dtype,
        "period_of_report": period.isoformat() if period else None,
        "date_of_original_submission": " ".join(amend) or None, "no_securities_owned": None,
        "not_subject_to_section16": bool(re.search(r"\(\s*[Xx]\s*\)\s*Check\s+this\s+box\s+if\s+no\s+longer", text)),
        "form3_holdings_reported": None, "form4_transactions_reported": None, "aff10b5one": None,
        "issuer": {"cik": None, "name": issuer_name, "trading_symbol": ticker},
        "reporting_owners": [{
            "cik": None, "name": owner, "display_name": display_name(owner, kind == "Organization"), "kind": kind,
            **_address(owner_lines[1:]),
            "is_director": "director" in checked, "is_officer": "officer" in checked,
            "is_ten_percent_owner": any(c.startswith("10") for c in checked), "is_other": "other" in checked,
            "officer_title": officer_title, "other_text": other_text,
        }],
        "non_derivative": nd, "derivative": de, "footnotes": fn_text, "remarks": None,
        "signatures": [{"name": None, "date": sig_date.isoformat() if sig_date else None}],
    }
    return facts_from_document(doc, data, source, [], loader="form4_text")


register(Loader(
    name="form4_text", family="ownership", sniff=sniff, parse=parse, document_model=OwnershipDocument,
    description="Forms 3/4/5 filed as text before the XML era (fixed-width tables)",
))
