package dev.kbtool.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Collects one streamed answer from its events; one instance per attempt. Each protocol reads
 * its own events; what they add up to (text, token counts, whether the answer was cut off) is
 * the same for all.
 */
abstract class StreamState {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    protected final StringBuilder text = new StringBuilder();
    protected long inputTokens;
    protected long outputTokens;
    protected boolean truncated;
    private int told;

    /**
     * Takes the next event.
     *
     * @return true once the answer is complete
     * @throws CallFailure when the server reports an error inside the stream
     */
    abstract boolean accept(SseEvent event) throws CallFailure;

    /** The answer so far; complete once {@link #accept} returned true. */
    final ChatResponse response() {
        return new ChatResponse(text.toString(), inputTokens, outputTokens, truncated);
    }

    /** The text added since the last call, for showing the answer as it arrives. */
    final String takeNew() {
        String piece = text.substring(told);
        told = text.length();
        return piece;
    }

    /** An event's data as JSON; data that is not JSON means a broken stream, worth another attempt. */
    static JsonNode json(String data) throws CallFailure {
        try {
            return MAPPER.readTree(data);
        } catch (JsonProcessingException e) {
            throw CallFailure.retryable("the stream carried an event that is not JSON");
        }
    }
}
