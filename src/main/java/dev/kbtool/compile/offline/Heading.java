package dev.kbtool.compile.offline;

import java.util.regex.Pattern;

/**
 * A section heading of a document.
 *
 * @param text  the heading as written, numbering included ("3.4. Long Context Extension")
 * @param next  index of the first sentence after it (the number of sentences before it)
 */
record Heading(String text, int next) {
    /** "3.4.", "2.1", "A.", "IV." at the start, the dot perhaps escaped ("1\\."): the document's own numbering of its sections. */
    private static final Pattern NUMBERING = Pattern.compile(
            "^(\\d{1,2}(\\\\?\\.\\d{1,2}){0,3}\\\\?\\.?|[A-Z]\\\\?\\.(\\d{1,2}\\\\?\\.?)*|[IVX]{1,4}\\\\?\\.)\\s+(?=\\S)");

    /** Whether the document numbers this section: in a converted PDF, what sets a heading apart from figure text. */
    boolean numbered() {
        return NUMBERING.matcher(text).find();
    }

    /** How deep the numbering goes: 1 for "3.", 2 for "3.4.", 0 when the heading has none. */
    int depth() {
        java.util.regex.Matcher m = NUMBERING.matcher(text);
        if (!m.find()) {
            return 0;
        }
        String number = m.group(1).replace("\\", "");
        int depth = 1;
        for (int i = 0; i < number.length() - 1; i++) {
            depth += number.charAt(i) == '.' ? 1 : 0;
        }
        return depth;
    }

    /** The heading without its numbering. */
    String name() {
        return NUMBERING.matcher(text).replaceFirst("");
    }
}
