"""The project's own error types.

Every failure a user can cause (a bad path, a file that is not a filing, a
malformed document, an unreachable graph server) surfaces as an
:class:`OwnergraphError` whose message names the source and the problem.
The CLI prints that one line and exits non-zero; it never shows a traceback.
"""

from __future__ import annotations


class OwnergraphError(Exception):
    """Base class: ``source`` names the file/server, ``problem`` says what is wrong."""

    def __init__(self, source: str | None, problem: str):
        self.source = source
        self.problem = problem
        super().__init__(f"{source}: {problem}" if source else problem)


class LoadError(OwnergraphError):
    """A filing could not be read or parsed."""


class UnsupportedFormat(LoadError):
    """The bytes are not a filing format any loader understands."""


class StoreError(OwnergraphError):
    """The embedded store could not be opened or written."""


class BackendError(OwnergraphError):
    """A graph database (Neo4j, FalkorDB) failed: unreachable, auth, missing database, ..."""


class QueryError(OwnergraphError):
    """A query could not be answered (unknown entity, bad query text)."""
