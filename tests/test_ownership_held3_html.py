"""Forms 3/4/5 as EDGAR's viewer renders them (xslF345X05 pages): the page gives the facts of its XML.

The own fixture ``form4_rendered_joint.html`` is the page of ``form4_rendered_joint.xml`` (a synthetic joint
filing: a fund, its general partner and a director-officer) in the layout of the real rendered pages; the other
tests render every XML filing of the shared corpus and of the fixtures with ``_render345`` (an independent
writer of that layout) and compare the facts of both.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from ownergraph.errors import LoadError, UnsupportedFormat
from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import detect, load_bytes, load_path
from ownergraph.loaders.form345_html import sniff

from _render345 import render
from conftest import FIXTURES, SHARED_FILINGS

OWN = FIXTURES / "ownership"
PAGE = OWN / "form4_rendered_joint.html"

#: XML fixtures the SEC's stylesheet would not render as filed (rows at the root of an old schema, a
#: derivative table inside Table I): the rendering of these is not a page EDGAR shows
_NOT_RENDERABLE = {"form3_namespaced_oldschema.xml", "form3_oldschema_rows_at_root.xml",
                   "form4_late_10b5_value_variants.xml"}
_NOT_SHOWN = ("equity_swap_involved", "transaction_timeliness", "transaction_timeliness_footnote")


def _facts_view(f) -> dict:
    """The facts without what tells the two documents apart (source, digest, loader, provenance), with what
    the page does not show (the equity-swap flag; a late filing's timeliness) left out, and numbers as the page
    prints them ("11.50" -> "11.5": the stylesheet drops trailing zeros)."""
    d = f.model_dump(mode="json")
    d.pop("document")

    def strip(x):
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items()
                    if k not in ("prov", "source", "sha256", "id", "filing_id", "loader") + _NOT_SHOWN}
        if isinstance(x, list):
            return [strip(v) for v in x if not (isinstance(v, dict) and v.get("name") in _NOT_SHOWN)]
        if isinstance(x, str):
            x = re.sub(r"\.xml(?:\.html)?\b", "", x)
            return re.sub(r"(\d\.\d*?)0+\b", r"\1", x).replace(".)", ")").rstrip(".") if re.search(r"\d\.\d", x) \
                else x
        return x

    return strip(d)


def _xml_files() -> list[Path]:
    files = sorted(p for p in OWN.glob("*.xml") if p.name not in _NOT_RENDERABLE)
    shared = SHARED_FILINGS / "form345_xml"
    if shared.is_dir():
        files += sorted(shared.glob("*.xml"))
    return files


@pytest.mark.parametrize("path", _xml_files(), ids=lambda p: p.name)
def test_rendered_page_gives_the_facts_of_its_xml(path):
    data = path.read_bytes()
    page = render(data).encode()
    assert detect(page).name == "form345_html"
    from_xml = load_bytes(data, str(path))
    from_page = load_bytes(page, str(path) + ".html")
    assert from_page.filing.loader == "form345_html"
    a, b = _facts_view(from_xml), _facts_view(from_page)
    assert json.dumps(b, sort_keys=True, indent=1) == json.dumps(a, sort_keys=True, indent=1)


def test_own_page_equals_its_xml():
    xml = load_path(OWN / "form4_rendered_joint.xml")
    page = load_path(PAGE)
    assert _facts_view(page) == _facts_view(xml)


def test_own_page_read_by_hand():
    f = load_path(PAGE)
    doc = f.document
    assert doc["document_type"] == "4" and doc["period_of_report"] == "2025-06-12"
    assert doc["aff10b5one"] is True and doc["not_subject_to_section16"] is False
    assert doc["issuer"] == {"cik": "0009900417", "name": "Quillmark Biosystems, Inc.", "trading_symbol": "QLMK"}
    owners = doc["reporting_owners"]
    assert [(o["cik"], o["name"]) for o in owners] == [
        ("0009900511", "Harrowgate Ventures II, L.P."), ("0009900512", "Harrowgate Management II, LLC"),
        ("0009900513", "Okafor Nia B")]
    assert [(o["is_director"], o["is_officer"], o["is_ten_percent_owner"]) for o in owners] == [
        (False, False, True), (False, False, True), (True, True, False)]
    assert owners[2]["officer_title"] == "Chief Scientific Officer"
    assert (owners[2]["street1"], owners[2]["street2"], owners[2]["city"], owners[2]["state"], owners[2]["zip"]) \
        == ("C/O Quillmark Biosystems, Inc.", "88 Beacon Street", "Boston", "MA", "02108")
    sale, holding = doc["non_derivative"]
    assert (sale["kind"], sale["code"], sale["coding_footnotes"]) == ("transaction", "S", ["F1"])
    assert sale["shares"]["value"] == "12500" and sale["acquired_disposed"]["value"] == "D"
    assert sale["price"] == {"value": "18.4025", "footnotes": ["F2"], "as_filed": "$18.4025"}
    assert sale["owned_after"]["value"] == "3187500" and sale["nature"]["footnotes"] == ["F3"]
    assert holding["kind"] == "holding" and holding["owned_after"]["value"] == "41250"
    (opt,) = doc["derivative"]
    assert opt["conversion_or_exercise_price"]["value"] == "6.75"
    assert (opt["shares"]["value"], opt["acquired_disposed"]["value"]) == ("20000", "D")  # the (D) column
    assert opt["exercise_date"] == {"value": None, "footnotes": ["F4"]}
    assert opt["expiration_date"]["value"] == "2031-02-14"
    assert (opt["underlying_title"]["value"], opt["underlying_shares"]["value"]) == ("Common Stock", "20000")
    assert set(doc["footnotes"]) == {"F1", "F2", "F3", "F4"}
    assert doc["footnotes"]["F4"] == "The option vested in full on February 14, 2022."
    assert doc["remarks"].startswith("Dr. Okafor is a managing member")
    assert [s["date"] for s in doc["signatures"]] == ["2025-06-16"] * 3
    # the footnote's chain: the fund holds the indirect row, its general partner controls it
    holds = [r for r in f.relations if r.type == EdgeKind.HOLDS and r.prov.section == "Table I, row 1"]
    names = {e.key: e.name for e in f.entities}
    assert "Harrowgate Ventures II, L.P." in {names[r.source] for r in holds}
    ctl = [(names[r.source], names[r.target]) for r in f.relations if r.type == EdgeKind.CONTROLS]
    assert ("Harrowgate Management II, LLC", "Harrowgate Ventures II, L.P.") in ctl


def test_form3_and_form5_layouts_are_read_from_their_headers():
    for name in ("form3_Snowflake_Garrett.xml", "form5_Snowflake_McMahon.xml"):
        p = SHARED_FILINGS / "form345_xml" / name
        if not p.exists():
            pytest.skip("../shared/filings is not present")
        page = render(p.read_bytes())
        doc = load_bytes(page.encode(), name + ".html").document
        xml = load_bytes(p.read_bytes(), name).document
        assert doc["document_type"] == xml["document_type"]
        assert len(doc["non_derivative"]) == len(xml["non_derivative"])
        assert len(doc["derivative"]) == len(xml["derivative"])
        for a, b in zip(doc["derivative"], xml["derivative"]):
            assert (a["underlying_title"] or {}).get("value") == (b["underlying_title"] or {}).get("value")


def test_sniff_is_by_content():
    page = PAGE.read_bytes()
    assert sniff(page) > 0.5
    assert sniff((OWN / "form4_rendered_joint.xml").read_bytes()) == 0.0
    # a page about Form 4s that is not one (no table, no box 1)
    assert sniff(b"<html><body><p>How to read FORM 4 filings</p></body></html>") == 0.0
    with pytest.raises(UnsupportedFormat):
        detect(b"<html><body><p>How to read FORM 4 filings</p></body></html>")


def test_broken_page_is_a_clear_error(tmp_path):
    page = PAGE.read_text()
    # the Table I header lost: its columns cannot be told apart
    broken = re.sub(r"(Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned</th></tr>)"
                    r".*?</thead>", r"\1</thead>", page, count=1, flags=re.S)
    p = tmp_path / "page.html"
    p.write_text(broken)
    with pytest.raises(LoadError) as e:
        load_path(p)
    assert str(p) in str(e.value) and "Table I" in str(e.value)
    assert not getattr(e.value, "internal", False)
    # box 1 without a name
    nameless = re.sub(r'<a href="/cgi-bin/browse-edgar\?action=getcompany&amp;CIK=0009900511">[^<]*</a>', "",
                      page, count=1)
    p.write_text(nameless)
    with pytest.raises(LoadError) as e:
        load_path(p)
    assert str(p) in str(e.value) and "names no one" in str(e.value)
    assert not getattr(e.value, "internal", False)


def test_page_in_another_layout_is_refused_not_read_empty(tmp_path):
    # the boxes as the viewer shows them, but Table I only named inside a cell of the header table (an older
    # stylesheet's layout): the loader must not report an owner holding nothing
    page = PAGE.read_text()
    start = page.index('<table width="100%" border="1" cellspacing="0" cellpadding="4"><thead><tr><th colspan="11"')
    end = page.index("</table>", page.index("Table II - Derivative")) + len("</table>")
    other = page[:start] + "<table><tr><td>Table I - Non-Derivative Securities Acquired, Disposed of, or " \
        "Beneficially Owned</td></tr><tr><td>Common Stock</td><td>12,500</td></tr></table>" + page[end:]
    p = tmp_path / "other.html"
    p.write_text(other)
    with pytest.raises(LoadError) as e:
        load_path(p)
    assert str(p) in str(e.value) and "Table I" in str(e.value)
    assert not getattr(e.value, "internal", False)


@pytest.mark.parametrize("path", _xml_files(), ids=lambda p: p.name)
def test_instruments_are_named_alike_from_page_and_xml(path):
    """The page prints "$11.5" where the XML has 11.50: an option's name states its price in cents either way
    ("exercise price $11.50"), so loading both gives one instrument, not two."""
    data = path.read_bytes()
    names = lambda f: sorted(e.name for e in f.entities if e.kind.value == "Security")  # noqa: E731
    assert names(load_bytes(render(data).encode(), str(path) + ".html")) == names(load_bytes(data, str(path)))
