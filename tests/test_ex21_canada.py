"""Canadian places in an Exhibit 21: a province alone ("Nova Scotia", "Province of Alberta"), the country
("Canada": a federal corporation), the nationality word ("Canadian"), and a country with its province in
brackets ("a Canadian (Ontario) corporation"), which is the province.  A real parse of the project's own
fixture; the EDGAR codes are those of the SEC's state and country code list."""

from __future__ import annotations

from ownergraph.loaders import load_path
from ownergraph.loaders._edgar_codes import code_name, code_of_place, country_of, place_of_word

from conftest import FIXTURES

FIX = FIXTURES / "ex21" / "ex21_canadian_places.txt"


def test_canadian_places_are_read_as_their_province_or_the_country():
    f = load_path(FIX)
    got = {s["name"]: (s["jurisdiction"], s.get("entity_form")) for s in f.document["subsidiaries"]}
    assert got == {
        "Fabrikam Example Canada Ltd.": ("Canada", None),
        "Fabrikam Example Maritime ULC": ("Nova Scotia", None),
        "Fabrikam Example Federal Inc.": ("Canada", None),
        "Fabrikam Example Prairie Ltd.": ("Province of Alberta", None),
        "Fabrikam Example Ontario Corp.": ("Ontario", "corporation"),
        "Fabrikam Example Pacific Ltd.": ("British Columbia", "company"),
        "Fabrikam Example Quebec Inc.": ("Quebec", "corporation"),
        "Fabrikam Example Atlantic Ltd.": ("Newfoundland and Labrador", None),
    }
    codes = {n: code_of_place(j) for n, (j, _f) in got.items()}
    assert codes["Fabrikam Example Ontario Corp."] == "A6" and codes["Fabrikam Example Pacific Ltd."] == "A1"
    assert codes["Fabrikam Example Federal Inc."] == "Z4" and code_name("Z4") == "Canada (Federal Level)"
    assert {country_of(c) for c in codes.values()} == {"Canada"}
    # the words as filed stay in the provenance of the entry's edge
    [r] = [r for r in f.relations if r.prov.excerpt.startswith("Fabrikam Example Ontario Corp.")]
    assert "Canadian (Ontario) corporation" in r.prov.excerpt


def test_place_words_and_codes_of_canada():
    assert place_of_word("Canadian") == "Canada" and place_of_word("canadian.") == "Canada"
    assert code_of_place("Ontario") == code_of_place("Province of Ontario") == code_of_place("Ontario, Canada") == "A6"
    # a province's name inside another place's name is not that province
    assert code_of_place("Ontario, California") is None and code_of_place("British Columbia Avenue") is None
