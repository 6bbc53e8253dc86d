#!/usr/bin/env bash
# Issue 6 benchmark: tuple out+in pairs/s at 1, 8 and 64 lanes through Kafka (a KRaft broker started in the bench's
# JVM by spring-kafka-test: no Kafka install or Docker needed) and PostgreSQL, next to the raw produce+consume rate of
# that broker and the raw batched-INSERT rate of that database; ratio = pairs/s / (raw rows/s / 4), target >= 0.5 at
# 64 lanes. Also the in-process transport's pairs/s on the same database. Needs a local PostgreSQL (as .ci/run sets
# up); uses a scratch database dropped on exit.
# Usage: bench/run-tuple-bench.sh [seconds-per-phase, 20] [pairs-in-flight, 1024] [warm-up seconds per transport, 40]
# (env: PGPASSWORD, default "postgres"; PGHOST, PGUSER; BENCH_LANES, default "1 8 64")
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE="${1:-20}"
WINDOW="${2:-1024}"
WARMUP_SECONDS="${3:-40}"
source bench/scratch-db.sh
CLASSPATH=$(bench_classpath test)
scratch_db vacant_tuple_bench
java -Xmx2g -cp "$CLASSPATH" bench/TupleLoad.java \
  "$SCRATCH_JDBC" "$PGUSER" "$PGPASSWORD" "$SECONDS_PER_PHASE" "$WARMUP_SECONDS" "$WINDOW" ${BENCH_LANES:-1 8 64}
