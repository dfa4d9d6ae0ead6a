#!/usr/bin/env bash
# Scores the offline compiler's wiki pages against the team's answer keys (issue 17):
# builds a knowledge base from the wiki-gold development documents and runs the scorer.
# usage: bench/compile/wiki-gold.sh [--details]      (EVAL=... to point at another copy of wiki-gold)
# Needs python3 with PyYAML. The last line is the scorer's SUMMARY (macro averages).
set -euo pipefail
cd "$(dirname "$0")/../.."
EVAL="${EVAL:-/work/shared/eval/wiki-gold}"
KB="${KB_DIR:-$(mktemp -d /tmp/kb-wiki-gold.XXXXXX)}"
trap 'rm -rf "$KB"' EXIT
rm -rf "$KB"
./kb init "$KB" >/dev/null
start=$(date +%s%3N)
./kb --kb "$KB" -q add "$EVAL/docs/dev"
echo "kb add: $(( $(date +%s%3N) - start )) ms for $(ls "$EVAL/docs/dev" | wc -l) documents" >&2
python3 "$EVAL/score.py" "$KB" "$EVAL/gold/dev" "$@"
