#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests: initdb in a temporary folder, start it on
# 127.0.0.1 at a free port, run the given command with CLIENTCARE_TEST_PG set to its URL,
# then stop the server and delete the folder (also on failure or Ctrl+C).
#
#   tests/pg_server.sh make test          # what `make test-pg` does
#   tests/pg_server.sh                    # no command: print the URL and wait for Ctrl+C
#
# Needs Debian's `postgresql` package (initdb and pg_ctl under /usr/lib/postgresql/*/bin).
# PostgreSQL refuses to run as root, so as root the server runs as the user `nobody`.
# The password is random, lives only in this run's environment and dies with the server.
set -euo pipefail

PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL is not installed. On Debian: sudo apt-get install -y postgresql" >&2
  exit 1
fi

PYTHON="${PYTHON:-python3}"
DIR="$(mktemp -d "${TMPDIR:-/tmp}/clientcare-pg.XXXXXX")"
PORT="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
PASSWORD="$("$PYTHON" -c 'import secrets; print(secrets.token_hex(16))')"
ROLE=clientcare

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

stop() {
  as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT
trap 'exit 130' INT TERM

if [ "$(id -u)" -eq 0 ]; then chown nobody "$DIR"; fi
chmod 700 "$DIR"
printf '%s\n' "$PASSWORD" >"$DIR/pwfile"
if [ "$(id -u)" -eq 0 ]; then chown nobody "$DIR/pwfile"; fi
as_owner "$PG_BIN/initdb" -D "$DIR/data" -U "$ROLE" --pwfile="$DIR/pwfile" \
  --auth-local=scram-sha-256 --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
rm -f "$DIR/pwfile"
# Tuned for throwaway test databases: no durability needed, many short-lived databases.
as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off \
   -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$DIR/server.log" >&2; exit 1; }

export CLIENTCARE_TEST_PG="postgresql+psycopg://$ROLE:$PASSWORD@127.0.0.1:$PORT/postgres"
echo "Throwaway PostgreSQL server at 127.0.0.1:$PORT (data in $DIR; removed on exit)." >&2

if [ "$#" -eq 0 ]; then
  echo "CLIENTCARE_TEST_PG=$CLIENTCARE_TEST_PG"
  echo "Press Ctrl+C to stop it." >&2
  while true; do sleep 3600; done
fi
"$@"
