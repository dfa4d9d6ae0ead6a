package dev.kbtool.compile.offline;

import dev.kbtool.compile.LeadSummarizer;
import java.util.List;
import java.util.regex.Pattern;

/** The one-line description: the best summary sentence that fits, cleaned of citations. */
final class Descriptions {
    static final int MAX_CHARS = 160;
    /** Sentences after the best one considered for fitting in one line without a cut. */
    private static final int ALTERNATIVES = 2;
    private static final Pattern CITATIONS = Pattern.compile(
            "\\s*\\[\\d+([,–-]\\s*\\d+)*]|\\s*\\([^()]{1,60}(et al\\.?|\\d{4}[a-z]?)[^()]{0,20}\\)|(?<=\\p{L})[∗†‡]+|(?<=[a-z,.])\\d{1,2}(?=\\s|$)");

    private Descriptions() {
    }

    /**
     * @param ranked summary sentences, best first
     * @param title  used when there is no sentence
     */
    static String of(List<Sentence> ranked, String title) {
        if (ranked.isEmpty()) {
            return LeadSummarizer.describe(title == null ? "" : title);
        }
        for (int i = 0; i <= ALTERNATIVES && i < ranked.size(); i++) {
            String clean = clean(ranked.get(i).text());
            if (clean.length() < MAX_CHARS && SentenceQuality.wordCount(clean) >= 5) {
                return clean;
            }
        }
        return LeadSummarizer.describe(clean(ranked.get(0).text()));
    }

    static String clean(String sentence) {
        return CITATIONS.matcher(sentence).replaceAll("").replaceAll("\\s+", " ").strip();
    }
}
