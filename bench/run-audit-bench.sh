#!/usr/bin/env bash
# Audit replay benchmark: migrates a scratch PostgreSQL database with the application's Flyway migrations, stores
# VACANTS x ENTRIES valid signed events (default 1,000 x 100 = 100,000) and fills the live read models from them,
# then runs, in the same JVM, the raw BouncyCastle Ed25519 verify rate on all cores, the audit verification only
# and the full audit (projection rebuild and comparison); prints both as entries/s next to raw verifies/s, with the
# ratios (targets >= 0.7 and >= 0.5). The database is dropped afterwards. Needs a local PostgreSQL (as .ci/run
# sets up).
# Usage: bench/run-audit-bench.sh [vacants] [entries]   (env: PGPASSWORD, default "postgres"; PGHOST, PGUSER;
# BENCH_DB, the scratch database name prefix, default vacant_audit_bench)
set -euo pipefail
cd "$(dirname "$0")/.."
VACANTS="${1:-1000}"
ENTRIES="${2:-100}"
source bench/scratch-db.sh
CLASSPATH=$(bench_classpath runtime)
scratch_db "${BENCH_DB:-vacant_audit_bench}"
java -Xmx2g -cp "$CLASSPATH" bench/AuditBench.java \
  "$SCRATCH_JDBC" "$PGUSER" "$PGPASSWORD" "$VACANTS" "$ENTRIES"
