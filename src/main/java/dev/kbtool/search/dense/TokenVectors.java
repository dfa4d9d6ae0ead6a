package dev.kbtool.search.dense;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * A static sentence-embedding model: one vector per word piece, a text's vector the sum of its
 * pieces' (then compared by cosine). The vectors were distilled from all-MiniLM-L6-v2 — each
 * piece's sentence embedding when it stands alone, centred, cut to its main directions and
 * weighted by how rare the piece is ({@code bench/dense/make-table.sh} makes the table) — so it runs
 * in microseconds per passage with no native code or model session, where the transformer took
 * 18 ms of CPU per chunk and seconds to load. It knows what words mean, not how a sentence puts
 * them together: enough to find a passage that says in other words what a query asks.
 */
public final class TokenVectors {
    public static final int DIMENSIONS = 256;
    private static final String TABLE = "token-vectors.bin";
    private static final String VOCABULARY = "vocab.txt";

    private static final AtomicBoolean PRELOADING = new AtomicBoolean();

    private final WordPieces pieces;
    private final byte[] rows;
    private final float[] scales;
    /**
     * Rows as floats, made when a piece is first met: multiplying each byte by its row's scale
     * while embedding doubled its time, and all 30,522 rows as floats (31 MB) made a one-off
     * search pay a 180 ms garbage collection to copy them.
     */
    private final AtomicReferenceArray<float[]> floats;

    private TokenVectors(WordPieces pieces, byte[] rows, float[] scales) {
        this.pieces = pieces;
        this.rows = rows;
        this.scales = scales;
        this.floats = new AtomicReferenceArray<>(scales.length);
    }

    /** The model shipped with kb, loaded once per process (about 8 MB) when first needed. */
    public static TokenVectors shared() {
        if (Holder.FAILURE != null) {
            throw Holder.FAILURE;
        }
        return Holder.MODEL;
    }

    /**
     * Starts loading the model on a background thread, for a command that will need it after
     * other work (reading a file, counting a query's words): loading takes 80-150 ms in a cold
     * JVM, most of it inflating the table from the jar, and both cores are rarely busy at a start.
     */
    public static void preload() {
        if (PRELOADING.getAndSet(true)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                shared();
            } catch (RuntimeException e) {
                // The thread that needs the model meets the same failure and reports it.
            }
        }, "kb-token-vectors");
        t.setDaemon(true);
        t.start();
    }

    /** The model, or why it could not be loaded: kept, so every caller gets the reason, not a class error. */
    private static final class Holder {
        static final TokenVectors MODEL;
        static final RuntimeException FAILURE;

        static {
            TokenVectors model = null;
            RuntimeException failure = null;
            try {
                model = load();
            } catch (RuntimeException e) {
                failure = e;
            }
            MODEL = model;
            FAILURE = failure;
        }
    }

    private static TokenVectors load() {
        WordPieces pieces;
        try (InputStream vocabulary = open(VOCABULARY)) {
            pieces = WordPieces.load(vocabulary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(open(TABLE), 1 << 16))) {
            if (in.readInt() != 0x4B425456 || in.readInt() != 1) { // "KBTV", format 1
                throw new IllegalStateException(TABLE + " is not a token vector table kb can read");
            }
            int count = in.readInt();
            int dimensions = in.readInt();
            if (count != pieces.size() || dimensions != DIMENSIONS) {
                throw new IllegalStateException(TABLE + " does not match " + VOCABULARY);
            }
            byte[] rows = new byte[count * dimensions];
            float[] scales = new float[count];
            for (int i = 0; i < count; i++) {
                scales[i] = in.readFloat();
                in.readFully(rows, i * dimensions, dimensions);
            }
            return new TokenVectors(pieces, rows, scales);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = TokenVectors.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException("kb's jar lacks " + name + "; rebuild it");
        }
        return in;
    }

    /**
     * The word-piece ids of {@code text} that weigh anything: the table gives the commonest words
     * ("the", "of", "a"), whose weighted rows are a twentieth of a typical one, a scale of 0, and
     * leaving them out lets a window hold more of what a text says.
     */
    int[] pieces(String text) {
        int[] ids = pieces.ids(text);
        int n = 0;
        for (int id : ids) {
            if (scales[id] != 0) {
                ids[n++] = id;
            }
        }
        return n == ids.length ? ids : Arrays.copyOf(ids, n);
    }

    /** The vector of pieces {@code from} to {@code to} (exclusive), not normalised; zeros when there are none. */
    float[] embed(int[] ids, int from, int to) {
        float[] v = new float[DIMENSIONS];
        for (int i = from; i < to; i++) {
            float[] row = row(ids[i]);
            // Four at a time: the launcher's quick compiler (C1) neither unrolls nor vectorises,
            // and this loop is most of what embedding costs (one pass per piece of every window).
            for (int d = 0; d < DIMENSIONS; d += 4) {
                v[d] += row[d];
                v[d + 1] += row[d + 1];
                v[d + 2] += row[d + 2];
                v[d + 3] += row[d + 3];
            }
        }
        return v;
    }

    private float[] row(int piece) {
        float[] row = floats.get(piece);
        if (row == null) {
            row = new float[DIMENSIONS];
            float scale = scales[piece];
            for (int d = 0, at = piece * DIMENSIONS; d < DIMENSIONS; d++, at++) {
                row[d] = rows[at] * scale;
            }
            floats.set(piece, row); // two threads may both make it: the same values either way
        }
        return row;
    }
}
