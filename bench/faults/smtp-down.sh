#!/usr/bin/env bash
# Fault: the SMTP server down for DOWN seconds (default 600) while 300 mails and 100 form posts come in. The mail
# server is our SmtpSink, a process of its own, stopped before the intake and started again on the same port.
# Expected: the acknowledgements wait in the outbox with backoff (RetrySchedule: 30 s doubling to 1 h), then all go
# once the server is back, none twice. Prints how long after its return the last one went.
# Usage: bench/faults/smtp-down.sh [MAILS=300] [FORMS=100] [DOWN=600]
source "$(dirname "$0")/common.sh"
MAILS="${1:-300}" FORMS="${2:-100}" DOWN="${3:-600}"

need_jar
start_private_pg
start_imap
start_sink
start_server
stop_sink
DOWN_AT=$SECONDS
log "SMTP server stopped; delivering $MAILS mails and posting $FORMS forms"
deliver_mail "$MAILS" smtp
post_forms "$FORMS" smtp 4
until (( $(folder_count) == 0 )) || (( SECONDS - DOWN_AT > 300 )); do sleep 1; done
log "all mail taken in; outbox: $(sql "select count(*) from outbox where sent_at is null") unsent"
while (( SECONDS - DOWN_AT < DOWN )); do
  sleep 60
  log "down $((SECONDS - DOWN_AT)) s: outbox attempts so far $(sql "select string_agg(attempts || '×' || n, ', ' order by attempts) from (select attempts, count(*) n from outbox where sent_at is null group by attempts) a")"
done
log "next attempts due: $(sql "select string_agg(t || ' ' || n, ', ' order by t) from (select to_char(next_attempt_at, 'HH24:MI') t, count(*) n from outbox where sent_at is null group by 1) d")"
start_sink
UP=$SECONDS UP_MS="$(date +%s%3N)"
log "SMTP server started again after $DOWN s"
await_settled 3600
LAST_MS="$(awk '{print $1}' "$SINK_LOG" | sort -n | tail -1)"
FIRST_MS="$(awk '{print $1}' "$SINK_LOG" | sort -n | head -1)"
log "after the SMTP server returned: first mail taken after $(( (FIRST_MS - UP_MS) / 1000 )) s, the last after $(( (LAST_MS - UP_MS) / 1000 )) s"
log "attempts per acknowledgement: $(sql "select string_agg(attempts || '×' || n, ', ' order by attempts) from (select attempts, count(*) n from outbox group by attempts) a")"
report
