#!/usr/bin/env bash
# Starts the whole hub locally: embedded Kafka (on a free port it prints) and Postgres (5432),
# every service on its documented port. Needs only a JDK 17+. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
echo "Building the hub (the first run downloads dependencies and takes a few minutes) ..."
./mvnw -q -DskipTests package
exec java -Dhub.root="$PWD" -jar devstack/target/devstack.jar "$@"
