"""Table II dates stated only in a footnote: an explicit date is taken from the footnote text, the citation kept;
a relative term or a schedule stays a footnote reference."""

from __future__ import annotations

import datetime as dt

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_path
from ownergraph.loaders.ownership import footnote_date

from conftest import FIXTURES

FIX = FIXTURES / "ownership" / "form4_dates_in_footnotes.xml"


def _conv(f):
    names = {e.key: e for e in f.entities}
    return [(names[r.source], r) for r in f.relations if r.type == EdgeKind.CONVERTIBLE_INTO]


def test_explicit_footnote_dates_are_read():
    f = load_path(FIX)
    (sec1, c1), (sec2, c2) = _conv(f)
    # row 1: "become exercisable on June 1, 2026" / "expire on May 12, 2034"
    assert c1.props["expiration_date"] == dt.date(2034, 5, 12)
    assert c1.props["exercise_date"] == dt.date(2026, 6, 1)
    assert c1.props["expiration_date_footnote"] == "see footnote F2"
    assert c1.props["exercise_date_footnote"] == "see footnote F1"
    assert c1.props["expiration_date_from"] == "footnote F2"
    assert c1.props["exercise_date_from"] == "footnote F1"
    assert "expiring 2034-05-12" in sec1.name
    props = {p.name: p.value for p in sec1.props}
    assert props["expiration_date"] == dt.date(2034, 5, 12)
    # the document model keeps the cells as filed
    row = f.document["derivative"][0]
    assert row["expiration_date"] == {"value": None, "footnotes": ["F2"]}


def test_relative_terms_and_schedules_stay_references():
    f = load_path(FIX)
    (_, c1), (sec2, c2) = _conv(f)
    # row 2: "in four equal annual installments beginning on ..." / "ten years from the grant date"
    assert c2.props.get("expiration_date") is None and c2.props.get("exercise_date") is None
    assert c2.props["expiration_date_footnote"] == "see footnote F4"
    assert c2.props["exercise_date_footnote"] == "see footnote F3"
    assert "expiration_date_from" not in c2.props
    assert sec2.name != _conv(f)[0][0].name


def test_footnote_date_rules():
    fns = {"F1": "The warrants expire at the earlier of May 1, 2030 or a change of control.",
           "F2": "These options expire on March 3, 2029.", "F3": "The options expire on April 4, 2031.",
           "F4": "The RSUs vested in full on January 2, 2024.", "F5": "Exercisable immediately."}
    assert footnote_date(fns, {"value": None, "footnotes": ["F1"]}, "expiration") == (None, None)
    assert footnote_date(fns, {"value": None, "footnotes": ["F2"]}, "expiration") == (dt.date(2029, 3, 3), "F2")
    assert footnote_date(fns, {"value": None, "footnotes": ["F2", "F3"]}, "expiration") == (None, None)
    assert footnote_date(fns, {"value": "2029-03-03", "footnotes": ["F3"]}, "expiration") == (None, None)
    assert footnote_date(fns, {"value": None, "footnotes": ["F4"]}, "exercise") == (dt.date(2024, 1, 2), "F4")
    assert footnote_date(fns, {"value": None, "footnotes": ["F5"]}, "exercise") == (None, None)
    assert footnote_date(fns, {"value": None, "footnotes": ["F2"]}, "exercise") == (None, None)
