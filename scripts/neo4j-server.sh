#!/usr/bin/env bash
# A real Neo4j Community 5.26 LTS server for development and CI, without Docker:
# the neo4j-harness in-process server (Maven Central) behind a fixed Bolt port.
#
#   bash scripts/neo4j-server.sh build    # compile + fetch the jars once (needs Maven, Java 17+)
#   bash scripts/neo4j-server.sh start    # background server on bolt://127.0.0.1:$NEO4J_BOLT_PORT
#   bash scripts/neo4j-server.sh status
#   bash scripts/neo4j-server.sh stop
#
# Environment: NEO4J_BOLT_PORT (7687), NEO4J_HEAP (1g), NEO4J_PAGECACHE (256m),
# NEO4J_START_TIMEOUT seconds (120), NEO4J_SERVER_PASSWORD (unset: auth off, any
# credentials accepted; set (8+ characters): auth on, user neo4j with that password).
# The database lives in .neo4j/data-<port>/ and is fresh on every start.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PROJECT="$ROOT/scripts/neo4j-server"
TARGET="$PROJECT/target"
STATE="$ROOT/.neo4j"
PORT="${NEO4J_BOLT_PORT:-7687}"
PID_FILE="$STATE/server-$PORT.pid"
LOG_FILE="$STATE/server-$PORT.log"
STAMP="$TARGET/.built"
NAME=neo4j-server
URL="bolt://127.0.0.1:$PORT"
DATA="$STATE/data-$PORT"
# shellcheck source=scripts/server-lib.sh
source "$ROOT/scripts/server-lib.sh"

built() {
  # Up to date when the stamp is newer than the POM and every Java source.
  [[ -f "$STAMP" && -d "$TARGET/dependency" ]] || return 1
  [[ -z "$(find "$PROJECT/pom.xml" "$PROJECT/src" -newer "$STAMP" -print -quit)" ]]
}

build() {
  needs_build || return 0
  echo "neo4j-server: building scripts/neo4j-server (the first build downloads ~150 MB of jars into ~/.m2)" >&2
  rm -rf "$TARGET/dependency"
  mvn -q -B -Dstyle.color=never -f "$PROJECT/pom.xml" package dependency:copy-dependencies -DincludeScope=runtime
  touch "$STAMP"
}

# Ready when the server printed its Bolt URI and the port accepts connections.
ready() { grep -q "ready at bolt://" "$LOG_FILE" 2>/dev/null && port_open; }

start() {
  built || die "not built yet; run: bash scripts/neo4j-server.sh build"
  if pid="$(running_pid)"; then
    echo "neo4j-server: already running (pid $pid) at bolt://127.0.0.1:$PORT"
    return
  fi
  port_open && die "port $PORT is already in use by another process; set NEO4J_BOLT_PORT"
  mkdir -p "$STATE"
  rm -rf "$STATE/data-$PORT"
  NEO4J_BOLT_PORT="$PORT" NEO4J_WORKING_DIR="$STATE/data-$PORT" \
    nohup java "-Xmx${NEO4J_HEAP:-1g}" -Xms256m -XX:+ExitOnOutOfMemoryError \
      -cp "$TARGET/classes:$TARGET/dependency/*" healthgraph.devserver.DevServer \
      >"$LOG_FILE" 2>&1 </dev/null &
  await_start $! "${NEO4J_START_TIMEOUT:-120}"
}

dispatch "$@"
