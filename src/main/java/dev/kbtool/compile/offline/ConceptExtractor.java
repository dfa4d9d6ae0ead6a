package dev.kbtool.compile.offline;

import dev.kbtool.compile.TopicKeys;
import dev.kbtool.language.Token;
import dev.kbtool.language.TokenShapes;
import dev.kbtool.language.WordFrequencies;
import dev.kbtool.language.WordLists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English concepts: noun phrases by part-of-speech pattern (adjectives, participles and nouns
 * ending in a noun or an "-ing" noun: "shared experts", "reinforcement learning"), counted whole
 * and inside longer phrases, and the long forms of the acronyms a document defines ("Group
 * Relative Policy Optimization (GRPO)"). A candidate is weighed by how often and how widely the
 * document names it, where it does (title, headings, opening, "called X"), its length, and how
 * specific its words are to the document against general English ({@link WordFrequencies}).
 * A single word stands as a concept only when it is rare in general English, is not one of the
 * generic nouns of technical prose, and does not head several of the document's phrases
 * ("expert" beside "shared experts" and "routed experts" is their kind, not an idea).
 *
 * <p>Longer than 400 lines: chunking and weighing read and write the same per-document tallies
 * (counts, spread, where each phrase was seen, its surface forms) in one pass over the tagged
 * sentences. The noun-phrase chunking rules ({@code phrases} to {@code surface}) are the part to
 * move into a class of their own when this grows again.
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
            "due", "present", "recent", "significant", "strong", "superior", "comparable", "competitive", "remarkable",
            "substantial", "impressive", "extensive", "notable", "promising", "improved", "enhanced", "proposed", "based",
            "used", "obtained", "above-mentioned", "aforementioned", "prior", "original", "preliminary", "final", "key",
            "crucial", "critical", "considerable", "higher", "lower", "larger", "smaller", "worse", "extra", "detailed",
            "clear", "common", "open", "whose", "experimental", "qualitative", "quantitative");
    /** Nouns that, before a number or a letter, refer to a part of the document ("Figure 3"). */
    private static final Set<String> REFERENCE_NOUNS = Set.of("figure", "fig", "fig.", "table", "tab", "section", "sec",
            "chapter", "ch", "appendix", "equation", "eq", "listing", "step", "page", "part", "line", "example",
            "exercise", "theorem", "lemma", "definition", "corollary", "proposition", "algorithm", "note", "footnote",
            "item", "column", "row", "volume", "issue", "number", "no.", "version", "release", "type", "level", "phase",
            "stage");
    /** Words that introduce the name of a term: "a technique called X", "known as X". */
    private static final Set<String> NAMING_CUES = Set.of("called", "termed", "dubbed", "named", "coined", "so-called");
    private static final double[] LENGTH_FACTOR = {0, 1.0, 1.5, 1.6, 1.3};
    private static final int MAX_WORDS = 4;
    /** A single word must be at least this rare in general English to stand alone (class 10: "token", "pixel"). */
    private static final int MAX_SINGLE_CLASS = 10;
    /** Specificity from which a phrase named once in a short note is a candidate. */
    private static final double SPECIFIC = 0.55;
    /** How much a section named after a phrase weighs: as much as the title. */
    private static final double SECTION_WEIGHT = 3.0;
    /** A section about a phrase says more of it than its mentions by name: it counts as this many at least. */
    private static final double SECTION_MENTIONS = 3.0;
    /** Summary-grade sentences that make up a document's opening: its abstract or first paragraphs. */
    private static final int OPENING_SENTENCES = 12;

    private final Prose prose;
    private final CaseStats caseStats;
    private final Set<String> stop;
    private final int openingEnd;
    private final Map<String, TopicTally> tallies = new HashMap<>();
    private final Map<String, List<Sentence>> acronymMentions = new HashMap<>();
    /** Keys of the phrases each single-word key heads: "expert" -> {shared-expert, routed-expert}. */
    private final Map<String, Set<String>> headed = new HashMap<>();

    private ConceptExtractor(Prose prose, CaseStats caseStats) {
        this.prose = prose;
        this.caseStats = caseStats;
        this.stop = prose.language().stopWords();
        this.openingEnd = openingEnd(prose.sentences());
    }

    /**
     * @param tagged   tagged sentences of the document
     * @param titles   the title and headings, tagged
     * @param acronyms acronyms the document defines
     * @param sections headings that may name a term
     */
    static List<TopicTally> extract(Prose prose, List<TaggedSentence> tagged, List<TaggedSentence> titles,
            CaseStats caseStats, Map<String, String> acronyms, List<SectionTerms.Section> sections) throws InterruptedException {
        ConceptExtractor x = new ConceptExtractor(prose, caseStats);
        for (int i = 0; i < tagged.size(); i++) {
            if ((i & 255) == 0 && Thread.interrupted()) {
                throw new InterruptedException();
            }
            x.read(tagged.get(i));
        }
        x.creditAcronyms(acronyms);
        x.creditSections(sections);
        x.boostTitles(titles);
        return x.select();
    }

    /** Index of the first sentence past the opening: the first {@value #OPENING_SENTENCES} summary-grade ones. */
    private static int openingEnd(List<Sentence> sentences) {
        int seen = 0;
        for (Sentence s : sentences) {
            if (s.summaryWorthy() && ++seen > OPENING_SENTENCES) {
                return s.index();
            }
        }
        return Integer.MAX_VALUE;
    }

    private void read(TaggedSentence s) {
        boolean opening = s.sentence().index() < openingEnd;
        for (int[] span : phrases(s, false)) {
            count(s, span[0], span[1], opening, named(s, span[0]));
        }
        for (int i = 0; i < s.size(); i++) {
            if (Acronyms.abbreviation(s.token(i))) {
                acronymMentions.computeIfAbsent(Acronyms.bare(s.token(i).text()), k -> new ArrayList<>()).add(s.sentence());
            }
        }
    }

    /** Whether the phrase starting at {@code start} is named by a cue: "called X", "known as a X". */
    private boolean named(TaggedSentence s, int start) {
        int j = start - 1;
        if (j >= 0 && ("a".equals(lower(s, j)) || "an".equals(lower(s, j)) || "the".equals(lower(s, j)))) {
            j--;
        }
        if (j < 0) {
            return false;
        }
        String cue = lower(s, j);
        return NAMING_CUES.contains(cue) || "as".equals(cue) && j > 0 && ("known".equals(lower(s, j - 1)) || "referred".equals(lower(s, j - 1)))
                || "call".equals(cue) && j > 0 && "we".equals(lower(s, j - 1));
    }

    /** Maximal modifier-noun runs ending in a noun, weak modifiers trimmed, as [start, end). */
    private List<int[]> phrases(TaggedSentence s, boolean titleCase) {
        List<int[]> out = new ArrayList<>();
        int i = 0;
        while (i < s.size()) {
            if (!chunkable(s, i, titleCase, i)) {
                i++;
                continue;
            }
            int a = i;
            while (i < s.size() && chunkable(s, i, titleCase, a)) {
                i++;
            }
            int b = i;
            while (b > a && !head(s, b - 1, titleCase, a)) {
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

    /** Whether token {@code i} can be part of a phrase that starts at {@code start}. */
    private boolean chunkable(TaggedSentence s, int i, boolean titleCase, int start) {
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
        if ("VERB".equals(tag)) {
            if (!participle(s, i, start)) {
                return false;
            }
        } else if (!"NOUN".equals(tag) && !"ADJ".equals(tag) && !"PROPN".equals(tag) || verbLike(s, i)) {
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
     * A verb form that belongs to a noun phrase: an "-ing" noun after a modifier ("reinforcement
     * learning", "expert routing"), or a participle before one ("shared experts", "distributed
     * file system") where no noun or pronoun before it could be its subject ("we shared code").
     */
    private boolean participle(TaggedSentence s, int i, int start) {
        String w = lower(s, i);
        if (w.endsWith("ing") && i > start) {
            String after = i + 1 < s.size() ? s.tag(i + 1) : "";
            // "models using the data": a verb taking an object.
            return !"DET".equals(after) && !"PRON".equals(after) && !"NUM".equals(after);
        }
        if (w.endsWith("ed") && i + 1 < s.size() && ("NOUN".equals(s.tag(i + 1)) || "ADJ".equals(s.tag(i + 1)))
                && s.token(i + 1).word() && !s.token(i + 1).capitalized()) {
            String before = i > 0 ? s.tag(i - 1) : "";
            return !"NOUN".equals(before) && !"PROPN".equals(before) && !"PRON".equals(before) && !"AUX".equals(before)
                    && !"VERB".equals(before);
        }
        return false;
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

    private boolean head(TaggedSentence s, int i, boolean titleCase, int start) {
        String tag = s.tag(i);
        return "NOUN".equals(tag) || "PROPN".equals(tag) && (titleCase || !s.token(i).capitalized())
                || "VERB".equals(tag) && i > start && lower(s, i).endsWith("ing");
    }

    private void count(TaggedSentence s, int a, int b, boolean opening, boolean named) {
        for (int i = a; i < b; i++) {
            for (int j = i + 1; j <= b; j++) {
                if (!head(s, j - 1, false, i) || i > a && WEAK_MODIFIERS.contains(lower(s, i)) || !modifierStart(s, i, j)) {
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
                if (opening) {
                    tally.inOpening();
                }
                if (named && i == a) {
                    tally.named();
                }
                if (j - i >= 2) {
                    headed.computeIfAbsent(TopicKeys.concept(lower(s, j - 1)), k -> new HashSet<>()).add(key);
                }
            }
        }
    }

    /** A sub-phrase may not start with a participle that was only there as a modifier of the whole ("shared" alone). */
    private boolean modifierStart(TaggedSentence s, int i, int j) {
        return j - i > 1 || !"VERB".equals(s.tag(i)) || lower(s, i).endsWith("ing");
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

    /**
     * A defined acronym counts as a mention of its long form; a long form made of ordinary
     * words ("Group Relative Policy Optimization", "Mixture-of-Experts") is a concept even when
     * its capitals kept the phrase chunker away. Long forms that are names ("InterPlanetary File
     * System") are the entity extractor's.
     */
    private void creditAcronyms(Map<String, String> acronyms) {
        for (Map.Entry<String, String> e : acronyms.entrySet()) {
            String longForm = e.getValue();
            String key = TopicKeys.concept(longForm);
            TopicTally tally = tallies.get(key);
            if (tally == null && Acronyms.ordinaryWords(longForm)) {
                tally = new TopicTally(key, longForm.split("[\\s-]+").length);
                tallies.put(key, tally);
                tally.add(longForm, acronymMentions.getOrDefault(e.getKey(), List.of()).isEmpty()
                        ? prose.sentences().get(0) : acronymMentions.get(e.getKey()).get(0));
            }
            if (tally != null) {
                tally.defined();
                for (Sentence s : acronymMentions.getOrDefault(e.getKey(), List.of())) {
                    tally.addAlias(e.getKey(), s);
                    if (s.index() < openingEnd) {
                        tally.inOpening();
                    }
                }
            }
        }
    }

    /**
     * A section named after one phrase ("3.4. Long Context Extension") makes it one of the
     * document's ideas, even when its text names it only in that heading; the heading counts as
     * a mention at the section's first sentence.
     */
    private void creditSections(List<SectionTerms.Section> sections) {
        Set<String> seen = new HashSet<>();
        for (SectionTerms.Section section : sections) {
            TaggedSentence s = section.sentence();
            if (!wholePhrase(s, section.start(), section.end())) {
                continue;
            }
            String surface = surface(s, section.start(), section.end());
            String key = TopicKeys.concept(surface);
            // "Model Architecture", "(Experimental) Results": a section about a kind of thing, not an idea.
            if (key.isEmpty() || allGeneric(key) || !seen.add(key)) {
                continue;
            }
            TopicTally tally = tallies.computeIfAbsent(key, k -> new TopicTally(k, surface.split(" ").length));
            int next = Math.min(section.heading().next(), prose.sentences().size() - 1);
            if (next >= 0) {
                tally.add(surface, prose.sentences().get(next));
            }
            tally.sectionNamed();
        }
    }

    private boolean wholePhrase(TaggedSentence s, int start, int end) {
        for (int[] span : phrases(s, false)) {
            if (span[0] == start && span[1] == end) {
                return true;
            }
        }
        return false;
    }

    /** Concepts named in the title count three times; each heading naming one adds a third, twice at most. */
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
                    tally.boost(t == 0 ? 3.0 : tally.boost() < 1.6 ? 1.3 : 1.0);
                }
            }
        }
    }

    private List<TopicTally> select() {
        List<TopicTally> scored = new ArrayList<>();
        for (TopicTally t : tallies.values()) {
            boolean titled = t.boost() > 1 || t.isDefined() || t.namedMentions() > 0 || t.isSectionNamed();
            // A short note may name its subject once: a specific phrase ("consistent hashing") still counts.
            boolean shortSpecific = prose.note() && t.words() > 1 && specificity(t.key()) >= SPECIFIC;
            double needed = t.words() == 1 ? 3 : titled || shortSpecific ? 1 : 2;
            if (t.mentions() < needed || t.words() == 1 && !standsAlone(t) || t.words() > 1 && allGeneric(t.key()) && !titled) {
                continue;
            }
            double spread = 1 + Math.log(Math.max(1, t.blocks()));
            double where = (1 + 0.25 * Math.min(4, t.openingMentions())) * (1 + 0.5 * Math.min(2, t.namedMentions()))
                    * (t.isDefined() ? 2.0 : 1.0) * (t.isSectionNamed() ? SECTION_WEIGHT : 1.0);
            double mentions = t.isSectionNamed() ? Math.max(SECTION_MENTIONS, t.mentions()) : t.mentions();
            t.score(mentions * spread * LENGTH_FACTOR[Math.min(t.words(), MAX_WORDS)] * t.boost() * where
                    * Math.sqrt(specificity(t.key())));
            scored.add(t);
        }
        return scored;
    }

    /**
     * A single word is a concept alone only when general English rarely uses it, technical
     * prose does not use it for a kind of thing, the document does not use it as the head of
     * two or more of its phrases, and either English does not know it (the document's own
     * coinage: "multihash", "minitoc") or the document singles it out in its title or headings or
     * by a naming cue. A dictionary word the text merely repeats ("coding", "bandwidth") is
     * vocabulary, not one of its ideas.
     */
    private boolean standsAlone(TopicTally t) {
        String key = t.key();
        if (GENERIC.contains(key) || t.isDefined()) {
            return !GENERIC.contains(key) && t.isDefined();
        }
        if (WordFrequencies.frequencyClass(key) > MAX_SINGLE_CLASS || WordFrequencies.frequencyClass(t.name()) > MAX_SINGLE_CLASS
                || placeholder(key)) {
            return false;
        }
        boolean singledOut = t.boost() > 1 || t.namedMentions() > 0 || t.isSectionNamed();
        if (WordFrequencies.known(key) && !singledOut) {
            return false;
        }
        int phrases = 0;
        for (String longer : headed.getOrDefault(key, Set.of())) {
            TopicTally l = tallies.get(longer);
            phrases += l != null && l.mentions() >= 2 ? 1 : 0;
        }
        return phrases < 2;
    }

    /** "xx", "yyy", "ab": a stand-in or a symbol of the text, not a word it coins. */
    private static boolean placeholder(String key) {
        return key.length() < 3 || key.chars().distinct().count() == 1;
    }

    private static boolean allGeneric(String key) {
        for (String word : key.split("-")) {
            if (!GENERIC.contains(word) && !GENERIC.contains(dev.kbtool.language.EnglishNouns.singular(word))) {
                return false;
            }
        }
        return true;
    }

    /** How specific a phrase's words are to the document: half its most specific word, half their mean; 0.2 at least. */
    static double specificity(String key) {
        String[] words = key.split("-");
        double max = 0;
        double sum = 0;
        for (String w : words) {
            double s = WordFrequencies.specificity(w);
            max = Math.max(max, s);
            sum += s;
        }
        return Math.max(0.2, 0.5 * max + 0.5 * sum / words.length);
    }

    private static String lower(TaggedSentence s, int i) {
        return s.token(i).text().toLowerCase(Locale.ROOT);
    }
}
