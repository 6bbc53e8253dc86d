#!/usr/bin/env bash
# What the embedded default's JVM options cost under command load (issue 18: C1 only must not hurt the commands).
# Builds nothing: it starts infra/target/vacant.jar through the launcher (infra/deploy/vacant.sh, class-data sharing
# off so both runs start alike) on a fresh data directory, once with the launcher's options (C1 only) and once with
# C2 back (VACANT_JAVA_OPTS=-XX:TieredStopAtLevel=4); each run discards WARMUP seconds of CLIENTS clients running
# CommandLoad's mix (bench/EmbeddedCommandLoad.java), then measures SECONDS: commands/s, p99, and the server's CPU
# time per command (user + system from /proc: it hardly depends on what else the machine runs), and its RSS.
# Usage: bench/run-embedded-command-bench.sh [seconds, 30] [warm-up seconds, 60] [clients, 4]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE="${1:-30}"
WARMUP_SECONDS="${2:-60}"
CLIENTS="${3:-4}"
WORK="$(mktemp -d -t vacant-embedded-bench-XXXXXX)"
SERVER_PID=""
cleanup() {
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
[[ -f infra/target/vacant.jar ]] || { echo "build infra/target/vacant.jar first (./mvnw -B -q -o -DskipTests package)" >&2; exit 1; }
CLOCK_TICKS="$(getconf CLK_TCK)"
LAUNCHER="$PWD/infra/deploy/vacant.sh"

cpu_ms() {
  awk -v ticks="$CLOCK_TICKS" '{ print int(($14 + $15) * 1000 / ticks) }' "/proc/$SERVER_PID/stat"
}

# one_run LABEL JAVA_OPTS
one_run() {
  local label="$1" data port cpu_before result
  data="$(mktemp -d -p "$WORK" run-XXXX)"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  (cd "$data" && VACANT_CDS=off VACANT_JAVA_OPTS="$2" exec "$LAUNCHER" \
    --vacant.data-dir="$data" --server.port="$port" --server.address=127.0.0.1 --vacant.grpc.port=0 \
    > "$data/server.log" 2>&1) &
  SERVER_PID=$!
  until curl -fs "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "$label: the server died; its log:" >&2; tail -n 40 "$data/server.log" >&2; exit 1; }
    sleep 0.5
  done
  java bench/EmbeddedCommandLoad.java "http://127.0.0.1:$port" "$(cat "$data/operator.token")" "$CLIENTS" \
    "$WARMUP_SECONDS" > /dev/null
  cpu_before="$(cpu_ms)"
  read -r commands elapsed p99 < <(java bench/EmbeddedCommandLoad.java "http://127.0.0.1:$port" \
    "$(cat "$data/operator.token")" "$CLIENTS" "$SECONDS_PER_PHASE")
  result="$(awk -v n="$commands" -v s="$elapsed" -v p="$p99" -v cpu=$(( $(cpu_ms) - cpu_before )) \
    'BEGIN { printf "%7.0f cmds/s  p99 %6.1f ms  server CPU %5.2f ms/command", n / s, p, cpu / n }')"
  printf '%-34s %s  RSS %4d MB  (load %s)\n' "$label" "$result" \
    $(( $(awk '/^VmRSS:/ { print $2 }' "/proc/$SERVER_PID/status") / 1024 )) "$(cut -d ' ' -f 1 /proc/loadavg)"
  kill "$SERVER_PID"
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

echo "java: $(java -version 2>&1 | head -n 1); cores: $(nproc); $CLIENTS clients, ${WARMUP_SECONDS} s warm-up, \
${SECONDS_PER_PHASE} s measured; load average before: $(cut -d ' ' -f 1-3 /proc/loadavg)"
one_run "launcher (C1 only)" ""
one_run "C2 back (-XX:TieredStopAtLevel=4)" "-XX:TieredStopAtLevel=4"
