#!/usr/bin/env bash
# Lineage benchmark: pages of 100 descendants of a 100,000-vacant lineage (branching 10) on PostgreSQL, p50/p99,
# with the migration's DDL and LineageQueries.DESCENDANTS_SQL. Needs a local PostgreSQL; uses a scratch database
# that it drops on exit. Usage: bench/run-lineage-bench.sh [vacants] [branching] [iterations]
# (env: PGPASSWORD, default "postgres")
set -euo pipefail
cd "$(dirname "$0")/.."
export PGPASSWORD="${PGPASSWORD:-postgres}" PGOPTIONS="--client-min-messages=warning"
DB=vacant_bench_lineage

pg_isready -h 127.0.0.1 -q || pg_ctlcluster 15 main start
psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB" -c "create database $DB"
trap 'psql -h 127.0.0.1 -U postgres -qc "drop database if exists $DB"' EXIT
PG_JAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort -V | tail -1)
java -cp "$PG_JAR" bench/LineageBench.java "jdbc:postgresql://127.0.0.1:5432/$DB" postgres "$PGPASSWORD" \
  "${1:-100000}" "${2:-10}" "${3:-1000}"
