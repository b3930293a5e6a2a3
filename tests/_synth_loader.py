"""A tiny synthetic filing format and its loader, for reliability tests.

The reliability tests (batch CLI, crash safety, concurrency, limits) need many
distinct, valid filings and exact knowledge of what each one writes.  This
loader reads a minimal line format of our own and emits FilingFacts exactly as a
real loader does; everything downstream (builder, SQLite store, CLI) is real.
It is registered only while a test asks for it (``registered()``), or at import
in a subprocess runner (``register_now()``).

Format (UTF-8)::

    OWNERGRAPH-SYNTHETIC-FILING
    accession: 0000000000-24-000001
    form: SC 13D
    date: 2024-07-23
    issuer: Acme Corp|0000123456|123456789
    holder: Jane Doe|person|1000|5.5
    holder: Fund LP|organization|2000|11
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from decimal import Decimal, InvalidOperation

from ownergraph import loaders as L
from ownergraph.errors import LoadError
from ownergraph.graph.model import (
    EdgeKind,
    EntityFact,
    FilingFacts,
    FilingInfo,
    NodeKind,
    Provenance,
    RelationFact,
)

NAME = "synthetic-test"
MAGIC = b"OWNERGRAPH-SYNTHETIC-FILING"


def sniff(data: bytes) -> float:
    return 1.0 if data.lstrip().startswith(MAGIC) else 0.0


def _dec(text: str, source: str, what: str) -> Decimal:
    try:
        d = Decimal(text.strip())
    except InvalidOperation:
        raise LoadError(source, f"{what} is not a number: {text!r}") from None
    if not d.is_finite():
        raise LoadError(source, f"{what} is not a finite number: {text!r}")
    return d


def parse(data: bytes, source: str) -> FilingFacts:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise LoadError(source, f"not UTF-8 at byte {e.start}") from None
    lines = [ln.strip() for ln in text.strip().splitlines()]
    if not lines or lines[0] != MAGIC.decode():
        raise LoadError(source, "missing the synthetic filing header")
    fields: dict[str, list[str]] = {}
    for ln in lines[1:]:
        if not ln:
            continue
        k, sep, v = ln.partition(":")
        if not sep:
            raise LoadError(source, f"line without 'key:': {ln[:60]!r}")
        fields.setdefault(k.strip(), []).append(v.strip())
    for req in ("accession", "form", "date", "issuer"):
        if req not in fields:
            raise LoadError(source, f"missing {req!r}")
    acc = fields["accession"][0]
    try:
        date = dt.date.fromisoformat(fields["date"][0])
    except ValueError:
        raise LoadError(source, f"bad date {fields['date'][0]!r}") from None
    sha = hashlib.sha256(data).hexdigest()
    prov = lambda section, ex="": Provenance(filing_id=acc, accession=acc, source=source,  # noqa: E731
                                             section=section, excerpt=ex[:200])
    iname, icik, icusip = (fields["issuer"][0].split("|") + ["", ""])[:3]
    ents = [
        EntityFact(key="issuer", kind=NodeKind.ORGANIZATION, name=iname, cik=icik or None, prov=prov("header")),
        EntityFact(key="sec", kind=NodeKind.SECURITY, name="Common Stock", cusip=icusip or None,
                   prov=prov("cover page 1")),
    ]
    rels = [RelationFact(type=EdgeKind.ISSUED_BY, source="sec", target="issuer", prov=prov("cover page 1"))]
    filers = []
    for i, h in enumerate(fields.get("holder", []), start=1):
        parts = h.split("|")
        if len(parts) != 4:
            raise LoadError(source, f"holder line needs name|kind|shares|percent: {h[:60]!r}")
        name, kind, shares, pct = parts
        if kind not in ("person", "organization"):
            raise LoadError(source, f"unknown holder kind {kind!r}")
        key = f"rp:{i}"
        filers.append(key)
        ents.append(EntityFact(key=key, kind=NodeKind.PERSON if kind == "person" else NodeKind.ORGANIZATION,
                               name=name, prov=prov(f"cover page {i}, row 1", h)))
        rels.append(RelationFact(type=EdgeKind.HOLDS, source=key, target="sec",
                                 props={"shares": _dec(shares, source, "shares"),
                                        "percent": _dec(pct, source, "percent"), "basis": "beneficial"},
                                 prov=prov(f"cover page {i}, rows 11-13", h)))
    info = FilingInfo(id=acc, accession=acc, form_type=fields["form"][0], family="synthetic", loader=NAME,
                      event_date=date, source=source, sha256=sha, issuer_key="issuer", filer_keys=filers)
    return FilingFacts(filing=info, entities=ents, relations=rels)


LOADER = L.Loader(name=NAME, family="synthetic", sniff=sniff, parse=parse,
                  description="synthetic test filings (tests only)")


def register_now() -> None:
    L.loaders()
    L.register(LOADER)


@contextlib.contextmanager
def registered(loader: L.Loader = LOADER):
    """``loader`` (the synthetic one by default) in the registry for the duration, beside the real ones."""
    L.loaders()  # discover the real loaders first
    had = loader.name in L.loaders()
    L.register(loader)
    try:
        yield loader
    finally:
        if not had:
            L.loaders().pop(loader.name, None)


def synth_filing(i: int, holders: int = 3, *, issuer: int | None = None, tag: str = "") -> bytes:
    """The i-th distinct synthetic filing: one issuer, ``holders`` reporting persons."""
    iss = i if issuer is None else issuer
    lines = [
        MAGIC.decode(),
        f"accession: 0009{i:06d}-24-{i:06d}",
        "form: SC 13D",
        f"date: 2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
        f"issuer: Issuer {iss} Corp{tag}|{1_000_000 + iss:010d}|{iss:06d}10{iss % 10}",
    ]
    for h in range(holders):
        kind = "person" if h % 2 == 0 else "organization"
        nm = f"Holder {i}-{h} {'Smith' if kind == 'person' else 'Capital LP'}{tag}"
        lines.append(f"holder: {nm}|{kind}|{1000 * (h + 1)}|{(h + 1) / 10}")
    return ("\n".join(lines) + "\n").encode()
