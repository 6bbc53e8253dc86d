#!/usr/bin/env bash
# The gRPC bridge's cost per command, ProtoJson against protobuf's JsonFormat text in the same process
# (bench/ProtoJsonBench.java). Builds the application's classes if needed.
# Usage: bench/run-protojson-bench.sh [seconds per round, 3] [rounds, 5]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f infra/target/bench-classpath.txt ] || [ ! -d infra/target/classes ]; then
  ./mvnw -B -q -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
java -cp "infra/target/classes:$(cat infra/target/bench-classpath.txt)" bench/ProtoJsonBench.java "${1:-3}" "${2:-5}"
