package dev.kbtool.compile.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.CompileUsage;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.TopicCandidate;
import dev.kbtool.text.MarkdownText;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OfflineCompilerTest {
    private final OfflineCompiler compiler = new OfflineCompiler();

    @Test
    void summarizesAnArticleWithVerbatimProseSentencesInDocumentOrder() throws Exception {
        DocumentAnalysis a = compiler.analyze(Texts.input(Texts.NEURAL_NETWORKS));

        assertThat(a.title()).isEqualTo("Neural networks");
        assertThat(a.usage()).isEqualTo(CompileUsage.NONE);
        assertThat(a.summary()).containsExactly(
                "A neural network is a computational model inspired by the structure of biological brains.",
                "Neural networks are trained with gradient descent, which adjusts every weight to reduce a loss function.",
                "Convolutional neural networks (CNNs) share weights across an image and dominate computer vision.");
        String text = plainText(Texts.NEURAL_NETWORKS);
        assertThat(a.summary()).allSatisfy(s -> assertThat(text).contains(s));
        assertThat(a.summary()).isSortedAccordingTo((x, y) -> Integer.compare(text.indexOf(x), text.indexOf(y)));
        assertThat(String.join("\n", a.summary()))
                .doesNotContain("Figure 3", "Accuracy |", "Sequential(", "LeCun", "Proceedings", "Training\n");
        assertThat(a.description()).isEqualTo("A neural network is a computational model inspired by the structure of biological brains.");
    }

    @Test
    void findsTheArticlesConceptsUnderSingularKeysWithDefiningContributions() throws Exception {
        DocumentAnalysis a = compiler.analyze(Texts.input(Texts.NEURAL_NETWORKS));
        Map<String, TopicCandidate> concepts = byKey(a.concepts());

        assertThat(concepts).containsKeys("neural-network", "convolutional-neural-network", "loss-function");
        assertThat(a.concepts().get(0).key()).isEqualTo("neural-network");
        assertThat(concepts.get("neural-network").contribution())
                .startsWith("A neural network is a computational model");
        assertThat(concepts.get("neural-network").aliases()).contains("neural networks");
        assertThat(concepts.get("convolutional-neural-network").aliases()).as("defined acronym").contains("CNN");
        assertThat(a.concepts()).allSatisfy(c -> {
            assertThat(c.type()).isEqualTo("concept");
            assertThat(c.contribution()).isNotBlank();
            assertThat(c.score()).isPositive();
        });
        // Noise: document parts, citations, code, a word that only occurs inside longer phrases.
        assertThat(concepts).doesNotContainKeys("figure", "accuracy", "network", "function", "model-sequential", "nature",
                "proceedings", "et-al");
        assertThat(a.entities()).extracting(TopicCandidate::key).doesNotContain("cnn", "lecun", "vaswani", "neurips");
    }

    @Test
    void typesThePeoplePlacesAndWorksOfABiography() throws Exception {
        DocumentAnalysis a = compiler.analyze(Texts.input(Texts.BIOGRAPHY));
        Map<String, TopicCandidate> entities = byKey(a.entities());

        assertThat(a.summary()).hasSize(3).first().asString().startsWith("Ada Lovelace was an English mathematician");
        assertThat(a.summary()).as("sentences opening with a pronoun need the one before").noneMatch(s -> s.startsWith("She "));
        assertThat(a.description()).hasSizeLessThan(160).endsWith("general-purpose computer, the…");

        assertThat(entities.get("ada-lovelace").type()).isEqualTo("person");
        assertThat(entities.get("ada-lovelace").aliases()).as("surname alone").contains("Lovelace");
        assertThat(entities.get("charles-babbage").type()).isEqualTo("person");
        assertThat(entities.get("london").type()).isEqualTo("place");
        assertThat(entities.get("analytical-engine").name()).isEqualTo("Analytical Engine");
        assertThat(entities).doesNotContainKeys("lovelace", "babbage", "december", "october", "english", "she", "today");
        assertThat(a.entities().get(0).key()).isEqualTo("ada-lovelace");
        assertThat(entities.get("london").contribution()).contains("born in London");
    }

    @Test
    void typesTheOrganizationProductPersonEventAndPlaceOfAnAnnouncement() throws Exception {
        DocumentAnalysis a = compiler.analyze(Texts.input(Texts.ANNOUNCEMENT));
        assertThat(a.summary()).containsExactly(
                "Acme Corporation today announced Rocket 2.0, a new version of its open-source message broker.",
                "Rocket 2.0 delivers messages three times faster than Rocket 1.5 and halves the memory footprint.",
                "The release adds persistent queues, so messages survive a restart of the broker.");
        Map<String, String> types = a.entities().stream().collect(Collectors.toMap(TopicCandidate::key, TopicCandidate::type));

        assertThat(types).containsEntry("acme-corporation", "organization")
                .containsEntry("rocket", "product")
                .containsEntry("maria-gonzalez", "person")
                .containsEntry("kubecon-europe", "event")
                .containsEntry("paris", "place");
        assertThat(byKey(a.entities()).get("rocket").aliases()).as("versions").contains("Rocket 2.0", "Rocket 1.5");
        assertThat(types).doesNotContainKeys("march", "our", "rocket-2-0");
        assertThat(byKey(a.concepts())).containsKey("persistent-queue");
    }

    @Test
    void neverReportsTheSameTopicAsConceptAndEntity() throws Exception {
        for (String text : List.of(Texts.NEURAL_NETWORKS, Texts.BIOGRAPHY, Texts.ANNOUNCEMENT)) {
            DocumentAnalysis a = compiler.analyze(Texts.input(text));
            java.util.Set<String> keys = new java.util.HashSet<>(byKey(a.concepts()).keySet());
            keys.retainAll(byKey(a.entities()).keySet());
            assertThat(keys).isEmpty();
        }
    }

    @Test
    void germanGetsASummaryAndOnlySafeTopics() throws Exception {
        DocumentAnalysis a = compiler.analyze(Texts.input(Texts.GERMAN));

        assertThat(a.summary()).hasSizeGreaterThanOrEqualTo(3).first()
                .isEqualTo("Das Debian-Projekt wurde im August 1993 von Ian Murdock gegründet.");
        assertThat(a.description()).isEqualTo("Das Debian-Projekt wurde im August 1993 von Ian Murdock gegründet.");
        assertThat(a.entities()).extracting(TopicCandidate::key, TopicCandidate::type).contains(org.assertj.core.groups.Tuple.tuple("ian-murdock", "person"));
        // German capitalizes every noun: a capital alone makes no entity.
        assertThat(a.entities()).extracting(TopicCandidate::key).doesNotContain("distribution", "software", "entwickler", "paket");
    }

    @Test
    void japaneseIsSplitAtIdeographicFullStopsAndGetsNoTopics() throws Exception {
        DocumentAnalysis a = compiler.analyze(Texts.input(Texts.JAPANESE));

        assertThat(a.summary()).hasSizeBetween(3, 6).allSatisfy(s -> assertThat(s).endsWith("。"));
        assertThat(a.summary()).contains("Debian は自由なオペレーティングシステムです。");
        assertThat(a.description()).hasSizeLessThan(160);
        assertThat(a.concepts()).isEmpty();
    }

    @Test
    void unitsOfMeasureAreNotConcepts() throws Exception {
        String text = """
                # Benchmarks

                The commit time is 36 ms in a small knowledge base and 30 ms in a large knowledge base. The conversion \
                time of the novel is 112 ms and its compile time is 191 ms. The status command starts in 380 ms with \
                the archive and in 500 ms without the archive. The index page holds 13 KB and the heap stays under \
                512 MB. Each benchmark reports the commit time, the conversion time and the compile time in ms. \
                The knowledge base keeps its commit time flat: 29 ms at 5,000 documents and 30 ms at 10,000 documents.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(a.concepts()).extracting(TopicCandidate::key).as(a.concepts().toString())
                .doesNotContain("ms", "mb").contains("knowledge-base");
    }

    @Test
    void aShortTextWhoseSentencesOverlapStillGetsThreeOfThem() throws Exception {
        String text = """
                This document may be freely redistributed or modified in any form provided the changes are clearly documented.

                This document may be redistributed for a fee or free of charge and modified in any form provided the changes are clearly marked.

                This document describes the history and the goals of the Debian project.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(text));

        assertThat(a.summary()).hasSize(3).allSatisfy(s -> assertThat(text).contains(s));
    }

    @Test
    void aLongFirstSentenceIsCutAtAWordBoundaryForTheDescription() throws Exception {
        String longSentence = "The committee that oversees the maintenance of the municipal water network published a detailed "
                + "report describing every pumping station, reservoir and treatment plant in the region together with their "
                + "condition and the investments they will need over the coming decade.";
        DocumentAnalysis a = compiler.analyze(Texts.input(longSentence + "\n\nThe report is public. Anyone may read it."));

        assertThat(a.description()).hasSizeLessThan(160).endsWith("…");
        assertThat(longSentence).startsWith(a.description().substring(0, a.description().length() - 1));
    }

    @Test
    void aDocumentWithoutProseFallsBackToItsOwnDescriptionOrTitle() throws Exception {
        String commandReference = """
                ---
                title: "context rm"
                description: "The context rm command description and usage"
                ---

                # context rm

                ```
                Usage:  docker context rm CONTEXT [CONTEXT...]
                ```
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(commandReference));
        assertThat(a.summary()).isEmpty();
        assertThat(a.description()).isEqualTo("The context rm command description and usage");

        DocumentAnalysis empty = compiler.analyze(new CompileInput(null, "empty-file", "", List.of()));
        assertThat(empty.title()).isEqualTo("empty-file");
        assertThat(empty.description()).isEqualTo("empty-file");
        assertThat(empty.summary()).isEmpty();
        assertThat(empty.concepts()).isEmpty();
    }

    @Test
    void inlineCodeIsNeitherConceptNorEntity() throws Exception {
        String doc = """
                # blpop

                `BLPOP` is a blocking list pop primitive. When `BLPOP` is called on empty lists, the client blocks.
                The client unblocks when another client pushes to one of the lists with `LPUSH`.
                A blocked client is served first when `LPUSH` adds elements to its list.
                """;
        DocumentAnalysis a = compiler.analyze(Texts.input(doc));
        assertThat(a.entities()).extracting(TopicCandidate::key).doesNotContain("blpop", "lpush");
        // "client" is an everyday word: never a concept alone (issue 17), and the commands are code.
        assertThat(a.concepts()).extracting(TopicCandidate::key).doesNotContain("blpop", "lpush", "client");
    }

    @Test
    void aPendingInterruptStopsTheAnalysis() {
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> compiler.analyze(SyntheticBook.generate(20, 1)))
                    .isInstanceOf(InterruptedException.class);
        } finally {
            Thread.interrupted();
        }
    }

    private static Map<String, TopicCandidate> byKey(List<TopicCandidate> topics) {
        return topics.stream().collect(Collectors.toMap(TopicCandidate::key, Function.identity()));
    }

    private static String plainText(String markdown) {
        return MarkdownText.blocks(markdown).stream().map(MarkdownText.Block::text).collect(Collectors.joining("\n"));
    }
}
