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
        http_rows = http_select(server.url, DEPENDENTS + "VALUES ?hospital { <https://w3id.org/healthgraph/id/org/bach-mai> }\n")
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
    assert result.stderr == f"Error: cannot listen on 127.0.0.1:{port}: Address already in use\n"


class _Listener:
    """A TCP port of the test's own that records whether anybody connects to it."""

    def __init__(self):
        import socket
        import threading

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self.running = False
        self.thread.join()
        self.sock.close()


def _status(url: str, query: str) -> int:
    request = urllib.request.Request(url, data=urllib.parse.urlencode({"query": query}).encode(),
                                     headers={"Accept": "application/sparql-results+json",
                                              "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_service_query_is_refused_and_no_request_leaves(tmp_path, corpus_facts):
    store = tmp_path / "kg"
    build(corpus_facts, store=store, show_progress=False)
    listener = _Listener()
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{listener.port}/sparql> {{ ?s ?p ?o }} }}"
    try:
        with serve(store, port=0, block=False, echo=None) as server:
            assert _status(server.url, query) == 403
            assert _status(server.url, "SELECT * WHERE { ?s ?p 'SERVICE <http://x/>' } LIMIT 1") == 200
        result = cli("sparql", query, "--store", str(store), check=False)
        assert result.returncode != 0 and "SERVICE" in result.stderr and "Traceback" not in result.stderr
        assert listener.connections == 0
        # an endpoint the user names is called
        with serve(store, port=0, block=False, echo=None,
                   allow_service=[f"http://127.0.0.1:{listener.port}/sparql"]) as server:
            _status(server.url, query)
        assert listener.connections > 0
    finally:
        listener.close()


def test_a_runaway_query_stops_at_the_timeout(tmp_path, corpus_facts):
    store = tmp_path / "kg"
    build(corpus_facts, store=store, show_progress=False)
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with serve(store, port=0, block=False, echo=None, query_timeout=1) as server:
        started = time.monotonic()
        status = _status(server.url, cross)
        assert status != 200 and time.monotonic() - started < 30
        assert _status(server.url, "ASK {}") == 200  # the endpoint still answers


def test_sigterm_stops_the_engine_and_removes_the_snapshot(tmp_path, corpus_facts):
    import glob
    import tempfile

    store = tmp_path / "kg"
    build(corpus_facts, store=store, show_progress=False)
    before = set(glob.glob(os.path.join(tempfile.gettempdir(), "healthgraph-serve-*")))
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "healthgraph", "serve", "--store", str(store), "--port", str(port),
                             "--snapshot"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _answers(f"http://127.0.0.1:{port}/query"):
        time.sleep(0.2)
    assert _answers(f"http://127.0.0.1:{port}/query")
    proc.send_signal(signal.SIGTERM)
    proc.wait(timeout=30)
    time.sleep(0.5)
    assert _free(port)
    assert set(glob.glob(os.path.join(tempfile.gettempdir(), "healthgraph-serve-*"))) == before
    ps = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True).stdout
    assert str(store) not in ps and "healthgraph-serve-" not in ps  # no oxigraph child left behind


def _answers(url: str) -> bool:
    try:
        return _status(url, "ASK {}") == 200
    except OSError:
        return False


def _free(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def test_the_endpoint_knows_the_prefixes_the_cli_knows(tmp_path, corpus_facts):
    """hg:, hgid:, schema: … need no PREFIX line over HTTP either (GET, form POST or a raw
    sparql-query body), and a query's own declaration still wins."""
    store = tmp_path / "kg"
    build(corpus_facts, store=store, show_progress=False)
    query = "SELECT ?d WHERE { ?h dcterms:identifier \"bach-mai\" ; hg:supports ?d } ORDER BY ?d"
    expected = [{"d": r["d"]} for r in json.loads(cli("sparql", query, "--store", str(store), "--format", "json").stdout)]
    assert expected
    with serve(store, port=0, block=False, echo=None) as server:
        assert http_select(server.url, query) == expected
        get = urllib.request.Request(server.url + "?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "application/sparql-results+json"})
        raw = urllib.request.Request(server.url, data=query.encode(), headers={
            "Accept": "application/sparql-results+json", "Content-Type": "application/sparql-query"})
        for request in (get, raw):
            with urllib.request.urlopen(request, timeout=30) as response:
                rows = [{k: v["value"] for k, v in b.items()} for b in json.load(response)["results"]["bindings"]]
            assert rows == expected
        own = "PREFIX hg: <https://example.org/other#>\n" + query
        assert http_select(server.url, own) == []
