#!/usr/bin/env bash
# Builds the services (without tests) and runs the whole pipeline on embedded infrastructure:
# a KRaft Kafka broker and a file-backed MongoDB wire server under ./data (SCIMFLOW_DATA).
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -B -q -DskipTests install
exec java ${JAVA_OPTS:-} -jar local-run/target/local-run-0.1.0-SNAPSHOT.jar "$@"
