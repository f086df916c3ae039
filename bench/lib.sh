# Shared by the bench scripts (usernames.sh, invitations.sh, run-all.sh): sourced, never run. Sets the paths and ports, finds a
# JDK 21+, unpacks and starts Keycloak on 18080/19000 (its own process group), and stops what the script started on
# every exit. The caller sets BENCH_DIR before sourcing, and `set -euo pipefail`.
# shellcheck shell=bash

SCRIPT_START=${SCRIPT_START:-$(date +%s)}
ROOT=$(dirname "$BENCH_DIR")
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
    # kc.sh was started with setsid: its process group (kc.sh and its java) has the id $KC_PID.
    if kill -0 -- "-$KC_PID" 2>/dev/null; then
        log "stopping Keycloak (process group $KC_PID)"
        kill -TERM -- "-$KC_PID" 2>/dev/null || true
        for _ in $(seq 1 30); do
            kill -0 -- "-$KC_PID" 2>/dev/null || break
            sleep 1
        done
        if kill -0 -- "-$KC_PID" 2>/dev/null; then
            log "Keycloak still running after 30 s: killing it"
            kill -KILL -- "-$KC_PID" 2>/dev/null || true
        fi
    fi
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
java_major() {
    local v
    v=$("$1/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2; exit}')
    case "$v" in 1.*) echo 1 ;; '') echo 0 ;; *) echo "${v%%.*}" ;; esac
}

# Sets JDK, JAVA_MAJOR, JAVA_VERSION, UNSAFE_OPT; exports JAVA_HOME and MAVEN_OPTS.
find_jdk() {
    JDK=
    if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
        JDK=$JAVA_HOME
    else
        local best=0 d m
        for d in /usr/lib/jvm/*; do
            [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ] && [ ! -L "$d" ] || continue
            m=$(java_major "$d")
            if [ "$m" -ge 21 ] && [ "$m" -gt "$best" ]; then best=$m; JDK=$d; fi
        done
    fi
    [ -n "$JDK" ] || die "no JDK 21+ found (set JAVA_HOME, or install one under /usr/lib/jvm)"
    export JAVA_HOME=$JDK
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
    local home=$1 providers=$2 jar
    KC_VERSION=$(sed -n 's:.*<keycloak.dist.version>\(.*\)</keycloak.dist.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
    [ -n "$KC_VERSION" ] || die "no <keycloak.dist.version> in $ROOT/pom.xml"
    local m2=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
    local zip=$m2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip
    if [ ! -f "$zip" ]; then
        log "fetching the Keycloak $KC_VERSION distribution"
        mvn_quiet dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" || die "cannot fetch $zip"
    fi
    if [ "$(cat "$home/.bench-dist" 2>/dev/null || true)" != "$KC_VERSION" ]; then
        log "unpacking Keycloak $KC_VERSION into $home"
        rm -rf "$home" "$home.unpack"
        mkdir -p "$home.unpack"
        unzip -q "$zip" -d "$home.unpack"
        mv "$home.unpack/keycloak-$KC_VERSION" "$home"
        rm -rf "$home.unpack"
        echo "$KC_VERSION" > "$home/.bench-dist"
    fi
    mkdir -p "$home/providers" "$home/data/import"
    for jar in "$home"/providers/*.jar; do
        [ -e "$jar" ] || continue
        [ -e "$providers/$(basename "$jar")" ] || rm -f "$jar"
    done
    for jar in "$providers"/*.jar; do
        [ -e "$jar" ] || continue
        cmp -s "$jar" "$home/providers/$(basename "$jar")" || cp -p "$jar" "$home/providers/"
    done
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
    SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT \
        setsid "$home/bin/kc.sh" "${mode[@]}" --import-realm \
        --http-port=$HTTP_PORT --http-management-port=$MGMT_PORT \
        --bootstrap-admin-username=admin --bootstrap-admin-password=admin \
        "$@" > "$kc_log" 2>&1 < /dev/null &
    KC_PID=$!
    until curl -sf -o /dev/null "$BASE/realms/lifecycle"; do
        kill -0 "$KC_PID" 2>/dev/null || { tail -30 "$kc_log" >&2; die "Keycloak exited; see $kc_log"; }
        [ $(($(date +%s) - started)) -lt 300 ] || { tail -30 "$kc_log" >&2; die "Keycloak not ready after 300 s"; }
        sleep 1
    done
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
PG_DIR=
PG_BIN=
PG_PORT=
PG_VERSION=
PG_STARTED=0

# Runs a PostgreSQL tool as the cluster's owner (postgres when we are root: it refuses to run as root).
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

stop_postgres() {
    [ "$PG_STARTED" = 1 ] || return 0
    log "stopping PostgreSQL (port $PG_PORT)"
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
        || as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    PG_STARTED=0
}

find_pg_bin() {
    local d
    for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && { echo "$d"; return 0; }
    done
    return 1
}

# start_postgres DIR: a new PostgreSQL cluster in DIR (default settings, 127.0.0.1 only) on the first free port from
# BENCH_PG_PORT (15432) up; installs Debian's postgresql with apt-get when none is found (as root), stopping any
# cluster the package started. Sets PG_DIR, PG_BIN, PG_PORT, PG_VERSION; stopped on exit.
start_postgres() {
    PG_DIR=$1
    if ! PG_BIN=$(find_pg_bin); then
        [ "$(id -u)" = 0 ] || die "no PostgreSQL under /usr/lib/postgresql: install it (apt-get install -y postgresql)"
        log "no PostgreSQL found: apt-get install -y postgresql"
        local before c
        before=$(pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1 "/" $2}' || true)
        mkdir -p "$WORK"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >"$WORK/apt-postgresql.log" 2>&1 \
            || { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql \
                     >"$WORK/apt-postgresql.log" 2>&1; } || die "apt-get install postgresql failed: see $WORK/apt-postgresql.log"
        # the package creates and may start a "main" cluster on 5432: stop what the install started, keep the rest
        for c in $(pg_lsclusters -h 2>/dev/null | awk '$4 == "online" {print $1 "/" $2}'); do
            case " $before " in *" $c "*) ;; *) log "stopping the cluster $c the package started"; pg_ctlcluster "${c%/*}" "${c#*/}" stop || true ;; esac
        done
        PG_BIN=$(find_pg_bin) || die "postgresql installed, but no initdb under /usr/lib/postgresql"
    fi
    PG_VERSION=$("$PG_BIN/postgres" --version | awk '{print $3}')
    PG_PORT=$(free_port "${BENCH_PG_PORT:-15432}")
    log "PostgreSQL $PG_VERSION: new cluster in $PG_DIR, port $PG_PORT"
    rm -rf "$PG_DIR"
    mkdir -p "$PG_DIR"
    if [ "$(id -u)" = 0 ]; then chown postgres: "$PG_DIR"; fi
    CLEANUP_HOOKS+=(stop_postgres)
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -E UTF8 --locale=C --auth-local=trust --auth-host=scram-sha-256 \
        >"$PG_DIR/initdb.log" 2>&1 || die "initdb failed: see $PG_DIR/initdb.log"
    PG_STARTED=1
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
        -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c shared_preload_libraries=pg_stat_statements" start >/dev/null \
        || die "PostgreSQL did not start: see $PG_DIR/postgres.log"
    as_pg "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q \
        -c "create role keycloak login password 'keycloak'" >/dev/null || die "cannot create the keycloak role"
}

# create_database NAME: an empty database owned by keycloak (password keycloak).
create_database() {
    as_pg "$PG_BIN/psql" -h "$PG_DIR" -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q \
        -c "create database $1 owner keycloak" >/dev/null || die "cannot create the database $1"
}
