"""Structures met on real Forms 3/4/5 not seen before (written here with invented names and numbers)."""

from __future__ import annotations

from decimal import Decimal

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_bytes

_DSU = """<?xml version="1.0"?>
<ownershipDocument>
  <schemaVersion>X0306</schemaVersion><documentType>4</documentType><periodOfReport>2021-03-15</periodOfReport>
  <issuer><issuerCik>0009900811</issuerCik><issuerName>Brightwater Assay Corp</issuerName>
    <issuerTradingSymbol>BWAC</issuerTradingSymbol></issuer>
  <reportingOwner>
    <reportingOwnerId><rptOwnerCik>0009900812</rptOwnerCik><rptOwnerName>Quist Harold E</rptOwnerName></reportingOwnerId>
    <reportingOwnerRelationship><isDirector>1</isDirector></reportingOwnerRelationship>
  </reportingOwner>
  <derivativeTable>
    <derivativeTransaction>
      <securityTitle><value>{title}</value></securityTitle>
      <conversionOrExercisePrice><footnoteId id="F1"/></conversionOrExercisePrice>
      <transactionDate><value>2021-03-15</value></transactionDate>
      <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>A</transactionCode>
        <equitySwapInvolved>0</equitySwapInvolved></transactionCoding>
      <transactionAmounts><transactionShares><value>88.125</value></transactionShares>
        <transactionPricePerShare><value>141.5</value></transactionPricePerShare>
        <transactionAcquiredDisposedCode><value>A</value></transactionAcquiredDisposedCode></transactionAmounts>
      <exerciseDate><footnoteId id="F1"/></exerciseDate>
      <expirationDate><footnoteId id="F1"/></expirationDate>
      <underlyingSecurity><underlyingSecurityTitle><value>Common Stock</value></underlyingSecurityTitle>
        <underlyingSecurityShares><value>88.125</value></underlyingSecurityShares></underlyingSecurity>
      <postTransactionAmounts><sharesOwnedFollowingTransaction><value>4120.5</value></sharesOwnedFollowingTransaction>
      </postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
    </derivativeTransaction>
  </derivativeTable>
  <footnotes><footnote id="F1">{note}</footnote></footnotes>
</ownershipDocument>"""


def _ratio(title: str, note: str):
    f = load_bytes(_DSU.format(title=title, note=note).encode(), "dsu.xml")
    (conv,) = [r for r in f.relations if r.type == EdgeKind.CONVERTIBLE_INTO]
    return conv.props.get("ratio")


def test_each_unit_represents_one_share():
    # a deferred stock unit footnote: "represents" one share, paid out on leaving the board
    assert _ratio("Deferred Stock Units", "Each deferred stock unit represents one share of common stock and is paid "
                  "out in common stock upon the earliest to occur of (i) termination of Mr. Quist's service on our "
                  "board of directors and (ii) a change of control of our company.") == Decimal(1)
    assert _ratio("Phantom Stock", "Each share of phantom stock is the economic equivalent of one share of Common "
                  "Stock.") == Decimal(1)


def test_represents_without_a_number_of_shares_is_no_ratio():
    assert _ratio("Deferred Stock Units", "Each deferred stock unit represents a right to receive a cash payment "
                  "equal to the value of the Common Stock.") is None
    assert _ratio("Deferred Stock Units", "The units represent one or more shares of common stock.") is None
