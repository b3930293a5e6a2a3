"""XML Schedule 13D/13G, second held-out review (synthetic fixtures in tests/fixtures/xml13 modelled on real
filings): "Includes N shares issuable upon exercise of call options" as a partial component list, "Each of A
and B holds N shares", 13G Item 8 "See Exhibit 99.1" answered by an exhibit, 13D Item 5(c) transactions, and
the key prefix of Item 8 member entities."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes, load_path
from ownergraph.loaders._components import included_parts, stated_holdings
from ownergraph.queries.check import check

FIX = Path(__file__).parent / "fixtures" / "xml13"
CALLS = FIX / "13g_cover_includes_call_options.xml"
TX = FIX / "13d_each_of_and_item5c_transactions.xml"
EX_ATTACHED = FIX / "13g_item8_see_exhibit_attached.xml"
EX_SUBMISSION = FIX / "13g_item8_see_exhibit_submission.txt"
GROUP = FIX / "13g_item8_group_members.xml"


def _named(facts, name):
    (e,) = [e for e in facts.entities if e.name == name]
    return e


def _holds(facts, name, basis):
    key = _named(facts, name).key
    return [r for r in facts.relations if r.type == EdgeKind.HOLDS and r.source == key and r.props.get("basis") == basis]


def _members(facts):
    return {facts.entity(r.source).name: r for r in facts.relations if r.type == EdgeKind.MEMBER_OF_GROUP}


# ----------------------------------------------------------------- "Includes ... call options"


def test_includes_call_options_gives_a_partial_component_on_a_call_options_security():
    f = load_path(CALLS)
    (comp,) = _holds(f, "Quillmere Example Advisors LP", "component")
    sec = f.entity(comp.target)
    assert sec.name == "Call Options"
    assert comp.props["underlying_shares"] == Decimal("775800")
    assert comp.props["component_partial"] is True
    assert "issuable upon exercise of call options" in comp.prov.excerpt
    assert any(r.type == EdgeKind.ISSUED_BY and r.source == sec.key and r.target == "issuer" for r in f.relations)
    assert any(r.type == EdgeKind.CONVERTIBLE_INTO and r.source == sec.key and r.target == "sec:class"
               for r in f.relations)
    # 775,800 of an aggregate of 2,775,800: a partial list, so the check does not say the parts do not add up
    assert not [w for w in check(f) if w.code == "components"]


def test_a_partial_list_whose_parts_exceed_the_aggregate_still_warns():
    data = CALLS.read_bytes().replace(b"775,800 shares", b"3,775,800 shares")
    f = load_bytes(data, "calls.xml")
    (comp,) = _holds(f, "Quillmere Example Advisors LP", "component")
    assert comp.props["underlying_shares"] == Decimal("3775800")
    assert [w for w in check(f) if w.code == "components"]


def test_includes_in_a_cover_comment_is_that_cover_pages_persons():
    data = CALLS.read_bytes().replace(
        b"2,775,800 shares of Common Stock. The amount reported includes 775,800 shares of Common Stock issuable "
        b"upon exercise of call options.", b"See row 9 of the cover page.")
    f = load_bytes(data, "calls.xml")
    (comp,) = _holds(f, "Quillmere Example Advisors LP", "component")
    assert comp.prov.section == "cover page 1, comments"
    assert f.entity(comp.target).name == "Call Options"


def test_included_parts_reads_past_a_defined_term_parenthetical():
    (p,) = included_parts("Includes 775,800 shares of Common Stock (as defined in Item 2(a)) issuable upon "
                          "exercise of call options.")
    assert p["kind"] == "derivative" and p["underlying"] == Decimal("775800")
    assert included_parts("The Reporting Person owns 775,800 shares.") == []


# ----------------------------------------------------------------- "Each of A and B holds N shares"


def test_each_of_a_and_b_holds_gives_each_named_holder_the_shares():
    f = load_path(TX)
    for name in ("Brackwater Example Fund II, L.P.", "Brackwater Example Partners, L.P."):
        (comp,) = _holds(f, name, "component")
        assert comp.props["shares"] == Decimal("60000") and comp.target == "sec:class"
        assert comp.prov.section == "Item 5(a)"


def test_each_of_lists_names_with_entity_suffixes():
    got = stated_holdings("Each of Alder Example Fund, L.P., Birch Example Fund LLC and Cedar Example Trust "
                          "holds 1,000 shares of Common Stock.")
    assert [(h["holder"], h["shares"]) for h in got] == [
        ("Alder Example Fund, L.P.", Decimal("1000")), ("Birch Example Fund LLC", Decimal("1000")),
        ("Cedar Example Trust", Decimal("1000"))]
    # no names listed: nobody to give the shares to
    assert stated_holdings("Each of the Reporting Persons holds 1,000 shares of Common Stock.") == []


# ----------------------------------------------------------------- 13G Item 8 "See Exhibit 99.1"


def test_item8_see_exhibit_attached_inside_the_xml_gives_members():
    f = load_path(EX_ATTACHED)
    m = _members(f)
    assert set(m) == {"Sorrelby Example Capital LLC", "Sorrelby Example Master Fund Ltd.", "Ilsa Example-Marrow",
                      "Tamsin Example Partners LP"}
    assert m["Sorrelby Example Capital LLC"].props["classification"] == "IA"
    assert m["Tamsin Example Partners LP"].props["classification"] == "PN"
    assert {r.prov.section for r in m.values()} == {"Exhibit 99.1"}
    new = _named(f, "Tamsin Example Partners LP")
    assert new.key.startswith("grp:")


def test_item8_see_exhibit_as_a_document_of_the_submission_gives_members():
    f = load_path(EX_SUBMISSION)
    m = _members(f)
    assert m["Ilsa Example-Marrow"].props["classification"] == "IN"
    assert m["Ilsa Example-Marrow"].source == _named(f, "Ilsa Example-Marrow").key
    assert len(m) == 4
    assert f.document["item_8_members"]["found"] == 4


def test_item8_exhibit_that_is_a_joint_filing_agreement_gives_no_members():
    text = EX_SUBMISSION.read_text()
    head, _, _ = text.partition("                                  EXHIBIT 99.1")
    body = ("                                  EXHIBIT 99.1\n\n                             JOINT FILING AGREEMENT\n\n"
            "The undersigned hereby agree that this Schedule 13G is filed on behalf of each of them.\n\n"
            "SORRELBY EXAMPLE CAPITAL LLC\nILSA EXAMPLE-MARROW\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n")
    f = load_bytes((head + body).encode(), "jfa.txt")
    assert _members(f) == {}


def test_item8_inline_members_get_their_own_key_prefix():
    f = load_path(GROUP)
    new = _named(f, "Tamsin Example Partners LP")
    assert new.key.startswith("grp:") and not new.key.startswith("sig:")


# ----------------------------------------------------------------- 13D Item 5(c) transactions


def _tx(f, name):
    return sorted(_holds(f, name, "transaction"), key=lambda r: (r.props["transaction_date"], r.props["transaction_shares"]))


def test_item5c_sentences_give_transactions_with_date_shares_price_and_side():
    f = load_path(TX)
    fund = _tx(f, "Brackwater Example Fund II, L.P.")
    first = fund[0]
    assert first.props["transaction_date"] == dt.date(2026, 3, 3)
    assert first.props["transaction_shares"] == Decimal("25000")
    assert first.props["transaction_price"] == Decimal("4.10")
    assert first.props["acquired_disposed"] == "A"
    assert first.prov.section == "Item 5(c)" and first.target == "sec:class"
    assert "shares" not in first.props  # a trade, not a position
    (sale, dist) = _tx(f, "Brackwater Example Partners, L.P.")
    assert sale.props["acquired_disposed"] == "D" and sale.props["transaction_price"] == Decimal("4.35")
    # "On March 7, 2026, in connection with a distribution ..., Fund II received 1,200 ... and Brackwater
    # Partners received 800 ...": one date, one transaction per holder, no price stated
    assert dist.props["transaction_date"] == dt.date(2026, 3, 7) and dist.props["transaction_shares"] == Decimal("800")
    assert "transaction_price" not in dist.props


def test_item5c_table_rows_give_transactions_of_the_holder_the_intro_names():
    f = load_path(TX)
    rows = [r for r in _tx(f, "Brackwater Example Fund II, L.P.") if r.props["transaction_date"] >= dt.date(2026, 3, 10)]
    assert [(r.props["transaction_date"], r.props["transaction_shares"], r.props["transaction_price"],
             r.props["acquired_disposed"]) for r in rows] == [
        (dt.date(2026, 3, 10), Decimal("10000"), Decimal("4.20"), "A"),
        (dt.date(2026, 3, 12), Decimal("7500"), Decimal("4.25"), "A")]
    assert all(r.prov.section == "Item 5(c)" for r in rows)


def test_item5c_sold_column_and_holder_column():
    data = TX.read_bytes().replace(
        b"Trade Date\tShares Purchased\tPrice Per Share\n03/10/2026\t10,000\t$4.20\n03/12/2026\t7,500\t$4.25",
        b"Reporting Person\tDate\tShares Sold\tPrice\nBrackwater Partners\t03/11/2026\t2,000\t$4.40")
    f = load_bytes(data, "tx.xml")
    (row,) = [r for r in _tx(f, "Brackwater Example Partners, L.P.") if r.props["transaction_date"] == dt.date(2026, 3, 11)]
    assert row.props["acquired_disposed"] == "D" and row.props["transaction_shares"] == Decimal("2000")


def test_item5c_option_trades_are_not_trades_in_the_class():
    data = TX.read_bytes().replace(b"sold 5,000 shares of Common Stock", b"sold 5,000 call options")
    f = load_bytes(data, "tx.xml")
    assert not [r for r in _tx(f, "Brackwater Example Partners, L.P.") if r.props["transaction_date"] == dt.date(2026, 3, 5)]


def test_transactions_are_no_interest_in_the_bods_export(store):
    from ownergraph.graph.bods import export_bods

    store.add(load_path(TX))
    out = export_bods(store, publication_date=dt.date(2026, 4, 1))
    details = [i.get("details", "") for s in out if s["recordType"] == "relationship"
               for i in s["recordDetails"].get("interests", [])]
    assert details  # the beneficial positions are interests
    assert not [d for d in details if "transaction" in d]  # the trades are not


def test_shared_readers_take_swiss_and_european_counts():
    """The component and denominator readers (both loaders) read counts as the classic cover reader does."""
    from ownergraph.loaders._components import stated_holdings
    from ownergraph.loaders._denominator import parse_denominator

    assert parse_denominator("based on 5'288'262 Shares outstanding as of March 1, 2026").outstanding == 5288262
    assert parse_denominator("based on 35.324.685 Shares outstanding").outstanding == 35324685
    assert [h["shares"] for h in stated_holdings("Example Fund holds 1'250'000 Shares.")] == [1250000]
    assert parse_denominator("based on 1.234 shares outstanding") is None  # a lone 1.234 is no count


def test_an_item_stating_a_swiss_count_gives_its_component():
    from test_schedule13_xml_heldout import COMPONENTS, _components

    raw = COMPONENTS.read_bytes()
    assert b"Fund II holds 150,000 shares of Common Stock" in raw
    f = load_bytes(raw.replace(b"Fund II holds 150,000 shares of Common Stock",
                               b"Fund II holds 150'000 shares of Common Stock"), "swiss.xml")
    got = {f.entity(r.target).name: r.props.get("shares") for r in _components(f, "Harrowgate Example Fund II, L.P.")}
    assert got["Common Stock, par value $0.001 per share"] == 150000
