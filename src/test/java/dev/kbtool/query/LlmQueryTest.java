package dev.kbtool.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.catalog.Catalog;
import dev.kbtool.llm.HttpLlmClient;
import dev.kbtool.llm.LlmProvider;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.llm.TextListener;
import dev.kbtool.testing.FakeLlmServer;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import dev.kbtool.testing.QaFixtures;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb query with an LLM, against a real HTTP server on loopback that speaks the protocol. */
class LlmQueryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUESTION = "Who built the Skerry Light?";

    @TempDir
    Path tmp;
    Kb kb;
    FakeLlmServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeLlmServer(LlmProvider.OPENAI);
        kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        assertThat(kb.run("init", "kb").code()).isZero();
        QaFixtures.write(tmp.resolve("in"));
        assertThat(kb.run("add", "in").code()).isZero();
        configure(server.baseUrl(), "fail");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private JsonNode ask() throws Exception {
        Kb.Result r = kb.run("--json", "query", QUESTION);
        assertThat(r.out().lines()).as(r.toString()).hasSize(1);
        return JSON.readTree(r.out());
    }

    /** The number the prompt gives the guide's page 2. */
    private static int numberOfPage2(FakeLlmServer.Request request) {
        String prompt = "";
        for (JsonNode m : request.messages()) {
            if (m.path("content").asText().startsWith("Passages:")) {
                prompt = m.path("content").asText();
            }
        }
        int at = prompt.indexOf("guide.pdf, page 2");
        String before = prompt.substring(0, at);
        return Integer.parseInt(before.substring(before.lastIndexOf('[') + 1, before.lastIndexOf(']')));
    }

    @Test
    void theAnswerIsWrittenFromThePassagesGivenAndCitesThem() throws Exception {
        server.always((exchange, request, protocol) -> FakeLlmServer.answer(
                "The engineer Thomas Marwick built it in 1843 [" + numberOfPage2(request) + "].", 900, 25)
                .send(exchange, request, protocol));

        JsonNode a = ask();

        assertThat(a.get("answered").asBoolean()).isTrue();
        assertThat(a.get("mode").asText()).isEqualTo("llm");
        assertThat(a.get("answer").asText()).isEqualTo("The engineer Thomas Marwick built it in 1843 [1].");
        assertThat(a.at("/citations/0/file").asText()).isEqualTo("guide.pdf");
        assertThat(a.at("/citations/0/page").asInt()).isEqualTo(2);
        assertThat(a.at("/citations/0/quote").asText()).contains("Thomas Marwick");
        assertThat(a.at("/tokens/input").asLong()).isEqualTo(900);
        assertThat(a.at("/tokens/output").asLong()).isEqualTo(25);
        assertThat(a.at("/tokens/calls").asInt()).isEqualTo(1);
        FakeLlmServer.Request sent = server.requests().get(0);
        assertThat(sent.body().path("messages").get(0).path("content").asText()).contains("using only the numbered passages",
                "NOT IN THE KNOWLEDGE BASE");
        assertThat(sent.lastMessage()).startsWith("Passages:\n\n[1] ").contains("Thomas Marwick")
                .endsWith("Question: " + QUESTION);
    }

    @Test
    void aCitationOfAPassageNotGivenIsDropped() throws Exception {
        server.always((exchange, request, protocol) -> FakeLlmServer.answer("Thomas Marwick built it ["
                + numberOfPage2(request) + "]. It cost a fortune [42].").send(exchange, request, protocol));

        JsonNode a = ask();

        assertThat(a.get("answered").asBoolean()).isTrue();
        assertThat(a.get("answer").asText()).isEqualTo("Thomas Marwick built it [1]. It cost a fortune.");
        assertThat(a.get("citations")).hasSize(1);
        assertThat(a.get("dropped_citations").get(0).asInt()).isEqualTo(42);
        Kb.Result human = kb.run("query", QUESTION);
        assertThat(human.err()).contains("kb: dropped citation [42]: the LLM cited passages it was not given");
    }

    @Test
    void anAnswerWithoutValidCitationsGetsOneRepairRequest() throws Exception {
        server.then(FakeLlmServer.answer("Thomas Marwick built it."));
        server.always((exchange, request, protocol) -> FakeLlmServer.answer("Thomas Marwick built it ["
                + numberOfPage2(request) + "].").send(exchange, request, protocol));

        JsonNode a = ask();

        assertThat(a.get("answered").asBoolean()).isTrue();
        assertThat(a.get("answer").asText()).isEqualTo("Thomas Marwick built it [1].");
        assertThat(a.at("/tokens/calls").asInt()).isEqualTo(2);
        FakeLlmServer.Request repair = server.requests().get(1);
        assertThat(repair.messages()).hasSize(4);
        assertThat(repair.lastMessage()).startsWith("Your answer cites none of the passages [1] to [");
    }

    @Test
    void aNonAnswerIsRejectedAndNeverShownAsGrounded() throws Exception {
        server.always(FakeLlmServer.answer("I'm sorry, but I can't help with that."));

        Kb.Result r = kb.run("--json", "query", QUESTION);

        assertThat(r.code()).isEqualTo(1);
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("answered").asBoolean()).isFalse();
        assertThat(a.get("status").asText()).isEqualTo("unsupported");
        assertThat(a.get("citations")).isEmpty();
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).lastMessage()).startsWith("Your reply does not answer the question.");
        assertThat(kb.run("query", QUESTION).out()).startsWith("Unsupported: the LLM's answer cites none of the passages");
    }

    @Test
    void theKnowledgeBaseDoesNotSayWhenThePassagesDoNotAnswer() throws Exception {
        server.always(FakeLlmServer.answer("NOT IN THE KNOWLEDGE BASE"));

        Kb.Result r = kb.run("--json", "query", QUESTION);

        assertThat(r.code()).isEqualTo(1);
        JsonNode a = JSON.readTree(r.out());
        assertThat(a.get("answered").asBoolean()).isFalse();
        assertThat(a.get("status").asText()).isEqualTo("not_found");
        assertThat(a.get("answer").asText()).isEqualTo("The knowledge base does not say.");
        assertThat(a.get("related")).isNotEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anUnreachableLlmExits69OrAnswersOfflineWhenConfiguredTo() throws Exception {
        configure("http://127.0.0.1:" + closedPort() + "/v1", "fail");
        Kb.Result failed = kb.run("query", QUESTION);
        assertThat(failed.code()).as(failed.toString()).isEqualTo(69);
        assertThat(failed.err()).startsWith("kb: cannot reach the LLM at http://127.0.0.1:");

        configure("http://127.0.0.1:" + closedPort() + "/v1", "offline");
        Kb.Result fellBack = kb.run("--json", "query", QUESTION);
        assertThat(fellBack.code()).as(fellBack.toString()).isZero();
        assertThat(fellBack.err()).contains("answering offline instead (llm.on_unavailable: offline)");
        JsonNode a = JSON.readTree(fellBack.out());
        assertThat(a.get("mode").asText()).isEqualTo("offline");
        assertThat(a.at("/citations/0/page").asInt()).isEqualTo(2);

        assertThat(kb.run("--json", "query", "--offline", QUESTION).code()).as("--offline asks no LLM").isZero();
    }

    @Test
    void aStreamedAnswerIsShownOnlyOnceItHasCitedAPassage() throws Exception {
        List<String> shown = new ArrayList<>();
        TextListener listener = new TextListener() {
            @Override
            public void text(String piece) {
                shown.add(piece);
            }

            @Override
            public void restart() {
                shown.add("<restart>");
            }
        };
        LlmSettings settings = LlmSettings.builder().baseUrl(server.baseUrl()).model("test-model").maxRetries(0).build();
        // The fake server streams an answer in three pieces: the citation comes in the second.
        String grounded = "Built on the highest rock of the island, the Skerry Light [2] was the work of the engineer"
                + " Thomas Marwick in 1843.";
        server.then(FakeLlmServer.answer(grounded), FakeLlmServer.answer("I cannot say."),
                FakeLlmServer.answer("I cannot say."));
        try (Catalog catalog = Catalog.open(tmp.resolve("kb/.kb/kb.db"))) {
            QueryService service = new QueryService(catalog, true, new HttpLlmClient(settings, Map.of(), d -> { }), settings,
                    n -> { });

            Answer answered = service.answer(QUESTION, new QueryService.Options(0, false), listener);
            assertThat(answered.answered()).isTrue();
            assertThat(shown).as("the first piece held back until the second brought the citation").hasSize(2);
            assertThat(shown.get(0)).startsWith("Built on the highest rock").endsWith("[2] was the work o");
            assertThat(String.join("", shown)).isEqualTo(grounded);

            shown.clear();
            Answer rejected = service.answer(QUESTION, new QueryService.Options(0, false), listener);
            assertThat(rejected.status()).isEqualTo(Answer.Status.UNSUPPORTED);
            assertThat(shown).as("nothing ungrounded reaches the screen").isEmpty();
        }
    }

    @Test
    void citationMarkersAreReadInTheirUsualForms() {
        CitedText t = CitedText.check("A [3]. B [1, 2]. C [2-3][9]. D [0].", 3);

        assertThat(t.cited()).containsExactly(3, 1, 2);
        assertThat(t.dropped()).containsExactly(9, 0);
        assertThat(t.renumbered()).isEqualTo("A [1]. B [2, 3]. C [3, 1]. D.");
        assertThat(CitedText.check("Not in the knowledge base.", 3).notInKb()).isTrue();
        assertThat(CitedText.check("", 3).nonAnswer()).isTrue();
        assertThat(CitedText.check("As an AI, I cannot browse.", 3).nonAnswer()).isTrue();
    }

    private void configure(String baseUrl, String onUnavailable) {
        Fixtures.write(tmp.resolve("kb/.kb/config.yaml"), """
                llm:
                  provider: openai
                  base_url: "%s"
                  model: test-model
                  api_key_env: KB_TEST_NO_KEY
                  max_retries: 0
                  connect_timeout: 2s
                  on_unavailable: %s
                """.formatted(baseUrl, onUnavailable));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
