"""13G Item 8, identification and classification of the members of the group: what the XML and the classic
loaders share.

* :func:`member_names` -- the members a list names, one a line or in a sentence ("consisting of A, B and C"),
  each with its classification code when it has one ("Alpha Capital LLC - IA");
* :data:`NOT_APPLICABLE`, :data:`NO_GROUP` (a disclaimer of any group), :data:`COLLECTIVE_GROUP` ("the
  Reporting Persons may be deemed to constitute a group"), :data:`SEE_ONLY` and :func:`exhibit_label`
  ("See Exhibit 99.1");
* :func:`exhibit_group_members` -- the exhibit Item 8 cites, a document of the submission (or one attached
  inside the XML), read for its list of members; :func:`document_group_members` -- the same exhibit when it is
  a part of the document itself (a heading "Exhibit A" after the signatures);
* :func:`read_member_list` / :func:`add_group_members` -- the list reader and the edges both use.
"""

from __future__ import annotations

import re

from ..graph.model import EdgeKind, EntityFact, FilingFacts, NodeKind, RelationFact


def exhibit_label(text: str) -> str | None:
    """'See Exhibit 99.1 attached hereto' -> 'Exhibit 99.1' (None when no exhibit is named)."""
    from ._item7 import _EXHIBIT_REF

    m = _EXHIBIT_REF.search(text)
    return f"{m.group('word').capitalize()} {m.group(2)}" if m else None


#: EDGAR's reporting person type codes (13G Item 8 classifies each member by one: "Alpha Capital LLC - IA")
TYPE_CODES = {"BD", "BK", "IC", "IV", "IA", "EP", "HC", "SA", "CP", "CO", "PN", "IN", "OO", "FI", "FS"}
NOT_APPLICABLE = re.compile(r"^\W*(?:not\s+applicable|n/?a|none|inapplicable)\b", re.I)
SEE_ONLY = re.compile(r"^\W*(?:see|refer\s+to)\s+(?:the\s+)?(?:item|exhibit|row|cover|response|attached|annex|schedule)",
                       re.I)
#: "the Reporting Persons do not affirm that they constitute a group", "disclaims membership in a group"
NO_GROUP = re.compile(
    r"\b(?:not|n't|neither|nor)\s+(?:affirm|admit|concede|believe|intend|acknowledge)|"
    r"\b(?:not|n't)\s+(?:be\s+)?(?:deemed\s+)?(?:to\s+)?(?:constitute|be|form|are|is|acting\s+as)\s+"
    r"(?:a\s+)?(?:member\s+of\s+a\s+|part\s+of\s+a\s+)?[\"“]?group|"
    r"\bdisclaim\w*\s+(?:\w+\s+){0,3}(?:membership|existence)\s+(?:in|of)\s+(?:a|any|such|the)\s+[\"“]?group|"
    r"\bno\s+group\b", re.I)
#: "The Reporting Persons are members of a group" / "may be deemed to constitute a 'group'"
COLLECTIVE_GROUP = re.compile(
    r"\b(?:the|all|each\s+of\s+the)\s+reporting\s+persons\s+(?:are|is|may\s+be\s+deemed\s+(?:to\s+be\s+|to\s+constitute\s+)?|"
    r"constitute|comprise|form|have\s+filed\s+as|are\s+filing\s+as|file\s+as)\s*(?:members\s+of\s+)?(?:a\s+)?[\"“]?group\b",
    re.I)
_LIST_INTRO = re.compile(r"(?:consist(?:s|ing)\s+of|compris(?:es|ed\s+of|ing)|members\s+of\s+the\s+group\s+(?:are|is|include)|"
                         r"group\s+(?:members\s+)?(?:are|is|include[sd]?)|following\s+(?:persons|entities|members)[^:]{0,40}|"
                         r"filed\s+(?:by|on\s+behalf\s+of))\s*:?\s*", re.I)
_MEMBER_SPLIT = re.compile(r"\n+|;\s*(?:and\s+)?|\(\s*(?:[ivx]{1,5}|[a-h]|\d{1,2})\s*\)\s*|"
                           r",\s*(?:and\s+)?(?!\s*(?:L\.?\s?P\.?|L\.?L\.?C\.?|Inc\.?|Ltd\.?|Limited|N\.A\.|S\.A\.|plc|AG|LLLP|Jr\.?|Sr\.?|II|III|IV)\b)|"
                           r"\s+and\s+(?=[A-Z])")
_MEMBER_CODE = re.compile(r"\s*(?:[-–—:,]\s*|\(\s*|(?<=\S)(?:\s{2,}|\t))([A-Z]{2})\s*\)?\s*$")
_MEMBER_LEAD = re.compile(r"^\s*(?:[-•*·]+|\d{1,2}[.)]|[a-h][.)]|[ivx]{1,5}[.)])?\s*")
_MEMBER_DESCRIPTOR = re.compile(r",?\s+(?:an?\s+|the\s+)(?:[a-z]|[A-Z][a-z]+\s+(?:limited|corporation|company|"
                                r"partnership|LLC|entity|exempted|individual|citizen|investment|registered|bank|insurance))"
                                r".*$")


def member_names(text: str) -> list[tuple[str, str | None, str]]:
    """(name, classification code, the line) for each member a group-member list names."""
    lm = _LIST_INTRO.search(text)
    body = text[lm.end():] if lm else text
    out = []
    for piece in _MEMBER_SPLIT.split(body):
        piece = (piece or "").strip()
        if not piece or len(piece) > 200:
            continue
        name = _MEMBER_LEAD.sub("", piece).strip(" .,:;")
        code = None
        cm = _MEMBER_CODE.search(name)
        if cm and cm.group(1) in TYPE_CODES:
            code, name = cm.group(1), name[:cm.start()].strip(" .,:;-–—")
        name = _MEMBER_DESCRIPTOR.sub("", name).strip(" .,:;")
        name = re.sub(r"\s+(?:and|or)$", "", name).strip(" ,")
        if re.search(r"\b(?:Inc|Ltd|Co|Corp|L\.P|L\.L\.C|N\.V|S\.A|N\.A|B\.V|A\.G|S\.p\.A)$", name) and \
                re.search(re.escape(name) + r"\.", piece):
            name += "."  # the period of a legal form's abbreviation ("Ridgecrest Partners, Ltd.") is the name's
        if not name or not name[0].isupper() or len(name.split()) > 10 or re.search(r"\d{3,}", name):
            continue
        out.append((name, code, piece))
    return out


#: lines of an Item 8 exhibit that are its heading, not a member
_EXHIBIT_LABEL = re.compile(r"(?i)^\W*(?:exhibit|appendix|annex|attachment|schedule)\s+\S+\W*$")
_EXHIBIT_HEAD = re.compile(r"(?i)identification|classification|members?\s+of\s+(?:the\s+)?group|group\s+members|"
                           r"^\W*(?:name|member)s?\W*(?:\s+\W*(?:type|classification|item\s+3)\W*)?$")
_SENTENCE_WORDS = re.compile(r"\b(?:is|are|was|were|has|have|hereby|pursuant|agree[sd]?|shall|may|which|who|"
                             r"undersigned|behalf|filed|beneficial\w*)\b", re.I)


def read_member_list(text: str) -> list[tuple[str, str | None, str]]:
    """(name, classification code, line) of each member an Item 8 exhibit lists, one a line (a table row of
    name and code, a typed line "Alpha Capital LLC   IA", or a name column with its classification written
    out beside it: "Alpha Capital LLC     Investment adviser registered under ..."); [] when the text is no
    member list (no heading saying these are the group's members, nor a classification on each line)."""
    raw_lines = [ln.rstrip() for ln in text.splitlines() if ln.strip()]
    names: list[tuple[str, str | None, str]] = []
    started = False
    indent: int | None = None  # where the list's names start (typed text: deeper lines continue a cell)
    running = False  # the line before was a sentence that goes on
    for raw in raw_lines[:400]:
        ln = raw.strip()
        lead = len(raw) - len(raw.lstrip(" "))
        if names and indent is not None and "\t" not in raw and lead >= indent + 12:
            continue  # the wrapped second column of a typed table
        if _EXHIBIT_LABEL.match(ln) and not names:
            continue
        if _EXHIBIT_HEAD.search(ln) and len(ln) < 160 and not names:
            started = True
            continue
        if running:  # the rest of a sentence wrapped to this line ("... registered under\n Section 15 of the Act.")
            running = not ln.endswith((".", ":"))
            if names:
                break
            continue
        cell, written = _name_and_written_code(raw)
        if cell is not None:
            names.append((cell, written, ln))
            indent = lead if indent is None else indent
            continue
        if len(ln) > 160 or _SENTENCE_WORDS.search(ln) or re.search(r"(?i)\bagreement\b", ln) or \
                ln.lower().startswith(("/s/", "by:", "name:", "title:", "date")):
            if names:
                break  # the list has ended
            running = _SENTENCE_WORDS.search(ln) is not None and not ln.endswith((".", ":"))
            continue
        got = member_names(ln)
        if not got:
            if names:
                break
            continue
        names.extend(got)
        indent = lead if indent is None else indent
    if started and not any(code for _, code, _ in names):
        # sentences that classify their members, when the lines read are no list of classified names
        by_sentence = _sentence_members(text)
        if by_sentence:
            return by_sentence
    if not names or not started and not all(code for _, code, _ in names):
        return []
    return names


#: "A and B are holding companies or control persons." / "C is a Broker or Dealer registered under Section 15"
_CLASS_SENTENCE = re.compile(r"^(?P<names>[A-Z][^:;]{1,300}?)\s+(?:is|are)\s+(?:each\s+)?(?:an?\s+)?(?P<cls>[A-Za-z].*)$", re.S)
_HOLDING = re.compile(r"(?i)(?:parent\s+)?holding\s+compan(?:y|ies)(?:\s+or\s+control\s+persons?)?\b|control\s+persons?\b")


def _sentence_members(text: str) -> list[tuple[str, str | None, str]]:
    """A member list written as sentences under its heading, each naming members and their classification
    ("Harbor Drive Management is an investment adviser registered under Section 203 of the ..."): (name, code,
    sentence); a sentence that classifies no one ("X is a French societe anonyme ...") names none."""
    from ._item7 import _WORDS
    from ._prose import sentences

    out: list[tuple[str, str | None, str]] = []
    for sent in sentences(" ".join(text.split())[:20000]):
        sent = sent.strip(" \t-_=*•")
        m = _CLASS_SENTENCE.match(sent)
        if not m:
            continue
        cls = m.group("cls")[:120]
        code = "HC" if _HOLDING.match(cls) else next((c for rx, c in _WORDS if rx.match(cls)), None)
        if code is None:
            continue
        lead = re.sub(r"(?is)^.*?\bmembers?\s+of\s+the\s+group\W*", "", m.group("names"))  # a heading run in
        got = member_names(lead)
        if not got or any(c or len(n.split()) > 8 for n, c, _ in got):
            continue
        out.extend((n, code, sent) for n, _, _ in got)
    return out


_CELL_GAP = re.compile(r"\t+|\s{3,}")


def _name_and_written_code(raw: str) -> tuple[str | None, str | None]:
    """A row whose first cell is a name and whose second cell writes its classification out ("Investment
    adviser registered under ...", "A parent holding company or control person of ..."): (name, code)."""
    from ._item7 import _WORDS

    cells = [c.strip() for c in _CELL_GAP.split(raw.strip()) if c.strip()]
    if len(cells) < 2 or len(cells[0]) > 100:
        return None, None
    rest = " ".join(cells[1:])
    code = next((c for rx, c in _WORDS if rx.match(re.sub(r"^(?i:an?|the)\s+", "", rest))), None)
    if code is None:
        return None, None
    got = member_names(cells[0])
    if len(got) != 1 or got[0][1]:
        return None, None
    return got[0][0], code


def add_group_members(facts: FilingFacts, names: list[tuple[str, str | None, str]], section: str) -> int:
    """``MEMBER_OF_GROUP`` of the filing's group for each listed member, cited to ``section`` (the exhibit); a
    member the filing does not name elsewhere is a new entity.  The number of members read."""
    from ._prose import Resolver, _looks_org, _prov

    res = Resolver(facts)
    grouped = {r.source for r in facts.relations if r.type == EdgeKind.MEMBER_OF_GROUP}
    n = 0
    for name, code, line in names:
        pv = _prov(facts, None, section, line)
        key = res.resolve(name)
        if key == facts.filing.issuer_key:
            continue
        if key is None:
            if not all(w[0].isupper() or w.lower() in ("of", "and", "&", "de", "the", "for") or not w[0].isalpha()
                       for w in name.split()):
                continue
            kind = NodeKind.ORGANIZATION if _looks_org(name) else NodeKind.PERSON
            if kind == NodeKind.PERSON and not 2 <= len(name.split()) <= 4:
                continue
            i = sum(1 for x in facts.entities if x.key.startswith("grp:")) + 1
            while facts.entity(f"grp:{i}") is not None:
                i += 1
            key = f"grp:{i}"
            facts.entities.append(EntityFact(key=key, kind=kind, name=name, prov=pv))
        n += 1
        if key in grouped:
            if code:  # a member the cover pages put in the group already: the list adds its classification
                for r in facts.relations:
                    if r.type == EdgeKind.MEMBER_OF_GROUP and r.source == key and "classification" not in r.props:
                        r.props["classification"] = code
                        break
            continue
        grouped.add(key)
        facts.relations.append(RelationFact(type=EdgeKind.MEMBER_OF_GROUP, source=key, target="filing",
                                            props={"classification": code} if code else {}, prov=pv))
    return n


def exhibit_group_members(facts: FilingFacts, exhibits: list[tuple[dict, bytes, str]], source: str) -> int:
    """13G Item 8 "See Exhibit 99.1": the members the cited exhibit lists (one a line, with or without a
    classification code) get ``MEMBER_OF_GROUP``, cited to the exhibit; a member the filing does not name
    elsewhere is a new entity.  The exhibit is the document carrying the label (its first lines, its
    description, or type EX-99.1 for "Exhibit 99.1")."""
    doc = facts.document if isinstance(facts.document, dict) else {}
    info = doc.get("item_8_members")
    if not info or not info.get("exhibit") or info.get("found"):
        return 0
    from ._item7 import cited_exhibits

    label = info["exhibit"]
    for text, is_cited in cited_exhibits(exhibits, label):
        if not is_cited:
            continue
        names = read_member_list(text)
        n = add_group_members(facts, names, label) if names else 0
        if n:
            info["found"] = n
            return n
    return 0


def document_group_members(facts: FilingFacts, text: str, label: str, start: int = 0) -> int:
    """The cited exhibit when it is part of the document itself ("Exhibit A -- Identification of Members of the
    Group" after the signatures, "Exhibit 99.1" within one HTML document): the text under each heading line
    ``label`` after ``start``, up to the next heading, read for its member list.  The number of members read."""
    from ._item7 import _HEAD_LINE, _NEXT_HEAD

    word, _, tag = label.partition(" ")
    for m in _HEAD_LINE.finditer(text, start):
        if m.group("word").lower() != word.lower() or m.group(2).upper() != tag.upper():
            continue
        pos = m.end()
        while True:  # an exhibit titled by the item it answers ("Item 8  Identification and ...") goes on
            nxt = _NEXT_HEAD.search(text, pos)
            if nxt and re.match(r"(?i)[ \t*#>_\-]*(?:\*\*)?\s*item\s*[78]\b", nxt.group(0)) and \
                    not text[m.end():nxt.start()].strip():
                pos = nxt.end()
                continue
            break
        region = text[m.start():nxt.start() if nxt else len(text)][:60_000]
        names = read_member_list(region)
        n = add_group_members(facts, names, label) if names else 0
        if n:
            return n
    return 0
