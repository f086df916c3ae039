# A throw-away PostgreSQL cluster for the scripts (sourced after env.sh; needs root or sudo):
#   pg_start [-c NAME=VALUE...]  installs Debian's PostgreSQL if missing and starts a new cluster on
#                     127.0.0.1:$PG_PORT under $PG_DATA, with these server settings; sets PG_VERSION (the caller
#                     calls pg_stop on exit, e.g. trap pg_stop EXIT)
#   pg_attach         uses the cluster another script started (same port), leaving it running
#   pg_stop           stops the cluster pg_start started and deletes it
#   pg_database NAME  creates an empty database NAME owned by keycloak/keycloak
#   pg_sql NAME SQL   runs SQL in database NAME, prints rows unaligned, '|' between columns
# PG_PORT (default ACCESS_TEST_PG_PORT, else 15432) and PG_DATA may be set before sourcing.

PG_PORT="${PG_PORT:-${ACCESS_TEST_PG_PORT:-15432}}"
PG_DATA="${PG_DATA:-${TMPDIR:-/tmp}/access-lifecycle-test-pg}"
PG_STARTED=

_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

pg_start() {
  if [ -z "$(_pg_bin)" ]; then
    # the package may start a "main" cluster on 5432: stop what the install started
    local before c
    before=$(pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1 "/" $2}' || true)
    apt_install postgresql
    for c in $(pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1 "/" $2}'); do
      case " $before " in *" $c "*) ;; *) as_root pg_ctlcluster "${c%/*}" "${c#*/}" stop || true ;; esac
    done
  fi
  PG_BIN=$(_pg_bin)
  pg_stop
  PG_STARTED=1
  as_root rm -rf "$PG_DATA"
  as_root mkdir -p "$PG_DATA" && as_root chown postgres "$PG_DATA"
  _pg_as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C --auth=trust >/dev/null
  _pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DATA/server.log" \
    -o "-p $PG_PORT -k $PG_DATA -c listen_addresses=127.0.0.1 $*" -w -t 60 start >/dev/null \
    || { tail -n 20 "$PG_DATA/server.log" >&2; return 1; }
  "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -c "create user keycloak password 'keycloak'"
  PG_VERSION=$("$PG_BIN/postgres" --version | awk '{print $3}')
  echo "PostgreSQL $PG_VERSION on 127.0.0.1:$PG_PORT" >&2
}

pg_attach() {
  PG_BIN=$(_pg_bin)
  PG_VERSION=$("$PG_BIN/postgres" --version | awk '{print $3}')
}

pg_stop() {
  [ -n "${PG_BIN:-}" ] || return 0
  _pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  [ -z "$PG_STARTED" ] || as_root rm -rf "$PG_DATA"
  PG_STARTED=
}

pg_database() {
  PGOPTIONS='--client-min-messages=warning' "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres \
    -c "drop database if exists \"$1\"" -c "create database \"$1\" owner keycloak"
}

pg_sql() {
  "$PG_BIN/psql" -X -q -A -t -F '|' -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c "$2"
}

_pg_as_postgres() { as_root runuser -u postgres -- "$@"; }
