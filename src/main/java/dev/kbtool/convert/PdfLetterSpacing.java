package dev.kbtool.convert;

import static dev.kbtool.convert.PdfGlyphs.em;
import static dev.kbtool.convert.PdfGlyphs.isInk;
import static dev.kbtool.convert.PdfGlyphs.right;

import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Letter-spaced (tracked) text: code listings set with extra space between letters, spaced-out
 * titles. PDFBox breaks words wherever a gap exceeds about half the font's space, so letters
 * tracked by a point or so come out as {@code S u b t i t l e} or {@code \ cover s}. In such a
 * line the gaps inside words show the tracking; a word space is the tracking plus a space. A
 * break PDFBox made at a gap narrower than that is undone.
 */
final class PdfLetterSpacing {
    /** Letters set closer than this many font sizes apart (median gap) are not tracked. */
    private static final float MIN_TRACKING_EM = 0.05f;
    /** Tracking wider than this share of a space is spaced-out material (leaders, axis labels), not words. */
    private static final float MAX_TRACKING_SPACES = 0.6f;
    /** On top of the tracking, a word space is at least this share of the space (PDFBox's own tolerance). */
    private static final float WORD_SPACE_SHARE = 0.5f;
    /** Fewer gaps inside words than this say nothing about the tracking. */
    private static final int MIN_GAPS = 3;

    private PdfLetterSpacing() {
    }

    /**
     * The words of one left-to-right run joined by spaces, except between two words whose gap
     * is no wider than the run's tracking allows for letters of one word.
     *
     * @param words  the words as PDFBox gave them, left to right
     * @param glyphs each word's glyphs, left to right
     */
    static String join(List<String> words, List<List<TextPosition>> glyphs) {
        String digits = PdfDigitGroups.join(words, glyphs);
        if (digits != null) {
            return digits;
        }
        float tracking = words.size() < 2 ? 0 : tracking(glyphs);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            // A space glyph at the edge of a word already separates it.
            boolean spaced = i == 0 || Character.isWhitespace(sb.charAt(sb.length() - 1))
                    || Character.isWhitespace(word.charAt(0));
            if (!spaced && !(tracking > 0 && sameWord(glyphs.get(i - 1), glyphs.get(i), tracking))) {
                sb.append(' ');
            }
            sb.append(word);
        }
        return sb.toString();
    }

    /**
     * The median gap between letters inside PDFBox's words, in font sizes; 0 when the run is not
     * tracked. Gaps between its words are no evidence: in formulas and tables they are spaces
     * narrower than the font's, and a line of single letters would read as one word.
     */
    private static float tracking(List<List<TextPosition>> glyphs) {
        Gaps inside = new Gaps();
        for (List<TextPosition> word : glyphs) {
            float prevRight = Float.NaN;
            for (TextPosition p : word) {
                if (!isInk(p)) {
                    continue;
                }
                boolean cjk = isCjk(p);
                float x = p.getXDirAdj();
                if (!cjk && !Float.isNaN(prevRight)) {
                    float em = em(p);
                    inside.add((x - prevRight) / em, p.getWidthOfSpace() / em);
                }
                // Beside a CJK glyph a gap is justification, not tracking: measure from the next one.
                prevRight = cjk ? Float.NaN : right(p);
            }
        }
        return inside.tracking();
    }

    /** Gaps between neighbouring glyphs, in font sizes, and the mean space width in the same unit. */
    private static final class Gaps {
        private float[] values = new float[16];
        private int count;
        private int narrow;
        private float spaces;

        void add(float gap, float space) {
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = gap;
            spaces += space;
            if (gap < MIN_TRACKING_EM) {
                narrow++;
            }
        }

        float tracking() {
            // Most lines are set solid: with half their gaps or more narrow, no need to sort.
            if (count < MIN_GAPS || narrow > count / 2) {
                return 0;
            }
            Arrays.sort(values, 0, count);
            float median = values[count / 2];
            return median <= MAX_TRACKING_SPACES * spaces / count ? median : 0;
        }
    }

    private static boolean sameWord(List<TextPosition> left, List<TextPosition> right, float tracking) {
        TextPosition a = last(left);
        TextPosition b = first(right);
        if (a == null || b == null || isCjk(a) || isCjk(b)) {
            // CJK lines are justified by spreading characters, and a gap beside Latin text there is a real space.
            return false;
        }
        return gap(a, b) < tracking * em(a) + WORD_SPACE_SHARE * a.getWidthOfSpace();
    }

    private static TextPosition last(List<TextPosition> word) {
        for (int i = word.size() - 1; i >= 0; i--) {
            if (isInk(word.get(i))) {
                return word.get(i);
            }
        }
        return null;
    }

    private static TextPosition first(List<TextPosition> word) {
        for (TextPosition p : word) {
            if (isInk(p)) {
                return p;
            }
        }
        return null;
    }

    /** Han, kana, Hangul, CJK punctuation and full-width forms, by range: this runs for every glyph. */
    private static boolean isCjk(TextPosition p) {
        char c = p.getUnicode().charAt(0);
        return c >= '\u2E80' && c <= '\uD7FF' || c >= '\u1100' && c <= '\u11FF' || c >= '\uF900' && c <= '\uFAFF'
                || c >= '\uFF00' && c <= '\uFFEF';
    }

    private static float gap(TextPosition a, TextPosition b) {
        return b.getXDirAdj() - right(a);
    }
}
