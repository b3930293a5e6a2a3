"""The graph model: what loaders emit (facts) and what the graph holds (nodes, edges).

Two layers, both pydantic v2:

* **Facts** (:class:`FilingFacts`) are what one loader read from one filing.
  Entities are referred to by a *key local to the filing* (``"rp:1"``,
  ``"issuer"``, ``"sec:common"``); every property and every relation carries a
  :class:`Provenance` (filing, section such as ``"cover page 1, row 9"`` or
  ``"Item 5(a)"``, and the text excerpt it came from).  Loaders know nothing
  about other filings.
* **Graph** (:class:`Node`, :class:`Edge`) is what :mod:`ownergraph.graph.build`
  makes of facts after entity resolution: nodes have stable global ids
  (CIK, then CUSIP, then normalized name plus kind, see :mod:`ownergraph.graph.ids`),
  edges keep their provenance.

Values are exact: share counts and money are :class:`~decimal.Decimal`, dates
are :class:`~datetime.date`.  A percentage printed as "Less than 1%" is kept as
``percent=1, percent_bound="<", percent_text="Less than 1%"``, never as 0.

Property values in facts and on nodes/edges are *flat scalars* (see
:data:`Scalar`) so that every store (SQLite, Neo4j, FalkorDB, RDF) can hold
them natively.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field


class NodeKind(str, Enum):
    PERSON = "Person"
    ORGANIZATION = "Organization"
    SECURITY = "Security"
    AGREEMENT = "Agreement"
    FILING = "Filing"


class EdgeKind(str, Enum):
    """Relationship types, named as they appear in Neo4j (UPPER_SNAKE)."""

    HOLDS = "HOLDS"  # holder -> Security; shares, percent, powers
    OFFICER_OF = "OFFICER_OF"  # Person -> Organization; title
    DIRECTOR_OF = "DIRECTOR_OF"  # Person -> Organization; title
    EMPLOYED_BY = "EMPLOYED_BY"  # Person -> Organization; occupation that is neither officer nor director
    CONVERTIBLE_INTO = "CONVERTIBLE_INTO"  # Security -> Security; terms
    PARTY_TO = "PARTY_TO"  # Person/Organization -> Agreement; role
    ISSUED_BY = "ISSUED_BY"  # Security -> Organization (issuer)
    MEMBER_OF_GROUP = "MEMBER_OF_GROUP"  # reporting person -> Filing (the group that files jointly)
    FILED = "FILED"  # reporting person -> Filing
    SUBJECT_OF = "SUBJECT_OF"  # issuer Organization -> Filing (subject company)
    CONTROLS = "CONTROLS"  # controller -> controlled; basis (stated in a filing, or derived)
    TEN_PERCENT_OWNER_OF = "TEN_PERCENT_OWNER_OF"  # Form 3/4/5 reporting owner -> issuer
    SUBSIDIARY_OF = "SUBSIDIARY_OF"  # Exhibit 21: subsidiary -> parent


#: A flat property value.  Decimal for amounts, date for dates.
Scalar = Union[bool, int, Decimal, dt.date, str, None]


class Provenance(BaseModel):
    """Where a fact came from."""

    model_config = ConfigDict(frozen=True)

    filing_id: str = Field(description="Filing id: the accession number when known, else 'sha256:<16 hex>' of the file")
    accession: str | None = Field(default=None, description="EDGAR accession number, 0000000000-00-000000")
    source: str | None = Field(default=None, description="File the filing was read from")
    section: str = Field(description="Where in the filing, e.g. 'cover page 1, row 9', 'Item 5(a)', 'Schedule A'")
    excerpt: str = Field(default="", description="The text the fact was read from (trimmed)")


EXCERPT_MAX = 600


def excerpt(text: str, limit: int = EXCERPT_MAX) -> str:
    """Collapse whitespace and trim an excerpt for provenance."""
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit - 1] + "\u2026"


class PropFact(BaseModel):
    """One property value of an entity, with where it was read."""

    name: str
    value: Scalar
    prov: Provenance


class EntityFact(BaseModel):
    """An entity named in a filing.  ``key`` is unique within the filing only."""

    key: str
    kind: NodeKind
    name: str = Field(description="Name as filed")
    cik: str | None = Field(default=None, description="10-digit zero-padded CIK")
    cusip: str | None = Field(default=None, description="9-character CUSIP, no spaces (securities)")
    aliases: list[str] = Field(default_factory=list, description="Other names the filing uses for it ('Mr. Ault')")
    props: list[PropFact] = Field(default_factory=list)
    prov: Provenance

    def prop(self, name: str) -> Scalar:
        for p in self.props:
            if p.name == name:
                return p.value
        return None


class RelationFact(BaseModel):
    """A relation between two entities of the same filing.

    Standard property names (all optional) -- shared by every loader so the
    graph, the queries and the exports understand them without knowing forms:

    HOLDS
        ``shares`` (Decimal, of the target security), ``percent`` (Decimal),
        ``percent_bound`` ('<' when printed as "less than"), ``percent_text``,
        ``sole_voting``, ``shared_voting``, ``sole_dispositive``,
        ``shared_dispositive`` (Decimal), ``basis`` ('beneficial' = Rule 13d-3
        aggregate from a cover page or holdings table; 'direct'; 'indirect';
        'component' = a part of a beneficial holding; 'transaction' = a Schedule
        13D Item 5(c) trade, with the transaction properties below and no
        ``shares``), ``nature`` (e.g. "By
        Trust"), ``underlying_shares`` (Decimal, common shares a derivative
        holding converts into), ``as_of`` (date), ``ownership`` ('D'/'I').
        Forms 3/4/5 rows add ``transaction_code``, ``transaction_date``,
        ``transaction_shares``, ``transaction_price``, ``transaction_value``,
        ``acquired_disposed``, ``transaction_form_type``, ``equity_swap_involved``,
        ``deemed_execution_date``, ``transaction_timeliness`` ('E' early / 'L' late),
        ``rule_10b5_1`` (bool: the filing's Rule 10b5-1(c) box, on each of its
        transactions), ``value_owned`` (a value owned instead of shares),
        ``underlying_value`` (the underlying stated as a value instead of shares),
        ``transaction_underlying_shares``, ``held_by``; a footnoted cell adds
        ``<name>_footnote`` ("see footnote F3"; ``ownership_footnote``,
        ``underlying_security_footnote``, ``transaction_code_footnote``, ...).
        Schedule 13D/G cover rows add ``aggregate_excludes_certain_shares`` (bool,
        row 12 / 10) and ``filed_pursuant_to`` (13G: "Rule 13d-1(c)").
    OFFICER_OF / DIRECTOR_OF / EMPLOYED_BY
        ``title``; for an investment committee member (EMPLOYED_BY, title 'investment committee member')
        also ``committee_power`` (what the filing says the committee exercises) and ``disclaims`` (bool);
        a member of a board listed as a body (DIRECTOR_OF, title 'member of the board of managers' or
        'director') may have ``committee_power`` too ("... (board)").
    CONVERTIBLE_INTO
        ``conversion_price``, ``conversion_terms``, ``ratio``, ``exercise_date``,
        ``expiration_date``, ``stated_value``.
    PARTY_TO
        ``role`` ('party'; for a power of attorney exhibit 'grantor' / 'attorney-in-fact').
    SUBSIDIARY_OF (Exhibit 21)
        ``jurisdiction``, ``percent`` (+``percent_text``; "wholly owned" is 100), ``held_through`` (the
        listed entity an indented list nests it under; the edge still points at the registrant),
        ``footnotes`` (the marks after the name: "4, 5"), ``footnote_text`` (the notes those marks refer
        to, as printed under the list, joined by " | ").
    CONTROLS
        ``basis`` (e.g. 'general partner', 'managing member', 'sole owner',
        'officer', 'by virtue of relationship', 'subsidiary' for a 13G Item 7 list), ``stated`` (bool),
        ``classification`` (the Item 7 / Item 3 code of a listed subsidiary, e.g. 'IA', 'BK').
        A control stated as a percentage ("owns approximately 99.6% of Y", "Y is 94.56% controlled by X")
        adds ``percent`` (Decimal), ``percent_text`` and ``percent_bound`` ('>' for "more than 50%").
    """

    type: EdgeKind
    source: str
    target: str
    props: dict[str, Scalar] = Field(default_factory=dict)
    prov: Provenance
    discriminator: str | None = Field(
        default=None,
        description="Distinguishes several relations of the same type between the same pair in one filing",
    )


class FilingInfo(BaseModel):
    """Facts about the filing itself."""

    id: str = Field(description="Accession number when known, else 'sha256:<16 hex>'")
    accession: str | None = None
    form_type: str = Field(description="Form as filed: 'SC 13D/A', 'SCHEDULE 13G', '4', ...")
    also_form_types: list[str] = Field(
        default_factory=list,
        description="Other forms the same submission serves as, e.g. 'SC 13D/A' for a Schedule TO amendment that "
                    "also amends a Schedule 13D (form_type keeps the submission type)")
    family: str = Field(description="Loader family: 'schedule13', 'ownership', 'submission', '13f', 'ex21'")
    loader: str
    amendment_no: int | None = None
    is_amendment: bool = False
    amendment_type: str | None = Field(
        default=None, description="A 13F-HR/A's kind: 'RESTATEMENT' (replaces the report for its period) or "
                                  "'NEW HOLDINGS' (adds to it)")
    previous_accession: str | None = None
    filed_date: dt.date | None = None
    event_date: dt.date | None = Field(default=None, description="Date of event / period of report: the as-of date")
    signed_date: dt.date | None = None
    source: str | None = None
    sha256: str
    issuer_key: str | None = Field(default=None, description="Entity key of the subject company (issuer)")
    filer_keys: list[str] = Field(default_factory=list, description="Entity keys of the reporting persons")
    earlier_filings: list[dt.date] = Field(default_factory=list, description="Dates of the original and earlier amendments")
    shares_outstanding: Decimal | None = None
    shares_outstanding_date: dt.date | None = None


class FilingFacts(BaseModel):
    """Everything a loader read from one filing."""

    filing: FilingInfo
    document: dict[str, Any] = Field(
        default_factory=dict,
        description="The form's own structured view (the loader's document model, dumped)",
    )
    entities: list[EntityFact] = Field(default_factory=list)
    relations: list[RelationFact] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def entity(self, key: str) -> EntityFact | None:
        for e in self.entities:
            if e.key == key:
                return e
        return None


# ---------------------------------------------------------------- graph layer


class Node(BaseModel):
    id: str = Field(description="Stable id: 'cik:0001234567', 'cusip:09175M507', 'person:<norm name>', ...")
    kind: NodeKind
    name: str
    props: dict[str, Scalar] = Field(default_factory=dict)


class NodeProp(BaseModel):
    """A node property as stated by one filing (the evidence behind Node.props)."""

    node_id: str
    name: str
    value: Scalar
    filing_id: str
    section: str
    excerpt: str = ""


class Edge(BaseModel):
    id: str = Field(description="Deterministic hash of type, ends, filing and discriminator")
    type: EdgeKind
    source: str
    target: str
    props: dict[str, Scalar] = Field(default_factory=dict)
    filing_id: str
    section: str
    excerpt: str = ""
    as_of: dt.date | None = None


class GraphDelta(BaseModel):
    """What one filing adds to the graph."""

    filing: FilingInfo
    nodes: list[Node] = Field(default_factory=list)
    node_props: list[NodeProp] = Field(default_factory=list)
    edges: list[Edge] = Field(default_factory=list)
    aliases: dict[str, str] = Field(default_factory=dict, description="alias key -> node id learned from this filing")


Bound = Literal["<", "<=", ">", ">="]


# ---------------------------------------------------------------- fast construction


def _construct_plain(cls: type[BaseModel], values: dict[str, Any]) -> Any:
    return cls.model_construct(**values)


def _fast_constructor() -> Any:
    """``model_construct`` for a dict of every field's value, without its per-field loop, which on the loaders'
    hot path costs more than the work around it.  Built on the slots pydantic v2 gives every model, and
    checked once against ``model_construct``; any difference (another pydantic) means ``model_construct``."""
    try:
        new = object.__new__
        set_dict, set_fields, set_extra, set_private = (
            BaseModel.__dict__[k].__set__
            for k in ("__dict__", "__pydantic_fields_set__", "__pydantic_extra__", "__pydantic_private__"))

        def fast(cls: type[BaseModel], values: dict[str, Any]) -> Any:
            m = new(cls)
            set_dict(m, values)
            set_fields(m, set(values))
            set_extra(m, None)
            set_private(m, None)
            return m

        probe = {"filing_id": "x", "accession": None, "source": None, "section": "s", "excerpt": ""}
        built, public = fast(Provenance, dict(probe)), Provenance.model_construct(**probe)
        if built == public and built.model_dump() == probe and hash(built) == hash(public) and not any(
                c.__pydantic_post_init__ or c.__private_attributes__
                for c in (Provenance, PropFact, EntityFact, RelationFact, FilingInfo, FilingFacts)):
            return fast
    except Exception:  # noqa: BLE001 - any surprise: the public API
        pass
    return _construct_plain  # pragma: no cover - a pydantic that builds models differently


_fast = _fast_constructor()


def constructor(passes: dict[type[BaseModel], tuple[str, ...]]) -> Any:
    """``construct(cls, values)``: a fact model from values the caller has already typed, without validation
    (as ``cls.model_construct(**values)``, without its per-field loop), for the loaders' hot paths.

    ``passes`` names the fields the caller always gives for each model it builds (every field; the dict
    becomes the instance's own).  Checked here, once: if a model's fields differ from what the caller passes
    (it gained a field with a default), the caller gets ``model_construct``, which fills it."""
    if all(set(cls.model_fields) == set(keys) for cls, keys in passes.items()):
        return _fast
    return _construct_plain
