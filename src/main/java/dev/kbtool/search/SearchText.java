package dev.kbtool.search;

import dev.kbtool.text.Scripts;

/**
 * Text as the full-text index sees it. SQLite's unicode61 tokenizer splits words at spaces
 * and punctuation, which Chinese and Japanese do not write; putting a space around every
 * ideograph, kana and hangul syllable indexes those scripts character by character, so a
 * phrase query still finds them. Queries go through the same function.
 */
public final class SearchText {
    private SearchText() {
    }

    public static String normalize(String text) {
        int first = firstSeparated(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (separated(cp)) {
                out.append(' ').appendCodePoint(cp).append(' ');
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /**
     * Indexed text as it was written: the spaces {@link #normalize} put around each character of
     * a script written without spaces taken out again (one on each side), for quoting.
     */
    public static String readable(String indexed) {
        int first = firstSeparated(indexed);
        if (first < 0) {
            return indexed;
        }
        StringBuilder out = new StringBuilder(indexed.length()).append(indexed, 0, first);
        for (int i = first; i < indexed.length(); ) {
            int cp = indexed.codePointAt(i);
            i += Character.charCount(cp);
            if (!separated(cp)) {
                out.appendCodePoint(cp);
                continue;
            }
            // Bold markers of a snippet may stand between the character and its spaces.
            int before = out.length();
            while (before > 0 && out.charAt(before - 1) == '*') {
                before--;
            }
            if (before > 0 && out.charAt(before - 1) == ' ') {
                out.deleteCharAt(before - 1);
            }
            out.appendCodePoint(cp);
            int after = i;
            while (after < indexed.length() && indexed.charAt(after) == '*') {
                after++;
            }
            if (after < indexed.length() && indexed.charAt(after) == ' ') {
                out.append(indexed, i, after);
                i = after + 1;
            }
        }
        return out.toString().strip();
    }

    /** The index of the first character that needs spaces around it, or -1: most text has none. */
    private static int firstSeparated(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0E00' && separated(text.codePointAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Korean writes spaces, but between words with particles attached: indexed by syllable too. */
    private static boolean separated(int cp) {
        if (cp < 0x0E00) {
            return false;
        }
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HANGUL || Scripts.unspaced(script);
    }
}
