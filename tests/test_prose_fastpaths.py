"""The prose miner's fast paths (``ownergraph.loaders._prose``) against the slow paths they replace.

Each fast path must give exactly what the slow one gives: a prefilter must never skip a sentence the full
test would read, a rewritten pattern must match the same spans, a remembered result must be the one that
would be computed again.  Sentences are generated from the patterns' own vocabulary (role words, of/to/for/at,
separators, names, the characters case-insensitive matching folds to ASCII), plus real sentences.
"""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as hs

import ownergraph.loaders._prose as P
from ownergraph.graph.model import EdgeKind, EntityFact, FilingFacts, FilingInfo, NodeKind, Provenance

# ----------------------------------------------------------------- vocabulary of the generated sentences

_JOINS = ["of", "to", "for", "at", "OF", "Of", "For", "AT", "off", "atop", "tof"]
_WORDS = sorted(P._ROLE_WORDS) + _JOINS + [
    "Director", "DIRECTOR", "Chairman's", "chairman's", "Managing Member", "General Partner", "Board of Directors",
    "the Board", "directors", "s", "ss", "Acme", "Fund", "L.P.", "Inc.", "LLC", "Mr.", "Ault", "X", "and", "And",
    "co-", "-", "non-", "is", "was", "serves as", "he", "whose", "virtue", "owned", "controls", "holds a",
    "\u0130", "\u0131", "\u017f", "\u212a", "\u03a3", "\u00e9", "\u00c9", "\u00df", "\ufb01",  # folds, sigma, ligatures
]
_SEPS = [" ", "  ", " ", ", ", ", and ", " and ", " & ", "&", "/", " / ", "(", ")", "\n", "\t", "'", "\u2019", "",
         "\u00a0", ".", ". ", "; ", ": ", "-", "\u2014", "\"", "\u201c", "\u201d"]

word = hs.sampled_from(_WORDS)
sep = hs.sampled_from(_SEPS)


@hs.composite
def sentence(draw, max_words: int = 16) -> str:
    parts = draw(hs.lists(hs.tuples(word, sep), min_size=1, max_size=max_words))
    s = "".join(w + x for w, x in parts)
    case = draw(hs.sampled_from(["as is", "upper", "title", "lower"]))
    return {"as is": s, "upper": s.upper(), "title": s.title(), "lower": s.lower()}[case]


# real sentences of Schedule 13D/G item texts (written for these tests, in the style of the filings)
REAL = [
    "BML Capital Management, LLC is the sole general partner of BML Investment Partners, L.P.",
    "Braden M. Leonard is the managing member of BML Capital Management, LLC.",
    "Milton C. Ault, III, Chief Executive Officer and Chairman of Ault & Company and Founder and Executive "
    "Chairman of the Issuer, may be deemed to beneficially own the Shares.",
    "Mr. Halbower is the Chief Executive Officer of Pentwater Capital Management LP, the investment manager to "
    "the Funds.",
    "EnCap Partners GP, LLC is the sole general partner of EnCap Partners, LP, which is the managing member of "
    "EnCap Investments Holdings, LLC.",
    "The general partner of Acme Fund LP is Acme GP LLC.",
    "Dana Whitcombe serves as President and a director of Kestrel Master Fund Ltd.",
    "Ms. Okafor is the Chairman of the Board of Directors of the Issuer and a director of Platinum Holdings.",
    "The Reporting Person's principal business is investing for its own account.",
    "Platinum Holdings, the sole owner of Platinum Falcon, may be deemed to share voting power.",
    "ADIA is wholly owned by the Government of the Emirate of Abu Dhabi.",
    "Each of the Funds is a Cayman Islands exempted company; the Adviser is the investment adviser to each of "
    "the Funds.",
    "The Chairman's office of Acme is at 1 Main Street.",
    "Jane Q. Public, co-founder and co-trustee of the Public Family Trust.",
    "STROME GROUP, INC. IS THE GENERAL PARTNER OF STROME INVESTMENT MANAGEMENT, LP.",
    "İsmail Öztürk is the chairman of Öztürk Holding A.Ş.",
    "The ſole general partner of the Fund is Kelvin Capital (with a \u212a).",
]


# ----------------------------------------------------------------- the lower-cased, reversed view


def test_lowering_keeps_every_character_class_but_the_folding_ones():
    """What :func:`_prose._lowered_reversed` relies on, for every code point: lower case is one character of
    the same classes (word character or hyphen, white space, ASCII or not) and, case-insensitively, an ASCII
    letter matches only the character that lower-cases to it.  The exceptions are the characters the fast
    paths hand to the slow ones (``_FOLDS_TO_ASCII``)."""
    word_char, space = re.compile(r"[\w-]"), re.compile(r"\s")
    letter = re.compile(r"[a-z]", re.I)  # as the role patterns match: any character folding to an ASCII letter
    odd = []
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        low = c.lower()
        if len(low) != 1 or (word_char.match(c) is None) != (word_char.match(low) is None) or \
                (space.match(c) is None) != (space.match(low) is None) or c.isascii() != low.isascii():
            odd.append(c)
        elif not c.isascii() and letter.fullmatch(c):
            odd.append(c)
    assert odd and all(P._FOLDS_TO_ASCII.match(c) for c in odd)


@given(sentence())
def test_lowered_reversed_is_the_sentence_lower_cased_and_reversed(s):
    rev = P._lowered_reversed(s)
    if P._FOLDS_TO_ASCII.search(s):
        assert rev is None
    else:
        assert rev == "\0" + s.lower()[::-1]


@settings(max_examples=300)
@given(hs.lists(hs.text(alphabet="abcdes'-", min_size=1, max_size=6), min_size=1, max_size=12),
       hs.text(alphabet="abcdes'-", max_size=7))
def test_trie_matches_exactly_its_words(words, probe):
    rx = re.compile(P._trie(words))
    for w in [probe, *words, *(w[:-1] for w in words), *(w + "s" for w in words)]:
        assert (rx.fullmatch(w) is not None) == (w in words)


# ----------------------------------------------------------------- role word before of/to/for/at

# the test as first written: every word followed by of/to/for/at, then is it a role word
_ROLE_END_PLAIN = re.compile(r"(?<![\w-])([\w-]+)(?=\s+(?:of|to|for|at)\s)", re.I)


def _role_word_before_join_plain(s: str) -> bool:
    return any(m.group(1).lower() in P._ROLE_ENDERS for m in _ROLE_END_PLAIN.finditer(s))


@settings(max_examples=600)
@given(sentence())
def test_role_word_before_join_equals_the_word_by_word_test(s):
    fast = P._role_word_before_join(s)
    assert fast == P._role_word_before_join_by_words(s) == _role_word_before_join_plain(s)


@pytest.mark.parametrize("s", REAL + [
    "a director to", "director of", "director of ", "Director\tOF\nthe Issuer", "the chairman's of x",
    "co-chairman of x", "non-director of x", "x-director of y", "directors at y", "sales\u00a0at y",
])
def test_role_word_before_join_on_examples(s):
    s = P._strip_markup(s)
    assert P._role_word_before_join(s) == P._role_word_before_join_by_words(s) == _role_word_before_join_plain(s)


def test_role_word_before_join_needs_white_space_after_the_join():
    assert not P._role_word_before_join("he is a director to")
    assert P._role_word_before_join("he is a director to X")
    assert not P._role_word_before_join("he is a director of-X")
    assert not P._role_word_before_join("a codirector of X")  # not a role word as a whole word


# ----------------------------------------------------------------- where _ROLE_OF is tried


def _spans(ms) -> list[tuple[int, int, tuple]]:
    return [(m.start(), m.end(), m.groups()) for m in ms]


@settings(max_examples=600)
@given(sentence())
def test_role_of_matches_equal_the_word_by_word_candidates(s):
    assert _spans(P._role_of_matches(s)) == _spans(P._role_of_matches_by_words(s))


@settings(max_examples=400)
@given(sentence())
def test_role_of_matches_equal_the_full_pattern(s):
    """Both candidate finders try _ROLE_OF wherever it can match, but for a role word the word tests never see
    whole: "chairman's" glued to a plural "s" ("Chairman'ss") is read as "chairman" and "ss"."""
    if re.search(r"chairman's[\w-]", s, re.I):
        return
    assert _spans(P._role_of_matches(s)) == _spans(P._ROLE_OF.finditer(s))


def test_role_of_matches_keep_the_word_reading_of_chairmans():
    s = "Chairman'Ss And Board Of Directors of Acme"
    assert _spans(P._role_of_matches(s)) == _spans(P._role_of_matches_by_words(s))
    assert [m.group(1) for m in P._role_of_matches(s)] == ["Board", "Directors"]
    assert [m.group(1) for m in P._ROLE_OF.finditer(s)] == ["Chairman'Ss And Board", "Directors"]  # the pattern alone


@pytest.mark.parametrize("s", REAL)
def test_role_of_matches_on_examples(s):
    s = P._strip_markup(s)
    fast = _spans(P._role_of_matches(s))
    assert fast == _spans(P._role_of_matches_by_words(s)) == _spans(P._ROLE_OF.finditer(s))


def test_role_of_matches_read_the_real_roles():
    got = [m.group(1) for m in P._role_of_matches(REAL[2])]
    assert got == ["Chief Executive Officer and Chairman", "Founder and Executive Chairman"]
    got = [m.group(1) for m in P._role_of_matches(REAL[7])]
    assert got == ["the Chairman of the Board of Directors", "a director"]


# ----------------------------------------------------------------- sentence ends

# the pattern as first written (the alternatives tried at every position)
_SENTENCE_END_PLAIN = re.compile(
    r"[.;:]\s+(?=[\"“‘'(\[]?[A-Z0-9(\-•])|;\s*(?:and|or)\s+|\n\s*\n+|\n(?=\s*[-•*]\s|\s*\(\w{1,4}\)\s)")

_TEXT_BITS = hs.sampled_from([
    "Acme", "Fund", "is", "the", "general partner", "of", "Mr.", "Inc.", "L.P.", "No. 1", "U.S.", "e.g.", "(a)",
    "(iv)", "(1)", "\u2022", "-", "*", ".", ";", ":", "; and", "; or", "\n", "\n\n", " \n \n", "\t", " ", "  ",
    "\"", "\u201c", "\u2018", "'", "(", "[", "A", "7", "x", "\u00a0", "\r\n",
])


@settings(max_examples=500)
@given(hs.lists(_TEXT_BITS, max_size=40).map("".join))
def test_sentence_end_matches_the_plain_pattern(text):
    assert [m.span() for m in P._SENTENCE_END.finditer(text)] == [m.span() for m in _SENTENCE_END_PLAIN.finditer(text)]


def test_sentence_end_on_examples():
    text = " ".join(REAL) + "\n\n(a) First; and (b) second.\n- a list item\n(iv) another: The end. no"
    assert [m.span() for m in P._SENTENCE_END.finditer(text)] == [m.span() for m in _SENTENCE_END_PLAIN.finditer(text)]
    assert len(P.sentences(text)) > len(REAL)


# ----------------------------------------------------------------- seeded aliases remembered by the context

_PROV = Provenance(filing_id="sha256:0", source="t", section="cover page 1, row 1", excerpt="x")


def _facts() -> FilingFacts:
    ents = [EntityFact(key="issuer", kind=NodeKind.ORGANIZATION, name="Aadi Bioscience, Inc.", prov=_PROV),
            EntityFact(key="rp:1", kind=NodeKind.ORGANIZATION, name="BML Investment Partners, L.P.",
                       aliases=["BML Fund"], prov=_PROV),
            EntityFact(key="rp:2", kind=NodeKind.PERSON, name="LEONARD BRADEN MICHAEL", aliases=["Mr. Leonard"],
                       prov=_PROV),
            EntityFact(key="rp:3", kind=NodeKind.ORGANIZATION, name="AVP XII, L.P.", aliases=["AVP XII LP"], prov=_PROV),
            EntityFact(key="rp:4", kind=NodeKind.ORGANIZATION, name="AVP XII, LLC", aliases=["AVP XII LLC"], prov=_PROV)]
    return FilingFacts(filing=FilingInfo(id="sha256:0", form_type="SC 13D", family="schedule13", loader="t",
                                         sha256="0", issuer_key="issuer", filer_keys=["rp:1", "rp:2"]), entities=ents)


def _seed_slow(res: P.Resolver, facts: FilingFacts) -> None:
    """_seed_aliases as first written: every alias noted again."""
    for e in facts.entities:
        for a in e.aliases:
            if len(a.split()) >= 1:
                res.note_alias(a, e.key)
                res.aliases.setdefault(P.normalize_name(a, NodeKind.ORGANIZATION), e.key)


def _state(res: P.Resolver) -> tuple:
    return list(res.aliases.items()), sorted(res.shared), list(res.spelled.items())


def test_seeded_aliases_equal_a_fresh_seeding_and_follow_alias_changes():
    facts = _facts()
    ctx = P.ProseContext(facts)
    for change in (None, "append", "replace", "new entity", None):
        if change == "append":
            facts.entities[1].aliases.append("the BML Partnership")  # changed in place
        elif change == "replace":
            facts.entities[2].aliases = ["Braden Leonard"]
        elif change == "new entity":
            facts.entities.append(EntityFact(key="x", kind=NodeKind.ORGANIZATION, name="BML GP LLC",
                                             aliases=["BML Fund"], prov=_PROV))  # an alias another entity has
        fast, slow = P.Resolver(facts, ctx), P.Resolver(facts, ctx)
        P._seed_aliases(fast, facts)
        _seed_slow(slow, facts)
        assert _state(fast) == _state(slow)
        assert ctx._seeded is not None
    assert "bml fund" in slow.shared  # the last round did see the shared alias


def test_seeded_aliases_of_a_used_resolver_are_noted_again():
    facts = _facts()
    ctx = P.ProseContext(facts)
    P._seed_aliases(P.Resolver(facts, ctx), facts)  # remembered
    fast, slow = P.Resolver(facts, ctx), P.Resolver(facts, ctx)
    for r in (fast, slow):
        r.add_alias("AVP XII LP", "rp:4")  # a resolver that already knows something: no copy
    P._seed_aliases(fast, facts)
    _seed_slow(slow, facts)
    assert _state(fast) == _state(slow)


def test_seeded_aliases_are_copies():
    facts = _facts()
    ctx = P.ProseContext(facts)
    first = P.Resolver(facts, ctx)
    P._seed_aliases(first, facts)
    second = P.Resolver(facts, ctx)
    P._seed_aliases(second, facts)
    second.aliases["zzz"] = "rp:1"
    second.shared.add("zzz")
    second.spelled["zzz"] = "rp:1"
    third = P.Resolver(facts, ctx)
    P._seed_aliases(third, facts)
    assert "zzz" not in third.aliases and "zzz" not in third.shared and "zzz" not in third.spelled


# ----------------------------------------------------------------- the whole miner, fast against slow

_PHRASES = [
    "BML Capital Management, LLC", "is the sole general partner of", "BML Investment Partners, L.P.", "Braden Leonard",
    "is the managing member of", "Platinum Holdings", ", the sole owner of", "Platinum Falcon", "is wholly owned by",
    "the Government of Abu Dhabi", "Mr. Leonard", "by virtue of his relationship with", "Chief Executive Officer of",
    "the Issuer", "is a director of", "(the \"Fund\")", "(together, the \"Funds\")", "and", ", and", ".", ";", "\n\n",
    "Jane Q. Public", "serves as President and a director of", "controls", "owns all of the outstanding shares of",
    "The general partner of", "is", "whose sole general partner is", "Acme Fund LP", "\u017f", "\u00a0", "**", "\u0130",
    "AVP XII LP", "AVP XII LLC", "(\"AVP XII\")", "Chairman's", "s", "of", "to", "for", "at", "the", "a", "Director",
    "may be deemed", "shares voting and investment power over", "has been appointed as investment manager",
    "Fund's investments", "are referred to collectively as the", "\"Committee Members\"", "each of", "he is",
    "Mr.", "Inc.", "No.", "(1)", "(a)", "\n", "- ", "e.g.", "Kestrel Master Fund Ltd.", "Dana Whitcombe",
]


def _mine(texts: list[str]) -> tuple[str, list]:
    facts = _facts()
    ctx = P.ProseContext(facts)
    for i, t in enumerate(texts):
        P.mine_text(t, section=f"Item {i + 2}", facts=facts, ctx=ctx)
    P.mine_table([["Name", "Position", "Principal Occupation"], [texts[0][:60], "Director", texts[-1][-80:]]],
                 section="Schedule A", facts=facts, org_key="issuer", ctx=ctx)
    return facts.model_dump_json(), sorted(ctx.groups.items())


def _slow_paths(monkeypatch) -> None:
    monkeypatch.setattr(P, "_role_of_matches", P._role_of_matches_by_words)
    monkeypatch.setattr(P, "_role_word_before_join", P._role_word_before_join_by_words)
    monkeypatch.setattr(P, "_SENTENCE_END", _SENTENCE_END_PLAIN)
    monkeypatch.setattr(P, "_seed_aliases", _seed_slow)


_texts = hs.lists(hs.lists(hs.sampled_from(_PHRASES), min_size=1, max_size=30).map(" ".join), min_size=1, max_size=3)


@settings(max_examples=150, deadline=None)
@given(_texts)
def test_miner_with_fast_paths_equals_miner_with_slow_paths(texts):
    fast = _mine(texts)
    with pytest.MonkeyPatch.context() as mp:
        _slow_paths(mp)
        slow = _mine(texts)
    assert fast == slow


def test_miner_fast_equals_slow_on_real_sentences():
    texts = [" ".join(REAL[:6]), " ".join(REAL[6:12]), " ".join(REAL[12:])]
    fast = _mine(texts)
    with pytest.MonkeyPatch.context() as mp:
        _slow_paths(mp)
        slow = _mine(texts)
    assert fast == slow
    facts = FilingFacts.model_validate_json(fast[0])
    assert sum(r.type == EdgeKind.CONTROLS for r in facts.relations) >= 3  # the examples do state control
    assert any(r.type == EdgeKind.OFFICER_OF for r in facts.relations)


# ----------------------------------------------------------------- the subject carried between sentences


class _EagerSubject:
    """The carried subject as first computed: looked up when the sentence comes, asked for or not."""

    def __init__(self, pending, res, before):
        self.value = P._latest_subject(pending, res, P._subject_of(before))

    def get(self):
        return self.value


def _mine_one(text: str, facts: FilingFacts | None = None) -> str:
    facts = facts or _facts()
    P.mine_text(text, section="Item 2", facts=facts, ctx=P.ProseContext(facts))
    return facts.model_dump_json()


# sentences that ask for the carried subject ("he is", "by virtue of" without a subject) after sentences that
# change the resolver (a new entity, a learned alias) and sentences whose subject resolves or not
_CARRY = [
    "Mr. Leonard is a natural person.", "Braden Leonard is the managing member of BML Capital Management, LLC.",
    "He is also the sole general partner of Acme Fund LP.", "It serves as the investment manager of Kestrel Fund LP.",
    "Dana Whitcombe (\"Ms. Whitcombe\") is a director of the Issuer.", "She is the President of Zeta Holdings LLC.",
    "The Reporting Persons disclaim beneficial ownership.", "BML Fund is a Delaware limited partnership.",
    "By virtue of his relationship with BML Capital Management, LLC, he may be deemed to beneficially own the Shares.",
    "Such person may be deemed to own the Shares by virtue of its position with BML Investment Partners, L.P.",
    "Consequently, it is the general partner of Omega Partners LP.", "Acme GP LLC is the general partner of Acme Fund LP.",
    "The Shares are held of record.", "(the \"Fund\")", "he is the chief executive officer of Ault & Company, Inc.",
]


@settings(max_examples=200, deadline=None)
@given(hs.lists(hs.sampled_from(_CARRY), min_size=1, max_size=12))
def test_carried_subject_looked_up_late_equals_looked_up_early(parts):
    text = " ".join(parts)
    fast = _mine_one(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(P, "_LatestSubject", _EagerSubject)
        slow = _mine_one(text)
    assert fast == slow


def test_carried_subject_is_the_one_before_a_new_entity():
    # "he" is Braden Leonard, the newest subject that resolved when the sentence came: "Omega Partners LP" (the
    # subject of the sentence before) names an entity only once this sentence has created it
    text = ("Braden Leonard is a citizen of the United States. Omega Partners LP has no employees. Acme GP LLC is "
            "the general partner of Omega Partners LP, and he is the managing member of Zeta Holdings LLC.")
    fast = _mine_one(text)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(P, "_LatestSubject", _EagerSubject)
        assert _mine_one(text) == fast
    facts = FilingFacts.model_validate_json(fast)
    names = {e.key: e.name for e in facts.entities}
    controls = {(names.get(r.source), names.get(r.target)) for r in facts.relations if r.type == EdgeKind.CONTROLS}
    assert controls == {("Acme GP LLC", "Omega Partners LP"), ("LEONARD BRADEN MICHAEL", "Zeta Holdings LLC")}


def test_role_word_set_is_the_role_words():
    assert P._ROLE_WORD_SET == set(P._ROLE_WORDS)


# ----------------------------------------------------------------- abbreviations before a full stop

_ABBR_BITS = hs.sampled_from(list(P._ABBREV_TAILS or ()) + [
    "A", "Z", "a", "z", " ", "\n", ".", "-", "(", "1", "Fund", "Mr", "mr", "L.P", "Co", "Cos", "Inco", "xMr", "et",
    "al", "U.S", "u.s", "\u00c9", "\u212a", "\t", "\u00a0",
])


@settings(max_examples=600)
@given(hs.lists(_ABBR_BITS, max_size=8).map("".join))
def test_abbrev_before_equals_the_pattern(text):
    for i in range(len(text) + 1):
        assert P._abbrev_before(text, i) == (P._ABBREV.search(text[max(0, i - 12):i]) is not None), (text, i)


def test_abbreviation_words_are_read_from_the_pattern():
    assert P._ABBREV_TAILS is not None and {"Mr", "Inc", "U.S", "et al", "L.L.C"} <= set(P._ABBREV_TAILS)
    for w in P._ABBREV_TAILS:
        assert P._ABBREV.search(w) and P._abbrev_before(w + ".", len(w))
    # a pattern of another shape: no prefilter (the pattern decides alone)
    assert P._literal_alternatives(r"(?:\b(?:Mr|M[rs])|\b[A-Z])$", r"(?:\b(?:", r")|\b[A-Z])$") is None
    assert P._literal_alternatives(r"\b(?:Mr)$", r"(?:\b(?:", r")|\b[A-Z])$") is None


@pytest.mark.parametrize("text", [
    "Mr. Ault is here. Acme Co. Ltd. is a company. See Item 4. The end", "Kestrel Master Fund Ltd. Dana Whitcombe is",
    "shares of Acme Inc. Common Stock. Next", "U.S. persons. The Fund", "Dr.\n. X", "A. B. C. D.", "e.g. The",
])
def test_sentences_on_abbreviations(text):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(P, "_ABBREV_TAILS", None)
        slow = P.sentences(text)
    assert P.sentences(text) == slow


# ----------------------------------------------------------------- role words as a trie in the role patterns

# the role words as first written into the patterns: one alternative per word, the longest first
_RWN_LIST = "|".join(sorted((re.escape(w) for w in P._ROLE_WORDS if w not in ("the", "a", "an")), key=len,
                            reverse=True))
_ROLE_PATTERNS = [P._ROLE_OF, P._WHOSE, P._INVERTED, P._VIA_ROLE]


def _as_listed(rx: re.Pattern) -> re.Pattern:
    assert P._RWN in rx.pattern
    return re.compile(rx.pattern.replace(P._RWN, _RWN_LIST), rx.flags)


_LISTED = [_as_listed(rx) for rx in _ROLE_PATTERNS]

_ROLE_TEXT = hs.sampled_from(_WORDS + [
    "Acme Fund LP", "BML Capital Management, LLC", "is", "are", "was", "whose", "The", "the", "a", "an", "Chairman's",
    "chairmans", "chairman'ss", "officers", "directorss", "co-founders", "Ltd.", "Mr. Ault", "a Delaware company",
])


@settings(max_examples=400)
@given(hs.lists(hs.tuples(_ROLE_TEXT, sep), min_size=1, max_size=14).map(lambda ps: "".join(w + x for w, x in ps)))
def test_role_patterns_with_the_trie_equal_the_word_list(s):
    for rx, listed in zip(_ROLE_PATTERNS, _LISTED):
        assert [(m.span(), m.groups()) for m in rx.finditer(s)] == [(m.span(), m.groups()) for m in listed.finditer(s)]


@pytest.mark.parametrize("s", REAL + ["The Chairman's Office Director of Acme is Mr. Ault.",
                                      "the chairmans of X", "the general partners' manager of Acme Fund LP is X."])
def test_role_patterns_with_the_trie_on_examples(s):
    for rx, listed in zip(_ROLE_PATTERNS, _LISTED):
        assert [(m.span(), m.groups()) for m in rx.finditer(s)] == [(m.span(), m.groups()) for m in listed.finditer(s)]


# ----------------------------------------------------------------- "The general partner of X is Y"

_INV_TEXT = hs.sampled_from(["The", "the", "general partner", "managing member", "sole member", "of", "to", "for",
                             "Acme Fund LP", "Acme GP LLC", "Mr. Ault", "is", "are", "was", ".", ";", ",", "and",
                             ", and", "; ", ". ", " ", "\n", "\t", "  "])


@settings(max_examples=500)
@given(hs.lists(hs.tuples(_INV_TEXT, hs.sampled_from([" ", "", "  ", "\n"])), max_size=20)
       .map(lambda ps: "".join(w + x for w, x in ps)))
def test_inverted_matches_equal_the_pattern(s):
    assert [(m.span(), m.groupdict()) for m in P._inverted_matches(s)] == \
        [(m.span(), m.groupdict()) for m in P._INVERTED.finditer(s)]


@pytest.mark.parametrize("s", REAL + [
    "The general partner of Acme Fund LP is Acme GP LLC. The managing member of Acme GP LLC is Mr. Ault.",
    "Acme, and the general partner of Acme Fund LP is Acme GP LLC; the sole member of X Fund LP is Y LLC",
])
def test_inverted_matches_on_examples(s):
    got = [(m.span(), m.groupdict()) for m in P._inverted_matches(s)]
    assert got == [(m.span(), m.groupdict()) for m in P._INVERTED.finditer(s)]


def test_inverted_after_start_needs_the_known_head():
    assert P._INVERTED_AFTER is not None
    assert P._after_start(re.compile(r"(?:^|\s)The"), r"(?:^|[.;]\s+|,\s+and\s+)", "[.;,]", "") is None
