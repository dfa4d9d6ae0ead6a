package dev.kbtool.llm;

import java.util.List;

/**
 * One call: which model, the system prompt, the conversation so far (ending with a user
 * turn), and whether the answer must be a JSON object. Answer length and temperature come
 * from the client's settings.
 */
public record ChatRequest(String model, String system, List<ChatMessage> messages, boolean json) {
    public ChatRequest {
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
    }
}
