"""The ``ownergraph`` command line: a thin layer over loaders, store and queries.

Each area keeps its commands in :mod:`ownergraph.commands` (core, control,
database, rdf); this module only assembles them.  Exit codes: 0 all good,
1 some inputs failed (the rest were processed), 2 could not run at all.
"""

from __future__ import annotations

import importlib
import pkgutil

from .commands import app


def _register() -> None:
    from . import commands

    for mod in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not mod.name.startswith("_"):
            importlib.import_module(f"{commands.__name__}.{mod.name}")


_register()


def main() -> None:
    app()


if __name__ == "__main__":
    main()
