#!/usr/bin/env bash
# The test command of the README: install, start the real Neo4j server, run pytest, stop it.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
python -m ruff check src tests benchmarks   # pyflakes rules (pyproject.toml [tool.ruff])
python -m mypy                              # types of src/healthgraph (pyproject.toml [tool.mypy], py.typed)
bash scripts/neo4j-server.sh start
trap 'bash scripts/neo4j-server.sh stop' EXIT
export NEO4J_URI="${NEO4J_URI:-bolt://127.0.0.1:7687}"
python -m pytest -q "$@"
