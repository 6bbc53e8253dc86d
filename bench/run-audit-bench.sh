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
source bench/scratch-db.sh
CLASSPATH=$(bench_classpath runtime)
scratch_db vacant_audit_bench
java -Xmx2g -cp "$CLASSPATH" bench/AuditBench.java \
  "$SCRATCH_JDBC" "$PGUSER" "$PGPASSWORD" "$VACANTS" "$ENTRIES"
