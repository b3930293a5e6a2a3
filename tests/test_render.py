"""ownergraph.render: the control chart, laid out by the real Graphviz-compatible command."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from ownergraph.errors import OwnergraphError
from ownergraph.graph.view import graph_view
from ownergraph.queries.control import who_controls
from ownergraph.render import layout_command, render_report, report_to_dot

from _control_facts import seed_like

AULT_ALLIANCE = "cik:0001086745"


@pytest.fixture
def report(store):
    store.add(seed_like().facts())
    return who_controls(graph_view(store), AULT_ALLIANCE)


def _svg_nodes(svg: bytes) -> dict[str, etree._Element]:
    root = etree.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    out = {}
    for g in root.iterfind(".//s:g[@class='node']", ns):
        out[g.find("s:title", ns).text] = g
    return out


def test_svg_has_names_and_distinguishes_people_from_entities(report, tmp_path):
    out = render_report(report, tmp_path / "chart.svg")
    svg = out.read_bytes()
    text = svg.decode()
    for name in ("Ault Alliance, Inc.", "Milton C. Ault, III", "Ault &amp; Company, Inc.", "William B. Horne"):
        assert name in text
    nodes = _svg_nodes(svg)
    ns = "{http://www.w3.org/2000/svg}"
    milton = nodes["person:milton c ault iii"]
    ac = nodes["organization:ault and company"]
    # people are ellipses, organizations boxes (polygons/paths)
    def shapes(g):
        return {el.tag.replace(ns, "") for el in g.iter() if el.tag in (f"{ns}ellipse", f"{ns}path", f"{ns}polygon")}

    assert shapes(milton) == {"ellipse"}
    assert "ellipse" not in shapes(ac) and shapes(ac) & {"path", "polygon"}
    red = [el for el in milton.iter(f"{ns}ellipse") if el.get("stroke") == "#c62828"]
    assert red, "the ultimate controller has a red border"
    # controllers are highlighted; the ultimate one with a red border
    assert "ULTIMATE CONTROLLER" in "".join(milton.itertext())
    assert "controller" in "".join(ac.itertext())
    assert "ULTIMATE" not in "".join(nodes["person:william b horne"].itertext())
    # edges labelled with percent and power
    assert "85.72%" in text and "sole vote+disp 214,940,800" in text
    assert "Chief Executive Officer and" in text


def test_issuer_is_drawn_below_its_owners(report, tmp_path):
    svg = render_report(report, tmp_path / "chart.svg").read_bytes()
    nodes = _svg_nodes(svg)

    def y(nid):
        g = nodes[nid]
        ys = [float(t.get("y")) for t in g.iter("{http://www.w3.org/2000/svg}text")]
        return sum(ys) / len(ys)

    # SVG y grows downwards
    assert y(AULT_ALLIANCE) > y("organization:ault and company") > y("person:milton c ault iii")


def test_html_png_dot(report, tmp_path):
    html = render_report(report, tmp_path / "chart.html").read_text()
    assert html.startswith("<!DOCTYPE html>") and "<svg" in html and "<script>" in html
    assert "http://" not in re.sub(r'xmlns(:\w+)?="[^"]+"|"-//W3C[^"]*"|"http://www.w3.org[^"]*"', "", html)
    png = render_report(report, tmp_path / "chart.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    dot = render_report(report, tmp_path / "chart.dot").read_text()
    assert dot.startswith("digraph control") and '"person:milton c ault iii" -> "organization:ault and company"' in dot


def test_small_holders_collapse(report):
    dot = report_to_dot(report, max_holders=1)
    assert "3 other holders" in dot and "person:william b horne" not in dot  # named in the tooltip only


def test_bad_extension_is_a_clear_error(report, tmp_path):
    with pytest.raises(OwnergraphError, match="unknown chart format"):
        render_report(report, tmp_path / "chart.jpeg")


def test_layout_command_exists():
    assert layout_command()
