package dev.kbtool.compile.llm;

/** A reply that does not have the expected shape; the message is sent back to the model in the repair request. */
final class InvalidReplyException extends Exception {
    InvalidReplyException(String reason) {
        super(reason);
    }
}
