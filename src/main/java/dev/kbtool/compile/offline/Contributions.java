package dev.kbtool.compile.offline;

import dev.kbtool.text.ShortText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What one document says about a topic: one to three of the sentences that mention it,
 * defining sentences first ("X is a ...", "X refers to ...", "called X"), in document order.
 */
final class Contributions {
    static final int MAX_SENTENCES = 3;
    static final int MAX_CHARS = 300;
    /** Mentions looked at per topic: the early ones, where documents introduce their topics. */
    private static final int MAX_LOOKED_AT = 60;
    private static final String DEFINING_VERBS = "(is|are|was|were|refers? to|means|denotes|describes|represents|stands for"
            + "|is defined as|is called|consists of|provides|allows|lets|enables)\\b";
    private static final String NAMING_CUES = "(called|named|known as|termed|defined as|so-called)\\s+(the\\s+|an?\\s+)?";

    private Contributions() {
    }

    /**
     * @param forms the topic's name and aliases, as written
     */
    static String of(TopicTally topic, List<String> forms, Prose prose) {
        List<Pattern> defining = new ArrayList<>();
        List<Pattern> naming = new ArrayList<>();
        List<String> lowerForms = new ArrayList<>();
        for (String form : forms) {
            lowerForms.add(form.toLowerCase(java.util.Locale.ROOT));
            String q = Pattern.quote(form);
            defining.add(Pattern.compile("(?i)(^|\\W)" + q + "\\W{0,3}(\\([^)]{1,40}\\)\\s*)?(,[^,]{1,60},\\s*)?" + DEFINING_VERBS));
            naming.add(Pattern.compile("(?i)" + NAMING_CUES + q + "\\b|(^|\\W)" + q + ", (a|an|the) "));
        }
        List<Candidate> candidates = new ArrayList<>();
        List<Integer> mentions = topic.sentences();
        for (int rank = 0; rank < mentions.size() && rank < MAX_LOOKED_AT; rank++) {
            Sentence s = prose.sentences().get(mentions.get(rank));
            if (!s.prose()) {
                continue;
            }
            double score = 1 + 0.3 / (1 + rank);
            String lower = s.text().toLowerCase(java.util.Locale.ROOT);
            if (matchesAny(defining, lowerForms, lower, s.text())) {
                score *= 3;
            } else if (matchesAny(naming, lowerForms, lower, s.text())) {
                score *= 2.5;
            }
            score *= s.summaryWorthy() ? 1.5 : 1.0;
            int words = SentenceQuality.wordCount(s.text());
            score *= words < 8 ? 0.6 : words > 40 ? 0.7 : 1.0;
            // A sentence cut by the layout ("... can yield") reads as a fragment.
            score *= SentenceQuality.complete(s.text()) ? 1.0 : 0.3;
            candidates.add(new Candidate(s, score));
        }
        if (candidates.isEmpty()) {
            // Named only outside running text (a byline): that line is what the document says.
            return mentions.isEmpty() ? "" : ShortText.oneLine(prose.sentences().get(mentions.get(0)).text(), MAX_CHARS);
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        double best = candidates.get(0).score();
        List<Sentence> chosen = new ArrayList<>();
        for (Candidate c : candidates) {
            if (chosen.size() < MAX_SENTENCES && c.score() >= 0.6 * best) {
                chosen.add(c.sentence());
            }
        }
        chosen.sort(Comparator.comparingInt(Sentence::index));
        StringBuilder out = new StringBuilder();
        for (Sentence s : chosen) {
            out.append(out.length() > 0 ? " " : "").append(ShortText.oneLine(s.text(), MAX_CHARS));
        }
        return out.toString();
    }

    /** Runs a form's case-insensitive pattern only where the form occurs at all: most sentences are cheap to rule out. */
    private static boolean matchesAny(List<Pattern> patterns, List<String> lowerForms, String lower, String text) {
        for (int i = 0; i < patterns.size(); i++) {
            if (lower.contains(lowerForms.get(i)) && patterns.get(i).matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    private record Candidate(Sentence sentence, double score) {
    }
}
