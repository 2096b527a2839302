"""RDF exports (Turtle, N-Triples, N-Quads with one graph per source document, JSON-LD).

The facts are mapped onto the ontology by :mod:`healthgraph.rdf.mapping`, exactly as
``healthgraph build`` writes them into the store. Turtle, N-Triples and JSON-LD carry the
union of all graphs; N-Quads keeps one named graph per source document (plus the reference
and derived graphs). JSON-LD is compacted with the published context
``ontology/context.jsonld``.
"""
from __future__ import annotations

import json
from pathlib import Path

FORMATS = ("turtle", "ntriples", "nquads", "jsonld")
SUFFIX = ".ttl"
SUFFIXES = {"turtle": ".ttl", "ntriples": ".nt", "nquads": ".nq", "jsonld": ".jsonld"}
INPUT = "corpus"
DESCRIPTION = "RDF on the healthgraph ontology: turtle, ntriples, nquads (graph per document), jsonld"


def dataset(source):
    """An rdflib Dataset of a Corpus, DocumentFacts list or a store folder (one graph per document)."""
    from rdflib import Dataset

    from ..model import Corpus
    from ..rdf.mapping import PREFIXES, corpus_facts, iter_graphs

    ds = Dataset()
    for prefix, namespace in PREFIXES.items():
        ds.bind(prefix, namespace, replace=True)
    if isinstance(source, (str, Path)):
        from ..rdf.store import open_store

        with open_store(source, read_only=True) as store:
            for s, p, o, g in store.quads():
                ds.graph(g).add((s, p, o))
        return ds
    facts = corpus_facts(source) if isinstance(source, Corpus) else list(source)
    for graph in iter_graphs(facts):
        target = ds.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
    return ds


def union_graph(ds):
    from rdflib import Graph

    from ..rdf.mapping import PREFIXES

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, replace=True)
    for s, p, o, _g in ds.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def write(source, out_path: Path, fmt: str = "turtle") -> list[Path]:
    """Write ``source`` (Corpus, DocumentFacts list, or a store folder) as ``fmt`` to ``out_path``.

    Parameters
    ----------
    source : Corpus or list of DocumentFacts or path of a store
    out_path : Path
    fmt : {"turtle", "ntriples", "nquads", "jsonld"}

    Returns
    -------
    list of Path

    Examples
    --------
    >>> from healthgraph.model import Corpus
    >>> import tempfile, os
    >>> out = Path(tempfile.mkdtemp()) / "g.nq"
    >>> [p.suffix for p in write(Corpus(), out, "nquads")]
    ['.nq']
    """
    from ..errors import HealthgraphError

    if fmt not in FORMATS:
        raise HealthgraphError(f"unknown RDF format {fmt!r}; choose one of {', '.join(FORMATS)}")
    out_path = Path(out_path)
    ds = dataset(source)
    if fmt == "nquads":
        ds.serialize(destination=out_path, format="nquads", encoding="utf-8")
    elif fmt == "jsonld":
        from ..resources import data_file

        context = json.loads(data_file("ontology", "context.jsonld").read_text(encoding="utf-8"))["@context"]
        union_graph(ds).serialize(destination=out_path, format="json-ld", context=context, encoding="utf-8")
    else:
        union_graph(ds).serialize(destination=out_path, format={"turtle": "turtle", "ntriples": "nt"}[fmt],
                                  encoding="utf-8")
    return [out_path]
