#!/usr/bin/env bash
# One FlagOverdue sweep (overdue and at-risk flags) over COUNT open tickets on PostgreSQL, with COUNT/2 closed
# ones beside them, against a count of the open tickets measured in the same run (lower ratio is better).
# Usage: bench/flag-overdue.sh [COUNT=1000000]
# PostgreSQL: INTAKE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/intake_test, user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-1000000}"

./mvnw -q -pl intake-core -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench.classpath"
CP="intake-core/target/test-classes:intake-core/target/classes:attachments/target/classes:$(cat target/bench.classpath)"

java -Xmx1g -cp "$CP" org.supportintake.core.bench.FlagOverdueBenchmark "$COUNT"
