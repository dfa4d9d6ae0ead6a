package dev.kbtool.compile.offline;

import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.CompileUsage;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.DocumentCompiler;
import dev.kbtool.compile.TopicCandidate;
import dev.kbtool.compile.TopicKeys;
import dev.kbtool.language.Language;
import dev.kbtool.language.PosTagger;
import dev.kbtool.language.WordFrequencies;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The default compiler: no network, no setup. An extractive summary ranked by TextRank, a
 * one-line description, and concept and entity candidates — by part of speech for English,
 * by capitalisation and repetition for other Latin-script languages; other scripts get the
 * Latin-script names they quote as entities and no concepts.
 *
 * <p>Thread-safe: it holds no state of its own; the English tagger model is loaded once per
 * JVM on first use and shared.
 */
public final class OfflineCompiler implements DocumentCompiler {
    /** The type of every concept candidate. */
    static final String CONCEPT = "concept";
    static final int MIN_TOPICS = 5;
    /**
     * Concepts a short page gets at least: a documentation page or a note explains more ideas
     * than it names things worth a page (Docker's network plugin page: network driver, plugin
     * protocol, swarm mode, remote driver, ...), and a tenth of a page's words is no bar for them.
     */
    static final int MIN_CONCEPTS = 8;
    static final int MAX_TOPICS = 15;
    /** Concepts scoring under this share of the third best are noise at that length. */
    private static final double MIN_CONCEPT_SHARE = 0.02;
    /** Without a tagger only the clearly dominant phrases are safe. */
    private static final double MIN_UNTAGGED_SHARE = 0.15;
    /** Entities scoring under this share of the third best are passing mentions. */
    private static final double MIN_ENTITY_SHARE = 0.05;
    /** What a variant adds to its base's name: a letter or two, a digit ("AdamW", "SGD-M"). */
    private static final Pattern VARIANT_SUFFIX = Pattern.compile("-?[a-z0-9]{1,2}");
    /** Aliases kept per topic. */
    private static final int MAX_ALIASES = 5;
    /** Headings looked at for concept boosts: enough for a book's table of contents. */
    private static final int MAX_HEADINGS = 300;

    @Override
    public DocumentAnalysis analyze(CompileInput input) throws CompileException, InterruptedException {
        try {
            return compile(input);
        } catch (RuntimeException e) {
            // One odd document must fail alone, as a per-file error, not end the whole batch.
            throw new CompileException("offline compile failed: " + e, e);
        }
    }

    private static DocumentAnalysis compile(CompileInput input) throws CompileException, InterruptedException {
        Prose prose = ProseReader.read(LargeDocuments.sample(input));
        SentenceRanker.Summary summary = SentenceRanker.summarize(prose);
        List<String> sentences = new ArrayList<>();
        for (Sentence s : summary.sentences()) {
            sentences.add(s.text());
        }
        String description = Descriptions.of(summary, prose.metaDescription(), prose.title(), prose.sentences());
        Topics topics = topics(prose);
        return new DocumentAnalysis(prose.title(), description, sentences, topics.concepts(), topics.entities(),
                CompileUsage.NONE);
    }

    /** Topics a document of this many words gets at most: 5 for a page, 15 for a book (concepts: {@value #MIN_CONCEPTS} at least). */
    static int topicLimit(int words) {
        double n = MIN_TOPICS + 2 * Math.log(Math.max(1.0, words / 400.0)) / Math.log(2);
        return (int) Math.round(Math.max(MIN_TOPICS, Math.min(MAX_TOPICS, n)));
    }

    private record Topics(List<TopicCandidate> concepts, List<TopicCandidate> entities) {
    }

    private static Topics topics(Prose prose) throws CompileException, InterruptedException {
        Language language = prose.language();
        PosTagger tagger;
        try {
            tagger = language == Language.ENGLISH ? PosTagger.shared() : null;
        } catch (IOException e) {
            throw new CompileException(e.getMessage(), e);
        }
        List<TaggedSentence> tagged = Tagging.tag(prose, tagger);
        CaseStats caseStats = CaseStats.of(tagged);
        Map<String, String> acronyms = Acronyms.definitions(tagged);
        // Other scripts get no concepts, but the Latin-script names they quote ("Debian",
        // "Ian Murdock") are entities like anywhere else, and link the document to others.
        List<TopicTally> concepts = tagger != null
                ? ConceptExtractor.extract(prose, tagged, titles(prose, tagger), caseStats, acronyms,
                        SectionTerms.of(prose, caseStats, tagger, MAX_HEADINGS))
                : language.latinWithStopWords() ? FrequentPhrases.extract(prose, tagged, caseStats) : new ArrayList<>();
        List<TopicTally> entities = EntityExtractor.extract(prose, tagged, caseStats, acronyms);
        handOverTechniques(concepts, entities);
        if (tagger != null) {
            handOverConceptPhrases(concepts, entities, caseStats);
        }
        resolveOverlaps(concepts, entities);
        int limit = topicLimit(prose.words());
        concepts = tagger != null ? TopicSelection.pick(concepts, Math.max(MIN_CONCEPTS, limit), MIN_CONCEPT_SHARE, 2, true)
                : TopicSelection.pick(concepts, limit, MIN_UNTAGGED_SHARE, 0, true);
        entities = TopicSelection.pick(entities, limit, MIN_ENTITY_SHARE, 2, false);
        List<TopicCandidate> conceptOut = new ArrayList<>();
        for (TopicTally t : concepts) {
            // Without a tagger, concepts are grouped by stem; their key is their name's.
            String key = tagger != null ? t.key() : TopicKeys.entity(t.name());
            conceptOut.add(candidate(t, key, CONCEPT, prose));
        }
        List<TopicCandidate> entityOut = new ArrayList<>();
        for (TopicTally t : entities) {
            entityOut.add(candidate(t, t.key(), t.type(EntityTypes.MIN_VOTES, EntityTypes.OTHER), prose));
        }
        return new Topics(conceptOut, entityOut);
    }

    private static List<TaggedSentence> titles(Prose prose, PosTagger tagger) {
        List<TaggedSentence> out = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        texts.add(prose.title());
        for (Heading h : prose.headings().subList(0, Math.min(MAX_HEADINGS, prose.headings().size()))) {
            texts.add(h.text());
        }
        for (String text : texts) {
            out.add(Tagging.tag(new Sentence(-1, text, -1, true, false, SentenceQuality.Grade.NOISE), tagger));
        }
        return out;
    }

    /**
     * Capitalised phrases of common words that name no one thing — "Multi-Head Attention",
     * "Large Language Models", "Feed-Forward Networks", "Update Norm" — are concepts, merged
     * with the same phrase in lower case if the document writes it so too. Common words are
     * everyday English, or dictionary words the document itself writes in lower case more often
     * than not; a phrase with type evidence (an institution's or an event's word) or a name in
     * it ("Docker Store", "Debian Project") stays an entity.
     */
    private static void handOverConceptPhrases(List<TopicTally> concepts, List<TopicTally> entities, CaseStats caseStats) {
        Map<String, TopicTally> conceptByKey = new HashMap<>();
        for (TopicTally c : concepts) {
            conceptByKey.put(c.key(), c);
        }
        for (java.util.Iterator<TopicTally> it = entities.iterator(); it.hasNext(); ) {
            TopicTally e = it.next();
            String key = TopicKeys.concept(e.name());
            TopicTally same = conceptByKey.get(key);
            String type = e.type(EntityTypes.MIN_VOTES, EntityTypes.OTHER);
            // Written in lower case too ("free software" beside "Free Software"): an idea, whatever its last word.
            boolean lowerToo = same != null && !type.equals(EntityTypes.PERSON) && !type.equals(EntityTypes.PLACE);
            if (e.words() < 2 || !commonWords(e.name(), caseStats) || !lowerToo && !type.equals(EntityTypes.OTHER)) {
                continue;
            }
            it.remove();
            conceptByKey.put(key, handOver(e, key, same, concepts));
        }
    }

    /** Named techniques ("Muon", "Newton-Schulz" of "the Newton-Schulz iteration") are ideas: concepts under their name. */
    private static void handOverTechniques(List<TopicTally> concepts, List<TopicTally> entities) {
        Map<String, TopicTally> conceptByKey = new HashMap<>();
        for (TopicTally c : concepts) {
            conceptByKey.put(c.key(), c);
        }
        List<TopicTally> techniques = new ArrayList<>();
        for (TopicTally e : entities) {
            if (e.type(EntityTypes.MIN_VOTES, EntityTypes.OTHER).equals(EntityTypes.TECHNIQUE)) {
                techniques.add(e);
            }
        }
        entities.removeAll(techniques);
        // The most mentioned first, so that a variant ("AdamW") is a concept before its base ("Adam") looks for it.
        techniques.sort((x, y) -> Double.compare(y.mentions(), x.mentions()));
        for (TopicTally e : techniques) {
            String key = TopicKeys.concept(e.name());
            TopicTally same = conceptByKey.getOrDefault(key, variant(key, e.mentions(), concepts));
            conceptByKey.put(key, handOver(e, key, same, concepts));
        }
    }

    /**
     * The concept a technique's name is the base of, when the document writes that variant more
     * often: "Adam" of "AdamW", "SGD" of "SGD-M". One idea, as the reader looks it up.
     */
    private static TopicTally variant(String key, double mentions, List<TopicTally> concepts) {
        TopicTally best = null;
        for (TopicTally c : concepts) {
            if (c.key().length() > key.length() && c.key().startsWith(key) && c.mentions() >= mentions
                    && VARIANT_SUFFIX.matcher(c.key().substring(key.length())).matches()
                    && (best == null || c.mentions() > best.mentions())) {
                best = c;
            }
        }
        return best;
    }

    /** An entity that is an idea: merged into the concept of its key, else a concept of its own. */
    private static TopicTally handOver(TopicTally e, String key, TopicTally same, List<TopicTally> concepts) {
        if (same != null) {
            same.absorb(e);
            return same;
        }
        TopicTally moved = e.withKey(key);
        moved.score(e.score() * ConceptExtractor.specificity(key));
        concepts.add(moved);
        return moved;
    }

    private static boolean commonWords(String name, CaseStats caseStats) {
        for (String word : name.split("[\\s-]+")) {
            boolean common = WordFrequencies.everyday(word) || WordFrequencies.known(word) && !caseStats.proper(word);
            if (!word.equalsIgnoreCase("of") && !common) {
                return false;
            }
        }
        return true;
    }

    /** One topic, one kind: a key found as both goes where the document mentions it more. */
    private static void resolveOverlaps(List<TopicTally> concepts, List<TopicTally> entities) {
        Map<String, TopicTally> entityByKey = new HashMap<>();
        for (TopicTally e : entities) {
            entityByKey.put(e.key(), e);
            entityByKey.put(TopicKeys.concept(e.name()), e);
        }
        List<TopicTally> dropConcepts = new ArrayList<>();
        for (TopicTally c : concepts) {
            TopicTally e = entityByKey.getOrDefault(c.key(), entityByKey.get(TopicKeys.entity(c.name())));
            if (e != null && entities.contains(e)) {
                if (c.mentions() > e.mentions()) {
                    entities.remove(e);
                } else {
                    dropConcepts.add(c);
                }
            }
        }
        concepts.removeAll(dropConcepts);
    }

    private static TopicCandidate candidate(TopicTally t, String key, String type, Prose prose) {
        List<String> aliases = t.aliases(MAX_ALIASES);
        List<String> forms = new ArrayList<>();
        forms.add(t.name());
        forms.addAll(aliases);
        double score = Math.round(t.score() * 1000) / 1000.0;
        return new TopicCandidate(key, t.name(), type, Contributions.of(t, forms, prose), aliases, score);
    }
}
