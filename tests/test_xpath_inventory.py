"""What the XML loaders read of the structure real filings use: the inventory, checked on synthetic filings.

``../shared/specs/xpath_frequencies_friedman_03102026.json`` counts, per form type, the filings in which each
XPath occurs (Form 4: 4.4 million filings).  Every XPath present in at least 0.1% of a form type's filings (and,
for Forms 3/4/5, the rarer well-formed ones that carry row data: rows put directly under the root, a Table II
inside Table I, signatures and footnotes inside a table) is classified below (``INVENTORY``):

* ``fact``   -- the value reaches the facts (entities, relations, filing info);
* ``edge:T`` -- a box whose value decides whether the facts have a relation of type ``T``;
* ``doc``    -- the value is kept in the document model only (the reason says why it is no graph fact);
* ``ignored`` -- not read at all (the reason says why).

For each form type a synthetic filing is built from those XPaths (``tests/_xpath_synth.py``: typed values per
leaf) and the real loader runs on it and on one variant per leaf (that leaf's value changed): a ``fact`` /
``doc`` leaf must change the facts / document model *towards the value put in*, an ``edge:T`` box must change
the number of ``T`` relations, an ``ignored`` leaf's value must show up nowhere.  Junk values and missing elements must
raise nothing but ``LoadError``.  The documents are built plain and namespaced (the old Forms 3/4/5 schema;
the 13D/G default namespace with ``com:`` addresses; a prefixed 13F table).

Skipped when the frequency file is absent.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import pytest

from ownergraph.errors import LoadError
from ownergraph.graph.model import FilingFacts
from ownergraph.loaders import form13f, ownership, schedule13_xml
from ownergraph.loaders._edgar_codes import code_name

from _xpath_synth import Val, Values, build_xml, doc_scalars, fact_scalars, score

FREQ_FILE = Path(__file__).resolve().parent.parent.parent / "shared" / "specs" / "xpath_frequencies_friedman_03102026.json"
SHARE = 0.001  # "frequent": in at least 0.1% of the form type's filings
RARE_MIN = 20  # rarer Forms 3/4/5 paths taken too: seen in at least this many filings, every step a known name

NS_345 = "http://www.sec.gov/edgar/ownership"  # what the old namespaced schema documents declare
NS_13D = schedule13_xml.NS_13D
NS_13G = schedule13_xml.NS_13G
NS_COM = "http://www.sec.gov/edgar/common"
NS_13F = "http://www.sec.gov/edgar/document/thirteenf/informationtable"
_COM = {"street1", "street2", "city", "stateOrCountry", "zipCode"}

# ----------------------------------------------------------------- the inventory
#
# (pattern searched in the XPath, category, why); the first rule that matches decides.

_BOXES_NO_GRAPH = ("filing-level boxes: the filing node takes no loader properties, and they state nothing "
                   "about a holding (noSecuritiesOwned also gives a warning)")
INVENTORY_345 = [
    (r"/reportingOwnerRelationship/isDirector$", "edge:DIRECTOR_OF", "the Director box"),
    (r"/reportingOwnerRelationship/isOfficer$", "edge:OFFICER_OF", "the Officer box (officerTitle is the title)"),
    (r"/reportingOwnerRelationship/isTenPercentOwner$", "edge:TEN_PERCENT_OWNER_OF", "the 10% Owner box"),
    (r"/reportingOwnerRelationship/isOther$", "doc", "the Other box: its text (otherText) is the fact"),
    (r"/(footnotes/)?footnote(/@id)?$", "doc",
     "footnote texts: the facts cite them by id (*_footnote) and mine the cited ones for holders and CONTROLS"),
    (r"/ownerSignature/signatureName$", "doc", "the signer (mostly an attorney-in-fact); the date is signed_date"),
    (r"^/ownershipDocument/schemaVersion$", "doc", "the schema version"),
    (r"^/ownershipDocument/remarks$", "doc",
     "free text; a 'Title: ...' remark resolves an officer title 'See Remarks'"),
    (r"^/ownershipDocument/documentType/", "ignored", "a box nested in documentType (malformed, rare)"),
    (r"^/ownershipDocument/(notSubjectToSection16|form3HoldingsReported|form4TransactionsReported|"
     r"noSecuritiesOwned)$", "doc", _BOXES_NO_GRAPH),
    (r"^/ownershipDocument/(non)?[dD]erivativeTable/(transactionAmounts|transactionCoding|ownershipNature|"
     r"postTransactionAmounts|underlyingSecurity|expirationDate|exerciseDate)/", "ignored",
     "cells directly in a table, without a row element: no row to put them in (malformed, rare)"),
    (r"^/ownershipDocument/(ownershipNature|postTransactionAmounts|transactionAmounts|transactionCoding|"
     r"underlyingSecurity)/", "ignored",
     "cells directly under the root, without a row element (malformed, rare)"),
    (r"(Transaction|Holding)/(non)?[dD]erivative(Transaction|Holding)/", "ignored",
     "a row nested in a row: the outer row's cells are read (malformed, rare)"),
    (r"", "fact", ""),
]

_COVER_RESTATED = "Item 1 restates the cover page's issuer and class (read from the cover)"
_ITEM4_13G = "13G Item 4 restates the cover rows (for the filing as a whole when several persons file)"
_SIG = "signature blocks: their 'By:' chains become CONTROLS / OFFICER_OF when they state roles"
INVENTORY_13DG = [
    (r"/filerCredentials/ccc$", "ignored", "the filer's EDGAR confirmation code: a credential, never read"),
    (r"/liveTestFlag$", "ignored", "LIVE/TEST submission flag"),
    (r"/@schemaLocation$", "ignored", "XML schema location"),
    (r"/headerData/submissionType$", "fixed", "the form type the document is built for"),
    (r"/filerCredentials/cik$", "doc",
     "the submission's filer CIKs; the CIK of a sole reporting person filed without one"),
    (r"/coverPageHeader/issuerInfo/(address|issuerPrincipalExecutiveOfficeAddress)/stateOrCountry$", "fact:code",
     "the issuer address names the state / country of the EDGAR code"),
    (r"/authorizedPersons/", "doc", "the person authorized to receive notices: a contact, not a party"),
    (r"/previouslyFiledFlag$", "doc", "whether the person filed a 13G before: no holding fact"),
    (r"/legalProceedings$", "doc", "the legal proceedings box (row 2(d)/(e)): no holding fact"),
    (r"/signatureInfo/signaturePerson/|/signatureInformation/", "doc", _SIG),
    (r"/signatureInfo/commentText$|/signatureComments$", "doc", "comments beside the signatures"),
    (r"/items1To7/item1/|/items/item1/", "doc", _COVER_RESTATED),
    (r"/items1To7/item2/(filingPersonName|citizenship|hasBeenConvicted)$", "doc",
     "Item 2 restates the cover's names and citizenships; the conviction box is no holding fact"),
    (r"/items1To7/item3/", "doc", "source of funds as prose (the cover's fundType codes are the fact)"),
    (r"/items1To7/item7/filedExhibits$", "doc", "exhibit list (a joint filing agreement becomes an Agreement)"),
    (r"/items/item2/(filingPersonName|citizenship)$", "doc", "Item 2 restates the cover's names and citizenships"),
    (r"/items/item\d+/notApplicableFlag$", "doc", "the item's 'not applicable' box"),
    (r"/items/item3/", "doc",
     "type of person filing (BD, IA, ...) for the filing as a whole; the cover's types are per person"),
    (r"/items/item4/", "doc", _ITEM4_13G),
    (r"/items/item5/classOwnership5PercentOrLess$", "doc",
     "the '5 percent or less' box: the cover's percent is the fact"),
    (r"/items/item9/|/items/item10/", "doc", "group dissolution notice and certification: no relations stated"),
    (r"/formData/exhibitInfo$", "doc", "exhibit list (a joint filing agreement becomes an Agreement)"),
    (r"", "fact", ""),
]

INVENTORY_13F = [
    (r"/@schemaLocation$", "ignored", "XML schema location"),
    (r"", "fact", ""),
]

FORMS = {
    "3": ("345", ownership.parse, INVENTORY_345),
    "4": ("345", ownership.parse, INVENTORY_345),
    "5": ("345", ownership.parse, INVENTORY_345),
    "SCHEDULE 13D": ("13D", schedule13_xml.parse, INVENTORY_13DG),
    "SCHEDULE 13D/A": ("13D", schedule13_xml.parse, INVENTORY_13DG),
    "SCHEDULE 13G": ("13G", schedule13_xml.parse, INVENTORY_13DG),
    "SCHEDULE 13G/A": ("13G", schedule13_xml.parse, INVENTORY_13DG),
    "INFORMATION TABLE": ("13F", form13f.parse_table, INVENTORY_13F),
}
VARIANTS = ("plain", "namespaced")


def classify(form: str, xpath: str) -> tuple[str, str]:
    for pattern, category, why in FORMS[form][2]:
        if re.search(pattern, xpath):
            return category, why
    raise AssertionError(f"{form}: {xpath} matches no inventory rule")


# ----------------------------------------------------------------- the synthetic filings


@lru_cache(maxsize=1)
def _freq() -> dict:
    if not FREQ_FILE.exists():
        pytest.skip(f"{FREQ_FILE} is not present")
    return json.loads(FREQ_FILE.read_text())


@lru_cache(maxsize=None)
def inventory_paths(form: str) -> tuple[str, ...]:
    counts = _freq()[form]
    top = max(counts.values())
    frequent = [p for p, c in counts.items() if c >= top * SHARE]
    if FORMS[form][0] != "345":
        return tuple(frequent)
    known = {step for p in frequent for step in p.strip("/").split("/")}
    rare = [p for p, c in counts.items() if RARE_MIN <= c < top * SHARE
            and all(step in known for step in p.strip("/").split("/"))]
    return tuple(frequent + sorted(rare, key=lambda p: -counts[p]))


class Synth:
    """One form type's synthetic filing: the paths, each leaf's (base, variant) values, the build options."""

    def __init__(self, form: str, variant: str):
        self.form = form
        family, self.parse, _ = FORMS[form]
        self.paths = list(inventory_paths(form))
        vals = Values("us" if family in ("13D", "13G") else "iso")
        self.pairs: dict[str, tuple[Val | None, Val | None]] = {p: vals.pair(p) for p in self.paths}
        self.base = {p: a for p, (a, _) in self.pairs.items() if a is not None}
        if family in ("13D", "13G"):
            self.base["/edgarSubmission/headerData/submissionType"] = Val(form, form)
        self.kw: dict = {}
        if variant == "namespaced":
            if family == "345":
                self.kw = {"ns": NS_345, "nsmap": {None: NS_345}}
            elif family == "13F":
                self.kw = {"ns": NS_13F, "nsmap": {"ns1": NS_13F}}
            else:
                ns = NS_13D if family == "13D" else NS_13G
                self.kw = {"ns": ns, "nsmap": {None: ns, "com": NS_COM},
                           "ns_of": lambda local: NS_COM if local in _COM else None}

    def xml(self, values: dict[str, Val], drop: str | None = None) -> bytes:
        paths = self.paths if drop is None else [p for p in self.paths if not p.startswith(drop)]
        return build_xml(paths, values, **self.kw)

    def run(self, values: dict[str, Val], drop: str | None = None) -> FilingFacts:
        return self.parse(self.xml(values, drop), f"synthetic {self.form}")


def _edges(facts: FilingFacts, etype: str) -> int:
    return sum(1 for r in facts.relations if r.type.value == etype)


def _expected(category: str, v: Val) -> Val:
    if category == "fact:code":
        return Val(code_name(v.text) or v.text, None)
    return v


PARAMS = [pytest.param(f, v, id=f"{f}-{v}") for f in FORMS for v in VARIANTS]


@pytest.mark.parametrize("form", list(FORMS))
def test_every_inventory_xpath_is_classified(form):
    paths = inventory_paths(form)
    assert paths, form
    counts = Counter(classify(form, p)[0] for p in paths)
    assert counts["fact"] + counts["fact:code"] > 0


@pytest.mark.parametrize("form,variant", PARAMS)
def test_inventory_matches_what_the_loader_reads(form, variant):
    s = Synth(form, variant)
    base = s.run(s.base)
    d0, f0 = doc_scalars(base), fact_scalars(base)
    wrong = []
    for p in s.paths:
        category, _ = classify(form, p)
        a, b = s.pairs[p]
        if category == "fixed" or a is None:
            continue
        var = dict(s.base)
        var[p] = b
        out = s.run(var)
        d1, f1 = doc_scalars(out), fact_scalars(out)
        if category.startswith("edge:"):
            etype = category[5:]
            if _edges(out, etype) == _edges(base, etype):
                wrong.append(f"{p}: the number of {etype} relations does not follow the box")
        elif category.startswith("fact"):
            e = _expected(category, b)
            if not score(f1, e) > score(f0, e):
                wrong.append(f"{p}: {b.text!r} does not reach the facts")
        elif category == "doc":
            if not score(d1, b) > score(d0, b):
                wrong.append(f"{p}: {b.text!r} is not in the document model")
        elif category == "ignored":
            if score(d1, b) > score(d0, b) or score(f1, b) > score(f0, b):
                wrong.append(f"{p}: classified 'ignored' but the loader reads it (update the inventory)")
    assert not wrong, "\n".join(wrong)


_JUNK = ("", "   ", "n/a", "-1", "0", "1e999", "99999999999999999999999999999999999999999999999.5", "2024-13-45",
         "12/31/99999", "true", "<&>", "\u00a0\u2009", "x" * 3000)


@pytest.mark.parametrize("form,variant", PARAMS)
def test_junk_values_and_missing_elements_raise_only_load_error(form, variant):
    s = Synth(form, variant)
    leaves = [p for p in s.paths if s.pairs[p][0] is not None]
    for junk in _JUNK:  # every leaf at once, then leaf by leaf for a few
        for values in [{p: Val(junk) for p in leaves} | {k: v for k, v in s.base.items() if k not in leaves}] + \
                      ([dict(s.base, **{p: Val(junk)}) for p in leaves] if junk in ("", "n/a", "1e999") else []):
            try:
                s.run(values)
            except LoadError:
                pass
    prefixes = sorted({p.rsplit("/", 1)[0] for p in s.paths} | set(s.paths))
    for drop in prefixes:  # each element (and its subtree) missing
        if drop.count("/") < 2:
            continue
        try:
            s.run(s.base, drop=drop)
        except LoadError:
            pass


def inventory_summary() -> dict[str, Counter]:
    """{form: Counter(category)}: ``python -c "from tests.test_xpath_inventory import *; ..."`` for reports."""
    return {f: Counter(classify(f, p)[0] for p in inventory_paths(f)) for f in FORMS}
