"""A 13F submission's cover page summary against the information table filed beside it.

The cover page (one document) states how many entries and what value total the information table (another
document) holds; when the table read has other numbers -- cut short, or rows the loader could not read -- the
filing warns.  The submission is built here from the project's own cover and table fixtures.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ownergraph.loaders import load_bytes

from conftest import FIXTURES

COVER = (FIXTURES / "13f" / "cover_13fhr_amendment.xml").read_text()
TABLE = (FIXTURES / "13f" / "infotable_mixed.xml").read_text()
ROWS = len(re.findall(r"<it:infoTable>", TABLE))
VALUE = sum(Decimal(v) for v in re.findall(r"<it:value>([\d.]+)</it:value>", TABLE))


def _submission(entries: int, value: int) -> bytes:
    cover = re.sub(r"<tableEntryTotal>\d+<", f"<tableEntryTotal>{entries}<", COVER)
    cover = re.sub(r"<tableValueTotal>\d+<", f"<tableValueTotal>{value}<", cover)
    docs = "".join(f"<DOCUMENT>\n<TYPE>{t}\n<SEQUENCE>{i}\n<FILENAME>{n}\n<TEXT>\n<XML>\n{x.strip()}\n</XML>\n"
                   f"</TEXT>\n</DOCUMENT>\n"
                   for i, (t, n, x) in enumerate([("13F-HR/A", "primary_doc.xml", cover),
                                                  ("INFORMATION TABLE", "infotable.xml", TABLE)], 1))
    return ("<SEC-DOCUMENT>0009000030-25-000009.txt : 20250214\n<SEC-HEADER>0009000030-25-000009.hdr.sgml : 20250214\n"
            "ACCESSION NUMBER:\t\t0009000030-25-000009\nCONFORMED SUBMISSION TYPE:\t13F-HR/A\n"
            "PUBLIC DOCUMENT COUNT:\t\t2\nCONFORMED PERIOD OF REPORT:\t20241231\nFILED AS OF DATE:\t\t20250214\n\n"
            "FILER:\n\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tPROSEWARE EXAMPLE CAPITAL LP\n"
            "\t\tCENTRAL INDEX KEY:\t\t\t0009000030\n\n\tFILING VALUES:\n\t\tFORM TYPE:\t\t13F-HR/A\n"
            "</SEC-HEADER>\n" + docs + "</SEC-DOCUMENT>\n").encode()


def _summary_warnings(data: bytes) -> list[str]:
    return [w for w in load_bytes(data, "sub.txt").warnings if "summary page" in w]


def test_a_table_that_matches_its_summary_does_not_warn():
    assert ROWS == 5
    assert _summary_warnings(_submission(ROWS, VALUE)) == []
    # the cover rounds the total to a whole number: within a unit a row, no warning
    assert _summary_warnings(_submission(ROWS, int(VALUE))) == []


def test_a_table_short_of_its_summary_warns_with_both_numbers():
    ws = _summary_warnings(_submission(ROWS + 63, int(VALUE) + 1000))
    assert len(ws) == 2, ws
    assert f"gives {ROWS + 63} information table entries, {ROWS} rows were read" in ws[0]
    assert f"value total of {int(VALUE) + 1000}, the rows read add up to {VALUE}" in ws[1]
    assert all(w.startswith("sub.txt: ") for w in ws)
