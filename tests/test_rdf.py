"""RDF export: standard vocabularies, SHACL validation, round trips, streaming, hostile names."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pyshacl
import pytest
import rdflib
from rdflib import RDF, RDFS, XSD, Literal, URIRef

from ownergraph.errors import LoadError, OwnergraphError
from ownergraph.graph.rdf import export as ex
from ownergraph.graph.rdf.vocab import FIBO_COWN, FIBO_CTL, FIBO_OWN, FIBO_REL, OG, OG_NS, PREFIXES

from _control_facts import FB, gp_chain_like, seed_like

RDF_DIR = Path(ex.__file__).parent
SHAPES = rdflib.Graph().parse(RDF_DIR / "shapes.ttl")
ONTOLOGY = rdflib.Graph().parse(RDF_DIR / "ontology.ttl")
SEED_FILING = URIRef("https://www.sec.gov/Archives/edgar/data/1086745/000121390024063150/"
                     "0001213900-24-063150-index.htm")


def _validate(g, inference: str = "none") -> tuple[bool, str]:
    conforms, _report, text = pyshacl.validate(g, shacl_graph=SHAPES, ont_graph=ONTOLOGY, inference=inference)
    return conforms, text


@pytest.fixture
def seeded(store):
    store.add(seed_like().facts())
    store.add(gp_chain_like().facts())
    return store


def test_seed_like_export_validates_and_keeps_values(seeded):
    g = ex.to_rdflib(seeded)
    for inference in ("none", "rdfs"):
        ok, text = _validate(g, inference)
        assert ok, text
    # the filing's IRI is its EDGAR archive index page
    assert (SEED_FILING, RDF.type, OG.Filing) in g
    assert g.value(SEED_FILING, OG.accession) == Literal("0001213900-24-063150")
    # Ault & Company's beneficial position: relationship node with typed values and provenance
    ac = URIRef(ex.DEFAULT_BASE + "organization/ault-and-company")
    rels = [r for r in g.subjects(FIBO_CTL.hasPartyInControl, ac) if (r, RDF.type, FIBO_COWN.BeneficialOwnership) in g]
    assert len(rels) == 1
    r = rels[0]
    pct = g.value(r, OG.percent)
    assert pct.datatype == XSD.decimal and pct.toPython() == Decimal("85.72")
    assert g.value(r, OG.shares).toPython() == Decimal(214940800)
    assert g.value(r, OG.aggregateAmount).toPython() == Decimal(214940800)
    assert g.value(r, OG.soleVotingPower).toPython() == Decimal(214940800)
    assert g.value(r, OG.asOf) == Literal("2024-07-23", datatype=XSD.date)
    assert g.value(r, OG.section) == Literal("cover page 1, row 11")
    assert "AGGREGATE AMOUNT" in str(g.value(r, OG.excerpt))
    assert g.value(r, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) == SEED_FILING
    assert g.value(r, OG.current) == Literal(True)
    # ... and the shortcut
    assert (ac, FIBO_OWN.owns, URIRef(ex.DEFAULT_BASE + "cusip/09175M507")) in g


def test_every_edge_twice(seeded):
    g = ex.to_rdflib(seeded)
    n_edges = sum(1 for _ in seeded.edges())
    rel_nodes = set(g.subjects(OG.edgeType, None))
    assert len(rel_nodes) == n_edges
    for r in rel_nodes:
        kind = str(g.value(r, OG.edgeType))
        if kind == "CONTROLS":
            s, t = g.value(r, FIBO_CTL.hasPartyInControl), g.value(r, FIBO_CTL.involvesControlledThing)
            assert (s, FIBO_REL.controls, t) in g
        elif kind == "ISSUED_BY":
            assert (g.value(r, OG.source), FIBO_REL.isIssuedBy, g.value(r, OG.target)) in g


def test_controls_property_path(seeded):
    g = ex.to_rdflib(seeded)
    q = ex_prefixes() + """
    SELECT ?name WHERE { ?p fibo-fnd-rel-rel:controls+ ?fund . ?fund og:id "cik:0000000083" . ?p rdfs:label ?name }
    """
    assert sorted(str(r[0]) for r in g.query(q)) == ["Ajay Example", "Example GP LP", "Example UGP LLC"]


def ex_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def test_shacl_catches_bad_data(seeded):
    g = ex.to_rdflib(seeded)
    r = next(iter(g.subjects(RDF.type, OG.Holding)))
    g.set((r, OG.percent, Literal(Decimal("150"))))
    ok, text = _validate(g)
    assert not ok and "percent" in text
    g2 = ex.to_rdflib(seeded)
    r2 = next(iter(g2.subjects(RDF.type, OG.Holding)))
    g2.remove((r2, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    assert not _validate(g2)[0]


@pytest.mark.parametrize("fmt,rdflib_fmt", [("nt", "nt"), ("ttl", "turtle"), ("turtle", "turtle"),
                                            ("jsonld", "json-ld"), ("trig", "trig")])
def test_formats_round_trip_with_the_same_count(seeded, tmp_path, fmt, rdflib_fmt):
    path = tmp_path / f"out.{fmt}"
    with open(path, "wb") as fh:
        n = ex.export(seeded, fh, fmt)
    assert n > 500
    if fmt == "trig":
        ds = rdflib.Dataset()
        ds.parse(path, format="trig")
        quads = list(ds.quads((None, None, None, None)))
        assert len(quads) == n
        graphs = {str(c) for *_t, c in quads}
        # one named graph per filing (plus the default graph for node descriptions)
        assert SEED_FILING.n3()[1:-1] in graphs and len(graphs - {str(rdflib.graph.DATASET_DEFAULT_GRAPH_ID)}) == 2
        return
    g = rdflib.Graph().parse(path, format=rdflib_fmt)
    assert len(g) == n
    # the same statements as the in-memory export (values and datatypes survive every writer)
    assert set(g) == set(ex.to_rdflib(seeded))


def test_nt_streams_without_building_a_graph(seeded, monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("N-Triples export must not build an rdflib Graph")

    monkeypatch.setattr(rdflib.graph.Graph, "__init__", refuse)
    buf = io.StringIO()
    n = ex.write_nt(seeded, buf)
    lines = buf.getvalue().splitlines()
    assert n == len(lines) and len(set(lines)) == n  # no repeated statements
    monkeypatch.undo()
    assert len(rdflib.Graph().parse(data=buf.getvalue(), format="nt")) == n


HOSTILE = [
    'Evil "Quoted" Holdings, Inc.',
    "Back\\slash \\n Partners LLC",
    "Tick`tock` Capital",
    "x'}) DETACH DELETE n //",
    "Line one\nLine two\r\nTab\there",
    "Ünïcödé Ωmega 株式会社 \u0001ctrl",
    '"> <http://evil/> . _:x <p> "',
]


def hostile_facts():
    f = FB("0000000009-24-000001", "2024-05-01")
    f.org("i", "Target Corp", cik=10, issuer=True).security("c", 'Common "Stock" \\ ` ', "i", cusip="111111101")
    for k, name in enumerate(HOSTILE):
        f.org(f"h{k}", name, filer=True)
        f.holds(f"h{k}", "c", 100 + k, "1.5", section=f'cover page {k}, row 11 "quoted"',
                excerpt=name + " \\ excerpt")
        f.member(f"h{k}")
    f.controls("h0", "h1", basis='"general" partner\n')
    f.officer("h2", "i", title="CEO'}) RETURN 1 //")
    return f.facts()


@pytest.mark.parametrize("fmt,rdflib_fmt", [("nt", "nt"), ("ttl", "turtle"), ("jsonld", "json-ld"),
                                            ("trig", "trig")])
def test_hostile_names_round_trip_verbatim(store, tmp_path, fmt, rdflib_fmt):
    store.add(hostile_facts())
    path = tmp_path / f"hostile.{fmt}"
    with open(path, "wb") as fh:
        n = ex.export(store, fh, fmt)
    g = rdflib.Dataset(default_union=True) if fmt == "trig" else rdflib.Graph()
    g.parse(path, format=rdflib_fmt)
    labels = {str(o) for o in g.objects(None, RDFS.label)}
    for name in HOSTILE:
        assert name in labels
    assert 'Common "Stock" \\ ` ' in labels
    assert "CEO'}) RETURN 1 //" in {str(o) for o in g.objects(None, OG.title)}
    assert '"general" partner\n' in {str(o) for o in g.objects(None, OG.controlBasis)}
    excerpts = {str(o) for o in g.objects(None, OG.excerpt)}
    assert all(name + " \\ excerpt" in excerpts for name in HOSTILE)
    if fmt != "trig":
        assert len(g) == n
    assert _validate(ex.to_rdflib(store))[0]


def test_base_is_configurable_and_checked(seeded):
    base = "https://example.org/kg/"
    g = ex.to_rdflib(seeded, base)
    subjects = {str(s) for s in g.subjects(RDF.type, None)}
    assert base + "cik/0001086745" in subjects
    assert not any(s.startswith(ex.DEFAULT_BASE) for s in subjects)
    assert str(SEED_FILING) in subjects  # filings keep their EDGAR address
    for bad in ("not an iri", "https://x.org/a b/", "https://x.org/<x>/", "https://x.org/noslash"):
        with pytest.raises(OwnergraphError):
            ex.to_rdflib(seeded, bad)


def test_filing_iri_follows_edgar():
    assert ex.filing_iri("b/", "0001213900-24-063150", "0001213900-24-063150", "0001086745") == (
        "https://www.sec.gov/Archives/edgar/data/1086745/000121390024063150/0001213900-24-063150-index.htm")
    # no CIK known: the accession's filer-id prefix
    assert ex.filing_iri("b/", "0000950170-24-000001", None, None).startswith(
        "https://www.sec.gov/Archives/edgar/data/950170/000095017024000001/")
    # no accession number: under the base
    assert ex.filing_iri("https://b/", "sha256:0123456789abcdef", None, None) == (
        "https://b/filing/sha256%3A0123456789abcdef")


def test_security_classes_by_title(seeded):
    g = ex.to_rdflib(seeded)
    eq = "https://spec.edmcouncil.org/fibo/ontology/SEC/Equities/EquityInstruments/"
    by_label = {str(g.value(s, RDFS.label)): {str(o) for o in g.objects(s, RDF.type)}
                for s in g.subjects(RDF.type, URIRef(
                    "https://spec.edmcouncil.org/fibo/ontology/FBC/FinancialInstruments/FinancialInstruments/Security"))}
    assert eq + "CommonShare" in by_label["Class A Common Stock"]
    assert eq + "PreferredShare" in by_label["Series C Convertible Preferred Stock"]
    assert not any(t.startswith(eq) for t in by_label["Series C Warrants"])


def test_every_og_term_used_is_defined_in_the_ontology(seeded, store):
    store.add(hostile_facts())
    g = ex.to_rdflib(seeded)
    used = {t for trip in g for t in trip if isinstance(t, URIRef) and str(t).startswith(OG_NS)}
    assert used
    for t in used:
        assert (t, RDFS.label, None) in ONTOLOGY, t
        assert (t, RDFS.comment, None) in ONTOLOGY, t


def test_every_og_term_the_loaders_use_is_declared(store, seed_path):
    """What the loaders read off the project's fixtures (and the development filings, when present) exports
    only og: terms the ontology declares, with a label and a comment; loader facts are og:property's children."""
    from conftest import FIXTURES, SHARED_FILINGS

    files = [seed_path, *sorted(p for p in FIXTURES.rglob("*") if p.is_file())]
    if SHARED_FILINGS.exists():
        files += sorted(p for p in SHARED_FILINGS.rglob("*") if p.is_file() and p.suffix not in (".json", ".md"))
    facts = _load_real(files)
    assert len(facts) > 50
    for f in facts:
        store.add(f)
    g = ex.to_rdflib(store)
    used = {t for trip in g for t in trip if isinstance(t, URIRef) and str(t).startswith(OG_NS)}
    undeclared = sorted(str(t)[len(OG_NS):] for t in used
                        if (t, RDFS.label, None) not in ONTOLOGY or (t, RDFS.comment, None) not in ONTOLOGY)
    assert not undeclared, f"og: terms used by the export but not declared in ontology.ttl: {undeclared}"
    loader_props = set(ONTOLOGY.subjects(RDFS.subPropertyOf, OG.property))
    assert loader_props & used and all(set(ONTOLOGY.objects(t, RDF.type)) == {rdflib.OWL.DatatypeProperty}
                                       for t in loader_props)


def test_unknown_format_is_a_clear_error(seeded):
    with pytest.raises(OwnergraphError, match="unknown RDF format"):
        ex.export(seeded, io.BytesIO(), "rdfxml")


# ------------------------------------------------------------------ real filings


def _load_real(paths):
    from ownergraph.loaders import load_path

    out = []
    for p in paths:
        try:
            out.append(load_path(p))
        except LoadError:
            continue  # that form's loader has not landed yet (or cannot read it: its own tests say so)
    return out


def test_seed_filing_export_validates(store, seed_path):
    facts = _load_real([seed_path])
    if not facts:
        pytest.skip("no loader for the seed filing yet")
    store.add(facts[0])
    g = ex.to_rdflib(store)
    for inference in ("none", "rdfs"):
        ok, text = _validate(g, inference)
        assert ok, text
    filings = set(g.subjects(RDF.type, OG.Filing))
    assert len(filings) == 1
    filing_iri = next(iter(filings))
    acc = facts[0].filing.accession
    assert str(filing_iri).endswith(f"{acc}-index.htm" if acc else facts[0].filing.id.replace(":", "%3A"))
    assert set(g.subjects(RDF.type, FIBO_COWN.BeneficialOwnership))


def test_development_filings_export_validates(store, shared_filings, seed_path, tmp_path):
    files = sorted(p for p in shared_filings.rglob("*") if p.is_file() and p.suffix not in (".json", ".md"))
    facts = _load_real([seed_path, *files])
    if not facts:
        pytest.skip("no loader for the development filings yet")
    for f in facts:
        store.add(f)
    g = ex.to_rdflib(store)
    ok, text = _validate(g)
    assert ok, text[:3000]
    # a triple store that reasons (RDFS) types every subject of a property by its rdfs:domain and every
    # object by its rdfs:range: the ontology's domains and ranges must fit every use the export makes
    ok, text = _validate(g, inference="rdfs")
    assert ok, text[:3000]
    n_filings = len(store.filings())
    assert len(set(g.subjects(RDF.type, OG.Filing))) == n_filings
    path = tmp_path / "dev.ttl"
    with open(path, "wb") as fh:
        n = ex.export(store, fh, "ttl")
    back = rdflib.Graph().parse(path, format="turtle")
    assert len(back) == n and set(back) == set(g)


def test_ontology_defines_exactly_the_python_terms():
    from rdflib import OWL

    defined = {str(s)[len(OG_NS):] for s in ONTOLOGY.subjects(RDFS.label, None) if str(s).startswith(OG_NS)}
    assert defined == set(OG.__annotations__)
    for name in defined:
        t = URIRef(OG_NS + name)
        kinds = set(ONTOLOGY.objects(t, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, name
        assert (t, RDFS.isDefinedBy, None) in ONTOLOGY
