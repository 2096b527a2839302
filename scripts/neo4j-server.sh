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

die() { echo "neo4j-server: $*" >&2; exit 1; }

built() {
  # Up to date when the stamp is newer than the POM and every Java source.
  [[ -f "$STAMP" && -d "$TARGET/dependency" ]] || return 1
  [[ -z "$(find "$PROJECT/pom.xml" "$PROJECT/src" -newer "$STAMP" -print -quit)" ]]
}

build() {
  if built; then
    echo "neo4j-server: already built ($TARGET)"
    return
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is not installed; apt-get install maven"
  command -v java >/dev/null || die "Java 17+ is not installed; apt-get install openjdk-17-jdk-headless"
  echo "neo4j-server: building scripts/neo4j-server (the first build downloads ~150 MB of jars into ~/.m2)" >&2
  rm -rf "$TARGET/dependency"
  mvn -q -B -Dstyle.color=never -f "$PROJECT/pom.xml" package dependency:copy-dependencies -DincludeScope=runtime
  touch "$STAMP"
}

running_pid() {
  # Print the server's pid if the pid file names a live process.
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

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
  local pid=$!
  echo "$pid" >"$PID_FILE"
  local timeout="${NEO4J_START_TIMEOUT:-120}" waited=0
  # Ready when the server printed its Bolt URI and the port accepts connections.
  until grep -q "ready at bolt://" "$LOG_FILE" 2>/dev/null && port_open; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      echo "neo4j-server: the server exited during start-up; last lines of $LOG_FILE:" >&2
      tail -n 30 "$LOG_FILE" >&2
      exit 1
    fi
    if (( waited >= timeout )); then
      kill "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      echo "neo4j-server: Bolt did not answer on port $PORT within ${timeout}s; last lines of $LOG_FILE:" >&2
      tail -n 30 "$LOG_FILE" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "neo4j-server: running (pid $pid) at bolt://127.0.0.1:$PORT after ${waited}s; log $LOG_FILE"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    echo "neo4j-server: not running on port $PORT"
    return
  fi
  kill "$pid"
  # A clean shutdown takes a few seconds; do not leave a JVM behind.
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "neo4j-server: pid $pid ignored SIGTERM for 30s; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  rm -rf "$STATE/data-$PORT"
  echo "neo4j-server: stopped (pid $pid)"
}

status() {
  if pid="$(running_pid)"; then
    if port_open; then
      echo "neo4j-server: running (pid $pid) at bolt://127.0.0.1:$PORT"
    else
      echo "neo4j-server: starting (pid $pid), Bolt port $PORT not open yet"
    fi
  else
    echo "neo4j-server: not running on port $PORT"
    return 3
  fi
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 build|start|stop|status" >&2; exit 2 ;;
esac
