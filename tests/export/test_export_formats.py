"""Every property-graph export parses back with networkx/csv/json with its nodes, edges and attributes."""
from __future__ import annotations

import csv
import json
from collections import Counter

import networkx as nx
import pytest
from click.testing import CliRunner

from healthgraph.cli import main
from healthgraph.errors import HealthgraphError
from healthgraph.exporters import export, formats
from healthgraph.model import DocumentFacts


def _edge_types(graph) -> Counter:
    return Counter(e.type for e in graph.edges)


def test_graphml_round_trip(graph, tmp_path, evil):
    out = export(graph, "graphml", tmp_path / "g.graphml")[0]
    g = nx.read_graphml(out)
    assert set(g.nodes) == set(graph.nodes)
    assert g.number_of_edges() == len(graph.edges)
    assert g.nodes["x-evil"]["name"] == evil
    assert json.loads(g.nodes["bach-mai"]["mentions"]) == ["BV Bạch Mai", "Bạch Mai"]
    assert g.nodes["bach-mai"]["labels"] == "Organisation;Hospital"
    assert Counter(d["type"] for *_e, d in g.edges(data=True)) == _edge_types(graph)
    supports = [d for u, v, d in g.edges(data=True) if d["type"] == "SUPPORTS"]
    # the vertical tab XML cannot hold is dropped; the rest of the sentence survives
    assert supports[0]["evidence"] == "Bạch Mai hỗ trợ BV <b>Lai Châu</b> 🏥."
    assert supports[0]["source"] == 'Báo "Sức khỏe"'


def test_gexf_round_trip_labels_nodes_by_name(graph, tmp_path, evil):
    out = export(graph, "gexf", tmp_path / "g.gexf")[0]
    g = nx.read_gexf(out)
    assert set(g.nodes) == set(graph.nodes)
    assert g.nodes["x-evil"]["label"] == evil
    assert g.nodes["bach-mai"]["tier"] == "central"
    assert Counter(d["label"] for *_e, d in g.edges(data=True)) == _edge_types(graph)


def test_node_link_round_trip_keeps_lists(graph, tmp_path, evil):
    out = export(graph, "node-link", tmp_path / "g.json")[0]
    data = json.loads(out.read_text(encoding="utf-8"))
    g = nx.node_link_graph(data, edges="edges")
    assert set(g.nodes) == set(graph.nodes)
    assert g.number_of_edges() == len(graph.edges)
    assert g.nodes["bach-mai"]["mentions"] == ["BV Bạch Mai", "Bạch Mai"]
    assert g.nodes["x-evil"]["name"] == evil
    support = next(d for u, v, d in g.edges(data=True) if d["type"] == "SUPPORTS")
    assert (support["evidence_source"], support["kind"]) == ('Báo "Sức khỏe"', "support")


def test_csv_edge_list_and_nodes_table(graph, tmp_path, evil):
    written = export(graph, "csv", tmp_path / "g.csv")
    assert [p.name for p in written] == ["g.csv", "g.nodes.csv"]
    with open(written[0], encoding="utf-8", newline="") as handle:
        edges = list(csv.DictReader(handle))
    with open(written[1], encoding="utf-8", newline="") as handle:
        nodes = {row["id"]: row for row in csv.DictReader(handle)}
    assert Counter(e["type"] for e in edges) == _edge_types(graph)
    support = next(e for e in edges if e["type"] == "SUPPORTS")
    assert (support["source"], support["target"], support["evidence_source"]) == ("bach-mai", "x-evil",
                                                                                 'Báo "Sức khỏe"')
    assert nodes.keys() == graph.nodes.keys()
    assert nodes["x-evil"]["name"] == evil
    assert json.loads(nodes["bach-mai"]["mentions"]) == ["BV Bạch Mai", "Bạch Mai"]


def test_export_from_a_corpus_and_via_the_package_call(corpus, tmp_path, evil):
    import healthgraph.exporters  # noqa: F401  importing the package must not shadow the API function

    out = healthgraph.export(corpus, "graphml", tmp_path / "c.graphml")[0]
    g = nx.read_graphml(out)
    assert g.nodes["x-evil"]["name"] == evil
    assert g.nodes["bach-mai"]["province_2025"] == "ha-noi-2025"  # the shipped gazetteer


def test_cli_exports_a_store_built_by_healthgraph_build(corpus, tmp_path, evil):
    from healthgraph.rdf.build import build

    facts = DocumentFacts(next(iter(corpus.documents.values())), list(corpus.organisations.values()),
                          list(corpus.partnerships.values()), list(corpus.techniques.values()))
    build([facts], store=tmp_path / "kg", show_progress=False)
    out = tmp_path / "kg.graphml"
    result = CliRunner().invoke(main, ["export", "--store", str(tmp_path / "kg"), "--format", "graphml", "-o", str(out)])
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out)
    assert {"bach-mai", "x-evil", "syt-lai-chau"} <= set(g.nodes)
    assert g.nodes["x-evil"]["name"] == evil
    assert Counter(d["type"] for *_e, d in g.edges(data=True))["SUPPORTS"] == 1


def test_registry_lists_the_graph_formats():
    registered = formats()
    for name, suffix in {"graphml": ".graphml", "gexf": ".gexf", "node-link": ".json", "csv": ".csv"}.items():
        assert registered[name].suffix == suffix
        assert registered[name].input == "graph"


def test_unknown_format_is_a_one_line_error(graph, tmp_path):
    with pytest.raises(HealthgraphError, match="unknown export format 'dot'; choose one of .*graphml"):
        export(graph, "dot", tmp_path / "g.dot")


def test_cli_list_and_errors(tmp_path):
    runner = CliRunner()
    listed = runner.invoke(main, ["export", "--list"])
    assert listed.exit_code == 0
    for name in ("graphml", "gexf", "node-link", "csv"):
        assert name in listed.output
    missing = runner.invoke(main, ["export", str(tmp_path), "--format", "graphml"])
    assert missing.exit_code == 1
    assert missing.output.strip().splitlines() == ["Error: say where to write with -o PATH (e.g. -o graph.graphml)"]
    no_input = runner.invoke(main, ["export", "--format", "gexf", "-o", str(tmp_path / "g.gexf")])
    assert no_input.exit_code == 1 and "give SOURCES" in no_input.output
