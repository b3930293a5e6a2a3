"""BODS 0.4 export, validated against the BODS 0.4 JSON schema shipped by libcovebods."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource
from typer.testing import CliRunner

from ownergraph.cli import app
from ownergraph.errors import LoadError
from ownergraph.graph.bods import export_bods

from _control_facts import FB, gp_chain_like, seed_like
from _reliability import development_files, load_into

SCHEMA_DIR = Path(__import__("libcovebods").__file__).parent / "data" / "schema-0-4-0"


@pytest.fixture(scope="module")
def validator():
    resources = []
    for name in ("statement.json", "components.json", "entity-record.json", "person-record.json",
                 "relationship-record.json"):
        doc = json.loads((SCHEMA_DIR / name).read_text())
        resources.append((doc["$id"], Resource.from_contents(doc)))
    registry = Registry().with_resources(resources)
    schema = json.loads((SCHEMA_DIR / "statement.json").read_text())
    assert schema["version"] == "0.4"
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def _check(validator, statements):
    errors = sorted(validator.iter_errors(statements), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors[:10])
    # what the schema cannot say: ids unique, records declared before they are referenced
    assert len({s["statementId"] for s in statements}) == len(statements)
    kinds: dict[str, str] = {}
    for s in statements:
        if s["recordType"] in ("person", "entity"):
            kinds[s["recordId"]] = s["recordType"]
        else:
            d = s["recordDetails"]
            assert kinds.get(d["subject"]) == "entity"
            assert d["interestedParty"] in kinds
            for i in d["interests"]:
                if i.get("beneficialOwnershipOrControl"):
                    assert kinds[d["interestedParty"]] == "person"
            assert len(s["annotations"]) == len(d["interests"])


def test_seed_like_bods(store, validator):
    store.add(seed_like().facts())
    store.add(gp_chain_like().facts())
    out = export_bods(store, publication_date=dt.date(2025, 1, 2))
    _check(validator, out)
    rels = {(s["recordDetails"]["subject"], s["recordDetails"]["interestedParty"]): s
            for s in out if s["recordType"] == "relationship"}
    ac = rels[("cik:0001086745", "organization:ault and company")]
    share = next(i for i in ac["recordDetails"]["interests"] if i["type"] == "shareholding")
    assert share["share"] == {"exact": 85.72} and share["directOrIndirect"] == "direct"
    assert share["beneficialOwnershipOrControl"] is False  # a company, not a natural person
    assert "214940800 shares of Class A Common Stock (CUSIP 09175M507)" in share["details"]
    assert any(i["type"] == "votingRights" for i in ac["recordDetails"]["interests"])
    assert ac["source"]["url"] == ("https://www.sec.gov/Archives/edgar/data/1086745/000121390024063150/"
                                   "0001213900-24-063150-index.htm")
    assert {"name": "Milton C. Ault, III"} in ac["source"]["assertedBy"]
    assert ac["annotations"][0]["description"].startswith("cover page 1, row 11")
    # "less than 1%" is a range, never 0
    horne = rels[("cik:0001086745", "person:william b horne")]
    hs = [i for i in horne["recordDetails"]["interests"] if i["type"] == "shareholding"][0]
    assert hs["share"] == {"minimum": 0, "exclusiveMaximum": 1} and hs["beneficialOwnershipOrControl"] is True
    assert any(i["type"] == "seniorManagingOfficial" and i["details"] == "Chief Executive Officer"
               for i in horne["recordDetails"]["interests"])
    # shared powers only: indirect
    ault = rels[("cik:0001086745", "person:milton c ault iii")]
    assert next(i for i in ault["recordDetails"]["interests"] if i["type"] == "shareholding")[
        "directOrIndirect"] == "unknown"  # sole 2,326 and shared 214,940,800
    gp = rels[("cik:0000000010", "cik:0000000081")]
    assert next(i for i in gp["recordDetails"]["interests"])["directOrIndirect"] == "indirect"
    ctl = rels[("cik:0000000082", "cik:0000000081")]
    assert ctl["recordDetails"]["interests"] == [{"type": "otherInfluenceOrControl", "directOrIndirect": "direct",
                                                  "details": "general partner (stated in the filing)"}]
    nisser = rels[("organization:ault and company", "person:henry cw nisser")]
    assert {i["type"] for i in nisser["recordDetails"]["interests"]} == {"seniorManagingOfficial", "boardMember"}


def test_updates_and_hostile_text(store, validator):
    from test_rdf import HOSTILE, hostile_facts

    store.add(seed_like().facts())
    store.add(seed_like(accession="0001213900-24-070000", event="2024-08-01").facts())
    store.add(hostile_facts())
    out = export_bods(store)
    _check(validator, out)
    statuses = [s["recordStatus"] for s in out if s["recordId"] == "cik:0001086745"]
    assert statuses == ["new", "updated"]
    names = {s["recordDetails"].get("name") for s in out if s["recordType"] == "entity"}
    assert set(HOSTILE) <= names
    text = json.dumps(out, ensure_ascii=False)
    assert json.loads(text) == out


def test_ten_percent_owner_and_form4_rows(store, validator):
    f = FB("0000000003-24-000001", "2024-03-01", form="4", family="ownership")
    f.org("i", "Issuer Inc", cik=50, issuer=True).security("c", "Common Stock", "i", cusip="555555505")
    f.person("p", "Pat Insider", cik=51, filer=True)
    f.rel(__import__("ownergraph.graph.model", fromlist=["EdgeKind"]).EdgeKind.TEN_PERCENT_OWNER_OF, "p", "i", {},
          "box 5")
    f.holds("p", "c", 1000, basis="direct", section="Table I, row 1")
    f.holds("p", "c", 500, basis="indirect", section="Table I, row 2")
    f.relations[-1].props["nature"] = "By Trust"
    f.relations[-1].discriminator = "indirect:by trust"
    store.add(f.facts())
    out = export_bods(store)
    _check(validator, out)
    rel = next(s for s in out if s["recordType"] == "relationship")
    ints = rel["recordDetails"]["interests"]
    assert {"type": "shareholding", "directOrIndirect": "unknown", "share": {"minimum": 10, "maximum": 100},
            "details": "ten percent owner (Form 3/4/5 relationship box)"} in ints
    assert [i["directOrIndirect"] for i in ints if "held" in i.get("details", "")] == ["direct", "indirect"]
    assert any("(By Trust)" in i["details"] for i in ints)


def test_schema_check_can_fail(store, validator):
    store.add(seed_like().facts())
    out = export_bods(store)
    bad = json.loads(json.dumps(out))
    bad[-1]["recordDetails"]["interests"][0]["type"] = "owns a lot"
    assert list(validator.iter_errors(bad))
    bad = json.loads(json.dumps(out))
    bad[0]["statementId"] = "short"
    assert list(validator.iter_errors(bad))


def test_real_filings_bods(store, validator, seed_path, shared_filings):
    if not load_into(store, [seed_path, *development_files(shared_filings)], skip=LoadError):
        pytest.skip("no loaders yet")
    out = export_bods(store)
    _check(validator, out)
    assert any(s["recordType"] == "relationship" for s in out)


def test_cli_bods(store, tmp_path, validator):
    store.add(seed_like().facts())
    out = tmp_path / "bods.json"
    r = CliRunner().invoke(app, ["export", "--format", "bods", "-o", str(out), "--store", str(store.path)])
    assert r.exit_code == 0, r.output
    data = json.loads(out.read_text())
    _check(validator, data)


def test_cik_identifiers(store, validator):
    store.add(gp_chain_like().facts())
    out = export_bods(store)
    _check(validator, out)
    person = next(s for s in out if s["recordId"] == "cik:0000000080")
    assert person["recordType"] == "person"
    assert person["recordDetails"]["identifiers"] == [{
        "id": "0000000080", "schemeName": "SEC Central Index Key",
        "uri": "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0000000080"}]
    assert person["recordDetails"]["names"] == [{"type": "legal", "fullName": "Ajay Example"}]


def test_stated_percentages_of_control_and_of_subsidiaries_are_shares(store, validator):
    """A CONTROLS edge read from "X is 94.56% controlled by Y" and an Exhibit 21 entry "(80% owned)" carry
    their percentage: each becomes a shareholding interest with that share beside the control interest."""
    from ownergraph.graph.model import EdgeKind
    from ownergraph.loaders import load_path

    from conftest import FIXTURES

    f = FB("0000000007-24-000001", "2024-05-01", form="SC 13D")
    f.org("i", "Issuer Example Inc", cik=70, issuer=True)
    f.org("hold", "Holdco Example SA", cik=71, filer=True)
    f.org("top", "Topco Example AG", cik=72)
    f.rel(EdgeKind.CONTROLS, "top", "hold", {"basis": "controlled by", "stated": True,
                                             "percent": __import__("decimal").Decimal("94.56"),
                                             "percent_text": "94.56%"}, "Item 2")
    store.add(f.facts())
    store.add(load_path(FIXTURES / "ex21" / "ex21_percent_table.html"))
    out = export_bods(store)
    _check(validator, out)
    shares = [(s["recordDetails"]["subject"], i["share"], i["details"]) for s in out
              if s["recordType"] == "relationship" for i in s["recordDetails"]["interests"]
              if i["type"] == "shareholding" and "share" in i]
    assert any(sh == {"exact": 94.56} and d.startswith("94.56%") for _s, sh, d in shares), shares
    assert any(sh == {"exact": 80} and d == "80% owned (Exhibit 21)" for _s, sh, d in shares), shares
