#!/usr/bin/env bash
# Requests per second and p99 latency of POST /api/v1/submissions, without files and with a 1 MB
# PNG, beside GET /health measured in the same run (the ratio is the figure), on H2 and PostgreSQL.
# The server is the packaged jar; wrk (Debian's package) runs on the same machine.
# Usage: bench/web.sh [DURATION=15s] [CONNECTIONS=8]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15s}"
CONNECTIONS="${2:-8}"
command -v wrk >/dev/null || apt-get install -y wrk >/dev/null

./mvnw -q -DskipTests package
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

BOUNDARY="----intakebench"
python3 - "$WORK" "$BOUNDARY" <<'PY'
import sys, struct, zlib
work, boundary = sys.argv[1], sys.argv[2]
fields = {"fullName": "Иванова Мария Петровна", "email": "bench@example.ru", "phone": "+79123456789",
          "category": "technical_problem", "subject": "Не открывается личный кабинет",
          "description": "После ввода пароля страница личного кабинета не загружается уже второй день.",
          "consent": "yes"}
def part(name, value):
    return ("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (boundary, name, value)).encode()
head = b"".join(part(k, v) for k, v in fields.items())
end = ("--%s--\r\n" % boundary).encode()
open(work + "/plain.body", "wb").write(head + end)
png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
png += struct.pack(">I", zlib.crc32(b"IHDR" + png[16:29]) & 0xffffffff)
png += b"\0" * (1024 * 1024 - len(png))
file = ("--%s\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"screen.png\"\r\n"
        "Content-Type: image/png\r\n\r\n" % boundary).encode() + png + b"\r\n"
open(work + "/png.body", "wb").write(head + file + end)
PY

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# wrk's "Requests/sec" and the 99% latency line, and the non-2xx count.
measure() { # label url [lua-body]
  local out
  if [ $# -eq 3 ]; then
    out="$(BODY_FILE="$3" CONTENT_TYPE="multipart/form-data; boundary=$BOUNDARY" \
      wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/web-post.lua "$2")"
  else
    out="$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "$2")"
  fi
  local rps p99 bad
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {print $2}' <<<"$out")"
  bad="$(awk '/Non-2xx/ {print $NF}' <<<"$out")"
  printf '%s %s %s %s\n' "$1" "$rps" "$p99" "${bad:-0}"
}

run() { # database
  local port; port="$(free_port)"
  local env=(INTAKE_HTTP_PORT="$port" INTAKE_DATA_DIR="$WORK/data-$1" INTAKE_IMAP_URL="imap://bench:bench@127.0.0.1:9/INBOX"
             INTAKE_FORM_LIMIT_PER_ADDRESS=1000000 INTAKE_FORM_LIMIT_PER_EMAIL=1000000 INTAKE_ACK_LIMIT_PER_HOUR=1000)
  if [ "$1" = postgres ]; then
    local schema="bench_web_$$"
    PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d intake_test -c "drop schema if exists $schema cascade; create schema $schema"
    env+=(INTAKE_DB_URL="jdbc:postgresql://127.0.0.1:5432/intake_test?currentSchema=$schema" INTAKE_DB_USER=postgres)
  fi
  env "${env[@]}" java -jar intake-server/target/intake-server.jar >"$WORK/server-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done
  local base="http://127.0.0.1:$port"
  measure warmup "$base/api/v1/submissions" "$WORK/plain.body" >/dev/null
  local health plain png
  health="$(measure health "$base/health")"
  plain="$(measure plain "$base/api/v1/submissions" "$WORK/plain.body")"
  png="$(measure png "$base/api/v1/submissions" "$WORK/png.body")"
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
  [ "$1" = postgres ] && PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d intake_test -c "drop schema bench_web_$$ cascade" 2>/dev/null
  local health_rps; health_rps="$(cut -d' ' -f2 <<<"$health")"
  for line in "$health" "$plain" "$png"; do
    read -r what rps p99 bad <<<"$line"
    printf '%-9s %-28s %10s %10s %8s %8s\n' "$1" "$what" "$rps" "$p99" \
      "$(python3 -c "print(f'{float($rps)/float($health_rps):.3f}')")" "$bad"
  done
}

echo "wrk -t2 -c$CONNECTIONS -d$DURATION; ratio = requests/s ÷ GET /health requests/s in the same run"
printf "%-9s %-28s %10s %10s %8s %8s\n" database request req/s p99 ratio non-2xx
run h2
run postgres
