"""The classic Schedule 13D/13G loader on more layouts of real filings (own synthetic fixtures modelled on real
structures): several persons one a line in an HTML name cell, "Mr." / "Mrs." of two persons of one surname,
event dates of typed covers without the usual caption, European and Swiss digit grouping."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_bytes, load_path
from ownergraph.loaders._text import parse_count
from ownergraph.loaders.schedule13_text import CELL_BREAK, to_text

FIX = Path(__file__).resolve().parent / "fixtures" / "schedule13"
SPOUSES = FIX / "sc13d_html_spouses_br_names_swiss_numbers.htm"
DOTTED = FIX / "sc13g_text_event_caption_unbracketed_dotted_counts.txt"
NO_CAPTION = FIX / "sc13d_text_no_event_caption_item5_on_date.txt"
D = Decimal


def beneficial(facts, key):
    (r,) = [r for r in facts.relations if r.type == EdgeKind.HOLDS and r.source == key
            and r.props.get("basis") == "beneficial"]
    return r


# ----------------------------------------------------------------- 1. names separated by <br> in the name cell

def test_br_separated_names_in_one_cell_are_one_reporting_person_each_with_the_cover_numbers():
    f = load_path(SPOUSES)
    people = [e for e in f.entities if e.kind == NodeKind.PERSON]
    assert [e.name for e in people] == ["Corwin A. Thale", "Marguerite L. Thale"]
    assert f.filing.filer_keys == [e.key for e in people]
    for e in people:
        r = beneficial(f, e.key)
        assert r.props["shares"] == D(5288262)
        assert r.props["shared_voting"] == D(5288262) and r.props["shared_dispositive"] == D(5288262)
        assert r.props["sole_voting"] == 0 and r.props["percent"] == D("12.6")


def test_cell_breaks_are_kept_only_on_request_and_leave_the_text_as_it_was():
    data = SPOUSES.read_bytes()
    plain, marked = to_text(data), to_text(data, keep_cell_breaks=True)
    assert CELL_BREAK not in plain and "Corwin A. Thale Marguerite L. Thale" in plain
    assert f"Corwin A. Thale{CELL_BREAK}Marguerite L. Thale" in marked
    assert marked.replace(CELL_BREAK, " ") == plain  # same offsets: the cover's excerpts are unchanged


def test_a_name_over_two_lines_of_a_cell_stays_one_organization():
    # "Kestrel Bay Opportunities<br>Fund SPC": a type OO cover is one name whatever its lines
    f = load_path(FIX / "sc13d_html_row_cells_joint_cover.htm")
    assert f.document["cover_pages"][0]["name"] == "Kestrel Bay Opportunities Fund SPC"


# ----------------------------------------------------------------- 2. Mr. / Mrs. of one surname

def test_mrs_resolves_to_the_wife_when_the_filing_tells_the_sexes():
    f = load_path(SPOUSES)
    (trust,) = [e for e in f.entities if e.name == "Thale Family Trust"]
    ctl = [r for r in f.relations if r.type == EdgeKind.CONTROLS and r.target == trust.key]
    assert [(r.source, r.props.get("basis")) for r in ctl] == [("rp:2", "trustee")]
    assert f.entity("rp:2").name == "Marguerite L. Thale"


def test_mrs_is_dropped_when_the_sexes_are_not_told():
    data = SPOUSES.read_bytes()
    for told in (b"Mr. Corwin A. Thale", b"Mrs. Marguerite L. Thale", b"and his wife,"):
        data = data.replace(told, told.split(b" ", 1)[1] if told.startswith(b"M") else b"and")
    assert b"his wife" not in data and b"Mrs. Marguerite" not in data
    f = load_bytes(data, "spouses-untold.htm")
    assert [e.name for e in f.entities if e.kind == NodeKind.PERSON] == ["Corwin A. Thale", "Marguerite L. Thale"]
    trusts = [e for e in f.entities if e.name == "Thale Family Trust"]
    assert not [r for r in f.relations if r.type == EdgeKind.CONTROLS and r.source in ("rp:1", "rp:2")
                and (not trusts or r.target == trusts[0].key)]


# ----------------------------------------------------------------- 3. event date without the usual caption

def test_event_date_printed_above_an_unbracketed_caption():
    f = load_path(DOTTED)
    assert f.filing.event_date.isoformat() == "2011-10-17"
    assert beneficial(f, "rp:1").props["as_of"].isoformat() == "2011-10-17"
    assert not [w for w in f.warnings if "date of event" in w]


def test_event_date_after_the_caption_on_its_line():
    data = DOTTED.read_bytes().replace(
        b"                                 October 17, 2011\n", b"").replace(
        b"Date of Event Which Requires Filing of this Statement",
        b"Date of Event Which Requires Filing of this Statement: November 2, 2011")
    f = load_bytes(data, "caption-then-date.txt")
    assert f.filing.event_date.isoformat() == "2011-11-02"


def test_no_event_caption_takes_the_latest_on_date_of_items_4_and_5_with_a_warning():
    f = load_path(NO_CAPTION)
    assert f.filing.event_date.isoformat() == "2015-03-03"  # Item 5(c), later than Item 4's November 12, 2014
    assert [w for w in f.warnings if "no date of event" in w and "Item 5" in w]
    assert beneficial(f, "rp:1").props["as_of"].isoformat() == "2015-03-03"

def test_the_fallback_event_date_is_never_after_the_signature():
    text = NO_CAPTION.read_bytes()
    later = text.replace(b"     On November 12, 2014, Mr. Voss sent a letter",
                         b"     On June 30, 2015, Mr. Voss intends to meet the board.\n     On November 12, 2014, Mr. Voss "
                         b"sent a letter", 1)
    assert later != text
    f = load_bytes(later, "forward-looking.txt")
    assert f.filing.event_date.isoformat() == "2015-03-03"  # June 30, 2015 is after 'Dated: March 5, 2015'


def test_event_date_after_a_label_first_caption_wrapped_over_two_lines():
    # a label-first cover: "(Date of Event Which Requires Filing of this Statement) September" / "30, 2011"
    data = DOTTED.read_bytes().replace(
        b"                                 October 17, 2011\n", b"").replace(
        b"Date of Event Which Requires Filing of this Statement",
        b"(Date of Event Which Requires Filing of this Statement) September\n            30, 2011")
    f = load_bytes(data, "label-first.txt")
    assert f.filing.event_date.isoformat() == "2011-09-30"



# ----------------------------------------------------------------- 4. European / Swiss digit grouping

def test_parse_count_reads_european_and_swiss_groupings_but_not_a_lone_dot_group():
    assert parse_count("1.234.567") == D(1234567)
    assert parse_count("5'288'262.00") == D(5288262)
    assert parse_count("1 234 567") == D(1234567)
    assert parse_count("1.234.567,50") == D("1234567.50")
    assert parse_count("1,234,567") == D(1234567)
    assert parse_count("1.234") == D("1.234")
    assert parse_count("12 345") is None


def test_dotted_and_spaced_counts_on_a_typed_cover_and_item_4():
    f = load_path(DOTTED)
    (cv,) = f.document["cover_pages"]
    assert cv["sole_voting"] == D(3415220) and cv["aggregate"] == D(3415220)
    assert cv["sole_dispositive"] == D(3415220)  # "3 415 220"
    assert cv["percent"] == D("6.1")  # "6,1%", a decimal comma
    own = f.document["item_4"]["ownership"]
    assert own["aggregate"] == D(3415220) and own["percent"] == D("6.1")
    assert f.filing.shares_outstanding == D(55987600)


def test_swiss_counts_in_item_5_prose():
    f = load_path(SPOUSES)
    assert f.filing.shares_outstanding == D(41970333)


def test_a_cell_with_one_name_and_its_address_lines_stays_one_person():
    data = SPOUSES.read_bytes().replace(b"<b>Corwin A. Thale<br>Marguerite L. Thale</b>",
                                        b"<b>Corwin A. Thale<br>Kilchberg, Switzerland</b>")
    f = load_bytes(data, "name-and-place.htm")
    (cover,) = f.document["cover_pages"]  # not two "persons" "Corwin A. Thale" and "Kilchberg, Switzerland"
    assert cover["name"] == "Corwin A. Thale" and "cover_names" not in cover  # the place is not his name
    # a capacity line likewise
    data = SPOUSES.read_bytes().replace(b"<b>Corwin A. Thale<br>Marguerite L. Thale</b>",
                                        b"<b>Corwin A. Thale<br>as Trustee</b>")
    (cover,) = load_bytes(data, "name-and-capacity.htm").document["cover_pages"]
    assert cover["name"] == "Corwin A. Thale"


def test_item8_see_exhibit_reads_the_member_list_document():
    """A classic 13G submission whose Item 8 says 'See Exhibit 99.2': the exhibit, a document of its own,
    lists the members; a joint filing agreement cited so gives none."""
    from conftest import FIXTURES

    base = (FIXTURES / "submission" / "13g_parent_item7_exhibit_doc.txt").read_bytes()
    item8 = (b"Item 8.     Identification and Classification of Members of the Group.\n\n"
             b"            Not applicable.")
    assert item8 in base
    members_doc = (b"<DOCUMENT>\n<TYPE>EX-99.2\n<SEQUENCE>4\n<FILENAME>ex992.txt\n<DESCRIPTION>ITEM 8\n<TEXT>\n"
                   b"Exhibit 99.2\n\nIdentification of Members of the Group\n\n"
                   b"Harrier Holdings, L.P.            HC\nMarguerite Solberg                IN\n"
                   b"Kestrel Example Partners LLC      IA\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>")
    data = base.replace(item8, item8.replace(b"Not applicable.", b"See Exhibit 99.2.")).replace(
        b"</SEC-DOCUMENT>", members_doc)
    f = load_bytes(data, "item8-exhibit.txt")
    assert f.document["item_8_members"]["exhibit"] == "Exhibit 99.2"
    got = {f.entity(r.source).name for r in f.relations if r.type == EdgeKind.MEMBER_OF_GROUP}
    assert {"Kestrel Example Partners LLC", "Marguerite Solberg"} <= got
    # the same citation of a joint filing agreement names no member
    jfa = data.replace(b"Identification of Members of the Group\n\n", b"Joint Filing Agreement\n\n").replace(
        b"            HC\n", b" agree to file jointly.\n").replace(b"                IN\n", b"\n").replace(
        b"      IA\n", b"\n")
    g = load_bytes(jfa, "item8-jfa.txt")
    assert not [r for r in g.relations if r.type == EdgeKind.MEMBER_OF_GROUP and r.prov.section == "Exhibit 99.2"]


def test_classic_denominator_reads_shares_issued_since_like_the_xml_loader():
    """The classic loader reads its shares-outstanding statement with the shared denominator reader: a base
    plus shares issued since is the count outstanding; shares only a holder can acquire are not."""
    from conftest import FIXTURES
    from ownergraph.loaders._denominator import parse_denominator

    src = FIXTURES / "schedule13" / "sc13d_text_committee_listed.txt"
    stated = b"(2) Based on 20,500,000 Shares outstanding as of February 14, 2025, plus the 500,000 Shares issuable"
    raw = src.read_bytes()
    assert stated in raw
    f = load_bytes(raw, "plain.txt")
    assert f.filing.shares_outstanding == D("20500000")  # the 500,000 issuable are the holder's alone
    issued = raw.replace(stated, b"(2) Based on 20,500,000 Shares outstanding as of February 14, 2025, plus the "
                                 b"1,000,000 Shares issued to the Fund on March 1, 2025, and the 500,000 Shares issuable")
    g = load_bytes(issued, "issued.txt")
    assert g.filing.shares_outstanding == D("21500000")
    assert g.filing.shares_outstanding_date.isoformat() == "2025-02-14"
    # a holding stated as a percentage of the shares outstanding is no count of them
    assert parse_denominator("the Fund beneficially owns 2,500,000 Shares, representing approximately 11.9% "
                             "of the Shares outstanding.") is None
