"""Mining control and role statements from the prose of ownership filings.

Shared by every Schedule 13D/13G loader (classic text/HTML, XML item texts):
:func:`mine_text` reads sentences such as

* "BML Capital Management, LLC is the sole general partner of BML Investment Partners, L.P."
* "Platinum Holdings, the sole owner of Platinum Falcon, may be deemed ..."
* "ADIA is wholly owned ... by the Government"
* "Milton C. Ault, III, Chief Executive Officer and Chairman of Ault & Company and Founder and
  Executive Chairman of the Issuer"
* "Mr. Ault may be deemed to beneficially own the Shares owned directly by Ault & Company by virtue
  of his relationship with Ault & Company"
* "Dana Whitcombe is a member of the investment committee of Larch Capital LLC" and "... made by an
  investment committee of Larch Capital LLC consisting of A, B and C" (``EMPLOYED_BY``, never control)

and appends ``CONTROLS`` (``stated=True``, ``basis``), ``OFFICER_OF`` / ``DIRECTOR_OF`` /
``EMPLOYED_BY`` (``title``) relations to the :class:`FilingFacts` in place.  :func:`mine_table`
does the same for Schedule A style tables (name | position | principal occupation | address |
citizenship).

How a phrase is read: a *role phrase* (a run of title words -- "sole general partner",
"President, General Counsel and a director", "general partner and investment manager") followed
by ``of`` / ``to`` / ``for`` and one or more names is a role of the clause's subject in each
named entity.  Control roles (general partner, managing member, manager, sole owner / member /
shareholder, trustee, investment manager / adviser, parent, controlling shareholder) become
``CONTROLS``; "director" parts become ``DIRECTOR_OF``; other officer titles ``OFFICER_OF``; plain
"member", "partner", "employee", "portfolio manager" ``EMPLOYED_BY``.  Passive statements ("X is
wholly owned by Y", "X is a wholly-owned subsidiary of Y", "X is controlled by Y") and "by virtue
of his relationship with Y" become ``CONTROLS`` from Y (resp. the sentence's subject).

Entity resolution inside a filing (the rules; :mod:`ownergraph.graph.ids` does the rest across
filings):

1. "the Issuer", "the Company", "Issuer" are ``facts.filing.issuer_key``.
2. Defined terms are learned from the text: ``Ault & Company, Inc., a Delaware corporation
   ("Ault & Company")`` makes "Ault & Company" an alias of that entity (recorded in
   ``EntityFact.aliases``).  Generic defined terms ("Reporting Persons", "Shares") are ignored.
3. A mention equal to an entity's name or alias after :func:`~ownergraph.graph.ids.normalize_name`
   (case, punctuation, "&" = "and", one trailing legal form dropped: "Ault & Company" ==
   "Ault & Company, Inc.") is that entity.
4. A person mention of two or more words matches a person whose first and last names agree
   (initials match full names: "Braden M. Leonard" == "LEONARD BRADEN MICHAEL", SEC order is
   tried too), when exactly one person matches.
5. A surname-only mention ("Mr. Ault", "Ault") resolves to the *unique* person of the filing with
   that surname (generational suffixes such as "III" are not surnames).  If two people share the
   surname the mention is left unresolved: two people are never merged on a surname.
6. An organization mention of two or more words whose words appear, in order and starting with
   the same first word, in exactly one organization's name resolves to it ("Platinum Falcon" ->
   "Platinum Falcon B 2018 RSC Limited"); so does a distinctive single word (not a legal form or
   role word, no person's surname) that begins exactly one organization's name ("Gascon" ->
   "Gascon Partners").
7. Otherwise a full proper name in a subject or object position creates a new entity (an
   organization if it carries a legal form or an organization word such as Fund, Capital,
   Management, Holdings, Trust, Government; a person if it is two to five capitalized words or
   initials), keyed ``prose:N``.  Single words, pronouns and title-only phrases never create
   entities.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal
from typing import Iterable

from ..graph.ids import normalize_name
from ..graph.model import (
    EdgeKind,
    EntityFact,
    FilingFacts,
    NodeKind,
    PropFact,
    Provenance,
    RelationFact,
    constructor,
    excerpt,
)

# facts are built from values the miner has typed (str, bool, the enums, Provenance): every field passed, in the
# model's order (see graph.model.constructor)
_construct = constructor({
    Provenance: ("filing_id", "accession", "source", "section", "excerpt"),
    PropFact: ("name", "value", "prov"),
    EntityFact: ("key", "kind", "name", "cik", "cusip", "aliases", "props", "prov"),
    RelationFact: ("type", "source", "target", "props", "prov", "discriminator"),
})

# ----------------------------------------------------------------- vocabulary

_SUFFIX = (r"(?:Inc|Incorporated|LLC|L\.L\.C|LLLP|LLP|L\.P|LP|Ltd|Limited|Corp|Corporation|Co|N\.V|S\.A|"
           r"S\.A\.R\.L|plc|PLC|AG|GmbH|SE|B\.V|III|II|IV|V|Jr|Sr|Esq|RSC Limited)\.?")
_TOK = r"(?:[A-Z](?:(?:\.[A-Z])+\.?|[A-Za-z0-9'’\-]*\.?))"
_TOK2 = rf"(?:{_TOK}|\d[\d\-]*)"
_CONNECT = r"(?:of|the|de|du|van|von|der|den|la|le|y|for|&)"
# atomic: a name never gives words back, so regexes built on it cannot backtrack exponentially
NAME = (rf"(?>(?:Mr\.|Mrs\.|Ms\.|Dr\.|Messrs\.)?\s*{_TOK}(?:(?:\s+(?:{_CONNECT}\s+){{0,3}}|\s*&\s*){_TOK2}){{0,10}}"
        rf"(?:,?\s+{_SUFFIX}(?![A-Za-z])){{0,3}})")
_NAME_RE = re.compile(NAME)

_ROLE_WORDS = (
    "chief", "executive", "officer", "officers", "financial", "operating", "investment", "investments",
    "technology", "legal", "compliance", "accounting", "chairman", "chairwoman", "chairperson", "chair",
    "vice", "president", "director", "directors", "founder", "co-founder", "cofounder", "general", "counsel",
    "secretary", "treasurer", "senior", "managing", "member", "partner", "manager", "independent", "lead",
    "principal", "controller", "trustee", "co-trustee", "sole", "owner", "shareholder", "stockholder",
    "deputy", "assistant", "head", "portfolio", "adviser", "advisor", "non-executive", "parent",
    "controlling", "limited", "ceo", "cfo", "coo", "cio", "cto", "evp", "svp", "executive", "board",
    "the", "a", "an", "voting", "beneficial", "record", "majority", "employee", "administrative",
    "advisory", "strategy", "strategic", "development", "business", "corporate", "operations", "risk",
    "research", "marketing", "commercial", "medical", "scientific", "information", "global", "group",
    "regional", "division", "chairman's", "emeritus", "interim", "acting", "co-chief", "co-chairman",
    "co-president", "outside", "non-employee", "retired", "former", "sales", "product", "human",
    "resources", "people", "audit", "committee", "special", "registered", "authorized", "signatory",
    "non-member", "co-managing", "co-general",
)
_TITLE_CORE = (
    "officer", "chairman", "chairwoman", "chairperson", "chair", "president", "director", "founder",
    "co-founder", "cofounder", "counsel", "secretary", "treasurer", "partner", "member", "manager",
    "controller", "trustee", "co-trustee", "owner", "shareholder", "stockholder", "head", "adviser",
    "advisor", "parent", "ceo", "cfo", "coo", "cio", "cto", "evp", "svp", "employee", "signatory",
)
_ROLE_WORD_SET = frozenset(_ROLE_WORDS)  # for membership tests (the tuple keeps the order)


def _trie(words: Iterable[str]) -> str:
    """An alternation of ``words`` as a trie ("a(?:b|c)" for "ab", "ac"): the regex engine tries a branch only
    when its first character matches, so a long word list costs a few tests per position, not one per word."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alt(node: dict) -> str:
        branches = [re.escape(ch) + alt(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body
    return alt(root)


_RW = "|".join(sorted((re.escape(w) for w in _ROLE_WORDS), key=len, reverse=True))
_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s+|\s*/\s*)"
# as a trie (the same words, a longer one before a shorter one it begins with, as the list sorted longest first):
# a role phrase is tried at many places, and the engine then tests a few first letters, not a hundred and fifty words
_RWN = _trie(w for w in _ROLE_WORDS if w not in ("the", "a", "an"))
_ART = r"(?:(?:the|a|an)\s+)?"
ROLE = (rf"(?<![\w-])(?>{_ART}(?:(?:{_RWN})s?(?![\w-]))(?:{_SEP}{_ART}(?:{_RWN})s?(?![\w-])){{0,10}}"
        r"(?:\s+of\s+the\s+board(?:\s+of\s+directors)?)?)")
_ROLE_OF = re.compile(rf"({ROLE})\s+(of|to|for|at)\s+(?:each\s+of\s+|both\s+of\s+|all\s+of\s+)?", re.I)

_CONTROL_ROLES = [
    (r"\bgeneral\s+partners?\b", "general partner"),
    (r"\bmanaging\s+members?\b", "managing member"),
    (r"\bsole\s+members?\b", "sole member"),
    (r"\bsole\s+(?:owner|shareholder|stockholder)s?\b", None),
    (r"\b(?:controlling|majority)\s+(?:shareholder|stockholder|owner|member)s?\b", None),
    (r"\bparent\b", "parent"),
    (r"\b(?:voting\s+)?trustees?\b", None),
    (r"\b(?:co-)?trustees?\b", None),
    (r"\binvestment\s+(?:manager|adviser|advisor)s?\b", None),
    (r"(?<!portfolio\s)(?<!general\s)(?<!investment\s)\bmanager\b", "manager"),
    (r"\bowner\b", "owner"),
]
# one pattern per title word, tried together (any word as a whole word, optionally plural)
_TITLE_CORE_RE = re.compile("|".join(rf"(?<![\w-]){re.escape(w)}s?(?![\w-])" for w in _TITLE_CORE))
_CONTROL_ROLES_RE = [(re.compile(rx), basis) for rx, basis in _CONTROL_ROLES]
_DIRECTOR_PART = re.compile(r"\bdirectors?\b", re.I)
_NOT_DIRECTOR = re.compile(r"\bmanaging\s+director|\bdirector\s+of\s+(?:research|operations|sales|finance)", re.I)
_OFFICER_WORDS = re.compile(
    r"\b(?:officer|chairman|chairwoman|chairperson|chair|president|founder|co-founder|counsel|secretary|"
    r"treasurer|controller|ceo|cfo|coo|cio|cto|evp|svp|head|managing\s+director|signatory)\b", re.I)

_ORG_WORDS = {
    "inc", "incorporated", "llc", "lp", "llp", "lllp", "ltd", "limited", "corp", "corporation", "company", "co",
    "fund", "funds", "partners", "partnership", "capital", "management", "holdings", "holding", "group",
    "trust", "bank", "authority", "government", "advisors", "advisers", "associates", "ventures",
    "foundation", "investments", "investment", "plc", "nv", "sa", "gmbh", "ag", "rsc", "securities",
    "financial", "equity", "asset", "assets", "opportunities", "master", "offshore", "onshore", "international",
    "enterprises", "industries", "technologies", "bancorp", "bancshares", "insurance", "emirate", "state",
    "republic", "kingdom", "ministry", "university", "endowment", "family", "office", "estate", "sarl", "se",
    "bv", "pte", "spa", "ulc", "l", "p", "lllp", "pllc",
}
_GENERIC_TERMS = {
    "reporting person", "reporting persons", "shares", "share", "common stock", "issuer", "company", "act",
    "exchange act", "sec", "commission", "schedule 13d", "schedule 13g", "statement", "amendment",
    "agreement", "group", "filing persons", "filers", "original schedule 13d", "securities", "exchange",
    "common shares", "preferred stock", "warrants", "notes", "note", "closing", "closing date", "effective date",
}
_NOT_PARTY = re.compile(r"\b(?:Stock|Shares|Preferred|Warrants?|Notes?|Units|Options|Debentures?|Agreement|Plan|Act|"
                        r"Rule|Section|Item|Exhibit|Schedule|Amendment|Certificate|Securities|Common|Class|Series)\b")
_PRONOUNS = {"he", "she", "it", "they", "him", "her", "its", "his", "their", "each", "such person", "which", "who"}
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Messrs|Sir|Prof)\.?\s+", re.I)
_GEN_SUFFIX = {"jr", "sr", "ii", "iii", "iv", "v", "esq", "md", "phd", "cpa"}
_ISSUER_WORDS = re.compile(r"^(?:the\s+)?(?:issuer|company|registrant|corporation)$", re.I)

_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Messrs|Inc|Corp|Co|Ltd|No|Nos|Jr|Sr|St|Ave|Blvd|U\.S|e\.g|i\.e|et al|vs|Esq|Sec|"
    r"approx|Rule|Rules|Item|Items|Exh|Ex|Fig|L\.P|L\.L\.C|N\.V|S\.A|B\.V|p\.m|a\.m|Pty|Cie|Corp|Bros)|\b[A-Z])$")


# patterns of the hot paths, compiled once (re's cache lookup costs more than some of the matches)
# a full stop, ';' or ':' before a capital (or a list item), "; and", a blank line, a new line before a list item:
# written with the first character taken first (then the tests on it), so that the engine skips to the next
# '.', ';', ':' or new line without trying the alternatives at every position; the same matches as
# "[.;:]\s+(?=X)|;\s*(?:and|or)\s+|\n\s*\n+|\n(?=Y)"
_SENTENCE_END = re.compile(r"[.;:\n](?:(?<=[.;:])\s+(?=[\"“‘'(\[]?[A-Z0-9(\-•])|(?<=;)\s*(?:and|or)\s+|(?<=\n)\s*\n+|"
                           r"(?<=\n)(?=\s*[-•*]\s|\s*\(\w{1,4}\)\s))")
#: "... Kestrel Master Fund Ltd. Dana Whitcombe is ...": a legal form ends the sentence when a clause follows
#: (a name that is no legal form, then its verb), not in "Acme Co. Ltd. is" or "shares of Acme Inc. Common Stock"
_LEGAL_FORM_END = re.compile(r"\b(?:Inc|Corp|Co|Ltd|L\.P|L\.L\.C|N\.V|S\.A|B\.V|Pty|LLC|LP|plc)$")
_NEXT_CLAUSE = re.compile(
    r"(?:(?!(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|L\.P|LP|N\.V|S\.A|B\.V|Pty|plc|PLC)\b)[A-Z][\w'’\-]*\.?\s+){1,5}"
    r"(?:is|are|was|were|has|have|serves|served|holds|owns|controls|acts|may|shares|directly|indirectly)\b")
_SENTENCE_START_WORD = re.compile(r"(?:Mr|Ms|Mrs|Dr|The|Each|In|On|As|Such|This|These|Its|His|Her|All|None|No)\b")
_LIST_MARKERS = re.compile(r"^\s*(?:\(?[ivxlc\d]{1,5}[.)]\s*|[A-Z][.)]\s+|[-•*]\s*)+")
_PARENS = re.compile(r"\([^()]*\)")
_QUOTES = re.compile(r"[“”\"]")
_OPEN_PAREN_TAIL = re.compile(r"\(\s*(?:the|a|an|its|being)?\s*$")
_WHOSE_WORD = re.compile(r"\bwhose\b")
_PASSIVE_WORD = re.compile(r"\b(?:owned|controlled|managed|advised)\s")
_OWNS_WORD = re.compile(r"\b(?:owns|controls|holds)\s")
_TITLE_ARTICLE = re.compile(r"^(?:the|a|an|its|his|her|their)\s+", re.I)
_TITLE_AND_TAIL = re.compile(r"\s*,?\s*(?:and|&)$")
_MARKUP = re.compile(r"\*\*|__|\\(?=[$&*_#\[\]()])")


def _strip_markup(text: str) -> str:
    if text.isascii():  # NFKC leaves ASCII as it is, and it holds no no-break space
        if "*" not in text and "_" not in text and "\\" not in text:
            return text
        return _MARKUP.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _MARKUP.sub("", text)
    return text.replace("\u00a0", " ")


def sentences(text: str) -> list[str]:
    """Split prose into sentences and ';'-separated clauses, not at abbreviations ("Mr.", "Inc.", "C.W.")."""
    text = _strip_markup(text)
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[m.start()] == "." and _abbrev_before(text, m.start()) and not \
                _SENTENCE_START_WORD.match(text[m.end():m.end() + 6]) and not (
                    _LEGAL_FORM_END.search(text, max(0, m.start() - 8), m.start())
                    and _NEXT_CLAUSE.match(text, m.end(), m.end() + 90)):
            continue
        piece = " ".join(text[start:m.start() + 1].split())
        if piece:
            out.append(piece)
        start = m.end()
    tail = " ".join(text[start:].split())
    if tail:
        out.append(tail)
    # bound the work per sentence: a run-on "sentence" (a table, a list without full stops) is cut into pieces
    bounded = []
    for sent in out:
        while len(sent) > MAX_SENTENCE:
            cut = max(sent.rfind("; ", 0, MAX_SENTENCE), sent.rfind(", ", 0, MAX_SENTENCE), sent.rfind(" ", 0, MAX_SENTENCE))
            cut = cut if cut > MAX_SENTENCE // 2 else MAX_SENTENCE
            bounded.append(sent[:cut + 1].strip())
            sent = sent[cut + 1:].strip()
        if sent:
            bounded.append(sent)
    return bounded


MAX_SENTENCE = 1500


def _literal_alternatives(pattern: str, head: str, tail: str) -> tuple[str, ...] | None:
    """The words of ``head(?:w1|w2|...)tail`` when each is plain text (``\\.`` for a full stop), else None."""
    if not (pattern.startswith(head) and pattern.endswith(tail)):
        return None
    words = tuple(w.replace("\\.", ".") for w in pattern[len(head):len(pattern) - len(tail)].split("|"))
    return words if all(re.fullmatch(r"[A-Za-z. ]+", w) for w in words) else None


# what an abbreviation before a full stop can end with (the words of _ABBREV; its other branch is a capital)
_ABBREV_TAILS = _literal_alternatives(_ABBREV.pattern, r"(?:\b(?:", r")|\b[A-Z])$")


def _abbrev_before(text: str, i: int) -> bool:
    """``_ABBREV.search(text[max(0, i - 12):i])``: the pattern runs only when the text before ``i`` ends with one
    of its words, a capital or a new line (its ``$`` matches before a final new line too)."""
    before = text[max(0, i - 12):i]
    if _ABBREV_TAILS is not None and before and not before.endswith(_ABBREV_TAILS) and \
            before[-1] != "\n" and not "A" <= before[-1] <= "Z":
        return False
    return _ABBREV.search(before) is not None


# ----------------------------------------------------------------- resolution


class ProseContext:
    """What the miner keeps about one filing while it mines that filing's texts.

    Group terms ('A and B (together, the "Funds")') learned in one section are used in the next, so a
    loader that mines several sections of one filing passes the same context to every call
    (``mine_text(..., ctx=ctx)``).  The context also remembers the normalized forms of the names it
    has compared (:func:`~ownergraph.graph.ids.normalize_name` is pure; the same few names are compared
    many times while one filing is mined).  It belongs to one filing: never share it between filings.
    """

    __slots__ = ("facts", "groups", "_norms", "_mentions", "_parts", "_seeded", "sexes")

    def __init__(self, facts: FilingFacts):
        self.facts = facts
        #: normalized group term -> member entity keys
        self.groups: dict[str, list[str]] = {}
        self._norms: dict[tuple[str, NodeKind], str] = {}
        self._mentions: dict[str, str] = {}
        self._parts: dict[str, tuple[list[str], str | None]] = {}
        #: (the entities' (key, aliases), what :func:`_seed_aliases` made of them in a new resolver)
        self._seeded: tuple | None = None
        #: person key -> "m" / "f" as the filing tells it (see :func:`learn_sexes`): resolves "Mr. Thale" /
        #: "Mrs. Thale" between two persons of one surname
        self.sexes: dict[str, str] = {}

    def norm(self, s: str, kind: NodeKind) -> str:
        """``normalize_name(s, kind)``, remembered for this filing."""
        k = (s, kind)
        n = self._norms.get(k)
        if n is None:
            n = self._norms[k] = normalize_name(s, kind)
        return n

    def clean(self, mention: str) -> str:
        """``_clean_mention(mention)``, remembered for this filing."""
        c = self._mentions.get(mention)
        if c is None:
            c = self._mentions[mention] = _clean_mention(mention)
        return c

    def person_parts(self, name: str) -> tuple[list[str], str | None]:
        """``_person_parts(name)``, remembered for this filing (callers must not change the list)."""
        pp = self._parts.get(name)
        if pp is None:
            pp = self._parts[name] = _person_parts(name)
        return pp


def _words(s: str) -> list[str]:
    return normalize_name(s, NodeKind.PERSON).split()


def _person_parts(name: str) -> tuple[list[str], str | None]:
    """(name words without honorifics and generational suffixes, suffix)."""
    w = _words(_HONORIFIC.sub("", name))
    suffix = None
    while w and w[-1] in _GEN_SUFFIX:
        suffix = w.pop()
    return w, suffix


def _compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return False


def _person_match(mention: list[str], cand: list[str]) -> bool:
    """First and last names agree; middle names/initials compatible where both exist."""
    if len(mention) < 2 or len(cand) < 2:
        return False
    orders = [cand, cand[1:] + cand[:1]]  # as written, and SEC order "LAST FIRST MIDDLE"
    for c in orders:
        if c[-1] != mention[-1] or not _compatible(c[0], mention[0]):
            continue
        mm, cm = mention[1:-1], c[1:-1]
        if all(any(_compatible(x, y) for y in cm) for x in mm) or not cm or not mm:
            if len(c[0]) > 1 or len(mention[0]) > 1 or c[0] == mention[0]:
                return True
    return False


_ORG_FORM = re.compile(r",\s*(?:Inc|LLC|L\.P|LP|Ltd)\b|\w\s*&\s*\w")


_ORG_WORDS_NOT_INITIALS = frozenset(_ORG_WORDS - {"l", "p"})


def _looks_org(name: str) -> bool:
    toks = normalize_name(name, NodeKind.PERSON).split()
    if not _ORG_WORDS_NOT_INITIALS.isdisjoint(toks) or _ORG_FORM.search(name):
        return True
    # "L. P." read as "l p" is a legal form; a lone "L." or "P." is a middle initial ("Marguerite L. Thale")
    return any(a == "l" and b == "p" for a, b in zip(toks, toks[1:]))


_PERSON_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*\.?|[A-Z]\.")
_DIGIT = re.compile(r"\d")


def _looks_person(name: str) -> bool:
    n = _HONORIFIC.sub("", name).strip()
    toks = _PERSON_TOKEN.findall(n)
    if not 2 <= len(toks) <= 6 or _DIGIT.search(n):
        return False
    if not all(t[0].isupper() for t in toks if t.lower() not in ("de", "van", "von", "der", "la", "du", "y")):
        return False
    core = [t.lower().rstrip(".") for t in toks]
    if all(t in _ROLE_WORD_SET or t in _GEN_SUFFIX for t in core):
        return False
    if any(t in ("the", "of", "and") for t in core):
        return False
    return not _looks_org(n)


_LEADING_THE = re.compile(r"^the\s+", re.I)
_EDGE_QUOTES = re.compile(r"[“”\"‘’']+$|^[“”\"‘’']+")
_DOTTED_END = re.compile(r"\b(?:[A-Z]\.)+[A-Z]$")
# a name ending in an abbreviation written with its period ("Arthur Penhallow, Jr.", "Acme Holdings, Inc.")
_ABBREV_END = re.compile(r"\b(?:Jr|Sr|Inc|Corp|Ltd|Co|Bros)\.[\s,;:]*$")


def _clean_mention(s: str) -> str:
    s = _strip_markup(s)
    s = _EDGE_QUOTES.sub("", s.strip())
    s = " ".join(s.split())
    abbreviated = _ABBREV_END.search(s)
    s = s.strip(" ,;:.-–—")
    if abbreviated or _DOTTED_END.search(s):
        s += "."  # "L.P" -> "L.P.", "Jr" -> "Jr." (the period is the abbreviation's, or a full stop took it)
    return s


_GENERIC_FILER = re.compile(r"(?i)^(?:the\s+)?(partnership|fund|trust|foundation)$")
_GENERIC_FILER_NAME = {
    "partnership": re.compile(r"\bPartners(?:hip)?\b|\bL\.?\s?P\.?$|\bLLLP$", re.I),
    "fund": re.compile(r"\bFund\b", re.I),
    "trust": re.compile(r"\bTrust\b", re.I),
    "foundation": re.compile(r"\bFoundation\b", re.I),
}


class Resolver:
    """Names in one filing's text -> entity keys of ``facts`` (rules in the module docstring)."""

    def __init__(self, facts: FilingFacts, ctx: ProseContext | None = None):
        self.facts = facts
        self.ctx = ctx if ctx is not None and ctx.facts is facts else ProseContext(facts)
        self.aliases: dict[str, str] = {}
        # normalized aliases two entities share ("AVP XII LP", "AVP XII LLC" -> "avp xii"), and every alias as
        # spelled with its legal form: a mention of a shared one is looked up by its spelling
        self.shared: set[str] = set()
        self.spelled: dict[str, str] = {}
        # mention -> answer, kept only while nothing the answer depends on changes: enabled by mine_text,
        # inside which entities and aliases change only through this resolver (each change clears it)
        self._answers: dict[str, str | None] | None = None
        # the newest subject carried between sentences (see _LatestSubject): looked up before any change
        self._later: _LatestSubject | None = None

    def _settle(self) -> None:
        """Look up the carried subject still open, before entities or aliases change (the older ones are asked
        for only through it)."""
        later, self._later = self._later, None
        later.get()

    def _people(self) -> Iterable[EntityFact]:
        return (e for e in self.facts.entities if e.kind == NodeKind.PERSON)

    def _orgs(self) -> Iterable[EntityFact]:
        return (e for e in self.facts.entities if e.kind == NodeKind.ORGANIZATION)

    def _named(self) -> Iterable[EntityFact]:
        return (e for e in self.facts.entities if e.kind in (NodeKind.PERSON, NodeKind.ORGANIZATION))

    def add_alias(self, alias: str, key: str) -> None:
        a = _clean_mention(alias)
        if not a or normalize_name(a, NodeKind.PERSON) in _GENERIC_TERMS:
            return
        if self._later:
            self._settle()
        if self._answers:
            self._answers.clear()
        self.note_alias(a, key)
        self.aliases[normalize_name(a, NodeKind.ORGANIZATION)] = key
        self.aliases[normalize_name(a, NodeKind.PERSON)] = key
        e = self.facts.entity(key)
        if e is not None and a not in e.aliases and normalize_name(a, e.kind) != normalize_name(e.name, e.kind):
            e.aliases.append(a)

    def note_alias(self, alias: str, key: str) -> None:
        """Remember ``alias`` as spelled, and whether its normalized form already names another entity."""
        for kind in (NodeKind.ORGANIZATION, NodeKind.PERSON):
            n = normalize_name(alias, kind)
            if self.aliases.get(n, key) != key:
                self.shared.add(n)
        self.spelled.setdefault(_spelled(alias), key)

    def resolve(self, mention: str) -> str | None:
        answers = self._answers
        if answers is None:
            return self._resolve(mention)
        if mention in answers:
            return answers[mention]
        key = answers[mention] = self._resolve(mention)
        return key

    def _resolve(self, mention: str) -> str | None:
        ctx = self.ctx
        nn = ctx.norm
        m = ctx.clean(mention)
        if not m:
            return None
        low = m.lower()
        if low in _PRONOUNS:
            return None
        f = self.facts.filing
        if _ISSUER_WORDS.match(m):
            return f.issuer_key
        bare = _LEADING_THE.sub("", m, count=1)
        org, person = NodeKind.ORGANIZATION, NodeKind.PERSON
        m_org, m_person, bare_org = nn(m, org), nn(m, person), nn(bare, org)
        # the least stripped form first (the person form keeps "the" and legal forms), in a fixed order
        for norm in dict.fromkeys((m_person, m_org, bare_org)):
            if norm in self.aliases:
                if norm in self.shared:
                    hit = self.spelled.get(_spelled(bare))
                    if hit is not None:
                        return hit
                return self.aliases[norm]
        # exact name / alias
        want_org, want_person = (m_org, bare_org), (m_person, nn(bare, person))
        first = None
        for e in self.facts.entities:
            kind = e.kind
            if kind == org:
                want = want_org
            elif kind == person:
                want = want_person
            else:
                continue
            if nn(e.name, kind) in want or (e.aliases and any(nn(n, kind) in want for n in e.aliases)):
                if first is None:
                    first = e
                elif first.key != e.key:
                    # two entities differ only in the legal form normalization drops ("ARCH Venture Partners
                    # XII, L.P." and "... XII, LLC"): the one whose full name the mention spells
                    return _by_legal_form(m, first, e, self.facts.entities, kind)
        if first is not None:
            return first.key
        parts = ctx.person_parts
        words, _ = parts(m)
        honorific = bool(_HONORIFIC.match(m))
        # surname only ("Mr. Ault", "Ault")
        if len(words) == 1:
            hits = []
            for e in self._people():
                pw, _ = parts(e.name)
                sur = {pw[-1]} if pw else set()
                if len(pw) >= 2 and not honorific and e.name.isupper():
                    sur.add(pw[0])  # SEC order "LEONARD BRADEN MICHAEL"
                if words[0] in sur:
                    hits.append(e.key)
            if len(set(hits)) == 1:
                return hits[0]
            if len(set(hits)) > 1 and honorific and ctx.sexes:
                # "Mrs. Thale" of Corwin and Marguerite Thale: the one person of that surname the filing tells is
                # of the honorific's sex, when it tells the sex of each of them
                sex = _HONORIFIC_SEX.get(_HONORIFIC.match(m).group(0).strip(" .").lower())
                known = [ctx.sexes.get(k) for k in set(hits)]
                if sex and None not in known and known.count(sex) == 1:
                    return next(k for k in set(hits) if ctx.sexes[k] == sex)
                # "Mr. Wood" of Mr. Wood and "his wife, Susan D. Wood": the one not known to be of the other sex
                if sex:
                    rest = [k for k in set(hits) if ctx.sexes.get(k, sex) == sex]
                    if len(rest) == 1 and any(ctx.sexes.get(k) not in (None, sex) for k in set(hits)):
                        return rest[0]
            if not hits:  # SEC order "LEONARD BRADEN MICHAEL" written in mixed case
                hits = [e.key for e in self._people() if len(parts(e.name)[0]) >= 2
                        and parts(e.name)[0][0] == words[0]]
                if len(set(hits)) == 1:
                    return hits[0]
            if not hits and not honorific:
                return self._org_by_first_word(nn(bare, org)) or (self._generic_filer(m) if m[:1].isupper() else None)
            return None
        # person by first + last name
        if not _looks_org(bare):
            hits = {e.key for e in self._people() if _person_match(words, parts(e.name)[0])}
            if len(hits) == 1:
                return hits.pop()
        # organization by ordered words
        mw = nn(bare, org).split()
        if len(mw) >= 2:
            hits = set()
            for e in self._orgs():
                for n in [e.name, *e.aliases]:
                    ew = nn(n, org).split()
                    if ew and ew[0] == mw[0] and _subsequence(mw, ew):
                        hits.add(e.key)
            if len(hits) == 1:
                return hits.pop()
        return self._generic_filer(m)

    def _generic_filer(self, mention: str) -> str | None:
        """"the Partnership" / "the Fund" / "the Trust" that this text never defines (a 13D/A restating Item 5 uses
        the terms of the original statement): the one reporting person whose name is of that kind."""
        gm = _GENERIC_FILER.match(mention)
        if gm is None:
            return None
        rx = _GENERIC_FILER_NAME[gm.group(1).lower()]
        hits = {k for k in self.facts.filing.filer_keys if (e := self.facts.entity(k)) is not None
                and e.kind == NodeKind.ORGANIZATION and rx.search(e.name)}
        return hits.pop() if len(hits) == 1 else None

    def _org_by_first_word(self, word: str) -> str | None:
        """"Gascon" -> "Gascon Partners": a distinctive single word that begins exactly one organization's name."""
        if len(word) < 4 or " " in word or word in _ORG_WORDS or word in _ROLE_WORD_SET:
            return None
        hits = {e.key for e in self._orgs() if nn_first(self.ctx.norm(e.name, NodeKind.ORGANIZATION)) == word}
        return hits.pop() if len(hits) == 1 else None

    def resolve_or_create(self, mention: str, section: str, prov: Provenance, kind: NodeKind | None = None
                          ) -> str | None:
        key = self.resolve(mention)
        if key is not None:
            return key
        m = _clean_mention(_LEADING_THE.sub("", mention.strip()))
        if not m or normalize_name(m, NodeKind.PERSON) in _GENERIC_TERMS or _NOT_PARTY.search(m):
            return None
        if kind is None:
            if _looks_org(m) and len(m.split()) >= 2:
                kind = NodeKind.ORGANIZATION
            elif _looks_person(m):
                kind = NodeKind.PERSON
            else:
                return None
        if kind == NodeKind.PERSON and not _looks_person(m):
            return None
        hm = _HONORIFIC.match(m) if kind == NodeKind.PERSON else None
        sex = _HONORIFIC_SEX.get(hm.group(0).strip(" .").lower()) if hm else None
        n = sum(1 for e in self.facts.entities if e.key.startswith("prose:")) + 1
        key = f"prose:{n}"
        while self.facts.entity(key) is not None:
            n += 1
            key = f"prose:{n}"
        if self._later:
            self._settle()
        if self._answers:
            self._answers.clear()
        self.facts.entities.append(_construct(EntityFact, {
            "key": key, "kind": kind, "name": _HONORIFIC.sub("", m), "cik": None, "cusip": None, "aliases": [],
            "props": [], "prov": prov}))
        if sex:  # "Mrs. Susan D. Wood": a person the filing first names with an honorific is of its sex
            self.ctx.sexes.setdefault(key, sex)
        return key


_FORM_CHARS = re.compile(r"[^a-z0-9]+")


def _spelled(s: str) -> str:
    """A name with its legal form kept: lower case, letters and digits only ("arch...xiillc")."""
    return _FORM_CHARS.sub("", s.lower())


def _by_legal_form(mention: str, first: EntityFact, second: EntityFact, entities: list[EntityFact],
                   kind: NodeKind) -> str:
    """Of the entities whose normalized name equals ``mention`` (``first`` and ``second`` are the first two),
    the one whose name or alias spells it with the same legal form; ``first`` when none or several do."""
    want = _spelled(_LEADING_THE.sub("", mention, count=1))
    wanted = normalize_name(mention, kind)
    hits = {e.key for e in entities if e.kind == kind
            and any(_spelled(n) == want for n in [e.name, *e.aliases])
            and any(normalize_name(n, kind) == wanted for n in [e.name, *e.aliases])}
    return hits.pop() if len(hits) == 1 else first.key


def _differs_in_form(alias: str, other: EntityFact | None) -> bool:
    """Does ``alias`` ("AVP XII LLC") differ from every name of ``other`` ("AVP XII LP") in its spelling only
    where normalization drops the legal form?  Then it is a name of its own, not ``other``'s."""
    if other is None:
        return False
    sp, names = _spelled(alias), [other.name, *other.aliases]
    return all(_spelled(n) != sp for n in names) and any(
        normalize_name(n, other.kind) == normalize_name(alias, other.kind) for n in names)


def nn_first(norm: str) -> str:
    return norm.split(" ", 1)[0]


def _subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


# ----------------------------------------------------------------- the miner


def _prov(facts: FilingFacts, prov: Provenance | None, section: str, text: str) -> Provenance:
    f = facts.filing
    if prov is not None:  # a copy with its own section and excerpt (a constructor is cheaper than model_copy)
        return _construct(Provenance, {"filing_id": prov.filing_id, "accession": prov.accession,
                                       "source": prov.source, "section": section or prov.section,
                                       "excerpt": excerpt(text)})
    return _construct(Provenance, {"filing_id": f.id, "accession": f.accession, "source": f.source,
                                   "section": section, "excerpt": excerpt(text)})


def _exists(facts: FilingFacts, etype: EdgeKind, src: str, dst: str, key: str | None = None) -> bool:
    for r in facts.relations:
        if r.type == etype and r.source == src and r.target == dst:
            if key is None:
                return True
            if (r.props.get("title") or r.props.get("basis") or "").lower() == key.lower():
                return True
    return False


#: the CONTROLS bases that name no role: "by virtue of relationship", "controlled by", "controls"
_GENERIC_BASES = frozenset({"by virtue of relationship", "controlled by", "controls", "control person"})


def _specificity(props: dict) -> tuple[bool, bool]:
    """How much a CONTROLS statement says: a stated percentage first, then a basis naming a role."""
    return props.get("percent") is not None, (props.get("basis") or "").lower() not in _GENERIC_BASES


def _add(facts: FilingFacts, etype: EdgeKind, src: str | None, dst: str | None, props: dict,
         pv: Provenance) -> bool:
    if not src or not dst or src == dst or dst == "filing" or src == "filing":
        return False
    if etype == EdgeKind.CONTROLS:
        for i, r in enumerate(facts.relations):
            if r.type == etype and r.source == src and r.target == dst:
                if _specificity(props) > _specificity(r.props):
                    # a later statement says more (a percentage, the role): it stands, with its own provenance;
                    # a role the earlier one named is kept, with the words that named it
                    if not _specificity(props)[1] and _specificity(r.props)[1]:
                        props = {**props, "basis": r.props["basis"], "basis_excerpt": r.prov.excerpt}
                    facts.relations[i] = _construct(RelationFact, {"type": etype, "source": src, "target": dst,
                                                                   "props": props, "prov": pv,
                                                                   "discriminator": r.discriminator})
                    return True
                return False
    elif _exists(facts, etype, src, dst, props.get("title")):
        return False
    facts.relations.append(_construct(RelationFact, {"type": etype, "source": src, "target": dst, "props": props,
                                                     "prov": pv, "discriminator": None}))
    return True


def _add_role(facts: FilingFacts, etype: EdgeKind, src: str | None, dst: str | None, title: str,
              pv: Provenance) -> bool:
    """One role from :func:`classify_role` as a fact: CONTROLS states its basis, the others their title."""
    props = {"basis": title, "stated": True} if etype == EdgeKind.CONTROLS else {"title": title}
    return _add(facts, etype, src, dst, props, pv)


def _tidy_title(t: str) -> str:
    t = " ".join(t.split()).strip(" ,;")
    t = _TITLE_ARTICLE.sub("", t)
    t = _TITLE_AND_TAIL.sub("", t)
    return t.strip(" ,;")


# the title words whose plural a role phrase shared by several subjects may use ("the managing partners of")
_PLURAL_TITLE = re.compile(r"(?<![\w-])(%s)s(?![\w-])" % "|".join(sorted(map(re.escape, _TITLE_CORE), key=len, reverse=True)),
                           re.I)
_BOARD_TAIL = re.compile(r"\s+of\s+the\s+board\b", re.I)


def singular_role(phrase: str) -> str:
    """The role of one of several subjects that share it: each plural title word of ``phrase`` in the singular
    ("the managing partners" -> "the managing partner", "general partners and investment managers" -> "general
    partner and investment manager").  Only title words change ("directors" in "of the board of directors" does
    not): a role phrase holds no names."""
    if "s" not in phrase.lower():
        return phrase
    tail = _BOARD_TAIL.search(phrase)
    head, rest = (phrase[:tail.start()], phrase[tail.start():]) if tail else (phrase, "")
    return _PLURAL_TITLE.sub(r"\1", head) + rest


def classify_role(phrase: str) -> list[tuple[EdgeKind, str]]:
    """A role phrase -> [(edge type, title or control basis)].

    "general partner and investment manager" -> [(CONTROLS, 'general partner and investment manager')];
    "President, General Counsel and a director" -> [(OFFICER_OF, 'President, General Counsel'),
    (DIRECTOR_OF, 'director')]; "Chief Executive Officer and Chairman" -> [(OFFICER_OF, ...)].
    """
    return list(_classified(phrase))


@functools.lru_cache(maxsize=4096)
def _classified(phrase: str) -> tuple[tuple[EdgeKind, str], ...]:
    """:func:`classify_role`, remembered: a pure function of the phrase, and role phrases are a small
    vocabulary shared by every filing ("general partner", "Chief Executive Officer"), each costly to read
    (a dozen patterns).  Bounded, so a hostile file cannot grow it."""
    return tuple(_classify_role(phrase))


def _classify_role(phrase: str) -> list[tuple[EdgeKind, str]]:
    p = _tidy_title(phrase)
    low = p.lower()
    if not _TITLE_CORE_RE.search(low):
        return []
    for rx, _basis in _CONTROL_ROLES_RE:
        if rx.search(low):
            if re.fullmatch(r"(?:an?\s+)?owner", low):
                return []  # "an owner of" alone is not control
            if re.search(r"\bportfolio\s+manager\b", low) and not re.search(
                    r"general\s+partner|managing\s+member|investment\s+(?:manager|advis)", low):
                return [(EdgeKind.EMPLOYED_BY, p)]
            # "the sole shareholder, President and a director": the control role, and the offices beside it
            parts = [x for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", p) if x.strip()]
            ctrl = [x for x in parts if any(r2.search(x.lower()) for r2, _ in _CONTROL_ROLES_RE)]
            rest = [x for x in parts if x not in ctrl]
            if ctrl and rest and all(_OFFICER_WORDS.search(x) or _DIRECTOR_PART.search(x) for x in rest):
                basis = " and ".join(re.sub(r"^(?:the|a|an)\s+", "", x.lower()) for x in ctrl)
                return [(EdgeKind.CONTROLS, basis)] + _classify_role(", and ".join(rest))
            return [(EdgeKind.CONTROLS, re.sub(r"^(?:the|a|an)\s+", "", low))]
    parts = [x for x in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*", p) if x.strip()]
    directors = [x for x in parts if _DIRECTOR_PART.search(x) and not _NOT_DIRECTOR.search(x)
                 and not re.search(r"\bof\s+the\s+board", x, re.I)]
    others = [x for x in parts if x not in directors]
    out: list[tuple[EdgeKind, str]] = []
    if others:
        if directors:
            otitle = ", ".join(_tidy_title(x) for x in others)
        else:
            otitle = p
        if _OFFICER_WORDS.search(otitle) or re.search(r"\bof\s+the\s+board", otitle, re.I):
            out.append((EdgeKind.OFFICER_OF, otitle))
        elif re.search(r"\b(?:member|partner|employee|manager|adviser|advisor)s?\b", otitle, re.I):
            out.append((EdgeKind.EMPLOYED_BY, otitle))
    if directors:
        out.append((EdgeKind.DIRECTOR_OF, " and ".join(_tidy_title(x) for x in directors)))
    return out


_DEFINED = re.compile(r"\(\s*(?:the\s+|each\s+a\s+|collectively,?\s+(?:the\s+)?|together,?\s+(?:the\s+)?|"
                      r"hereinafter\s+(?:the\s+)?)?[“\"]\s*([^”\"]{1,80}?)\s*[”\"]", re.I)
_DESCRIPTOR = re.compile(
    r",\s*(?:[Aa]n?\s+|[Tt]he\s+)?(?:[A-Z][\w.\-]*\s+){0,3}(?:[a-z][\w\-]*\s+){0,3}(?:corporation|company|partnership|"
    r"limited liability company|trust|entity|fund|institution|authority|exempted company|citizen[^,]*)\s*,?\s*$")


_NAME_GOES_ON = re.compile(r",?\s*(?:Ltd|Limited|LLC|L\.P|LP|Inc|B\.V|N\.V|S\.A|AG|GmbH|plc|PLC|Corp|Co|SE|LLP)\b")
_DEFINED_BARE = re.compile(r"\(\s*(?:the\s+)?((?:[A-Z][A-Za-z&\-]*\.?\s*){1,4})\)")
_NOT_A_TERM = re.compile(r"[A-Z]|[ivxIVX]+|[A-Z]\.")
_CLAUSE_START = re.compile(r"[.;:]\s+(?=[A-Z(])|\(\w{1,4}\)\s")


# never a defined term when bare in a parenthesis: legal forms, and the SEC's type-of-reporting-person codes a
# 13G Item 7 prints after each subsidiary ("Acme Trust Company, N.A. (BK)")
_NOT_AN_ALIAS = frozenset({"LLC", "LP", "USA", "US", "SEC", "BD", "BK", "IC", "IV", "IA", "EP", "HC", "SA", "CP",
                           "CO", "PN", "IN", "OO", "FI"})


_HONORIFIC_SEX = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f"}
_KIN_SEX = {"husband": "m", "son": "m", "father": "m", "brother": "m", "wife": "f", "daughter": "f", "mother": "f",
            "sister": "f"}
_KIN = "|".join(_KIN_SEX)


def learn_sexes(text: str, facts: FilingFacts, ctx: ProseContext) -> None:
    """What the filing tells of its persons' sexes, into ``ctx.sexes``: an honorific before the full name
    ("Mrs. Marguerite L. Thale"), or "his" / "her" right after it ("Corwin A. Thale and his wife").  A person
    told both ways is left unknown."""
    people = [e for e in facts.entities if e.kind == NodeKind.PERSON]
    surnames = [ctx.person_parts(e.name)[0][-1:] for e in people]
    # needed only between persons of one surname (the only ones a "Mr." / "Mrs." can leave in doubt)
    people = [e for e, sn in zip(people, surnames) if sn and surnames.count(sn) > 1]
    if not people:
        return
    text = " ".join(_strip_markup(text).split())
    told: dict[str, set[str]] = {}
    for e in people:
        for name in dict.fromkeys([e.name, *e.aliases]):
            words = name.split()
            if len(words) < 2:
                continue
            full = r"\s+".join(re.escape(w) for w in words)
            for m in re.finditer(rf"(?<![\w.])(Mr|Mrs|Ms|Miss)\.?\s+{full}(?![\w])", text):
                told.setdefault(e.key, set()).add(_HONORIFIC_SEX[m.group(1).lower()])
            # "Corwin A. Thale and his wife": the pronoun is his
            for m in re.finditer(rf"(?<![\w.]){full}\s+(?:and|with)\s+(his|her)\b", text):
                told.setdefault(e.key, set()).add("m" if m.group(1) == "his" else "f")
            # "Corwin A. Thale, her husband" / "his wife, Marguerite L. Thale": the kin word is his or hers
            for m in re.finditer(rf"(?<![\w.]){full},\s+(?:his|her)\s+({_KIN})\b|\b(?:his|her)\s+({_KIN}),?\s+"
                                 rf"{full}(?![\w])", text):
                told.setdefault(e.key, set()).add(_KIN_SEX[(m.group(1) or m.group(2)).lower()])
    for key, sexes in told.items():
        if len(sexes) == 1:
            ctx.sexes[key] = next(iter(sexes))


def learn_defined_terms(text: str, facts: FilingFacts, resolver: Resolver, section: str,
                        prov: Provenance | None = None) -> None:
    """``Full Name, a Delaware corporation ("Alias")`` -> alias of Full Name (rule 2).

    Unquoted short capitalized terms are read too: ``Abu Dhabi Investment Authority (ADIA)``.
    """
    text = _strip_markup(text)
    if ("referred" in text or " as the" in text) and ("collectively" in text or "together" in text
                                                     or "referred to as" in text):
        for m in _GROUP_STATED.finditer(text):
            _learn_group(m.group("term"), m.group("members"), resolver)
    if "(" not in text:  # both patterns, and the parenthesised group terms, need a parenthesis
        return
    found = sorted(list(_DEFINED.finditer(text)) + list(_DEFINED_BARE.finditer(text)), key=lambda m: m.start())
    for m in found:
        alias = m.group(1).strip()
        if m.re is _DEFINED_BARE and (_NOT_A_TERM.fullmatch(alias) or alias.upper() in _NOT_AN_ALIAS
                                      or _NAME_GOES_ON.match(text, m.end())):
            continue  # "BlackRock (Netherlands) B.V.", "SC US (TTGP), Ltd.": the parenthesis is inside a name
        if not alias or not alias[0].isupper() and not alias.lower().startswith("the "):
            continue
        if normalize_name(alias, NodeKind.PERSON) in _GENERIC_TERMS:
            continue
        before = text[max(0, m.start() - 250):m.start()]
        before = _CLAUSE_START.split(before)[-1]
        before = _DESCRIPTOR.sub("", before.rstrip())
        names = list(_NAME_RE.finditer(before))
        if not names:
            continue
        last = names[-1]
        if before[last.end():].strip(" ,"):
            continue
        full = _clean_mention(last.group(0))
        key = resolver.resolve(full)
        if _ISSUER_WORDS.match(alias) and key is None:
            continue
        if key is None:
            key = resolver.resolve_or_create(full, section, _prov(facts, prov, section, text[m.start() - 200:m.end()]))
        if key is None:
            continue
        other = resolver.resolve(alias)
        if other not in (None, key) and not _ISSUER_WORDS.match(alias) and (
                _spelled(alias) in resolver.spelled or not _differs_in_form(alias, facts.entity(other))):
            continue
        resolver.add_alias(alias, key)
    _learn_groups(text, facts, resolver)


_GROUP_PAREN = re.compile(r"\(([^()]{0,400}?\b(?:together|collectively|each\s+an?\b|each\s+of\s+which)[^()]{0,400}?)\)", re.I)
_QUOTED_TERM = re.compile(r"[“\"]\s*([^”\"]{2,60}?)\s*,?\s*[”\"]")
_CLAUSE_BREAK = re.compile(r"[.;:]\s+|\(\w{1,4}\)\s")
_MEMBER_SPLIT = re.compile(r"\s*,\s*and\s+|\s+and\s+|;\s*|,\s+(?=[A-Z])(?!(?:Inc|LLC|L\.P|LP|Ltd)\b)")
_LISTED_SPLIT = re.compile(r"\s*,\s*and\s+|\s+and\s+|,\s+(?=[A-Z])(?!(?:Inc|LLC|L\.P|LP|Ltd)\b)")


def _has_group_word(text: str) -> bool:
    """False when no group parenthesis can match: it needs "together", "collectively" or "each"."""
    if not text.isascii() and _FOLDS_TO_ASCII.search(text):
        return True
    low = text.lower()
    return "together" in low or "collectively" in low or "each" in low


def _learn_groups(text: str, facts: FilingFacts, resolver: Resolver) -> None:
    if not _has_group_word(text):
        return
    for m in _GROUP_PAREN.finditer(text):
        terms = _QUOTED_TERM.findall(m.group(1))
        if not terms:
            continue
        term = terms[-1].strip(" ,")
        if not term[:1].isupper() or normalize_name(term, NodeKind.PERSON) in ("reporting persons", "reporting person"):
            continue
        before = text[max(0, m.start() - 400):m.start()]
        before = _CLAUSE_BREAK.split(before)[-1]
        before = _DESCRIPTOR.sub("", before.rstrip())
        members: list[str] = []
        for part in _MEMBER_SPLIT.split(before):
            k = resolver.resolve(part.strip(" ,")) if part.strip() else None
            if k and k not in members:
                members.append(k)
        for tm in _TOGETHER_WITH.finditer(m.group(1)):
            k = resolver.resolve(tm.group(1))
            if k and k not in members:
                members.append(k)
        if len(members) >= 2:
            resolver.ctx.groups[normalize_name(term, NodeKind.ORGANIZATION)] = members


#: 'Nelsen, Crandell, Burow and Gillis are referred to collectively as the "Committee Members"'
_GROUP_STATED = re.compile(
    r"(?:^|(?<=[.;:]\s)|(?<=\n))(?P<members>[A-Z][^.;:\n]{2,300}?)\s+(?:are|shall\s+be)\s+(?:hereinafter\s+|herein\s+)?"
    r"(?:(?:referred\s+to\s+)?(?:herein\s+)?(?:collectively|together)\s+(?:referred\s+to\s+)?(?:herein\s+)?as"
    r"|referred\s+to\s+(?:herein\s+)?as)\s+(?:the\s+)?[“\"](?P<term>[^”\"]{2,60}?)[,.]?[”\"]")


def _learn_group(term: str, listed: str, resolver: Resolver) -> None:
    """``listed`` ("A, B, and C") names the members of the group ``term`` when every part is an entity."""
    term = term.strip(" ,.")
    if not term[:1].isupper() or normalize_name(term, NodeKind.PERSON) in ("reporting persons", "reporting person"):
        return
    members: list[str] = []
    for part in _LISTED_SPLIT.split(listed):
        k = resolver.resolve(part.strip(" ,")) if part.strip(" ,") else None
        if k is None:
            return  # a part that names no entity: not a list of members
        if k not in members:
            members.append(k)
    if len(members) >= 2:
        resolver.ctx.groups[normalize_name(term, NodeKind.ORGANIZATION)] = members


_GROUP_LEAD = re.compile(r"^(?:the|each\s+of\s+the)\s+", re.I)


def _expand(mention: str, res: Resolver, facts: FilingFacts) -> list[str]:
    """A group term ("the Funds") -> its members; else []."""
    m = _GROUP_LEAD.sub("", res.ctx.clean(mention))  # the resolver cleans the same mention next
    return list(res.ctx.groups.get(normalize_name(m, NodeKind.ORGANIZATION), []))


_OBJ_STOP = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)(?=(?:the\s+)?[A-Z])")


_VERB_WORDS = {"who", "which", "that", "is", "are", "was", "were", "serves", "served", "serve", "acts", "acted", "act",
               "has", "have", "been", "being", "became", "becomes", "currently", "also", "presently", "now", "as",
               "serving", "employed", "to", "acting", "in", "his", "her", "its", "capacity",
               # "Mr. Alvarez was appointed a director of the Issuer": appointed to the role, he holds it
               "appointed", "elected", "named", "reappointed", "re-elected"}


def _strip_trailing_verbs(p: str) -> str:
    """'X, who serves as' -> 'X' (token by token: linear, unlike a regex anchored at the end)."""
    toks = p.rstrip(" ,").split(" ")
    while toks and (toks[-1].strip(",").lower() in _VERB_WORDS or not toks[-1].strip(" ,")):
        toks.pop()
    return " ".join(toks).rstrip(" ,")


def _before_role(prefix: str, reach: int) -> str:
    """The last ``reach`` characters before a role phrase, without parentheses, quotes and the verbs
    that lead into the phrase ("X, who serves as")."""
    p = _PARENS.sub(" ", prefix[-reach:])
    p = _QUOTES.sub(" ", p)
    p = _OPEN_PAREN_TAIL.sub("", p)
    return _strip_trailing_verbs(p)


_POSSESSIVE_ROLE = re.compile(
    r"['’]s\s+(?:principal\s+|present\s+|current\s+)?(?:business|occupation|employment|role|position|job)$")
_PRONOUN_END = re.compile(r"(?:^|\s)(?:he|she|it)$", re.I)
_ISSUER_END = re.compile(r"(?:^|\s)the\s+(?:Issuer|Company)$")


def _subject_from(prefix: str) -> str | None:
    p = _before_role(prefix, 400)
    # "Mr. Leonard's principal business is to serve as" -> Mr. Leonard
    p = _POSSESSIVE_ROLE.sub("", p)
    if not p:
        return None
    # "X, a Delaware limited liability company (the "General Partner"), is the general partner of": X
    if "," in p[-160:]:
        p = _DESCRIPTOR.sub("", p.rstrip(" ,")) if _DESCRIPTOR.search(p.rstrip(" ,") + ",") else p
    tail = p[-200:]
    if _PRONOUN_END.search(tail):
        return None
    if _ISSUER_END.search(tail):
        return "the Issuer"
    names = list(_NAME_RE.finditer(tail))
    if not names:
        return None
    last = names[-1]
    if tail[last.end():].strip(" ,"):
        return None
    return last.group(0)


def _more_subjects(prefix: str, last: str) -> list[str]:
    """'Nadia Okafor and Paul Ramsey are ...': the names listed before the last subject."""
    p = _before_role(prefix, 600)
    i = p.rfind(last.strip())
    if i < 0:
        return []
    head = p[max(0, i - 300):i]
    out = []
    while True:
        m = _LISTED_NAME.search(head)
        if not m or not m.group(1).strip():
            break
        if _AFTER_PREPOSITION.search(head, max(0, m.start(1) - 14), m.start(1)):
            break  # "(2) B which is the general partner of A, (3) C which is ...": A is B's object, not C's co-subject
        # "Each of Mr. Alvarez and Lena K. Ortiz is ...": the list's lead is no part of the first name
        out.append(re.sub(r"^(?:(?:each|both|all)\s+of\s+|both\s+)", "", m.group(1).strip(), flags=re.I))
        head = head[:m.start(1)]
    return out


_ROLE_JOIN_NEXT = re.compile(r"\s+(?:of|to|for)\s")
_OBJECT_LEAD = re.compile(r"\s*(?:the\s+(?=Issuer\b|Company\b)|(?:its|his|her)\s+)?")
_ISSUER_WORD = re.compile(r"(?:Issuer|Company)\b")
_NEXT_WORD = re.compile(r"(?:the\s+)?([A-Za-z\-]+)")


def _objects_from(rest: str) -> tuple[list[str], int]:
    """Names at the start of ``rest`` ("Ault & Company and the Issuer"), and where they end."""
    out, pos = [], 0
    while True:
        seg = rest[pos:]
        m = _OBJECT_LEAD.match(seg)
        lead = m.end()
        im = _ISSUER_WORD.match(seg[lead:])
        if im:
            out.append("the Issuer")
            end = lead + im.end()
        else:
            m2 = _OBJECT_NAME.match(seg)
            if not m2 or not m2.group(1).strip():
                break
            cand = m2.group(1).strip()
            first = cand.split()[0].lower().strip(",.")
            if first in _ROLE_WORD_SET and first not in ("the", "a", "an", "group", "global", "investment",
                                                      "capital", "general", "limited") and (
                    not cand[:1].isupper() or _ROLE_JOIN_NEXT.match(seg, m2.end())):
                break  # a role phrase goes on ("the managing member of X"); "the Adviser" is a defined term
            out.append(cand)
            end = m2.end()
        pos += end
        nxt = _OBJ_STOP.match(rest[pos:])
        if not nxt:
            break
        after = rest[pos + nxt.end():]
        w = _NEXT_WORD.match(after)
        if w and w.group(1).lower() in _ROLE_WORD_SET and w.group(1) not in ("Issuer", "Company") and (
                not w.group(1)[:1].isupper() or not w.group(0).startswith("the ")
                or _ROLE_JOIN_NEXT.match(after, w.end())):
            break  # "X and director of Y": a second role; "X and the Adviser": a second defined name
        pos += nxt.end()
    return out, pos


_PASSIVE = re.compile(
    r"(?P<y>" + NAME + r"|the\s+Issuer|the\s+Company)\s*(?:\([^)]*\)\s*)?,?\s*(?:is|are)\s+(?:an?\s+)?"
    r"(?:(?P<how>wholly[\s-]owned|(?:directly\s+|indirectly\s+)?(?:wholly\s+)?owned|(?:directly\s+|indirectly\s+)?"
    r"controlled|managed|advised)(?:\s+subsidiary)?)"
    r"(?:\s+(?:and|,)\s+[^.;]*?)?\s+(?:by|of)\s+(?P<x>(?:the\s+)?" + NAME + r")")
#: the relative clause after a name: "... is managed by Y, which is controlled by X"; "Y, which is wholly owned by X,"
_WHICH_PASSIVE = re.compile(
    r"(?P<y>" + NAME + r")\s*(?:\([^)]*\)\s*)?,\s*(?:which|who)\s+(?:is|are)\s+(?:in\s+turn\s+)?(?:an?\s+)?"
    r"(?P<how>wholly[\s-]owned|(?:directly\s+|indirectly\s+)?(?:wholly\s+)?owned|(?:directly\s+|indirectly\s+)?"
    r"controlled|managed|advised)(?:\s+subsidiary)?\s+(?:by|of)\s+(?P<x>(?:the\s+)?" + NAME + r")")
_OWNS = re.compile(
    r"(?P<x>" + NAME + r")\s*(?:\([^)]*\)\s*)?,?\s+(?:directly\s+|indirectly\s+)?(?P<how>wholly\s+owns|owns\s+(?:all|100%)"
    r"\s+of\s+(?:the\s+)?(?:outstanding\s+|issued\s+)*(?:equity|shares|share\s+capital|capital\s+stock|"
    r"membership\s+interests|interests|voting\s+securities|stock)?(?:\s+(?:of|in))?|"
    r"(?:owns|holds|controls)\s+(?:a\s+)?(?:controlling|majority)\s+(?:ownership\s+|equity\s+|voting\s+)?"
    r"(?:interests?|stake)\s+in|"
    r"(?:owns|holds|controls)\s+(?:a\s+)?majority\s+of\s+(?:the\s+)?(?:outstanding\s+)?(?:ownership|equity|"
    r"voting\s+(?:power|interests|securities)|membership\s+interests|interests|shares)(?:\s+(?:of|in))?|controls)"
    r"\s+(?P<y>(?:the\s+)?" + NAME + r")")
#: "Modal LLC owns approximately 99.6% of Starfire": more than half owned is majority ownership (no percentage kept)
_OWNS_PCT = re.compile(
    r"(?P<x>" + NAME + r")\s*(?:\([^)]*\)\s*)?,?\s+(?:which\s+)?(?:directly\s+|indirectly\s+)?(?:owns|holds)\s+"
    r"(?P<bound>approximately\s+|about\s+|roughly\s+|more\s+than\s+|over\s+|in\s+excess\s+of\s+)?"
    r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*%\s+of\s+(?:the\s+)?(?:(?:outstanding|issued)\s+)*"
    r"(?:(?:(?:equity|voting|membership|ownership|partnership|limited\s+partnership)\s+)?"
    r"(?:interests?|shares|stock|units|securities|capital\s+stock|share\s+capital)\s+(?:of|in)\s+)?"
    r"(?P<y>(?:the\s+)?" + NAME + r")")
_OWNS_PCT_HINT = re.compile(r"(?:owns|holds)\s+(?:[a-z]+\s+){0,3}\d[\d.]*\s*%\s+of\s")
#: "X is 94.56% controlled by Y", "X is 99.86% held by Z and controlled by Y", "It is 94% owned by Y", "..., X, which
#: is 60% owned by Y", "X is owned 70% by Y and 30% by Z": a stated
#: percentage of X held (owned, controlled) by Y; a second "and controlled|managed by W" names X's controller
_PASSIVE_PCT = re.compile(
    r"(?P<y>" + NAME + r"|the\s+Issuer|the\s+Company)\s*(?:\([^)]*\)\s*)?,?\s*(?:which\s+)?(?:is|are)\s+"
    r"(?:(?P<how_a>owned|held|controlled)\s+)?"  # "is owned 70% by Y"
    r"(?P<bound>approximately\s+|about\s+|roughly\s+|more\s+than\s+|over\s+|in\s+excess\s+of\s+)?"
    r"(?P<pct>\d{1,3}(?:\.\d+)?)\s*%\s+(?:(?:directly\s+|indirectly\s+)?(?P<how>owned|held|controlled)\s+)?by\s+"
    r"(?P<x>(?:the\s+)?" + NAME + r")"
    r"(?:\s*,?\s+and\s+(?:is\s+)?(?P<how2>controlled|managed)\s+by\s+(?P<x2>(?:the\s+)?" + NAME + r"))?")
_PASSIVE_PCT_HINT = re.compile(r"(?:is|are)\s+(?:[a-z]+\s+){0,3}\d[\d.]*\s*%\s+(?:[a-z]+\s+)?(?:owned|held|controlled)\s+by\s|"
                               r"(?:is|are)\s+(?:owned|held|controlled)\s+(?:[a-z]+\s+){0,2}\d[\d.]*\s*%\s+by\s")
#: a condition, hypothesis or disclaimer before a stated percentage: not a statement of fact
_NOT_STATED = re.compile(r"\b(?:[Ii]f|[Aa]ssuming|[Ss]hould|[Ww]ould|[Uu]nless|[Dd]isclaims?|[Dd]eemed|were\s+to)\b|^\W*Were\b")
#: "approximately 99.6%" is that percentage; "more than 50%" a lower bound
_PCT_BOUND = {"more": ">", "over": ">", "in": ">"}


#: "The general partner of " just before a name: the sentence's subject is the role's holder, not the name
_ROLE_OF_BEFORE = re.compile(r"(?:^|[\s,;(])(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<role>(?i:" + ROLE + r"))\s+(?:of|to|for)\s*$")
_THROUGH_ROLE = {"controlled by": "controls the {}", "wholly owns": "wholly owns the {}", "owner": "owns the {}",
                 "majority owner": "majority owner of the {}"}


def _role_of_subject(s: str, start: int) -> str | None:
    """'The general partner of X is 60% owned by Y': the role ('general partner') when the name at ``start``
    follows 'the <role> of'; None otherwise."""
    m = _ROLE_OF_BEFORE.search(s, max(0, start - 80), start)
    return singular_role(m.group("role")) if m else None


def _through_role(props: dict, role: str) -> dict | None:
    """The CONTROLS props of 'The <role> of X is owned / controlled by Y': Y controls X through the role's holder
    (basis 'majority owner of the general partner'); a stated percentage is the role holder's, not X's, so it is
    not kept.  None for a basis that gives no control through the role (managed, advised)."""
    how = _THROUGH_ROLE.get(props.get("basis"))
    if how is None:
        return None
    return {"basis": how.format(role), "stated": True}


def _pct_props(m: re.Match, basis: str) -> dict | None:
    """The CONTROLS props of a stated percentage ``m`` (groups ``pct``, ``bound``): more than half (or "more than
    50%") is control, with the percentage kept (``percent``, ``percent_bound`` '>' for a lower bound,
    ``percent_text``); half or less is no control (None)."""
    pct = Decimal(m.group("pct"))
    bound = (m.group("bound") or "").split()
    lower = _PCT_BOUND.get(bound[0].lower()) if bound else None
    if not (pct > 50 or pct == 50 and lower) or pct > 100:
        return None
    props: dict = {"basis": basis, "stated": True, "percent": pct}
    if lower:
        props["percent_bound"] = lower
    props["percent_text"] = (" ".join(bound) + " " if bound else "") + m.group("pct") + "%"
    return props
#: the open relative clause before a name: "X, which owns approximately 99.6% of " (X: ``n``)
_RELATIVE_OPEN = re.compile(r"(?P<n>" + NAME + r")\s*(?:\([^)]*\)\s*)?,\s+which\s+[^,;()]*\Z")
_EACH_OF = re.compile(r"^(?:Each|Both|All)\s+of\s+")
#: "X is the President of Y, and owns a controlling interest in Z": the sentence's subject owns
_OWNS_AND = re.compile(
    r",?\s+and\s+(?:also\s+)?(?P<how>wholly\s+owns|(?:owns|holds|controls)\s+(?:a\s+)?(?:controlling|majority)\s+"
    r"(?:ownership\s+|equity\s+|voting\s+)?(?:interests?|stake)\s+in)\s+(?P<y>(?:the\s+)?" + NAME + r")")
_VIRTUE = re.compile(
    r"(?i:by\s+virtue\s+of\s+(?:(?:his|her|its|their|the)\s+)?(?:[\w\s,]{0,60}?)"
    r"(?:relationships?|position|positions|role|status|control|capacity|ownership)\s+"
    r"(?:with|to|as\s+[^.;]*?\s+of|of|over|in|at)\s+)(?P<y>(?:the\s+)?" + NAME + r")")


#: "by virtue of his / her / its ...": one subject's relationship (not "their")
_SINGULAR_VIRTUE = re.compile(r"(?i:by\s+virtue\s+of\s+(?:his|her|its)\s)")


_WHOSE = re.compile(
    r"(?P<x>" + NAME + r")\s*(?:\([^)]*\)\s*)?,?\s+(?:is|are)\s+an?\s+[^.;]{0,80}?\s+whose\s+(?P<role>(?i:" + ROLE +
    r"))\s+(?:is|are)\s+(?P<y>(?:the\s+)?" + NAME + r")")
_OF_WHICH = re.compile(
    r"(?P<x>" + NAME + r")\s*(?:\([^)]*\)\s*)?,\s+of\s+which\s+(?P<y>(?:the\s+)?" + NAME + r")\s+(?:is|are|was)\s+"
    r"(?P<role>(?i:" + ROLE + r"))(?![\w-])(?!\s+(?:of|to|for|at)\b)")
_INVERTED = re.compile(
    r"(?:^|[.;]\s+|,\s+and\s+)(?:The|the)\s+(?P<role>(?i:" + ROLE + r"))\s+(?:of|to|for)\s+(?P<x>(?:the\s+)?" + NAME +
    r")\s+(?:is|are|was)\s+(?P<y>(?:the\s+)?" + NAME + r")")


def _after_start(rx: re.Pattern, head: str, first: str, tests: str) -> re.Pattern | None:
    """``rx`` (``head`` + the rest, ``head`` a choice of "^" and clauses each beginning with one of the
    characters ``first``) for matches that do not start the text, with the first character taken first and
    ``tests`` telling the clauses apart: the engine then skips to the next candidate character.  None when
    ``rx`` has not that head."""
    if not rx.pattern.startswith(head):
        return None
    return re.compile(first + tests + rx.pattern[len(head):], rx.flags)


# _INVERTED past the start of the sentence (where its "^" cannot match): "[.;]\s+" or ",\s+and\s+" first
_INVERTED_AFTER = _after_start(_INVERTED, r"(?:^|[.;]\s+|,\s+and\s+)", "[.;,]", r"(?:(?<=[.;])\s+|(?<=,)\s+and\s+)")


def _inverted_matches(s: str) -> list[re.Match]:
    """``list(_INVERTED.finditer(s))``: a match at the start, then the others found by :data:`_INVERTED_AFTER`."""
    if _INVERTED_AFTER is None:
        return list(_INVERTED.finditer(s))
    first = _INVERTED.match(s)
    if first is None:
        return list(_INVERTED_AFTER.finditer(s, 1))
    return [first, *_INVERTED_AFTER.finditer(s, first.end())]


# patterns built on NAME / ROLE, compiled once (re's own cache is small and they are costly to compile)
_TOGETHER_WITH = re.compile(r"together\s+with\s+(?:the\s+)?(" + NAME + r")")
_AFTER_PREPOSITION = re.compile(r"(?<!each )(?<!both )(?<!all )(?<!any )(?<!Each )(?<!Both )(?<!All )"
                                r"\b(?:of|to|for|by|with)\s+(?:the\s+)?$")
_LISTED_NAME = re.compile(r"(?:^|[\s(])(" + NAME + r")\s*(?:,\s*and|,|and)\s*$")
_OBJECT_NAME = re.compile(r"\s*(?:the\s+)?[“\"]?(" + NAME + r")[”\"]?")
_SUBJECT_NAME = re.compile(r"\s*(?:As\s+of\s+[^,]*,\s*|In\s+addition,\s*|Accordingly,\s*)?(" + NAME + r"|the\s+Issuer)")
_VIA_ROLE = re.compile(r"(?:the|a|an)\s+(" + ROLE + r")\s+of\s+", re.I)


def _first_subject(sentence: str) -> str | None:
    s = _LIST_MARKERS.sub("", sentence)
    s = _PARENS.sub(" ", s)
    m = _SUBJECT_NAME.match(s)
    return m.group(1) if m else None


def mine_text(text: str, *, section: str, facts: FilingFacts, prov: Provenance | None = None,
              ctx: ProseContext | None = None) -> None:
    """Append CONTROLS / OFFICER_OF / DIRECTOR_OF / EMPLOYED_BY facts read from ``text`` to ``facts``.

    ``ctx``: the filing's :class:`ProseContext`, the same for every section of the filing.  Without one the
    call starts from nothing: group terms learned in an earlier section are not known."""
    if not text or not text.strip():
        return
    res = Resolver(facts, ctx)
    res._answers = {}
    _seed_aliases(res, facts)
    learn_defined_terms(text, facts, res, section, prov)
    last_subject: _LatestSubject | None = None
    # Most sentences state nothing the patterns below could read: they are skipped on cheap hints.
    # The subject carried to the next sentence is looked up only when a mined sentence needs it, or before the
    # resolver changes: until then nothing changes what the resolver answers, so the answer is the same as
    # sentence by sentence.
    pending: list[str] = []
    for sent in sentences(text):
        clauses: list[str] = []
        if ", which " in sent or ", who " in sent:
            sent_list, clauses = _cut_relatives(_strip_markup(sent))
        else:
            sent_list = sent
        if "wife" in sent_list or "husband" in sent_list or "spouse" in sent_list:
            sent_list = _spouse_cut(sent_list)
        hints = _hints(_strip_markup(sent_list))
        if hints is not None or clauses:
            last_subject = _LatestSubject(pending, res, last_subject)
            pending = []
            pv = _prov(facts, prov, section, sent)
            # the list item's own clause first ("Modal, which owns approximately 99.6% of Starfire, ..."): what it
            # states of the item is more precise than the list's "(by virtue of their relationships to Starfire)"
            for clause in clauses:  # each with the sentence's provenance: the statement is the filing's
                _mine_sentence(clause, facts, res, section, pv, last_subject)
            if hints is not None:
                _mine_sentence(sent_list, facts, res, section, pv, last_subject, hints)
        if "power" in sent and ("share" in sent or "have" in sent or "has" in sent):
            _mine_power(sent, facts, res, section, prov)
        if "appointed" in sent and "invest" in sent:
            _mine_appointed(sent, facts, res, section, prov)
        pending.append(sent)
    if "ommittee" in text or "oard of" in text:
        _mine_committee(text, facts, res, section, prov)


#: "A and his wife, B, are co-trustees of ..." / "A and B, his wife, are ...": the spouse named in an apposition
_SPOUSE_BEFORE = re.compile(r"\band\s+(?:his|her)\s+(?:wife|husband|spouse)\s*,\s*(?P<name>" + NAME + r")\s*,?(?=\s+(?:are|were|"
                            r"each|jointly|together|may|have|share|serve|as)\b)")
_SPOUSE_AFTER = re.compile(r"\band\s+(?P<name>" + NAME + r")\s*,\s*(?:his|her)\s+(?:wife|husband|spouse)\s*,?(?=\s+(?:are|were|"
                           r"each|jointly|together|may|have|share|serve|as)\b)")


def _spouse_cut(s: str) -> str:
    """The apposition naming a spouse dropped, so the two persons read as one list of subjects; the spouse keeps
    the sex the apposition tells ("his wife, Susan D. Wood" -> "Mrs. Susan D. Wood")."""

    def named(m: re.Match) -> str:
        name = m.group("name")
        if not _HONORIFIC.match(name) and _looks_person(name):
            name = ("Mrs. " if re.search(r"\bwife\b", m.group(0)) else "Mr. " if re.search(r"\bhusband\b",
                                                                                               m.group(0)) else "") + name
        return "and " + name

    s = _SPOUSE_BEFORE.sub(named, s)
    return _SPOUSE_AFTER.sub(named, s)


#: a list item with a relative clause: "each of Starfire, Modal LLC ("Modal"), which owns approximately 99.6% of
#: Starfire and whose sole member is Mr. Icahn, and Mr. Icahn (by virtue of ...)": the item after "each of" or a
#: comma, the clause without a comma, parenthesis or semicolon, then the list goes on (", and B", ", B")
_LIST_RELATIVE = re.compile(
    r"(?:(?<=\beach of )|(?<=\bboth of )|(?<=\ball of )|(?<=\bEach of )|(?<=\bBoth of )|(?<=\bAll of )|(?<=, ))"
    r"(?P<name>" + NAME + r")(?P<alias>\s*\([^()]{1,80}\))?\s*,\s+(?P<rel>which|who)\s+(?P<clause>[^,;()]{3,300}?)"
    r"\s*,\s+(?=(?:and\s+)?(?:the\s+|Mr\.\s+|Ms\.\s+|Mrs\.\s+|Dr\.\s+)?[A-Z])")
_WHOSE_PART = re.compile(r"\s+and\s+whose\s+")
_WHOSE_IS = re.compile(r"^(?P<role>" + ROLE + r")\s+(?P<verb>is|are)\s+(?P<y>\S.*)$", re.I)


def _cut_relatives(s: str) -> tuple[str, list[str]]:
    """A list item "NAME, which|who <clause>[ and whose <clause>]," -> the sentence with the item cut back to NAME
    (the list then reads as a list), and the clause as statements with NAME as their subject ("NAME owns ...",
    "The sole member of NAME is Y")."""
    cuts, clauses = [], []
    for m in _LIST_RELATIVE.finditer(s):
        name = m.group("name").strip()
        if name.lower() in _PRONOUNS or not name[:1].isupper():
            continue
        first, *whose = _WHOSE_PART.split(m.group("clause"))
        if first.startswith("whose "):
            whose, first = [first[6:], *whose], ""
        stated = [f"{name} {first}."] if first else []
        for w in whose:
            wm = _WHOSE_IS.match(w)
            if wm:
                stated.append(f"The {_TITLE_ARTICLE.sub('', wm.group('role'))} of {name} {wm.group('verb')} {wm.group('y')}.")
        if not stated:
            continue
        cuts.append((m.end("alias") if m.group("alias") else m.end("name"), m.end("clause")))
        clauses.extend(stated)
    if not cuts:
        return s, []
    out, pos = [], 0
    for a, b in cuts:
        out.append(s[pos:a])
        pos = b
    out.append(s[pos:])
    return "".join(out), clauses


#: "X is a member of the investment committee of Y[, which exercises voting and dispositive power ...]"
_COMMITTEE_MEMBER = re.compile(
    r"(?P<x>" + NAME + r")\s*,?\s+(?:is|serves\s+as|sits\s+on|serves\s+on)\s+(?:a|the|one\s+of\s+the)?\s*"
    r"(?:members?\s+of\s+)?(?:the\s+|an\s+)?investment\s+committee\s+(?:of|established\s+by)\s+"
    r"(?P<y>(?:the\s+)?" + NAME + r")")
_COMMITTEE_POWER = re.compile(r"(?i)\b(?:voting|dispositive|investment)\s+(?:and\s+(?:voting|dispositive|investment)\s+)?"
                              r"(?:power|control|decisions|authority)")
_DISCLAIMS = re.compile(r"(?i)\bdisclaims?\s+beneficial\s+ownership")


_EVERY_MEMBER = re.compile(r"(?i)\beach\s+of\s+(?:the\s+)?(?:members|reporting\s+persons|such\s+persons)|"
                           r"\beach\s+(?:such\s+)?(?:committee\s+)?member|\b(?:the|its)\s+members\b")


def _disclaimer_covers(sentence: str, name: str) -> bool:
    """A disclaimer sentence covers a member who is named in it (by surname) or every member."""
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'\-]+", name) if w.lower() not in ("jr", "sr", "ii", "iii", "iv")]
    if words and re.search(rf"\b{re.escape(words[-1])}\b", sentence):
        return True
    return _EVERY_MEMBER.search(sentence) is not None


def _mine_committee(text: str, facts: FilingFacts, res: Resolver, section: str, prov: Provenance | None) -> None:
    """A member of an organization's investment committee: EMPLOYED_BY (title "investment committee member")
    with ``committee_power`` when the sentence says the committee exercises voting / dispositive power, and
    ``disclaims`` when the text has the member disclaim beneficial ownership.  No CONTROLS: the committee
    decides, no member alone; the control analysis (R3c) may still derive control from a member's own
    shared power."""
    disclaimers = [_strip_markup(t) for t in sentences(text) if "isclaim" in t]
    disclaimers = [t for t in disclaimers if _DISCLAIMS.search(t)]
    for sent in sentences(text):
        if "ommittee" not in sent and "oard of" not in sent:
            continue
        s = _strip_markup(sent)
        for m in _COMMITTEE_MEMBER.finditer(s):
            x, y = res.resolve(m.group("x")), res.resolve_or_create(m.group("y"), section, _prov(facts, prov, section, sent))
            ex, ey = facts.entity(x) if x else None, facts.entity(y) if y else None
            if ex is None or ey is None or ex.kind != NodeKind.PERSON or ey.kind != NodeKind.ORGANIZATION:
                continue
            props: dict = {"title": "investment committee member"}
            if _COMMITTEE_POWER.search(s):
                props["committee_power"] = "shared voting and dispositive power (committee)"
            if any(_disclaimer_covers(t, ex.name) for t in disclaimers):
                props["disclaims"] = True
            _add(facts, EdgeKind.EMPLOYED_BY, x, y, props, _prov(facts, prov, section, sent))
        low = s.lower()
        if ("investment" in low or "board of" in low) and any(w in low for w in _LISTING_WORDS):
            _mine_committee_listed(s, sent, disclaimers, facts, res, section, prov)


# The committee as the subject, its members listed: "an investment committee of Y consisting of A, B and C",
# "Y's investment committee, which consists of A, B and C, has ...", "... of Y that includes the Reporting Person",
# "an investment committee composed of A and B exercises ..." (Y: the holder of the shares the sentence names).
# A board listed the same way ("Y is managed by a board of managers consisting of A, B and C", "the board of
# directors of Y is comprised of A and B"): each member sits on Y's board.
_LISTING_WORDS = ("consist", "compris", "compos", "made up", "includ", "members")  # (sentences() joins spaces)
_LISTED_ITEM = r"(?:the\s+Reporting\s+Person(?![\w-])|(?:the\s+)?" + NAME + r")"
_LISTED_SEP = r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"
_COMMITTEE_LISTED = re.compile(
    r"(?<![\w-])(?:(?P<art>[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+)?"
    r"(?P<body>[Ii]nvestment\s+[Cc]ommittee|[Bb]oard\s+of\s+(?P<board>[Mm]anagers|[Dd]irectors))"
    r"(?:\s+(?:of|established\s+by|formed\s+by)\s+(?P<y>(?:the\s+)?" + NAME + r"))?"
    r"(?:\s*\([^()]{0,60}\))?"  # its defined term: 'Y's investment committee (the "Committee"), consisting of'
    r"\s*,?\s*(?:(?:which|that)\s+)?(?:(?:currently|presently)\s+)?(?:(?:is|are|was)\s+)?"
    r"(?:consists?\s+of|consisting\s+of|(?:comprised|composed|made\s+up)\s+of|comprises|includes?|including"
    r"|whose\s+(?:current\s+)?members\s+(?:are|include))\s+"
    r"(?P<list>" + _LISTED_ITEM + r"(?:" + _LISTED_SEP + _LISTED_ITEM + r"){0,11})"
    # a trailing definition ("(each, a 'Member')"), then the end of the list: punctuation or a lower-case word
    r"(?:\s*\((?:each|collectively|together)\b[^()]{0,80}\))?(?=\s*(?:[,;.)]|$)|\s+[a-z])")
_LISTED_ITEM_RE = re.compile(_LISTED_ITEM)
_POSSESSOR = re.compile(r"(?<![\w'’.-])(" + NAME + r")(?<=['’]s)\s*$")
_HOLDER = re.compile(r"\b(?:held|owned)\s+(?:directly\s+|indirectly\s+|of\s+record\s+|beneficially\s+)?by\s+"
                     r"((?:the\s+)?" + NAME + r")")
_REPORTING_PERSON = re.compile(r"(?i)^the\s+reporting\s+person$")
_MANAGED_BY = re.compile(r"\s(?:is|are)\s+(?:managed|governed)\s+by\s*$")  # "Y is managed by [a board of ...]"
_NAMES_THE_REPORTING_PERSON = re.compile(r"(?i)\breporting\s+person\b(?!s)")  # a disclaimer by "the Reporting Person"
_MEMBER_TAIL = re.compile(r"\s+(?:of|for)\s.*$")  # "Lee Ostrander of Larch Capital": the person is the head


def _committee_owner(mention: str, res: Resolver) -> str | None:
    """The organization a mention names, or None; a new one only where :meth:`Resolver.resolve_or_create` would
    make an organization (so a failed owner never leaves a person behind)."""
    key = res.resolve(mention)
    if key is not None:
        e = res.facts.entity(key)
        return key if e is not None and e.kind == NodeKind.ORGANIZATION else None
    m = _clean_mention(_LEADING_THE.sub("", mention.strip()))
    return "" if _looks_org(m) and len(m.split()) >= 2 else None  # "": to be created


def _one_holder(s: str, res: Resolver) -> str:
    """The one holder the sentence names ("the shares held by Y"), else "" (none, or several: "held by A and B",
    "held by A ... held by B")."""
    found: dict[str, str] = {}
    for hm in _HOLDER.finditer(s):
        if _OBJ_STOP.match(s[hm.end():hm.end() + 40]):
            return ""  # "held by A and B"
        h = hm.group(1)
        found.setdefault(res.resolve(h) or _clean_mention(_LEADING_THE.sub("", h)).lower(), h)
    return next(iter(found.values())) if len(found) == 1 else ""


def _listed_members(listed: str, res: Resolver, facts: FilingFacts) -> list[tuple[str | None, str]]:
    """(entity key or None, mention) for each member of "A, B, and C" / "Messrs. A and B" / "the Reporting
    Person" ("the Reporting Person": the filing's one reporting person, else nobody)."""
    out: list[tuple[str | None, str]] = []
    messrs = False
    for im in _LISTED_ITEM_RE.finditer(listed):
        mention = im.group(0)
        if _REPORTING_PERSON.match(mention):
            filers = facts.filing.filer_keys
            out.append((filers[0] if len(filers) == 1 else None, mention))
            continue
        mention = _MEMBER_TAIL.sub("", mention)
        if mention.startswith("Messrs"):
            messrs = True
        elif messrs and " " not in mention.strip():
            mention = "Mr. " + mention.strip()  # "Messrs. Whitcombe and Ostrander"
        group = _expand(mention, res, facts)
        if group:
            out.extend((k, mention) for k in group)
            continue
        out.append((res.resolve(mention), mention))
    return out


def _mine_committee_listed(s: str, sent: str, disclaimers: list[str], facts: FilingFacts, res: Resolver,
                           section: str, prov: Provenance | None) -> None:
    """An investment committee that is the subject, with its members listed: EMPLOYED_BY member -> owner, the
    same props as :func:`_mine_committee`; a board of managers or directors listed the same way: DIRECTOR_OF
    member -> owner (title "member of the board of managers", or "director"), the board's power as
    ``committee_power`` ("... (board)").  The owner is the organization the committee is "of", the possessor
    ("Y's", "its": the sentence's subject), else the one holder of the shares the sentence names; when none is
    certain, nothing.  Never CONTROLS."""
    for m in _COMMITTEE_LISTED.finditer(s):
        art = (m.group("art") or "").lower()
        if m.group("y"):
            owner_mention = m.group("y")
        elif _MANAGED_BY.search(s, max(0, m.start() - 40), m.start()):
            owner_mention = _first_subject(s[:m.start()]) or ""
        elif not art and (pm := _POSSESSOR.search(s, max(0, m.start() - 200), m.start())):
            owner_mention = re.sub(r"['’]s$", "", pm.group(1))
        elif art == "its":
            owner_mention = _first_subject(s[:m.start()]) or ""
        elif art == "their":
            continue  # several possessors
        else:
            owner_mention = _one_holder(s, res)
        owner = _committee_owner(owner_mention, res) if owner_mention else None
        if owner is None:
            continue
        members = _listed_members(m.group("list"), res, facts)
        if any(k is not None and (e := facts.entity(k)) is not None and e.kind != NodeKind.PERSON
               for k, _ in members):
            continue  # an organization in the list: not a list of committee members
        if not any(k is not None or _looks_person(_clean_mention(x)) for k, x in members):
            continue
        pv = _prov(facts, prov, section, sent)
        y = owner or res.resolve_or_create(owner_mention, section, pv)
        ey = facts.entity(y) if y else None
        if ey is None or ey.kind != NodeKind.ORGANIZATION:
            continue
        board = (m.group("board") or "").lower()
        etype, title, body = (
            (EdgeKind.DIRECTOR_OF, "director" if board == "directors" else "member of the board of managers", "board")
            if board else (EdgeKind.EMPLOYED_BY, "investment committee member", "committee"))
        for key, mention in members:
            as_filer = _REPORTING_PERSON.match(mention) is not None
            if key is None and not as_filer:
                key = res.resolve_or_create(mention, section, pv, kind=NodeKind.PERSON)
            ex = facts.entity(key) if key else None
            if ex is None or ex.kind != NodeKind.PERSON:
                continue
            props: dict = {"title": title}
            if _COMMITTEE_POWER.search(s):
                props["committee_power"] = f"shared voting and dispositive power ({body})"
            if any(_disclaimer_covers(t, ex.name) or as_filer and _NAMES_THE_REPORTING_PERSON.search(t)
                   for t in disclaimers):
                props["disclaims"] = True
            _add(facts, etype, key, y, props, pv)


class _LatestSubject:
    """``_latest_subject(pending, res, before)`` for a mined sentence, looked up when first asked for (a pronoun
    subject, a "by virtue of" clause without one: most sentences never ask) or before the resolver changes
    (:meth:`Resolver._settle`), whichever comes first.  Until then nothing the lookup depends on has changed
    since the sentence came, so it answers what it would have answered then.  ``before`` (the subject carried
    into the previous mined sentence) is asked for only when no pending sentence has a subject."""

    __slots__ = ("pending", "res", "before", "value", "done")

    def __init__(self, pending: list[str], res: Resolver, before: _LatestSubject | str | None):
        self.pending, self.res, self.before = pending, res, before
        self.value: str | None = None
        self.done = False
        res._later = self

    def get(self) -> str | None:
        if not self.done:
            found = _latest_subject(self.pending, self.res, _NONE_FOUND)
            self.value = _subject_of(self.before) if found is _NONE_FOUND else found
            self.done, self.pending, self.before = True, [], None
        return self.value


_NONE_FOUND: str = object()  # type: ignore[assignment]  # a sentinel: no pending sentence has a subject


def _subject_of(last_subject: _LatestSubject | str | None) -> str | None:
    return last_subject.get() if isinstance(last_subject, _LatestSubject) else last_subject


def _latest_subject(pending: list[str], res: Resolver, last_subject: str | None) -> str | None:
    """The subject of the newest of ``pending`` whose subject resolves, else ``last_subject``."""
    for sent in reversed(pending):
        subj = _first_subject(sent)
        if subj and res.resolve(subj):
            return subj
    return last_subject


# Cheap necessary conditions of the sentence patterns (each pattern can match only where its hint
# does), so that a sentence is run through the costly patterns only when one of them could match.
_ROLE_ENDERS = frozenset(w for w in _ROLE_WORDS if w not in ("the", "a", "an")) | frozenset(
    w + "s" for w in _ROLE_WORDS if w not in ("the", "a", "an")) | {"s"}  # "s": the tail of "chairman's"
# the last word of a role phrase followed by of/to/for/at, as _ROLE_OF and _INVERTED need
_ROLE_END = re.compile(r"(?<![\w-])([\w-]+)(?=\s+(?:of|to|for|at)\s)", re.I)
# characters that case-insensitive matching equates with ASCII letters: the hint then cannot decide
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")
_PASSIVE_HINT = re.compile(r"(?:is|are)\s+(?:an?\s+)?(?:wholly[\s-]owned|(?:directly\s+|indirectly\s+)?"
                           r"(?:wholly\s+)?owned|(?:directly\s+|indirectly\s+)?controlled|managed|advised)")
_OWNS_HINT = re.compile(r"wholly\s+owns\s|owns\s+(?:all|100%)\s+of\s|controls\s|"
                        r"(?:owns|holds)\s+(?:a\s+)?(?:controlling|majority)\s")


_ARTICLES = frozenset(("the", "a", "an"))
_ROLE_RUN = _ROLE_ENDERS | _ARTICLES | {"and"}
_ROLE_JOIN = frozenset(("of", "to", "for", "at"))
_TOKEN = re.compile(r"[\w-]+")


def _role_of_matches(s: str):
    """``_ROLE_OF.finditer(s)``, trying the pattern only where a match can start: at a word of a run of role
    words, articles and "and" that ends at of/to/for/at (the pattern, tried at every position, is the miner's
    main cost).  The runs are found by one pattern over the sentence lower-cased and reversed (see
    :func:`_lowered_reversed`); without such a view, word by word (:func:`_role_of_matches_by_words`)."""
    rev = _lowered_reversed(s)
    if rev is None:
        yield from _role_of_matches_by_words(s)
        return
    n, pos = len(s) + 1, 0
    runs = [(n - r.end(), n - r.start("join")) for r in _ROLE_RUN_REV.finditer(rev)]
    low = rev[:0:-1]
    for a, b in reversed(runs):  # found right to left
        toks = list(_TOKEN.finditer(low, a, b))  # the run's words, then the join
        for i in range(len(toks) - 1):
            t = toks[i]
            start = t.start()
            if start < pos:
                continue
            w = t.group()
            if w not in _ROLE_ENDERS:
                if w not in _ARTICLES:
                    continue
                # an article starts a role phrase only when a role word follows it after white space
                nxt = toks[i + 1]
                if nxt.group() not in _ROLE_ENDERS or not s[t.end():nxt.start()].isspace():
                    continue
            m = _ROLE_OF.match(s, start)
            if m is not None:
                yield m
                pos = m.end()


def _role_of_matches_by_words(s: str):
    """:func:`_role_of_matches`, word by word (the slow path, and the one for characters that case-insensitive
    matching equates with ASCII letters)."""
    if not s.isascii() and _FOLDS_TO_ASCII.search(s):
        yield from _ROLE_OF.finditer(s)
        return
    pos = 0
    toks = list(_TOKEN.finditer(s))
    words = [t.group().lower() for t in toks]
    # reach[i]: a run of role words, articles and "and" from word i ends at of/to/for/at, as a match needs
    reach = [False] * (len(words) + 1)
    for i in range(len(words) - 2, -1, -1):
        reach[i] = words[i] in _ROLE_RUN and (words[i + 1] in _ROLE_JOIN or reach[i + 1])
    for i, t in enumerate(toks):
        start = t.start()
        if start < pos or not reach[i]:
            continue
        w = words[i]
        if w not in _ROLE_ENDERS:
            if w not in _ARTICLES:
                continue
            # an article starts a role phrase only when a role word follows it after white space
            if i + 1 == len(toks) or toks[i + 1].group().lower() not in _ROLE_ENDERS or \
                    not s[t.end():toks[i + 1].start()].isspace():
                continue
        m = _ROLE_OF.match(s, start)
        if m is not None:
            yield m
            pos = m.end()


# the same test as "any(m.group(1).lower() in _ROLE_ENDERS for m in _ROLE_END.finditer(s))", found from the
# other end: each of/to/for/at after a word, then the word before it (a role word is never longer than _MAX_ENDER)
_JOIN_AFTER_WORD = re.compile(r"(?<=[\w-])\s+(?:of|to|for|at)(?=\s)", re.I)
_MAX_ENDER = max(len(w) for w in _ROLE_ENDERS)
_WORD_AT_END = re.compile(r"(?<![\w-])[\w-]{1,%d}\Z" % _MAX_ENDER)


def _lowered_reversed(s: str) -> str | None:
    """``s`` lower-cased and reversed, after a NUL (neither a word character nor white space, so that a pattern
    can start with the character after a word, even at the end): the view in which the patterns below find a
    role word before of/to/for/at by its first characters.  None when lower-casing could change what the
    word-by-word tests see: a character that case-insensitive matching equates with an ASCII letter, or a lower
    case form of another length.  Every other character lower-cases to one character of the same classes (word
    character, hyphen, white space, ASCII or not), so words, their spans and their lower case forms stay."""
    if not s.isascii() and _FOLDS_TO_ASCII.search(s):
        return None
    low = s.lower()
    if len(low) != len(s):
        return None
    return "\0" + low[::-1]


# the word tests compare whole words (runs of _TOKEN): of the role words only those that are one (not "chairman's",
# read as "chairman" and "s")
_ONE_WORD = frozenset(w for w in _ROLE_RUN if _TOKEN.fullmatch(w))
# (reversed) white space, of/to/for/at, white space, then a role word that is a whole word
_ENDER_JOIN_REV = re.compile(r"\s(?:fo|ot|rof|ta)\s+(?:%s)(?![\w-])"
                             % _trie(w[::-1] for w in _ROLE_ENDERS & _ONE_WORD))
# (reversed) a whole word of/to/for/at, then every word before it while each is a role word, article or "and"
_ROLE_RUN_REV = re.compile(r"[^\w-](?P<join>fo|ot|rof|ta)(?:[^\w-]+(?:%s)(?![\w-]))+"
                           % _trie(w[::-1] for w in _ONE_WORD))


def _role_word_before_join(s: str) -> bool:
    """Does a role word stand right before "of", "to", "for" or "at" (as ``_ROLE_OF`` needs)?"""
    rev = _lowered_reversed(s)
    if rev is not None:
        return _ENDER_JOIN_REV.search(rev) is not None
    return _role_word_before_join_by_words(s)


def _role_word_before_join_by_words(s: str) -> bool:
    """:func:`_role_word_before_join`, join by join (the slow path)."""
    for m in _JOIN_AFTER_WORD.finditer(s):
        i = m.start()
        w = _WORD_AT_END.search(s, max(0, i - _MAX_ENDER), i)
        if w is not None and w.group().lower() in _ROLE_ENDERS:
            return True
    return False


def _hints(s: str) -> tuple[bool, bool, bool, bool, bool] | None:
    """(role phrase, "whose", passive, owns, "virtue") for one marked-up-stripped sentence; None when
    no pattern of :func:`_mine_sentence` can match it."""
    role = (not s.isascii() and _FOLDS_TO_ASCII.search(s) is not None) or _role_word_before_join(s)
    whose = "whose" in s and _WHOSE_WORD.search(s) is not None or ", of which " in s
    # both patterns are case-sensitive and end in these words: a substring test first (no pattern scan)
    passive = ("owned" in s or "controlled" in s or "managed" in s or "advised" in s) and bool(
        _PASSIVE_HINT.search(s) and _PASSIVE_WORD.search(s))
    if not passive and "%" in s and ("owned" in s or "held" in s or "controlled" in s):
        passive = _PASSIVE_PCT_HINT.search(s) is not None
    owns = ("owns" in s or "controls" in s or "holds a" in s) and bool(_OWNS_HINT.search(s) and _OWNS_WORD.search(s)) \
        or "%" in s and ("owns" in s or "holds" in s) and _OWNS_PCT_HINT.search(s) is not None
    if s.isascii() or not _FOLDS_TO_ASCII.search(s):
        virtue = "virtue" in s.lower()
    else:
        virtue = re.search(r"(?i)virtue", s) is not None
    if role or whose or passive or owns or virtue:
        return role, whose, passive, owns, virtue
    return None


def _seed_aliases(res: Resolver, facts: FilingFacts) -> None:
    """The entities' aliases into the resolver.  For a new resolver (nothing noted yet) what comes of them is a
    function of the (key, aliases) of the entities in order: the context remembers it for the next section's
    resolver, which gets a copy while no alias has changed (each section is mined with a new resolver)."""
    fresh = not res.aliases and not res.shared and not res.spelled
    if fresh:
        seen = tuple((e.key, tuple(e.aliases)) for e in facts.entities if e.aliases)
        seeded = res.ctx._seeded
        if seeded is not None and seeded[0] == seen:
            res.aliases.update(seeded[1])
            res.shared.update(seeded[2])
            res.spelled.update(seeded[3])
            return
    for e in facts.entities:
        for a in e.aliases:
            if len(a.split()) >= 1:
                res.note_alias(a, e.key)
                res.aliases.setdefault(normalize_name(a, NodeKind.ORGANIZATION), e.key)
    if fresh:
        res.ctx._seeded = (seen, dict(res.aliases), set(res.shared), dict(res.spelled))


# what may stand between one role phrase's objects and the next role phrase: the same subject goes on, or the
# objects are the next subject
_BETWEEN_APPOSITIVE = re.compile(r"\s*,\s*(?:which\s+is\s+|itself\s+)?(?:the\s+|a\s+|an\s+|its\s+)?\s*")
_BETWEEN_AND = re.compile(r"\s*(?:,|;)?\s*(?:and\s+)?(?:also\s+)?(?:as\s+)?(?:the\s+|a\s+|an\s+)?\s*")
_BETWEEN_CLAUSE = re.compile(
    r"\s*,\s*(?:who\s+)?(?:is|was|has\s+been|had\s+been|will\s+be|became)?\s*(?:also\s+)?"
    r"(?:appointed|elected|named|designated|serving|serves|served|acts|acting)?\s*(?:to\s+serve\s+)?(?:as\s+)?"
    r"(?:the\s+|a\s+|an\s+)?\s*")
_LOWER_LETTER = re.compile(r"[a-z]")
_PRONOUN_SUBJECT = re.compile(r"(?:^|\s)(?:he|she|it)\s+(?:is|serves|acts)\b[^.]*$", re.I)
_INVERTED_NEED = re.compile(r"\b[Tt]he\s+\S+[^.]*?\s+of\s+[^.]*?\s+(?:is|are|was)\s")
_WHOLLY_ALL = re.compile(r"\b(?:wholly|all|100%|sole)\b", re.I)


def _mine_sentence(sent: str, facts: FilingFacts, res: Resolver, section: str, pv: Provenance,
                   last_subject: _LatestSubject | str | None, hints: tuple[bool, bool, bool, bool, bool] | None = None
                   ) -> None:
    s = _strip_markup(sent)
    if hints is None:
        hints = _hints(s)
        if hints is None:
            return
    role_hint, whose_hint, passive_hint, owns_hint, virtue_hint = hints
    prev_end, prev_subj, prev_obj = None, None, None
    prev_subjects: list[str] = []
    for m in (_role_of_matches(s) if role_hint else ()):
        if prev_end is not None and m.start() < prev_end:
            # the match began inside the previous object ("the managing member of the General Partner and a
            # director of the Master Fund": "General Partner and a director of" is no role): the role after it
            m = _ROLE_OF.search(s, prev_end, m.end())
            if m is None:
                continue
        roles = classify_role(m.group(1))
        if not roles:
            continue
        objects, oend = _objects_from(s[m.end():])
        via = None
        if not objects:
            # "the sole voting trustee of the managing member of X": control through X's controller
            via = _VIA_ROLE.match(s[m.end():])
            if via and roles[0][0] == EdgeKind.CONTROLS and classify_role(via.group(1)) and \
                    classify_role(via.group(1))[0][0] == EdgeKind.CONTROLS:
                objects, oend = _objects_from(s[m.end() + via.end():])
                oend += via.end()
                roles = [(EdgeKind.CONTROLS, f"{roles[0][1]} of the {_tidy_title(via.group(1)).lower()}")]
            if not objects:
                continue
        between = s[prev_end:m.start()] if prev_end is not None else None
        if between is not None and _BETWEEN_APPOSITIVE.fullmatch(between) and prev_obj:
            subj = prev_obj  # appositive: "... of X, the general partner of Y"
        elif between is not None and _BETWEEN_AND.fullmatch(between):
            subj = prev_subj
        elif between is not None and _BETWEEN_CLAUSE.fullmatch(between) and _LOWER_LETTER.search(between):
            subj = prev_subj  # "X, the managing member of Y, was appointed a director of Z"
        else:
            subj = _subject_from(s[:m.start()])
        if subj is None and _PRONOUN_SUBJECT.search(s[:m.start()]):
            subj = _subject_of(last_subject)
        if subj is None:
            continue
        if subj == prev_subj and prev_subjects:
            subjects = prev_subjects  # "A and B are the general partners of X and directors of Y": both, again
        else:
            subjects = [subj] + (_more_subjects(s[:m.start()], subj) if subj != prev_obj else [])
        skeys = []
        for x in subjects:
            skeys.extend(_expand(x, res, facts) or [res.resolve_or_create(x, section, pv)])
        skeys = [k for k in skeys if k]
        if not skeys:
            continue
        if len(skeys) > 1:
            # several subjects share the role: each holds it in the singular ("A and B are the managing partners
            # of Y": each a managing partner), and the singular role says what kind of role it is
            one = singular_role(m.group(1))
            if via:
                roles = [(etype, singular_role(title)) for etype, title in roles]
            elif one != m.group(1):
                roles = classify_role(one) or roles
        okeys: list[str] = []
        first_kind = None
        for ob in objects:
            grp = _expand(ob, res, facts)
            if grp:
                okeys.extend(k for k in grp if k not in okeys)
                continue
            okey = res.resolve_or_create(ob, section, pv)
            if okey is None:
                break
            okind = facts.entity(okey).kind if facts.entity(okey) else None
            if okind not in (NodeKind.ORGANIZATION, NodeKind.PERSON, None):
                break
            if first_kind is not None and okind != first_kind:
                break  # "X, as sole member of Holdings, and Ms. Okafor ...": the list ended
            first_kind = first_kind or okind
            okeys.append(okey)
        for skey in skeys:
            for okey in okeys:
                for etype, title in roles:
                    if etype != EdgeKind.CONTROLS and facts.entity(skey) is not None and \
                            facts.entity(skey).kind != NodeKind.PERSON:
                        if title.lower() == "portfolio manager" and facts.entity(okey) is not None and \
                                facts.entity(okey).kind == NodeKind.ORGANIZATION:
                            _add_role(facts, EdgeKind.CONTROLS, skey, okey, title, pv)  # a firm manages a fund
                        continue
                    _add_role(facts, etype, skey, okey, title, pv)
        prev_end, prev_subj, prev_obj, prev_subjects = m.end() + oend, subj, objects[-1], subjects
    # "X is a Delaware limited partnership whose sole general partner is Y"; "The managing member of X is Y"
    for rx, need in ((_WHOSE, _WHOSE_WORD), (_OF_WHICH, None), (_INVERTED, _INVERTED_NEED)):
        if rx is _WHOSE:
            found = rx.finditer(s) if whose_hint else ()
        elif rx is _OF_WHICH:  # "Held of record by X, of which Y is the sole manager"
            found = rx.finditer(s) if whose_hint and "of which" in s else ()
        else:  # the pattern is cheaper than its guard: run it first
            found = _inverted_matches(s) if role_hint else ()
            if found and not need.search(s):
                continue
        for m in found:
            roles = classify_role(m.group("role"))
            if not roles:
                continue
            y = res.resolve_or_create(m.group("y"), section, pv)
            x = res.resolve_or_create(m.group("x"), section, pv)
            for etype, title in roles:
                if etype == EdgeKind.CONTROLS or (y and facts.entity(y) is not None and
                                                  facts.entity(y).kind == NodeKind.PERSON):
                    _add_role(facts, etype, y, x, title, pv)
    # passive ownership / control: "Y is wholly owned by X", "Y is a wholly-owned subsidiary of X"
    for m in (_PASSIVE.finditer(s) if passive_hint else ()):
        how = " ".join(m.group("how").lower().replace("-", " ").split())
        ymention = m.group("y")
        if ", which " in s[max(0, m.start("y") - 300):m.start("y")]:
            # "X, which owns 99.6% of Y, is wholly owned by Z": Y closes the relative clause, X is the subject
            rel = _RELATIVE_OPEN.search(s, max(0, m.start("y") - 300), m.start("y"))
            if rel is not None and s[m.end("y"):m.start("how")].lstrip().startswith(","):
                ymention = rel.group("n")
        if how in ("managed", "advised"):
            basis = "investment manager"
        elif "owned" in how:
            basis = "wholly owns" if "wholly" in how else "owner"
            if "wholly" not in how and not _WHOLLY_ALL.search(s):
                continue
        else:
            basis = "controlled by"
        props = {"basis": basis, "stated": True}
        role = _role_of_subject(s, m.start("y")) if ymention == m.group("y") else None
        if role is not None:  # "The general partner of Y is controlled by X": X controls Y through its GP
            props = _through_role(props, role)
            if props is None:
                continue
        y = res.resolve_or_create(ymention, section, pv)
        x = res.resolve_or_create(m.group("x"), section, pv)
        _add(facts, EdgeKind.CONTROLS, x, y, props, pv)
        if role is not None:
            continue
        if x is not None and re.search(r"(?i)\b(?:each\s+of|both)\b", s[max(0, m.start("y") - 300):m.start("y")]):
            # "Each of the Partnership and the Master Fund is managed by X": every one listed
            lead = re.sub(r"(?i)\bthe\s*$", "", s[:m.start("y")]).rstrip() + " "
            for other in _more_subjects(lead + m.group("y").strip(), m.group("y").strip()):
                oy = res.resolve(other)
                if oy is not None and oy != x:
                    _add(facts, EdgeKind.CONTROLS, x, oy, {"basis": basis, "stated": True}, pv)
    for m in (_WHICH_PASSIVE.finditer(s) if passive_hint and ("which" in s or "who" in s) else ()):
        how = " ".join(m.group("how").lower().replace("-", " ").split())
        if how in ("managed", "advised"):
            basis = "investment manager"
        elif "owned" in how:
            if "wholly" not in how:
                continue  # "which is owned by X": an owner of some part, no control stated
            basis = "wholly owns"
        else:
            basis = "controlled by"
        y = res.resolve_or_create(m.group("y"), section, pv)
        x = res.resolve_or_create(m.group("x"), section, pv)
        if y is not None and x is not None and y != x:
            _add(facts, EdgeKind.CONTROLS, x, y, {"basis": basis, "stated": True}, pv)
    for m in (_PASSIVE_PCT.finditer(s) if passive_hint and "%" in s else ()):
        how = m.group("how_a") or m.group("how")
        if how is None or m.group("how_a") and m.group("how") or _NOT_STATED.search(s, 0, m.start("pct")):
            continue  # "If X were 60% owned by Y", "X may be deemed ..."
        ymention = m.group("y")
        if ymention.strip().lower() in _PRONOUNS:  # "It is 94% controlled by Y": the previous sentence's subject
            ymention = _subject_of(last_subject)
            y = res.resolve(ymention) if ymention else None
        else:
            y = res.resolve_or_create(ymention, section, pv)
        ey = facts.entity(y) if y else None
        if ey is None or ey.kind != NodeKind.ORGANIZATION or y == facts.filing.issuer_key:
            continue  # the issuer's shares are the cover pages' holdings
        props = _pct_props(m, "controlled by" if how == "controlled" else "majority owner")
        role = _role_of_subject(s, m.start("y")) if ymention == m.group("y") else None
        if props is not None and role is not None:  # "The general partner of Y is 60% owned by X"
            props = _through_role(props, role)
        if props is not None:
            _add(facts, EdgeKind.CONTROLS, res.resolve_or_create(m.group("x"), section, pv), y, props, pv)
        if m.group("x2"):  # "... and controlled by W": W controls, whatever part it owns
            _add(facts, EdgeKind.CONTROLS, res.resolve_or_create(m.group("x2"), section, pv), y,
                 {"basis": "controlled by" if m.group("how2") == "controlled" else "investment manager",
                  "stated": True}, pv)
    for m in (_OWNS.finditer(s) if owns_hint else ()):
        how = " ".join(m.group("how").lower().split())
        if how == "controls":
            basis, ys = "controls", [m.group("y")]
        elif "controlling" in how or "majority" in how:
            # "owns a controlling interest in CGP and CSGP": every entity listed
            basis = "controlling interest" if "controlling" in how else "majority owner"
            ys = _objects_from(s[m.start("y"):])[0] or [m.group("y")]
        else:
            basis, ys = "wholly owns", [m.group("y")]
        x = res.resolve_or_create(m.group("x"), section, pv)
        for yname in ys:
            y = res.resolve_or_create(yname, section, pv)
            _add(facts, EdgeKind.CONTROLS, x, y, {"basis": basis, "stated": True}, pv)
    for m in (_OWNS_PCT.finditer(s) if owns_hint and "%" in s else ()):
        props = _pct_props(m, "majority owner")
        if props is None or _NOT_STATED.search(s, 0, m.start("pct")):
            continue
        y = res.resolve_or_create(m.group("y"), section, pv)
        ey = facts.entity(y) if y else None
        if ey is None or ey.kind != NodeKind.ORGANIZATION or y == facts.filing.issuer_key:
            continue  # the issuer's shares are the cover pages' holdings
        _add(facts, EdgeKind.CONTROLS, res.resolve_or_create(m.group("x"), section, pv), y, props, pv)
    for m in (_OWNS_AND.finditer(s) if owns_hint and " and " in s else ()):
        subj = _first_subject(s[:m.start()])
        x = res.resolve(subj) if subj else None
        if x is None:
            continue
        how = m.group("how").lower()
        basis = "wholly owns" if how.startswith("wholly") else (
            "controlling interest" if "controlling" in how else "majority owner")
        for yname in _objects_from(s[m.start("y"):])[0] or [m.group("y")]:
            _add(facts, EdgeKind.CONTROLS, x, res.resolve_or_create(yname, section, pv),
                 {"basis": basis, "stated": True}, pv)
    for m in (_VIRTUE.finditer(s) if virtue_hint else ()):
        head = s[:m.start()]
        if head.rstrip().endswith("("):
            # "each of High Coast, Little Meadow and Mr. Icahn (by virtue of their relationships to CCI Onshore)"
            last = _subject_from(head)
            subjects = [_EACH_OF.sub("", x) for x in [last] + _more_subjects(head, last)] if last else []
            if _SINGULAR_VIRTUE.match(s, m.start()) and not _EACH_OF.search(head.lstrip()):
                # "A, B and Mr. C (by virtue of his relationship with Y)": the parenthesis is the last item's
                subjects = subjects[:1]
        elif not head.strip():
            # "By virtue of his relationship with Y, Z may be deemed ...": the subject follows the phrase
            after = s[m.end():]
            comma = after.find(", ")
            subj = _first_subject(_EACH_OF.sub("", after[comma + 2:].lstrip())) if comma >= 0 else None
            subjects = [subj] if subj else []
        else:
            subjects = [_first_subject(head) or _subject_of(last_subject)]
        y = res.resolve(m.group("y"))
        if not y or facts.entity(y) is None or facts.entity(y).kind != NodeKind.ORGANIZATION:
            continue
        for subj in subjects:
            x = res.resolve(subj) if subj else None
            if x and x != y:
                _add(facts, EdgeKind.CONTROLS, x, y, {"basis": "by virtue of relationship", "stated": True}, pv)


#: "A and B share voting and investment power with respect to Y" (Y an entity, not the shares)
_POWER = re.compile(
    r"\s(?P<verb>share|shares|have|has)\s+(?:sole\s+|shared\s+)?(?:voting|investment|dispositive)"
    r"(?:\s+power)?(?:\s*,?\s*(?:and|or)\s+(?:voting|investment|dispositive))?\s+power\s+(?:over|with\s+respect\s+to)\s+"
    r"(?:the\s+(?:shares\s+of\s+)?(?:Common\s+Stock|Shares|shares|securities)\s+(?:held|owned)\s+(?:directly\s+)?"
    r"(?:of\s+record\s+)?by\s+)?(?P<obj>(?:the\s+)?" + NAME + r")")


#: "B, which has been appointed as manager and is exclusively responsible for ... of A's investments"
_APPOINTED = re.compile(
    r"\b(?:has|have|had)\s+been\s+appointed\s+(?:as\s+)?(?:the\s+|its\s+)?"
    r"(?P<role>(?:investment\s+)?(?:manager|adviser|advisor))\b[^;]{0,300}?\bof\s+"
    r"(?P<y>(?:the\s+)?[A-Z][^;]{2,150}?)['’]s?\s+(?:investments|investment\s+portfolio|portfolio)\b")


def _mine_appointed(sent: str, facts: FilingFacts, res: Resolver, section: str, prov: Provenance | None) -> None:
    """An appointed manager of a fund's investments controls the fund (basis: the role as written)."""
    s = _strip_markup(sent)
    for m in _APPOINTED.finditer(s):
        subj = _subject_from(s[:m.start()])
        x = res.resolve(subj) if subj else None
        y = res.resolve(m.group("y"))
        if x is None or y is None or x == y:
            continue
        if any(facts.entity(k) is None or facts.entity(k).kind != NodeKind.ORGANIZATION for k in (x, y)):
            continue
        role = " ".join(m.group("role").lower().split())
        _add(facts, EdgeKind.CONTROLS, x, y, {"basis": role, "stated": True}, _prov(facts, prov, section, sent))


def _mine_power(sent: str, facts: FilingFacts, res: Resolver, section: str, prov: Provenance | None) -> None:
    s = _strip_markup(sent)
    for m in _POWER.finditer(s):
        subj = s[max(0, m.start() - 200):m.start()]
        subj = subj[max(subj.rfind(","), subj.rfind(";")) + 1:]  # the clause's subject: no comma in it
        subj = _EACH_OF.sub("", _LIST_MARKERS.sub("", subj).strip())
        names, end = _objects_from(subj)
        if not names or subj[end:].strip(" ,"):
            continue  # the subject is not just a list of names
        skeys = [k for n in names for k in (_expand(n, res, facts) or [res.resolve(n)])]
        objs = _objects_from(s[m.start("obj"):])[0] or [m.group("obj")]
        okeys = [res.resolve(o) for o in objs]
        if not all(skeys) or not all(okeys):
            continue  # only entities the filing names: "the Shares", "the Common Stock" are not one
        basis = "shared voting and investment power" if m.group("verb").startswith("share") or len(skeys) > 1 \
            else "voting and investment power"
        pv = _prov(facts, prov, section, sent)
        for y in okeys:
            e = facts.entity(y)
            if e is None or e.kind != NodeKind.ORGANIZATION or y == facts.filing.issuer_key:
                continue
            for x in skeys:
                if x != y:
                    _add(facts, EdgeKind.CONTROLS, x, y, {"basis": basis, "stated": True}, pv)


# ----------------------------------------------------------------- tables (Schedule A)

_HEAD_NAME = re.compile(r"\bname\b", re.I)
_HEAD_POS = re.compile(r"\b(?:position|title|capacity|office)s?\b", re.I)
_HEAD_OCC = re.compile(r"\b(?:occupation|employment)\b", re.I)
_HEAD_ADDR = re.compile(r"\baddress\b", re.I)
_HEAD_CIT = re.compile(r"\b(?:citizenship|nationality|country)\b", re.I)


def split_name_position(cell: str) -> tuple[str, str]:
    """'Milton C. Ault, III Chief Executive Officer and Chairman' -> (name, position)."""
    c = " ".join(_strip_markup(cell).split())
    toks = c.split(" ")
    for i, t in enumerate(toks):
        if i == 0:
            continue
        w = t.lower().strip(",.;")
        if w in _ROLE_WORD_SET and w not in ("the", "a", "an", "group", "global", "limited", "board") \
                and t[:1].isupper() and not re.fullmatch(r"[A-Z]\.?", t):
            name = " ".join(toks[:i]).rstrip(" ,")
            if len(name.split()) >= 2:
                return name, " ".join(toks[i:]).strip(" ,")
    return c.rstrip(" ,"), ""


def mine_table(rows: list[list[str]], *, section: str, facts: FilingFacts, prov: Provenance | None = None,
               org_key: str | None = None, ctx: ProseContext | None = None) -> int:
    """Schedule A style rows (first row = header) -> people with roles at ``org_key`` and their employers.

    Columns are found by header words: name, position/title, principal occupation/employment,
    address, citizenship.  A "Name and Position" cell is split at the first title word.  Returns the
    number of people read.
    """
    if len(rows) < 2:
        return 0
    head = [" ".join(_strip_markup(h).split()) for h in rows[0]]
    col = {"name": None, "pos": None, "occ": None, "addr": None, "cit": None}
    for i, h in enumerate(head):
        if _HEAD_NAME.search(h) and col["name"] is None:
            col["name"] = i
            if _HEAD_POS.search(h):
                col["pos"] = i
        elif _HEAD_OCC.search(h) and col["occ"] is None:
            col["occ"] = i
        elif _HEAD_POS.search(h) and col["pos"] is None:
            col["pos"] = i
        elif _HEAD_ADDR.search(h) and col["addr"] is None:
            col["addr"] = i
        elif _HEAD_CIT.search(h) and col["cit"] is None:
            col["cit"] = i
    if col["name"] is None:
        return 0
    res = Resolver(facts, ctx)
    _seed_aliases(res, facts)
    count = 0
    for row in rows[1:]:
        cells = [" ".join(_strip_markup(c).split()) for c in row]
        if col["name"] >= len(cells) or not cells[col["name"]]:
            continue
        text = " | ".join(c for c in cells if c)
        pv = _prov(facts, prov, section, text)
        name, position = cells[col["name"]], ""
        if col["pos"] == col["name"]:
            name, position = split_name_position(name)
        elif col["pos"] is not None and col["pos"] < len(cells):
            position = cells[col["pos"]]
        name = name.strip(" ,")
        if not name or len(name) > 120:
            continue
        pkey = res.resolve(name)
        if pkey is None:
            pkey = res.resolve_or_create(name, section, pv, NodeKind.PERSON if _looks_person(name) else None)
        if pkey is None:
            continue
        count += 1
        ent = facts.entity(pkey)
        if ent is not None:
            for nm, ci in (("address", col["addr"]), ("citizenship", col["cit"]), ("occupation", col["occ"])):
                if ci is not None and ci < len(cells) and cells[ci] and ent.prop(nm) is None:
                    ent.props.append(_construct(PropFact, {"name": nm, "value": cells[ci], "prov": pv}))
        if position and org_key:
            for etype, title in classify_role(position) or [(EdgeKind.OFFICER_OF, _tidy_title(position))]:
                if etype == EdgeKind.OFFICER_OF and not re.search(r"chairman|chair\b", title, re.I):
                    title = re.sub(r"\s+of\s+the\s+board.*$", "", title, flags=re.I)
                _add_role(facts, etype, pkey, org_key, title, pv)
        if col["occ"] is not None and col["occ"] < len(cells) and cells[col["occ"]]:
            occ = cells[col["occ"]]
            for m in _ROLE_OF.finditer(occ):
                roles = classify_role(m.group(1))
                objs, _ = _objects_from(occ[m.end():])
                for ob in objs:
                    okey = res.resolve(ob) or res.resolve_or_create(ob, section, pv, NodeKind.ORGANIZATION)
                    if okey is None or (facts.entity(okey) and facts.entity(okey).kind != NodeKind.ORGANIZATION):
                        continue
                    for etype, title in roles or [(EdgeKind.EMPLOYED_BY, _tidy_title(m.group(1)))]:
                        _add_role(facts, etype, pkey, okey, title, pv)
    return count
