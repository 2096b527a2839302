"""Named-query latency on Neo4j alone (the neo4j column of bench_queries, without building the
Oxigraph store and the networkx graph first), at about 1M relationships.

    python benchmarks/bench_neo4j_queries.py [EDGES]    # prints one line per query

The same synthetic corpus, parameters and timing as benchmarks/bench_queries.py
(:func:`bench_queries.time_query`, median of ``RUNS``): the database at ``NEO4J_URI`` (a local
server only: it is emptied first) is loaded with ``neo4j_load``, then every named query runs.
"""
from __future__ import annotations

import sys
import time

from common import fmt, measure

RUNS = 5


def size_run(edges: int) -> dict:
    """Load a synthetic graph of about ``edges`` relationships into Neo4j and time every named query."""
    import bench_queries as bq
    from bench_neo4j import _uri, clear

    from healthgraph.graph import to_property_graph
    from healthgraph.neo4j.connection import connect
    from healthgraph.neo4j.load import neo4j_load
    from healthgraph.queries.backends import open_backend
    from healthgraph.queries.catalogue import shipped_catalogue

    uri = _uri()
    corpus = bq.build_synthetic_graph(edges)
    relationships = len(to_property_graph(corpus).edges)
    params = bq._params(corpus)
    with connect(uri) as (driver, _):
        clear(driver)
    start = time.perf_counter()
    neo4j_load(corpus, uri=uri, show_progress=False)
    load_seconds = time.perf_counter() - start
    opened = {"neo4j": open_backend("neo4j", uri=uri)}
    timings = {}
    for name in sorted(shipped_catalogue()):
        try:
            result = bq.time_query(name, params.get(name, {}), "neo4j", opened, runs=RUNS)
            timings[name] = [result["seconds"] * 1000, result["best"] * 1000, result["rows"]]
        except Exception as exc:  # one failing query must not hide the others' figures
            timings[name] = [f"not run: {type(exc).__name__}: {exc}"[:120], None, None]
    return {"relationships": relationships, "partnerships": len(corpus.partnerships), "timings": timings,
            "load_seconds": load_seconds}


def run(quick: bool) -> dict:
    title = "Named queries on Neo4j"
    edges = 10_000 if quick else 1_000_000
    result = measure("bench_neo4j_queries:size_run", edges=edges, timeout=3600)
    if "error" in result:
        return {"title": title, "tables": [], "notes": [result["error"]]}
    rows = [[name, fmt(ms, "ms", 1), fmt(best, "ms", 1), fmt(count)] for name, (ms, best, count)
            in result["timings"].items()]
    rows.append(["loading the graph (`neo4j_load`, once)", fmt(result["load_seconds"], "s", 1), "", ""])
    return {"title": title, "tables": [{"caption": f"{result['relationships']:,} relationships "
                                                   f"({result['partnerships']:,} synthetic partnerships)",
                                        "columns": ["query", f"median of {RUNS}", "best", "rows"], "rows": rows}],
            "notes": ["`bench_queries.time_query` on the neo4j backend only (parameters as in bench_queries)."]}


if __name__ == "__main__":
    out = size_run(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
    print(f"{out['relationships']:,} relationships, loaded in {out['load_seconds']:.1f} s "
          f"({out['relationships'] / out['load_seconds']:,.0f} relationships/s)")
    for name, (ms, best, count) in out["timings"].items():
        print(f"{name:28s} {fmt(ms, 'ms', 1):>12s}  best {fmt(best, 'ms', 1):>12s}  {count} rows")
