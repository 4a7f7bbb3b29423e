#!/usr/bin/env bash
# Runs every benchmark on this machine (ADR 0020): the micro-benchmarks, then the devstack (embedded
# Kafka and Postgres, the provider sandbox, every service) and each scenario against its ceiling
# measured in the same run. Writes target/benchmarks/report.md and report.json. Needs only a JDK 17+.
#   ./benchmarks.sh            full run (under 30 minutes)
#   ./benchmarks.sh --quick    every scenario scaled down (under 5 minutes once built)
# One devstack at a time per machine: the run holds /tmp/devstack.lock while it runs.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building the hub and the benchmarks (the first run downloads dependencies) ..."
./mvnw -B -q -ntp -Pbenchmarks -DskipTests package
CP="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
exec flock /tmp/devstack.lock java -Xmx1g --add-opens java.base/java.lang=ALL-UNNAMED -Dhub.root="$PWD" -cp "$CP" org.integrationhub.benchmarks.BenchmarkRun "$@"
