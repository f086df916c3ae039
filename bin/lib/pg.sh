# A throw-away PostgreSQL cluster for the tests (sourced after env.sh; needs root or sudo):
#   pg_start          installs Debian's PostgreSQL if missing and starts a cluster on 127.0.0.1:$PG_PORT
#                     (ACCESS_TEST_PG_PORT, default 15432) under $PG_DATA; it is stopped and deleted on exit
#   pg_attach         uses the cluster another script started (same ACCESS_TEST_PG_PORT), leaving it running
#   pg_database NAME  creates an empty database NAME owned by keycloak/keycloak
#   pg_sql NAME SQL   runs SQL in database NAME, prints rows unaligned, '|' between columns

PG_PORT="${ACCESS_TEST_PG_PORT:-15432}"
PG_DATA="${TMPDIR:-/tmp}/access-lifecycle-test-pg"

pg_start() {
  apt_install postgresql
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_stop
  trap pg_stop EXIT
  as_root mkdir -p "$PG_DATA" && as_root chown postgres "$PG_DATA"
  _pg_as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust >/dev/null
  _pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1" -w start >/dev/null
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create user keycloak password 'keycloak'"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT" >&2
}

pg_attach() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
}

pg_stop() {
  [ -n "${PG_BIN:-}" ] || return 0
  _pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast stop >/dev/null 2>&1 || true
  as_root rm -rf "$PG_DATA"
}

pg_database() {
  PGOPTIONS='--client-min-messages=warning' "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "drop database if exists \"$1\"" -c "create database \"$1\" owner keycloak"
}

pg_sql() {
  "$PG_BIN/psql" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c "$2"
}

_pg_as_postgres() { as_root runuser -u postgres -- "$@"; }
