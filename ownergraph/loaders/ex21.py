"""Exhibit 21: the list of subsidiaries of a registrant (an exhibit to the 10-K), HTML or text.

Each subsidiary becomes an Organization with a ``jurisdiction`` property and a
``SUBSIDIARY_OF`` edge to the parent (``jurisdiction`` and, when the list states it,
``percent`` owned), section "Exhibit 21, row 3".

The parent, in this order:

1. the exhibit's own title: "Subsidiaries of Apple Inc.", "Subsidiaries of the
   Registrant" excepted, or the company name printed above "List of subsidiaries";
2. inside an EDGAR submission (the submission loader hands the EX-21 over when no other
   document of the filing is read), the header's FILER: the submission loader attaches
   the filer's CIK to the parent when the names agree, and names the parent from the
   header when the exhibit does not;
3. otherwise an Organization named "Unknown parent (sha256:...)" -- one per file, never
   merged with another file's unknown parent -- with ``parent_unknown=True``.

The parent is the filing's issuer (``issuer_key``) and its filer.  The as-of date
("as of December 31, 2025") is the filing's event date.

Layouts: HTML tables (name, jurisdiction and percent cells in any order), text lists
("Foo Ltd. (Ireland)", "Foo Inc., a Delaware corporation", "Foo - Bermuda"), and text
columns separated by runs of spaces, with or without the SGML ``<TABLE>`` / ``<S>`` /
``<C>`` marks of old text exhibits.  Notes after a name are read, not kept in it:
"(80% owned)", "(51%)", "- wholly owned" (percent 100) and footnote marks "(4) (5)", "*"
(edge property ``footnotes``).  Subsidiaries nested under an intermediate entity by
indentation (leading spaces of a text line; padding, margin, text-indent or leading
non-breaking spaces of an HTML cell) keep their SUBSIDIARY_OF edge to the registrant --
Exhibit 21 lists what the registrant owns directly or indirectly -- and name the entity
they are nested under in ``held_through`` (document: ``parent``).

Headings group entries: a row or line "Subsidiaries of Foo Holdings, Inc.:" makes the entries under it
``held_through`` Foo Holdings (until the next heading, or an entry indented less than the heading), a
jurisdiction heading ("Delaware:", "United Kingdom") gives the entries under it that jurisdiction, and section
headings ("Domestic Subsidiaries", "Joint Ventures") are no entries.  Brackets after a name say more: "(d/b/a
Foo Outlet)", "(formerly ...)" are aliases, "(a subsidiary of Foo Ltd.)" is ``held_through``.  The notes under
the list ("(1) 50% owned by the Registrant.") are read: their text is the edge's ``footnote_text`` and gives
the percent when the list states none.  Superscript marks, dot leaders, a jurisdiction on the line under its
name, a header naming a d/b/a or address column, and entries printed two to a line are read as such.

An entry listed again under another holder (same name and jurisdiction: hierarchies listing a company under each
group company owning part of it) stays one entity with a second SUBSIDIARY_OF edge (its own row's provenance and
``held_through``; document: ``other_parents``).  A location / principal place of business column ("Baltimore, MD")
is the entity's ``location``, never its jurisdiction.  Nationality words and short names are the place they stand
for ("a German corporation" -> Germany, "a Dutch B.V." -> Netherlands, "Cayman", "BVI"), the provenance keeping
the words as filed.  A status in brackets ("(IN LIQUIDATION)", "(dormant)", "(in dissolution)") is no part of the
name: the entity's ``status``.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal

from pydantic import BaseModel, Field

from ..errors import LoadError
from ..graph.ids import filing_id
from ..graph.model import EdgeKind, EntityFact, FilingFacts, FilingInfo, NodeKind, PropFact, Provenance, RelationFact
from ..graph.model import excerpt as _excerpt
from . import Loader, register, sha256
from ._edgar_codes import code_of_place as _code_of_place
from ._edgar_codes import place_of_word
from ._text import decode, find_dates, html_to_text, parse_percent
from .ownership import is_submission

_NESTED_PLACE = re.compile(r"^(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


def _inner_place(text: str | None) -> str | None:
    """'Canadian (Ontario)', 'Canada (British Columbia)': a country with the province or state it names in
    brackets is that province or state; None for anything else."""
    m = _NESTED_PLACE.match(" ".join((text or "").split()))
    if m is None:
        return None
    outer, inner = m["outer"].strip(" ,"), m["inner"].strip(" ,")
    if _code_of_place(inner) and (_code_of_place(outer) or place_of_word(outer)):
        return inner
    return None


def _place_code(text: str | None) -> str | None:
    """The EDGAR code of a place as a list writes it: its name ('Cayman Islands', 'State of Delaware'), a
    nationality word or short name standing for it ('German', 'Dutch', 'Cayman', 'BVI'), or a country with its
    province in brackets ('Canadian (Ontario)')."""
    return _code_of_place(text) or _code_of_place(place_of_word(text)) or _code_of_place(_inner_place(text))


def _canon_place(text: str) -> str:
    """'German' -> 'Germany', 'BVI' -> 'British Virgin Islands', 'Canadian (Ontario)' -> 'Ontario'; any other
    text as it is."""
    return place_of_word(text) or _inner_place(text) or text


_TITLE_RE = re.compile(r"exhibit\s*21|subsidiaries\s+of|list\s+of\s+(?:significant\s+)?subsidiaries|"
                       r"significant\s+(?:legal\s+entity\s+)?subsidiaries", re.I)


class Subsidiary(BaseModel):
    name: str
    jurisdiction: str | None = None
    entity_form: str | None = Field(default=None, description="The legal form printed with the jurisdiction: "
                                                              "'statutory trust' of 'Delaware statutory trust'")
    percent: str | None = None
    parent: str | None = Field(default=None, description="The entry it is nested under (indented lists), if any")
    footnotes: list[str] = Field(default_factory=list, description="Footnote marks after the name: '4', 'a', '*'")
    aliases: list[str] = Field(default_factory=list, description="Other names in brackets: '(d/b/a Foo Outlet)'")
    location: str | None = Field(default=None, description="A location / principal place of business column's "
                                                            "text ('Baltimore, MD'): where it is, not where organized")
    status: str | None = Field(default=None, description="A status in brackets after the name: 'IN LIQUIDATION', "
                                                          "'dormant', 'inactive', 'in dissolution'")
    other_parents: list[str] = Field(default_factory=list, description="The entries it is listed again under "
                                                                       "(a second SUBSIDIARY_OF edge each)")


class Exhibit21(BaseModel):
    parent: str | None = Field(default=None, description="Parent as printed in the exhibit, if it says")
    as_of: str | None = None
    subsidiaries: list[Subsidiary] = Field(default_factory=list)
    notes: dict[str, str] = Field(default_factory=dict, description="Footnote mark -> its text, as printed")


def sniff(data: bytes) -> float:
    start = data[:512].lstrip()
    if start.startswith(b"<?xml") and b"<html" not in data[:4000].lower():
        return 0.0  # an XML document (a structured form), not an HTML/text exhibit: no text work
    head = decode(data[:8000])
    if is_submission(head) or "<ownershipDocument" in head:
        return 0.0
    text = html_to_text(head) if "<" in head else head
    if re.search(r"\bSCHEDULE\s+13[DG]\b|STATEMENT\s+OF\s+CHANGES\s+IN\s+BENEFICIAL|ANNUAL\s+REPORT\s+PURSUANT|"
                 r"FORM\s+10-K\b", text, re.I):
        return 0.0  # a 10-K (or another form) that mentions its Exhibit 21 is not the exhibit
    text = text[:1500]  # the exhibit's title is at its top
    if re.search(r"exhibit\s*(?:item\s+)?21\b", text, re.I) and re.search(r"subsidiar", text, re.I):
        return 0.7
    if re.match(r"(?:\s|<[^>]{0,40}>|\.)*exhibit\s+21(?:\.\d{1,2})?\s*\n", text, re.I):
        return 0.5  # the title alone ("EXHIBIT 21.1" over a list of two names)
    if re.search(r"(?:list\s+of\s+)?subsidiaries\s+of\b|list\s+of\s+(?:significant\s+)?subsidiaries", text, re.I):
        return 0.5
    return 0.0


_HEADER_WORDS = re.compile(r"^(?:name(?:\s+of\s+(?:subsidiary|company|entity))?|subsidiary|subsidiaries|company|"
                           r"companies|entity|(?:incorporation|organization|formation)(?:\s+or\s+organization)?|"
                           r"jurisdiction.*|state\s+or\s+(?:other\s+)?jurisdiction.*|organized\s+under.*|"
                           r"(?:state|country|place)\s+of\s+(?:incorporation|organization).*|"
                           r"(?:percent(?:age)?|%)\s*(?:of\s+)?(?:ownership|owned|voting).*|entity\s+name)$", re.I)


_STYLE_LEN = re.compile(r"(-?\d+(?:\.\d+)?)\s*(pt|px|em|rem|in|%)?")
_UNIT = {"pt": 1.0, "px": 0.75, "em": 10.0, "rem": 10.0, "in": 72.0, "%": 0.0, None: 0.75}


def _length(v: str) -> float:
    m = _STYLE_LEN.match(v.strip())
    return float(m.group(1)) * _UNIT[m.group(2)] if m else 0.0


def _indent(cell_html: str) -> float:
    """How far a cell's text is indented (points): padding-left / margin-left / text-indent of the cell and of
    the elements before its text, and leading non-breaking spaces."""
    total = 0.0
    head = cell_html[:600]
    for style in re.findall(r"""(?i)style\s*=\s*["']([^"']*)["']""", head.split(">", 1)[0] + ">" +
                            re.split(r">[^<\s&]", head, maxsplit=1)[0]):
        for prop, val in re.findall(r"(?i)(padding-left|margin-left|text-indent|padding)\s*:\s*([^;]+)", style):
            if prop.lower() == "padding":
                parts = val.split()
                val = parts[3] if len(parts) == 4 else parts[1] if len(parts) in (2, 3) else "0"
            total += max(_length(val), 0.0)
    text = re.sub(r"(?s)<[^>]+>", "", cell_html)
    lead = re.match(r"(?:\s|&nbsp;|&#160;|&#xa0;|\u00a0)*", text, re.I).group(0)
    total += 4.0 * len(re.findall(r"&nbsp;|&#160;|&#xa0;|\u00a0", lead, re.I))
    return total


_SUP = re.compile(r"(?is)<sup\b[^>]*>(?:\s|<[^>]+>)*\(?\s*([0-9]{1,2}|[a-z]|[*†‡§]+)\s*\)?(?:\s|<[^>]+>)*</sup\s*>")


def _sup_mark(m: re.Match) -> str:
    return f" ({m[1]}) " if m[1][0].isalnum() else f" {m[1]} "


def _cells(row_html: str, positions: list[int] | None = None) -> tuple[list[str], float]:
    """The non-empty cells' texts and the first one's indentation; ``positions`` (if given) receives the column
    each non-empty cell starts at (counting colspans)."""
    cells = re.findall(r"(?is)<t[dh]\b([^>]*>.*?)</t[dh]\s*>", row_html)
    out = []
    indent = None
    col = 0
    for c in cells:
        span = re.match(r"""(?is)[^>]*\bcolspan\s*=\s*["']?(\d{1,2})""", c)
        width = max(int(span.group(1)), 1) if span else 1
        t = re.sub(r"(?is)<br\s*/?>|</(?:div|p)\s*>", " ", c.split(">", 1)[1] if ">" in c else c)
        # a footnote mark set as a superscript ("Foo Ltd.<sup>1</sup>") is a mark, not part of the name
        t = _SUP.sub(_sup_mark, t)
        t = re.sub(r"(?s)<[^>]+>", " ", t)
        t = " ".join(html.unescape(t).replace("\u00a0", " ").split())
        if t and indent is None:
            indent = _indent("<td " + c)
        if t and positions is not None:
            positions.append(col)
        col += width
        out.append(t)
    return [c for c in out if c], indent or 0.0


#: a column heading naming where an entity is, not where it was organized: "Location", "Principal Place of
#: Business", "Headquarters", "City"
_LOC_HEAD = re.compile(r"(?i)\blocations?\b|place\s+of\s+business|principal\s+offices?\b|headquarter|"
                       r"^(?:city|city\s*(?:/|and|,)\s*(?:state|country))$")


def _column_roles(cells: list[str], positions: list[int]) -> dict[int, str] | None:
    """A header row's columns: start column -> 'name', 'jur', 'pct' or 'other' (a d/b/a, trade name, address,
    tax number or business column, whose text is neither the jurisdiction nor a part of the name). None unless
    the row names a jurisdiction or percent column and every cell is a heading."""
    roles: dict[int, str] = {}
    for c, pos in zip(cells, positions):
        low = c.lower()
        if len(c) > 120:
            return None
        if re.fullmatch(r"(?:(?:immediate|direct|owning)\s+)?(?:parent(?:\s+(?:name|company|entity))?|"
                        r"(?:owned|held)\s+(?:by|through)|owner|shareholder|holder)\s*:?", low):
            roles[pos] = "parent"  # the entity the row's entity is held by
        elif _LOC_HEAD.search(low) and not re.search(r"jurisdiction|incorporat|organi[sz]|formation|domicile", low):
            roles[pos] = "loc"  # where the entity is or does business ("Baltimore, MD"): not its jurisdiction
        elif re.search(r"percent|%|\bownership\b|\bowned\b|\binterest\b", low) and not re.search(
                r"jurisdiction|state|country|place|organi[sz]|incorporat|formation|domicile", low):
            roles[pos] = "pct"
        elif re.search(r"jurisdiction|\bstate\b|country|place\s+of|organi[sz]ed|organi[sz]ation|incorporat|"
                       r"formation|domicile", low):
            roles[pos] = "jur"
        elif re.search(r"d/b/a|\bdba\b|(?:does|doing|conducts?)\s+business|business\s+(?:name|under|as)\b|"
                       r"business\s+is\s+conducted|trade\s+name|assumed\s+name|also\s+known|fictitious", low):
            roles[pos] = "dba"  # the names the entity does business under: its aliases
        elif re.search(r"\baddress\b|\bein\b|tax\s+id|employer\s+identification|principal\s+"
                       r"(?:business|activit)|nature\s+of\s+business|\bactivity\b", low):
            roles[pos] = "other"
        elif re.search(r"\bname\b|subsidiar|entity|company|companies", low):
            roles[pos] = "name"
        else:
            return None
    if not ({"jur", "pct", "loc"} & set(roles.values())) or not (
            {"other", "dba", "parent", "loc"} & set(roles.values())):
        return None  # (without a column to leave out, the cells' own patterns read the row as before)
    return roles


def _by_roles(cells: list[str], positions: list[int], roles: dict[int, str],
              extra: dict | None = None) -> list[str] | None:
    """A data row's cells ordered name, jurisdiction, percent by the header's columns (a cell belongs to the
    header cell starting at or before it), 'other' columns left out; None when no cell falls in a name column.
    ``extra`` receives the d/b/a column's names ('aliases') and the parent column's entity ('held_by')."""
    starts = sorted(roles)
    got: dict[str, str] = {}
    for c, pos in zip(cells, positions):
        owner = max((st for st in starts if st <= pos), default=None)
        role = "name" if owner is None else roles[owner]
        if role == "name" and owner is not None and pos != owner and "name" in got:
            role = "other"
        got.setdefault(role, c)
    if "name" not in got and starts and starts[0] > 0:
        return None
    if "name" not in got:
        return None
    if extra is not None:
        if got.get("dba"):  # "Foo North; Foo Online": one name or several
            extra["aliases"] = [a.strip() for a in re.split(r"\s*;\s*", got["dba"]) if a.strip(" -–—")
                                and not re.fullmatch(r"(?i)n/?a|none|same", a.strip())]
        if got.get("parent") and re.search(r"[A-Za-z]{2}", got["parent"]):
            extra["held_by"] = got["parent"]
        if got.get("loc") and re.search(r"[A-Za-z]{2}", got["loc"]):
            extra["location"] = got["loc"]
    return [got["name"]] + [got[k] for k in ("jur", "pct") if k in got]


#: footnote marks after a name: "(4) (5)", "(a)", "*", "†"
_FOOTMARKS = re.compile(r"(?:\s*(?:\(\s*(?:(?:note\s+)?\d{1,2}|[a-z]|[ivx]{1,4})\s*\)|[*†‡§]+))+\s*$", re.I)
#: an ownership note after a name: "(80% owned)", "(51%)", "- wholly owned", "(wholly-owned by Foo Inc.)"
_OWN_NOTE = re.compile(
    r"\s*(?:[-–—,;]\s*)?[(\[]?\s*(?:(?:(?:owned|held)\s+)?(?P<pct>\d{1,3}(?:\.\d+)?)\s*%(?:\s*(?:owned|interest|ownership|"
    r"equity\s+interest|owned\s+subsidiary))?|(?P<wholly>wholly[\s-]*owned(?:\s+subsidiary)?))"
    r"(?:\s+(?:by|of|through)\s+(?P<by>[^()\[\]]{3,120}?))?\s*[)\]]?\s*$", re.I)


#: another name of the entry in brackets: "(d/b/a Foo Outlet)", "(formerly Foo Corp.)", "(a/k/a Foo)"
_ALIAS_NOTE = re.compile(
    r"\s*[(\[]\s*(?:d/?b/?a|doing\s+business\s+as|also\s+known\s+as|a/?k/?a|f/?k/?a|formerly(?:\s+known\s+as)?|"
    r"trading\s+as|t/a)\b\.?\s*:?\s*(?P<alias>[^()\[\]]{2,120}?)\s*[)\]]", re.I)
#: the company an entry is held through, in brackets: "(a subsidiary of Foo Ltd.)", "(owned by Foo LLC)"
_SUB_OF = re.compile(
    r"\s*[(\[]\s*(?:an?\s+)?(?:(?:direct|indirect|wholly[\s-]*owned|majority[\s-]*owned)\s+)*"
    r"(?:(?:subsidiary|affiliate)\s+of|owned\s+by|held\s+(?:by|through))\s+(?P<by>[^()\[\]]{3,120}?)\s*[)\]]", re.I)


def _trim_name(x: str) -> str:
    """A company named inside a note, its abbreviation's period kept ('Foo Ltd.'), a sentence's dropped."""
    x = x.strip(" ,;")
    return x if x.endswith(".") and _ABBREV_END.search(x[:-1]) else x.rstrip(". ")


def _strip_aliases(name: str) -> tuple[str, list[str], str | None]:
    """'Foo LLC (d/b/a Foo Outlet)' -> ('Foo LLC', ['Foo Outlet'], None); 'Bar B.V. (a subsidiary of Foo Ltd.)'
    -> ('Bar B.V.', [], 'Foo Ltd.'): the bracket is another name, or the company it is held through."""
    terms = [m["term"] for m in _DEFINED.finditer(name)]
    if terms:  # 'Foo AG, a German corporation, 50.1% owned by Bar ("GROUP")': the term is another name of Foo AG
        name = _DEFINED.sub("", name).strip()
    aliases = terms + [" ".join(m["alias"].split()).strip(" ,;") for m in _ALIAS_NOTE.finditer(name)]
    by = None
    m = _SUB_OF.search(name)
    if m and m.start() > 0:
        by = _trim_name(m["by"])
    if aliases or by:
        name = " ".join(_SUB_OF.sub(" ", _ALIAS_NOTE.sub(" ", name)).split()).strip(" ,;")
    return name, [a for a in aliases if a], by


def _split_notes(name: str) -> tuple[str, list[str], str | None, str | None]:
    """'Foo Ltd. (4) (5)' -> ('Foo Ltd.', ['4', '5'], None, None); 'Bar LLC (80% owned)' -> ('Bar LLC', [], '80%
    owned', None); 'Baz Inc. - wholly owned by Foo Ltd.' -> ('Baz Inc.', [], 'wholly owned', 'Foo Ltd.')."""
    marks: list[str] = []
    pct = by = None
    for _ in range(3):
        m = _FOOTMARKS.search(name)
        if m and m.start() > 0:
            marks[:0] = [a or b for a, b in re.findall(r"(?i)\(\s*(?:note\s+)?(\w+)\s*\)|([*†‡§]+)", m.group(0))]
            name = name[:m.start()].rstrip()
            continue
        m = _OWN_NOTE.search(name)
        if m and m.start() > 0 and pct is None:
            pct = " ".join(m.group(0).strip(" -–—,;()[]").split())
            if m["by"]:
                by = _trim_name(m["by"])
                pct = pct[: pct.lower().rfind(" by ") if " by " in pct.lower() else len(pct)].strip()
            name = name[:m.start()].rstrip(" ,;-–—")
            continue
        break
    return name, marks, pct, by


def _pairs(cells: list[str]) -> list[list[str]] | None:
    """A row listing two or three entries side by side ("Foo Inc. | Delaware | Bar Ltd. | England"): its
    (name, jurisdiction) pairs, when every second cell is a place."""
    cells = [c for c in cells if c.strip(" *†‡")]
    if len(cells) not in (4, 6) or not all(_place_code(_split_notes(c)[0]) for c in cells[1::2]):
        return None
    if any(_place_code(c) or not re.search(r"[A-Za-z]{2}", c) for c in cells[0::2]):
        return None
    return [cells[i:i + 2] for i in range(0, len(cells), 2)]


def _row_to_sub_plain(cells: list[str]) -> dict | None:
    # (a mark after the text, "Foo Ltd. *", stays for _split_notes to read; one before it is dropped)
    cells = [c.strip().lstrip("*†‡ ") for c in cells if c.strip(" *†‡")]
    while len(cells) >= 2 and _ENUM_CELL.fullmatch(cells[0]):
        del cells[0]  # an outline's number in a cell of its own ("1." | "Foo AG, a German corporation")
    for i in range(len(cells) - 1, 0, -1):  # "100.00" | "%": a percent set in two cells
        if cells[i] == "%" and re.fullmatch(r"\d{1,3}(?:\.\d+)?", cells[i - 1]):
            cells[i - 1] += "%"
            del cells[i]
    if not cells or _HEADER_WORDS.match(cells[0]) or len(cells[0]) > 200:
        return None
    if any(_HEADER_WORDS.match(c) or re.search(r"(?i)\bjurisdiction\b|organized\s+under|laws\s+of$|"
                                               r"(?:state|country|place)\s+of\s+(?:incorporation|organization)", c)
           for c in cells):
        return None  # a header row
    first, aliases, sub_of = _strip_aliases(cells[0])
    name, marks, note, by = _split_notes(first)
    by = by or sub_of
    jur = None
    pct = note
    for c in cells[1:]:
        if re.fullmatch(r"\(?\d{1,3}(?:\.\d+)?\s*%?\)?(?:\s+of\b.{0,40})?", c) and (pct is None or pct is note):
            # ("100% of" / "common" / "securities": the interest in a class, its words wrapped under the cell)
            pct = c
        elif re.fullmatch(r"(?i)wholly[\s-]*owned", c) and pct is None:
            pct = c
        elif jur is None:
            jur, jmarks, jnote, jby = _split_notes(c)
            marks += jmarks
            pct, by = pct or jnote, by or jby
    if not re.search(r"[A-Za-z]", name):
        return None
    return {"name": name, "jurisdiction": jur or None, "percent": pct, "footnotes": marks, "held_by": by,
            "aliases": aliases}


#: the legal form printed after a place in a jurisdiction ("Delaware statutory trust", "Cayman Islands exempted
#: company", "a Delaware limited liability company", "Georgia bank")
_FORM = (r"(?:(?:exempted|unlimited|private|public|limited|general|limited\s+liability|professional|nonprofit|"
         r"non-profit|not-for-profit|statutory|business|banking|national|savings|state|mutual|stock|"
         r"special\s+purpose|protected\s+cell|segregated\s+portfolio|real\s+estate\s+investment|trust)[\s-]+)*"
         r"(?:corporation|company|partnership|trust|bank|banking\s+association|association|entity|cooperative|"
         r"society|foundation|llc|l\.l\.c\.?|lp|l\.p\.?|llp|l\.l\.p\.?|plc|limited|corp\.?|inc\.?|"
         # the forms of other countries' laws: "a Dutch B.V.", "a German GmbH", "a French S.A.S."
         r"b\.v\.?|n\.v\.?|gmbh|ag|s\.a\.?|s\.a\.s\.?|s\.a\.r\.l\.?|s\.[aà]\.?\s?r\.l\.?|s\.r\.l\.?|s\.p\.a\.?|k\.k\.?|"
         r"a/s|pty\.?\s+(?:ltd\.?|limited))"
         r"(?:\s+limited\s+by\s+shares|\s+with\s+limited\s+liability)?")
_PLACE_FORM = re.compile(r"(?i)^(?:an?\s+)?(?P<place>.+?)[\s,]+(?P<form>" + _FORM + r")\.?$")
_FORMED_IN = re.compile(r"(?i)^(?:(?:incorporated|organized|organised|formed|registered|chartered)\s+"
                        r"(?:in|under\s+the\s+laws\s+of)\s+)(?P<place>.+?)\.?$")


def _split_form(jur: str | None) -> tuple[str | None, str | None]:
    """'Delaware statutory trust' -> ('Delaware', 'statutory trust'); 'a Cayman Islands exempted company' ->
    ('Cayman Islands', 'exempted company'); 'incorporated in the State of Utah' -> ('State of Utah', None): the
    place apart from the legal form, when what is left is a place; anything else is kept whole."""
    if not jur:
        return jur, None
    j = " ".join(jur.split()).strip(" ,;")
    if _place_code(j):
        return _canon_place(j), None
    m = _FORMED_IN.match(j)
    if m and _place_code(m["place"]):
        j = m["place"].strip()
        short = re.sub(r"(?i)^(?:the\s+)?(?:(?:state|commonwealth|province)\s+of\s+(?:the\s+)?)?", "", j)
        return _canon_place(short if _place_code(short) else j), None  # (the place, not the sentence's words)
    m = _PLACE_FORM.match(j)
    if m and _place_code(m["place"]):
        return _canon_place(m["place"].strip(" ,")), m["form"]
    return j, None


_LINE_PATTERNS = [
    # "Foo Ltd. (Ireland)", "Foo Corp. (incorporated in Utah)"
    re.compile(r"^(?P<name>.+?)\s*\((?P<jur>(?:an?\s+)?(?:(?:[Ii]ncorporated|[Oo]rgani[sz]ed|[Ff]ormed)\s+(?:in|under\s+the\s+laws\s+of)"
               r"\s+(?:the\s+)?)?[A-Z][\w .,'&/-]{1,60})\)\.?$"),
    # "Foo Corp., a Delaware corporation", "Foo Corp., a Canadian (Ontario) corporation"
    re.compile(r"^(?P<name>.+?),\s+an?\s+(?P<jur>[A-Z][\w .'-]{1,40}?(?:\s*\([A-Z][\w .'-]{1,30}\))?\s+" + _FORM
               + r")\.?$", re.I),
    re.compile(r"^(?P<name>.+?)\s+(?:-|–|—|\t)\s*(?P<jur>[A-Z][\w .,'&-]{1,60})$"),
]
#: a line that ends as an entity's name does ("Foo Holdings, Inc."): a list of names without jurisdictions
_ENTITY_END = re.compile(
    r"(?i)(?:\b(?:inc|incorporated|corp|corporation|co|company|llc|l\.l\.c|ltd|limited|l\.?p|llp|plc|gmbh|ag|s\.?a|"
    r"n\.?v|b\.?v|k\.?k|s\.?r\.?l|s\.?p\.?a|pty|trust|partnership|holdings|ab|oy|s\.?a\.?r\.?l|ltda|de\s+c\.?v|pte|"
    r"bhd|pvt|s\.?a\.?s|kg|se|n\.?a)\.?)$")
_PROSE = re.compile(r"(?i)\b(?:is|are|was|were|has|have|which|the\s+following|owned\s+by|listed|omitted|except|"
                    r"pursuant|registrant|percent|hereto|includes?|consists?)\b")
#: a cell holding only an outline's number: "1.", "iii.", "a)", "(b)"
_ENUM_CELL = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z]|[ivxIVX]{1,5})[.)]")
#: a defined term after a name: 'Foo AG ("GROUP")', 'Foo Inc. (the “Company”)'
_DEFINED = re.compile(r"\s*\(\s*(?:the\s+)?[“\"']\s*(?P<term>[^”\"'()]{1,40}?)\s*[”\"']\s*\)")
#: an outline's numbering before an entry: "A.  ", "1)  ", "a)  ", "ii)  ", "(b) ", "12. "
_ENUM = re.compile(r"^(?:[A-Z]\.[ \t]{2,}|(?:\d{1,2}[.)]|[a-z]\)|[ivx]{1,5}[.)]|\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,5})\s*\))[ \t]+)"
                   r"(?=[A-Z0-9])")
#: a line that may be the first line of a name wrapped onto the next one (one cell, a capital first)
_FRAGMENT = re.compile(r"[A-Z][^\s].{0,78}?")
_NOTE_LINE = re.compile(r"^(?:\*+|[†‡§]|\(\s*(?:\d{1,2}|[a-z])\s*\)|\d{1,2}[.)]|[a-z]\))\s*\S")
_SGML_TAGS = re.compile(r"</?(?:S|C|CAPTION|TABLE|PAGE|FN|F\d{1,2}|R)>", re.I)
_JUR_CELL = re.compile(r"[A-Z][A-Za-z .,'&()/-]{1,60}")


#: "Foo Re Ltd. (Bermuda domiciled subsidiary of Foo Ltd.)", "Bar Inc. (Delaware domiciled 60.7% owned subsidiary of
#: Foo Corp. and 39.3% owned subsidiary of Baz Corp.)": the place, the interest and the holder in one bracket
_DOMICILED = re.compile(
    r"^(?P<name>.+?)\s*\(\s*(?P<jur>[A-Z][\w .'-]{1,40}?)\s+(?:domiciled|incorporated|organi[sz]ed)\s+"
    r"(?:(?P<pct>\d{1,3}(?:\.\d+)?)\s*%\s+owned\s+|wholly[\s-]owned\s+)?(?:direct\s+|indirect\s+)?subsidiary\s+of\s+"
    r"(?P<by>[^()]+?)(?P<more>\s+and\s+(?:\d{1,3}(?:\.\d+)?\s*%\s+owned\s+)?(?:subsidiary\s+of\s+)?[^()]+)?\s*\)$")


def _text_line_sub_plain(ln: str) -> dict | None:
    if "\t" in ln:
        cells = [c for c in ln.split("\t") if c.strip()]
    else:
        cells = [c for c in re.split(r"\s{2,}", ln) if c.strip()]
    if len(cells) >= 2:
        sub = _row_to_sub(cells)
        if sub and len(sub["name"]) < 150 and not _PROSE.search(sub["name"]) and (
                sub["jurisdiction"] is None or (_JUR_CELL.fullmatch(sub["jurisdiction"])
                                                and len(sub["jurisdiction"].split()) <= 6)
                or _place_code(_split_form(sub["jurisdiction"])[0])):  # "a Delaware limited liability company"
            return sub
        if "\t" in ln:
            return None
    line, aliases, sub_of = _strip_aliases(" ".join(ln.split()))
    name, marks, note, by = _split_notes(line)
    bare, dmarks = line, []
    fm = _FOOTMARKS.search(bare)
    if fm and fm.start() > 0:  # (the marks after the bracket first: its own notes are read with it)
        dmarks = [a or b for a, b in re.findall(r"(?i)\(\s*(?:note\s+)?(\w+)\s*\)|([*†‡§]+)", fm.group(0))]
        bare = bare[:fm.start()].rstrip()
    dm = _DOMICILED.match(bare)
    if dm and len(dm["name"]) < 150 and not _PROSE.search(dm["name"]):
        marks = dmarks
        # (two holders: the bracket names neither as the one the entry is held through, nor one interest)
        return {"name": dm["name"].strip(" ,"), "jurisdiction": dm["jur"].strip(),
                "percent": None if dm["more"] else (f"{dm['pct']}%" if dm["pct"] else note),
                "footnotes": marks, "held_by": None if dm["more"] else _trim_name(dm["by"]), "aliases": aliases}
    by = by or sub_of
    for k, pat in enumerate(_LINE_PATTERNS):
        m = pat.match(name)
        if m and len(m["name"]) < 150:
            # the notes inside the name first ("Foo LLC - 60% owned by Bar Ltd. (Delaware)"): prose is what
            # is left after them
            n2, marks2, note2, by2 = _split_notes(m["name"].strip(" ,"))
            if _PROSE.search(n2) or re.match(r"(?i)(?:as\s+(?:of|at)|at|dated)\b", m["jur"]) or find_dates(m["jur"]):
                continue
            if k == 0 and re.match(r"an?\s", m["jur"]) and not _place_code(_split_form(m["jur"])[0]):
                continue  # ("(a joint venture)": an article before no place)  # (a title's date: "CORPORATE STRUCTURE - As of December 31, 2004")
            jur, form = m["jur"].strip(), None
            if k == 1:  # "Foo Inc., a Delaware corporation": the place, and the form as printed
                pf = _PLACE_FORM.match(jur)
                if pf:
                    jur, form = pf["place"].strip(" ,"), pf["form"]
            return {"name": n2, "jurisdiction": jur, "percent": note or note2, "entity_form": form,
                    "footnotes": marks2 + marks, "held_by": by or by2, "aliases": aliases,
                    "jurisdiction_filed": m["jur"].strip() if form else None}
    words = name.split()
    for k in (1, 2, 3):  # "Foo Perceptions Limited United Kingdom": a name ending as a name does, then a place
        head, place = " ".join(words[:-k]), " ".join(words[-k:])
        if (len(words) - k >= 2 and _place_code(place) and _ENTITY_END.search(head) and len(head) < 120
                and not _PROSE.search(head) and place[:1].isupper()):
            return {"name": head, "jurisdiction": place, "percent": note, "footnotes": marks, "held_by": by,
                    "aliases": aliases}
    if (_ENTITY_END.search(name) and len(name.split()) >= 2 and len(name) < 120 and not _PROSE.search(name)
            and not name.endswith(":")):
        return {"name": name, "jurisdiction": None, "percent": note, "footnotes": marks, "held_by": by,
                "aliases": aliases}
    return None


#: a status in brackets after a name (or a jurisdiction): "(IN LIQUIDATION)", "(dormant)", "(inactive)", "(in
#: dissolution)", "(in members' voluntary liquidation)": no part of the name, the entity's ``status``
_STATUS = re.compile(
    r"\s*[(\[]\s*(?P<status>in\s+(?:the\s+)?(?:(?:process|course)\s+of\s+)?(?:(?:members|creditors)['’]?\s+)?"
    r"(?:voluntary\s+)?(?:liquidation|dissolution|administration|receivership|winding[\s-]up|bankruptcy)|"
    r"(?:being\s+)?(?:dissolved|liquidated|wound\s+up|struck\s+off)|dormant|inactive|non[\s-]?operating|"
    r"not\s+operating|defunct|under\s+administration|(?:receivers?|administrators?|liquidators?)"
    r"(?:\s+(?:and|&)\s+managers?)?\s+appointed)\s*[)\]]", re.I)


def _strip_status(text: str) -> tuple[str, str | None]:
    """'GCR Holdings Limited (IN LIQUIDATION)' -> ('GCR Holdings Limited', 'IN LIQUIDATION'); two brackets
    ("(In Liquidation) (Receivers and Managers Appointed)") give both, joined by '; '."""
    found: list[str] = []
    for _ in range(3):
        m = _STATUS.search(text)
        if m is None or not text[:m.start()].strip():
            break
        text = (text[:m.start()] + text[m.end():]).rstrip()
        found.append(" ".join(m["status"].split()))
    return text, "; ".join(found) or None


def _row_to_sub(cells: list[str]) -> dict | None:
    status = None
    out = []
    for c in cells:
        c, st = _strip_status(c)
        status = status or st
        out.append(c)
    sub = _row_to_sub_plain(out)
    if sub is not None and status:
        sub["status"] = status
    return sub


def _text_line_sub(ln: str) -> dict | None:
    ln, status = _strip_status(ln)
    sub = _text_line_sub_plain(ln)
    if sub is not None and status and not sub.get("status"):
        sub["status"] = status
    return sub


#: a heading over a group of entries held by one company: "Subsidiaries of Foo Holdings, Inc.:", "Direct
#: subsidiaries of Foo B.V.", "Entities owned by Foo LLC"
_GROUP_OF = re.compile(
    r"(?i)^(?:(?:direct|indirect|wholly[\s-]owned|significant|principal|operating|domestic|foreign|international|"
    r"u\.?s\.?|non-u\.?s\.?)\s+)*(?:subsidiar(?:y|ies)|companies|entities)\s+(?:of|owned\s+by|held\s+(?:by|through))"
    r"\s+(?P<p>.+?)\s*(?:\(\s*continued\s*\))?\s*:?$")
_SECTION = re.compile(
    r"(?i)^(?:(?:domestic|foreign|international|u\.?s\.?|non-u\.?s\.?|other|consolidated|unconsolidated|significant|"
    r"principal|operating|inactive|wholly[\s-]owned|majority[\s-]owned|direct|indirect|partially[\s-]owned)\s+)+"
    r"(?:subsidiar(?:y|ies)|affiliates|companies|entities|joint\s+ventures|partnerships)"
    r"(?:\s*\(\s*continued\s*\))?\s*:?$|^joint\s+ventures\s*:?$")
_SELF = re.compile(r"(?i)^the\s+(?:registrant|company|corporation|partnership|trust|bank|issuer)\b")
#: dot leaders between a name and its jurisdiction ("Foo Bank, N.A. .......... United States")
_LEADER = re.compile(r"[ \t]*(?:(?:\.[ \t]?){4,}|\.{2,3}(?=[ \t]{2,}))[ \t]*")
_ABBREV_END = re.compile(r"(?i)\b(?:inc|corp|co|ltd|bros|jr|n\.a|l\.p|s\.a|n\.v|b\.v|l\.l\.c|s\.r\.l|s\.p\.a|k\.k|"
                         r"s\.a\.s|s\.a\.r\.l|a\.g|s\.e)$")


def _unleader(line: str) -> str:
    def rep(m: re.Match) -> str:
        before = line[:m.start()]
        return (". " if _ABBREV_END.search(before) else "") + "    "
    return _LEADER.sub(rep, line) if "...." in line.replace(" ", "") or re.search(r"\w\.{2,3}[ \t]{2,}\S", line) \
        else line


def _heading(ln: str, started: bool) -> tuple[str, str | None] | None:
    """A line (or a table row of one cell) that heads a group of entries: ('held', 'Foo Holdings, Inc.') for
    "Subsidiaries of Foo Holdings, Inc.:" (once entries were read, or when it ends with a colon: at the top it is
    the exhibit's title), ('jur', 'Delaware') for "Delaware:" or a bare place name, ('reset', None) for another
    heading ("Foreign Subsidiaries:")."""
    ln = " ".join(ln.split()).strip(" *")
    if not ln or len(ln) > 160:
        return None
    m = _GROUP_OF.match(ln)
    if m and (started or ln.endswith(":")):
        p = m["p"].strip(" :*")
        if _SELF.match(p) or not re.search(r"[A-Za-z]", p):
            return ("reset", None)
        return ("held", p)
    if _SECTION.match(ln):  # "Domestic Subsidiaries", "Foreign subsidiaries (continued):", "Joint Ventures"
        return ("reset", None)
    words = ln.rstrip(":").split()
    if ln.endswith(":") and len(words) <= 6:
        place = ln.rstrip(": ")
        return ("jur", place) if _place_code(place) else ("reset", None)
    if len(words) <= 5 and _place_code(ln):
        return ("place", ln.strip(" ."))  # a heading, or the jurisdiction of the entry above (see _Groups)
    return None


#: the headings of a text table's columns that are neither name nor jurisdiction nor percent: the names the
#: entity does business under, the entity holding it
_TEXT_ROLES = (("dba", r"(?i)name\s+under\s+which|d/b/a|\bdba\b|doing\s+business|trade\s+name|assumed\s+name"),
               ("parent", r"(?i)\b(?:parent|owning|immediate|direct)\s+(?:name|company|entity|parent)\b"),
               ("loc", _LOC_HEAD.pattern.replace("^", "(?<!\\S)").replace("$", "(?!\\S)")))


def _line_kind(ln: str) -> str:
    """'place' (a bare place name), 'bare' (an entry without a jurisdiction), 'entry' or 'other'."""
    head = _heading(ln, True)
    if head and head[0] == "place":
        return "place"
    sub = _text_line_sub(ln)
    return "other" if sub is None else ("bare" if not sub.get("jurisdiction") else "entry")


def _place_role(kinds: list[str], i: int, subs: list[dict]) -> str:
    """A bare place name on its own line (or row): 'jur', the heading of the entries under it, when entries
    without a jurisdiction of their own follow it (and do not alternate with place lines: "Foo Inc." / "Delaware" /
    "Bar Ltd." / "Bermuda" gives each name the place under it); else 'attach', the jurisdiction of the entry
    above when that has none."""
    nxt = kinds[i + 1] if i + 1 < len(kinds) else None
    after = kinds[i + 2] if i + 2 < len(kinds) else None
    above_bare = bool(subs) and not subs[-1].get("jurisdiction")
    if nxt == "bare" and (after != "place" or not above_bare):
        return "jur"
    return "attach" if above_bare else "jur"


class _Groups:
    """The headings above entries, applied to the entries under them (until the next heading, or an entry
    indented less than the heading)."""

    def __init__(self) -> None:
        self.held: tuple[str, float] | None = None
        self.jur: tuple[str, float] | None = None
        self.count = 0  # headings seen: entries under another heading are not nested by indentation

    def heading(self, kind: str, value: str | None, indent: float, subs: list[dict]) -> None:
        if kind == "attach":  # a bare place name under an entry without one: that entry's jurisdiction
            if subs and not subs[-1].get("jurisdiction"):
                subs[-1]["jurisdiction"] = value
                return
            kind = "jur"
        if kind == "place":  # (a row whose role was not decided: as a line's would be without the rows around)
            if subs and not subs[-1].get("jurisdiction") and self.jur is None:
                subs[-1]["jurisdiction"] = value
                return
            kind = "jur"
        self.count += 1
        if kind == "held":
            self.held, self.jur = (value, indent), None
        elif kind == "jur":
            self.jur = (value, indent)
        else:
            self.held = self.jur = None

    def apply(self, sub: dict) -> None:
        d = sub.get("indent", 0.0)
        sub["group"] = self.count
        if self.held and d < self.held[1]:
            self.held = None
        if self.jur and d < self.jur[1]:
            self.jur = None
        if self.held and not sub.get("held_by") and self.held[0] != sub["name"]:
            sub["held_by"] = self.held[0]
            sub["grouped"] = True
        if self.jur and not sub.get("jurisdiction"):
            sub["jurisdiction"] = self.jur[0]


def _subs_from_text(text: str) -> list[dict]:
    out: list[dict] = []
    groups = _Groups()
    pending: tuple[str, float] | None = None  # a line that is no entry alone: the first line of a wrapped name
    prepped = []
    caption = False
    role_cols: dict[str, int] = {}  # a d/b/a or parent column the caption names: where its cells start
    extras: dict[int, dict] = {}  # line -> the text of those columns on it
    for raw in text.splitlines():
        if re.match(r"(?i)\s*<table>", raw):
            prepped.append(("", "<TABLE>"))  # (a new table: its entries do not nest under the last table's)
            continue
        if re.match(r"(?i)\s*<caption>", raw) and re.search(r"(?i)<s>", text):
            caption = True  # an SGML table's column headings, up to its <S> line: no entries
        if caption:
            caption = not re.search(r"(?i)<s>", raw)
            for role, pat in _TEXT_ROLES:
                rm = re.search(pat, raw)
                if rm and role not in role_cols and rm.start() > 0:
                    role_cols[role] = rm.start()
            for role, col in list(role_cols.items()):  # a rule under the headings draws where the column starts
                for run in re.finditer(r"-{3,}", raw):
                    if run.start() <= col < run.end():
                        role_cols[role] = run.start()
            continue
        if (not caption and "loc" not in role_cols and re.search(r"\S(?: {2,}|\t)\S", raw)
                and re.search(r"(?i)\b(?:name|subsidiar|compan|entit)", raw)):
            lm = re.search(_TEXT_ROLES[2][1], raw)  # "Name   State of Incorporation   Location": a header line
            if lm and raw[:lm.start()].strip():
                # (where the heading's cell starts: "Principal Place of Business" from its first word)
                role_cols["loc"] = next((c.start() for c in re.finditer(r"\S+(?: \S+)*", raw)
                                         if c.start() <= lm.start() < c.end()), lm.start())
                continue
        m = re.match(r"(\s*)(>+)\s*(?=\S)", raw)
        if m:  # ">Foo Corporation", ">>Bar LLC": the marks nest the entry under the one above, as indentation would
            raw = m[1] + "    " * len(m[2]) + raw[m.end():]
        if "<" in raw:
            raw = _SGML_TAGS.sub(lambda m: " " * len(m.group(0)), raw)
        raw = raw.expandtabs(8) if "\t" in raw and raw.lstrip().find("\t") < 0 else raw
        raw = _unleader(raw)
        extra: dict = {}
        for role, col in role_cols.items():
            # the cell printed under that column's heading (not the line's first): the entry's other name or holder
            for cm in re.finditer(r"\S+(?: \S+)*", raw):
                if cm.start() > 0 and raw[:cm.start()].strip() and abs(cm.start() - col) <= 6:
                    extra[role] = cm.group(0)
                    raw = raw[:cm.start()] + " " * (cm.end() - cm.start()) + raw[cm.end():]
                    break
        ln = raw.strip()
        if ln and not re.fullmatch(r"[-=_.\s]+", ln):
            if extra:
                extras[len(prepped)] = extra
            prepped.append((raw, ln))
    kinds = [_line_kind(ln) if ln != "<TABLE>" else "other" for _, ln in prepped]
    for i, (raw, ln) in enumerate(prepped):
        if ln == "<TABLE>":
            groups.count += 1
            pending = None
            continue
        indent = float(len(raw) - len(raw.lstrip(" ")))
        head = _heading(ln, bool(out))
        if head and (head[0] == "held" or _text_line_sub(ln) is None):
            kind = _place_role(kinds, i, out) if head[0] == "place" else head[0]
            groups.heading(kind, head[1], indent, out)
            continue
        if _TITLE_RE.search(ln) or _HEADER_WORDS.match(ln):
            continue
        if _NOTE_LINE.match(ln) and len(ln.split()) >= 4 and _PROSE.search(ln):
            pending = None
            continue  # a footnote under the list ("* Wholly owned by ...", "(1) For purposes of ...")
        fm = _FORMED_IN.match(ln)
        if fm and _place_code(fm["place"]):  # "Foo County Bank" / "Incorporated in the State of California"
            place = _split_form(ln)[0]
            if pending:
                sub = {"name": pending[0], "jurisdiction": place, "percent": None, "footnotes": [], "held_by": None,
                       "aliases": [], "indent": pending[1]}
                groups.apply(sub)
                out.append(sub)
            elif out and not out[-1].get("jurisdiction"):
                out[-1]["jurisdiction"] = place
            pending = None
            continue
        if re.fullmatch(r"\d{1,3}(?:\.\d+)?\s*%", ln) and out and out[-1]["percent"] is None and not pending:
            out[-1]["percent"] = ln  # "Foo S.p.A." / "100%": the interest printed under the name
            continue
        em = _ENUM.match(ln)
        if em and not _PROSE.search(ln):  # an outline's numbering: "A.  Foo Limited", "1)  Bar Ltd.", "(ii) Baz"
            ln = ln[em.end():]
        pairs = _pairs(re.split(r"\s{2,}|\t", ln)) if "  " in ln or "\t" in ln else None
        found = [_row_to_sub(p) for p in pairs] if pairs else [
            _text_line_sub(ln.strip(" *†‡") if not _NOTE_LINE.match(ln) else ln)]
        for sub in found:
            if sub and i in extras:
                dba, holder = extras[i].get("dba"), extras[i].get("parent")
                if extras[i].get("loc") and re.search(r"[A-Za-z]{2}", extras[i]["loc"]):
                    sub["location"] = extras[i]["loc"]
                if dba and not _same_name(dba, sub["name"]) and not re.fullmatch(r"(?i)n/?a|none|same|-+", dba):
                    sub["aliases"] = sub.get("aliases", []) + [a.strip() for a in dba.split(";") if a.strip()]
                if holder and not sub.get("held_by") and not _SELF.match(holder) and not _same_name(
                        holder, sub["name"]):
                    sub["held_by"] = holder
            if sub:
                if pending and len(found) == 1 and indent > pending[1] and not sub.get("grouped"):
                    # a name wrapped under a hanging indent: "Foo Commercial Corporation Asia" / "   Limited ... Hong
                    # Kong" is one entry, at the first line's indentation
                    sub["name"] = pending[0] + " " + sub["name"]
                    indent = pending[1]
                sub["indent"] = indent
                groups.apply(sub)
                out.append(sub)
        pending = None
        if (not any(found) and "  " not in ln and _FRAGMENT.fullmatch(ln) and not _PROSE.search(ln)
                and not _HEADER_WORDS.match(ln) and not _TITLE_RE.search(ln)):
            pending = (ln, indent)
    return out


#: a footnote under the list: "(1) 50% owned by the Registrant.", "* Inactive.", "(a) Joint venture"
_NOTE_DEF = re.compile(r"^\s*(?:\(\s*(?P<p>\d{1,2}|[a-z])\s*\)|(?P<s>\*{1,3}|[†‡§]{1,3}))\s*(?P<t>\S.{2,400}?)\s*$")
_NOTE_PCT = re.compile(r"(?i)(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b)")


#: a note naming the company an entry is held through: "Wholly owned by Foo Inc.", "80% owned by Foo LLC; ...",
#: "A subsidiary of Foo B.V."
_NOTE_BY = re.compile(
    r"(?i)^(?:an?\s+)?(?:(?:\d{1,3}(?:\.\d+)?\s*%|wholly|majority|indirectly|directly)[\s-]*)?(?:owned|held)?\s*"
    r"(?:subsidiary\s+of|owned\s+by|held\s+(?:by|through)|by|through)\s+(?P<by>[A-Z][^;:()]{2,100}?)"
    r"(?=\s*[;(]|\s*$|(?<=\.)\s+(?-i:[A-Z]))")


def _notes(text: str, marks: set[str]) -> dict[str, str]:
    """The texts of the footnotes the entries' marks refer to, as printed under the list."""
    out: dict[str, str] = {}
    for ln in text.splitlines():
        m = _NOTE_DEF.match(ln)
        if m is None:
            continue
        mark = m["p"] or m["s"]
        t = " ".join(m["t"].split())
        if mark in marks and mark not in out and re.search(r"[A-Za-z]{2}", t):
            out[mark] = t
    return out


def _nest(subs: list[dict]) -> None:
    """Indented lists: each entry is held through the nearest entry above it that is indented less."""
    levels = {s.get("indent", 0.0) for s in subs}
    if len(levels) < 2 or subs[0].get("indent", 0.0) != min(levels):
        return
    stack: list[tuple[float, str]] = []
    group = None
    for s in subs:
        d = s.get("indent", 0.0)
        if s.get("group") != group:  # a heading between: its entries are indented under it, not under an entry
            group, stack = s.get("group"), []
        while stack and stack[-1][0] >= d:
            stack.pop()
        if stack and not s.get("held_by"):
            s["held_by"] = stack[-1][1]
        stack.append((d, s["name"]))


_PARENT_END = re.compile(r"(?i)\s*\*|\s*\(\s*\d|\s+[-–—,]?\s*(?:as\s+of|at)\s+(?:[A-Z][a-z]+\s+\d|\d)|"
                         r"\s+(?:Jurisdiction|Name|State|Country)\b|\s{2,}|\s+\(|$")


def _parent(text: str) -> str | None:
    # (rule lines under a title, "----------", are no lines; nor the SGML page marks of text exhibits)
    lines = [ln.strip() for ln in text.splitlines() if re.search(r"[A-Za-z0-9]", ln)
             and not re.fullmatch(r"\s*</?(?:page|table|caption|s|c)>\s*", ln, re.I)][:40]
    for i in range(len(lines) - 2):  # "SUBSIDIARIES" / "OF" / "ACME HOLDINGS LTD.": the title over three lines
        if re.fullmatch(r"(?i)(?:list\s+of\s+)?subsidiaries", lines[i]) and re.fullmatch(r"(?i)of", lines[i + 1]):
            lines[i:i + 2] = [lines[i] + " " + lines[i + 1]]
            break
    for i, ln in enumerate(lines):
        m = re.search(r"(?i)subsidiaries\s+of\s*(?P<p>.*)$", ln)
        if not m or len(ln) > 200:
            continue
        rest = m["p"].strip()
        if not rest and i + 1 < len(lines):
            rest = lines[i + 1]  # "LIST OF SUBSIDIARIES OF" / "ACME CORP"
        if re.match(r"(?i)(?:the\s+)?(?:registrant|company|corporation)\b", rest):
            break
        p = _PARENT_END.split(rest, maxsplit=1)[0].strip(" *:")
        if 2 < len(p) < 120 and not _PROSE.search(p):
            return p
        break
    for i, ln in enumerate(lines):
        if re.fullmatch(r"(?:list\s+of\s+)?(?:significant\s+)?subsidiaries(?:\s+of\s+(?:the\s+)?registrant)?", ln,
                        re.I) and i:
            cand = lines[i - 1].strip(" *")
            if re.fullmatch(r"\((?:an?\s+)?[^()]{2,60}\)", cand) and i >= 2:
                cand = lines[i - 2].strip(" *")  # "Foo Corporation" / "(A Minnesota Corporation)" / "List of ..."
            if not re.search(r"exhibit|document|^item\s+\d", cand, re.I) and len(cand) < 120:
                return cand
    return None


_HTML_RE = re.compile(r"(?i)<(?:html|body|div|p|tr|td|font|span)\b")


def _name_key(x: str) -> str:
    """A name without case, spaces or punctuation: 'Foo Holdings, Inc.' and 'FOO HOLDINGS INC' are one."""
    return re.sub(r"[^a-z0-9]+", "", x.lower())


def _same_name(a: str, b: str) -> bool:
    return _name_key(a) == _name_key(b)


def parse(data: bytes, source: str) -> FilingFacts:
    raw = decode(data)
    is_html = bool(_HTML_RE.search(raw[:20000]))  # (an SGML <TABLE> with <S> <C> columns is text)
    text = html_to_text(_SUP.sub(_sup_mark, raw)) if is_html else raw
    subs: list[dict] = []
    if is_html:
        groups = _Groups()
        roles: dict[int, str] | None = None
        rows: list[tuple[list[str], float, dict]] = []
        for row in re.findall(r"(?is)<tr\b[^>]*>(.*?)</tr\s*>", raw):
            positions: list[int] = []
            extra: dict = {}
            cells, indent = _cells(row, positions)
            if len(cells) >= 2:
                r = _column_roles(cells, positions)
                if r is not None:  # a header row naming a column to leave out (d/b/a, address)
                    roles = r
                    continue
                if roles is not None:
                    cells = _by_roles(cells, positions, roles, extra) or cells
            if cells:
                rows.append((cells, indent, extra))
        kinds = [("place" if len(c) == 1 and (h := _heading(c[0], True)) and h[0] == "place" else
                  "other" if (sub := _row_to_sub(c)) is None else "bare" if not sub["jurisdiction"] else "entry")
                 for c, _, _ in rows]
        wide = sum(1 for c, _, _ in rows if len(c) >= 2) > len(rows) / 2
        for i, (cells, indent, extra) in enumerate(rows):
            if wide and len(cells) == 1 and kinds[i] == "bare" and not _heading(cells[0], True) and not \
                    _ENTITY_END.search(_split_notes(_strip_aliases(cells[0])[0])[0]):
                # a row of one cell that is no name, in a table whose rows have columns: a section heading
                # ("Corporations", "LLC interests (including direct and indirect ownership) (Continued)")
                groups.heading("reset", None, indent, subs)
                continue
            # (inside a table a "Subsidiaries of X" row heads the rows under it even at the top: the exhibit's
            # title, when a row repeats it, names the parent and is left out below)
            if len(cells) == 1 and _NOTE_DEF.match(cells[0]) and not _pairs(cells):
                continue  # a footnote set in a row of the table ("* Inactive.", "(1) 50% owned by ...")
            head = _heading(cells[0], True) if len(cells) == 1 else None
            if head:  # a row of one cell heading the rows under it
                groups.heading(_place_role(kinds, i, subs) if head[0] == "place" else head[0], head[1], indent, subs)
                continue
            for part in _pairs(cells) or [cells]:
                sub = _row_to_sub(part)
                core = [c for c in part if not _ENUM_CELL.fullmatch(c.strip())]
                if len(core) == 1 and sub and not sub["jurisdiction"]:
                    # one cell printing a list line ("Foo Corp., a Delaware corporation, 100% owned by Bar")
                    sub = _text_line_sub(core[0]) or sub
                if sub:
                    sub["aliases"] += [a for a in extra.get("aliases", []) if a not in sub["aliases"]
                                       and not _same_name(a, sub["name"])]
                    if extra.get("location"):
                        sub["location"] = extra["location"]
                    if extra.get("held_by") and not sub.get("held_by") and not _SELF.match(extra["held_by"]) and \
                            not re.fullmatch(r"(?i)(?:the\s+)?registrant|parent", extra["held_by"]):
                        sub["held_by"] = extra["held_by"]
                    sub["indent"] = indent
                    groups.apply(sub)
                    subs.append(sub)
    if not subs:
        subs = _subs_from_text(text)
    if not subs:
        raise LoadError(source, "no subsidiaries found (expected a table or lines of name and jurisdiction)")
    _nest(subs)
    for s in subs:  # "Delaware statutory trust": the place is the jurisdiction, the legal form its own property
        filed = s.get("jurisdiction_filed") or s.get("jurisdiction")
        if s.get("jurisdiction") and not s.get("entity_form"):
            s["jurisdiction"], s["entity_form"] = _split_form(s["jurisdiction"])
        if s.get("jurisdiction"):  # "a German corporation", "Cayman", "BVI": the place the words stand for
            s["jurisdiction"] = _canon_place(s["jurisdiction"])
        # (the provenance keeps the words as filed when they name the place by a nationality word or short name)
        pf = _PLACE_FORM.match(filed) if filed else None
        named = pf["place"] if pf else filed
        s["jurisdiction_filed"] = filed if filed and s.get("jurisdiction") and (
            place_of_word(named) or _inner_place(named)) else None
    notes = _notes(text, {m for s in subs for m in s.get("footnotes") or []})
    for s in subs:
        texts = [notes[m] for m in s.get("footnotes") or [] if m in notes]
        if texts:
            s["footnote_text"] = " | ".join(texts)
        if s["percent"] is None:  # "(1) 50% owned by the Registrant": the note states the interest
            for t in texts:
                pm = _NOTE_PCT.search(t)
                if pm and re.search(r"(?i)\bown|\binterest|\bequity|\bheld\b|\bjoint\s+venture", t):
                    s["percent"] = f"{pm.group(1)}%"
                    break
                if re.match(r"(?i)(?:an?\s+)?wholly[\s-]*owned\b", t):
                    s["percent"] = "wholly owned"
                    break
        if not s.get("held_by"):  # "* Wholly owned by Contoso Holdings, Inc.": the note names the holder
            for t in texts:
                bm = _NOTE_BY.match(t)
                if bm and not _SELF.match(bm["by"]) and not re.search(r"\band\b", bm["by"]):  # (one holder)
                    s["held_by"] = _trim_name(bm["by"])
                    break
    parent = _parent(text)
    parent_terms: list[str] = []
    if parent:  # 'Subsidiaries of Foo Incorporated ("FOO")': the exhibit's name for the parent
        parent_terms = [m["term"] for m in re.finditer(re.escape(parent) + r"[\s,]*" + _DEFINED.pattern,
                                                        text[:5000])]
    by_term = {a: s["name"] for s in subs for a in s.get("aliases") or [] if len(a) <= 40}
    for s in subs:  # "100% owned by GROUP": the entry the exhibit defines as "GROUP"; "owned by GBSX": the parent
        hb = s.get("held_by")
        if hb and hb in parent_terms:
            s["held_by"] = None
        elif hb and hb in by_term and by_term[hb] != s["name"]:
            s["held_by"] = by_term[hb]
    dates = find_dates(" ".join(text.split()[:400]))
    digest = sha256(data)
    fid = filing_id(None, digest)
    info = FilingInfo(id=fid, form_type="EX-21", family="ex21", loader="ex21", source=source, sha256=digest,
                      event_date=dates[0] if dates else None, issuer_key="parent", filer_keys=["parent"])
    pp = Provenance(filing_id=fid, source=source, section="Exhibit 21, title",
                    excerpt=_excerpt(parent or "parent not named in the exhibit"))
    pprops = [] if parent else [PropFact(name="parent_unknown", value=True, prov=pp)]
    entities = [EntityFact(key="parent", kind=NodeKind.ORGANIZATION, name=parent or f"Unknown parent ({fid})",
                           props=pprops, prov=pp)]
    relations: list[RelationFact] = []
    seen: dict[str, tuple[str, dict, list]] = {}  # name|jurisdiction -> its entity's key, document entry, holders
    doc_subs = []
    for i, s in enumerate(subs, start=1):
        # (one entry listed again is one entry -- under another holder, a second edge; one name in two jurisdictions
        # is two companies; the registrant, as the title names it, is no entry)
        # (the same name however cased and punctuated: "Foo Holdings, Inc." and "FOO HOLDINGS INC")
        seen_key = f"{_name_key(s['name'])}|{(s['jurisdiction'] or '').lower()}"
        if parent and _same_name(s["name"], parent):
            continue
        via = s.get("held_by")
        if via and parent and _same_name(via, parent):
            via = None
        p = Provenance(filing_id=fid, source=source, section=f"Exhibit 21, row {i}",
                       excerpt=_excerpt(" | ".join(x for x in (s["name"], s.get("jurisdiction_filed") or
                                                               s["jurisdiction"], s["percent"]) if x)))
        if seen_key in seen:
            key, entry, holders = seen[seen_key]
            if any(h == via or (h and via and _same_name(h, via)) for h in holders):
                continue  # (the same listing again)
            # "Foo Funding Corp." under Foo Finance LLC and again under Foo Europe Ltd.: held through both
            holders.append(via)
            if via:  # (listed again directly under the registrant: the second edge has no held_through)
                entry.setdefault("other_parents", []).append(via)
            rprops: dict = {"jurisdiction": s["jurisdiction"], "held_through": via}
            if s["percent"]:
                pct, bound = parse_percent(s["percent"])
                rprops.update(percent=Decimal(100) if pct is None and re.search(r"(?i)wholly", s["percent"])
                              else pct, percent_text=s["percent"], percent_bound=bound or None)
            relations.append(RelationFact(type=EdgeKind.SUBSIDIARY_OF, source=key, target="parent",
                                          props={k: v for k, v in rprops.items() if v is not None}, prov=p,
                                          discriminator=f"held through {via}" if via else "held directly"))
            continue
        entry = {"name": s["name"], "jurisdiction": s["jurisdiction"],
                 "entity_form": s.get("entity_form"), "percent": s["percent"],
                 "parent": via, "footnotes": s.get("footnotes") or [], "aliases": s.get("aliases") or []}
        entry.update({k: s[k] for k in ("location", "status") if s.get(k)})
        doc_subs.append(entry)
        key = f"sub:{i}"
        seen[seen_key] = (key, entry, [via])
        props = [PropFact(name="jurisdiction", value=s["jurisdiction"], prov=p)] if s["jurisdiction"] else []
        if s.get("entity_form"):
            props.append(PropFact(name="entity_form", value=s["entity_form"], prov=p))
        for name in ("location", "status"):  # where it is ("Baltimore, MD"), "in liquidation", "dormant"
            if s.get(name):
                props.append(PropFact(name=name, value=s[name], prov=p))
        entities.append(EntityFact(key=key, kind=NodeKind.ORGANIZATION, name=s["name"], props=props, prov=p,
                                   aliases=[a for a in s.get("aliases") or [] if a != s["name"]]))
        rprops: dict = {"jurisdiction": s["jurisdiction"]}
        if s["percent"]:
            pct, bound = parse_percent(s["percent"])
            if pct is None and re.search(r"(?i)wholly", s["percent"]):
                pct = Decimal(100)
            rprops["percent"] = pct
            rprops["percent_text"] = s["percent"]
            if bound:
                rprops["percent_bound"] = bound
        if via:
            rprops["held_through"] = via
        if s.get("footnotes"):
            rprops["footnotes"] = ", ".join(s["footnotes"])
        if s.get("footnote_text"):
            rprops["footnote_text"] = s["footnote_text"]
        relations.append(RelationFact(type=EdgeKind.SUBSIDIARY_OF, source=key, target="parent",
                                      props={k: v for k, v in rprops.items() if v is not None}, prov=p))
    doc = {"parent": parent, "as_of": dates[0].isoformat() if dates else None, "subsidiaries": doc_subs,
           "notes": notes}
    return FilingFacts(filing=info, document=doc, entities=entities, relations=relations, warnings=[])


register(Loader(name="ex21", family="ex21", sniff=sniff, parse=parse, document_model=Exhibit21,
                description="Exhibit 21 subsidiaries list (HTML or text)"))
