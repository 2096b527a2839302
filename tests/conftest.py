"""Fixtures every test folder may use."""
from __future__ import annotations

import os
import socket

import pytest


@pytest.fixture
def free_port() -> str:
    """A loopback TCP port nobody listens on now, for a server a test starts itself."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


@pytest.fixture(scope="session")
def sparql_endpoint() -> str:
    """The real Fuseki dataset of ``scripts/fuseki-server.sh`` (``SPARQL_ENDPOINT``); fails if it does not answer."""
    from healthgraph.errors import HealthgraphError
    from healthgraph.rdf.sparql_store import SparqlStore

    url = os.environ.get("SPARQL_ENDPOINT")
    if not url:
        pytest.fail("SPARQL_ENDPOINT is not set; start Fuseki with `bash scripts/fuseki-server.sh start` and export "
                    "SPARQL_ENDPOINT=http://127.0.0.1:3030/ds (scripts/test.sh does both)", pytrace=False)
    store = SparqlStore(url)
    try:
        store.is_empty()
    except HealthgraphError as exc:
        pytest.fail(f"the Fuseki server is not reachable ({exc})", pytrace=False)
    finally:
        store.close()
    return url
