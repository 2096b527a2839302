"""RDF store: load triples/s and SPARQL latency, the Oxigraph store against plain in-memory rdflib."""
from __future__ import annotations

import tempfile
from pathlib import Path

from common import best_of, fmt, measure, timed

PREFIX = "PREFIX hg: <https://w3id.org/healthgraph/ontology#>\n"
QUERIES = {
    # dependants of one hospital: who it supports and through how many agreements
    "dependants of the biggest hub": PREFIX + """SELECT ?hub ?recipient (COUNT(?a) AS ?agreements) WHERE {
  ?a hg:supporter ?hub ; hg:recipient ?recipient } GROUP BY ?hub ?recipient ORDER BY DESC(?agreements) ?recipient""",
    # hubs: organisations supporting the most others, over the whole graph
    "hubs (top 10 supporters)": PREFIX + """SELECT ?s (COUNT(DISTINCT ?r) AS ?n) WHERE {
  ?a hg:supporter ?s ; hg:recipient ?r } GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT 10""",
}


def write_ntriples(path: str, triples: int, seed: int = 0) -> dict:
    """Write at least ``triples`` N-Triples of a synthetic corpus (the project's RDF mapping)."""
    from collections import Counter

    from healthgraph.rdf.mapping import corpus_facts, iter_graphs
    from healthgraph.synthetic import synth_corpus

    partnerships = max(50, triples // 62)  # ~65 triples per synthetic partnership
    corpus = synth_corpus(partnerships, seed=seed)
    hub = Counter(p.supporter for p in corpus.partnerships.values() if p.supporter).most_common(1)[0][0]
    count = 0
    with open(path, "wb") as out:
        for graph in iter_graphs(corpus_facts(corpus)):
            out.write(graph.serialize(format="nt", encoding="utf-8"))
            count += len(graph)
    from healthgraph.rdf.mapping import org_iri

    return {"triples": count, "hub": str(org_iri(hub)), "partnerships": partnerships}


def oxigraph(nt: str, store_dir: str, hub: str) -> dict:
    """Load ``nt`` into the project's on-disk Oxigraph store and time the queries."""
    from pathlib import Path as P

    from rdflib import URIRef

    from healthgraph.rdf.store import open_store

    store = open_store(store_dir, kind="oxigraph", create=True)
    seconds, _ = timed(store.bulk_load, P(nt), "nt")
    size = len(store)
    result = {"load_s": seconds, "triples": size, "triples_per_s": size / seconds}
    for name, q in QUERIES.items():
        bindings = {"hub": URIRef(hub)} if "?hub" in q else None
        result[name] = best_of(lambda: store.query(q, bindings).rows)
        result[name + " rows"] = len(store.query(q, bindings).rows)
    store.close()
    return result


def build_vs_bulk_load(folder: str, partnerships: int, seed: int = 0) -> dict:
    """``build`` of a synthetic corpus into a new store (facts given, so no extraction: the write part
    of a build), ``pyoxigraph.Store.bulk_load`` of the same N-Quads into another, and the update of
    one changed document in the built store (median of 6, each a real change, the last restoring it)."""
    from dataclasses import replace
    from statistics import median

    import pyoxigraph as ox

    from healthgraph.rdf.build import build
    from healthgraph.rdf.mapping import corpus_facts
    from healthgraph.synthetic import synth_corpus

    facts = corpus_facts(synth_corpus(partnerships, seed=seed))
    store = Path(folder, "built")
    build_s, report = timed(build, facts, store=store, show_progress=False)
    # one document whose agreement moves to another recipient, and back (before the anchor's load
    # adds its own background compaction to the machine)
    doc = next(f for f in facts[len(facts) // 2:] if f.partnerships and f.partnerships[0].supporter)
    first = doc.partnerships[0]
    moved = replace(first, parties=(first.supporter, facts[0].organisations[0].id), id="")
    versions = [replace(doc, partnerships=[moved, *doc.partnerships[1:]]), doc]
    update_ms = [timed(build, [versions[i % 2]], store=store, show_progress=False)[0] * 1000 for i in range(6)]  # ends as built
    nq = Path(folder, "same.nq")
    ox.Store.read_only(str(store / "oxigraph")).dump(output=str(nq), format=ox.RdfFormat.N_QUADS)
    anchor = ox.Store(str(Path(folder, "anchor")))

    def bulk_load() -> None:
        anchor.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        anchor.flush()

    load_s, _ = timed(bulk_load)
    quads = len(anchor)
    return {"build_s": build_s, "bulk_load_s": load_s, "ratio": build_s / load_s, "quads": quads,
            "store_quads": report.quads, "documents": len(report.documents), "update_ms": median(update_ms)}


def rdflib_memory(nt: str, hub: str) -> dict:
    """Parse ``nt`` into a plain in-memory ``rdflib.Graph`` and time the same queries."""
    from rdflib import Graph, URIRef

    graph = Graph()
    seconds, _ = timed(graph.parse, nt, format="nt")
    result = {"load_s": seconds, "triples": len(graph), "triples_per_s": len(graph) / seconds}
    for name, q in QUERIES.items():
        bindings = {"hub": URIRef(hub)} if "?hub" in q else {}
        result[name] = best_of(lambda: list(graph.query(q, initBindings=bindings)), repeat=3)
        result[name + " rows"] = len(list(graph.query(q, initBindings=bindings)))
    return result


def _write_table(partnerships: list[int], tmp: str) -> tuple[dict, list[str]]:
    """``build`` against ``bulk_load`` of the same N-Quads, and one document's update, per size."""
    results = [measure("bench_rdf:build_vs_bulk_load", folder=str(Path(tmp, f"write-{n}")), partnerships=n,
                       timeout=1800) for n in partnerships]
    rows = [[label] + [fmt(r.get(key, r.get("error")), unit, digits) for r in results]
            for label, key, unit, digits in (
                ("documents (one synthetic partnership each)", "documents", "", 0),
                ("quads written (named graphs + union)", "quads", "", 0),
                ("`build` (facts given: the write part), s", "build_s", "", 2),
                ("`pyoxigraph.Store.bulk_load` of the same N-Quads, s", "bulk_load_s", "", 2),
                ("build ÷ bulk_load", "ratio", "×", 2),
                ("`build` of one changed document into that store, median of 6", "update_ms", "ms", 0),
                ("peak RSS (build and load in one process)", "peak_rss_mb", "MB", 0))]
    ratios = [f"store write (build) ÷ bulk_load of the same N-Quads at {r['quads']:,} quads: {r['ratio']:.2f}×; "
              f"one-document update: {r['update_ms']:.0f} ms" if "error" not in r else f"store write: {r['error']}"
              for r in results]
    return {"caption": "Writing the store: `build` against `bulk_load` of the same N-Quads",
            "columns": [""] + [f"{n:,} partnerships" for n in partnerships], "rows": rows}, ratios


def run(quick: bool) -> dict:
    sizes = [100_000] if quick else [100_000, 1_000_000]
    tables = []
    with tempfile.TemporaryDirectory() as tmp:
        write_table, ratios = _write_table([2_000] if quick else [2_000, 16_000], tmp)
        tables.append(write_table)
        for target in sizes:
            nt = str(Path(tmp, f"data-{target}.nt"))
            info = measure("bench_rdf:write_ntriples", path=nt, triples=target, timeout=1200)
            if "error" in info:
                tables.append({"caption": f"~{target:,} triples", "columns": ["", "result"],
                               "rows": [["data", info["error"]]]})
                continue
            ox = measure("bench_rdf:oxigraph", nt=nt, store_dir=str(Path(tmp, f"ox-{target}")), hub=info["hub"],
                         timeout=1200)
            rl = measure("bench_rdf:rdflib_memory", nt=nt, hub=info["hub"], timeout=1800)
            rows = [["load, triples/s"] + [fmt(r.get("triples_per_s", r.get("error"))) for r in (ox, rl)],
                    ["load, wall time"] + [fmt(r.get("load_s", r.get("error")), "s", 1) for r in (ox, rl)]]
            for name in QUERIES:
                rows.append([f"query “{name}”, median (best) ms"] +
                            [f"{r[name][0]:.1f} ({r[name][1]:.1f}) – {r[name + ' rows']} rows" if name in r
                             else r.get("error") for r in (ox, rl)])
            rows.append(["peak RSS"] + [fmt(r.get("peak_rss_mb", r.get("error")), "MB") for r in (ox, rl)])
            tables.append({"caption": f"{info['triples']:,} triples ({info['partnerships']:,} synthetic "
                                      f"partnerships, N-Triples)",
                           "columns": ["", "Oxigraph store (on disk, project's RDFStore)", "rdflib Graph (in memory)"],
                           "rows": rows})
    notes = ["Store write: `build(corpus_facts(synth_corpus(N)))` into a new Oxigraph store (its first build: "
             "one streamed N-Quads file, `bulk_load`ed), then the store's quads (named graphs and the union in the "
             "default graph) dumped as N-Quads and `bulk_load`ed by pyoxigraph into another new store, in the same "
             "process; the update is a whole `build` call (opening and closing the store) of one document whose "
             "agreement moved to another recipient, and back.",
             "Data: `synth_corpus(N)` mapped by `healthgraph.rdf.mapping` (reference graph, one graph per "
             "document, derived graph) and written as N-Triples; each store loads the same file. "
             "The Oxigraph store writes every triple twice, into its graph and into the default graph that holds the union (docs/rdf.md: Oxigraph's union mode repeats shared triples per graph), so its load rate is about a third of a plain bulk load. "
             "Query latency: median and best of 5 runs (rdflib: 3) after one warm-up; `?hub` is bound as a "
             "parameter, never formatted into the query."]
    return {"title": "RDF store: Oxigraph vs plain rdflib", "tables": tables, "notes": notes, "ratios": ratios}
