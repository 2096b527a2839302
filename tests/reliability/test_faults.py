"""Faults: a build killed halfway, a Neo4j server that goes away mid-load."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEALTHGRAPH = [sys.executable, "-m", "healthgraph"]


def _store_facts(store: Path) -> tuple[int, int, int]:
    """(quads, agreement nodes, distinct agreement ids) of a store."""
    from healthgraph.rdf.store import open_store

    q = ("SELECT (COUNT(?a) AS ?n) (COUNT(DISTINCT ?id) AS ?d) WHERE { GRAPH ?g { ?a a hg:Agreement ; "
         "dcterms:identifier ?id } }")
    with open_store(store, read_only=True) as s:
        (n, d), = s.query("PREFIX hg: <https://w3id.org/healthgraph/ontology#> "
                          "PREFIX dcterms: <http://purl.org/dc/terms/> " + q).rows
        return len(s), int(n), int(d)


def test_build_killed_halfway_then_rerun_has_no_duplicates(tmp_path, synthetic_dir):
    reference = tmp_path / "reference"
    started = time.perf_counter()
    subprocess.run(HEALTHGRAPH + ["build", str(synthetic_dir), "--store", str(reference), "-q"], check=True,
                   capture_output=True)
    duration = time.perf_counter() - started
    expected = _store_facts(reference)
    assert expected[1] > 50

    store = tmp_path / "killed"
    proc = subprocess.Popen(HEALTHGRAPH + ["build", str(synthetic_dir), "--store", str(store), "-q"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(duration * 0.6)
    proc.send_signal(signal.SIGKILL)
    assert proc.wait() == -signal.SIGKILL, "the build finished before it could be killed"

    rerun = subprocess.run(HEALTHGRAPH + ["build", str(synthetic_dir), "--store", str(store), "-q"],
                           capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert _store_facts(store) == expected
    again = subprocess.run(HEALTHGRAPH + ["build", str(synthetic_dir), "--store", str(store), "-q"],
                           capture_output=True, text=True)
    assert again.returncode == 0 and _store_facts(store) == expected


LOADER = """
import sys
from healthgraph.errors import HealthgraphError
from healthgraph.neo4j.load import neo4j_load
from healthgraph.synthetic import synth_corpus
corpus = synth_corpus({n}, hospitals=400, seed=5)
try:
    report = neo4j_load(corpus, uri="bolt://127.0.0.1:{port}", show_progress=False)
except HealthgraphError as exc:
    print("Error: " + str(exc), file=sys.stderr)
    sys.exit(1)
print(report.counters["nodes_created"] + report.counters["relationships_created"])
"""


def _server(action: str, port: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", str(ROOT / "scripts" / "neo4j-server.sh"), action], capture_output=True,
                          text=True, env={**os.environ, "NEO4J_BOLT_PORT": port}, timeout=300)


def _count(uri: str) -> tuple[int, int, int]:
    from healthgraph.neo4j.connection import connect

    with connect(uri) as (driver, _):
        with driver.session() as s:
            nodes = s.run("MATCH (n) RETURN count(n) AS n").single()["n"]
            ids = s.run("MATCH (n) RETURN count(DISTINCT n.id) AS n").single()["n"]
            rels = s.run("MATCH ()-[r]->() RETURN count(r) AS n").single()["n"]
    return nodes, ids, rels


@pytest.mark.neo4j
def test_neo4j_server_gone_mid_load_gives_a_clear_error_and_rerun_completes(free_port):
    from healthgraph.graph import to_property_graph
    from healthgraph.synthetic import synth_corpus

    n = 30000  # a load of some seconds, so that the server dies in the middle of it
    graph = to_property_graph(synth_corpus(n, hospitals=400, seed=5))
    started = _server("start", free_port)
    assert started.returncode == 0, started.stderr
    pid_file = ROOT / ".neo4j" / f"server-{free_port}.pid"
    try:
        loader = subprocess.Popen([sys.executable, "-c", LOADER.format(n=n, port=free_port)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 120
        while _count(f"bolt://127.0.0.1:{free_port}")[2] == 0:  # wait until relationships are being written
            assert loader.poll() is None and time.monotonic() < deadline, "the load ended before writing"
            time.sleep(0.05)
        assert loader.poll() is None, "the load finished before the server could be stopped"
        os.kill(int(pid_file.read_text()), signal.SIGKILL)
        out, err = loader.communicate(timeout=120)
        assert loader.returncode == 1, (out, err)
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("Error: ") and "Traceback" not in err, err
        assert free_port in lines[0] or "unreachable" in lines[0].lower() or "neo4j" in lines[0].lower()

        _server("stop", free_port)  # clears the pid file of the killed server
        assert _server("start", free_port).returncode == 0
        uri = f"bolt://127.0.0.1:{free_port}"
        rerun = subprocess.run([sys.executable, "-c", LOADER.format(n=n, port=free_port)],
                               capture_output=True, text=True, timeout=600)
        assert rerun.returncode == 0, rerun.stderr
        nodes, ids, rels = _count(uri)
        assert nodes == ids == len(graph.nodes)
        assert rels == len(graph.edges)
        again = subprocess.run([sys.executable, "-c", LOADER.format(n=n, port=free_port)],
                               capture_output=True, text=True, timeout=600)
        assert again.returncode == 0 and again.stdout.strip() == "0", "a second load creates nothing"
        assert _count(uri) == (nodes, ids, rels)
    finally:
        _server("stop", free_port)
