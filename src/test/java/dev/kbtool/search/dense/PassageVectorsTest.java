package dev.kbtool.search.dense;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PassageVectorsTest {
    private final TokenVectors model = TokenVectors.shared();

    /**
     * Ids from the model's own tokenizer (tokenizer.json through Hugging Face's WordPiece), without
     * [CLS]/[SEP] and without the pieces of punctuation marks, which kb leaves out.
     */
    @Test
    void cutsTextIntoTheWordPiecesTheModelWasTrainedOn() throws Exception {
        WordPieces pieces = wordPieces();
        assertThat(pieces.ids("Café naïve résumé")).containsExactly(7668, 15743, 13746);
        assertThat(pieces.ids("U.S.A. costs 3.14159 dollars"))
                .containsExactly(1057, 1055, 1037, 5366, 1017, 15471, 28154, 6363);
        assertThat(pieces.ids("unaffable tokenizer")).containsExactly(14477, 20961, 3468, 19204, 17629);
        assertThat(pieces.ids("日本語 text")).containsExactly(1864, 1876, 1950, 3793);
        assertThat(pieces.ids("“curly” — quotes")).containsExactly(17546, 16614);
        assertThat(pieces.ids("ab\ttab")).containsExactly(11113, 21628);
        assertThat(pieces.ids(" \n\u0000 ")).isEmpty();
    }

    @Test
    void theCommonestWordsWeighNothingAndAreLeftOut() throws Exception {
        WordPieces pieces = wordPieces();
        assertThat(pieces.ids("the history of the lighthouse")).hasSize(5);
        assertThat(model.pieces("the history of the lighthouse")).containsExactly(pieces.ids("history lighthouse"));
    }

    @Test
    void aQueryIsCloserToAPassageSayingItInOtherWordsThanToAnUnrelatedOne() {
        float[] query = PassageVectors.query(model, "How are PDF files turned into wiki pages?");
        double related = PassageVectors.similarity(query,
                PassageVectors.of(model, "The parser converts PDF documents into Markdown."));
        double unrelated = PassageVectors.similarity(query,
                PassageVectors.of(model, "Bananas are rich in potassium."));

        assertThat(related).isGreaterThan(unrelated + 0.2);
    }

    @Test
    void aLongPassageIsAsCloseAsItsClosestWindow() {
        String filler = String.join(" ", java.util.Collections.nCopies(300, "harvest"));
        String topic = String.join(" ", java.util.Collections.nCopies(25, "The compiler turns source code into machine instructions."));
        String text = filler + " " + topic + " " + filler;
        byte[] packed = PassageVectors.of(model, text);
        float[] query = PassageVectors.query(model, "compiler source code machine instructions");

        int pieces = model.pieces(text).length;
        int windows = 1 + (pieces - (PassageVectors.WINDOW - PassageVectors.STEP) - 1) / PassageVectors.STEP;
        assertThat(packed).hasSize(windows * (4 + TokenVectors.DIMENSIONS));
        assertThat(PassageVectors.similarity(query, packed))
                .as("the window holding the sentence, not the average of the page")
                .isGreaterThan(PassageVectors.similarity(query, PassageVectors.of(model, filler)) + 0.3);
    }

    @Test
    void aPassageIsItsOwnClosestMatchDespiteStoringOneBytePerDimension() {
        String text = "Reciprocal rank fusion merges two rankings of the same passages.";
        float[] query = PassageVectors.query(model, text);

        assertThat(PassageVectors.similarity(query, PassageVectors.of(model, text))).isCloseTo(1.0, within(0.01));
        assertThat(Arrays.stream(new String[] {"", "   ", "\u0000"}).map(t -> PassageVectors.of(model, t)))
                .containsOnlyNulls();
        assertThat(PassageVectors.query(model, "")).isNull();
    }

    /** The tokenizer alone, with every piece it makes (the model leaves the faint ones out). */
    private static WordPieces wordPieces() throws Exception {
        try (var vocabulary = TokenVectors.class.getResourceAsStream("vocab.txt")) {
            return WordPieces.load(vocabulary);
        }
    }
}
