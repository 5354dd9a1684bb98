#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the shared-state tests (ledger and workflow on PostgreSQL, the fleet
# test, `rsspot state migrate`). Debian packages only.
#
#   build/postgres.sh install          installs the server (apt-get, as root) unless its binaries are already there
#   build/postgres.sh start ENV_FILE   installs if needed, starts a fresh cluster in a temporary directory on 127.0.0.1
#                                      (a free port, a random password) and writes ENV_FILE, which exports
#                                      RSSPOT_TEST_POSTGRES (the connection string the tests use) and RSSPOT_TEST_POSTGRES_DIR
#   build/postgres.sh stop ENV_FILE    stops that cluster and deletes its directory and ENV_FILE
#
# The server refuses to run as root, so as root the cluster belongs to the `postgres` system user (run with runuser).
# Durability is switched off (fsync, full-page writes): the cluster only lives for one test run.
set -euo pipefail

bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
  command -v initdb >/dev/null && dirname "$(command -v initdb)"
}

install() {
  [ -n "$(bindir)" ] && return 0
  if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
    echo "postgres.sh: PostgreSQL is not installed and cannot be (needs root and apt-get): install the 'postgresql' package" >&2
    return 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  [ -n "$(bindir)" ] || { echo "postgres.sh: 'postgresql' installed but initdb not found" >&2; return 1; }
}

# Runs a server binary as a user the server accepts.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for port in $(shuf -i 20000-45000 -n 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
  echo "postgres.sh: no free port found" >&2
  return 1
}

start() {
  local env_file="$1" bin dir port password
  install
  bin=$(bindir)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/rsspot-postgres.XXXXXX")
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port=$(free_port)
  password=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
  echo "$password" >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U rsspot --pwfile="$dir/pwfile" -A scram-sha-256 -E UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  rm -f "$dir/pwfile"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    >/dev/null || { cat "$dir/server.log" >&2; return 1; }
  PGPASSWORD="$password" "$bin/createdb" -h 127.0.0.1 -p "$port" -U rsspot rsspot_test
  umask 077
  cat >"$env_file" <<ENV
export RSSPOT_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Database=rsspot_test;Username=rsspot;Password=$password'
export RSSPOT_TEST_POSTGRES_DIR='$dir'
ENV
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)"
}

stop() {
  local env_file="$1"
  [ -f "$env_file" ] || return 0
  # shellcheck disable=SC1090
  source "$env_file"
  as_owner "$(bindir)/pg_ctl" -D "$RSSPOT_TEST_POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$RSSPOT_TEST_POSTGRES_DIR" "$env_file"
}

case "${1:-}" in
  install) install ;;
  start) [ -n "${2:-}" ] || { echo "usage: $0 start ENV_FILE" >&2; exit 2; }; start "$2" ;;
  stop) [ -n "${2:-}" ] || { echo "usage: $0 stop ENV_FILE" >&2; exit 2; }; stop "$2" ;;
  *) echo "usage: $0 install | start ENV_FILE | stop ENV_FILE" >&2; exit 2 ;;
esac
