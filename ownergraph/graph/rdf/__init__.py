"""RDF export of the ownership graph: vocabularies (``vocab``), ontology (``ontology.ttl``),
SHACL shapes (``shapes.ttl``) and writers (``export``).  See ``docs/rdf.md``."""
