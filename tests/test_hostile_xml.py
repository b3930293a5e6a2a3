"""Hostile and broken XML: entity attacks, external resources, limits, recovery.

Every attack must be refused with a LoadError that names the file; nothing is
expanded, fetched or truncated silently.  A merely malformed filing (a truncated
end tag) is recovered with a warning.
"""

from __future__ import annotations

import json
import re
import socket
import threading

import pytest
from lxml import etree

from ownergraph import loaders
from ownergraph.errors import LoadError, OwnergraphError
from ownergraph.loaders import _xml
from ownergraph.loaders._xml import parse_xml

SRC = "evil/filing.xml"


def billion_laughs(levels: int = 10) -> str:
    ents = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, levels)
    ]
    return f'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n{chr(10).join(ents)}\n]>\n<lolz>&lol{levels - 1};</lolz>\n'


def quadratic_blowup(size: int = 50_000, refs: int = 50_000) -> str:
    return (f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "{"x" * size}">]>\n'
            f'<r b="{"&a;" * 100}">{"&a;" * refs}</r>\n')


def encoded(doc: str, enc: str) -> bytes:
    if enc == "utf-8":
        return doc.encode()
    return doc.replace('<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{enc.upper()}"?>').encode(enc)


@pytest.fixture
def restore_limits():
    before = loaders.limits()
    yield
    loaders.set_limits(**before)


class _Listener:
    """A real TCP listener on localhost that records every connection attempt."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self._stop = False
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self._stop = True
        self.thread.join()
        self.sock.close()


@pytest.fixture
def listener():
    lst = _Listener()
    yield lst
    lst.close()


# ---------------------------------------------------------------- entity expansion


@pytest.mark.parametrize("enc", ["utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32"])
@pytest.mark.parametrize("attack", [billion_laughs, quadratic_blowup], ids=["billion-laughs", "quadratic"])
def test_entity_attacks_refused_in_every_encoding(attack, enc):
    data = encoded(attack(), enc)
    with pytest.raises(LoadError) as ei:
        parse_xml(data, SRC)
    assert ei.value.source == SRC and str(ei.value).startswith(SRC + ":")
    assert "entit" in ei.value.problem.lower()


def test_entity_declared_after_large_prefix_is_still_refused():
    # the declaration is searched in the whole document, not only in a head window
    doc = '<?xml version="1.0"?>\n<!--' + " " * 200_000 + '-->\n' + billion_laughs().split("\n", 1)[1]
    with pytest.raises(LoadError, match="entit"):
        parse_xml(doc.encode(), SRC)


def test_external_file_entity_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    doc = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
           "<r><nameOfReportingPerson>&x;</nameOfReportingPerson></r>")
    with pytest.raises(LoadError, match="entit") as ei:
        parse_xml(doc.encode(), SRC)
    assert "TOP-SECRET" not in str(ei.value)


def test_parameter_entity_refused(listener):
    doc = (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:{listener.port}/p.dtd"> %p;]>'
           "<r/>")
    with pytest.raises(LoadError, match="entit"):
        parse_xml(doc.encode(), SRC)
    assert listener.hits == 0


def test_external_dtd_never_fetched(listener):
    doc = (f'<?xml version="1.0"?><!DOCTYPE r SYSTEM "http://127.0.0.1:{listener.port}/r.dtd">'
           "<r><a>1</a><b>&undeclared;</b></r>").encode()
    root = parse_xml(doc, SRC)
    assert root.findtext("a") == "1"
    # give a (wrong) fetch a chance to arrive before checking
    listener.thread.join(0.5)
    assert listener.hits == 0


def test_xinclude_not_processed(tmp_path, listener):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE")
    doc = ('<r xmlns:xi="http://www.w3.org/2001/XInclude">'
           f'<xi:include href="{secret.as_uri()}" parse="text"/>'
           f'<xi:include href="http://127.0.0.1:{listener.port}/x.xml"/></r>').encode()
    root = parse_xml(doc, SRC)
    assert b"TOP-SECRET" not in etree.tostring(root)
    listener.thread.join(0.5)
    assert listener.hits == 0


# ---------------------------------------------------------------- limits


def nested(depth: int) -> bytes:
    return b"<r>" + b"<a>" * (depth - 1) + b"x" + b"</a>" * (depth - 1) + b"</r>"


@pytest.mark.parametrize("depth", [257, 300, 100_000])
def test_deep_nesting_refused_not_recovered(depth):
    warnings: list[str] = []
    with pytest.raises(LoadError, match="nested deeper than 256") as ei:
        parse_xml(nested(depth), SRC, warnings)
    assert ei.value.source == SRC
    assert warnings == []  # refused, never "recovered" into a truncated tree


def test_depth_limit_is_configurable(restore_limits):
    assert parse_xml(nested(200), SRC) is not None
    loaders.set_limits(max_xml_depth=20)
    assert parse_xml(nested(20), SRC) is not None
    with pytest.raises(LoadError, match="nested deeper than 20"):
        parse_xml(nested(21), SRC)
    loaders.set_limits(max_xml_depth=10_000)  # capped to libxml2's own limit
    assert loaders.limits()["max_xml_depth"] == 256


def test_huge_text_node_refused_not_truncated():
    data = b"<r><a>" + b"x" * (_xml.LIBXML_MAX_TEXT + 10) + b"</a></r>"
    warnings: list[str] = []
    with pytest.raises(LoadError, match="longer than") as ei:
        parse_xml(data, SRC, warnings)
    assert ei.value.source == SRC and warnings == []


@pytest.mark.parametrize("where", ["text", "attribute", "tail"])
def test_text_limit_is_configurable(restore_limits, where):
    loaders.set_limits(max_xml_text=1000)
    ok, bad = "y" * 1000, "y" * 1001
    make = {
        "text": lambda v: f"<r><a>{v}</a></r>",
        "attribute": lambda v: f'<r><a b="{v}"/></r>',
        "tail": lambda v: f"<r><a/>{v}</r>",
    }[where]
    assert parse_xml(make(ok).encode(), SRC) is not None
    with pytest.raises(LoadError, match="longer than 1000 characters"):
        parse_xml(make(bad).encode(), SRC)


def test_document_size_limit_is_configurable(restore_limits):
    data = b"<r>" + b"<a>1</a>" * 200 + b"</r>"
    assert parse_xml(data, SRC) is not None
    loaders.set_limits(max_xml_bytes=1000)
    with pytest.raises(LoadError, match=r"over the 1000-byte limit") as ei:
        parse_xml(data, SRC)
    assert ei.value.source == SRC


def test_file_size_limit_applies_to_every_input(restore_limits, tmp_path):
    data = b"<r>" + b"<a>1</a>" * 200 + b"</r>"
    loaders.set_limits(max_file_bytes=1000)
    with pytest.raises(LoadError, match="over the 1000-byte limit") as ei:
        loaders.load_bytes(data, "big.xml")
    assert ei.value.source == "big.xml"
    p = tmp_path / "big.xml"
    p.write_bytes(data)
    with pytest.raises(LoadError, match="over the 1000-byte limit") as ei:
        loaders.load_path(p)
    assert ei.value.source == str(p)


def test_set_limits_returns_previous_values(restore_limits):
    before = loaders.limits()
    prev = loaders.set_limits(max_file_bytes=123, max_xml_bytes=45, max_xml_depth=6, max_xml_text=7)
    assert prev == before
    assert loaders.limits() == {"max_file_bytes": 123, "max_xml_bytes": 45, "max_xml_depth": 6, "max_xml_text": 7}


# ---------------------------------------------------------------- malformed but benign


def test_truncated_end_tag_recovered_with_warning():
    data = (b'<?xml version="1.0"?><edgarSubmission><a>1</a>'
            b"<fundsSource>OO</fundsSource\n<b>2</b></edgarSubmission>")
    warnings: list[str] = []
    root = parse_xml(data, SRC, warnings)
    assert root.findtext("a") == "1"
    assert root.findtext("fundsSource") == "OO"
    assert len(warnings) == 1 and warnings[0].startswith(SRC) and "recovered" in warnings[0]


def test_real_truncated_end_tag_filing_recovered(shared_filings):
    path = shared_filings / "schedule13dg_xml" / "13DA_ZIVO_truncated-endtag_Equibles.xml"
    data = path.read_bytes()
    with pytest.raises(etree.XMLSyntaxError):
        etree.fromstring(data)  # really malformed for a strict parser
    warnings: list[str] = []
    root = parse_xml(data, str(path), warnings)
    names = [el.text for el in root.iter() if _xml.strip_ns(el.tag) == "reportingPersonName"]
    assert "Mark E. Strome" in names and len(names) == 5
    assert warnings and "recovered" in warnings[0] and str(path) in warnings[0]


@pytest.mark.parametrize("data", [b"<", b"<r", b"\x00\x01\x02", b"<?xml version='1.0'?>", b"</r>", b"<r></x>"])
def test_unrecoverable_garbage_is_a_clear_error(data):
    try:
        root = parse_xml(data, SRC)
    except LoadError as e:
        assert e.source == SRC and e.problem
    else:
        assert root is not None  # recovered into something: also acceptable, but never another exception


# ---------------------------------------------------------------- through every registered loader


ATTACKS = {
    "billion-laughs": billion_laughs().encode(),
    "billion-laughs-utf16": encoded(billion_laughs(), "utf-16"),
    "quadratic": quadratic_blowup().encode(),
    "deep": nested(100_000),
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
@pytest.mark.parametrize("name", sorted(loaders.loaders()) or ["<none registered>"])
def test_every_loader_refuses_attacks(name, attack):
    if name not in loaders.loaders():
        pytest.skip("no loader registered yet")
    with pytest.raises(OwnergraphError) as ei:
        loaders.load_bytes(ATTACKS[attack], SRC, loader=name)
    assert ei.value.source == SRC
    assert not loaders.is_internal_error(ei.value), str(ei.value)
    assert "lollollol" not in str(ei.value)


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_detection_refuses_attacks(attack):
    with pytest.raises(OwnergraphError) as ei:
        loaders.load_bytes(ATTACKS[attack], SRC)
    assert ei.value.source == SRC and not loaders.is_internal_error(ei.value)


# ---------------------------------------------------------------- entity declarations in real documents


def _xml_corpus():
    from _fuzz import corpus

    out = []
    for label, data in corpus():
        if not data.lstrip().startswith(b"<") or re.search(rb"<html\b", data[:200_000], re.I):
            continue  # HTML is read as text, not parsed as XML: entity declarations mean nothing there
        try:
            facts = loaders.load_bytes(data, label)
        except OwnergraphError:
            continue
        out.append((label, data, facts.filing.loader))
    return out


def _with_entities(data: bytes) -> bytes:
    decl = b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>\n'
    m = re.match(rb"\s*<\?xml[^>]*\?>", data)
    body = data[m.end():] if m else data
    # the filing's own text now uses the entity, as an attack would
    body = re.sub(rb"(<(?:\w+:)?(?:reportingPersonName|nameOfIssuer|issuerName|rptOwnerName)>)", rb"\1&b;", body,
                  count=1)
    return b'<?xml version="1.0"?>\n' + decl + body.lstrip()


@pytest.mark.parametrize("enc", ["utf-8", "utf-16"])
def test_real_xml_filings_with_entity_declarations_are_refused(enc):
    """Each XML filing a loader reads, given entity declarations, is refused by that same loader."""
    docs = _xml_corpus()
    if not docs:
        pytest.skip("no XML loader reads the corpus yet")
    for label, data, loader in docs:
        attack = _with_entities(data)
        if enc != "utf-8":
            attack = attack.decode("utf-8", errors="replace").replace(
                '<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>', 1).encode(enc)
        with pytest.raises(LoadError) as ei:
            loaders.load_bytes(attack, label, loader=loader)
        assert "entit" in ei.value.problem.lower(), (label, loader, str(ei.value))
        assert not loaders.is_internal_error(ei.value)


def test_xml_size_limit_applies_to_every_xml_loader(restore_limits):
    docs = _xml_corpus()
    if not docs:
        pytest.skip("no XML loader reads the corpus yet")
    loaders.set_limits(max_xml_bytes=200)
    for label, data, loader in docs:
        if len(data) <= 200:
            continue
        with pytest.raises(LoadError) as ei:
            loaders.load_bytes(data, label, loader=loader)
        assert "over the 200-byte limit" in ei.value.problem, (label, loader, str(ei.value))


def test_truncated_end_tag_filing_loads_with_warning_through_the_cli(shared_filings, tmp_path):
    from typer.testing import CliRunner

    from ownergraph.cli import app

    path = shared_filings / "schedule13dg_xml" / "13DA_ZIVO_truncated-endtag_Equibles.xml"
    r = CliRunner().invoke(app, ["load", str(path), "--store", str(tmp_path / "og.db"), "--json"])
    assert r.exit_code == 0, r.output
    (res,) = json.loads(r.stdout)["results"]
    assert res["status"] == "loaded"
    assert any(w.startswith(str(path)) and "malformed XML recovered" in w for w in res["warnings"])
    r = CliRunner().invoke(app, ["load", str(path), "--store", str(tmp_path / "og2.db")], env={"COLUMNS": "300"})
    assert r.exit_code == 0 and "warning:" in r.stderr and "malformed XML recovered" in r.stderr


def _malformed_nested(depth: int) -> bytes:
    """``nested(depth)`` with a truncated end tag inside the deepest element: recovered, not strict."""
    return b"<r>" + b"<a>" * (depth - 1) + b"<b>x</b\n" + b"</a>" * (depth - 1) + b"</r>"


@pytest.mark.parametrize("depth", [5, 19, 20, 21, 40])
def test_recovered_tree_depth_checked(restore_limits, depth):
    loaders.set_limits(max_xml_depth=21)  # the <b> of the deepest <a> is one level further down
    warnings: list[str] = []
    if depth + 1 > 21:
        with pytest.raises(LoadError, match="nested deeper than 21"):
            parse_xml(_malformed_nested(depth), SRC, warnings)
    else:
        root = parse_xml(_malformed_nested(depth), SRC, warnings)
        assert root is not None and len(warnings) == 1 and "recovered" in warnings[0]


def test_recovered_tree_text_limit_checked(restore_limits):
    loaders.set_limits(max_xml_text=100)
    data = b"<r><a>" + b"x" * 150 + b"</a><b>y</b\n</r>"
    with pytest.raises(LoadError, match="longer than 100"):
        parse_xml(data, SRC, [])
    assert parse_xml(b"<r><a>" + b"x" * 50 + b"</a><b>y</b\n</r>", SRC, []) is not None
