package dev.kbtool.compile.offline;

import dev.kbtool.text.ShortText;
import java.util.List;
import java.util.regex.Pattern;

/** The one-line description: the best summary sentence that fits, cleaned of citations. */
final class Descriptions {
    static final int MAX_CHARS = ShortText.MAX_DESCRIPTION;
    /** Sentences after the best one considered for fitting in one line without a cut. */
    private static final int ALTERNATIVES = 2;
    /** Scores within this share of the best count as equally good. */
    private static final double CLOSE = 0.6;
    /** A long document's opening says what it is even when its detail ranks higher, down to this share. */
    private static final double OPENING_SHARE = 0.35;
    /** "[12]", "(Smith et al., 2020)", footnote marks: "English,1 French", "package∗". */
    private static final Pattern CITATIONS = Pattern.compile(
            "\\s*\\[\\d+([,–-]\\s*\\d+)*]|\\s*\\([^()]{1,60}(et al\\.?|\\d{4}[a-z]?)[^()]{0,20}\\)|(?<=\\p{L})[∗†‡]+|(?<=\\p{L}[,.;])\\d{1,2}(?=\\s|$)");

    /** Summary-grade sentences of the opening searched for the document's own statement. */
    private static final int OPENING = 15;
    private static final Pattern OWN_STATEMENT = Pattern.compile(
            "(?i)\\b(we|this (paper|report|work|article|document|package|manual|guide|chapter|note|thesis|tool|library|module|program|project))"
                    + "\\s+(here\\s+)?(propose|present|introduce|describe|provide|develop|design|report|offer|release|explain|document|implement)s?\\b");

    private Descriptions() {
    }

    /**
     * Among the best few summary sentences that fit on the line, the earliest: documents tend
     * to say what they are before they go into detail; the best opening sentence if it is
     * nearly as good. Else the best, cut.
     *
     * @param summary the summary
     * @param meta    the document's own description, used when it has no sentence
     * @param title   used when there is neither
     */
    static String of(SentenceRanker.Summary summary, String meta, String title, List<Sentence> sentences) {
        Sentence own = ownStatement(sentences, title);
        if (own != null) {
            return ShortText.describe(clean(own.text()));
        }
        List<Sentence> ranked = summary.ranked();
        if (ranked.isEmpty()) {
            String fallback = meta != null && !meta.isBlank() ? meta : title == null ? "" : title;
            return ShortText.describe(fallback);
        }
        Sentence chosen = null;
        for (int i = 0; i <= ALTERNATIVES && i < ranked.size(); i++) {
            Sentence s = ranked.get(i);
            String clean = clean(s.text());
            boolean fits = clean.length() < MAX_CHARS && SentenceQuality.wordCount(clean) >= 3;
            if (fits && summary.scores().get(i) >= CLOSE * summary.scores().get(0)
                    && (chosen == null || s.index() < chosen.index())) {
                chosen = s;
            }
        }
        Sentence opening = summary.opening();
        if (opening != null && (chosen == null || chosen.index() > opening.index())
                && summary.openingScore() >= OPENING_SHARE * summary.scores().get(0) && clean(opening.text()).length() < MAX_CHARS) {
            chosen = opening;
        }
        return ShortText.describe(clean((chosen != null ? chosen : ranked.get(0)).text()));
    }

    /**
     * The document's own statement of what it is or contributes, in its opening: "we propose
     * ...", "this paper presents ...", "this package provides ..."; null if it makes none.
     */
    static Sentence ownStatement(List<Sentence> sentences, String title) {
        int seen = 0;
        for (Sentence s : sentences) {
            if (!s.summaryWorthy()) {
                continue;
            }
            if (++seen > OPENING) {
                break;
            }
            if (OWN_STATEMENT.matcher(s.text()).find() && !s.text().strip().equalsIgnoreCase(title == null ? "" : title.strip())) {
                return s;
            }
        }
        return null;
    }

    static String clean(String sentence) {
        return CITATIONS.matcher(sentence).replaceAll("").replaceAll("\\s+", " ").strip();
    }
}
