package dev.kbtool.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Anthropic Messages ({@code POST {base}/v1/messages}): key in {@code x-api-key}, a pinned
 * {@code anthropic-version}, the system prompt as a top-level field, {@code max_tokens}
 * required. There is no JSON mode; the prompt asks for JSON and the reply is validated.
 */
final class AnthropicMessagesProtocol implements ChatProtocol {
    static final String VERSION = "2023-06-01";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public URI endpoint(String baseUrl) {
        return URI.create(baseUrl + "/v1/messages");
    }

    @Override
    public void addHeaders(HttpRequest.Builder builder, String apiKey) {
        if (apiKey != null) {
            builder.header("x-api-key", apiKey);
        }
        builder.header("anthropic-version", VERSION);
    }

    @Override
    public ObjectNode body(ChatRequest request, LlmSettings settings, boolean stream) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", request.model());
        body.put("max_tokens", settings.maxTokens());
        if (request.system() != null && !request.system().isBlank()) {
            body.put("system", request.system());
        }
        ArrayNode messages = body.putArray("messages");
        for (ChatMessage m : request.messages()) {
            messages.addObject().put("role", m.role().wireName()).put("content", m.content());
        }
        if (settings.temperature() != null) {
            // Anthropic accepts 0 to 1, OpenAI 0 to 2; one setting serves both
            body.put("temperature", Math.min(1.0, settings.temperature()));
        }
        if (stream) {
            body.put("stream", true);
        }
        return body;
    }

    @Override
    public ChatResponse parse(JsonNode body) throws CallFailure {
        JsonNode content = body.path("content");
        if (!content.isArray()) {
            throw CallFailure.retryable("the answer had no content array");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText())) {
                text.append(block.path("text").asText());
            }
        }
        JsonNode usage = body.path("usage");
        return new ChatResponse(text.toString(), usage.path("input_tokens").asLong(0),
                usage.path("output_tokens").asLong(0), "max_tokens".equals(body.path("stop_reason").asText()));
    }

    @Override
    public StreamState newStream() {
        return new Stream();
    }

    @Override
    public String errorMessage(JsonNode body) {
        JsonNode message = body.path("error").path("message");
        return message.isTextual() ? message.asText() : null;
    }

    /**
     * {@code message_start} (input tokens), {@code content_block_delta} text deltas,
     * {@code message_delta} (stop reason, cumulative output tokens), {@code message_stop};
     * an {@code error} event (such as {@code overloaded_error}) can arrive at any point.
     */
    private static final class Stream extends StreamState {
        @Override
        boolean accept(SseEvent event) throws CallFailure {
            JsonNode data = json(event.data());
            String type = data.path("type").asText(event.event());
            switch (type) {
                case "message_start" -> {
                    JsonNode usage = data.path("message").path("usage");
                    inputTokens = usage.path("input_tokens").asLong(0);
                    outputTokens = usage.path("output_tokens").asLong(0);
                }
                case "content_block_delta" -> {
                    JsonNode delta = data.path("delta");
                    if ("text_delta".equals(delta.path("type").asText())) {
                        text.append(delta.path("text").asText());
                    }
                }
                case "message_delta" -> {
                    JsonNode usage = data.path("usage");
                    outputTokens = usage.path("output_tokens").asLong(outputTokens);
                    inputTokens = usage.path("input_tokens").asLong(inputTokens);
                    truncated |= "max_tokens".equals(data.path("delta").path("stop_reason").asText());
                }
                case "message_stop" -> {
                    return true;
                }
                case "error" -> throw CallFailure.retryable("the server reported an error in the stream: "
                        + data.path("error").path("type").asText("error") + " "
                        + data.path("error").path("message").asText(""));
                default -> {
                    // ping, content_block_start/stop and future event types carry nothing we need
                }
            }
            return false;
        }
    }
}
