package dev.kbtool.convert;

import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Small capitals read back as the letters they set. A title in small caps draws its capitals
 * full size and its small letters as smaller capitals ("M" then "UON"), so the text comes out
 * as "MUON IS SCALABLE" — or, where a tool puts a space at the change of size, "M UON IS
 * S CALABLE". In a run of nothing but capitals in two sizes, where some word opens with a
 * full-size capital followed by small ones, the small capitals are lower-case letters: "Muon is
 * Scalable for LLM Training".
 */
final class PdfSmallCaps {
    /** Small capitals are drawn at this share of the capitals' size: 0.7 to 0.8 in most fonts. */
    private static final float MIN_RATIO = 0.6f;
    private static final float MAX_RATIO = 0.9f;
    /** A capital this close (in capital sizes) before small capitals belongs to their word, whatever space was read between. */
    private static final float MAX_SPLIT_GAP = 0.25f;

    private PdfSmallCaps() {
    }

    /** A run's words and each word's glyphs, in order. */
    record Words(List<String> words, List<List<TextPosition>> glyphs) {
    }

    /**
     * The words of one run with small capitals in lower case, and a capital split off its small
     * capitals by a space joined back to them; the same lists when the run is not set in small caps.
     */
    static Words apply(List<String> words, List<List<TextPosition>> glyphs) {
        List<String> lower = lowerCase(words, glyphs);
        return lower == words ? new Words(words, glyphs) : rejoin(lower, glyphs);
    }

    private static List<String> lowerCase(List<String> words, List<List<TextPosition>> glyphs) {
        float capital = 0;
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            if (word.length() != glyphs.get(w).size()) {
                // Ligatures or combined marks: letters and glyphs do not pair up.
                return words;
            }
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                if (Character.isLowerCase(c)) {
                    return words;
                }
                if (Character.isUpperCase(c)) {
                    capital = Math.max(capital, PdfTextCollector.drawnSize(glyphs.get(w).get(i)));
                }
            }
        }
        if (capital == 0 || !opensSmallCapsWord(words, glyphs, capital)) {
            return words;
        }
        List<String> out = new ArrayList<>(words.size());
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            StringBuilder sb = new StringBuilder(word.length());
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                sb.append(isSmall(glyphs.get(w).get(i), capital) ? Character.toLowerCase(c) : c);
            }
            out.add(sb.toString());
        }
        return out;
    }

    /**
     * Whether some word is a full-size capital followed by small capitals, as small caps set a
     * word — in one word, or in two that a space split at the change of size.
     */
    private static boolean opensSmallCapsWord(List<String> words, List<List<TextPosition>> glyphs, float capital) {
        for (int w = 0; w < words.size(); w++) {
            String word = words.get(w);
            List<TextPosition> g = glyphs.get(w);
            if (word.length() >= 2 && Character.isUpperCase(word.charAt(0)) && !isSmall(g.get(0), capital)
                    && Character.isUpperCase(word.charAt(1)) && isSmall(g.get(1), capital)
                    || splitAtSmallCaps(words, glyphs, w, capital)) {
                return true;
            }
        }
        return false;
    }

    /** Word {@code w} is one full-size capital, set close before a word of small capitals. */
    private static boolean splitAtSmallCaps(List<String> words, List<List<TextPosition>> glyphs, int w, float capital) {
        if (w + 1 >= words.size() || words.get(w).length() != 1 || words.get(w + 1).isEmpty()) {
            return false;
        }
        TextPosition big = glyphs.get(w).get(0);
        TextPosition next = glyphs.get(w + 1).get(0);
        float gap = next.getXDirAdj() - PdfGlyphs.right(big);
        return Character.isUpperCase(words.get(w).charAt(0)) && !isSmall(big, capital) && isSmall(next, capital)
                && gap < MAX_SPLIT_GAP * capital;
    }

    /** Joins each full-size capital a space split off the small capitals after it. */
    private static Words rejoin(List<String> words, List<List<TextPosition>> glyphs) {
        float capital = 0;
        for (List<TextPosition> word : glyphs) {
            for (TextPosition g : word) {
                capital = Math.max(capital, PdfTextCollector.drawnSize(g));
            }
        }
        List<String> outWords = new ArrayList<>(words.size());
        List<List<TextPosition>> outGlyphs = new ArrayList<>(glyphs.size());
        for (int w = 0; w < words.size(); w++) {
            if (splitAtSmallCapsLower(words, glyphs, w, capital)) {
                List<TextPosition> both = new ArrayList<>(glyphs.get(w));
                both.addAll(glyphs.get(w + 1));
                outWords.add(words.get(w) + words.get(w + 1));
                outGlyphs.add(both);
                w++;
            } else {
                outWords.add(words.get(w));
                outGlyphs.add(glyphs.get(w));
            }
        }
        return new Words(outWords, outGlyphs);
    }

    /** As {@link #splitAtSmallCaps}, once the small capitals are lower case. */
    private static boolean splitAtSmallCapsLower(List<String> words, List<List<TextPosition>> glyphs, int w,
            float capital) {
        if (w + 1 >= words.size() || words.get(w).length() != 1 || words.get(w + 1).isEmpty()
                || !Character.isLowerCase(words.get(w + 1).charAt(0))) {
            return false;
        }
        TextPosition big = glyphs.get(w).get(0);
        TextPosition next = glyphs.get(w + 1).get(0);
        return next.getXDirAdj() - PdfGlyphs.right(big) < MAX_SPLIT_GAP * capital;
    }

    private static boolean isSmall(TextPosition glyph, float capital) {
        String u = glyph.getUnicode();
        if (u == null || u.length() != 1 || !Character.isUpperCase(u.charAt(0))) {
            return false;
        }
        float ratio = PdfTextCollector.drawnSize(glyph) / capital;
        return ratio >= MIN_RATIO && ratio <= MAX_RATIO;
    }
}
