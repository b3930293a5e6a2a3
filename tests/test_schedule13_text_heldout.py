"""The classic Schedule 13D/13G loader on layouts of real filings it was not developed on (own synthetic fixtures,
modelled on the structures of real HTML and text filings)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_path

FIX = Path(__file__).resolve().parent / "fixtures" / "schedule13"
D = Decimal


def ent(facts, name):
    hits = [e for e in facts.entities if name.lower() in [e.name.lower(), *[a.lower() for a in e.aliases]]]
    assert len(hits) == 1, (name, [e.name for e in facts.entities])
    return hits[0]


def rels(facts, etype, src=None, dst=None):
    return [r for r in facts.relations if r.type == etype and (src is None or r.source == src.key)
            and (dst is None or r.target == dst.key)]


def beneficial(facts, holder):
    (r,) = [r for r in rels(facts, EdgeKind.HOLDS, holder) if r.props.get("basis") == "beneficial"]
    return r


# ----------------------------------------------------------------- text 13D/A, rows (1)..(14)

def test_text_13da_footnote_only_cell_is_a_reference_not_zero():
    f = load_path(FIX / "sc13da_text_footnote_only_cells.txt")
    covers = f.document["cover_pages"]
    assert [c["name"] for c in covers] == ["Blue Harbor Capital Partners, L.P.",
                                           "Blue Harbor Special Situations Master Fund, Ltd.",  # over two lines
                                           "Peter J. Alvarez"]
    fund = covers[1]
    # row 11 holds only the mark "(1)": no amount, a pointer to the footnote
    assert fund["aggregate"] is None and fund["aggregate_footnote"] == "see footnote 1"
    assert fund["shared_voting"] is None and fund["shared_voting_footnote"] == "See Item 5"
    h = beneficial(f, ent(f, "Blue Harbor Special Situations Master Fund, Ltd.")).props
    assert h["shares_footnote"] == "see footnote 1" and h["percent"] == D("4.1")
    # ... and Item 5 states the amount: "the Master Fund beneficially owns 812,000 shares ..., representing 4.1%"
    assert h["shares"] == 812000 and h["shares_section"] == "Item 5(a)"
    (rec,) = [p for p in f.document["item_5"]["persons"] if p["key"] == "rp:2"]
    assert (rec["aggregate"], rec["percent"]) == (812000, D("4.1"))
    lp = beneficial(f, ent(f, "Blue Harbor Capital Partners, L.P.")).props
    assert (lp["sole_voting"], lp["shared_voting"], lp["shares"], lp["percent"]) == (0, 1234567, 1234567, D("6.2"))
    assert covers[0]["footnote_refs"]["percent"] == ["*"]  # "6.2%*"
    assert covers[2]["source_of_funds"] == ["AF", "PF"]


def test_role_after_an_object_named_like_a_role():
    """'Mr. Alvarez is the managing member of the General Partner and a director of the Master Fund': the
    defined term 'General Partner' ends the first object; 'a director of' is the second role (was: CONTROLS
    the Master Fund with basis 'general partner and a director')."""
    f = load_path(FIX / "sc13da_text_footnote_only_cells.txt")
    alvarez, fund, gp = ent(f, "Peter J. Alvarez"), ent(f, "Blue Harbor Special Situations Master Fund, Ltd."), \
        ent(f, "Blue Harbor GP LLC")
    assert [r.props["basis"] for r in rels(f, EdgeKind.CONTROLS, alvarez, gp)] == ["managing member"]
    assert not rels(f, EdgeKind.CONTROLS, alvarez, fund)
    assert [r.props["title"] for r in rels(f, EdgeKind.DIRECTOR_OF, alvarez, fund)] == ["director"]
    assert [r.props["basis"] for r in rels(f, EdgeKind.CONTROLS, gp, ent(f, "Blue Harbor Capital Partners, L.P."))] \
        == ["general partner"]
    assert alvarez.kind == NodeKind.PERSON
    assert f.filing.shares_outstanding == 19912000


def test_appointed_a_director_is_a_director():
    """Item 4: 'On January 12, 2009, Mr. Alvarez was appointed a director of the Issuer' (was: nothing, the
    verb between the name and the role hid the subject)."""
    f = load_path(FIX / "sc13da_text_footnote_only_cells.txt")
    (r,) = rels(f, EdgeKind.DIRECTOR_OF, ent(f, "Peter J. Alvarez"), f.entity("issuer"))
    assert r.props["title"] == "director" and r.prov.section == "Item 4"


def test_a_middle_initial_l_or_p_is_no_legal_form():
    from ownergraph.loaders._prose import _looks_org, _looks_person

    assert _looks_person("Marguerite L. Thale") and _looks_person("John P. Morgan")
    assert _looks_org("Acme Partners, L. P.") and _looks_org("Acme L.P.") and _looks_org("Acme L.L.C.")
    assert not _looks_person("Acme Holdings L. P.")


# ----------------------------------------------------------------- HTML 13D: row number, label and value in cells

def test_html_13d_notices_block_printed_one_row_per_line():
    """The notices block is a table, one row per line: the name is its first row (was: the telephone line, the
    last row before the caption, as each row is its own paragraph)."""
    f = load_path(FIX / "sc13d_html_row_cells_joint_cover.htm")
    n = f.document["header"]["notices"]
    assert n["name"] == "Kestrel Bay Asset Management Inc."
    assert n["address"] == "120 Adelaide Street West, Suite 900, Toronto, ON M5H 1T1, Telephone: (416) 555-0142"
    assert f.document["header"]["cusip"] == "58812Q207"


def test_html_13d_cover_cells_and_footnote_marks():
    f = load_path(FIX / "sc13d_html_row_cells_joint_cover.htm")
    fund = ent(f, "Kestrel Bay Opportunities Fund SPC")  # "Opportunities<br>Fund SPC"
    p = beneficial(f, fund).props
    assert (p["sole_voting"], p["shared_voting"], p["shares"], p["percent"]) == (4120000, 0, 4120000, D("18.4"))
    c = f.document["cover_pages"][0]
    assert c["footnote_refs"]["aggregate"] == ["1"] and c["group_a"] is True and c["group_b"] is False
    assert c["source_of_funds"] == ["WC"] and c["citizenship"] == "Cayman Islands"
    # "common shares outstanding" (lower case) is the denominator too
    assert f.filing.shares_outstanding == 20891554


def test_one_cover_page_for_two_natural_persons():
    """'Corwin A. Thale and Marguerite L. Thale, as joint tenants' (type IN) on one cover: two reporting
    persons, each with the cover's numbers (was: one person named with both names and the tenancy)."""
    f = load_path(FIX / "sc13d_html_row_cells_joint_cover.htm")
    names = [f.entity(k).name for k in f.filing.filer_keys]
    assert names == ["Kestrel Bay Opportunities Fund SPC", "Corwin A. Thale", "Marguerite L. Thale"]
    for nm in names[1:]:
        e = ent(f, nm)
        assert e.kind == NodeKind.PERSON  # a middle initial "L." is no "L.P."
        p = beneficial(f, e).props
        assert (p["sole_voting"], p["shared_voting"], p["shares"], p["percent"]) == (0, 655300, 655300, D("3.1"))
    covers = f.document["cover_pages"]
    assert covers[1]["cover_names"] == covers[2]["cover_names"] == \
        "Corwin A. Thale and Marguerite L. Thale, as joint tenants"
    assert covers[1]["page"] == covers[2]["page"] == 2
    thale = ent(f, "Corwin A. Thale")
    assert [r.props["title"] for r in rels(f, EdgeKind.OFFICER_OF, thale, ent(f, "Kestrel Bay Asset Management Inc."))] \
        == ["President"]
    assert rels(f, EdgeKind.DIRECTOR_OF, thale, ent(f, "Kestrel Bay Opportunities Fund SPC"))
    assert not rels(f, EdgeKind.CONTROLS, thale)


def test_a_single_name_on_two_lines_is_one_person_and_an_org_stays_whole():
    from ownergraph.loaders.schedule13_text import _joint_names

    assert _joint_names("Mary Ann Smith-Jones", ["Mary Ann", "Smith-Jones"]) == ["Mary Ann Smith-Jones"]
    assert _joint_names("John Smith N/A", ["John Smith", "N/A"]) == ["John Smith N/A"]
    assert _joint_names("Lionel Q. Marsh Daphne R. Marsh", ["Lionel Q. Marsh", "Daphne R. Marsh"]) == \
        ["Lionel Q. Marsh", "Daphne R. Marsh"]


# ----------------------------------------------------------------- text 13G/A: captions without row numbers

G8 = FIX / "sc13ga_text_unnumbered_rows_item7_item8.txt"


def test_text_13g_cover_without_row_numbers():
    f = load_path(G8)
    (c,) = f.document["cover_pages"]
    assert c["name"] == "Granite Peak Asset Management, Inc."  # the I.R.S. number line below it is no name
    assert (c["sole_voting"], c["shared_voting"], c["sole_dispositive"], c["shared_dispositive"]) == (612400, 0, 798100, 0)
    assert (c["aggregate"], c["percent"], c["types"]) == (798100, D("5.12"), ["HC"])
    assert (c["group_a"], c["group_b"]) == (False, False)
    assert f.document["header"]["rule_designation"] == ["Rule 13d-1(b)"]


def test_13g_item7_type_codes_are_not_names():
    """'Granite Peak Trust Company, N.A. (BK)': the code in parentheses is the subsidiary's type, not a defined
    term (was: a person 'N.A.' with the alias 'BK')."""
    f = load_path(G8)
    subs = {f.entity(r.target).name for r in rels(f, EdgeKind.CONTROLS) if r.props.get("basis") == "subsidiary"}
    assert subs == {"Granite Peak Trust Company, N.A.", "Granite Peak Investment Advisors LLC"}
    assert not [e for e in f.entities if e.name == "N.A." or "BK" in e.aliases]


def test_13g_item8_members_listed_one_a_line():
    f = load_path(G8)
    members = f.document["item_8"]["members"]
    assert [m["name"] for m in members] == ["Granite Peak Asset Management, Inc.", "Hollis W. Brandt",
                                            "Brandt Family Partners, L.P."]
    grp = {f.entity(r.source).name for r in rels(f, EdgeKind.MEMBER_OF_GROUP)}
    assert grp == {m["name"] for m in members}
    assert ent(f, "Hollis W. Brandt").kind == NodeKind.PERSON
    assert ent(f, "Brandt Family Partners, L.P.").kind == NodeKind.ORGANIZATION
    assert all(r.prov.section == "Item 8" for r in rels(f, EdgeKind.MEMBER_OF_GROUP))
    # each member's classification code, as the XML loader reads it
    assert {f.entity(r.source).name: r.props.get("classification") for r in rels(f, EdgeKind.MEMBER_OF_GROUP)} == {
        "Granite Peak Asset Management, Inc.": "IA", "Hollis W. Brandt": "IN", "Brandt Family Partners, L.P.": "PN"}


def test_13g_item8_members_in_a_sentence_and_none():
    from ownergraph.loaders import load_bytes

    raw = G8.read_bytes()
    listed = b"""            Granite Peak Asset Management, Inc. (IA)
            Hollis W. Brandt (IN)
            Brandt Family Partners, L.P. (PN)"""
    assert listed in raw
    f = load_bytes(raw.replace(listed, b"""            The members of the group are Granite Peak Asset Management, Inc. and
            Hollis W. Brandt."""), "item8-sentence.txt")
    assert [m["name"] for m in f.document["item_8"]["members"]] == ["Granite Peak Asset Management, Inc.",
                                                                   "Hollis W. Brandt"]
    for answer in (b"            Not applicable.", b"            See Exhibit 99.2."):
        f = load_bytes(raw.replace(listed, answer), "item8-none.txt")
        assert f.document["item_8"]["members"] == [] and not rels(f, EdgeKind.MEMBER_OF_GROUP)


# ----------------------------------------------------------------- HTML 13G/A: every row in one paragraph

P1 = FIX / "sc13ga_html_rows_in_one_paragraph.htm"


def test_rows_in_one_paragraph_and_rule_printed_with_a_letter_l():
    """'Rule 13d-l(d)' (a letter l for the one, as some filings print it) designates Rule 13d-1(d)."""
    f = load_path(P1)
    assert f.document["header"]["rule_designation"] == ["Rule 13d-1(d)"]
    vance = beneficial(f, ent(f, "Odell R. Vance")).props
    assert (vance["sole_voting"], vance["shared_voting"], vance["shares"], vance["percent"]) == \
        (411022706, 0, 411022706, D("12.9"))
    assert f.filing.shares_outstanding == 3178921391


def test_irs_row_answered_na_is_not_part_of_the_name_and_star_after_a_word_is_a_mark():
    f = load_path(P1)
    c = f.document["cover_pages"][1]
    assert c["name"] == "Vance Family Holdings LLC"  # "Vance Family Holdings LLC<br>N/A"
    assert c["aggregate"] == 2150000 and c["footnote_refs"]["aggregate"] == ["*"]  # "2,150,000 shares*"
    assert c["footnotes"] == ["* Held of record by Vance Family Holdings LLC, of which Odell R. Vance is the "
                              "sole manager."]


def test_of_which_y_is_the_role():
    """'Held of record by Vance Family Holdings LLC, of which Odell R. Vance is the sole manager' (a cover
    footnote): CONTROLS with the role as basis (was: nothing)."""
    f = load_path(P1)
    (r,) = rels(f, EdgeKind.CONTROLS, ent(f, "Odell R. Vance"), ent(f, "Vance Family Holdings LLC"))
    assert r.props["basis"] == "sole manager" and r.prov.section == "cover page 2, footnote"


def test_control_role_listed_with_offices():
    """'Mr. Alvarez is also the sole shareholder, President and a director of Harbor Light Advisory Corp.':
    CONTROLS (sole shareholder), OFFICER_OF (President) and DIRECTOR_OF (was: one CONTROLS with the basis
    'sole shareholder, president and a director')."""
    f = load_path(FIX / "sc13da_text_footnote_only_cells.txt")
    alvarez, corp = ent(f, "Peter J. Alvarez"), ent(f, "Harbor Light Advisory Corp.")
    assert [r.props["basis"] for r in rels(f, EdgeKind.CONTROLS, alvarez, corp)] == ["sole shareholder"]
    assert [r.props["title"] for r in rels(f, EdgeKind.OFFICER_OF, alvarez, corp)] == ["President"]
    assert [r.props["title"] for r in rels(f, EdgeKind.DIRECTOR_OF, alvarez, corp)] == ["director"]
    from ownergraph.loaders._prose import classify_role

    # two control roles stay one basis
    assert classify_role("general partner and investment manager") == [
        (EdgeKind.CONTROLS, "general partner and investment manager")]


def test_subject_before_a_descriptor_and_a_defined_term():
    """'Blue Harbor GP LLC, a Delaware limited liability company (the "General Partner"), is the general partner
    of the Partnership': the subject is the name before the descriptor (was: no subject, nothing read from
    Item 2; only the signature block gave the edge)."""
    f = load_path(FIX / "sc13da_text_footnote_only_cells.txt")
    gp, lp = ent(f, "Blue Harbor GP LLC"), ent(f, "Blue Harbor Capital Partners, L.P.")
    assert "Item 2" in {r.prov.section for r in rels(f, EdgeKind.CONTROLS, gp, lp)}
    from ownergraph.loaders._prose import _role_of_matches, _subject_from

    for s, subj in [("Acme Partners, L.P., a Cayman Islands exempted limited partnership, is the investment manager "
                     "of the Fund.", "Acme Partners, L.P."),
                    ("John Smith, a citizen of the United States, is the managing member of Acme GP LLC.", "John Smith")]:
        (m,) = list(_role_of_matches(s))
        assert _subject_from(s[:m.start()]) == subj


def test_each_of_a_and_b_is_a_role():
    """'Each of Mr. Alvarez and Lena K. Ortiz is a managing member of Blue Harbor Advisors LLC': both (was: Ms.
    Ortiz only; 'Each of Mr. Alvarez' named no one)."""
    f = load_path(FIX / "sc13da_text_footnote_only_cells.txt")
    adv = ent(f, "Blue Harbor Advisors LLC")
    ctl = {f.entity(r.source).name: r.props["basis"] for r in rels(f, EdgeKind.CONTROLS, dst=adv)}
    assert ctl == {"Peter J. Alvarez": "managing member", "Lena K. Ortiz": "managing member"}

    # "are the co-managing members of": each one a co-managing member (was: no role read)
    ven = ent(f, "Blue Harbor Ventures LLC")
    ctl = {f.entity(r.source).name: r.props["basis"] for r in rels(f, EdgeKind.CONTROLS, dst=ven)}
    assert ctl == {"Peter J. Alvarez": "co-managing member", "Lena K. Ortiz": "co-managing member"}


# ----------------------------------------------------------------- typed 13G/A: values in a right-hand column

def test_typed_cover_with_captions_over_two_lines_and_blank_boxes():
    """A typewriter-era cover: values in a right-hand column, the group caption broken by box (a), '___' for an
    empty box, '_X_' for a marked one, the side caption 'Number of Shares' beside row 4's value."""
    f = load_path(FIX / "sc13ga_text_typed_columns_blank_boxes.txt")
    (c,) = f.document["cover_pages"]
    assert c["name"] == "Tremont Hollis & Co."  # the I.R.S. number beside its caption is no part of it
    assert c["citizenship"] == "New York"  # was: "New York Number of Shares"
    assert (c["group_a"], c["group_b"]) == (False, False)  # was: no group row read
    assert (c["sole_voting"], c["shared_voting"], c["sole_dispositive"], c["shared_dispositive"]) == \
        (1204300, 0, 1320500, 0)
    assert (c["aggregate"], c["percent"], c["types"]) == (1320500, D("5.6"), ["BD", "IA"])
    assert f.document["header"]["rule_designation"] == ["Rule 13d-1(b)"]
    from ownergraph.loaders import load_bytes

    raw = (FIX / "sc13ga_text_typed_columns_blank_boxes.txt").read_bytes()
    f2 = load_bytes(raw.replace(b"(a)  ___", b"(a)  _X_"), "marked.txt")
    assert f2.document["cover_pages"][0]["group_a"] is True


def test_each_of_a_and_b_is_managed_by_x():
    """'Each of the Partnership and the Master Fund is managed by Blue Harbor Advisors LLC': both funds (was: the
    Master Fund only)."""
    f = load_path(FIX / "sc13da_text_footnote_only_cells.txt")
    adv = ent(f, "Blue Harbor Advisors LLC")
    managed = {f.entity(r.target).name for r in rels(f, EdgeKind.CONTROLS, adv) if r.props["basis"] == "investment manager"}
    assert managed == {"Blue Harbor Capital Partners, L.P.", "Blue Harbor Special Situations Master Fund, Ltd."}
