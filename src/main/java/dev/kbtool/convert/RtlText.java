package dev.kbtool.convert;

import java.text.Bidi;
import java.util.List;

/**
 * Right-to-left lines. PDFBox puts the letters of each word in logical order but leaves the words
 * of a line in visual (left to right) order; for Arabic or Hebrew lines that reverses the sentence.
 * This reorders the words with the Unicode bidi rules.
 */
final class RtlText {
    private RtlText() {
    }

    /** The words of a line in logical order, given in visual order. */
    static String logicalLine(List<String> visualWords) {
        int n = visualWords.size();
        byte[] levels = new byte[n];
        int rtl = 0;
        int ltr = 0;
        for (int i = 0; i < n; i++) {
            int direction = direction(visualWords.get(i));
            if (direction > 0) {
                rtl++;
            } else if (direction < 0) {
                ltr++;
            }
            // Within a right-to-left line, left-to-right words and numbers are embedded at level 2.
            levels[i] = (byte) (direction > 0 || direction == 0 && !hasDigit(visualWords.get(i)) ? 1 : 2);
        }
        if (rtl <= ltr) {
            return String.join(" ", visualWords);
        }
        Object[] words = visualWords.toArray();
        // With levels 1 and 2 only, visual-to-logical reordering is the same operation as logical-to-visual.
        Bidi.reorderVisually(levels, 0, words, 0, n);
        StringBuilder sb = new StringBuilder();
        for (Object w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.toString();
    }

    static boolean mostlyRtl(String text) {
        int rtl = 0;
        int ltr = 0;
        for (int i = 0; i < text.length(); i++) {
            byte d = Character.getDirectionality(text.charAt(i));
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                rtl++;
            } else if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                ltr++;
            }
        }
        return rtl > ltr;
    }

    static boolean hasRtl(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c >= '\u0590' && c <= '\u08FF' || c >= '\uFB1D' && c <= '\uFEFC') {
                return true;
            }
        }
        return false;
    }

    /** 1 for a word whose first strong character is right-to-left, -1 for left-to-right, 0 for none. */
    private static int direction(String word) {
        for (int i = 0; i < word.length(); i++) {
            byte d = Character.getDirectionality(word.charAt(i));
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return 1;
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return -1;
            }
        }
        return 0;
    }

    private static boolean hasDigit(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
