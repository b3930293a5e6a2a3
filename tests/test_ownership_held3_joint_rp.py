"""'The Reporting Person' (singular) in a footnote of a joint Form 4 by several natural persons: attached to the
one owner the footnote names besides the statement's object; otherwise dropped with a warning naming the footnote."""

from __future__ import annotations

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_path

from conftest import FIXTURES

FIX = FIXTURES / "ownership" / "form4_joint_singular_reporting_person.xml"
SPOUSES = FIXTURES / "ownership" / "form4_joint_spouses_reporting_persons.xml"


def _edges(f, kind):
    n = {e.key: e.name for e in f.entities}
    return [(n[r.source], n[r.target], r) for r in f.relations if r.type == kind]


def test_the_owner_the_footnote_names_is_the_reporting_person():
    f = load_path(FIX)
    ctl = [(a, b, r.props["basis"], r.prov.section) for a, b, r in _edges(f, EdgeKind.CONTROLS)]
    assert ("Nia B Okafor", "Okafor 2019 Family Trust", "trustee", "footnote F1") in ctl
    assert not any(a == "Tomas J Reyes" for a, *_ in ctl)
    row1 = [(a, r.props.get("held_by")) for a, b, r in _edges(f, EdgeKind.HOLDS) if r.prov.section == "Table I, row 1"]
    assert ("Okafor 2019 Family Trust", None) in row1


def test_a_footnote_naming_no_owner_is_dropped_with_a_warning():
    f = load_path(FIX)
    assert not any(b == "Vale Street Partners LP" for _, b, _ in _edges(f, EdgeKind.CONTROLS))
    (w,) = [w for w in f.warnings if "Reporting Person" in w]
    assert "footnote F2" in w and "2 reporting owners" in w and str(FIX) in w
    # the holder still holds the row, and each owner keeps its report of it
    row2 = {a for a, b, r in _edges(f, EdgeKind.HOLDS) if r.prov.section == "Table I, row 2"}
    assert row2 == {"Vale Street Partners LP", "Nia B Okafor", "Tomas J Reyes"}


def test_spouses_footnote_stays_unattached_but_warns():
    f = load_path(SPOUSES)
    assert not any(b == "Okafor Holdings LLC" and r.prov.section == "footnote F2"
                   for _, b, r in _edges(f, EdgeKind.CONTROLS))
    assert any("footnote F2" in w and "names none of them alone" in w for w in f.warnings)
