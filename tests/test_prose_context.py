"""The prose miner's per-filing state (``_prose.ProseContext``): group terms learned in one section of a
filing are used in its later sections, and never in another filing's."""

from __future__ import annotations

import gc

from ownergraph.graph.model import EdgeKind, EntityFact, FilingFacts, FilingInfo, NodeKind, Provenance
from ownergraph.loaders._prose import ProseContext, mine_text

O = NodeKind.ORGANIZATION

ITEM_2A = ('Strome Investment Management, LP (the "Manager"); Strome Mezzanine Fund, LP and Strome Mezzanine Fund '
           'II, LP (the "Fund," and together with the Strome Mezzanine Fund, LP, the "Funds").')
ITEM_2C = "The principal business of the Manager is to serve as a general partner and investment manager of the Funds."
# the same statement without the Manager's defined term (an alias the first section teaches)
ITEM_2C_FULL = ("The principal business of Strome Investment Management, LP is to serve as a general partner and "
                "investment manager of the Funds.")


def strome() -> FilingFacts:
    info = FilingInfo(id="sha256:0000000000000000", form_type="SC 13D", family="schedule13", loader="test",
                      sha256="0" * 64)
    f = FilingFacts(filing=info)
    for key, name in (("m", "Strome Investment Management, LP"), ("f1", "Strome Mezzanine Fund, LP"),
                      ("f2", "Strome Mezzanine Fund II, LP")):
        f.entities.append(EntityFact(key=key, kind=O, name=name,
                                     prov=Provenance(filing_id=info.id, section="cover page 1, row 1")))
    return f


def controlled(f: FilingFacts) -> set[str]:
    return {f.entity(r.target).name for r in f.relations if r.type == EdgeKind.CONTROLS and r.source == "m"}


def test_group_term_carried_by_the_context_between_sections():
    f = strome()
    ctx = ProseContext(f)
    mine_text(ITEM_2A, section="Item 2(a)", facts=f, ctx=ctx)
    assert sorted(ctx.groups["funds"]) == ["f1", "f2"]
    mine_text(ITEM_2C, section="Item 2(c)", facts=f, ctx=ctx)
    assert controlled(f) == {"Strome Mezzanine Fund, LP", "Strome Mezzanine Fund II, LP"}
    g = strome()
    ctx = ProseContext(g)
    mine_text(ITEM_2A, section="Item 2(a)", facts=g, ctx=ctx)
    mine_text(ITEM_2C_FULL, section="Item 2(c)", facts=g, ctx=ctx)
    assert controlled(g) == {"Strome Mezzanine Fund, LP", "Strome Mezzanine Fund II, LP"}


def test_a_fresh_context_knows_no_group_terms():
    # the same filing mined with a new context for Item 2(c): "the Funds" is not known there
    f = strome()
    mine_text(ITEM_2A, section="Item 2(a)", facts=f, ctx=ProseContext(f))
    mine_text(ITEM_2C_FULL, section="Item 2(c)", facts=f, ctx=ProseContext(f))
    assert controlled(f) == set()
    mine_text(ITEM_2C_FULL, section="Item 2(c)", facts=f)  # the context kept for f learned nothing either
    assert controlled(f) == set()


def test_without_a_context_nothing_is_carried_or_kept():
    # no module-wide state: a call without a context starts from nothing and leaves nothing behind, so one
    # filing's group terms can never reach another (not even one whose object lands at a freed one's address)
    for _ in range(30):
        f = strome()
        mine_text(ITEM_2A, section="Item 2(a)", facts=f)
        mine_text(ITEM_2C, section="Item 2(c)", facts=f)
        assert controlled(f) == set()
        del f
        gc.collect()
        g = strome()
        ctx = ProseContext(g)
        mine_text(ITEM_2C_FULL, section="Item 2(c)", facts=g, ctx=ctx)
        assert ctx.groups == {} and controlled(g) == set()
        del g


def test_the_text_loader_carries_group_terms_across_items():
    # a classic text filing: "the Funds" defined in Item 2(a) and used in Item 2(c) of the same filing
    from ownergraph.loaders import schedule13_text

    from _gen_filings import schedule13g_text

    names = ["Strome Investment Management, LP", "Strome Mezzanine Fund, LP", "Strome Mezzanine Fund II, LP"]
    text = schedule13g_text(3, name=lambda i: names[i - 1]).decode()
    text = text.replace("Item 2(a). Name of Person Filing: the reporting persons named on the cover pages.",
                        f"Item 2(a). Name of Person Filing: {ITEM_2A}\nItem 2(c). Citizenship: {ITEM_2C}")
    facts = schedule13_text.parse(text.encode(), "strome.txt")
    name = {e.key: e.name for e in facts.entities}
    got = {name[r.target] for r in facts.relations
           if r.type == EdgeKind.CONTROLS and name.get(r.source) == "Strome Investment Management, LP"}
    assert got == {"Strome Mezzanine Fund, LP", "Strome Mezzanine Fund II, LP"}


def test_context_of_another_filing_is_not_used():
    f, g = strome(), strome()
    ctx_f = ProseContext(f)
    mine_text(ITEM_2A, section="Item 2(a)", facts=f, ctx=ctx_f)
    mine_text(ITEM_2C_FULL, section="Item 2(c)", facts=g, ctx=ctx_f)  # a context for f passed with g: ignored
    assert controlled(g) == set()
    assert controlled(f) == set()  # nothing was added to f by mining g's text
