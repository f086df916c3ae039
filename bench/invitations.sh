#!/usr/bin/env bash
# Invitations benchmark: Access Lifecycle's bulk invitation against stock Keycloak's organization invitation, in
# the same run against the same server (see bench/README.md).
#   1. builds what the bench needs (providers, themes, the bench client) into bench/target, never the root target/;
#   2. [--db postgres] creates a PostgreSQL cluster under bench/target/pg on a free local port (installs Debian's
#      postgresql with apt-get when no PostgreSQL is found);
#   3. unpacks Keycloak (bench/target/keycloak for H2, bench/target/keycloak-postgres for PostgreSQL), adds our jars
#      and the sample realm, starts it on 18080/19000 with its SMTP pointed at the sink the bench client runs;
#   4. ours: one request of 1000 invitees, time to answer and until the 1000 emails reached the sink; stock: 1000
#      sequential organization invite-user calls; writes bench/results/invitations[-postgres]-<UTC>.md and
#      bench/results/latest-invitations[-postgres].md.
# Keycloak, the sink and PostgreSQL are always stopped on exit.
#
# Usage: bash bench/invitations.sh [--db h2|postgres] [--count N]
# Environment: BENCH_SMTP_PORT (first port tried, default 12525), BENCH_PG_PORT (first port tried, default 15432),
#              BENCH_MAIL_TIMEOUT (seconds to wait for our emails, default 300), BENCH_SKIP_BUILD=1 (bench the jars in
#              the root target/keycloak-providers, build nothing but the bench client), BENCH_KC_OPTS (more kc.sh
#              start-dev options, e.g. "--spi-theme--cache-themes=true --spi-theme--cache-templates=true"),
#              BENCH_SINK_NODELAY=0 (leave Nagle on in the sink: +43 ms per message, see BenchSink.java),
#              JAVA_HOME (used when 21+).
set -euo pipefail

SCRIPT_START=$(date +%s)
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$BENCH_DIR/lib.sh"   # paths, ports, JDK, Keycloak start/stop, the exit trap

DB=h2
COUNT=1000
while [ $# -gt 0 ]; do
    case "$1" in
        --db) DB=${2:-}; shift 2 || die "--db needs a value" ;;
        --db=*) DB=${1#--db=}; shift ;;
        --count) COUNT=${2:-}; shift 2 || die "--count needs a value" ;;
        --count=*) COUNT=${1#--count=}; shift ;;
        -h|--help) trap - EXIT; sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $1 (try --help)" ;;
    esac
done
case "$DB" in h2|postgres) ;; *) die "--db is h2 or postgres, not '$DB'" ;; esac
[[ "$COUNT" =~ ^[0-9]+$ ]] && [ "$COUNT" -ge 1 ] && [ "$COUNT" -le 1000 ] || die "--count is 1 to 1000 (one request holds at most 1000)"

if [ "$DB" = h2 ]; then
    KC_HOME=$WORK/keycloak              # the same as usernames.sh: same build options, no re-augmentation between them
    KC_LOG=$WORK/keycloak-invitations.log
else
    KC_HOME=$WORK/keycloak-postgres     # its own copy: switching --db re-augments Keycloak
    KC_LOG=$WORK/keycloak-invitations-postgres.log
fi

bench_jdk
require_commands mvn curl unzip ss
check_ports
mkdir -p "$WORK" "$RESULTS"

# ------------------------------------------------------------------------------------------------------- build
STEP_START=$(date +%s)
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    PROVIDERS=$ROOT/target/keycloak-providers
    ls "$PROVIDERS"/*.jar >/dev/null 2>&1 || die "BENCH_SKIP_BUILD=1 but $PROVIDERS is empty"
    log "BENCH_SKIP_BUILD=1: benching the jars in $PROVIDERS; building the bench client only"
    (cd "$ROOT" && mvn_quiet -Pbench -pl bench -DskipTests package) || die "the bench client build failed"
else
    # Our own copy of the jars Keycloak loads: the root target/keycloak-providers may be in use by someone's tests.
    PROVIDERS=$WORK/keycloak-providers
    log "building providers, themes and the bench client: mvn -q -DskipTests -Pbench -pl server,bench -am install (jars into $PROVIDERS)"
    (cd "$ROOT" && mvn_quiet -DskipTests -Pbench -pl server,bench -am install -Dproviders.dir="$PROVIDERS") \
        || die "the build failed (BENCH_SKIP_BUILD=1 benches the jars in target/keycloak-providers, if any)"
fi
CP="$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath.txt")"
BUILD_SECONDS=$(($(date +%s) - STEP_START))

# -------------------------------------------------------------------------------------------------- PostgreSQL
DB_ARGS=(--db=dev-mem)
DB_LABEL="H2 in memory (\`--db=dev-mem\`)"
DB_START_SECONDS=
if [ "$DB" = postgres ]; then
    STEP_START=$(date +%s)
    start_postgres "$WORK/pg"          # lib.sh: PG_PORT, PG_VERSION; stopped on exit
    create_database keycloak
    DB_ARGS=(--db=postgres --db-url="jdbc:postgresql://127.0.0.1:$PG_PORT/keycloak" --db-username=keycloak --db-password=keycloak)
    DB_LABEL="PostgreSQL $PG_VERSION (fresh local cluster on 127.0.0.1:$PG_PORT, default settings: fsync on, shared_buffers 128 MB)"
    DB_START_SECONDS=$(($(date +%s) - STEP_START))
fi

# ---------------------------------------------------------------------------------------------------- Keycloak
read -r -a EXTRA_KC_OPTS <<< "${BENCH_KC_OPTS:-}"
prepare_keycloak "$KC_HOME" "$PROVIDERS"
start_keycloak "$KC_HOME" "$KC_LOG" "${DB_ARGS[@]}" "${EXTRA_KC_OPTS[@]}"

# -------------------------------------------------------------------------------------------------- the phases
git_facts "$PROVIDERS"
log "phases: ours (1 request of $COUNT invitees), then stock ($COUNT sequential invite-user calls); database $DB"
# shellcheck disable=SC2086
run_child "$JDK/bin/java" $UNSAFE_OPT -cp "$CP" io.accesslifecycle.bench.InvitationsBench run \
    --base="$BASE" --smtp-port="$SMTP_PORT" --count="$COUNT" --results="$RESULTS" \
    --mail-timeout="${BENCH_MAIL_TIMEOUT:-300}" --db="$DB" --db-label="$DB_LABEL" \
    --sink-nodelay="$([ "${BENCH_SINK_NODELAY:-1}" = 0 ] && echo false || echo true)" \
    --kc-opts="start-dev --import-realm ${DB_ARGS[*]/--db-password=*/--db-password=…} ${EXTRA_KC_OPTS[*]}" \
    --nproc="$(nproc)" --java-version="$JAVA_VERSION" --kc-version="${KC_RUNNING:-$KC_VERSION}" --git="$GIT" \
    --build-seconds="$BUILD_SECONDS" --kc-start-seconds="$KC_START_SECONDS" ${DB_START_SECONDS:+--db-start-seconds=$DB_START_SECONDS} \
    --script-start="$SCRIPT_START" --kc-log="$KC_LOG" || die "the benchmark failed; Keycloak log: $KC_LOG"
