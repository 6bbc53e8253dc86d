#!/usr/bin/env bash
# Cold-start benchmark of the embedded default (H2 files, no PostgreSQL needed). Builds nothing: it runs
# infra/target/vacant.jar (build it first with ./mvnw -B -q -o -DskipTests package). Each run starts the server in a
# fresh temporary data directory on a free loopback port, measures the wall time from launching the JVM until
# GET /actuator/health answers "UP", then the resident set size (VmRSS from /proc) after IDLE_SECONDS idle, and
# stops it. Prints every run and the medians (targets: start <= 3 s, idle RSS <= 300 MB).
# MODE "cds" does the same with Spring Boot's class-data-sharing support: the jar is extracted with
# -Djarmode=tools extract, a training run (-Dspring.context.exit=onRefresh) writes a dynamic CDS archive with
# -XX:ArchiveClassesAtExit, and the measured runs use -XX:SharedArchiveFile. MODE "both" prints them side by side.
# Usage: bench/run-startup-bench.sh [runs] [plain|cds|both]   (env: IDLE_SECONDS, default 10; JAVA_OPTS, extra JVM
# options for every run, e.g. "-Xmx256m")
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-5}"
MODE="${2:-both}"
IDLE_SECONDS="${IDLE_SECONDS:-10}"
JAR="$PWD/infra/target/vacant.jar"
read -r -a EXTRA <<< "${JAVA_OPTS:-}"
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

# start_server DATA_DIR PORT JVM-ARGS... -jar JAR: starts the server in the background (output in DATA_DIR/server.log)
start_server() {
  local data="$1" port="$2"
  shift 2
  (cd "$data" && exec java "${EXTRA[@]}" -Dvacant.data-dir="$data" -Dserver.port="$port" \
    -Dserver.address=127.0.0.1 "$@" > "$data/server.log" 2>&1) &
  SERVER_PID=$!
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# one_run LABEL JVM-ARGS...: prints "START_MS RSS_KB"
one_run() {
  local label="$1"
  shift
  local data port started up rss
  data="$(mktemp -d -p "$WORK" run-XXXX)"
  port="$(free_port)"
  started="$(now_ms)"
  start_server "$data" "$port" "$@"
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null || (( $(now_ms) - started > 120000 )); then
      echo "$label: the server did not come up; its log:" >&2
      tail -n 40 "$data/server.log" >&2
      stop_server
      exit 1
    fi
    sleep 0.05
  done
  up=$(( $(now_ms) - started ))
  sleep "$IDLE_SECONDS"
  rss="$(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status")"
  stop_server
  echo "$up $rss"
}

# measure LABEL JVM-ARGS...: RUNS runs, one line each, then the medians
measure() {
  local label="$1"
  shift
  local starts=() rsses=() result
  for (( i = 1; i <= RUNS; i++ )); do
    result="$(one_run "$label" "$@")"
    starts+=("${result% *}")
    rsses+=("${result#* }")
    printf '%-6s run %d: up in %5d ms, idle RSS %4d MB\n' "$label" "$i" "${result% *}" $(( (${result#* } + 512) / 1024 ))
  done
  SUMMARY+=("$(printf '%-6s %10.2f s %12.0f MB' "$label" \
    "$(printf '%s\n' "${starts[@]}" | median | awk '{ print $1 / 1000 }')" \
    "$(printf '%s\n' "${rsses[@]}" | median | awk '{ print $1 / 1024 }')")")
}

# prepare_cds: extracts the jar and writes the CDS archive with a training run; sets CDS_JAR and CDS_ARCHIVE
prepare_cds() {
  local data
  java -Djarmode=tools -jar "$JAR" extract --destination "$WORK/extracted" > /dev/null
  CDS_JAR="$WORK/extracted/vacant.jar"
  CDS_ARCHIVE="$WORK/vacant.jsa"
  data="$(mktemp -d -p "$WORK" training-XXXX)"
  (cd "$data" && java "${EXTRA[@]}" -XX:ArchiveClassesAtExit="$CDS_ARCHIVE" -Dspring.context.exit=onRefresh \
    -Dvacant.data-dir="$data" -Dserver.port=0 -Dserver.address=127.0.0.1 -jar "$CDS_JAR" > "$data/training.log" 2>&1) \
    || true
  if [[ ! -s "$CDS_ARCHIVE" ]]; then
    echo "the CDS training run wrote no archive; its log:" >&2
    tail -n 40 "$data/training.log" >&2
    exit 1
  fi
}

SUMMARY=()
echo "java: $(java -version 2>&1 | head -n 1); cores: $(nproc); load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
if [[ "$MODE" == plain || "$MODE" == both ]]; then
  measure plain -jar "$JAR"
fi
if [[ "$MODE" == cds || "$MODE" == both ]]; then
  prepare_cds
  measure cds -XX:SharedArchiveFile="$CDS_ARCHIVE" -jar "$CDS_JAR"
fi
echo
echo "load average after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
printf '%-6s %12s %15s   (medians of %d runs; targets: <= 3 s, <= 300 MB)\n' mode "up in" "idle RSS" "$RUNS"
printf '%s\n' "${SUMMARY[@]}"
