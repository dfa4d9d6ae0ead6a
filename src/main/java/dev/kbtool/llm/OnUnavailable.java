package dev.kbtool.llm;

import java.util.Locale;

/**
 * What a command does when the LLM cannot be reached or rejects the key. The client only
 * reports {@link LlmUnavailableException}; the command makes this choice.
 */
public enum OnUnavailable {
    /** Stop and exit 69. */
    FAIL,
    /** Compile with the offline compiler instead, after saying so once. */
    OFFLINE;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OnUnavailable fromConfig(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (OnUnavailable o : values()) {
            if (o.configName().equals(n)) {
                return o;
            }
        }
        throw new IllegalArgumentException("'llm.on_unavailable' must be fail or offline, got '" + name + "'");
    }
}
