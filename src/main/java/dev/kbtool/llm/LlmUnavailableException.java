package dev.kbtool.llm;

import dev.kbtool.failure.ExitCode;
import dev.kbtool.failure.KbException;

/**
 * The configured LLM cannot be used at all: it is unreachable, rejects the key, has no such
 * endpoint or model, or kept failing through every retry. Compiling other documents would
 * fail the same way, so this is not a per-document failure: it is a {@link KbException}
 * with exit code 69 that escapes {@code analyze}, and the command either stops with its one
 * line or, when {@code llm.on_unavailable} is {@code offline}, falls back to the offline
 * compiler.
 */
public class LlmUnavailableException extends KbException {
    public LlmUnavailableException(String message) {
        super(ExitCode.UNAVAILABLE, message);
    }

    public LlmUnavailableException(String message, Throwable cause) {
        super(ExitCode.UNAVAILABLE, message, cause);
    }
}
