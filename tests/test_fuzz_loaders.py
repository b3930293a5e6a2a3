"""Hypothesis fuzzing of every registered loader on mutated real and fixture filings.

New loaders are covered automatically: the tests iterate ``loaders()``.
Mutations: truncation, random bytes, byte flips and insertions, wrong encodings
and non-UTF-8, deep nesting, huge/negative/non-numeric numbers, missing
sections, duplicated cover pages.  Nothing but an ``OwnergraphError`` naming the
file may escape ``load_bytes``, and a wrapped unexpected exception (an
"internal error": a loader bug) fails the test.  Successful parses must be
storable.  CI budget is modest and deterministic; ``bench/fuzz.py`` runs long.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ownergraph import loaders as L
from ownergraph.errors import LoadError
from ownergraph.graph.store import Store

from _fuzz import check_one, corpus, mutations
from _synth_loader import registered

DOCS = corpus()
NAMES = sorted(n for n, ld in L.loaders().items())
CI = settings(max_examples=25, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))


def _docs_for(name: str) -> list[tuple[str, bytes]]:
    """Prefer the documents this loader claims (mutations then hit its deep code paths)."""
    ld = L.loaders()[name]
    mine = []
    for label, data in DOCS:
        try:
            if ld.sniff(data) > 0:
                mine.append((label, data))
        except Exception:  # noqa: BLE001 - sniff robustness is tested separately
            pass
    return mine or DOCS


@pytest.mark.parametrize("name", NAMES or ["<none>"])
def test_fuzz_each_loader_on_its_own_documents(name, tmp_path):
    if name not in L.loaders():
        pytest.skip("no loader registered")
    docs = _docs_for(name)
    with Store(tmp_path / "fuzz.db") as store:
        @CI
        @given(mutations(docs))
        def run(case):
            label, data = case
            check_one(data, f"fuzz/{name}/{label}", loader=name, store=store)

        run()


@pytest.mark.parametrize("name", NAMES or ["<none>"])
def test_fuzz_each_loader_on_every_document(name):
    """Forced onto documents of other forms: a loader must say 'not mine' cleanly."""
    if name not in L.loaders():
        pytest.skip("no loader registered")

    @settings(CI, max_examples=15)
    @given(mutations(DOCS))
    def run(case):
        label, data = case
        check_one(data, f"fuzz/{label}", loader=name)

    run()


@pytest.mark.parametrize("label,data", DOCS, ids=[d[0] for d in DOCS])
def test_unmutated_documents(label, data):
    """Every corpus document as is, through detection and through every loader."""
    check_one(data, f"corpus/{label}")
    for name in L.loaders():
        check_one(data, f"corpus/{label}", loader=name)


def test_fuzz_detection(tmp_path):
    with Store(tmp_path / "fuzz.db") as store:
        @settings(CI, max_examples=60)
        @given(mutations(DOCS))
        def run(case):
            label, data = case
            check_one(data, f"fuzz/{label}", store=store)

        run()


@settings(CI, max_examples=40)
@given(st.binary(max_size=4096))
def test_random_bytes_through_every_loader(data):
    check_one(data, "fuzz/random.bin")
    for name in L.loaders():
        check_one(data, "fuzz/random.bin", loader=name)


@settings(CI, max_examples=30)
@given(st.text(max_size=2000))
def test_random_text_in_many_encodings(text):
    for enc in ("utf-8", "utf-16", "cp1252"):
        data = text.encode(enc, errors="replace")
        check_one(data, "fuzz/text")
        for name in L.loaders():
            check_one(data, "fuzz/text", loader=name)


def test_internal_errors_are_flagged():
    """The fuzz invariant can fail: a loader bug is wrapped but flagged, and check_one rejects it."""
    buggy = L.Loader(name="buggy-fuzz", family="buggy", sniff=lambda d: 0.0, parse=lambda d, s: {}["boom"])
    with registered(buggy):
        with pytest.raises(LoadError) as ei:
            L.load_bytes(b"anything", "x.bin", loader="buggy-fuzz")
        assert L.is_internal_error(ei.value) and "internal error" in str(ei.value)
        assert str(ei.value).startswith("x.bin: ")
        with pytest.raises(AssertionError, match="loader bug"):
            check_one(b"anything", "x.bin", loader="buggy-fuzz")


# ---------------------------------------------------------------- regressions found by fuzzing


@pytest.mark.parametrize("value", ["\u00b2", "\u0663", "9" * 50, "-1", "3.0"])
def test_13f_cover_odd_amendment_numbers(value, shared_filings, tmp_path):
    """'²' passes str.isdigit but not int(); a 50-digit number cannot be stored. Neither may crash."""
    data = (shared_filings / "13f" / "13F_0001894188-23-000007.txt").read_bytes()
    if b"<coverPage>" not in data or "form13f_cover" not in L.loaders():
        pytest.skip("no 13F cover loader / cover page")
    data = data.replace(b"<coverPage>", b"<coverPage><amendmentNo>" + value.encode() + b"</amendmentNo>", 1)
    with Store(tmp_path / "og.db") as store:
        facts = check_one(data, "odd-amendment.txt", store=store)
    assert facts is not None and facts.filing.amendment_no is None


def test_unstorable_integer_is_a_store_error(tmp_path):
    """An integer SQLite cannot hold (here an absurd amendment number) is a StoreError, not an OverflowError."""
    from ownergraph.errors import StoreError
    from _control_facts import FB

    f = FB("0000000009-24-000077", "2024-03-01", amendment_no=10 ** 30)
    f.org("i", "Issuer Inc", cik=900, issuer=True)
    with Store(tmp_path / "og.db") as st:
        with pytest.raises(StoreError, match="write failed") as ei:
            st.add(f.facts())
        assert str(tmp_path / "og.db") in str(ei.value)
        assert st.counts()["filings"] == 0


@pytest.mark.parametrize("kind", ["xml", "text"])
def test_absurd_amendment_numbers_are_dropped_with_a_warning(kind, tmp_path):
    """Found by bench/fuzz.py: a 60-digit amendment number parsed as an int that no store can hold."""
    from _gen_filings import schedule13d_xml, schedule13g_text

    big = b"9" * 60
    if kind == "xml":
        data = schedule13d_xml(2).replace(b"<previouslyFiledFlag>",
                                          b"<amendmentNo>" + big + b"</amendmentNo><previouslyFiledFlag>")
    else:
        data = schedule13g_text(2).replace(b"(Amendment No. 1)", b"(Amendment No. " + big + b")")
    with Store(tmp_path / "og.db") as store:
        facts = check_one(data, f"absurd.{kind}", store=store)
        assert facts is not None
        assert facts.filing.amendment_no is None or 0 <= facts.filing.amendment_no <= L.MAX_AMENDMENT_NO
        assert store.counts()["filings"] == 1


def test_load_bytes_drops_an_out_of_range_amendment_number():
    from _synth_loader import parse as synth_parse, synth_filing

    def parse(data, source):
        facts = synth_parse(data, source)
        facts.filing.amendment_no = 10 ** 30
        return facts

    ld = L.Loader(name="huge-amendment", family="synthetic", sniff=lambda d: 0.0, parse=parse)
    with registered(ld):
        facts = L.load_bytes(synth_filing(1), "huge.txt", loader="huge-amendment")
        assert facts.filing.amendment_no is None
        assert "huge.txt: amendment number out of range (0-9999) ignored" in facts.warnings


def test_loader_returning_garbage_is_an_internal_error():
    bad = L.Loader(name="none-fuzz", family="none", sniff=lambda d: 0.0, parse=lambda d, s: None)
    with registered(bad):
        with pytest.raises(LoadError) as ei:
            L.load_bytes(b"x", "x.bin", loader="none-fuzz")
        assert L.is_internal_error(ei.value) and "NoneType" in str(ei.value)
