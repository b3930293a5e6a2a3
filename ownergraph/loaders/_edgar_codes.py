"""EDGAR state and country codes (``stateOrCountry``, ``citizenshipOrOrganization``).

The table is Appendix A of the SEC's "EDGAR Schedule 13D and 13G XML Technical
Specification" (December 2023), the same code list EDGAR uses in submission
headers and ownership XML.  Two-letter US state codes (``DE``) are states of the
United States; ``X1`` is the United States itself; ``A0``..``B0``/``Z4`` are
Canadian provinces; the rest are countries.  Names are written in title case.
"""

from __future__ import annotations

US_STATES = frozenset({
    "AK", "AL", "AR", "AZ", "CA", "CO", "CT", "DC", "DE", "FL", "GA", "HI", "IA", "ID", "IL", "IN",
    "KS", "KY", "LA", "MA", "MD", "ME", "MI", "MN", "MO", "MS", "MT", "NC", "ND", "NE", "NH", "NJ",
    "NM", "NV", "NY", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VA", "VT", "WA",
    "WI", "WV", "WY",
})

CODES: dict[str, str] = {
    "AK": "Alaska",
    "AL": "Alabama",
    "AR": "Arkansas",
    "AZ": "Arizona",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DC": "District of Columbia",
    "DE": "Delaware",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "IA": "Iowa",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "MA": "Massachusetts",
    "MD": "Maryland",
    "ME": "Maine",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MO": "Missouri",
    "MS": "Mississippi",
    "MT": "Montana",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "NE": "Nebraska",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NV": "Nevada",
    "NY": "New York",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VA": "Virginia",
    "VT": "Vermont",
    "WA": "Washington",
    "WI": "Wisconsin",
    "WV": "West Virginia",
    "WY": "Wyoming",
    "X1": "United States",
    "A0": "Alberta, Canada",
    "A1": "British Columbia, Canada",
    "A2": "Manitoba, Canada",
    "A3": "New Brunswick, Canada",
    "A4": "Newfoundland, Canada",
    "A5": "Nova Scotia, Canada",
    "A6": "Ontario, Canada",
    "A7": "Prince Edward Island, Canada",
    "A8": "Quebec, Canada",
    "A9": "Saskatchewan, Canada",
    "B0": "Yukon, Canada",
    "Z4": "Canada (Federal Level)",
    "1A": "Anguilla",
    "1B": "Armenia",
    "1C": "Aruba",
    "1D": "Azerbaijan",
    "1E": "Bosnia and Herzegovina",
    "1F": "Belarus",
    "1G": "Djibouti",
    "1H": "Estonia",
    "1J": "Eritrea",
    "1K": "Micronesia, Federated States of",
    "1L": "South Georgia and the South Sandwich Islands",
    "1M": "Croatia",
    "1N": "Kyrgyzstan",
    "1P": "Kazakstan",
    "1Q": "Lithuania",
    "1R": "Latvia",
    "1S": "Moldova, Republic of",
    "1T": "Marshall Islands",
    "1U": "Macedonia, the Former Yugoslav Republic of",
    "1V": "Northern Mariana Islands",
    "1W": "New Caledonia",
    "1X": "Palestinian Territory, Occupied",
    "1Y": "Palau",
    "1Z": "Russian Federation",
    "2A": "Slovenia",
    "2B": "Slovakia",
    "2C": "French Southern Territories",
    "2D": "Tajikistan",
    "2E": "Turkmenistan",
    "2G": "Tuvalu",
    "2H": "Ukraine",
    "2J": "United States Minor Outlying Islands",
    "2K": "Uzbekistan",
    "2L": "Vanuatu",
    "2M": "Germany",
    "2N": "Czech Republic",
    "2P": "Mayotte",
    "2Q": "Georgia (Country)",
    "B1": "Botswana",
    "B2": "Afghanistan",
    "B3": "Albania",
    "B4": "Algeria",
    "B5": "American Samoa",
    "B6": "Andorra",
    "B7": "Angola",
    "B8": "Antarctica",
    "B9": "Antigua and Barbuda",
    "C0": "United Arab Emirates",
    "C1": "Argentina",
    "C3": "Australia",
    "C4": "Austria",
    "C5": "Bahamas",
    "C6": "Bahrain",
    "C7": "Bangladesh",
    "C8": "Barbados",
    "C9": "Belgium",
    "D0": "Bermuda",
    "D1": "Belize",
    "D2": "Bhutan",
    "D3": "Bolivia",
    "D4": "Bouvet Island",
    "D5": "Brazil",
    "D6": "British Indian Ocean Territory",
    "D7": "Solomon Islands",
    "D8": "Virgin Islands, British",
    "D9": "Brunei Darussalam",
    "E0": "Bulgaria",
    "E1": "Myanmar",
    "E2": "Burundi",
    "E3": "Cambodia",
    "E4": "Cameroon",
    "E8": "Cape Verde",
    "E9": "Cayman Islands",
    "F0": "Central African Republic",
    "F1": "Sri Lanka",
    "F2": "Chad",
    "F3": "Chile",
    "F4": "China",
    "F5": "Taiwan",
    "F6": "Christmas Island",
    "F7": "Cocos (Keeling) Islands",
    "F8": "Colombia",
    "F9": "Comoros",
    "G0": "Congo",
    "G1": "Cook Islands",
    "G2": "Costa Rica",
    "G3": "Cuba",
    "G4": "Cyprus",
    "G6": "Benin",
    "G7": "Denmark",
    "G8": "Dominican Republic",
    "G9": "Dominica",
    "GU": "Guam",
    "H1": "Ecuador",
    "H2": "Egypt",
    "H3": "El Salvador",
    "H4": "Equatorial Guinea",
    "H5": "Ethiopia",
    "H6": "Faroe Islands",
    "H7": "Falkland Islands (Malvinas)",
    "H8": "Fiji",
    "H9": "Finland",
    "I0": "France",
    "I3": "French Guiana",
    "I4": "French Polynesia",
    "I5": "Gabon",
    "I6": "Gambia",
    "J0": "Ghana",
    "J1": "Gibraltar",
    "J2": "Kiribati",
    "J3": "Greece",
    "J4": "Greenland",
    "J5": "Grenada",
    "J6": "Guadeloupe",
    "J8": "Guatemala",
    "J9": "Guinea",
    "K0": "Guyana",
    "K1": "Haiti",
    "K2": "Honduras",
    "K3": "Hong Kong",
    "K4": "Heard Island and Mcdonald Islands",
    "K5": "Hungary",
    "K6": "Iceland",
    "K7": "India",
    "K8": "Indonesia",
    "K9": "Iran, Islamic Republic of",
    "L0": "Iraq",
    "L2": "Ireland",
    "L3": "Israel",
    "L6": "Italy",
    "L7": "Cote d'Ivoire",
    "L8": "Jamaica",
    "L9": "Svalbard and Jan Mayen",
    "M0": "Japan",
    "M2": "Jordan",
    "M3": "Kenya",
    "M4": "Korea, Democratic People's Republic of",
    "M5": "Korea, Republic of",
    "M6": "Kuwait",
    "M7": "Lao People's Democratic Republic",
    "M8": "Lebanon",
    "M9": "Lesotho",
    "N0": "Liberia",
    "N1": "Libyan Arab Jamahiriya",
    "N2": "Liechtenstein",
    "N4": "Luxembourg",
    "N5": "Macau",
    "N6": "Madagascar",
    "N7": "Malawi",
    "N8": "Malaysia",
    "N9": "Maldives",
    "O0": "Mali",
    "O1": "Malta",
    "O2": "Martinique",
    "O3": "Mauritania",
    "O4": "Mauritius",
    "O5": "Mexico",
    "O9": "Monaco",
    "P0": "Mongolia",
    "P1": "Montserrat",
    "P2": "Morocco",
    "P3": "Mozambique",
    "P4": "Oman",
    "P5": "Nauru",
    "P6": "Nepal",
    "P7": "Netherlands",
    "P8": "Netherlands Antilles",
    "PR": "Puerto Rico",
    "Q1": "Viet Nam",
    "Q2": "New Zealand",
    "Q3": "Nicaragua",
    "Q4": "Niger",
    "Q5": "Nigeria",
    "Q6": "Niue",
    "Q7": "Norfolk Island",
    "Q8": "Norway",
    "R0": "Pakistan",
    "R1": "Panama",
    "R2": "Papua New Guinea",
    "R4": "Paraguay",
    "R5": "Peru",
    "R6": "Philippines",
    "R8": "Pitcairn",
    "R9": "Poland",
    "S0": "Guinea-Bissau",
    "S1": "Portugal",
    "S3": "Qatar",
    "S4": "Reunion",
    "S5": "Romania",
    "S6": "Rwanda",
    "S8": "San Marino",
    "S9": "Sao Tome and Principe",
    "T0": "Saudi Arabia",
    "T1": "Senegal",
    "T2": "Seychelles",
    "T3": "South Africa",
    "T6": "Namibia",
    "T7": "Yemen",
    "T8": "Sierra Leone",
    "U0": "Singapore",
    "U1": "Somalia",
    "U3": "Spain",
    "U5": "Western Sahara",
    "U7": "Saint Kitts and Nevis",
    "U8": "Saint Helena",
    "U9": "Saint Lucia",
    "V0": "Saint Pierre and Miquelon",
    "V1": "Saint Vincent and the Grenadines",
    "V2": "Sudan",
    "V3": "Suriname",
    "V6": "Swaziland",
    "V7": "Sweden",
    "V8": "Switzerland",
    "V9": "Syrian Arab Republic",
    "VI": "Virgin Islands, U.S.",
    "W0": "Tanzania, United Republic of",
    "W1": "Thailand",
    "W2": "Togo",
    "W3": "Tokelau",
    "W4": "Tonga",
    "W5": "Trinidad and Tobago",
    "W6": "Tunisia",
    "W7": "Turks and Caicos Islands",
    "W8": "Turkey",
    "W9": "Uganda",
    "X0": "United Kingdom",
    "X2": "Burkina Faso",
    "X3": "Uruguay",
    "X4": "Holy See (Vatican City State)",
    "X5": "Venezuela",
    "X8": "Wallis and Futuna",
    "Y0": "Samoa",
    "Y3": "Congo, the Democratic Republic of the",
    "Y4": "Zambia",
    "Y5": "Zimbabwe",
    "Y6": "Aland Islands",
    "Y7": "Guernsey",
    "Y8": "Isle of Man",
    "Y9": "Jersey",
    "Z0": "Saint Barthelemy",
    "Z1": "Saint Martin",
    "Z2": "Serbia",
    "Z3": "Timor-Leste",
    "Z5": "Montenegro",
    "XX": "Unknown",
    "2F": "East Timor",
    "C2": "Ashmore & Cartier Is",
    "E5": "Canal Zone",
    "E6": "Montreal, Canada",
    "E7": "Canton/Enderbury Is",
    "G5": "Czechoslovakia",
    "I7": "Gaza Strip",
    "I8": "Germany (West)",
    "I9": "Germany, Fed. Rep.",
    "L1": "Iraq-Saudi",
    "L4": "Israel-Jordan",
    "L5": "Israel-Syria",
    "M1": "Johnston Atoll",
    "O6": "Midway Island",
    "Q9": "Pacific Islands Tru",
    "R3": "Paracel Islands",
    "T4": "Southern Rhodesia",
    "U2": "Soviet Union",
    "U4": "Spanish North Africa",
    "U6": "Spratly Island",
    "X7": "Wake Island",
    "X9": "Germany (Berlin)",
    "Y2": "Yugoslavia",
}


def code_name(code: str | None) -> str | None:
    """'C0' -> 'United Arab Emirates', 'DE' -> 'Delaware', 'X1' -> 'United States'; None if unknown."""
    if not code:
        return None
    return CODES.get(code.strip().upper())


def country_of(code: str | None) -> str | None:
    """The country a code lies in: 'DE' -> 'United States', 'A6' -> 'Canada', 'V8' -> 'Switzerland'."""
    if not code:
        return None
    c = code.strip().upper()
    if c in US_STATES or c == "X1":
        return "United States"
    name = CODES.get(c)
    if name is None or c == "XX":  # 'XX' is EDGAR's "Unknown": no country
        return None
    if name.endswith(", Canada") or c == "Z4":
        return "Canada"
    return name



def _name_index() -> dict[str, str]:
    """Lower-case name -> code, for the names a cover page writes out ("Cayman Islands", "Delaware")."""
    out: dict[str, str] = {}
    for code, name in CODES.items():
        if "(" in name:  # "Germany (Berlin)": a historical variant, never the plain country
            continue
        out.setdefault(name.lower(), code)
        if ", " in name and not name.endswith(", Canada"):  # "Korea, Republic of" -> "republic of korea"
            head, _, tail = name.partition(", ")
            out.setdefault(f"{tail} {head}".lower(), code)
        if name.endswith(", Canada"):  # a province alone ("Ontario", "Province of Ontario")
            province = name[: -len(", Canada")].lower()
            out.setdefault(province, code)
            out.setdefault(f"province of {province}", code)
    # "Canada" alone is a federal corporation (Canada Business Corporations Act): EDGAR's "Canada (Federal Level)"
    out.setdefault("canada", "Z4")
    out.setdefault("newfoundland and labrador", "A4")
    for alias, code in (("united states of america", "X1"), ("usa", "X1"), ("u.s.a.", "X1"), ("u.s.", "X1"),
                        ("us", "X1"), ("america", "X1"), ("uk", "X0"), ("u.k.", "X0"), ("great britain", "X0"),
                        ("england and wales", "X0"), ("england", "X0"), ("scotland", "X0"), ("wales", "X0"),
                        ("south korea", "M5"), ("korea", "M5"), ("people's republic of china", "F4"), ("prc", "F4")):
        out.setdefault(alias, code)  # ("the Netherlands": code_of_place drops a leading "the")
    return out


_BY_NAME = _name_index()
_STATE_PREFIX = ("state of ", "commonwealth of ", "the state of ", "the commonwealth of ", "the ")
# (the text's own final period is stripped first: "Delaware, U.S." ends in ", u.s")
_US_TAIL = (", united states of america", ", united states", ", u.s.a", ", usa", ", u.s", ", us", " usa", " u.s.a",
            " u.s")


def code_of_place(text: str | None) -> str | None:
    """The EDGAR code of a place as a cover page writes it out: 'State of Delaware' -> 'DE',
    'U.S.A.' -> 'X1', 'Delaware, U.S.' -> 'DE', 'Cayman Islands' -> 'E9', 'SWEDEN' -> its code.
    None when the text is not one place this table names ('Delaware and New York', 'See Item 2')."""
    if not text:
        return None
    s = " ".join(text.split()).strip(" .,;:").lower()
    if len(s) > 60:
        return None
    code = _BY_NAME.get(s) or _BY_NAME.get(s + ".")
    if code is None:
        for p in _STATE_PREFIX:
            if s.startswith(p):
                s = s[len(p):]
                code = _BY_NAME.get(s)
                break
    if code is None:
        for t in _US_TAIL:
            if s.endswith(t):
                head = s[: -len(t)].strip(" ,")
                for p in _STATE_PREFIX:
                    if head.startswith(p):
                        head = head[len(p):]
                        break
                c = _BY_NAME.get(head)
                code = c if c in US_STATES else None
                break
    return code


#: nationality words and short names of places, as subsidiary lists write them ("a German corporation", "a Dutch
#: B.V.", "Cayman", "BVI"): the place's name as the table above (or its aliases) writes it
PLACE_WORDS: dict[str, str] = {
    "american": "United States", "german": "Germany", "dutch": "Netherlands", "english": "England",
    "british": "United Kingdom", "scottish": "Scotland", "welsh": "Wales", "irish": "Ireland",
    "french": "France", "italian": "Italy", "spanish": "Spain", "portuguese": "Portugal", "swiss": "Switzerland",
    "swedish": "Sweden", "danish": "Denmark", "norwegian": "Norway", "finnish": "Finland", "belgian": "Belgium",
    "austrian": "Austria", "luxembourgish": "Luxembourg", "luxembourgeois": "Luxembourg", "polish": "Poland",
    "czech": "Czech Republic", "hungarian": "Hungary", "greek": "Greece", "turkish": "Turkey",
    "russian": "Russian Federation", "japanese": "Japan", "chinese": "China", "korean": "Korea",
    "indian": "India", "singaporean": "Singapore", "australian": "Australia",
    "mexican": "Mexico", "brazilian": "Brazil", "argentine": "Argentina", "argentinian": "Argentina",
    "chilean": "Chile", "colombian": "Colombia", "peruvian": "Peru", "israeli": "Israel",
    "south african": "South Africa", "bermudian": "Bermuda", "bermudan": "Bermuda", "caymanian": "Cayman Islands",
    "cayman": "Cayman Islands", "bvi": "British Virgin Islands", "b.v.i": "British Virgin Islands",
    "philippine": "Philippines", "malaysian": "Malaysia", "thai": "Thailand", "indonesian": "Indonesia",
    "taiwanese": "Taiwan", "puerto rican": "Puerto Rico", "panamanian": "Panama", "bahamian": "Bahamas",
    "cypriot": "Cyprus", "maltese": "Malta", "manx": "Isle of Man", "new zealand": "New Zealand",
    "canadian": "Canada",
}


def place_of_word(text: str | None) -> str | None:
    """'German' -> 'Germany', 'Dutch' -> 'Netherlands', 'English' -> 'England', 'Cayman' -> 'Cayman Islands',
    'BVI' -> 'British Virgin Islands': the place a nationality word or short name stands for; None otherwise."""
    if not text:
        return None
    return PLACE_WORDS.get(" ".join(text.split()).strip(" .,;:").lower())
