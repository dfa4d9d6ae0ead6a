package dev.kbtool.query;

import java.util.List;

/**
 * What {@code kb query} found.
 *
 * @param question  the question as asked
 * @param text      the answer, citing its sources as {@code [n]}; for an unanswered question, why
 * @param citations the sources the answer cites, numbered from 1
 * @param related   passages that come closest, when the question was not answered; else empty
 * @param mode      offline (extractive) or llm
 * @param status    answered, not_found (nothing in the knowledge base answers it) or unsupported
 *                  (the LLM's answer cites none of the passages it was given)
 * @param usage     the LLM's token counts, zero offline
 * @param dropped   numbers the LLM cited that name no passage it was given, taken out of the text
 */
public record Answer(String question, String text, List<Citation> citations, List<Citation> related, String mode,
        Status status, Usage usage, List<Integer> dropped) {
    public Answer {
        citations = List.copyOf(citations);
        related = List.copyOf(related);
        dropped = List.copyOf(dropped);
    }

    public Answer(String question, String text, List<Citation> citations, List<Citation> related, String mode,
            Status status, Usage usage) {
        this(question, text, citations, related, mode, status, usage, List.of());
    }

    /** The same answer, noting the citations of passages the model was not given, which were taken out. */
    public Answer withDropped(List<Integer> numbers) {
        return new Answer(question, text, citations, related, mode, status, usage, numbers);
    }

    public enum Status {
        ANSWERED, NOT_FOUND, UNSUPPORTED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Tokens the LLM read and wrote over all calls for this answer. */
    public record Usage(long inputTokens, long outputTokens, int calls) {
        public static final Usage NONE = new Usage(0, 0, 0);

        public Usage plus(long in, long out) {
            return new Usage(inputTokens + in, outputTokens + out, calls + 1);
        }
    }

    public boolean answered() {
        return status == Status.ANSWERED;
    }
}
