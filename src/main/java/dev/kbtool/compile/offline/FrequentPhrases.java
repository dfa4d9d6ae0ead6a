package dev.kbtool.compile.offline;

import dev.kbtool.language.Language;
import dev.kbtool.language.Stems;
import dev.kbtool.language.Token;
import dev.kbtool.language.TokenShapes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Concepts for Latin-script languages without a tagger: runs of content words between stop
 * words ("sistema operativo", "distribución de software"), allowing one "of"-like connector,
 * kept only when repeated. German, which capitalizes every noun, contributes its nouns.
 * Inflected forms ("distribución", "distribuciones") are counted together under a crude
 * stem; the topic is named by the form the document uses most.
 * Stricter than the English extractor on purpose: without parts of speech, only repetition
 * tells a term from a phrase that happens to be there.
 */
final class FrequentPhrases {
    private static final Set<String> CONNECTORS = Set.of("de", "di", "du", "des", "del", "della", "dello", "delle", "degli",
            "dei", "da", "do", "dos", "das", "van", "voor", "der");
    private static final int MAX_WORDS = 3;
    private static final int MIN_LETTERS = 4;
    private static final double[] LENGTH_FACTOR = {0, 1.0, 1.6, 1.8};

    private final Prose prose;
    private final CaseStats caseStats;
    private final Set<String> stop;
    private final Map<String, TopicTally> tallies = new HashMap<>();

    private FrequentPhrases(Prose prose, CaseStats caseStats) {
        this.prose = prose;
        this.caseStats = caseStats;
        this.stop = prose.language().stopWords();
    }

    static List<TopicTally> extract(Prose prose, List<TaggedSentence> sentences, CaseStats caseStats)
            throws InterruptedException {
        FrequentPhrases x = new FrequentPhrases(prose, caseStats);
        for (int i = 0; i < sentences.size(); i++) {
            if ((i & 255) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            x.read(sentences.get(i));
        }
        return x.select();
    }

    private void read(TaggedSentence s) {
        int i = 0;
        while (i < s.size()) {
            if (!content(s, i)) {
                i++;
                continue;
            }
            List<Integer> run = new ArrayList<>();
            run.add(i++);
            while (i < s.size() && run.size() < MAX_WORDS + 1) {
                if (content(s, i)) {
                    run.add(i++);
                } else if (i + 1 < s.size() && CONNECTORS.contains(lower(s, i)) && content(s, i + 1)) {
                    run.add(-i);
                    run.add(i + 1);
                    i += 2;
                } else {
                    break;
                }
            }
            count(s, run);
        }
    }

    private boolean content(TaggedSentence s, int i) {
        Token t = s.token(i);
        String lower = lower(s, i);
        if (!t.word() || t.acronym() || !TokenShapes.plainWord(t.text()) || lower.length() < MIN_LETTERS
                || stop.contains(lower) || prose.code().contains(t.text())) {
            return false;
        }
        if (prose.language() == Language.GERMAN) {
            // Nouns: capitalized, and not just because a sentence starts with them.
            return t.capitalized() && (!s.initial(i) || caseStats.proper(lower));
        }
        // A capital inside a sentence is a name, left to the entity extractor.
        return !t.capitalized() || s.initial(i) && !caseStats.proper(lower);
    }

    /** Counts the run and its sub-runs; a negative entry is a connector at that position. */
    private void count(TaggedSentence s, List<Integer> run) {
        for (int a = 0; a < run.size(); a++) {
            for (int b = a + 1; b <= run.size(); b++) {
                if (run.get(a) < 0 || run.get(b - 1) < 0) {
                    continue;
                }
                List<String> words = new ArrayList<>();
                int content = 0;
                for (int k = a; k < b; k++) {
                    int pos = Math.abs(run.get(k));
                    words.add(run.get(k) >= 0 && prose.language() != Language.GERMAN ? lower(s, pos) : s.token(pos).text());
                    content += run.get(k) >= 0 ? 1 : 0;
                }
                if (content > MAX_WORDS) {
                    continue;
                }
                String surface = String.join(" ", words);
                String key = Stems.key(words, prose.language());
                int size = content;
                TopicTally tally = tallies.computeIfAbsent(key, k -> new TopicTally(k, size));
                if (a == 0 && b == run.size()) {
                    tally.add(surface, s.sentence());
                } else {
                    tally.addPartial(surface, s.sentence());
                }
            }
        }
    }

    private List<TopicTally> select() {
        List<TopicTally> scored = new ArrayList<>();
        for (TopicTally t : tallies.values()) {
            double needed = t.words() == 1 ? 5 : 2;
            if (t.mentions() < needed || t.full() == 0) {
                continue;
            }
            double spread = 1 + Math.log(Math.max(1, t.blocks()));
            t.score(t.mentions() * spread * LENGTH_FACTOR[Math.min(t.words(), MAX_WORDS)]);
            scored.add(t);
        }
        return scored;
    }

    private static String lower(TaggedSentence s, int i) {
        return s.token(i).text().toLowerCase(Locale.ROOT);
    }
}
