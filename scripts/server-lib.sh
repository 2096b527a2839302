# Shared by scripts/neo4j-server.sh and scripts/fuseki-server.sh: the pid file, the wait for a
# started server, stop and status. The sourcing script sets NAME, PORT, PID_FILE, LOG_FILE,
# DATA (the folder removed on stop), URL (what status prints), TARGET (the build folder) and
# defines `ready` (true once the server answers) and `built` (true when the build is up to date).

die() { echo "$NAME: $*" >&2; exit 1; }

needs_build() {
  # False (and says so) when the sourcing script's `built` holds; otherwise checks that Maven and
  # a JDK are there to build with.
  if built; then
    echo "$NAME: already built ($TARGET)"
    return 1
  fi
  command -v mvn >/dev/null || die "Maven (mvn) is not installed; apt-get install maven"
  command -v java >/dev/null || die "Java 17+ is not installed; apt-get install openjdk-17-jdk-headless"
}

running_pid() {
  # Print the server's pid if the pid file names a live process.
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; }

await_start() {
  # Wait for the server of pid $1 to be ready within $2 seconds, or stop it and show its log.
  local pid="$1" timeout="$2" waited=0
  echo "$pid" >"$PID_FILE"
  until ready; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$PID_FILE"
      echo "$NAME: the server exited during start-up; last lines of $LOG_FILE:" >&2
      tail -n 30 "$LOG_FILE" >&2
      exit 1
    fi
    if (( waited >= timeout )); then
      kill "$pid" 2>/dev/null || true
      rm -f "$PID_FILE"
      echo "$NAME: no answer on port $PORT within ${timeout}s; last lines of $LOG_FILE:" >&2
      tail -n 30 "$LOG_FILE" >&2
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "$NAME: running (pid $pid) at $URL after ${waited}s; log $LOG_FILE"
}

stop() {
  local pid
  if ! pid="$(running_pid)"; then
    rm -f "$PID_FILE"
    echo "$NAME: not running on port $PORT"
    return
  fi
  kill "$pid"
  # A clean shutdown takes a few seconds; do not leave a JVM behind.
  for _ in $(seq 1 30); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$NAME: pid $pid ignored SIGTERM for 30s; killing it" >&2
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$PID_FILE"
  rm -rf "$DATA"
  echo "$NAME: stopped (pid $pid)"
}

status() {
  local pid
  if pid="$(running_pid)"; then
    if port_open; then
      echo "$NAME: running (pid $pid) at $URL"
    else
      echo "$NAME: starting (pid $pid), port $PORT not open yet"
    fi
  else
    echo "$NAME: not running on port $PORT"
    return 3
  fi
}

dispatch() {
  case "${1:-}" in
    build) build ;;
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 build|start|stop|status" >&2; exit 2 ;;
  esac
}
