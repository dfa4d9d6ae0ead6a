package dev.kbtool.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The wire protocols kb speaks; each has the base URL and key variable a fresh config gets. */
public enum LlmProvider {
    /** Chat Completions: OpenAI itself and the servers that copy it (Ollama, LM Studio, vLLM, OpenRouter). */
    OPENAI("openai", "https://api.openai.com/v1", "OPENAI_API_KEY"),
    /** Anthropic Messages. */
    ANTHROPIC("anthropic", "https://api.anthropic.com", "ANTHROPIC_API_KEY");

    private final String configName;
    private final String defaultBaseUrl;
    private final String defaultKeyEnv;

    LlmProvider(String configName, String defaultBaseUrl, String defaultKeyEnv) {
        this.configName = configName;
        this.defaultBaseUrl = defaultBaseUrl;
        this.defaultKeyEnv = defaultKeyEnv;
    }

    public String configName() {
        return configName;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    public String defaultKeyEnv() {
        return defaultKeyEnv;
    }

    /** The provider written as {@code name} in config; throws naming the key when unknown. */
    public static LlmProvider fromConfig(String name) {
        String n = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (LlmProvider p : values()) {
            if (p.configName.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException("'llm.provider' must be one of "
                + Arrays.stream(values()).map(LlmProvider::configName).collect(Collectors.joining(", "))
                + ", got '" + name + "'");
    }
}
