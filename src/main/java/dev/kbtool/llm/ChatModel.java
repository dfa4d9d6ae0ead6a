package dev.kbtool.llm;

/**
 * A chat model behind some wire protocol: messages in, text and token counts out.
 * Implementations are shared by all prepare workers, so they are thread-safe.
 */
public interface ChatModel {
    /**
     * Sends one request, retrying transient failures, within {@code deadline}.
     *
     * @throws LlmUnavailableException when the service cannot be used at all (unreachable,
     *                                 key rejected, endpoint or model unknown, failures
     *                                 outlasting the retries); every later call fails the same way
     * @throws LlmException            when this call failed but others may work (a request the
     *                                 server refuses, the deadline running out)
     */
    ChatResponse complete(ChatRequest request, Deadline deadline) throws LlmException, InterruptedException;

    /**
     * Sends one request like {@link #complete(ChatRequest, Deadline)}, telling {@code listener}
     * the answer's text as it arrives; a model that cannot stream tells it all at the end.
     */
    default ChatResponse complete(ChatRequest request, Deadline deadline, TextListener listener)
            throws LlmException, InterruptedException {
        ChatResponse response = complete(request, deadline);
        listener.text(response.text());
        return response;
    }
}
