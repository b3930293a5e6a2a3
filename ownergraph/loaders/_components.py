"""Components of a Schedule 13D/13G holding stated in prose, and the instruments they name.

"beneficially owns 1,250,000 Shares, consisting of (i) 1,000,000 Shares held by Fund A and (ii) 250,000 Shares
issuable upon exercise of Warrants": ``parse_components`` reads each enumerated part (shares, direct or
derivative, the instrument, the holder it names); ``INSTRUMENT`` finds instrument names ("Series C Convertible
Preferred Stock", "Pre-Funded Warrants", "options") and ``instrument_title`` gives the Security's name.  Shared by
the text and the XML Schedule 13D/G loaders.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from ._text import GROUPED_COUNT_RE, parse_count

INSTRUMENT = re.compile(
    r"\b((?:Series\s+[A-Z0-9-]+\s+)?(?:Convertible\s+|Redeemable\s+|Participating\s+)*Preferred\s+(?:Stock|Shares)|"
    r"(?:Series\s+[A-Z0-9-]+\s+|Pre-Funded\s+|Prefunded\s+|Common\s+Stock\s+Purchase\s+|Class\s+[A-Z]\s+)?[Ww]arrants?|"
    r"(?:stock\s+|share\s+|call\s+)?options?\b|restricted\s+stock\s+units?|RSUs?\b|"
    r"\d+(?:\.\d+)?%\s+(?:Senior\s+)?(?:Secured\s+)?(?:Convertible\s+)?(?:Promissory\s+)?(?:Notes?|Debentures?)|"
    r"(?:Senior\s+)?(?:Secured\s+)?Convertible\s+(?:Promissory\s+)?(?:Notes?|Debentures?)|[Cc]onvertible\s+notes?)",
    re.I)


def instrument_title(raw: str) -> str:
    t = " ".join(raw.replace("\t", " ").split())
    low = t.lower()
    if re.fullmatch(r"call\s+options?", low):
        return "Call Options"
    if re.fullmatch(r"(?:stock\s+|share\s+)?options?", low):
        return "Stock Options"
    if re.fullmatch(r"restricted\s+stock\s+units?|rsus?", low):
        return "Restricted Stock Units"
    if re.fullmatch(r"warrants?", low):
        return "Warrants"
    words = []
    for w in t.split():
        words.append(w if (w[:1].isupper() or w[:1].isdigit()) else w.capitalize())
    s = " ".join(words)
    if s.endswith("Warrant"):
        s += "s"
    return s


_ACQUIRE = re.compile(r"right\s+to\s+acquire|(?:may|can)\s+acquire|(?:through|by|on)\s+(?:the\s+)?(?:exercise|conversion)\s+of", re.I)


def parse_components(text: str, resolve: Callable[[str], str | None]) -> list[dict]:
    """The enumerated parts ("(i) ...", "(ii) ...") of a holding: {shares, text, kind 'direct' | 'derivative',
    instrument, units, held_by (``resolve`` of the holder named)}."""
    t = " ".join(text.replace("\t", " ").split())
    pieces = re.split(r"\(\s*(?:[ivx]{1,5}|[a-h]|\d{1,2})\s*\)\s*", t)
    out = []
    for piece in pieces[1:]:
        piece = re.sub(r"[,;]?\s*(?:and|plus)?\s*$", "", piece.strip())
        m = re.match(r"(?:an\s+aggregate\s+of\s+|up\s+to\s+)?(\d[\d,]*(?:\.\d+)?)\s+(?:shares?|Shares?|ordinary|units)", piece)
        if not m:
            continue
        n = parse_count(m.group(1))
        rest = piece[m.end():]
        comp: dict[str, Any] = {"shares": n, "text": piece}
        held = re.search(r"(?:held|owned)\s+(?:directly\s+)?(?:of\s+record\s+)?by\s+([A-Z][^,;()]{2,80}?)(?:[,;]|$|\s+and\b)", rest)
        if held:
            comp["held_by"] = resolve(held.group(1))
        im = re.search(r"(?:issuable|underlying|subject\s+to|acquirable|issuable)\s*(?:upon|on)?\s*"
                       r"(?:the\s+)?(?:conversion|exercise|vesting|settlement)?\s*(?:of|to)?\s*"
                       r"(?:(\d[\d,]*(?:\.\d+)?)\s+(?:shares\s+of\s+)?)?(?:the\s+|outstanding\s+|its\s+)*(.+)", rest)
        if re.search(r"issuable|underlying|subject\s+to|upon\s+(?:the\s+)?(?:conversion|exercise)|acquirable", rest) and im:
            inst = INSTRUMENT.search(im.group(2)) or INSTRUMENT.search(rest)
            comp["kind"] = "derivative"
            comp["instrument"] = inst.group(0) if inst else "derivative securities"
            comp["units"] = parse_count(im.group(1)) if im.group(1) else None
        elif _ACQUIRE.search(rest) and INSTRUMENT.search(rest):
            # "1,363,722 shares ... each Filer has the right to acquire through the exercise of a Pre-Funded Warrant"
            comp["kind"] = "derivative"
            comp["instrument"] = INSTRUMENT.search(rest).group(0)
            comp["units"] = None
        else:
            comp["kind"] = "direct"
        out.append(comp)
    return out


# ----------------------------------------------------------------- holdings a sentence states

_N = GROUPED_COUNT_RE + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: "Fund II (directly) holds", "X is the record holder of", "X owns of record" -- present holdings, not purchases
_HOLDS_VERB = re.compile(
    r"\s+(?:(?:currently|also|now|directly|presently|individually|personally)\s+)*"
    r"(?:holds|owns|is\s+the\s+(?:direct\s+|record\s+|registered\s+)*(?:holder|owner)\s+of|"
    r"(?:holds|owns)\s+(?:directly\s+|of\s+record\s+)+|has\s+direct\s+ownership\s+of)\s*"
    r"(?:directly\s+|of\s+record\s+)*(?:an\s+aggregate\s+of\s+|a\s+total\s+of\s+|in\s+the\s+aggregate\s+)?"
    r"(?=(?:" + _N + r")\s|(?:warrants?|options?)\s+to\s+(?:purchase|acquire))", re.I)
#: the subject before the verb: a name (capitalised words, a defined term), not a clause
_SUBJECT = re.compile(r"(?:^|[,;:]\s+|\band\s+|\(\w{1,4}\)\s+)((?:the\s+)?[A-Z][\w.&'\-]*(?:[ ,]+(?:[A-Z][\w.&'\-]*|of|and|&|de|L\.P\.|LLC|Inc\.?))*?)$")
_SHARES_PART = re.compile(
    r"^(?:up\s+to\s+)?(" + _N + r")\s+(?:shares?|Shares?|units?|Units?|ordinary\s+shares|ADSs?|Depositary\s+Units|"
    r"common\s+units|[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4}\s+(?:Shares|Units|Stock))\b(?:\s+of\s+(?:the\s+)?(?:Issuer'?s?\s+)?"
    r"(?P<cls>[A-Z][\w$.,\- ]{0,60}?(?:Stock|Shares|Units|Interests)))?")
#: "warrants to purchase 15,000 shares", "2,000 options exercisable for 2,000 shares"
_DERIV_PART = re.compile(
    r"^(?:(?P<units>" + _N + r")\s+)?(?:shares\s+of\s+)?(?P<inst>[A-Za-z0-9%.\- ]{0,60}?(?:[Ww]arrants?|[Oo]ptions?|Preferred\s+(?:Stock|Shares)|"
    r"[Nn]otes?|[Dd]ebentures?|[Rr]estricted\s+[Ss]tock\s+[Uu]nits?|RSUs?))\s+"
    r"(?:(?:that\s+are\s+|which\s+are\s+)?(?:currently\s+)?(?:exercisable|convertible)\s+(?:for|into)|to\s+(?:purchase|acquire)|"
    r"(?:exercisable|convertible)\s+(?:with\s+respect\s+to|for\s+an\s+aggregate\s+of))\s+(?:up\s+to\s+|an\s+aggregate\s+of\s+)?"
    r"(?P<under>" + _N + r")\s+(?:additional\s+)?(?:shares?|Shares?|units?)")
#: "15,000 shares issuable upon exercise of warrants"
_UNDERLYING_PART = re.compile(
    r"^(?P<under>" + _N + r")\s+(?:shares?|Shares?)(?:\s+of\s+[A-Z][\w ]{0,40}?)?\s+(?:issuable|underlying|acquirable)\s+"
    r"(?:upon\s+(?:the\s+)?(?:exercise|conversion|vesting|settlement)\s+of\s+)?(?:(?P<units>" + _N + r")\s+)?"
    r"(?:the\s+|its\s+|outstanding\s+)*(?P<inst>.{0,80})")
_PART_SPLIT = re.compile(r",?\s+and\s+|,\s+(?=" + _N + r"\s)|;\s*", re.I)
_NOT_PRESENT = re.compile(r"\b(?:previously|formerly|no\s+longer|prior\s+to|had\s+held|until|before\s+the|sold|"
                          r"transferred|would|will|may\s+acquire|if\b)", re.I)
_PASSIVE = re.compile(
    r"(?<![\d,.])(?P<n>" + _N + r")\s+(?:shares?|Shares?|units?|Units?|Depositary\s+Units)(?:\s+of\s+(?:the\s+)?[A-Z][\w$.\- ]{0,50}?)?"
    r"\s+(?:that\s+are\s+|which\s+are\s+|are\s+|is\s+)?(?:held|owned)\s+(?:directly\s+)?(?:of\s+record\s+)?(?:directly\s+)?by\s+"
    r"(?P<holder>(?:the\s+)?[A-Z][^,;()]{1,80}?)(?=\s*(?:[,;.)]|$|\s+and\b|\s+\(|\s+for\b|\s+as\b|\s+which\b))")


def _part(text: str) -> dict | None:
    t = text.strip(" ,.;")
    m = _DERIV_PART.match(t)
    if m and INSTRUMENT.search(m.group("inst")):
        inst = INSTRUMENT.search(m.group("inst")).group(0)
        return {"kind": "derivative", "instrument": inst, "units": parse_count(m.group("units")) if m.group("units") else None,
                "underlying": parse_count(m.group("under")), "text": t}
    m = _UNDERLYING_PART.match(t)
    if m and INSTRUMENT.search(m.group("inst") or ""):
        return {"kind": "derivative", "instrument": INSTRUMENT.search(m.group("inst")).group(0),
                "units": parse_count(m.group("units")) if m.group("units") else None,
                "underlying": parse_count(m.group("under")), "text": t}
    m = _SHARES_PART.match(t)
    if m:
        cls = m.group("cls") or ""
        inst = INSTRUMENT.search(cls) if cls else None
        if inst:  # "10,000 shares of Series A Preferred Stock": units of another class
            return {"kind": "derivative", "instrument": inst.group(0), "units": parse_count(m.group(1)),
                    "underlying": None, "text": t}
        return {"kind": "direct", "shares": parse_count(m.group(1)), "text": t}
    return None


#: "Each of Fund A, Fund B and Fund C (directly) holds": the names listed after "each of", up to the verb
_EACH_OF = re.compile(r"(?:^|[.;:]\s+|,\s+)(?:As\s+of\s+[^,]{3,40},\s+)?[Ee]ach\s+of\s+((?:the\s+)?[A-Z][^;:]{2,240}?)\s*$")


def _each_names(text: str) -> list[str]:
    """The holders "each of" lists ("Fund A, Fund B and Fund C", "A and B"), each a capitalised name (a
    defined term or a full name; a comma before an entity suffix stays in the name)."""
    t = re.sub(r"\s+(?:directly|currently|individually)$", "", text.strip(" ,"))
    parts = re.split(r",\s*(?:and\s+)?(?!\s*(?:L\.?\s?P\.?|L\.?L\.?C\.?|Inc\.?|Ltd\.?|Limited|plc|LLLP|Jr\.?|Sr\.?)\b)|"
                     r"\s+and\s+(?=(?:the\s+)?[A-Z])", t)
    names = [p.strip(" ,") for p in parts if p and p.strip(" ,")]
    if len(names) < 2 or any(not re.match(r"(?:the\s+)?[A-Z]", n) or len(n.split()) > 10 for n in names):
        return []
    return names


#: "Includes 775,800 shares of Common Stock issuable upon exercise of call options" (a cover page's comment,
#: Item 4): some of the aggregate, not the whole of it
_INCLUDES = re.compile(r"\b(?:includes|including|include|included\s+(?:herein|above)\s+are)\s+(?:an\s+aggregate\s+of\s+)?"
                       r"(?=(?:" + _N + r")\s)", re.I)


#: "held by his spouse", "held in her IRA", "owned through its subsidiaries": held for the person the aggregate is of
_HELD_BY_OWN = re.compile(r"\b(?:held|owned)\s+(?:directly\s+|indirectly\s+)?(?:by|in|through|for)\s+((?:his|her|its|their)\s+"
                          r"[a-z][\w'\- ]{1,60}?)\s*$", re.I)


def included_parts(text: str) -> list[dict]:
    """The parts an "Includes ..." sentence names of the aggregate: "Includes 775,800 shares of Common Stock
    issuable upon exercise of call options and 10,000 shares held by the Trust" -> [{kind 'derivative',
    instrument 'call options', underlying 775800, text}, {kind 'direct', shares 10000, holder 'the Trust',
    text}]; "10,000 shares held by his spouse" -> {kind 'direct', shares 10000, held_for 'his spouse', text} (the
    person's own, held for him).  Each part says what it holds, not that the list is all of the aggregate."""
    s = " ".join(text.split())
    out: list[dict] = []
    for im in _INCLUDES.finditer(s):
        rest = s[im.end():]
        stop = re.search(r"\.(?:\s|$)|;|\(\s*(?:the|collectively)\b", rest)
        body = rest[:stop.start()] if stop else rest
        body = re.sub(r"\s*\((?:as\s+defined|see|the|each|collectively)\b(?:[^()]|\([^()]{0,6}\)){0,80}\)", "", body)  # "(as defined in Item 2(a))"
        for piece in re.split(r",?\s+and\s+(?=" + _N + r"\s)|,\s+(?=" + _N + r"\s)", body):
            p = _part(piece)
            if p is None:
                break
            if p["kind"] == "direct" and re.search(r"issuable|underlying|exercis|conver|acquirable", piece, re.I):
                continue  # a derivative the instrument pattern does not know: not shares held
            if p["kind"] == "direct":
                hm = _PASSIVE.match(piece.strip(" ,.;"))
                om = _HELD_BY_OWN.search(piece)
                if hm:
                    p["holder"] = hm.group("holder").strip()
                elif om:  # "held by his spouse", "held in her IRA": the person's own, indirectly
                    p["held_for"] = " ".join(om.group(1).split())
                elif re.search(r"\b(?:held|owned)\b", piece):
                    continue  # held by someone the sentence does not name plainly
            out.append(p)
    return out


def stated_holdings(sentence: str) -> list[dict]:
    """Holdings a sentence states of a named holder: "Fund II holds 150,000 shares of Common Stock and warrants
    to purchase 15,000 shares" -> [{holder: 'Fund II', kind: 'direct', shares: 150000, text},
    {holder: 'Fund II', kind: 'derivative', instrument: 'warrants', units: None, underlying: 15000, text}];
    "150,000 shares held directly by Fund II" likewise.  Beneficial ownership ("may be deemed to beneficially
    own") restates the cover page and is no component; past or future holdings ("previously held") neither."""
    s = " ".join(sentence.split())
    out: list[dict] = []
    for vm in _HOLDS_VERB.finditer(s):
        pre = s[:vm.start()]
        if re.search(r"\bbeneficially\s*$", pre, re.I) or _NOT_PRESENT.search(pre[-40:]):
            continue
        em = _EACH_OF.search(pre[-300:])
        if em:  # "Each of A and B holds 1,000 shares": each named holder holds that many
            holders = _each_names(em.group(1))
            if not holders:
                continue
        elif re.search(r"\beach\s+of\b[^.;]*$", pre[-200:], re.I):
            continue  # "each of the Funds holds": no names to give the shares to
        else:
            sm = _SUBJECT.search(pre[-250:])  # a name, not a clause: the words just before the verb
            if not sm:
                continue
            holders = [sm.group(1).strip(" ,")]
        rest = s[vm.end():]
        stop = re.search(r"\.\s|\(\s*(?:the|collectively|together)\b|,\s+(?:representing|which|as\s+to|or|each|for|and\s+(?:[a-z]|[A-Z][a-z]+\s+(?:holds|owns|is|has)))", rest)
        body = rest[:stop.start()] if stop else rest
        for piece in _PART_SPLIT.split(body):
            if not piece or not piece.strip():
                continue
            p = _part(piece)
            if p is None:
                break  # the list of holdings has ended
            if _NOT_PRESENT.search(piece):
                continue
            out.extend({"holder": holder, **p} for holder in holders)
    for pm in _PASSIVE.finditer(s):
        pre = s[max(0, pm.start() - 60):pm.start()]
        if _NOT_PRESENT.search(pre) or re.search(r"\b(?:purchased|acquired|sold|received|bought)\b[^.]*$", pre, re.I):
            continue
        if re.search(r"issuable|underlying|acquirable|exercis|conver|warrant|option", pm.group(0), re.I):
            continue  # shares a derivative held by the holder would give: not shares it holds
        holder = pm.group("holder").strip()
        if any(o["holder"] == holder and o.get("shares") == parse_count(pm.group("n")) for o in out):
            continue
        out.append({"holder": holder, "kind": "direct", "shares": parse_count(pm.group("n")), "text": pm.group(0)})
    return out
