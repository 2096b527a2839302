"""Neo4j: loading a synthetic graph, batched against one statement per row, side by side
(10k, 100k and 1M relationships; one statement per row up to 100k), and the bulk import of
the project's ``neo4j-admin`` CSV export into a scratch database."""
from __future__ import annotations

import os
import re
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import urlparse

from common import ROOT, NotRun, fmt, measure, timed

PER_ROW_CAP = 100_000  # one round trip per row is slow, but the issue asks for it at 100k side by side
JARS = ROOT / "scripts" / "neo4j-server" / "target" / "dependency"
ADMIN_HEAP = "2g"
WARM_UP = 20_000  # relationships loaded (then emptied) before each timed load


def synthetic_graph(relationships: int, seed: int = 0):
    """A property graph of about ``relationships`` relationships (synthetic corpus)."""
    from healthgraph.graph import to_property_graph
    from healthgraph.synthetic import synth_corpus

    per = len(to_property_graph(synth_corpus(500, hospitals=200, seed=seed)).edges) / 500
    partnerships = max(10, int(relationships / per * 1.15))  # a margin, then cut to the exact size
    graph = to_property_graph(synth_corpus(partnerships, hospitals=max(200, partnerships // 20), seed=seed))
    graph.edges = graph.edges[:relationships]
    return graph


def _uri() -> str:
    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    if urlparse(uri).hostname not in ("127.0.0.1", "localhost"):
        raise NotRun(f"{uri} is not a local test server; the benchmark empties the database it loads into")
    return uri


def clear(driver) -> None:
    """Empty the database: relationships first, so that no transaction deletes a hub's thousands at once."""
    with driver.session() as session:
        session.run("MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 20000 ROWS").consume()
        session.run("MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 20000 ROWS").consume()


def load(relationships: int, mode: str, writers: int | None = None) -> dict:
    """Empty the local test database, then load the synthetic graph with ``mode`` (and ``writers``)."""
    from healthgraph.neo4j.connection import connect
    from healthgraph.neo4j.load import DEFAULT_WRITERS, load_property_graph

    graph = synthetic_graph(relationships)
    writers = writers or DEFAULT_WRITERS
    with connect(_uri(), notifications_min_severity="OFF") as (driver, _):
        clear(driver)
        # the JVM compiles as it goes: warm it up on a graph of the same shapes (a fresh server's first
        # timed load stays slow even so: _load_table throws one away)
        load_property_graph(driver, synthetic_graph(WARM_UP, seed=99), mode="batched", writers=writers)
        clear(driver)
        seconds, report = timed(load_property_graph, driver, graph, mode=mode, writers=writers)
        with driver.session() as session:
            stored = session.run("MATCH ()-[r]->() RETURN count(r) AS n").single()["n"]
        clear(driver)
    return {"nodes": len(graph.nodes), "relationships": len(graph.edges), "stored": stored, "seconds": seconds,
            "rels_per_s": len(graph.edges) / seconds, "transactions": report.transactions,
            "created": report.created, "merged": report.merged, "writers": writers}


BARE_CREATE = "UNWIND $pairs AS pair MATCH (a:BenchNode {id: pair[0]}) MATCH (b:BenchNode {id: pair[1]}) CREATE (a)-[:R]->(b)"


def bare_create(relationships: int) -> dict:
    """The engine's own pace, the anchor: the same graph's endpoints as bare nodes (one label, a
    uniqueness constraint, not timed), then its relationships as ``CREATE`` without type groups,
    properties or column packing: id pairs ``UNWIND``, in batches and writers as the loader's."""
    from concurrent.futures import ThreadPoolExecutor

    from healthgraph.batches import batches
    from healthgraph.neo4j.connection import connect
    from healthgraph.neo4j.load import DEFAULT_BATCH_SIZE, DEFAULT_WRITERS

    graph = synthetic_graph(relationships)
    pairs = [[e.source, e.target] for e in graph.edges]
    chunks = [list(chunk) for chunk in batches(pairs, DEFAULT_BATCH_SIZE)]
    with connect(_uri(), notifications_min_severity="OFF") as (driver, _):
        clear(driver)
        driver.execute_query("CREATE CONSTRAINT bench_node IF NOT EXISTS FOR (n:BenchNode) REQUIRE n.id IS UNIQUE")
        for ids in batches(sorted(graph.nodes), 50_000):
            driver.execute_query("UNWIND $ids AS id CREATE (:BenchNode {id: id})", ids=list(ids))

        def send(batch):
            with driver.session() as session:
                session.execute_write(lambda tx: tx.run(BARE_CREATE, pairs=batch).consume())

        def everything():
            with ThreadPoolExecutor(DEFAULT_WRITERS) as pool:
                list(pool.map(send, chunks))

        seconds, _ = timed(everything)
        stored = driver.execute_query("MATCH (:BenchNode)-[r:R]->() RETURN count(r) AS n").records[0]["n"]
        clear(driver)
        driver.execute_query("DROP CONSTRAINT bench_node IF EXISTS")
    return {"relationships": len(pairs), "stored": stored, "seconds": seconds, "rels_per_s": len(pairs) / seconds,
            "transactions": len(chunks), "writers": DEFAULT_WRITERS}


def admin_import(relationships: int) -> dict:
    """Export the synthetic graph as neo4j-admin CSVs and bulk-import them into a scratch database.

    The import tool is the one of the repository's Neo4j 5.26 jars (``org.neo4j.cli.AdminTool``
    from scripts/neo4j-server/target/dependency), run through the export's own ``import.sh``
    into a fresh ``NEO4J_HOME`` under a temporary folder (never the running server's).
    """
    from shutil import which

    from healthgraph.exporters import export

    if not (JARS / "neo4j-import-tool-5.26.30.jar").exists() and not any(JARS.glob("neo4j-import-tool-*.jar")):
        raise NotRun(f"no neo4j-import-tool jar in {JARS.relative_to(ROOT)} (bash scripts/neo4j-server.sh build)")
    if which("java") is None:
        raise NotRun("java is not installed")
    graph = synthetic_graph(relationships)
    with tempfile.TemporaryDirectory(prefix="hg-admin-import-") as tmp:
        folder = Path(tmp)
        export_seconds, _ = timed(export, graph, "neo4j-admin", folder / "import")
        admin = folder / "neo4j-admin"
        admin.write_text(f'#!/bin/sh\nexec java -Xmx{ADMIN_HEAP} -cp "{JARS}/*" org.neo4j.cli.AdminTool "$@"\n')
        admin.chmod(0o755)
        (folder / "home" / "conf").mkdir(parents=True)
        seconds, done = timed(subprocess.run, ["sh", str(folder / "import" / "import.sh")], capture_output=True,
                              text=True, env={"PATH": os.environ["PATH"], "NEO4J_HOME": str(folder / "home"),
                                              "NEO4J_ADMIN": str(admin)}, timeout=1800)
    if done.returncode != 0:
        lines = [line for line in (done.stderr or done.stdout).splitlines() if line.strip()]
        raise RuntimeError(f"neo4j-admin database import failed: {lines[-1] if lines else done.returncode}")
    imported = re.search(r"(\d+) relationships", done.stdout)
    tool = re.search(r"IMPORT DONE in (?:(\d+)m )?(?:(\d+)s )?(\d+)ms", done.stdout)
    tool_seconds = (int(tool.group(1) or 0) * 60 + int(tool.group(2) or 0) + int(tool.group(3)) / 1000) if tool \
        else None
    return {"nodes": len(graph.nodes), "relationships": len(graph.edges),
            "imported": int(imported.group(1)) if imported else None, "export_seconds": export_seconds,
            "seconds": seconds, "tool_seconds": tool_seconds, "rels_per_s": len(graph.edges) / seconds,
            "tool_rels_per_s": len(graph.edges) / tool_seconds if tool_seconds else None,
            "end_to_end_rels_per_s": len(graph.edges) / (seconds + export_seconds)}


def _load_table(n: int) -> dict:
    from healthgraph.neo4j.load import DEFAULT_BATCH_SIZE, DEFAULT_WRITERS

    # the first timed load on a fresh server ran 2-3x slower than the next ones whatever its writers
    # (an in-process warm-up did not cure it): one load measured and thrown away, so no column pays it
    measure("bench_neo4j:load", relationships=min(n, 100_000), mode="batched", timeout=1800)
    batched = measure("bench_neo4j:load", relationships=n, mode="batched", timeout=1800)
    one_writer = measure("bench_neo4j:load", relationships=n, mode="batched", writers=1, timeout=1800)
    per_row = (measure("bench_neo4j:load", relationships=n, mode="per_row", timeout=1800) if n <= PER_ROW_CAP
               else {"error": f"not run: one statement per row is measured up to {PER_ROW_CAP:,} relationships "
                              f"(see the {PER_ROW_CAP:,} table)"})
    bare = measure("bench_neo4j:bare_create", relationships=n, timeout=1800)

    def ratio(a: dict, b: dict) -> str:
        good = isinstance(a.get("rels_per_s"), float) and isinstance(b.get("rels_per_s"), float)
        return f"{a['rels_per_s'] / b['rels_per_s']:.2f}×" if good else "–"

    ratios = [(f"batched ({DEFAULT_WRITERS} writers) ÷ per row (relationships/s)", ratio(batched, per_row)),
              (f"{DEFAULT_WRITERS} writers ÷ 1 writer (relationships/s)", ratio(batched, one_writer)),
              ("batched ÷ the bare CREATE anchor (relationships/s)", ratio(batched, bare))]
    if "error" in per_row:  # say it once, not in every row
        per_row = {"error": "–", "rels_per_s": per_row["error"]}
    rows = []
    for label, key, unit, digits in (("relationships/s", "rels_per_s", "", 0), ("wall time", "seconds", "s", 1),
                                     ("transactions", "transactions", "", 0),
                                     ("rows created / merged", None, "", 0),
                                     ("relationships in the database after", "stored", "", 0),
                                     ("peak RSS (Python client)", "peak_rss_mb", "MB", 0)):
        if key is None:
            rows.append([label] + [f"{fmt(r['created'])} / {fmt(r['merged'])}" if "created" in r
                                   else fmt(r.get("error", "–")) for r in (batched, one_writer, per_row)] + ["–"])
            continue
        rows.append([label] + [fmt(r.get(key, r.get("error")), unit, digits) for r in (batched, one_writer, per_row, bare)])
    rows += [[label, value, "", "", ""] for label, value in ratios]
    info = batched if "nodes" in batched else per_row
    caption = (f"{info.get('relationships', n):,} relationships, {info.get('nodes', 0):,} nodes"
               if "nodes" in info else f"~{n:,} relationships")
    return {"caption": caption,
            "columns": ["", f"batched, {DEFAULT_WRITERS} writers (CREATE what is new, MERGE the rest; "
                            f"{DEFAULT_BATCH_SIZE:,} rows/tx)", "batched, 1 writer", "one MERGE statement per row",
                        f"anchor: bare CREATE of the same relationships, no properties ({DEFAULT_WRITERS} writers)"],
            "rows": rows}


def _admin_table(n: int) -> dict:
    result = measure("bench_neo4j:admin_import", relationships=n, timeout=3600)
    if "error" in result:
        return {"caption": f"neo4j-admin database import, ~{n:,} relationships", "columns": ["", ""],
                "rows": [["relationships/s", result["error"]]]}
    return {"caption": f"neo4j-admin database import full: {result['relationships']:,} relationships, "
                       f"{result['nodes']:,} nodes (the `neo4j-admin` CSV export)",
            "columns": ["", "neo4j-admin import"],
            "rows": [["relationships/s (import.sh wall time, JVM start included)", fmt(result["rels_per_s"])],
                     ["relationships/s (the tool's own IMPORT DONE time)", fmt(result["tool_rels_per_s"])],
                     ["import wall time", fmt(result["seconds"], "s", 1)],
                     ["CSV export beforehand (`healthgraph export --format neo4j-admin`)",
                      fmt(result["export_seconds"], "s", 1)],
                     ["relationships/s, export + import", fmt(result["end_to_end_rels_per_s"])],
                     ["relationships imported", fmt(result["imported"])],
                     ["peak RSS (Python: graph + export)", fmt(result.get("peak_rss_mb"), "MB", 0)]]}


def run(quick: bool) -> dict:
    title = "Neo4j load: batched vs per row"
    try:
        import healthgraph.neo4j.load  # noqa: F401
        _uri()
    except (ImportError, NotRun) as exc:
        return {"title": title, "tables": [], "notes": [f"not run: {exc}"]}
    sizes = [10_000] if quick else [10_000, 100_000, 1_000_000]
    tables = [_load_table(n) for n in sizes]
    tables.append(_admin_table(sizes[-1]))
    heap, pagecache = os.environ.get("NEO4J_HEAP", "1g"), os.environ.get("NEO4J_PAGECACHE", "256m")
    notes = ["`load_property_graph(driver, graph, mode=...)` against the repository's Neo4j 5.26 server "
             f"(scripts/neo4j-server.sh, heap {heap}, page cache {pagecache}) on the same machine; the database is "
             f"emptied before each load. Server memory is the JVM's (-Xmx{heap}), not included in the client's RSS.",
             "Batched: one statement per node or relationship group whose text is the same for every batch; "
             "nodes not in the database yet and relationships with a new endpoint are CREATEd, the rest MERGEd "
             "(into an empty database everything is created; a second load creates nothing); each batch travels "
             "as columns, text columns as one joined string; `writers` transactions go side by side, each "
             "writer with its own session. Per row: one auto-commit MERGE per node and relationship (the baseline).",
             "Anchor (the engine's own pace): the same relationships between bare nodes (one label, a uniqueness "
             "constraint; the nodes written beforehand, not timed), as `UNWIND $pairs MATCH (a) MATCH (b) "
             "CREATE (a)-[:R]->(b)` without properties, in the same batches and writers: what the server's "
             "transactional Cypher does at best, and so the ceiling of any batched load through the driver.",
             f"neo4j-admin: the export's own import.sh, with the import tool of the same Neo4j release run from the "
             f"server's jars (`java -Xmx{ADMIN_HEAP} -cp 'scripts/neo4j-server/target/dependency/*' "
             "org.neo4j.cli.AdminTool database import full ...`), into a fresh NEO4J_HOME in a temporary folder."]
    ratios = [f"neo4j, {t['caption']}: {row[0]} = {row[1]}" for t in tables for row in t["rows"] if "÷" in row[0]]
    return {"title": title, "tables": tables, "notes": notes, "ratios": ratios}
