"""EDGAR submissions of structures seen in real filings not covered before: an HTML power of attorney dated
'21<sup>st</sup> day of', a submission cut short."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ownergraph.errors import LoadError
from ownergraph.graph.model import EdgeKind, NodeKind
from ownergraph.loaders import load_bytes, load_path

FIX = Path(__file__).parent / "fixtures" / "submission"


def test_html_power_of_attorney_dated_with_superscript_ordinal():
    f = load_path(FIX / "f4_xml_poa_html_ordinal.txt")
    poa = [e for e in f.entities if e.kind == NodeKind.AGREEMENT]
    assert [e.name for e in poa] == ["Power of Attorney"]
    # "as of this 21<sup>st</sup> day of November, 2023": the HTML text reads "21 st day of November, 2023"
    assert poa[0].prop("date") == dt.date(2023, 11, 21)
    roles = sorted((f.entity(r.source).name, r.props["role"]) for r in f.relations
                   if r.type == EdgeKind.PARTY_TO and r.target == poa[0].key)
    assert roles == [("Avery R. Sampleton", "grantor"), ("Quinn Example", "attorney-in-fact"),
                     ("Rowan Placeholder", "attorney-in-fact")]


def test_submission_cut_short_inside_its_last_document_warns():
    data = (FIX / "f4_xml_poa_html_ordinal.txt").read_bytes()
    cut = data[:data.index(b"</XML>")]  # stops inside the Form 4, before the EX-24
    f = load_bytes(cut, "cut.txt")
    # what could be read is read ...
    assert f.filing.accession == "0009000081-25-000007"
    assert any(r.type == EdgeKind.HOLDS for r in f.relations)
    # ... and the user is told the file is incomplete, naming the file and the document
    assert any(w.startswith("cut.txt: the submission ends inside document 1 (form4.xml) without its </DOCUMENT>")
               for w in f.warnings)
    assert any(w.startswith("cut.txt: the header counts 2 documents but the submission holds 1") for w in f.warnings)
    # the whole file: neither warning
    whole = load_bytes(data, "whole.txt")
    assert not any("cut short" in w or "counts 2 documents" in w for w in whole.warnings)


def test_submission_cut_inside_the_primary_document_names_the_cut_in_its_error():
    data = (FIX / "f4_xml_poa_html_ordinal.txt").read_bytes()
    cut = data[:data.index(b"<reportingOwner>")]
    with pytest.raises(LoadError) as ei:
        load_bytes(cut, "cut.txt")
    msg = str(ei.value)
    assert "cut.txt" in msg and "form4.xml" in msg and "cut short" in msg


def test_missing_close_between_documents_is_not_a_cut():
    data = (FIX / "f4_xml_poa_html_ordinal.txt").read_bytes()
    f = load_bytes(data.replace(b"</DOCUMENT>\n<DOCUMENT>", b"\n<DOCUMENT>", 1), "noclose.txt")
    assert not any("cut short" in w for w in f.warnings)
    assert [d["role"] for d in f.document["submission"]["documents"]] == ["primary", "exhibit"]

