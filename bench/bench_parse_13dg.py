"""Benchmark: XML Schedule 13D/13G parsing against a bare lxml parse of the same bytes.

Usage:  python bench/bench_parse_13dg.py [--rounds N]

Reads the XML 13D/G samples in ../shared/filings/schedule13dg_xml when present (the
SGML .txt there too, through the submission loader), else the project's own fixtures
(tests/fixtures/xml13, tests/fixtures/submission).  For each loader it prints filings
per second, milliseconds per filing, and the ratio to ``lxml.etree.fromstring`` of the
same bytes measured in the same run (the goal is to stay within 3x), plus the share of
the time spent mining item prose.  Then, per loader, where the time goes:

* container  -- (submission only) the SGML split of the .txt and its header;
* safe parse -- ``_xml.parse_xml`` of the (primary) XML: the entity/limit checks and lxml;
* tree       -- ``read_document``: reading the parsed tree into the document model;
* prose      -- mining the item texts (the loader's time with and without the miner);
* facts      -- the rest: building entities, relations and provenance, hashing, detection.

Each stage is timed on its own (the prose share by difference), so the split adds up to the
total only approximately.  The loaders remember a few pure functions of short strings across filings
(dates as filed, ``_prose.classify_role`` of a role phrase): the rounds repeat the same filings, so those
always hit here, as they mostly do on a real bulk load (a small shared vocabulary).  Last, the floors of
bench_parse_345 on the same XML: what any Python loader pays before its first fact.  No assertion: this is a
measurement, not a test.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_parse_345 import best_of, print_floors  # noqa: E402  (the sibling bench: one timer, one floor)
from ownergraph.errors import OwnergraphError  # noqa: E402
from ownergraph.loaders import detect, load_bytes  # noqa: E402
from ownergraph.loaders import schedule13_xml  # noqa: E402
from ownergraph.loaders._xml import parse_xml  # noqa: E402


def samples() -> tuple[str, list[tuple[str, bytes]]]:
    shared = ROOT.parent / "shared" / "filings" / "schedule13dg_xml"
    if shared.is_dir():
        files = sorted(shared.glob("*.xml")) + sorted(shared.glob("*.txt"))
        where = str(shared)
    else:
        files = sorted((ROOT / "tests" / "fixtures" / "xml13").glob("*.xml"))
        files += sorted((ROOT / "tests" / "fixtures" / "submission").glob("13*"))
        where = "tests/fixtures"
    out = [(p.name, p.read_bytes()) for p in files]
    return where, [(n, b) for n, b in out if _is_13dg(n, b)]


def _is_13dg(name: str, data: bytes) -> bool:
    """An XML 13D/G, bare or as a container's primary document (the fixtures hold a 13F container too)."""
    try:
        return schedule13_xml.sniff(_xml_of(name, data)) > 0
    except (OwnergraphError, StopIteration):
        return False


STAGES = ("container", "safe parse", "tree", "prose", "facts")


def _xml_of(name: str, data: bytes) -> bytes:
    """The XML the loader parses (for a container: its primary document)."""
    if detect(data, name).name == "submission":
        from ownergraph.loaders.submission import split

        _, docs = split(data)
        return next(b for f, b, fmt in docs if fmt == "xml")
    return data


def timeit(fn, rounds: int, repeat: int = 5) -> float:
    """CPU seconds per call after one warm-up call: bench_parse_345's best-of timer (process time with the
    garbage collector paused, so that other work on a shared machine disturbs the ratio less)."""
    fn()  # warm up
    return best_of(fn, rounds, repeat)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=50)
    args = ap.parse_args()
    where, files = samples()
    print(f"samples: {len(files)} filings from {where}; {args.rounds} rounds, best of 5 (CPU time)\n")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    by_loader: dict[str, list[float]] = {}
    bare_total: dict[str, float] = {}
    prose_total: dict[str, float] = {}
    stages: dict[str, dict[str, float]] = {}
    print(f"{'file':56} {'loader':15} {'ms/filing':>10} {'bare ms':>9} {'ratio':>7} {'no-prose':>9}")
    for name, data in files:
        ld = detect(data, name).name
        xml = _xml_of(name, data).lstrip()
        t_load = timeit(lambda: load_bytes(data, name), args.rounds)
        t_bare = timeit(lambda: etree.fromstring(xml, parser), args.rounds)
        saved = schedule13_xml._mine_text
        schedule13_xml._mine_text = None
        try:
            t_noprose = timeit(lambda: load_bytes(data, name), args.rounds)
        finally:
            schedule13_xml._mine_text = saved
        by_loader.setdefault(ld, []).append(t_load)
        bare_total[ld] = bare_total.get(ld, 0.0) + t_bare
        prose_total[ld] = prose_total.get(ld, 0.0) + t_noprose
        split = _stage_times(name, data, xml, ld, args.rounds)
        split["prose"] = max(0.0, t_load - t_noprose)
        split["facts"] = max(0.0, t_noprose - split["container"] - split["safe parse"] - split["tree"])
        acc = stages.setdefault(ld, dict.fromkeys(STAGES, 0.0))
        for k, v in split.items():
            acc[k] += v
        print(f"{name[:56]:56} {ld:15} {t_load * 1e3:10.3f} {t_bare * 1e3:9.3f} {t_load / t_bare:6.1f}x "
              f"{t_noprose / t_bare:8.1f}x")
    print()
    for ld, ts in by_loader.items():
        total = sum(ts)
        print(f"{ld:15} {len(ts) / total:9.0f} filings/s  {total / len(ts) * 1e3:7.3f} ms/filing  "
              f"ratio to bare lxml {total / bare_total[ld]:5.1f}x (goal <= 3x)  "
              f"without prose mining {prose_total[ld] / bare_total[ld]:5.1f}x")
    print("\nwhere the time goes (ms/filing, share of the total, multiple of the bare lxml parse):")
    for ld, ts in by_loader.items():
        total, n = sum(ts), len(ts)
        parts = "  ".join(f"{k} {v / n * 1e3:.3f} ({v / total:4.0%}, {v / bare_total[ld]:4.1f}x)"
                          for k, v in stages[ld].items() if ld == "submission" or k != "container")
        print(f"{ld:15} {parts}")
    print()
    print_floors([_xml_of(n, d).lstrip() for n, d in files], parser, args.rounds)


def _stage_times(name: str, data: bytes, xml: bytes, ld: str, rounds: int) -> dict[str, float]:
    """Seconds per filing of the container split + header, the safe parse and the tree reading."""
    out = dict.fromkeys(STAGES, 0.0)
    if ld == "submission":
        from ownergraph.loaders.submission import parse_header, split

        out["container"] = timeit(lambda: parse_header(split(data)[0]), rounds)
    out["safe parse"] = timeit(lambda: parse_xml(xml, name, []), rounds)
    root = parse_xml(xml, name, [])
    out["tree"] = timeit(lambda: schedule13_xml.read_document(root, name), rounds)
    return out


if __name__ == "__main__":
    main()
