package dev.kbtool.llm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kbtool.text.Units;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;

/**
 * Reads the {@code llm:} section of {@code .kb/config.yaml} into {@link LlmSettings}. Every
 * failure is an {@link IllegalArgumentException} naming the key as {@code llm.<key>}.
 * {@code max_concepts} and {@code max_entities} are top-level keys shared by both compilers.
 */
public final class LlmConfigReader {
    private static final Set<String> SHARED = Set.of("max_concepts", "max_entities");

    private LlmConfigReader() {
    }

    public static LlmSettings read(JsonNode llm, int maxConcepts, int maxEntities) {
        if (llm == null || !llm.isObject()) {
            throw new IllegalArgumentException("'compiler: llm' needs an llm: section with at least llm.model");
        }
        for (Iterator<String> it = llm.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!LlmSettings.KEYS.contains(key) || SHARED.contains(key)) {
                throw new IllegalArgumentException("unknown key 'llm." + key + "'" + (SHARED.contains(key)
                        ? "; " + key + " is a top-level key" : "; known: " + String.join(", ",
                        LlmSettings.KEYS.stream().filter(k -> !SHARED.contains(k)).toList())));
            }
        }
        LlmSettings.Builder b = LlmSettings.builder();
        String provider = text(llm, "provider");
        if (provider != null) {
            b.provider(provider(provider));
        }
        b.baseUrl(text(llm, "base_url"));
        b.model(text(llm, "model"));
        b.apiKeyEnv(text(llm, "api_key_env"));
        b.summarizeModel(text(llm, "summarize_model"));
        b.extractModel(text(llm, "extract_model"));
        b.mergeModel(text(llm, "merge_model"));
        integer(llm, "max_tokens", b::maxTokens);
        if (llm.has("temperature")) {
            JsonNode t = llm.get("temperature");
            if (!t.isNull() && !t.isNumber()) {
                throw bad("temperature", "a number from 0 to 2, or null");
            }
            b.temperature(t.isNull() ? null : t.asDouble());
        }
        bool(llm, "stream", b::stream);
        bool(llm, "json_mode", b::jsonMode);
        duration(llm, "connect_timeout", b::connectTimeout);
        duration(llm, "request_timeout", b::requestTimeout);
        duration(llm, "idle_timeout", b::idleTimeout);
        duration(llm, "document_timeout", b::documentTimeout);
        integer(llm, "max_retries", b::maxRetries);
        duration(llm, "retry_base_delay", b::retryBaseDelay);
        duration(llm, "retry_max_delay", b::retryMaxDelay);
        duration(llm, "max_retry_after", b::maxRetryAfter);
        integer(llm, "max_concurrency", b::maxConcurrency);
        integer(llm, "chunk_tokens", b::chunkTokens);
        integer(llm, "max_chunks", b::maxChunks);
        b.maxConcepts(maxConcepts);
        b.maxEntities(maxEntities);
        b.language(text(llm, "language"));
        String on = text(llm, "on_unavailable");
        if (on != null) {
            b.onUnavailable(OnUnavailable.fromConfig(on));
        }
        return b.build();
    }

    private static LlmProvider provider(String name) {
        for (LlmProvider p : LlmProvider.values()) {
            if (p.configName().equals(name.strip())) {
                return p;
            }
        }
        throw bad("provider", "openai or anthropic, got '" + name + "'");
    }

    private static String text(JsonNode node, String key) {
        JsonNode n = node.get(key);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isValueNode() || n.isBoolean()) {
            throw bad(key, "a string");
        }
        return n.asText();
    }

    private static void integer(JsonNode node, String key, java.util.function.IntConsumer set) {
        JsonNode n = node.get(key);
        if (n != null && !n.isNull()) {
            if (!n.isIntegralNumber()) {
                throw bad(key, "a whole number");
            }
            set.accept(n.asInt());
        }
    }

    private static void bool(JsonNode node, String key, java.util.function.Consumer<Boolean> set) {
        JsonNode n = node.get(key);
        if (n != null && !n.isNull()) {
            if (!n.isBoolean()) {
                throw bad(key, "true or false");
            }
            set.accept(n.asBoolean());
        }
    }

    private static void duration(JsonNode node, String key, java.util.function.Consumer<Duration> set) {
        JsonNode n = node.get(key);
        if (n != null && !n.isNull()) {
            try {
                set.accept(Units.parseDuration(n.asText()));
            } catch (IllegalArgumentException e) {
                throw bad(key, "a duration such as 30s or 5m");
            }
        }
    }

    private static IllegalArgumentException bad(String key, String expected) {
        return new IllegalArgumentException("'llm." + key + "' must be " + expected);
    }
}
