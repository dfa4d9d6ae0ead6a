package dev.kbtool.convert;

/** Joins the lines of a paragraph into one: de-hyphenates, and adds no space between CJK lines. */
final class TextJoin {
    private TextJoin() {
    }

    static void append(StringBuilder sb, String line) {
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
        } else if (!(isCjk(last) && isCjk(next))) {
            sb.append(' ');
        }
        sb.append(line);
    }

    static boolean isCjk(char c) {
        Character.UnicodeScript script = Character.UnicodeScript.of(c);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || (c >= '\u3000' && c <= '\u303F')
                || (c >= '\uFF00' && c <= '\uFFEF');
    }
}
