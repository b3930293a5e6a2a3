"""RDF vocabularies used by the export, as rdflib ``DefinedNamespace`` classes.

Standard terms come first; :class:`OG` holds only what no standard vocabulary
covers (SEC voting/dispositive powers, aggregate amount, CIK/CUSIP, filing
metadata, convertible-into terms, party-to).  ``ontology.ttl`` next to this
module defines every :class:`OG` term with a label and a comment.

Every FIBO IRI below was checked against FIBO's published ontology files
(repository ``edmcouncil/fibo``; the file is named in each class docstring, and
where the term was read in a generated mirror of FIBO 2023Q3+ -- ``aamedina/fibo``,
``src/cljc/net/wikipunk/rdf/<prefix>.cljc`` -- that is said too).  FIBO module IRIs
end with a slash.
"""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

OG_NS = "https://w3id.org/ownergraph/ontology#"


class FIBO_OWN(DefinedNamespace):
    """fibo-fnd-oac-own -- edmcouncil/fibo FND/OwnershipAndControl/Ownership.rdf
    (owl:Class Ownership; ObjectProperties owns, hasOwningParty, hasOwnedAsset)."""

    _NS = Namespace("https://spec.edmcouncil.org/fibo/ontology/FND/OwnershipAndControl/Ownership/")
    _fail = True

    Ownership: URIRef
    owns: URIRef
    hasOwningParty: URIRef
    hasOwnedAsset: URIRef


class FIBO_CTL(DefinedNamespace):
    """fibo-fnd-oac-ctl -- edmcouncil/fibo FND/OwnershipAndControl/Control.rdf
    (owl:Class Control; ObjectProperties hasPartyInControl, involvesControlledThing -- the latter
    replaced isInControlOfThing of the 2021 file)."""

    _NS = Namespace("https://spec.edmcouncil.org/fibo/ontology/FND/OwnershipAndControl/Control/")
    _fail = True

    Control: URIRef
    hasPartyInControl: URIRef
    involvesControlledThing: URIRef


class FIBO_COWN(DefinedNamespace):
    """fibo-be-oac-cown -- edmcouncil/fibo BE/OwnershipAndControl/CorporateOwnership.rdf
    (owl:Class BeneficialOwnership, "control situation linking something at least one
    beneficial owner", a subclass of fibo-fnd-oac-ctl:Control restricted on hasPartyInControl
    and involvesControlledThing; present since FIBO 2023, absent from the 2020 file)."""

    _NS = Namespace("https://spec.edmcouncil.org/fibo/ontology/BE/OwnershipAndControl/CorporateOwnership/")
    _fail = True

    BeneficialOwnership: URIRef


class FIBO_REL(DefinedNamespace):
    """fibo-fnd-rel-rel -- edmcouncil/fibo FND/Relations/Relations.rdf
    (ObjectProperties controls (inverse of isControlledBy), isIssuedBy)."""

    _NS = Namespace("https://spec.edmcouncil.org/fibo/ontology/FND/Relations/Relations/")
    _fail = True

    controls: URIRef
    isIssuedBy: URIRef


class FIBO_EXEC(DefinedNamespace):
    """fibo-be-oac-exec -- edmcouncil/fibo BE/OwnershipAndControl/Executives.rdf
    (ObjectProperties isOfficerOf, isDirectorOf)."""

    _NS = Namespace("https://spec.edmcouncil.org/fibo/ontology/BE/OwnershipAndControl/Executives/")
    _fail = True

    isOfficerOf: URIRef
    isDirectorOf: URIRef


class FIBO_FI(DefinedNamespace):
    """fibo-fbc-fi-fi -- edmcouncil/fibo FBC/FinancialInstruments/FinancialInstruments.rdf
    (owl:Class Security, a subclass of FinancialInstrument)."""

    _NS = Namespace("https://spec.edmcouncil.org/fibo/ontology/FBC/FinancialInstruments/FinancialInstruments/")
    _fail = True

    Security: URIRef


class FIBO_EQ(DefinedNamespace):
    """fibo-sec-eq-eq -- edmcouncil/fibo SEC/Equities/EquityInstruments.rdf
    (owl:Class CommonShare, owl:disjointWith PreferredShare; read in the mirror fibo_sec_eq_eq.cljc)."""

    _NS = Namespace("https://spec.edmcouncil.org/fibo/ontology/SEC/Equities/EquityInstruments/")
    _fail = True

    CommonShare: URIRef
    PreferredShare: URIRef


class FIBO_CTR(DefinedNamespace):
    """fibo-fnd-agr-ctr -- edmcouncil/fibo FND/Agreements/Contracts.rdf
    (owl:Class Contract; ObjectProperty hasContractParty, domain Contract; read in the mirror
    fibo_fnd_agr_ctr.cljc)."""

    _NS = Namespace("https://spec.edmcouncil.org/fibo/ontology/FND/Agreements/Contracts/")
    _fail = True

    Contract: URIRef
    hasContractParty: URIRef


class ORG(DefinedNamespace):
    """W3C Organization Ontology (https://www.w3.org/TR/vocab-org/)."""

    _NS = Namespace("http://www.w3.org/ns/org#")
    _fail = True

    Organization: URIRef
    Membership: URIRef
    Role: URIRef
    member: URIRef
    organization: URIRef
    role: URIRef
    memberOf: URIRef
    memberDuring: URIRef


class OG(DefinedNamespace):
    """ownergraph's own terms (defined in ``ontology.ttl``)."""

    _NS = Namespace(OG_NS)
    _fail = True

    # classes
    Filing: URIRef
    FilingGroup: URIRef
    Holding: URIRef
    Issuance: URIRef
    Conversion: URIRef
    ContractParticipation: URIRef
    FilingParticipation: URIRef
    TenPercentOwnership: URIRef
    Subsidiarity: URIRef

    # identity and bookkeeping
    id: URIRef
    cik: URIRef
    cusip: URIRef
    edgeType: URIRef
    current: URIRef
    section: URIRef
    excerpt: URIRef
    asOf: URIRef
    source: URIRef
    target: URIRef

    # filings
    accession: URIRef
    formType: URIRef
    alsoFormType: URIRef
    family: URIRef
    amendmentNo: URIRef
    eventDate: URIRef
    filedDate: URIRef
    signedDate: URIRef
    sha256: URIRef
    sharesOutstanding: URIRef
    groupOf: URIRef

    # holdings (SEC Schedule 13D/13G cover page rows 7-13, Forms 3/4/5 tables)
    shares: URIRef
    percent: URIRef
    percentBound: URIRef
    percentText: URIRef
    soleVotingPower: URIRef
    sharedVotingPower: URIRef
    soleDispositivePower: URIRef
    sharedDispositivePower: URIRef
    aggregateAmount: URIRef
    basis: URIRef
    nature: URIRef
    underlyingShares: URIRef
    ownershipForm: URIRef

    # roles, control, agreements, conversions
    title: URIRef
    stated: URIRef
    controlBasis: URIRef
    role: URIRef
    partyTo: URIRef
    convertibleInto: URIRef
    conversionPrice: URIRef
    conversionTerms: URIRef
    conversionRatio: URIRef
    exerciseDate: URIRef
    expirationDate: URIRef
    statedValue: URIRef
    filed: URIRef
    subjectOf: URIRef
    tenPercentOwnerOf: URIRef
    subsidiaryOf: URIRef
    memberOfGroup: URIRef
    memberOfGroupBox: URIRef
    property: URIRef

    # properties the loaders read off filings (sub-properties of og:property)
    acquiredDisposed: URIRef
    amendmentType: URIRef
    transactionCode: URIRef
    transactionDate: URIRef
    deemedExecutionDate: URIRef
    transactionFormType: URIRef
    transactionPrice: URIRef
    transactionShares: URIRef
    transactionTimeliness: URIRef
    transactionUnderlyingShares: URIRef
    transactionValue: URIRef
    underlyingValue: URIRef
    exercisePrice: URIRef
    equitySwapInvolved: URIRef
    rule10b51: URIRef
    derivative: URIRef
    otherRelationship: URIRef
    otherRelationshipRemarks: URIRef
    titleAsFiled: URIRef
    nameAsFiled: URIRef
    heldBy: URIRef
    heldThrough: URIRef
    conversionPriceFootnote: URIRef
    deemedExecutionDateFootnote: URIRef
    exerciseDateFootnote: URIRef
    expirationDateFootnote: URIRef
    expirationDateFrom: URIRef
    exerciseDateFrom: URIRef
    holderFootnote: URIRef
    natureFootnote: URIRef
    ownershipFootnote: URIRef
    percentFootnote: URIRef
    securityFootnote: URIRef
    sharedDispositiveFootnote: URIRef
    sharedVotingFootnote: URIRef
    sharedVotingText: URIRef
    sharesFootnote: URIRef
    sharesSection: URIRef
    percentSection: URIRef
    soleVotingSection: URIRef
    sharedVotingSection: URIRef
    soleDispositiveSection: URIRef
    sharedDispositiveSection: URIRef
    componentPartial: URIRef
    soleDispositiveFootnote: URIRef
    soleVotingFootnote: URIRef
    transactionCodeFootnote: URIRef
    transactionPriceFootnote: URIRef
    transactionSharesFootnote: URIRef
    transactionTimelinessFootnote: URIRef
    underlyingSecurityFootnote: URIRef
    underlyingValueFootnote: URIRef
    footnotes: URIRef
    footnoteText: URIRef
    address: URIRef
    aggregateExcludesCertainShares: URIRef
    citizenship: URIRef
    citizenshipCode: URIRef
    irsNumber: URIRef
    country: URIRef
    placeOfOrganization: URIRef
    incorporation: URIRef
    stateOfIncorporation: URIRef
    jurisdiction: URIRef
    entityForm: URIRef
    location: URIRef
    status: URIRef
    fundTypes: URIRef
    reportingPersonType: URIRef
    classification: URIRef
    noCik: URIRef
    cikFrom: URIRef
    comment: URIRef
    occupation: URIRef
    principalOccupation: URIRef
    principalBusiness: URIRef
    formerNames: URIRef
    ticker: URIRef
    standsFor: URIRef
    parentUnknown: URIRef
    filedPursuantTo: URIRef
    committeePower: URIRef
    disclaims: URIRef
    titleOfClass: URIRef
    cusipAsFiled: URIRef
    otherCusips: URIRef
    figi: URIRef
    parValue: URIRef
    amountType: URIRef
    investmentDiscretion: URIRef
    noVoting: URIRef
    otherManagers: URIRef
    otherManagerSequence: URIRef
    form13fFileNumber: URIRef
    principalAmount: URIRef
    value: URIRef
    rows: URIRef
    agreementType: URIRef
    definedAs: URIRef
    date: URIRef
    closingDate: URIRef
    closings: URIRef
    term: URIRef
    exhibit: URIRef
    exercisable: URIRef
    expiration: URIRef
    instrument: URIRef
    principal: URIRef
    purchasePrice: URIRef
    maxPreferredShares: URIRef
    warrantShares: URIRef
    repaid: URIRef


#: prefixes written into Turtle/TriG/JSON-LD
PREFIXES: dict[str, str] = {
    "og": OG_NS,
    "fibo-fnd-oac-own": str(FIBO_OWN._NS),
    "fibo-fnd-oac-ctl": str(FIBO_CTL._NS),
    "fibo-be-oac-cown": str(FIBO_COWN._NS),
    "fibo-fnd-rel-rel": str(FIBO_REL._NS),
    "fibo-be-oac-exec": str(FIBO_EXEC._NS),
    "fibo-fbc-fi-fi": str(FIBO_FI._NS),
    "fibo-sec-eq-eq": str(FIBO_EQ._NS),
    "fibo-fnd-agr-ctr": str(FIBO_CTR._NS),
    "org": str(ORG._NS),
    "foaf": "http://xmlns.com/foaf/0.1/",
    "prov": "http://www.w3.org/ns/prov#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "time": "http://www.w3.org/2006/time#",
}


def sparql_prefixes() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
