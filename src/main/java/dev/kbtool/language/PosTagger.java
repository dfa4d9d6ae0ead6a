package dev.kbtool.language;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;

/**
 * English part-of-speech tagging with OpenNLP's Universal Dependencies model, decoded
 * greedily. The model's own tagger searches a beam of three; on our text the greedy path gave
 * the same tags and is four times faster, and tagging is the offline compiler's largest cost.
 *
 * <p>A token's features are its own (word, prefixes, suffixes, shape), its neighbours' words,
 * the two previous tags and, for the first three, a sentence-start mark. {@link TaggerScratch}
 * keeps each word's own features already summed and its neighbour features already looked up,
 * so a token costs a few array additions instead of building and hashing some twenty feature
 * strings. The greedy choice needs only the largest weight sum, not the model's normalised
 * probabilities, so the exponentials are skipped too. The tags are those of decoding with
 * OpenNLP's feature generator and {@code eval} (PosTaggerTest compares them).
 *
 * <p>The model is loaded once per JVM, on first use, and shared (a maxent model is read-only).
 * The scratch keeps per-thread state, so each thread has its own.
 */
public final class PosTagger {
    /** The model inside the {@code opennlp-models-pos-en} jar. */
    static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    /** Artifact name of the maxent model inside a POS model. */
    private static final String MAXENT_ARTIFACT = "pos.model";
    private static volatile PosTagger shared;

    private final MaxentModel maxent;
    private final SequenceValidator<String> validator;
    private final ThreadLocal<TaggerScratch> scratch;

    @SuppressWarnings("unchecked")
    private PosTagger(POSModel model) {
        this.maxent = model.getArtifact(MAXENT_ARTIFACT);
        this.validator = model.getFactory().getSequenceValidator();
        // The feature-to-weights map and the outcome names, as the model's own eval reads them.
        Object[] parts = ((AbstractModel) maxent).getDataStructures();
        Map<String, Context> features = (Map<String, Context>) parts[1];
        String[] outcomeNames = (String[]) parts[2];
        this.scratch = ThreadLocal.withInitial(() -> new TaggerScratch(model.getFactory().getPOSContextGenerator(0),
                features, outcomeNames));
    }

    public static PosTagger shared() throws IOException {
        PosTagger t = shared;
        if (t == null) {
            synchronized (PosTagger.class) {
                t = shared;
                if (t == null) {
                    t = new PosTagger(load());
                    shared = t;
                }
            }
        }
        return t;
    }

    /** Universal Dependencies tags ({@code NOUN}, {@code PROPN}, {@code ADJ}, ...), one per token. */
    public String[] tag(List<Token> tokens) {
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = tokens.get(i).text();
        }
        TaggerScratch s = scratch.get();
        String[] tags = new String[words.length];
        int[] outcomes = new int[words.length];
        TaggerScratch.Word[] known = s.words(words);
        for (int i = 0; i < words.length; i++) {
            outcomes[i] = best(i, words, tags, s.sums(i, known, outcomes));
            tags[i] = maxent.getOutcome(outcomes[i]);
        }
        return tags;
    }

    /** How many words this thread's tagger remembers; never more than {@link TaggerScratch#MAX_WORDS}. */
    int rememberedWords() {
        return scratch.get().remembered();
    }

    /** The highest-scoring outcome the validator accepts here; the highest of all if it accepts none. */
    private int best(int i, String[] words, String[] tags, double[] scores) {
        int best = -1;
        int top = 0;
        for (int o = 0; o < scores.length; o++) {
            if (scores[o] > scores[top]) {
                top = o;
            }
            if ((best < 0 || scores[o] > scores[best]) && validator.validSequence(i, words, tags, maxent.getOutcome(o))) {
                best = o;
            }
        }
        return best < 0 ? top : best;
    }

    private static POSModel load() throws IOException {
        InputStream in = PosTagger.class.getResourceAsStream(MODEL);
        if (in == null) {
            throw new IOException("the English part-of-speech model " + MODEL + " is missing from the class path");
        }
        try (in) {
            return new POSModel(in);
        } catch (IOException e) {
            throw new IOException("the English part-of-speech model could not be read: " + e.getMessage(), e);
        }
    }
}
