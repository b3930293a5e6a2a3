"""Forms 3/4/5: structures found in real filings outside the development corpus (our own synthetic fixtures in
tests/fixtures/ownership, modelled on those structures)."""

from __future__ import annotations

from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_path
from ownergraph.loaders.ownership import display_name, holder_from_nature

from conftest import FIXTURES

OWN = FIXTURES / "ownership"


def _holders(f):
    """{(transaction date, holder name, shares)} of the HOLDS rows."""
    return {(str(r.props["transaction_date"]), f.entity(r.source).name, str(r.props["shares"]))
            for r in f.relations if r.type == EdgeKind.HOLDS}


def _controls(f):
    return {(f.entity(r.source).name, f.entity(r.target).name, r.props["basis"])
            for r in f.relations if r.type == EdgeKind.CONTROLS}


def test_nature_cells_that_point_at_a_footnote_name_no_holder():
    # "See footnote (2)", "By Trust (1)", "By Spouse (1)", "Indirect (3)", "As Trustee (2)" and "F1" are how real
    # nature cells cite their footnotes or state a capacity: none of them is the name of an entity
    for nature in ("See footnote (2)", "See Footnote 2", "Footnote 3", "Footnotes 2, 3", "See Remarks",
                   "See Explanation of Responses", "F1", "By Trust (1)", "By LLC (2)(3)", "By Spouse (1)",
                   "Indirect (3)", "As Trustee (2)", "By 2012 Trust", "By GRAT #2", "I"):
        assert holder_from_nature(nature) == (None, None), nature
    # a name keeps its mark stripped, and names that merely start like a pointer stay names
    assert holder_from_nature("By Smith Family Trust (1)(2)") == ("Smith Family Trust", None)
    assert holder_from_nature("By 5AM Ventures IV, L.P.(1)") == ("5AM Ventures IV, L.P.", None)
    assert holder_from_nature("By Notes Holdings LLC") == ("Notes Holdings LLC", None)
    assert holder_from_nature("By Fund II") == ("Fund II", None)


def test_footnotes_that_name_the_holder_without_saying_held_by():
    f = load_path(OWN / "form4_holder_named_without_held_by.xml")
    (me,) = f.filing.filer_keys
    owner = f.entity(me).name
    assert owner == "Dana P Harwell"
    assert _holders(f) == {
        # nature "See footnote (2)": the footnote's "held by" names the fund; no entity "See footnote (2)"
        ("2024-03-01", "Larkspur Ventures III, L.P.", "880400"),
        # "The Harwell Revocable Trust dated March 3, 2009, for which the reporting person is trustee."
        ("2024-03-02", "Harwell Revocable Trust dated March 3, 2009", "1715000"),
        # nature "By Trust (4)" and "The Reporting Person is a trustee of the Okonkwo Family Trust"
        ("2024-03-03", "Okonkwo Family Trust", "62500"),
        # "Pellworth Capital LLC is the record owner of these shares."
        ("2024-03-04", "Pellworth Capital LLC", "44100"),
        # "By the Harwell 2015 Irrevocable Trust, of which the Reporting Person is a co-trustee."
        ("2024-03-05", "Harwell 2015 Irrevocable Trust", "9700"),
        # "By Spouse (7)": the reporting person reports the spouse's shares himself
        ("2024-03-06", owner, "3850"),
        # the holder is named by "held by", not by the first name of the footnote
        ("2024-03-07", "Tallow Growth Fund, L.P.", "120300"),
    }
    names = {e.name for e in f.entities}
    assert not {n for n in names if "ootnote" in n or n.startswith(("Trust", "Spouse"))}
    assert _controls(f) == {
        (owner, "Larkspur Ventures GP III, LLC", "managing member"),
        ("Larkspur Ventures GP III, LLC", "Larkspur Ventures III, L.P.", "general partner"),
        (owner, "Harwell Revocable Trust dated March 3, 2009", "trustee"),
        (owner, "Okonkwo Family Trust", "trustee"),
        (owner, "Pellworth Capital LLC", "managing member"),
        (owner, "Harwell 2015 Irrevocable Trust", "trustee"),
        # "Brisket Management LLC, of which the Reporting Person is the managing member, is the general partner
        # of Tallow Growth Fund, L.P.": two roles, not the reporting person as the fund's managing member
        (owner, "Brisket Management LLC", "managing member"),
        ("Brisket Management LLC", "Tallow Growth Fund, L.P.", "general partner"),
    }
    rows = {str(r.props["transaction_date"]): r for r in f.relations if r.type == EdgeKind.HOLDS}
    assert rows["2024-03-02"].props["holder_footnote"] == "F3"
    assert rows["2024-03-03"].props["holder_footnote"] == "F4"
    assert rows["2024-03-03"].props["nature"] == "By Trust (4)"  # the cell as filed stays


def test_a_generic_nature_takes_no_holder_when_two_entities_of_its_kind_are_named():
    # "By Trust" with a footnote naming two trusts the owner is trustee of: which one holds is not said
    text = (OWN / "form4_holder_named_without_held_by.xml").read_text()
    text = text.replace("The Reporting Person is a trustee of the Okonkwo Family Trust and",
                        "The Reporting Person is a trustee of the Okonkwo Family Trust and of the Okonkwo Education "
                        "Trust and")
    from ownergraph.loaders import load_bytes
    f = load_bytes(text.encode(), source="two_trusts.xml")
    (me,) = f.filing.filer_keys
    # "a trustee of A and of the B Trust": two trusts (the repeated "of the" is no part of the second name)
    assert {t for s, t, b in _controls(f) if b == "trustee" and "Okonkwo" in t} == {
        "Okonkwo Family Trust", "Okonkwo Education Trust"}
    row = [r for r in f.relations if r.type == EdgeKind.HOLDS and str(r.props["transaction_date"]) == "2024-03-03"]
    assert [r.source for r in row] == [me]


def test_cells_whose_value_is_only_a_footnote_mark():
    # "<exerciseDate><value>(1)</value></exerciseDate>": the mark typed as the value cites footnote F1; the cell
    # has no value (not a date, not 0) and the footnote is attached to it as a footnoteId would be
    f = load_path(OWN / "form3_footnote_marks_as_values.xml")
    conv = {f.entity(r.source).name: r.props for r in f.relations if r.type == EdgeKind.CONVERTIBLE_INTO}
    pref = conv["Series B Convertible Preferred Stock"]
    assert "conversion_price" not in pref and "exercise_date" not in pref and "expiration_date" not in pref
    assert pref["conversion_price_footnote"] == "see footnote F1"
    assert pref["exercise_date_footnote"] == "see footnote F1"
    assert pref["expiration_date_footnote"] == "see footnotes F1, F2"
    # the footnote the mark cites is read for the terms: "convertible into Common Stock on a 1-for-1 basis"
    assert str(pref["ratio"]) == "1"
    (opt,) = [p for t, p in conv.items() if t.startswith("Stock Option")]
    assert opt["exercise_date_footnote"] == "see footnote F3" and "exercise_date" not in opt
    assert str(opt["conversion_price"]) == "4.12"
    cell = f.document["derivative"][0]["exercise_date"]
    assert (cell["value"], cell["footnotes"]) == (None, ["F1"])
    assert not f.warnings  # F1, F2 and F3 are all defined


def test_joint_filers_adviser_chain_and_held_for_the_account_of():
    # three organization filers: the master fund, its investment adviser and the adviser's managing member, and a
    # natural person named only in the footnote ("X (together with A, B and C, the "Reporting Persons") serves as
    # managing member of Fund 7. Each of ...")
    f = load_path(OWN / "form4_adviser_chain_held_for_account.xml")
    fund7, master, adviser = f.filing.filer_keys
    assert f.entity(fund7).name == "Fund 7 Holdings, LLC"
    assert _controls(f) == {
        ("Quayside Partners LLC", "Quayside Master Fund LP", "investment manager"),
        # "Fund 7 Holdings, LLC ("Fund 7") serves as managing member of Quayside": the number is part of the name
        ("Fund 7 Holdings, LLC", "Quayside Partners LLC", "managing member"),
        ("Renata Okafor", "Fund 7 Holdings, LLC", "managing member"),
    }
    assert not [e for e in f.entities if e.name == "Holdings, LLC"]
    # "held for the benefit of Quayside Master Fund LP", "held for the account of Master Fund": the fund, a
    # reporting owner, holds the rows itself; the adviser and its member reach them through the chain
    rows = [r for r in f.relations if r.type == EdgeKind.HOLDS]
    assert {(r.source, str(r.props["shares"]), r.props["basis"]) for r in rows} == {
        (master, "2412000", "direct"), (master, "2420000", "direct")}
    assert all(r.props["ownership"] == "I" for r in rows)  # as filed


def test_display_name_keeps_surname_particles_with_the_surname():
    # EDGAR files natural persons LAST FIRST MIDDLE; a surname that starts with a particle keeps it
    assert display_name("VAN DER BERG PIETER J") == "Pieter J Van Der Berg"
    assert display_name("DE LA CRUZ MARIA E") == "Maria E De La Cruz"
    assert display_name("de Sousa Luis") == "Luis de Sousa"
    assert display_name("DEL TORO BENICIO JR") == "Benicio Del Toro Jr"
    assert display_name("DE JONG") == "De Jong"  # only a surname: nothing to move
    # "LE" alone is a surname, not a particle; ordinary names are unchanged
    assert display_name("LE THANH") == "Thanh Le"
    assert display_name("TANG KEVIN C") == "Kevin C Tang"
    assert display_name("AULT MILTON C III") == "Milton C Ault III"


def test_a_nature_cell_that_says_see_remarks_reads_the_remarks():
    f = load_path(OWN / "form4_remarks_explain_holder.xml")
    (me,) = f.filing.filer_keys
    assert f.entity(me).name == "Pieter J Van Der Berg"
    assert _controls(f) == {
        ("Pieter J Van Der Berg", "Saltmarsh Capital GP, LLC", "managing member"),
        # the appositive's object at the very end of the text keeps the dot of "L.P."
        ("Saltmarsh Capital GP, LLC", "Saltmarsh Opportunity Partners, L.P.", "general partner"),
    }
    ctl = [r for r in f.relations if r.type == EdgeKind.CONTROLS]
    assert {r.prov.section for r in ctl} == {"remarks"}
    rows = {r.props["basis"]: r for r in f.relations if r.type == EdgeKind.HOLDS}
    assert f.entity(rows["indirect"].source).name == "Saltmarsh Opportunity Partners, L.P."
    assert str(rows["indirect"].props["shares"]) == "1325000"
    assert rows["direct"].source == me and str(rows["direct"].props["shares"]) == "40210"
    assert len({e.key for e in f.entities if "Saltmarsh Opportunity" in e.name}) == 1
    # "Other (specify below): See Remarks", and the remarks say the owner is a member of a 10% group
    me_ent = f.entity(me)
    props = {p.name: p.value for p in me_ent.props}
    assert props["other_relationship"] == "See Remarks"
    assert props["other_relationship_remarks"].startswith("The Reporting Person is a member of a group")
    (ten,) = [r for r in f.relations if r.type == EdgeKind.TEN_PERCENT_OWNER_OF]
    assert ten.source == me and ten.prov.section == "remarks"


def test_the_reporting_persons_of_a_joint_filing_are_its_owners_not_an_entity():
    f = load_path(OWN / "form4_joint_spouses_reporting_persons.xml")
    renata, david, llc = f.filing.filer_keys
    # no entity is named after the phrase
    assert not [e for e in f.entities if "reporting person" in e.name.lower()]
    # "Shares held by the Okafor Family Trust, of which the Reporting Persons are co-trustees": both natural
    # persons among the filers are trustees (the LLC co-filer is not), and the trust holds the row
    assert _controls(f) == {("Renata Okafor", "Okafor Family Trust", "trustee"),
                            ("David A Okafor", "Okafor Family Trust", "trustee")}
    trust_rows = [r for r in f.relations if r.type == EdgeKind.HOLDS and str(r.props["shares"]) == "2995000"]
    assert [f.entity(r.source).name for r in trust_rows] == ["Okafor Family Trust"]
    # "The Reporting Person is the sole manager of Okafor Holdings LLC" in a filing by two natural persons says
    # no one in particular: no CONTROLS edge; the LLC co-filer holds its own row directly
    llc_rows = {r.source: r.props["basis"] for r in f.relations if r.type == EdgeKind.HOLDS
                and str(r.props["shares"]) == "499000"}
    assert llc_rows[llc] == "direct"


def test_holders_in_whose_name_shares_are_held_and_entities_the_owner_controls():
    f = load_path(OWN / "form4_holder_in_the_name_of.xml")
    assert _holders(f) == {
        # "held in the name of Birchfield Capital LLC, an entity wholly owned by the Reporting Person"
        ("2024-03-01", "Birchfield Capital LLC", "880400"),
        # "registered in the name of the Marlow 2019 Dynasty Trust, of which the Reporting Person is trustee"
        ("2024-03-02", "Marlow 2019 Dynasty Trust", "1715000"),
        # "held by Harbor Light Inc., a corporation controlled by the Reporting Person"
        ("2024-03-03", "Harbor Light Inc.", "62500"),
        # nature "By GRAT": "held by the Reporting Person as trustee of the Edwin Marlow 2021 Grantor Retained
        # Annuity Trust" -- the one trust the owner is trustee of holds the row
        ("2024-03-04", "Edwin Marlow 2021 Grantor Retained Annuity Trust", "44100"),
    }
    assert _controls(f) == {
        ("Edwin T Marlow", "Birchfield Capital LLC", "wholly owns"),
        ("Edwin T Marlow", "Marlow 2019 Dynasty Trust", "trustee"),
        ("Edwin T Marlow", "Harbor Light Inc.", "controlled by"),
        ("Edwin T Marlow", "Edwin Marlow 2021 Grantor Retained Annuity Trust", "trustee"),
    }


def test_footnote_marks_typed_after_a_title_are_footnotes_not_part_of_the_security():
    # "Common Stock (4)" in one row and "Common Stock" in the next are one class of stock; the underlying
    # "Common Stock(1)(2)" of the preferred stock is that class too
    f = load_path(OWN / "form3_title_marks.xml")
    secs = [e for e in f.entities if e.kind == NodeKind.SECURITY and "Common" in e.name]
    assert [e.name for e in secs] == ["Common Stock"]
    (common,) = secs
    rows = sorted((str(r.props["shares"]), r.props.get("security_footnote")) for r in f.relations
                  if r.type == EdgeKind.HOLDS and r.target == common.key)
    assert rows == [("12500", "see footnote F4"), ("3000", None)]
    (pref,) = [r for r in f.relations if r.type == EdgeKind.CONVERTIBLE_INTO
               and f.entity(r.source).name == "Series B Convertible Preferred Stock"]
    assert pref.target == common.key
    row = f.document["derivative"][0]["underlying_title"]
    assert (row["value"], row["footnotes"]) == ("Common Stock", ["F1", "F2"])
    assert not f.warnings
