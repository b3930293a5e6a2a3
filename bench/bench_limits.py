"""Peak memory and time on very large inputs (the limits of docs/guarantees.md).

    python bench/bench_limits.py                 # all scenarios
    python bench/bench_limits.py --only 13f-100k --tracemalloc

Each scenario runs in its own process, so its peak resident memory (ru_maxrss)
is its own.  Every scenario is set against a baseline measured in the same run:
the bare lxml parse of the same bytes (XML) or reading and decoding them (text),
and the ratio is printed.  Scenarios:

* ``xml-100mb``   a 100 MB Schedule 13D XML (3 reporting persons; the bulk is
  many small elements no loader reads);
* ``text-Nmb``    a Schedule 13G text filing with N MB of exhibit prose (1, 4, 16 MB
  by default; ``--text-mb 100`` for the 100 MB case: the text loader is not
  linear there, see the guarantees);
* ``13f-100k``    a 100,000-row 13F information table over 5,000 positions;
* ``xml-500rp`` / ``text-500rp``  a 13D XML / 13G text with 500 reporting persons,
  parsed and written to a fresh store;
* ``over-limit``  a 101 MiB XML filing: refused before parsing.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))


def make(name: str) -> tuple[bytes, str]:
    from _gen_filings import form13f_infotable, schedule13d_xml, schedule13g_text

    if name == "xml-100mb" or name == "over-limit":
        size = 100_000_000 if name == "xml-100mb" else 101 * 1024 * 1024
        base = schedule13d_xml(3)
        i = base.index(b"</reportingPersons>")
        unit = b"<remark>" + b"x" * 84 + b"</remark>\n"
        body = unit * ((size - len(base)) // len(unit))
        return base[:i] + body + b" " * (size - len(base) - len(body)) + base[i:], "xml"
    if name.startswith("text-") and name.endswith("mb"):
        mb = int(name[5:-2])
        base = schedule13g_text(3)
        i = base.index(b"SIGNATURE")
        line = b"The reporting persons hold the shares described above for investment purposes only, not control.\n"
        return base[:i] + line * ((mb * 1_000_000 - len(base)) // len(line)) + base[i:], "text"
    if name == "13f-100k":
        return form13f_infotable(100_000, 5_000), "xml"
    if name == "xml-500rp":
        return schedule13d_xml(500), "xml"
    if name == "text-500rp":
        return schedule13g_text(500), "text"
    raise SystemExit(f"unknown scenario {name}")


def run_one(name: str, baseline: bool, trace: bool) -> dict:
    data, kind = make(name)
    from ownergraph import loaders as L

    L.loaders()
    if trace:
        tracemalloc.start()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    out: dict = {"scenario": name, "bytes": len(data), "baseline": baseline}
    if baseline:
        if kind == "xml":
            from lxml import etree

            root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
            out["elements"] = sum(1 for _ in root.iter())
        else:
            out["chars"] = len(data.decode("utf-8", errors="replace"))
    else:
        try:
            facts = L.load_bytes(data, f"{name}.bench")
            out["loader"] = facts.filing.loader
            out["filers"] = len(facts.filing.filer_keys)
            out["relations"] = len(facts.relations)
            if name.endswith("500rp"):
                from ownergraph.graph.store import Store

                with tempfile.TemporaryDirectory() as d, Store(Path(d) / "b.db") as st:
                    out["store"] = st.add(facts).status
        except Exception as e:  # noqa: BLE001 - a refusal is a result here
            out["error"] = str(e)[:200]
    out["seconds"] = round(time.perf_counter() - t0, 3)
    if trace:
        out["tracemalloc_peak_mb"] = round(tracemalloc.get_traced_memory()[1] / 1e6, 1)
    out["input_mb"] = round(len(data) / 1e6, 1)
    out["maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    out["rss_before_mb"] = round(before / 1024, 1)
    return out


def child(name: str, baseline: bool, trace: bool, timeout: float) -> dict:
    cmd = [sys.executable, __file__, "--child", name] + (["--baseline"] if baseline else []) + \
        (["--tracemalloc"] if trace else [])
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"scenario": name, "baseline": baseline, "error": f"did not finish within {timeout:.0f} s"}
    if p.returncode != 0:
        return {"scenario": name, "baseline": baseline, "error": p.stderr.strip().splitlines()[-1:]}
    return json.loads(p.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--child")
    ap.add_argument("--baseline", action="store_true")
    ap.add_argument("--tracemalloc", action="store_true", help="also report the tracemalloc peak (slower)")
    ap.add_argument("--only", action="append")
    ap.add_argument("--text-mb", type=int, action="append", help="text filing sizes in MB (default 1, 4, 16)")
    ap.add_argument("--timeout", type=float, default=900, help="per scenario, seconds")
    a = ap.parse_args()
    if a.child:
        print(json.dumps(run_one(a.child, a.baseline, a.tracemalloc)))
        return 0
    names = a.only or (["xml-100mb", "over-limit", "13f-100k", "xml-500rp", "text-500rp"]
                       + [f"text-{mb}mb" for mb in (a.text_mb or [1, 4, 16])])
    print(f"{'scenario':14} {'input MB':>9} {'seconds':>9} {'x base':>7} {'peak RSS MB':>12} {'x input':>8}  result")
    for n in names:
        base = child(n, True, False, a.timeout)
        r = child(n, False, a.tracemalloc, a.timeout)
        ratio = (f"{r['seconds'] / base['seconds']:.1f}" if "seconds" in r and base.get("seconds") else "-")
        mem = r.get("maxrss_mb", "-")
        per_input = f"{mem / r['input_mb']:.1f}" if isinstance(mem, float) and r.get("input_mb") else "-"
        result = r.get("error") or f"{r.get('loader')}: {r.get('filers')} filers, {r.get('relations')} relations" + (
            f", stored ({r['store']})" if "store" in r else "")
        extra = f", tracemalloc peak {r['tracemalloc_peak_mb']} MB" if "tracemalloc_peak_mb" in r else ""
        print(f"{n:14} {r.get('input_mb', '-'):>9} {r.get('seconds', '-'):>9} {ratio:>7} {mem:>12} {per_input:>8}  "
              f"{result}{extra}   [baseline {base.get('seconds', '-')} s, {base.get('maxrss_mb', '-')} MB]",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
