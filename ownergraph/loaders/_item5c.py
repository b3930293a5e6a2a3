"""Schedule 13D Item 5(c): the transactions in the class effected in the past sixty days.

Shared by the XML loader (:mod:`.schedule13_xml`, the ``transactionDesc`` of Item 5) and the classic HTML /
text loader (:mod:`.schedule13_text`, the "(c)" paragraph of Item 5), and by the submission loader for a
schedule that is a document of its own.  What is read:

* sentences: "On [or about] June 3, 1999, the Partnership purchased 30,000 Shares at $4.375 per share";
  "... for an aggregate purchase price of $125,000" (the ``transaction_value``, not a price per share);
  one date, then one clause per holder ("A received 7,789,081 Units, B received ..."); "Mr." / "L.P." do not
  end the sentence; a transaction named by its noun ("Other than the purchase of 10,000 Shares in the open
  market on June 17, 2024, ..."; "the sale by the Fund of ...");
* tables: a header row naming a date and a number of shares (and perhaps a price, a buy / sell column, a
  holder column), then one row per transaction, cells split by tabs (an HTML table row), '|', aligned or
  single spaces, or a table flattened into one line; a row that only names a holder heads the rows below it;
  "Shares Purchased (Sold)": a number in parentheses is a sale, any other a purchase; rules under a typed
  header ("----") are skipped; the holder of a table is its holder column, else the row naming it, else the
  intro's "by X" or its subject ("The Partnership effected the following purchases ...");
* "See Schedule A" / "set forth on Annex A hereto": the schedule under its heading in the item, in another
  part of the document (another item, after the signatures), else in a document of the submission
  (:func:`exhibit_transactions`), with a warning while none is found.

Each transaction is a ``HOLDS`` of its holder on the class (``sec:class``) with basis "transaction" and the
Forms 3/4/5 transaction properties (``transaction_date``, ``transaction_shares``, ``transaction_price`` per
share, ``transaction_value`` the aggregate, ``acquired_disposed`` "A" / "D", ``as_of`` the date), cited to
"Item 5(c)" or to the schedule ("Schedule A").  The holder is the name the text gives resolved against the
filing's persons, aliases and defined terms ("the Partnership"); a transaction whose text names no holder is
of the only reporting person (or of the person whose part of Item 5 it stands in).  Trades in options,
warrants or notes are not trades in the class: not read.
"""

from __future__ import annotations

import functools
import re
from typing import Any, Callable, Iterable

from ..graph.model import EdgeKind, FilingFacts, RelationFact, constructor
from ._text import DATE_RE, parse_decimal
from ._text import parse_date as _parse_date

#: dates as filed: the same few strings recur (a pure function of a short string)
parse_date = functools.lru_cache(maxsize=4096)(_parse_date)

_construct = constructor({RelationFact: ("type", "source", "target", "props", "prov", "discriminator")})

_TX_N = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_TX_BUY = r"received|purchased|acquired|bought|was\s+issued|was\s+allocated"
_TX_SELL = r"sold|disposed\s+of|transferred|delivered|distributed|surrendered"
#: "On March 3, 2025, [in connection with ...,] CCI Onshore received 7,789,081 Depositary Units, Gascon received
#: 5,011,241 Depositary Units and ...": the date, then one clause per holder
_TX_ON = re.compile(r"\b[Oo]n\s+(?:or\s+(?:about|around)\s+)?(?P<date>" + DATE_RE + r"),?\s+")
_TX_CLAUSE_SPLIT = re.compile(r",\s+(?:and\s+)?(?!\s*(?:L\.?\s?P\.?|L\.?L\.?C\.?|Inc\.?|Ltd\.?|Limited|plc|LLLP|Jr\.?|Sr\.?)\b)(?!\s*or\s+(?:approximately\s+)?\$)|"
                              r"\s+and\s+(?=(?:the\s+)?[A-Z][\w.&'\- ]{0,80}?\s+(?:" + _TX_BUY + "|" + _TX_SELL + r")\s)|;\s*")
_TX_CLAUSE = re.compile(
    r"^(?P<holder>(?:the\s+)?[A-Z][\w.,&'\- ]{1,100}?)\s+(?:(?:also|directly|indirectly|collectively)\s+)?"
    r"(?P<verb>" + _TX_BUY + "|" + _TX_SELL + r")\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?"
    r"(?P<n>" + _TX_N + r")\s+(?P<what>.{0,200})$")
_TX_PRICE = re.compile(r"\b(?:at|for|or)\s+(?:a\s+|an\s+)?(?:(?:weighted\s+)?average\s+)?(?:(?:purchase\s+|sale\s+)?price\s+of\s+)?"
                       r"(?:approximately\s+)?(?:US)?\$\s?(?P<p>" + _TX_N + r")\s+per\b", re.I)
#: "for an aggregate purchase price of $1,234,567": the whole consideration, not a price per share
_TX_AGGREGATE = re.compile(r"\b(?:at|for)\s+(?:a\s+|an\s+)?(?:aggregate|total)\s+(?:purchase\s+|sale\s+|sales\s+)?"
                           r"(?:price|consideration|amount|proceeds|cost)\s+of\s+(?:approximately\s+)?(?:US)?\$\s?"
                           r"(?P<v>" + _TX_N + r")(?!\s*(?:per|each)\b)", re.I)
#: the end of an "On <date>, ..." sentence: a period, not that of "Mr." / "Inc." / "L.P." / "J." ("Mr. Voss purchased")
_TX_STOP = re.compile(r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)(?<!\bJr)"
                      r"(?<!\bSr)(?<!\bNo)(?<![\s.][A-Z])\.(?:\s|$)(?!\d)")
#: "the purchase [by Fund A] of 10,000 Shares in the open market on June 17, 2024"
_TX_NOMINAL = re.compile(
    r"\b(?P<noun>[Pp]urchase|[Ss]ale|[Aa]cquisition|[Dd]isposition)\s+(?:by\s+(?P<holder>(?:the\s+)?[A-Z][\w.,&'\- ]{1,80}?)\s+)?"
    r"of\s+(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+)?(?P<n>" + _TX_N + r")\s+(?P<what>(?:[Ss]hares|SHARES)\b"
    r"[^;]{0,160}?)\s+on\s+(?P<date>" + DATE_RE + r")")
#: a table's row of one cell naming the holder of the rows below it ("COBALT RIDGE MASTER FUND, LTD.", "Fund A:")
_TX_GROUP = re.compile(r"[A-Z][A-Za-z.,&'\- ]{2,100}?[:]?")
#: "The Partnership effected the following purchases of Shares ...": the holder of the table below
_TX_INTRO_SUBJECT = re.compile(r"(?:^|[.:;]\s+)((?:[Tt]he\s+)?[A-Z][\w.,&'\- ]{1,80}?)\s+(?:has\s+|have\s+|had\s+)?"
                               r"(?:effected|made|engaged\s+in|entered\s+into|executed)\s+the\s+following\b")
_NAME_LOWER_WORDS = {"of", "and", "the", "for", "de", "du", "la", "van", "von", "der", "&"}


def _group_name(cell: str) -> bool:
    """A cell that is a name (a holder heading its rows), not a sentence: few words, its lower-case words those
    a name may hold ("Fund of the Americas"), not "All of the purchases were effected in the open market"."""
    words = cell.split()
    return bool(_TX_GROUP.fullmatch(cell)) and len(words) <= 8 and all(
        not w[:1].islower() or w in _NAME_LOWER_WORDS for w in words)


_TX_CELL = re.compile(r"\t+|\s{2,}|\s*\|\s*")
_TX_DATE_ONLY = re.compile(r"^(?:" + DATE_RE + r")$")
#: a row of a table whose columns only single spaces separate: "03/10/2026 Purchase 10,000 $4.20" -> its cells
_TX_TOKEN = re.compile(r"(?P<d>" + DATE_RE + r")|(?P<n>\(?(?:US)?\$?\s?(?:" + _TX_N + r")\)?(?:\s?\(\d{1,2}\)|\*{1,3})?)(?=\s|$)|"
                       r"(?P<w>[A-Za-z][A-Za-z.,&'\-/ ]*?)(?=\s+(?:" + DATE_RE + r"|\(?(?:US)?\$?\d)|\s*$)")
_TX_HEAD_WORDS = re.compile(r"date|price|shares|number|quantity|units|amount|buy|sell|purchase|sale|type|nature|"
                            r"transaction|reporting\s+person|name|entity|account|fund|seller|purchaser|buyer", re.I)
#: "See Schedule A", "set forth on Annex A hereto": where Item 5(c)'s transactions are listed
_TX_SCHEDULE_REF = re.compile(
    r"(?i:\b(?:see|refer\s+to|(?:are\s+|is\s+)?(?:set\s+forth|listed|described|contained|included|reported|"
    r"identified|detailed|provided)\s+(?:in|on))\s+(?:the\s+)?(?:attached\s+|accompanying\s+)?)"
    r"(?P<word>Schedule|Annex|Appendix|Exhibit|SCHEDULE|ANNEX|APPENDIX|EXHIBIT)\s+(?P<tag>[A-Z]|\d{1,3}(?:\.\d{1,3})?|[IVX]{1,5})(?![\w.]*\w)")


def _tx_side(text: str) -> str | None:
    t = text.lower()
    if re.search(r"\b(?:sells?|sold|sales?|dispos\w*|transfer\w*)\b", t):
        return "D"
    if re.search(r"\b(?:buys?|bought|purchases?d?|acqui\w*|received)\b", t):
        return "A"
    return None


def _tx_cells(line: str) -> list[str]:
    """A table line's cells: split at tabs, two spaces or '|'; a line of one cell that only single spaces
    separate ("03/10/2026 10,000 $4.20") split into its dates, numbers and runs of words."""
    cells = [c.strip() for c in _TX_CELL.split(line.strip().strip("|")) if c.strip()]
    if len(cells) == 1 and len(cells[0]) <= 300 and re.search(r"\d", cells[0]):
        toks = [m.group(0).strip() for m in _TX_TOKEN.finditer(cells[0]) if m.group(0).strip()]
        if len(toks) >= 2 and "".join(toks).replace(" ", "") == cells[0].replace(" ", ""):
            return toks
    return cells


def _tx_header(line: str) -> dict[str, int] | None:
    """The columns a table's header line names ({"date": 0, "shares": 1, "price": 2, ...}), cells or (when
    only single spaces separate them) the order its column words stand in; None if it is no such header."""
    cells = [c.strip() for c in _TX_CELL.split(line.strip().strip("|")) if c.strip()]
    if len(cells) == 1 and len(line) < 200 and not re.search(r"\d", line):
        # "Trade Date Shares Purchased Price Per Share": one column per column word, in order
        words = [m for m in _TX_HEAD_WORDS.finditer(line)]
        cells, last = [], None
        for m in words:
            w = m.group(0).lower()
            kind = ("date" if w == "date" else "price" if w == "price" else
                    "shares" if re.fullmatch(r"shares|number|quantity|units|amount", w) else
                    "name" if re.fullmatch(r"reporting\s+person|name|entity|account|fund|seller|purchaser|buyer", w) else "side")
            if kind == last or (kind == "side" and last == "shares"):
                if kind == "side" and last == "shares":
                    cells[-1] += " " + w  # "Shares Purchased"
                continue
            if kind == "side" and last in ("date", "price", None) and cells and re.search(r"transaction", w):
                continue  # "Date of Transaction"
            cells.append(w)
            last = kind
    low = [c.lower() for c in cells]
    if not (len(cells) >= 2 and any("date" in c for c in low) and any(
            re.search(r"shares|number|quantity|units|amount", c) for c in low if "date" not in c)):
        return None
    cols: dict[str, int] = {}
    for j, c in enumerate(low):
        if "date" in c and "date" not in cols:
            cols["date"] = j
        elif "price" in c and "price" not in cols:
            cols["price"] = j
        elif re.search(r"shares|number|quantity|units|amount", c) and "shares" not in cols:
            cols["shares"] = j
            if _tx_side(c):
                # "Shares Purchased (Sold)", "Purchased/(Sold)": both, so a number not in parentheses is a purchase
                both = _tx_side(re.sub(r"\b(?:sells?|sold|sales?|dispos\w*|transfer\w*)\b", "", c)) == "A"
                cols["side_hdr"] = 1 if both or _tx_side(c) == "A" else 0
        elif re.search(r"buy|sell|purchase|sale|type|nature|transaction", c) and "side" not in cols:
            cols["side"] = j
        elif re.search(r"reporting\s+person|name|entity|account|fund|seller|purchaser|buyer", c) and "name" not in cols:
            cols["name"] = j
    return cols


def _tx_lines(text: str) -> list[str]:
    """The text's lines, a flattened table ("Date Shares Price 03/10/2026 10,000 $4.20 03/12/2026 ...") cut
    before each of its dates."""
    out = []
    for ln in text.splitlines():
        ds = list(re.finditer(DATE_RE, ln))
        pre = ln[:ds[0].start()] if len(ds) >= 2 else ""
        cut = max((m.end() for m in re.finditer(r"[:.]\s+", pre)), default=0)  # the header after the intro
        if len(ds) >= 2 and _tx_header(pre[cut:]) is not None:
            cuts = [0, cut] + [d.start() for d in ds] + [len(ln)]
            out.extend(ln[a:b_] for a, b_ in zip(cuts, cuts[1:]) if ln[a:b_].strip())
        else:
            out.append(ln)
    return out


def read_transactions(text: str) -> list[dict]:
    """The transactions in the class a text states ("On [or about] March 3, 2025, Fund A purchased 10,000
    Shares at $12.50 per Share" / "... for an aggregate purchase price of $125,000") or a table lists (date /
    shares / price rows, with or without a holder or buy / sell column, cells split by tabs, '|', aligned
    spaces or single spaces): [{holder (the name as written, None if the text names none), date, shares,
    price (per share), value (aggregate), side 'A' | 'D' | None, text}].  Trades in options, warrants or
    notes are not trades in the class: not read."""
    from ._components import INSTRUMENT

    out: list[dict] = []
    flat = " ".join(text.split())
    for on in _TX_ON.finditer(flat):
        date = parse_date(on.group("date"))
        rest = flat[on.end():]
        stop = _TX_STOP.search(rest)
        rest = rest[:stop.start()] if stop else rest
        if date is None:
            continue
        clauses = [c for c in _TX_CLAUSE_SPLIT.split(rest) if c and c.strip()]
        matched = [(c, m) for c in clauses if (m := _TX_CLAUSE.match(c.strip()))]
        one = len(matched) == 1  # the sentence's price, wherever it stands, is that transaction's
        for clause, m in matched:
            what = m.group("what")
            if INSTRUMENT.search(re.split(r"\s+(?:at|for)\s", what)[0][:80]):
                continue  # options, warrants, notes: not the class
            pm = _TX_PRICE.search(what) or (_TX_PRICE.search(rest) if one else None)
            am = _TX_AGGREGATE.search(what) or (_TX_AGGREGATE.search(rest) if one else None)
            out.append({"holder": m.group("holder"), "date": date, "shares": parse_decimal(m.group("n")),
                        "price": parse_decimal(pm.group("p")) if pm else None,
                        "value": parse_decimal(am.group("v")) if am else None,
                        "side": "D" if re.match(_TX_SELL, m.group("verb")) else "A",
                        "text": f"{on.group(0).strip().rstrip(',')}, {(rest if one else clause).strip()}"})
    # "Other than the purchase of 10,000 Shares in the open market on June 17, 2024, X has not ...": a transaction
    # named by its noun (the holder "by" it names, else none: the person whose text it is)
    for sent in _TX_STOP.split(flat):
        found = [m for m in _TX_NOMINAL.finditer(sent) if not INSTRUMENT.search(m.group("what")[:80])]
        for m in found:
            date, shares = parse_date(m.group("date")), parse_decimal(m.group("n"))
            if date is None or any(t["date"] == date and t["shares"] == shares for t in out):
                continue  # read above as "On <date>, X purchased N Shares"
            pm = _TX_PRICE.search(m.group("what")) or (_TX_PRICE.search(sent) if len(found) == 1 else None)
            am = _TX_AGGREGATE.search(m.group("what")) or (_TX_AGGREGATE.search(sent) if len(found) == 1 else None)
            out.append({"holder": m.group("holder"), "date": date, "shares": shares,
                        "price": parse_decimal(pm.group("p")) if pm else None,
                        "value": parse_decimal(am.group("v")) if am else None,
                        "side": "D" if m.group("noun").lower() in ("sale", "disposition") else "A",
                        "text": sent.strip()})
    # tables: a header row naming a date and a number of shares, then one row per transaction
    lines = _tx_lines(text)
    cols: dict[str, int] | None = None
    intro = ""
    group: str | None = None  # the holder a row of its own names for the rows below it
    for i, ln in enumerate(lines):
        hdr = _tx_header(ln)
        if hdr is not None:
            cols, group = hdr, None
            intro = " ".join(lines[max(0, i - 3):i])
            continue
        if cols is None or "shares" not in cols or "date" not in cols:
            continue
        if not ln.strip(" \t-_=|+\u2014\u2013"):
            continue  # a rule under the header ("----   ------"), or what is left of it
        cells = _tx_cells(ln)
        if len(cells) < max(v for k, v in cols.items() if k != "side_hdr") + 1:
            if len(cells) == 1 and "name" not in cols and _group_name(cells[0]):
                group = cells[0]  # "COBALT RIDGE MASTER FUND, LTD." above its rows
            elif len(cells) == 1 and group is not None and cells[0].startswith("("):
                pass  # "(Through the Managed Account)": a note under the holder's name
            elif cells:
                cols, group = None, None  # the table has ended
            continue
        d = cells[cols["date"]]
        date = parse_date(d) if _TX_DATE_ONLY.match(d) else None
        fn = r"(?:\s?\(\d{1,2}\)|\*{1,3})?"  # a footnote mark: "$4.20(1)", "10,000*"
        nm = re.fullmatch(r"\(?(" + _TX_N + r")\)?" + fn, cells[cols["shares"]].replace("$", "").strip())
        if date is None or not nm:
            continue
        pm = re.fullmatch(r"\(?(?:US)?\$?\s?(" + _TX_N + r")\)?" + fn, cells[cols["price"]]) if "price" in cols else None
        side = _tx_side(cells[cols["side"]]) if "side" in cols else None
        if side is None and cells[cols["shares"]].startswith("("):
            side = "D"  # "Shares Purchased (Sold)": a number in parentheses is a sale
        if side is None and "side_hdr" in cols:
            side = "A" if cols["side_hdr"] else "D"
        if side is None:
            side = _tx_side(intro)
        if "name" in cols:
            holder = cells[cols["name"]]
        elif group is not None:
            holder = group
        else:
            im = re.search(r"\bby\s+((?:the\s+)?[A-Z][\w.,&'\- ]{1,80}?)(?=\s+(?i:during|in|since|on|within|for|"
                           r"through|is|are|were|was)\b|\s*[:.(]|$)", intro)
            if im is None:  # "The Partnership effected the following purchases ...": the intro's subject
                im = _TX_INTRO_SUBJECT.search(intro)
            holder = im.group(1) if im and not re.match(r"(?:the\s+)?Reporting\s+Persons?$", im.group(1)) else None
        out.append({"holder": holder, "date": date, "shares": parse_decimal(nm.group(1)),
                    "price": parse_decimal(pm.group(1)) if pm else None, "value": None, "side": side,
                    "text": (f"{group}: " if group is not None and "name" not in cols else "") + " | ".join(cells)})
    return out


def schedule_ref(text: str) -> str | None:
    """The schedule Item 5(c) cites for its transactions ("See Schedule A" -> "Schedule A")."""
    flat = " ".join(text.split())
    for m in _TX_SCHEDULE_REF.finditer(flat):
        if re.search(r"\b(?:persons?|individuals?|officers|directors|entities|parties)\s*$", flat[max(0, m.start() - 40):m.start()],
                     re.I):
            continue  # "none of the persons listed on Schedule I": a list of persons, not of transactions
        return f"{m.group('word').capitalize()} {m.group('tag')}"
    return None


def schedule_body(text: str, label: str) -> str | None:
    """The part of ``text`` under a heading line ``label`` ("SCHEDULE A", "Schedule A - Transactions ..."),
    up to the next such heading or the signatures; None if no line begins so."""
    word, _, tag = label.partition(" ")
    head = re.compile(r"(?im)^[ \t*#_\-]*" + re.escape(word) + r"\s+" + re.escape(tag) + r"(?![\w.]*\w)[^\n]{0,200}$")
    m = head.search(text)
    if not m:
        return None
    rest = text[m.end():]
    nxt = re.search(r"(?im)^[ \t*#_\-]*(?:Schedule|Annex|Appendix|Exhibit)\s+(?!" + re.escape(tag) + r"\b)\S+[^\n]{0,100}$|"
                    r"^[ \t]*SIGNATURES?\b", rest)
    return rest[:nxt.start()] if nxt else rest


def emit_transactions(relate, holder_of, txs: list[dict], section: str) -> int:
    """Each of ``txs`` (:func:`read_transactions`) whose holder ``holder_of`` knows, as
    ``relate(holder, props, section, text, discriminator)``; the number recorded."""
    n = 0
    for t in txs:
        holder = holder_of(t["holder"])
        if holder is None:
            continue
        props = {k: v for k, v in (("basis", "transaction"), ("transaction_date", t["date"]),
                                   ("transaction_shares", t["shares"]), ("transaction_price", t["price"]),
                                   ("transaction_value", t["value"]), ("acquired_disposed", t["side"]),
                                   ("as_of", t["date"])) if v is not None}
        relate(holder, props, section, t["text"],
               f"transaction:{t['date']}:{t['shares']}:{t['price']}:{t['side']}")
        n += 1
    return n


#: a holder written as the filer itself: "the Reporting Person" (one), "He", "It"
_SELF = re.compile(r"(?i:the\s+(?:reporting|filing)\s+person|such\s+(?:reporting\s+)?person)|He|She|It")


def holder_resolver(res: Any, rps: list[str], default: str | None = None):
    """``holder_of(name)``: the key of a holder as written (resolved by ``res``, a :class:`._prose.Resolver`:
    names, aliases, defined terms such as "the Partnership"; never the issuer), and for a text that names
    none (or names "the Reporting Person", "He"), ``default`` (the person whose part of the item it is) or else the only reporting person."""
    def holder_of(name: str | None) -> str | None:
        if name and _SELF.fullmatch(name.strip(" ,")):
            name = None  # "the Reporting Person", "He": the person whose text it is, or the only one
        if name:
            k = res.resolve(name.strip(" ,"))
            if k and k != "issuer":
                return k
            return None
        if default is not None:
            return default
        return rps[0] if len(rps) == 1 else None
    return holder_of


def once(facts: FilingFacts, add: Callable) -> Callable:
    """``relate`` for :func:`item5c_transactions`: ``add`` (the loader's way of recording a HOLDS with basis
    "transaction") called once per holder and transaction, never again for one the facts already hold (a
    transaction read from both the item and the schedule it cites, or on a second pass over an exhibit)."""
    seen = {(r.source, r.discriminator) for r in facts.relations if r.type == EdgeKind.HOLDS}

    def relate(holder, props, section, text, disc):
        if (holder, disc) not in seen:
            seen.add((holder, disc))
            add(holder, props, section, text, disc)
    return relate


def read_item5c(parts: Iterable[tuple[str | None, str]], others: list[str], relate: Callable,
                holder_of_part: Callable[[str | None], Callable], source: str) -> tuple[str | None, str | None]:
    """Every Item 5(c) text of a document (``parts``: (the key of the person whose part of Item 5 it is, or None;
    the text)), read by :func:`item5c_transactions`; returns the label of a cited schedule that none of the
    document's texts holds and the warning to give while no exhibit supplies it, else (None, None)."""
    missing = None
    for key, part in parts:
        label = item5c_transactions(part, others, relate, holder_of_part(key))
        missing = missing or label  # the first schedule cited and not found
    return (missing, missing_schedule_warning(source, missing)) if missing else (None, None)


def item5c_transactions(text: str, others: Iterable[str], relate: Callable, holder_of: Callable,
                        section: str = "Item 5(c)") -> str | None:
    """Item 5(c)'s ``text``: its transactions (cited to ``section``), and those of the schedule it cites ("See
    Schedule A"), under the schedule's heading in ``text`` itself or else in one of ``others`` (the document's
    other parts, cited to the schedule's label).  ``relate(holder, props, section, text, discriminator)``
    records one; ``holder_of(name)`` is the key of a holder as written (None: the text names none).  Returns
    the label of a cited schedule none of these texts holds (for :func:`exhibit_transactions`), else None."""
    emit_transactions(relate, holder_of, read_transactions(text), section)
    label = schedule_ref(text)
    if label is None or schedule_body(text, label) is not None:
        return None  # no schedule cited, or the item itself holds it (read above)
    # the schedule under its heading in another part's text, unless that is only a list of exhibits
    found = [read_transactions(body) for t in others if (body := schedule_body(t, label)) is not None]
    if any(found):
        for txs in found:
            emit_transactions(relate, holder_of, txs, label)
        return None
    return label


def missing_schedule_warning(source: str, label: str) -> str:
    """The warning a loader gives while the schedule Item 5(c) cites is not found (dropped once it is)."""
    return (f"{source}: Item 5(c) cites {label} for its transactions, which this document "
            f"does not hold: not read unless an exhibit of the submission carries it")


def exhibit_transactions(facts: FilingFacts, exhibits: list[tuple[dict, bytes, str]], source: str) -> int:
    """13D Item 5(c) "See Schedule A": the transactions the cited exhibit (a document of the submission, or one
    attached inside the XML, carrying the label) lists, cited to the label; the warning that it was not read
    goes once it is."""
    doc = facts.document if isinstance(facts.document, dict) else {}
    info = doc.get("item_5c_schedule")
    if not info or not info.get("schedule") or info.get("found"):
        return 0
    from ._item7 import cited_exhibits
    from ._prose import Resolver, _prov, _seed_aliases

    label = info["schedule"]
    cls = next((e.key for e in facts.entities if e.key == "sec:class"), None)
    if cls is None:
        return 0
    res = Resolver(facts)
    _seed_aliases(res, facts)
    rps = [e.key for e in facts.entities if e.key.startswith("rp:")]
    relate = once(facts, lambda holder, props, section, text, disc: facts.relations.append(_construct(
        RelationFact, {"type": EdgeKind.HOLDS, "source": holder, "target": cls, "props": props,
                       "prov": _prov(facts, None, section, text), "discriminator": disc})))

    n = 0
    for text, is_cited in cited_exhibits(exhibits, label):
        if not is_cited:
            continue
        body = schedule_body(text, label) or text
        n += emit_transactions(relate, holder_resolver(res, rps), read_transactions(body), label)
    if n:
        info["found"] = n
        facts.warnings[:] = [w for w in facts.warnings if f"Item 5(c) cites {label} " not in w]
    return n



#: where Item 5's sub-item (c) begins: "(c)" opening a line (after bullets, a tab or "Item 5"), "Item 5(c)"
_PART_C = re.compile(r"(?im)^[ \t\-•*#>]*(?:\*\*)?\s*(?:item\s*5\s*)?\(\s*c\s*\)[ \t.:\-–—]*|\bItem\s*5\s*\(\s*c\s*\)[ \t.:\-–—]*")
#: "(b) ... sole power to vote.  (c) On June 3, ...": the sub-items run on in one paragraph
_PART_C_INLINE = re.compile(r"(?<=[.;]) {1,3}\(c\)\s+(?=[A-Z])")
_PART_END_INLINE = re.compile(r"(?<=[.;]) {1,3}\([de]\)\s+(?=[A-Z])")
#: where it ends: the next sub-item, (d) or (e), opening a line
_PART_END = re.compile(r"(?im)^[ \t\-•*#>]*(?:\*\*)?\s*(?:item\s*5\s*)?\(\s*[de]\s*\)")


def item5c_part(text: str) -> str | None:
    """The text of sub-item (c) of a classic filing's Item 5 (its lines kept: a table stays a table), from the
    "(c)" that opens a line (or "Item 5(c)") to the "(d)" / "(e)" that opens the next -- or, in a paragraph where
    the sub-items run on, from the "(c)" after a sentence to the "(d)" after another; None if none is there."""
    m = _PART_C.search(text)
    inline = m is None
    if inline:
        m = _PART_C_INLINE.search(text)
        if m is None:
            return None
    rest = text[m.end():]
    end = _PART_END.search(rest)
    if inline:
        end2 = _PART_END_INLINE.search(rest)
        end = end2 if end is None or (end2 is not None and end2.start() < end.start()) else end
    part = rest[:end.start()] if end else rest
    return part if part.strip() else None
