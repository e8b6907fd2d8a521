#!/usr/bin/env bash
# Acknowledgement latency end to end: the intake-server jar against a real IMAP server (Dovecot, started here
# unprivileged on 127.0.0.1) and a real SMTP server (GreenMail, started inside the measuring client so every
# arrival is timed in one process). COUNT form posts through the JSON API and COUNT emails appended to the
# INBOX, one of each every PACE_MS; p50/p95 from the API's answer, and from the end of the APPEND, to the
# acknowledgement's arrival at the SMTP server, beside baselines measured in the same run.
# Usage: bench/ack-latency.sh [COUNT=200] [PACE_MS=500] [DATABASES="h2 postgres"]
# PostgreSQL: a database intake_ack_bench on 127.0.0.1:5432 (user postgres), created and dropped here.
# SKIP_BUILD=1 uses the jar as it is; KEEP_WORK=1 keeps the temp directory (the server's logs) for a look.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-200}"
PACE_MS="${2:-500}"
DATABASES="${3:-h2 postgres}"
source bench/dovecot.sh

[[ -n "${SKIP_BUILD:-}" ]] || ./mvnw -q -pl intake-server -am -DskipTests package

WORK="$(mktemp -d /tmp/intake-ack-bench.XXXXXX)"
chmod 755 "$WORK"
DOVECOT_PID=""
stop() {
  if [[ -n "$DOVECOT_PID" ]]; then kill "$DOVECOT_PID" 2>/dev/null && wait "$DOVECOT_PID" 2>/dev/null || true; fi
  if [[ " $DATABASES " == *" postgres "* ]]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists intake_ack_bench" 2>/dev/null || true
  fi
  if [[ -n "${KEEP_WORK:-}" ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap stop EXIT

start_dovecot "$WORK/dovecot"
mkdir -p "$WORK/client"
echo "$COUNT form posts and $COUNT emails, one of each every $PACE_MS ms, each from its own address"
echo "form: API 201 → acknowledgement at the SMTP server; email: end of IMAP APPEND to INBOX → the same"
echo "p50 ratio: form ÷ SMTP round trip; email ÷ (IDLE notification + SMTP round trip), both p50 of the same run"
for db in $DATABASES; do
  PG_URL=""
  if [[ $db == postgres ]]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists intake_ack_bench" -c "create database intake_ack_bench"
    PG_URL="jdbc:postgresql://127.0.0.1:5432/intake_ack_bench"
  fi
  java -cp intake-server/target/intake-server.jar bench/AckLatency.java \
    "$DOVECOT_PORT" "$IMAP_USER" "$IMAP_PASSWORD" "$WORK/client" "$COUNT" "$PACE_MS" "$db" $PG_URL \
    || { echo "the run on $db failed; the server's log:" >&2; tail -50 "$WORK/client/server-$db.log" >&2; exit 1; }
done
