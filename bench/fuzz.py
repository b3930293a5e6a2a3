"""Long fuzz run of every registered loader, outside CI.

    python bench/fuzz.py                    # 2000 inputs per loader + 2000 through detection
    python bench/fuzz.py --examples 20000 --seed 7 --out out/fuzz

Same mutations and the same invariant as ``tests/test_fuzz_loaders.py``
(``tests/_fuzz.py``): whatever the bytes, ``load_bytes`` returns facts the store
can take, or raises an OwnergraphError that names the file and is not an
internal error; sniffers never raise.  Unlike the CI test it does not stop at the
first finding: every failing input is saved under ``--out`` and findings are
grouped by loader and exception.  Prints the run count and the findings.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from ownergraph import loaders as L  # noqa: E402
from ownergraph.graph.store import Store  # noqa: E402

from _fuzz import check_one, corpus, mutations  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=2000, help="inputs per loader (and through detection)")
    ap.add_argument("--seed", type=int, default=None, help="hypothesis seed (default: random)")
    ap.add_argument("--out", default=str(ROOT / "out" / "fuzz"), help="where failing inputs are saved")
    ap.add_argument("--loader", action="append", help="only these loaders (repeatable)")
    args = ap.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    docs = corpus()
    names = args.loader or sorted(L.loaders())
    runs: Counter[str] = Counter()
    parsed: Counter[str] = Counter()
    findings: dict[tuple[str, str], list[str]] = defaultdict(list)
    t0 = time.perf_counter()
    tmp = tempfile.mkdtemp(prefix="ownergraph-fuzz-")

    def target(name: str | None):
        store = Store(Path(tmp) / f"{name or 'detect'}.db")
        mine = docs
        if name:
            ld = L.loaders()[name]
            mine = [d for d in docs if _safe_sniff(ld, d[1]) > 0] or docs

        def body(case):
            label, data = case
            key = name or "detect"
            runs[key] += 1
            try:
                if check_one(data, f"fuzz/{label}", loader=name, store=store) is not None:
                    parsed[key] += 1
            except BaseException as e:  # noqa: BLE001 - every finding is recorded, the run goes on
                if isinstance(e, KeyboardInterrupt):
                    raise
                sig = f"{type(e).__name__}: {str(e).splitlines()[0][:160]}"
                tb = traceback.extract_tb(e.__traceback__)
                where = f"{Path(tb[-1].filename).name}:{tb[-1].lineno}" if tb else "?"
                digest = hashlib.sha1(data).hexdigest()[:12]
                (out / f"{key}-{digest}.bin").write_bytes(data)
                findings[(key, f"{where} {_generalise(sig)}")].append(f"{label} -> {out / f'{key}-{digest}.bin'}")

        s = settings(max_examples=args.examples, deadline=None, database=None, derandomize=False,
                     suppress_health_check=list(HealthCheck), report_multiple_bugs=False)
        run = given(st.one_of(mutations(mine), st.tuples(st.just("random"), st.binary(max_size=4096))))(body)
        run = s(run)
        if args.seed is not None:
            from hypothesis import seed

            run = seed(args.seed)(run)
        run()
        store.close()

    for name in names + [None]:
        t = time.perf_counter()
        target(name)
        key = name or "detect"
        print(f"{key:24} {runs[key]:7d} inputs  {parsed[key]:6d} parsed  {time.perf_counter() - t:7.1f}s",
              flush=True)
    total = sum(runs.values())
    print(f"\n{total} inputs in {time.perf_counter() - t0:.0f}s over {len(names)} loaders and detection "
          f"(corpus: {len(docs)} documents)")
    if not findings:
        print("findings: none")
        return 0
    print(f"findings: {len(findings)} distinct")
    for (key, sig), examples in sorted(findings.items()):
        print(f"  [{key}] {sig}  ({len(examples)} inputs, e.g. {examples[0]})")
    return 1


def _safe_sniff(ld, data: bytes) -> float:
    try:
        return float(ld.sniff(data))
    except Exception:  # noqa: BLE001
        return 0.0


def _generalise(sig: str) -> str:
    import re

    sig = re.sub(r"fuzz/\S+", "<file>", sig)
    return re.sub(r"\d+", "N", sig)[:200]


if __name__ == "__main__":
    sys.exit(main())
