"""``cypher``: rows of a query with declared columns come back collected, and equal to streamed rows."""
from __future__ import annotations

import pytest

from healthgraph import cypher, neo4j_load
from healthgraph.neo4j import cypher as cypher_module
from healthgraph.neo4j.cypher import declared_columns, fetch_rows, plain_row, to_plain

from neo4j_test_helpers import URI

pytestmark = pytest.mark.neo4j

HEADER = "// description: test\n// columns: id name labels:list n:int\n"
QUERY = ("MATCH (o:Organisation) RETURN o.id AS id, o.name AS name, labels(o) AS labels, "
         "COUNT { (o)--() } AS n ORDER BY n DESC, id")


def test_declared_columns_come_from_the_header_only():
    assert declared_columns(HEADER + QUERY) == ["id", "name", "labels", "n"]
    assert declared_columns(QUERY) == []
    assert declared_columns("// columns: a b:nonsense\nRETURN 1 AS a") == []  # a bad header: stream


def test_plain_values_pass_through_and_others_are_converted():
    from neo4j.time import Date

    assert plain_row(["a", 1, 1.5, True, None, ["x", Date(2024, 5, 29)]]) == \
        ["a", 1, 1.5, True, None, ["x", "2024-05-29"]]
    assert to_plain({"d": [Date(2020, 1, 2)]}) == {"d": ["2020-01-02"]}


def test_collected_rows_equal_streamed_rows(db, graph, tmp_path):
    neo4j_load(graph, uri=URI, show_progress=False)
    query = tmp_path / "orgs.cypher"
    query.write_text(HEADER + QUERY + ";\n", encoding="utf-8")
    collected = cypher(query, uri=URI)
    streamed = cypher(QUERY, uri=URI)  # no header: one record per row
    assert collected.columns == streamed.columns == ["id", "name", "labels", "n"]
    assert collected == streamed and len(collected) == 3  # the three organisations
    statement = cypher_module.split_statements(HEADER + QUERY)[-1]
    assert cypher_module._PLANS[(statement, ("id", "name", "labels", "n"))].wrapped is not None  # the collected way


def test_a_header_that_does_not_match_the_statement_streams_it(db, graph, tmp_path):
    neo4j_load(graph, uri=URI, show_progress=False)
    wrong = tmp_path / "wrong.cypher"
    wrong.write_text("// columns: name id\n" + QUERY, encoding="utf-8")  # other order, fewer columns
    rows = cypher(wrong, uri=URI)
    assert rows.columns == ["id", "name", "labels", "n"]  # what the statement returns, as before
    write = tmp_path / "write.cypher"
    write.write_text("// columns: id\nMERGE (t:Tmp {id: 'x'}) RETURN t.id AS id", encoding="utf-8")
    assert cypher(write, uri=URI) == [{"id": "x"}]  # not read-only: run as it is, once
    assert cypher("MATCH (t:Tmp) RETURN count(t) AS n", uri=URI) == [{"n": 1}]


def test_fetch_rows_keeps_the_order_of_the_statement(db):
    with db.session() as session:
        statement = "UNWIND range(1, 2500) AS i RETURN i AS n, toString(-i) AS s ORDER BY n DESC"
        columns, rows = fetch_rows(session, statement, {}, ["n", "s"])
    assert columns == ["n", "s"] and [r[0] for r in rows] == list(range(2500, 0, -1))
    assert rows[0] == [2500, "-2500"]


def test_an_error_of_the_query_is_its_own_error_either_way(db, tmp_path):
    from healthgraph.errors import HealthgraphError

    failing = tmp_path / "fails.cypher"
    failing.write_text("// columns: n\nUNWIND [1, 0] AS d RETURN 1 / d AS n", encoding="utf-8")
    with pytest.raises(HealthgraphError, match="(?i)by zero"):
        cypher(failing, uri=URI)
    assert cypher(failing.read_text(encoding="utf-8").replace("[1, 0]", "[1, 2]"), uri=URI) == [{"n": 1}, {"n": 0}]
