"""Forms 3/4/5 loader on the project's own fixtures (tests/fixtures/ownership) and bad input."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from decimal import Decimal

import pytest

from ownergraph.errors import LoadError
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.graph.view import graph_view
from ownergraph.loaders import detect, load_bytes, load_path
from ownergraph.loaders.ownership import OwnershipDocument, display_name, holder_from_nature, looks_like_org
from ownergraph.queries.canned import holdings
from ownergraph.queries.control import who_controls

from conftest import FIXTURES

OWN = FIXTURES / "ownership"


def _rels(facts, kind, **props):
    return [r for r in facts.relations if r.type == kind and all(r.props.get(k) == v for k, v in props.items())]


def _by_section(facts, section):
    return [r for r in facts.relations if r.type == EdgeKind.HOLDS and r.prov.section == section]


# ----------------------------------------------------------------- Form 4/A, LLC chain, footnote-only cells


def test_form4a_is_an_amendment_with_its_original_date():
    f = load_path(OWN / "form4a_llc_chain.xml")
    assert f.filing.form_type == "4/A" and f.filing.is_amendment and f.filing.family == "ownership"
    assert f.filing.event_date == dt.date(2024, 6, 3) and f.filing.signed_date == dt.date(2024, 6, 7)
    assert f.document["date_of_original_submission"] == "2024-06-05"
    OwnershipDocument.model_validate(f.document)  # the document is the declared model


def test_reporting_owner_names_and_title_from_remarks():
    f = load_path(OWN / "form4a_llc_chain.xml")
    rp = f.entity(f.filing.filer_keys[0])
    assert rp.kind == NodeKind.PERSON and rp.name == "Adaeze N Okafor"
    assert rp.aliases == ["OKAFOR ADAEZE N"] and rp.prop("name_as_filed") == "OKAFOR ADAEZE N"
    assert rp.cik == "0009990002" and "BOSTON" in rp.prop("address")
    (off,) = _rels(f, EdgeKind.OFFICER_OF)
    assert off.props == {"title": "Chief Operating Officer", "title_as_filed": "See Remarks"}
    assert _rels(f, EdgeKind.DIRECTOR_OF) and not _rels(f, EdgeKind.TEN_PERCENT_OWNER_OF)


def test_fractional_and_footnote_only_values():
    f = load_path(OWN / "form4a_llc_chain.xml")
    (row1,) = _by_section(f, "Table I, row 1")
    assert row1.props["shares"] == Decimal("98765.4321") and row1.props["transaction_shares"] == Decimal("1250.5")
    assert "transaction_price" not in row1.props  # footnote-only price: no value, never 0
    assert row1.props["transaction_price_footnote"] == "see footnote F2"
    assert row1.props["basis"] == "direct" and row1.props["as_of"] == dt.date(2024, 6, 3)
    (spouse,) = _by_section(f, "Table I, row 3")
    assert "shares" not in spouse.props and spouse.props["shares_footnote"] == "see footnote F4"
    assert spouse.props["nature"] == "By Spouse" and spouse.source == f.filing.filer_keys[0]
    cell = f.document["non_derivative"][2]["owned_after"]
    assert cell == {"value": None, "footnotes": ["F4"]}


def test_indirect_holding_by_named_llc_builds_the_chain():
    f = load_path(OWN / "form4a_llc_chain.xml")
    (row,) = _by_section(f, "Table I, row 2")
    llc = f.entity(row.source)
    assert llc.name == "Harbor Lane Capital, LLC" and llc.kind == NodeKind.ORGANIZATION
    assert row.props["shares"] == Decimal(2000000) and row.props["basis"] == "indirect"
    assert row.props["transaction_price"] == Decimal("12.3456") and row.props["transaction_price_footnote"]
    (ctl,) = _rels(f, EdgeKind.CONTROLS)
    assert (ctl.source, ctl.target) == (f.filing.filer_keys[0], row.source)
    assert ctl.props == {"stated": True, "basis": "managing member"}
    assert ctl.prov.section == "footnote F1" and "sole managing member" in ctl.prov.excerpt


def test_each_row_is_held_by_the_fund_its_nature_cell_names():
    """One footnote pair on every row describes the whole fund family and mentions one fund's shares in
    passing; the holder of each row is the fund its own nature-of-ownership cell names."""
    f = load_path(OWN / "form3_shared_footnote_named_funds.xml")
    want = {"Table I, row 1": "Orchard Ridge Growth Fund II, L.P.", "Table I, row 2": "Orchard Ridge Principals Fund, L.P.",
            "Table II, row 1": "Orchard Ridge Venture Partners IV, L.P."}
    for section, fund in want.items():
        rows = _by_section(f, section)
        holders = {f.entity(r.source).name for r in rows}
        assert fund in holders, section
        assert holders <= {fund, "Mira Vanterpool"}, section  # never the fund another footnote sentence names
        rp_row = next(r for r in rows if r.source == f.filing.filer_keys[0])
        assert rp_row.props["held_by"] == fund
    assert not [e for e in f.entities if e.name in ("ORF II", "the ORF II")]


def test_two_option_grants_are_two_instruments():
    f = load_path(OWN / "form4a_llc_chain.xml")
    (a,) = _by_section(f, "Table II, row 1")
    (b,) = _by_section(f, "Table II, row 2")
    assert a.target != b.target
    sa, sb = f.entity(a.target), f.entity(b.target)
    assert sa.prop("title") == sb.prop("title") == "Stock Option (Right to Buy)"
    assert sa.prop("conversion_price") == Decimal("4.10") and sb.prop("exercise_date") == dt.date(2022, 1, 1)
    assert a.props["shares"] == Decimal(150000) and a.props["underlying_shares"] == Decimal(150000)
    assert a.props["transaction_underlying_shares"] == Decimal(50000)
    conv = [r for r in _rels(f, EdgeKind.CONVERTIBLE_INTO) if r.source == a.target]
    assert conv and f.entity(conv[0].target).name == "Common Stock"
    assert conv[0].props["expiration_date"] == dt.date(2034, 6, 2)
    assert "exercise_date" not in conv[0].props and conv[0].props["exercise_date_footnote"] == "see footnote F5"


def test_llc_chain_in_the_store(store):
    f = load_path(OWN / "form4a_llc_chain.xml")
    store.add(f)
    g = graph_view(store)
    person = "cik:0009990002"
    assert g.nodes[person]["name"] == "Adaeze N Okafor"
    llc = next(n for n, d in g.nodes(data=True) if d.get("name") == "Harbor Lane Capital, LLC")
    rows = holdings(g, llc)
    assert [Decimal(r["shares"]) for r in rows] == [2000000]
    rep = who_controls(g, "cik:0009990001")
    names = {p.name for p in rep.controllers + rep.significant + rep.reportable + rep.holders}
    assert "Harbor Lane Capital, LLC" in names or "Adaeze N Okafor" in names


# ----------------------------------------------------------------- Form 5, several reporting owners


def test_joint_form5_record_holder_and_gp_chain():
    f = load_path(OWN / "form5_multi_owner_fund.xml")
    fund, gp, person = f.filing.filer_keys
    assert [f.entity(k).kind for k in (fund, gp, person)] == [NodeKind.ORGANIZATION, NodeKind.ORGANIZATION,
                                                              NodeKind.PERSON]
    assert f.entity(person).name == "John Robert Vanterpool Jr"
    # the footnote names the fund (a reporting owner) as record holder: only it holds the rows
    for section in ("Table I, row 1", "Table II, row 1"):
        assert [r.source for r in _by_section(f, section)] == [fund]
    ctl = {(r.source, r.target, r.props["basis"]) for r in _rels(f, EdgeKind.CONTROLS)}
    assert ctl == {(gp, fund, "general partner"), (person, gp, "managing member")}
    # "Member of 10% group" in Other: a ten-percent edge carrying the text
    ten = {r.source: r.props for r in _rels(f, EdgeKind.TEN_PERCENT_OWNER_OF)}
    assert set(ten) == {fund, gp, person} and ten[person] == {"title": "Member of 10% group"}
    assert f.entity(person).prop("other_relationship") == "Member of 10% group"


def test_derivative_holding_with_footnote_only_expiration():
    f = load_path(OWN / "form5_multi_owner_fund.xml")
    (w,) = _by_section(f, "Table II, row 1")
    assert w.props["shares"] == Decimal(600000) and w.props["underlying_shares"] == Decimal(600000)
    (conv,) = [r for r in _rels(f, EdgeKind.CONVERTIBLE_INTO) if r.source == w.target]
    assert conv.props["conversion_price"] == Decimal("2.50") and conv.props["ratio"] == 1
    assert "expiration_date" not in conv.props and conv.props["expiration_date_footnote"] == "see footnote F2"
    assert f.document["form4_transactions_reported"] is False


def test_joint_form5_who_controls(store):
    store.add(load_path(OWN / "form5_multi_owner_fund.xml"))
    rep = who_controls(graph_view(store), "cik:0009990011")
    parties = {p.name: p for p in rep.controllers + rep.significant + rep.reportable + rep.holders}
    assert "Alder Growth Fund, L.P." in parties
    top = parties.get("John Robert Vanterpool Jr")
    assert top is not None and top.chains
    assert top.chains[0].path[:3] == ["cik:0009990014", "cik:0009990013", "cik:0009990012"]


# ----------------------------------------------------------------- older / namespaced variants


def test_namespaced_old_layout_without_value_wrappers():
    f = load_path(OWN / "form3_namespaced_oldschema.xml")
    assert f.filing.form_type == "3"
    rp = f.entity(f.filing.filer_keys[0])
    assert rp.name == "Mary-Kate O'Brien" and rp.cik == "9990022"
    (row,) = _by_section(f, "Table I, row 1")
    assert row.props["shares"] == Decimal(1500) and row.props["basis"] == "direct"
    assert f.entity(row.target).name == "Common Stock, $1 par value"


# ----------------------------------------------------------------- names


@pytest.mark.parametrize("filed,shown", [
    ("THIEL PETER", "Peter Thiel"),
    ("McGuirk Richard L", "Richard L McGuirk"),
    ("Eschenbach Carl M.", "Carl M. Eschenbach"),
    ("Foster, Alan H.", "Alan H. Foster"),
    ("AULT MILTON C III", "Milton C Ault III"),
    ("MCDONALD JAMES JR", "James McDonald Jr"),
    ("Jean-Claude Carine Lamercie", "Carine Lamercie Jean-Claude"),
])
def test_display_name(filed, shown):
    assert display_name(filed) == shown


def test_org_detection_and_nature_holders():
    assert looks_like_org("MITHRIL II LP") and looks_like_org("Alder Growth Fund, L.P.")
    assert not looks_like_org("McGuirk Richard L") and not looks_like_org("Royan Ajay")
    assert holder_from_nature("By DM Trust Aggregator, LLC") == ("DM Trust Aggregator, LLC", None)
    assert holder_from_nature(
        "Eschenbach Family Trust dtd 4/15/2014, Carl Eschenbach Jr and Ana Eschenbach TTEE"
    ) == ("Eschenbach Family Trust", "trustee")
    for generic in ("By Trust", "Trust", "By Fund", "Held by LLC", "Held by minor child", "See Footnote",
                    "Limited Partnership", "By Spouse", "By 401(k) Plan"):
        assert holder_from_nature(generic) == (None, None), generic


# ----------------------------------------------------------------- bad input


def test_bad_documents_are_clear_load_errors(tmp_path):
    good = (OWN / "form4a_llc_chain.xml").read_bytes()
    cases = {
        "no_type.xml": good.replace(b"<documentType>4/A</documentType>", b""),
        "no_owner.xml": good.replace(b"<rptOwnerCik>0009990002</rptOwnerCik>", b"").replace(
            b"<rptOwnerName>OKAFOR ADAEZE N</rptOwnerName>", b""),
        "entities.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><ownershipDocument>'
                        b"<documentType>4</documentType>&a;</ownershipDocument>",
        "garbage.xml": b"<ownershipDocument><documentType>4<<<>>></",
    }
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        with pytest.raises(LoadError) as ei:
            load_path(p)
        assert str(p) in str(ei.value), name


def test_truncated_document_recovers_with_a_warning():
    good = (OWN / "form4a_llc_chain.xml").read_bytes()
    cut = good.replace(b"</ownershipDocument>", b"</ownershipDoc")
    f = load_bytes(cut, "cut.xml")
    assert any("recovered" in w for w in f.warnings)
    assert len(_rels(f, EdgeKind.HOLDS)) == 5


def test_sniff_is_about_content():
    data = (OWN / "form5_multi_owner_fund.xml").read_bytes()
    assert detect(data).name == "ownership"
    wrapped = b"<SEC-DOCUMENT>0000000000-24-000001.txt\n<DOCUMENT>\n<TYPE>5\n<TEXT>\n<XML>\n" + data + \
        b"\n</XML>\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    from ownergraph.loaders.ownership import sniff

    assert sniff(wrapped) == 0.0 and sniff(data) > 0.5


# ----------------------------------------------------------------- footnote chains in the shapes filers write them

_TEMPLATE = """<?xml version="1.0"?>
<ownershipDocument><schemaVersion>X0508</schemaVersion><documentType>4</documentType>
<periodOfReport>2024-01-02</periodOfReport>
<issuer><issuerCik>0009990051</issuerCik><issuerName>Sample Issuer Corp</issuerName>
<issuerTradingSymbol>SMPL</issuerTradingSymbol></issuer>
<reportingOwner><reportingOwnerId><rptOwnerCik>0009990052</rptOwnerCik><rptOwnerName>SMITH JOHN A</rptOwnerName>
</reportingOwnerId><reportingOwnerRelationship><isDirector>1</isDirector></reportingOwnerRelationship></reportingOwner>
<nonDerivativeTable><nonDerivativeHolding><securityTitle><value>Common Stock</value></securityTitle>
<postTransactionAmounts><sharesOwnedFollowingTransaction><value>1000</value></sharesOwnedFollowingTransaction>
</postTransactionAmounts><ownershipNature><directOrIndirectOwnership><value>I</value></directOrIndirectOwnership>
<natureOfOwnership><value>{nature}</value><footnoteId id="F1"/></natureOfOwnership></ownershipNature>
</nonDerivativeHolding></nonDerivativeTable>
<footnotes><footnote id="F1">{footnote}</footnote></footnotes>
</ownershipDocument>"""


@pytest.mark.parametrize("nature,footnote,holder,chain", [
    ("By Trust", "The shares are held by the John A. Smith Revocable Trust, of which the Reporting Person is trustee.",
     "John A. Smith Revocable Trust", [("John A Smith", "John A. Smith Revocable Trust", "trustee")]),
    ("See footnote", "Shares held by Smith Capital Partners, L.P. (&quot;SCP&quot;). Smith Capital GP, LLC is the "
     "general partner of SCP, and the Reporting Person is the managing member of Smith Capital GP, LLC.",
     "Smith Capital Partners, L.P.", [("Smith Capital GP, LLC", "Smith Capital Partners, L.P.", "general partner"),
                                      ("John A Smith", "Smith Capital GP, LLC", "managing member")]),
    ("By Foundation", "Held by the Smith Family Foundation, a charitable foundation of which the reporting person "
     "serves as president and a director.", "Smith Family Foundation",
     [("John A Smith", "Smith Family Foundation", "officer")]),
    ("By Trust", "The reporting person is a co-trustee of the Smith 2012 Irrevocable Trust, which holds these shares.",
     "Smith 2012 Irrevocable Trust", [("John A Smith", "Smith 2012 Irrevocable Trust", "trustee")]),
    ("By LLC", "The Reporting Person is the sole member of Blue Owl Holdings LLC, which directly holds the shares.",
     "Blue Owl Holdings LLC", [("John A Smith", "Blue Owl Holdings LLC", "sole member")]),
    ("By LP", "Shares are owned by Gamma Partners LP. The reporting person is the sole shareholder of Gamma GP Inc., "
     "the general partner of Gamma Partners LP.", "Gamma Partners LP",
     [("John A Smith", "Gamma GP Inc.", "sole owner"), ("Gamma GP Inc.", "Gamma Partners LP", "general partner")]),
    ("By Fund", "These securities are held directly by Acme Ventures Fund III, L.P. (&quot;Fund III&quot;). Acme "
     "Ventures Management III, LLC (&quot;AVM III&quot;), the general partner of Fund III, may be deemed to share "
     "voting and dispositive power over the shares held by Fund III. The Reporting Person is the sole managing member "
     "of AVM III.", "Acme Ventures Fund III, L.P.",
     [("Acme Ventures Management III, LLC", "Acme Ventures Fund III, L.P.", "general partner"),
      ("John A Smith", "Acme Ventures Management III, LLC", "managing member")]),
])
def test_footnote_chains(nature, footnote, holder, chain):
    f = load_bytes(_TEMPLATE.format(nature=nature, footnote=footnote).encode(), "chain.xml")
    (row,) = _rels(f, EdgeKind.HOLDS)
    assert f.entity(row.source).name == holder and row.props["shares"] == 1000
    got = {(f.entity(r.source).name, f.entity(r.target).name, r.props["basis"])
           for r in f.relations if r.type == EdgeKind.CONTROLS}
    assert got == set(chain)
    assert all(r.props["stated"] is True and r.prov.section == "footnote F1"
               for r in f.relations if r.type == EdgeKind.CONTROLS)


@pytest.mark.parametrize("nature,footnote", [
    ("By Spouse", "Represents shares held by the reporting person's spouse."),
    ("By GRAT", "Shares held in a grantor retained annuity trust for the benefit of the reporting person's children."),
    ("By IRA", "The reporting person disclaims beneficial ownership of the shares held by his spouse's IRA."),
])
def test_unnamed_indirect_holders_stay_with_the_reporting_person(nature, footnote):
    f = load_bytes(_TEMPLATE.format(nature=nature, footnote=footnote).encode(), "plain.xml")
    (row,) = _rels(f, EdgeKind.HOLDS)
    assert row.source == "rp:1" and row.props["nature"] == nature and row.props["basis"] == "indirect"
    assert not [r for r in f.relations if r.type == EdgeKind.CONTROLS]


# ----------------------------------------------------------------- generated documents (hypothesis)

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_amount = st.one_of(
    st.none(),  # footnote-only cell
    st.decimals(min_value=0, max_value=10**12, places=0, allow_nan=False, allow_infinity=False),
    st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False),
)


def _cell_xml(tag: str, value, fn: str | None) -> str:
    inner = f"<value>{value}</value>" if value is not None else ""
    note = f'<footnoteId id="{fn}"/>' if fn else ""
    return f"<{tag}>{inner}{note}</{tag}>"


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(_amount, _amount, st.sampled_from(["D", "I"]), st.booleans()), min_size=1,
                     max_size=6))
def test_generated_rows_keep_exact_values(rows):
    body = []
    for i, (owned, shares, di, is_txn) in enumerate(rows, start=1):
        owned_xml = _cell_xml("sharesOwnedFollowingTransaction", owned, "F1" if owned is None else None)
        nature = "<natureOfOwnership><value>By Trust</value></natureOfOwnership>" if di == "I" else ""
        own = (f"<postTransactionAmounts>{owned_xml}</postTransactionAmounts><ownershipNature>"
               f"<directOrIndirectOwnership><value>{di}</value></directOrIndirectOwnership>{nature}</ownershipNature>")
        if is_txn:
            body.append(
                "<nonDerivativeTransaction><securityTitle><value>Common Stock</value></securityTitle>"
                f"<transactionDate><value>2024-01-{i:02d}</value></transactionDate><transactionCoding>"
                "<transactionFormType>4</transactionFormType><transactionCode>P</transactionCode>"
                "<equitySwapInvolved>0</equitySwapInvolved></transactionCoding><transactionAmounts>"
                + _cell_xml("transactionShares", shares, "F2" if shares is None else None)
                + "<transactionPricePerShare><footnoteId id=\"F2\"/></transactionPricePerShare>"
                "<transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode>"
                f"</transactionAmounts>{own}</nonDerivativeTransaction>")
        else:
            body.append("<nonDerivativeHolding><securityTitle><value>Common Stock</value></securityTitle>"
                        f"{own}</nonDerivativeHolding>")
    xml = _TEMPLATE.replace(
        _TEMPLATE[_TEMPLATE.index("<nonDerivativeTable>"):_TEMPLATE.index("<footnotes>")],
        "<nonDerivativeTable>" + "".join(body) + "</nonDerivativeTable>",
    ).format(footnote="A footnote.").replace("</footnotes>", '<footnote id="F2">Another.</footnote></footnotes>')
    f = load_bytes(xml.encode(), "generated.xml")
    for i, (owned, shares, di, is_txn) in enumerate(rows, start=1):
        (h,) = _by_section(f, f"Table I, row {i}")
        assert h.source == "rp:1" and h.props["basis"] == ("indirect" if di == "I" else "direct")
        if owned is None:
            assert "shares" not in h.props and h.props["shares_footnote"] == "see footnote F1"
        else:
            assert h.props["shares"] == owned  # exact Decimal, fractional digits kept
        if is_txn:
            assert "transaction_price" not in h.props and h.props["transaction_price_footnote"] == "see footnote F2"
            assert h.props.get("transaction_shares") == shares
            assert h.props["as_of"] == dt.date(2024, 1, i)


def test_mutated_documents_never_crash_the_loaders():
    """Seeded mutations of the project's fixtures: every loader of this module family either reads the bytes
    or refuses them with a LoadError; no internal error escapes (regressions found by fuzzing)."""
    import random

    from ownergraph.errors import OwnergraphError
    from ownergraph.loaders import loaders

    lds = [loaders()[n] for n in ("ownership", "form4_text", "ex21", "form13f_table", "form13f_cover")]
    files = sorted(p for d in ("ownership", "13f", "ex21") for p in (FIXTURES / d).iterdir())
    rnd = random.Random(20261123)
    inserts = [b"<", b">", b"</value>", b"\xff", b"\x00", b"&amp;", b" is the general partner of ", b"(", b'"',
               b"\xe2\x80\x9c", b"|", b"\n", b"2/30/99", b"9" * 50, b"\xc2\xb2", b"13 9" * 10 + b"/8"]
    for _ in range(400):
        data = bytearray(rnd.choice(files).read_bytes())
        for _ in range(rnd.randint(1, 6)):
            i = rnd.randrange(len(data))
            op = rnd.random()
            if op < 0.3:
                del data[i:i + rnd.randint(1, 40)]
            elif op < 0.7:
                data[i:i] = rnd.choice(inserts)
            else:
                data[i] = rnd.randrange(256)
        for ld in lds:
            try:
                ld.parse(bytes(data), "mutated")
            except OwnergraphError:
                pass


@pytest.mark.parametrize("text, expected", [
    # a middle initial does not end the sentence...
    ("The shares are held by the Michael P. Scarpelli 2019 Grantor Retained Annuity Trust for which the "
     "Reporting Person is a beneficiary.",
     ["The shares are held by the Michael P. Scarpelli 2019 Grantor Retained Annuity Trust for which the "
      "Reporting Person is a beneficiary."]),
    # ...but a partnership's "L.P." after a verb does
    ("The shares are held by Fund II, L.P. Mr. X is the managing member of Fund II GP, LLC.",
     ["The shares are held by Fund II, L.P.", "Mr. X is the managing member of Fund II GP, LLC."]),
])
def test_footnote_sentences_initials_and_legal_suffixes(text, expected):
    from ownergraph.loaders.ownership import sentences

    assert sentences(text) == expected


def test_trust_named_after_a_person_with_a_middle_initial(shared_filings):
    # Snowflake Form 4, footnote F8: "held by the Michael P. Scarpelli 2019 Grantor Retained Annuity Trust"
    f = load_path(shared_filings / "form345_xml" / "form4_Snowflake_Scarpelli.xml")
    holders = {f.entity(r.source).name: f.entity(r.source).kind for r in f.relations if r.type == EdgeKind.HOLDS}
    assert holders.get("Michael P. Scarpelli 2019 Grantor Retained Annuity Trust") == NodeKind.ORGANIZATION
    assert "Michael P." not in holders


def test_enumerated_control_chains_and_a_second_role_in_footnotes():
    # "X is (i) the GP of A, which is the GP of each of B and C; (ii) ...; and (iii) ...": every item is X's;
    # "Heron Peak (Bermuda), Ltd." keeps its parenthesis, "Fund III, L.P. (HPG III)" loses the abbreviation,
    # an object ending in "L.P." keeps its full stop, and ", and the managing member of F" is a second role
    f = load_path(OWN / "form3_enumerated_gp_chains.xml")
    got = {(f.entity(r.source).name, f.entity(r.target).name, r.props["basis"])
           for r in _rels(f, EdgeKind.CONTROLS)}
    hp = "Heron Peak (Bermuda), Ltd."
    assert {
        (hp, "HP Growth III Management, L.P.", "general partner"),
        ("HP Growth III Management, L.P.", "Heron Peak Growth Fund III, L.P.", "general partner"),
        ("HP Growth III Management, L.P.", "Heron Peak Growth III Partners Fund, L.P.", "general partner"),
        (hp, "HP Global Management, L.P.", "general partner"),
        ("HP Global Management, L.P.", "Heron Peak Global Fund, LP", "general partner"),
        ("HP Global Management, L.P.", "Heron Peak Global Partners Fund, LP", "general partner"),
        (hp, "HP Seed Management, L.P.", "general partner"),
        ("HP Seed Management, L.P.", "Heron Peak Seed Fund, L.P.", "general partner"),
        ("HP VIII Management, LLC", "Heron Peak VIII, L.P.", "general partner"),
        ("HP VIII Management, LLC", "Heron Peak Builders VIII, L.P.", "general partner"),
        ("HP VIII Management, LLC", "Heron Peak VIII Partners Fund, LLC", "managing member"),
    } <= got
    names = {e.name for e in f.entities}
    assert not [n for n in names if "collectively" in n or n.endswith(")") or n.endswith("L.P")]


def test_nature_holder_is_the_owner_named_with_an_edgar_state_tag():
    """'CONTOSO STREET PARTNERS LP /MN' (a reporting owner as EDGAR conforms it) and 'By Contoso Street
    Partners, L.P.' (the rows' nature of ownership) are one partnership, not two entities.  Found on a real
    joint Form 4 (a director and his fund)."""
    f = load_path(Path(__file__).parent / "fixtures" / "ownership" / "form4_owner_edgar_state_suffix.xml")
    orgs = [e for e in f.entities if e.kind == NodeKind.ORGANIZATION]
    assert sorted(e.name for e in orgs) == ["CONTOSO STREET PARTNERS LP /MN", "LITWARE SURGICAL INC"]
    holders = {r.source for r in f.relations if r.type == EdgeKind.HOLDS}
    assert "rp:2" in holders and not any(k.startswith("ent:") for k in holders)


# ----------------------------------------------------------------- a reporting owner is the row's record holder


def test_reporting_owner_named_as_record_holder_holds_directly():
    """"By Kestrel Bay Partners, L.P." names a co-filer: it holds the row directly (basis "direct", the as-filed
    flag in ownership); the director no statement links to the fund keeps the indirect row (held_by); the GP's
    managing member (linked by the footnote's chain) and the sibling fund and the GP (organizations) do not."""
    f = load_path(OWN / "form4_owner_is_record_holder.xml")
    person, fund, sibling, gp, member = f.filing.filer_keys
    by_src = {r.source: r for r in _by_section(f, "Table I, row 1")}
    assert set(by_src) == {fund, person}
    own = by_src[fund].props
    assert own["basis"] == "direct" and own["ownership"] == "I" and own["nature"] == "By Kestrel Bay Partners, L.P."
    assert "held_by" not in own and own["shares"] == Decimal(412000)
    ind = by_src[person].props
    assert ind["basis"] == "indirect" and ind["held_by"] == f.entity(fund).name and ind["shares"] == Decimal(412000)
    # the sibling fund's own row: both natural persons keep it (no statement links either to it), no organization
    by_src = {r.source: r for r in _by_section(f, "Table I, row 2")}
    assert set(by_src) == {sibling, person, member}
    assert by_src[sibling].props["basis"] == "direct" and by_src[member].props["held_by"] == f.entity(sibling).name
    ctl = {(r.source, r.target) for r in _rels(f, EdgeKind.CONTROLS)}
    assert ctl == {(gp, fund), (member, gp)}


def test_owner_address_parts_filed_with_their_own_commas_join_once():
    """'LONDON,' and 'C/O HARBOUR TRUST LIMITED,' are joined with one comma each; a '-' postal code is left
    out; an owner without an address gets none."""
    f = load_path(OWN / "form4_owner_address_commas.xml")
    fund, adviser, person = (f.entity(k) for k in f.filing.filer_keys)
    assert fund.prop("address") == "C/O HARBOUR TRUST LIMITED, 12 QUAY STREET, ST. PETER PORT, Y7, GY1 2AB, GUERNSEY"
    assert adviser.prop("address") == "40 MARYLEBONE LANE, LONDON, X0, UNITED KINGDOM"
    assert person.prop("address") is None and ",," not in fund.prov.excerpt
    assert f.document["reporting_owners"][1]["city"] == "LONDON,"  # the document keeps the part as filed


def test_conversion_ratio_stated_in_words():
    """"convertible ... into one share of Class A Common Stock" and "a contingent right to receive one share"
    give ratio 1 on the instrument's CONVERTIBLE_INTO edge; "one or more shares" gives none."""
    f = load_path(OWN / "form4_ratio_in_words.xml")
    conv = {f.entity(r.source).prop("title"): r for r in _rels(f, EdgeKind.CONVERTIBLE_INTO)}
    assert set(conv) == {"Class B Common Stock", "Restricted Stock Units", "Performance Share Units"}
    for title in ("Class B Common Stock", "Restricted Stock Units"):
        assert conv[title].props["ratio"] == 1, title
        assert "one share" in conv[title].props["conversion_terms"]
        assert f.entity(conv[title].target).name == "Class A Common Stock"
    assert "ratio" not in conv["Performance Share Units"].props
    assert "conversion_terms" not in conv["Performance Share Units"].props


def test_footnote_subsidiary_controlling_stockholder_and_appointed_manager():
    """"Pinecrest Casualty Company, a subsidiary of Marlowe Holdings Inc." (the parent controls it), "Alma R.
    Quintero, as the controlling stockholder of Marlowe" and "Marlowe Advisers Limited, which has been appointed
    as manager ... of Marlowe Opportunity Fund L.P.'s investments" are CONTROLS edges between the reporting owners
    and the holder; "a subsidiary of the Issuer" gives none."""
    f = load_path(OWN / "form3_subsidiary_controller_manager.xml")
    holdings_co, person, adviser, fund = f.filing.filer_keys
    ctl = {(f.entity(r.source).name, f.entity(r.target).name, r.props["basis"]) for r in _rels(f, EdgeKind.CONTROLS)}
    assert ctl == {
        ("MARLOWE HOLDINGS INC", "Pinecrest Casualty Company", "subsidiary"),
        ("Alma R Quintero", "MARLOWE HOLDINGS INC", "controlling stockholder"),
        ("Marlowe Advisers Ltd", "MARLOWE OPPORTUNITY FUND L.P.", "manager"),
    }
    assert all(r.props["stated"] for r in _rels(f, EdgeKind.CONTROLS))
    # the subsidiary holds the row; the chain above it is reached through the CONTROLS edges
    assert [f.entity(r.source).name for r in _by_section(f, "Table I, row 1")] == ["Pinecrest Casualty Company"]
    assert not [e for e in f.entities if e.name in ("Issuer", "the Issuer", "Tallis Re Ltd.")]


def test_footnote_controlled_by_statements():
    """"Tamsin Holdings is controlled by an entity that is controlled by the reporting person and the reporting
    person's spouse" makes the reporting person the (indirect) controller of the holder; "Orrin Ventures LP is
    controlled by Brightwater Partners LLC" is a CONTROLS edge from the named controller.  The issuer is never
    the controlled entity."""
    f = load_path(OWN / "form4_controlled_by_footnotes.xml")
    ctl = {(f.entity(r.source).name, f.entity(r.target).name, r.props["basis"]) for r in _rels(f, EdgeKind.CONTROLS)}
    assert ("Odette Varga", "Tamsin Holdings, LLC", "indirectly controlled by") in ctl
    assert ("Brightwater Partners LLC", "Orrin Ventures LP", "controlled by") in ctl
    assert ("Odette Varga", "Brightwater Partners LLC", "wholly owns") in ctl
    assert all(r.props["stated"] for r in _rels(f, EdgeKind.CONTROLS))
    assert not [r for r in _rels(f, EdgeKind.CONTROLS) if r.target == "issuer"]
    assert not [e for e in f.entities if e.name.lower().startswith(("an entity", "the reporting", "no single"))]


def test_footnote_one_of_the_managing_members_and_first_clause_power_subject():
    """"The Reporting Person is one of the managing members of X, which is the general partner of Y" is a chain
    (the reporting person -> X -> Y), as "is the managing member of" is; "The Reporting Person is the beneficial
    owner of Z and has sole voting and investment power over the securities held by Z" makes the reporting
    person control Z (the subject of the first clause is the subject of the power statement)."""
    f = load_path(OWN / "form3_one_of_managing_members.xml")
    ctl = {(f.entity(r.source).name, f.entity(r.target).name, r.props["basis"]) for r in _rels(f, EdgeKind.CONTROLS)}
    assert ctl == {
        ("Ansel Kestrel", "Ansel Heron Investments LLC", "voting and investment power"),
        ("Ansel Kestrel", "Corvid Ventures III Management, LLC", "managing member"),
        ("Corvid Ventures III Management, LLC", "Corvid Ventures III, LP", "general partner"),
    }
    # each fund holds its row; the chain reaches it, so the reporting person keeps no separate indirect row
    assert [f.entity(r.source).name for r in _by_section(f, "Table I, row 2")] == ["Corvid Ventures III, LP"]


def test_conversion_ratio_in_word_basis_ratio_and_warrant_terms():
    """"on a one-for-one basis" gives ratio 1, "at a 1:10 ratio" ratio 10, and "Each warrant is exercisable for one
    Class A ordinary share" (a footnote on the warrant's exercisable and expiration dates only) ratio 1."""
    f = load_path(OWN / "form3_ratio_basis_words_and_warrants.xml")
    conv = {f.entity(r.source).name.split(" (")[0]: r for r in _rels(f, EdgeKind.CONVERTIBLE_INTO)}
    assert conv["Class B ordinary shares"].props["ratio"] == 1
    assert conv["Series B Preferred Shares"].props["ratio"] == 10
    assert conv["Private Placement Warrants"].props["ratio"] == 1
    assert conv["Private Placement Warrants"].props["conversion_price"] == Decimal("11.50")


def test_footnote_shared_control_of_a_sponsor_and_funds_named_with_the():
    """"may be deemed a beneficial owner of securities held by the Sponsor by virtue of her shared control over
    and indirect pecuniary interest in the Sponsor" makes the reporting person control the sponsor; a capital "The"
    after "by" or "of" is part of a fund's name ("held of record by The Quillon Fund II, LP") and is kept, while
    the defined terms ("QF-II", "QFM") still resolve to those names."""
    f = load_path(OWN / "form4_spac_sponsor_the_funds.xml")
    ctl = {(f.entity(r.source).name, f.entity(r.target).name, r.props["basis"]) for r in _rels(f, EdgeKind.CONTROLS)}
    assert ctl == {
        ("Odile Brannock", "Tessaline Sponsor LLC", "shared control"),
        ("Odile Brannock", "The Quillon Fund II Management, LLC", "managing member"),
        ("The Quillon Fund II Management, LLC", "The Quillon Fund II, LP", "general partner"),
    }
    held = {(f.entity(r.source).name, r.props["shares"]) for r in _rels(f, EdgeKind.HOLDS)}
    assert held == {("Tessaline Sponsor LLC", Decimal("8625000")), ("The Quillon Fund II, LP", Decimal("1200000")),
                    ("Odile Brannock", Decimal("40000"))}
    assert not any(e.name.startswith("Quillon") for e in f.entities)


def test_footnote_without_control_words_gives_no_control():
    """The same sponsor sentence without a statement of control ("by virtue of her pecuniary interest") is
    no CONTROLS edge: the record holder stays a holder, and the person's indirect holding is kept."""
    data = (OWN / "form4_spac_sponsor_the_funds.xml").read_bytes().replace(
        b"by virtue of her shared control over and indirect pecuniary interest in the Sponsor",
        b"by virtue of her indirect pecuniary interest in the Sponsor")
    f = load_bytes(data, "sponsor-no-control.xml")
    assert not any(f.entity(r.target).name == "Tessaline Sponsor LLC" for r in _rels(f, EdgeKind.CONTROLS))
    assert {f.entity(r.source).name for r in _rels(f, EdgeKind.HOLDS)} >= {"Tessaline Sponsor LLC"}


def test_referenced_but_undefined_footnotes_are_warned_about():
    """Cells that cite footnotes the document does not define (F7 on a title, F12 on an amount) give one warning
    naming the file and the ids in natural order; the values themselves are still loaded, and a filing whose
    footnotes are all defined gives no such warning."""
    f = load_path(OWN / "form4_spac_sponsor_the_funds.xml")
    missing = [w for w in f.warnings if "not defined in <footnotes>" in w]
    assert missing == [f"{OWN / 'form4_spac_sponsor_the_funds.xml'}: footnotes F7, F12 referenced in the tables "
                       "but not defined in <footnotes>"]
    data = (OWN / "form4_spac_sponsor_the_funds.xml").read_bytes()
    fixed = data.replace(b'<footnoteId id="F7"/>', b"").replace(b'<footnoteId id="F12"/>', b"")
    assert not [w for w in load_bytes(fixed, "fixed.xml").warnings if "not defined" in w]
    one = data.replace(b'<footnoteId id="F7"/>', b"")
    assert [w for w in load_bytes(one, "one.xml").warnings if "not defined" in w] == [
        "one.xml: footnote F12 referenced in the tables but not defined in <footnotes>"]
