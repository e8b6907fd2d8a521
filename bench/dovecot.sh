# Sourced by bench scripts: installs Dovecot (IMAP) if missing and starts it unprivileged on a free loopback port
# with its own config and one maildir user under a directory of the caller's. After `start_dovecot DIR`:
# DOVECOT_PORT, DOVECOT_PID, IMAP_USER, IMAP_PASSWORD. Used by bench/mail.sh and bench/ack-latency.sh.
IMAP_USER=support@localhost
IMAP_PASSWORD=bench-secret

free_port() {
  local port
  for port in $(shuf -i 20000-60999 -n 100); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "no free port found" >&2; return 1
}

start_dovecot() {
  local work="$1" run_as dovecot
  if ! command -v dovecot >/dev/null; then
    apt-get install -y dovecot-imapd >/dev/null || { apt-get update >/dev/null && apt-get install -y dovecot-imapd >/dev/null; }
  fi
  dovecot="$(command -v dovecot)"
  # Dovecot runs as an unprivileged user: a system user of its own when we are root, else ourselves.
  local as_user=()
  if [[ $EUID -eq 0 ]]; then
    run_as=intakebench
    getent passwd "$run_as" >/dev/null || useradd --system --no-create-home --shell /usr/sbin/nologin "$run_as"
    as_user=(setpriv --reuid="$run_as" --regid="$run_as" --clear-groups)
  else
    run_as="$(id -un)"
  fi
  DOVECOT_PORT="$(free_port)"
  mkdir -p "$work/run" "$work/state" "$work/Maildir"/{cur,new,tmp}
  echo "$IMAP_USER:{PLAIN}$IMAP_PASSWORD:$(id -u "$run_as"):$(id -g "$run_as")::$work::" > "$work/passwd"
  cat > "$work/dovecot.conf" <<EOF
# IMAP only, plaintext on loopback, one passwd-file user, everything under $work.
protocols = imap
listen = 127.0.0.1
base_dir = $work/run
state_dir = $work/state
log_path = $work/dovecot.log
info_log_path = $work/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $run_as
default_internal_group = $(id -gn "$run_as")
default_login_user = $run_as
first_valid_uid = $(id -u "$run_as")
last_valid_uid = $(id -u "$run_as")
mail_location = maildir:$work/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $work/passwd
}
userdb {
  driver = passwd-file
  args = username_format=%u $work/passwd
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = $DOVECOT_PORT
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
  chmod 755 "$work"
  chown -R "$run_as:" "$work"
  "${as_user[@]}" "$dovecot" -F -c "$work/dovecot.conf" &
  DOVECOT_PID=$!
  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$DOVECOT_PORT") 2>/dev/null && break
    kill -0 "$DOVECOT_PID" 2>/dev/null || { echo "Dovecot stopped:" >&2; cat "$work/dovecot.log" >&2; return 1; }
    sleep 0.1
  done
  echo "$("$dovecot" --version | cut -d' ' -f1) on 127.0.0.1:$DOVECOT_PORT as $run_as"
}
