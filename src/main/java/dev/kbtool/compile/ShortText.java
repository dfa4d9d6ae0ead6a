package dev.kbtool.compile;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small text helpers every compiler stage shares: one-line descriptions and sentence splitting. */
public final class ShortText {
    public static final int MAX_DESCRIPTION = 160;

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
