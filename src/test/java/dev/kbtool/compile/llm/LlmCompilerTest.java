package dev.kbtool.compile.llm;

import static dev.kbtool.testing.FakeLlmServer.after;
import static dev.kbtool.testing.FakeLlmServer.answer;
import static dev.kbtool.testing.FakeLlmServer.cutOff;
import static dev.kbtool.testing.FakeLlmServer.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.CompileInput;
import dev.kbtool.compile.CompileUsage;
import dev.kbtool.compile.DocumentAnalysis;
import dev.kbtool.compile.TopicCandidate;
import dev.kbtool.llm.HttpLlmClient;
import dev.kbtool.llm.HttpLlmClientTest;
import dev.kbtool.llm.LlmProvider;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.llm.LlmUnavailableException;
import dev.kbtool.llm.RecordingSleeper;
import dev.kbtool.testing.FakeLlmServer;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LlmCompilerTest {
    static final String TEXT = """
            # Backpropagation Explained

            This paper explains how backpropagation computes the gradients of a neural network layer by layer, \
            starting from the loss and moving towards the input. It derives every step for a network with one \
            hidden layer and shows the matrix form used in practice.

            The experiments train a two-layer network on the MNIST handwritten digits. After ten epochs the \
            network reaches 98 percent accuracy on the test set, and the paper compares this with a linear model \
            that stays at 92 percent.

            A final section credits Geoffrey Hinton and his colleagues with popularising the method in 1986 \
            and lists open questions about very deep networks.
            """;
    static final String SUMMARY = """
            {"description": "How backpropagation trains a two-layer network, with MNIST results",
             "summary": ["The paper derives backpropagation for a network with one hidden layer.",
                         "It trains a two-layer network on MNIST and reaches 98 percent accuracy.",
                         "A linear model only reaches 92 percent."]}""";
    static final String TOPICS = """
            {"concepts": [
               {"name": "Neural Networks", "aliases": ["NN", "neural network"],
                "contribution": "The paper trains a two-layer network on handwritten digits and reaches 98 percent accuracy."},
               {"name": "Backpropagation",
                "contribution": "The paper derives backpropagation step by step and gives its matrix form."}],
             "entities": [
               {"name": "MNIST", "type": "work", "aliases": [],
                "contribution": "The handwritten digit set used for every experiment in the paper."},
               {"name": "Geoffrey Hinton", "type": "scientist",
                "contribution": "Credited by the paper with popularising the method in 1986."}]}""";

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private FakeLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private LlmCompiler compiler(LlmSettings.Builder settings) {
        LlmSettings s = settings.build();
        return new LlmCompiler(new HttpLlmClient(s, HttpLlmClientTest.ENV, sleeper), s);
    }

    private LlmCompiler compiler() {
        return compiler(HttpLlmClientTest.settings(server));
    }

    private static CompileInput input(String text) {
        return new CompileInput("Backpropagation Explained", "backprop", text, List.of());
    }

    private FakeLlmServer serve(LlmProvider provider, FakeLlmServer.Reply... replies) {
        try {
            server = new FakeLlmServer(provider).then(replies);
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void compilesADocumentWithOneSummarizeAndOneExtractCall(LlmProvider provider) throws Exception {
        serve(provider, answer(SUMMARY, 100, 20), answer(TOPICS, 120, 40));

        DocumentAnalysis a = compiler().analyze(input(TEXT));

        assertThat(a.title()).isEqualTo("Backpropagation Explained");
        assertThat(a.description()).isEqualTo("How backpropagation trains a two-layer network, with MNIST results");
        assertThat(a.summary()).containsExactly(
                "The paper derives backpropagation for a network with one hidden layer.",
                "It trains a two-layer network on MNIST and reaches 98 percent accuracy.",
                "A linear model only reaches 92 percent.");
        assertThat(a.concepts()).extracting(TopicCandidate::key, TopicCandidate::name, TopicCandidate::type)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("neural-network", "Neural Networks", "concept"),
                        org.assertj.core.groups.Tuple.tuple("backpropagation", "Backpropagation", "concept"));
        assertThat(a.concepts().get(0).aliases()).containsExactly("NN", "neural network");
        assertThat(a.concepts().get(0).contribution()).startsWith("The paper trains a two-layer network");
        assertThat(a.concepts().get(0).score()).isGreaterThan(a.concepts().get(1).score());
        assertThat(a.entities()).extracting(TopicCandidate::key, TopicCandidate::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("mnist", "work"),
                        org.assertj.core.groups.Tuple.tuple("geoffrey-hinton", "other"));
        assertThat(a.usage()).isEqualTo(new CompileUsage(2, 220, 60));

        List<FakeLlmServer.Request> requests = server.requests();
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).lastMessage()).contains("MNIST handwritten digits", "Task: describe and summarise");
        assertThat(requests.get(1).lastMessage()).contains("MNIST handwritten digits", "Task: list what the document");
        String system = provider == LlmProvider.OPENAI
                ? requests.get(0).messages().get(0).path("content").asText()
                : requests.get(0).body().path("system").asText();
        assertThat(system).contains("JSON object", "in the language of the material");
    }

    @Test
    void takesTheJsonOutOfFencesAndProse() throws Exception {
        serve(LlmProvider.OPENAI, answer("Sure! Here it is:\n```json\n" + SUMMARY + "\n```\nHope this helps."),
                answer(TOPICS));

        DocumentAnalysis a = compiler().analyze(input(TEXT));

        assertThat(a.summary()).hasSize(3);
        assertThat(server.requests()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void malformedJsonIsSentBackOnceAndTheRepairIsUsed(LlmProvider provider) throws Exception {
        String broken = "{\"description\": \"How backpropagation works\", \"summary\": [\"One.\" \"Two.\"]}";
        serve(provider, answer(broken, 10, 5), answer(SUMMARY, 30, 20), answer(TOPICS, 10, 10));

        DocumentAnalysis a = compiler().analyze(input(TEXT));

        assertThat(a.description()).startsWith("How backpropagation trains");
        assertThat(a.usage()).isEqualTo(new CompileUsage(3, 50, 35));
        FakeLlmServer.Request repair = server.requests().get(1);
        int n = repair.messages().size();
        assertThat(repair.messages().get(n - 2).path("role").asText()).isEqualTo("assistant");
        assertThat(repair.messages().get(n - 2).path("content").asText()).isEqualTo(broken);
        assertThat(repair.lastMessage())
                .startsWith("Your answer was not valid: the JSON object is not well-formed (")
                .endsWith(". Reply with only the JSON object.");
    }

    @Test
    void anAnswerStillMalformedAfterTheRepairFailsTheDocument() {
        serve(LlmProvider.OPENAI, answer("Summary: it is about backpropagation."), answer("{\"description\": "));

        assertThatThrownBy(() -> compiler().analyze(input(TEXT)))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("not valid, even after a repair request")
                .hasMessageContaining("not well-formed");
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).lastMessage()).contains("it contains no JSON object");
    }

    @Test
    void aRefusalTwiceFailsTheDocument() {
        serve(LlmProvider.ANTHROPIC, answer("I'm sorry, but I can't help with that."),
                answer("{\"description\": \"As an AI language model, I cannot summarise this.\", \"summary\": []}"));

        assertThatThrownBy(() -> compiler().analyze(input(TEXT)))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("\"description\" is empty or not a real description");
    }

    @Test
    void nonAnswersAreSentBackAndNeverReachTheAnalysis() throws Exception {
        String noChange = "{\"description\": \"No change.\", \"summary\": [\"N/A\", \"The paper derives backpropagation.\"]}";
        String badTopics = """
                {"concepts": [
                   {"name": "Neural network", "contribution": "I'm sorry, but I cannot determine that."},
                   {"name": "Backpropagation", "contribution": "The paper derives backpropagation step by step."}],
                 "entities": [{"name": "MNIST", "type": "work", "contribution": "N/A"}]}""";
        String stillOneBad = """
                {"concepts": [
                   {"name": "Neural network", "contribution": "Neural networks are mentioned in the document."},
                   {"name": "Backpropagation", "contribution": "The paper derives backpropagation step by step."}],
                 "entities": [{"name": "MNIST", "type": "work", "contribution": "The digit set of every experiment."}]}""";
        serve(LlmProvider.OPENAI, answer(noChange), answer(SUMMARY), answer(badTopics), answer(stillOneBad));

        DocumentAnalysis a = compiler().analyze(input(TEXT));

        assertThat(a.description()).startsWith("How backpropagation");
        assertThat(a.concepts()).extracting(TopicCandidate::key).containsExactly("backpropagation");
        assertThat(a.entities()).extracting(TopicCandidate::contribution)
                .containsExactly("The digit set of every experiment.");
        String everything = a.description() + a.summary() + a.concepts() + a.entities();
        assertThat(everything).doesNotContainIgnoringCase("no change").doesNotContain("N/A")
                .doesNotContainIgnoringCase("sorry").doesNotContain("are mentioned in the document");
        assertThat(a.usage().calls()).isEqualTo(4);
        List<FakeLlmServer.Request> requests = server.requests();
        assertThat(requests.get(1).lastMessage()).contains("\"description\" is empty or not a real description",
                "\"summary\" contains empty items or sentences that are not real content");
        assertThat(requests.get(3).lastMessage()).contains(
                "concepts[0] (Neural network) needs a \"contribution\"", "entities[0] (MNIST) needs a \"contribution\"");
    }

    @Test
    void aDescriptionThatRepeatsTheTitleIsSentBack() throws Exception {
        serve(LlmProvider.OPENAI,
                answer("{\"description\": \"Backpropagation explained\", \"summary\": [\"A.\", \"B is so.\", \"C is so.\"]}"),
                answer(SUMMARY), answer(TOPICS));

        compiler().analyze(input(TEXT));

        assertThat(server.requests().get(1).lastMessage()).contains("only repeats the title");
    }

    @Test
    void anAnswerCutOffAtTheLengthLimitIsAskedAgainShorter() throws Exception {
        serve(LlmProvider.ANTHROPIC, cutOff("{\"description\": \"How backprop"), answer(SUMMARY), answer(TOPICS));

        DocumentAnalysis a = compiler().analyze(input(TEXT));

        assertThat(a.summary()).hasSize(3);
        assertThat(server.requests().get(1).lastMessage()).contains("cut off at the answer length limit");
    }

    @Test
    void emptyTopicListsAreAValidAnswer() throws Exception {
        serve(LlmProvider.OPENAI, answer(SUMMARY), answer("{\"concepts\": [], \"entities\": []}"));

        DocumentAnalysis a = compiler().analyze(input(TEXT));

        assertThat(a.concepts()).isEmpty();
        assertThat(a.entities()).isEmpty();
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aLongDocumentIsReadInABoundedNumberOfParts() throws Exception {
        String text = IntStream.rangeClosed(1, 12)
                .mapToObj(i -> String.format("P%02d ", i) + "This paragraph is about backpropagation. ".repeat(10))
                .collect(Collectors.joining("\n\n"));
        String longNotes = IntStream.rangeClosed(1, 15)
                .mapToObj(i -> "\"Note " + i + " on the first part says a great deal about gradients, layers and the "
                        + "loss surface of the network in question, with figures for every one of the ten epochs and "
                        + "for both of the models compared.\"")
                .collect(Collectors.joining(", ", "{\"notes\": [\"The first part introduces backpropagation.\", ", "]}"));
        serve(LlmProvider.OPENAI,
                answer(longNotes),
                answer("{\"notes\": [\"The last part discusses deep networks.\"]}"),
                answer(SUMMARY), answer(TOPICS));

        DocumentAnalysis a = compiler(HttpLlmClientTest.settings(server).chunkTokens(500).maxChunks(2))
                .analyze(input(text));

        assertThat(a.usage().calls()).isEqualTo(4);
        List<FakeLlmServer.Request> requests = server.requests();
        assertThat(requests.get(0).lastMessage()).contains("part=\"1 of 2\"", "P01", "Task: take notes")
                .doesNotContain("P12");
        assertThat(requests.get(1).lastMessage()).contains("part=\"2 of 2\"", "P12").doesNotContain("P01");
        assertThat(requests.get(2).lastMessage())
                .contains("<notes", "Part 1: The first part introduces backpropagation.",
                        "Part 2: The last part discusses deep networks.", "Task: describe and summarise")
                .doesNotContain("P01");
        assertThat(requests.get(3).lastMessage()).contains("<notes", "Task: list");
        String notes = requests.get(2).lastMessage().replaceAll("(?s).*<notes[^>]*>\n(.*)\n</notes>.*", "$1");
        assertThat(notes.length()).isLessThanOrEqualTo(2000);
        assertThat(notes).contains("Note 3 on the first part", "Part 2: The last part discusses deep networks.")
                .doesNotContain("Note 10 on the first part");
    }

    @Test
    void usesEachStagesModelAndTheConfiguredLanguage() throws Exception {
        serve(LlmProvider.ANTHROPIC, answer(SUMMARY), answer(TOPICS));

        compiler(HttpLlmClientTest.settings(server).summarizeModel("small-model").language("German"))
                .analyze(input(TEXT));

        List<FakeLlmServer.Request> requests = server.requests();
        assertThat(requests.get(0).body().path("model").asText()).isEqualTo("small-model");
        assertThat(requests.get(1).body().path("model").asText()).isEqualTo("test-model");
        assertThat(requests.get(0).body().path("system").asText()).contains("Write every text value in German");
    }

    @Test
    void aDocumentOverItsTimeLimitFails() {
        serve(LlmProvider.OPENAI, answer(SUMMARY), after(Duration.ofSeconds(3), answer(TOPICS)));

        assertThatThrownBy(() -> compiler(HttpLlmClientTest.settings(server).documentTimeout(Duration.ofMillis(400)))
                .analyze(input(TEXT)))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("time limit of 400ms");
    }

    @Test
    void anUnavailableLlmIsNotADocumentFailure() {
        serve(LlmProvider.OPENAI, error(401, "Incorrect API key provided"));

        assertThatThrownBy(() -> compiler().analyze(input(TEXT)))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("rejected the API key from $KB_TEST_KEY (401)");
    }

    @Test
    void aRequestTheServerRefusesFailsTheDocument() {
        serve(LlmProvider.OPENAI, error(400, "context_length_exceeded"));

        assertThatThrownBy(() -> compiler().analyze(input(TEXT)))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("context_length_exceeded");
    }

    @Test
    void anEmptyDocumentNeedsNoCall() throws Exception {
        serve(LlmProvider.OPENAI);

        DocumentAnalysis a = compiler().analyze(input("  \n "));

        assertThat(a.summary()).isEmpty();
        assertThat(a.usage()).isEqualTo(CompileUsage.NONE);
        assertThat(server.requests()).isEmpty();
    }

    @Test
    void aShortDocumentMayHaveAShortSummary() throws Exception {
        serve(LlmProvider.OPENAI,
                answer("{\"description\": \"A reminder to renew the domain\", \"summary\": [\"Renew the domain by May.\"]}"),
                answer(TOPICS));

        DocumentAnalysis a = compiler().analyze(new CompileInput(null, "note", "Renew the domain by May.", List.of()));

        assertThat(a.title()).isEqualTo("note");
        assertThat(a.summary()).containsExactly("Renew the domain by May.");
        assertThat(server.requests()).hasSize(2);
    }
}
