#!/usr/bin/env bash
# Audit replay benchmark: builds a scratch PostgreSQL store of VACANTS x ENTRIES valid signed events (default
# 1,000 x 100 = 100,000), runs the audit verifier over it and, in the same JVM, the raw BouncyCastle Ed25519
# verify rate on all cores; prints entries/s, verifies/s and the ratio (target >= 0.7). The database is dropped
# afterwards. Needs a local PostgreSQL (as .ci/run sets up).
# Usage: bench/run-audit-bench.sh [vacants] [entries]   (env: PGPASSWORD, default "postgres"; PGHOST, PGUSER)
set -euo pipefail
cd "$(dirname "$0")/.."
VACANTS="${1:-1000}"
ENTRIES="${2:-100}"
export PGPASSWORD="${PGPASSWORD:-postgres}"
PGHOST="${PGHOST:-127.0.0.1}"
PGUSER="${PGUSER:-postgres}"
DB="vacant_audit_bench_$$"

./mvnw -B -q -DskipTests -pl infra -am package dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/audit-bench.classpath
psql -h "$PGHOST" -U "$PGUSER" -qc "create database $DB"
trap 'psql -h "$PGHOST" -U "$PGUSER" -qc "drop database if exists $DB with (force)"' EXIT
CLASSPATH_FILE=infra/target/audit-bench.classpath
java -Xmx2g -cp "infra/target/classes:$(cat "$CLASSPATH_FILE")" bench/AuditBench.java \
  "jdbc:postgresql://$PGHOST:5432/$DB" "$PGUSER" "$PGPASSWORD" "$VACANTS" "$ENTRIES"
