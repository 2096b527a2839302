"""`build` keeps the facts of every document in the store; every projection read from the
store (exports, pages, the networkx backend, `neo4j load --store`) comes from those facts,
never from RDF read back."""
from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from healthgraph.errors import HealthgraphError
from healthgraph.factstore import OLD_FACTS_DIR, facts_path, read_facts
from healthgraph.rdf.build import build
from healthgraph.rdf.store import read_corpus

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_build_keeps_each_documents_facts_and_replaces_them(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Sơn La.", encoding="utf-8")
    store = tmp_path / "kg"
    build([article], store=store, show_progress=False)
    (kept,) = read_facts(store)
    assert kept.document.id == "a" and {o.id for o in kept.organisations} == {"bach-mai", "bvdk-son-la"}
    article.write_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Lai Châu.", encoding="utf-8")
    build([article], store=store, show_progress=False)
    (kept,) = read_facts(store)  # replaced, as the document's named graph is
    assert {o.id for o in kept.organisations} == {"bach-mai", "bvdk-lai-chau"}
    build([EXAMPLES], store=store, fresh=True, show_progress=False)
    assert "a" not in {f.document.id for f in read_facts(store)}


def test_the_corpus_of_a_store_is_the_corpus_of_its_sources(tmp_path):
    from healthgraph.sources import load_corpus

    build([EXAMPLES], store=tmp_path / "kg", show_progress=False)
    from_store, from_sources = read_corpus(tmp_path / "kg"), load_corpus([EXAMPLES])
    assert from_store.partnerships == from_sources.partnerships
    assert from_store.techniques == from_sources.techniques
    assert sorted(from_store.organisations) == sorted(from_sources.organisations)
    assert {p.evidence.source for p in from_store.partnerships.values()} >= {
        "Example data for the healthgraph documentation"}  # what RDF read back used to lose is kept


def test_a_store_without_kept_facts_says_how_to_rebuild_it(tmp_path):
    build([EXAMPLES], store=tmp_path / "kg", show_progress=False)
    facts_path(tmp_path / "kg").unlink()
    with pytest.raises(HealthgraphError, match="--fresh"):
        read_corpus(tmp_path / "kg")
    facts_path(tmp_path / "kg").write_bytes(b"{" * 200)
    with pytest.raises(HealthgraphError, match=r"facts.sqlite3: facts not readable \(file is not a database\)"):
        read_corpus(tmp_path / "kg")


def test_a_broken_record_is_named_with_its_document(tmp_path):
    build([EXAMPLES], store=tmp_path / "kg", show_progress=False)
    with closing(sqlite3.connect(facts_path(tmp_path / "kg"))) as db, db:
        db.execute("UPDATE facts SET record = '{' WHERE document = (SELECT MIN(document) FROM facts)")
    with pytest.raises(HealthgraphError, match=r"facts.sqlite3 \(document '.+'\): not a facts record"):
        read_corpus(tmp_path / "kg")


def test_a_store_of_the_older_layout_is_read_and_moved_into_one_file(tmp_path):
    """Stores built before the facts moved into one SQLite file kept one JSON file per document."""
    from healthgraph.model import facts_record

    store = tmp_path / "kg"
    build([EXAMPLES], store=store, show_progress=False)
    kept = read_facts(store)
    old = store / OLD_FACTS_DIR
    old.mkdir()
    for i, facts in enumerate(kept):
        (old / f"{i}.json").write_text(json.dumps(facts_record(facts), ensure_ascii=False), encoding="utf-8")
    facts_path(store).unlink()
    assert read_facts(store) == kept  # read as it is
    article = tmp_path / "a.txt"
    article.write_text("Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh Sơn La.", encoding="utf-8")
    build([article], store=store, show_progress=False)  # moves the records into the file, then adds its own
    assert not old.exists() and facts_path(store).is_file()
    assert [f for f in read_facts(store) if f.document.id != "a"] == kept
    old.mkdir()
    (old / "stale.json").write_text(json.dumps(facts_record(kept[0])), encoding="utf-8")
    build([article], store=store, fresh=True, show_progress=False)  # --fresh forgets both layouts
    assert [f.document.id for f in read_facts(store)] == ["a"] and not old.exists()


@pytest.mark.parametrize("first_build", [True, False])
def test_a_facts_record_that_cannot_be_written_fails_the_build_in_one_line(tmp_path, first_build):
    articles = []
    for name, province in (("a", "Sơn La"), ("b", "Lai Châu"), ("c", "Điện Biên")):
        articles.append(tmp_path / f"{name}.txt")
        articles[-1].write_text(f"Bệnh viện Bạch Mai ký kết hợp tác với Bệnh viện Đa khoa tỉnh {province}.",
                                encoding="utf-8")
    store = tmp_path / "kg"
    build([] if first_build else articles[:1], store=store, show_progress=False)  # an empty store takes the bulk path
    # b's record refused as a full disk would refuse it
    with closing(sqlite3.connect(facts_path(store))) as db, db:
        db.execute("CREATE TRIGGER refuse BEFORE INSERT ON facts WHEN NEW.document = 'b' "
                   "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END")
    with pytest.raises(HealthgraphError) as failed:
        build(articles, store=store, show_progress=False)
    message = str(failed.value)
    assert "\n" not in message
    assert message == f"{facts_path(store)}: facts records not written (database or disk is full)"
    kept = {f.document.id for f in read_facts(store)}
    assert "b" not in kept and (first_build or "a" in kept)  # what was stored before stays


@pytest.mark.neo4j
def test_neo4j_load_of_a_store_loads_what_its_sources_load(tmp_path):
    from healthgraph.neo4j.cypher import cypher

    count = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships"
    build([EXAMPLES], store=tmp_path / "kg", show_progress=False)
    counts = []
    for args in (["--store", str(tmp_path / "kg")], [str(EXAMPLES)]):
        cypher("MATCH (n) DETACH DELETE n")
        done = subprocess.run([sys.executable, "-m", "healthgraph", "neo4j", "load", *args, "--format", "json"],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        counts.append(dict(cypher(count)[0]))
    assert counts[0] == counts[1] and counts[0]["relationships"] > 0
    assert json.loads(done.stdout)
