#!/usr/bin/env bash
# The staff queue's answer time with COUNT tickets on PostgreSQL: bench/QueueLatency.java migrates a schema, fills it
# with COPY (statuses, categories, due times and flags spread as in a service three years old, one Russian message per
# ticket), starts the intake-server jar on a free port and opens /staff signed in, ROUNDS times per view: the default
# view, status + category, the overdue flag, a number, an email, words, words with filters. Median and p95 beside
# select 1 round trips measured in the same run. Goal: under 200 ms.
# Usage: bench/queue.sh [COUNT=1000000] [ROUNDS=30]
# PostgreSQL: the database of QUEUE_BENCH_PG_URL (default jdbc:postgresql://127.0.0.1:5432/intake_queue_bench, user
# postgres; created if missing); the schema queue_bench in it is dropped first and at the end (KEEP_SCHEMA=1 keeps it).
# SKIP_BUILD=1 uses the jar as it is; KEEP_WORK=1 keeps the temp directory (the server's log).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-1000000}"
ROUNDS="${2:-30}"
PG_URL="${QUEUE_BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/intake_queue_bench}"
DB="${PG_URL##*/}"
DB="${DB%%\?*}"
SCHEMA=queue_bench

[[ -n "${SKIP_BUILD:-}" ]] || ./mvnw -q -pl intake-server -am -DskipTests package

if ! psql -h 127.0.0.1 -U postgres -d postgres -Atqc "select 1 from pg_database where datname = '$DB'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database $DB"
fi
WORK="$(mktemp -d /tmp/intake-queue-bench.XXXXXX)"
stop() {
  if [[ -z "${KEEP_SCHEMA:-}" ]]; then
    psql -h 127.0.0.1 -U postgres -d "$DB" -qc "drop schema if exists $SCHEMA cascade" 2>/dev/null || true
  fi
  if [[ -n "${KEEP_WORK:-}" ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap stop EXIT

java -Xmx1g -cp intake-server/target/intake-server.jar bench/QueueLatency.java "$PG_URL" "$SCHEMA" "$COUNT" "$ROUNDS" \
  "$WORK" || { echo "the run failed; the server's log:" >&2; tail -50 "$WORK/server.log" >&2 || true; exit 1; }
