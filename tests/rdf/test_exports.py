"""RDF exports parse back (rdflib) with exactly the triples of the store."""
from __future__ import annotations

import json

import pytest
from decimal import Decimal

from rdflib import Dataset, Graph, Literal
from rdflib.namespace import XSD

from healthgraph.model import Corpus
from healthgraph.rdf.build import build
from healthgraph.rdf.mapping import document_iri
from healthgraph.rdf.store import open_store

from rdf_helpers import cli


@pytest.fixture
def store(tmp_path, corpus_facts):
    build(corpus_facts, store=tmp_path / "kg", show_progress=False)
    return tmp_path / "kg"


def norm(triples):
    """Turtle writes the decimal "1" as 1.0: compare decimals by value, everything else exactly."""
    return {tuple(("decimal", Decimal(str(t))) if isinstance(t, Literal) and t.datatype == XSD.decimal else t
                  for t in triple) for triple in triples}


def store_quads(store):
    with open_store(store, read_only=True) as s:
        return set(s.quads())


@pytest.mark.parametrize("fmt,suffix,parser", [("turtle", "ttl", "turtle"), ("ntriples", "nt", "nt"),
                                               ("jsonld", "jsonld", "json-ld")])
def test_triple_formats_round_trip(tmp_path, store, fmt, suffix, parser):
    out = tmp_path / f"graph.{suffix}"
    cli("export", "--store", str(store), "--format", fmt, "-o", str(out))
    parsed = set(Graph().parse(out, format=parser))
    assert norm(parsed) == norm((s, p, o) for s, p, o, _g in store_quads(store))


def test_nquads_keep_one_graph_per_document(tmp_path, store):
    out = tmp_path / "graph.nq"
    cli("export", "--store", str(store), "--format", "nquads", "-o", str(out))
    ds = Dataset()
    ds.parse(out, format="nquads")
    parsed = {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}
    assert parsed == store_quads(store)
    graphs = {g for *_t, g in parsed}
    assert {document_iri(d) for d in ("a1", "a2", "a3")} <= graphs


def test_jsonld_uses_the_published_context(tmp_path, store):
    out = tmp_path / "graph.jsonld"
    cli("export", "--store", str(store), "--format", "jsonld", "-o", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["@context"]["satelliteOf"] == {"@id": "hg:satelliteOf", "@type": "@id"}


def test_export_from_a_corpus_matches_the_build(tmp_path, corpus_facts):
    from healthgraph.exporters import write

    out = tmp_path / "c.nt"
    write(Corpus.from_facts(corpus_facts), "ntriples", out)
    build(corpus_facts, store=tmp_path / "kg", show_progress=False)
    assert set(Graph().parse(out, format="nt")) == {(s, p, o) for s, p, o, _g in store_quads(tmp_path / "kg")}
