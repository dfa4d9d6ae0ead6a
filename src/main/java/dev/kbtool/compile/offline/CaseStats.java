package dev.kbtool.compile.offline;

import dev.kbtool.language.Token;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a document capitalizes each word away from sentence starts. A word written with a
 * capital there more often than without is a name ("Debian", "Redis"); one mostly written in
 * lower case is a common word even when a sentence starts with it.
 */
final class CaseStats {
    private final Map<String, int[]> counts;

    private CaseStats(Map<String, int[]> counts) {
        this.counts = counts;
    }

    static CaseStats of(List<TaggedSentence> sentences) {
        Map<String, int[]> counts = new HashMap<>();
        for (TaggedSentence s : sentences) {
            for (int i = 0; i < s.size(); i++) {
                Token t = s.token(i);
                if (t.word() && !s.initial(i)) {
                    int[] c = counts.computeIfAbsent(t.text().toLowerCase(Locale.ROOT), k -> new int[2]);
                    c[t.capitalized() ? 0 : 1]++;
                }
            }
        }
        return new CaseStats(counts);
    }

    /** Written with a capital inside sentences more often than without. */
    boolean proper(String word) {
        int[] c = counts.get(word.toLowerCase(Locale.ROOT));
        return c != null && c[0] > c[1];
    }

    /** Seen in lower case inside a sentence at least once. */
    boolean seenLower(String word) {
        int[] c = counts.get(word.toLowerCase(Locale.ROOT));
        return c != null && c[1] > 0;
    }
}
