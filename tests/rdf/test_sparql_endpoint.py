"""build --sparql-endpoint into the REAL Fuseki server of scripts/fuseki-server.sh (SPARQL_ENDPOINT):
the same quads as the embedded store, idempotent, documents replaced, curated overrides, the user's
other graphs untouched, one-line errors, credentials from the environment or a file (and a second,
password-protected Fuseki)."""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

from healthgraph.errors import BackendUnavailable, HealthgraphError
from healthgraph.queries import query
from healthgraph.rdf.build import build
from healthgraph.rdf.mapping import DERIVED_GRAPH, document_iri
from healthgraph.rdf.sparql_store import Endpoint, SparqlStore, _key, endpoint_settings
from healthgraph.rdf.store import open_store

from rdf_helpers import DEPENDENTS, article, cli, curated_fix, write

ROOT = Path(__file__).resolve().parents[2]


def by_value(quads) -> set:
    """Quads compared by value (Fuseki keeps "1"^^xsd:decimal as "1.0")."""
    return {(*_key((s, p, o)), g) for s, p, o, g in quads}


def endpoint_quads(url) -> set:
    with SparqlStore(url) as store:
        return by_value(store.quads())


def dependants(url) -> list[str]:
    with SparqlStore(url) as store:
        rows = store.query(DEPENDENTS, {"hospital": URIRef("https://w3id.org/healthgraph/id/org/bach-mai")}).rows
    return [str(r[0]).rsplit("/", 1)[1] for r in rows]


def test_the_endpoint_holds_what_the_embedded_store_holds(tmp_path, sparql_endpoint, corpus_facts):
    sources = [*corpus_facts, curated_fix(tmp_path)]
    build(sources, store=tmp_path / "kg", show_progress=False)
    report = build(sources, sparql_endpoint=sparql_endpoint, fresh=True, show_progress=False)
    with open_store(tmp_path / "kg", read_only=True) as embedded:
        expected = by_value(embedded.quads())
        assert (report.quads, report.graphs) == embedded.counts()
    assert endpoint_quads(sparql_endpoint) == expected
    assert report.kind == "sparql" and report.store == sparql_endpoint and report.writes


def test_building_twice_sends_no_write_and_changes_nothing(sparql_endpoint, corpus_facts):
    build(corpus_facts, sparql_endpoint=sparql_endpoint, fresh=True, show_progress=False)
    first = endpoint_quads(sparql_endpoint)
    again = build(corpus_facts, sparql_endpoint=sparql_endpoint, show_progress=False)
    assert again.writes == 0
    assert endpoint_quads(sparql_endpoint) == first


def test_a_changed_document_replaces_its_graph_and_its_shortcuts(sparql_endpoint):
    build([article("a1", "bach-mai", "bvdk-lai-chau")], sparql_endpoint=sparql_endpoint, fresh=True,
          show_progress=False)
    assert dependants(sparql_endpoint) == ["bvdk-lai-chau"]
    report = build([article("a1", "bach-mai", "bvdk-son-la")], sparql_endpoint=sparql_endpoint, show_progress=False)
    assert dependants(sparql_endpoint) == ["bvdk-son-la"]
    with SparqlStore(sparql_endpoint) as store:
        derived = {(str(s).rsplit("/", 1)[1], str(o).rsplit("/", 1)[1]) for s, p, o, _ in store.quads(DERIVED_GRAPH)
                   if str(p).endswith("#supports")}
        assert store.graphs().count(document_iri("a1")) == 1
    assert derived == {("bach-mai", "bvdk-son-la")}
    assert report.writes == 2  # the document's PUT and the shortcuts' update


@pytest.mark.parametrize("order", ["extracted-first", "curated-first"])
def test_curated_facts_win_on_the_endpoint_too(tmp_path, sparql_endpoint, order):
    extracted = article("art-7", "bach-mai", "bvdk-lai-chau", kind="satellite", signed_on="2016")
    curated = curated_fix(tmp_path)
    steps = [[extracted], [curated]] if order == "extracted-first" else [[curated], [extracted]]
    build([], sparql_endpoint=sparql_endpoint, fresh=True, show_progress=False)
    for step in steps:
        build(step, sparql_endpoint=sparql_endpoint, show_progress=False)
    with SparqlStore(sparql_endpoint) as store:
        rows = store.query("SELECT ?signed ?g WHERE { GRAPH ?g { ?a hg:signedOn ?signed ; hg:curated true } }").rows
        extracted_dates = store.query("SELECT ?signed WHERE { GRAPH ?g { ?a hg:signedOn ?signed } }").rows
    assert [str(r[0]) for r in rows] == ["2017-07-15"] and "cur-fix-" in str(rows[0][1])
    assert [str(r[0]) for r in extracted_dates] == ["2017-07-15"]


def test_fresh_drops_only_healthgraphs_graphs(sparql_endpoint, corpus_facts):
    theirs = URIRef("http://example.org/their-own-graph")
    triple = (URIRef("http://example.org/a"), URIRef("http://example.org/says"), Literal("keep me"))
    with SparqlStore(sparql_endpoint) as store:
        store.update_graph(theirs, [], [triple])
    try:
        build(corpus_facts, sparql_endpoint=sparql_endpoint, fresh=True, show_progress=False)
        build(corpus_facts[:1], sparql_endpoint=sparql_endpoint, fresh=True, show_progress=False)
        with SparqlStore(sparql_endpoint) as store:
            assert store.graph_triples(theirs) == {triple}
            assert theirs not in store.graphs()  # healthgraph counts only its own graphs
            assert document_iri("a2") not in store.graphs() and document_iri("a1") in store.graphs()
    finally:
        with SparqlStore(sparql_endpoint) as store:
            store.update_graph(theirs, [triple], [])


def test_cli_builds_into_the_endpoint_and_queries_it(tmp_path, sparql_endpoint):
    yaml = write(tmp_path / "agreements.yaml", """
        agreements:
          - parties: [Bạch Mai, BVĐK tỉnh Lai Châu]
            kind: satellite
            supporter: Bạch Mai
        """)
    built = cli("build", str(yaml), "--sparql-endpoint", sparql_endpoint, "--fresh", "-q")
    assert "sparql store" in built.stderr and sparql_endpoint in built.stderr
    again = cli("build", str(yaml), "--sparql-endpoint", sparql_endpoint, "-q")
    assert "(0 write request(s))" in again.stderr
    answer = cli("query", "dependants", "-p", "hospital=BV Bạch Mai", "--backend", "sparql", "--endpoint",
                 sparql_endpoint, "--format", "json")
    assert [r["dependant"] for r in json.loads(answer.stdout)] == ["bvdk-lai-chau"]
    # the endpoint may also come from SPARQL_ENDPOINT, as NEO4J_URI for --backend neo4j
    assert query("dependants", {"hospital": "Bạch Mai"}, backend="sparql")[0]["dependant"] == "bvdk-lai-chau"


def test_an_unreachable_endpoint_is_one_line_naming_it(tmp_path, free_port, corpus_facts):
    url = f"http://127.0.0.1:{free_port}/ds"
    yaml = curated_fix(tmp_path)
    for args in (["build", str(yaml), "--sparql-endpoint", url], ["query", "hubs", "--backend", "sparql",
                                                                  "--endpoint", url]):
        result = cli(*args, check=False)
        assert result.returncode == 1, result.stderr
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        assert len(lines) == 1 and url in lines[0] and "cannot reach" in lines[0], result.stderr
    with pytest.raises(BackendUnavailable, match="cannot reach the SPARQL endpoint"):
        build(corpus_facts, sparql_endpoint=url, show_progress=False)


def test_bad_endpoint_options_are_one_line_errors(tmp_path, sparql_endpoint):
    yaml = curated_fix(tmp_path)
    cases = {("--sparql-endpoint", "ftp://127.0.0.1/ds"): "not an http:// or https:// URL",
             ("--sparql-endpoint", "http://admin:secret@127.0.0.1:3030/ds"): "credentials do not go in the URL",
             ("--sparql-endpoint", sparql_endpoint, "--store", str(tmp_path / "kg")): "one of them",
             (): "one of them",
             ("--store", str(tmp_path / "kg"), "--graph-store", sparql_endpoint): "go with --sparql-endpoint",
             ("--sparql-endpoint", sparql_endpoint, "--backend", "memory"): "its own server"}
    for extra, message in cases.items():
        result = cli("build", str(yaml), *extra, check=False)
        assert result.returncode == 1 and message in result.stderr, (extra, result.stderr)
        assert "secret" not in result.stderr


def test_credentials_come_from_the_environment_or_a_file(tmp_path, monkeypatch):
    for name in ("SPARQL_USER", "SPARQL_PASSWORD", "SPARQL_PASSWORD_FILE"):
        monkeypatch.delenv(name, raising=False)
    url = "http://127.0.0.1:3030/ds"
    assert endpoint_settings(url).user is None
    monkeypatch.setenv("SPARQL_USER", "reader")
    monkeypatch.setenv("SPARQL_PASSWORD", "from-env")
    assert (endpoint_settings(url).user, endpoint_settings(url).password) == ("reader", "from-env")
    secret = tmp_path / "secret.txt"
    secret.write_text("from-file\nsecond line is not read\n", encoding="utf-8")
    monkeypatch.setenv("SPARQL_PASSWORD_FILE", str(secret))
    assert endpoint_settings(url).password == "from-file"  # the file wins over SPARQL_PASSWORD
    assert "from-file" not in repr(endpoint_settings(url))
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(HealthgraphError, match="empty"):
        endpoint_settings(url, password_file=tmp_path / "empty.txt")
    with pytest.raises(HealthgraphError, match="cannot read the SPARQL password file"):
        endpoint_settings(url, password_file=tmp_path / "missing.txt")
    monkeypatch.delenv("SPARQL_USER")
    with pytest.raises(HealthgraphError, match="no user"):
        endpoint_settings(url)


@pytest.fixture
def fuseki_with_auth(free_port, tmp_path):
    """A second real Fuseki with HTTP basic authentication on, on its own port."""
    password = "hg-fuseki-secret"
    env = {**os.environ, "FUSEKI_PORT": free_port, "FUSEKI_SERVER_PASSWORD": password, "FUSEKI_HEAP": "256m"}
    script = ROOT / "scripts" / "fuseki-server.sh"
    started = subprocess.run(["bash", str(script), "start"], env=env, capture_output=True, text=True)
    if started.returncode != 0:
        pytest.fail(f"could not start the password-protected Fuseki: {started.stderr[-2000:]}", pytrace=False)
    secret = tmp_path / "fuseki-password"
    secret.write_text(password + "\n", encoding="utf-8")
    yield f"http://127.0.0.1:{free_port}/ds", secret
    subprocess.run(["bash", str(script), "stop"], env=env, capture_output=True, text=True)


def test_basic_authentication_and_a_refused_write_loses_nothing(fuseki_with_auth, corpus_facts, monkeypatch):
    url, secret = fuseki_with_auth
    monkeypatch.delenv("SPARQL_PASSWORD", raising=False)
    good = endpoint_settings(url, user="admin", password_file=secret)
    report = build(corpus_facts, sparql_endpoint=good, show_progress=False)
    stored = endpoint_quads(good)
    assert report.quads > 0 and len(stored) == report.quads
    wrong = Endpoint(url, url, url, "admin", "not-the-password")
    with pytest.raises(BackendUnavailable, match="refused the request with user 'admin'"):
        build([article("a1", "bach-mai", "bvdk-son-la")], sparql_endpoint=wrong, show_progress=False)
    with pytest.raises(BackendUnavailable, match="refused the request with no credentials"):
        build(corpus_facts, sparql_endpoint=Endpoint(url, url, url), show_progress=False)
    assert endpoint_quads(good) == stored
    # the CLI reads the password from the file named by SPARQL_PASSWORD_FILE, never from its arguments
    monkeypatch.setenv("SPARQL_USER", "admin")
    monkeypatch.setenv("SPARQL_PASSWORD_FILE", str(secret))
    answer = cli("query", "dependants", "-p", "hospital=bach-mai", "--backend", "sparql", "--endpoint", url,
                 "--format", "json")
    assert {r["dependant"] for r in json.loads(answer.stdout)} == {"bvdk-lai-chau", "bvdk-son-la"}


@pytest.mark.parametrize("batch", [1, 3])
def test_graphs_are_replaced_one_put_each_or_in_batches(sparql_endpoint, batch):
    graphs = [URIRef(f"https://w3id.org/healthgraph/id/document/batch-test-{i}") for i in range(5)]
    triples = {g: {(URIRef(f"http://example.org/s{i}"), URIRef("http://example.org/p"), Literal(f'"{i}"\n{g}'))}
               for i, g in enumerate(graphs)}
    with SparqlStore(sparql_endpoint, batch_documents=batch) as store:
        for g in graphs:
            assert store.replace_graph(g, triples[g]) == triples[g]
        store.flush()
        assert store.writes == (5 if batch == 1 else 2)  # batches of 3 and 2
        for g in graphs:
            assert store.graph_triples(g) == triples[g]
            assert store.replace_graph(g, triples[g]) == set()  # unchanged: nothing sent
        store.flush()
        assert store.writes == (5 if batch == 1 else 2)
        for g in graphs:
            store.replace_graph(g, set())  # an emptied graph is no graph
        store.flush()
        assert not set(graphs) & set(store.graphs())


def test_an_endpoint_whose_default_graph_is_not_the_union_is_refused(sparql_endpoint, corpus_facts):
    """Fuseki's /plain dataset (scripts/fuseki-server.sh) keeps a default graph of its own, as many
    stores do: healthgraph's queries would find nothing there, so the build and the backend say so."""
    plain = sparql_endpoint.rsplit("/", 1)[0] + "/plain"
    with pytest.raises(HealthgraphError, match="the default graph is not the union of the named graphs"):
        build(corpus_facts, sparql_endpoint=plain, fresh=True, show_progress=False)
    with pytest.raises(HealthgraphError, match=f"{plain}: the default graph is not the union"):
        query("hubs", backend="sparql", endpoint=plain)
    with SparqlStore(plain) as store:
        store.clear()


def test_sparql_asks_the_endpoint_with_parameters(sparql_endpoint, corpus_facts):
    from healthgraph.rdf.sparql import sparql

    build(corpus_facts, sparql_endpoint=sparql_endpoint, fresh=True, show_progress=False)
    rows = sparql(DEPENDENTS, endpoint=sparql_endpoint, params={"hospital": "Bạch Mai"})
    assert [r["dependent"].rsplit("/", 1)[1] for r in rows] == ["bvdk-lai-chau", "bvdk-son-la"]
    assert sparql("ASK WHERE { ?s hg:supports ?o }", endpoint=sparql_endpoint) is True
    with pytest.raises(HealthgraphError, match="no organisation of that name"):
        sparql(DEPENDENTS, endpoint=sparql_endpoint, params={"hospital": '<x> } ; DROP ALL ; #'})
    hostile = sparql("SELECT ?o WHERE { ?o rdfs:label ?text }", endpoint=sparql_endpoint,
                     params={"text": '" } } ; DROP ALL ; #'})
    assert hostile == []  # a value, bound as a literal: no rows, and nothing dropped
    assert endpoint_quads(sparql_endpoint)
    with pytest.raises(HealthgraphError, match="SERVICE"):
        sparql("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", endpoint=sparql_endpoint)
