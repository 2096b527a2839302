"""The Neo4j backend against the real server of scripts/neo4j-server.sh (NEO4J_URI)."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pytest

from healthgraph import cypher, neo4j_load
from healthgraph.errors import BackendUnavailable, HealthgraphError
from healthgraph.exporters import export
from healthgraph.graph import Node, PropertyGraph, to_property_graph
from healthgraph.neo4j.connection import connect
from healthgraph.neo4j.load import load_property_graph

from neo4j_test_helpers import ROOT, TRICKY_NAME, URI, count, graph_counts, small_corpus

pytestmark = pytest.mark.neo4j


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from healthgraph.cli import main; main()", *args],
                          capture_output=True, text=True, env=env, timeout=120)


def test_load_writes_the_labels_and_relationships_of_graph_py(db, corpus, graph):
    report = neo4j_load(corpus, uri=URI, show_progress=False)

    assert graph_counts(db) == (len(graph.nodes), len(graph.edges))
    assert report.counters["nodes_created"] == len(graph.nodes)
    assert report.counters["relationships_created"] == len(graph.edges)
    for node in graph.nodes.values():
        labels = count(db, "MATCH (n {id: $id}) RETURN labels(n)", id=node.id)
        assert sorted(labels) == sorted(node.labels)
    for edge in graph.edges:
        assert count(db, "MATCH (a {id: $s})-[r]->(b {id: $t}) WHERE type(r) = $type RETURN count(r)",
                     s=edge.source, t=edge.target, type=edge.type) >= 1
    # The satellite agreement: direction, evidence and date on the relationships.
    records, _, _ = db.execute_query(
        "MATCH (s:Hospital)-[r:SATELLITE_OF]->(c:Hospital) RETURN s.id AS s, c.id AS c, r.date AS date, "
        "r.evidence AS evidence, r.agreement AS agreement")
    assert [(r["s"], r["c"], r["date"]) for r in records] == [("bvdk-lai-chau", "bach-mai", "2024-05-29")]
    assert "Bạch Mai" in records[0]["evidence"] and records[0]["agreement"].startswith("agr-")
    records, _, _ = db.execute_query(
        "MATCH (:Technique {en: 'coronary intervention'})-[r:TRANSFERRED_TO]->(h:Hospital) "
        "RETURN h.id AS h, r.`from` AS source, r.date AS date")
    assert [tuple(r.values()) for r in records] == [("bvdk-lai-chau", "bach-mai", "2024-06")]
    roles = cypher("MATCH (a:Agreement {kind: 'satellite'})-[p:PARTY]->(o) RETURN o.id AS org, p.role AS role "
                   "ORDER BY org", uri=URI)
    assert roles == [{"org": "bach-mai", "role": "supporter"}, {"org": "bvdk-lai-chau", "role": "recipient"}]
    assert count(db, "MATCH (:Hospital {id: 'bach-mai'})-[:LOCATED_IN]->(p:Province) RETURN p.id") == "ha-noi"


def test_constraints_exist_after_a_load(db, graph):
    with connect(URI) as (driver, _):
        load_property_graph(driver, graph)
    records, _, _ = db.execute_query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type "
                                     "WHERE type = 'UNIQUENESS' RETURN labelsOrTypes[0] AS label, properties[0] AS p")
    assert {(r["label"], r["p"]) for r in records} >= {("Organisation", "id"), ("Province", "id"),
                                                         ("Technique", "id"), ("Agreement", "id")}


@pytest.mark.parametrize("mode", ["batched", "per_row"])
def test_loading_twice_changes_nothing(db, graph, mode):
    neo4j_load(graph, uri=URI, mode=mode, batch_size=3, show_progress=False)
    before = graph_counts(db)
    again = neo4j_load(graph, uri=URI, mode=mode, batch_size=3, show_progress=False)
    assert graph_counts(db) == before == (len(graph.nodes), len(graph.edges))
    assert again.counters["nodes_created"] == again.counters["relationships_created"] == 0


def test_a_hostile_name_round_trips_through_load_and_cli_cypher(db):
    graph = to_property_graph(small_corpus(TRICKY_NAME))
    neo4j_load(graph, uri=URI, show_progress=False)
    done = run_cli("cypher", "MATCH (h:Hospital {id: $id}) RETURN h.name AS name", "-p", "id=bvdk-lai-chau",
                   "--format", "json", "--uri", URI)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == [{"name": TRICKY_NAME}]
    # Looking the name up by value finds exactly that node.
    assert cypher("MATCH (h:Hospital {name: $name}) RETURN h.id AS id", {"name": TRICKY_NAME}, uri=URI) == \
        [{"id": "bvdk-lai-chau"}]


def test_injection_attempts_in_parameters_are_plain_values(db, graph):
    neo4j_load(graph, uri=URI, show_progress=False)
    before = graph_counts(db)
    attacks = ["x'}) DETACH DELETE n //", "' OR 1=1 WITH n MATCH (m) DETACH DELETE m //",
               "bach-mai\"}) MATCH (m) DETACH DELETE m RETURN 1 AS id //"]
    for attack in attacks:
        assert cypher("MATCH (n:Organisation) WHERE n.id = $id OR n.name = $id RETURN n.id AS id",
                      {"id": attack}, uri=URI) == []
        done = run_cli("cypher", "MATCH (n:Organisation {id: $id}) RETURN n.id AS id", "-p", f"id={attack}",
                       "--format", "csv", "--uri", URI)
        assert done.returncode == 0 and done.stdout.strip() == "id", done.stderr
    assert graph_counts(db) == before


def test_cypher_runs_a_file_with_parameters_and_converts_values(db, graph, tmp_path):
    neo4j_load(graph, uri=URI, show_progress=False)
    query = tmp_path / "satellites.cypher"
    query.write_text("// satellites of a central hospital; a ';' in a comment\n"
                     "MATCH (s)-[r:SATELLITE_OF]->(c:Hospital {id: $central})\n"
                     "RETURN s.id AS satellite, date(r.date) AS since, c AS central;\n", encoding="utf-8")
    rows = cypher(query, {"central": "bach-mai"}, uri=URI)
    assert rows.columns == ["satellite", "since", "central"]
    assert rows[0]["satellite"] == "bvdk-lai-chau" and rows[0]["since"] == "2024-05-29"
    assert rows[0]["central"]["_labels"] == ["Hospital", "Organisation"]
    assert rows[0]["central"]["name"] == "Bệnh viện Bạch Mai"
    done = run_cli("cypher", str(query), "-p", "central=bach-mai", "--format", "csv", "--uri", URI)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[:2][1].startswith("bvdk-lai-chau,2024-05-29,")


def test_unreachable_server_is_one_line_naming_the_uri(tmp_path):
    dead = "bolt://127.0.0.1:1"
    with pytest.raises(BackendUnavailable, match="127.0.0.1:1"):
        cypher("RETURN 1", uri=dead)
    source = tmp_path / "none.yaml"
    source.write_text("[]\n", encoding="utf-8")
    for args in (["cypher", "RETURN 1", "--uri", dead], ["neo4j", "load", str(source), "--uri", dead]):
        done = run_cli(*args)
        assert done.returncode == 1
        assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
        assert done.stderr.startswith("Error: cannot reach Neo4j at bolt://127.0.0.1:1")


def test_wrong_credentials_are_one_line(auth_server):
    uri, password = auth_server
    assert cypher("RETURN 1 AS one", uri=uri, user="neo4j", password=password) == [{"one": 1}]
    with pytest.raises(BackendUnavailable, match="refused the credentials"):
        cypher("RETURN 1", uri=uri, user="neo4j", password="not-the-password")
    env = {**os.environ, "NEO4J_URI": uri, "NEO4J_PASSWORD": "wrong-password"}
    done = run_cli("cypher", "RETURN 1", env=env)
    assert done.returncode == 1 and done.stderr.count("\n") == 1
    assert f"Neo4j at {uri} refused the credentials of user 'neo4j'" in done.stderr


def test_a_failed_batch_leaves_the_database_as_before_that_batch(db, graph):
    neo4j_load(graph, uri=URI, show_progress=False)
    before = graph_counts(db)
    # Two batches of (Organisation, Province) nodes: the second one re-uses the id of an existing
    # Province, which breaks the Province(id) uniqueness constraint half-way through the batch.
    bad = PropertyGraph()
    for node_id in ("new-1", "new-2", "new-3", "lai-chau"):
        bad.nodes[node_id] = Node(node_id, ("Organisation", "Province"), {"id": node_id, "name": node_id})
    with connect(URI) as (driver, _):
        with pytest.raises(HealthgraphError, match=r"batch 2 of :Organisation:Province .*rolled back"):
            load_property_graph(driver, bad, batch_size=2)
    assert graph_counts(db) == (before[0] + 2, before[1])
    ids = cypher("MATCH (n:Organisation) WHERE n.id STARTS WITH 'new-' RETURN n.id AS id ORDER BY id", uri=URI)
    assert ids == [{"id": "new-1"}, {"id": "new-2"}]  # new-3 was in the failed batch
    assert count(db, "MATCH (p:Province {id: 'lai-chau'}) RETURN count(p)") == 1


def test_cypher_script_export_rebuilds_the_same_graph(db, tmp_path):
    graph = to_property_graph(small_corpus(TRICKY_NAME))
    neo4j_load(graph, uri=URI, show_progress=False)
    loaded = graph_counts(db)
    db.execute_query("MATCH (n) DETACH DELETE n")
    script = export(graph, "cypher", tmp_path / "graph.cypher")[0]
    done = run_cli("cypher", str(script), "--uri", URI, "--format", "json")
    assert done.returncode == 0, done.stderr
    assert graph_counts(db) == loaded == (len(graph.nodes), len(graph.edges))
    assert cypher("MATCH (h {id: 'bvdk-lai-chau'}) RETURN h.name AS name, h.mentions AS m", uri=URI) == \
        [{"name": TRICKY_NAME, "m": ["BVĐK tỉnh Lai Châu"]}]
    cypher(script, uri=URI)  # running it again changes nothing
    assert graph_counts(db) == loaded


def test_neo4j_admin_export_is_accepted_by_the_real_import_tool(graph, tmp_path):
    written = export(graph, "neo4j-admin", tmp_path / "import")
    nodes = [p for p in written if p.name.startswith("nodes_")]
    rels = [p for p in written if p.name.startswith("relationships_")]
    ids = set()
    for path in nodes:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0][:2] == ["id:ID", ":LABEL"]
        assert all(len(row) == len(rows[0]) for row in rows)
        ids |= {row[0] for row in rows[1:]}
    assert ids == set(graph.nodes)
    for path in rels:
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        assert rows[0][:3] == [":START_ID", ":END_ID", ":TYPE"]
        assert all(row[0] in ids and row[1] in ids for row in rows[1:])
    # The import tool of the same Neo4j release reads them into a fresh store.
    jars = ROOT / "scripts" / "neo4j-server" / "target" / "dependency"
    assert jars.is_dir(), "run `bash scripts/neo4j-server.sh build` first"
    admin = tmp_path / "neo4j-admin"
    admin.write_text(f'#!/bin/sh\nexec java -Xmx512m -cp "{jars}/*" org.neo4j.cli.AdminTool "$@"\n')
    admin.chmod(0o755)
    (tmp_path / "home" / "conf").mkdir(parents=True)
    done = subprocess.run(["sh", str(tmp_path / "import" / "import.sh")], capture_output=True, text=True,
                          env={"PATH": os.environ["PATH"], "NEO4J_HOME": str(tmp_path / "home"),
                               "NEO4J_ADMIN": str(admin)}, timeout=300)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert f"{len(graph.nodes)} nodes" in done.stdout
    assert f"{len(graph.edges)} relationships" in done.stdout


def test_the_password_never_goes_on_the_command_line(db, tmp_path):
    help_text = run_cli("cypher", "--help").stdout
    assert "--password-file" in help_text and "--ask-password" in help_text
    assert "--password " not in help_text and "--password\n" not in help_text
    assert run_cli("cypher", "RETURN 1 AS one", "--password", "x").returncode == 2  # no such option
    secret = tmp_path / "secret.txt"
    secret.write_text("any-password\n", encoding="utf-8")  # the test server accepts any credentials
    result = run_cli("cypher", "RETURN 1 AS one", "--password-file", str(secret), "--format", "json")
    assert result.returncode == 0 and '"one": 1' in result.stdout


def test_cli_writers_load_the_same_graph_and_refuse_zero(db):
    examples = str(ROOT / "examples")
    counts = []
    for writers in ("1", "4"):
        db.execute_query("MATCH (n) DETACH DELETE n")
        done = run_cli("neo4j", "load", examples, "--uri", URI, "--writers", writers, "--batch-size", "3",
                       "--format", "json")
        assert done.returncode == 0, done.stderr
        report = {row["item"]: row["count"] for row in json.loads(done.stdout)}
        counts.append((graph_counts(db), report["relationships created"], report["transactions"]))
    assert counts[0] == counts[1] and counts[0][0][1] > 0
    refused = run_cli("neo4j", "load", examples, "--uri", URI, "--writers", "0")
    assert refused.returncode == 2 and "--writers" in refused.stderr
