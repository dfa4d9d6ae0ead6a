package dev.kbtool.llm;

/**
 * The text of one answer and what it cost.
 *
 * @param truncated the model stopped at the answer length limit, so the text is cut off
 */
public record ChatResponse(String text, long inputTokens, long outputTokens, boolean truncated) {
}
