package dev.kbtool.text;

/**
 * Joins the lines of a wrapped paragraph into one: undoes line-end hyphenation, and puts no
 * space between lines of Chinese or Japanese. Converters and the compiler both unwrap text,
 * and must unwrap it alike.
 */
public final class LineJoin {
    private LineJoin() {
    }

    public static void append(StringBuilder sb, String line) {
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
            // "exam-" + "ple": a word broken at the line end. Compounds broken at their own hyphen
            // ("well-" + "known") lose it too; that is the rarer case in typeset text.
            sb.setLength(n - 1);
        } else if (!(Scripts.ideographic(sb.codePointBefore(n)) && Scripts.ideographic(line.codePointAt(0)))) {
            sb.append(' ');
        }
        sb.append(line);
    }
}
