"""healthgraph serve: a real oxigraph server process answers over HTTP like `healthgraph sparql`."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request

from healthgraph.rdf.build import build
from healthgraph.rdf.serve import free_port, serve

from rdf_helpers import DEPENDENTS, cli, write


def http_select(url: str, query: str) -> list[dict]:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(request, timeout=30) as response:
        data = json.load(response)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def test_endpoint_answers_like_the_cli(tmp_path, corpus_facts):
    store = tmp_path / "kg"
    build(corpus_facts, store=store, show_progress=False)
    query = write(tmp_path / "dependents.rq", DEPENDENTS)
    cli_rows = json.loads(cli("sparql", str(query), "--store", str(store), "-p", "hospital=bach-mai",
                              "--format", "json").stdout)
    with serve(store, port=0, block=False, echo=None) as server:
        assert server.process.poll() is None
        assert server.url.startswith("http://127.0.0.1:")
        # over HTTP the parameter travels the standard way: a VALUES block built by the client
        http_rows = http_select(server.url, DEPENDENTS + 'VALUES ?hospital { "bach-mai" }\n')
        # the CLI can query while the endpoint holds the store open
        again = json.loads(cli("sparql", str(query), "--store", str(store), "-p", "hospital=bach-mai",
                               "--format", "json").stdout)
        # read-only: updates are refused
        update = urllib.request.Request(server.url.replace("/query", "/update"), data=b"update=DROP ALL",
                                        headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            urllib.request.urlopen(update, timeout=10)
            refused = False
        except urllib.error.HTTPError:
            refused = True
    assert http_rows == cli_rows == again
    assert len(cli_rows) == 2
    assert refused
    assert server.process.poll() is not None  # stopped


def test_memory_store_is_served_from_a_copy(tmp_path, corpus_facts):
    store = tmp_path / "mem"
    build(corpus_facts, store=store, kind="memory", show_progress=False)
    with serve(store, port=0, block=False, echo=None) as server:
        rows = http_select(server.url, "PREFIX hg: <https://w3id.org/healthgraph/ontology#>\n"
                                       "SELECT ?s ?c WHERE { ?s hg:satelliteOf ?c } ORDER BY ?s")
    assert [r["s"].rsplit("/", 1)[1] for r in rows] == ["bvdk-ca-mau", "bvdk-lai-chau"]
    assert not server.location.exists()  # the copy is removed


def test_cli_serve_prints_the_url_and_stops_on_ctrl_c(tmp_path, corpus_facts):
    store = tmp_path / "kg"
    build(corpus_facts, store=store, show_progress=False)
    port = free_port()
    process = subprocess.Popen([sys.executable, "-c", "from healthgraph.cli import main; main()", "serve",
                                "--store", str(store), "--port", str(port)],
                               stderr=subprocess.PIPE, text=True)
    try:
        line = process.stderr.readline()
        assert f"http://127.0.0.1:{port}/query" in line
        rows = http_select(f"http://127.0.0.1:{port}/query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert int(rows[0]["n"]) > 0
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=60) == 0  # a hang guard, not a speed check
        time.sleep(0.2)
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", timeout=2)
            still_up = True
        except OSError:
            still_up = False
        assert not still_up  # the oxigraph child went down with it
    finally:
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)


def test_busy_port_is_a_clear_error(tmp_path, corpus_facts):
    import socket

    store = tmp_path / "kg"
    build(corpus_facts, store=store, show_progress=False)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        result = cli("serve", "--store", str(store), "--port", str(port), check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: oxigraph server exited")
