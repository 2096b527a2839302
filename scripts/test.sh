#!/usr/bin/env bash
# The test command of the README: install, start the real Neo4j and Fuseki servers, run
# pytest, stop them. Ports: NEO4J_BOLT_PORT (7687) and FUSEKI_PORT (3030), so that several
# runs can share a machine; the tests reach the servers through NEO4J_URI and SPARQL_ENDPOINT.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
python -m ruff check src tests benchmarks   # pyflakes rules (pyproject.toml [tool.ruff])
python -m mypy                              # types of src/healthgraph (pyproject.toml [tool.mypy], py.typed)
export NEO4J_BOLT_PORT="${NEO4J_BOLT_PORT:-7687}" FUSEKI_PORT="${FUSEKI_PORT:-3030}"
trap 'bash scripts/fuseki-server.sh stop; bash scripts/neo4j-server.sh stop' EXIT
bash scripts/neo4j-server.sh start
bash scripts/fuseki-server.sh start
# neo4j:// asks the server for its routing table (reads to followers, writes to the leader
# of a cluster); the development server answers it with itself
export NEO4J_URI="${NEO4J_URI:-neo4j://127.0.0.1:$NEO4J_BOLT_PORT}"
export SPARQL_ENDPOINT="${SPARQL_ENDPOINT:-http://127.0.0.1:$FUSEKI_PORT/ds}"
python -m pytest -q "$@"
