"""ownergraph.loaders._prose: control and role statements mined from filing prose and Schedule A tables."""

from __future__ import annotations

import pytest

from ownergraph.graph.model import EdgeKind, EntityFact, FilingFacts, FilingInfo, NodeKind, Provenance
from ownergraph.loaders._prose import ProseContext, Resolver, classify_role, mine_table, mine_text, sentences, split_name_position

P, O = NodeKind.PERSON, NodeKind.ORGANIZATION


def facts(*ents, issuer=None) -> FilingFacts:
    info = FilingInfo(id="sha256:0000000000000000", form_type="SC 13D", family="schedule13", loader="test",
                      sha256="0" * 64, issuer_key=issuer)
    f = FilingFacts(filing=info)
    for key, kind, name in ents:
        f.entities.append(EntityFact(key=key, kind=kind, name=name,
                                     prov=Provenance(filing_id=info.id, section="cover page 1, row 1")))
    return f


def edges(f: FilingFacts, etype: EdgeKind) -> set[tuple[str, str, str]]:
    out = set()
    for r in f.relations:
        if r.type == etype:
            out.add((f.entity(r.source).name, f.entity(r.target).name, r.props.get("basis") or r.props.get("title")))
    return out


def test_sole_owner_with_partial_names():
    f = facts(("a", O, "Platinum International Investment Holdings RSC Limited"),
              ("b", O, "Platinum Falcon B 2018 RSC Limited"))
    mine_text("Platinum International is the sole owner of Platinum Falcon.", section="Item 2(c)", facts=f)
    assert edges(f, EdgeKind.CONTROLS) == {("Platinum International Investment Holdings RSC Limited",
                                            "Platinum Falcon B 2018 RSC Limited", "sole owner")}
    (r,) = f.relations
    assert r.props["stated"] is True and r.prov.section == "Item 2(c)" and "sole owner" in r.prov.excerpt


def test_general_partner_chain_creates_the_named_manager():
    f = facts(("fund", O, "BML Investment Partners, L.P."), ("bl", P, "Leonard Braden Michael"))
    mine_text("BML Capital Management, LLC is the sole general partner of BML Investment Partners, L.P. "
              "Braden M. Leonard is the managing member of BML Capital Management.", section="Item 2", facts=f)
    got = edges(f, EdgeKind.CONTROLS)
    assert ("BML Capital Management, LLC", "BML Investment Partners, L.P.", "sole general partner") in got
    # SEC-order name "LEONARD BRADEN MICHAEL" is Braden M. Leonard; the manager is one entity, not two
    assert ("Leonard Braden Michael", "BML Capital Management, LLC", "managing member") in got
    assert len([e for e in f.entities if "BML Capital" in e.name]) == 1
    assert f.entity("prose:1").kind == O


def test_officer_title_and_gp_of_two_funds():
    f = facts(("ms", P, "Mark E. Strome"), ("sg", O, "Strome Group, Inc."),
              ("sim", O, "Strome Investment Management, LP"), ("f1", O, "Strome Mezzanine Fund, LP"),
              ("f2", O, "Strome Mezzanine Fund II, LP"))
    mine_text('Mark E. Strome is the President of Strome Group, Inc. Strome Investment Management, LP ("Manager") '
              "is the general partner and investment manager of Strome Mezzanine Fund, LP and Strome Mezzanine "
              "Fund II, LP.", section="Item 2", facts=f)
    assert edges(f, EdgeKind.OFFICER_OF) == {("Mark E. Strome", "Strome Group, Inc.", "President")}
    assert edges(f, EdgeKind.CONTROLS) == {
        ("Strome Investment Management, LP", "Strome Mezzanine Fund, LP", "general partner and investment manager"),
        ("Strome Investment Management, LP", "Strome Mezzanine Fund II, LP", "general partner and investment manager"),
    }
    assert "Manager" in f.entity("sim").aliases


def test_defined_terms_appositives_and_passive_ownership():
    f = facts(("adia", O, "Abu Dhabi Investment Authority"), ("ph", O, "Platinum Investment Holdings RSC Limited"),
              ("pf", O, "Platinum Falcon B 2018 RSC Limited"))
    mine_text('Abu Dhabi Investment Authority ("ADIA") is a public institution established by the Government of '
              "the Emirate of Abu Dhabi (the Government). ADIA is wholly owned and subject to constitutional "
              "supervision by the Government.", section="Item 2", facts=f)
    # a later item of the same filing: the alias learned above still resolves
    mine_text('Platinum Holdings, the sole owner of Platinum Falcon, may be deemed to beneficially own the shares. '
              "ADIA, the sole owner of Platinum Holdings, may be deemed the beneficial owner.", section="Item 5",
              facts=f)
    got = edges(f, EdgeKind.CONTROLS)
    assert ("Government of the Emirate of Abu Dhabi", "Abu Dhabi Investment Authority", "wholly owns") in got
    assert ("Platinum Investment Holdings RSC Limited", "Platinum Falcon B 2018 RSC Limited", "sole owner") in got
    assert ("Abu Dhabi Investment Authority", "Platinum Investment Holdings RSC Limited", "sole owner") in got
    assert len(got) == 3


def test_item2_list_roles_at_two_organizations_and_issuer():
    f = facts(("issuer", O, "Example Holdings, Inc."), ("ac", O, "ACME & PARTNERS, INC."),
              ("jd", P, "JOHN Q. DOE, JR."), ("rr", P, "RITA C.W. ROE"), issuer="issuer")
    mine_text("(a) This statement is filed by: (i) Acme & Partners, Inc., a Nevada corporation (\u201cAcme\u201d); "
              "(ii) John Q. Doe, Jr., Chief Executive Officer and Chairman of Acme and Founder and Executive "
              "Chairman of the Issuer; and (iii) Rita C.W. Roe, President, General Counsel and a director of each of "
              "Acme and the Issuer. Mr. Doe may be deemed to beneficially own the Shares owned by Acme by virtue of "
              "his relationship with Acme.", section="Item 2(a)", facts=f)
    assert edges(f, EdgeKind.OFFICER_OF) == {
        ("JOHN Q. DOE, JR.", "ACME & PARTNERS, INC.", "Chief Executive Officer and Chairman"),
        ("JOHN Q. DOE, JR.", "Example Holdings, Inc.", "Founder and Executive Chairman"),
        ("RITA C.W. ROE", "ACME & PARTNERS, INC.", "President, General Counsel"),
        ("RITA C.W. ROE", "Example Holdings, Inc.", "President, General Counsel"),
    }
    assert edges(f, EdgeKind.DIRECTOR_OF) == {("RITA C.W. ROE", "ACME & PARTNERS, INC.", "director"),
                                              ("RITA C.W. ROE", "Example Holdings, Inc.", "director")}
    assert edges(f, EdgeKind.CONTROLS) == {("JOHN Q. DOE, JR.", "ACME & PARTNERS, INC.", "by virtue of relationship")}


def test_surname_never_merges_two_people():
    f = facts(("a", P, "John Smith"), ("b", P, "Jane Smith"), ("c", P, "Milton C. Ault, III"), ("o", O, "Smith Co LLC"))
    r = Resolver(f)
    assert r.resolve("Mr. Smith") is None and r.resolve("Smith") is None
    assert r.resolve("Mr. Ault") == "c" and r.resolve("MILTON C. AULT, III") == "c"
    assert r.resolve("Milton Ault") == "c"
    mine_text("Mr. Smith is the managing member of Smith Co LLC.", section="Item 2", facts=f)
    assert f.relations == []  # ambiguous surname: no edge, and no new person


def test_issuer_words_and_pronouns():
    f = facts(("i", O, "Target Corp."), ("p", P, "Ann Example"), issuer="i")
    r = Resolver(f)
    assert r.resolve("the Issuer") == "i" and r.resolve("the Company") == "i" and r.resolve("Target Corporation") == "i"
    assert r.resolve("he") is None


def test_classify_role():
    assert classify_role("President, General Counsel and a director") == [
        (EdgeKind.OFFICER_OF, "President, General Counsel"), (EdgeKind.DIRECTOR_OF, "director")]
    assert classify_role("Chief Executive Officer and Chairman") == [
        (EdgeKind.OFFICER_OF, "Chief Executive Officer and Chairman")]
    assert classify_role("sole general partner") == [(EdgeKind.CONTROLS, "sole general partner")]
    assert classify_role("Independent Director") == [(EdgeKind.DIRECTOR_OF, "Independent Director")]
    assert classify_role("Managing Director") == [(EdgeKind.OFFICER_OF, "Managing Director")]
    assert classify_role("the holders") == []


def test_sentences_keep_abbreviations():
    s = sentences("Henry C.W. Nisser is a citizen of Sweden. Ault & Company, Inc. is organized in Delaware. "
                  "Mr. Ault is a citizen of the U.S. and lives there.")
    assert len(s) == 3 and s[0].startswith("Henry C.W. Nisser")


def test_schedule_a_table():
    f = facts(("i", O, "Ault Alliance, Inc."), ("ac", O, "Ault & Company, Inc."), ("ma", P, "MILTON C. AULT, III"),
              issuer="i")
    rows = [["Name and Position", "Principal Occupation", "Principal Business Address", "Citizenship"],
            ["Milton C. Ault, III Chief Executive Officer and Chairman of the Board of Directors",
             "Executive Chairman of Ault Alliance, Inc.", "c/o Ault Alliance, Inc. Las Vegas, NV 89141", "USA"],
            ["Darren Magot Senior Vice President and Director", "Senior Vice President of Ault Alliance, Inc.",
             "Las Vegas, NV 89141", "USA"],
            ["Adam Corey Independent Director", "Vice President of Marsh & McLennan", "Las Vegas", "USA"]]
    assert mine_table(rows, section="Schedule A", facts=f, org_key="ac") == 3
    off = edges(f, EdgeKind.OFFICER_OF)
    assert ("MILTON C. AULT, III", "Ault & Company, Inc.", "Chief Executive Officer and Chairman of the Board of "
            "Directors") in off
    assert ("MILTON C. AULT, III", "Ault Alliance, Inc.", "Executive Chairman") in off
    assert ("Darren Magot", "Ault & Company, Inc.", "Senior Vice President") in off
    assert ("Darren Magot", "Ault Alliance, Inc.", "Senior Vice President") in off
    assert ("Adam Corey", "Marsh & McLennan", "Vice President") in off
    assert edges(f, EdgeKind.DIRECTOR_OF) == {("Darren Magot", "Ault & Company, Inc.", "Director"),
                                              ("Adam Corey", "Ault & Company, Inc.", "Independent Director")}
    corey = next(e for e in f.entities if e.name == "Adam Corey")
    assert corey.kind == P and corey.prop("citizenship") == "USA" and corey.prop("address") == "Las Vegas"
    assert all(r.prov.section == "Schedule A" for r in f.relations)


@pytest.mark.parametrize("cell,name,pos", [
    ("Milton C. Ault, III Chief Executive Officer", "Milton C. Ault, III", "Chief Executive Officer"),
    ("Henry C.W. Nisser President, General Counsel and Director", "Henry C.W. Nisser",
     "President, General Counsel and Director"),
])
def test_split_name_position(cell, name, pos):
    assert split_name_position(cell) == (name, pos)


def test_whose_inverted_and_principal_business_forms():
    f = facts(("fund", O, "BML Investment Partners, L.P."), ("bl", P, "Leonard Braden Michael"))
    mine_text("BML Investment Partners, L.P. is a Delaware limited partnership whose sole general partner is BML "
              "Capital Management, LLC. The managing member of BML Capital Management, LLC is Braden M. Leonard.",
              section="cover page 2, comments", facts=f)
    got = edges(f, EdgeKind.CONTROLS)
    assert got == {("BML Capital Management, LLC", "BML Investment Partners, L.P.", "sole general partner"),
                   ("Leonard Braden Michael", "BML Capital Management, LLC", "managing member")}
    g = facts(("fund", O, "BML Investment Partners, L.P."), ("gp", O, "BML Capital Management, LLC"),
              ("bl", P, "Leonard Braden Michael"))
    mine_text("The principal business of BML Capital Management, LLC is to serve as the general partner to BML "
              "Investment Partners, L.P. Mr. Leonard's principal business is to serve as managing member of BML "
              "Capital Management, LLC.", section="Item 2", facts=g)
    assert edges(g, EdgeKind.CONTROLS) == {
        ("BML Capital Management, LLC", "BML Investment Partners, L.P.", "general partner"),
        ("Leonard Braden Michael", "BML Capital Management, LLC", "managing member")}


def test_group_terms_expand_across_calls():
    f = facts(("m", O, "Strome Investment Management, LP"), ("f1", O, "Strome Mezzanine Fund, LP"),
              ("f2", O, "Strome Mezzanine Fund II, LP"))
    ctx = ProseContext(f)  # the filing's context, passed to every call
    mine_text('Strome Investment Management, LP (the "Manager"); Strome Mezzanine Fund, LP and Strome Mezzanine Fund '
              'II, LP (the "Fund," and together with the Strome Mezzanine Fund, LP, the "Funds").',
              section="Item 2(a)", facts=f, ctx=ctx)
    mine_text("The principal business of the Manager is to serve as a general partner and investment manager of the "
              "Funds.", section="Item 2(c)", facts=f, ctx=ctx)
    assert edges(f, EdgeKind.CONTROLS) == {
        ("Strome Investment Management, LP", "Strome Mezzanine Fund, LP", "general partner and investment manager"),
        ("Strome Investment Management, LP", "Strome Mezzanine Fund II, LP", "general partner and investment manager")}


def test_controlling_interest_and_majority_ownership_phrases():
    f = facts(("p", P, "Dana Whitlock"), ("g", O, "Whitlock GP LLC"), ("s", O, "Whitlock Securities GP LLC"),
              ("q", O, "Larkspur Partners GP LP"), ("c", O, "Larkspur Co-Invest GP LP"), ("k", P, "Omar Feld"))
    mine_text("Ms. Whitlock is the President of Whitlock GP LLC, and owns a controlling interest in Whitlock GP LLC "
              "and Whitlock Securities GP LLC.", section="Item 2", facts=f)
    mine_text("Mr. Feld controls a majority of the ownership of Larkspur Partners GP LP and Larkspur Co-Invest GP LP "
              "and, as such, has shared voting power.", section="Item 2(c)", facts=f)
    assert edges(f, EdgeKind.CONTROLS) == {
        ("Dana Whitlock", "Whitlock GP LLC", "controlling interest"),
        ("Dana Whitlock", "Whitlock Securities GP LLC", "controlling interest"),
        ("Omar Feld", "Larkspur Partners GP LP", "majority owner"),
        ("Omar Feld", "Larkspur Co-Invest GP LP", "majority owner")}
    # an interest that is not a controlling one states no control
    g = facts(("p", P, "Dana Whitlock"), ("g", O, "Whitlock GP LLC"))
    mine_text("Ms. Whitlock owns a minority interest in Whitlock GP LLC.", section="Item 2", facts=g)
    assert not edges(g, EdgeKind.CONTROLS)


def test_virtue_of_their_relationships_to_a_holder_with_listed_subjects():
    f = facts(("a", O, "Birchmoor Onshore LLC"), ("b", O, "Tallis Coast Limited Partnership"),
              ("c", O, "Quennell Corp."), ("d", O, "Ardent Partners"), ("p", P, "Rafael Okonkwo"))
    mine_text("Birchmoor Onshore has sole voting power with respect to 1,000 Units. Pursuant to Rule 13d-3(a), each of "
              "Tallis Coast, Quennell and Mr. Okonkwo (by virtue of their relationships to Birchmoor Onshore) may be "
              "deemed to indirectly beneficially own the Units which Birchmoor Onshore owns. Ardent has sole voting "
              "power with respect to 500 Units. Each of Quennell and Mr. Okonkwo (by virtue of their relationships "
              "to Ardent) may be deemed to indirectly beneficially own the Units which Ardent owns.",
              section="Item 5(b)", facts=f)
    assert edges(f, EdgeKind.CONTROLS) == {
        ("Tallis Coast Limited Partnership", "Birchmoor Onshore LLC", "by virtue of relationship"),
        ("Quennell Corp.", "Birchmoor Onshore LLC", "by virtue of relationship"),
        ("Rafael Okonkwo", "Birchmoor Onshore LLC", "by virtue of relationship"),
        ("Quennell Corp.", "Ardent Partners", "by virtue of relationship"),
        ("Rafael Okonkwo", "Ardent Partners", "by virtue of relationship")}


def test_single_word_mentions_resolve_only_to_one_organization():
    f = facts(("a", O, "Gorseway Partners"), ("b", O, "Citrine Capital LLC"), ("c", O, "Citrine Holdings LP"))
    res = Resolver(f)
    assert res.resolve("Gorseway") == "a"
    assert res.resolve("Citrine") is None  # two organizations begin with it
    assert res.resolve("Capital") is None and res.resolve("Partners") is None  # legal-form / generic words


def test_capitalised_defined_term_after_a_role_is_an_object():
    f = facts(("a", O, "Kittering Advisors LP"), ("p", P, "Lena Marsh"), ("q", P, "Tobias Wren"))
    ctx = ProseContext(f)
    mine_text('This statement is filed by Kittering Advisors LP (the "Adviser"), Lena Marsh and Tobias Wren.',
              section="Item 2", facts=f, ctx=ctx)
    mine_text("Lena Marsh and Tobias Wren are the managing partners of the Adviser.", section="Item 4", facts=f, ctx=ctx)
    assert edges(f, EdgeKind.EMPLOYED_BY) == {("Lena Marsh", "Kittering Advisors LP", "managing partner"),
                                              ("Tobias Wren", "Kittering Advisors LP", "managing partner")}
    # a lower-case role word after "of the" still continues the role phrase (control through the manager)
    g = facts(("a", O, "Kittering Advisors LP"), ("m", O, "Kittering Master Fund LP"), ("p", P, "Lena Marsh"))
    mine_text("Lena Marsh is the sole member of the manager of Kittering Master Fund LP.", section="Item 2", facts=g)
    assert not edges(g, EdgeKind.EMPLOYED_BY)


def test_portfolio_manager_between_organizations_is_investment_control():
    f = facts(("adv", O, "Larkspur Advisors LLC"), ("fund", O, "Larkspur Multi-Strategy Master Fund Ltd."),
              ("pm", P, "Dana Whitcombe"))
    mine_text('Larkspur Advisors LLC ("Larkspur Advisors") is the portfolio manager for Larkspur Multi-Strategy '
              "Master Fund Ltd., a Cayman Islands company. Dana Whitcombe is a portfolio manager of Larkspur Advisors.", section="Item 2", facts=f)
    assert edges(f, EdgeKind.CONTROLS) == {("Larkspur Advisors LLC", "Larkspur Multi-Strategy Master Fund Ltd.",
                                            "portfolio manager")}
    # a person who is a portfolio manager stays an employee
    assert edges(f, EdgeKind.EMPLOYED_BY) == {("Dana Whitcombe", "Larkspur Advisors LLC", "portfolio manager")}


def test_shared_voting_and_investment_power_over_an_entity():
    f = facts(("gp", O, "Tamarind Partners GP LP"), ("cgp", O, "Tamarind Co-Invest GP LP"),
              ("hold", O, "Tamarind Holdco 2 LLC"), ("iss", O, "Brightwell Corp."), issuer="iss")
    mine_text('Tamarind Partners GP LP ("Tamarind GP"), Tamarind Co-Invest GP LP ("Co-Invest GP") and Tamarind '
              'Holdco 2 LLC ("Holdco"). Tamarind GP and Co-Invest GP share voting and investment power with respect '
              "to Holdco. Holdco has sole voting and investment power over the Shares.", section="Item 2", facts=f)
    assert edges(f, EdgeKind.CONTROLS) == {
        ("Tamarind Partners GP LP", "Tamarind Holdco 2 LLC", "shared voting and investment power"),
        ("Tamarind Co-Invest GP LP", "Tamarind Holdco 2 LLC", "shared voting and investment power")}


def test_parenthesis_inside_a_company_name_is_not_a_defined_term():
    f = facts(("rp", O, "Stonebridge Group, Inc."))
    mine_text("Subsidiary: Stonebridge Asset Management (Ireland) Limited, Stonebridge (Netherlands) B.V., "
              "Stonebridge Advisers (Canada), Ltd. and Stonebridge Capital Partners (SCP).", section="Item 7", facts=f)
    aliases = {a for e in f.entities for a in e.aliases}
    assert not aliases & {"Ireland", "Netherlands", "Canada"}
    assert f.entity("rp").aliases == []
    assert "SCP" in aliases  # a real abbreviation still is one


def test_sentence_opening_by_virtue_phrase_takes_the_subject_after_it():
    f = facts(("a", O, "Birchmoor Onshore LLC"), ("p", P, "Rafael Okonkwo"), ("g", O, "Quennell Corp."))
    mine_text("By virtue of his relationship with Birchmoor Onshore, Mr. Okonkwo may be deemed to beneficially own "
              "the Units. By virtue of their relationship as affiliated entities who have overlapping general "
              "partners, each of the persons named may be deemed to share power over the Units.",
              section="Item 5", facts=f)
    assert edges(f, EdgeKind.CONTROLS) == {("Rafael Okonkwo", "Birchmoor Onshore LLC", "by virtue of relationship")}


def test_group_term_defined_in_a_sentence_of_its_own():
    f = facts(("a", P, "Dana Whitcombe"), ("b", P, "Arjun Patel"), ("g", O, "Larch Growth Partners IV, LLC"))
    mine_text("Whitcombe and Patel are referred to collectively as the \"Committee Members\". The Committee Members "
              "act as investment committee members of Larch Growth Partners IV, LLC.", section="Item 2", facts=f)
    assert {(s, t) for s, t, _ in edges(f, EdgeKind.EMPLOYED_BY)} == {
        ("Dana Whitcombe", "Larch Growth Partners IV, LLC"), ("Arjun Patel", "Larch Growth Partners IV, LLC")}
    assert len(f.entities) == 3


def test_sentence_ends_after_a_legal_form_when_a_clause_follows():
    assert sentences("Kestrel Advisors LP is the investment manager of Kestrel Master Fund Ltd. Dana Whitcombe is "
                     "the managing member of Kestrel GP LLC.") == [
        "Kestrel Advisors LP is the investment manager of Kestrel Master Fund Ltd.",
        "Dana Whitcombe is the managing member of Kestrel GP LLC."]
    # a legal form inside a name, or before a class title, ends nothing
    assert sentences("Harbor Co. Ltd. is the parent of Brill LLC. Kestrel GP LLC holds shares of Acme Inc. Common "
                     "Stock.") == ["Harbor Co. Ltd. is the parent of Brill LLC.",
                                   "Kestrel GP LLC holds shares of Acme Inc. Common Stock."]
    f = facts(("a", O, "Kestrel Advisors LP"), ("m", O, "Kestrel Master Fund Ltd."), ("g", O, "Kestrel GP LLC"),
              ("p", P, "Dana Whitcombe"))
    mine_text("Kestrel Advisors LP is the investment manager of Kestrel Master Fund Ltd. Dana Whitcombe is the "
              "managing member of Kestrel GP LLC.", section="Item 4", facts=f)
    assert edges(f, EdgeKind.CONTROLS) == {("Kestrel Advisors LP", "Kestrel Master Fund Ltd.", "investment manager"),
                                           ("Dana Whitcombe", "Kestrel GP LLC", "managing member")}
    assert len(f.entities) == 4


def test_manager_appointed_over_a_funds_investments_controls_the_fund():
    text = ("Harrowgate Advisers (UK) Limited, which has been appointed as manager and is exclusively responsible for "
            "making final decisions related to the acquisition, structuring, financing and disposal of Harrowgate "
            "Vision Fund 3-A L.P.'s investments, may be deemed to have beneficial ownership of the Shares.")
    f = facts(("a", O, "Harrowgate Vision Fund 3-A L.P."), ("b", O, "Harrowgate Advisers (UK) Limited"))
    mine_text(text, section="Item 2", facts=f)
    assert edges(f, EdgeKind.CONTROLS) == {("Harrowgate Advisers (UK) Limited", "Harrowgate Vision Fund 3-A L.P.",
                                            "manager")}
    assert len(f.entities) == 2
    # an appointment that is not over the fund's investments states no control
    g = facts(("a", O, "Harrowgate Vision Fund 3-A L.P."), ("b", O, "Harrowgate Advisers (UK) Limited"))
    mine_text("Harrowgate Advisers (UK) Limited has been appointed as placement agent of Harrowgate Vision Fund 3-A "
              "L.P.'s offering.", section="Item 2", facts=g)
    assert not edges(g, EdgeKind.CONTROLS)


def test_alias_collision_resolves_to_the_alias_as_spelled():
    # "The Smith Trust" (a) and "Smith Trust" (b) share one normalized organization form; the mention spelled
    # exactly as a's alias must name a, and the answer must not depend on the order a set happens to iterate in
    f = facts(("a", O, "Alpha Holdings LLC"), ("b", O, "Beta Holdings LLC"))
    r = Resolver(f)
    r.add_alias("The Smith Trust", "a")
    r.add_alias("Smith Trust", "b")
    assert r.resolve("The Smith Trust") == "a"
    assert r.resolve("Smith Trust") == "b"


def test_a_name_created_from_prose_keeps_its_abbreviation_period():
    f = facts(("i", O, "Target Corp."), issuer="i")
    mine_text("Arthur Penhallow, Jr. is the managing member of Penhallow Capital Co. and Mr. Penhallow is "
              "the sole shareholder of Penhallow Holdings, Inc.", section="Item 2", facts=f)
    names = {e.name for e in f.entities}
    assert {"Arthur Penhallow, Jr.", "Penhallow Capital Co.", "Penhallow Holdings, Inc."} <= names
    # a full stop after a name that is no abbreviation is still the sentence's
    f = facts(("i", O, "Target Corp."), issuer="i")
    mine_text("Dana Whitcombe is the managing member of Larch Partners LLC.", section="Item 2", facts=f)
    assert "Larch Partners LLC" in {e.name for e in f.entities}


def test_a_role_shared_by_several_subjects_is_each_ones_role_in_the_singular():
    f = facts(("a", O, "Harrowgate Capital LP"), ("m", O, "Harrowgate Master Fund LP"), ("p", P, "Ines Valcourt"),
              ("q", P, "Tomas Brandvik Oyelaran"))
    mine_text("Harrowgate Capital LP, as the investment manager to Harrowgate Master Fund LP, may be deemed to "
              "beneficially own the shares. Ines Valcourt and Tomas Brandvik Oyelaran are the managing partners of "
              "Harrowgate Capital LP and exercise investment discretion with respect to the shares.",
              section="Item 4", facts=f)
    # "managing partner" is no control role (a firm may have several): an employment, titled in the singular
    assert edges(f, EdgeKind.EMPLOYED_BY) == {("Ines Valcourt", "Harrowgate Capital LP", "managing partner"),
                                              ("Tomas Brandvik Oyelaran", "Harrowgate Capital LP", "managing partner")}
    assert edges(f, EdgeKind.CONTROLS) == {("Harrowgate Capital LP", "Harrowgate Master Fund LP", "investment manager")}
    # a group term as the subject; names keep their plural words ("Partners")
    g = facts(("lp", O, "Quillon Venture Partners IV, L.P."), ("llc", O, "Quillon Venture Partners IV, LLC"),
              ("x", P, "Ada Ferreira"), ("y", P, "Bo Lindqvist"), ("z", P, "Cyrus Ahn"))
    ctx = ProseContext(g)
    mine_text('Quillon Venture Partners IV, LLC ("QVP IV LLC") is the sole general partner of Quillon Venture Partners '
              'IV, L.P. Ferreira, Lindqvist and Ahn are referred to collectively as the "QVP IV Committee Members". '
              "QVP IV Committee Members act as investment committee members of QVP IV LLC.",
              section="Item 2", facts=g, ctx=ctx)
    assert edges(g, EdgeKind.EMPLOYED_BY) == {(n, "Quillon Venture Partners IV, LLC", "investment committee member")
                                              for n in ("Ada Ferreira", "Bo Lindqvist", "Cyrus Ahn")}
    assert edges(g, EdgeKind.CONTROLS) == {("Quillon Venture Partners IV, LLC", "Quillon Venture Partners IV, L.P.",
                                            "sole general partner")}
    # the singular role decides the kind: several managers or general partners each control, as one would
    h = facts(("f", O, "Brisling Fund LP"), ("g", O, "Brisling Opportunities LP"), ("p", P, "Noor Haddad"),
              ("q", P, "Elias Marchetti"), ("r", P, "Wendell Osei"), ("s", P, "Yara Lindahl"))
    mine_text("Noor Haddad and Elias Marchetti are the managers of Brisling Fund LP. Wendell Osei and Yara Lindahl "
              "are the general partners of Brisling Opportunities LP and directors of Brisling Fund LP.",
              section="Item 2", facts=h)
    assert edges(h, EdgeKind.CONTROLS) == {
        ("Noor Haddad", "Brisling Fund LP", "manager"), ("Elias Marchetti", "Brisling Fund LP", "manager"),
        ("Wendell Osei", "Brisling Opportunities LP", "general partner"),
        ("Yara Lindahl", "Brisling Opportunities LP", "general partner")}
    assert edges(h, EdgeKind.DIRECTOR_OF) == {("Wendell Osei", "Brisling Fund LP", "director"),
                                              ("Yara Lindahl", "Brisling Fund LP", "director")}
    # one subject keeps the phrase as written
    k = facts(("f", O, "Brisling Fund LP"), ("p", P, "Noor Haddad"))
    mine_text("Noor Haddad is one of the members of the board of directors of Brisling Fund LP.", section="Item 2",
              facts=k)
    assert {t for *_, t in edges(k, EdgeKind.DIRECTOR_OF) | edges(k, EdgeKind.OFFICER_OF) |
            edges(k, EdgeKind.EMPLOYED_BY)} <= {"members of the board of directors", "member of the board of directors"}


def test_singular_role_changes_title_words_only():
    from ownergraph.loaders._prose import singular_role
    assert singular_role("the managing partners") == "the managing partner"
    assert singular_role("general partners and investment managers") == "general partner and investment manager"
    assert singular_role("Executive Officers and Directors") == "Executive Officer and Director"
    assert singular_role("members of the board of directors") == "member of the board of directors"
    assert singular_role("investment committee members") == "investment committee member"
    assert singular_role("sales") == "sales" and singular_role("investments") == "investments"
