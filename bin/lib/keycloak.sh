# Keycloak's distribution for the scripts that run it outside the test framework (bin/test-cluster,
# bin/test-migration, bench/): sourced after env.sh.
#   kc_version [TREE]               keycloak.dist.version of TREE's pom (keycloak.version in releases before it)
#   kc_unpack VERSION HOME [MVN..]  the distribution (Maven fetches the zip when missing) unpacked into HOME
#   kc_providers HOME DIR           HOME's providers/ made equal to DIR's jars (a jar that did not change keeps its
#                                   time, so Keycloak skips its re-augmentation)
#   kc_start HOME LOG ARGS...       `HOME/bin/kc.sh ARGS...` in a process group of its own, output to LOG; sets KC_PID
#   kc_await PID LOG URL [SECONDS]  waits until URL answers (default 400 s); fails with LOG's tail if the server exits
#   kc_stop PID                     stops the process group PID: TERM, then KILL after 30 s

kc_version() {
  local pom=${1:-.}/pom.xml v
  v=$(sed -n 's:.*<keycloak.dist.version>\(.*\)</keycloak.dist.version>.*:\1:p' "$pom" | head -n 1)
  [ -n "$v" ] || v=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' "$pom" | head -n 1)
  [ -n "$v" ] || { echo "error: no Keycloak version in $pom" >&2; return 1; }
  echo "$v"
}

kc_unpack() {
  local version=$1 home=$2 zip
  shift 2
  command -v unzip >/dev/null || apt_install unzip
  zip=${MAVEN_REPO_LOCAL:-$HOME/.m2/repository}/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.zip
  if [ ! -f "$zip" ]; then
    mvn -B -q -ntp "$@" dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" >&2 \
      || { echo "error: cannot fetch the Keycloak $version distribution" >&2; return 1; }
  fi
  rm -rf "$home" "$home.unpack"
  mkdir -p "$home.unpack"
  unzip -q "$zip" -d "$home.unpack"
  mv "$home.unpack/keycloak-$version" "$home"
  rm -rf "$home.unpack"
}

kc_providers() {
  local home=$1 dir=$2 jar
  mkdir -p "$home/providers"
  for jar in "$home"/providers/*.jar; do
    [ -e "$jar" ] || continue
    [ -e "$dir/$(basename "$jar")" ] || rm -f "$jar"
  done
  for jar in "$dir"/*.jar; do
    [ -e "$jar" ] || continue
    cmp -s "$jar" "$home/providers/$(basename "$jar")" || cp -p "$jar" "$home/providers/"
  done
}

kc_start() {
  local home=$1 log=$2
  shift 2
  setsid "$home/bin/kc.sh" "$@" > "$log" 2>&1 < /dev/null &
  KC_PID=$!
}

kc_await() {
  local pid=$1 log=$2 url=$3 deadline=$((SECONDS + ${4:-400}))
  until curl -sf -o /dev/null "$url"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$log" >&2; echo "error: Keycloak exited (log: $log)" >&2; return 1
    fi
    if [ $SECONDS -gt "$deadline" ]; then
      tail -n 40 "$log" >&2; echo "error: Keycloak did not answer $url in time (log: $log)" >&2; return 1
    fi
    sleep 1
  done
}

kc_stop() {
  local pid=$1
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do
    kill -0 -- "-$pid" 2>/dev/null || kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}
