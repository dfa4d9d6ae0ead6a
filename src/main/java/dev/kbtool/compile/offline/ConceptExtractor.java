package dev.kbtool.compile.offline;

import dev.kbtool.compile.TopicKeys;
import dev.kbtool.language.Token;
import dev.kbtool.language.TokenShapes;
import dev.kbtool.language.WordLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English concepts: noun phrases by part-of-speech pattern (adjectives and nouns ending in a
 * noun), counted whole and inside longer phrases, scored by frequency, spread over the
 * document, phrase length, and presence in the title and headings.
 */
final class ConceptExtractor {
    private static final Set<String> GENERIC = WordLists.words("generic-nouns-en.txt");
    /** Modifiers that say nothing about the thing: dropped from the front of a phrase. */
    private static final Set<String> WEAK_MODIFIERS = Set.of(
            "new", "other", "many", "much", "different", "same", "several", "various", "certain", "such", "main",
            "first", "second", "third", "last", "next", "previous", "following", "above", "below", "given",
            "particular", "current", "specific", "possible", "whole", "additional", "corresponding", "respective",
            "necessary", "relevant", "own", "entire", "actual", "further", "important", "good", "best", "better",
            "simple", "useful", "appropriate", "similar", "typical", "usual", "numerous", "multiple", "single", "more",
            "most", "less", "least", "few", "little", "great", "big", "huge", "able", "available", "latter", "former",
            "total", "overall", "general", "specified", "existing", "non", "e.g.", "i.e.", "etc.", "optional",
            "separate", "individual", "related", "standard", "normal", "default", "basic", "real", "true", "false",
            "due", "present", "recent");
    /** Nouns that, before a number or a letter, refer to a part of the document ("Figure 3"). */
    private static final Set<String> REFERENCE_NOUNS = Set.of("figure", "fig", "fig.", "table", "tab", "section", "sec",
            "chapter", "ch", "appendix", "equation", "eq", "listing", "step", "page", "part", "line", "example",
            "exercise", "theorem", "lemma", "definition", "corollary", "proposition", "algorithm", "note", "footnote",
            "item", "column", "row", "volume", "issue", "number", "no.", "version", "release", "type", "level", "phase");
    private static final double[] LENGTH_FACTOR = {0, 1.0, 1.5, 1.6, 1.3};
    private static final int MAX_WORDS = 4;

    private final Prose prose;
    private final CaseStats caseStats;
    private final Set<String> stop;
    private final Map<String, TopicTally> tallies = new HashMap<>();
    private final Map<String, List<Sentence>> acronymMentions = new HashMap<>();

    private ConceptExtractor(Prose prose, CaseStats caseStats) {
        this.prose = prose;
        this.caseStats = caseStats;
        this.stop = prose.language().stopWords();
    }

    /**
     * @param tagged   tagged sentences of the document
     * @param titles   the title and headings, tagged
     * @param acronyms acronyms the document defines
     */
    static List<TopicTally> extract(Prose prose, List<TaggedSentence> tagged, List<TaggedSentence> titles,
            CaseStats caseStats, Map<String, String> acronyms) throws InterruptedException {
        ConceptExtractor x = new ConceptExtractor(prose, caseStats);
        for (int i = 0; i < tagged.size(); i++) {
            if ((i & 255) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            x.read(tagged.get(i));
        }
        x.creditAcronyms(acronyms);
        x.boostTitles(titles);
        return x.select();
    }

    private void read(TaggedSentence s) {
        for (int[] span : phrases(s, false)) {
            count(s, span[0], span[1]);
        }
        for (int i = 0; i < s.size(); i++) {
            if (s.token(i).acronym()) {
                acronymMentions.computeIfAbsent(Acronyms.bare(s.token(i).text()), k -> new ArrayList<>()).add(s.sentence());
            }
        }
    }

    /** Maximal adjective-noun runs ending in a noun, weak modifiers trimmed, as [start, end). */
    private List<int[]> phrases(TaggedSentence s, boolean titleCase) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            if (!chunkable(s, i, titleCase)) {
                i++;
                continue;
            }
            int a = i;
            while (i < s.size() && chunkable(s, i, titleCase)) {
                i++;
            }
            int b = i;
            while (b > a && !head(s, b - 1, titleCase)) {
                b--;
            }
            while (a < b && WEAK_MODIFIERS.contains(lower(s, a))) {
                a++;
            }
            if (b - a > MAX_WORDS) {
                a = b - MAX_WORDS + 1;
            }
            if (b > a) {
                out.add(new int[] {a, b});
            }
        }
        return out;
    }

    private boolean chunkable(TaggedSentence s, int i, boolean titleCase) {
        Token t = s.token(i);
        String tag = s.tag(i);
        if (!t.word() || t.acronym() || !TokenShapes.plainWord(t.text()) || !TokenShapes.latin(t.text())
                || prose.code().contains(t.text())) {
            return false;
        }
        String lower = lower(s, i);
        if (lower.length() < 2 || stop.contains(lower)
                || REFERENCE_NOUNS.contains(lower) && i + 1 < s.size() && TokenShapes.numbering(s.token(i + 1))) {
            return false;
        }
        if (!"NOUN".equals(tag) && !"ADJ".equals(tag) && !"PROPN".equals(tag) || verbLike(s, i)) {
            return false;
        }
        if (t.capitalized()) {
            if (titleCase || s.initial(i)) {
                return !caseStats.proper(lower);
            }
            // A capital inside a sentence marks a name, except on adjectives like "Gaussian".
            return "ADJ".equals(tag);
        }
        return true;
    }

    /**
     * A present-tense verb the tagger took for a plural noun, as in "a neural network memorises
     * its data" or "each neuron computes a sum": after a noun, before a determiner, pronoun,
     * adverb or adjective.
     */
    private boolean verbLike(TaggedSentence s, int i) {
        String w = s.token(i).text();
        if (i == 0 || i + 1 >= s.size() || !"NOUN".equals(s.tag(i)) || !w.endsWith("s") || w.endsWith("ss")
                || w.endsWith("us") || w.endsWith("is")) {
            return false;
        }
        String before = s.tag(i - 1);
        String after = s.tag(i + 1);
        boolean afterNoun = "NOUN".equals(before) || "PROPN".equals(before) || "NUM".equals(before);
        boolean beforeComplement = "DET".equals(after) || "PRON".equals(after) || "ADV".equals(after) || "SCONJ".equals(after)
                || "ADJ".equals(after) && !stop.contains(lower(s, i + 1));
        return afterNoun && beforeComplement;
    }

    private boolean head(TaggedSentence s, int i, boolean titleCase) {
        String tag = s.tag(i);
        return "NOUN".equals(tag) || "PROPN".equals(tag) && (titleCase || !s.token(i).capitalized());
    }

    private void count(TaggedSentence s, int a, int b) {
        for (int i = a; i < b; i++) {
            for (int j = i + 1; j <= b; j++) {
                if (!head(s, j - 1, false) || i > a && WEAK_MODIFIERS.contains(lower(s, i))) {
                    continue;
                }
                String surface = surface(s, i, j);
                String key = TopicKeys.concept(surface);
                if (key.isEmpty()) {
                    continue;
                }
                TopicTally tally = tallies.computeIfAbsent(key, k -> new TopicTally(k, surface.split(" ").length));
                if (i == a && j == b) {
                    tally.add(surface, s.sentence());
                } else if (j == b) {
                    tally.addTail(surface, s.sentence());
                } else {
                    tally.addPartial(surface, s.sentence());
                }
            }
        }
    }

    /** As the document writes it, with sentence-start capitals lowered. */
    private String surface(TaggedSentence s, int a, int b) {
        StringBuilder out = new StringBuilder();
        for (int i = a; i < b; i++) {
            Token t = s.token(i);
            boolean keepCase = t.capitalized() && !s.initial(i) && caseStats.proper(t.text());
            out.append(i > a ? " " : "").append(keepCase ? t.text() : t.text().toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private void creditAcronyms(Map<String, String> acronyms) {
        for (Map.Entry<String, String> e : acronyms.entrySet()) {
            TopicTally tally = tallies.get(TopicKeys.concept(e.getValue()));
            if (tally != null) {
                for (Sentence s : acronymMentions.getOrDefault(e.getKey(), List.of())) {
                    tally.addAlias(e.getKey(), s);
                }
            }
        }
    }

    /** Concepts named in the title count double; each heading naming one adds a third, twice at most. */
    private void boostTitles(List<TaggedSentence> titles) {
        for (int t = 0; t < titles.size(); t++) {
            Set<String> keys = new HashSet<>();
            TaggedSentence s = titles.get(t);
            for (int[] span : phrases(s, true)) {
                for (int i = span[0]; i < span[1]; i++) {
                    keys.add(TopicKeys.concept(surface(s, i, span[1])));
                }
            }
            for (String key : keys) {
                TopicTally tally = tallies.get(key);
                if (tally != null) {
                    tally.boost(t == 0 ? 2.0 : tally.boost() < 1.6 ? 1.3 : 1.0);
                }
            }
        }
    }

    private List<TopicTally> select() {
        List<TopicTally> scored = new ArrayList<>();
        for (TopicTally t : tallies.values()) {
            boolean titled = t.boost() > 1;
            double needed = t.words() == 1 ? (titled ? 2 : 3) : (titled ? 1 : 2);
            if (t.mentions() < needed || t.words() == 1 && GENERIC.contains(t.key()) && t.boost() < 2) {
                continue;
            }
            double spread = 1 + Math.log(Math.max(1, t.blocks()));
            t.score(t.mentions() * spread * LENGTH_FACTOR[Math.min(t.words(), MAX_WORDS)] * t.boost());
            scored.add(t);
        }
        return scored;
    }

    private static String lower(TaggedSentence s, int i) {
        return s.token(i).text().toLowerCase(Locale.ROOT);
    }
}
