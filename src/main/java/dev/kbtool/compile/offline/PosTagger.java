package dev.kbtool.compile.offline;

import dev.kbtool.compile.CompileException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;

/**
 * English part-of-speech tagging with OpenNLP's Universal Dependencies model, decoded
 * greedily. The model's own tagger searches a beam of three; on our text the greedy path gave
 * the same tags and is four times faster, and tagging is the offline compiler's largest cost.
 * The greedy step is written out here rather than run as a beam of one, which would sort
 * every token's outcome scores and build a sequence object per step for nothing.
 *
 * <p>The model is loaded once per JVM, on first use, and shared (a maxent model is read-only).
 * The feature generator keeps per-call state, so each thread has its own.
 */
final class PosTagger {
    /** The model inside the {@code opennlp-models-pos-en} jar. */
    static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    /** Artifact name of the maxent model inside a POS model. */
    private static final String MAXENT_ARTIFACT = "pos.model";
    private static volatile PosTagger shared;

    private final MaxentModel maxent;
    private final SequenceValidator<String> validator;
    private final ThreadLocal<POSContextGenerator> contexts;

    private PosTagger(POSModel model) {
        this.maxent = model.getArtifact(MAXENT_ARTIFACT);
        this.validator = model.getFactory().getSequenceValidator();
        this.contexts = ThreadLocal.withInitial(() -> model.getFactory().getPOSContextGenerator(0));
    }

    static PosTagger shared() throws CompileException {
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
    String[] tag(List<Token> tokens) {
        String[] words = new String[tokens.size()];
        for (int i = 0; i < words.length; i++) {
            words[i] = tokens.get(i).text();
        }
        POSContextGenerator context = contexts.get();
        String[] tags = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            double[] scores = maxent.eval(context.getContext(i, words, tags, null));
            tags[i] = maxent.getOutcome(best(i, words, tags, scores));
        }
        return tags;
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

    private static POSModel load() throws CompileException {
        try (InputStream in = PosTagger.class.getResourceAsStream(MODEL)) {
            if (in == null) {
                throw new CompileException("the English part-of-speech model " + MODEL + " is missing from the class path");
            }
            return new POSModel(in);
        } catch (IOException e) {
            throw new CompileException("the English part-of-speech model could not be read: " + e.getMessage(), e);
        }
    }
}
