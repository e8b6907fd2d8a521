# Sourced by the fault scripts in bench/faults/: the parts they share. Everything runs on free loopback ports under
# one temporary directory ($WORK), removed on exit (FAULTS_KEEP=1 keeps it): a private PostgreSQL cluster (never the
# shared one on 5432), Dovecot (bench/dovecot.sh), an SMTP sink of our own (SmtpSink.java), the server jar.
# Needs root (PostgreSQL runs as user postgres, Dovecot as an unprivileged user).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT="$PWD"
# shellcheck source=bench/dovecot.sh
source bench/dovecot.sh

JAR="${INTAKE_JAR:-$ROOT/intake-server/target/intake-server.jar}" # INTAKE_JAR: another build, e.g. before a fix
WORK="$(mktemp -d /tmp/intake-fault.XXXXXX)"
chmod 755 "$WORK"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
DB_NAME=intake
SERVER_PID="" SINK_PID="" PG_DATA="" DOVECOT_PID=""
SENT_MAIL="$WORK/sent-mail.txt" FORM_LOG="$WORK/forms.txt" SINK_LOG="$WORK/sink.txt"
: > "$SENT_MAIL"; : > "$FORM_LOG"; : > "$SINK_LOG"

log() { printf '%(%H:%M:%S)T %s\n' -1 "$*"; }

cleanup() {
  set +e
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null
  [[ -n "$SINK_PID" ]] && kill "$SINK_PID" 2>/dev/null && wait "$SINK_PID" 2>/dev/null
  [[ -n "$DOVECOT_PID" ]] && kill "$DOVECOT_PID" 2>/dev/null && wait "$DOVECOT_PID" 2>/dev/null
  [[ -n "$PG_DATA" ]] && su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -m immediate stop" >/dev/null 2>&1
  [[ -n "${EXTRA_CLEANUP:-}" ]] && eval "$EXTRA_CLEANUP"
  if [[ "${FAULTS_KEEP:-0}" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap "exit 143" TERM INT

need_jar() {
  [[ -f "$JAR" ]] || ./mvnw -B -q ${MAVEN_REPO:+-Dmaven.repo.local=$MAVEN_REPO} -pl intake-server -am package -DskipTests
}

# A PostgreSQL cluster of our own: initdb as postgres into $WORK/pg, trust auth, a free port, database $DB_NAME.
start_private_pg() {
  PG_DATA="$WORK/pg/data"
  PG_PORT="$(free_port)"
  mkdir -p "$WORK/pg"
  chown postgres: "$WORK/pg"
  su postgres -s /bin/sh -c "'$PG_BIN/initdb' -D '$PG_DATA' -A trust -U postgres -E UTF8 --locale=C.UTF-8" >/dev/null
  pg_start
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "create database $DB_NAME"
  DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$DB_NAME"
  log "private PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT ($PG_DATA)"
}

pg_start() {
  su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -l '$WORK/pg/log' -w \
    -o \"-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORK/pg -c max_connections=60\" start" >/dev/null
}

# Stops the private cluster: MODE fast (connections cut, open transactions rolled back) or immediate (as a crash).
pg_stop() {
  su postgres -s /bin/sh -c "'$PG_BIN/pg_ctl' -D '$PG_DATA' -m ${1:-fast} -w stop" >/dev/null
}

sql() { psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$DB_NAME" -tAq -c "$1"; }

start_imap() {
  mkdir -p "$WORK/imap"
  start_dovecot "$WORK/imap" >"$WORK/imap.out"
  log "$(tail -1 "$WORK/imap.out")"
  MAILDIR="$WORK/imap/Maildir"
  IMAP_URL="imap://${IMAP_USER/@/%40}:$IMAP_PASSWORD@127.0.0.1:$DOVECOT_PORT/INBOX"
}

stop_imap() { kill "$DOVECOT_PID"; wait "$DOVECOT_PID" 2>/dev/null || true; DOVECOT_PID=""; }

# Dovecot again with the configuration start_imap wrote: the same port, the same maildir.
restart_imap() {
  local as_user=(setpriv --reuid=intakebench --regid=intakebench --clear-groups)
  "${as_user[@]}" "$(command -v dovecot)" -F -c "$WORK/imap/dovecot.conf" &
  DOVECOT_PID=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$DOVECOT_PORT") 2>/dev/null && return; sleep 0.1; done
  echo "Dovecot did not start again" >&2; tail "$WORK/imap/dovecot.log" >&2; return 1
}

# The SMTP sink as its own process on SINK_PORT (kept across restarts), one line per mail taken into $SINK_LOG.
start_sink() {
  SINK_PORT="${SINK_PORT:-$(free_port)}"
  java -Xmx64m "$ROOT/bench/faults/SmtpSink.java" "$SINK_PORT" "$SINK_LOG" ${SINK_DELAY_MS:-} >>"$WORK/sink.out" 2>&1 &
  SINK_PID=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$SINK_PORT") 2>/dev/null && return; sleep 0.1; done
  echo "the SMTP sink did not start" >&2; cat "$WORK/sink.out" >&2; return 1
}

stop_sink() { kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true; SINK_PID=""; }

# The jar with the given INTAKE_ settings on top of the common ones; HTTP_PORT, SERVER_PID; waits for /health.
start_server() {
  HTTP_PORT="$(free_port)"
  mkdir -p "$WORK/server"
  (cd "$WORK/server" && exec env INTAKE_HTTP_PORT="$HTTP_PORT" INTAKE_DATA_DIR="${DATA_DIR:-$WORK/server/data}" \
    INTAKE_DB_URL="$DB_URL" INTAKE_DB_USER=postgres INTAKE_IMAP_URL="$IMAP_URL" \
    INTAKE_SMTP_URL="smtp://127.0.0.1:$SINK_PORT" INTAKE_MAIL_FROM=support@example.ru \
    INTAKE_POLL_INTERVAL="${POLL_INTERVAL:-PT2S}" INTAKE_FORM_LIMIT_PER_ADDRESS=1000000 \
    INTAKE_FORM_LIMIT_PER_EMAIL=1000000 INTAKE_HTTP_CONCURRENT_PER_ADDRESS=50 "$@" \
    java -Xmx512m -jar "$JAR" >>"$WORK/server/server.log" 2>&1) &
  SERVER_PID=$!
  export HTTP_PORT
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$HTTP_PORT/health" && { log "server up on :$HTTP_PORT (pid $SERVER_PID)"; return; }
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.1
  done
  echo "the server did not start:" >&2; tail -40 "$WORK/server/server.log" >&2; return 1
}

stop_server() { kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }

# Drops COUNT Russian citizen mails (each from its own address, ~3 KB, every fifth with a PDF) into the INBOX
# through Maildir's new/ (written aside, then renamed in). Message-IDs <fault-TAG-N@mail.example.ru> go to $SENT_MAIL.
deliver_mail() {
  local count="$1" tag="$2"
  python3 - "$MAILDIR" "$count" "$tag" "$SENT_MAIL" <<'EOF'
import base64, os, sys, time
maildir, count, tag, sent = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
body = ("Здравствуйте! Не могу войти в личный кабинет: после ввода пароля страница обновляется и снова "
        "просит войти. Пробовала в двух браузерах, очищала кэш. Прошу помочь восстановить доступ.\n") * 8
pdf = base64.encodebytes(b"%PDF-1.4\n% fault\n" + os.urandom(6000) + b"\n%%EOF\n").decode()
with open(sent, "a") as ids:
    for n in range(count):
        mid = f"<fault-{tag}-{n}@mail.example.ru>"
        head = (f"From: =?UTF-8?B?{base64.b64encode('Иванова Мария'.encode()).decode()}?= <citizen-{tag}-{n}@mail.example.ru>\n"
                f"To: support@example.ru\nSubject: =?UTF-8?B?{base64.b64encode(f'Не могу войти ({tag} {n})'.encode()).decode()}?=\n"
                f"Message-ID: {mid}\nDate: {time.strftime('%a, %d %b %Y %H:%M:%S +0000', time.gmtime())}\nMIME-Version: 1.0\n")
        text = base64.encodebytes(body.encode()).decode()
        if n % 5 == 0:
            msg = (head + 'Content-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=UTF-8\n'
                   "Content-Transfer-Encoding: base64\n\n" + text + '--b\nContent-Type: application/pdf; name="scan.pdf"\n'
                   'Content-Disposition: attachment; filename="scan.pdf"\nContent-Transfer-Encoding: base64\n\n' + pdf + "--b--\n")
        else:
            msg = head + "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n" + text
        name = f"{time.time_ns()}.fault{tag}{n}.localhost"
        with open(os.path.join(maildir, "tmp", name), "w") as f:
            f.write(msg.replace("\n", "\r\n"))
        os.rename(os.path.join(maildir, "tmp", name), os.path.join(maildir, "new", name))
        ids.write(mid + "\n")
EOF
  chown -R "$(stat -c %U "$MAILDIR"):" "$MAILDIR"
}

# Mails in an IMAP folder's maildir (INBOX when no name).
# MAILS into the INBOX and FORMS form posts (5 every 0.5 s, in the background: FORMS_PID), tagged TAG;
# returns once the intake is in the middle of the mail. Usage: load_until_midway MAILS FORMS TAG
load_until_midway() {
  local mails="$1" forms="$2" tag="$3"
  deliver_mail "$mails" "$tag"
  ( for ((i = 0; i < forms; i += 5)); do post_forms 5 "$tag$i" 5; sleep 0.5; done ) &
  FORMS_PID=$!
  until (( $(folder_count) <= mails - 50 )); do sleep 0.1; done
}

folder_count() {
  local dir="$MAILDIR${1:+/.$1}"
  find "$dir/new" "$dir/cur" -type f 2>/dev/null | wc -l
}

# Posts the HTML form COUNT times as a browser would (GET / for the CSRF cookie and the page's submission token,
# then the multipart POST), PARALLEL at a time. One line per post to $FORM_LOG: tag, HTTP status, submission token,
# whether the answer was the site's page (html) and its heading.
post_forms() {
  local count="$1" tag="$2" parallel="${3:-4}"
  seq 1 "$count" | xargs -P "$parallel" -I{} bash -c 'post_one "$@"' _ {} "$tag"
}

post_one() {
  local n="$1" tag="$2" jar page csrf token status body heading
  jar="$(mktemp "$WORK/cookies.XXXXXX")"; body="$jar.body"
  page="$(curl -s -m 30 -c "$jar" "http://127.0.0.1:$HTTP_PORT/" || true)"
  csrf="$(grep -o 'name="csrfToken" value="[^"]*"' <<<"$page" | cut -d'"' -f4 || true)"
  token="$(grep -o 'name="submissionToken" value="[^"]*"' <<<"$page" | cut -d'"' -f4 || true)"
  if [[ -z "$token" ]]; then
    status="$(curl -s -m 30 -o "$body" -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/" || echo 000)"
    echo "$tag get-$status - $(page_kind "$body")" >>"$FORM_LOG"; rm -f "$jar" "$body"; return
  fi
  post_token "$tag" "$token" "$csrf" "$jar" "$n"
  # the cookie jar stays: a retry of a refused post sends the same cookie and token
}

# One POST of the form with a given submission token (a retry after a refusal sends the same one again).
post_token() {
  local tag="$1" token="$2" csrf="$3" jar="$4" n="$5" body="$4.body" status started=$EPOCHREALTIME
  status="$(curl -s -m 60 -b "$jar" -o "$body" -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/feedback" \
    -F "csrfToken=$csrf" -F "submissionToken=$token" -F "website=" -F "fullName=Петров Пётр Петрович" \
    -F "email=form-$tag-$n@mail.example.ru" -F "phone=+7 912 345-67-89" -F "callbackTime=" \
    -F "category=technical_problem" -F "subject=Не приходит код подтверждения ($tag $n)" \
    -F "description=Код подтверждения по SMS не приходит уже второй час, хотя номер указан верно." \
    -F "consent=yes" ${FORM_FILE:+-F "attachments=@$FORM_FILE;type=application/pdf"} || echo 000)"
  echo "$tag $status $token $(page_kind "$body") $n $csrf $(basename "$jar") $(bc <<<"$EPOCHREALTIME - $started")" >>"$FORM_LOG"
  rm -f "$body"
}

# How an answer looked: "site:<h1>" for the site's own page, "json:<code>", "other" (a container page, nothing).
page_kind() {
  if [[ ! -s "$1" ]]; then echo empty
  elif grep -q 'lang="ru"' "$1"; then echo "site:$(grep -o '<h1[^>]*>[^<]*' "$1" | head -1 | sed 's/<h1[^>]*>//; s/ /_/g')"
  elif grep -q '"code"' "$1"; then echo "json:$(grep -o '"code" *: *"[^"]*"' "$1" | head -1 | cut -d'"' -f4)"
  else echo other; fi
}
export -f post_one post_token page_kind
export WORK FORM_LOG

# Posts once more, with the same submission token and cookie, every post that was refused (503 or no answer):
# what a citizen does when told to try again.
retry_refused() {
  local line tag status token kind n csrf jar
  { grep -v ' 303 ' "$FORM_LOG" | grep -v ' get-' || true; } | while read -r tag status token kind n csrf jar _; do
    [[ -f "$WORK/$jar" ]] || touch "$WORK/$jar"
    post_token "$tag-retry" "$token" "$csrf" "$WORK/$jar" "$n"
  done
}

# Waits until every sent mail left the INBOX and nothing is left to send, or LIMIT seconds pass.
await_settled() {
  local limit="${1:-300}" start=$SECONDS
  while (( SECONDS - start < limit )); do
    if (( $(folder_count) == 0 )) && [[ "$(sql "select count(*) from outbox where sent_at is null and failed_at is null" 2>/dev/null)" == 0 ]]; then
      log "settled after $((SECONDS - start)) s"; return 0
    fi
    sleep 1
  done
  log "not settled after $limit s"; return 1
}

# The figures: what was sent, what became tickets and mails, what was lost or doubled, what is half-stored.
report() {
  local data="${DATA_DIR:-$WORK/server/data}"
  sql "create temp table x(id text)" >/dev/null 2>&1 || true
  local mails forms_ok forms_refused tickets mail_tickets form_tickets lost_mail lost_form dup_tickets
  mails="$(wc -l <"$SENT_MAIL")"
  forms_ok="$(awk '$2 == 303' "$FORM_LOG" | awk '{print $3}' | sort -u | wc -l)"
  forms_refused="$(awk '$2 != 303 && $1 !~ /retry/' "$FORM_LOG" | wc -l)"
  tickets="$(sql "select count(*) from ticket")"
  mail_tickets="$(sql "select count(*) from ticket where channel = 'email'")"
  form_tickets="$(sql "select count(*) from ticket where channel = 'form'")"
  local known="$WORK/known.txt"
  sql "select external_id from message" | sort >"$known"
  lost_mail="$(sort -u "$SENT_MAIL" | comm -23 - "$known" | wc -l)"
  lost_form="$(awk '$2 == 303 {print "form-" $3}' "$FORM_LOG" | sort -u | comm -23 - "$known" | wc -l)"
  dup_tickets="$(sql "select coalesce(sum(n - 1), 0) from (select count(*) n from ticket group by requester_email having count(*) > 1) d")"
  local acks acks_sent acks_unsent acks_failed sink_total sink_distinct sink_twice
  acks="$(sql "select count(*) from outbox where kind = 'acknowledgement'")"
  acks_sent="$(sql "select count(*) from outbox where kind = 'acknowledgement' and sent_at is not null")"
  acks_unsent="$(sql "select count(*) from outbox where sent_at is null and failed_at is null")"
  acks_failed="$(sql "select count(*) from outbox where failed_at is not null")"
  sink_total="$(wc -l <"$SINK_LOG")"
  sink_distinct="$(awk '{print $2}' "$SINK_LOG" | sort -u | wc -l)"
  sink_twice="$(awk '{print $2}' "$SINK_LOG" | sort | uniq -d | wc -l)"
  local no_message no_ack missing_files
  no_message="$(sql "select count(*) from ticket t where not exists (select 1 from message m where m.ticket_id = t.id)")"
  no_ack="$(sql "select count(*) from ticket t where not exists (select 1 from outbox o where o.ticket_id = t.id)")"
  missing_files=0
  while read -r sha; do
    [[ -z "$sha" ]] && continue
    [[ -f "$data/files/${sha:0:2}/${sha:2:2}/$sha" ]] || missing_files=$((missing_files + 1))
  done < <(sql "select raw_sha256 from message where raw_sha256 <> '' union select sha256 from attachment")
  cat <<EOF
--- figures
sent:      $mails mails into the INBOX; $(awk '$1 !~ /retry/' "$FORM_LOG" | wc -l) form posts: $(awk '$2 == 303 && $1 !~ /retry/' "$FORM_LOG" | wc -l) accepted at once (303), $forms_refused refused on first try ($(awk '$2 != 303 && $1 !~ /retry/ {print $2 "/" $4}' "$FORM_LOG" | sort | uniq -c | awk '{printf "%s %s; ", $1, $2}')), retried: $(awk '$1 ~ /retry/ {print $2}' "$FORM_LOG" | sort | uniq -c | awk '{printf "%s× %s ", $1, $2}')
answers:   form posts answered in (s): $(awk '$1 !~ /retry/ && NF >= 8 {print $8}' "$FORM_LOG" | sort -n | awk '{a[NR] = $1} END {if (NR) printf "median %.2f, p95 %.2f, max %.2f", a[int(NR / 2) + 1], a[int(NR * 0.95)], a[NR]}')
mailbox:   INBOX $(folder_count), Processed $(folder_count Processed), Failed $(folder_count Failed)
tickets:   $tickets ($mail_tickets from mail, $form_tickets from the form)
lost:      $lost_mail mails, $lost_form accepted form posts (no message with their id)
doubled:   $dup_tickets duplicate tickets (a second ticket for one sender)
acks:      $acks acknowledgements in the outbox, $acks_sent marked sent, $acks_unsent still to send, $acks_failed failed
smtp sink: $sink_total mails taken, $sink_distinct distinct Message-IDs, $sink_twice taken more than once
half:      $no_message tickets without a message, $no_ack tickets without an outbox row, $missing_files stored messages/files whose file is missing
EOF
}
