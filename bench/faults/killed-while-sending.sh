#!/usr/bin/env bash
# Fault: the node killed with -9 while it sends acknowledgements (and takes mail in). The SMTP sink answers each mail
# after SINK_DELAY_MS (default 200 ms), so sending 400 takes over a minute and the kill lands mid-send; the node is
# started again on the same database, data directory and mailbox with INTAKE_OUTBOX_LEASE=PT30S. Expected: every
# mail and post one ticket; every acknowledgement once, except the rows in flight at the kill (taken by the mail
# server, not yet marked sent: at most one per sending thread), which go once more after their lease, with the same
# Message-ID. Usage: bench/faults/killed-while-sending.sh [MAILS=300] [FORMS=100] [KILL_AFTER=100 acknowledgements]
source "$(dirname "$0")/common.sh"
MAILS="${1:-300}" FORMS="${2:-100}" KILL_AFTER="${3:-100}"
export SINK_DELAY_MS="${SINK_DELAY_MS:-200}"

need_jar
start_private_pg
start_imap
start_sink
start_server INTAKE_OUTBOX_LEASE=PT30S
log "delivering $MAILS mails and posting $FORMS forms; the SMTP sink answers each mail after $SINK_DELAY_MS ms"
deliver_mail "$MAILS" kill
post_forms "$FORMS" kill 4 &
FORMS_PID=$!
until (( $(wc -l <"$SINK_LOG") >= KILL_AFTER )); do sleep 0.05; done
kill -9 "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
SERVER_PID=""
KILLED_MS="$(date +%s%3N)"
wait "$FORMS_PID" || true
sleep 1 # the sink logs a mail before it answers: let the last of them land
TAKEN="$WORK/taken-at-kill.txt"
awk '{print $2}' "$SINK_LOG" | sort -u >"$TAKEN"
IN_FLIGHT="$(sql "select message_id from outbox where sent_at is null" | sort | comm -12 - "$TAKEN" | wc -l)"
log "killed -9 with $(wc -l <"$SINK_LOG") mails taken by the SMTP server, $(sql "select count(*) from outbox where sent_at is null") rows unsent of which $IN_FLIGHT in flight (taken, not marked sent), INBOX $(folder_count), tickets $(sql "select count(*) from ticket")"
start_server INTAKE_OUTBOX_LEASE=PT30S
log "restarted"
log "retrying the $(awk '$2 != 303' "$FORM_LOG" | wc -l) posts that got no answer, once, with their submission tokens"
retry_refused
await_settled 600
LAST_MS="$(awk '{print $1}' "$SINK_LOG" | sort -n | tail -1)"
log "the last acknowledgement went $(( (LAST_MS - KILLED_MS) / 1000 )) s after the kill (lease 30 s)"
report
echo "in flight at the kill: $IN_FLIGHT (the documented exception: may be sent twice)"
