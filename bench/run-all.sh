#!/usr/bin/env bash
# The benchmark suite (bench/README.md): Access Lifecycle against stock Keycloak on PostgreSQL, in one run, on this
# machine, results in bench/RESULTS.md (also printed).
#   1. builds providers, themes and the bench module (loader, report) into bench/target, and the Gatling
#      simulations (bench/gatling, a project of its own);
#   2. starts a fresh PostgreSQL cluster (lib.sh: installs Debian's postgresql when missing);
#   3. for each side, ours (the distribution with our jars) then stock (the same distribution without them), on a
#      database of its own: `kc.sh build --db=postgres` once, `kc.sh start --optimized` with the sample realm
#      (stock: without our themes and sign-in flow bindings), N users bulk-loaded into PostgreSQL (1 % past their end date, 10 % ending in
#      20 days), then, each followed by a memory sample (RSS and heap):
#        - sign-in: Gatling, password grant of demo-app, then a browser-flow login (page, form post, code);
#        - the administrators' user list (ours: /access/users?status=..., stock: /users?q=...), pages of 50;
#        - ours only: 1000 invitations and their emails (the client of bench/invitations.sh);
#        - ours only: the expiry sweep of the 1 % due (run_expiry_phase below);
#   4. writes bench/RESULTS.md (and a dated copy in bench/results/).
# Everything it started is stopped on exit.
#
# Usage: bash bench/run-all.sh [--users N] [--seconds S] [--warmup S] [--concurrency C] [--invitations N]
#   defaults: 100000 users, 60 s measured after 20 s of warm-up per simulation, 8 virtual users, 1000 invitations
#   (0: skip that phase). A smoke run: bash bench/run-all.sh --users 2000 --seconds 10 --warmup 5 --invitations 50
# Environment: BENCH_OFFLINE=1 (Maven -o), BENCH_SKIP_BUILD=1 (bench the jars in target/keycloak-providers),
#              BENCH_PG_PORT, BENCH_SMTP_PORT, JAVA_HOME (21+); see lib.sh.
set -euo pipefail

SCRIPT_START=$(date +%s)
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$BENCH_DIR/lib.sh"

USERS=100000
SECONDS_MEASURED=60
WARMUP=20
CONCURRENCY=8
INVITATIONS=1000
while [ $# -gt 0 ]; do
    case "$1" in
        --users) USERS=$2; shift 2 ;;
        --seconds) SECONDS_MEASURED=$2; shift 2 ;;
        --warmup) WARMUP=$2; shift 2 ;;
        --concurrency) CONCURRENCY=$2; shift 2 ;;
        --invitations) INVITATIONS=$2; shift 2 ;;
        -h|--help) trap - EXIT; sed -n '2,23p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument $1 (try --help)" ;;
    esac
done
for n in "$USERS" "$SECONDS_MEASURED" "$WARMUP" "$CONCURRENCY"; do
    [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] || die "numbers are positive integers"
done
[[ "$INVITATIONS" =~ ^[0-9]+$ ]] && [ "$INVITATIONS" -le 1000 ] || die "--invitations is 0 to 1000"

bench_jdk
require_commands mvn curl unzip ss bc
check_ports
mkdir -p "$WORK" "$RESULTS"
FACTS=$WORK/run-all.facts
GATLING_DIR=$WORK/run-all-gatling
rm -rf "$FACTS" "$GATLING_DIR"
mkdir -p "$GATLING_DIR"
# fact KEY VALUE: one line of the facts file (newlines in VALUE kept as \n, which the report turns back).
fact() { local v=$2; printf '%s=%s\n' "$1" "${v//$'\n'/\\n}" >> "$FACTS"; }
timed() { fact "time.$1" "$(($(date +%s) - $2))"; }
fact date "$(date -u '+%Y-%m-%d %H:%M:%S UTC')"
fact "load average at start" "$(cut -d' ' -f1-3 /proc/loadavg)"

# ------------------------------------------------------------------------------------------------------- build
STEP=$(date +%s)
if [ "${BENCH_SKIP_BUILD:-0}" = 1 ]; then
    PROVIDERS=$ROOT/target/keycloak-providers
    ls "$PROVIDERS"/*.jar >/dev/null 2>&1 || die "BENCH_SKIP_BUILD=1 but $PROVIDERS is empty"
    (cd "$ROOT" && mvn_quiet -Pbench -pl bench -DskipTests package) || die "the bench module build failed"
else
    PROVIDERS=$WORK/keycloak-providers
    log "building providers, themes and the bench module (jars into $PROVIDERS)"
    (cd "$ROOT" && mvn_quiet -DskipTests -Pbench -pl server,bench -am install -Dproviders.dir="$PROVIDERS") || die "the build failed"
fi
(cd "$ROOT" && mvn_quiet -f bench/gatling/pom.xml test-compile) || die "the Gatling simulations do not compile"
CP="$BENCH_DIR/target/classes:$(cat "$BENCH_DIR/target/classpath.txt")"
timed build "$STEP"
git_facts "$PROVIDERS"

# -------------------------------------------------------------------------------------------------- PostgreSQL
STEP=$(date +%s)
start_postgres "$WORK/pg-run-all"
timed postgresql "$STEP"

# ---------------------------------------------------------------------------------------------------- Keycloak
BUILD_OPTS=(--db=postgres --health-enabled=true --metrics-enabled=true)
EMPTY=$WORK/no-providers
mkdir -p "$EMPTY"

# build_keycloak HOME PROVIDERS: unpacked with the jars, then `kc.sh build` (again only when the jars or options change).
build_keycloak() {
    local home=$1 providers=$2 stamp
    prepare_keycloak "$home" "$providers"
    stamp=$( (echo "${BUILD_OPTS[*]}"; cd "$home/providers" && sha1sum ./*.jar 2>/dev/null || true) | sha1sum | cut -c1-40)
    if [ "$(cat "$home/.run-all-build" 2>/dev/null || true)" != "$stamp" ]; then
        log "kc.sh build ${BUILD_OPTS[*]} in $home"
        "$home/bin/kc.sh" build "${BUILD_OPTS[@]}" > "$home.build.log" 2>&1 || { tail -20 "$home.build.log"; die "kc.sh build failed"; }
        echo "$stamp" > "$home/.run-all-build"
    fi
}

# memory SIDE PHASE: RSS of Keycloak's java process and the heap in use (management metrics), in MB.
memory() {
    local java rss heap
    java=$(pgrep -P "$KC_PID" java | head -1 || true)
    rss=$(awk '/^VmRSS:/ {printf "%.0f", $2 / 1024}' "/proc/$java/status" 2>/dev/null || echo '?')
    heap=$(curl -sf "http://localhost:$MGMT_PORT/metrics" | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {s += $NF} END {printf "%.0f", s / 1048576}' || echo '?')
    fact "memory.$1.$2.rss" "$rss"
    fact "memory.$1.$2.heap" "$heap"
    log "memory of $1 after $2: RSS $rss MB, heap $heap MB"
}

# gatling SIDE SIMULATION CLASS [-Dprop=value...]: one Gatling run, its report under $GATLING_DIR/SIDE-SIMULATION.
gatling() {
    local side=$1 name=$2 class=$3 step
    shift 3
    step=$(date +%s)
    log "Gatling $class on $side ($WARMUP s warm-up, $SECONDS_MEASURED s measured, $CONCURRENCY virtual users)"
    (cd "$ROOT" && mvn_quiet -f bench/gatling/pom.xml gatling:test -Dgatling.simulationClass="io.accesslifecycle.bench.gatling.$class" \
        -Dgatling.resultsFolder="$GATLING_DIR/$side-$name" -Dbench.base="$BASE" -Dbench.users.prefix=bulk \
        -Dbench.users.count="$USERS" -Dbench.users.skipEvery=100 -Dbench.concurrency="$CONCURRENCY" -Dbench.warmup.seconds="$WARMUP" \
        -Dbench.seconds="$SECONDS_MEASURED" "$@" > "$GATLING_DIR/$side-$name.log" 2>&1) \
        || log "Gatling $class on $side reported failures (see $GATLING_DIR/$side-$name.log)"
    timed "$side: $name" "$step"
    memory "$side" "$name"
}

# The expiry sweep at $USERS users, 1 % due (ours only). Ours ran the other phases with the expiry job's interval
# at a day, so that it did not run meanwhile; this phase times the job's selection query in PostgreSQL, then restarts
# Keycloak with the job every 5 s and polls the database until every due user is disabled.
run_expiry_phase() {
    local home=$1 db_url=$2 today grace_start due sel_ms started ready first= last now done=0 admins queued
    local listing
    listing=$(unzip -l "$PROVIDERS"/access-lifecycle-providers-*.jar 2>/dev/null || true)
    # (not `unzip | grep -q` under pipefail: grep's early exit makes unzip fail with SIGPIPE)
    if ! grep -q 'expiry/ExpiryTask.class' <<< "$listing"; then
        fact expiry "_The expiry job is not in this build: nothing to measure._"
        return 0
    fi
    today=$(date -u +%F)
    grace_start=$(date -u -d '-30 days' +%F)
    due=$(psql_at kc_ours "select count(*) from user_attribute a join user_entity u on u.id = a.user_id
        where a.name = 'accessExpiresOn' and a.value <= '$today' and a.value > '$grace_start' and u.enabled")
    # the job's selection (EndDateStore: one indexed range on USER_ATTRIBUTE(NAME, VALUE), a batch of 500), as PostgreSQL times it
    sel_ms=$(psql_at kc_ours "explain (analyze, format json) select a.user_id from user_attribute a join user_entity u on u.id = a.user_id
        where a.name = 'accessExpiresOn' and a.value <= '$today' and a.value > '$grace_start'
          and u.realm_id = (select id from realm where name = 'lifecycle') and u.enabled
        order by a.value, a.user_id limit 500" | grep -o '"Execution Time": [0-9.]*' | awk '{print $3}')
    log "expiry: $due users due; the selection of the first 500 takes $sel_ms ms in PostgreSQL; restarting with the job every 5 s"
    stop_keycloak
    started=$(date +%s.%N)
    start_keycloak "$home" "$WORK/keycloak-run-all-ours-expiry.log" --db-url="$db_url" --db-username=keycloak --db-password=keycloak \
        --spi-admin-realm-restapi-extension--access--expiry-interval-seconds=5
    ready=$(date +%s.%N)
    while [ "$done" -lt "$due" ]; do
        now=$(date +%s.%N)
        done=$(psql_at kc_ours "select count(*) from user_attribute a where a.name = 'accessExpiredAt'")
        [ -z "$first" ] && [ "$done" -gt 0 ] && first=$now
        [ "$(echo "$now - $ready > 900" | bc)" = 0 ] || { log "expiry: only $done of $due after 900 s"; break; }
        sleep 0.5
    done
    last=$(date +%s.%N)
    admins=$(psql_at kc_ours "select count(distinct recipient) from access_outbox where template = 'access-expired-admin.ftl'")
    queued=$(psql_at kc_ours "select count(*) from access_outbox where template like 'access-expired%'")
    fact expiry "$(printf '%s users, %s due (end date yesterday, 1 %%). The job selects with one indexed range query on `USER_ATTRIBUTE(NAME, VALUE)`, 500 at a time, then handles each user in a transaction of its own (disable, end sessions, attributes, notice, audit, emails queued).\n\n| figure | value |\n| --- | --- |\n| selection of the first 500 due users (PostgreSQL `EXPLAIN ANALYZE` execution time) | %s ms |\n| from Keycloak ready to the first user expired (the first tick is 5 s after start) | %.1f s |\n| sweep: first to last of the %s users expired | %.1f s (%.0f users/s) |\n| users expired | %s of %s |\n| emails queued by the sweep (user and access administrators) | %s (%s administrators each get one per expired user) |\n\nKeycloak was restarted for this phase (caches cold).' \
        "$USERS" "$due" "$sel_ms" "$(echo "${first:-$last} - $ready" | bc)" "$due" "$(echo "$last - ${first:-$last}" | bc)" \
        "$(echo "$due / ($last - ${first:-$last} + 0.001)" | bc -l)" "$done" "$due" "$queued" "$admins")"
    log "expiry: $done of $due users expired, $queued emails queued"
    memory ours expiry
}

# run_check_phase: the end-date check on versus off, on our server and realm (issue: within 5 %, no extra SQL).
# "Off" binds Keycloak's own browser and direct grant flows instead of the sample realm's, which add the check; the
# refresh-token check is not exercised by a password grant. SQL is counted by pg_stat_statements over the same 200
# sign-ins (users not past their end date, their cache warmed by a first pass), then Gatling measures throughput.
run_check_phase() {
    local token on off n=200
    psql_at kc_ours "create extension if not exists pg_stat_statements" >/dev/null
    bind_flows() {
        # a new token each time: the master realm's lives 60 s, less than the Gatling run between the two bindings
        token=$(curl -fsS -d grant_type=password -d client_id=admin-cli -d username=admin -d password=admin \
            "$BASE/realms/master/protocol/openid-connect/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
        curl -fsS -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
            -d "{\"browserFlow\": \"$1\", \"directGrantFlow\": \"$2\"}" "$BASE/admin/realms/lifecycle" >/dev/null
    }
    sign_ins() {
        local i u ok=0
        for i in $(seq 1 $n); do
            u=$((i * 7 + 1))
            [ $((u % 100)) = 0 ] && u=$((u + 1))    # every 100th bulk user is past its end date: refused with the check on
            curl -fsS -o /dev/null -d grant_type=password -d client_id=demo-app -d "username=bulk-$u" \
                -d 'password=Plain-Passw0rd!' "$BASE/realms/lifecycle/protocol/openid-connect/token" && ok=$((ok + 1))
        done
        echo "$ok"
    }
    sql_per_sign_in() {
        local ok calls
        sign_ins >/dev/null
        psql_at kc_ours "select pg_stat_statements_reset()" >/dev/null
        ok=$(sign_ins)
        calls=$(psql_at kc_ours "select coalesce(sum(s.calls), 0) from pg_stat_statements s join pg_database d on d.oid = s.dbid
            where d.datname = 'kc_ours' and s.query not like '%pg_stat_statements%'")
        echo "$ok $calls"
    }
    read -r on_ok on_calls <<< "$(sql_per_sign_in)"
    bind_flows browser "direct grant"
    read -r off_ok off_calls <<< "$(sql_per_sign_in)"
    gatling nocheck password-grant PasswordGrantSimulation
    bind_flows "access browser" "access direct grant"
    fact check.sql "$(printf '| end-date check | sign-ins ok | SQL statements (pg_stat_statements) | per sign-in |\n| --- | --: | --: | --: |\n| on (sample realm flows) | %s of %s | %s | %.2f |\n| off (Keycloak default flows) | %s of %s | %s | %.2f |' \
        "$on_ok" "$n" "$on_calls" "$(echo "$on_calls / $n" | bc -l)" "$off_ok" "$n" "$off_calls" "$(echo "$off_calls / $n" | bc -l)")"
    log "end-date check: SQL per sign-in on $(echo "$on_calls / $n" | bc -l), off $(echo "$off_calls / $n" | bc -l)"
}

# psql_at DATABASE SQL: one value, unaligned.
psql_at() {
    pg_sql "$1" "$2"
}

# ------------------------------------------------------------------------------------------------------ sides
YESTERDAY=$(date -u -d yesterday +%F)
IN_20_DAYS=$(date -u -d '+20 days' +%F)
KC_START=start
for side in ours stock; do
    STEP=$(date +%s)
    home=$WORK/kc-run-all-$side
    if [ "$side" = ours ]; then build_keycloak "$home" "$PROVIDERS"; else build_keycloak "$home" "$EMPTY"; fi
    if [ "$side" = stock ]; then
        # the same realm without what needs our providers: the themes and the bindings of the sign-in flows with our
        # end-date check (Keycloak then binds its default browser and direct grant flows)
        grep -v -e '"\(login\|email\)Theme": "access-lifecycle"' -e '"browserFlow": "access browser"' \
            -e '"directGrantFlow": "access direct grant"' "$ROOT/realm-config/lifecycle-realm.json" > "$home/data/import/lifecycle-realm.json"
    fi
    create_database "kc_$side"
    timed "$side: unpack and build" "$STEP"
    STEP=$(date +%s)
    DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/kc_$side"
    extra=()
    # ours: the expiry job (daily here) must not sweep during the other phases; its own phase below
    [ "$side" = ours ] && extra=(--spi-admin-realm-restapi-extension--access--expiry-interval-seconds=86400)
    start_keycloak "$home" "$WORK/keycloak-run-all-$side.log" --db-url="$DB_URL" --db-username=keycloak --db-password=keycloak "${extra[@]}"
    fact keycloak "${KC_RUNNING:-$KC_VERSION} (distribution from Maven; \`kc.sh build ${BUILD_OPTS[*]}\`, then \`start --optimized\`, default pools and caches)"
    timed "$side: start" "$STEP"
    memory "$side" start

    STEP=$(date +%s)
    log "loading $USERS users into kc_$side"
    "$JDK/bin/java" -cp "$CP" io.accesslifecycle.bench.BulkLoad --jdbc="$DB_URL" --count="$USERS" --prefix=bulk \
        --due-every=100 --due-date="$YESTERDAY" --later-every=10 --later-date="$IN_20_DAYS" | tee -a "$WORK/run-all-load.log"
    timed "$side: load $USERS users" "$STEP"
    memory "$side" "load"

    gatling "$side" password-grant PasswordGrantSimulation
    [ "$side" = ours ] && run_check_phase
    gatling "$side" browser-login BrowserLoginSimulation
    if [ "$side" = ours ]; then
        paths="/admin/realms/lifecycle/access/users?max=50&status=active|/admin/realms/lifecycle/access/users?max=50&status=expiring|/admin/realms/lifecycle/access/users?max=50&status=expired-grace|/admin/realms/lifecycle/access/users?max=50&label=team-3"
        fact list.ours "status=active, expiring, expired-grace, and label=team-3, at random"
    else
        paths="/admin/realms/lifecycle/users?max=50&q=labels:team-3|/admin/realms/lifecycle/users?max=50&q=accessExpiresOn:$IN_20_DAYS|/admin/realms/lifecycle/users?max=50&q=accessExpiresOn:$YESTERDAY|/admin/realms/lifecycle/users?max=50"
        fact list.stock "q=labels:team-3, q=accessExpiresOn:<in 20 days>, q=accessExpiresOn:<yesterday>, and no filter, at random"
    fi
    gatling "$side" user-list UserListSimulation "-Dbench.list.paths=$paths"

    if [ "$side" = ours ] && [ "$INVITATIONS" -gt 0 ]; then
        STEP=$(date +%s)
        log "$INVITATIONS invitations (the client of bench/invitations.sh) against our server"
        run_child "$JDK/bin/java" $UNSAFE_OPT -cp "$CP" io.accesslifecycle.bench.InvitationsBench run \
            --base="$BASE" --smtp-port="$SMTP_PORT" --count="$INVITATIONS" --results="$WORK/run-all-invitations" \
            --mail-timeout="${BENCH_MAIL_TIMEOUT:-300}" --db=postgres --db-label="PostgreSQL $PG_VERSION, $USERS users loaded" \
            --kc-opts="start --optimized" --nproc="$(nproc)" --java-version="$JAVA_VERSION" --kc-version="${KC_RUNNING:-$KC_VERSION}" \
            --git="$GIT" --script-start="$SCRIPT_START" --kc-log="$WORK/keycloak-run-all-$side.log" \
            > "$WORK/run-all-invitations.log" 2>&1 || log "the invitations phase failed (see $WORK/run-all-invitations.log)"
        timed "ours: $INVITATIONS invitations" "$STEP"
        memory ours invitations
    fi
    if [ "$side" = ours ]; then
        run_expiry_phase "$home" "$DB_URL"
    fi
    stop_keycloak
done

# ------------------------------------------------------------------------------------------------------ report
fact nproc "$(nproc)"
fact cpu "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
fact memory "$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
fact os "$(uname -srm)"
fact java "$JAVA_VERSION"
fact postgresql "$PG_VERSION (fresh local cluster, default settings: fsync on, shared_buffers 128 MB)"
fact git "$GIT"
fact users "$USERS"
fact concurrency "$CONCURRENCY"
fact warmup "$WARMUP"
fact seconds "$SECONDS_MEASURED"
fact gatling "$(sed -n 's:.*<gatling.version>\(.*\)</gatling.version>.*:\1:p' "$BENCH_DIR/gatling/pom.xml")"
fact invitations "$INVITATIONS"
fact "load average at end" "$(cut -d' ' -f1-3 /proc/loadavg)"
fact duration "$(($(date +%s) - SCRIPT_START)) s"
INVITATIONS_REPORT=$(ls -t "$WORK"/run-all-invitations/latest-*.md 2>/dev/null | head -1 || true)
"$JDK/bin/java" -cp "$CP" io.accesslifecycle.bench.RunAllReport --facts="$FACTS" --gatling="$GATLING_DIR" \
    --out="$BENCH_DIR/RESULTS.md" ${INVITATIONS_REPORT:+--invitations="$INVITATIONS_REPORT"} || die "the report failed"
cp "$BENCH_DIR/RESULTS.md" "$RESULTS/run-all-$(date -u +%Y%m%dT%H%M%SZ).md"
log "written: bench/RESULTS.md"
