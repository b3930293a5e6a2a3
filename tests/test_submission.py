"""EDGAR submission containers (.txt / .nc): header, documents, dispatch to the inner loader, enrichment."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from ownergraph.errors import LoadError, UnsupportedFormat
from ownergraph.graph.build import build_delta
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import detect, load_bytes, load_path, loaders
from ownergraph.loaders.submission import parse_header, split

FIX = Path(__file__).parent / "fixtures" / "submission"


def _ent(facts, name):
    return next(e for e in facts.entities if e.name == name)


def test_sniff_claims_containers_strongly():
    data = (FIX / "13g_xml_submission.txt").read_bytes()
    assert detect(data).name == "submission"
    assert detect((FIX / "13da_xml_submission_cr.nc").read_bytes()).name == "submission"
    assert detect((FIX / "10k_unsupported.txt").read_bytes()).name == "submission"
    sniff = loaders()["submission"].sniff
    assert sniff(data) > max(ld.sniff(data) for n, ld in loaders().items() if n != "submission")
    assert sniff(b'<?xml version="1.0"?><edgarSubmission xmlns="http://www.sec.gov/edgar/schedule13g"/>') == 0
    assert sniff(b"<html><body>SCHEDULE 13G</body></html>") == 0


def test_txt_container_with_xml_13g_and_exhibits():
    f = load_path(FIX / "13g_xml_submission.txt")
    fi = f.filing
    assert fi.id == fi.accession == "0009000001-25-000042"
    assert fi.loader == "schedule13_xml" and fi.form_type == "SCHEDULE 13G"
    assert fi.filed_date == dt.date(2025, 7, 3) and fi.event_date == dt.date(2025, 6, 30)
    assert fi.source == str(FIX / "13g_xml_submission.txt")
    # every provenance points at the accession, not at the inner document's hash
    assert all(e.prov.filing_id == fi.id for e in f.entities)
    assert all(r.prov.filing_id == fi.id and r.prov.accession == fi.id for r in f.relations)
    sub = f.document["submission"]
    assert [(d["type"], d["format"], d["role"]) for d in sub["documents"]] == [
        ("SCHEDULE 13G", "xml", "primary"), ("EX-99.1", "text", "exhibit"), ("GRAPHIC", "binary", "exhibit")]
    assert sub["documents"][1]["description"] == "JOINT FILING AGREEMENT"
    hdr = sub["header"]
    assert hdr["public_document_count"] == 3 and hdr["acceptance_datetime"] == "20250703161500"
    subj, filer = hdr["parties"]
    assert (subj["role"], subj["name"], subj["cik"]) == ("subject company", "NORTHWIND EXAMPLE HOLDINGS LTD.",
                                                         "0009000100")
    assert subj["former_names"] == ["NORTHWIND EXAMPLE CORP"] and subj["state_of_incorporation"] == "E9"
    assert (filer["role"], filer["cik"]) == ("filed by", "0009000001")
    # the inner document model is still there
    assert f.document["issuer"]["cusips"] == ["G6700X101", "65500X109"]
    # header CIK attached to the reporting person it names (upper case in the header)
    assert _ent(f, "Harbor Example Advisors GP LLC").cik == "0009000001"
    assert _ent(f, "Harbor Example Master Fund LP").cik is None
    # the exhibit is the same agreement Item 7 lists: one Agreement, three parties, exhibit recorded
    (ag,) = [e for e in f.entities if e.kind == NodeKind.AGREEMENT]
    assert ag.prop("exhibit") == "EX-99.1" and ag.prop("date") == dt.date(2025, 7, 2)
    assert len([r for r in f.relations if r.type == EdgeKind.PARTY_TO]) == 3


def test_nc_container_with_cr_line_endings_and_header_only_filer(store):
    f = load_path(FIX / "13da_xml_submission_cr.nc")
    fi = f.filing
    assert fi.id == "0009000003-25-000009" and fi.form_type == "SCHEDULE 13D/A"
    assert fi.filed_date == dt.date(2025, 3, 18) and fi.amendment_no == 1
    assert any("malformed XML recovered" in w for w in f.warnings)
    # the no-CIK reporting person gets its CIK from the FILED BY block (upper case, '???' kept)
    assert _ent(f, "Wingtip Example Sub ??? GmbH").cik == "0009000004"
    assert _ent(f, "Wingtip Example Holdings S.A.").cik == "0009000003"
    # a header filer the document does not name is still a filer of the filing
    trustee = _ent(f, "Wingtip Example Trustee Ltd")
    assert trustee.cik == "0009000005" and trustee.key in fi.filer_keys and trustee.prov.section == "header"
    delta = build_delta(f)
    filed = {e.source for e in delta.edges if e.type == EdgeKind.FILED}
    assert {"cik:0009000003", "cik:0009000004", "cik:0009000005"} <= filed
    store.add(f)
    # loading the bare XML and the container are two filings; the container's filer is the same node
    store.add(load_path(Path(__file__).parent / "fixtures" / "xml13" / "13d_truncated_footnote.xml"))
    from ownergraph.graph.view import graph_view

    g = graph_view(store)
    assert g.has_node("cik:0009000004") and g.has_node("cik:0009000300")


def test_unsupported_primary_document_names_its_type():
    with pytest.raises(UnsupportedFormat) as e:
        load_path(FIX / "10k_unsupported.txt")
    msg = str(e.value)
    assert "10k_unsupported.txt" in msg and "10-K" in msg and "not a supported filing" in msg


def test_group_members_lines_both_dialects():
    txt = parse_header("ACCESSION NUMBER:\t\t0009000001-24-000001\nCONFORMED SUBMISSION TYPE:\tSC 13D/A\n"
                       "GROUP MEMBERS:\t\tJANE Q. EXAMPLE\nGROUP MEMBERS:\t\tHARBOR EXAMPLE ADVISORS GP LLC\n")
    assert txt.group_members == ["JANE Q. EXAMPLE", "HARBOR EXAMPLE ADVISORS GP LLC"]
    nc = parse_header("<SUBMISSION>\n<ACCESSION-NUMBER>0009000001-24-000001\n<TYPE>SC 13D\n"
                      "<GROUP-MEMBERS>JANE Q. EXAMPLE\n")
    assert nc.group_members == ["JANE Q. EXAMPLE"] and nc.submission_type == "SC 13D"


def test_old_mixed_header_dialect():
    head, docs = split((FIX / "old_header_mixed.txt").read_bytes())
    h = parse_header(head)
    assert h.accession == "0009000010-00-000001" and h.submission_type == "4"
    assert h.filed == "20000314" and h.period == "20000229"
    subj, owner = h.parties
    assert (subj.role, subj.name, subj.cik, subj.state_of_incorporation) == (
        "subject company", "LITWARE EXAMPLE CORP /DE/", "0009000020", "DE")
    assert subj.former_names == ["LITWARE EXAMPLE INDUSTRIES"]
    assert (owner.role, owner.name, owner.cik, owner.relationship) == (
        "reporting owner", "EXAMPLE ROBIN J", "0009000021", "DIRECTOR")
    assert owner.values["MAIL ADDRESS/CITY"] == "NEW YORK"
    assert [d[0]["type"] for d in docs] == ["4"] and docs[0][2] == "text"


def test_broken_containers_are_clear_errors():
    with pytest.raises(LoadError) as e:
        load_bytes(b"<SEC-DOCUMENT>x\n<SEC-HEADER>\nACCESSION NUMBER: 1\n</SEC-HEADER>\n", "nodocs.txt")
    assert "nodocs.txt" in str(e.value) and "DOCUMENT" in str(e.value)
    bad = (FIX / "13g_xml_submission.txt").read_bytes().replace(b"<formData>", b"<formDataX>", 1)
    bad = bad.replace(b"</formData>", b"")
    with pytest.raises(LoadError) as e:
        load_bytes(bad, "broken.txt")
    assert "broken.txt" in str(e.value) and "primary_doc.xml" in str(e.value)


# ------------------------------------------------------------- real submissions from ../shared/filings


def _real(shared_filings, rel):
    try:
        return load_path(shared_filings / rel)
    except UnsupportedFormat as e:
        pytest.skip(f"{rel}: the inner document's loader has not landed yet ({e.problem})")


def test_real_13g_xml_submission(shared_filings, truth):
    rel = "schedule13dg_xml/13G_Askeladden_FitLife_0001815572-25-000002.txt"
    f = _real(shared_filings, rel)
    t = truth[rel]
    assert f.filing.id == t["accession"] and f.filing.form_type == t["form_type"]
    assert f.filing.filed_date == dt.datetime.strptime(t["filed"], "%Y%m%d").date()
    assert f.entity(f.filing.issuer_key).cik == t["issuer"]["cik"]
    # FILED BY Askeladden Capital Management LLC -> its CIK on the reporting person
    assert _ent(f, "ASKELADDEN CAPITAL MANAGEMENT LLC").cik == t["filer_cik"]
    docs = f.document["submission"]["documents"]
    assert [d["format"] for d in docs] == ["xml", "pdf", "text"]
    (ag,) = [e for e in f.entities if e.kind == NodeKind.AGREEMENT]
    parties = {f.entity(r.source).name for r in f.relations if r.type == EdgeKind.PARTY_TO and r.target == ag.key}
    assert parties == {"ASKELADDEN CAPITAL MANAGEMENT LLC", "Samir Patel"}


@pytest.mark.parametrize("rel", [
    "form345_xml/form4_AAR_Garascia_0001127602-25-001055.txt",
    "form345_xml/form4_Arrow_JeanClaude_0001127602-25-004598.nc",
    "form345_xml/form4_2seventy_Snow_0001562180-25-000280.nc",
    "sc13g_html/SC13G_Glazer_AvidBioservices_0001076809-24-000144.nc",
    "13f/13F-HR_AcornCreek_0001951757-25-000093.nc",
    "13f/13F_0001894188-23-000007.txt",
    "form4_text/form4_ProductivityTech_Foster_0001094891-00-000193.txt",
])
def test_real_containers_dispatch_and_take_the_header_identity(shared_filings, truth, rel):
    f = _real(shared_filings, rel)
    t = truth[rel]
    assert f.filing.id == f.filing.accession == t["accession"]
    if t.get("filed"):
        assert f.filing.filed_date == dt.datetime.strptime(t["filed"], "%Y%m%d").date()
    assert f.document["submission"]["primary"] is not None
    assert all(r.prov.filing_id == t["accession"] for r in f.relations)
    hdr = f.document["submission"]["header"]
    ciks = {p["cik"] for p in hdr["parties"] if p["cik"]}
    # every party of the header is an entity of the filing, by CIK
    assert ciks <= {e.cik for e in f.entities if e.cik}


def test_real_13f_cover_and_information_table_are_one_filing(shared_filings, truth):
    rel = "13f/13F_0001894188-23-000007.txt"
    f = _real(shared_filings, rel)
    roles = [(d["type"], d["role"]) for d in f.document["submission"]["documents"]]
    assert roles == [("13F-HR", "primary"), ("INFORMATION TABLE", "merged")]
    (filer,) = [f.entity(k) for k in f.filing.filer_keys]
    assert filer.cik == "0001894188" and filer.name == "LTS One Management LP"
    holds = [r for r in f.relations if r.type == EdgeKind.HOLDS]
    assert len(holds) == 14 and {r.source for r in holds} == {filer.key}  # the table's holder is the manager
    assert not any("Unknown" in e.name for e in f.entities)


def test_placeholder_filer_named_by_the_header():
    """A document that cannot name its filer (a 13F information table alone) gets it from the FILER block."""
    try:
        f = load_path(FIX / "13f_table_only.txt")
    except UnsupportedFormat as e:
        pytest.skip(f"no 13F information table loader yet ({e.problem})")
    assert f.filing.id == "0009000030-25-000004" and f.filing.form_type == "13F-HR"
    assert f.filing.event_date == dt.date(2024, 12, 31)  # the header's period of report
    (filer,) = [f.entity(k) for k in f.filing.filer_keys]
    assert (filer.name, filer.cik) == ("PROSEWARE EXAMPLE CAPITAL LP", "0009000030")
    assert {f.entity(r.source).cik for r in f.relations if r.type == EdgeKind.HOLDS} == {"0009000030"}
    assert len([e for e in f.entities if e.cik == "0009000030"]) == 1


def _two_filers_13ga() -> bytes:
    """The 13G/A fixture with a second filer credential (the document alone cannot tell its person's CIK)."""
    xml = (Path(__file__).parent / "fixtures" / "xml13" / "13ga_zero_below5.xml").read_bytes()
    return xml.replace(b"</filer>", b"</filer>\n      <filer><filerCredentials><cik>0009000099</cik>"
                                    b"</filerCredentials></filer>", 1)


def _13ga_filed_by(accession: str, filed_by: bytes) -> bytes:
    """That document in a container whose header's FILED BY party (CIK 0009000002) is named ``filed_by``."""
    acc = accession.encode()
    return (b"<SEC-DOCUMENT>" + acc + b".txt : 20260210\n<SEC-HEADER>\n"
            b"ACCESSION NUMBER:\t\t" + acc + b"\nCONFORMED SUBMISSION TYPE:\tSCHEDULE 13G/A\n"
            b"FILED AS OF DATE:\t\t20260210\n\nSUBJECT COMPANY:\t\n\n\tCOMPANY DATA:\t\n"
            b"\t\tCOMPANY CONFORMED NAME:\t\t\tCONTOSO EXAMPLE CORP\n\t\tCENTRAL INDEX KEY:\t\t\t0009000200\n\n"
            b"FILED BY:\t\t\n\n\tCOMPANY DATA:\t\n\t\tCOMPANY CONFORMED NAME:\t\t\t" + filed_by + b"\n"
            b"\t\tCENTRAL INDEX KEY:\t\t\t0009000002\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>SCHEDULE 13G/A\n"
            b"<SEQUENCE>1\n<FILENAME>primary_doc.xml\n<TEXT>\n<XML>\n" + _two_filers_13ga()
            + b"\n</XML>\n</TEXT>\n</DOCUMENT>\n")


def test_header_filer_named_differently_is_the_only_filer_without_cik():
    # two filer credentials: the document alone cannot tell which CIK is its reporting person's
    assert load_bytes(_two_filers_13ga(), "two-filers.xml").entity("rp:1").cik is None
    f = load_bytes(_13ga_filed_by("0009000002-26-000003", b"FABRIKAM ASSET MGMT CO"), "renamed.txt")
    rp = f.entity("rp:1")
    assert rp.cik == "0009000002" and rp.name == "Fabrikam Example Asset Management, L.L.C."
    assert len(f.filing.filer_keys) == 1
    assert any("only filer without a CIK" in w for w in f.warnings)


def test_headerless_document_list_is_unwrapped():
    body = (FIX / "13g_xml_submission.txt").read_bytes()
    docs_only = body[body.index(b"<DOCUMENT>"):]
    assert detect(docs_only).name == "submission"
    f = load_bytes(docs_only, "docs-only.txt")
    assert f.filing.loader == "schedule13_xml" and f.filing.accession is None
    assert f.filing.id.startswith("sha256:") and f.filing.form_type == "SCHEDULE 13G"
    assert f.document["submission"]["header"]["parties"] == []


def test_old_header_relationship_becomes_an_edge_when_the_document_lacks_it():
    xml = (Path(__file__).parent / "fixtures" / "xml13" / "13ga_zero_below5.xml").read_bytes()
    container = (b"<SEC-DOCUMENT>0009000002-26-000004.txt : 20260210\n<SEC-HEADER>\n"
                 b"ACCESSION NUMBER:\t\t0009000002-26-000004\nCONFORMED SUBMISSION TYPE:\tSCHEDULE 13G/A\n"
                 b"<REPORTING-OWNER>\n\nCOMPANY DATA:\n\tCOMPANY CONFORMED NAME:\t\t\tFABRIKAM EXAMPLE ASSET "
                 b"MANAGEMENT LLC\n\tCENTRAL INDEX KEY:\t\t\t0009000002\n<RELATIONSHIP>DIRECTOR\n"
                 b"</REPORTING-OWNER>\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>SCHEDULE 13G/A\n<TEXT>\n<XML>\n"
                 + xml + b"\n</XML>\n</TEXT>\n</DOCUMENT>\n")
    f = load_bytes(container, "rel.txt")
    (d,) = [r for r in f.relations if r.type == EdgeKind.DIRECTOR_OF]
    assert (d.source, d.target, d.prov.section) == ("rp:1", f.filing.issuer_key, "header")
    assert d.prov.filing_id == "0009000002-26-000004"


def test_exhibit_read_when_the_primary_document_is_not():
    """A 10-K nobody reads, its EX-21 read by the exhibit loader: the parent is the header's FILER."""
    try:
        f = load_path(FIX / "10k_with_ex21.txt")
    except UnsupportedFormat as e:
        pytest.skip(f"no Exhibit 21 loader yet ({e.problem})")
    roles = [(d["type"], d["role"]) for d in f.document["submission"]["documents"]]
    assert roles == [("10-K", None), ("EX-21.1", "primary")]
    parent = f.entity(f.filing.issuer_key)
    assert (parent.name, parent.cik) == ("WOODGROVE EXAMPLE INDUSTRIES INC", "0009000040")
    subs = [r for r in f.relations if r.type == EdgeKind.SUBSIDIARY_OF]
    assert len(subs) == 3 and {r.target for r in subs} == {parent.key}
    assert f.filing.id == "0009000040-25-000010" and f.filing.form_type == "10-K"
    assert not f.warnings


def test_accession_number_forms():
    data = (FIX / "13g_xml_submission.txt").read_bytes()
    f = load_bytes(data.replace(b"ACCESSION NUMBER:\t\t0009000001-25-000042", b"ACCESSION NUMBER:\t\t000900000125000042"),
                   "nodash.txt")
    assert f.filing.id == f.filing.accession == "0009000001-25-000042"
    bogus = data.replace(b"ACCESSION NUMBER:\t\t0009000001-25-000042", b"ACCESSION NUMBER:\t\tbogus")
    # the container's own name ("<SEC-DOCUMENT>0009000001-25-000042.txt : ...") still gives the accession
    f = load_bytes(bogus, "bogus.txt")
    assert f.filing.id == f.filing.accession == "0009000001-25-000042"
    assert any("bogus" in w and "ignored" in w and "container's name gives 0009000001-25-000042" in w
               for w in f.warnings)
    # without it, the filing is known by its digest
    nameless = re.sub(rb"0009000001-25-000042\.(txt|hdr\.sgml)", rb"filing.\1", bogus)
    f = load_bytes(nameless, "bogus.txt")
    assert f.filing.accession is None and f.filing.id.startswith("sha256:")
    assert any("bogus" in w and "ignored" in w for w in f.warnings)


@pytest.mark.parametrize("head", [b"<SEC-DOCUMENT>0001-24-1.txt : 20240723", b"\xef\xbb\xbf  <sec-header>",
                                  b"<IMS-HEADER>", b"-----BEGIN PRIVACY-ENHANCED MESSAGE-----", b"\n<SUBMISSION>",
                                  b"<IMS-DOCUMENT>", b"<DOCUMENT>\n<TYPE>SC 13D"])
@pytest.mark.parametrize("inner", ["xml", "text"])
def test_every_container_head_goes_to_the_submission_loader(head, inner, seed_path):
    # one definition of a container for every sniffer: whatever the head, the form loaders step aside
    from _gen_filings import schedule13d_xml

    body = schedule13d_xml(2) if inner == "xml" else seed_path.read_bytes()
    data = head + b"\n<TEXT>\n" + body
    assert detect(data).name == "submission"
    for lo in loaders().values():
        if lo.name != "submission":
            assert lo.sniff(data) < 0.5, lo.name


# ----------------------------------------------------------------- held-out shapes (hand-written fixtures)


def test_nc_without_line_breaks_reads_header_and_document_fields():
    """An .nc whose separators were lost: every header tag and the document's TYPE/SEQUENCE/FILENAME on one
    line.  Found on a real Schedule TO-T/A + 13D/A submission."""
    head, docs = split((FIX / "sctota_13da_nc_one_line.nc").read_bytes())
    h = parse_header(head)
    assert (h.accession, h.submission_type, h.filed) == ("0009000040-25-000007", "SC TO-T/A", "20250110")
    assert h.group_members == ["NORTHWIND ENERGY HOLDING LLC"]
    assert [(p.role, p.name, p.cik) for p in h.parties] == [
        ("subject company", "WOODGROVE EXAMPLE REFINING INC", "0009000041"),
        ("subject company", "WOODGROVE EXAMPLE REFINING INC", "0009000041"),
        ("filed by", "NORTHWIND EXAMPLE HOLDINGS L.P.", "0009000042")]
    assert [p.values["FILING VALUES/FORM TYPE"] for p in h.parties] == ["SC 13D/A", "SC TO-T/A", "SC TO-T/A"]
    assert h.parties[0].values["BUSINESS ADDRESS/CITY"] == "HOUSTON"
    assert h.parties[2].former_names == ["NORTHWIND EXAMPLE REALTY L P"]
    assert docs[0][0] == {"type": "SC TO-T/A", "sequence": "1", "filename": "example_sctota.htm",
                          "description": "SC TO-T/A"}


def test_schedule_to_amending_13d_and_group_member_keeps_its_own_cik():
    """'(Name of Subject Company (Issuer))' and '(CUSIP Number of Class of Securities)' are a Schedule TO's
    captions; the one cover page is a subsidiary the header lists among the GROUP MEMBERS, so the FILED BY
    parent's CIK is not its CIK: the parent is a filer of its own."""
    f = load_path(FIX / "sctota_13da_nc_one_line.nc")
    assert f.filing.id == "0009000040-25-000007" and f.filing.loader == "schedule13_text"
    iss = f.entity(f.filing.issuer_key)
    assert iss.name.startswith("WOODGROVE EXAMPLE REFINING") and iss.cik == "0009000041"
    (sec,) = [e for e in f.entities if e.kind == NodeKind.SECURITY]
    assert sec.cusip == "99999Z105"
    sub = f.entity("rp:1")
    assert sub.name == "Northwind Energy Holding LLC" and sub.cik is None
    parents = [f.entity(k) for k in f.filing.filer_keys if f.entity(k).cik == "0009000042"]
    assert [p.name for p in parents] == ["NORTHWIND EXAMPLE HOLDINGS L.P."]
    (h,) = [r for r in f.relations if r.type == EdgeKind.HOLDS]
    assert h.source == "rp:1" and h.props["shares"] == 4200000 and h.props["shared_voting"] == 4200000
    assert not any("only filer without a CIK" in w for w in f.warnings)
    # the submission is a Schedule TO amendment and, by its document, a 13D amendment too
    assert (f.filing.form_type, f.filing.also_form_types) == ("SC TO-T/A", ["SC 13D/A"])
    node = next(n for n in build_delta(f).nodes if n.kind == NodeKind.FILING)
    assert node.props["form_type"] == "SC TO-T/A" and node.props["also_form_types"] == "SC 13D/A"
    # a plain 13D/A submission names one form only
    g = load_bytes(_13ga_filed_by("0009000002-26-000009", b"FABRIKAM EXAMPLE ASSET MANAGEMENT LLC"), "plain.txt")
    assert g.filing.also_form_types == []


def test_header_only_form4_gives_the_header_facts():
    """A Form 4 submission whose document is not kept (or not readable): the header still names the issuer,
    the reporting owner with CIK and the owner's relationship."""
    f = load_path(FIX / "f4_header_only.txt")
    assert (f.filing.id, f.filing.form_type, f.filing.family, f.filing.loader) == (
        "0009000050-99-000002", "4", "ownership", "submission")
    assert f.filing.filed_date == dt.date(1999, 11, 20) and f.filing.event_date == dt.date(1999, 10, 31)
    iss = f.entity(f.filing.issuer_key)
    assert (iss.name, iss.cik) == ("TAILSPIN EXAMPLE INDUSTRIES INC", "0009000051")
    (owner,) = [f.entity(k) for k in f.filing.filer_keys]
    assert (owner.kind, owner.name, owner.cik) == (NodeKind.PERSON, "Morgan T Example", "0009000050")
    assert owner.prop("name_as_filed") == "EXAMPLE MORGAN T"
    (d,) = [r for r in f.relations if r.type == EdgeKind.DIRECTOR_OF]
    assert (d.source, d.target, d.prov.section) == (owner.key, iss.key, "header")
    assert not [r for r in f.relations if r.type == EdgeKind.HOLDS]
    assert any("only the header's facts" in w and "f4_header_only.txt" in w for w in f.warnings)
    # the old text Form 4 no loader reads: header facts too, with the reason
    g = load_path(FIX / "old_header_mixed.txt")
    assert g.filing.loader == "submission"
    assert [(r.type, g.entity(r.source).cik) for r in g.relations] == [(EdgeKind.DIRECTOR_OF, "0009000021")]
    assert any("no loader reads its primary document (type 4" in w for w in g.warnings)
    # other forms are still refused
    with pytest.raises(UnsupportedFormat):
        load_path(FIX / "10k_unsupported.txt")


def test_header_only_13f_gives_the_manager():
    """A 13F-HR submission whose cover page and table are not kept: the manager with its CIK and Form 13F
    file number files a report for the period; a header that names no filer by CIK is still refused."""
    f = load_path(FIX / "13fhr_header_only.txt")
    assert (f.filing.id, f.filing.form_type, f.filing.family, f.filing.loader) == (
        "0009000060-12-000003", "13F-HR", "13f", "submission")
    assert f.filing.event_date == dt.date(2011, 12, 31) and f.filing.filed_date == dt.date(2012, 2, 14)
    (mgr,) = [f.entity(k) for k in f.filing.filer_keys]
    assert (mgr.kind, mgr.name, mgr.cik) == (NodeKind.ORGANIZATION, "EXAMPLE CAPITAL MANAGEMENT LLC", "0009000060")
    assert mgr.prop("form13f_file_number") == "028-99999" and mgr.prop("state_of_incorporation") == "DE"
    assert any("only the header's facts" in w for w in f.warnings)
    nameless = (FIX / "13fhr_header_only.txt").read_bytes().replace(b"\t\tCENTRAL INDEX KEY:\t\t\t0009000060\n", b"")
    assert nameless != (FIX / "13fhr_header_only.txt").read_bytes()
    with pytest.raises(LoadError, match="without any <DOCUMENT>"):
        load_bytes(nameless, "nameless.txt")


def test_header_only_filers_are_people_or_organizations_by_their_company_data():
    """FILED BY parties of a header-only 13D: an individual's filer record carries no company data (SIC, IRS
    number, fiscal year end, state of incorporation) and a personal name; an organisation's does, whatever
    its name looks like."""
    f = load_path(FIX / "sc13d_header_only_individual.txt")
    got = {f.entity(k).cik: f.entity(k) for k in f.filing.filer_keys}
    person, org = got["0009000060"], got["0009000062"]
    assert (person.kind, person.name, person.prop("name_as_filed")) == (NodeKind.PERSON, "Dorian P Example",
                                                                        "EXAMPLE DORIAN P")
    assert (org.kind, org.name) == (NodeKind.ORGANIZATION, "BLUEBIRD EXAMPLE")
    # the same name without company data reads as a person's
    text = (FIX / "sc13d_header_only_individual.txt").read_text()
    bare = text.replace("\t\tIRS NUMBER:\t\t\t\t990000002\n\t\tFISCAL YEAR END:\t\t\t1231\n", "")
    assert bare != text
    g = load_bytes(bare.encode(), "bare.txt")
    assert next(g.entity(k) for k in g.filing.filer_keys if g.entity(k).cik == "0009000062").kind == NodeKind.PERSON


def test_header_filer_with_edgar_state_tag_matches_the_document_name():
    """'FARNAM ... LP /MN' style conformed names: the tag is EDGAR's, the name is the cover page's."""
    f = load_bytes(_13ga_filed_by("0009000002-26-000004", b"FABRIKAM EXAMPLE ASSET MANAGEMENT LLC /MN/"),
                   "suffixed.txt")
    assert f.entity("rp:1").cik == "0009000002"
    assert not any("only filer without a CIK" in w for w in f.warnings)


def test_header_former_names_address_and_state_join_the_cik_entities(store):
    # FORMER COMPANY blocks: the names the company filed under before; a later (or older) filing naming it so,
    # without a CIK, resolves to the CIK's node
    from ownergraph.graph.ids import normalize_name

    f = load_path(FIX / "13g_xml_submission.txt")
    issuer = f.entity(f.filing.issuer_key)
    assert issuer.cik == "0009000100"
    assert "NORTHWIND EXAMPLE CORP" in issuer.aliases
    assert issuer.prop("former_names") == "NORTHWIND EXAMPLE CORP"
    assert issuer.prop("address").startswith("1 Harbour Road")  # the document's address is kept
    assert issuer.prop("state_of_incorporation") == "E9"
    sect = {p.name: p.prov.section for p in issuer.props}
    assert sect["former_names"] == "header" and sect["state_of_incorporation"] == "header"
    store.add(f)
    key = "organization:" + normalize_name("NORTHWIND EXAMPLE CORP", NodeKind.ORGANIZATION)
    assert store.lookup_alias(key) == "cik:0009000100"


def test_header_business_address_of_a_party_no_document_describes():
    data = (FIX / "f4_header_only.txt").read_bytes().replace(
        b"\tFORMER COMPANY:", b"\tBUSINESS ADDRESS:\n\t\tSTREET 1:\t\t9 SAMPLE ROAD\n\t\tCITY:\t\t\tMUNCIE\n"
        b"\t\tSTATE:\t\t\tIN\n\t\tZIP:\t\t\t47305\n\n\tFORMER COMPANY:", 1)
    f = load_bytes(data, "f4.txt")
    issuer = f.entity(f.filing.issuer_key)
    assert issuer.prop("address") == "9 SAMPLE ROAD, MUNCIE, IN 47305"
    assert "NEW TAILSPIN EXAMPLE INC" in issuer.aliases


def test_power_of_attorney_exhibit_names_grantor_and_attorneys():
    f = load_path(FIX / "f4_xml_with_poa.txt")
    poa = [e for e in f.entities if e.kind == NodeKind.AGREEMENT]
    assert [e.name for e in poa] == ["Power of Attorney"]
    assert poa[0].prop("exhibit") == "EX-24" and poa[0].prop("date") == dt.date(2025, 3, 3)
    roles = {(f.entity(r.source).name, r.props["role"]) for r in f.relations
             if r.type == EdgeKind.PARTY_TO and r.target == poa[0].key}
    assert roles == {("Morgan T Example", "grantor"), ("Jordan Q. Sample", "attorney-in-fact"),
                     ("Riley Example", "attorney-in-fact"), ("Casey T. Placeholder", "attorney-in-fact")}
    grantor = next(r for r in f.relations if r.type == EdgeKind.PARTY_TO and r.props["role"] == "grantor")
    assert f.entity(grantor.source).cik == "0009000070" and grantor.prov.section == "Exhibit 24"
    # the holdings are untouched
    assert [r.props["shares"] for r in f.relations if r.type == EdgeKind.HOLDS] == [1000]


def test_joint_filing_agreement_dated_with_a_colon():
    from ownergraph.loaders.submission import _exhibit_agreements
    from ownergraph.graph.model import EntityFact, FilingFacts, FilingInfo, Provenance

    prov = Provenance(filing_id="x", source="x", section="cover page 1")
    fi = FilingInfo(id="x", form_type="SC 13D", family="schedule13", loader="t", source="x", sha256="0",
                    filer_keys=["a", "b"])
    facts = FilingFacts(filing=fi, entities=[
        EntityFact(key="a", kind=NodeKind.ORGANIZATION, name="Fabrikam Example Fund LP", prov=prov),
        EntityFact(key="b", kind=NodeKind.PERSON, name="Jordan Sample", prov=prov)])
    body = (b"JOINT FILING AGREEMENT\n\nThe undersigned agree to the joint filing of this Schedule 13D relating to "
            b"the Common Stock of Contoso Example Inc. filed on January 5, 2024.\n\nDated: March 1, 2024\n\n"
            b"FABRIKAM EXAMPLE FUND, L.P.\nBy: /s/ Jordan Sample\n\n/s/ Jordan Sample\n")
    _exhibit_agreements(facts, [({"type": "EX-99.1"}, body, "text")], "x")
    ag = next(e for e in facts.entities if e.kind == NodeKind.AGREEMENT)
    assert ag.prop("date") == dt.date(2024, 3, 1)
    assert {r.source for r in facts.relations if r.type == EdgeKind.PARTY_TO} == {"a", "b"}


def test_et_al_of_a_joint_filers_conformed_name_is_not_a_name():
    """EDGAR names the first of several joint filers "EXAMPLE HARPER J ET AL": that is the same person, not a
    former name, and "ET AL" is no part of any alias."""
    f = load_path(FIX / "sc13da_tag_header_group_members.txt")
    (harper,) = [e for e in f.entities if e.cik and e.cik.endswith("9000095")]
    assert not [a for a in harper.aliases if "ET AL" in a.upper()], harper.aliases
    assert harper.prop("former_names") is None
