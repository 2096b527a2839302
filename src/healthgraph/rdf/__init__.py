"""The RDF backend: the ontology mapping, the persistent store, SPARQL, SHACL and the endpoint.

Modules (one family each): :mod:`.mapping` (model -> triples), :mod:`.store` (store
registry and opening; one module per kind: :mod:`.oxigraph_store` on disk,
:mod:`.memory_store` plain rdflib), :mod:`.build`, :mod:`.sparql`, :mod:`.serve`,
:mod:`.validate`.
The public functions ``healthgraph.build/sparql/serve/validate`` live in the modules of the
same name; this package imports nothing heavy on its own.
"""
