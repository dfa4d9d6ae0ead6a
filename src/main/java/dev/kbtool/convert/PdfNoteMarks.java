package dev.kbtool.convert;

import dev.kbtool.text.Scripts;

/**
 * Keeps footnote marks set as enclosed numbers (①②, ❶, ⑴, ⒈) apart from the words they touch.
 * Such a mark is printed raised right after a name ("Lamport②") and before the note's first
 * word ("①Innovation Center"), so it was read glued to that word; SQLite's tokenizer and the
 * offline compiler then take it for part of the word (the mark is a number: "lamport②" is one
 * token) and the name is lost to search and to the entity pages. A space between the mark and
 * a letter or digit keeps the word whole and shows the mark where it was printed ("Lamport ②",
 * "① Innovation"). Chinese, Japanese and Thai are written without spaces: a mark beside their
 * characters stays as it is ("核心站点①和").
 */
final class PdfNoteMarks {
    private PdfNoteMarks() {
    }

    /** The text with a space between each enclosed-number mark and a letter or digit it touches. */
    static String separate(String text) {
        int first = firstMark(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 4).append(text, 0, first);
        int previous = first > 0 ? text.codePointBefore(first) : ' ';
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isMark(cp) != isMark(previous) && isWordPart(isMark(cp) ? previous : cp)) {
                out.append(' ');
            }
            out.appendCodePoint(cp);
            previous = cp;
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Numbers in a circle, in parentheses or with a full stop: Unicode's enclosed alphanumerics
     * (①–⑳, ⑴–⒇, ⒈–⒛, ⓪–⓿), the dingbat circled digits (❶–➓) and the circled numbers 21–50.
     * Superscript digits are not among them: they are also exponents and units (m², 10⁶).
     */
    static boolean isMark(int cp) {
        return cp >= 0x2460 && cp <= 0x249B || cp >= 0x24EA && cp <= 0x24FF || cp >= 0x2776 && cp <= 0x2793
                || cp >= 0x3251 && cp <= 0x325F || cp >= 0x32B1 && cp <= 0x32BF;
    }

    private static boolean isWordPart(int cp) {
        return Character.isLetterOrDigit(cp) && !isMark(cp) && !Scripts.unspaced(cp);
    }

    private static int firstMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u2460' && isMark(c)) {
                return i;
            }
        }
        return -1;
    }
}
