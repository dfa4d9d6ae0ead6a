package dev.kbtool.language;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.compile.offline.Texts;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.postag.POSContextGenerator;
import opennlp.tools.postag.POSModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tagger's shortcuts must give exactly the tags of OpenNLP's own features and eval. */
class PosTaggerTest {
    private static MaxentModel maxent;
    private static POSContextGenerator generator;

    @BeforeAll
    static void loadReference() throws Exception {
        try (InputStream in = PosTagger.class.getResourceAsStream(PosTagger.MODEL)) {
            POSModel model = new POSModel(in);
            maxent = model.getArtifact("pos.model");
            generator = model.getFactory().getPOSContextGenerator(0);
        }
    }

    @Test
    void tagsAsOpenNlpsFeatureGeneratorAndEvalDo() throws Exception {
        PosTagger tagger = PosTagger.shared();
        List<String> sentences = new ArrayList<>(SentenceSplitter.split(Texts.NEURAL_NETWORKS + " " + Texts.BIOGRAPHY + " "
                + Texts.ANNOUNCEMENT));
        // Sentences of one to four tokens exercise every sentence-start and window edge.
        sentences.addAll(List.of("Stop.", "Run fast", "Alice said no", "The White Rabbit ran", "Éclair 1990 3.5 U.S.A. don't ÜBER",
                "I'm late, I'm late — for a very important date!"));
        int tokens = 0;
        for (String sentence : sentences) {
            List<Token> t = Tokenizer.tokenize(sentence);
            assertThat(tagger.tag(t)).as(sentence).containsExactly(reference(t));
            tokens += t.size();
        }
        assertThat(tokens).isGreaterThan(500);
    }

    @Test
    void tagsTheSameAfterItsWordMemoryStartsOver() throws Exception {
        PosTagger tagger = PosTagger.shared();
        List<Token> sentence = Tokenizer.tokenize("The committee approved the new budget on Tuesday.");
        String[] before = tagger.tag(sentence);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            many.append("word").append(i).append(' ');
        }
        tagger.tag(Tokenizer.tokenize(many.toString()));
        assertThat(tagger.rememberedWords()).isPositive().isLessThanOrEqualTo(TaggerScratch.MAX_WORDS);
        assertThat(tagger.tag(sentence)).containsExactly(before).containsExactly(reference(sentence));
        assertThat(before).containsExactly("DET", "NOUN", "VERB", "DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT");
    }

    /** Greedy decoding the plain way: the generator's feature strings, the model's probabilities. */
    private static String[] reference(List<Token> tokens) {
        String[] words = tokens.stream().map(Token::text).toArray(String[]::new);
        String[] tags = new String[words.length];
        for (int i = 0; i < words.length; i++) {
            double[] p = maxent.eval(generator.getContext(i, words, tags, null));
            int best = 0;
            for (int o = 1; o < p.length; o++) {
                if (p[o] > p[best]) {
                    best = o;
                }
            }
            tags[i] = maxent.getOutcome(best);
        }
        return tags;
    }
}
