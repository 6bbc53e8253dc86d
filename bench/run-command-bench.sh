#!/usr/bin/env bash
# Issues 3 and 18 benchmark: signed commands/s and p50/p99 at 1, 8 and 32 clients against the app on PostgreSQL,
# next to the plain-Axon baseline (bench/plain-axon: same mix unsigned, same JDBC event store, own database) with
# the ratio (against the mean of the baseline's phases just before and just after each of Vacant's), the raw
# INSERT+COMMIT rate of the same database, the same command mix over gRPC (own columns), the projections' catch-up on
# both, and authenticated GET/s on both. Needs a local PostgreSQL (as .ci/run sets up).
# Usage: bench/run-command-bench.sh [seconds-per-phase, 20] [warm-up seconds, 90]   (env: PGPASSWORD, default
# "postgres"; BENCH_CLIENTS, default "1 8 32"; BENCH_DB, default vacant_bench, dropped and created, and
# <BENCH_DB>_plain for the baseline; BENCH_PORT / BENCH_GRPC_PORT / BENCH_PLAIN_PORT, default 18080 / 19090 / 18081;
# BENCH_JFR=<file.jfr> records the Vacant server with JDK Flight Recorder, settings "profile"; BENCH_JAR=<vacant.jar>
# runs another build of the server, e.g. an earlier commit's, against the same baseline and load; BENCH_JAVA_OPTS adds
# JVM options to the Vacant server only)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE="${1:-20}"
WARMUP_SECONDS="${2:-90}"
export PGPASSWORD="${PGPASSWORD:-postgres}"
DB="${BENCH_DB:-vacant_bench}"
PORT="${BENCH_PORT:-18080}"
GRPC_PORT="${BENCH_GRPC_PORT:-19090}"
PLAIN_PORT="${BENCH_PLAIN_PORT:-18081}"
DATA=target/bench-data

# waits up to 2 minutes for the application on port $1 to answer its health check
await_up() {
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$1/actuator/health" > /dev/null && return
    sleep 1
  done
}

pg_isready -h 127.0.0.1 -q || pg_ctlcluster 15 main start
for db in "$DB" "${DB}_plain"; do
  psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
done
# also writes each module's runtime classpath; infra's carries the gRPC client of the load generator
./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
./mvnw -B -q -f bench/plain-axon/pom.xml -DskipTests package
rm -rf "$DATA"
mkdir -p target
JDBC="jdbc:postgresql://127.0.0.1:5432/$DB"
PLAIN_JDBC="jdbc:postgresql://127.0.0.1:5432/${DB}_plain"
JFR_OPTS=()
[ -n "${BENCH_JFR:-}" ] && JFR_OPTS=("-XX:FlightRecorderOptions:stackdepth=256" "-XX:StartFlightRecording=filename=$BENCH_JFR,settings=profile,dumponexit=true")
VACANT_DB_URL="$JDBC" VACANT_DB_USER=postgres VACANT_DB_PASSWORD="$PGPASSWORD" \
  java "${JFR_OPTS[@]}" ${BENCH_JAVA_OPTS:-} -jar "${BENCH_JAR:-infra/target/vacant.jar}" --spring.profiles.active=postgres --server.port=$PORT --vacant.grpc.port=$GRPC_PORT \
    --vacant.data-dir="./$DATA" --vacant.custody.generate-kek=true --vacant.security.bootstrap-operator-token=true \
    --logging.level.root=warn > target/bench-app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
await_up "$PORT"
for _ in $(seq 1 30); do [ -s "$DATA/operator.token" ] && break; sleep 1; done
TOKEN=$(tr -d '\n' < "$DATA/operator.token")
# the baseline accepts the same bearer token
PLAIN_DB_URL="$PLAIN_JDBC" PLAIN_DB_USER=postgres PLAIN_DB_PASSWORD="$PGPASSWORD" PLAIN_TOKEN="$TOKEN" \
  java -jar bench/plain-axon/target/plain-axon.jar --server.port=$PLAIN_PORT --logging.level.root=warn \
    > target/bench-plain.log 2>&1 &
PLAIN=$!
trap 'kill $APP $PLAIN 2>/dev/null; wait $APP $PLAIN 2>/dev/null || true' EXIT
await_up "$PLAIN_PORT"
PG_JAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort | tail -1)
BENCH_APP_PID=$APP BENCH_PLAIN_PID=$PLAIN \
  java -cp "$PG_JAR:infra/target/classes:$(cat infra/target/bench-classpath.txt)" bench/CommandLoad.java \
  "http://127.0.0.1:$PORT" "127.0.0.1:$GRPC_PORT" "$TOKEN" "$JDBC" "http://127.0.0.1:$PLAIN_PORT" "$PLAIN_JDBC" \
  postgres "$PGPASSWORD" \
  "$SECONDS_PER_PHASE" "$WARMUP_SECONDS" ${BENCH_CLIENTS:-1 8 32}
