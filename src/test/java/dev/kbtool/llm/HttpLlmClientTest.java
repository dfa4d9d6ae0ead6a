package dev.kbtool.llm;

import static dev.kbtool.testing.FakeLlmServer.after;
import static dev.kbtool.testing.FakeLlmServer.answer;
import static dev.kbtool.testing.FakeLlmServer.dropMidStream;
import static dev.kbtool.testing.FakeLlmServer.error;
import static dev.kbtool.testing.FakeLlmServer.errorInStream;
import static dev.kbtool.testing.FakeLlmServer.stall;
import static dev.kbtool.testing.FakeLlmServer.wholeJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kbtool.failure.ExitCode;
import dev.kbtool.testing.FakeLlmServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

public class HttpLlmClientTest {
    public static final Map<String, String> ENV = Map.of("KB_TEST_KEY", "sk-test");
    static final ChatRequest HELLO = new ChatRequest("test-model", "Be brief.", List.of(ChatMessage.user("Hi")), true);

    private final RecordingSleeper sleeper = new RecordingSleeper();
    private FakeLlmServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    public static LlmSettings.Builder settings(FakeLlmServer server) {
        return LlmSettings.builder()
                .provider(server.provider())
                .baseUrl(server.baseUrl())
                .model("test-model")
                .apiKeyEnv("KB_TEST_KEY")
                .connectTimeout(Duration.ofSeconds(2))
                .requestTimeout(Duration.ofSeconds(5))
                // Under the stalls the tests script (10 s) and the calls' deadlines (5 s), yet long
                // enough that a busy CI machine's pause in a stream is not taken for a stall.
                .idleTimeout(Duration.ofSeconds(2))
                .documentTimeout(Duration.ofSeconds(10))
                .retryBaseDelay(Duration.ofMillis(100))
                .retryMaxDelay(Duration.ofSeconds(2))
                .maxRetries(3);
    }

    private HttpLlmClient client(LlmSettings.Builder settings) {
        return new HttpLlmClient(settings.build(), ENV, sleeper);
    }

    private static Deadline seconds(int s) {
        return Deadline.after(Duration.ofSeconds(s));
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void sendsEachProtocolsRequestFormatAndReadsAWholeAnswer(LlmProvider provider) throws Exception {
        server = new FakeLlmServer(provider).then(answer("{\"ok\": true}", 21, 4));

        ChatResponse r = client(settings(server).stream(false).maxTokens(321).temperature(0.3))
                .complete(HELLO, seconds(5));

        assertThat(r).isEqualTo(new ChatResponse("{\"ok\": true}", 21, 4, false));
        FakeLlmServer.Request req = server.requests().get(0);
        JsonNode body = req.body();
        assertThat(body.path("model").asText()).isEqualTo("test-model");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.3);
        assertThat(body.has("stream")).isFalse();
        if (provider == LlmProvider.OPENAI) {
            assertThat(req.path()).isEqualTo("/v1/chat/completions");
            assertThat(req.header("Authorization")).isEqualTo("Bearer sk-test");
            assertThat(body.path("max_tokens").asInt()).isEqualTo(321);
            assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
            assertThat(body.path("messages").toString())
                    .isEqualTo("[{\"role\":\"system\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"content\":\"Hi\"}]");
        } else {
            assertThat(req.path()).isEqualTo("/v1/messages");
            assertThat(req.header("x-api-key")).isEqualTo("sk-test");
            assertThat(req.header("Authorization")).isNull();
            assertThat(req.header("anthropic-version")).isEqualTo("2023-06-01");
            assertThat(body.path("max_tokens").asInt()).isEqualTo(321);
            assertThat(body.path("system").asText()).isEqualTo("Be brief.");
            assertThat(body.path("messages").toString()).isEqualTo("[{\"role\":\"user\",\"content\":\"Hi\"}]");
            assertThat(body.has("response_format")).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void assemblesAStreamedAnswerSplitAcrossReadsWithItsUsage(LlmProvider provider) throws Exception {
        String text = "{\"summary\": \"Ärger über Straßen – 東京 and naïve café\"}";
        server = new FakeLlmServer(provider).then(answer(text, 42, 17));

        ChatResponse r = client(settings(server)).complete(HELLO, seconds(5));

        assertThat(r).isEqualTo(new ChatResponse(text, 42, 17, false));
        JsonNode body = server.requests().get(0).body();
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(server.requests().get(0).header("Accept")).isEqualTo("text/event-stream");
        if (provider == LlmProvider.OPENAI) {
            assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void reportsAnAnswerCutOffAtTheLengthLimit(LlmProvider provider) throws Exception {
        server = new FakeLlmServer(provider).then(FakeLlmServer.cutOff("{\"summary\": [\"One"));

        ChatResponse r = client(settings(server)).complete(HELLO, seconds(5));

        assertThat(r.truncated()).isTrue();
        assertThat(r.text()).isEqualTo("{\"summary\": [\"One");
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void acceptsAWholeJsonAnswerToAStreamRequest(LlmProvider provider) throws Exception {
        server = new FakeLlmServer(provider).then(wholeJson("plain"));

        assertThat(client(settings(server)).complete(HELLO, seconds(5)).text()).isEqualTo("plain");
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void waitsAsLongAsRetryAfterSaysOn429ThenSucceeds(LlmProvider provider) throws Exception {
        server = new FakeLlmServer(provider).then(error(429, "Rate limit reached", "Retry-After", "7"), answer("fine"));

        ChatResponse r = client(settings(server)).complete(HELLO, seconds(30));

        assertThat(r.text()).isEqualTo("fine");
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void capsARetryAfterLongerThanAllowed() throws Exception {
        server = new FakeLlmServer(LlmProvider.OPENAI)
                .then(error(503, "maintenance", "Retry-After", "3600"), answer("back"));

        client(settings(server).maxRetryAfter(Duration.ofSeconds(20))).complete(HELLO, Deadline.after(Duration.ofMinutes(2)));

        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void aRetryAfterBeyondTheDeadlineFailsAtOnceInsteadOfWaiting() {
        server = newServer(LlmProvider.OPENAI).then(error(429, "slow down", "Retry-After", "30"));

        assertThatThrownBy(() -> client(settings(server)).complete(HELLO, seconds(5)))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("time limit of 5s")
                .hasMessageContaining("429");
        assertThat(sleeper.waits).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void retriesServerErrorsAndOverloadWithJitteredBackOff(LlmProvider provider) throws Exception {
        server = new FakeLlmServer(provider).then(error(500, "oops"), error(529, "Overloaded"), answer("made it"));

        ChatResponse r = client(settings(server)).complete(HELLO, seconds(5));

        assertThat(r.text()).isEqualTo("made it");
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeper.waits).hasSize(2);
        assertThat(sleeper.waits.get(0)).isBetween(Duration.ZERO, Duration.ofMillis(100));
        assertThat(sleeper.waits.get(1)).isBetween(Duration.ZERO, Duration.ofMillis(200));
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void givesUpAsUnavailableWhenRetriesRunOut(LlmProvider provider) {
        server = newServer(provider).always(error(503, "upstream down"));
        HttpLlmClient client = client(settings(server).maxRetries(2));

        assertThatThrownBy(() -> client.complete(HELLO, seconds(5)))
                .isInstanceOfSatisfying(LlmUnavailableException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.UNAVAILABLE);
                    assertThat(e.getMessage()).isEqualTo("the LLM at " + server.baseUrl() + " kept failing after 3 "
                            + "attempts: HTTP 503: upstream down; try again later, or set llm.on_unavailable: offline");
                });
        assertThat(server.requests()).hasSize(3);
        assertThat(sleeper.waits).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void aStalledStreamIsDroppedAfterTheIdleTimeoutAndRetried(LlmProvider provider) throws Exception {
        // The stall outlasts the call's deadline: only the idle timeout can get to the second try.
        server = new FakeLlmServer(provider).then(stall("{\"part", Duration.ofSeconds(10)), answer("second try"));

        ChatResponse r = client(settings(server)).complete(HELLO, seconds(5));

        assertThat(r.text()).isEqualTo("second try");
        assertThat(server.requests()).hasSize(2);
        assertThat(sleeper.waits).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void aStreamThatEndsEarlyOrReportsAnErrorIsRetried(LlmProvider provider) throws Exception {
        server = new FakeLlmServer(provider).then(dropMidStream("{\"half"), errorInStream(), answer("whole"));

        assertThat(client(settings(server)).complete(HELLO, seconds(5)).text()).isEqualTo("whole");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aCallOverTheRequestTimeoutIsRetried() throws Exception {
        // Generous on purpose: on a loaded machine even the prompt answer takes a while to arrive.
        server = newServer(LlmProvider.OPENAI).then(after(Duration.ofSeconds(8), answer("late")), answer("on time"));

        ChatResponse r = client(settings(server).requestTimeout(Duration.ofMillis(2000))).complete(HELLO, seconds(20));

        assertThat(r.text()).isEqualTo("on time");
        assertThat(server.requests()).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void aRejectedKeyIsUnavailableAtOnceAndForEveryLaterCall(LlmProvider provider) {
        server = newServer(provider).then(error(401, "invalid x-api-key"), answer("never sent"));
        HttpLlmClient client = client(settings(server));

        assertThatThrownBy(() -> client.complete(HELLO, seconds(5)))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageStartingWith("LLM at " + server.baseUrl() + " rejected the API key from $KB_TEST_KEY (401)");
        assertThatThrownBy(() -> client.complete(HELLO, seconds(5)))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("rejected the API key");
        assertThat(server.requests()).hasSize(1);
        assertThat(sleeper.waits).isEmpty();
    }

    @Test
    void aMissingKeyIsNamedAndNoAuthorizationIsSent() {
        server = newServer(LlmProvider.OPENAI).then(error(401, "no key"));
        HttpLlmClient client = new HttpLlmClient(settings(server).build(), Map.of(), sleeper);

        assertThatThrownBy(() -> client.complete(HELLO, seconds(5)))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("needs an API key, but $KB_TEST_KEY is not set (401)");
        assertThat(server.requests().get(0).header("Authorization")).isNull();
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void anUnknownModelOrEndpointIsUnavailableWithoutRetry(LlmProvider provider) {
        server = newServer(provider).then(error(404, "model 'test-model' not found"));

        assertThatThrownBy(() -> client(settings(server)).complete(HELLO, seconds(5)))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("(404: model 'test-model' not found)")
                .hasMessageContaining("llm.base_url");
        assertThat(server.requests()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void aRefusedRequestFailsThatCallOnly(LlmProvider provider) throws Exception {
        server = newServer(provider).then(error(400, "prompt is too long: 250000 tokens"), answer("next works"));
        HttpLlmClient client = client(settings(server));

        assertThatThrownBy(() -> client.complete(HELLO, seconds(5)))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("refused the request (400: prompt is too long: 250000 tokens)");
        assertThat(sleeper.waits).isEmpty();
        assertThat(client.complete(HELLO, seconds(5)).text()).isEqualTo("next works");
    }

    @Test
    void dropsResponseFormatWhenAServerRefusesIt() throws Exception {
        server = newServer(LlmProvider.OPENAI)
                .then(error(400, "'response_format.type' must be 'json_schema' or 'text'"), answer("{}"), answer("{}"));
        HttpLlmClient client = client(settings(server));

        client.complete(HELLO, seconds(5));
        client.complete(HELLO, seconds(5));

        List<FakeLlmServer.Request> requests = server.requests();
        assertThat(requests.get(0).body().has("response_format")).isTrue();
        assertThat(requests.get(1).body().has("response_format")).isFalse();
        assertThat(requests.get(2).body().has("response_format")).isFalse();
        assertThat(sleeper.waits).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void aClosedPortIsUnavailableAfterTheRetries(LlmProvider provider) throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        LlmSettings settings = LlmSettings.builder().provider(provider).baseUrl("http://127.0.0.1:" + port)
                .model("m").apiKeyEnv("KB_TEST_KEY").maxRetries(2).build();
        HttpLlmClient client = new HttpLlmClient(settings, ENV, sleeper);

        assertThatThrownBy(() -> client.complete(HELLO, seconds(5)))
                .isInstanceOf(LlmUnavailableException.class)
                .hasMessageStartingWith("cannot reach the LLM at http://127.0.0.1:" + port
                        + " after 3 attempts: cannot connect (");
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void concurrentCallsStayWithinTheSharedLimit() throws Exception {
        server = newServer(LlmProvider.OPENAI).always(after(Duration.ofMillis(150), answer("ok")));
        HttpLlmClient client = client(settings(server).maxConcurrency(2));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ChatResponse>> results = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                results.add(pool.submit(() -> client.complete(HELLO, seconds(10))));
            }
            for (Future<ChatResponse> f : results) {
                assertThat(f.get().text()).isEqualTo("ok");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(server.requests()).hasSize(6);
        assertThat(server.maxInFlight()).isEqualTo(2);
    }

    @Test
    void waitingForAPermitCountsAgainstTheDeadline() throws Exception {
        server = newServer(LlmProvider.OPENAI).then(after(Duration.ofMillis(1500), answer("slow")));
        HttpLlmClient client = client(settings(server).maxConcurrency(1));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ChatResponse> slow = pool.submit(() -> client.complete(HELLO, seconds(10)));
            while (server.requests().isEmpty()) {
                Thread.sleep(5);
            }

            assertThatThrownBy(() -> client.complete(HELLO, Deadline.after(Duration.ofMillis(200))))
                    .isInstanceOf(LlmException.class)
                    .hasMessageContaining("time limit of 200ms");
            assertThat(slow.isDone()).as("the call holding the only permit is still running").isFalse();
            assertThat(server.requests()).hasSize(1);
            assertThat(slow.get().text()).isEqualTo("slow");
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(LlmProvider.class)
    void theDocumentDeadlineEndsACallThatTakesTooLong(LlmProvider provider) {
        // Without the deadline the call would succeed, late.
        server = newServer(provider).then(after(Duration.ofSeconds(5), answer("too late")));

        assertThatThrownBy(() -> client(settings(server)).complete(HELLO, Deadline.after(Duration.ofMillis(300))))
                .isInstanceOf(LlmException.class)
                .isNotInstanceOf(LlmUnavailableException.class)
                .hasMessageContaining("time limit of 300ms (llm.document_timeout)");
    }

    @Test
    void anInterruptStopsTheCall() throws Exception {
        server = newServer(LlmProvider.OPENAI).then(stall("{", Duration.ofSeconds(10)));
        HttpLlmClient client = client(settings(server).idleTimeout(Duration.ofSeconds(30)));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ChatResponse> call = pool.submit(() -> client.complete(HELLO, seconds(20)));
            while (server.requests().isEmpty()) {
                Thread.sleep(5);
            }
            Thread.sleep(100);
            call.cancel(true);
            pool.shutdown();

            // The stall, the idle timeout and the deadline are all far longer: only the interrupt ends it.
            assertThat(pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }

    private static FakeLlmServer newServer(LlmProvider provider) {
        try {
            return new FakeLlmServer(provider);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
