# Shared by the bench scripts (usernames.sh, invitations.sh, run-all.sh): sourced, never run. Sets the paths and ports, finds a
# JDK 21+, unpacks and starts Keycloak on 18080/19000 (its own process group), and stops what the script started on
# every exit. The caller sets BENCH_DIR before sourcing, and `set -euo pipefail`. The JDK, PostgreSQL and Keycloak
# parts are the project's shell library (bin/lib/), shared with bin/test-cluster and bin/test-migration.
# shellcheck shell=bash

SCRIPT_START=${SCRIPT_START:-$(date +%s)}
ROOT=$(dirname "$BENCH_DIR")
# shellcheck source=../bin/lib/env.sh
. "$ROOT/bin/lib/env.sh"
# shellcheck source=../bin/lib/pg.sh
. "$ROOT/bin/lib/pg.sh"
# shellcheck source=../bin/lib/keycloak.sh
. "$ROOT/bin/lib/keycloak.sh"
WORK=$BENCH_DIR/target          # ignored by git (the `target/` rule)
RESULTS=$BENCH_DIR/results      # ignored by git
HTTP_PORT=18080
MGMT_PORT=19000
BASE=http://localhost:$HTTP_PORT

KC_PID=
CLIENT_PID=
# Functions the caller adds (e.g. stop_postgres): run on exit after Keycloak is stopped, in order.
CLEANUP_HOOKS=()

# Maven 3.8 prints colour resets even with -B -q: keep its output readable (pipefail keeps its exit status).
# BENCH_OFFLINE=1: Maven offline (-o), e.g. in a network namespace without internet after a first online build.
mvn_quiet() {
    local offline=()
    [ "${BENCH_OFFLINE:-0}" = 1 ] && offline=(-o)
    mvn -q -B "${offline[@]}" -Dstyle.color=never "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'
}
log() { printf '[bench %3ss] %s\n' "$(($(date +%s) - SCRIPT_START))" "$*"; }
die() { log "ERROR: $*" >&2; exit 1; }

stop_keycloak() {
    [ -n "$KC_PID" ] || return 0
    log "stopping Keycloak (process group $KC_PID)"
    kc_stop "$KC_PID"
    KC_PID=
}

cleanup() {
    local rc=$?
    trap - EXIT INT TERM
    if [ -n "$CLIENT_PID" ] && kill -0 "$CLIENT_PID" 2>/dev/null; then
        log "stopping the bench client and its SMTP sink (pid $CLIENT_PID)"
        kill -TERM "$CLIENT_PID" 2>/dev/null || true
        wait "$CLIENT_PID" 2>/dev/null || true
    fi
    stop_keycloak
    local hook
    for hook in "${CLEANUP_HOOKS[@]}"; do
        "$hook" || true
    done
    log "done in $(($(date +%s) - SCRIPT_START)) s (exit $rc)"
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Runs a command in the background and waits for it, so that INT/TERM reach the traps at once.
run_child() {
    "$@" &
    CLIENT_PID=$!
    local rc=0
    wait "$CLIENT_PID" || rc=$?
    CLIENT_PID=
    return "$rc"
}

# ------------------------------------------------------------------------------------------------------ JDK 21+
# bench_jdk: the JDK 21+ of bin/lib/env.sh; sets JDK, JAVA_MAJOR, JAVA_VERSION, UNSAFE_OPT; exports MAVEN_OPTS.
bench_jdk() {
    use_jdk21 2>/dev/null || die "no JDK 21+ found (set JAVA_HOME, or install one under /usr/lib/jvm)"
    JDK=$JAVA_HOME
    JAVA_MAJOR=$(java_major "$JDK")
    JAVA_VERSION=$("$JDK/bin/java" -version 2>&1 | grep -v '^Picked up' | head -2 | paste -sd ';' | sed 's/;/; /')
    # Maven's Guava and JMH use sun.misc.Unsafe: JDK 24+ warns unless told it is allowed.
    UNSAFE_OPT=
    [ "$JAVA_MAJOR" -ge 24 ] && UNSAFE_OPT=--sun-misc-unsafe-memory-access=allow
    export MAVEN_OPTS="${MAVEN_OPTS:-} $UNSAFE_OPT"
    log "JDK $JAVA_MAJOR at $JDK"
}

require_commands() {
    local c
    for c in "$@"; do
        command -v "$c" >/dev/null || die "$c not found"
    done
}

# ------------------------------------------------------------------------------------------------------- ports
port_busy() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }

# The first free port from $1 up.
free_port() {
    local p=$1
    while port_busy "$p"; do p=$((p + 1)); done
    echo "$p"
}

# Dies when 18080 or 19000 is taken; sets SMTP_PORT (first free from BENCH_SMTP_PORT, default 12525).
check_ports() {
    local p
    for p in $HTTP_PORT $MGMT_PORT; do
        port_busy "$p" && die "port $p is already in use: stop whatever listens there (ss -ltnp 'sport = :$p')"
    done
    SMTP_PORT=$(free_port "${BENCH_SMTP_PORT:-12525}")
}

# ---------------------------------------------------------------------------------------------------- Keycloak
# prepare_keycloak HOME PROVIDERS_DIR: unpacks the distribution into HOME (once per version), copies the jars of
# PROVIDERS_DIR into its providers/ (only those that changed, with their time, so an unchanged bundle skips
# Keycloak's re-augmentation) and the sample realm into data/import/. Sets KC_VERSION.
prepare_keycloak() {
    local home=$1 providers=$2 offline=()
    [ "${BENCH_OFFLINE:-0}" = 1 ] && offline=(-o)
    KC_VERSION=$(kc_version "$ROOT") || die "no Keycloak version in $ROOT/pom.xml"
    if [ "$(cat "$home/.bench-dist" 2>/dev/null || true)" != "$KC_VERSION" ]; then
        log "unpacking Keycloak $KC_VERSION into $home"
        kc_unpack "$KC_VERSION" "$home" "${offline[@]}" || die "cannot unpack Keycloak $KC_VERSION"
        echo "$KC_VERSION" > "$home/.bench-dist"
    fi
    kc_providers "$home" "$providers"
    mkdir -p "$home/data/import"
    cp "$ROOT/realm-config/lifecycle-realm.json" "$home/data/import/"
}

# start_keycloak HOME LOG [kc.sh options...]: starts it (start-dev, or with KC_START=start `start --optimized`) in its
# own process group, SMTP to
# 127.0.0.1:$SMTP_PORT, the bootstrap admin admin/admin; waits until the lifecycle realm answers.
# Sets KC_PID, KC_START_SECONDS, KC_RUNNING (the version it prints).
start_keycloak() {
    local home=$1 kc_log=$2 started
    shift 2
    started=$(date +%s)
    log "starting Keycloak on $HTTP_PORT (management $MGMT_PORT), SMTP -> 127.0.0.1:$SMTP_PORT; log: $kc_log"
    # KC_START=start: production mode on a distribution built beforehand (build_keycloak); default start-dev
    local mode=(start-dev)
    [ "${KC_START:-start-dev}" = start ] && mode=(start --optimized --http-enabled=true --hostname-strict=false)
    SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT kc_start "$home" "$kc_log" "${mode[@]}" --import-realm \
        --http-port=$HTTP_PORT --http-management-port=$MGMT_PORT \
        --bootstrap-admin-username=admin --bootstrap-admin-password=admin "$@"
    kc_await "$KC_PID" "$kc_log" "$BASE/realms/lifecycle" 300 || die "Keycloak did not start; see $kc_log"
    KC_START_SECONDS=$(($(date +%s) - started))
    KC_RUNNING=$(grep -o 'Keycloak [0-9][^ ]* on JVM' "$kc_log" | head -1 | awk '{print $2}')
    log "Keycloak ${KC_RUNNING:-?} ready in $KC_START_SECONDS s"
}

# git_facts PROVIDERS_DIR: sets GIT to the commit, whether the tree has changes, and the date of the jar benched.
git_facts() {
    local jar
    GIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
    [ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null | head -1)" ] || GIT="$GIT (with uncommitted changes)"
    jar=$(ls "$1"/access-lifecycle-providers-*.jar 2>/dev/null | head -1)
    [ -z "$jar" ] || GIT="$GIT; $(basename "$jar") of $(date -u -r "$jar" '+%Y-%m-%d %H:%M:%S UTC')"
}

# -------------------------------------------------------------------------------------------------- PostgreSQL
# start_postgres DIR: a new PostgreSQL cluster (bin/lib/pg.sh) in DIR, 127.0.0.1 only, on the first free port from
# BENCH_PG_PORT (15432) up, with pg_stat_statements; sets PG_PORT, PG_VERSION; stopped on exit.
start_postgres() {
    PG_DATA=$1
    PG_PORT=$(free_port "${BENCH_PG_PORT:-15432}")
    log "PostgreSQL: new cluster in $PG_DATA, port $PG_PORT"
    CLEANUP_HOOKS+=(pg_stop)
    pg_start -c shared_preload_libraries=pg_stat_statements || die "PostgreSQL did not start"
}

# create_database NAME: an empty database owned by keycloak (password keycloak).
create_database() {
    pg_database "$1" || die "cannot create the database $1"
}
