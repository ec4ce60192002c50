# Sourced by ./ramparts and .ci/run: sets and exports JAVA_HOME to a JDK >= 21, looking at
# JAVA_HOME, then /usr/lib/jvm (newest first), then the javac on PATH. Returns 1 if none.
ramparts_java_major() { # the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

ramparts_find_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV) \
      "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    candidate="${candidate%/}"
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major="$(ramparts_java_major "$candidate/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  echo "Ramparts needs a JDK 21 or newer (found none in JAVA_HOME, /usr/lib/jvm or on PATH)." >&2
  echo "Install one (e.g. apt-get install openjdk-21-jdk-headless, or Temurin 21+) or set JAVA_HOME, then run this again." >&2
  return 1
}
