package dev.kbtool.compile.llm;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads and validates the JSON object of one kind of reply.
 *
 * @param <T> what the reply becomes
 */
@FunctionalInterface
interface ReplyParser<T> {
    /**
     * @param lenient false on the first answer: every flaw is reported so the model can fix it.
     *                True on the repaired answer: flawed items are dropped and fixable excess is
     *                cut; only a reply with nothing usable left is rejected.
     */
    T parse(JsonNode reply, boolean lenient) throws InvalidReplyException;
}
