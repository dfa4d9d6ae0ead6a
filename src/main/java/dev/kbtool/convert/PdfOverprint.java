package dev.kbtool.convert;

import static dev.kbtool.convert.PdfGlyphs.isInk;
import static dev.kbtool.convert.PdfGlyphs.right;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.text.TextPosition;

/**
 * Separates text drawn over other text. PDFBox takes glyphs whose heights overlap for one
 * line and sorts that line by x, so two overlapping minipages a few points apart, or a large
 * logo drawn across a line of small text, come out with their letters interleaved
 * ("thims iniispage" for "this is" over "minipage"). A stretch of text whose glyphs collide
 * with those of a stretch on a nearby baseline — the boxes of two or more glyphs on each side
 * overlap, which the glyphs of one line never do — is taken out into an article of its own,
 * which PDFBox then reads as a line apart. That is done only when the two are text of one size
 * (the lower one moves; not in right-to-left scripts, whose letters overlap by design) or of
 * very different sizes (the larger, a logo over text, moves). A kerned or lowered letter, like
 * the E of the TeX logo, collides on one glyph only, and superscripts and subscripts sit
 * beside their base, not on it.
 */
final class PdfOverprint {
    /** Baselines closer than this (points) are one baseline. */
    private static final float SAME_BASELINE = 0.6f;
    /** Two glyphs collide when their horizontal overlap exceeds this share of the narrower one. */
    private static final float COLLISION = 0.3f;
    /** Distinct colliding glyphs needed on each side. */
    private static final int MIN_COLLISIONS = 2;
    /** Sizes within this ratio are one size; at or beyond DECORATION one is a logo over text. */
    private static final float SAME_SIZE = 1.15f;
    private static final float DECORATION = 1.8f;
    /** Text drawn over text drawn over text, and so on: enough for real pages, bounded for hostile ones. */
    private static final int MAX_LAYERS = 4;

    private PdfOverprint() {
    }

    /**
     * The article as PDFBox should read it: unchanged, or the rest followed by what was drawn
     * over it, and what was drawn over that (a few layers at most).
     */
    static List<List<TextPosition>> separate(List<TextPosition> article) {
        List<List<TextPosition>> layers = new ArrayList<>();
        List<TextPosition> rest = article;
        for (int layer = 1; layer < MAX_LAYERS; layer++) {
            Set<TextPosition> moved = drawnOver(rest);
            if (moved.isEmpty()) {
                break;
            }
            List<TextPosition> kept = new ArrayList<>(rest.size() - moved.size());
            List<TextPosition> over = new ArrayList<>(moved.size());
            for (TextPosition p : rest) {
                (moved.contains(p) ? over : kept).add(p);
            }
            layers.add(kept);
            rest = over;
        }
        layers.add(rest);
        return layers;
    }

    /**
     * The glyphs of the stretches that collide with text on a baseline close enough for PDFBox
     * to merge the two. Each pair of baselines is looked at once, and only while one of them lies
     * within the other's glyph height: a large glyph reaches far, the others do not.
     */
    private static Set<TextPosition> drawnOver(List<TextPosition> glyphs) {
        Set<TextPosition> moved = Collections.newSetFromMap(new IdentityHashMap<>());
        if (glyphs.size() < 2 * MIN_COLLISIONS) {
            return moved;
        }
        Baselines lines = new Baselines(glyphs);
        for (int i = 0; i < lines.count(); i++) {
            for (int j = i + 1; j < lines.count() && lines.dir(j) == lines.dir(i)
                    && lines.y(j) - lines.y(i) <= lines.height(i); j++) {
                collide(lines, i, j, moved);
            }
            for (int k = i - 1; k >= 0 && lines.dir(k) == lines.dir(i)
                    && lines.y(i) - lines.y(k) <= lines.height(i); k--) {
                if (lines.y(i) - lines.y(k) > lines.height(k)) {
                    collide(lines, k, i, moved);
                }
            }
        }
        return moved;
    }

    private static void collide(Baselines lines, int upper, int lower, Set<TextPosition> moved) {
        float distance = lines.y(lower) - lines.y(upper);
        for (Stretch a : lines.stretches(upper)) {
            for (Stretch b : lines.stretches(lower)) {
                Stretch intruder = distance <= Math.max(a.height, b.height) ? intruder(a, b) : null;
                if (intruder != null) {
                    moved.addAll(intruder.glyphs);
                }
            }
        }
    }

    /**
     * An article's glyphs grouped by direction and baseline, top first. Cutting a baseline into
     * stretches costs a sort, so it is done only for baselines that come close to another.
     */
    private static final class Baselines {
        private static final int INDEX_BITS = 30;
        private final List<TextPosition> glyphs;
        private final int[] order;
        /** Per baseline: where its glyphs begin in {@link #order} (one more entry marks the end). */
        private final int[] starts;
        private final float[] ys;
        private final float[] dirs;
        private final float[] heights;
        private final int count;
        private final List<List<Stretch>> stretches;

        Baselines(List<TextPosition> glyphs) {
            this.glyphs = glyphs;
            int n = glyphs.size();
            long[] keys = new long[n];
            float[] glyphY = new float[n];
            // PDFBox works a glyph's direction out of its matrix on every call: once per glyph here.
            float[] glyphDir = new float[n];
            for (int i = 0; i < n; i++) {
                TextPosition p = glyphs.get(i);
                glyphY[i] = p.getYDirAdj();
                glyphDir[i] = p.getDir();
                long direction = Math.round(glyphDir[i] / 90f) & 3;
                keys[i] = direction << 62 | sortable(glyphY[i]) << INDEX_BITS | i;
            }
            Arrays.sort(keys);
            order = new int[n];
            starts = new int[n + 1];
            ys = new float[n];
            dirs = new float[n];
            heights = new float[n];
            int lines = 0;
            for (int k = 0; k < n; k++) {
                int i = (int) (keys[k] & ((1L << INDEX_BITS) - 1));
                order[k] = i;
                TextPosition p = glyphs.get(i);
                if (lines == 0 || glyphDir[i] != dirs[lines - 1] || glyphY[i] - ys[lines - 1] > SAME_BASELINE) {
                    starts[lines] = k;
                    ys[lines] = glyphY[i];
                    dirs[lines] = glyphDir[i];
                    lines++;
                }
                if (isInk(p)) {
                    heights[lines - 1] = Math.max(heights[lines - 1], p.getHeightDir());
                }
            }
            starts[lines] = n;
            count = lines;
            stretches = new ArrayList<>(Collections.nCopies(lines, null));
        }

        /** A float as 32 unsigned bits that order like the floats themselves. */
        private static long sortable(float f) {
            int bits = Float.floatToIntBits(f);
            return (bits ^ ((bits >> 31) & 0x7FFFFFFF) ^ 0x80000000) & 0xFFFFFFFFL;
        }

        int count() {
            return count;
        }

        float height(int line) {
            return heights[line];
        }

        float y(int line) {
            return ys[line];
        }

        float dir(int line) {
            return dirs[line];
        }

        List<Stretch> stretches(int line) {
            List<Stretch> cut = stretches.get(line);
            if (cut == null) {
                TextPosition[] own = new TextPosition[starts[line + 1] - starts[line]];
                for (int k = starts[line]; k < starts[line + 1]; k++) {
                    own[k - starts[line]] = glyphs.get(order[k]);
                }
                cut = PdfOverprint.stretches(own);
                stretches.set(line, cut);
            }
            return cut;
        }
    }

    private static List<Stretch> stretches(TextPosition[] glyphs) {
        Arrays.sort(glyphs, Comparator.comparingDouble(TextPosition::getXDirAdj));
        List<Stretch> stretches = new ArrayList<>();
        Stretch current = null;
        for (TextPosition p : glyphs) {
            if (current == null || p.getXDirAdj() - current.x1 > sizeOf(p)) {
                current = new Stretch();
                stretches.add(current);
            }
            current.add(p);
        }
        stretches.removeIf(s -> s.letters.isEmpty());
        stretches.forEach(Stretch::measure);
        return stretches;
    }

    /** The stretch to move out when {@code a} and {@code b} collide the way overprinted text does; else null. */
    private static Stretch intruder(Stretch a, Stretch b) {
        if (a.x1 <= b.x0 || b.x1 <= a.x0 || a.letters.size() < MIN_COLLISIONS || b.letters.size() < MIN_COLLISIONS) {
            return null;
        }
        int hitsA = 0;
        boolean[] hitB = new boolean[b.letters.size()];
        for (TextPosition p : a.letters) {
            boolean hit = false;
            for (int k = 0; k < b.letters.size(); k++) {
                if (collide(p, b.letters.get(k))) {
                    hit = true;
                    hitB[k] = true;
                }
            }
            if (hit) {
                hitsA++;
            }
        }
        int hitsB = 0;
        for (boolean h : hitB) {
            if (h) {
                hitsB++;
            }
        }
        if (hitsA < MIN_COLLISIONS || hitsB < MIN_COLLISIONS) {
            return null;
        }
        float ratio = Math.max(a.size, b.size) / Math.max(0.1f, Math.min(a.size, b.size));
        if (ratio >= DECORATION) {
            return a.size > b.size ? a : b;
        }
        if (ratio <= SAME_SIZE && a.plainLetters() && b.plainLetters()) {
            return b;
        }
        return null;
    }

    private static boolean collide(TextPosition p, TextPosition q) {
        float overlap = Math.min(right(p), right(q)) - Math.max(p.getXDirAdj(), q.getXDirAdj());
        float narrower = Math.min(p.getWidthDirAdj(), q.getWidthDirAdj());
        return narrower > 0 && overlap > COLLISION * narrower;
    }

    /** The size the glyph is drawn at; PDFBox's own figure is cut to whole points. */
    private static float sizeOf(TextPosition p) {
        float size = p.getTextMatrix().getScalingFactorY();
        return size > 0 ? size : p.getHeightDir();
    }

    /** Glyphs of one baseline with no gap of an em between them, spaces included. */
    private static final class Stretch {
        final List<TextPosition> glyphs = new ArrayList<>();
        final List<TextPosition> letters = new ArrayList<>();
        float x0 = Float.MAX_VALUE;
        float x1 = -Float.MAX_VALUE;
        float size;
        float height;

        void add(TextPosition p) {
            glyphs.add(p);
            x0 = Math.min(x0, p.getXDirAdj());
            x1 = Math.max(x1, right(p));
            if (isInk(p)) {
                letters.add(p);
                height = Math.max(height, p.getHeightDir());
            }
        }

        /** The median size of the stretch's letters. */
        void measure() {
            float[] sizes = new float[letters.size()];
            for (int i = 0; i < sizes.length; i++) {
                sizes[i] = sizeOf(letters.get(i));
            }
            Arrays.sort(sizes);
            size = sizes[sizes.length / 2];
        }

        /**
         * Mostly letters and digits, and none of a right-to-left script: Arabic letters overlap
         * their neighbours by design (stacked forms, marks), so colliding boxes mean nothing there.
         */
        boolean plainLetters() {
            int n = 0;
            for (TextPosition p : letters) {
                String u = p.getUnicode();
                if (RtlText.hasRtl(u)) {
                    return false;
                }
                int c = u.codePointAt(0);
                if (Character.isLetterOrDigit(c)) {
                    n++;
                }
            }
            return n * 10 >= letters.size() * 6;
        }
    }
}
