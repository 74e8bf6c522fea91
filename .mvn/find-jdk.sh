# Sourced (POSIX sh) by ./mvnw and ./dbsim. Exports JAVA_HOME pointing at a JDK 21 or newer,
# because the default java on many machines is older and jOOQ's code generator needs 21+.

dbsim_jdk_major() {
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" | head -n 1
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n 1
  fi
}

dbsim_is_jdk21() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  major=$(dbsim_jdk_major "$1")
  [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null
}

dbsim_find_jdk() {
  if dbsim_is_jdk21 "${JAVA_HOME:-}"; then
    printf '%s\n' "$JAVA_HOME"
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    from_path=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if dbsim_is_jdk21 "$from_path"; then
      printf '%s\n' "$from_path"
      return 0
    fi
  fi
  # Newest first, so a machine with 21 and 25 builds on 25.
  restore_glob=$(case $- in *f*) echo "set -f" ;; esac)
  set +f
  best="" best_major=0
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
      "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if dbsim_is_jdk21 "$candidate"; then
      major=$(dbsim_jdk_major "$candidate")
      if [ "$major" -gt "$best_major" ]; then best="$candidate" best_major="$major"; fi
    fi
  done
  $restore_glob
  [ -n "$best" ] && printf '%s\n' "$best"
}

DBSIM_JDK=$(dbsim_find_jdk) || DBSIM_JDK=""
if [ -z "$DBSIM_JDK" ]; then
  echo "dbsim needs a JDK 21 or newer and found none (JAVA_HOME, PATH, /usr/lib/jvm): install one, e.g. 'apt-get install openjdk-21-jdk-headless', or set JAVA_HOME to it." >&2
  exit 1
fi
JAVA_HOME="$DBSIM_JDK"
export JAVA_HOME
