package dev.kbtool.text;

/**
 * Names as they may be printed: a file name may hold a newline or another control character,
 * which would break a line of output (and the scripts reading it line by line) or a wikilink
 * across two lines. Control characters become visible escapes in output, spaces in page text.
 */
public final class Printable {
    private Printable() {
    }

    /** For a line of output: {@code \n}, {@code \t}, {@code \r} and other controls as escapes. */
    public static String escape(String s) {
        if (s == null || s.codePoints().noneMatch(Printable::control)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 8);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (control(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** For text inside a page (a link's label, a title): every control character a space. */
    public static String inline(String s) {
        if (s == null || s.codePoints().noneMatch(Printable::control)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(control(c) ? ' ' : c));
        return out.toString();
    }

    private static boolean control(int c) {
        return Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029;
    }
}
