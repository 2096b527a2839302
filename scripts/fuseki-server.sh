#!/usr/bin/env bash
# A real Apache Jena Fuseki 5.6 server for development and CI, without Docker: the
# jena-fuseki-main server (Maven Central) with one TDB2 dataset /ds on a fixed loopback port.
#
#   bash scripts/fuseki-server.sh build    # fetch the jars once (needs Maven, Java 17+)
#   bash scripts/fuseki-server.sh start    # background server, dataset http://127.0.0.1:$FUSEKI_PORT/ds
#   bash scripts/fuseki-server.sh status
#   bash scripts/fuseki-server.sh stop
#
# The dataset answers SPARQL queries, SPARQL Update and the Graph Store Protocol at
# http://127.0.0.1:$FUSEKI_PORT/ds (also /ds/query, /ds/update, /ds/data); its default graph
# is the union of its named graphs (tdb2:unionDefaultGraph), as healthgraph's queries expect.
# A second dataset, /plain, keeps a default graph of its own (for the test of that check).
#
# Environment: FUSEKI_PORT (3030), FUSEKI_HEAP (1g), FUSEKI_START_TIMEOUT seconds (60),
# FUSEKI_SERVER_PASSWORD (unset: no authentication; set: HTTP basic authentication, user
# $FUSEKI_SERVER_USER (default admin) with that password, for every request to /ds).
# The TDB2 database lives in .fuseki/data-<port>/ and is fresh on every start.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PROJECT="$ROOT/scripts/fuseki-server"
TARGET="$PROJECT/target"
STATE="$ROOT/.fuseki"
PORT="${FUSEKI_PORT:-3030}"
PID_FILE="$STATE/server-$PORT.pid"
LOG_FILE="$STATE/server-$PORT.log"
DATA="$STATE/data-$PORT"
STAMP="$TARGET/.built"
NAME=fuseki-server
URL="http://127.0.0.1:$PORT/ds"
# shellcheck source=scripts/server-lib.sh
source "$ROOT/scripts/server-lib.sh"

built() {
  [[ -f "$STAMP" && -d "$TARGET/dependency" ]] || return 1
  [[ -z "$(find "$PROJECT/pom.xml" -newer "$STAMP" -print -quit)" ]]
}

build() {
  needs_build || return 0
  echo "fuseki-server: fetching jena-fuseki-main and its dependencies (~40 MB into ~/.m2)" >&2
  rm -rf "$TARGET/dependency"
  mvn -q -B -Dstyle.color=never -f "$PROJECT/pom.xml" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$TARGET/dependency"
  touch "$STAMP"
}

# Ready when /$/ping answers over HTTP (401 with authentication on: still up)
ready() { [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/\$/ping" || true)" =~ ^[1-5] ]]; }

config() {
  # The service: query, update and read-write Graph Store Protocol on /ds, over a TDB2
  # dataset whose default graph is the union of the named graphs.
  cat <<TTL
PREFIX fuseki: <http://jena.apache.org/fuseki#>
PREFIX rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX tdb2:   <http://jena.apache.org/2016/tdb#>

<#service> rdf:type fuseki:Service ;
    fuseki:name "ds" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ] ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "query" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:query ; fuseki:name "sparql" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:update ] ;
    fuseki:endpoint [ fuseki:operation fuseki:update ; fuseki:name "update" ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ; fuseki:name "data" ] ;
    fuseki:dataset <#dataset> .

<#dataset> rdf:type tdb2:DatasetTDB2 ;
    tdb2:location "$DATA/tdb2" ;
    tdb2:unionDefaultGraph true .

# /plain: a dataset whose default graph is a graph of its own, as in many stores; healthgraph
# refuses to query it (its tests check the message)
<#plain> rdf:type fuseki:Service ;
    fuseki:name "plain" ;
    fuseki:endpoint [ fuseki:operation fuseki:query ] ;
    fuseki:endpoint [ fuseki:operation fuseki:update ] ;
    fuseki:endpoint [ fuseki:operation fuseki:gsp-rw ] ;
    fuseki:dataset [ rdf:type tdb2:DatasetTDB2 ; tdb2:location "$DATA/tdb2-plain" ] .
TTL
}

start() {
  built || die "not built yet; run: bash scripts/fuseki-server.sh build"
  if pid="$(running_pid)"; then
    echo "fuseki-server: already running (pid $pid) at http://127.0.0.1:$PORT/ds"
    return
  fi
  port_open && die "port $PORT is already in use by another process; set FUSEKI_PORT"
  mkdir -p "$STATE"
  rm -rf "$DATA"
  mkdir -p "$DATA"
  config >"$DATA/config.ttl"
  local auth=()
  if [[ -n "${FUSEKI_SERVER_PASSWORD:-}" ]]; then
    # Jetty's realm file: the password never appears on a command line
    (umask 077; printf '%s: %s\n' "${FUSEKI_SERVER_USER:-admin}" "$FUSEKI_SERVER_PASSWORD" >"$DATA/passwd")
    auth=(--passwd="$DATA/passwd" --auth=basic)
  fi
  nohup java "-Xmx${FUSEKI_HEAP:-1g}" -XX:+ExitOnOutOfMemoryError \
      -cp "$TARGET/dependency/*" org.apache.jena.fuseki.main.cmds.FusekiMainCmd \
      --localhost --port="$PORT" --config="$DATA/config.ttl" --ping ${auth[@]+"${auth[@]}"} \
      >"$LOG_FILE" 2>&1 </dev/null &
  await_start $! "${FUSEKI_START_TIMEOUT:-60}"
}

dispatch "$@"
