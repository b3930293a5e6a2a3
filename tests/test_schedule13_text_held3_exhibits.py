"""Classic 13D/13G: the exhibit that names the members of the group is a part of the document itself (after the
signatures, within one HTML document), and the employer identification number a cover page gives under the name.
Own synthetic fixtures modelled on real layouts (an HTML table 'Name | Classification', a typed two-column list
whose classification is written out and wrapped, a 13D's Item 2 citing 'Exhibit 2 - Members of the Group')."""

from __future__ import annotations

from pathlib import Path

from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_bytes, load_path

FIX = Path(__file__).resolve().parent / "fixtures" / "schedule13"
HTML_EX_A = FIX / "sc13g_html_item8_exhibit_a_in_document.htm"
TYPED = FIX / "sc13ga_text_item8_exhibit_typed_columns.txt"
D13_ITEM2 = FIX / "sc13d_text_item2_members_exhibit.txt"
JFA_AS_EXHIBIT_A = FIX / "sc13g_several_persons_no_cik.html"


def members(facts) -> dict[str, tuple[str | None, str]]:
    """name -> (classification, section) of each MEMBER_OF_GROUP edge."""
    return {facts.entity(r.source).name: (r.props.get("classification"), r.prov.section)
            for r in facts.relations if r.type == EdgeKind.MEMBER_OF_GROUP}


def test_item8_exhibit_a_after_the_signatures_names_a_member_that_files_no_cover_page():
    f = load_path(HTML_EX_A)
    got = members(f)
    assert got["Ospreyfield Master Fund Ltd."] == ("CO", "Exhibit A")
    # the reporting persons are in the group by their cover pages already; the list adds their classification
    assert got["Ospreyfield Capital Management LP"] == ("IA", "cover page 1, row 2")
    assert got["Delphine R. Arkwright"][0] == "IN"
    assert len(got) == 4  # one edge each, the table's heading row is no member
    fund = [e for e in f.entities if e.name == "Ospreyfield Master Fund Ltd."]
    assert len(fund) == 1 and fund[0].kind == NodeKind.ORGANIZATION  # the entity Item 4's prose named
    assert f.document["item_8_members"] == {"exhibit": "Exhibit A", "found": 4}


def test_exhibit_b_joint_filing_agreement_is_not_a_member_list():
    """The same document citing its joint filing agreement for Item 8 names nobody new."""
    data = HTML_EX_A.read_bytes().replace(b"identified on Exhibit A", b"identified on Exhibit B")
    f = load_bytes(data, "item8-cites-jfa.htm")
    assert f.document["item_8"]["exhibit"] == "Exhibit B"
    assert not [s for _, s in members(f).values() if s.startswith("Exhibit")]
    # the fixture of another filer whose Exhibit A is the agreement
    g = load_path(JFA_AS_EXHIBIT_A)
    assert g.document["item_8"]["exhibit"] == "Exhibit A"
    assert not [s for _, s in members(g).values() if s.startswith("Exhibit")]


def test_a_typed_exhibit_headed_by_item_8_with_classifications_written_out():
    f = load_path(TYPED)
    got = members(f)
    assert got == {
        "Ternhollow Asset Management, L.L.C.": ("IA", "Exhibit 99.1"),
        "Ternhollow Holdings, Inc.": ("HC", "Exhibit 99.1"),
        "Lucian T. Marchetti": ("HC", "Exhibit 99.1"),
        "Ridgecrest Offshore Partners, Ltd.": ("IV", "Exhibit 99.1"),
    }
    # the wrapped second column ("under Section 203 of the ...") is no member
    assert not [e for e in f.entities if "Section" in e.name or "Act of 1940" in e.name]


def test_an_exhibit_cited_by_item_8_but_absent_names_no_one():
    data = TYPED.read_bytes()
    cut = data.index(b"                                  Exhibit 99.1")
    f = load_bytes(data[:cut], "no-exhibit.txt")
    assert f.document["item_8_members"] == {"exhibit": "Exhibit 99.1", "found": 0}
    assert not members(f)


def test_13d_item2_cites_the_exhibit_listing_the_members_of_the_group():
    f = load_path(D13_ITEM2)
    got = members(f)
    assert got["Imogen S. Varga"] == (None, "Exhibit 2")
    assert got["Bramblecote Capital LLC"] == (None, "Exhibit 2")
    assert got["Thaddeus Quillon"] == (None, "cover page 1, row 2")
    kinds = {e.name: e.kind for e in f.entities}
    assert kinds["Imogen S. Varga"] == NodeKind.PERSON and kinds["Bramblecote Capital LLC"] == NodeKind.ORGANIZATION
    assert f.document["item_2"]["group_exhibit"] == {"exhibit": "Exhibit 2", "found": 4}
    # the exhibit index of Item 7 ("Exhibit 2 - Members of the Group") is not the list
    assert "Members of the Group" not in kinds


def test_13d_item2_disclaiming_a_group_reads_no_exhibit():
    data = D13_ITEM2.read_bytes().replace(
        b"may be\ndeemed a group; each member of the group is identified in Exhibit 2 hereto.",
        b"do not\nconstitute a group; no member of a group is identified in Exhibit 2 hereto.")
    f = load_bytes(data, "disclaimer.txt")
    assert "group_exhibit" not in f.document["item_2"]
    assert not [s for _, s in members(f).values() if s == "Exhibit 2"]


def test_cover_irs_number_under_the_name_is_the_entity_s_irs_number():
    f = load_path(TYPED)
    by = {e.name: e for e in f.entities}
    assert by["Ternhollow Asset Management, L.L.C."].prop("irs_number") == "13-4120987"
    assert by["Ternhollow Holdings, Inc."].prop("irs_number") == "13-4120988"
    assert by["Lucian T. Marchetti"].prop("irs_number") is None
    # and the number is not part of the name
    assert "Ternhollow Holdings, Inc." in by
    g = load_path(D13_ITEM2)
    assert {e.name: e.prop("irs_number") for e in g.entities if e.key.startswith("rp:")} == {
        "Thaddeus Quillon": None, "Quillon Family Partners, L.P.": "06-1483321"}


def test_a_company_its_cover_page_types_in_stays_an_organization():
    """A filer's slip seen in real 13Ds: 'MM ... Management Inc.' with type of reporting person 'IN'."""
    data = JFA_AS_EXHIBIT_A.read_bytes()
    last = data.rindex(b"<td>OO</td>")
    data = data[:last] + b"<td>IN</td>" + data[last + len(b"<td>OO</td>"):]
    f = load_bytes(data, "company-typed-in.htm")
    kinds = {e.name: e.kind for e in f.entities if e.key.startswith("rp:")}
    assert kinds["Ramsey Okafor Holdings LLC"] == NodeKind.ORGANIZATION
    assert kinds["Nadia Okafor"] == NodeKind.PERSON and kinds["Paul Ramsey"] == NodeKind.PERSON
    holdings = next(e for e in f.entities if e.name == "Ramsey Okafor Holdings LLC")
    assert holdings.prop("reporting_person_type") == "IN"  # the type as filed stays


PROSE_EXHIBIT = b"""                                  Exhibit 99.1

Item 8              Identification and Classification of Members
                    of the Group:

                    Ternhollow Asset Management, L.L.C. is an investment
                    adviser registered under Section 203 of the Investment
                    Advisers Act of 1940.

                    Ridgecrest Securities LLC is a Broker or Dealer registered
                    under Section 15 of the Act (15 U.S.C. 78o).

                    Ternhollow Holdings, Inc. and Lucian T. Marchetti are
                    holding companies or control persons.

                    Ternhollow Holdings, Inc. is a Delaware corporation with its
                    principal office in New York.
"""


def test_an_exhibit_that_classifies_its_members_in_sentences():
    data = TYPED.read_bytes()
    data = data[:data.index(b"                                  Exhibit 99.1")] + PROSE_EXHIBIT
    f = load_bytes(data, "prose-exhibit.txt")
    assert members(f) == {
        "Ternhollow Asset Management, L.L.C.": ("IA", "Exhibit 99.1"),
        "Ridgecrest Securities LLC": ("BD", "Exhibit 99.1"),
        "Ternhollow Holdings, Inc.": ("HC", "Exhibit 99.1"),
        "Lucian T. Marchetti": ("HC", "Exhibit 99.1"),
    }
    # a sentence that classifies no one ("... is a Delaware corporation") adds nothing; the wrapped
    # "Section 15 of the Act" is no member
    assert not [e for e in f.entities if "Section" in e.name or "Delaware" in e.name]


def test_a_1990s_two_column_cover_gives_the_irs_number_of_its_own_row():
    """'1) Name of Reporting Person   Oakhurst ... / S.S. or I.R.S. Identification / No. of Above Person  13-3194399':
    the number stands on the label's row after the name's."""
    f = load_path(FIX / "sc13ga_text_1996_two_column_cover.txt")
    (rp,) = [e for e in f.entities if e.key.startswith("rp:")]
    assert rp.name == "Oakhurst Capital Management, Inc." and rp.kind == NodeKind.ORGANIZATION
    assert rp.prop("irs_number") == "13-3194399"
    (h,) = [r for r in f.relations if r.type == EdgeKind.HOLDS]
    assert (h.props["shares"], h.props["sole_voting"], h.props["sole_dispositive"]) == (5239100, 3818000, 5239100)
    assert f.filing.amendment_no == 5 and f.filing.form_type == "SC 13G/A"
