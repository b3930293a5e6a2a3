"""graph.model.constructor: the loaders' fast construction of facts gives what validation gives, and steps
back to ``model_construct`` when a caller's idea of a model's fields is out of date."""

from __future__ import annotations

from ownergraph.graph.model import EdgeKind, Provenance, RelationFact, constructor


def test_fast_construction_equals_validation():
    make = constructor({Provenance: ("filing_id", "accession", "source", "section", "excerpt"),
                        RelationFact: ("type", "source", "target", "props", "prov", "discriminator")})
    p = make(Provenance, {"filing_id": "f", "accession": None, "source": "a.xml", "section": "row 1",
                          "excerpt": "x"})
    assert p == Provenance(filing_id="f", source="a.xml", section="row 1", excerpt="x")
    assert hash(p) == hash(Provenance(filing_id="f", source="a.xml", section="row 1", excerpt="x"))
    r = make(RelationFact, {"type": EdgeKind.HOLDS, "source": "a", "target": "b", "props": {"shares": 1},
                            "prov": p, "discriminator": None})
    assert r == RelationFact(type=EdgeKind.HOLDS, source="a", target="b", props={"shares": 1}, prov=p)
    assert r.model_dump() == RelationFact.model_validate(r.model_dump()).model_dump()


def test_out_of_date_field_list_falls_back_to_model_construct():
    # a caller that does not pass a field the model has (one gained with a default) gets the default filled
    make = constructor({Provenance: ("filing_id", "source", "section")})
    p = make(Provenance, {"filing_id": "f", "source": None, "section": "s"})
    assert p.excerpt == "" and p.accession is None
    assert p == Provenance(filing_id="f", section="s")


def test_edgar_conformed_name_tag_is_no_part_of_an_organization_name():
    from ownergraph.graph.ids import normalize_name

    assert normalize_name("FARNAM STREET PARTNERS LP /MN") == normalize_name("Farnam Street Partners, L.P.")
    assert normalize_name("MORTON INTERNATIONAL INC /IN/") == normalize_name("Morton International, Inc.")
    assert normalize_name("EXAMPLE CORP /DE/ /NEW/") == normalize_name("Example Corp")
    assert normalize_name("Alpha/Beta Partners") == "alpha beta partners"
