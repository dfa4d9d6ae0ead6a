package dev.kbtool.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;

/** The wire format of one provider: where to send, how to authenticate, how to read answers. */
interface ChatProtocol {
    URI endpoint(String baseUrl);

    /** Adds authentication and version headers; {@code apiKey} is null when none is configured. */
    void addHeaders(HttpRequest.Builder builder, String apiKey);

    ObjectNode body(ChatRequest request, LlmSettings settings, boolean stream);

    /** Reads a whole (non-streamed) answer. */
    ChatResponse parse(JsonNode body) throws CallFailure;

    StreamState newStream();

    /** The human-readable message of an error body, or null when it has none. */
    String errorMessage(JsonNode body);

    /**
     * Gives the protocol a chance to drop an optional request feature the server refused with
     * a 400 (for example {@code response_format} on servers that do not support it).
     *
     * @return true when the request changed and is worth sending again
     */
    default boolean adapt(String errorMessage) {
        return false;
    }
}
