package dev.kbtool.compile.llm;

import dev.kbtool.compile.MarkdownText;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain sentences out of model text, which may carry Markdown the pages must not inherit. */
final class Sentences {
    private Sentences() {
    }

    /** One line of plain text: links, emphasis and tags removed, spacing collapsed. */
    static String plain(String text) {
        return MarkdownText.plain(text.replaceAll("(?m)^\\s*(#+|[-*+]|\\d+[.)])\\s+", ""));
    }

    static List<String> split(String text) {
        String plain = plain(text);
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ROOT);
        it.setText(plain);
        List<String> out = new ArrayList<>();
        int start = it.first();
        for (int end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            String s = plain.substring(start, end).strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The first {@code max} sentences of {@code text}, joined again. */
    static String first(String text, int max) {
        List<String> all = split(text);
        return String.join(" ", all.subList(0, Math.min(max, all.size())));
    }
}
