#!/usr/bin/env bash
# Throughput of IntakeService.accept (valid form submissions from as many addresses, no attachments) on H2 (file) and
# PostgreSQL, beside a single-row-insert-per-transaction baseline measured in the same run.
# Each row also gives the baseline's p99 and the accept's p50 and p99 latency of single calls, in ms.
# Usage: bench/accept.sh [COUNT=10000] [THREADS="1 4 8"] (threads = connections in use; the pool has 10)
# jit: the JIT compilers' time during the timed accepts (summed over their threads) ÷ its length. The warm-up before
# each row is COUNT/5 accepts and as many baseline rows (at most 2,000); BENCH_WARM_UP sets it: on 2 cores the
# compilers are still at work after 600, and a server runs for weeks.
# BENCH_JAVA_OPTS is passed to java (e.g. a JFR recording).
# PostgreSQL: INTAKE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/intake_test, user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-10000}"
THREADS="${2:-1 4 8}"

./mvnw -q -pl intake-core -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench.classpath"
CP="intake-core/target/test-classes:intake-core/target/classes:attachments/target/classes:$(cat target/bench.classpath)"

echo "accept throughput, $COUNT submissions per row; ratio = accept/s ÷ baseline tx/s (higher is better)"
printf '%-9s %7s %7s %12s %12s %8s %8s %8s %8s %6s\n' database threads count baseline/s accept/s ratio \
  'base p99' 'acc p50' 'acc p99' jit
for db in h2 postgres; do
  for t in $THREADS; do
    java ${BENCH_WARM_UP:+-Dbench.warmUp=$BENCH_WARM_UP} ${BENCH_JAVA_OPTS:-} -Xmx1g -cp "$CP" org.supportintake.core.bench.AcceptBenchmark "$db" "$COUNT" "$t"
  done
done
