"""A test-side rendering of an ``ownershipDocument`` as the SEC's EDGAR viewer shows it (the ``xslF345X05``
page): the layout modelled on real rendered Forms 3/4/5 -- the box 1 name linked to the owner's CIK, the
"(Last) (First) (Middle)" / "(Street)" / "(City) (State) (Zip)" captions under the values, the issuer linked to
its CIK with the ticker in "[ ]", "X" marks in the cell before each relationship label and the title below,
Tables I and II with two header rows (``colspan`` groups over "Code | V", "Amount | (A) or (D) | Price"), dates as
MM/DD/YYYY, numbers with thousands separators, prices with "$", footnote marks ``<sup>(1)</sup>``, the
"Explanation of Responses:" list "1. ...", the remarks and the signature block.

It is written independently of ``ownergraph.loaders.form345_html`` (which must read what this writes, as it reads
the real pages), so a test can render an XML filing and compare the facts of both.
"""

from __future__ import annotations

import html
from decimal import Decimal, InvalidOperation

from lxml import etree


def _local(el) -> str:
    t = el.tag
    return t[t.rfind("}") + 1:] if isinstance(t, str) else ""


def _kid(el, name):
    if el is None:
        return None
    for c in el:
        if _local(c) == name:
            return c
    return None


def _kids(el, name):
    return [c for c in el if _local(c) == name] if el is not None else []


def _txt(el) -> str:
    if el is None:
        return ""
    v = _kid(el, "value")
    src = v if v is not None else el
    return " ".join((src.text or "").split())


def _fns(el) -> str:
    if el is None:
        return ""
    out = []
    for e in el.iter():
        if _local(e) == "footnoteId" and e.get("id"):
            out.append(f'<a href="#{e.get("id")}"><sup>({e.get("id")[1:]})</sup></a>')
    return "".join(out)


def _num(s: str) -> str:
    try:
        d = Decimal(s.replace(",", ""))
    except (InvalidOperation, ValueError):
        return html.escape(s)
    if d == 0:
        return "0"
    q = format(d.normalize(), "f")
    whole, _, frac = q.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = whole.lstrip("-")
    return sign + f"{int(whole):,}" + (f".{frac}" if frac else "")


def _date(s: str) -> str:
    if len(s) >= 10 and s[4] == "-" and s[7] == "-":
        return f"{s[5:7]}/{s[8:10]}/{s[0:4]}"
    return html.escape(s)


def _cell(el, kind="text", dollar=False) -> str:
    if el is None:
        return "<td></td>"
    v = _txt(el)
    if v:
        if kind == "num":
            v = ('</span><span class="FormText">$</span><span class="FormData">' if dollar else "") + _num(v)
        elif kind == "date":
            v = _date(v)
        else:
            v = html.escape(v)
    return f'<td align="center"><span class="FormData">{v}</span>{_fns(el)}</td>' if v or _fns(el) else "<td></td>"


def _find(el, *path):
    for p in path:
        el = _kid(el, p)
        if el is None:
            return None
    return el


def render(xml: bytes) -> str:
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    root = etree.fromstring(xml, parser)
    dtype = _txt(_kid(root, "documentType"))
    form = dtype[:1]
    title = {"3": "INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES",
             "5": "ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP"}.get(form,
                                                                            "STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP")
    out = [f"<html><head><title>SEC Form {form}</title></head><body>",
           '<table width="100%" border="1" cellspacing="0" cellpadding="4"><tr>',
           f'<td rowspan="2" width="15%"><span class="FormTitle">SEC Form {form}</span><br>'
           f'<span class="FormTypeC">FORM {form}</span></td>',
           f'<td rowspan="2" width="70%" align="center"><span class="FormTitle">UNITED STATES SECURITIES AND '
           f'EXCHANGE COMMISSION</span><br><span class="FormText">Washington, D.C. 20549</span><br><br>'
           f'<span class="FormTitle">{title}</span><br><span class="MedSmallFormText">Filed pursuant to Section '
           f'16(a) of the Securities Exchange Act of 1934</span></td></tr></table>']
    checks = []
    if form != "3":
        mark = "X" if _txt(_kid(root, "notSubjectToSection16")) in ("1", "true") else ""
        checks.append(f'<tr><td><table border="1"><tr><td>{mark or "&nbsp;"}</td></tr></table></td><td class="SmallFormText">Check this box if no '
                      f'longer subject to Section 16. Form 4 or Form 5 obligations may continue. '
                      f'<i>See</i> Instruction 1(b).</td></tr>')
    if form == "5":
        for tag, label in (("form3HoldingsReported", "Form 3 Holdings Reported."),
                           ("form4TransactionsReported", "Form 4 Transactions Reported.")):
            mark = "X" if _txt(_kid(root, tag)) in ("1", "true") else ""
            checks.append(f'<tr><td><table border="1"><tr><td>{mark or "&nbsp;"}</td></tr></table></td>'
                          f'<td class="SmallFormText">{label}</td></tr>')
    if _kid(root, "aff10b5One") is not None:
        mark = "X" if _txt(_kid(root, "aff10b5One")) in ("1", "true") else ""
        checks.append(f'<tr><td><table border="1"><tr><td>{mark or "&nbsp;"}</td></tr></table></td><td class="SmallFormText">Check this box to '
                      f'indicate that a transaction was made pursuant to a contract, instruction or written plan '
                      f'for the purchase or sale of equity securities of the issuer that is intended to satisfy the '
                      f'affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.</td></tr>')
    if checks:
        out.append('<table border="0">' + "".join(checks) + "</table>")
    iss = _kid(root, "issuer")
    icik, iname, isym = (_txt(_kid(iss, k)) for k in ("issuerCik", "issuerName", "issuerTradingSymbol"))
    period = _date(_txt(_kid(root, "periodOfReport")))
    orig = _date(_txt(_kid(root, "dateOfOriginalSubmission")))
    owners = _kids(root, "reportingOwner")
    box3 = {"3": "2. Date of Event Requiring Statement (Month/Day/Year)",
            "5": "3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)"}.get(
        form, "3. Date of Earliest Transaction (Month/Day/Year)")
    box4 = "5. If Amendment, Date of Original Filed (Month/Day/Year)" if form == "3" else \
        "4. If Amendment, Date of Original Filed (Month/Day/Year)"
    for i, ro in enumerate(owners):
        rid = _kid(ro, "reportingOwnerId")
        cik, name = _txt(_kid(rid, "rptOwnerCik")), _txt(_kid(rid, "rptOwnerName"))
        ad = _kid(ro, "reportingOwnerAddress")
        a = {k: html.escape(_txt(_kid(ad, k))) for k in ("rptOwnerStreet1", "rptOwnerStreet2", "rptOwnerCity",
                                                          "rptOwnerState", "rptOwnerZipCode",
                                                          "rptOwnerStateDescription")}
        rel = _kid(ro, "reportingOwnerRelationship")
        flag = lambda k: "X" if _txt(_kid(rel, k)).lower() in ("1", "true") else ""  # noqa: E731
        streets = "".join(f'<tr><td><span class="FormData">{a[k]}</span></td></tr>'
                          for k in ("rptOwnerStreet1", "rptOwnerStreet2") if a[k])
        box1 = (f'<td rowspan="3" width="35%" valign="top"><span class="MedSmallFormText">1. Name and Address of '
                f'Reporting Person</span><sup>*</sup><table border="0" width="100%"><tr><td>'
                f'<a href="/cgi-bin/browse-edgar?action=getcompany&amp;CIK={cik}">{html.escape(name)}</a></td></tr>'
                f'</table><hr><table border="0" width="100%"><tr><td class="MedSmallFormText">(Last)</td>'
                f'<td class="MedSmallFormText">(First)</td><td class="MedSmallFormText">(Middle)</td></tr></table>'
                f'<table border="0" width="100%">{streets}</table><hr><table border="0" width="100%"><tr>'
                f'<td class="MedSmallFormText">(Street)</td></tr></table><table border="0" width="100%"><tr>'
                f'<td width="40%"><span class="FormData">{a["rptOwnerCity"]}</span></td>'
                f'<td width="20%"><span class="FormData">{a["rptOwnerState"]}</span></td>'
                f'<td width="40%"><span class="FormData">{a["rptOwnerZipCode"]}</span></td>'
                + (f'<td><span class="FormData">{a["rptOwnerStateDescription"]}</span></td>'
                   if a["rptOwnerStateDescription"] else "") + '</tr></table><hr>'
                f'<table border="0" width="100%"><tr><td class="MedSmallFormText">(City)</td>'
                f'<td class="MedSmallFormText">(State)</td><td class="MedSmallFormText">(Zip)</td></tr></table></td>')
        titles = "".join(f'<td width="35%" align="left" style="color: blue">{html.escape(_txt(_kid(rel, k)))}</td>'
                         for k in ("officerTitle", "otherText") if _txt(_kid(rel, k)))
        box5 = (f'<td rowspan="3" valign="top" width="30%"><span class="MedSmallFormText">'
                f'{"4" if form == "3" else "5"}. Relationship of Reporting Person(s) to Issuer</span><br>'
                f'<span class="MedSmallFormText">(Check all applicable)</span><table border="0" width="100%"><tr>'
                f'<td align="center" width="15%"><span class="FormData">{flag("isDirector")}</span></td>'
                f'<td class="MedSmallFormText" width="35%">Director</td>'
                f'<td align="center" width="15%"><span class="FormData">{flag("isTenPercentOwner")}</span></td>'
                f'<td class="MedSmallFormText" width="35%">10% Owner</td></tr><tr>'
                f'<td align="center"><span class="FormData">{flag("isOfficer")}</span></td>'
                f'<td class="MedSmallFormText">Officer (give title below)</td>'
                f'<td align="center"><span class="FormData">{flag("isOther")}</span></td>'
                f'<td class="MedSmallFormText">Other (specify below)</td></tr></table>'
                f'<table border="0" width="100%"><tr><td width="5%"></td>{titles}</tr></table></td>')
        issuer_box = (f'<td width="35%" valign="top"><span class="MedSmallFormText">{"3" if form == "3" else "2"}. '
                      f'Issuer Name <b>and</b> Ticker or Trading Symbol</span><br><a href="/cgi-bin/browse-edgar?'
                      f'action=getcompany&amp;CIK={icik}">{html.escape(iname)}</a> [ <span class="FormData">'
                      f'{html.escape(isym)}</span> ]</td>')
        date_box = (f'<td valign="top"><span class="MedSmallFormText">{box3}</span><br>'
                    f'<span class="FormData">{period}</span></td>')
        amend_box = (f'<td valign="top"><span class="MedSmallFormText">{box4}</span><br>'
                     f'<span class="FormData">{orig}</span></td>')
        joint_box = (f'<td valign="top"><span class="MedSmallFormText">6. Individual or Joint/Group Filing '
                     f'(Check Applicable Line)</span><table border="0"><tr><td align="center">'
                     f'{"X" if len(owners) == 1 else ""}</td><td class="MedSmallFormText">Form filed by One '
                     f'Reporting Person</td></tr><tr><td align="center">{"X" if len(owners) > 1 else ""}</td>'
                     f'<td class="MedSmallFormText">Form filed by More than One Reporting Person</td></tr>'
                     f'</table></td>')
        if i == 0 and form == "3":  # Form 3: box 2 the event date, box 3 the issuer, box 4 the relationship
            out.append('<table width="100%" border="1" cellspacing="0" cellpadding="4"><tr>' + box1 + date_box +
                       issuer_box + '</tr><tr>' + box5 + amend_box + '</tr><tr>' + joint_box + '</tr></table>')
        elif i == 0:
            out.append('<table width="100%" border="1" cellspacing="0" cellpadding="4"><tr>' + box1 + issuer_box +
                       box5 + '</tr><tr>' + date_box + '</tr><tr>' + amend_box + joint_box + '</tr></table>')
        else:
            out.append('<table width="100%" border="1" cellspacing="0" cellpadding="4"><tr>' + box1 + box5 +
                       "</tr></table>")
    out.append(_table1(root, form))
    out.append(_table2(root, form))
    out.append('<table width="100%" border="0" cellspacing="0" cellpadding="4"><tr><td class="MedSmallFormText" '
               'colspan="2"><b>Explanation of Responses:</b></td></tr>')
    fnw = _kid(root, "footnotes")
    for f in _kids(fnw, "footnote"):
        fid = f.get("id") or ""
        text = html.escape(" ".join("".join(f.itertext()).split()))
        out.append(f'<tr><td class="FootnoteData"><a name="{fid}"></a>{fid[1:]}. {text}</td></tr>')
    rem = _kid(root, "remarks")
    out.append('<tr><td class="FormText" colspan="2"><b>Remarks:</b></td></tr>')
    if rem is not None and "".join(rem.itertext()).strip():
        out.append(f'<tr><td class="FootnoteData" colspan="2">{html.escape(" ".join("".join(rem.itertext()).split()))}'
                   f'</td></tr>')
    out.append("</table>")
    out.append('<table width="100%" border="0" cellspacing="0" cellpadding="4">')
    for s in _kids(root, "ownerSignature"):
        out.append(f'<tr><td width="60%"></td><td width="20%"><span class="FormData">'
                   f'{html.escape(_txt(_kid(s, "signatureName")))}</span></td><td width="20%"><span class="FormData">'
                   f'{_date(_txt(_kid(s, "signatureDate")))}</span></td></tr>')
    out.append('<tr><td></td><td class="MedSmallFormText">** Signature of Reporting Person</td>'
               '<td class="MedSmallFormText">Date</td></tr></table>')
    out.append('<p class="MedSmallFormText">Reminder: Report on a separate line for each class of securities '
               'beneficially owned directly or indirectly.</p></body></html>')
    return "\n".join(out)


def _rows(root, table, kinds):
    rows = []
    for t in _kids(root, table):
        rows += [r for r in t if _local(r) in kinds]
    return rows


def _coding(r):
    c = _kid(r, "transactionCoding")
    if c is None:
        return "<td></td><td></td>"
    code = html.escape(_txt(_kid(c, "transactionCode")))
    return f'<td align="center"><span class="SmallFormData">{code}</span>{_fns(c)}</td><td></td>'


def _table1(root, form) -> str:
    if form == "3":
        head = ('<tr><th class="MedSmallFormText">1. Title of Security (Instr. 4)</th>'
                '<th class="MedSmallFormText">2. Amount of Securities Beneficially Owned (Instr. 4)</th>'
                '<th class="MedSmallFormText">3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)</th>'
                '<th class="MedSmallFormText">4. Nature of Indirect Beneficial Ownership (Instr. 5)</th></tr>')
        ncol = 4
    else:
        v = "" if form == "5" else "<th>Code</th><th>V</th>"
        head = ('<tr><th rowspan="2">1. Title of Security (Instr. 3)</th><th rowspan="2">2. Transaction Date '
                '(Month/Day/Year)</th><th rowspan="2">2A. Deemed Execution Date, if any (Month/Day/Year)</th>' +
                ('<th rowspan="2">' if form == "5" else '<th colspan="2">') + '3. Transaction Code (Instr. 8)</th><th colspan="3">4. '
                'Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)</th><th rowspan="2">5. Amount of '
                'Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)</th>'
                '<th rowspan="2">6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)</th><th rowspan="2">7. '
                f'Nature of Indirect Beneficial Ownership (Instr. 4)</th></tr><tr>{v}<th>Amount</th>'
                '<th>(A) or (D)</th><th>Price</th></tr>')
        ncol = 10 if form == "5" else 11
    body = []
    if _txt(_kid(root, "noSecuritiesOwned")) in ("1", "true"):
        body.append(f'<tr><td colspan="{ncol}" align="center">No securities are beneficially owned.</td></tr>')
    for r in _rows(root, "nonDerivativeTable", ("nonDerivativeTransaction", "nonDerivativeHolding")):
        post = _kid(r, "postTransactionAmounts")
        nat = _kid(r, "ownershipNature")
        tail = (_cell(_kid(post, "sharesOwnedFollowingTransaction") if post is not None else None, "num") +
                _cell(_kid(nat, "directOrIndirectOwnership")) + _cell(_kid(nat, "natureOfOwnership")))
        title = _cell(_kid(r, "securityTitle"))
        if form == "3":
            body.append(f"<tr>{title}{tail}</tr>")
            continue
        amt = _kid(r, "transactionAmounts")
        coding = _coding(r)
        if form == "5":
            coding = coding[:-len("<td></td>")]
        body.append(f"<tr>{title}{_cell(_kid(r, 'transactionDate'), 'date')}"
                    f"{_cell(_kid(r, 'deemedExecutionDate'), 'date')}{coding}"
                    f"{_cell(_kid(amt, 'transactionShares'), 'num')}"
                    f"{_cell(_kid(amt, 'transactionAcquiredDisposedCode'))}"
                    f"{_cell(_kid(amt, 'transactionPricePerShare'), 'num', dollar=True)}{tail}</tr>")
    return (f'<table width="100%" border="1" cellspacing="0" cellpadding="4"><thead><tr><th colspan="{ncol}" '
            'class="FormTextC">' + ("Table I - Non-Derivative Securities Beneficially Owned" if form == "3" else
                                     "Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned")
            + f'</th></tr>{head}</thead><tbody>{"".join(body)}</tbody></table>')


def _table2(root, form) -> str:
    under = ('<th colspan="2">{n}. Title and Amount of Securities Underlying Derivative Security (Instr. {i})</th>')
    dates = '<th colspan="2">{n}. Date Exercisable and Expiration Date (Month/Day/Year)</th>'
    if form == "3":
        head = ('<tr><th rowspan="2">1. Title of Derivative Security (Instr. 4)</th>' + dates.format(n=2) +
                under.format(n=3, i=4) + '<th rowspan="2">4. Conversion or Exercise Price of Derivative Security'
                '</th><th rowspan="2">5. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)</th>'
                '<th rowspan="2">6. Nature of Indirect Beneficial Ownership (Instr. 5)</th></tr>'
                '<tr><th>Date Exercisable</th><th>Expiration Date</th><th>Title</th>'
                '<th>Amount or Number of Shares</th></tr>')
        ncol = 8
    else:
        v = "" if form == "5" else "<th>Code</th><th>V</th>"
        head = ('<tr><th rowspan="2">1. Title of Derivative Security (Instr. 3)</th><th rowspan="2">2. Conversion '
                'or Exercise Price of Derivative Security</th><th rowspan="2">3. Transaction Date (Month/Day/Year)'
                '</th><th rowspan="2">3A. Deemed Execution Date, if any (Month/Day/Year)</th>' +
                ('<th rowspan="2">' if form == "5" else '<th colspan="2">') + '4. Transaction Code (Instr. 8)</th><th colspan="2">5. '
                'Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)</th>' +
                dates.format(n=6) + under.format(n=7, i="3 and 4") + '<th rowspan="2">8. Price of Derivative '
                'Security (Instr. 5)</th><th rowspan="2">9. Number of derivative Securities Beneficially Owned '
                'Following Reported Transaction(s) (Instr. 4)</th><th rowspan="2">10. Ownership Form: Direct (D) '
                'or Indirect (I) (Instr. 4)</th><th rowspan="2">11. Nature of Indirect Beneficial Ownership '
                f'(Instr. 4)</th></tr><tr>{v}<th>(A)</th><th>(D)</th><th>Date Exercisable</th>'
                '<th>Expiration Date</th><th>Title</th><th>Amount or Number of Shares</th></tr>')
        ncol = 15 if form == "5" else 16
    body = []
    for r in _rows(root, "derivativeTable", ("derivativeTransaction", "derivativeHolding")):
        post = _kid(r, "postTransactionAmounts")
        nat = _kid(r, "ownershipNature")
        und = _kid(r, "underlyingSecurity")
        title = _cell(_kid(r, "securityTitle"))
        cp = _cell(_kid(r, "conversionOrExercisePrice"), "num", dollar=True)
        ex = _cell(_kid(r, "exerciseDate"), "date") + _cell(_kid(r, "expirationDate"), "date")
        un = _cell(_kid(und, "underlyingSecurityTitle")) + _cell(_kid(und, "underlyingSecurityShares"), "num")
        nature = _cell(_kid(nat, "directOrIndirectOwnership")) + _cell(_kid(nat, "natureOfOwnership"))
        if form == "3":
            body.append(f"<tr>{title}{ex}{un}{cp}{nature}</tr>")
            continue
        amt = _kid(r, "transactionAmounts")
        coding = _coding(r)
        if form == "5":
            coding = coding[:-len("<td></td>")]
        ad = _txt(_kid(amt, "transactionAcquiredDisposedCode"))
        shares = _cell(_kid(amt, "transactionShares"), "num")
        a_d = (shares + "<td></td>") if ad == "A" else ("<td></td>" + shares) if ad == "D" else "<td></td><td></td>"
        body.append(f"<tr>{title}{cp}{_cell(_kid(r, 'transactionDate'), 'date')}"
                    f"{_cell(_kid(r, 'deemedExecutionDate'), 'date')}{coding}{a_d}{ex}{un}"
                    f"{_cell(_kid(amt, 'transactionPricePerShare'), 'num', dollar=True)}"
                    f"{_cell(_kid(post, 'sharesOwnedFollowingTransaction') if post is not None else None, 'num')}"
                    f"{nature}</tr>")
    return (f'<table width="100%" border="1" cellspacing="0" cellpadding="4"><thead><tr><th colspan="{ncol}" '
            'class="FormTextC">' + ("Table II - Derivative Securities Beneficially Owned<br>" if form == "3" else
                                     "Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned<br>") +
            '(e.g., puts, calls, warrants, options, convertible securities)</th></tr>'
            f'{head}</thead><tbody>{"".join(body)}</tbody></table>')
