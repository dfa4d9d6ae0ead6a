package dev.kbtool.text;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Small text helpers every compiler stage shares: one-line descriptions, sentence splitting,
 * and telling a table of contents from prose.
 */
public final class ShortText {
    public static final int MAX_DESCRIPTION = 160;
    /** Dot leaders, and what a table of contents or an index leaves of them: "format . 17". */
    // Spelled out rather than "(\\.\\s?){4,}": a repeated group recurses once per repetition in
    // java.util.regex, and a line of 100,000 dots would overflow the stack.
    private static final Pattern DOT_LEADER = Pattern.compile(
            "\\.\\s?\\.\\s?\\.\\s?\\.|…\\s?…|_{4,}|\\s\\.\\s+\\d");

    private ShortText() {
    }

    /** A one-line description under 160 characters, cut at a word boundary. */
    public static String describe(String sentence) {
        return oneLine(sentence, MAX_DESCRIPTION);
    }

    /** The text on one line, under {@code limit} characters, cut at a word boundary with an ellipsis. */
    public static String oneLine(String text, int limit) {
        String s = text.replaceAll("\\s+", " ").strip();
        if (s.length() < limit) {
            return s;
        }
        int cut = s.lastIndexOf(' ', limit - 2);
        if (cut < limit / 2) {
            cut = limit - 2;
        }
        return s.substring(0, cut).replaceAll("[\\s,;:.-]+$", "") + "…";
    }

    /** Whether the text has dot leaders, as lines of a table of contents or an index do. */
    public static boolean hasDotLeaders(String text) {
        return (text.contains("..") || text.contains(". .") || text.indexOf('…') >= 0 || text.contains("____"))
                && DOT_LEADER.matcher(text).find();
    }

    /** The sentences of a paragraph, by the JDK's locale-neutral rules. */
    public static List<String> sentences(String paragraph) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(paragraph);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = paragraph.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }
}
