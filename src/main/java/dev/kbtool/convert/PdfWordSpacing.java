package dev.kbtool.convert;

import static dev.kbtool.convert.PdfGlyphs.em;
import static dev.kbtool.convert.PdfGlyphs.right;

import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * Corrects the spacing inside one of PDFBox's words where its gap heuristic (a gap wider than
 * half the font's space is a word break) is wrong for the script:
 * <ul>
 * <li>Hangul: Korean fonts have wide spaces and set syllables on a fixed pitch without kerning,
 * so tightly justified lines (word gaps of a fifth of an em) come out as one word.
 * <li>Arabic script: a space glyph with no gap around it, or drawn under the next letter, is how
 * XeTeX and others set a zero-width non-joiner (Persian {@code کتاب‌ها}); PDFBox reads it as a
 * word space. Where no glyph marks it, the letters' forms still do ({@link ArabicForms}), and
 * PDFBox drops them. And a letter kerned into the box of the letter before it (alef after zain
 * in Word's Arabic fonts) is sorted by its left edge, so PDFBox reverses the two.
 * </ul>
 * Everything else is left as PDFBox made it.
 */
final class PdfWordSpacing {
    /**
     * Between two Hangul syllables (or a syllable and a Latin letter), a gap wider than this many
     * font sizes is a word space. Within words such gaps are at most a tenth of an em (kerning
     * against Latin, punctuation), and tight word spaces start at about a fifth.
     */
    private static final float HANGUL_WORD_GAP_EM = 0.15f;
    /**
     * Between two Arabic-script letters, an ink gap narrower than this share of the font's space
     * is no word space: justified Arabic word spaces keep most of the space's width.
     */
    private static final float NON_JOINER_GAP_SPACES = 0.25f;
    private static final char ZWNJ = '\u200C';

    private PdfWordSpacing() {
    }

    /** The word with its spacing corrected; {@code visual} are its glyphs in left-to-right order. */
    static String correct(String word, List<TextPosition> visual) {
        boolean hangul = false;
        boolean arabic = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= '\u1100' && c <= '\u11FF' || c >= '\u3130' && c <= '\u318F' || c >= '\uAC00' && c <= '\uD7AF') {
                hangul = true;
            } else if (c >= '\u0600' && c <= '\u06FF') {
                arabic = true;
            }
        }
        if (arabic) {
            return arabic(word, visual);
        }
        return hangul ? hangul(word, visual) : word;
    }

    /**
     * Whether two neighbouring words PDFBox split (given left to right) are one Arabic-script
     * word: the ink of their letters leaves no gap between them.
     */
    static boolean joined(List<TextPosition> left, List<TextPosition> right) {
        TextPosition last = left.get(left.size() - 1);
        TextPosition first = right.get(0);
        if (!isArabicLetter(last) || !isArabicLetter(first)) {
            return false;
        }
        float leftEnd = -Float.MAX_VALUE;
        for (TextPosition p : left) {
            if (isArabicLetter(p)) {
                leftEnd = Math.max(leftEnd, right(p));
            }
        }
        return first.getXDirAdj() - leftEnd < NON_JOINER_GAP_SPACES * last.getWidthOfSpace();
    }

    private static String hangul(String word, List<TextPosition> visual) {
        if (!sameText(word, visual)) {
            // Normalised or reordered by PDFBox: glyphs no longer map to characters one by one.
            return word;
        }
        StringBuilder out = new StringBuilder(word.length() + 8);
        out.append(visual.get(0).getUnicode());
        for (int i = 1; i < visual.size(); i++) {
            TextPosition a = visual.get(i - 1);
            TextPosition b = visual.get(i);
            if ((isHangul(a) || isHangul(b)) && !a.getUnicode().isBlank() && !b.getUnicode().isBlank()
                    && inkGap(a, b) > HANGUL_WORD_GAP_EM * Math.max(em(a), em(b))) {
                out.append(' ');
            }
            out.append(b.getUnicode());
        }
        return out.length() == word.length() ? word : out.toString();
    }

    private static String arabic(String word, List<TextPosition> visual) {
        if (hasLeftToRight(word)) {
            // Mixed words are reordered by runs: visual and logical positions do not simply mirror.
            return word;
        }
        char[] logical = word.toCharArray();
        boolean changed = nonJoiners(logical, visual);
        int n = visual.size();
        if (n != logical.length || !sameLength(visual)) {
            // Ligatures or merged marks: glyphs and characters no longer pair up one to one.
            return changed ? new String(logical) : word;
        }
        // The glyph of each character: in a right-to-left word, the mirror of the visual order.
        TextPosition[] glyphs = new TextPosition[n];
        for (int k = 0; k < n; k++) {
            glyphs[k] = visual.get(n - 1 - k);
        }
        changed |= kernedOrder(logical, glyphs);
        return formBreaks(logical, glyphs, changed ? null : word);
    }

    /**
     * Space glyphs between two Arabic letters with (almost) no gap between the letters become
     * ZWNJ. In a right-to-left word the spaces are met in the reverse order of the glyphs.
     */
    private static boolean nonJoiners(char[] logical, List<TextPosition> visual) {
        int spaces = 0;
        for (char c : logical) {
            if (c == ' ') {
                spaces++;
            }
        }
        if (spaces == 0) {
            return false;
        }
        boolean[] nonJoiner = new boolean[spaces];
        int found = 0;
        for (int i = 0; i < visual.size(); i++) {
            if (!" ".equals(visual.get(i).getUnicode())) {
                continue;
            }
            if (found == spaces) {
                return false;
            }
            // visual index of the space counted from the right = logical index among the spaces
            nonJoiner[spaces - 1 - found] = i > 0 && i + 1 < visual.size()
                    && joined(visual.subList(i - 1, i), visual.subList(i + 1, i + 2));
            found++;
        }
        if (found != spaces) {
            return false;
        }
        boolean changed = false;
        int k = 0;
        for (int i = 0; i < logical.length; i++) {
            if (logical[i] == ' ') {
                if (nonJoiner[k]) {
                    logical[i] = ZWNJ;
                    changed = true;
                }
                k++;
            }
        }
        return changed;
    }

    /**
     * Right-to-left glyphs are ordered by their right edge, where the pen starts them; PDFBox
     * sorts by the left edge, which puts a letter kerned into its predecessor's box first.
     * {@code glyphs} are in reading order and are swapped along with the characters.
     */
    private static boolean kernedOrder(char[] logical, TextPosition[] glyphs) {
        boolean changed = false;
        for (int k = glyphs.length - 2; k >= 0; k--) {
            TextPosition read = glyphs[k];
            TextPosition next = glyphs[k + 1];
            if (isArabicLetter(read) && isArabicLetter(next) && right(read) < right(next) - 0.01f) {
                char c = logical[k];
                logical[k] = logical[k + 1];
                logical[k + 1] = c;
                glyphs[k] = next;
                glyphs[k + 1] = read;
                changed = true;
                k--;
            }
        }
        return changed;
    }

    /** Adds a ZWNJ where the glyph forms show two letters of the word do not join; {@code unchanged} if none. */
    private static String formBreaks(char[] logical, TextPosition[] glyphs, String unchanged) {
        StringBuilder out = new StringBuilder(logical.length + 4);
        boolean added = false;
        for (int k = 0; k < logical.length; k++) {
            out.append(logical[k]);
            if (k + 1 < logical.length && ArabicForms.notJoined(glyphs[k].getUnicode(), glyphs[k + 1].getUnicode())) {
                out.append(ZWNJ);
                added = true;
            }
        }
        return added || unchanged == null ? out.toString() : unchanged;
    }

    private static boolean sameText(String word, List<TextPosition> visual) {
        int at = 0;
        for (TextPosition p : visual) {
            String u = p.getUnicode();
            if (u == null || !word.startsWith(u, at)) {
                return false;
            }
            at += u.length();
        }
        return at == word.length();
    }

    private static boolean sameLength(List<TextPosition> visual) {
        for (TextPosition p : visual) {
            if (p.getUnicode() == null || p.getUnicode().length() != 1) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLeftToRight(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.getDirectionality(word.charAt(i)) == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return true;
            }
        }
        return false;
    }

    private static float inkGap(TextPosition left, TextPosition right) {
        return right.getXDirAdj() - right(left);
    }

    private static boolean isHangul(TextPosition p) {
        String u = p.getUnicode();
        return u != null && !u.isEmpty() && Character.UnicodeScript.of(u.codePointAt(0)) == Character.UnicodeScript.HANGUL;
    }

    /** An Arabic-script letter, in base or presentation form (PDFBox keeps the glyph's form). */
    private static boolean isArabicLetter(TextPosition p) {
        String u = p.getUnicode();
        if (u == null || u.isEmpty()) {
            return false;
        }
        int cp = u.codePointAt(0);
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.ARABIC;
    }
}
