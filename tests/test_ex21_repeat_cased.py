"""An Exhibit 21 entry listed again in other case and punctuation ('Woodgrove Example Holdings, Inc.' and
'WOODGROVE EXAMPLE HOLDINGS INC', both Delaware) is one entry (was: two entities and two edges); the same name
in another jurisdiction is another company.  A real parse of the project's own fixture."""

from __future__ import annotations

from ownergraph.graph.model import EdgeKind
from ownergraph.loaders import load_path

from conftest import FIXTURES


def test_a_repeat_in_other_case_is_one_entry_and_another_place_another_company():
    f = load_path(FIXTURES / "ex21" / "ex21_repeat_cased.txt")
    subs = [(s["name"], s["jurisdiction"]) for s in f.document["subsidiaries"]]
    assert subs == [("Woodgrove Example Holdings, Inc.", "Delaware"), ("Woodgrove Example Sales Co.", "Ohio"),
                    ("Woodgrove Example Holdings, Inc.", "Nevada")]
    edges = [r for r in f.relations if r.type == EdgeKind.SUBSIDIARY_OF]
    assert len(edges) == 3 and len({r.source for r in edges}) == 3
