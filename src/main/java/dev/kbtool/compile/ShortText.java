package dev.kbtool.compile;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small text helpers every compiler stage shares: one-line descriptions and sentence splitting. */
public final class ShortText {
    static final int MAX_DESCRIPTION = 160;

    private ShortText() {
    }

    /** A one-line description under 160 characters, cut at a word boundary. */
    public static String describe(String sentence) {
        String s = sentence.replaceAll("\\s+", " ").strip();
        if (s.length() < MAX_DESCRIPTION) {
            return s;
        }
        int cut = s.lastIndexOf(' ', MAX_DESCRIPTION - 2);
        if (cut < MAX_DESCRIPTION / 2) {
            cut = MAX_DESCRIPTION - 2;
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
