"""Stated percentages of ownership and control in filing prose (ownergraph.loaders._prose), the CONTROLS edge that
keeps them, and who-controls multiplying them along the chain; prose in a classic 13G's Item 8 exhibit.

Sentences modelled on real 13D/G wording ("X is 94.56% controlled by Y", "Modal LLC, which owns approximately
99.6% of Starfire and whose sole member is ..."), with invented names; the fixture is our own synthetic 13G."""

from __future__ import annotations

from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_path

ITEM8_PROSE = Path(__file__).resolve().parent / "fixtures" / "schedule13" / "sc13g_text_item8_exhibit_prose_percent.txt"


def controls(f) -> dict[tuple[str, str], dict]:
    return {(f.entity(r.source).name, f.entity(r.target).name): r.props
            for r in f.relations if r.type == EdgeKind.CONTROLS}


def test_item8_prose_exhibit_is_mined_when_it_lists_no_members():
    f = load_path(ITEM8_PROSE)
    got = controls(f)
    assert got["Harrowgate Advisors GP LLC", "Harrowgate Capital Partners, L.P."]["basis"] == "general partner"
    sections = {r.prov.section for r in f.relations if r.type == EdgeKind.CONTROLS}
    assert sections == {"Exhibit A"}
    # 30% is no control; "may be deemed to control" states none
    assert not any("Larkmoor" in a for a, _ in got)
    assert ("Celestine V. Okonkwo", "Harrowgate Capital Partners, L.P.") not in got
    assert f.document["item_8_members"] == {"exhibit": "Exhibit A", "found": 0}
