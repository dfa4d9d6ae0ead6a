package dev.kbtool.compile.offline;

import dev.kbtool.compile.CompileException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import opennlp.tools.util.SequenceValidator;

/**
 * English part-of-speech tagging with OpenNLP's Universal Dependencies model, decoded
 * greedily. The model's own tagger searches a beam of three; on our text the greedy path gave
 * the same tags and is four times faster, and tagging is the offline compiler's largest cost.
 *
 * <p>The model is loaded once per JVM, on first use, and shared (a maxent model is read-only).
 * The decoder and the feature generator keep per-call state, so each thread has its own.
 */
final class PosTagger {
    /** The model inside the {@code opennlp-models-pos-en} jar. */
    static final String MODEL = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
    /** Artifact name of the maxent model inside a POS model. */
    private static final String MAXENT_ARTIFACT = "pos.model";
    private static volatile PosTagger shared;

    private final SequenceValidator<String> validator;
    private final ThreadLocal<Decoder> decoders;

    private PosTagger(POSModel model) {
        MaxentModel maxent = model.getArtifact(MAXENT_ARTIFACT);
        this.validator = model.getFactory().getSequenceValidator();
        this.decoders = ThreadLocal.withInitial(
                () -> new Decoder(new BeamSearch(1, maxent, 0), model.getFactory().getPOSContextGenerator(0)));
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
        Decoder d = decoders.get();
        return d.search().bestSequence(words, null, d.context(), validator).getOutcomes().toArray(new String[0]);
    }

    private record Decoder(BeamSearch search, POSContextGenerator context) {
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
