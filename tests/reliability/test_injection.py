"""User values are data, never code: SPARQL and Cypher parameters, names rendered into HTML."""
from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from healthgraph.cli import main
from healthgraph.model import Corpus, Document, DocumentFacts, Evidence, Organisation, Partnership

EVIL = [
    'x" ) } ; DELETE WHERE { ?s ?p ?o } #',
    "x' }) DETACH DELETE n //",
    "x\" . } } INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "Bệnh viện Bạch Mai\\u0022; DROP",
]


def _facts(names=("Bệnh viện Bạch Mai", "Bệnh viện Đa khoa tỉnh Phú Thọ")) -> DocumentFacts:
    ev = Evidence("doc-1", "A ký kết hợp tác với B.", "vi")
    a = Organisation("org-a", names[0], "hospital", "central", "ha-noi", mentions=[names[0]])
    b = Organisation("org-b", names[1], "hospital", "provincial", "phu-tho", mentions=[names[1]])
    return DocumentFacts(Document("doc-1", "A ký kết hợp tác với B."), [a, b],
                         [Partnership(("org-a", "org-b"), "agreement", ev, supporter="org-a")])


@pytest.fixture
def store(tmp_path):
    from healthgraph.rdf.build import build

    build([_facts()], store=tmp_path / "kg", show_progress=False)
    return tmp_path / "kg"


def _quads(store) -> int:
    from healthgraph.rdf.store import open_store

    with open_store(store, read_only=True) as s:
        return len(s)


@pytest.mark.parametrize("value", EVIL)
def test_sparql_parameters_are_bound_not_spliced(store, value):
    before = _quads(store)
    query = "SELECT ?o ?q WHERE { ?o rdfs:label ?name . FILTER(STR(?name) = STR(?q)) }"
    result = CliRunner().invoke(main, ["sparql", query, "--store", str(store), "-p", f"q={value}",
                                       "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == []
    assert _quads(store) == before
    # the same query finds a real label, so the empty answer above is not a broken query
    found = CliRunner().invoke(main, ["sparql", query, "--store", str(store), "-p", "q=Bệnh viện Bạch Mai",
                                      "--format", "json"])
    assert found.exit_code == 0 and len(json.loads(found.output)) == 1, found.output


@pytest.mark.neo4j
@pytest.mark.parametrize("value", EVIL[:3])
def test_cypher_parameters_are_bound_not_spliced(value):
    from healthgraph.neo4j.connection import connect

    uri = os.environ.get("NEO4J_URI", "bolt://127.0.0.1:7687")
    with connect(uri) as (driver, _):
        with driver.session() as s:
            s.run("MERGE (n:InjectionProbe {id: 'probe'}) SET n.name = 'probe'").consume()
            before = s.run("MATCH (n) RETURN count(n) AS n").single()["n"]
    try:
        result = CliRunner().invoke(main, ["cypher", "MATCH (n:InjectionProbe) WHERE n.name = $name RETURN n.id AS id",
                                           "-p", f"name={value}", "--uri", uri, "--format", "json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.output) == []
        with connect(uri) as (driver, _):
            with driver.session() as s:
                assert s.run("MATCH (n) RETURN count(n) AS n").single()["n"] == before
    finally:
        with connect(uri) as (driver, _):
            with driver.session() as s:
                s.run("MATCH (n:InjectionProbe) DETACH DELETE n").consume()


def test_html_page_escapes_organisation_names(tmp_path):
    from healthgraph.visual import viz

    facts = _facts(names=(EVIL[3], EVIL[4]))
    out = tmp_path / "network.html"
    viz(Corpus.from_facts([facts]), output=out)
    html = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "<img src=x onerror" not in html
