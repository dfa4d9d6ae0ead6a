package dev.kbtool.llm;

/** One turn of a conversation; the system prompt travels separately in {@link ChatRequest}. */
public record ChatMessage(Role role, String content) {
    public enum Role {
        USER("user"),
        ASSISTANT("assistant");

        private final String wireName;

        Role(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage(Role.ASSISTANT, content);
    }
}
