package dev.kbtool.compile.llm;

import dev.kbtool.compile.CompileUsage;

/**
 * The text of one answer and what it cost.
 *
 * @param truncated the model stopped at the answer length limit, so the text is cut off
 */
public record ChatResponse(String text, long inputTokens, long outputTokens, boolean truncated) {

    /** This answer as one call of usage. */
    public CompileUsage usage() {
        return new CompileUsage(1, inputTokens, outputTokens);
    }
}
