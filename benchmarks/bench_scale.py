"""Where the graph lives, measured: the embedded Oxigraph store, a Fuseki endpoint, Neo4j.

For each corpus size (``healthgraph synth -n N``), the articles are extracted once, then the
same facts are

* built into a fresh Oxigraph store folder (the first build's bulk path), then built again;
* built into the Fuseki dataset at ``--endpoint`` (``build --sparql-endpoint``, healthgraph's
  graphs dropped first), built again (nothing changed: no write), and built again with one
  document changed;
* loaded into the Neo4j server at ``--uri`` (emptied first; a ``neo4j://`` URI routes);

and named queries run on each (names resolved once, outside the timed runs; the median of
``--runs`` runs in one open backend, as in a long-running process). Figures for docs/scale.md:

    bash scripts/fuseki-server.sh start && bash scripts/neo4j-server.sh start
    python benchmarks/bench_scale.py --articles 1000 10000 --endpoint http://127.0.0.1:3030/ds \\
        --uri neo4j://127.0.0.1:7687

The Fuseki dataset and the Neo4j database are overwritten: do not point this at real data.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

QUERIES = {  # name -> parameters (organisation/province names are resolved per backend)
    "dependants": lambda top: {"hospital": top},
    "supporters": lambda top: {"hospital": top},
    "hubs": lambda top: {},
    "agreements-active": lambda top: {"date": "2024-01-01"},
    "organisations-by-province": lambda top: {"province": "Hà Nội"},
}


def _seconds(action) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _latency(backend, runs: int, top: str) -> dict[str, float]:
    from healthgraph.queries import run_spec
    from healthgraph.queries.catalogue import get
    from healthgraph.queries import bind_params

    out = {}
    for name, params in QUERIES.items():
        spec = get(name)
        values = bind_params(spec, params(top), backend)
        times = []
        for _ in range(runs):
            elapsed, _rows = _seconds(lambda: run_spec(spec, values, backend, resolved=True))
            times.append(elapsed)
        out[name] = round(statistics.median(times) * 1000, 1)
    return out


def measure(articles: int, endpoint: str | None, uri: str | None, runs: int, workdir: Path) -> dict:
    from healthgraph.model import Corpus
    from healthgraph.queries.backends import open_backend
    from healthgraph.queries.graphview import view
    from healthgraph.rdf.build import build
    from healthgraph.sources import iter_facts
    from healthgraph.synthetic import synth

    corpus_dir = workdir / f"synth-{articles}"
    synth(articles=articles, out=corpus_dir, seed=3)
    extract_s, facts = _seconds(lambda: list(iter_facts([corpus_dir], show_progress=False)))
    result: dict = {"articles": articles, "documents": len(facts), "extract_s": round(extract_s, 2)}
    from healthgraph.queries.backends import networkx_graph

    graph = networkx_graph(corpus=Corpus.from_facts(facts))
    v = view(graph)
    top = max(v.supports_out, key=lambda o: (len(v.supports_out[o]), o))
    result["busiest_supporter"] = top

    store = workdir / f"store-{articles}"
    elapsed, report = _seconds(lambda: build(facts, store=store, show_progress=False))
    result["oxigraph"] = {"quads": report.quads, "graphs": report.graphs, "build_s": round(elapsed, 2),
                          "rebuild_s": round(_seconds(lambda: build(facts, store=store, show_progress=False))[0], 2)}
    opened = open_backend("rdf", store=store)
    result["oxigraph"]["query_ms"] = _latency(opened, runs, top)
    opened.close()

    if endpoint:
        elapsed, report = _seconds(lambda: build(facts, sparql_endpoint=endpoint, fresh=True, show_progress=False))
        again_s, again = _seconds(lambda: build(facts, sparql_endpoint=endpoint, show_progress=False))
        changed = facts[0]
        changed.document.title = (changed.document.title or "") + " (corrected)"
        one_s, one = _seconds(lambda: build([changed], sparql_endpoint=endpoint, show_progress=False))
        result["fuseki"] = {"quads": report.quads, "build_s": round(elapsed, 2), "writes": report.writes,
                            "rebuild_s": round(again_s, 2), "rebuild_writes": again.writes,
                            "one_changed_s": round(one_s, 2), "one_changed_writes": one.writes}
        opened = open_backend("sparql", endpoint=endpoint)
        result["fuseki"]["query_ms"] = _latency(opened, runs, top)
        opened.close()

    if uri:
        from healthgraph.neo4j.cypher import cypher
        from healthgraph.neo4j.load import neo4j_load

        cypher("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", uri=uri)
        corpus = Corpus.from_facts(facts)
        elapsed, report = _seconds(lambda: neo4j_load(corpus, uri=uri, show_progress=False))
        result["neo4j"] = {"nodes": sum(report.nodes.values()), "relationships": sum(report.relationships.values()),
                           "load_s": round(elapsed, 2)}
        opened = open_backend("neo4j", uri=uri)
        result["neo4j"]["query_ms"] = _latency(opened, runs, top)
        opened.close()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000])
    parser.add_argument("--endpoint", help="a Fuseki dataset URL (overwritten)")
    parser.add_argument("--uri", help="a Neo4j URI (emptied)")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.articles:
            print(json.dumps(measure(n, args.endpoint, args.uri, args.runs, Path(tmp)), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
