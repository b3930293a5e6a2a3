"""ownergraph: SEC beneficial-ownership filings as an ownership and control knowledge graph.

Data flows one way: file -> loader -> facts -> graph -> store/export -> queries.
"""

__version__ = "0.1.0"
