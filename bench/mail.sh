#!/usr/bin/env bash
# Mail intake throughput from a real IMAP server (Dovecot, started here unprivileged on 127.0.0.1) to
# committed tickets on H2 (file) and PostgreSQL, beside a plain IMAP fetch of the same messages in the
# same run. Usage: bench/mail.sh [COUNT=2000]
# PostgreSQL: INTAKE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/intake_test, user postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-2000}"
IMAP_USER=support@localhost
IMAP_PASSWORD=bench-secret

if ! command -v dovecot >/dev/null; then
  apt-get install -y dovecot-imapd >/dev/null || { apt-get update >/dev/null && apt-get install -y dovecot-imapd >/dev/null; }
fi
DOVECOT="$(command -v dovecot)"

# Dovecot runs as an unprivileged user: a system user of its own when we are root, else ourselves.
if [[ $EUID -eq 0 ]]; then
  RUN_AS=intakebench
  getent passwd "$RUN_AS" >/dev/null || useradd --system --no-create-home --shell /usr/sbin/nologin "$RUN_AS"
  AS_USER=(setpriv --reuid="$RUN_AS" --regid="$RUN_AS" --clear-groups)
else
  RUN_AS="$(id -un)"
  AS_USER=()
fi

# A free port: one that nothing answers on.
free_port() {
  local port
  for port in $(shuf -i 20000-60999 -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

./mvnw -q -pl mail-poller -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-mail.classpath"
CP="mail-poller/target/test-classes:mail-poller/target/classes:$(cat target/bench-mail.classpath)"

if ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'intake_test'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database intake_test"
fi

WORK="$(mktemp -d /tmp/intake-mail-bench.XXXXXX)"
DOVECOT_PID=""
stop() {
  if [[ -n "$DOVECOT_PID" ]]; then kill "$DOVECOT_PID" 2>/dev/null && wait "$DOVECOT_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap stop EXIT

PORT="$(free_port)"
MAILDIR="$WORK/Maildir"
mkdir -p "$WORK/run" "$WORK/state" "$MAILDIR"/{cur,new,tmp}
echo "$IMAP_USER:{PLAIN}$IMAP_PASSWORD:$(id -u "$RUN_AS"):$(id -g "$RUN_AS")::$WORK::" > "$WORK/passwd"
cat > "$WORK/dovecot.conf" <<EOF
# IMAP only, plaintext on loopback, one passwd-file user, everything under $WORK.
protocols = imap
listen = 127.0.0.1
base_dir = $WORK/run
state_dir = $WORK/state
log_path = $WORK/dovecot.log
info_log_path = $WORK/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $RUN_AS
default_internal_group = $(id -gn "$RUN_AS")
default_login_user = $RUN_AS
first_valid_uid = $(id -u "$RUN_AS")
last_valid_uid = $(id -u "$RUN_AS")
mail_location = maildir:$MAILDIR
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $WORK/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $WORK/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $PORT
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
# An unprivileged process cannot chroot(): the services that do so by default run without it.
service anvil {
  chroot =
}
service ipc {
  chroot =
}
service old-stats {
  chroot =
}
EOF
chmod 755 "$WORK"
chown -R "$RUN_AS:" "$WORK"

"${AS_USER[@]}" "$DOVECOT" -F -c "$WORK/dovecot.conf" &
DOVECOT_PID=$!

# Wait for the port to answer, then time NOOP round trips on a logged-in connection.
for _ in $(seq 1 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$DOVECOT_PID" 2>/dev/null || { echo "Dovecot stopped:" >&2; cat "$WORK/dovecot.log" >&2; exit 1; }
  sleep 0.1
done
exec 3<>"/dev/tcp/127.0.0.1/$PORT" || { echo "Dovecot does not answer on $PORT" >&2; cat "$WORK/dovecot.log" >&2; exit 1; }
IFS= read -r -t 5 greeting <&3
[[ $greeting == "* OK"* ]] || { echo "Dovecot did not greet: $greeting" >&2; cat "$WORK/dovecot.log" >&2; exit 1; }
printf 'a1 LOGIN "%s" "%s"\r\n' "$IMAP_USER" "$IMAP_PASSWORD" >&3
while IFS= read -r -t 5 line <&3 && [[ $line != a1\ * ]]; do :; done
[[ $line == "a1 OK"* ]] || { echo "Dovecot refused the login: $line" >&2; cat "$WORK/dovecot.log" >&2; exit 1; }
ROUND_TRIPS=200
started=$EPOCHREALTIME
for ((i = 0; i < ROUND_TRIPS; i++)); do
  printf 'n%d NOOP\r\n' "$i" >&3
  IFS= read -r -t 5 line <&3
done
NOOP_US="$(awk -v s="$started" -v e="$EPOCHREALTIME" -v n="$ROUND_TRIPS" 'BEGIN { printf "%.0f", (e - s) / n * 1e6 }')"
printf 'z LOGOUT\r\n' >&3
exec 3>&-

echo "$("$DOVECOT" --version | cut -d' ' -f1) on 127.0.0.1:$PORT as $RUN_AS, NOOP round trip ${NOOP_US} µs (bash client)"
echo "mail intake, $COUNT Russian support mails per row (3–7 KB, a quarter with a PDF), after a 200-mail warm-up"
echo "fetch/s: plain read-only IMAP fetch of every message; intake/s: MailboxPoller + MailIntake, mailbox to committed"
echo "ticket and MOVE to Processed; ratio = intake/s ÷ fetch/s (higher is better)"
printf '%-9s %7s %14s %12s %8s\n' database count fetch/s intake/s ratio
for db in h2 postgres; do
  java -Xmx1g -Dlogback.configurationFile=mail-poller/src/test/resources/logback-test.xml -cp "$CP" \
    org.supportintake.mail.bench.MailBenchmark "$PORT" "$IMAP_USER" "$IMAP_PASSWORD" "$MAILDIR" "$COUNT" "$db"
done
