"""neo4j:// routing URIs on the REAL server: the development server answers routing requests with
its own address, loads and queries work through a routing driver, reads run in read transactions
(routable to a cluster's followers) and writes in write transactions (the driver's managed
transactions, retried on transient errors). The driver's own debug log is what shows it."""
from __future__ import annotations

import logging
import re
from urllib.parse import urlsplit

import pytest

from healthgraph.neo4j.cypher import cypher
from healthgraph.neo4j.load import neo4j_load
from healthgraph.queries import query
from neo4j_test_helpers import URI

pytestmark = pytest.mark.neo4j

ADDRESS = urlsplit(URI).netloc  # host:port of the test server, whatever the scheme of NEO4J_URI
ROUTING = f"neo4j://{ADDRESS}"
BOLT = f"bolt://{ADDRESS}"


def begins(caplog) -> list[str]:
    """The access modes of the transactions the driver began: 'r' for read, 'w' for write."""
    modes = []
    for record in caplog.records:
        message = record.getMessage()
        if "C: BEGIN" in message:
            modes.append("r" if "'mode': 'r'" in message else "w")
    return modes


@pytest.fixture
def driver_log(caplog):
    caplog.set_level(logging.DEBUG, logger="neo4j")
    caplog.clear()
    return caplog


def test_the_server_answers_routing_requests_with_itself(db, driver_log):
    assert cypher("RETURN 1 AS ok", uri=ROUTING) == [{"ok": 1}]
    table = next(r.getMessage() for r in driver_log.records if "S: SUCCESS {'rt'" in r.getMessage())
    servers = re.findall(r"\{'addresses': \['([^']+)'\], 'role': '(\w+)'\}", table)
    assert {role for _, role in servers} == {"WRITE", "READ", "ROUTE"}
    assert {address for address, _ in servers} == {ADDRESS}, f"the routing table names another address: {table}"


def test_load_and_named_queries_through_a_routing_uri(db, graph, driver_log):
    report = neo4j_load(graph, uri=ROUTING, show_progress=False)
    assert report.uri == ROUTING and report.counters["nodes_created"] > 0
    modes = begins(driver_log)
    assert "r" in modes and "w" in modes  # lookups read, batches and schema write
    driver_log.clear()
    routed = query("dependants", {"hospital": "Bạch Mai"}, backend="neo4j", uri=ROUTING)
    assert routed and set(begins(driver_log)) == {"r"}  # a named query only reads
    assert routed == query("dependants", {"hospital": "Bạch Mai"}, backend="neo4j", uri=BOLT)
    again = neo4j_load(graph, uri=ROUTING, show_progress=False)
    assert again.counters["nodes_created"] == again.counters["relationships_created"] == 0


def test_reads_and_writes_take_their_own_transactions(db, driver_log):
    assert cypher("MERGE (t:Tmp {id: $id}) RETURN t.id AS id", {"id": "x"}, uri=ROUTING) == [{"id": "x"}]
    assert begins(driver_log) == ["w"]
    driver_log.clear()
    assert cypher("MATCH (t:Tmp) RETURN count(t) AS n", uri=ROUTING) == [{"n": 1}]
    assert begins(driver_log) == ["r"]
    driver_log.clear()
    # a script: a write then a read, each in its own managed transaction
    rows = cypher("MATCH (t:Tmp {id: 'x'}) SET t.seen = true; MATCH (t:Tmp) RETURN t.seen AS seen", uri=ROUTING)
    assert rows == [{"seen": True}] and begins(driver_log) == ["w", "r"]
    driver_log.clear()
    # what EXPLAIN refuses runs auto-commit, as CALL ... IN TRANSACTIONS must
    cypher("MATCH (t:Tmp) CALL (t) { DETACH DELETE t } IN TRANSACTIONS", uri=ROUTING)
    assert begins(driver_log) == []
    assert cypher("MATCH (t:Tmp) RETURN count(t) AS n", uri=ROUTING) == [{"n": 0}]


def test_a_write_that_meets_a_deadlock_is_retried(db, caplog):
    """A real transient error: another transaction holds node a and then asks for node b, while
    healthgraph's statement holds b and waits for a. The server aborts healthgraph's transaction
    (DeadlockDetected); the driver's managed transaction retries it, and it succeeds."""
    import threading
    import time

    caplog.set_level(logging.WARNING, logger="neo4j")
    db.execute_query("UNWIND ['a', 'b'] AS id CREATE (:LockTest {id: id})")
    holding, outcome = threading.Event(), {}

    def other():
        with db.session() as session:
            tx = session.begin_transaction()
            tx.run("MATCH (n:LockTest {id: 'a'}) SET n.other = true").consume()
            holding.set()
            time.sleep(1.0)  # healthgraph's statement now holds b and waits for a
            try:
                tx.run("MATCH (n:LockTest {id: 'b'}) SET n.other = true").consume()
                tx.commit()
                outcome["other"] = "committed"
            except Exception as exc:  # noqa: BLE001 - reported by the assertion below
                outcome["other"] = repr(exc)

    thread = threading.Thread(target=other)
    thread.start()
    holding.wait(10)
    rows = cypher("MATCH (b:LockTest {id: 'b'}) SET b.ours = true WITH b "
                  "MATCH (a:LockTest {id: 'a'}) SET a.ours = true RETURN count(*) AS n", uri=ROUTING)
    thread.join(30)
    assert rows == [{"n": 1}]
    assert outcome.get("other") == "committed", outcome
    retried = [r.getMessage() for r in caplog.records if "will be retried" in r.getMessage()]
    assert retried and "DeadlockDetected" in retried[0]
    both = cypher("MATCH (n:LockTest) RETURN n.id AS id, n.ours AS ours, n.other AS other ORDER BY id", uri=ROUTING)
    assert both == [{"id": "a", "ours": True, "other": True}, {"id": "b", "ours": True, "other": True}]


def test_the_retry_time_comes_from_the_environment(monkeypatch):
    from healthgraph.errors import HealthgraphError
    from healthgraph.neo4j.connection import RETRY_TIME, retry_time

    monkeypatch.delenv("NEO4J_RETRY_TIME", raising=False)
    assert retry_time() == RETRY_TIME
    monkeypatch.setenv("NEO4J_RETRY_TIME", "30")
    assert retry_time() == 30.0
    monkeypatch.setenv("NEO4J_RETRY_TIME", "soon")
    with pytest.raises(HealthgraphError, match="NEO4J_RETRY_TIME='soon' is not a number of seconds"):
        cypher("RETURN 1 AS ok", uri=ROUTING)
