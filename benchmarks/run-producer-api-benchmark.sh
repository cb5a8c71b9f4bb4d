#!/usr/bin/env bash
# Builds the benchmarks module and runs the producer API load generator:
#   benchmarks/run-producer-api-benchmark.sh [client threads=32] [warm-up s=10] [measured s=20]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -pl benchmarks -am -DskipTests package dependency:build-classpath \
    -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
exec java -Xmx2g ${JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
    io.relaysms.benchmarks.api.ProducerApiLoad "$@"
