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
# shellcheck source=lib.sh
. "$BENCH_DIR/lib.sh"   # paths, ports, JDK, Keycloak start/stop, the exit trap
KC_HOME=$WORK/keycloak
KC_LOG=$WORK/keycloak.log
SIZES=${BENCH_SIZES:-50,200}

bench_jdk
require_commands mvn curl unzip
check_ports

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
prepare_keycloak "$KC_HOME" "$ROOT/target/keycloak-providers"
start_keycloak "$KC_HOME" "$KC_LOG" --db=dev-mem

# ------------------------------------------------------------------------------------------------ server phases
git_facts "$ROOT/target/keycloak-providers"
log "concurrent phases: sizes $SIZES, ours then stock for each"
# shellcheck disable=SC2086
run_child "$JDK/bin/java" $UNSAFE_OPT -cp "$CP" io.accesslifecycle.bench.UsernamesBench server \
    --base="$BASE" --smtp-port="$SMTP_PORT" --sizes="$SIZES" --jmh="$WORK/jmh.properties" --results="$RESULTS" \
    --nproc="$(nproc)" --java-version="$JAVA_VERSION" --kc-version="${KC_RUNNING:-$KC_VERSION}" --git="$GIT" \
    --build-seconds="$BUILD_SECONDS" --jmh-seconds="$JMH_SECONDS" --kc-start-seconds="$KC_START_SECONDS" \
    --script-start="$SCRIPT_START" --kc-log="$KC_LOG" || die "the server phases failed; Keycloak log: $KC_LOG"
