#!/usr/bin/env bash
# Fault: the file store's disk full. The server's files directory is a tmpfs of SIZE MB (mount -t tmpfs, as root);
# 100 mails and 30 form posts with a PDF go in while there is room, then a filler file takes every byte left and
# 100 mails and 30 posts more come, then the filler is removed. Expected: the citizen gets the site's 503 page,
# mail waits in the INBOX, nothing is half-stored (no row without its file, no staging leftovers), intake resumes
# by itself when space returns; the refused posts sent again (same submission token) make one ticket each.
# Usage: bench/faults/disk-full.sh [SIZE=20] [FULL=30]
source "$(dirname "$0")/common.sh"
SIZE="${1:-20}" FULL="${2:-30}"
FILES="$WORK/server/data/files"
mkdir -p "$FILES"
mount -t tmpfs -o "size=${SIZE}m" tmpfs "$FILES"
EXTRA_CLEANUP="umount '$FILES'"
FORM_FILE="$WORK/scan.pdf"
python3 -c "
import os,sys
body=b'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n'
open(sys.argv[1],'wb').write(body+b'%'+os.urandom(20000).hex().encode()+b'\ntrailer<</Root 1 0 R>>\n%%EOF\n')" "$FORM_FILE"
export FORM_FILE

need_jar
start_private_pg
start_imap
start_sink
start_server
log "file store: tmpfs of $SIZE MB at $FILES"

log "with room: delivering 100 mails, posting 30 forms with a 40 KB PDF"
deliver_mail 100 room
post_forms 30 room 3
until (( $(folder_count) == 0 )); do sleep 0.5; done
fallocate -l "$(( $(df -B1 --output=avail "$FILES" | tail -1) ))" "$FILES/filler" 2>/dev/null \
  || dd if=/dev/zero of="$FILES/filler" bs=1M status=none 2>/dev/null || true
log "disk full: $(df -h --output=avail,pcent "$FILES" | tail -1 | xargs) left; delivering 100 mails, posting 30 forms"
deliver_mail 100 full
post_forms 30 full 3
sleep "$FULL"
log "after $FULL s full: INBOX $(folder_count), Failed $(folder_count Failed), staging leftovers $(find "$FILES/staging" -type f | wc -l)"
rm -f "$FILES/filler"
UP=$SECONDS
log "space back ($(df -h --output=avail "$FILES" | tail -1 | xargs) free)"
until (( $(folder_count) == 0 )) || (( SECONDS - UP > 600 )); do sleep 0.5; done
log "intake resumed by itself: the INBOX empty $((SECONDS - UP)) s after space returned"
log "retrying the $(awk '$2 != 303' "$FORM_LOG" | wc -l) refused posts once, with their submission tokens"
retry_refused
await_settled 600
echo "staging leftovers: $(find "$FILES/staging" -type f | wc -l)"
report
echo "server log: $(grep -c ' ERROR ' "$WORK/server/server.log") ERROR lines, $(grep -c ' WARN ' "$WORK/server/server.log") WARN lines"
