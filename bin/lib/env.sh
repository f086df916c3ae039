# Shared by the project's scripts: finds a JDK 21+ and installs what the scripts need on a fresh Debian machine.

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    echo "error: '$*' needs root (or sudo)" >&2; return 1; fi
}

apt_install() {
  # apt_install PACKAGE... : installs the Debian packages that are missing.
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing ${missing[*]} (Debian packages)..." >&2
  as_root apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >&2
}

java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F= '/java.specification.version/ { gsub(/ /, "", $2); split($2, v, "."); print v[1] }'
}

find_jdk() {
  # Prints the home of a JDK 21 or newer: JAVA_HOME, then the default java, then any JDK under /usr/lib/jvm.
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v javac >/dev/null; then candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"); fi
  for d in $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do candidates+=("${d%/}"); done
  for c in "${candidates[@]}"; do
    if [ -x "$c/bin/javac" ] && [ "$(java_major "$c")" -ge 21 ] 2>/dev/null; then echo "$c"; return 0; fi
  done
  return 1
}

use_jdk21() {
  local jdk
  if ! jdk=$(find_jdk); then
    apt_install openjdk-21-jdk-headless || true
    jdk=$(find_jdk) || { echo "error: no JDK 21 or newer found (set JAVA_HOME)" >&2; return 1; }
  fi
  export JAVA_HOME="$jdk"
  export PATH="$JAVA_HOME/bin:$PATH"
  command -v mvn >/dev/null || apt_install maven
  echo "Using JDK $(java_major "$JAVA_HOME") at $JAVA_HOME" >&2
}
