"""The embedded default store: one SQLite file, no server.

* Each filing is written in **one transaction** (``BEGIN IMMEDIATE``): it is
  either wholly present or wholly absent, whatever happens to the process.
* WAL journal mode: readers never block, a second writer waits (busy timeout)
  instead of failing or corrupting the file.
* Loading the same filing twice changes nothing: filings are keyed by content
  hash and by id (accession), nodes and edges by deterministic ids.
* Facts are kept whole (``filings.facts``) so the graph can always be rebuilt.

Tables: ``filings``, ``nodes``, ``node_props`` (evidence per property),
``edges`` (with provenance) and ``aliases`` (normalized names -> node id, the
memory of entity resolution across filings).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import StoreError
from .build import CLASS_DATED, build_delta
from .ids import normalize_cik, normalize_cusip, normalize_name
from .model import Edge, EdgeKind, FilingFacts, FilingInfo, GraphDelta, Node, NodeKind, NodeProp
from .values import dumps_props, dumps_value, loads_props, loads_value

DEFAULT_STORE = "ownergraph.db"
SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS filings(
    id TEXT PRIMARY KEY,
    accession TEXT,
    form_type TEXT NOT NULL,
    family TEXT NOT NULL,
    amendment_no INTEGER,
    event_date TEXT,
    filed_date TEXT,
    source TEXT,
    sha256 TEXT NOT NULL UNIQUE,
    loaded_at TEXT NOT NULL,
    info TEXT NOT NULL,
    facts TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nodes(
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    name TEXT NOT NULL,
    props TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS nodes_kind ON nodes(kind);
CREATE TABLE IF NOT EXISTS node_props(
    node_id TEXT NOT NULL,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    filing_id TEXT NOT NULL,
    section TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    PRIMARY KEY(node_id, name, value, filing_id, section)
);
CREATE TABLE IF NOT EXISTS edges(
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    props TEXT NOT NULL,
    filing_id TEXT NOT NULL,
    section TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    as_of TEXT
);
CREATE INDEX IF NOT EXISTS edges_source ON edges(source);
CREATE INDEX IF NOT EXISTS edges_target ON edges(target);
CREATE INDEX IF NOT EXISTS edges_filing ON edges(filing_id);
CREATE TABLE IF NOT EXISTS aliases(alias TEXT PRIMARY KEY, node_id TEXT NOT NULL);
"""


@dataclass
class LoadResult:
    filing_id: str
    status: str  # "loaded" | "unchanged"
    nodes: int = 0
    edges: int = 0
    form_type: str = ""
    source: str | None = None


def _wal(db: sqlite3.Connection, timeout: float) -> None:
    """Switch to write-ahead logging.  The switch needs the file to itself and SQLite does not wait for that
    (no busy handler): several processes or threads opening a new store at the same moment get "database is
    locked" at once.  So wait here, as long as any other statement would."""
    deadline = time.monotonic() + timeout
    delay = 0.002
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or time.monotonic() > deadline:
                raise
            time.sleep(delay)
            delay = min(delay * 2, 0.05)



def _named_by_13f(name: str, title_of_class: str) -> bool:
    """A security's name as a 13F table gives it: the issuer's name, then the table's title of class."""
    return " ".join(name.split()).upper().endswith(" " + " ".join(title_of_class.split()).upper())


def _fuller_title(new: str, old: str) -> bool:
    """Of two titles of one class, the one that says more (the longer; of two as long, the first in sort
    order): an order of preference, so the name a security ends with does not depend on loading order."""
    return (len(new), old) > (len(old), new)

class Store:
    """The embedded store.  Use as a context manager or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike = DEFAULT_STORE, *, readonly: bool = False, timeout: float = 60.0):
        self.path = Path(path)
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(str(self.path), "no store here (run 'ownergraph load' first)")
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, timeout=timeout, isolation_level=None)
            else:
                if self.path.parent and not self.path.parent.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(str(self.path), timeout=timeout, isolation_level=None)
                _wal(self.db, timeout)
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(_SCHEMA)
                self.db.execute(
                    "INSERT OR IGNORE INTO meta(key, value) VALUES('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
            self.db.execute(f"PRAGMA busy_timeout={int(timeout * 1000)}")
            self.db.execute("SELECT count(*) FROM filings").fetchone()
        except sqlite3.DatabaseError as e:
            raise StoreError(str(self.path), f"cannot open store: {e}") from None
        except OSError as e:  # e.g. the parent "directory" is a file
            raise StoreError(str(self.path), f"cannot open store: {e.strerror or e}") from None

    # ------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ writing
    def lookup_alias(self, alias: str) -> str | None:
        row = self.db.execute("SELECT node_id FROM aliases WHERE alias=?", (alias,)).fetchone()
        return row[0] if row else None

    def class_cusips(self, class_alias: str) -> list[tuple[str, str]]:
        """``(date, CUSIP node)`` of every filing date a CUSIP was stated for a class (see build.CLASS_DATED)."""
        lo = class_alias + CLASS_DATED
        rows = self.db.execute("SELECT alias, node_id FROM aliases WHERE alias >= ? AND alias < ?",
                               (lo, class_alias + chr(ord(CLASS_DATED) + 1))).fetchall()
        return [(a[len(lo):].split("|", 1)[0], nid) for a, nid in rows]

    def has_filing(self, sha256: str | None = None, filing_id: str | None = None) -> bool:
        if sha256 and self.db.execute("SELECT 1 FROM filings WHERE sha256=?", (sha256,)).fetchone():
            return True
        if filing_id and self.db.execute("SELECT 1 FROM filings WHERE id=?", (filing_id,)).fetchone():
            return True
        return False

    def add(self, facts: FilingFacts) -> LoadResult:
        """Write one filing atomically.  Re-adding the same filing changes nothing."""
        f = facts.filing
        try:
            self.db.execute("BEGIN IMMEDIATE")
            try:
                if self.has_filing(f.sha256, f.id):
                    self.db.execute("ROLLBACK")
                    return LoadResult(f.id, "unchanged", form_type=f.form_type, source=f.source)
                delta = build_delta(facts, self)
                self._write_delta(facts, delta)
                self.db.execute("COMMIT")
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
        except (sqlite3.DatabaseError, OverflowError) as e:  # OverflowError: an integer SQLite cannot hold
            raise StoreError(str(self.path), f"write failed for {f.source or f.id}: {e}") from None
        return LoadResult(f.id, "loaded", len(delta.nodes), len(delta.edges), f.form_type, f.source)

    def _kind(self, node_id: str) -> str | None:
        row = self.db.execute("SELECT kind FROM nodes WHERE id=?", (node_id,)).fetchone()
        return row[0] if row else None

    def _merge_node_into(self, old: str, new: str) -> None:
        """A name-keyed node turned out to be a CIK-keyed one: move its edges and evidence."""
        row = self.db.execute("SELECT kind FROM nodes WHERE id=?", (old,)).fetchone()
        if row is None:
            return
        if row[0] == NodeKind.SECURITY.value:
            # a class merged into its CUSIP node before that node is written keeps its name and properties;
            # merged into one already there, its properties join the node's, and its title replaces a 13F
            # table's "TESLA INC COM"
            src = self.db.execute("SELECT name, props FROM nodes WHERE id=?", (old,)).fetchone()
            self.db.execute("INSERT OR IGNORE INTO nodes(id, kind, name, props) VALUES(?, ?, ?, ?)",
                            (new, row[0], src[0], src[1]))
            self._merge_node_row(new, src[0], loads_props(src[1]))
        self.db.execute("UPDATE edges SET source=? WHERE source=?", (new, old))
        self.db.execute("UPDATE edges SET target=? WHERE target=?", (new, old))
        self.db.execute("UPDATE OR IGNORE node_props SET node_id=? WHERE node_id=?", (new, old))
        self.db.execute("DELETE FROM node_props WHERE node_id=?", (old,))
        self.db.execute("UPDATE aliases SET node_id=? WHERE node_id=?", (new, old))
        self.db.execute("DELETE FROM nodes WHERE id=?", (old,))
        # its id is its normalized name: a later mention by that name finds the merged node
        self.db.execute("INSERT OR IGNORE INTO aliases(alias, node_id) VALUES(?, ?)", (old, new))
        if row[0] == NodeKind.ORGANIZATION.value:
            self._rekey_classes(old, new)

    def _merge_node_row(self, nid: str, name: str, props: dict, row=None) -> None:
        """Add a mention's properties to a node's (first value wins).  A security's name is the fullest
        class title a filing other than a 13F table gives it ("Class A Common Stock, par value $0.01 per
        share" over a Form 4's "Common Stock"; of two as long, the first in sort order), and a 13F table's
        "TESLA INC COM" (with its title_of_class "COM") only until such a title comes: the same name whatever
        the order the filings are loaded in."""
        row = row or self.db.execute("SELECT props, name, kind FROM nodes WHERE id=?", (nid,)).fetchone()
        merged = loads_props(row[0])
        new_name = row[1]
        if (name and name != new_name and "title_of_class" not in props
                and self._kind(nid) == NodeKind.SECURITY.value):
            title = merged.get("title_of_class")
            if (isinstance(title, str) and _named_by_13f(new_name, title)) or _fuller_title(name, new_name):
                new_name = name
        for k, v in props.items():
            merged.setdefault(k, v)
        self.db.execute("UPDATE nodes SET props=?, name=? WHERE id=?", (dumps_props(merged), new_name, nid))

    def _rekey_classes(self, old_issuer: str, new_issuer: str) -> None:
        """An issuer merged into another: the securities and class aliases keyed by its old id follow it
        ("security:organization:ault alliance:warrants" becomes "security:cik:0001086745:warrants")."""
        for prefix in ("security-class:", "security:"):
            old_p, new_p = f"{prefix}{old_issuer}:", f"{prefix}{new_issuer}:"
            rows = self.db.execute("SELECT alias, node_id FROM aliases WHERE alias >= ? AND alias < ?",
                                   (old_p, old_p[:-1] + ";")).fetchall()
            for alias, _ in rows:
                nid = self.lookup_alias(alias)  # as it is now: an earlier row's merge may have moved it
                new_alias = new_p + alias[len(old_p):]
                there = self.lookup_alias(new_alias)
                if there is None:
                    self.db.execute("INSERT INTO aliases(alias, node_id) VALUES(?, ?)", (new_alias, nid))
                elif there != nid and prefix == "security-class:" and CLASS_DATED not in alias:
                    self._join_class(there, nid)
        old_p, new_p = f"security:{old_issuer}:", f"security:{new_issuer}:"
        for (sid,) in self.db.execute("SELECT id FROM nodes WHERE id >= ? AND id < ?",
                                      (old_p, old_p[:-1] + ";")).fetchall():
            self._merge_node_into(sid, new_p + sid[len(old_p):])

    def _join_class(self, a: str, b: str) -> None:
        """One class of the merged issuer's, known under the issuer's two names as two nodes (a 13F table's
        CUSIP node under the name it spelled, a Form 4's title under the CIK): one node, the CUSIP-keyed one
        kept.  Two CUSIP-keyed nodes stay two (a class that changed its CUSIP)."""
        if a is None or b is None or self._kind(a) != NodeKind.SECURITY.value or self._kind(b) != self._kind(a):
            return
        named_a, named_b = a.startswith("security:"), b.startswith("security:")
        if not named_a and not named_b:
            return
        keep, drop = (a, b) if named_b else (b, a)
        self._merge_node_into(drop, keep)

    def _write_delta(self, facts: FilingFacts, delta: GraphDelta) -> None:
        f = facts.filing
        kinds = {n.id: n.kind.value for n in delta.nodes}
        late: list[tuple[str, str]] = []
        for alias, nid in delta.aliases.items():
            if alias != nid and self.db.execute("SELECT 1 FROM nodes WHERE id=?", (alias,)).fetchone():
                self._merge_node_into(alias, nid)
            elif nid.startswith(("cik:", "cusip:")):
                # an alias first learned for a name-keyed node (an issuer known only by its CUSIP number and
                # name, a class known only by its issuer and title) that now names a CIK- or CUSIP-keyed one:
                # the same entity, merged into that node
                known = self.lookup_alias(alias)
                if (known and known != nid and not known.startswith(("cik:", "cusip:"))
                        and self._kind(known) == kinds.get(nid)):
                    self._merge_node_into(known, nid)
            elif nid in kinds and alias != nid:
                # the other way round: this filing's name-keyed node is one an alias already gives a CIK or
                # CUSIP to, or a class already known under another title (learned, for instance, when this
                # filing's issuer was merged just above and its securities followed it)
                known = self.lookup_alias(alias)
                if (known and known != nid and self._kind(known) == kinds[nid]
                        and (known.startswith(("cik:", "cusip:")) or alias.startswith("security-class:"))):
                    late.append((nid, known))
            self.db.execute("INSERT OR IGNORE INTO aliases(alias, node_id) VALUES(?, ?)", (alias, nid))
        for n in delta.nodes:
            row = self.db.execute("SELECT props, name FROM nodes WHERE id=?", (n.id,)).fetchone()
            if row is None:
                self.db.execute(
                    "INSERT INTO nodes(id, kind, name, props) VALUES(?, ?, ?, ?)",
                    (n.id, n.kind.value, n.name, dumps_props(n.props)),
                )
            else:
                self._merge_node_row(n.id, n.name, n.props, row)
        self.db.executemany(
            "INSERT OR IGNORE INTO node_props(node_id, name, value, filing_id, section, excerpt) VALUES(?,?,?,?,?,?)",
            [(p.node_id, p.name, dumps_value(p.value), p.filing_id, p.section, p.excerpt) for p in delta.node_props],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO edges(id, type, source, target, props, filing_id, section, excerpt, as_of)"
            " VALUES(?,?,?,?,?,?,?,?,?)",
            [
                (e.id, e.type.value, e.source, e.target, dumps_props(e.props), e.filing_id, e.section, e.excerpt,
                 e.as_of.isoformat() if e.as_of else None)
                for e in delta.edges
            ],
        )
        for nid, known in late:
            self._merge_node_into(nid, known)
        self.db.execute(
            "INSERT INTO filings(id, accession, form_type, family, amendment_no, event_date, filed_date, source,"
            " sha256, loaded_at, info, facts) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
            (
                f.id, f.accession, f.form_type, f.family, f.amendment_no,
                f.event_date.isoformat() if f.event_date else None,
                f.filed_date.isoformat() if f.filed_date else None,
                f.source, f.sha256, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
                f.model_dump_json(), facts.model_dump_json(),
            ),
        )

    # ------------------------------------------------------------ reading
    @staticmethod
    def _node(row) -> Node:
        return Node(id=row[0], kind=NodeKind(row[1]), name=row[2], props=loads_props(row[3]))

    @staticmethod
    def _edge(row) -> Edge:
        return Edge(
            id=row[0], type=EdgeKind(row[1]), source=row[2], target=row[3], props=loads_props(row[4]),
            filing_id=row[5], section=row[6], excerpt=row[7],
            as_of=dt.date.fromisoformat(row[8]) if row[8] else None,
        )

    def nodes(self, kind: NodeKind | None = None) -> Iterator[Node]:
        q = "SELECT id, kind, name, props FROM nodes"
        args: tuple = ()
        if kind:
            q += " WHERE kind=?"
            args = (NodeKind(kind).value,)
        for row in self.db.execute(q + " ORDER BY id", args):
            yield self._node(row)

    def node(self, node_id: str) -> Node | None:
        row = self.db.execute("SELECT id, kind, name, props FROM nodes WHERE id=?", (node_id,)).fetchone()
        return self._node(row) if row else None

    def edges(self, *, source: str | None = None, target: str | None = None,
              type: EdgeKind | None = None) -> Iterator[Edge]:
        q = "SELECT id, type, source, target, props, filing_id, section, excerpt, as_of FROM edges"
        conds, args = [], []
        if source:
            conds.append("source=?")
            args.append(source)
        if target:
            conds.append("target=?")
            args.append(target)
        if type:
            conds.append("type=?")
            args.append(EdgeKind(type).value)
        if conds:
            q += " WHERE " + " AND ".join(conds)
        for row in self.db.execute(q + " ORDER BY id", args):
            yield self._edge(row)

    def node_evidence(self, node_id: str) -> list[NodeProp]:
        rows = self.db.execute(
            "SELECT node_id, name, value, filing_id, section, excerpt FROM node_props WHERE node_id=?"
            " ORDER BY name, filing_id, section",
            (node_id,),
        )
        return [NodeProp(node_id=r[0], name=r[1], value=loads_value(r[2]), filing_id=r[3], section=r[4],
                         excerpt=r[5]) for r in rows]

    def filings(self) -> list[FilingInfo]:
        return [FilingInfo.model_validate_json(r[0])
                for r in self.db.execute("SELECT info FROM filings ORDER BY event_date, id")]

    def filing(self, filing_id: str) -> FilingInfo | None:
        row = self.db.execute("SELECT info FROM filings WHERE id=?", (filing_id,)).fetchone()
        return FilingInfo.model_validate_json(row[0]) if row else None

    def facts(self, filing_id: str) -> FilingFacts | None:
        row = self.db.execute("SELECT facts FROM filings WHERE id=?", (filing_id,)).fetchone()
        return FilingFacts.model_validate_json(row[0]) if row else None

    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("filings", "nodes", "node_props", "edges", "aliases"):
            out[table] = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return out

    def find(self, query: str, kind: NodeKind | None = None) -> list[Node]:
        """Resolve what a user typed: a node id, a CIK, a CUSIP, a ticker, or a name (exact or partial)."""
        q = query.strip()
        kinds = {NodeKind(kind).value} if kind else None

        def ok(n: Node | None) -> bool:
            return n is not None and (kinds is None or n.kind.value in kinds)

        n = self.node(q)
        if ok(n):
            return [n]
        cik = normalize_cik(q) if q.replace("-", "").isdigit() else None
        if cik and ok(self.node(f"cik:{cik}")):
            return [self.node(f"cik:{cik}")]
        cusip = normalize_cusip(q)
        if cusip and any(c.isdigit() for c in cusip):
            sec = self.node(f"cusip:{cusip}")
            if sec is not None:
                if kinds and NodeKind.SECURITY.value not in kinds:
                    issuers = [self.node(e.target) for e in self.edges(source=sec.id, type=EdgeKind.ISSUED_BY)]
                    return [i for i in issuers if ok(i)]
                return [sec]
        found: dict[str, Node] = {}
        for k in (NodeKind.PERSON, NodeKind.ORGANIZATION, NodeKind.SECURITY):
            if kinds and k.value not in kinds:
                continue
            hit = self.lookup_alias(f"{k.value.lower()}:{normalize_name(q, k)}")
            if hit and ok(self.node(hit)):
                found[hit] = self.node(hit)
        for n in self.nodes():
            if not ok(n) or n.kind == NodeKind.FILING:
                continue
            if normalize_name(n.name, n.kind) == normalize_name(q, n.kind) or (
                n.props.get("ticker") and str(n.props["ticker"]).upper() == q.upper()
            ):
                found.setdefault(n.id, n)
        if found:
            return list(found.values())
        needle = normalize_name(q, NodeKind.ORGANIZATION)
        if not needle:
            return []
        return [n for n in self.nodes() if ok(n) and n.kind != NodeKind.FILING
                and needle in normalize_name(n.name, n.kind)]


def load_files(store: Store, paths: Iterable[str | os.PathLike]) -> list[LoadResult]:
    """Convenience for library users: load paths, raising on the first bad one."""
    from ..loaders import load_path

    return [store.add(load_path(p)) for p in paths]


def dump_json(obj) -> str:
    return json.dumps(obj, indent=2, ensure_ascii=False, default=str)
