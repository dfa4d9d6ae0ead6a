package dev.kbtool.compile.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kbtool.llm.LlmProvider;
import dev.kbtool.testing.FakeLlmServer;
import dev.kbtool.testing.Fixtures;
import dev.kbtool.testing.Kb;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kb add with compiler: llm, end to end against a real HTTP server on loopback speaking the protocol. */
class LlmAddTest {
    private static final String SUMMARY = """
            {"description": "How graph colouring schedules exams without clashes.",
             "summary": ["The note explains graph colouring.", "Exams become vertices and clashes become edges.",
                         "A greedy colouring gives a timetable."]}""";
    private static final String TOPICS = """
            {"concepts": [{"name": "Graph colouring", "aliases": ["graph coloring"],
                           "contribution": "The note uses graph colouring to build an exam timetable."}],
             "entities": [{"name": "Dénes Kőnig", "type": "person", "aliases": [],
                           "contribution": "The note credits Kőnig with the first graph theory textbook."}]}""";

    private static final String OVERVIEW = """
            {"overview": "Graph colouring assigns colours so that neighbours differ; the notes apply it to timetables."}""";

    @TempDir
    Path tmp;
    Kb kb;
    FakeLlmServer server;

    @BeforeEach
    void setUp() throws Exception {
        server = new FakeLlmServer(LlmProvider.OPENAI);
        server.always((exchange, request, protocol) -> {
            String body = request.body().toString();
            String reply = body.contains("Task: list what the document is substantially about") ? TOPICS
                    : body.contains("Task: write an overview paragraph") ? OVERVIEW : SUMMARY;
            FakeLlmServer.answer(reply, 120, 40).send(exchange, request, protocol);
        });
        kb = new Kb(tmp).env("KB_DIR", tmp.resolve("kb").toString());
        kb.run("init", "kb");
        Fixtures.write(tmp.resolve("in/exams.md"), "# Exams\n\nScheduling exams is a colouring problem.\n");
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    @Test
    void pagesComeFromTheLlmAndJsonReportsCallsAndTokens() throws Exception {
        configure(server.baseUrl(), "fail");

        Kb.Result r = kb.run("--json", "add", "in");

        assertThat(r.code()).as(r.toString()).isZero();
        JsonNode line = new ObjectMapper().readTree(r.out().lines().findFirst().orElseThrow());
        assertThat(line.at("/llm/calls").asInt()).isEqualTo(2);
        assertThat(line.at("/llm/input_tokens").asLong()).isEqualTo(240);
        assertThat(line.at("/llm/output_tokens").asLong()).isEqualTo(80);
        String summary = Fixtures.read(tmp.resolve("kb/wiki/summaries/exams.md"));
        assertThat(summary).contains("description: \"How graph colouring schedules exams without clashes.\"",
                "Exams become vertices and clashes become edges.", "[[concepts/graph-colouring|Graph colouring]]",
                "[[entities/dénes-kőnig|Dénes Kőnig]] (person)");
        assertThat(Fixtures.read(tmp.resolve("kb/wiki/concepts/graph-colouring.md")))
                .contains("aliases: [\"graph coloring\"]", "The note uses graph colouring to build an exam timetable.");
        assertThat(server.requests()).hasSize(2);
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void recompileResynthesisesTheOverviewsOfTouchedPages() {
        configure(server.baseUrl(), "fail");
        assertThat(kb.run("add", "in").code()).isZero();

        Kb.Result r = kb.run("recompile", "--all", "--yes");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("recompiled 1, failed 0, 2 overview(s) re-synthesised");
        String page = Fixtures.read(tmp.resolve("kb/wiki/concepts/graph-colouring.md"));
        assertThat(page).contains("# Graph colouring\n\nGraph colouring assigns colours so that neighbours differ",
                "description: \"Graph colouring assigns colours so that neighbours differ",
                "The note uses graph colouring to build an exam timetable.");
        assertThat(kb.run("doctor").code()).isZero();
    }

    @Test
    void anUnreachableLlmIsReportedOnceAndExits69() throws Exception {
        configure("http://127.0.0.1:" + closedPort() + "/v1", "fail");
        Fixtures.write(tmp.resolve("in/second.md"), "# Second\n\nAnother note.\n");

        Kb.Result r = kb.run("add", "in");

        assertThat(r.code()).as(r.toString()).isEqualTo(69);
        List<String> llmLines = r.err().lines().filter(l -> l.contains("127.0.0.1")).toList();
        assertThat(llmLines).hasSize(1);
        assertThat(llmLines.get(0)).startsWith("kb: ");
    }

    @Test
    void withOnUnavailableOfflineKbSaysSoOnceAndCompilesOffline() throws Exception {
        configure("http://127.0.0.1:" + closedPort() + "/v1", "offline");
        Fixtures.write(tmp.resolve("in/second.md"), "# Second\n\nAnother note.\n");

        Kb.Result r = kb.run("add", "in");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err().lines().filter(l -> l.contains("offline compiler"))).hasSize(1);
        assertThat(Fixtures.read(tmp.resolve("kb/wiki/summaries/exams.md"))).contains("colouring problem");
    }

    private void configure(String baseUrl, String onUnavailable) {
        Fixtures.write(tmp.resolve("kb/.kb/config.yaml"), """
                compiler: llm
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
