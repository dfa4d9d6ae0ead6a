# Shared helpers for the benchmark scripts. Source it; do not run it.
set -euo pipefail
BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$BENCH_ROOT/target/kb.jar"
WORK="${BENCH_WORK:-/tmp/kb-bench}"
JAVA="${JAVA:-java}"
# The JVM options the ./kb launcher uses, so benchmarks measure what users run.
KB_OPTS="${KB_JAVA_OPTS-$(sed -n 's/^default_opts="\(.*\)"$/\1/p' "$BENCH_ROOT/kb")}"

build() {
  if [[ ! -f "$JAR" || ! -d "$BENCH_ROOT/target/test-classes" ]] \
     || [[ -n "$(find "$BENCH_ROOT/src" "$BENCH_ROOT/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    (cd "$BENCH_ROOT" && ./mvnw -q -B -DskipTests package test-compile) >&2
  fi
}

kb() {
  # shellcheck disable=SC2086
  "$JAVA" $KB_OPTS -jar "$JAR" "$@"
}

generate() {
  "$JAVA" -cp "$BENCH_ROOT/target/test-classes:$JAR" dev.kbtool.bench.CorpusGenerator "$@"
}

now_ms() {
  date +%s%3N
}

machine() {
  echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA" -version 2>&1 | head -1)"
}
