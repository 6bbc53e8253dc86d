#!/usr/bin/env bash
# Checkpoint benchmark (docs/checkpoints.md): on a scratch PostgreSQL database, grows a store to 10^4, 10^5 and 10^6
# logbook entries and measures extending the Merkle tree, making a checkpoint, and the size and time of inclusion
# and consistency proofs (bench/CheckpointBench.java). Then, unless SKIP_COMMANDS=1, the issue 3 command bench runs
# twice in the same run against the app jar: checkpoints off, then on every second (the tree extended while
# commands run), to show the command path is not slowed. Needs a local PostgreSQL (as .ci/run sets up).
# BENCH_ROUNDS (default 1) repeats the off/on pair, alternating, so that a change of the machine's load shows.
# Usage: bench/run-checkpoint-bench.sh [sizes, 10000,100000,1000000] [command seconds, 20] [warm-up seconds, 60]
#   (env: PGPASSWORD, default "postgres"; PGHOST; PGUSER; BENCH_CLIENTS, default "8"; BENCH_ROUNDS; SKIP_TREE;
#   SKIP_COMMANDS). The command load's plain-Axon columns point at the same app here: only vacant/s counts.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES="${1:-10000,100000,1000000}"
SECONDS_PER_PHASE="${2:-20}"
WARMUP_SECONDS="${3:-60}"
source bench/scratch-db.sh
CLASSPATH=$(bench_classpath runtime)
scratch_db vacant_checkpoint_bench
[ "${SKIP_TREE:-0}" = 1 ] || java -Xmx1g -cp "$CLASSPATH" bench/CheckpointBench.java "$SCRATCH_JDBC" "$PGUSER" "$PGPASSWORD" "$SIZES"
[ "${SKIP_COMMANDS:-0}" = 1 ] && exit 0

PORT=18081
GRPC_PORT=19091
DATA=target/bench-checkpoint-data
for CHECKPOINTS in $(for _ in $(seq 1 "${BENCH_ROUNDS:-1}"); do echo false true; done); do
  psql -h "$PGHOST" -U "$PGUSER" -qc "drop schema public cascade" -c "create schema public" -d "$SCRATCH_DB"
  rm -rf "$DATA"
  VACANT_DB_URL="$SCRATCH_JDBC" VACANT_DB_USER="$PGUSER" VACANT_DB_PASSWORD="$PGPASSWORD" \
    java -jar infra/target/vacant.jar --spring.profiles.active=postgres --server.port=$PORT --vacant.grpc.port=$GRPC_PORT \
      --vacant.data-dir="./$DATA" --vacant.custody.generate-kek=true --vacant.security.bootstrap-operator-token=true \
      --vacant.checkpoints.periodic=$CHECKPOINTS --vacant.checkpoints.interval=1s \
      --logging.level.root=warn > target/bench-checkpoint-app.log 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true; psql -h "$PGHOST" -U "$PGUSER" -qc "drop database if exists $SCRATCH_DB with (force)"' EXIT
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" > /dev/null && break; sleep 1; done
  for _ in $(seq 1 30); do [ -s "$DATA/operator.token" ] && break; sleep 1; done
  echo "== command bench, checkpoints periodic=$CHECKPOINTS (every 1 s) =="
  java -cp "$CLASSPATH" bench/CommandLoad.java "http://127.0.0.1:$PORT" "127.0.0.1:$GRPC_PORT" "$(tr -d '\n' < "$DATA/operator.token")" \
    "$SCRATCH_JDBC" "http://127.0.0.1:$PORT" "$SCRATCH_JDBC" "$PGUSER" "$PGPASSWORD" "$SECONDS_PER_PHASE" "$WARMUP_SECONDS" ${BENCH_CLIENTS:-8}
  if [ "$CHECKPOINTS" = true ]; then
    curl -s "http://127.0.0.1:$PORT/api/v1/checkpoints/latest" | sed 's/"note":"[^"]*",//'; echo
  fi
  kill "$APP"; wait "$APP" 2>/dev/null || true
done
