#!/usr/bin/env bash
# Offline compiler benchmark and quality report; see README.md beside this file.
# Arguments are passed to the harness, e.g. --pdf /work/shared/corpus/pdf --runs 5 --quiet
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -q -B -DskipTests package
exec java -cp target/kb.jar:target/test-classes bench/compile/OfflineCompileBench.java "$@"
