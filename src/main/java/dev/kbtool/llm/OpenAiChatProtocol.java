package dev.kbtool.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Chat Completions ({@code POST {base}/chat/completions}), as spoken by OpenAI, Ollama,
 * LM Studio, vLLM and OpenRouter. Servers differ in which optional fields they accept, so
 * the fields some refuse ({@code response_format}, {@code temperature}, and
 * {@code max_tokens} on OpenAI's reasoning models) are dropped or renamed after the first
 * 400 that names them, for the rest of the run.
 */
final class OpenAiChatProtocol implements ChatProtocol {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AtomicBoolean jsonMode;
    private final AtomicBoolean sendTemperature = new AtomicBoolean(true);
    private final AtomicBoolean maxCompletionTokens = new AtomicBoolean(false);

    OpenAiChatProtocol(boolean jsonMode) {
        this.jsonMode = new AtomicBoolean(jsonMode);
    }

    @Override
    public URI endpoint(String baseUrl) {
        return URI.create(baseUrl + "/chat/completions");
    }

    @Override
    public void addHeaders(HttpRequest.Builder builder, String apiKey) {
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
    }

    @Override
    public ObjectNode body(ChatRequest request, LlmSettings settings, boolean stream) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", request.model());
        ArrayNode messages = body.putArray("messages");
        if (request.system() != null && !request.system().isBlank()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role().wireName()).put("content", m.content());
        }
        body.put(maxCompletionTokens.get() ? "max_completion_tokens" : "max_tokens", settings.maxTokens());
        if (settings.temperature() != null && sendTemperature.get()) {
            body.put("temperature", settings.temperature());
        }
        if (request.json() && jsonMode.get()) {
            body.putObject("response_format").put("type", "json_object");
        }
        if (stream) {
            body.put("stream", true);
            body.putObject("stream_options").put("include_usage", true);
        }
        return body;
    }

    @Override
    public ChatResponse parse(JsonNode body) throws CallFailure {
        JsonNode choice = body.path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isTextual()) {
            throw CallFailure.retryable("the answer had no choices[0].message.content");
        }
        JsonNode usage = body.path("usage");
        return new ChatResponse(content.asText(), usage.path("prompt_tokens").asLong(0),
                usage.path("completion_tokens").asLong(0), "length".equals(choice.path("finish_reason").asText()));
    }

    @Override
    public StreamState newStream() {
        return new Stream();
    }

    @Override
    public String errorMessage(JsonNode body) {
        JsonNode error = body.path("error");
        if (error.isTextual()) {
            return error.asText();
        }
        JsonNode message = error.path("message");
        return message.isTextual() ? message.asText() : null;
    }

    @Override
    public boolean adapt(String errorMessage) {
        String m = errorMessage == null ? "" : errorMessage.toLowerCase(Locale.ROOT);
        if (m.contains("response_format") && jsonMode.compareAndSet(true, false)) {
            return true;
        }
        if (m.contains("max_completion_tokens") && maxCompletionTokens.compareAndSet(false, true)) {
            return true;
        }
        return m.contains("temperature") && sendTemperature.compareAndSet(true, false);
    }

    /** {@code data: {chunk}} events, content in {@code choices[0].delta.content}, usage in a last chunk, then {@code [DONE]}. */
    private final class Stream extends StreamState {
        @Override
        boolean accept(SseEvent event) throws CallFailure {
            String data = event.data().strip();
            if (data.equals("[DONE]")) {
                return true;
            }
            JsonNode chunk = json(data);
            if (chunk.has("error")) {
                String message = errorMessage(chunk);
                throw CallFailure.retryable("the server reported an error in the stream: " + message);
            }
            JsonNode choice = chunk.path("choices").path(0);
            JsonNode content = choice.path("delta").path("content");
            if (content.isTextual()) {
                text.append(content.asText());
            }
            if ("length".equals(choice.path("finish_reason").asText())) {
                truncated = true;
            }
            JsonNode usage = chunk.path("usage");
            if (usage.isObject()) {
                inputTokens = usage.path("prompt_tokens").asLong(inputTokens);
                outputTokens = usage.path("completion_tokens").asLong(outputTokens);
            }
            return false;
        }
    }
}
