"""Generators of our own filings in the real formats, for fuzzing and limits tests.

Shapes follow the SEC specifications (../shared/specs): the Schedule 13D/G XML
technical specification, the ownership (Forms 3/4/5) XML specification and the
13F information table XSD; the text 13G follows the cover-page layout of the
rule (rows 1-12/14).  Names, numbers and CIKs are invented.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

NS_13D = "http://www.sec.gov/edgar/schedule13D"
NS_13G = "http://www.sec.gov/edgar/schedule13g"
NS_COM = "http://www.sec.gov/edgar/common"
NS_13F = "http://www.sec.gov/edgar/document/thirteenf/informationtable"

#: names that break naive quoting in Cypher, SQL and SPARQL (tests that need more add to them)
HOSTILE_NAMES = [
    "O'Brien & Sons",
    'The "Quoted" Trust',
    "Back\\slash Holdings\\",
    "`Backtick` Capital",
    "x'}) DETACH DELETE n //",
    'y"}) MATCH (m) DETACH DELETE m RETURN 1 //',
]
HOSTILE_ISSUER = "Issuer `of` 'Things' \\ Inc"


def _person_name(i: int) -> str:
    return f"Example Holder {i} Capital LP" if i % 2 else f"Jane Q. Example {i}"


def schedule13d_xml(persons: int = 3, *, issuer_cik: str = "0009990001", cusip: str = "99999A105",
                    issuer: str = "Example Industries, Inc.", name=_person_name) -> bytes:
    rps = []
    for i in range(1, persons + 1):
        shares = 1000 * i
        rps.append(f"""
      <reportingPersonInfo>
        <reportingPersonCIK>{9_000_000_000 + i:010d}</reportingPersonCIK>
        <reportingPersonNoCIK>N</reportingPersonNoCIK>
        <reportingPersonName>{escape(name(i))}</reportingPersonName>
        <memberOfGroup>a</memberOfGroup>
        <fundType>WC</fundType>
        <legalProceedings>N</legalProceedings>
        <citizenshipOrOrganization>DE</citizenshipOrOrganization>
        <soleVotingPower>{shares}.00</soleVotingPower>
        <sharedVotingPower>0.00</sharedVotingPower>
        <soleDispositivePower>{shares}.00</soleDispositivePower>
        <sharedDispositivePower>0.00</sharedDispositivePower>
        <aggregateAmountOwned>{shares}.00</aggregateAmountOwned>
        <isAggregateExcludeShares>N</isAggregateExcludeShares>
        <percentOfClass>{(i % 90) / 10 + 0.1:.1f}</percentOfClass>
        <typeOfReportingPerson>{'PN' if i % 2 else 'IN'}</typeOfReportingPerson>
      </reportingPersonInfo>""")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<edgarSubmission xmlns="{NS_13D}" xmlns:com="{NS_COM}">
  <headerData>
    <submissionType>SCHEDULE 13D</submissionType>
    <filerInfo>
      <filer><filerCredentials><cik>{9_000_000_001:010d}</cik><ccc>XXXXXXXX</ccc></filerCredentials></filer>
      <liveTestFlag>LIVE</liveTestFlag>
    </filerInfo>
  </headerData>
  <formData>
    <coverPageHeader>
      <securitiesClassTitle>Common Stock, par value $0.01 per share</securitiesClassTitle>
      <dateOfEvent>03/15/2025</dateOfEvent>
      <previouslyFiledFlag>false</previouslyFiledFlag>
      <issuerInfo>
        <issuerCIK>{issuer_cik}</issuerCIK>
        <issuerCUSIP>{cusip}</issuerCUSIP>
        <issuerName>{escape(issuer)}</issuerName>
        <address>
          <com:street1>1 Example Plaza</com:street1>
          <com:city>Wilmington</com:city>
          <com:stateOrCountry>DE</com:stateOrCountry>
          <com:zipCode>19801</com:zipCode>
        </address>
      </issuerInfo>
    </coverPageHeader>
    <reportingPersons>{''.join(rps)}
    </reportingPersons>
    <items1To7>
      <item1>
        <securityTitle>Common Stock, par value $0.01 per share</securityTitle>
        <issuerName>{escape(issuer)}</issuerName>
      </item1>
      <item2>
        <filingPersonName>{escape(name(1))}</filingPersonName>
      </item2>
      <item3><fundsSource>Working capital of the reporting persons.</fundsSource></item3>
      <item4><transactionPurpose>Investment.</transactionPurpose></item4>
      <item5>
        <percentageOfClassSecurities>The reporting persons own the shares stated on their cover pages.</percentageOfClassSecurities>
      </item5>
    </items1To7>
    <signatureInformation>
      <reportingPersonName>{escape(name(1))}</reportingPersonName>
      <signatureDetails><signature>/s/ Jane Q. Example</signature><title>Manager</title><date>03/17/2025</date></signatureDetails>
    </signatureInformation>
  </formData>
</edgarSubmission>
""".encode()


def schedule13g_text(persons: int = 3, *, issuer: str = "Example Industries, Inc.", cusip: str = "99999A105",
                     name=_person_name) -> bytes:
    pages = []
    for i in range(1, persons + 1):
        shares = 1000 * i
        pages.append(f"""
CUSIP No. {cusip}

1\tNAMES OF REPORTING PERSONS
\t{name(i)}
2\tCHECK THE APPROPRIATE BOX IF A MEMBER OF A GROUP (a) [X] (b) [ ]
3\tSEC USE ONLY
4\tCITIZENSHIP OR PLACE OF ORGANIZATION
\tDelaware
NUMBER OF SHARES BENEFICIALLY OWNED BY EACH REPORTING PERSON WITH
5\tSOLE VOTING POWER
\t{shares:,}
6\tSHARED VOTING POWER
\t0
7\tSOLE DISPOSITIVE POWER
\t{shares:,}
8\tSHARED DISPOSITIVE POWER
\t0
9\tAGGREGATE AMOUNT BENEFICIALLY OWNED BY EACH REPORTING PERSON
\t{shares:,}
10\tCHECK IF THE AGGREGATE AMOUNT IN ROW (9) EXCLUDES CERTAIN SHARES [ ]
11\tPERCENT OF CLASS REPRESENTED BY AMOUNT IN ROW (9)
\t{(i % 90) / 10 + 0.1:.1f}%
12\tTYPE OF REPORTING PERSON
\t{'PN' if i % 2 else 'IN'}
""")
    return f"""UNITED STATES
SECURITIES AND EXCHANGE COMMISSION
Washington, D.C. 20549

SCHEDULE 13G

Under the Securities Exchange Act of 1934
(Amendment No. 1)

{issuer}
(Name of Issuer)

Common Stock, par value $0.01 per share
(Title of Class of Securities)

{cusip}
(CUSIP Number)

March 15, 2025
(Date of Event Which Requires Filing of this Statement)
{''.join(pages)}
Item 1(a). Name of Issuer: {issuer}
Item 2(a). Name of Person Filing: the reporting persons named on the cover pages.
Item 4. Ownership: see rows 5 through 11 of each cover page.

SIGNATURE
After reasonable inquiry, each of the undersigned certifies that the information is true.
Date: March 17, 2025
""".encode()


def form13f_infotable(rows: int = 5, positions: int | None = None) -> bytes:
    """``rows`` information table rows over ``positions`` distinct CUSIPs (default: one each)."""
    positions = positions or rows
    parts = [f'<?xml version="1.0" encoding="UTF-8"?>\n<informationTable xmlns="{NS_13F}">']
    for i in range(rows):
        k = i % positions
        parts.append(
            f"<infoTable><nameOfIssuer>EXAMPLE ISSUER {k} INC</nameOfIssuer><titleOfClass>COM</titleOfClass>"
            f"<cusip>{k % 1000000:06d}10{k % 10}</cusip><value>{1000 + i}</value>"
            f"<shrsOrPrnAmt><sshPrnamt>{100 + i}</sshPrnamt><sshPrnamtType>SH</sshPrnamtType></shrsOrPrnAmt>"
            f"<investmentDiscretion>SOLE</investmentDiscretion>"
            f"<votingAuthority><Sole>{100 + i}</Sole><Shared>0</Shared><None>0</None></votingAuthority></infoTable>"
        )
    parts.append("</informationTable>\n")
    return "\n".join(parts).encode()


def form4_xml(rows: int = 2) -> bytes:
    txs = "".join(f"""
    <nonDerivativeTransaction>
      <securityTitle><value>Common Stock</value></securityTitle>
      <transactionDate><value>2025-03-{10 + i % 18:02d}</value></transactionDate>
      <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>S</transactionCode>
        <equitySwapInvolved>0</equitySwapInvolved></transactionCoding>
      <transactionAmounts>
        <transactionShares><value>{100 + i}</value></transactionShares>
        <transactionPricePerShare><value>12.5</value></transactionPricePerShare>
        <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode>
      </transactionAmounts>
      <postTransactionAmounts><sharesOwnedFollowingTransaction><value>{10000 - i}</value>
        </sharesOwnedFollowingTransaction></postTransactionAmounts>
      <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
    </nonDerivativeTransaction>""" for i in range(rows))
    return f"""<?xml version="1.0"?>
<ownershipDocument>
  <schemaVersion>X0508</schemaVersion>
  <documentType>4</documentType>
  <periodOfReport>2025-03-28</periodOfReport>
  <notSubjectToSection16>0</notSubjectToSection16>
  <issuer>
    <issuerCik>0009990001</issuerCik>
    <issuerName>Example Industries, Inc.</issuerName>
    <issuerTradingSymbol>EXMP</issuerTradingSymbol>
  </issuer>
  <reportingOwner>
    <reportingOwnerId><rptOwnerCik>0009000000001</rptOwnerCik><rptOwnerName>Example Jane Q</rptOwnerName></reportingOwnerId>
    <reportingOwnerAddress><rptOwnerStreet1>1 Example Plaza</rptOwnerStreet1><rptOwnerCity>Wilmington</rptOwnerCity>
      <rptOwnerState>DE</rptOwnerState><rptOwnerZipCode>19801</rptOwnerZipCode></reportingOwnerAddress>
    <reportingOwnerRelationship><isDirector>1</isDirector><isOfficer>1</isOfficer>
      <officerTitle>Chief Executive Officer</officerTitle><isTenPercentOwner>0</isTenPercentOwner><isOther>0</isOther>
    </reportingOwnerRelationship>
  </reportingOwner>
  <nonDerivativeTable>{txs}
  </nonDerivativeTable>
  <ownerSignature><signatureName>/s/ Jane Q. Example</signatureName><signatureDate>2025-03-30</signatureDate>
  </ownerSignature>
</ownershipDocument>
""".encode()


FIXTURES = {
    "schedule13d_3persons.xml": lambda: schedule13d_xml(3),
    "schedule13g_3persons.txt": lambda: schedule13g_text(3),
    "form13f_infotable_5rows.xml": lambda: form13f_infotable(5),
    "form4_2rows.xml": lambda: form4_xml(2),
}


if __name__ == "__main__":  # regenerate tests/fixtures/reliability/
    from pathlib import Path

    out = Path(__file__).resolve().parent / "fixtures" / "reliability"
    out.mkdir(parents=True, exist_ok=True)
    for fname, make in FIXTURES.items():
        (out / fname).write_bytes(make())
