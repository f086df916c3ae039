#!/usr/bin/env bash
# Usernames benchmark: Access Lifecycle against stock Keycloak, in the same run (see bench/README.md).
#   1. builds the project when its sources changed, and the bench client;
#   2. JMH, in-process: usernames generated per second vs stock lowercasing (before Keycloak starts);
#   3. unpacks Keycloak into bench/target/keycloak, adds our jars and the sample realm, starts it on 18080/19000
#      (H2 in memory) with its SMTP pointed at the sink the bench client runs;
#   4. 50 then 200 concurrent declarations of "Jean Dupont" through our API, and as many stock creations +
#      execute-actions-email; writes bench/results/usernames-<UTC>.md and bench/results/latest-usernames.md.
# Keycloak and the sink are always stopped on exit.
#
# Environment: BENCH_SIZES (default 50,200), BENCH_SMTP_PORT (first port tried, default 12525),
#              BENCH_SKIP_BUILD=1 (use what is built), JAVA_HOME (used when it is a JDK 21+).
set -euo pipefail

SCRIPT_START=$(date +%s)
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(dirname "$BENCH_DIR")
WORK=$BENCH_DIR/target          # ignored by git (the `target/` rule)
RESULTS=$BENCH_DIR/results      # ignored by git
KC_HOME=$WORK/keycloak
KC_LOG=$WORK/keycloak.log
HTTP_PORT=18080
MGMT_PORT=19000
SIZES=${BENCH_SIZES:-50,200}
BASE=http://localhost:$HTTP_PORT

KC_PID=
CLIENT_PID=

# Maven 3.8 prints colour resets even with -B -q: keep its output readable (pipefail keeps its exit status).
mvn_quiet() { mvn -q -B -Dstyle.color=never "$@" 2>&1 | sed 's/\x1b\[[0-9;]*m//g'; }
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

JDK=
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME")" -ge 21 ]; then
    JDK=$JAVA_HOME
else
    best=0
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

command -v mvn >/dev/null || die "mvn not found"
command -v curl >/dev/null || die "curl not found"
command -v unzip >/dev/null || die "unzip not found"

# ------------------------------------------------------------------------------------------------------- ports
port_busy() { ss -Hltn "sport = :$1" 2>/dev/null | grep -q .; }
for p in $HTTP_PORT $MGMT_PORT; do
    port_busy "$p" && die "port $p is already in use: stop whatever listens there (ss -ltnp 'sport = :$p')"
done
SMTP_PORT=${BENCH_SMTP_PORT:-12525}
while port_busy "$SMTP_PORT"; do SMTP_PORT=$((SMTP_PORT + 1)); done

# ------------------------------------------------------------------------------------------------------- build
mkdir -p "$WORK" "$RESULTS"
STEP_START=$(date +%s)
STAMP=$WORK/.project-built
need_build=0
ls "$ROOT"/target/keycloak-providers/*.jar >/dev/null 2>&1 || need_build=1
[ -f "$STAMP" ] || need_build=1
if [ "$need_build" = 0 ] && [ -n "$(find "$ROOT/pom.xml" "$ROOT/providers" "$ROOT/themes" "$ROOT/server" \
        -path '*/target' -prune -o -type f -newer "$STAMP" -print -quit 2>/dev/null)" ]; then
    need_build=1
fi
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    ls "$ROOT"/target/keycloak-providers/*.jar >/dev/null 2>&1 || die "BENCH_SKIP_BUILD=1 but target/keycloak-providers/ is empty"
    log "BENCH_SKIP_BUILD=1: using the jars already built"
elif [ "$need_build" = 1 ]; then
    log "building the project: mvn -q -DskipTests install"
    touch "$STAMP.new"
    (cd "$ROOT" && mvn_quiet -DskipTests install) \
        || die "the project build failed (BENCH_SKIP_BUILD=1 benches the jars built last, if any)"
    mv "$STAMP.new" "$STAMP"
else
    log "project up to date (nothing newer than the last bench build)"
fi
log "building the bench client: mvn -q -Pbench -pl bench package"
(cd "$ROOT" && mvn_quiet -Pbench -pl bench -DskipTests package) || die "the bench client build failed"
CP="$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath.txt")"
BUILD_SECONDS=$(($(date +%s) - STEP_START))

# --------------------------------------------------------------------------------------------------------- JMH
STEP_START=$(date +%s)
log "JMH: username generation, one thread, in-process (about 25 s; Keycloak is not running yet)"
# shellcheck disable=SC2086
run_child "$JDK/bin/java" $UNSAFE_OPT -cp "$CP" io.accesslifecycle.bench.UsernamesBench jmh \
    --out="$WORK/jmh.properties" --log="$WORK/jmh.log" || die "JMH failed: see $WORK/jmh.log"
JMH_SECONDS=$(($(date +%s) - STEP_START))

# ---------------------------------------------------------------------------------------------------- Keycloak
KC_VERSION=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$ROOT/pom.xml" | head -1)
[ -n "$KC_VERSION" ] || die "no <keycloak.version> in $ROOT/pom.xml"
M2=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}
ZIP=$M2/org/keycloak/keycloak-quarkus-dist/$KC_VERSION/keycloak-quarkus-dist-$KC_VERSION.zip
if [ ! -f "$ZIP" ]; then
    log "fetching the Keycloak $KC_VERSION distribution"
    mvn_quiet dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" || die "cannot fetch $ZIP"
fi
if [ "$(cat "$KC_HOME/.bench-dist" 2>/dev/null || true)" != "$KC_VERSION" ]; then
    log "unpacking Keycloak $KC_VERSION into $KC_HOME"
    rm -rf "$KC_HOME" "$WORK/kc-unpack"
    mkdir -p "$WORK/kc-unpack"
    unzip -q "$ZIP" -d "$WORK/kc-unpack"
    mv "$WORK/kc-unpack/keycloak-$KC_VERSION" "$KC_HOME"
    rm -rf "$WORK/kc-unpack"
    echo "$KC_VERSION" > "$KC_HOME/.bench-dist"
fi
# Our jars: copy only what changed (with its time), so an unchanged bundle skips Keycloak's re-augmentation.
mkdir -p "$KC_HOME/providers" "$KC_HOME/data/import"
for jar in "$KC_HOME"/providers/*.jar; do
    [ -e "$jar" ] || continue
    [ -e "$ROOT/target/keycloak-providers/$(basename "$jar")" ] || rm -f "$jar"
done
for jar in "$ROOT"/target/keycloak-providers/*.jar; do
    cmp -s "$jar" "$KC_HOME/providers/$(basename "$jar")" || cp -p "$jar" "$KC_HOME/providers/"
done
cp "$ROOT/realm-config/lifecycle-realm.json" "$KC_HOME/data/import/"

STEP_START=$(date +%s)
log "starting Keycloak on $HTTP_PORT (management $MGMT_PORT), SMTP -> 127.0.0.1:$SMTP_PORT; log: $KC_LOG"
SMTP_HOST=127.0.0.1 SMTP_PORT=$SMTP_PORT \
    setsid "$KC_HOME/bin/kc.sh" start-dev --import-realm --db=dev-mem \
    --http-port=$HTTP_PORT --http-management-port=$MGMT_PORT \
    --bootstrap-admin-username=admin --bootstrap-admin-password=admin \
    > "$KC_LOG" 2>&1 < /dev/null &
KC_PID=$!
until curl -sf -o /dev/null "$BASE/realms/lifecycle"; do
    kill -0 "$KC_PID" 2>/dev/null || { tail -30 "$KC_LOG" >&2; die "Keycloak exited; see $KC_LOG"; }
    [ $(($(date +%s) - STEP_START)) -lt 300 ] || { tail -30 "$KC_LOG" >&2; die "Keycloak not ready after 300 s"; }
    sleep 1
done
KC_START_SECONDS=$(($(date +%s) - STEP_START))
KC_RUNNING=$(grep -o 'Keycloak [0-9][^ ]* on JVM' "$KC_LOG" | head -1 | awk '{print $2}')
log "Keycloak ${KC_RUNNING:-?} ready in $KC_START_SECONDS s"

# ------------------------------------------------------------------------------------------------ server phases
GIT=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')
[ -z "$(git -C "$ROOT" status --porcelain 2>/dev/null | head -1)" ] || GIT="$GIT (with uncommitted changes)"
PROVIDERS_JAR=$(ls "$ROOT"/target/keycloak-providers/access-lifecycle-providers-*.jar 2>/dev/null | head -1)
[ -z "$PROVIDERS_JAR" ] || GIT="$GIT; $(basename "$PROVIDERS_JAR") of $(date -u -r "$PROVIDERS_JAR" '+%Y-%m-%d %H:%M:%S UTC')"
log "concurrent phases: sizes $SIZES, ours then stock for each"
# shellcheck disable=SC2086
run_child "$JDK/bin/java" $UNSAFE_OPT -cp "$CP" io.accesslifecycle.bench.UsernamesBench server \
    --base="$BASE" --smtp-port="$SMTP_PORT" --sizes="$SIZES" --jmh="$WORK/jmh.properties" --results="$RESULTS" \
    --nproc="$(nproc)" --java-version="$JAVA_VERSION" --kc-version="${KC_RUNNING:-$KC_VERSION}" --git="$GIT" \
    --build-seconds="$BUILD_SECONDS" --jmh-seconds="$JMH_SECONDS" --kc-start-seconds="$KC_START_SECONDS" \
    --script-start="$SCRIPT_START" --kc-log="$KC_LOG" || die "the server phases failed; Keycloak log: $KC_LOG"
