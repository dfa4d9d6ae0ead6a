package dev.kbtool.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kbtool.llm.LlmProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback that speaks one provider's protocol: it refuses requests
 * that break the protocol (wrong path, missing required fields or headers) with a 400, and
 * answers with a script of replies, one per request, in that protocol's JSON or
 * server-sent-event format.
 */
public final class FakeLlmServer implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    /** One request as the server saw it. */
    public record Request(String path, Headers headers, JsonNode body) {
        public String header(String name) {
            return headers.getFirst(name);
        }

        boolean streaming() {
            return body.path("stream").asBoolean(false);
        }

        public JsonNode messages() {
            return body.path("messages");
        }

        /** The text of the last message, the one the model answers. */
        public String lastMessage() {
            JsonNode m = messages();
            return m.path(m.size() - 1).path("content").asText();
        }
    }

    /** How the server answers one request. */
    @FunctionalInterface
    public interface Reply {
        void send(HttpExchange exchange, Request request, LlmProvider protocol) throws Exception;
    }

    private final LlmProvider provider;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Queue<Reply> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile Reply always;

    public FakeLlmServer(LlmProvider provider) throws IOException {
        this.provider = provider;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public LlmProvider provider() {
        return provider;
    }

    public String baseUrl() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return provider == LlmProvider.OPENAI ? root + "/v1" : root;
    }

    /** Adds replies to the script, used in order, one per request. */
    public FakeLlmServer then(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply for every request once the script is used up. */
    public FakeLlmServer always(Reply reply) {
        always = reply;
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(requests);
    }

    /**
     * The most requests the server held at once, each counted from its arrival until its answer
     * starts: a client that keeps to a limit of n never has more than n waiting. (Counted to the
     * end of the exchange, a request the client already has its answer for, and has let go of,
     * could still be counted when the next one arrives.)
     */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        boolean answering = false;
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? MissingNode.getInstance() : JSON.readTree(raw);
            Request request = new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body);
            requests.add(request);
            String violation = protocolViolation(exchange.getRequestMethod(), request);
            Reply reply = violation != null ? error(400, violation) : script.poll();
            if (reply == null) {
                reply = always != null ? always : error(500, "the test script has no reply left");
            }
            while (reply instanceof Delayed d) {
                Thread.sleep(d.delay().toMillis());
                reply = d.reply();
            }
            answering = true;
            inFlight.decrementAndGet();
            reply.send(exchange, request, provider);
        } catch (Exception e) {
            // the client went away (a cancelled stream) or the test is over: nothing to answer
        } finally {
            if (!answering) {
                inFlight.decrementAndGet();
            }
        }
    }

    private String protocolViolation(String method, Request r) {
        if (!method.equals("POST")) {
            return "expected POST, got " + method;
        }
        if (!String.valueOf(r.header("Content-Type")).startsWith("application/json")) {
            return "expected Content-Type application/json";
        }
        if (!r.body().path("model").isTextual() || !r.messages().isArray() || r.messages().isEmpty()) {
            return "model and messages are required";
        }
        if (provider == LlmProvider.OPENAI) {
            if (!r.path().equals("/v1/chat/completions")) {
                return "no such endpoint " + r.path();
            }
            if (r.streaming() && !r.body().path("stream_options").path("include_usage").asBoolean()) {
                return "this test server expects stream_options.include_usage";
            }
            return null;
        }
        if (!r.path().equals("/v1/messages")) {
            return "no such endpoint " + r.path();
        }
        if (!"2023-06-01".equals(r.header("anthropic-version"))) {
            return "anthropic-version header required";
        }
        if (!r.body().path("max_tokens").isInt()) {
            return "max_tokens: Field required";
        }
        for (JsonNode m : r.messages()) {
            String role = m.path("role").asText();
            if (!role.equals("user") && !role.equals("assistant")) {
                return "messages: role must be user or assistant, got " + role;
            }
        }
        return r.messages().get(0).path("role").asText().equals("user") ? null : "first message must use the user role";
    }

    public static Reply answer(String text) {
        return answer(text, 11, 7);
    }

    /** A normal answer in the protocol's format: streamed if the request asked for a stream. */
    public static Reply answer(String text, long inputTokens, long outputTokens) {
        return (exchange, request, protocol) -> {
            if (request.streaming()) {
                Sse.start(exchange);
                Sse.send(exchange, Sse.answerEvents(protocol, text, inputTokens, outputTokens, false));
            } else {
                json(exchange, 200, Sse.wholeAnswer(protocol, text, inputTokens, outputTokens, false));
            }
        };
    }

    /** An answer the model stopped at its length limit. */
    public static Reply cutOff(String text) {
        return (exchange, request, protocol) -> {
            if (request.streaming()) {
                Sse.start(exchange);
                Sse.send(exchange, Sse.answerEvents(protocol, text, 5, 5, true));
            } else {
                json(exchange, 200, Sse.wholeAnswer(protocol, text, 5, 5, true));
            }
        };
    }

    /** A whole JSON answer even when a stream was asked for, as some servers do. */
    public static Reply wholeJson(String text) {
        return (exchange, request, protocol) -> json(exchange, 200, Sse.wholeAnswer(protocol, text, 3, 2, false));
    }

    /** An error status with the protocol's error body and optional headers (name, value, ...). */
    public static Reply error(int status, String message, String... headers) {
        return (exchange, request, protocol) -> {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                exchange.getResponseHeaders().add(headers[i], headers[i + 1]);
            }
            ObjectNode body = JSON.createObjectNode();
            if (protocol == LlmProvider.ANTHROPIC) {
                body.put("type", "error");
                body.putObject("error").put("type", "api_error").put("message", message);
            } else {
                body.putObject("error").put("message", message).put("type", "invalid_request_error");
            }
            json(exchange, status, body);
        };
    }

    /** Starts a stream, sends the beginning of an answer, then goes silent for {@code silence}. */
    public static Reply stall(String beginning, Duration silence) {
        return (exchange, request, protocol) -> {
            Sse.start(exchange);
            List<String> events = Sse.answerEvents(protocol, beginning, 1, 1, false);
            Sse.send(exchange, events.subList(0, 2));
            Thread.sleep(silence.toMillis());
        };
    }

    /** Starts a stream, sends the beginning of an answer and closes the connection. */
    public static Reply dropMidStream(String beginning) {
        return (exchange, request, protocol) -> {
            Sse.start(exchange);
            Sse.send(exchange, Sse.answerEvents(protocol, beginning, 1, 1, false).subList(0, 2));
        };
    }

    /** Starts a stream and reports an error inside it, as overloaded servers do. */
    public static Reply errorInStream() {
        return (exchange, request, protocol) -> {
            Sse.start(exchange);
            Sse.send(exchange, List.of(protocol == LlmProvider.ANTHROPIC
                    ? "event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}\n\n"
                    : "data: {\"error\":{\"message\":\"The server had an error while processing your request\"}}\n\n"));
        };
    }

    /** Waits before replying (before any header is sent). */
    public static Reply after(Duration delay, Reply reply) {
        return new Delayed(delay, reply);
    }

    /** A reply sent after a delay, during which the request counts as in flight. */
    private record Delayed(Duration delay, Reply reply) implements Reply {
        @Override
        public void send(HttpExchange exchange, Request request, LlmProvider protocol) throws Exception {
            Thread.sleep(delay.toMillis());
            reply.send(exchange, request, protocol);
        }
    }

    public static void json(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The streaming side of the protocols. */
    static final class Sse {
        private Sse() {
        }

        static void start(HttpExchange exchange) throws IOException {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
        }

        /**
         * Writes the events, each split in two writes at an awkward byte (inside a multi-byte
         * character where there is one), flushing after every write, so the client sees
         * events and characters cut across reads.
         */
        static void send(HttpExchange exchange, List<String> events) throws IOException, InterruptedException {
            OutputStream out = exchange.getResponseBody();
            for (String event : events) {
                byte[] bytes = event.getBytes(StandardCharsets.UTF_8);
                int cut = bytes.length / 2;
                for (int i = 0; i < bytes.length; i++) {
                    if ((bytes[i] & 0xC0) == 0x80) {
                        cut = i;
                        break;
                    }
                }
                out.write(bytes, 0, cut);
                out.flush();
                Thread.sleep(1);
                out.write(bytes, cut, bytes.length - cut);
                out.flush();
            }
        }

        /** The text in three pieces, as the protocol streams it, ending as a complete answer. */
        static List<String> answerEvents(LlmProvider protocol, String text, long in, long out, boolean cutOff) {
            int third = Math.max(1, text.length() / 3);
            List<String> pieces = new ArrayList<>();
            for (int i = 0; i < text.length(); i += third) {
                pieces.add(text.substring(i, Math.min(text.length(), i + third)));
            }
            List<String> events = new ArrayList<>();
            if (protocol == LlmProvider.OPENAI) {
                events.add(data("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[{\"index\":0,"
                        + "\"delta\":{\"role\":\"assistant\",\"content\":\"\"},\"finish_reason\":null}],\"usage\":null}"));
                for (String p : pieces) {
                    ObjectNode chunk = JSON.createObjectNode();
                    chunk.putArray("choices").addObject().put("index", 0).putNull("finish_reason")
                            .putObject("delta").put("content", p);
                    events.add(data(chunk.toString()));
                }
                events.add(data("{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\""
                        + (cutOff ? "length" : "stop") + "\"}],\"usage\":null}"));
                events.add(data("{\"choices\":[],\"usage\":{\"prompt_tokens\":" + in + ",\"completion_tokens\":" + out
                        + ",\"total_tokens\":" + (in + out) + "}}"));
                events.add(data("[DONE]"));
                return events;
            }
            events.add(event("message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\","
                    + "\"role\":\"assistant\",\"content\":[],\"model\":\"m\",\"stop_reason\":null,"
                    + "\"usage\":{\"input_tokens\":" + in + ",\"output_tokens\":1}}}"));
            events.add(event("content_block_start",
                    "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
            events.add(event("ping", "{\"type\":\"ping\"}"));
            for (String p : pieces) {
                ObjectNode delta = JSON.createObjectNode().put("type", "content_block_delta").put("index", 0);
                delta.putObject("delta").put("type", "text_delta").put("text", p);
                events.add(event("content_block_delta", delta.toString()));
            }
            events.add(event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
            events.add(event("message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\""
                    + (cutOff ? "max_tokens" : "end_turn") + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":"
                    + out + "}}"));
            events.add(event("message_stop", "{\"type\":\"message_stop\"}"));
            return events;
        }

        static JsonNode wholeAnswer(LlmProvider protocol, String text, long in, long out, boolean cutOff) {
            ObjectNode body = JSON.createObjectNode();
            if (protocol == LlmProvider.OPENAI) {
                body.put("id", "chatcmpl-1").put("object", "chat.completion");
                body.putArray("choices").addObject().put("index", 0).put("finish_reason", cutOff ? "length" : "stop")
                        .putObject("message").put("role", "assistant").put("content", text);
                body.putObject("usage").put("prompt_tokens", in).put("completion_tokens", out)
                        .put("total_tokens", in + out);
                return body;
            }
            body.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", "m");
            body.putArray("content").addObject().put("type", "text").put("text", text);
            body.put("stop_reason", cutOff ? "max_tokens" : "end_turn");
            body.putObject("usage").put("input_tokens", in).put("output_tokens", out);
            return body;
        }

        private static String data(String json) {
            return "data: " + json + "\n\n";
        }

        private static String event(String name, String json) {
            return "event: " + name + "\ndata: " + json + "\n\n";
        }
    }
}
