#!/usr/bin/env bash
# Install everything healthgraph's tests need on a fresh Debian machine:
# the package with its test extras, Debian's chromium (browser tests), Maven and the
# Neo4j 5.26 server assembled from Maven Central (scripts/neo4j-server.sh build), and the
# Apache Jena Fuseki 5.6 server from Maven Central (scripts/fuseki-server.sh build).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages missing on this machine: chromium (browser tests), Maven and a JDK 17
# (to assemble the Neo4j server)
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v curl >/dev/null 2>&1 || missing+=(curl)  # scripts/fuseki-server.sh waits for /$/ping
if (( ${#missing[@]} )); then
  echo "setup: installing Debian packages: ${missing[*]}" >&2
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

echo "setup: installing healthgraph with test extras" >&2
python -m pip install -q --disable-pip-version-check -e '.[test]'

bash scripts/neo4j-server.sh build
bash scripts/fuseki-server.sh build
