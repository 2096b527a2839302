"""The batched loader: CREATE what is new, MERGE the rest, columns as joined text (real server)."""
from __future__ import annotations

import copy

import pytest

from healthgraph.graph import Edge, Node, PropertyGraph, to_property_graph
from healthgraph.neo4j.connection import connect
from healthgraph.neo4j.load import NULL, SEPARATOR, Columns, load_property_graph, unique_edges

from neo4j_test_helpers import URI, graph_counts, small_corpus

pytestmark = pytest.mark.neo4j


def load(graph: PropertyGraph, **options):
    with connect(URI, notifications_min_severity="OFF") as (driver, _):
        return load_property_graph(driver, graph, **options)


def snapshot(driver) -> tuple[dict, list]:
    """Every node (labels, properties) by id and every relationship, as plain sorted values."""
    records, _, _ = driver.execute_query("MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props")
    nodes = {r["id"]: (sorted(r["labels"]), r["props"]) for r in records}
    records, _, _ = driver.execute_query(
        "MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS type, b.id AS b, properties(r) AS props")
    rels = sorted((r["a"], r["type"], r["b"], sorted(r["props"].items())) for r in records)
    return nodes, rels


def odd_graph() -> PropertyGraph:
    """Values the column encoding must carry: separators in text, None, numbers, booleans, lists, maps."""
    graph = to_property_graph(small_corpus())
    org = graph.nodes["bach-mai"]
    org.props.update(note=f"a{SEPARATOR}b{NULL}c", score=1.5, rank=3, flags=[True, False], extra={"k": [1, "x"]},
                     empty="")
    graph.nodes["syt-lai-chau"].props.update(note=None, score=2, rank=None, empty="")
    graph.nodes["bvdk-lai-chau"].props.update(note="plain", score=float("inf"))
    edge = next(e for e in graph.edges if e.type == "SUPPORTS")
    edge.props.update(weight=0.25, tags=["a", "b"], evidence=edge.props.get("evidence", "") + SEPARATOR)
    return graph


def test_columns_travel_as_joined_text_unless_the_text_holds_a_separator():
    cols = Columns([["a", "b", "c"], ["x", None, ""], [f"x{SEPARATOR}y", "z", "w"], [1, None, 2.5], [True, False, None]])
    assert cols.text == [True, True, False, False, False]
    assert cols.nullable == [False, True, False, True, True]
    params = cols.params(1, 3)
    assert params["c0"] == f"b{SEPARATOR}c" and params["c1"] == f"{NULL}{SEPARATOR}"
    assert params["c2"] == ["z", "w"] and params["c3"] == [None, 2.5] and params["c4"] == [False, None]
    assert cols.prelude().startswith("WITH split($c0, $sep) AS c0, split($c1, $sep) AS c1, $c2 AS c2")


def test_duplicate_relationships_are_merged_before_they_are_created():
    edges = [Edge("a", "SUPPORTS", "b", {"agreement": "x", "date": "2020"}),
             Edge("a", "SUPPORTS", "b", {"agreement": "y"}),
             Edge("a", "SUPPORTS", "b", {"agreement": "x", "kind": "transfer", "date": None})]
    merged = unique_edges(edges, "agreement")
    assert [e.props for e in merged] == [{"agreement": "x", "date": "2020", "kind": "transfer"}, {"agreement": "y"}]
    assert unique_edges(edges[:2], "agreement") == edges[:2]


def test_an_empty_database_is_loaded_with_create_and_a_reload_creates_nothing(db, graph):
    first = load(graph, batch_size=2)
    assert first.created == len(graph.nodes) + len(graph.edges) and first.merged == 0
    assert first.counters["nodes_created"] == len(graph.nodes)
    assert first.counters["relationships_created"] == len(graph.edges)
    before = snapshot(db)
    again = load(graph, batch_size=2)
    assert again.created == 0 and again.merged == len(graph.nodes) + len(graph.edges)
    assert again.counters["nodes_created"] == again.counters["relationships_created"] == 0
    assert again.counters["labels_added"] == 0
    assert snapshot(db) == before
    assert graph_counts(db) == (len(graph.nodes), len(graph.edges))


def test_create_path_and_merge_path_and_per_row_write_the_same_graph(db):
    graph = odd_graph()
    load(graph, batch_size=3)  # everything new: CREATE
    created = snapshot(db)
    db.execute_query("MATCH (n) DETACH DELETE n")
    load(graph, mode="per_row")  # one MERGE per row: the reference
    assert snapshot(db) == created
    load(graph, batch_size=3)  # everything there: MERGE
    assert snapshot(db) == created
    nodes, rels = created
    assert nodes["bach-mai"][1]["note"] == f"a{SEPARATOR}b{NULL}c" and nodes["bach-mai"][1]["flags"] == [True, False]
    assert nodes["bach-mai"][1]["extra"] == '{"k": [1, "x"]}' and nodes["bach-mai"][1]["empty"] == ""
    assert "note" not in nodes["syt-lai-chau"][1] and nodes["syt-lai-chau"][1]["score"] == 2
    assert nodes["bvdk-lai-chau"][1]["score"] == "inf"
    supports = [dict(props) for a, t, b, props in rels if t == "SUPPORTS"]
    assert supports[0]["weight"] == 0.25 and supports[0]["evidence"].endswith(SEPARATOR)


def test_duplicate_relationships_in_a_graph_load_as_merge_would(db, graph):
    doubled = copy.deepcopy(graph)
    doubled.edges += [Edge(e.source, e.type, e.target, {**e.props, "again": True}) for e in graph.edges]
    report = load(doubled)
    assert graph_counts(db) == (len(graph.nodes), len(graph.edges))
    assert report.counters["relationships_created"] == len(graph.edges)
    nodes, rels = snapshot(db)
    assert all(dict(props).get("again") is True for *_, props in rels)
    load(doubled)  # and again: nothing changes
    assert snapshot(db) == (nodes, rels)


def test_a_graph_overlapping_the_database_merges_into_it(db, graph):
    load(graph)
    # The same hospitals, one property changed and one added, a new hospital with a new
    # agreement to an existing one, and the old relationships again.
    bigger = copy.deepcopy(graph)
    bigger.nodes["bach-mai"].props.update(tier="national", beds=2800)
    del bigger.nodes["bvdk-lai-chau"].props["mentions"]  # missing from the new graph: kept in the database
    bigger.nodes["bv-new"] = Node("bv-new", ("Organisation", "Hospital"), {"id": "bv-new", "name": "Bệnh viện Mới"})
    bigger.nodes["agr-new"] = Node("agr-new", ("Agreement",), {"id": "agr-new", "name": "new", "kind": "support"})
    bigger.edges += [Edge("bv-new", "SUPPORTS", "bach-mai", {"agreement": "agr-new", "kind": "support"}),
                     Edge("agr-new", "PARTY", "bv-new", {"role": "supporter"}),
                     Edge("agr-new", "PARTY", "bach-mai", {"role": "recipient"}),
                     # between two nodes that were there before: merged, not created twice
                     Edge("bvdk-lai-chau", "SUPPORTS", "syt-lai-chau", {"agreement": "agr-x", "kind": "support"})]
    report = load(bigger, batch_size=2)
    assert report.counters["nodes_created"] == 2 and report.counters["relationships_created"] == 4
    assert report.created == 2 + 3  # the two new nodes and their three relationships
    assert graph_counts(db) == (len(graph.nodes) + 2, len(graph.edges) + 4)
    nodes, rels = snapshot(db)
    assert nodes["bach-mai"][1]["tier"] == "national" and nodes["bach-mai"][1]["beds"] == 2800
    assert nodes["bvdk-lai-chau"][1]["mentions"] == ["BVĐK tỉnh Lai Châu"]
    assert nodes["bv-new"][0] == ["Hospital", "Organisation"]
    again = load(bigger)
    assert again.counters["nodes_created"] == again.counters["relationships_created"] == 0
    assert snapshot(db) == (nodes, rels)


def support_summaries(driver) -> dict:
    records, _, _ = driver.execute_query("MATCH (n:Organisation) WHERE n.support_agreements IS NOT NULL "
                                         "RETURN n.id AS id, n.support_agreements AS n, n.support_sources AS sources")
    return {r["id"]: (r["n"], sorted(r["sources"])) for r in records}


def expected_summaries(graph: PropertyGraph) -> dict:
    """What the recount should find: per recipient of SUPPORTS, how many and their sources (else documents)."""
    out: dict = {}
    for e in graph.edges:
        if e.type == "SUPPORTS":
            n, sources = out.get(e.target, (0, set()))
            read = e.props.get("source") or e.props.get("document")
            out[e.target] = (n + 1, sources | ({read} if read else set()))
    return {k: (n, sorted(s)) for k, (n, s) in out.items()}


@pytest.mark.parametrize("mode", ["batched", "per_row"])
def test_support_summaries_are_recounted_after_every_load(db, graph, mode):
    load(graph, mode=mode)
    assert support_summaries(db) == expected_summaries(graph) != {}
    # a second load into the non-empty database: one more agreement to a recipient that had some
    recipient = next(e.target for e in graph.edges if e.type == "SUPPORTS")
    more = PropertyGraph()
    more.nodes["bv-new"] = Node("bv-new", ("Organisation", "Hospital"), {"id": "bv-new", "name": "Bệnh viện Mới"})
    more.nodes[recipient] = copy.deepcopy(graph.nodes[recipient])
    more.edges.append(Edge("bv-new", "SUPPORTS", recipient, {"agreement": "agr-new", "kind": "support",
                                                             "document": "doc-new", "source": "Báo Mới"}))
    load(more, mode=mode)
    both = copy.deepcopy(graph)
    both.edges += more.edges
    assert support_summaries(db) == expected_summaries(both)
    assert support_summaries(db)[recipient][0] == expected_summaries(graph)[recipient][0] + 1
    load(graph, mode=mode)  # loading again changes nothing
    assert support_summaries(db) == expected_summaries(both)


def synthetic_graph(partnerships: int) -> PropertyGraph:
    from healthgraph.synthetic import synth_corpus

    return to_property_graph(synth_corpus(partnerships, hospitals=30, seed=3))


def test_several_writers_write_the_same_graph_as_one(db):
    graph = synthetic_graph(60)  # hubs included: many batches touch the same hospitals at once
    load(graph, batch_size=7, writers=1)
    alone = snapshot(db)
    db.execute_query("MATCH (n) DETACH DELETE n")
    report = load(graph, batch_size=7, writers=4)
    assert snapshot(db) == alone
    assert report.counters["relationships_created"] == len(graph.edges) and report.transactions > 4
    again = load(graph, batch_size=7, writers=4)  # everything there: MERGE from four writers at once
    assert again.counters["nodes_created"] == again.counters["relationships_created"] == 0
    assert snapshot(db) == alone


def test_a_relationship_given_in_many_batches_is_merged_once_by_several_writers(db, graph):
    load(graph)
    existing = [e for e in graph.edges if e.type == "SUPPORTS"]
    repeated = copy.deepcopy(graph)
    repeated.edges = [Edge(e.source, e.type, e.target, {**e.props, "round": n}) for n in range(8) for e in existing]
    report = load(repeated, batch_size=1, writers=4)  # each copy in its own transaction, four at a time
    assert report.merged == len(graph.nodes) + len(existing) and report.counters["relationships_created"] == 0
    _, rels = snapshot(db)
    supports = [dict(props) for a, t, b, props in rels if t == "SUPPORTS"]
    assert len(supports) == len(existing) and {s["round"] for s in supports} == {7}  # the last copy's values


def test_a_rejected_batch_among_several_writers_says_how_many_are_committed(db, graph):
    from healthgraph.errors import HealthgraphError

    load(graph)
    before = db.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"]
    bad = PropertyGraph()  # the fifth node re-uses an existing Province's id: its batch breaks the constraint
    for node_id in ("new-1", "new-2", "new-3", "new-4", "lai-chau", "new-5", "new-6", "new-7"):
        bad.nodes[node_id] = Node(node_id, ("Organisation", "Province"), {"id": node_id, "name": node_id})
    with pytest.raises(HealthgraphError, match=r"batch 5 of :Organisation:Province .*rolled back, (\d+) other") as err:
        load(bad, batch_size=1, writers=3)
    committed = int(err.value.args[0].split("rolled back, ")[1].split()[0])
    new = db.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] - before
    assert new == committed >= 4  # what the message says is what the database holds; new-1..4 went first
