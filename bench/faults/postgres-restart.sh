#!/usr/bin/env bash
# Fault: PostgreSQL restarted while the server takes in 300 mails and 100 form posts. A private cluster of its own
# (never the shared one on 5432) is stopped (fast: connections cut, open transactions rolled back) for DOWN seconds
# and started again. Expected: mail waits in the INBOX, the form answers 503 with the site's page, nothing is
# half-stored, intake resumes by itself; refused posts sent again (same submission token) make one ticket each.
# Usage: bench/faults/postgres-restart.sh [MAILS=300] [FORMS=100] [DOWN=45]
source "$(dirname "$0")/common.sh"
MAILS="${1:-300}" FORMS="${2:-100}" DOWN="${3:-45}"

need_jar
start_private_pg
start_imap
start_sink
start_server

log "delivering $MAILS mails and posting $FORMS forms (5 at a time, every 0.5 s)"
load_until_midway "$MAILS" "$FORMS" pg
pg_stop fast
log "PostgreSQL stopped (fast) with $(folder_count) mails in the INBOX, $(wc -l <"$FORM_LOG") posts answered"
sleep "$DOWN"
pg_start
UP=$SECONDS
log "PostgreSQL started again after ${DOWN} s; $(folder_count) mails in the INBOX"
wait "$FORMS_PID"
until (( $(folder_count) == 0 )) || (( SECONDS - UP > 600 )); do sleep 0.5; done
log "intake resumed by itself: the INBOX empty $((SECONDS - UP)) s after PostgreSQL came back"
await_settled 600
log "retrying the $(awk '$2 != 303' "$FORM_LOG" | wc -l) refused posts once, with their submission tokens"
retry_refused
await_settled 300
report
echo "server log: $(grep -c ' ERROR ' "$WORK/server/server.log") ERROR lines, $(grep -c ' WARN ' "$WORK/server/server.log") WARN lines"
