package dev.kbtool.compile.llm;

/** Collects one streamed answer from its events; one instance per attempt. */
interface StreamState {
    /**
     * Takes the next event.
     *
     * @return true once the answer is complete
     * @throws CallFailure when the server reports an error inside the stream
     */
    boolean accept(SseEvent event) throws CallFailure;

    /** The answer so far; complete once {@link #accept} returned true. */
    ChatResponse response();
}
