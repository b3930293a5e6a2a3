"""Schedule 13G Item 7: the subsidiaries a parent holding company reports for.

Item 7 ("Identification and Classification of the Subsidiary Which Acquired the Security Being Reported
on by the Parent Holding Company or Control Person") is answered by a parent (a reporting person of type
HC, Rule 13d-1(b)(1)(ii)(G)) either inline or by reference to an exhibit ("See Exhibit A", "See Exhibit
99.1", "See attached Appendix A") that lists the subsidiaries, usually with their Item 3 classification::

    Subsidiary                                   Item 3 Classification
    BlackRock Advisors, LLC                      IA
    Fidelity Management Trust Company *          BK

Each listed subsidiary is controlled by the parent: an Organization entity (an entity the filing already
names is reused) and a ``CONTROLS`` edge parent -> subsidiary with ``basis="subsidiary"``, ``stated=True``
and ``classification`` (the Item 3 code: "IA", "BK", "HC", ...) when the list gives one.  The basis says
control, not ownership: a subsidiary need not be wholly owned, so the control analysis gives it no
economic interest (compare "wholly owns").  Section ``"Item 7"`` for an inline answer, the exhibit as
cited (``"Exhibit A"``) for a list read from an exhibit.

"Not applicable", "None", "See Item 2" give nothing.  The exhibit is looked for in the document itself
(a heading line "Exhibit A" after Item 7) and, when it is not there, in the submission's other documents:
the loaders leave ``document["item_7_subsidiaries"]`` = ``{"exhibit": "Exhibit A", "found": 0, ...}`` and
:func:`exhibit_subsidiaries` (called by the submission loader and by the XML loader for the documents
attached inside the XML) reads the exhibit document that carries the label or states the Item 7 list.
Prose in the exhibit ("Vanguard Fiduciary Trust Company, a wholly-owned subsidiary of The Vanguard Group,
Inc., ...") goes through :func:`ownergraph.loaders._prose.mine_text` like the items' prose.
"""

from __future__ import annotations

import re

from ..graph.ids import normalize_name
from ..graph.model import EdgeKind, EntityFact, FilingFacts, NodeKind, RelationFact
from ._text import decode, html_to_text

#: Item 3 classification codes (the 13G XML's BUSINESS_ENGAGED_TYPE)
CODES = ("BD", "BK", "IC", "IV", "IA", "EP", "HC", "SA", "CP", "FI")
#: Item 3 letters: "3(e)" is an investment adviser
_LETTERS = dict(zip("abcdefghij", CODES))
#: classifications written out
_WORDS = (
    (re.compile(r"investment\s+advis[eo]rs?", re.I), "IA"),
    (re.compile(r"broker[\s-]*(?:or\s+)?dealers?", re.I), "BD"),
    (re.compile(r"insurance\s+compan(?:y|ies)", re.I), "IC"),
    (re.compile(r"investment\s+compan(?:y|ies)", re.I), "IV"),
    (re.compile(r"parent\s+holding\s+compan(?:y|ies)|control\s+persons?", re.I), "HC"),
    (re.compile(r"savings\s+associations?", re.I), "SA"),
    (re.compile(r"employee\s+benefit\s+plans?", re.I), "EP"),
    (re.compile(r"non-?\s*U\.?\s*S\.?\s+institutions?", re.I), "FI"),
    (re.compile(r"banks?", re.I), "BK"),
)

_HEADING = re.compile(
    r"(?is)^.{0,80}?\bItem\s*7\b\s*[.:\-–—]?\s*(?:Identification\s+and\s+Classification\s+of\s+(?:the\s+)?"
    r"Subsidiar(?:y|ies)\s+Which\s+Acquired\s+the\s+Securit(?:y|ies)\s+Being\s+Reported\s+on\s+by\s+the\s+"
    r"Parent\s+Holding\s+Company(?:\s+or\s+Control\s+Person)?\s*[.:]?)?")
#: the form's own instruction, repeated by some filers under the heading
_INSTRUCTION = re.compile(r"(?is)If\s+a\s+parent\s+holding\s+company\s+has\s+filed\s+this\s+schedule.*?"
                          r"(?:relevant\s+subsidiary\s*\.|$)")
_NOT_APPLICABLE = re.compile(r"(?i)^\W*(?:not\s+applicable|inapplicable|n\s*/\s*a|none|no\s+subsidiar\w*[^.]*)\W*$")
_REF_WORD = r"(?:Exhibit|Appendix|Annex|Attachment|Schedule)"
_REF_LABEL = r"(?:No\.\s*)?([A-Z]|\d{1,3}(?:\.\d{1,3})?|[IVX]{1,5})(?![\w.]*\w)"
_EXHIBIT_REF = re.compile(
    r"(?i:\b(?:see|refer\s+to|set\s+forth\s+(?:in|on)|listed\s+(?:in|on)|identified\s+(?:in|on)|attached\s+"
    r"(?:hereto\s+)?as|included\s+(?:in|as)|contained\s+in)\s+(?:the\s+)?(?:attached\s+|accompanying\s+)?)"
    r"(?P<word>(?i:" + _REF_WORD + r"))\s+" + _REF_LABEL)
_HEAD_LINE = re.compile(r"(?im)^[ \t*#>_\-]*(?:\*\*)?\s*(?P<word>" + _REF_WORD + r")\s+" + _REF_LABEL +
                        r"[ \t*_]*(?:[.:\-–—]?[ \t]*[^\n]{0,100})?$")
_NEXT_HEAD = re.compile(r"(?im)^[ \t*#>_\-]*(?:\*\*)?\s*(?:(?:EXHIBIT|Exhibit|APPENDIX|Appendix|ANNEX|Annex)\s+\S+|"
                        r"SIGNATURES?\b|Signatures?\s*$|(?:ITEM|Item)\s*\d+\b(?!\s+[Cc]lassification)|JOINT\s+FILING)")
_ITEM8 = re.compile(r"(?im)^[ \t*#>\-]*(?:\*\*)?\s*ITEM\s*(?:8|9|10)\b")

_CODE_RE = "|".join(CODES)
#: one list line: a name, then its classification after a tab, two spaces, a dash, a comma or in parentheses
_LINE = re.compile(
    r"^\s*(?:[-•*▪◦]+|\(?\d{1,2}[.)]|\(?[a-z][.)])?\s*(?P<name>[A-Z0-9“\"][^\t]{1,160}?)[\s*†]*"
    r"(?:(?P<sep>\t+|\s{2,}|\s+[-–—:|]\s+|\s*,\s*|\s+)(?:\(\s*)?(?:Item\s+)?(?:3\s*)?(?:\(\s*(?P<letter>[a-j])\s*\)|"
    r"(?P<code>" + _CODE_RE + r"))(?:\s*\))?(?:\s*[,/&]\s*(?:" + _CODE_RE + r"))*"
    r"|\t+(?P<words>[A-Za-z][A-Za-z .\-]{2,60}))?[\s*†]*$")
_SENTENCE = re.compile(r"\b(?:is|are|was|were|has|have|had|hereby|pursuant|following|which|who|beneficially|"
                       r"owns?|held|holds|reported|filed|acquired|identif\w*|classification|entity|entities|"
                       r"subsidiar\w*|shares|see|page|signature|dated|date)\b", re.I)
_HEADER_CELL = re.compile(r"(?i)^(?:name(?:\s+of\s+\w+)?|subsidiar(?:y|ies)|entity|entities|item\s+3\s+"
                          r"classification|classification|type|code)$")
_INLINE = re.compile(
    r"(?i:(?:the\s+)?(?:relevant\s+)?subsidiar(?:y|ies)\s+(?:which\s+acquired[^.;]*?\s+|of\s+[^.;]*?\s+)?"
    r"(?:is|are|includes?|include)\s*:?\s+)(?P<names>[A-Z].+?)(?:\.\s+(?=[A-Z])|\.$|;|$)")


def item7_answer(text: str) -> str:
    """The answer of a classic Item 7 section: its heading and the form's instruction dropped."""
    s = _HEADING.sub("", text, count=1)
    s = _INSTRUCTION.sub(" ", s)
    return s.strip()


def exhibit_reference(answer: str) -> str | None:
    """"See Exhibit A" -> "Exhibit A"; None when the answer refers to no exhibit ("See Item 2")."""
    m = _EXHIBIT_REF.search(answer)
    if not m:
        return None
    return f"{m.group('word').title()} {m.group(2)}"


def not_applicable(answer: str) -> bool:
    return not answer.strip() or bool(_NOT_APPLICABLE.match(" ".join(answer.split())))


def _code_of(m: re.Match) -> str | None:
    if m.group("code"):
        return m.group("code")
    if m.group("letter"):
        return _LETTERS[m.group("letter")]
    w = m.group("words")
    if w:
        for rx, code in _WORDS:
            if rx.fullmatch(w.strip(" .")) or rx.match(w.strip()):
                return code
    return None


def _looks_like_org(name: str) -> bool:
    from ._prose import _looks_org

    return _looks_org(name)


def parse_list(text: str) -> list[tuple[str, str | None, str]]:
    """(name, classification, line) for each subsidiary line of an Item 7 answer or exhibit."""
    out: list[tuple[str, str | None, str]] = []
    seen: set[str] = set()
    lines = []
    for raw in text.splitlines():
        lines.extend(raw.split(";") if ";" in raw and "\t" not in raw else [raw])
    for raw in lines:
        line = raw.strip(" \t,;")
        if not line or len(line) > 220:
            continue
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if cells and all(_HEADER_CELL.match(c.strip(" :*")) for c in cells):
            continue
        m = _LINE.match(line)
        if not m:
            continue
        name = " ".join(m.group("name").split()).strip(" ,;:*†\"“”")
        name = re.sub(r"\s*\((?:\d{1,2}|[a-z]|\*+)\)$", "", name)  # a footnote mark
        code = _code_of(m)
        if code == "SA" and m.group("sep") == " ":
            name, code = f"{name} SA", None  # "Pictet Asset Management SA": the legal form, not the code
        if m.group("words") and code is None:
            continue  # a second cell that is no classification: not a list line
        if not name or len(name.split()) > 14 or not name[:1].isalnum() or _SENTENCE.search(name):
            continue
        if re.search(r"\.\s+[a-z]", name) or name.endswith(".") and not re.search(
                r"\b(?:Inc|Corp|Co|Ltd|L\.P|L\.L\.C|N\.A|N\.V|S\.A|B\.V|plc|A\.G|S\.p\.A|Pty)\.$", name):
            continue
        if not _looks_like_org(name):
            continue
        key = normalize_name(name, NodeKind.ORGANIZATION)
        if key in seen:
            continue
        seen.add(key)
        out.append((name, code, line))
    return out


def _split_names(s: str) -> list[str]:
    parts = re.split(r";\s*|,\s+and\s+|\s+and\s+|,\s+(?=[A-Z][\w&.\-]*\s)", s)
    out = []
    for p in parts:
        p = p.strip(" ,")
        if not p:
            continue
        # a legal form split off by the comma rule ("Acme Advisors, LLC")
        if out and re.fullmatch(r"(?:Inc|LLC|L\.L\.C|L\.P|LP|Ltd|Limited|Corp|N\.A|plc|S\.A|B\.V|N\.V)\.?", p):
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out


def parse_inline(answer: str) -> list[tuple[str, str | None, str]]:
    """A sentence answer: "The relevant subsidiary is Acme Advisors, LLC, an investment adviser." """
    out = []
    for m in _INLINE.finditer(" ".join(answer.split())):
        for part in _split_names(m.group("names")):
            name, code = part, None
            pm = re.search(r"\s*\((" + _CODE_RE + r")\)$", name)
            if pm:
                name, code = name[:pm.start()], pm.group(1)
            dm = re.search(r",\s+(?:an?|the)\s+(.+)$", name)
            if dm:
                for rx, c in _WORDS:
                    if rx.search(dm.group(1)):
                        code = code or c
                        break
                name = name[:dm.start()]
            name = name.strip(" ,")
            if name and name[:1].isupper() and _looks_like_org(name) and not _SENTENCE.search(name) and len(name.split()) <= 14:
                out.append((name, code, m.group(0)))
    return out


def find_exhibit(text: str, label: str, start: int = 0) -> tuple[list[tuple[str, str | None, str]], str]:
    """The subsidiary list under the heading line ``label`` ("Exhibit A") of ``text``, after ``start``, and the
    text under that heading (the first heading with a list; else the longest text under one)."""
    word, _, tag = label.partition(" ")
    best = ""
    for m in _HEAD_LINE.finditer(text, start):
        if m.group("word").lower() != word.lower() or m.group(2).upper() != tag.upper():
            continue
        nxt = _NEXT_HEAD.search(text, m.end())
        region = text[m.end():nxt.start() if nxt else len(text)][:60_000]
        got = parse_list(region) or parse_inline(region)
        if got:
            return got, region
        if len(region.strip()) > len(best.strip()):
            best = region
    return [], best


def parent_key(facts: FilingFacts) -> str | None:
    """The reporting person a 13G's Item 7 speaks for: the one of type HC (the one organization of type HC),
    else the only reporting person."""
    filers = [e for e in (facts.entity(k) for k in facts.filing.filer_keys) if e is not None]
    hc = [e for e in filers if "HC" in str(e.prop("reporting_person_type") or "").replace(" ", "").split(",")]
    if len(hc) > 1:
        hc = [e for e in hc if e.kind == NodeKind.ORGANIZATION]
    if len(hc) == 1:
        return hc[0].key
    if not hc and len(filers) == 1:
        return filers[0].key
    return None


def add_subsidiaries(facts: FilingFacts, entries: list[tuple[str, str | None, str]], section: str,
                     ctx=None) -> int:
    """The CONTROLS edges parent -> subsidiary for ``entries``; the number of subsidiaries linked."""
    if not entries:
        return 0
    parent = parent_key(facts)
    if parent is None:
        facts.warnings.append(f"{facts.filing.source}: {section} lists subsidiaries but no reporting person is "
                              f"the parent holding company (type HC): no control edges")
        return 0
    from ._prose import Resolver, _prov

    res = Resolver(facts, ctx)
    n = 0
    for name, code, line in entries:
        pv = _prov(facts, None, section, line)
        key = res.resolve(name)
        e = facts.entity(key) if key else None
        if key == parent or key == facts.filing.issuer_key or (e is not None and e.kind != NodeKind.ORGANIZATION):
            continue
        if e is None:
            i = sum(1 for x in facts.entities if x.key.startswith("sub:")) + 1
            key = f"sub:{i}"
            while facts.entity(key) is not None:
                i += 1
                key = f"sub:{i}"
            facts.entities.append(EntityFact(key=key, kind=NodeKind.ORGANIZATION, name=name, prov=pv))
        have = next((r for r in facts.relations if r.type == EdgeKind.CONTROLS and r.source == parent
                     and r.target == key), None)
        if have is not None:  # the prose stated it already ("a wholly-owned subsidiary of"): add the code
            if code and "classification" not in have.props:
                have.props["classification"] = code
            n += 1
            continue
        props = {"basis": "subsidiary", "stated": True}
        if code:
            props["classification"] = code
        facts.relations.append(RelationFact(type=EdgeKind.CONTROLS, source=parent, target=key, props=props, prov=pv))
        n += 1
    return n


def record(facts: FilingFacts, doc: dict, answer: str, found: int, exhibit: str | None) -> None:
    """What Item 7 said, in the document (``item_7_subsidiaries``), for a later look at the exhibits."""
    doc["item_7_subsidiaries"] = {"answer": " ".join(answer.split())[:2000], "exhibit": exhibit, "found": found}


def mine_item7(facts: FilingFacts, answer: str, doc: dict, *, body: str = "", body_start: int = 0,
               ctx=None) -> int:
    """Item 7 of a 13G: an inline list, or the exhibit it cites when ``body`` (the document's text) holds it."""
    if not_applicable(answer):
        return 0
    label = exhibit_reference(answer)
    found = 0
    if label:
        entries, region = find_exhibit(body, label, body_start) if body else ([], "")
        found = add_subsidiaries(facts, entries, label, ctx)
        if not found and region.strip():
            # a prose exhibit: "X, a wholly-owned subsidiary of the Reporting Person, ..."
            from ._prose import mine_text

            n_before = len(facts.relations)
            mine_text(region, section=label, facts=facts, ctx=ctx)
            found = sum(1 for r in facts.relations[n_before:] if r.type == EdgeKind.CONTROLS)
    else:
        if re.match(r"(?i)\W*see\s+(?:the\s+)?(?:response\s+to\s+)?items?\b", answer):
            return 0
        found = add_subsidiaries(facts, parse_list(answer) or parse_inline(answer), "Item 7", ctx)
    record(facts, doc, answer, found, label)
    return found


def _exhibit_text(body: bytes, fmt: str) -> str:
    if fmt == "html":
        return html_to_text(decode(body[:3_000_000]))
    return decode(body[:3_000_000])


def cited_exhibits(exhibits: list[tuple[dict, bytes, str]], label: str):
    """(text, is_cited) of each HTML or text document among a submission's exhibits: cited when it carries
    ``label`` ("Exhibit A", "Exhibit 99.1") in its first lines or its description, or is of type EX-99.1 for
    "Exhibit 99.1"."""
    word, _, tag = label.partition(" ")
    lab = re.compile(r"(?i)\b" + re.escape(word) + r"\s+" + re.escape(tag) + r"(?![\w.]*\w)")
    for fields, body, fmt in exhibits:
        if fmt not in ("html", "text") or not body:
            continue
        text = _exhibit_text(body, fmt)
        head = "\n".join([ln for ln in text.splitlines() if ln.strip()][:12])
        dtype = (fields.get("type") or "").upper().replace(" ", "")
        yield text, bool(lab.search(head) or lab.search(fields.get("description") or "")
                         or (tag[:1].isdigit() and dtype == f"EX-{tag}".upper()))


def exhibit_subsidiaries(facts: FilingFacts, exhibits: list[tuple[dict, bytes, str]], source: str) -> int:
    """The Item 7 exhibit among a submission's other documents (``(fields, body, format)``), when Item 7
    cited one the document itself does not hold: the one carrying the label ("Exhibit A" in its title, or
    type EX-99.1 for "Exhibit 99.1"), else one that states it answers Item 7."""
    doc = facts.document if isinstance(facts.document, dict) else {}
    info = doc.get("item_7_subsidiaries")
    if not info or not info.get("exhibit") or info.get("found"):
        return 0
    label = info["exhibit"]
    labelled, stating = [], []
    for text, is_cited in cited_exhibits(exhibits, label):
        if is_cited:
            labelled.append(text)
        elif re.search(r"(?i)\bItem\s+7\b|relevant\s+subsidiar|Item\s+3\s+classification", text[:5000]):
            stating.append(text)
    from ._prose import ProseContext, mine_text

    for text in labelled + stating:
        entries = parse_list(text) or parse_inline(text)
        ctx = ProseContext(facts)
        n_before = len(facts.relations)
        mine_text(text[:200_000], section=label, facts=facts, ctx=ctx)
        n = add_subsidiaries(facts, entries, label, ctx)
        if n or len(facts.relations) > n_before:
            info["found"] = n
            return n
    return 0
