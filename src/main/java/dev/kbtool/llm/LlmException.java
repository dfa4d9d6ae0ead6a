package dev.kbtool.llm;

/**
 * An LLM call that failed in a way that concerns this call or document only, such as a
 * request the server refuses, an answer that stays invalid, or the document's time limit
 * running out. The message is one line a person reads.
 */
public class LlmException extends Exception {
    public LlmException(String message) {
        super(message);
    }

    public LlmException(String message, Throwable cause) {
        super(message, cause);
    }
}
