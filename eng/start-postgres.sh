#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the PostgreSQL store tests and sets ANTOM_TEST_POSTGRES to reach it.
#
#   source eng/start-postgres.sh     # sets ANTOM_TEST_POSTGRES in this shell; stop_postgres stops the server
#   eval "$(bash eng/start-postgres.sh)"   # the same, from a script that runs it
#
# Installs Debian's postgresql package when no initdb is found (needs root), creates a cluster in a fresh temporary
# folder owned by the postgres user (PostgreSQL refuses to run as root), listens on 127.0.0.1 only, on a free port,
# trusts local connections (nothing else can reach it), and creates the database antom_test.
_antom_pg_start() {
  local bin initdb_path
  initdb_path="$(command -v initdb 2>/dev/null || ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$initdb_path" ]; then
    echo "start-postgres: initdb not found; installing Debian's postgresql package" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || return 1
    initdb_path="$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$initdb_path" ] || { echo "start-postgres: postgresql installed but no initdb found" >&2; return 1; }
  fi
  # The real binaries (a PATH entry may be a symlink into /usr/lib/postgresql/<version>/bin).
  bin="$(dirname "$(readlink -f "$initdb_path")")"

  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres || return 1
    as=(runuser -u postgres --)
  fi

  local base port
  base="$(mktemp -d "${TMPDIR:-/tmp}/antom-postgres.XXXXXX")" || return 1
  chmod 755 "$base"
  [ "${#as[@]}" -eq 0 ] || chown postgres "$base"
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')" || return 1

  "${as[@]}" "$bin/initdb" -D "$base/data" -U postgres --auth=trust -E UTF8 --no-locale >"$base/initdb.log" 2>&1 \
    || { cat "$base/initdb.log" >&2; return 1; }
  "${as[@]}" "$bin/pg_ctl" -D "$base/data" -l "$base/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $base -c fsync=off -c max_connections=200" start >&2 \
    || { cat "$base/server.log" >&2; return 1; }
  "${as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres antom_test || return 1

  ANTOM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=antom_test"
  ANTOM_TEST_POSTGRES_DIR="$base"
  ANTOM_TEST_POSTGRES_STOP="${as[*]} $bin/pg_ctl -D $base/data -m fast stop"
  export ANTOM_TEST_POSTGRES ANTOM_TEST_POSTGRES_DIR ANTOM_TEST_POSTGRES_STOP
  echo "start-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $base)" >&2
}

# Stops the server this script started and removes its folder.
stop_postgres() {
  [ -n "${ANTOM_TEST_POSTGRES_DIR:-}" ] || return 0
  $ANTOM_TEST_POSTGRES_STOP >/dev/null 2>&1 || true
  rm -rf "$ANTOM_TEST_POSTGRES_DIR"
  unset ANTOM_TEST_POSTGRES ANTOM_TEST_POSTGRES_DIR ANTOM_TEST_POSTGRES_STOP
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  # Run, not sourced: print the exports for eval.
  set -euo pipefail
  _antom_pg_start
  printf 'export ANTOM_TEST_POSTGRES=%q ANTOM_TEST_POSTGRES_DIR=%q ANTOM_TEST_POSTGRES_STOP=%q\n' \
    "$ANTOM_TEST_POSTGRES" "$ANTOM_TEST_POSTGRES_DIR" "$ANTOM_TEST_POSTGRES_STOP"
else
  _antom_pg_start && echo "ANTOM_TEST_POSTGRES=$ANTOM_TEST_POSTGRES (stop it with: stop_postgres)" >&2
fi
