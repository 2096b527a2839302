"""healthgraph: a knowledge graph of hospital cooperation agreements.

The Python API mirrors the command line: ``healthgraph.extract(...)`` is
``healthgraph extract ...``. Functions are imported on first use so that importing
the package stays cheap.
"""
from __future__ import annotations

import importlib

__version__ = "0.1.0"

_API = {
    "evaluate": "healthgraph.evaluation",
    "extract": "healthgraph.extraction",
    "load_corpus": "healthgraph.sources",
    "build": "healthgraph.rdf.build",
    "sparql": "healthgraph.rdf.sparql",
    "serve": "healthgraph.rdf.serve",
    "validate": "healthgraph.rdf.validate",
    "neo4j_load": "healthgraph.neo4j.load",
    "cypher": "healthgraph.neo4j.cypher",
    "query": "healthgraph.queries",
    "export": "healthgraph.exporters",
    "viz": "healthgraph.visual",
    "synth": "healthgraph.synthetic",
}

__all__ = sorted(_API)


def __getattr__(name: str):
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'healthgraph' has no attribute {name!r}")
