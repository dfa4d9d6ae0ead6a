package dev.kbtool.compile.offline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What a document says of one candidate topic, gathered while reading it. */
final class TopicTally {
    private final String key;
    private final int words;
    private final Map<String, Integer> surfaces = new LinkedHashMap<>();
    /** Forms seen only inside longer phrases: the name when it never stands alone. */
    private final Map<String, Integer> innerSurfaces = new LinkedHashMap<>();
    private final Set<String> aliases = new HashSet<>();
    private final List<Integer> sentences = new ArrayList<>();
    private final Set<Integer> blocks = new HashSet<>();
    private final Map<String, Integer> votes = new HashMap<>();
    private int full;
    private int properNouns;
    private int tail;
    private int partial;
    private double boost = 1;
    private int opening;
    private int named;
    /** Person votes that rest only on a lone word being a first name ("Adam"), not on anything the text says. */
    private int firstNameGuesses;
    private boolean defined;
    private boolean sectionNamed;
    private double score;

    TopicTally(String key, int words) {
        this.key = key;
        this.words = words;
    }

    String key() {
        return key;
    }

    int words() {
        return words;
    }

    /** A mention of the whole topic. */
    void add(String surface, Sentence sentence) {
        surfaces.merge(surface, 1, Integer::sum);
        full++;
        at(sentence);
    }

    /**
     * A mention as the end of a longer phrase: "persistent queues" in "release adds persistent
     * queues" (a tagger slip) or "neural network" in "convolutional neural network". The head
     * of an English noun phrase names the same kind of thing, so it counts as a mention.
     */
    void addTail(String surface, Sentence sentence) {
        surfaces.merge(surface, 1, Integer::sum);
        tail++;
        at(sentence);
    }

    /** A mention inside a longer phrase, not at its end ("neural" in "neural network training"). */
    void addPartial(String surface, Sentence sentence) {
        innerSurfaces.merge(surface, 1, Integer::sum);
        partial++;
        at(sentence);
    }

    /** A mention under another name: an acronym or a surname. */
    void addAlias(String alias, Sentence sentence) {
        aliases.add(alias);
        full++;
        at(sentence);
    }

    /** The tagger called this mention a proper noun. */
    void properNoun() {
        properNouns++;
    }

    int properNouns() {
        return properNouns;
    }

    /** Another form of the name, not counted as a mention ("Redis 2.6" for Redis). */
    void noteAlias(String alias) {
        aliases.add(alias);
    }

    /** The same evidence under another key: a capitalised phrase handed from names to concepts. */
    TopicTally withKey(String newKey) {
        TopicTally copy = new TopicTally(newKey, words);
        copy.surfaces.putAll(surfaces);
        copy.innerSurfaces.putAll(innerSurfaces);
        copy.merge(this);
        copy.aliases.removeAll(surfaces.keySet());
        copy.boost = boost;
        return copy;
    }

    /** Another tally's mentions and forms, not its type evidence: a fragment of this name. */
    void absorb(TopicTally other) {
        Map<String, Integer> keep = new HashMap<>(votes);
        merge(other);
        votes.clear();
        votes.putAll(keep);
    }

    void merge(TopicTally other) {
        for (Map.Entry<String, Integer> e : other.surfaces.entrySet()) {
            aliases.add(e.getKey());
        }
        aliases.addAll(other.aliases);
        full += other.full;
        properNouns += other.properNouns;
        tail += other.tail;
        partial += other.partial;
        opening += other.opening;
        named += other.named;
        firstNameGuesses += other.firstNameGuesses;
        defined |= other.defined;
        sectionNamed |= other.sectionNamed;
        for (int s : other.sentences) {
            if (!sentences.contains(s)) {
                sentences.add(s);
            }
        }
        sentences.sort(null);
        blocks.addAll(other.blocks);
        other.votes.forEach((type, v) -> votes.merge(type, v, Integer::sum));
    }

    void vote(String type, int weight) {
        votes.merge(type, weight, Integer::sum);
    }

    /** A person vote from a lone first name alone: a guess, which what the text says of the name outweighs. */
    void guessPerson() {
        firstNameGuesses++;
        vote(EntityTypes.PERSON, 1);
    }

    /**
     * Drops the person votes that were only first-name guesses: the text calls the name something
     * else ("the Adam optimizer", "the Janet library"), which a common first name cannot outweigh.
     */
    void dropPersonGuesses() {
        votes.computeIfPresent(EntityTypes.PERSON, (k, v) -> v - firstNameGuesses > 0 ? v - firstNameGuesses : null);
        firstNameGuesses = 0;
    }

    /** The type with most evidence, if it has at least {@code minimum}; else {@code fallback}. */
    String type(int minimum, String fallback) {
        String best = fallback;
        int bestVotes = minimum - 1;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        return best;
    }

    int votes(String type) {
        return votes.getOrDefault(type, 0);
    }

    /** A mention in the document's opening: its abstract or first paragraphs. */
    void inOpening() {
        opening++;
    }

    int openingMentions() {
        return opening;
    }

    /** A mention introduced as a name: "a technique called X". */
    void named() {
        named++;
    }

    int namedMentions() {
        return named;
    }

    /** The document defines an acronym for it. */
    void defined() {
        defined = true;
    }

    boolean isDefined() {
        return defined;
    }

    /** The document gives it a section of its own: a heading that is this phrase. */
    void sectionNamed() {
        sectionNamed = true;
    }

    boolean isSectionNamed() {
        return sectionNamed;
    }

    void boost(double factor) {
        boost *= factor;
    }

    double boost() {
        return boost;
    }

    /** Mentions on its own, not as part of a longer phrase. */
    int full() {
        return full;
    }

    /** Mentions on its own and at the end of longer phrases, plus half of those inside them. */
    double mentions() {
        return full + tail + 0.5 * partial;
    }

    int blocks() {
        return blocks.size();
    }

    /** Positions in {@link Prose#sentences()} of the sentences that mention it, in order. */
    List<Integer> sentences() {
        return sentences;
    }

    void score(double score) {
        this.score = score;
    }

    double score() {
        return score;
    }

    /** The form the document uses most; on a tie, the first seen. */
    String name() {
        String best = null;
        int bestCount = 0;
        for (Map.Entry<String, Integer> e : (surfaces.isEmpty() ? innerSurfaces : surfaces).entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return best;
    }

    /** Other forms seen, without the name and without case variants of it. */
    List<String> aliases(int max) {
        String name = name();
        Set<String> seen = new HashSet<>();
        seen.add(name.toLowerCase(Locale.ROOT));
        List<String> out = new ArrayList<>();
        List<String> all = new ArrayList<>(surfaces.keySet());
        all.addAll(aliases);
        for (String s : all) {
            if (out.size() < max && seen.add(s.toLowerCase(Locale.ROOT))) {
                out.add(s);
            }
        }
        return out;
    }

    private void at(Sentence sentence) {
        int index = sentence.index();
        if (sentences.isEmpty() || sentences.get(sentences.size() - 1) < index) {
            sentences.add(index);
        } else if (!sentences.contains(index)) {
            sentences.add(index);
            sentences.sort(null);
        }
        blocks.add(sentence.block());
    }
}
