"""Time named queries per backend on a synthetic graph of a given size (for BENCHMARKS.md).

>>> corpus = build_synthetic_graph(10_000)                              # doctest: +SKIP
>>> backends = prepare(corpus, "/tmp/bench-10k")                        # doctest: +SKIP
>>> time_query("dependants", {"hospital": busiest_supporter(corpus)}, "rdf", backends)  # doctest: +SKIP
{'query': 'dependants', 'backend': 'rdf', 'rows': 41, 'seconds': 0.0123, 'runs': 5}

Sizes are counted in property-graph relationships (what ``to_property_graph`` makes and
Neo4j stores: SUPPORTS, PARTY, TRANSFERRED_TO/FROM, LOCATED_IN, ...). Parameter resolution
(names to ids) happens once, outside the timed runs: ``time_query`` times the query itself.
"""
from __future__ import annotations

import statistics
import time
from functools import lru_cache
from pathlib import Path

from ..model import Corpus


@lru_cache(maxsize=1)
def _relationships_per_partnership() -> float:
    from ..graph import to_property_graph
    from ..synthetic import synth_corpus

    sample = synth_corpus(1000, seed=1)
    return len(to_property_graph(sample).edges) / 1000


def build_synthetic_graph(edges: int, seed: int = 0) -> Corpus:
    """A synthetic :class:`Corpus` whose property graph has about ``edges`` relationships.

    Parameters
    ----------
    edges : int
        Target number of relationships (10_000, 100_000, 1_000_000 ...).
    seed : int
        Same seed, same corpus.
    """
    from ..synthetic import synth_corpus

    return synth_corpus(max(1, round(edges / _relationships_per_partnership())), seed=seed)


def prepare(corpus: Corpus, workdir: str | Path, backends=("rdf", "neo4j", "networkx"), uri: str | None = None) -> dict:
    """Load ``corpus`` into each backend: an Oxigraph store under ``workdir``, the Neo4j server
    (wiped first!), a networkx graph. Returns ``{backend: opened backend}`` for :func:`time_query`."""
    from .backends import open_backend

    opened = {}
    if "rdf" in backends:
        from ..rdf.build import build
        from ..rdf.mapping import corpus_facts

        store = Path(workdir) / "store"
        build(corpus_facts(corpus), store=store, fresh=store.exists(), show_progress=False)
        opened["rdf"] = open_backend("rdf", store=store)
    if "neo4j" in backends:
        from ..neo4j.cypher import cypher
        from ..neo4j.load import neo4j_load

        cypher("CALL { MATCH (n) DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", uri=uri)
        neo4j_load(corpus, uri=uri, show_progress=False)
        opened["neo4j"] = open_backend("neo4j", uri=uri)
    if "networkx" in backends:
        from .backends import networkx_graph

        opened["networkx"] = open_backend("networkx", graph=networkx_graph(corpus=corpus))
    return opened


def busiest_supporter(corpus: Corpus) -> str:
    """The organisation that supports most often: a demanding ``dependants`` parameter."""
    from collections import Counter

    counts = Counter(p.supporter for p in corpus.partnerships.values() if p.supporter)
    return min(counts, key=lambda o: (-counts[o], o))


def time_query(name: str, params: dict | None, backend: str, backends: dict, runs: int = 5) -> dict:
    """Run query ``name`` ``runs`` times on an opened backend (see :func:`prepare`); median seconds.

    Returns
    -------
    dict
        ``query``, ``backend``, ``rows``, ``seconds`` (median), ``best``, ``runs``.
    """
    from .catalogue import get
    from . import bind_params, run_spec

    spec = get(name)
    opened = backends[backend]
    values = bind_params(spec, params, opened)  # resolve names once; time the query alone
    timings, rows = [], []
    for _ in range(runs):
        start = time.perf_counter()
        _, rows = run_spec(spec, values, opened, resolved=True)
        timings.append(time.perf_counter() - start)
    return {"query": name, "backend": backend, "rows": len(rows), "seconds": round(statistics.median(timings), 6),
            "best": round(min(timings), 6), "runs": runs}
