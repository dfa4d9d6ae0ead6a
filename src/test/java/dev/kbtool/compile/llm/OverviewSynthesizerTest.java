package dev.kbtool.compile.llm;

import static dev.kbtool.testing.FakeLlmServer.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kbtool.compile.CompileException;
import dev.kbtool.compile.CompileUsage;
import dev.kbtool.llm.HttpLlmClient;
import dev.kbtool.llm.HttpLlmClientTest;
import dev.kbtool.llm.LlmProvider;
import dev.kbtool.llm.LlmSettings;
import dev.kbtool.llm.RecordingSleeper;
import dev.kbtool.testing.FakeLlmServer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OverviewSynthesizerTest {
    private FakeLlmServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private OverviewSynthesizer synthesizer() {
        LlmSettings s = HttpLlmClientTest.settings(server).mergeModel("merge-model").build();
        return new OverviewSynthesizer(new HttpLlmClient(s, HttpLlmClientTest.ENV, new RecordingSleeper()), s);
    }

    @Test
    void combinesContributionsWithTheMergeModel() throws Exception {
        server = new FakeLlmServer(LlmProvider.OPENAI).then(answer(
                "{\"overview\": \"Backpropagation computes gradients layer by layer. One paper reaches 98 percent on MNIST.\"}",
                50, 12));

        OverviewSynthesizer.Overview o = synthesizer().synthesize("Backpropagation",
                List.of("Paper A derives it step by step.", "Paper B reaches 98 percent on MNIST with it."));

        assertThat(o.text()).isEqualTo(
                "Backpropagation computes gradients layer by layer. One paper reaches 98 percent on MNIST.");
        assertThat(o.usage()).isEqualTo(new CompileUsage(1, 50, 12));
        FakeLlmServer.Request r = server.requests().get(0);
        assertThat(r.body().path("model").asText()).isEqualTo("merge-model");
        assertThat(r.lastMessage()).contains("<topic name=\"Backpropagation\">",
                "<contribution>Paper A derives it step by step.</contribution>",
                "<contribution>Paper B reaches 98 percent on MNIST with it.</contribution>");
    }

    @Test
    void anOverviewThatOnlyRestatesTheNameIsRejected() throws Exception {
        server = new FakeLlmServer(LlmProvider.ANTHROPIC).then(
                answer("{\"overview\": \"Backpropagation.\"}"),
                answer("{\"overview\": \"No change\"}"));

        assertThatThrownBy(() -> synthesizer().synthesize("Backpropagation", List.of("Paper A derives it.")))
                .isInstanceOf(CompileException.class)
                .hasMessageContaining("no overview for 'Backpropagation'");
        assertThat(server.requests().get(1).lastMessage()).contains("only restates the name");
    }
}
