#!/usr/bin/env bash
# Issue 16 benchmark: tasks/s through the task loop with a local skill (a prompt routed to text.count) at 1, 8 and 64
# concurrent tasks, p50/p99 from submission to the task's terminal state, next to the tuple out+in pairs/s of the
# same node in the same run (REST, one lane per client). Starts the app jar on a scratch PostgreSQL database and
# drives it over the REST API only (bench/TaskLoad.java, JDK classes only).
#
# What is measured depends on what runs: a probe task decides. Once the execution lane is deployed (workers on the
# `tasks` lane, review, reward), tasks run the whole loop and the figures are submission to APPROVED ("loop" mode).
# Until then (this branch: execution is being built in parallel), no worker takes tasks, and the figures are
# submission through the preflight gate, routing and the signed SUBMITTED entry until the tasks read model shows the
# task QUEUED ("queued" mode). The mode is printed above the table.
#
# Needs a local PostgreSQL (as .ci/run sets up).
# Usage: bench/run-task-bench.sh [seconds-per-phase, 20] [warm-up seconds, 60] [probe seconds, 15]
# (env: PGPASSWORD, default "postgres"; PGHOST, PGUSER; BENCH_CLIENTS, default "1 8 64"; BENCH_PORT, default 18081;
# BENCH_APP_ARGS: extra arguments of the app, e.g. to configure its workers; BENCH_JDBC: an existing database to use
# instead of a scratch one, which is then neither created nor dropped: pass its key-encryption key in BENCH_APP_ARGS
# (--vacant.custody.kek=...), and BENCH_TOKEN, an operator token, if it holds one already (no token is bootstrapped
# then); BENCH_START_SECONDS: how long the app may take to start, default 300; BENCH_SKIP_BUILD=1: use the jar built)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE="${1:-20}"
WARMUP_SECONDS="${2:-60}"
PROBE_SECONDS="${3:-15}"
PORT="${BENCH_PORT:-18081}"
MODEL=bench-model
DATA=target/task-bench-data
source bench/scratch-db.sh

[ "${BENCH_SKIP_BUILD:-}" = 1 ] || ./mvnw -B -q -DskipTests -pl infra -am package
if [ -n "${BENCH_JDBC:-}" ]; then
  SCRATCH_JDBC="$BENCH_JDBC"
  DROP_SCRATCH=true
else
  scratch_db vacant_task_bench
  DROP_SCRATCH='psql -h "$PGHOST" -U "$PGUSER" -qc "drop database if exists $SCRATCH_DB with (force)"'
fi
rm -rf "$DATA"
mkdir -p target
# shellcheck disable=SC2086 # BENCH_APP_ARGS is a list of arguments
VACANT_DB_URL="$SCRATCH_JDBC" VACANT_DB_USER="$PGUSER" VACANT_DB_PASSWORD="$PGPASSWORD" \
  java -jar infra/target/vacant.jar --spring.profiles.active=postgres --server.port="$PORT" --vacant.grpc.port=0 \
    --vacant.data-dir="./$DATA" --vacant.custody.generate-kek=true --vacant.security.bootstrap-operator-token=true \
    --vacant.tasks.allowed-models="$MODEL" --logging.level.root=warn ${BENCH_APP_ARGS:-} \
    > target/task-bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; eval "$DROP_SCRATCH"' EXIT
for _ in $(seq 1 "${BENCH_START_SECONDS:-300}"); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break
  sleep 1
done
if [ -n "${BENCH_TOKEN:-}" ]; then
  TOKEN="$BENCH_TOKEN"
else
  for _ in $(seq 1 30); do [ -s "$DATA/operator.token" ] && break; sleep 1; done
  TOKEN=$(tr -d '\n' < "$DATA/operator.token")
fi
# shellcheck disable=SC2086 # BENCH_CLIENTS is a list of concurrency levels
java bench/TaskLoad.java "http://127.0.0.1:$PORT" "$TOKEN" "$MODEL" "$SECONDS_PER_PHASE" "$WARMUP_SECONDS" \
  "$PROBE_SECONDS" ${BENCH_CLIENTS:-1 8 64}
