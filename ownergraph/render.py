"""The control chart an analyst draws, from a :class:`~ownergraph.queries.control.ControlReport`.

* the issuer at the bottom, owners above (Graphviz ``dot``, top to bottom);
* people are ellipses, organizations boxes, the issuer a double box;
* edges carry the percentage and the powers (holdings) or the basis of control
  (officer, general partner, sole owner ...; dashed);
* controllers are filled, the ultimate controller has a thick red border;
  holders below the reportable threshold are collapsed into one grey node.

Layout uses the system ``dot`` when it is installed, else the pip-installed
``graphviz-pure`` command (a dot-compatible port).  ``.svg``, ``.png`` and
``.dot`` are written directly; ``.html`` embeds the SVG with a few lines of
JavaScript for hover highlighting and zoom/pan (no network at run time).
"""

from __future__ import annotations

import html
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

from .errors import OwnergraphError, QueryError

LAYOUT_COMMANDS = ("dot", "graphviz-pure")
FORMATS = (".svg", ".html", ".png", ".dot")

PERSON_FILL = "#e8f0fe"
ORG_FILL = "#fff7e0"
CONTROLLER_FILL = "#ffd54f"
ISSUER_FILL = "#c8e6c9"


class RenderError(OwnergraphError):
    """The chart could not be laid out or written."""


def _q(s: str) -> str:
    return '"' + str(s).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _pct(v) -> str:
    if v is None:
        return "?%"
    v = Decimal(str(v))
    if 0 < v < Decimal("0.01"):
        return "<0.01%"
    return f"{v:.2f}%"


def _num(v) -> str:
    if v is None:
        return "?"
    d = Decimal(str(v))
    if d == d.to_integral_value():
        return f"{int(d):,}"
    return f"{d:,f}"


def _wrap(name: str, width: int = 24) -> str:
    words, lines, cur = name.split(), [], ""
    for w in words:
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = w
        else:
            cur = f"{cur} {w}".strip()
    if cur:
        lines.append(cur)
    return "\n".join(lines)


def _powers_label(p: dict) -> str:
    sv, shv, sd, shd = (p.get(k) for k in ("sole_voting", "shared_voting", "sole_dispositive", "shared_dispositive"))
    parts = []
    if sv or sd:
        parts.append(f"sole vote {_num(sv)} / disp {_num(sd)}" if sv != sd else f"sole vote+disp {_num(sv)}")
    if shv or shd:
        parts.append(f"shared vote {_num(shv)} / disp {_num(shd)}" if shv != shd else f"shared vote+disp {_num(shv)}")
    return "\n".join(parts)


def report_to_dot(report, *, max_holders: int = 6) -> str:
    """DOT text for a control report."""
    nodes: dict[str, dict] = {}
    edges: dict[tuple, dict] = {}
    parties = {p.id: p for p in report.controllers + report.significant + report.reportable + report.holders}
    shown = report.controllers + report.significant + report.reportable
    small = report.holders

    def add_node(nid: str, name: str, kind: str | None):
        if nid in nodes:
            return
        p = parties.get(nid)
        attrs = {"label": _wrap(name), "tooltip": f"{name} ({nid})", "id": f"n_{len(nodes)}"}
        if nid == report.issuer_id:
            attrs.update(shape="box", peripheries="2", style="filled,bold", fillcolor=ISSUER_FILL)
            attrs["label"] = _wrap(name) + "\n(issuer)"
        elif kind == "Person":
            attrs.update(shape="ellipse", style="filled", fillcolor=PERSON_FILL)
        else:
            attrs.update(shape="box", style="filled,rounded", fillcolor=ORG_FILL)
        if p is not None and nid != report.issuer_id:
            attrs["label"] += f"\n{_pct(p.percent)} {report.by}"
            attrs["tooltip"] += f" - {p.role}, {_pct(p.percent)} {report.by}"
            if p.role == "controller":
                attrs["fillcolor"] = CONTROLLER_FILL
                attrs["penwidth"] = "2"
                attrs["label"] += "\nULTIMATE CONTROLLER" if p.ultimate else "\ncontroller"
                if p.ultimate:
                    attrs.update(color="#c62828", penwidth="3.5")
        nodes[nid] = attrs

    add_node(report.issuer_id, report.issuer, "Organization")
    for p in shown + (small if len(small) <= max_holders else []):
        add_node(p.id, p.name, p.kind)
        for c in p.chains:
            for s in c.steps:
                add_node(s.source, s.source_name, parties[s.source].kind if s.source in parties else None)
                add_node(s.target, s.target_name, parties[s.target].kind if s.target in parties else None)
                key = (s.source, s.target, s.relation, s.detail)
                if key in edges:
                    continue
                if s.relation == "holds" and "restates" in s.detail:
                    whose = s.detail.split("restates the shares of ", 1)[-1]
                    label = f"reports {_num(s.shares)} sh\nincl. those of\n{_wrap(whose, 28)}"
                    attrs = {"label": label, "style": "dotted", "color": "#9e9e9e", "fontcolor": "#9e9e9e",
                             "fontsize": "8"}
                elif s.relation == "holds":
                    label = _pct(s.percent) + (f"\n{_num(s.shares)} sh" if s.shares is not None else "")
                    pw = _powers_label(s.powers)
                    if pw:
                        label += "\n" + pw
                    attrs = {"label": label, "penwidth": "2" if (s.percent or 0) > report.thresholds.control
                             else "1.2"}
                else:
                    basis = s.detail.split(";")[0]
                    label = ("owns " + _pct(s.percent) + "\n" if s.relation == "owns" and s.percent is not None
                             else "controls\n") + _wrap(basis, 28)
                    if s.relation == "controls (derived)":
                        label += "\n(shared voting and\ndispositive power)" if "shared voting and" in s.detail \
                            else "\n(shared power)"
                    attrs = {"label": label, "style": "dashed" if s.relation != "owns" else "solid",
                             "color": "#c62828" if "controls" in s.relation else "#37474f"}
                ev = "; ".join(f"{e.form} {e.filing_id} {e.section}" for e in s.evidence[:4])
                attrs["tooltip"] = f"{s.source_name} -> {s.target_name}: {s.detail} [{ev}]"
                edges[key] = attrs
    if small and len(small) > max_holders:
        nid = "__small_holders__"
        total = sum((p.percent or Decimal(0)) for p in small)
        nodes[nid] = {"label": f"{len(small)} other holders\n< {report.thresholds.reportable}% each",
                      "shape": "box", "style": "filled,dashed", "fillcolor": "#eeeeee", "fontcolor": "#616161",
                      "tooltip": ", ".join(p.name for p in small), "id": "n_small"}
        edges[(nid, report.issuer_id, "holds", "")] = {"label": f"{_pct(total)} together", "color": "#9e9e9e",
                                                        "fontcolor": "#757575", "tooltip": "small holders"}
    lines = [
        "digraph control {",
        '  graph [rankdir=TB, nodesep=0.5, ranksep=0.8, fontname="Helvetica", labelloc=t, fontsize=16, '
        f'label={_q(f"Who controls {report.issuer}" + (f" as of {report.as_of}" if report.as_of else "") + f" (by {report.by})")}];',
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    for nid, attrs in nodes.items():
        lines.append(f"  {_q(nid)} [" + ", ".join(f"{k}={_q(v)}" for k, v in attrs.items()) + "];")
    lines.append(f"  {{ rank=max; {_q(report.issuer_id)}; }}")
    for (src, dst, _r, _d), attrs in edges.items():
        lines.append(f"  {_q(src)} -> {_q(dst)} [" + ", ".join(f"{k}={_q(v)}" for k, v in attrs.items()) + "];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def layout_command() -> str:
    for cmd in LAYOUT_COMMANDS:
        path = shutil.which(cmd)
        if path:
            return path
    raise RenderError(None, "no Graphviz layout command found: install Graphviz ('dot') or "
                            "'pip install graphviz-pure'")


def layout(dot: str, fmt: str = "svg") -> bytes:
    cmd = layout_command()
    try:
        res = subprocess.run([cmd, f"-T{fmt}"], input=dot.encode("utf-8"), capture_output=True, timeout=120)
    except (OSError, subprocess.TimeoutExpired) as e:
        raise RenderError(cmd, f"layout failed: {e}") from None
    if res.returncode != 0 or not res.stdout:
        raise RenderError(cmd, f"layout failed: {res.stderr.decode('utf-8', 'replace').strip()[:300]}")
    return res.stdout


_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: Helvetica, Arial, sans-serif; margin: 0; }}
header {{ padding: 8px 14px; background: #263238; color: #fff; }}
header small {{ color: #b0bec5; }}
#chart {{ width: 100vw; height: calc(100vh - 48px); overflow: hidden; cursor: grab; }}
#chart svg {{ width: 100%; height: 100%; }}
.node.dim, .edge.dim {{ opacity: 0.15; }}
#tip {{ position: fixed; pointer-events: none; background: #fffde7; border: 1px solid #999; padding: 4px 8px;
        font-size: 12px; max-width: 480px; display: none; }}
</style></head>
<body><header><b>{title}</b> <small>scroll to zoom, drag to pan, hover a node to follow its chain</small></header>
<div id="chart">{svg}</div><div id="tip"></div>
<script>
(function () {{
  var box = document.getElementById('chart'), svg = box.querySelector('svg'), tip = document.getElementById('tip');
  var vb = svg.viewBox.baseVal, drag = null;
  box.addEventListener('wheel', function (e) {{
    e.preventDefault();
    var k = e.deltaY > 0 ? 1.15 : 1 / 1.15, r = svg.getBoundingClientRect();
    var mx = vb.x + (e.clientX - r.left) / r.width * vb.width, my = vb.y + (e.clientY - r.top) / r.height * vb.height;
    vb.x = mx - (mx - vb.x) * k; vb.y = my - (my - vb.y) * k; vb.width *= k; vb.height *= k;
  }}, {{passive: false}});
  box.addEventListener('mousedown', function (e) {{ drag = [e.clientX, e.clientY]; }});
  window.addEventListener('mouseup', function () {{ drag = null; }});
  window.addEventListener('mousemove', function (e) {{
    if (!drag) return;
    var r = svg.getBoundingClientRect();
    vb.x -= (e.clientX - drag[0]) / r.width * vb.width; vb.y -= (e.clientY - drag[1]) / r.height * vb.height;
    drag = [e.clientX, e.clientY];
  }});
  var edges = Array.prototype.slice.call(svg.querySelectorAll('g.edge'));
  var nodes = Array.prototype.slice.call(svg.querySelectorAll('g.node'));
  function ends(ed) {{ var t = ed.querySelector('title').textContent.split('->'); return [t[0].trim(), t[1].trim()]; }}
  function reach(start, dir) {{
    var seen = {{}}, todo = [start]; seen[start] = 1;
    while (todo.length) {{ var cur = todo.pop();
      edges.forEach(function (ed) {{ var x = ends(ed), from = dir ? x[0] : x[1], to = dir ? x[1] : x[0];
        if (from === cur && !seen[to]) {{ seen[to] = 1; todo.push(to); }} }}); }}
    return seen;
  }}
  nodes.forEach(function (n) {{
    var id = n.querySelector('title').textContent.trim();
    n.addEventListener('mouseenter', function () {{
      var up = reach(id, false), down = reach(id, true), keep = {{}};
      Object.keys(up).concat(Object.keys(down)).forEach(function (k) {{ keep[k] = 1; }});
      edges.forEach(function (ed) {{ var x = ends(ed);
        ed.classList.toggle('dim', !((up[x[0]] && up[x[1]]) || (down[x[0]] && down[x[1]]))); }});
      nodes.forEach(function (m) {{ m.classList.toggle('dim', !keep[m.querySelector('title').textContent.trim()]); }});
    }});
    n.addEventListener('mouseleave', function () {{
      edges.concat(nodes).forEach(function (x) {{ x.classList.remove('dim'); }}); }});
  }});
  svg.querySelectorAll('a[title], a[xlink\\\\:title]').forEach(function (a) {{
    var t = a.getAttribute('xlink:title') || a.getAttribute('title');
    a.addEventListener('mousemove', function (e) {{ tip.textContent = t; tip.style.display = 'block';
      tip.style.left = (e.clientX + 12) + 'px'; tip.style.top = (e.clientY + 12) + 'px'; }});
    a.addEventListener('mouseleave', function () {{ tip.style.display = 'none'; }});
  }});
}})();
</script></body></html>
"""


def render_report(report, output: str | os.PathLike) -> Path:
    """Write the chart; the format follows the extension (.svg, .html, .png, .dot)."""
    out = Path(output)
    ext = out.suffix.lower()
    if ext not in FORMATS:
        raise QueryError(str(out), f"unknown chart format {ext or '(none)'}: use one of {', '.join(FORMATS)}")
    dot = report_to_dot(report)
    if ext == ".dot":
        data = dot.encode("utf-8")
    elif ext == ".png":
        data = layout(dot, "png")
    else:
        svg = layout(dot, "svg")
        if ext == ".svg":
            data = svg
        else:
            text = svg.decode("utf-8")
            start = text.find("<svg")
            title = f"Who controls {report.issuer}"
            data = _HTML.format(title=html.escape(title), svg=text[start:] if start >= 0 else text).encode("utf-8")
    try:
        if out.parent and not out.parent.exists():
            out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(data)
    except OSError as e:
        raise RenderError(str(out), f"cannot write chart: {e.strerror or e}") from None
    return out
