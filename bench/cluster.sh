#!/usr/bin/env bash
# Two nodes: two intake-server processes (the jar) on one PostgreSQL database, one IMAP mailbox (Dovecot, started
# here unprivileged on 127.0.0.1), one SMTP server (GreenMail, inside the driver) and one shared file directory.
# Checks the rate limit across the nodes and a file downloaded from the node that did not receive it, then sends
# MAILS emails and FORMS form posts spread over both nodes, kills -9 the node that is polling half-way, and prints
# what was sent, tickets, duplicates, lost, acknowledgements (and sent twice), and the takeover time.
# Usage: bench/cluster.sh [MAILS=300] [FORMS=100]
# PostgreSQL: database ${CLUSTER_DB:-intake_cluster} on 127.0.0.1:5432 (user postgres), dropped and created here.
# SKIP_BUILD=1 uses the jar as it is; KEEP_WORK=1 keeps the temp directory (the nodes' logs) for a look.
set -euo pipefail
cd "$(dirname "$0")/.."
MAILS="${1:-300}"
FORMS="${2:-100}"
DB="${CLUSTER_DB:-intake_cluster}"
source bench/dovecot.sh

[[ -n "${SKIP_BUILD:-}" ]] || ./mvnw -q -pl intake-server -am -DskipTests package

WORK="$(mktemp -d /tmp/intake-cluster-bench.XXXXXX)"
chmod 755 "$WORK"
DOVECOT_PID=""
stop() {
  if [[ -n "$DOVECOT_PID" ]]; then kill "$DOVECOT_PID" 2>/dev/null && wait "$DOVECOT_PID" 2>/dev/null || true; fi
  if [[ -n "${KEEP_WORK:-}" ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap stop EXIT

start_dovecot "$WORK/dovecot"
psql -h 127.0.0.1 -U postgres -d postgres -qc "drop database if exists $DB" -c "create database $DB"
mkdir -p "$WORK/client"
java -cp intake-server/target/intake-server.jar bench/Cluster.java \
  "$DOVECOT_PORT" "$IMAP_USER" "$IMAP_PASSWORD" "$WORK/client" "$MAILS" "$FORMS" \
  "jdbc:postgresql://127.0.0.1:5432/$DB" \
  || { echo "the run failed; the nodes' logs:" >&2; tail -40 "$WORK"/client/node-*.log >&2; exit 1; }
