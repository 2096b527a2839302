"""A graph built from SOURCES and one read back from the store hold the same facts: every
projection applies one admission rule (healthgraph.admission) and one order, so `export
SOURCES` and `export --store` write the same file and the queries give the same answers."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthgraph.exporters import export
from healthgraph.queries import query
from healthgraph.rdf.build import build
from healthgraph.synthetic import synth

FORMATS = ("node-link", "graphml", "csv", "cypher")


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000), articles=st.integers(min_value=5, max_value=40))
def test_exports_and_answers_from_sources_and_from_the_store_are_the_same(tmp_path_factory, seed, articles):
    tmp = tmp_path_factory.mktemp("agree")
    synth(articles=articles, hospitals=30, out=tmp / "articles", seed=seed)
    sources = sorted((tmp / "articles").glob("*.txt"))  # the articles, not the answer key beside them
    build(sources, store=tmp / "store", show_progress=False)
    for fmt in FORMATS:
        from_sources = export(sources, fmt, tmp / f"sources.{fmt}")
        from_store = export(None, fmt, tmp / f"store.{fmt}", store=tmp / "store")
        assert [p.read_bytes() for p in from_sources] == [p.read_bytes() for p in from_store], fmt
    for name, params in QUESTIONS:
        assert query(name, params, backend="networkx", sources=sources) == \
            query(name, params, backend="networkx", store=tmp / "store"), name


QUESTIONS = (("hubs", {}), ("single-points-of-failure", {}), ("coverage-gaps", {}),
             ("agreements-active", {"date": "2026-01-01"}), ("organisations-by-province", {"province": "Hà Nội"}))


@pytest.mark.neo4j
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(min_value=0, max_value=10_000), articles=st.integers(min_value=5, max_value=40))
def test_every_backend_answers_alike_from_sources_and_from_the_store(tmp_path_factory, seed, articles):
    """rdf (the store), networkx and Neo4j (each projected from SOURCES and from the store)."""
    from healthgraph.neo4j.cypher import cypher
    from healthgraph.neo4j.load import neo4j_load

    tmp = tmp_path_factory.mktemp("backends")
    synth(articles=articles, hospitals=30, out=tmp / "articles", seed=seed)
    sources = sorted((tmp / "articles").glob("*.txt"))
    build(sources, store=tmp / "store", show_progress=False)
    hub = query("hubs", {}, backend="rdf", store=tmp / "store")
    questions = (*QUESTIONS, *((("dependants", {"hospital": hub[0]["supporter"]}),) if hub else ()))
    answers: dict[str, list] = {}
    for projection, load in (("from sources", {"sources": sources}), ("from the store", {"store": tmp / "store"})):
        cypher("MATCH (n) DETACH DELETE n")
        neo4j_load(show_progress=False, **load)
        answers[f"neo4j {projection}"] = [query(n, p, backend="neo4j").tuples() for n, p in questions]
        answers[f"networkx {projection}"] = [query(n, p, backend="networkx", **load).tuples() for n, p in questions]
    answers["rdf"] = [query(n, p, backend="rdf", store=tmp / "store").tuples() for n, p in questions]
    expected = answers["rdf"]
    assert any(expected), "the synthetic corpus answers some question"
    for projection, got in answers.items():
        assert got == expected, projection
    cypher("MATCH (n) DETACH DELETE n")


def test_a_transfer_without_a_recipient_enters_no_graph_from_either_side(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Sơn La. Bệnh viện Bạch Mai đã "
                       "chuyển giao kỹ thuật lọc máu liên tục.", encoding="utf-8")
    build([article], store=tmp_path / "store", show_progress=False)
    for kwargs in ({"sources": [article]}, {"sources": None, "store": tmp_path / "store"}):
        written = export(fmt="node-link", output=tmp_path / "g.json", **kwargs)
        text = written[0].read_text(encoding="utf-8")
        assert "bvdk-son-la" in text and "TRANSFERRED_FROM" not in text and "lọc máu" not in text
