"""The default graph is the union of the documents' graphs as a set, on every store kind.

A hospital described by many articles is one hospital: a default-graph query must see each
triple once, however many documents state it, and must stop seeing it only when the last
document that states it is rebuilt without it.
"""
from __future__ import annotations

import json

import pytest

from healthgraph.rdf.build import build
from healthgraph.rdf.sparql import sparql
from healthgraph.rdf.store import META_FILE, open_store

from rdf_helpers import article

COUNT_NAMES = """
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?id (COUNT(*) AS ?n) WHERE { ?org dcterms:identifier ?id . FILTER(?id = "bach-mai") } GROUP BY ?id
"""
PAIRS = """
PREFIX hg: <https://w3id.org/healthgraph/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?agreement ?a ?b WHERE {
  ?x a hg:Agreement ; dcterms:identifier ?agreement ; hg:party ?pa, ?pb .
  ?pa dcterms:identifier ?a . ?pb dcterms:identifier ?b . FILTER(?a < ?b) }
"""


def _count(store) -> int:
    rows = sparql(COUNT_NAMES, store=store)
    return int(rows[0]["n"]) if rows else 0


@pytest.mark.parametrize("kind", ["oxigraph", "memory"])
def test_a_triple_stated_by_many_documents_is_seen_once(tmp_path, kind):
    store = tmp_path / "kg"
    articles = [article(f"a{i}", "bach-mai", f"bvdk-{province}") for i, province in
                enumerate(["lai-chau", "son-la", "dien-bien", "ha-giang", "lao-cai"])]
    build(articles, store=store, kind=kind, show_progress=False)
    assert _count(store) == 1
    # one row per agreement and pair, not one per graph holding each party's description
    assert len(sparql(PAIRS, store=store)) == len(articles)


@pytest.mark.parametrize("kind", ["oxigraph", "memory"])
def test_a_triple_leaves_the_union_with_the_last_document_stating_it(tmp_path, kind):
    store = tmp_path / "kg"
    build([article("a1", "bach-mai", "bvdk-lai-chau"), article("a2", "bach-mai", "bvdk-son-la")],
          store=store, kind=kind, show_progress=False)
    build([article("a1", "cho-ray", "bvdk-lai-chau")], store=store, show_progress=False)
    assert _count(store) == 1  # a2 still describes Bạch Mai
    build([article("a2", "cho-ray", "bvdk-son-la")], store=store, show_progress=False)
    assert _count(store) == 0


def test_a_format_1_store_is_upgraded_when_opened_for_writing(tmp_path):
    import pyoxigraph as ox

    store = tmp_path / "kg"
    build([article("a1", "bach-mai", "bvdk-lai-chau"), article("a2", "bach-mai", "bvdk-son-la")],
          store=store, show_progress=False)
    # what an earlier healthgraph wrote: named graphs only, "format": 1
    with open_store(store) as opened:
        opened._store.remove_graph(ox.DefaultGraph())
    meta = store / META_FILE
    meta.write_text(json.dumps({"kind": "oxigraph", "format": 1}), encoding="utf-8")
    assert _count(store) == 2  # read-only: Oxigraph's union mode, duplicates and all
    build([article("a3", "cho-ray", "bvdk-ca-mau")], store=store, show_progress=False)
    assert json.loads(meta.read_text(encoding="utf-8"))["format"] == 2
    assert _count(store) == 1
