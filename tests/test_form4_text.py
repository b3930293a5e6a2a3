"""Pre-XML text Forms 3/4/5: ../shared/filings/form4_text against truth.json, and an own fixture."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from ownergraph.errors import LoadError, UnsupportedFormat
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import detect, load_bytes, load_path
from ownergraph.loaders.form4_text import sniff

from conftest import FIXTURES

FOSTER = "form4_text/form4_ProductivityTech_Foster_0001094891-00-000193.txt"


def _inner(data: bytes) -> bytes:
    return re.search(rb"<TEXT>(.*?)</TEXT>", data, re.S).group(1)


def _holds(f, section):
    return [r for r in f.relations if r.type == EdgeKind.HOLDS and r.prov.section == section]


def test_foster_text_form4_truth(shared_filings, truth):
    t = truth[FOSTER]
    data = (shared_filings / FOSTER).read_bytes()
    assert sniff(data) == 0.0 and sniff(_inner(data)) > 0.5  # the container is the submission loader's
    f = load_bytes(_inner(data), FOSTER, loader="form4_text")
    doc = f.document
    assert doc["document_type"] == "4" and doc["period_of_report"] == t["period_of_report"]
    assert (doc["issuer"]["name"], doc["issuer"]["trading_symbol"]) == (t["issuer"]["name"], t["issuer"]["symbol"])
    (o,) = doc["reporting_owners"]
    exp = t["reporting_owners"][0]
    assert o["name"] == exp["name"] and f.entity("rp:1").name == "Alan H. Foster"
    assert (o["is_director"], o["is_officer"], o["is_ten_percent_owner"], o["is_other"]) == (
        exp["isDirector"], exp["isOfficer"], exp["isTenPercentOwner"], exp["isOther"])
    assert doc["non_derivative"] == [] and len(doc["derivative"]) == len(t["derivative"]) == 1
    row, e = doc["derivative"][0], t["derivative"][0]
    assert row["security_title"]["value"] == e["security"]  # "Options to Purchase Co" + "mmon Stock"
    assert row["underlying_title"]["value"] == e["underlyingSecurity"]
    assert row["code"] == e["code"] and row["direct_or_indirect"]["value"] == e["directOrIndirect"]
    assert row["acquired_disposed"] == {"value": "A", "footnotes": [], "as_filed": "A,D"}
    assert e["acquiredDisposed"].startswith(row["acquired_disposed"]["value"])
    for field, key in (("transaction_date", "date"), ("exercise_date", "exerciseDate"),
                       ("expiration_date", "expirationDate")):
        assert row[field]["value"] == e[key]
    (h,) = _holds(f, "Table II, row 1")
    assert h.props["shares"] == Decimal(e["ownedAfter"]) and h.props["transaction_shares"] == Decimal(e["shares"])
    assert h.props["transaction_date"] == dt.date(2000, 2, 7) and h.props["underlying_shares"] == e["underlyingShares"]
    (conv,) = [r for r in f.relations if r.type == EdgeKind.CONVERTIBLE_INTO]
    assert conv.props["conversion_price"] == Decimal(str(e["conversionOrExercisePrice"]))
    assert conv.props["expiration_date"] == dt.date(2005, 2, 7)
    assert [r.type for r in f.relations if r.source == "rp:1" and r.target == "issuer"] == [EdgeKind.DIRECTOR_OF]


def test_foster_container_takes_header_ciks(shared_filings, truth):
    t = truth[FOSTER]
    try:
        detect((shared_filings / FOSTER).read_bytes())
    except UnsupportedFormat:
        pytest.skip("no loader unwraps SGML submission containers yet")
    f = load_path(shared_filings / FOSTER)
    assert f.filing.accession == t["accession"] and f.filing.loader == "form4_text"
    assert f.entity(f.filing.issuer_key).cik == t["issuer"]["cik"]
    assert f.entity(f.filing.filer_keys[0]).cik == t["reporting_owners"][0]["cik"]


def test_own_text_fixture_wrapped_cells_fractions_and_chain():
    f = load_path(FIXTURES / "ownership" / "form4_text_1999.txt")
    assert f.filing.loader == "form4_text" and f.filing.form_type == "4"
    assert f.filing.event_date == dt.date(1999, 11, 30)  # "November 1999": holdings at end of month
    assert f.filing.signed_date == dt.date(1999, 12, 8)
    rp = f.entity("rp:1")
    assert rp.kind == NodeKind.PERSON and rp.name == "Jordan Q. Example" and rp.aliases == ["EXAMPLE, JORDAN Q."]
    rels = {r.type: r for r in f.relations if r.source == "rp:1" and r.target == "issuer"}
    assert set(rels) == {EdgeKind.OFFICER_OF, EdgeKind.TEN_PERCENT_OWNER_OF}
    assert rels[EdgeKind.OFFICER_OF].props["title"] == "Executive Vice President"
    (r1,) = _holds(f, "Table I, row 1")
    assert r1.props["shares"] == 40750 and r1.props["shares_footnote"] == "see footnote F1"
    assert r1.props["transaction_price"] == Decimal("14.25") and r1.props["acquired_disposed"] == "D"
    (r2,) = _holds(f, "Table I, row 2")
    assert r2.props["transaction_price"] == Decimal("13.875")  # "$13 7/8"
    (r3,) = _holds(f, "Table I, row 3")
    partners = f.entity(r3.source)
    assert partners.name == "Example Family Partners, L.P." and r3.props["shares"] == 120000
    assert r3.props["nature"] == "By Example Family Partners, L.P."
    (ctl,) = [r for r in f.relations if r.type == EdgeKind.CONTROLS]
    assert (ctl.source, ctl.target, ctl.props["basis"]) == ("rp:1", r3.source, "general partner")
    assert f.document["footnotes"]["F1"].startswith("Includes 750 shares")
    assert f.document["non_derivative"][0]["security_title"]["value"] == "Common Stock, par value $.01"


def test_text_that_is_not_a_form4_is_refused():
    with pytest.raises(LoadError) as e:
        load_bytes(b"FORM 4\nSome letter about beneficial ownership.\n", "letter.txt", loader="form4_text")
    assert "letter.txt" in str(e.value)
    assert sniff(b"Dear shareholder,\nTable I of our proxy...") == 0.0


def test_text_form3_layout():
    f = load_path(FIXTURES / "ownership" / "form3_text_1998.txt")
    assert f.filing.form_type == "3" and f.filing.event_date == dt.date(1998, 6, 15)
    rp = f.entity("rp:1")
    assert rp.kind == NodeKind.ORGANIZATION and rp.name == "SAMPLE CAPITAL PARTNERS LP"
    assert f.document["issuer"] == {"cik": None, "name": "Litware Sample Systems, Inc.", "trading_symbol": "LSSI"}
    assert [r.type for r in f.relations if r.source == "rp:1" and r.target == "issuer"] == [
        EdgeKind.TEN_PERCENT_OWNER_OF]
    (common,) = _holds(f, "Table I, row 1")
    assert common.props["shares"] == 1250000 and common.props["basis"] == "direct"
    assert "transaction_code" not in common.props and common.props["as_of"] == dt.date(1998, 6, 15)
    (pref,) = _holds(f, "Table II, row 1")
    assert f.entity(pref.target).prop("title") == "Series A Convertible Preferred Stock"
    assert pref.props["underlying_shares"] == 500000
    (conv,) = [r for r in f.relations if r.type == EdgeKind.CONVERTIBLE_INTO]
    assert f.entity(conv.target).name == "Common Stock" and conv.props["conversion_price"] == Decimal("4.00")
    row = f.document["derivative"][0]
    assert row["exercise_date"]["value"] == "Immed." and row["expiration_date"]["value"] == "None"
