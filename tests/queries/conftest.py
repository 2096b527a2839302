"""Fixtures for the query-layer tests: REAL backends over two graphs.

* ``examples``: the example articles of the repository (``examples/articles``, vi/de/en);
* ``synth``: 150 articles from ``healthgraph synth`` (seed 7), through the extractor.

Each is built into a real Oxigraph store (``healthgraph build``); the corpus is read back
from that store (so all four backends hold exactly the stored facts), built into the
Fuseki dataset at ``SPARQL_ENDPOINT`` (``build --sparql-endpoint``, healthgraph's graphs
dropped first), loaded into the Neo4j server at ``NEO4J_URI`` (wiped first: do not run at
the same time as tests/neo4j) and into networkx. An unreachable Neo4j or Fuseki server
fails the tests, it never skips them (``scripts/test.sh`` starts both).
"""
from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
DATASETS = ("examples", "synth")


@pytest.fixture(scope="session")
def neo4j_up():
    from healthgraph.errors import BackendUnavailable
    from healthgraph.neo4j.cypher import cypher

    try:
        cypher("RETURN 1 AS ok")
    except BackendUnavailable as exc:
        pytest.fail(f"the Neo4j server is not reachable ({exc}); start it with `bash scripts/neo4j-server.sh start`",
                    pytrace=False)


class Graphs:
    """Stores built once per session, and which one Neo4j holds right now."""

    def __init__(self, root: Path, endpoint: str):
        self.root = root
        self.endpoint = endpoint
        self.built: dict[str, dict] = {}
        self.in_neo4j: str | None = None
        self.in_sparql: str | None = None

    def sources(self, dataset: str) -> list[Path]:
        if dataset == "examples":
            files = sorted(p for p in EXAMPLES.iterdir() if p.is_file())
            assert files, f"no example articles in {EXAMPLES}"
            return files
        from healthgraph.synthetic import synth

        out = self.root / "synth-articles"
        synth(articles=150, out=out, seed=7)
        return sorted(out.glob("*.txt"))

    def get(self, dataset: str) -> dict:
        if dataset not in self.built:
            from healthgraph.queries.backends import networkx_graph
            from healthgraph.rdf.build import build
            from healthgraph.rdf.store import read_corpus

            store = self.root / f"{dataset}-store"
            build(self.sources(dataset), store=store, show_progress=False)
            corpus = read_corpus(store)
            self.built[dataset] = {"store": store, "corpus": corpus, "graph": networkx_graph(corpus=corpus)}
        return self.built[dataset]

    def load_neo4j(self, dataset: str) -> None:
        if self.in_neo4j != dataset:
            from healthgraph.neo4j.cypher import cypher
            from healthgraph.neo4j.load import neo4j_load

            cypher("MATCH (n) DETACH DELETE n")
            neo4j_load(self.get(dataset)["corpus"], show_progress=False)
            self.in_neo4j = dataset

    def load_sparql(self, dataset: str) -> None:
        if self.in_sparql != dataset:
            from healthgraph.factstore import read_facts
            from healthgraph.rdf.build import build

            build(read_facts(self.get(dataset)["store"]), sparql_endpoint=self.endpoint, fresh=True,
                  show_progress=False)
            self.in_sparql = dataset


@pytest.fixture(scope="session")
def graphs(tmp_path_factory, neo4j_up, sparql_endpoint) -> Graphs:
    return Graphs(tmp_path_factory.mktemp("queries"), sparql_endpoint)


@pytest.fixture(params=DATASETS)
def dataset(request, graphs) -> dict:
    """One dataset, built into every backend (Neo4j reloaded when the dataset changes)."""
    graphs.load_neo4j(request.param)
    graphs.load_sparql(request.param)
    return {"name": request.param, "endpoint": graphs.endpoint, **graphs.get(request.param)}


@pytest.fixture
def examples(graphs) -> dict:
    graphs.load_neo4j("examples")
    graphs.load_sparql("examples")
    return {"endpoint": graphs.endpoint, **graphs.get("examples")}
