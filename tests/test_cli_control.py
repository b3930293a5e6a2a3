"""The control commands through the real CLI on a real store file."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from ownergraph.cli import app
from ownergraph.graph.store import Store

from _control_facts import FB, seed_like

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "og.db"
    with Store(path) as st:
        st.add(seed_like().facts())
        later = FB("0001213900-24-099999", "2024-09-01", form="SC 13D/A", amendment_no=9,
                   shares_outstanding=40000000)
        later.org("issuer", "Ault Alliance, Inc.", cik=1086745, issuer=True)
        later.security("common", "Class A Common Stock", "issuer", cusip="09175M507")
        later.person("wh", "William B. Horne", filer=True)
        later.holds("wh", "common", 1000, "1", bound="<", sv=1000, shv=0, sd=1000, shd=0)
        st.add(later.facts())
    return str(path)


def run(*args):
    return runner.invoke(app, [str(a) for a in args], env={"COLUMNS": "200"})


def test_who_controls_table(db):
    r = run("who-controls", "Ault Alliance", "--store", db)
    assert r.exit_code == 0, r.output
    out = r.output
    assert "1. Milton C. Ault, III" in out and "ultimate controller" in out
    assert "2. Ault & Company, Inc." in out and "85.72%" in out
    assert "cover page 1, row 11" in out and "Item 2(a)" in out
    assert "Founder and Executive Chairman" in out
    assert "Horne" not in out.split("holder(s) below")[0]


def test_who_controls_json_by_cusip_and_cik(db):
    for q in ("09175M507", "1086745", "cik:0001086745"):
        r = run("who-controls", q, "--store", db, "--json")
        assert r.exit_code == 0, r.output
        d = json.loads(r.output)
        assert [c["name"] for c in d["controllers"]] == ["Milton C. Ault, III", "Ault & Company, Inc."]
        assert d["controllers"][0]["ultimate"] is True


def test_who_controls_options(db):
    r = run("who-controls", "Ault Alliance", "--store", db, "--json", "--by", "economic")
    assert [c["name"] for c in json.loads(r.output)["controllers"]] == ["Ault & Company, Inc."]
    r = run("who-controls", "Ault Alliance", "--store", db, "--json", "--control-threshold", "90",
            "--significant", "80")
    d = json.loads(r.output)
    assert d["controllers"] == [] and len(d["significant"]) == 2 and d["thresholds"]["control"] == "90"
    r = run("who-controls", "Ault Alliance", "--store", db, "--json", "--as-of", "2024-01-01")
    assert json.loads(r.output)["controllers"] == []
    r = run("who-controls", "Ault Alliance", "--store", db, "--all")
    assert "William B. Horne" in r.output and "Holders below 5" in r.output


@pytest.mark.parametrize("args,needle", [
    (("who-controls", "Nobody Inc"), "no issuer matches 'Nobody Inc'"),
    (("who-controls", "Ault Alliance", "--as-of", "yesterday"), "--as-of must be a date"),
    (("who-controls", "Ault Alliance", "--by", "vibes"), "--by must be one of"),
    (("holdings", "Nobody Inc"), "no holder matches"),
    (("officers", "Nobody Inc"), "no organization matches"),
    (("group-members", "0000000000-00-000000"), "no filing"),
])
def test_clear_errors_and_nonzero_exit(db, args, needle):
    r = run(*args, "--store", db)
    assert r.exit_code == 2
    assert needle in r.output.replace("\n", " ") or needle in (r.stderr or "").replace("\n", " ")
    assert "Traceback" not in r.output


def test_missing_store_is_a_clear_error(tmp_path):
    r = run("who-controls", "Ault Alliance", "--store", tmp_path / "none.db")
    assert r.exit_code == 2 and "no store here" in (r.stderr or r.output)


def test_canned_commands(db):
    r = run("holdings", "Ault & Company", "--store", db, "--json")
    rows = json.loads(r.output)
    assert r.exit_code == 0 and {x["basis"] for x in rows} == {"beneficial", "component"}
    r = run("officers", "Ault & Company", "--store", db, "--json")
    assert [x["person"] for x in json.loads(r.output)][:2] == ["Henry C.W. Nisser", "Henry C.W. Nisser"]
    r = run("group-members", "0001213900-24-063150", "--store", db, "--json")
    assert len(json.loads(r.output)) == 5
    r = run("cap-table", "09175M507", "--store", db, "--json")
    assert any(x["underlying_shares"] == "200000000" for x in json.loads(r.output))
    r = run("control-chain", "Milton C. Ault, III", "Ault Alliance", "--store", db, "--json")
    chains = json.loads(r.output)
    assert r.exit_code == 0 and chains[0]["names"][0] == "Milton C. Ault, III"
    r = run("holdings", "Ault & Company", "--store", db)
    assert r.exit_code == 0 and "Class A Common Stock" in r.output


def test_history(db):
    r = run("history", "William B. Horne", "Ault Alliance", "--store", db, "--json")
    assert r.exit_code == 0, r.output
    rows = [x for x in json.loads(r.output) if x["basis"] == "beneficial"]
    assert [(x["shares"], x["current"], x["amendment_no"]) for x in rows] == [("162", False, 8), ("1000", True, 9)]
    assert rows[1]["change"] == "838"
    r = run("history", "William B. Horne", "Ault Alliance", "--store", db)
    assert "yes" in r.output and "SC 13D/A" in r.output


def test_render_command(db, tmp_path):
    out = tmp_path / "c.svg"
    r = run("render", "Ault Alliance", "-o", out, "--store", db)
    assert r.exit_code == 0, r.output
    assert "Milton C. Ault, III" in out.read_text()
    r = run("render", "Ault Alliance", "-o", tmp_path / "c.bmp", "--store", db)
    assert r.exit_code == 2


def test_database_option_without_server_is_a_clear_error(db):
    r = run("who-controls", "Ault Alliance", "--store", db, "--falkordb", "redis://127.0.0.1:1")
    assert r.exit_code == 2 and "Traceback" not in r.output
    r = run("who-controls", "Ault Alliance", "--store", db, "--falkordb", "redis://x:1", "--neo4j", "bolt://y:2")
    assert r.exit_code == 2 and "not both" in (r.stderr or r.output)


def test_check_command_on_unsupported_file(tmp_path):
    p = tmp_path / "notafiling.txt"
    p.write_text("hello, this is not an SEC filing\n")
    r = run("check", p)
    assert r.exit_code == 2 and "notafiling.txt" in (r.stderr or r.output)


def test_check_command_on_seed(seed_path):
    from ownergraph.errors import UnsupportedFormat
    from ownergraph.loaders import load_path

    try:
        load_path(seed_path)
    except UnsupportedFormat:
        pytest.skip("no loader reads the seed yet")
    r = run("check", seed_path, "--json")
    assert r.exit_code == 1
    d = json.loads(r.output)
    codes = {w["code"] for w in d["warnings"]}
    assert {"cover-vs-item5", "item6-totals"} <= codes
    assert any(p["formula"] == "214,940,800 / (35,846,318 + 214,915,571) = 85.72%" for p in d["percentages"])


def test_who_controls_quotes_excerpts(db):
    r = run("who-controls", "Ault Alliance", "--store", db, "--excerpts")
    assert r.exit_code == 0, r.output
    assert 'cover page 1, row 11: "11 AGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON 214,940,800 ' \
           '[row 13] 85.72%"' in r.output


def test_history_shows_a_reported_trade(tmp_path):
    """The seed's Item 5(c) purchase ("Other than the purchase of 10,000 Shares ... on June 17, 2024") is a line
    of Ault & Company's history: the trade is shown (+10,000), not an empty holding."""
    from pathlib import Path

    seed = Path(__file__).resolve().parent.parent / "examples" / "ault-alliance-13da-amendment8.txt"
    db = tmp_path / "og.db"
    assert run("load", seed, "--store", db).exit_code == 0
    r = run("history", "Ault & Company", "Ault Alliance", "--store", db, "--json")
    assert r.exit_code == 0, r.output
    trades = [x for x in json.loads(r.output) if x["basis"] == "transaction"]
    assert [(x["as_of"], x["transaction_shares"], x["acquired_disposed"]) for x in trades] == [
        ("2024-06-17", "10000", "A")]
    table = run("history", "Ault & Company", "Ault Alliance", "--store", db).output
    assert "+10,000" in table
