#!/usr/bin/env bash
# Mail intake throughput from a real IMAP server (Dovecot, started here unprivileged on 127.0.0.1) to
# committed tickets on H2 (file) and PostgreSQL, beside a plain IMAP fetch of the same messages in the
# same run. Usage: bench/mail.sh [COUNT=2000] [MIX=small|realistic|both]
# small: Russian support mails of 3–7 KB, a quarter with a small PDF. realistic: about 155 KB on average, text and
# HTML in quoted-printable or base64 (UTF-8 or windows-1251), a third with JPEG-like or PDF-like scans, four in a
# thousand of 2 MB; generated in the run, never stored in the repository. Heap: -Xmx256m.
# PostgreSQL: INTAKE_TEST_PG_URL (default jdbc:postgresql://127.0.0.1:5432/intake_test, user postgres).
# BENCH_JAVA_OPTS: extra JVM options (a profiler: -XX:StartFlightRecording=filename=mail.jfr); BENCH_PROFILE:
# async-profiler's options for the timed intake alone (event=cpu,interval=1ms,threads,collapsed,file=/tmp/cpu.txt;
# fetched from Maven Central on first use; each database's run overwrites the file); BENCH_DATABASES:
# which of "h2 postgres" to run; BENCH_WARM_UP: small mails per warm-up round (default 200, a quarter as many
# realistic ones). On 2 cores the JIT compilers are still at work after three rounds of 200; rounds of 3,000 bring
# them down to a fifth of the timed intake, nearer a server that has run for a day.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-2000}"
MIX="${2:-small}"
case "$MIX" in
  small | realistic) MIXES=("$MIX") ;;
  both) MIXES=(small realistic) ;;
  *) echo "MIX is small, realistic or both, not $MIX" >&2; exit 2 ;;
esac
# shellcheck source=bench/dovecot.sh
source bench/dovecot.sh

./mvnw -q -pl mail-poller -am -DskipTests test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-mail.classpath"
CP="mail-poller/target/test-classes:mail-poller/target/classes:$(cat target/bench-mail.classpath)"
PROFILE_OPTS=()
if [[ -n "${BENCH_PROFILE:-}" ]]; then
  # async-profiler from Maven Central, started and stopped around the timed intake only (TimedProfile).
  ./mvnw -q dependency:copy -Dartifact=tools.profiler:async-profiler:3.0:jar:linux-x64 \
    -DoutputDirectory=target/async-profiler
  (cd target/async-profiler && unzip -q -o async-profiler-3.0-linux-x64.jar)
  CP="target/async-profiler:$CP"
  PROFILE_OPTS=("-Dbench.profile=$BENCH_PROFILE" "-Dbench.profiler=$PWD/target/async-profiler/linux-x64/libasyncProfiler.so")
fi

if [[ -z "${INTAKE_TEST_PG_URL:-}" ]] &&
  ! psql -h 127.0.0.1 -U postgres -d postgres -tAc "select 1 from pg_database where datname = 'intake_test'" | grep -q 1; then
  psql -h 127.0.0.1 -U postgres -d postgres -qc "create database intake_test"
fi

WORK="$(mktemp -d /tmp/intake-mail-bench.XXXXXX)"
DOVECOT_PID=""
stop() {
  if [[ -n "$DOVECOT_PID" ]]; then kill "$DOVECOT_PID" 2>/dev/null && wait "$DOVECOT_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap stop EXIT

start_dovecot "$WORK"
PORT="$DOVECOT_PORT"
MAILDIR="$WORK/Maildir"

# Time NOOP round trips on a logged-in connection.
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

echo "NOOP round trip ${NOOP_US} µs (bash client)"
WARM_UP="${BENCH_WARM_UP:-200}"
echo "mail intake, $COUNT Russian support mails per row (mix: $MIX), after three warm-up rounds ($WARM_UP small or $((WARM_UP / 4))"
echo "realistic mails each; jit: the JIT compilers' time during the timed intake, summed over their threads, ÷ its length)"
echo "fetch/s: plain read-only IMAP fetch of every message; archive/s: the same fetch with each message kept in a file"
echo "store and each batch's files forced to disk together (the least a durable intake does); intake/s: MailboxPoller +"
echo "MailIntake, mailbox to committed ticket and MOVE to Processed; ratio = intake/s ÷ fetch/s (the goal's figure);"
echo "of_archive = intake/s ÷ archive/s; jvm_cpu = cores the intake's JVM kept busy (CPU s per s, of $(nproc); the"
echo "database server and Dovecot use the rest)"
printf '%-9s %-9s %7s %8s %9s %10s %9s %7s %10s %8s %6s\n' database mix count avg_KB fetch/s archive/s intake/s \
  ratio of_archive jvm_cpu jit
for mix in "${MIXES[@]}"; do
  for db in ${BENCH_DATABASES:-h2 postgres}; do
    # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
    java -Xmx256m -Dbench.warmUp="$WARM_UP" "${PROFILE_OPTS[@]}" ${BENCH_JAVA_OPTS:-} -Dlogback.configurationFile=mail-poller/src/test/resources/logback-test.xml \
      -cp "$CP" org.supportintake.mail.bench.MailBenchmark "$PORT" "$IMAP_USER" "$IMAP_PASSWORD" "$MAILDIR" \
      "$COUNT" "$db" "$mix"
  done
done
