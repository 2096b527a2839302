"""healthgraph build: idempotent, incremental, curated overrides, persistent across processes."""
from __future__ import annotations

import json

import pytest

from healthgraph.rdf.build import build
from healthgraph.rdf.mapping import DERIVED_GRAPH, document_iri
from healthgraph.rdf.sparql import sparql
from healthgraph.rdf.store import open_store

from rdf_helpers import DEPENDENTS, article, cli, curated_fix, write


def quads(store_dir):
    with open_store(store_dir, read_only=True) as store:
        return set(store.quads())


@pytest.mark.parametrize("kind", ["oxigraph", "memory"])
def test_building_twice_gives_the_same_graph(tmp_path, corpus_facts, kind):
    build(corpus_facts, store=tmp_path / "kg", kind=kind, show_progress=False)
    first = quads(tmp_path / "kg")
    build(corpus_facts, store=tmp_path / "kg", show_progress=False)
    assert quads(tmp_path / "kg") == first
    assert len(first) > 0


def test_both_store_kinds_hold_the_same_quads(tmp_path, corpus_facts):
    build(corpus_facts, store=tmp_path / "ox", kind="oxigraph", show_progress=False)
    build(corpus_facts, store=tmp_path / "mem", kind="memory", show_progress=False)
    assert quads(tmp_path / "ox") == quads(tmp_path / "mem")


def test_adding_one_article_adds_only_its_facts(tmp_path, corpus_facts):
    store = tmp_path / "kg"
    build(corpus_facts, store=store, show_progress=False)
    before = quads(store)
    new = article("a4", "cho-ray", "bvdk-bac-lieu", kind="satellite")
    build([new], store=store, show_progress=False)
    after = quads(store)
    assert before <= after
    added = after - before
    new_graph = document_iri("a4")
    assert {q for q in added if q[3] != new_graph} == {q for q in added if q[3] == DERIVED_GRAPH}
    # the only derived triples added are the new agreement's shortcuts and its recipient's summary
    assert {(str(s), str(p), str(o)) for s, p, o, g in added if g == DERIVED_GRAPH} == {
        ("https://w3id.org/healthgraph/id/org/cho-ray", "https://w3id.org/healthgraph/ontology#supports",
         "https://w3id.org/healthgraph/id/org/bvdk-bac-lieu"),
        ("https://w3id.org/healthgraph/id/org/bvdk-bac-lieu", "https://w3id.org/healthgraph/ontology#satelliteOf",
         "https://w3id.org/healthgraph/id/org/cho-ray"),
        ("https://w3id.org/healthgraph/id/org/bvdk-bac-lieu", "https://w3id.org/healthgraph/ontology#supportAgreements",
         "1"),
        ("https://w3id.org/healthgraph/id/org/bvdk-bac-lieu", "https://w3id.org/healthgraph/ontology#supportSources",
         "Báo Sức khỏe")}
    with open_store(store, read_only=True) as s:
        assert len(set(s.quads(new_graph))) == len([q for q in added if q[3] == new_graph])


def test_reingesting_a_document_replaces_its_graph(tmp_path):
    store = tmp_path / "kg"
    build([article("a1", "bach-mai", "bvdk-lai-chau", kind="satellite")], store=store, show_progress=False)
    build([article("a1", "bach-mai", "bvdk-son-la", kind="satellite")], store=store, show_progress=False)
    rows = sparql(DEPENDENTS, store=store, params={"hospital": "bach-mai"})
    assert [r["dependent"].rsplit("/", 1)[1] for r in rows] == ["bvdk-son-la"]


@pytest.mark.parametrize("order", ["extracted-first", "curated-first"])
def test_curated_file_overrides_the_extracted_agreement(tmp_path, order):
    store = tmp_path / "kg"
    extracted = article("art-7", "bach-mai", "bvdk-lai-chau", kind="satellite", signed_on="2016")
    curated = curated_fix(tmp_path)
    steps = [[extracted], [curated]] if order == "extracted-first" else [[curated], [extracted]]
    for step in steps:
        build(step, store=store, show_progress=False)
    rows = sparql("""SELECT ?signed ?curated ?g WHERE { GRAPH ?g { ?a hg:signedOn ?signed ; hg:curated ?curated } }""",
                  store=store)
    assert [(r["signed"], r["curated"]) for r in rows] == [("2017-07-15", True)]
    assert "cur-fix-" in rows[0]["g"]


def test_bad_files_are_reported_and_skipped(tmp_path):
    good = write(tmp_path / "good.yaml", """
        agreements:
          - {parties: [bach-mai, bvdk-lai-chau], kind: support, supporter: bach-mai}
        """)
    bad = write(tmp_path / "bad.yaml", "agreements: [ {parties: [bach-mai]\n")
    errors = []
    report = build([bad, good], store=tmp_path / "kg", on_error=errors.append, show_progress=False)
    assert len(report.documents) == 1
    assert len(errors) == 1 and str(bad) in str(errors[0])
    result = cli("build", str(bad), str(good), "--store", str(tmp_path / "kg2"), check=False)
    assert result.returncode == 1 and "skipped" in result.stderr and "bad.yaml" in result.stderr and "built 1 document" in result.stderr


def test_store_persists_across_processes(tmp_path):
    curated = write(tmp_path / "agreements.yaml", """
        agreements:
          - {parties: [bach-mai, bvdk-lai-chau], kind: satellite, supporter: bach-mai, signed_on: 2017-07}
          - {parties: [bach-mai, bvdk-son-la], kind: support, supporter: bach-mai}
          - {parties: [cho-ray, bvdk-ca-mau], kind: satellite, supporter: cho-ray}
        """)
    store = tmp_path / "kg"
    cli("build", str(curated), "--store", str(store))
    query = write(tmp_path / "dependents.rq", DEPENDENTS)
    result = cli("sparql", str(query), "--store", str(store), "--param", "hospital=bach-mai", "--format", "json")
    rows = json.loads(result.stdout)
    assert [r["dependent"].rsplit("/", 1)[1] for r in rows] == ["bvdk-lai-chau", "bvdk-son-la"]
    assert {r["kind"] for r in rows} == {"satellite", "support"}


def test_build_with_no_readable_source_says_so_and_exits_2(tmp_path):
    import subprocess
    import sys

    result = subprocess.run([sys.executable, "-m", "healthgraph", "build", str(tmp_path / "nope"),
                             str(tmp_path / "nada.yaml"), "--store", str(tmp_path / "kg")],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "nope: no such file or directory" in result.stderr and "built 0 document(s)" in result.stderr


def test_build_with_a_bad_file_stores_the_rest_and_exits_1(tmp_path):
    import subprocess
    import sys

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Sơn La.",
                                       encoding="utf-8")
    (articles / "empty.txt").write_bytes(b"")
    store = tmp_path / "kg"
    result = subprocess.run([sys.executable, "-m", "healthgraph", "build", str(articles), "--store", str(store)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1, result.stderr
    assert "empty.txt: empty file" in result.stderr and "built 1 document(s), 1 file(s) skipped" in result.stderr
    rows = subprocess.run([sys.executable, "-m", "healthgraph", "query", "dependants", "-p", "hospital=Bạch Mai",
                           "--store", str(store), "--format", "json"], capture_output=True, text=True, timeout=120)
    assert [r["dependant"] for r in json.loads(rows.stdout)] == ["bvdk-son-la"], rows.stdout
