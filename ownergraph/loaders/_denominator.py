"""The denominator of a Schedule 13D/13G percentage, as the filing states it.

Filers say what the "percent of class" is computed on in many ways; this module reads the statement
into its parts rather than one number:

* "based on 514,694,504 shares outstanding as of April 29, 2025" -- a base;
* "based upon (i) the 672,050,553 Depositary Units stated to be outstanding as of May 6, 2026, ... plus (ii)
  the 36,456,030 Depositary Units issued to the Reporting Persons ... on June 25, 2026" -- a base and an added
  number of units *issued* since (outstanding now);
* "based on 10,000,000 shares outstanding ..., plus 500,000 shares issuable upon exercise of the Warrants ...
  pursuant to Rule 13d-3(d)(1)(i)" -- a base and shares only the holder can acquire (Rule 13d-3(d)(1): added
  to the denominator of that holder alone, not outstanding);
* "based on a total of 10,500,000 shares, consisting of ..." / "which includes 500,000 shares issuable ..." --
  a stated total.

``parse_denominator(text)`` gives ``Denominator`` (or ``None``): ``base``, ``base_date``, ``added`` (each with
``shares``, ``issuable`` and the words that describe it), ``total`` as stated (``total_stated``) or summed,
``rule_13d3_d1`` when the text cites the rule, and ``outstanding``: the class's shares outstanding the
statement implies (base plus shares issued since; less shares issuable that a stated total includes).
Pure functions of the text: shared by the XML and text Schedule 13D/G loaders.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal

from ._text import DATE_RE, GROUPED_COUNT_RE, parse_count, parse_date

_NUM = GROUPED_COUNT_RE + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{4,}(?:\.\d+)?"
#: a number of shares / units: the number, then (within a few words, no other number) the unit word
_AMOUNT = re.compile(
    r"(?<![\d,.$])(" + _NUM + r")(?![\d,])(?:\s+(?:million|billion)\b)?"
    r"(?=\s+(?:(?:outstanding|issued|additional|newly|of|the|Issuer'?s?|Company'?s?|[A-Z][\w.\-']*|"
    r"par|value|\$[\d.]+|per|common|ordinary|voting|non-voting|class|series|limited|partner(?:ship)?|"
    r"representing|registered|American)[\s,]+){0,8}?"
    r"(?:shares?|units?|stock|ADSs?|interests|ordinary\s+shares|depositary)\b)", re.I)
_ANCHOR = re.compile(
    r"\b(?:based\s+(?:up)?on|calculated\s+(?:based\s+)?(?:up)?on|computed\s+(?:based\s+)?(?:up)?on|"
    r"on\s+the\s+basis\s+of|by\s+reference\s+to|using|the\s+sum\s+of|denominator\s+of|divided\s+by)\b", re.I)
_OUTSTANDING = re.compile(r"\boutstanding\b", re.I)
_ISSUABLE = re.compile(
    r"\b(?:issuable|underlying|acquirable|subject\s+to|may\s+be\s+acquired|(?:right|rights)\s+to\s+acquire|"
    r"upon\s+(?:the\s+)?(?:exercise|conversion|vesting|settlement|exchange)|"
    r"(?:exercise|conversion)\s+of|exercisable|convertible)\b", re.I)
_ISSUED = re.compile(r"\b(?:issued|sold|delivered)\b", re.I)
_PLUS = re.compile(r"\b(?:plus|and|together\s+with|in\s+addition\s+to|as\s+well\s+as)\b|\+", re.I)
_TOTAL = re.compile(r"\b(?:a\s+total\s+of|an\s+aggregate\s+of|total(?:ing)?|aggregate\s+of|the\s+sum\s+of)\s*$", re.I)
_INCLUDES = re.compile(r"\b(?:which\s+(?:number\s+)?includes?|including|consisting\s+of|comprised\s+of|"
                       r"comprising|which\s+is\s+the\s+sum\s+of|being\s+the\s+sum\s+of)\b", re.I)
_SUM = re.compile(r"\b(?:which\s+(?:is|represents|equals)\s+the\s+sum\s+of|being\s+the\s+sum\s+of|(?:calculated|computed)\s+as\s+the\s+sum\s+of|"
                  r"consisting\s+of|comprised\s+of|comprising)\b", re.I)
_REPORT_WORDS = re.compile(r"\b(?:filed|reported|report|Form|Prospectus|Commission|SEC|dated)\b", re.I)
_RULE = re.compile(r"Rule\s+13d-3\s*\(\s*d\s*\)\s*\(\s*1\s*\)", re.I)
_AS_OF = re.compile(r"\b(?:as\s+of|as\s+at|on)\s+(" + DATE_RE + ")", re.I)
#: a full stop that ends the statement (not the one of "Inc." or "No.")
_STOP = re.compile(r"(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)(?<!\bNo)(?<!\bL\.P)(?<!\bU\.S)(?<!\bS\.A)"
                   r"(?<!\bN\.V)(?<!\b[A-Z])\.(?=\s+[A-Z(\"“]|\s*$)")
_PERCENT_OF = re.compile(r"%|\bper\s*cent\b|\bpercent\b", re.I)
_WINDOW = 900
_MAX_TRIES = 64
#: "the exercise of warrants to purchase 2,000,000 shares": the words before the number say it is acquirable
_ACQUIRE_BEFORE = re.compile(r"\b(?:to\s+purchase|to\s+acquire|exercise|conversion|warrants?|options?|convertible)\b", re.I)
_TRAIL = re.compile(r"(?:[\s,;]+(?:and|plus)?\s*(?:\(\s*\w{1,4}\s*\))?)+$|[\s,;]+(?:and|plus)$")
_LATER_CLAUSE = re.compile(r"\(\s*(?:ii|iii|iv|b|c|2|3)\s*\)")
_LEAD = re.compile(r"^[\s,;:(]*(?:\(?(?:i|a|1)\)\s*)?(?:the\s+)?")


@dataclass
class Added:
    shares: Decimal
    issuable: bool
    text: str


@dataclass
class Denominator:
    text: str
    base: Decimal | None = None
    base_date: dt.date | None = None
    added: list[Added] = field(default_factory=list)
    total: Decimal | None = None
    total_stated: bool = False
    rule_13d3_d1: bool = False
    includes_added: bool = False

    @property
    def outstanding(self) -> Decimal | None:
        """The class's shares outstanding this statement implies."""
        if self.base is None:
            return None
        issued = sum((a.shares for a in self.added if not a.issuable), Decimal(0))
        issuable = sum((a.shares for a in self.added if a.issuable), Decimal(0))
        if self.includes_added:
            return self.base - issuable  # "N shares ..., which includes M shares issuable upon ..."
        return self.base + issued

    def as_dict(self) -> dict:
        out: dict = {"text": self.text, "base": self.base, "base_date": self.base_date,
                     "added": [{"shares": a.shares, "issuable": a.issuable, "text": a.text} for a in self.added],
                     "total": self.total, "total_stated": self.total_stated, "rule_13d3_d1": self.rule_13d3_d1,
                     "includes_added": self.includes_added, "outstanding": self.outstanding}
        return {k: v for k, v in out.items() if v is not None and v != [] and v is not False}


def _statement(text: str, start: int) -> str:
    m = _STOP.search(text, start, min(len(text), start + _WINDOW))
    return text[start: m.start() if m else min(len(text), start + _WINDOW)]


def _amounts(span: str) -> list[re.Match]:
    return [m for m in _AMOUNT.finditer(span) if parse_count(m.group(1)) is not None]


def _read(span: str, anchored: bool) -> Denominator | None:
    """The parts of one statement ``span`` (the text after 'based on', or a sentence naming outstanding shares)."""
    found = _amounts(span)
    if not found:
        return None
    d = Denominator(text=_LEAD.sub("", " ".join(span.split()))[:600], rule_13d3_d1=bool(_RULE.search(span)))
    pieces = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(span)
        pieces.append((m, span[m.end():end], span[found[i - 1].end() if i else 0: m.start()]))
    for i, (m, after, before) in enumerate(pieces):
        n = parse_count(m.group(1))
        mult = m.group(0)[len(m.group(1)):].strip().lower()
        if mult in ("million", "billion"):
            n = n * (10 ** 6 if mult == "million" else 10 ** 9)
        words = after[:220]
        if d.base is None and d.total is None and _TOTAL.search(before) and (
                _INCLUDES.search(words) or i + 1 < len(pieces) and _INCLUDES.search(pieces[i][1])):
            d.total, d.total_stated = n, True  # "a total of 10,500,000 shares, consisting of (i) ..."
            continue
        if d.base is None:
            if not _OUTSTANDING.search(words) and not anchored:
                return None
            if _ISSUABLE.search(words[:120]) and not _OUTSTANDING.search(words[:80]):
                if not anchored:
                    return None
            d.base = n
            dm = _AS_OF.search(words)
            if dm and not _amounts(words[:dm.start()]) and not (
                    dm.group(0).lower().startswith("on") and _REPORT_WORDS.search(words[:dm.start()])):
                d.base_date = parse_date(dm.group(1))  # not "... in its Prospectus filed ... on May 1, 2026"
            if _SUM.search(after[:80]):
                # "37,011,357 shares outstanding, which is the sum of (i) 27,402,024 shares outstanding as of ...":
                # the total stated; its first part is the base
                d.total, d.total_stated, d.base, d.base_date = n, True, None, None
                continue
            if _INCLUDES.search(after):
                d.includes_added = True  # "N shares outstanding, which includes M shares issuable upon ..."
            continue
        joined = (_PLUS.search(before[-60:]) or _INCLUDES.search(before[-80:])
                  or _LATER_CLAUSE.search(before) or d.includes_added and i == 1)
        if not joined:
            break  # another number of the sentence (a holding, a price): the statement has ended
        issuable = (bool(_ISSUABLE.search(words[:200])) or bool(_ACQUIRE_BEFORE.search(before[-120:]))) and not (
            _ISSUED.search(words[:40]) and not _ISSUABLE.search(words[:40]))
        d.added.append(Added(n, issuable, _TRAIL.sub("", " ".join((m.group(0) + words).split()))[:300]))
    if d.base is None and d.total is not None and d.added:
        pass  # the total's parts are the added numbers
    if d.base is None and d.total is None:
        return None
    if d.total is None and d.added:
        d.total = d.base if d.includes_added else d.base + sum(a.shares for a in d.added)
    if d.total_stated and d.base is None and d.added:
        # "a total of T shares, consisting of (i) B shares outstanding ... and (ii) M shares issuable ..."
        first = d.added[0]
        d.base = first.shares
        d.added = d.added[1:]
        d.includes_added = False
    return d


def parse_denominator(text: str | None) -> Denominator | None:
    """The first statement of shares outstanding in ``text`` (see the module's doc), else ``None``."""
    if not text or ("outstanding" not in text.lower() and not _ANCHOR.search(text)):
        return None
    t = " ".join(text.split())
    for i, am in enumerate(_ANCHOR.finditer(t)):
        if i >= _MAX_TRIES:
            break
        span = _statement(t, am.end())
        if not _OUTSTANDING.search(span) and not re.search(r"\bissued\b|\bshares\b|\bunits\b", span, re.I):
            continue
        first = _amounts(span[:200])
        if not first:
            continue
        d = _read(span, anchored=True)
        if d is not None and (_OUTSTANDING.search(span) or d.total_stated):
            return d
    for i, om in enumerate(_OUTSTANDING.finditer(t)):
        if i >= _MAX_TRIES:
            break  # bounded work on a hostile or run-on text
        # "... 25,000,000 Ordinary Shares issued and outstanding as of ...": the number before "outstanding"
        lo = max(0, om.start() - 200)
        cands = [m for m in _amounts(t[lo:om.start()])]
        if not cands:
            continue
        m = cands[-1]
        between = t[lo + m.end(): om.start()]
        if _ISSUABLE.search(between) or len(between) > 120 or _PERCENT_OF.search(between):
            continue  # "owns 2,500,000 Shares, representing 11.9% of the Shares outstanding": a holding
        d = _read(_statement(t, lo + m.start()), anchored=False)
        if d is not None:
            return d
    return None
