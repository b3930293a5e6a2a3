"""EDGAR submissions of structures seen in real filings not covered before: an HTML power of attorney dated
'21<sup>st</sup> day of'."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_path

FIX = Path(__file__).parent / "fixtures" / "submission"


def test_html_power_of_attorney_dated_with_superscript_ordinal():
    f = load_path(FIX / "f4_xml_poa_html_ordinal.txt")
    poa = [e for e in f.entities if e.kind == NodeKind.AGREEMENT]
    assert [e.name for e in poa] == ["Power of Attorney"]
    # "as of this 21<sup>st</sup> day of November, 2023": the HTML text reads "21 st day of November, 2023"
    assert poa[0].prop("date") == dt.date(2023, 11, 21)
    roles = sorted((f.entity(r.source).name, r.props["role"]) for r in f.relations
                   if r.type == EdgeKind.PARTY_TO and r.target == poa[0].key)
    assert roles == [("Avery R. Sampleton", "grantor"), ("Quinn Example", "attorney-in-fact"),
                     ("Rowan Placeholder", "attorney-in-fact")]

