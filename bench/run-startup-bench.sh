#!/usr/bin/env bash
# Cold-start benchmark of the embedded default (H2 files, no PostgreSQL needed). Builds nothing: it runs
# infra/target/vacant.jar (build it first with ./mvnw -B -q -o -DskipTests package). Each run starts the server in a
# fresh temporary data directory on free loopback ports, measures the wall time from launching until
# GET /actuator/health answers "UP" and the CPU time the process used until then (user + system: unlike the wall
# time, it hardly depends on what else the machine runs), then the resident set size (VmRSS from /proc) after
# IDLE_SECONDS idle, and stops it. Prints every run and the medians (targets: start <= 3 s, idle RSS <= 300 MB).
# MODE "plain" starts "java -jar vacant.jar"; MODE "shipped" starts the way the README does, infra/deploy/vacant.sh
# (class-data sharing and the embedded default's JVM options; its CDS cache is prepared first, in a fresh directory,
# and that one-off preparation is timed apart); MODE "both" prints them side by side.
# Usage: bench/run-startup-bench.sh [runs] [plain|shipped|both]   (env: IDLE_SECONDS, default 10; JAVA_OPTS, extra
# JVM options for every run, e.g. "-Xmx256m", last on the launcher's command line; JAVA_HOME, the JDK of both modes,
# as for the launcher: on a JDK 25 or later its cache is the AOT cache instead of a CDS archive)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
MODE="${2:-both}"
IDLE_SECONDS="${IDLE_SECONDS:-10}"
JAR="$PWD/infra/target/vacant.jar"
LAUNCHER="$PWD/infra/deploy/vacant.sh"
read -r -a EXTRA <<< "${JAVA_OPTS:-}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
CLOCK_TICKS="$(getconf CLK_TCK)"
if [[ ! -f "$JAR" ]]; then
  echo "no $JAR: build it first with ./mvnw -B -q -o -DskipTests package" >&2
  exit 1
fi
WORK="$(mktemp -d -t vacant-startup-XXXXXX)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

now_ms() {
  echo $(( $(date +%s%N) / 1000000 ))
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# start_server DATA_DIR PORT COMMAND...: starts the server in the background (output in DATA_DIR/server.log); the
# command must exec the JVM, so that SERVER_PID is the JVM's
start_server() {
  local data="$1" port="$2"
  shift 2
  (cd "$data" && exec "$@" --vacant.data-dir="$data" --server.port="$port" --server.address=127.0.0.1 \
    --vacant.grpc.port=0 > "$data/server.log" 2>&1) &
  SERVER_PID=$!
}

# cpu_ms: user + system CPU time of the server so far, in milliseconds
cpu_ms() {
  awk -v ticks="$CLOCK_TICKS" '{ print int(($14 + $15) * 1000 / ticks) }' "/proc/$SERVER_PID/stat"
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# one_run LABEL COMMAND...: prints "START_MS CPU_MS RSS_KB CONTEXT" (CONTEXT: "AOT" when the start ran the context
# the build processed ahead of time, else "regular")
one_run() {
  local label="$1"
  shift
  local data port started up cpu rss
  data="$(mktemp -d -p "$WORK" run-XXXX)"
  port="$(free_port)"
  started="$(now_ms)"
  start_server "$data" "$port" "$@"
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null || (( $(now_ms) - started > 300000 )); then
      echo "$label: the server did not come up; its log:" >&2
      tail -n 40 "$data/server.log" >&2
      stop_server
      exit 1
    fi
    sleep 0.05
  done
  up=$(( $(now_ms) - started ))
  cpu="$(cpu_ms)"
  sleep "$IDLE_SECONDS"
  rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status")"
  stop_server
  echo "$up $cpu $rss $(grep -q 'Starting AOT-processed' "$data/server.log" && echo AOT || echo regular)"
}

# measure LABEL COMMAND...: RUNS runs, one line each, then the medians
measure() {
  local label="$1"
  shift
  local starts=() cpus=() rsses=() result run
  for (( i = 1; i <= RUNS; i++ )); do
    result="$(one_run "$label" "$@")"
    read -r -a run <<< "$result"
    starts+=("${run[0]}")
    cpus+=("${run[1]}")
    rsses+=("${run[2]}")
    printf '%-8s run %d: up in %5d ms (CPU %5d ms), idle RSS %4d MB, %s context\n' "$label" "$i" "${run[0]}" \
      "${run[1]}" $(( (${run[2]} + 512) / 1024 )) "${run[3]}"
  done
  SUMMARY+=("$(printf '%-8s %8.2f s %8.2f s %10.0f MB' "$label" \
    "$(printf '%s\n' "${starts[@]}" | median | awk '{ print $1 / 1000 }')" \
    "$(printf '%s\n' "${cpus[@]}" | median | awk '{ print $1 / 1000 }')" \
    "$(printf '%s\n' "${rsses[@]}" | median | awk '{ print $1 / 1024 }')")")
}

SUMMARY=()
echo "java: $("$JAVA" -version 2>&1 | head -n 1); cores: $(nproc);" \
  "load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
if [[ "$MODE" == plain || "$MODE" == both ]]; then
  measure plain "$JAVA" "${EXTRA[@]}" -jar "$JAR"
fi
if [[ "$MODE" == shipped || "$MODE" == both ]]; then
  export VACANT_CDS_DIR="$WORK/cds" VACANT_JAR="$JAR" VACANT_JAVA_OPTS="${JAVA_OPTS:-}"
  prepared="$(now_ms)"
  VACANT_LAUNCHER_PREPARE=1 "$LAUNCHER" || { echo "the launcher prepared no CDS or AOT cache" >&2; exit 1; }
  echo "shipped: the launcher prepared its cache ($(cd "$VACANT_CDS_DIR" && ls vacant.*)) in" \
    "$(( $(now_ms) - prepared )) ms (once per build)"
  echo "shipped: $(VACANT_LAUNCHER_DRY_RUN=1 "$LAUNCHER")"
  measure shipped "$LAUNCHER"
fi
echo
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
printf '%-8s %10s %10s %13s   (medians of %d runs; targets: up in <= 3 s, idle RSS <= 300 MB)\n' mode "up in" \
  "CPU" "idle RSS" "$RUNS"
printf '%s\n' "${SUMMARY[@]}"
