"""The loaders build their fact models without validation (``graph.model.constructor``) only while the field
lists they pass match the models; a model that gains a field silently falls back to ``model_construct``, at
about half the loader's speed.  This pins every loader on the fast path."""

from __future__ import annotations

import importlib

import pytest

from ownergraph.graph import model

MODULES = ["ownergraph.loaders.ownership", "ownergraph.loaders.schedule13_xml", "ownergraph.loaders._prose",
           "ownergraph.loaders.submission"]


@pytest.mark.skipif(model._fast is model._construct_plain, reason="this pydantic builds models differently")
@pytest.mark.parametrize("name", MODULES)
def test_every_loader_constructs_on_the_fast_path(name):
    mod = importlib.import_module(name)
    builders = [v for k, v in vars(mod).items() if k.startswith("_construct") and callable(v)]
    assert builders and all(b is model._fast for b in builders), name
