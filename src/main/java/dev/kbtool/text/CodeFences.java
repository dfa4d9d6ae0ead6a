package dev.kbtool.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows fenced code blocks through a Markdown text, line by line, the way CommonMark closes
 * them: only a fence of the same character, at least as long as the opening one, with nothing
 * after it. Text inside is code, never headings, images or sentences. One instance per pass.
 */
public final class CodeFences {
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

    /** The opening fence of the block we are in; null outside. */
    private String open;

    /** Reads the next line: true when it opens, closes or lies inside a fenced code block. */
    public boolean code(String line) {
        Matcher m = FENCE.matcher(line);
        boolean fence = m.find();
        if (open == null) {
            // A backtick fence's info string may not contain a backtick; such a line is inline code.
            if (fence && !(m.group(1).charAt(0) == '`' && line.indexOf('`', m.end()) >= 0)) {
                open = m.group(1);
                return true;
            }
            return false;
        }
        if (fence && m.group(1).charAt(0) == open.charAt(0) && m.group(1).length() >= open.length()
                && line.substring(m.end()).isBlank()) {
            open = null;
        }
        return true;
    }
}
