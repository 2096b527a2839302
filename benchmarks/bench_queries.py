"""Named-query latency per backend (rdf, neo4j, networkx) at 10k, 100k and 1M edges.

Each size runs in its own child process (:func:`common.measure`): a synthetic corpus whose
property graph has about that many relationships is loaded into the Oxigraph store, the
Neo4j server (emptied first) and a networkx graph, then every named query runs on each
backend with parameters chosen from the data (the busiest supporter, one of its
recipients, its province). Names are resolved once, outside the timed runs.

Peak memory per backend (:func:`memory_table`, at the largest size): each backend alone in a
fresh child process (:func:`backend_run`) loads the graph and runs every named query once, so
the ``ru_maxrss`` of that process is what the backend needs (the whole-size run above loads all
three in one process).

Sizes are counted in property-graph relationships (what ``to_property_graph`` makes and
Neo4j stores: SUPPORTS, PARTY, TRANSFERRED_TO/FROM, LOCATED_IN, ...).
"""
from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

from common import fmt, measure

from healthgraph.model import Corpus

BACKENDS = ("rdf", "neo4j", "networkx")
RUNS = 3


@lru_cache(maxsize=1)
def _relationships_per_partnership() -> float:
    from healthgraph.graph import to_property_graph
    from healthgraph.synthetic import synth_corpus

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
    from healthgraph.synthetic import synth_corpus

    return synth_corpus(max(1, round(edges / _relationships_per_partnership())), seed=seed)


def prepare(corpus: Corpus, workdir: str | Path, backends=("rdf", "neo4j", "networkx"), uri: str | None = None) -> dict:
    """Load ``corpus`` into each backend: an Oxigraph store under ``workdir``, the Neo4j server
    (wiped first!), a networkx graph. Returns ``{backend: opened backend}`` for :func:`time_query`."""
    from healthgraph.queries.backends import networkx_graph, open_backend

    opened = {}
    if "rdf" in backends:
        from healthgraph.rdf.build import build
        from healthgraph.rdf.mapping import corpus_facts

        store = Path(workdir) / "store"
        build(corpus_facts(corpus), store=store, fresh=store.exists(), show_progress=False)
        opened["rdf"] = open_backend("rdf", store=store)
    if "neo4j" in backends:
        from healthgraph.neo4j.cypher import cypher
        from healthgraph.neo4j.load import neo4j_load

        # relationships, then nodes, in batches of 10,000 (the MATCH outside the subquery): emptying a
        # 1M-edge graph in one transaction, or by DETACH DELETE of its nodes, exceeds the server's
        # transaction memory ("The memory pool limit was exceeded")
        cypher("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS", uri=uri)
        cypher("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS", uri=uri)
        neo4j_load(corpus, uri=uri, show_progress=False)
        opened["neo4j"] = open_backend("neo4j", uri=uri)
    if "networkx" in backends:
        opened["networkx"] = open_backend("networkx", graph=networkx_graph(corpus=corpus))
    return opened


def busiest_supporter(corpus: Corpus) -> str:
    """The organisation that supports most often: a demanding ``dependants`` parameter."""
    counts = Counter(p.supporter for p in corpus.partnerships.values() if p.supporter)
    return min(counts, key=lambda o: (-counts[o], o))


def time_query(name: str, params: dict | None, backend: str, backends: dict, runs: int = 5) -> dict:
    """Run query ``name`` ``runs`` times on an opened backend (see :func:`prepare`); median seconds.

    Returns
    -------
    dict
        ``query``, ``backend``, ``rows``, ``seconds`` (median), ``best``, ``runs``.
    """
    from healthgraph.queries import bind_params, run_spec
    from healthgraph.queries.catalogue import get

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


def _params(corpus) -> dict[str, dict]:
    """Demanding but answerable parameters for every named query, taken from ``corpus``."""
    hub = busiest_supporter(corpus)
    supported = Counter(p.recipient for p in corpus.partnerships.values() if p.supporter == hub and p.recipient)
    recipient = min(supported, key=lambda o: (-supported[o], o))
    onward = sorted(p.recipient for p in corpus.partnerships.values()
                    if p.supporter == recipient and p.recipient not in (None, hub))
    target = onward[0] if onward else recipient
    province = corpus.organisations[recipient].province
    hub_province = corpus.organisations[hub].province or province
    return {
        "dependants": {"hospital": hub},
        "supporters": {"hospital": recipient},
        "partners": {"organisation": hub},
        "transfers-to": {"hospital": recipient},
        "transfers-in-province": {"province": province},
        "agreements-active": {"date": "2020-06-30"},
        "agreements-expiring": {"date": "2020-06-30", "days": 365},
        "organisations-by-province": {"province": hub_province},
        "hubs": {},
        "single-points-of-failure": {},
        "support-path": {"source": hub, "target": target},
        "coverage-gaps": {},
    }


def size_run(edges: int) -> dict:
    """Load a synthetic graph of ``edges`` relationships into every backend and time every query."""
    from healthgraph.graph import to_property_graph
    from healthgraph.queries.catalogue import shipped_catalogue

    corpus = build_synthetic_graph(edges)
    relationships = len(to_property_graph(corpus).edges)
    params = _params(corpus)
    with tempfile.TemporaryDirectory() as workdir:
        prepared, load_seconds = {}, {}
        for backend in BACKENDS:
            start = time.perf_counter()
            prepared.update(prepare(corpus, workdir, backends=(backend,), uri=os.environ.get("NEO4J_URI")))
            load_seconds[backend] = time.perf_counter() - start
        timings = {}
        for name in sorted(shipped_catalogue()):
            for backend in BACKENDS:
                try:
                    result = time_query(name, params.get(name, {}), backend, prepared, runs=RUNS)
                    timings[f"{name}|{backend}"] = [result["seconds"] * 1000, result["rows"]]
                except Exception as exc:  # one failing query must not hide the others' figures
                    timings[f"{name}|{backend}"] = [f"not run: {type(exc).__name__}: {exc}"[:120], None]
    return {"relationships": relationships, "partnerships": len(corpus.partnerships), "timings": timings,
            "load_seconds": load_seconds}


def backend_run(edges: int, backend: str) -> dict:
    """Peak memory of one backend alone: make the synthetic graph, load it into ``backend``,
    run every named query once. Run it through :func:`common.measure` (a fresh child process
    per backend) so that ``peak_rss_mb`` is that backend's alone.

    For Neo4j the figure is the Python client's; the server is another process (its JVM
    heap is ``$NEO4J_HEAP``, reported as ``server_heap``).
    """
    from healthgraph.queries.catalogue import shipped_catalogue

    start = time.perf_counter()
    corpus = build_synthetic_graph(edges)
    params = _params(corpus)
    partnerships = len(corpus.partnerships)
    with tempfile.TemporaryDirectory() as workdir:
        opened = prepare(corpus, workdir, backends=(backend,), uri=os.environ.get("NEO4J_URI"))
        load_seconds = time.perf_counter() - start
        loaded = _loaded_size(backend, opened[backend], uri=os.environ.get("NEO4J_URI"))
        del corpus
        rows, failed = {}, {}
        for name in sorted(shipped_catalogue()):
            try:
                rows[name] = time_query(name, params.get(name, {}), backend, opened, runs=1)["rows"]
            except Exception as exc:  # noqa: BLE001 - one failing query must not hide the figure
                failed[name] = f"{type(exc).__name__}: {exc}"[:120]
        opened.clear()
    return {"backend": backend, "partnerships": partnerships, "loaded": loaded, "rows": rows, "failed": failed,
            "load_seconds": load_seconds, "seconds": time.perf_counter() - start,
            **(_server_memory(os.environ.get("NEO4J_URI")) if backend == "neo4j" else {})}


def _server_memory(uri: str | None) -> dict:
    """The JVM heap cap (``-Xmx``) and peak RSS (``VmHWM``, since it started) of the repository's
    Neo4j server behind ``uri`` when it runs on this machine (scripts/neo4j-server.sh keeps its
    pid); empty otherwise."""
    from urllib.parse import urlparse

    from common import ROOT

    found: dict = {}
    try:
        pid = (ROOT / ".neo4j" / f"server-{urlparse(uri or '').port}.pid").read_text().strip()
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
        found["server_heap"] = next((a[4:] for a in args if a.startswith("-Xmx")), None)
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                found["server_peak_rss_mb"] = round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError):
        pass
    return found


def _loaded_size(backend: str, opened, uri: str | None = None) -> str:
    """What the backend holds, counted by the backend itself."""
    if backend == "rdf":
        return f"{len(opened.store):,} quads (Oxigraph store: named graphs + their union)"
    if backend == "neo4j":
        from healthgraph.neo4j.cypher import cypher

        rels = cypher("MATCH ()-[r]->() RETURN count(r) AS n", uri=uri)
        nodes = cypher("MATCH (n) RETURN count(n) AS n", uri=uri)
        return f"{_first(rels):,} relationships, {_first(nodes):,} nodes (Neo4j server)"
    graph = opened.graph
    return f"{graph.number_of_edges():,} edges, {graph.number_of_nodes():,} nodes (networkx)"


def _first(result) -> int:
    row = result[0] if isinstance(result, list) else next(iter(result))
    return int(row["n"] if isinstance(row, dict) else row[0])


def memory_table(edges: int) -> dict:
    """One row per backend: its peak RSS for loading ~``edges`` relationships and running every
    named query once, each backend in a fresh child process of its own (:func:`backend_run`)."""
    rows = []
    for backend in BACKENDS:
        r = measure("bench_queries:backend_run", edges=edges, backend=backend, timeout=5400)
        if "error" in r:
            rows.append([backend, r["error"], "", "", ""])
            continue
        loaded = r["loaded"] + (f"; {len(r['failed'])} queries failed" if r["failed"] else "")
        rss = fmt(r["peak_rss_mb"], "MB", 0)
        if backend == "neo4j":
            if r.get("server_peak_rss_mb"):
                rss += (f" (Python client; the server JVM: -Xmx{r.get('server_heap') or '?'}, "
                        f"peak RSS since it started {fmt(r['server_peak_rss_mb'], 'MB', 0)})")
            else:
                rss += " (Python client; the server is another process, not measured here)"
        rows.append([backend, f"{r['partnerships']:,} synthetic partnerships", loaded, rss,
                     f"{fmt(r['seconds'], 's', 0)} (load {fmt(r['load_seconds'], 's', 0)})"])
    return {"caption": f"Peak memory per backend at ~{edges:,} relationships: load + every named query once, "
                       "each backend in its own child process",
            "columns": ["backend", "graph", "loaded", "peak RSS", "wall time"], "rows": rows}


def run(quick: bool) -> dict:
    title = "Named queries: latency per backend"
    sizes = [10_000] if quick else [10_000, 100_000, 1_000_000]
    tables = [memory_table(sizes[-1])]
    for edges in sizes:
        result = measure("bench_queries:size_run", edges=edges, timeout=5400)
        if "error" in result:
            tables.append({"caption": f"~{edges:,} relationships", "columns": ["query"] + list(BACKENDS),
                           "rows": [["all", result["error"], "", ""]]})
            continue
        rows = []
        for key in sorted({k.split("|")[0] for k in result["timings"]}):
            cells = []
            for backend in BACKENDS:
                ms, count = result["timings"][f"{key}|{backend}"]
                cells.append(f"{fmt(ms, 'ms', 2)} ({count} rows)" if count is not None else ms)
            rows.append([key] + cells)
        rows.append(["loading the graph into the backend (once)"]
                    + [fmt(result["load_seconds"][backend], "s", 1) for backend in BACKENDS])
        rows.append(["peak RSS of the whole run (all three backends loaded in one process; per backend: "
                     "the memory table)", fmt(result.get("peak_rss_mb"), "MB", 0), "", ""])
        tables.append({"caption": f"{result['relationships']:,} relationships ({result['partnerships']:,} "
                                  f"synthetic partnerships): median of {RUNS} runs",
                       "columns": ["query"] + list(BACKENDS), "rows": rows})
    notes = ["`time_query` (benchmarks/bench_queries.py) on each backend: the Oxigraph store built by "
             "`healthgraph build` (a first build: every document streamed into one bulk load), the repository's Neo4j 5.26 server "
             "(emptied, then `neo4j_load`), and the networkx graph in memory; the loading row times that step. Every backend returns the same rows (tests/queries asserts it); the row "
             "counts here show it for the synthetic graphs too. Parameters are ids from the data, resolved once "
             "before timing.",
             "The memory table runs each backend alone in a fresh child process (`backend_run`): make the "
             "synthetic graph, load it, run every named query once; its peak RSS is that process's `ru_maxrss`, "
             "which includes the synthetic corpus itself. Neo4j's figure is the Python client's; the server "
             "is another process (JVM heap `-Xmx` from `$NEO4J_HEAP`; its peak RSS is since the server started)."]
    return {"title": title, "tables": tables, "notes": notes}
