"""Fixtures for the Neo4j tests: the REAL server started by ``scripts/neo4j-server.sh``.

The tests fail (never skip) when the server at ``NEO4J_URI`` cannot be reached: CI starts
it in ``scripts/test.sh``; locally run ``bash scripts/neo4j-server.sh start``.
"""
from __future__ import annotations

import os
import subprocess

import pytest

from healthgraph.graph import to_property_graph
from healthgraph.model import Corpus
from neo4j_test_helpers import ROOT, URI, small_corpus


@pytest.fixture(scope="session")
def driver():
    """A driver to the test server; fails the test run if the server does not answer."""
    import neo4j

    drv = neo4j.GraphDatabase.driver(URI, auth=("neo4j", os.environ.get("NEO4J_PASSWORD", "neo4j")),
                                     connection_timeout=10, notifications_min_severity="OFF")
    try:
        drv.verify_connectivity()
    except Exception as exc:  # the fixture must fail loudly, never skip
        drv.close()
        pytest.fail(f"the Neo4j test server at {URI} is not reachable ({exc}); "
                    "start it with `bash scripts/neo4j-server.sh start`", pytrace=False)
    yield drv
    drv.close()


@pytest.fixture
def db(driver):
    """The test server's database, emptied before the test (constraints stay)."""
    driver.execute_query("MATCH (n) DETACH DELETE n")
    return driver


@pytest.fixture
def corpus() -> Corpus:
    return small_corpus()


@pytest.fixture
def graph(corpus):
    return to_property_graph(corpus)


@pytest.fixture
def auth_server(free_port):
    """A second real server with authentication on (user neo4j, password below), on its own port."""
    port, password = free_port, "hg-test-secret"
    env = {**os.environ, "NEO4J_BOLT_PORT": port, "NEO4J_SERVER_PASSWORD": password, "NEO4J_HEAP": "512m"}
    script = ROOT / "scripts" / "neo4j-server.sh"
    started = subprocess.run(["bash", str(script), "start"], env=env, capture_output=True, text=True)
    if started.returncode != 0:
        pytest.fail(f"could not start the auth-enabled Neo4j server: {started.stderr[-2000:]}", pytrace=False)
    yield f"bolt://127.0.0.1:{port}", password
    subprocess.run(["bash", str(script), "stop"], env=env, capture_output=True, text=True)
