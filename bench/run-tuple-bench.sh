#!/usr/bin/env bash
# Issue 6 benchmark: tuple out+in pairs/s at 1, 8 and 64 lanes through Kafka (a KRaft broker started in the bench's
# JVM by spring-kafka-test: no Kafka install or Docker needed) and PostgreSQL, next to the raw produce+consume rate of
# that broker and the raw batched-INSERT rate of that database; ratio = pairs/s / (raw rows/s / 4), target >= 0.5 at
# 64 lanes. Also the in-process transport's pairs/s on the same database. Needs a local PostgreSQL (as .ci/run sets
# up); uses a scratch database dropped on exit.
# Usage: bench/run-tuple-bench.sh [seconds-per-phase] [pairs-in-flight]
# (env: PGPASSWORD, default "postgres"; PGHOST, PGUSER; BENCH_LANES, default "1 8 64")
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_PHASE="${1:-20}"
WINDOW="${2:-1024}"
export PGPASSWORD="${PGPASSWORD:-postgres}" PGOPTIONS="--client-min-messages=warning"
PGHOST="${PGHOST:-127.0.0.1}"
PGUSER="${PGUSER:-postgres}"
DB="vacant_tuple_bench_$$"

./mvnw -B -q -DskipTests -pl infra -am package dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/tuple-bench.classpath
psql -h "$PGHOST" -U "$PGUSER" -qc "create database $DB"
trap 'psql -h "$PGHOST" -U "$PGUSER" -qc "drop database if exists $DB with (force)"' EXIT
java -Xmx2g -cp "infra/target/classes:$(cat infra/target/tuple-bench.classpath)" bench/TupleLoad.java \
  "jdbc:postgresql://$PGHOST:5432/$DB" "$PGUSER" "$PGPASSWORD" "$SECONDS_PER_PHASE" "$WINDOW" ${BENCH_LANES:-1 8 64}
