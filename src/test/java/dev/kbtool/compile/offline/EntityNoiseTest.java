package dev.kbtool.compile.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.TopicCandidate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: entity pages a reader would keep. Each text carries one kind of mistake the offline
 * compiler made on papers: a method named like a person, a formula's symbols and abbreviations
 * taken for names, a figure's legend run into one name, a byline a converter marked up.
 */
class EntityNoiseTest {
    private final OfflineCompiler compiler = new OfflineCompiler();

    @Test
    void aMethodWithAFirstNamesNameIsNoPersonOnceTheTextSaysWhatItIs() throws Exception {
        String text = """
                # Training Small Language Models With Muon

                We train small language models with the Muon optimizer and compare it with AdamW, the usual choice. \
                Adam keeps running averages of the gradient and of its square. In our runs, Muon reaches the loss of \
                AdamW in fewer steps. Muon is combined with the Adam optimizer for the embedding parameters. Adam needs \
                more memory than Muon for every matrix. AdamW adds decoupled weight decay to Adam, and AdamW remains \
                the baseline in all experiments. With weight decay, Muon matches AdamW at every scale we tried, and \
                Adam without weight decay falls behind both.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(a.entities()).as(a.entities().toString())
                .noneMatch(e -> e.type().equals(EntityTypes.PERSON));
        assertThat(a.entities()).extracting(TopicCandidate::key).doesNotContain("adam");
        assertThat(a.concepts()).extracting(TopicCandidate::key).as("an idea: a concept").contains("adam");
    }

    @Test
    void aMethodsBaseNameIsOneIdeaWithTheVariantTheTextUsesMore() throws Exception {
        String text = """
                # Training Small Language Models With Muon

                We train small language models with the Muon optimizer and compare it with the AdamW optimizer, the \
                usual choice. The AdamW optimizer adds decoupled weight decay to the Adam optimizer. In our runs, Muon \
                reaches the loss of AdamW in fewer steps, and AdamW needs more memory than Muon for every matrix. \
                AdamW remains the baseline in all experiments, while Adam without weight decay falls behind both.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString())
                .contains("adamw").doesNotContain("adam");
        assertThat(byKey(a.concepts()).get("adamw").aliases()).contains("Adam");
    }

    @Test
    void aFirstNameAloneIsStillAPersonWhenTheTextSaysNothingElseOfIt() throws Exception {
        String text = """
                # Key Exchange in Practice

                Say that Alice wants to send a message that only her colleague can read. First Alice picks a secret \
                number and sends its public half over the open network. Her colleague does the same, and each side \
                combines its secret with the other half. In the end Alice shares a key that nobody on the network has \
                seen, and Alice can send the message.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(byKey(a.entities()).get("alice").type()).as(a.entities().toString()).isEqualTo(EntityTypes.PERSON);
    }

    @Test
    void symbolsOfFormulasAndTwoLetterAbbreviationsAreNoNamesButATypedTwoLetterNameIs() throws Exception {
        String text = """
                # Orthogonal Updates for Falcon-V2

                Let Mt be the momentum at step t. We set X0 = Mt and update Xk at each iteration until Xk converges. \
                The update of Falcon-V2 uses Mt only through its singular vectors, and Mt is never stored twice. We use \
                WO to denote the output projection and WV to denote the value projection; WO and WV are updated like \
                every other matrix of Falcon-V2. The Adjusted LR method scales the LR by the shape of each matrix, and \
                LR tuning is no longer needed for Falcon-V2. The cluster was hosted by HP, and HP engineers ran it.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(a.entities()).extracting(TopicCandidate::key).as(a.entities().toString())
                .contains("falcon-v2", "hp")
                .doesNotContain("mt", "xk", "x0", "wo", "wv", "lr");
    }

    @Test
    void aFiguresLegendRunIntoTheTextIsNoOneLongName() throws Exception {
        String text = """
                # Sparse Experts at Scale

                We evaluate every model on HellaSwag, PIQA and TriviaQA, and report accuracy after each stage of \
                training. Sparse experts reach the accuracy of a dense model with far less compute on HellaSwag.

                0.5 HellaSwag PIQA ARC-easy ARC-challenge TriviaQA NaturalQuestions

                Accuracy on PIQA grows with the number of experts, while TriviaQA needs more training tokens to improve.

                0 HellaSwag PIQA ARC-easy ARC-challenge TriviaQA NaturalQuestions

                Und. Encoder Text Tokenizer Text Tokenizer Gen. Encoder Image Decoder

                Und. Encoder Text Tokenizer Text Tokenizer Gen. Encoder Image Decoder
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(a.entities()).extracting(TopicCandidate::name).as(a.entities().toString())
                .noneMatch(n -> n.contains("PIQA ARC") || n.contains("Gen. Encoder") || n.contains("Tokenizer"));
    }

    @Test
    void aBylineWithEscapedMarksOrAnEmailStillGivesItsInstitutionAndItsAuthor() throws Exception {
        String marked = """
                # Falcon-V3: Policy Learning for Code Agents

                Mara Lindqvist\\, Tomas Okafor\\, Priya Raman\\, Jonas Weber

                Northfield AI

                ## Abstract

                We propose Falcon-V3, a code model trained with reinforcement learning from unit-test feedback. \
                Falcon-V3 outperforms Falcon-V2 on every benchmark we tried, and Falcon-V3 needs less memory.
                """;
        assertThat(byKey(compiler.analyze(Texts.input(marked)).entities())).as("escaped footnote marks")
                .containsKey("northfield-ai")
                .extractingByKey("northfield-ai").extracting(TopicCandidate::type).isEqualTo(EntityTypes.ORGANIZATION);

        String mailed = """
                # Blockstore: A Content-Addressed File System

                ### Elena Varga elena@varga.example

                ## Abstract

                Blockstore is a file system that names every block by the hash of its content. Blockstore keeps \
                versions of every file, and Blockstore peers exchange blocks with each other.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(mailed));
        assertThat(byKey(a.entities())).as(a.entities().toString())
                .containsKey("elena-varga")
                .extractingByKey("elena-varga").extracting(TopicCandidate::type).isEqualTo(EntityTypes.PERSON);
    }

    private static Map<String, TopicCandidate> byKey(List<TopicCandidate> topics) {
        return topics.stream().collect(Collectors.toMap(TopicCandidate::key, Function.identity(), (x, y) -> x));
    }
}
