"""healthgraph sparql: parameters are bound as RDF terms, never pasted into the query."""
from __future__ import annotations

import json

import pytest

from healthgraph.errors import HealthgraphError
from healthgraph.rdf.build import build
from healthgraph.rdf.sparql import sparql

from rdf_helpers import DEPENDENTS, cli, write

HOSTILE = [
    'bach-mai" } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o',
    "bach-mai' || true",
    "<script>alert(1)</script>",
    "bach-mai\" . ?central ?p ?o } #",
    "} UNION { ?a ?b ?c }",
]


@pytest.fixture
def store(tmp_path, corpus_facts):
    build(corpus_facts, store=tmp_path / "kg", show_progress=False)
    return tmp_path / "kg"


def test_dependents_of_a_central_hospital(store):
    rows = sparql(DEPENDENTS, store=store, params={"hospital": "bach-mai"})
    assert [(r["dependent"].rsplit("/", 1)[1], r["kind"]) for r in rows] == [
        ("bvdk-lai-chau", "satellite"), ("bvdk-son-la", "support")]
    rows = sparql(DEPENDENTS, store=store, params={"hospital": "cho-ray"})
    assert [r["dependent"].rsplit("/", 1)[1] for r in rows] == ["bvdk-ca-mau"]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_parameter_values_match_nothing_and_change_nothing(store, tmp_path, value):
    query = write(tmp_path / "q.rq", DEPENDENTS)
    before = sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", store=store)
    named = cli("sparql", str(query), "--store", str(store), "--param", f"hospital={value}", "--format", "json",
                check=False)  # names an organisation: no such name is an error, not an empty answer
    assert named.returncode == 1 and "no organisation of that name" in named.stderr
    plain = cli("sparql", "SELECT ?d WHERE { ?a hg:recipient ?d ; hg:evidence ?text }", "--store", str(store),
                "--param", f"text={value}", "--format", "json")
    assert json.loads(plain.stdout) == []
    assert sparql("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", store=store) == before


def test_a_bound_value_comes_back_verbatim(store):
    rows = sparql("SELECT ?x WHERE { }", store=store, params={"x": HOSTILE[2]})
    assert rows == [{"x": "<script>alert(1)</script>"}]


def test_iri_parameters(store):
    rows = sparql("SELECT ?org ?d WHERE { ?org hg:supports ?d } ORDER BY ?d", store=store,
                  params=["org=hgid:org/cho-ray"])
    assert [r["d"] for r in rows] == ["https://w3id.org/healthgraph/id/org/bvdk-ca-mau"]


def test_csv_and_table_output(store, tmp_path):
    query = write(tmp_path / "q.rq", DEPENDENTS)
    csv_out = cli("sparql", str(query), "--store", str(store), "-p", "hospital=bach-mai", "--format", "csv").stdout
    assert csv_out.splitlines()[0] == "dependent,kind"
    assert len(csv_out.splitlines()) == 3
    table = cli("sparql", str(query), "--store", str(store), "-p", "hospital=bach-mai").stdout
    assert "bvdk-son-la" in table


def test_errors_are_one_line(store, tmp_path):
    with pytest.raises(HealthgraphError, match="SPARQL syntax error"):
        sparql("SELECT WHERE {", store=store)
    with pytest.raises(HealthgraphError, match="no healthgraph store"):
        sparql("SELECT * WHERE { ?s ?p ?o }", store=tmp_path / "nowhere")
    result = cli("sparql", "SELECT ?x WHERE { ?x ?p ?o }", "--store", str(store), "-p", "y=1", check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and len(result.stderr.strip().splitlines()) == 1


SUBQUERIES = {
    # the subquery projects ?code (an identifier, a plain string): narrowing it must not change the answer
    "projected": """SELECT ?code ?n WHERE {
        { SELECT ?code (COUNT(DISTINCT ?a) AS ?n) WHERE {
            ?a hg:supporter ?h . ?h dcterms:identifier ?code } GROUP BY ?code } }""",
    # LIMIT picks rows before the join: the first supporter overall, which is not bach-mai
    "limited": """SELECT ?code WHERE {
        { SELECT ?code WHERE { ?a hg:supporter ?h . ?h dcterms:identifier ?code }
          ORDER BY DESC(?code) LIMIT 1 } }""",
    # the inner ?code is not projected by the middle subquery: another variable
    "scoped": """SELECT ?code ?n WHERE {
        { SELECT (COUNT(*) AS ?n) WHERE {
            { SELECT ?code WHERE { ?a hg:supporter ?h . ?h dcterms:identifier ?code } } } } }""",
    # braces and keywords inside strings, IRIs and comments are not syntax
    "opaque": """SELECT ?code ?x WHERE { # WHERE { SELECT ?code WHERE {
        BIND("} WHERE { {" AS ?x)
        { SELECT ?code WHERE { ?h <https://w3id.org/healthgraph/ontology#tier> "central" ;
                                      dcterms:identifier ?code } } }""",
}


@pytest.mark.parametrize("name", sorted(SUBQUERIES))
def test_parameters_reach_subqueries_without_changing_answers(tmp_path, corpus_facts, name):
    answers = {}
    # rdflib (7.x) evaluates a join by pushing the left side's bindings into the right one,
    # subqueries that do not project the variable included, so it counts 2 in "scoped"
    kinds = ("oxigraph",) if name == "scoped" else ("oxigraph", "memory")
    for kind in kinds:
        build(corpus_facts, store=tmp_path / kind, kind=kind, show_progress=False)
        answers[kind] = sparql(SUBQUERIES[name], store=tmp_path / kind, params={"code": "bach-mai"})
    assert answers["oxigraph"] == answers.get("memory", answers["oxigraph"])
    expected = {"projected": 1, "limited": 0, "scoped": 1, "opaque": 1}[name]
    assert len(answers["oxigraph"]) == expected
    if name == "scoped":
        assert answers["oxigraph"][0]["n"] == 3  # every agreement with a supporter, as SPARQL scopes it
