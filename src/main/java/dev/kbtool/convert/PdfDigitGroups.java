package dev.kbtool.convert;

import static dev.kbtool.convert.PdfGlyphs.em;
import static dev.kbtool.convert.PdfGlyphs.isInk;
import static dev.kbtool.convert.PdfGlyphs.right;

import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Numbers set digit by digit with a little space between them (candidate and account numbers
 * in comb fields, tracked years and codes): PDFBox breaks at every gap and gives
 * {@code 2 0 4 6 2 6 0}. A run of nothing but single digits has no word to measure the tracking
 * by, so the gaps themselves decide: those about as narrow as the narrowest are tracking, and a
 * group ends only where a gap is clearly wider.
 */
final class PdfDigitGroups {
    private static final int MIN_DIGITS = 4;
    /** Narrower than a word space: a gap this many font sizes wide or less can be tracking. */
    private static final float MAX_TRACKING_EM = 0.25f;
    /** Gaps up to this multiple of the narrowest are the same tracking. */
    private static final float SAME_GAP = 1.5f;
    /** A gap between groups is at least this multiple of the widest tracking gap. */
    private static final float GROUP_GAP = 2f;

    private PdfDigitGroups() {
    }

    /**
     * The run's digits grouped, or null when the run is not tracked single digits.
     *
     * @param words  the words as PDFBox gave them, left to right
     * @param glyphs each word's glyphs, left to right
     */
    static String join(List<String> words, List<List<TextPosition>> glyphs) {
        if (words.size() < MIN_DIGITS) {
            return null;
        }
        float[] gaps = new float[words.size() - 1];
        TextPosition previous = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            TextPosition digit = onlyInk(glyphs.get(i));
            if (word.length() != 1 || !Character.isDigit(word.charAt(0)) || digit == null) {
                return null;
            }
            if (previous != null) {
                gaps[i - 1] = digit.getXDirAdj() - right(previous);
            }
            previous = digit;
        }
        float em = em(previous);
        float narrowest = Float.MAX_VALUE;
        for (float gap : gaps) {
            narrowest = Math.min(narrowest, gap);
        }
        if (narrowest < 0 || narrowest > MAX_TRACKING_EM * em) {
            return null;
        }
        float tracking = SAME_GAP * Math.max(narrowest, 0.02f * em);
        float widestTracking = 0;
        float narrowestGroupGap = Float.MAX_VALUE;
        for (float gap : gaps) {
            if (gap <= tracking) {
                widestTracking = Math.max(widestTracking, gap);
            } else {
                narrowestGroupGap = Math.min(narrowestGroupGap, gap);
            }
        }
        if (narrowestGroupGap < GROUP_GAP * widestTracking) {
            return null;
        }
        StringBuilder sb = new StringBuilder(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            if (gaps[i - 1] > tracking) {
                sb.append(' ');
            }
            sb.append(words.get(i));
        }
        return sb.toString();
    }

    /** The word's one glyph with ink, or null when it has none or several. */
    private static TextPosition onlyInk(List<TextPosition> word) {
        TextPosition found = null;
        for (TextPosition p : word) {
            if (isInk(p)) {
                if (found != null) {
                    return null;
                }
                found = p;
            }
        }
        return found;
    }
}
