package dev.kbtool.convert;

import java.util.regex.Pattern;

/**
 * Escapes text extracted from a document so Markdown shows it as written: characters that would
 * start emphasis, code or HTML, and line starts that would turn a paragraph into a heading, quote
 * or list. Backslashes are escaped only before punctuation, where Markdown would eat them.
 */
final class MarkdownEscape {
    private static final Pattern LINE_START = Pattern.compile("(?m)^(\\s*)(#|>|[-+*](?=\\s)|\\d{1,9}(?=[.)](?:\\s|$))|[-=]{2,}\\s*$)");

    private MarkdownEscape() {
    }

    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            switch (c) {
                case '\\' -> sb.append(isAsciiPunctuation(next) ? "\\\\" : "\\");
                case '*', '`', '[', ']' -> sb.append('\\').append(c);
                case '_' -> sb.append(i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1))
                        || !Character.isLetterOrDigit(next) ? "\\_" : "_");
                case '<' -> sb.append(Character.isLetter(next) || next == '/' || next == '!' ? "\\<" : "<");
                default -> sb.append(c);
            }
        }
        return LINE_START.matcher(sb).replaceAll(m -> {
            String marker = m.group(2);
            if (Character.isDigit(marker.charAt(0))) {
                // "1." at a line start would become a list; escape the dot or paren after the number.
                return java.util.regex.Matcher.quoteReplacement(m.group(1) + marker + "\\");
            }
            return java.util.regex.Matcher.quoteReplacement(m.group(1) + "\\" + marker);
        });
    }

    /**
     * A link or image destination as Markdown reads it back whole: one with spaces or
     * parentheses goes in angle brackets, inside which angle brackets must be encoded.
     */
    static String destination(String url) {
        return url.matches(".*[\\s()<>].*") ? "<" + url.replace("<", "%3C").replace(">", "%3E") + ">" : url;
    }

    private static boolean isAsciiPunctuation(char c) {
        return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~';
    }
}
