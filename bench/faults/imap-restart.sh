#!/usr/bin/env bash
# Fault: the IMAP server (Dovecot) stopped for DOWN seconds in the middle of taking in 300 mails, while 100 form
# posts come in, and started again on the same port and maildir. Expected: the poller backs off and resumes by
# itself; every mail one ticket, none moved twice or lost, every acknowledgement sent once.
# Usage: bench/faults/imap-restart.sh [MAILS=300] [FORMS=100] [DOWN=20]
source "$(dirname "$0")/common.sh"
MAILS="${1:-300}" FORMS="${2:-100}" DOWN="${3:-20}"

need_jar
start_private_pg
start_imap
start_sink
start_server

log "delivering $MAILS mails and posting $FORMS forms (5 at a time, every 0.5 s)"
load_until_midway "$MAILS" "$FORMS" imap
stop_imap
log "Dovecot stopped with $(folder_count) mails in the INBOX, $(folder_count Processed) in Processed"
sleep "$DOWN"
restart_imap
UP=$SECONDS
log "Dovecot started again after $DOWN s with $(folder_count) mails in the INBOX"
wait "$FORMS_PID"
until (( $(folder_count) == 0 )) || (( SECONDS - UP > 600 )); do sleep 0.5; done
log "intake resumed by itself: the INBOX empty $((SECONDS - UP)) s after Dovecot came back"
await_settled 600
report
echo "server log: $(grep -c ' ERROR ' "$WORK/server/server.log") ERROR lines, $(grep -c ' WARN ' "$WORK/server/server.log") WARN lines"
