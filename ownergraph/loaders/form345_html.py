"""Forms 3, 4 and 5 as the SEC's EDGAR viewer renders them (the ``xslF345X0n/...xml`` "primary document" page).

EDGAR shows an ``ownershipDocument`` through its stylesheet as an HTML page laid out as the paper form: box 1
"Name and Address of Reporting Person*" (the name linked to the owner's CIK, the address values above their
"(Last) (First) (Middle)", "(Street)" and "(City) (State) (Zip)" captions), box 2 the issuer (linked to its CIK)
with the ticker in "[ ]", the relationship box with an "X" in the cell before each checked label and the titles
below, the date boxes, Tables I and II (header rows grouping "Code | V", "Amount | (A) or (D) | Price", "(A) |
(D)", "Date Exercisable | Expiration Date", "Title | Amount or Number of Shares"), footnote marks ``<sup>(1)</sup>``,
"Explanation of Responses:" ("1. ...") and the signatures.  A joint filing repeats box 1 and the relationship
box for each further owner.

The loader reads the page's structure (never the file name): each table's columns from its header rows (so Form 3,
Form 4 and Form 5 layouts and a missing "V" column read alike), each cell's value without its footnote marks, the
marks as ``F<n>``, values normalised as the XML holds them (ISO dates, plain numbers), into the same document model
as the XML loader, and hands it to :func:`ownergraph.loaders.ownership.facts_from_document`: the facts are those of
the XML the page was rendered from.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lhtml

from ..errors import LoadError
from ..graph.model import FilingFacts
from . import Loader, register
from ._text import decode, parse_date
from .ownership import OwnershipDocument, cell_value, display_name, facts_from_document, is_submission, looks_like_org

_HTML_RE = re.compile(r"<\s*(?:html|body|table)\b", re.I)
_BOX1_RE = re.compile(r"Name\s+and\s+Address\s+of\s+Reporting\s+Person", re.I)
_TABLE1_RE = re.compile(r"Table\s+I\s*-\s*Non-Derivative\s+Securities", re.I)
_FORM_RE = re.compile(r"\bFORM\s+([345])\b")
_TITLE_RE = re.compile(r"(INITIAL\s+STATEMENT\s+OF|ANNUAL\s+STATEMENT\s+OF\s+CHANGES\s+IN|STATEMENT\s+OF\s+CHANGES\s+IN)"
                       r"\s+BENEFICIAL\s+OWNERSHIP", re.I)
_MARK_RE = re.compile(r"\(\s*F?(\d{1,3})\s*\)")
_CIK_RE = re.compile(r"CIK=(\d{1,10})", re.I)
_TRAILING_MARKS = re.compile(r"(?:(?<=[\w.)$%])\s*|^)(?:\(\s*F?\d{1,2}\s*\))+$|^(?:F\d{1,2}|\[\s*F?\d{1,2}\s*\])+$")
_DATE_VAL = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b")


def sniff(data: bytes) -> float:
    head = data[:4096]
    if head.lstrip()[:5] == b"<?xml" and b"<html" not in head.lower():
        return 0.0
    if b"ownershipDocument" in head or is_submission(head):
        return 0.0
    text = decode(data[:200000])
    if not _HTML_RE.search(text[:20000]):
        return 0.0
    if _BOX1_RE.search(text) and _TABLE1_RE.search(text) and re.search(r"Issuer\s+Name", text, re.I) \
            and (_FORM_RE.search(text) or _TITLE_RE.search(text)):
        return 0.85
    return 0.0


# ----------------------------------------------------------------- cells


def _norm(s: str) -> str:
    return " ".join(s.replace("\u00a0", " ").split())


def _text(el) -> str:
    return _norm(" ".join(el.itertext())) if el is not None else ""


def _marks(el) -> list[str]:
    """The footnote ids a cell cites: its ``<sup>`` marks "(1)" (a mark typed into the text too)."""
    out: list[str] = []
    for sup in el.iter("sup"):
        for n in _MARK_RE.findall(sup.text_content()):
            if f"F{n}" not in out:
                out.append(f"F{n}")
    return out


def _value(el) -> str:
    """A cell's text without its footnote marks."""
    parts: list[str] = []

    def walk(e, skip: bool) -> None:
        skip = skip or (isinstance(e.tag, str) and e.tag == "sup")
        if not skip and e.text:
            parts.append(e.text)
        for c in e:
            walk(c, skip)
            if c.tail:
                parts.append(c.tail)
        if isinstance(e.tag, str) and e.tag in ("br", "p", "div"):
            parts.append(" ")

    walk(el, False)
    return _norm("".join(parts))


def _cell(el, kind: str = "text") -> dict | None:
    """A cell as the document model holds it: the value normalised as the XML has it (ISO date, plain number),
    the footnote marks as ids; ``kind`` "title": marks typed after the text ("Common Stock (1)") are marks."""
    if el is None:
        return None
    fns = _marks(el)
    raw = _value(el)
    m = _TRAILING_MARKS.search(raw)
    if m and (not m.start() or kind in ("title", "num", "date")):
        for n in re.findall(r"\d{1,2}", m.group(0)):  # marks typed as text, not set as <sup>: "(1)" alone or after a title
            if f"F{n}" not in fns:
                fns.append(f"F{n}")
        raw = raw[:m.start()].strip()
    if raw in ("", "-", "--"):
        val = None
    else:
        val = cell_value(raw, kind)
    if val is None and not fns:
        return None
    out = {"value": val, "footnotes": fns}
    if val is not None and raw != val:
        out["as_filed"] = raw
    return out


# ----------------------------------------------------------------- tables


def _cells(tr) -> list:
    return [c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]


def _span(c, attr: str) -> int:
    try:
        return max(1, min(int(c.get(attr) or 1), 50))
    except ValueError:
        return 1


def _expand(tr) -> list:
    out = []
    for c in _cells(tr):
        out += [c] * _span(c, "colspan")
    return out


_COLUMNS = (  # (field, pattern of the column's group label, pattern of its own label)
    ("utitle", r"underlying", r"^title\b"),
    ("ushares", r"underlying", r"amount|number"),
    ("cprice", r"conver\S*\s*sion|exercise\s+price", r""),
    ("deemed", r"deemed\s+execution", r""),
    ("date", r"transaction\s+date", r""),
    ("ex", r"date\s+exercisable", r"exercisable"),
    ("exp", r"expiration", r"expiration"),
    ("v", r"transaction\s+code", r"^v$"),
    ("code", r"transaction\s+code", r""),
    ("a_amount", r"acquired", r"^\(a\)$"),
    ("d_amount", r"acquired", r"^\(d\)$"),
    ("ad", r"acquired", r"\(a\)\s*or\s*\(d\)"),
    ("price", r"acquired", r"price"),
    ("amount", r"acquired", r"amount|number"),
    ("price", r"price\s+of\s+deriv", r""),
    ("owned", r"owned\s+following|owned\s+at\s+end|beneficially\s+owned|securities\s+owned", r""),
    ("di", r"ownership\s+form|direct\s*\(d\)", r""),
    ("nature", r"nature\s+of\s+indirect", r""),
    ("title", r"title\s+of", r""),
)


def _header_columns(header_rows: list) -> list[str | None]:
    """The field of each column, from the header rows (row and column spans laid out on a grid)."""
    grid: list[list[str]] = []
    carry: dict[int, tuple[int, str]] = {}
    for tr in header_rows:
        line: list[str] = []
        col = 0
        cells = _cells(tr)
        i = 0
        while i < len(cells) or col in carry:
            if col in carry:
                left, lab = carry[col]
                line.append(lab)
                if left > 1:
                    carry[col] = (left - 1, lab)
                else:
                    del carry[col]
                col += 1
                continue
            c = cells[i]
            i += 1
            lab = _text(c).lower()
            for _ in range(_span(c, "colspan")):
                line.append(lab)
                if _span(c, "rowspan") > 1:
                    carry[col] = (_span(c, "rowspan") - 1, lab)
                col += 1
        grid.append(line)
    n = max((len(x) for x in grid), default=0)
    fields: list[str | None] = []
    for j in range(n):
        labels = list(dict.fromkeys(x[j] for x in grid if j < len(x)))
        group, own = labels[0] if labels else "", labels[-1] if labels else ""
        field = None
        for f, gpat, opat in _COLUMNS:
            if re.search(gpat, group) and (not opat or re.search(opat, own)):
                field = f
                break
        fields.append(field)
    return fields


def _table_rows(table) -> tuple[list, list]:
    """(header rows, data rows) of one of the two tables: the rows before the first row with a value cell."""
    trs = [tr for tr in table.iter("tr")]
    trs = [tr for tr in trs if tr.getparent() is not None and _nearest_table(tr) is table]
    head: list = []
    body: list = []
    for tr in trs:
        if tr.getparent().tag == "tbody" or (body or (head and not any(c.tag == "th" for c in _cells(tr)) and
                                                       not re.search(r"\(Instr\.|^Code\b|Title of", _text(tr)))):
            body.append(tr)
        elif tr.getparent().tag == "thead" or any(c.tag == "th" for c in _cells(tr)) or not body:
            if len(_cells(tr)) == 1 and re.match(r"Table\s+I", _text(tr)):
                continue  # the table's title row
            if len(_cells(tr)) == 1 and re.match(r"\(e\.g\.", _text(tr)):
                continue
            head.append(tr)
    return head, body


def _nearest_table(el):
    p = el.getparent()
    while p is not None and p.tag != "table":
        p = p.getparent()
    return p


_NO_SECURITIES = re.compile(r"^No\s+securities\s+(?:are\s+)?beneficially\s+owned\.?$", re.I)
_NUM_FIELDS = frozenset(("amount", "a_amount", "d_amount", "price", "owned", "cprice", "ushares"))
_DATE_FIELDS = frozenset(("date", "deemed", "ex", "exp"))


def _read_table(table, which: str, form: str) -> list[dict]:
    head, body = _table_rows(table)
    fields = _header_columns(head)
    if "title" not in fields:
        raise LoadError(None, f"Table {which}: no 'Title of Security' column in its header")
    rows: list[dict] = []
    for tr in body:
        cells = _expand(tr)
        if not any(_text(c) for c in cells):
            continue
        if _NO_SECURITIES.match(_text(tr)):
            continue  # Form 3: "No securities are beneficially owned." (read by parse)
        got: dict[str, object] = {}
        seen: set[int] = set()
        for j, c in enumerate(cells):
            f = fields[j] if j < len(fields) else None
            if f is None or id(c) in seen or f in got:
                continue
            seen.add(id(c))
            got[f] = c
        title = _cell(got.get("title"), "title")
        if title is None and not any(_text(c) for c in got.values()):
            continue
        code_el = got.get("code")
        code = _value(code_el) or None if code_el is not None else None
        coding_fns = _marks(code_el) if code_el is not None else []
        date = _cell(got.get("date"), "date")
        shares = _cell(got.get("amount"), "num")
        ad = _cell(got.get("ad"))
        if "a_amount" in got or "d_amount" in got:
            a, d = _cell(got.get("a_amount"), "num"), _cell(got.get("d_amount"), "num")
            shares = a if a and a["value"] is not None else d if d and d["value"] is not None else (a or d)
            if a and a["value"] is not None:
                ad = {"value": "A", "footnotes": []}
            elif d and d["value"] is not None:
                ad = {"value": "D", "footnotes": []}
        kind = "transaction" if (date and date["value"]) or code else "holding"
        v = _value(got["v"]) if "v" in got else ""
        row = {
            "table": which, "kind": kind, "number": len(rows) + 1,
            "security_title": title or {"value": None, "footnotes": []},
            "transaction_date": date, "deemed_execution_date": _cell(got.get("deemed"), "date"),
            "form_type": form if kind == "transaction" else None, "code": code, "equity_swap_involved": None,
            "coding_footnotes": coding_fns,
            # the V column marks a transaction reported voluntarily, before it was due: timeliness "E" (early)
            "timeliness": {"value": "E", "footnotes": _marks(got["v"])} if v.upper() == "V" else None, "shares": shares, "total_value": None,
            "price": _cell(got.get("price"), "num"), "acquired_disposed": ad,
            "owned_after": _cell(got.get("owned"), "num"), "value_owned_after": None,
            "direct_or_indirect": _cell(got.get("di")), "nature": _cell(got.get("nature")),
            "conversion_or_exercise_price": None, "exercise_date": None, "expiration_date": None,
            "underlying_title": None, "underlying_shares": None, "underlying_value": None,
        }
        if which == "II":
            row.update({
                "conversion_or_exercise_price": _cell(got.get("cprice"), "num"),
                "exercise_date": _cell(got.get("ex"), "date"), "expiration_date": _cell(got.get("exp"), "date"),
                "underlying_title": _cell(got.get("utitle"), "title"), "underlying_shares": _cell(got.get("ushares"), "num"),
            })
        rows.append(row)
    return rows


# ----------------------------------------------------------------- boxes

_CAPTION = re.compile(r"^\((?:Last|First|Middle|Street|City|State|Zip)\)$", re.I)


def _leaf_texts(el) -> list[tuple[str, object]]:
    """The texts of a box in document order, one per innermost cell / span / link (label text included)."""
    out: list[tuple[str, object]] = []
    for e in el.iter():
        if not isinstance(e.tag, str) or e.tag in ("sup",):
            continue
        if e.tag in ("td", "th", "span", "a", "font", "div", "b", "p") and not any(
                isinstance(c.tag, str) and c.tag in ("td", "th", "span", "a", "table", "div", "p", "font")
                for c in e):
            t = _value(e)
            if t:
                out.append((t, e))
    return out


def _box(root, pattern: re.Pattern):
    """Every cell whose leading text is the box label ``pattern`` (the innermost such cell)."""
    found = []
    for td in root.iter("td", "th"):
        t = _text(td)
        if pattern.match(t):
            found.append(td)
    # keep the innermost: a found cell containing another found cell is dropped
    inner = [td for td in found if not any(o is not td and _contains(td, o) for o in found)]
    return inner


def _contains(outer, inner) -> bool:
    p = inner.getparent()
    while p is not None:
        if p is outer:
            return True
        p = p.getparent()
    return False


_BOX1 = re.compile(r"^\s*1\.\s*Name\s+and\s+Address\s+of\s+Reporting\s+Person", re.I)
_BOX_ISSUER = re.compile(r"^\s*[23]\.\s*Issuer\s+Name", re.I)  # box 3 on Form 3, box 2 on Forms 4 and 5
_BOX_REL = re.compile(r"^\s*\d\.\s*Relationship\s+of\s+Reporting\s+Person", re.I)
_BOX_PERIOD = re.compile(r"^\s*\d\.\s*(?:Date\s+of\s+Earliest\s+Transaction|Date\s+of\s+Event\s+Requiring|"
                         r"Statement\s+for\s+Issuer)", re.I)
_BOX_AMEND = re.compile(r"^\s*\d\.\s*If\s+Amendment", re.I)


def _owner(td) -> dict:
    link = next((a for a in td.iter("a") if _CIK_RE.search(a.get("href") or "")), None)
    texts = [t for t, _e in _leaf_texts(td)]
    name = _value(link) if link is not None else None
    cik = _CIK_RE.search(link.get("href")).group(1) if link is not None else None
    # the values above each caption line: name (Last)(First)(Middle) streets (Street) city state zip (City)...
    segments: dict[str, list[str]] = {"name": [], "street": [], "city": []}
    cur = "name"
    for t in texts:
        if _BOX1.match(t) or t == "*":
            continue
        if _CAPTION.match(t):
            low = t.lower()
            cur = {"(middle)": "street", "(street)": "city", "(zip)": "after"}.get(low, cur)
            continue
        segments.setdefault(cur, []).append(t)
    if name is None:
        name = " ".join(segments["name"]) or None
    if not name:
        raise LoadError(None, "box 1 (Name and Address of Reporting Person) names no one")
    streets = segments["street"]
    csz = segments["city"]
    city, state, zip_, country = (csz + [None, None, None, None])[:4]
    if len(csz) == 2:  # no state: a city and a postal code, or a city and a state
        city, state, zip_ = (csz[0], None, csz[1]) if re.search(r"\d", csz[1]) else (csz[0], csz[1], None)
    kind = "Organization" if looks_like_org(name) else "Person"
    return {"cik": cik, "name": name, "display_name": display_name(name, kind == "Organization"), "kind": kind,
            "street1": streets[0] if streets else None, "street2": ", ".join(streets[1:]) or None,
            "city": city, "state": state, "zip": zip_, "state_description": country,
            "is_director": False, "is_officer": False, "is_ten_percent_owner": False, "is_other": False,
            "officer_title": None, "other_text": None}


_REL_LABELS = (("is_director", r"^Director$"), ("is_ten_percent_owner", r"^10\s*%\s*Owner$"),
               ("is_officer", r"^Officer\b"), ("is_other", r"^Other\b"))


def _relationship(td, owner: dict) -> None:
    leaves = _leaf_texts(td)
    texts = [t for t, _ in leaves]
    labelled = set()
    for i, t in enumerate(texts):
        # "__X__ Director" (one cell) or "X" in the cell before the label
        m = re.match(r"^_*\s*X\s*_*\s+(Director|10\s*%\s*Owner|Officer|Other)\b", t, re.I)
        for key, pat in _REL_LABELS:
            if re.match(pat, t, re.I) or (m and re.match(pat, m.group(1), re.I)):
                labelled.add(i)
                if m or (i > 0 and texts[i - 1].strip("_ ").upper() == "X"):
                    owner[key] = True
    tail = []
    after = False
    for i, t in enumerate(texts):
        if re.search(r"\(specify\s+below\)", t, re.I):
            after = True
            continue
        if after and t.strip("_ ").upper() != "X" and i not in labelled:
            tail.append(t)
    titles = [t for t in tail if t]
    if owner["is_officer"] and owner["is_other"] and len(titles) >= 2:
        owner["officer_title"], owner["other_text"] = titles[0], " ".join(titles[1:])
    elif owner["is_officer"] and owner["is_other"] and titles and " / " in titles[0]:
        owner["officer_title"], owner["other_text"] = (x.strip() for x in titles[0].split(" / ", 1))
    elif titles and owner["is_officer"]:
        owner["officer_title"] = " ".join(titles)
    elif titles and owner["is_other"]:
        owner["other_text"] = " ".join(titles)
    elif titles:  # a title without a checked box (the XML has one all the same)
        owner["officer_title"] = " ".join(titles)


def _box_value(td, label: re.Pattern) -> str | None:
    t = _text(td)
    t = re.sub(r"^.*?\(Month/Day/Year\)", "", t, count=1, flags=re.S) if "(Month/Day/Year)" in t else \
        label.sub("", t)
    m = _DATE_VAL.search(t)
    return m.group(0) if m else None


def _checkbox(root, phrase: str) -> bool | None:
    """The mark of a check box whose text holds ``phrase``: an 'X' (or a checked input) in the cell before it."""
    for td in root.iter("td"):
        t = _text(td)
        if re.search(phrase, t, re.I) and not any(
                isinstance(c.tag, str) and c.tag == "td" and re.search(phrase, _text(c), re.I)
                for c in td.iter() if c is not td):
            prev = td.getprevious()
            mark = _text(prev) if prev is not None else ""
            checked = any(i.get("checked") is not None for i in (prev.iter("input") if prev is not None else []))
            own = re.match(r"^_*\s*X\b", t)
            return bool(checked or mark.strip("_ ").upper() == "X" or own)
    return None


def _footnotes(root) -> tuple[dict[str, str], str | None]:
    fns: dict[str, str] = {}
    remarks: list[str] = []
    label = None
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in ("td", "b", "p", "span", "div", "th") and \
                re.match(r"^Explanation\s+of\s+Responses:?$", _text(el), re.I):
            label = el
            break
    if label is None:
        return fns, None
    table = _nearest_table(label)
    rows = list(table.iter("tr")) if table is not None else []
    mode = "fn"
    for tr in rows:
        t = _text(tr)
        if not t or re.match(r"^Explanation\s+of\s+Responses", t, re.I):
            continue
        if re.match(r"^Remarks:?", t, re.I):
            mode = "remarks"
            t = re.sub(r"^Remarks:?\s*", "", t, flags=re.I)
            if not t:
                continue
        if re.search(r"Signature\s+of\s+Reporting\s+Person|^Reminder:", t, re.I):
            break
        if mode == "fn":
            m = re.match(r"^\(?(\d{1,3})[.)]\s*(.*)$", t, re.S)
            if m:
                fns[f"F{m.group(1)}"] = m.group(2).strip()
            elif t.startswith("*") or not fns:
                continue
            else:
                fns[list(fns)[-1]] += " " + t
        else:
            remarks.append(t)
    return fns, " ".join(remarks) or None


def _signatures(root) -> list[dict]:
    out = []
    for td in root.iter("td"):
        if not re.match(r"^\*\*\s*Signature\s+of\s+Reporting\s+Person", _text(td), re.I):
            continue
        table = _nearest_table(td)
        for tr in table.iter("tr"):
            vals = [_text(c) for c in _cells(tr)]
            vals = [v for v in vals if v]
            if not vals or any(re.search(r"Signature\s+of\s+Reporting", v, re.I) for v in vals):
                continue
            date = next((v for v in vals if _DATE_VAL.fullmatch(v)), None)
            names = [v for v in vals if v != date]
            d = parse_date(date) if date else None
            out.append({"name": names[0] if names else None, "date": d.isoformat() if d else None})
        break
    return out


def parse(data: bytes, source: str) -> FilingFacts:
    text = decode(data)
    try:
        root = lhtml.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise LoadError(source, f"not a readable HTML page ({e})") from None
    page = _text(root)
    if not _BOX1_RE.search(page) or not _TABLE1_RE.search(page):
        raise LoadError(source, "not an EDGAR rendering of a Form 3/4/5 (no box 1 or no Table I)")
    fm = _FORM_RE.search(page)
    tm = _TITLE_RE.search(page)
    if fm:
        form = fm.group(1)
    elif tm:
        form = {"i": "3", "a": "5"}.get(tm.group(1)[0].lower(), "4")
    else:
        raise LoadError(source, "EDGAR Form 3/4/5 page without its form number ('FORM 4')")
    owners = []
    order = {el: i for i, el in enumerate(root.iter())}
    boxes1 = _box(root, _BOX1)
    rels = _box(root, _BOX_REL)
    for i, td in enumerate(boxes1):
        try:
            o = _owner(td)
        except LoadError as e:
            raise LoadError(source, e.problem) from None
        nxt = boxes1[i + 1] if i + 1 < len(boxes1) else None
        # each owner's relationship box: the first after its box 1 (and before the next owner's);
        # the first owner's stands beside its box 1, after it in document order
        rel = next((r for r in rels if order[r] > order[td] and (nxt is None or order[r] < order[nxt])), None)
        if rel is not None:
            _relationship(rel, o)
        owners.append(o)
    if not owners:
        raise LoadError(source, "box 1 (Name and Address of Reporting Person) not found")
    iss = _box(root, _BOX_ISSUER)
    issuer = {"cik": None, "name": None, "trading_symbol": None}
    if iss:
        td = iss[0]
        link = next((a for a in td.iter("a") if _CIK_RE.search(a.get("href") or "")), None)
        t = re.sub(r"^\s*[23]\.\s*Issuer\s+Name\s+and\s+Ticker\s+or\s+Trading\s+Symbol\s*", "", _text(td), flags=re.I)
        sym = re.search(r"\[\s*([^\]]*?)\s*\]", t)
        issuer["trading_symbol"] = sym.group(1) or None if sym else None
        if link is not None:
            issuer["name"] = _value(link) or None
            issuer["cik"] = _CIK_RE.search(link.get("href")).group(1)
        else:
            issuer["name"] = (t[:sym.start()] if sym else t).strip() or None
    period = next((_box_value(td, _BOX_PERIOD) for td in _box(root, _BOX_PERIOD)), None)
    amend = next((_box_value(td, _BOX_AMEND) for td in _box(root, _BOX_AMEND)), None)
    pd_ = parse_date(period) if period else None
    ad_ = parse_date(amend) if amend else None
    nd: list[dict] = []
    de: list[dict] = []
    found: set[str] = set()
    warnings: list[str] = []
    for table in root.iter("table"):
        first = next(iter(table.iter("tr")), None)
        if first is None:
            continue
        t = _text(first)
        try:
            if re.match(r"^Table\s+I\s*-\s*Non-Derivative", t, re.I) and "I" not in found:
                found.add("I")
                nd = _read_table(table, "I", form)
            elif re.match(r"^Table\s+II\s*-\s*Derivative", t, re.I) and "II" not in found:
                found.add("II")
                de = _read_table(table, "II", form)
        except LoadError as e:
            raise LoadError(source, e.problem) from None
    if "I" not in found:
        # the page names Table I but not as the viewer lays it out (a table whose first row is its title): its
        # rows cannot be told from the boxes, and a page read without them would say the owner holds nothing
        raise LoadError(source, "EDGAR Form 3/4/5 page whose Table I is not a table headed by its title "
                                "(an unknown layout of the page); its rows cannot be read")
    if "II" not in found:
        warnings.append(f"{source}: no Table II (derivative securities) table on the page; none read")
    fns, remarks = _footnotes(root)
    sigs = _signatures(root)
    doc = {
        "schema_version": None, "document_type": form + ("/A" if ad_ else ""),
        "period_of_report": pd_.isoformat() if pd_ else None,
        "date_of_original_submission": ad_.isoformat() if ad_ else None,
        "no_securities_owned": True if any(_NO_SECURITIES.match(_text(td)) for td in root.iter("td")) else None,
        "not_subject_to_section16": _checkbox(root, r"no\s+longer\s+subject\s+to\s+Section\s+16") if form != "3"
        else None,
        "form3_holdings_reported": _checkbox(root, r"^Form\s+3\s+Holdings\s+Reported") if form == "5" else None,
        "form4_transactions_reported": _checkbox(root, r"^Form\s+4\s+Transactions\s+Reported") if form == "5"
        else None,
        "aff10b5one": _checkbox(root, r"Rule\s+10b5-1\(c\)"),
        "issuer": issuer, "reporting_owners": owners, "non_derivative": nd, "derivative": de,
        "footnotes": fns, "remarks": remarks, "signatures": sigs,
    }
    return facts_from_document(doc, data, source, warnings, loader="form345_html")


register(Loader(
    name="form345_html", family="ownership", sniff=sniff, parse=parse, document_model=OwnershipDocument,
    description="Forms 3/4/5 as the SEC's EDGAR viewer renders them (xslF345X0n HTML pages)",
))
