#!/usr/bin/env bash
# Makes kb's static embedding table (src/main/resources/dev/kbtool/search/dense/token-vectors.bin and
# vocab.txt) from all-MiniLM-L6-v2: the transformer embeds every word piece of its vocabulary alone
# (Distill.java, onnxruntime), the word frequency list gives each piece a weight (Tok.java), and
# make_table.py centres, reduces (PCA, 256 dimensions), weighs and quantises them. Run once by a
# developer when the table should change; kb itself never loads onnxruntime or the transformer.
# Needs onnxruntime 1.20.0 and the model jar in ~/.m2 (see run.sh) and python3 with numpy.
# Usage: bench/dense/make-table.sh [OUT_DIR]   (default: the resource folder)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:-$root/src/main/resources/dev/kbtool/search/dense}"
source "$here/classpath.sh"
work="$(mktemp -d)"
javac -nowarn -d "$work/classes" -cp "$cp" "$here"/MiniLm.java "$here"/WordPiece.java "$here"/Distill.java "$here"/Tok.java
java -cp "$work/classes:$cp" research.Distill "$work/table.bin"
grep -v '^#' "$root/src/main/resources/dev/kbtool/language/word-frequency-en.txt" | awk '{print $2"\t"$1}' > "$work/words.tsv"
java -cp "$work/classes:$cp" research.Tok "$work/words.tsv" "$work/words.tok"
mkdir -p "$out"
python3 "$here/make_table.py" "$work/table.bin" "$work/words.tok" "$out"
rm -rf "$work"
