package dev.kbtool.text;

/**
 * Joins the lines of a wrapped paragraph into one: undoes line-end hyphenation, and puts no
 * space between lines of Chinese or Japanese. Converters and the compiler both unwrap text,
 * and must unwrap it alike.
 */
public final class LineJoin {
    /**
     * Decides a hyphen at a line end before a lower-case letter: the word was broken there for
     * the line (the hyphen goes), or it is a compound's own hyphen (it stays).
     */
    @FunctionalInterface
    public interface Hyphens {
        /**
         * @param before the word before the hyphen, as far back as the last space ("experi", "state-of")
         * @param after  the first word of the next line, without trailing punctuation ("ment", "the-art")
         * @return whether the hyphen stays
         */
        boolean keep(String before, String after);
    }

    /**
     * With nothing else to go by, a hyphen before a lower-case letter broke a word for the line:
     * that is the usual case in typeset text, though a compound broken at its own hyphen
     * ("well-" + "known") loses its hyphen too.
     */
    public static final Hyphens WORD_BREAKS = (before, after) -> false;

    private LineJoin() {
    }

    public static void append(StringBuilder sb, String line) {
        append(sb, line, WORD_BREAKS);
    }

    /** Appends {@code line} to the paragraph in {@code sb}; {@code hyphens} decides line-end hyphens. */
    public static void append(StringBuilder sb, String line, Hyphens hyphens) {
        if (line.isEmpty()) {
            return;
        }
        int n = sb.length();
        if (n == 0) {
            sb.append(line);
            return;
        }
        char last = sb.charAt(n - 1);
        char next = line.charAt(0);
        if (last == '\u00AD') {
            // A soft hyphen only marks where the word was broken.
            sb.setLength(n - 1);
        } else if ((last == '-' || last == '\u2010') && n >= 2 && Character.isLetter(sb.charAt(n - 2))
                && Character.isLowerCase(next)) {
            if (!hyphens.keep(wordBefore(sb, n - 1), firstWord(line))) {
                sb.setLength(n - 1);
            }
        } else if (!(Scripts.ideographic(sb.codePointBefore(n)) && Scripts.ideographic(line.codePointAt(0)))) {
            sb.append(' ');
        }
        sb.append(line);
    }

    /** The word ending at {@code end} (exclusive), back to the last space. */
    private static String wordBefore(CharSequence sb, int end) {
        int start = end;
        while (start > 0 && !Character.isWhitespace(sb.charAt(start - 1))) {
            start--;
        }
        return trimPunctuation(sb.subSequence(start, end).toString());
    }

    private static String firstWord(String line) {
        int end = 0;
        while (end < line.length() && !Character.isWhitespace(line.charAt(end))) {
            end++;
        }
        return trimPunctuation(line.substring(0, end));
    }

    /** A word without the punctuation around it: quotes, brackets, commas, a full stop. */
    public static String trimPunctuation(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(start, end);
    }
}
