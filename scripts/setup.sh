#!/usr/bin/env bash
# Install everything healthgraph's tests need on a fresh Debian machine:
# the package with its test extras, Debian's chromium (browser tests) and the
# Neo4j 5.26 server assembled from Maven Central (scripts/neo4j-server.sh build).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "setup: installing Debian chromium" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

echo "setup: installing healthgraph with test extras" >&2
python -m pip install -q --disable-pip-version-check -e '.[test]'

bash scripts/neo4j-server.sh build
