# Sourced by ./frame and ./run-tests: a JDK >= 25 on PATH and JAVA_HOME (the machine default may be 17), and Maven.
java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/ *java.specification.version = //p' | cut -d. -f1; }
pick_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    local major; major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then echo "$candidate"; return 0; fi
  done
  if command -v apt-get >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq openjdk-25-jdk-headless) >&2 || true
    for candidate in /usr/lib/jvm/*25*; do [ -x "$candidate/bin/javac" ] && { echo "$candidate"; return 0; }; done
  fi
  return 1
}
JAVA_HOME=$(pick_jdk) || { echo "FRAME needs a JDK 25 or newer and found none: install one (for example Temurin 25) and set JAVA_HOME." >&2; exit 1; }
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
# Maven itself: the machines ship it; install it where they do not.
if ! command -v mvn >/dev/null; then
  (apt-get update -qq && apt-get install -y -qq maven) >&2 || { echo "Maven is missing; install Apache Maven 3.8+." >&2; exit 1; }
fi
