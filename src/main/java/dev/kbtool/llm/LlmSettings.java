package dev.kbtool.llm;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Every knob of the LLM clients and the LLM compiler, meant for the {@code llm:} section of
 * {@code .kb/config.yaml}. The key each component is read from is given in brackets; the
 * defaults are those of {@link #builder()}. The API key itself is never configured, only
 * the name of the environment variable that holds it.
 *
 * @param provider        [provider] wire protocol; default openai
 * @param baseUrl         [base_url] e.g. http://localhost:11434/v1 for Ollama; default by provider
 * @param model           [model] required; used by every stage without its own model
 * @param apiKeyEnv       [api_key_env] environment variable with the key; default by provider.
 *                        An unset variable sends no key, which local servers accept
 * @param summarizeModel  [summarize_model] model of the summarize stage, or null for {@code model}
 * @param extractModel    [extract_model] model of the extract stage, or null for {@code model}
 * @param mergeModel      [merge_model] model of the merge (overview) stage, or null for {@code model}
 * @param maxTokens       [max_tokens] answer length limit per call; default 4096
 * @param temperature     [temperature] 0 to 2, or null to leave it to the server; default 0.2
 * @param stream          [stream] ask for server-sent events; default true, so gateways'
 *                        idle timeouts do not cut long answers
 * @param jsonMode        [json_mode] send {@code response_format: json_object} (OpenAI-compatible
 *                        servers only); default true
 * @param connectTimeout  [connect_timeout] default 10s
 * @param requestTimeout  [request_timeout] one call, from sending to the last byte; default 5m
 * @param idleTimeout     [idle_timeout] a stream silent this long is dropped and retried; default 60s
 * @param documentTimeout [document_timeout] all calls about one document, waits included; default 10m
 * @param maxRetries      [max_retries] retries after the first attempt of a call; default 4
 * @param retryBaseDelay  [retry_base_delay] back-off before the first retry; default 1s
 * @param retryMaxDelay   [retry_max_delay] longest back-off; default 30s
 * @param maxRetryAfter   [max_retry_after] longest server-requested wait honoured; default 60s
 * @param maxConcurrency  [max_concurrency] calls in flight at once across all threads; default 4
 * @param chunkTokens     [chunk_tokens] document text per call, counted as 4 characters a
 *                        token; longer documents are summarised in parts; default 6000
 * @param maxChunks       [max_chunks] parts read of a long document, bounding its calls; default 12
 * @param maxConcepts     [max_concepts] concepts kept per document; default 10
 * @param maxEntities     [max_entities] entities kept per document; default 10
 * @param language        [language] language of the pages, or null for the document's own
 * @param onUnavailable   [on_unavailable] fail or offline; default fail
 */
public record LlmSettings(
        LlmProvider provider,
        String baseUrl,
        String model,
        String apiKeyEnv,
        String summarizeModel,
        String extractModel,
        String mergeModel,
        int maxTokens,
        Double temperature,
        boolean stream,
        boolean jsonMode,
        Duration connectTimeout,
        Duration requestTimeout,
        Duration idleTimeout,
        Duration documentTimeout,
        int maxRetries,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        Duration maxRetryAfter,
        int maxConcurrency,
        int chunkTokens,
        int maxChunks,
        int maxConcepts,
        int maxEntities,
        String language,
        OnUnavailable onUnavailable) {

    /** The config keys of the {@code llm:} section, in the order of the record. */
    public static final List<String> KEYS = List.of(
            "provider", "base_url", "model", "api_key_env", "summarize_model", "extract_model", "merge_model",
            "max_tokens", "temperature", "stream", "json_mode", "connect_timeout", "request_timeout",
            "idle_timeout", "document_timeout", "max_retries", "retry_base_delay", "retry_max_delay",
            "max_retry_after", "max_concurrency", "chunk_tokens", "max_chunks", "max_concepts", "max_entities",
            "language", "on_unavailable");

    /** Characters of document text per call. */
    public int chunkChars() {
        return chunkTokens * 4;
    }

    public String modelFor(Stage stage) {
        String specific = switch (stage) {
            case SUMMARIZE -> summarizeModel;
            case EXTRACT -> extractModel;
            case MERGE -> mergeModel;
        };
        return specific == null || specific.isBlank() ? model : specific;
    }

    /**
     * Checks every value; the exception names the key ({@code llm.<key>}) and what it must
     * be, for the config loader to report as a config error.
     */
    public LlmSettings validate() {
        if (provider == null) {
            throw bad("provider", "openai or anthropic");
        }
        checkUrl();
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("'llm.model' is required when an LLM is configured");
        }
        if (apiKeyEnv == null || !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw bad("api_key_env", "the name of an environment variable, such as OPENAI_API_KEY (not the key)");
        }
        range("max_tokens", maxTokens, 1, 1_000_000);
        if (temperature != null && !(temperature >= 0 && temperature <= 2)) {
            throw bad("temperature", "a number from 0 to 2, or null");
        }
        positive("connect_timeout", connectTimeout);
        positive("request_timeout", requestTimeout);
        positive("idle_timeout", idleTimeout);
        positive("document_timeout", documentTimeout);
        range("max_retries", maxRetries, 0, 100);
        positive("retry_base_delay", retryBaseDelay);
        positive("retry_max_delay", retryMaxDelay);
        if (retryMaxDelay.compareTo(retryBaseDelay) < 0) {
            throw bad("retry_max_delay", "at least retry_base_delay");
        }
        positive("max_retry_after", maxRetryAfter);
        range("max_concurrency", maxConcurrency, 1, 1024);
        range("chunk_tokens", chunkTokens, 500, 10_000_000);
        range("max_chunks", maxChunks, 1, 1000);
        range("max_concepts", maxConcepts, 0, 100);
        range("max_entities", maxEntities, 0, 100);
        if (language != null && language.isBlank()) {
            throw bad("language", "a language name such as English, or left out");
        }
        if (onUnavailable == null) {
            throw bad("on_unavailable", "fail or offline");
        }
        return this;
    }

    private void checkUrl() {
        try {
            URI uri = new URI(baseUrl);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (Exception e) {
            throw bad("base_url", "an http:// or https:// URL, such as " + provider.defaultBaseUrl());
        }
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw bad(key, "a whole number from " + min + " to " + max + ", got " + value);
        }
    }

    private static void positive(String key, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw bad(key, "a positive duration such as 30s");
        }
    }

    private static IllegalArgumentException bad(String key, String expected) {
        return new IllegalArgumentException("'llm." + key + "' must be " + expected);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts from the defaults; {@link #build()} fills provider-dependent defaults and validates. */
    public static final class Builder {
        private LlmProvider provider = LlmProvider.OPENAI;
        private String baseUrl;
        private String model;
        private String apiKeyEnv;
        private String summarizeModel;
        private String extractModel;
        private String mergeModel;
        private int maxTokens = 4096;
        private Double temperature = 0.2;
        private boolean stream = true;
        private boolean jsonMode = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofMinutes(5);
        private Duration idleTimeout = Duration.ofSeconds(60);
        private Duration documentTimeout = Duration.ofMinutes(10);
        private int maxRetries = 4;
        private Duration retryBaseDelay = Duration.ofSeconds(1);
        private Duration retryMaxDelay = Duration.ofSeconds(30);
        private Duration maxRetryAfter = Duration.ofSeconds(60);
        private int maxConcurrency = 4;
        private int chunkTokens = 6000;
        private int maxChunks = 12;
        private int maxConcepts = 10;
        private int maxEntities = 10;
        private String language;
        private OnUnavailable onUnavailable = OnUnavailable.FAIL;

        private Builder() {
        }

        public Builder provider(LlmProvider v) { provider = v; return this; }
        public Builder baseUrl(String v) { baseUrl = v; return this; }
        public Builder model(String v) { model = v; return this; }
        public Builder apiKeyEnv(String v) { apiKeyEnv = v; return this; }
        public Builder summarizeModel(String v) { summarizeModel = v; return this; }
        public Builder extractModel(String v) { extractModel = v; return this; }
        public Builder mergeModel(String v) { mergeModel = v; return this; }
        public Builder maxTokens(int v) { maxTokens = v; return this; }
        public Builder temperature(Double v) { temperature = v; return this; }
        public Builder stream(boolean v) { stream = v; return this; }
        public Builder jsonMode(boolean v) { jsonMode = v; return this; }
        public Builder connectTimeout(Duration v) { connectTimeout = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder idleTimeout(Duration v) { idleTimeout = v; return this; }
        public Builder documentTimeout(Duration v) { documentTimeout = v; return this; }
        public Builder maxRetries(int v) { maxRetries = v; return this; }
        public Builder retryBaseDelay(Duration v) { retryBaseDelay = v; return this; }
        public Builder retryMaxDelay(Duration v) { retryMaxDelay = v; return this; }
        public Builder maxRetryAfter(Duration v) { maxRetryAfter = v; return this; }
        public Builder maxConcurrency(int v) { maxConcurrency = v; return this; }
        public Builder chunkTokens(int v) { chunkTokens = v; return this; }
        public Builder maxChunks(int v) { maxChunks = v; return this; }
        public Builder maxConcepts(int v) { maxConcepts = v; return this; }
        public Builder maxEntities(int v) { maxEntities = v; return this; }
        public Builder language(String v) { language = v; return this; }
        public Builder onUnavailable(OnUnavailable v) { onUnavailable = v; return this; }

        public LlmSettings build() {
            LlmProvider p = provider == null ? LlmProvider.OPENAI : provider;
            String url = baseUrl == null || baseUrl.isBlank() ? p.defaultBaseUrl() : baseUrl.strip();
            String keyEnv = apiKeyEnv == null || apiKeyEnv.isBlank() ? p.defaultKeyEnv() : apiKeyEnv.strip();
            return new LlmSettings(provider, url.replaceAll("/+$", ""), model, keyEnv, summarizeModel, extractModel,
                    mergeModel, maxTokens, temperature, stream, jsonMode, connectTimeout, requestTimeout, idleTimeout,
                    documentTimeout, maxRetries, retryBaseDelay, retryMaxDelay, maxRetryAfter, maxConcurrency,
                    chunkTokens, maxChunks, maxConcepts, maxEntities, language, onUnavailable).validate();
        }
    }
}
