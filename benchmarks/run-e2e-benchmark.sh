#!/usr/bin/env bash
# Builds the platform jar and the benchmarks, then runs the end-to-end benchmark under the machine's benchmark lock
# (/tmp/relay-bench.lock), so that it never overlaps another benchmark:
#   benchmarks/run-e2e-benchmark.sh [--messages 100000] [--duration 60] [--phases bulk,single] [--help]
# SKIP_BUILD=1 reuses the jars already built.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -B -q -o -pl platform,benchmarks -am -DskipTests package
fi
exec flock /tmp/relay-bench.lock java -Xmx2g ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp benchmarks/target/benchmarks.jar io.relaysms.benchmarks.e2e.EndToEndBenchmark "$@"
