#!/usr/bin/env bash
# Sourced by ./ltpsim and ./run-tests: sets JAVA_HOME to a JDK of version 25 or later, or explains how to get one.
# The major version from the JDK's release file (no JVM start: ~0.1 s saved per launch), else from java -version.
ltpsim_java_major() {
  local major=""
  [ -r "$1/release" ] && major=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1)
  [ -n "$major" ] || major=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  echo "$major"
}
ltpsim_find_java() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]* \
                   /usr/lib/jvm/java-2[5-9]* /usr/lib/jvm/jdk-2[5-9]* /opt/java/openjdk /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    major=$(ltpsim_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      export JAVA_HOME="$candidate"
      return 0
    fi
  done
  echo "ltpsim: no Java 25 found (checked JAVA_HOME and /usr/lib/jvm). Install one (e.g. Debian/Ubuntu: the Temurin 25 JDK from adoptium.net, or 'apt-get install openjdk-25-jdk' where offered) and set JAVA_HOME to it." >&2
  return 1
}
