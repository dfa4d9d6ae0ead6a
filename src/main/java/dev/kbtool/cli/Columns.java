package dev.kbtool.cli;

/**
 * How many terminal columns text takes, and fitting it into fewer: a progress line longer than
 * the terminal wraps, and every redraw then leaves a line behind. East Asian wide characters
 * take two columns, combining marks none; the rest one.
 */
final class Columns {
    private Columns() {
    }

    static int width(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            w += width(c);
            i += Character.charCount(c);
        }
        return w;
    }

    static int width(int c) {
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || c == 0x200B) {
            return 0;
        }
        return wide(c) ? 2 : 1;
    }

    /** The first {@code columns} columns of {@code s}. */
    static String head(String s, int columns) {
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (w + width(c) > columns) {
                break;
            }
            w += width(c);
            out.appendCodePoint(c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /**
     * {@code s} in at most {@code columns} columns, keeping its end (a path's file name matters
     * most) behind "..."; empty when even that does not fit.
     */
    static String tail(String s, int columns) {
        if (width(s) <= columns) {
            return s;
        }
        if (columns < 4) {
            return "";
        }
        int budget = columns - 3;
        StringBuilder kept = new StringBuilder();
        int w = 0;
        for (int i = s.length(); i > 0; ) {
            int c = s.codePointBefore(i);
            if (w + width(c) > budget) {
                break;
            }
            w += width(c);
            kept.insert(0, Character.toChars(c));
            i -= Character.charCount(c);
        }
        return "..." + kept;
    }

    private static boolean wide(int c) {
        return c >= 0x1100 && (c <= 0x115F || c == 0x2329 || c == 0x232A
                || (c >= 0x2E80 && c <= 0xA4CF && c != 0x303F)
                || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0xFE30 && c <= 0xFE4F)
                || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6)
                || (c >= 0x1F300 && c <= 0x1F64F)
                || (c >= 0x1F900 && c <= 0x1F9FF)
                || (c >= 0x20000 && c <= 0x3FFFD));
    }
}
