"""Mutation strategies and the invariant shared by the CI fuzz tests and ``bench/fuzz.py``.

The invariant: whatever the bytes, ``load_bytes`` returns FilingFacts (that the
store can take) or raises an :class:`OwnergraphError` whose message names the
file and the problem and that is not an internal error (a wrapped loader bug).
Sniffers return a number in [0, 1] and never raise.
"""

from __future__ import annotations

import re
import signal
from pathlib import Path

from hypothesis import strategies as st

from ownergraph import loaders as L
from ownergraph.errors import OwnergraphError
from ownergraph.graph.model import FilingFacts

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
SHARED = ROOT.parent / "shared" / "filings"
HANG_GUARD_SECONDS = 120  # a safety net against hangs (e.g. catastrophic regex backtracking), not a timing test


def corpus() -> list[tuple[str, bytes]]:
    """Real filings (the seed, ../shared/filings when present) and our own fixture filings."""
    from _gen_filings import FIXTURES, form4_xml, schedule13d_xml, schedule13g_text

    out: list[tuple[str, bytes]] = []
    seed = ROOT / "examples" / "ault-alliance-13da-amendment8.txt"
    if seed.exists():
        out.append((seed.name, seed.read_bytes()))
    if SHARED.exists():
        for p in sorted(SHARED.rglob("*")):
            if p.is_file() and p.suffix not in (".json", ".md"):
                out.append((p.name, p.read_bytes()))
    # the XML documents inside EDGAR submission containers (.nc/.txt), bare: loaders such as the
    # 13F cover page only ever see those, through the submission loader
    for label, data in list(out):
        for k, m in enumerate(re.finditer(rb"<XML>\s*(.*?)\s*</XML>", data, re.S | re.I)):
            out.append((f"{label}#xml{k + 1}", m.group(1)))
    for name, make in FIXTURES.items():
        out.append((name, make()))
    out.append(("schedule13d_1person.xml", schedule13d_xml(1)))
    out.append(("schedule13g_1person.txt", schedule13g_text(1)))
    out.append(("form4_0rows.xml", form4_xml(0)))
    return out


NUMBERS = [b"9" * 60, b"9" * 400, b"-5", b"-0", b"abc", b"1e999", b"NaN", b"Infinity", b"-Infinity", b"1,2,3",
           b"0.0000000001", b"99999999999999999999.99", b"(1,000)", b"", b"\xe2\x88\x92" + b"7", b"1.2.3",
           b"1e-999", b"0x1F", b"\xef\xbc\x91\xef\xbc\x92", b"--1", b"12%", b"$", b".", b","]
JUNK = [b"\x00", b"\xff\xfe", b"\xc3\x28", b"\xed\xa0\x80", b"\x1b[31m", b"\r", b"\x0c", b"]]>", b"<![CDATA[",
        b"<!--", b"&amp;", b"&#0;", b"&#x110000;", b"&nosuch;", b"<", b">", b"\"", b"'", b"\t" * 50]
COVER_MARKS = [re.compile(rb"<(?:\w+:)?reportingPersonInfo\b.*?</(?:\w+:)?reportingPersonInfo>", re.S),
               re.compile(rb"<(?:\w+:)?reportingOwner\b.*?</(?:\w+:)?reportingOwner>", re.S),
               re.compile(rb"<(?:\w+:)?infoTable\b.*?</(?:\w+:)?infoTable>", re.S),
               re.compile(rb"(?:^|\n)\s*1\s*\t?\s*NAMES? OF REPORTING PERSONS?.*?(?=\n\s*1\s*\t?\s*NAMES? OF REPORTING|"
                          rb"\nItem|\Z)", re.S | re.I)]
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp500", "cp1252", "latin-1", "shift_jis"]


@st.composite
def mutations(draw, docs: list[tuple[str, bytes]]):
    """(label, bytes): a real or fixture filing, mutated once or a few times."""
    name, data = draw(st.sampled_from(docs))
    steps = draw(st.integers(1, 3))
    label = [name]
    for _ in range(steps):
        op = draw(st.sampled_from(["truncate", "flip", "insert", "delete", "duplicate", "cover", "number",
                                   "encoding", "nest", "random", "junk", "drop_element"]))
        label.append(op)
        n = len(data)
        if op == "truncate":
            data = data[: draw(st.integers(0, n))]
        elif op == "flip" and n:
            b = bytearray(data)
            for _ in range(draw(st.integers(1, 16))):
                b[draw(st.integers(0, n - 1))] = draw(st.integers(0, 255))
            data = bytes(b)
        elif op == "insert":
            i = draw(st.integers(0, n))
            data = data[:i] + draw(st.binary(min_size=1, max_size=64)) + data[i:]
        elif op == "delete" and n:
            i = draw(st.integers(0, n - 1))
            j = draw(st.integers(i, min(n, i + max(1, n // 3))))
            data = data[:i] + data[j:]
        elif op == "duplicate" and n:
            i = draw(st.integers(0, n - 1))
            j = draw(st.integers(i, min(n, i + 4096)))
            data = data[:j] + data[i:j] * draw(st.integers(1, 4)) + data[j:]
        elif op == "cover":  # duplicated cover pages / reporting persons / table rows
            spans = [m.span() for pat in COVER_MARKS for m in pat.finditer(data[:2_000_000])]
            if spans:
                i, j = draw(st.sampled_from(spans))
                data = data[:j] + data[i:j] * draw(st.integers(1, 5)) + data[j:]
        elif op == "number":
            runs = [m.span() for m in re.finditer(rb"\d[\d,.]*", data[:2_000_000])]
            if runs:
                for _ in range(draw(st.integers(1, 8))):
                    i, j = draw(st.sampled_from(runs))
                    data = data[:i] + draw(st.sampled_from(NUMBERS)) + data[j:]
                    runs = [m.span() for m in re.finditer(rb"\d[\d,.]*", data[:2_000_000])]
                    if not runs:
                        break
        elif op == "encoding":
            enc = draw(st.sampled_from(ENCODINGS))
            text = data.decode("utf-8", errors="replace")
            if draw(st.booleans()):
                text = text.replace("\u00a0", "\u00e9").replace(" Inc", " \u00c9t\u00e9 Inc")
            data = text.encode(enc, errors="replace")
            if draw(st.booleans()):
                data = re.sub(rb'encoding="[^"]*"', b'encoding="' + draw(st.sampled_from(
                    [b"UTF-16", b"EBCDIC-US", b"x-no-such", b"ASCII", b"UTF-8"])) + b'"', data, count=1)
        elif op == "nest":
            depth = draw(st.sampled_from([40, 255, 300, 5000]))
            tag = draw(st.sampled_from([b"a", b"div", b"value", b"reportingPersonInfo"]))
            tags = [m.end() for m in re.finditer(rb">", data[:2_000_000])] or [0]
            i = draw(st.sampled_from(tags))
            data = data[:i] + b"<" + tag + b">" + (b"<" + tag + b">") * depth + b"x" + \
                (b"</" + tag + b">") * depth + b"</" + tag + b">" + data[i:]
        elif op == "random":
            data = draw(st.binary(max_size=2048))
        elif op == "junk":
            for _ in range(draw(st.integers(1, 6))):
                i = draw(st.integers(0, len(data)))
                data = data[:i] + draw(st.sampled_from(JUNK)) + data[i:]
        elif op == "drop_element":  # a missing section
            elems = [m.span() for m in re.finditer(rb"<(\w[\w:]*)\b[^>]*>.*?</\1>", data[:2_000_000], re.S)]
            items = [m.span() for m in re.finditer(rb"\n\s*Item\s+\d+.*?(?=\n\s*Item\s+\d+|\Z)", data[:2_000_000],
                                                   re.S | re.I)]
            spans = elems + items
            if spans:
                i, j = draw(st.sampled_from(spans))
                data = data[:i] + data[j:]
    return "+".join(label), data


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang(f"no answer within {HANG_GUARD_SECONDS} s")


def check_one(data: bytes, source: str, loader: str | None = None, store=None) -> FilingFacts | None:
    """Assert the invariant for one input; returns the facts when it parsed."""
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_GUARD_SECONDS)
    try:
        for ld in L.loaders().values():
            score = ld.sniff(data)
            assert 0.0 <= float(score) <= 1.0, (ld.name, score)
        try:
            facts = L.load_bytes(data, source, loader=loader)
        except OwnergraphError as e:
            assert not L.is_internal_error(e), f"loader bug on {source}: {e}"
            assert e.source == source, e
            assert str(e).startswith(f"{source}: ") and e.problem.strip(), e
            return None
        assert isinstance(facts, FilingFacts)
        FilingFacts.model_validate_json(facts.model_dump_json())
        if store is not None:
            store.add(facts)
        return facts
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
